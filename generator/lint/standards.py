"""Greeting and closing standards: finding their elements by meaning, and which turns are the opening
or the closing of a call.

An element has several patterns (its phrasing families) and exclusions, in content/standards.yaml.
Pattern syntax: plain text; `*` a gap of up to 12 characters; `(甲|乙)` one of the alternatives;
`{名}` a name or a written placeholder (XX, ××, ***, 某, a common surname); `{公司}` and the other
placeholders also match the organisation's value. A match that overlaps an exclusion does not count.
Texts and patterns are compared folded (Simplified, half-width, lower case). None of this syntax
ever reaches a message: messages name an element and show its `examples`.

`find_elements(utterances, elements, org)` is the one detector (lint and call QA use it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from huifang import model as m
from huifang.lint.normalize import fold
from huifang.lint.utterance import CallView, Utterance

WILDCARD = ".{0,12}?"
PLACEHOLDER = re.compile(r"\{([^{}\s]{1,20})\}")
TOKEN = re.compile(r"(\*|\([^()]*\|[^()]*\)|\{[^{}\s]{1,20}\})")
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
            "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
NAME = r"(?:x{1,4}|×{1,4}|\*{1,4}|…{1,2}|\.{2,6}|。{2,6}|某{1,2}|[〇○□_＿]{1,4}|[" + SURNAMES + "])"
KINDS = ("outbound", "inbound", "face", "message")


def _piece(token: str, values: dict) -> str:
    if token == "*":
        return WILDCARD
    if token.startswith("("):
        return "(?:" + "|".join(re.escape(fold(a)) for a in token[1:-1].split("|")) + ")"
    if token.startswith("{"):
        name = token[1:-1]
        if name == "名":
            return NAME
        literal = re.escape(fold(token))
        return f"(?:{literal}|{re.escape(fold(values[name]))})" if values.get(name) else literal
    return re.escape(fold(token))


@lru_cache(maxsize=4096)
def _compile(pattern: str, fills: tuple) -> str:
    values = dict(fills)
    return "".join(_piece(t, values) for t in TOKEN.split(pattern) if t)


class Detector:
    """One element's patterns and exclusions, compiled for one organisation."""

    __slots__ = ("regex", "exclude", "pattern")

    def __init__(self, element: m.Element, fills: tuple = ()):
        self.regex = re.compile("|".join(_compile(p, fills) for p in element.patterns))
        self.exclude = re.compile("|".join(_compile(p, fills) for p in element.exclude)) if element.exclude else None
        self.pattern = self.regex.pattern + ("|" + self.exclude.pattern if self.exclude else "")

    def search(self, text: str) -> tuple[int, int] | None:
        """(start, end) of the first match in a folded text that no exclusion overlaps, or None."""
        found = self.regex.search(text)
        if found is None or self.exclude is None:
            return found.span() if found else None
        bad = [x.span() for x in self.exclude.finditer(text)]
        if not bad:
            return found.span()
        for found in self.regex.finditer(text):
            start, end = found.span()
            if not any(a < end and start < b for a, b in bad):
                return start, end
        return None


def element_regex(element: m.Element, org: m.Org | None) -> Detector:
    return Detector(element, tuple(sorted(org.fills().items())) if org else ())


@dataclass(frozen=True)
class Found:
    """Where an element was said: the utterance and the character range in its text."""

    element: m.Element
    utterance: Utterance
    start: int
    end: int


def find_elements(utterances: list[Utterance], elements: list[m.Element], org: m.Org | None = None,
                  detectors: dict | None = None) -> list[Found]:
    """The first place of each element in the utterances (in element order); an element that is
    never said is absent. `detectors` caches compiled elements between calls."""
    cache = detectors if detectors is not None else {}
    out = []
    for element in elements:
        key = (id(element), org.id if org else "")
        detector = cache.get(key)
        if detector is None:
            detector = cache[key] = element_regex(element, org)
        for u in utterances:
            span = detector.search(u.folded)
            if span is not None:
                out.append(Found(element, u, *span))
                break
    return out


def kind_of(view: CallView) -> str:
    return view.kind if view.kind in KINDS else "outbound"


def for_view(standard: m.Standard | None, view: CallView) -> m.Standard | None:
    """The standard that applies to this call's kind of contact."""
    return standard.for_kind(kind_of(view)) if standard is not None else None


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


# How far the opening may reach: agent turns before the first element (a title, repeated 喂, a
# wrong party), and turns without an element once it has started.
LEAD = 8


def opening(ctx, view: CallView, standard: m.Standard) -> list[Utterance]:
    """The agent's turns that make up the opening, found by their place in the call.

    The opening starts at the first agent turn and runs until the call moves on to its questions:
    the first question that carries no opening element, or `max_turns` turns in a row without one.
    Turns before the first element (repeated 喂/您好 answered by nobody, a wrong party, a title
    line) do not end it, up to LEAD of them.
    """
    agent = view.agent_turns(_main_path(view))
    turns: list[Utterance] = []
    every = len(standard.elements)
    started = False
    quiet = 0
    for u in agent:
        has = len(missing(ctx, standard, view.org, [u])) < every
        if has:
            started = True
            quiet = 0
        elif started:
            if u.ask:
                break
            quiet += 1
            if quiet > standard.max_turns:
                break
        elif len(turns) >= LEAD or (u.ask and turns):
            break
        turns.append(u)
    while turns and len(turns) > 1 and len(missing(ctx, standard, view.org, [turns[-1]])) == every:
        turns.pop()
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


def shown(elements) -> str:
    """Element names for a message, each with a plain example of its wording."""
    return "、".join(f"{e.name}（如「{e.example}」）" if e.example else e.name for e in elements)
