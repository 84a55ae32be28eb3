"""Branches written in a free-form script: which lines are alternatives, so each path's closing is checked.

Real scripts mark alternatives in a few ways, each a *family* of markers at the start of an agent line
(after a list marker or a number):

- letters: 「A.方便」「B.不方便」 (capital letters in order);
- situations: 「情况一」「情况二」, 「情形1」「场景2」;
- conditions and their opposites: 「方便：」/「不方便：」, 「配合的：」/「不配合的：」, 「如客户满意，」/「如客户不满意，」,
  「满意：」「一般：」「不满意：」;
- labelled alternatives that each end a call: 「日常：…再见」/「节日：…再见」, 「1.咨询：…」「2.投诉：…」 (a short label
  and a colon, the same numbering, and every one of them says goodbye or a good wish); a call robot's
  ending nodes (「结束_失败：」, 「结束（成功）：」) end a call whatever they say.

Siblings are markers of one family with the same numbering style, not separated by a line numbered like
a line before them (an outer section). A branch runs from its marker to the next sibling; the last one runs
until an outer section or the next branch of a set begun before it starts (or, when every sibling is said
on its marker's line alone, with that line). Each innermost branch is a path: the call without the branches it excludes
(its siblings and its ancestors' siblings). A branch that says goodbye or a good wish, and a 不方便 branch,
end the call: their path stops where they stop.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import product

from huifang import regexcache
from huifang.compose import MAX_PATHS  # past it, the call says so (paths-capped)
from huifang.lint.robotends import first_hang_up, hangs_up, hangs_up_line  # Round 35a
from huifang.lint.standards import (
    ENDS,  # a branch that says them is where its path stops
    _part,
    path_name,
)
from huifang.lint.utterance import Utterance

TYPE_CHECKING = False
if TYPE_CHECKING:  # the checker knows dataclasses; records makes the same classes faster
    from dataclasses import dataclass
else:
    from huifang.records import dataclass


# Numbering before a marker, by style: 1. 1、 (1) （一） 一、 A.
NUMBERING = regexcache.compile(
    r"[ \t　]*(?:(?P<num>\d{1,2}(?:\.\d{1,2})*[.、．)）](?!\d))|(?P<pnum>[(（]\d{1,2}[)）])"
    r"|(?P<pcn>[(（][一二三四五六七八九十]{1,3}[)）])|(?P<cn>[一二三四五六七八九十]{1,3}、)"
    r"|(?P<letter>[A-HＡ-Ｈ](?:[.．、:：)）]|(?=[\u4e00-\u9fff]))))?[ \t　]*"
)
SITUATION = regexcache.compile(r"(?:情况|情形|场景)(?P<n>[一二三四五六七八九十\d]{1,3})")
CONDITION = regexcache.compile(
    r"(?:如果?|若|假如|当)?(?:客户|对方|您|用户|顾客|患者|业主|机主)?(?:表示|回答|说)?"
    r"(?P<neg>不|没有?|未|非)?(?P<what>方便|非常满意|满意|一般|配合|同意|接受|认可|本人|在家|在|"
    r"愿意|需要|有空|有时间|记得|清楚|了解|知道|是本人|成功|确认|接通)"
    r"(?:的|时|的话|了)?[ \t]*(?:[:：,，―—\-－]|$)"
)
LABEL = regexcache.compile(r"(?P<label>[^\s:：,，。.!！?？“”\"'‘’()（）]{1,8}(?:[(（][^\s:：()（）]{1,8}[)）])?)[:：]")
# A node of a bot's call script that ends the call (「结束_失败：」, 「结束（成功）：」, 「挂机：」): an ending of its
# own, whatever it says.
ENDING_NODE = regexcache.compile(r"结束|结尾|挂机|挂断")
SATISFACTION = {"非常满意": "满意", "一般": "满意"}


@dataclass
class Marker:
    index: int  # of the turn in the path
    family: str
    style: str  # numbering style ("" for none)
    key: str  # what tells siblings apart
    label: str  # the path's name in messages


@dataclass
class Branch:
    marker: Marker
    start: int
    end: int  # exclusive
    ends_call: bool = False


def _remember(text: str) -> tuple | None:
    """`_read` of a line without a heading, remembered: lines recur across a team's scripts."""
    if len(_SEEN) > 100_000:
        _SEEN.clear()
    found = _SEEN[text] = _read(text, "")
    return found


