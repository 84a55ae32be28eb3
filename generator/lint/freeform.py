"""Free-form scripts (.md, .txt): one utterance per line, speaker from the label at its start.

`客服：` `坐席：` `回访员：` `A：`/`A:` are the agent; `客户：` `B：`/`B:` the customer; a line
without a label is the agent's. A .md file is read as a reader sees it rendered: front matter,
headings, fenced code, HTML comments and rules are not speech; list markers and `>` quotes are
stripped and the rest of the line is speech; inline markup is rendered (lint/rendered.py); table
rows are read as cells (checked line by line, not turns of the call); a phrase over a paragraph's
soft line break is found. A .txt file is plain text: every line is speech as written.
"""

from __future__ import annotations

import re
from itertools import filterfalse

from huifang.lint.rendered import Placed, render
from huifang.lint.suppress import DIRECTIVE
from huifang.lint.utterance import AGENT, CUSTOMER, CallView, Utterance

AGENT_LABELS = ("客服", "坐席", "回访员", "A", "Ａ")
CUSTOMER_LABELS = ("客户", "B", "Ｂ")
# One regex splits every line into indentation/quote/list marker, speaker label and the words.
LINE = re.compile(r"^(?P<pre>[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,3}[.)、]|[（(]\d{1,3}[)）])[ \t　]+)?)"
                  r"(?:(?:\*\*|__)?(?P<label>客服|坐席|回访员|客户|[ABＡＢ])(?:\*\*|__)?[ \t]*[：:](?:\*\*|__)?[ \t　]*)?"
                  r"(?P<body>[^\n]*)", re.M)
HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
RULE_LINE = re.compile(r"(?:[-*_=][ \t]*){3,}$")
FENCES = ("```", "~~~")
QUESTION_END = ("？", "?", "？」", "?”", "？”")
SPECIAL = frozenset("`~#<|-*_=")
TRAILING = frozenset(" \t\r\u3000")


# Lines whose first character is none of these have no indentation, quote or list marker: the
# common case, read without the full LINE regex.
PRE_START = frozenset(" \t>-*+_（(0123456789")
LABEL_START = frozenset("客坐回ABＡＢ")
LABEL = re.compile(r"(客服|坐席|回访员|客户|[ABＡＢ])(?:\*\*|__)?[ \t]*[：:](?:\*\*|__)?[ \t　]*")


def _split(line: str):
    """(marker before the label, label or None, words, column offset of the words); words rstripped."""
    first = line[0]
    if first in PRE_START or first.isdecimal():
        m = LINE.match(line)
        pre, label, body = m.groups()
        at = m.start(3)
    elif first in LABEL_START:
        m = LABEL.match(line)
        if m is None:
            pre, label, body, at = "", None, line, 0
        else:
            pre, label, at = "", m.group(1), m.end()
            body = line[at:]
    else:
        pre, label, body, at = "", None, line, 0
    if body and body[-1] in TRAILING:
        body = body.rstrip(" \t\r\u3000")
    return pre, label, body, at


def _structure(pre: str, label, body: str) -> bool:
    """A line that is Markdown structure on its own (heading, table row, rule): not speech."""
    if label or pre.strip():
        return False
    first = body[0]
    return (first == "#" and HEADING.match(body) is not None) or first == "|" or (
        first in "-*_=" and RULE_LINE.match(body) is not None)


def _cut(body: str) -> str:
    """The words without a trailing HTML comment or huifang switch."""
    if "<!--" in body or "huifang:" in body:
        cut = body.find("<!--")
        if cut < 0:
            directive = DIRECTIVE.search(body)
            cut = directive.start() if directive else -1
        if cut >= 0:
            return body[:cut].rstrip(" \t\u3000")
    return body


def _speech(label, body: str) -> tuple | None:
    """(words without a trailing comment or switch, speaker, whether it asks) or None: nothing said."""
    body = _cut(body)
    if not body:
        return None
    if label is None or label in AGENT_LABELS:
        return body, AGENT, body.endswith(QUESTION_END)
    return body, CUSTOMER, False


