"""Round 12 (lintacc14) as it was transfer-tested: quoted wordings that each open a call, side by side, are alternatives.

Run by first_sight.py in an export of old code: python side_by_side.py EXPORT_ROOT. Wraps standards.openings(): in
a free-form file, a run of two or more quotes of the opening that each open a call (a greeting, or the customer
addressed and a pause), with nothing but a short situation label, a note in brackets or a separator between them
(in one line, or in consecutive lines each with a situation label of its own), makes one path per quote, so an
element counts only when every wording says it; so do quotes side by side in one line after 如/例如/比如 (a list
of typical lines), whether or not each opens a call. The code below is generator/lint/standards.py's as landed, with
story.quotes copied in (older code has no such helper).
"""

import sys
from pathlib import Path

root = Path(sys.argv[1])
code = root / "generator/lint/standards.py"
text = code.read_text(encoding="utf-8")
head = "\ndef openings(ctx, view"  # the code's own, or another edit's wrapper of it
if head not in text:
    sys.exit("no openings() to wrap")
text = text.replace(head, "\ndef _openings_r12(ctx, view", 1)
text += r'''

import re as _re_r12

_OPENERS_R12 = {"“": "”", "「": "」", "『": "』"}
_CLOSERS_R12 = set(_OPENERS_R12.values())


def _quotes_r12(line):
    out = []
    stack = []
    for index, char in enumerate(line):
        if char == '"':
            if stack and stack[-1][0] == '"':
                _, start = stack.pop()
                if not stack:
                    out.append((start, index))
            else:
                stack.append(('"', index + 1))
        elif char in _OPENERS_R12:
            stack.append((_OPENERS_R12[char], index + 1))
        elif char in _CLOSERS_R12:
            if stack and stack[-1][0] == char:
                _, start = stack.pop()
                if not stack:
                    out.append((start, index))
            elif not stack and not out:
                out.append((0, index))
    if stack:
        out.append((stack[0][1], len(line)))
    return out


# A quoted wording that opens a call: it starts with a greeting, or with the customer addressed and a pause
# (「刘阿姨，…」, 「尊敬的车主，…」); what quotes of different calls written side by side each do.
_OPENS_R12 = _re_r12.compile(
    r"(?:喂[，,!！。.\s]*)?(?:您好|你好|您们好|你们好|尊敬的|"
    r"[^，,。.！!？?\s“”「」\"]{0,6}(?:先生|女士|小姐|阿姨|大爷|大妈|大娘|大姐|大哥|叔叔|叔|婶|姐|哥|同学|朋友|老师|师傅|业主|"
    r"奶奶|爷爷|家长|小朋友|同志)(?:您好|你好)?[，,！!])"
)
OPENING_QUOTE = 8  # shorter, a quote is a reply or a term, not a call's opening wording
# What may stand between wordings side by side: a short situation label (「报修回访：」), a note in brackets,
# a separator (/、或、也可以说); longer narration, or another quote, is a story going on between them.
SIDE_GAP = 12
GAP_NOTE = _re_r12.compile(r"[(（][^()（）]{0,30}[)）]|[\s/／、:：;；,，.。…]|或者|或是|或|也可以说|也可以|可以说")
MAX_SIDE = 16
# A line's own label before its quote, naming a situation (「报修回访：」): consecutive lines of quotes without one
# are a story's dialogue (「“您好，…热线，请讲”」「“你好，我家停电了！”」), and a label that says who speaks (他说：) too.
SITUATION = _re_r12.compile(r"\s*[^\s“”「」\"说道问答回讲喊叫]{1,12}[:：]\s*")


# What introduces a list of typical lines: 「见面时的问候如“…”“…”」, 「例如：“…”“…”」.
EXAMPLES = _re_r12.compile(r"(?:例如|比如|譬如|如|像)[:：]?[ \t]*$")


def _gap(turns: list[Utterance], last: tuple[int, int, int], quote: tuple[int, int, int]) -> str:
    """What stands between two quotes: in one turn, or at the end of one and the start of the next when that
    one starts with a situation label of its own; a quote mark (no gap allowed) otherwise."""
    turn, _, end = last
    if quote[0] == turn:
        return turns[turn].folded[end : quote[1]]
    if quote[0] == turn + 1 and SITUATION.fullmatch(turns[quote[0]].folded[: quote[1]]) is not None:
        return turns[turn].folded[end:] + turns[quote[0]].folded[: quote[1]]
    return "“"


def _quotes_of(turns: list[Utterance]):
    """Each quote of the turns with a text on both sides of it, in order: (turn, start, end) with its marks,
    whether it opens a call, and whether a list of examples starts with it."""
    for index, u in enumerate(turns):
        text = u.folded
        if "“" not in text and "「" not in text and '"' not in text:
            continue
        at = 0
        for a, b in _quotes_r12(text):
            if 0 < a and b < len(text):
                opens = b - a >= OPENING_QUOTE and _OPENS_R12.match(text, a) is not None
                yield (index, a - 1, b + 1), opens, EXAMPLES.search(text, at, a - 1) is not None
            at = b + 1


def _gap_ok(gap: str) -> bool:
    if any(c in gap for c in '“”「」『』"'):
        return False
    return len(GAP_NOTE.sub("", gap)) <= SIDE_GAP


def _side_by_side(label: str, turns: list[Utterance]) -> list[tuple[str, list[Utterance]]]:
    """Quoted wordings that each open a call, written one after another with nothing but a short label,
    a note or a separator between them (「“刘阿姨，您家的水管…”（确认结果）/“张姐，您的热水器…”」, one per line under
    situation labels): alternatives of the opening, each a path of its own, so an element counts only when
    every wording says it. Quotes with narration or another quote between them stay one path (a story's
    call goes on between its quotes)."""
    run: list[tuple[int, int, int]] = []  # (turn, start, end) of each quote of the run, marks included
    listed = False  # the run is a list of examples (「问候如“…”“…”」): its quotes need not each open a call
    for quote, opens, marked in _quotes_of(turns):
        if run and (opens or (listed and run[-1][0] == quote[0])) and _gap_ok(_gap(turns, run[-1], quote)):
            run.append(quote)
        elif len(run) >= 2:
            break
        else:
            listed = marked
            run = [quote] if opens or marked else []
    if len(run) < 2:
        return [(label, turns)]
    run = run[:MAX_SIDE]
    by_turn: dict[int, list[tuple[int, int]]] = {}
    for turn, a, b in run:
        by_turn.setdefault(turn, []).append((a, b))
    out = []
    for n, (chosen_turn, chosen_a, _) in enumerate(run, 1):
        path: list[Utterance] = []
        for index, u in enumerate(turns):
            spans = by_turn.get(index)
            if spans is None:
                path.append(u)
                continue
            at = 0
            for a, b in spans:
                if u.folded[at:a].strip():
                    path.append(_part(u, at, a))
                if index == chosen_turn and a == chosen_a:
                    path.append(_part(u, a, b))
                at = b
            if u.folded[at:].strip():
                path.append(_part(u, at, len(u.text)))
        out.append((f"{label}（说法{n}）" if label else f"说法{n}", path))
    return out



def openings(ctx, view, standard):
    found = _openings_r12(ctx, view, standard)
    if view.freeform:
        found = [way for label, turns in found for way in _side_by_side(label, turns)]
    return found
'''
code.write_text(text, encoding="utf-8")