_SEEN: dict[str, tuple | None] = {}
_UNSEEN = ("unseen",)


def _read(text: str, heading: str) -> tuple | None:
    """(family, style, key, label) of a marker at the start of a line's words, or None."""
    number = NUMBERING.match(text)
    style = ""
    at = 0
    if number is not None:
        style = number.lastgroup or ""
        at = number.end()
    if heading:
        style = heading
    rest = text[at:]
    if not rest:
        return None
    if number is not None and number.lastgroup == "letter":
        letter = text[number.start("letter")]
        condition = CONDITION.match(rest)
        not_now = condition is not None and condition.group("what") == "方便" and condition.group("neg")
        return "letter", style, letter.upper(), "不方便" if not_now else _name(text)
    found = SITUATION.match(rest)
    if found is not None:
        return "situation", style, found.group("n"), _name(text)
    found = CONDITION.match(rest)
    if found is not None:
        what = found.group("what")
        negated = found.group("neg") or ""
        label = "不方便" if what == "方便" and negated else _name(text)
        return "condition:" + SATISFACTION.get(what, what), style, negated + what, label
    found = LABEL.match(rest)
    if found is not None:
        return "label", style, found.group("label"), found.group("label")
    if heading:
        return "label", style, rest[:8], rest[:12]
    return None


def _name(text: str) -> str:
    cut = re.split(r"[:：,，。―—]", text, maxsplit=1)[0].strip()
    return cut[:12]


def groups(turns: list[Utterance], heading: bool = False) -> list[list[Branch]]:
    """The sets of sibling branches of a path's agent turns (`heading`: with Markdown headings among
    them), outer ones first."""
    # what `marker` reads, with the remembered lines looked up first (a heading is always read)
    seen = _SEEN.get
    if heading:
        reads = [(_UNSEEN if u.kind == HEADING_KIND else seen(u.text, _UNSEEN)) if u.agent else None for u in turns]
    else:
        reads = [seen(u.text, _UNSEEN) if u.agent else None for u in turns]
    hits = [i for i, r in enumerate(reads) if r is not None]
    for i in hits:
        if reads[i] is _UNSEEN:
            u = turns[i]
            reads[i] = _read(u.text, "h" + str(len(u.key or "#"))) if u.kind == HEADING_KIND else _remember(u.text)
    if sum(1 for i in hits if reads[i] is not None) < 2:
        return []  # the common case: fewer than two markers (so no family is marked twice)
    marks = [None if r is None else Marker(i, *r) for i, r in enumerate(reads)]
    families = [m.family for m in marks if m is not None]
    if len(families) == len(set(families)):
        return []  # no family is marked twice: no siblings
    styles = [(m.style if m is not None else _style(u)) for m, u in zip(marks, turns)]
    outer_of = _outer(styles)
    out: list[list[Branch]] = []
    used: set[int] = set()
    for first, mark in enumerate(marks):
        if mark is None or first in used:
            continue
        outer = outer_of[first]
        siblings = [mark]
        keys = {mark.key}
        stop = len(turns)
        for j in range(first + 1, len(turns)):
            other = marks[j]
            if other is not None and other.family == mark.family and other.style == mark.style:
                if other.key in keys:
                    stop = j
                    break
                siblings.append(other)
                keys.add(other.key)
            elif styles[j] in outer or (mark.style and styles[j] == mark.style) or j in used:
                # an outer section, or the next branch of a set that began before this one (「不方便：」 after
                # 「如客户满意：」「如客户不满意：」 inside 「方便：」): this set's last branch ends there
                stop = j
                break
        if len(siblings) < 2:
            continue
        used.update(m.index for m in siblings)  # a later sibling would start a part of this same set
        last = siblings[-1]
        if _says_more(turns[last.index]) and all(b.index + 1 == a.index for a, b in zip(siblings[1:], siblings)):
            stop = last.index + 1  # siblings said each on its marker's line: so is the last one
        branches = []
        for k, sibling in enumerate(siblings):
            end = siblings[k + 1].index if k + 1 < len(siblings) else stop
            branches.append(Branch(sibling, sibling.index, end))
        for b in branches:
            b.ends_call = (
                b.marker.label == "不方便"
                or ENDING_NODE.match(b.marker.label) is not None
                or any(ENDS.search(turns[i].folded) for i in range(b.start, b.end) if turns[i].agent)
            )
        if mark.family == "label":
            branches = _ending_run(branches)
            if len(branches) < 2:
                continue
        out.append(branches)
    return out