def parse(text: str, display: str, folded: str | None = None) -> list[Utterance]:
    """Utterances of a free-form file (`folded`: normalize.fold of the whole text, used by files read whole)."""
    if markdown(display) and has_blocks(text):
        return read_whole(text, display, folded)
    return Reader().views([(text, display)])[0].paths[0][1]


def markdown(display: str) -> bool:
    """Whether a file is Markdown (read as rendered) rather than plain text (.txt: every line as written)."""
    return not display.lower().endswith(".txt")


def read_whole(text: str, display: str, folded: str | None = None) -> list[Utterance]:
    """`parse` of a Markdown file line after line, keeping track of front matter, fences and comments;
    table cells come as utterances of kind CELL."""
    if folded is not None and len(folded) != len(text):
        folded = None
    out: list[Utterance] = []
    fence = None
    in_comment = False
    front = text.startswith("---") and text[3:4] in ("\n", "\r")
    number = 0
    offset = 0  # of the line in the file
    for line in text.split("\n"):
        number += 1
        start = offset
        offset += len(line) + 1
        if not line:
            continue
        pre, label, body, at = _split(line)
        if not body:
            continue
        if front:
            if number > 1 and body in ("---", "..."):
                front = False
            continue
        if fence:
            if not label and body.startswith(fence):
                fence = None
            continue
        if in_comment:
            if "-->" in body:
                in_comment = False
            continue
        cell = False
        if body[0] in SPECIAL and not label and not pre.strip():
            if body.startswith(FENCES):
                fence = body[:3]
                continue
            if body.startswith("<!--"):
                in_comment = "-->" not in body
                continue
            if body[0] == "|":
                label, skip = _table_row(body)
                if skip is None:
                    continue
                body, at, cell = body[skip:], at + skip, True
            elif _structure(pre, label, body):
                if body[0] == "=" and out and out[-1].line == number - 1:
                    out.pop()  # setext heading underline: the line above was a heading
                continue
        shown = render(body)
        said = _speech(label, body if shown is None else shown[0])
        if said is not None:
            words, speaker, ask = said
            base = start + at
            origin = None if shown is None else Placed([(number, at + c + 1) for c in shown[1][:len(words)]])
            u = Utterance(words, speaker, display, number, at + 1, base, origin, ask, kind=CELL if cell else "")
            if folded is not None and shown is None:
                u._folded = folded[base:base + len(words)]
            out.append(u)
    return out


CELL, SOFT_BREAK = "cell", "soft-break"  # Utterance.kind of a table row, of two lines of one paragraph
DELIMITER_ROW = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$")


def _table_row(body: str) -> tuple[str | None, int | None]:
    """(speaker label of the row, where its words start) for a table row (`| 客服 | 您好 |`: the label
    is a first cell holding only a label), or (None, None) for the delimiter row."""
    if DELIMITER_ROW.match(body):
        return None, None
    cells = body.split("|")
    first = cells[1].strip(" \t*_") if len(cells) > 2 else ""
    if first in AGENT_LABELS or first in CUSTOMER_LABELS:
        return first, len(cells[0]) + len(cells[1]) + 2
    return None, 0


def has_blocks(text: str) -> bool:
    """Whether a line's meaning may depend on the lines around it (front matter, fenced code, HTML
    comments, setext underlines); without these every line is read on its own."""
    return ("```" in text or "~~~" in text or "<!--" in text or "=" in text
            or (text.startswith("---") and text[3:4] in ("\n", "\r")))


