"""Greeting and closing standards: element patterns, and which turns are the opening or the closing.

A pattern is a short substring; `*` stands for up to 12 characters; `{公司}` also matches the
organisation's value for it. Texts and patterns are compared folded (Simplified, half-width).
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator import model as m
from generator.lint.normalize import fold
from generator.lint.utterance import CallView, Utterance

WILDCARD = ".{0,12}?"
PLACEHOLDER = re.compile(r"\{([^{}\s]{1,20})\}")


@lru_cache(maxsize=1024)
def _compile(pattern: str, fills: tuple) -> re.Pattern:
    values = dict(fills)
    alternatives = {pattern}
    for name in PLACEHOLDER.findall(pattern):
        if values.get(name):
            alternatives |= {a.replace("{" + name + "}", values[name]) for a in alternatives}
    parts = ["".join(re.escape(fold(piece)) if i % 2 == 0 else WILDCARD
                     for i, piece in enumerate(re.split(r"(\*)", a))) for a in sorted(alternatives)]
    return re.compile("|".join(parts))


def element_regex(element: m.Element, org: m.Org | None) -> re.Pattern:
    fills = tuple(sorted(org.fills().items())) if org else ()
    return re.compile("|".join(_compile(p, fills).pattern for p in element.patterns))


def has(ctx, element: m.Element, org, utterances: list[Utterance]) -> bool:
    if not utterances:
        return False
    # One search over the turns joined by newlines: a `*` (.{0,12}) never crosses into the next turn.
    text = utterances[0].folded if len(utterances) == 1 else "\n".join(u.folded for u in utterances)
    return ctx.element(element, org).search(text) is not None


def opening(ctx, view: CallView, standard: m.Standard) -> list[Utterance]:
    """The agent's turns before the call moves on to its questions, at most `max_turns`.

    A question that carries a greeting element ("您好，您是王先生吗？") still belongs to the opening;
    the first question that carries none starts the questions.
    """
    path = _main_path(view)
    agent = [u for u in path if u.agent]
    turns = []
    for u in agent[:standard.max_turns]:
        if turns and u.ask and not any(has(ctx, e, view.org, [u]) for e in standard.elements):
            break
        turns.append(u)
    return turns


def closing(turns: list[Utterance], standard: m.Standard) -> list[Utterance]:
    return [u for u in turns if u.agent][-standard.max_turns:]


def _main_path(view: CallView) -> list[Utterance]:
    for label, turns in view.paths:
        if label != "不方便":
            return turns
    return view.paths[0][1] if view.paths else []


def path_name(label: str) -> str:
    return label or "主流程"