def _ending_run(branches: list[Branch]) -> list[Branch]:
    """Of labelled siblings, the longest run of consecutive ones that each end a call (alternative endings)."""
    best: list[Branch] = []
    run: list[Branch] = []
    for b in branches:
        run = run + [b] if b.ends_call else []
        if len(run) > len(best):
            best = run
    return best


def _outer(styles: list[str]) -> list[set[str]]:
    """For each turn, the numbering styles of the sections it is inside (a style seen again closes the
    sections opened after it)."""
    stack: list[str] = []
    out = []
    for style in styles:
        if style.startswith("h"):  # a heading closes the sections under it and those of its level or deeper
            at = next((i for i, s in enumerate(stack) if not s.startswith("h") or s >= style), len(stack))
            del stack[at:]
            out.append(set(stack))
            stack.append(style)
        elif style:
            if style in stack:
                del stack[stack.index(style) :]
            out.append(set(stack))
            stack.append(style)
        else:
            out.append(set(stack))
    return out


def _says_more(u: Utterance) -> bool:
    """Whether a marker's line says something after the marker (「B.不方便：那好的，再见」, not 「节日：」)."""
    cut = re.search(r"[:：,，―—\-－]", u.text)
    return cut is not None and len(u.text[cut.end() :].strip(" \t　:：")) > 1


def _style(u: Utterance) -> str:
    if u.kind == HEADING_KIND:
        return "h" + str(len(u.key or "#"))
    number = NUMBERING.match(u.text)
    return (number.lastgroup or "") if number is not None and number.end() < len(u.text) else ""


HEADING = regexcache.compile(r"(#{1,6})[ \t]+(.+?)[ \t#]*$")


def headings(lines: list[str]) -> list[tuple[int, int, str]]:
    """(line number, level, title) of a Markdown file's ATX headings outside fenced code."""
    out = []
    fence = ""
    for number, line in enumerate(lines, 1):
        stripped = line.lstrip(" ")
        if stripped.startswith(("```", "~~~")):
            fence = "" if fence and stripped.startswith(fence) else (fence or stripped[:3])
            continue
        if fence or not stripped.startswith("#"):
            continue
        found = HEADING.match(stripped)
        if found is not None:
            out.append((number, len(found.group(1)), found.group(2)))
    return out


