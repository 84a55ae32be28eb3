"""Greeting and closing standards: element patterns, and which turns are the opening or the closing.

A pattern is a short substring; `*` stands for up to 12 characters; `{公司}` also matches the
organisation's value for it. Texts and patterns are compared folded (Simplified, half-width).
"""

from __future__ import annotations

import re
from functools import lru_cache

from huifang import model as m
from huifang.lint.normalize import fold
from huifang.lint.utterance import CallView, Utterance

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


def _text(ctx, utterances: list[Utterance]) -> str:
    # The turns joined by newlines: a `*` (.{0,12}) never crosses into the next turn.
    turns = tuple(utterances)  # the same turns are asked about by several rules: join them once
    if ctx.joined[0] != turns:
        ctx.joined = (turns, "\n".join(u.folded for u in turns))
    return ctx.joined[1]


def missing(ctx, standard: m.Standard, org, utterances: list[Utterance]) -> tuple:
    """The standard's elements that none of the turns has, in the standard's order."""
    if not utterances:
        return tuple(standard.elements)
    if len(utterances) == 1:
        return ctx.missing(standard, org, utterances[0].folded)
    if not ctx.one_line(standard, org):
        return ctx.missing(standard, org, _text(ctx, utterances))
    # No pattern spans a line break, so an element is in the joined turns exactly when it is in one
    # of them: asked per turn, where the answers are remembered (turns recur, combinations less).
    absent = ctx.missing(standard, org, utterances[0].folded)
    for u in utterances[1:]:
        if not absent:
            break
        here = ctx.missing(standard, org, u.folded)
        absent = tuple(e for e in absent if e in here)
    return absent


def opening(ctx, view: CallView, standard: m.Standard) -> list[Utterance]:
    """The agent's turns before the call moves on to its questions, at most `max_turns`.

    A question that carries a greeting element ("您好，您是王先生吗？") still belongs to the opening;
    the first question that carries none starts the questions.
    """
    agent = view.agent_turns(_main_path(view))
    turns = []
    every = len(standard.elements)
    for u in agent[:standard.max_turns]:
        if turns and u.ask and len(missing(ctx, standard, view.org, [u])) == every:
            break
        turns.append(u)
    return turns


def closing(turns: list[Utterance], standard: m.Standard, view: CallView | None = None) -> list[Utterance]:
    return (view.agent_turns(turns) if view is not None else [u for u in turns if u.agent])[-standard.max_turns:]


def _main_path(view: CallView) -> list[Utterance]:
    for label, turns in view.paths:
        if label != "不方便":
            return turns
    return view.paths[0][1] if view.paths else []


def path_name(label: str) -> str:
    return label or "主流程"
