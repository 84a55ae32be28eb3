"""`huifang plan --format json`, written as it goes: the same bytes as `json.dump(plan.as_dict(), indent=2,
ensure_ascii=False)`, whose indenting encoder is pure Python and builds a dict per call first (a million calls)."""

from __future__ import annotations

from json.encoder import encode_basestring  # type: ignore[attr-defined]  # the C one when available
from typing import TextIO

from huifang.plan.core import Call, Plan

BATCH = 20_000  # calls per write


def strings(values, indent: str) -> str:
    if not values:
        return "[]"
    inner = ",\n".join(f"{indent}  {encode_basestring(v)}" for v in values)
    return f"[\n{inner}\n{indent}]"


class CallText:
    """One call as indented JSON; the texts calls share (agents, scenarios, dates, windows) encoded once."""

    def __init__(self) -> None:
        self.text: dict = {}
        self.windows: dict = {}

    def shared(self, value: str) -> str:
        known = self.text.get(value)
        if known is None:
            known = self.text[value] = encode_basestring(value)
        return known

    def window(self, span) -> str:
        known = self.windows.get(span)
        if known is None:
            end = f'"{span[1].isoformat()}"' if span[1] else "null"
            known = self.windows[span] = f'[\n        "{span[0].isoformat()}",\n        {end}\n      ]'
        return known

    def __call__(self, c: Call) -> str:
        shared = self.shared
        return (
            f'    {{\n      "line": {c.line},\n      "customer": {encode_basestring(c.customer)},\n'
            f'      "phone": {encode_basestring(c.phone)},\n      "scenario": {shared(c.scenario)},\n'
            f'      "agent": {shared(c.agent)},\n      "date": "{c.date.isoformat()}",\n'
            f'      "time": {shared(c.time)},\n      "window": {self.window(c.window)},\n'
            f'      "warnings": {strings(c.warnings, "      ")}\n    }}'
        )


def pairs(items: list[tuple[int, str]], name: str) -> str:
    if not items:
        return "[]"
    inner = ",\n".join(
        f'    {{\n      "line": {n},\n      "{name}": {encode_basestring(text)}\n    }}' for n, text in items
    )
    return f"[\n{inner}\n  ]"


def write_json(plan: Plan, out: TextIO) -> None:
    """The plan as indented JSON (no newline after the closing brace, as json.dump)."""
    one = CallText()
    if plan.calls:
        out.write('{\n  "calls": [\n')
        for start in range(0, len(plan.calls), BATCH):
            if start:
                out.write(",\n")
            out.write(",\n".join(map(one, plan.calls[start : start + BATCH])))
        out.write("\n  ],\n")
    else:
        out.write('{\n  "calls": [],\n')
    out.write(f'  "unscheduled": {pairs(plan.unscheduled, "reason")},\n  "errors": {pairs(plan.errors, "message")}\n}}')