def paths(
    turns: list[Utterance], titles: Sequence[tuple[int, int, str]] = ()
) -> list[tuple[str, list[Utterance]]] | None:
    """The call's paths when the script marks branches (None when it marks none): one per innermost
    branch, named after its marker; a 不方便 path comes last. `titles`: a Markdown file's headings,
    whose titles mark branches too (## 方便 / ## 不方便)."""
    if titles:
        turns = _with_headings(turns, titles)
    found = groups(turns, bool(titles))
    if not found:
        return None
    every = sorted((b for group in found for b in group), key=lambda b: (b.start, -b.end))
    # branches nest or lie apart: one holds another exactly when the next to start starts inside it
    leaves = [b for b, after in zip(every, every[1:] + [None]) if after is None or after.start >= b.end]
    ending = [a for a in every if a.ends_call]
    out = []
    for b in leaves[:MAX_PATHS]:
        excluded = _excluded(b, found)
        skip = bytearray(len(turns))
        for x in excluded:
            skip[x.start : x.end] = b"\1" * (x.end - x.start)
        stop = min([a.end for a in ending if a.end >= b.end and not skip[a.start]] or [len(turns)])
        kept = [u for i, u in enumerate(turns[:stop]) if not skip[i] and u.kind != HEADING_KIND]
        out.append((b.marker.label, kept))
    out.sort(key=lambda item: item[0] == "不方便")
    return out


def count(turns: list[Utterance]) -> int:
    """How many paths `paths` would give without its cap (0 when the script marks no branches)."""
    found = groups(turns)
    every = sorted((b for group in found for b in group), key=lambda b: (b.start, -b.end))
    return sum(1 for b, after in zip(every, every[1:] + [None]) if after is None or after.start >= b.end)


HEADING_KIND = "heading"  # a Markdown heading placed among the turns to mark branches; never on a path


def _with_headings(turns: list[Utterance], titles) -> list[Utterance]:
    out: list[Utterance] = []
    pending = list(titles)
    for u in turns:
        while pending and pending[0][0] <= u.line:
            out.append(_heading(u.file, *pending.pop(0)))
        out.append(u)
    out += [_heading(turns[0].file if turns else "", *t) for t in pending]
    return out


def _heading(file: str, line: int, level: int, title: str) -> Utterance:
    return Utterance(title, "agent", file, line, kind=HEADING_KIND, key="#" * level)


def _excluded(leaf: Branch, found: list[list[Branch]]) -> list[Branch]:
    """The branches a path through `leaf` does not take: the siblings of every branch that holds it; of
    a set of alternatives before it, the ones that end the call (else all but the first); of one after
    it, all but the first."""
    out = []
    for group in found:
        holder = next((b for b in group if b.start <= leaf.start and leaf.end <= b.end), None)
        if holder is not None:
            out += [b for b in group if b is not holder]
        elif group[0].start < leaf.start:
            through = next((b for b in group if not b.ends_call), None)
            out += [b for b in group if b is not through]
        else:
            out += group[1:]
    return out


# Alternative wordings written side by side in one line: 「“感谢您…。” 或说：“请您慢走…”」, 「…谢谢！/您好，…」
# (after a sentence's end, so 先生/女士 is no alternative).
ALTERNATIVE = regexcache.compile(
    r"(?<=[。！？!?”」\"])[ \t　]*(?:/|／|(?:或者?|或是|也可以?)说?[:：]?[ \t　]*(?=[“「\"]))"
)
CLOSING_REACH = 3  # agent turns at the end of a path where alternative wordings make paths of their own


def alternatives(found: list[tuple[str, list[Utterance]]]) -> list[tuple[str, list[Utterance]]]:
    """Each path whose ending says alternative wordings side by side, once per combination of wordings
    (among its last agent turns, at most MAX_WORDINGS paths), so every wording's closing is checked."""
    out: list[tuple[str, list[Utterance]]] = []
    for label, turns in found:
        if len(out) >= MAX_PATHS:
            out.append((label, turns))
            continue
        agent = [i for i, u in enumerate(turns) if u.agent][-CLOSING_REACH:]
        split = {i: parts for i in agent if (parts := _wordings(turns[i])) is not None}
        if not split:
            out.append((label, turns))
            continue
        combos = list(product(*split.values()))[:MAX_WORDINGS]
        for n, combo in enumerate(combos, 1):
            chosen = dict(zip(split, combo))
            out.append((f"{path_name(label)}（说法{n}）", [chosen.get(i, u) for i, u in enumerate(turns)]))
    return out


