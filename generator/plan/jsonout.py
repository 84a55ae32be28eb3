"""`huifang plan --format json`, written as it goes: the same bytes as `json.dump(plan.as_dict(), indent=2,
ensure_ascii=False)`, whose indenting encoder is pure Python and builds a dict per call first (a million calls)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from json.encoder import encode_basestring  # type: ignore[attr-defined]  # the C one when available
from typing import TextIO

from huifang.plan.core import Call, Plan

BATCH = 20_000  # calls per write


def strings(values, indent: str) -> str:
    if not values:
        return "[]"
    inner = ",\n".join(f"{indent}  {encode_basestring(v)}" for v in values)
    return f"[\n{inner}\n{indent}]"


def call_texts(calls: list[Call]) -> Iterator[str]:
    """Each call as indented JSON. The texts calls share are encoded once: the scenario, the (agent, date) of a
    run of calls (the calls come grouped by day and agent), and (time, window) when there is no warning."""
    enc = encode_basestring
    scenarios: dict[str, str] = {}
    days: dict[tuple, str] = {}
    tails: dict[tuple, str] = {}
    last_agent, last_date, mid = None, None, ""
    for line, customer, phone, scenario, _, agent, date, time, span, _, _, warnings, _, _ in calls:
        known = scenarios.get(scenario)
        if known is None:
            known = scenarios[scenario] = enc(scenario)
        if agent is not last_agent or date is not last_date:
            last_agent, last_date = agent, date
            mid = days.get((agent, date))  # type: ignore[assignment]
            if mid is None:
                mid = days[(agent, date)] = (
                    f'"agent": {enc(agent)},\n      "date": "{date.isoformat()}",\n      "time": '
                )
        if warnings:
            tail = f'{enc(time)},\n      "window": {window(span)},\n      "warnings": {strings(warnings, "      ")}\n    }}'
        else:
            tail = tails.get((time, span))  # type: ignore[assignment]
            if tail is None:
                tail = tails[(time, span)] = (
                    f'{enc(time)},\n      "window": {window(span)},\n      "warnings": []\n    }}'
                )
        yield (
            f'    {{\n      "line": {line},\n      "customer": {enc(customer)},\n      "phone": {enc(phone)},\n'
            f'      "scenario": {known},\n      {mid}{tail}'
        )


def window(span) -> str:
    end = f'"{span[1].isoformat()}"' if span[1] else "null"
    return f'[\n        "{span[0].isoformat()}",\n        {end}\n      ]'


def pairs(items: list[tuple[int, str]], name: str) -> str:
    if not items:
        return "[]"
    inner = ",\n".join(
        f'    {{\n      "line": {n},\n      "{name}": {encode_basestring(text)}\n    }}' for n, text in items
    )
    return f"[\n{inner}\n  ]"


def write_json(plan: Plan, out: TextIO) -> None:
    """The plan as indented JSON (no newline after the closing brace, as json.dump)."""
    if plan.calls:
        out.write('{\n  "calls": [\n')
        texts = call_texts(plan.calls)
        for start in range(0, len(plan.calls), BATCH):
            if start:
                out.write(",\n")
            out.write(",\n".join(islice(texts, BATCH)))
        out.write("\n  ],\n")
    else:
        out.write('{\n  "calls": [],\n')
    out.write(f'  "unscheduled": {pairs(plan.unscheduled, "reason")},\n  "errors": {pairs(plan.errors, "message")}\n}}')