def _read_line(line: str, as_markdown: bool = True) -> tuple | None:
    """(words, their column offset, speaker, asks, column offset in the line of each word character or
    None when the words are written as they read, is a table cell) of a line read on its own, or None
    when it is not speech. Plain text (.txt) has no structure: a `#` line is speech."""
    if not line:
        return None
    pre, label, body, at = _split(line)
    if not body:
        return None
    cell = False
    if as_markdown and body[0] in SPECIAL:
        if body[0] == "|" and not label and not pre.strip():
            label, skip = _table_row(body)
            if skip is None:
                return None
            body, at, cell = body[skip:], at + skip, True
        elif _structure(pre, label, body):
            return None
    shown = render(body) if as_markdown else None
    said = _speech(label, body if shown is None else shown[0])
    if said is None:
        return None
    columns = None if shown is None else [at + c for c in shown[1][:len(said[0])]]
    return said[0], at, said[1], said[2], columns, cell


class Reader:
    """Reads free-form files into calls, remembering what it learnt about each distinct line.

    Lines recur across a team's scripts (the standard opening, the closing, the bank's questions),
    so a line is read, folded, normalised and screened for phrases once, not once per file. This is
    exact: a line is read on its own in a file without block structure, no OpenCC dictionary entry
    spans a line break (so folding a file folds each line), and a phrase across lines is looked for
    only where Markdown joins two lines into one paragraph (`_soft_breaks`). Markdown files with
    block structure are read whole. Markdown and plain-text lines are remembered apart: a line
    reads differently in each.
    """

    LIMIT = 2_000_000  # characters of lines remembered (then forgotten, between batches); longer lines than
    LONGEST = 500      # this are never remembered

    def __init__(self, matcher=None):
        self.matcher = matcher
        # line → (words, column offset, speaker, asks, columns, cell?, folded, normalised, phrase?) or ()
        self.known: dict[str, tuple] = {}  # Markdown lines
        self.plain: dict[str, tuple] = {}  # .txt lines
        self.size = 0  # characters of the lines in `known` and `plain`

    def view(self, text: str, display: str, org=None) -> CallView:
        """The file as a one-path call; with a phrase matcher, the lines where a phrase may be."""
        return self.views([(text, display)], org)[0]

    def views(self, files: list[tuple[str, str]], org=None) -> list[CallView]:
        """`view` of many (text, display) files; the lines none of them had before are read together."""
        kinds = [markdown(display) for _, display in files]
        split = [None if md and has_blocks(text) else text.split("\n") for (text, _), md in zip(files, kinds)]
        if self.size > self.LIMIT:
            self.known.clear()
            self.plain.clear()
            self.size = 0
        learnt: dict[bool, dict] = {}
        for md, known in ((True, self.known), (False, self.plain)):
            new: set[str] = set()
            for lines, kind in zip(split, kinds):
                if lines is not None and kind is md:
                    new.update(filterfalse(known.__contains__, lines))
            learnt[md] = self._learn(new, md) if new else {}
        out = []
        for (text, display), lines, md in zip(files, split, kinds):
            if lines is None:
                turns, hits = self._whole(text, display)
                lines = text.split("\n")
                extras = [u for u in turns if u.kind == CELL]
                if extras:
                    turns = [u for u in turns if u.kind != CELL]
            else:
                turns, extras, hits = self._turns(lines, display, learnt[md], md)
            if md and self.matcher is not None:
                joins = self._soft_breaks(turns, lines, display)
                extras += joins
                hits |= {u.line for u in joins}
            call = CallView(display, display, (1, 1), [("", turns)], extras, org=org, freeform=True, text=text)
            if self.matcher is not None:
                call.phrase_lines = hits
                call.no_phrases = not hits
            out.append(call)
        return out

    def _turns(self, lines: list[str], display: str, learnt: dict,
               md: bool) -> tuple[list[Utterance], list[Utterance], set[int]]:
        """A file without block structure: its turns, its table cells, and the lines where a phrase may be."""
        facts = list(map((self.known if md else self.plain).get, lines))
        if None in facts:  # lines too long to remember
            facts = [learnt[line] if fact is None else fact for line, fact in zip(lines, facts)]
        out: list[Utterance] = []
        cells: list[Utterance] = []
        hits: set[int] = set()
        start = number = 0
        for line, fact in zip(lines, facts):
            number += 1
            if fact:
                body, at, speaker, ask, columns, cell, folded, norm, hit = fact
                origin = None if columns is None else Placed([(number, c + 1) for c in columns])
                if cell:
                    u = Utterance(body, speaker, display, number, at + 1, start + at, origin, ask, kind=CELL)
                    cells.append(u)
                else:
                    u = Utterance(body, speaker, display, number, at + 1, start + at, origin, ask)
                    out.append(u)
                u._folded, u._norm = folded, norm
                if hit:
                    hits.add(number)
            start += len(line) + 1
        return out, cells, hits

    def _learn(self, lines: set[str], md: bool) -> dict[str, tuple]:
        """Read lines not seen before, all at once (one fold, one drop, one phrase scan)."""
        from huifang.lint.normalize import drop_in_lines, fold

        new = list(lines)
        folded = fold("\n".join(new)).split("\n")
        hits = self.matcher.lines(drop_in_lines("\n".join(folded))) if self.matcher is not None else set()
        reads = [_read_line(line, md) for line in new]
        # Words written as they read are a slice of their folded line; rendered words are folded anew.
        spoken = [("" if not read else f[read[1]:read[1] + len(read[0])] if read[4] is None else fold(read[0]))
                  for f, read in zip(folded, reads)]
        norms = drop_in_lines("\n".join(spoken)).split("\n")
        learnt = {}
        for number, (line, read, words, norm) in enumerate(zip(new, reads, spoken, norms), 1):
            if not read:
                learnt[line] = ()
                continue
            hit = number in hits or (read[4] is not None and self.matcher is not None and self.matcher.any(norm))
            learnt[line] = (*read, words, norm, hit)
        kept = [line for line in new if len(line) <= self.LONGEST]
        (self.known if md else self.plain).update((line, learnt[line]) for line in kept)
        self.size += sum(map(len, kept))
        return learnt

    def _whole(self, text: str, display: str) -> tuple[list[Utterance], set[int]]:
        from huifang.lint.normalize import drop_in_lines, fold

        folded = fold(text)
        hits = self.matcher.lines(drop_in_lines(folded)) if self.matcher is not None else set()
        turns = read_whole(text, display, folded)
        if self.matcher is not None:
            hits |= {u.line for u in turns if u.origin is not None and self.matcher.any(u.normalized)}
        return turns, hits

    def _soft_breaks(self, turns: list[Utterance], lines: list[str], display: str) -> list[Utterance]:
        """Two agent lines of one Markdown paragraph (the second has no label, list marker or quote
        before its words) render as one run of text: one utterance of kind SOFT_BREAK for each pair a
        phrase may run across, screened in one pass over the end of the one and the start of the other."""
        reach = self.matcher.longest - 1
        if reach < 1:
            return []
        pairs = [(first, second) for first, second in zip(turns, turns[1:])
                 if second.line == first.line + 1 and first.agent and second.agent
                 and (second.col == 1 or not lines[second.line - 1][:second.col - 1].strip())]
        if not pairs:
            return []
        windows = [(first.normalized[-reach:], second.normalized[:reach]) for first, second in pairs]
        screened = self.matcher.lines("\n".join(tail + head for tail, head in windows))
        out = []
        for number in sorted(screened):
            tail, head = windows[number - 1]
            if not any(h.start < len(tail) < h.end for h in self.matcher.find(tail + head, tail + head)):
                continue  # the phrase lies on one of the lines: found there
            first, second = pairs[number - 1]
            out.append(Utterance(first.text + second.text, AGENT, display, first.line, first.col, first.base,
                                 Placed(_places(first) + _places(second)), second.ask, kind=SOFT_BREAK))
        return out


def _places(u: Utterance) -> list[tuple[int, int]]:
    if isinstance(u.origin, Placed):
        return u.origin.places
    return [(u.line, u.col + i) for i in range(len(u.text))]


def view(text: str, display: str, org=None, matcher=None) -> CallView:
    """The file as a one-path call (see Reader.view)."""
    return Reader(matcher).view(text, display, org)