MAX_WORDINGS = 16


def may_mark(words: str) -> bool:
    """Whether a line's words may mark a branch for `groups` (a marker at their start) or for a 不方便 branch
    said inside a line (freeform.branch_paths)."""
    return "不方便" in words or _read(words, "") is not None


def says_alternatives(text: str) -> bool:
    """Whether a text may write alternative wordings side by side (`_wordings` finds them only then, in it
    or in a part of it)."""
    return ALTERNATIVE.search(text) is not None


def _wordings(u: Utterance) -> list[Utterance] | None:
    """The alternative wordings of a turn that writes several side by side, or None."""
    text = u.text
    if not ("/" in text or "／" in text or "或" in text or "也可" in text) or ALTERNATIVE.search(text) is None:
        return None
    cuts = [0]
    for match in ALTERNATIVE.finditer(text):
        cuts += [match.start(), match.end()]
    cuts.append(len(text))
    parts = [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if len(text[a:b].strip()) >= 4]
    return [_part(u, a, b) for a, b in parts] if len(parts) >= 2 else None


# A line that ends a call: a goodbye, 不打扰了, the hand-off 请保持电话畅通, or asking the callee to hang up (请您挂一下电话).
ENDS_CALL = regexcache.compile(
    r"再见|再会|拜拜|不打扰(?:您|你)?了|保持(?:电话|手机)畅通|请(?:您|你)?(?:先)?挂(?:一下|断|机)(?:电话)?"
)
# A robot's hand-off to a person or back to the menu (正在为您转接人工，请稍候 / 您可以按0键返回菜单) ends its call too, at
# any length: the other side does not say it.
HAND_OFF = regexcache.compile(
    r"[为帮给][您你][^，,。！!？?]{0,6}转(?:接|给)?[^，,。！!？?]{0,6}人工|[您你][^，,。！!？?]{0,12}返回[^，,。！!？?]{0,8}菜单"
)
ENDING_LEAST = 20  # shorter than this, a goodbye may be the other side's (「好的，再见」)
SORRY_LEAST = 12  # …unless it says sorry for the call (「网络不太好，先打扰了，再见」): the caller's words
# Where a file's text may end a line with the words that end a call (Simplified or Traditional), asked once of the
# whole text: a file whose lines end so only at its end is never read turn by turn for endings in its middle.
ENDING_LINES = regexcache.compile(
    r"(?:再[见見会會]|拜拜|不打[扰擾](?:您|你)?了|[畅暢]通|[挂掛](?:一下|[断斷]|[机機])(?:[电電][话話])?)"
    r"[ \t,，.。!！~～”」』\"]*$",
    re.M,
)
# The line ends with the words that end the call (…打扰您了，请您挂一下电话。), not a story's 说了声再见就走了.
ENDS_LINE = regexcache.compile(r"(?:" + ENDS_CALL.pattern + r")[\s,，.。!！~～”」』\"]*$")
TALK_ON = 3  # turns after a goodbye that are still its call's closing talk (a closing's max_turns)


def endings(found: list[tuple[str, list[Utterance]]], text: str | None = None) -> list[tuple[str, list[Utterance]]]:
    """A path whose agent turns end the call before its end (an utterance bank: a robot's or a template's endings
    listed among its other lines, each a line that ends with the call-ending words or hands the call to a person or
    the menu), or that ends in two or more such turns in a row, is one path per ending, so every ending's closing is
    checked (bench/realworld/README.md, clarification 6; set 12's convention: in an utterance bank every line that
    ends the call ends a path). In a call as it was said, the agent does not say goodbye and go on talking. `text`:
    the file's text, which tells cheaply whether any line before the last ones can end the call."""
    label, turns = found[0]
    start = len(turns)
    while start > 0 and _ends_call(turns[start - 1]):
        start -= 1
    inner = _inner_endings(turns, start, text)
    if len(turns) - start < 2 and not inner:
        return found
    name = path_name(label)
    # a path ends at one ending and passes through no other: the endings before it are other paths' ends
    ended = set(inner)
    paths = [[u for j, u in enumerate(turns[: i + 1]) if j == i or j not in ended] for i in inner]
    head = [u for j, u in enumerate(turns[:start]) if j not in ended]
    if len(turns) - start >= 2:
        paths += [[*head, u] for u in turns[start:]]
    elif start < len(turns):
        paths.append([*head, turns[-1]])
    else:
        paths.append(list(turns))  # its last lines end no call: the whole (a template's notes after its ending)
    return [(f"{name}（结尾{n}）", path) for n, path in enumerate(paths, 1)]


def node_endings(turns: list[Utterance]) -> tuple:
    """The last lines of a bank of the agent's lines when two or more of them each end the call: alternative ending
    nodes (「…祝您生活愉快，再见～」「感谢接听，再见～」), each a whole closing, so none reaches back into the lines before
    them (the other nodes' wordings: 「…祝您生活愉快。」「…感谢您的接听。」)."""
    start = len(turns)
    while start > 0 and _ends_call(turns[start - 1]):
        start -= 1
    if len(turns) - start < 2 or any(not u.agent for u in turns):
        return ()
    return tuple(turns[start:])


def _inner_endings(turns: list[Utterance], start: int, text: str | None) -> list[int]:
    """The turns that end the call, each ending its line, with at least a closing's worth of turns (TALK_ON) after
    them before the last run of endings (`start`): a goodbye and a remark or two (「…再见！」「有任何需要请告诉我们。」)
    is still one ending; a goodbye and the call going on is a bank's. Only a path of the agent's turns alone (a robot's
    or a template's lines) is read so: in a call with the customer's turns, a goodbye said early is a branch's, which
    its markers say."""
    last = start - 1 - TALK_ON  # the last index an inner ending may have
    if last < 1 or any(not u.agent for u in turns):
        return []  # a path with the customer's turns is a call, not a bank of the agent's lines
    if text is not None and "人工" not in text and "菜单" not in text and "菜單" not in text:
        first = ENDING_LINES.search(text)
        at = first.start() if first is not None else None
        hang_up = first_hang_up(text)  # a robot's 「…我先挂了」 (Round 35a)
        if hang_up is not None and (at is None or hang_up < at):
            at = hang_up
        if at is None or text.count("\n", 0, at) + 1 > turns[last].line:
            return []
    return [
        i
        for i in range(last + 1)
        if _ends_call(turns[i])
        and (
            ENDS_LINE.search(turns[i].folded) is not None
            or HAND_OFF.search(turns[i].folded) is not None
            or hangs_up_line(turns[i].folded)
        )
    ]


def _ends_call(u: Utterance) -> bool:
    if not u.agent:
        return False
    folded = u.folded
    found = _CALL_ENDS.get(folded)
    if found is None:
        if len(_CALL_ENDS) > 100_000:
            _CALL_ENDS.clear()
        found = _CALL_ENDS[folded] = (
            ENDS_CALL.search(folded) is not None or hangs_up(folded),  # or 「…我先挂了」 (Round 35a)
            SORRY_LEAST if "打扰" in folded else ENDING_LEAST,
            ("人工" in folded or "菜单" in folded) and HAND_OFF.search(folded) is not None,
        )
    ends, least, hand_off = found
    return (ends and len(u.text) >= least) or hand_off


# folded text → (it says the words that end a call, how long a turn saying them must be, it hands off): every path's
# last turns are asked, and a team's closing lines recur
_CALL_ENDS: dict[str, tuple[bool, int, bool]] = {}
