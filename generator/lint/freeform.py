"""Free-form scripts (.md, .txt): one utterance per line, speaker from the label at its start.

Labels come from a wide table (lint/speakers.py: 客服, 【客服】, 回访专员, 坐席员, 问 … for the
agent; 客户, 顾客, 市民, 患者, 答 … for the customer; extendable in huifang.yaml); a line without a
label is the agent's; a word used as a label on two or more lines that is in neither table is an
unknown speaker, never the agent. Markdown structure is understood and not read as speech:
front matter, headings, fenced code, HTML comments, tables and rules are skipped; list markers
and `>` quotes are stripped and the rest of the line is speech.
"""

from __future__ import annotations

import re
from itertools import filterfalse

from huifang.lint.speakers import DEFAULT as DEFAULT_SPEAKERS
from huifang.lint.speakers import UNKNOWN, Speakers
from huifang.lint.suppress import DIRECTIVE
from huifang.lint.utterance import AGENT, CallView, Utterance

# Indentation, `>` quotes and a list marker before the label.
PRE = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,3}[.)、]|[（(]\d{1,3}[)）])[ \t　]+)?")
HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
RULE_LINE = re.compile(r"(?:[-*_=][ \t]*){3,}$")
FENCES = ("```", "~~~")
QUESTION_END = ("？", "?", "？」", "?”", "？”")
SPECIAL = frozenset("`~#<|-*_=")
TRAILING = frozenset(" \t\r\u3000")


# Lines whose first character is none of these have no indentation, quote or list marker: the
# common case, read without the PRE regex.
PRE_START = frozenset(" \t>-*+_（(0123456789")


def _split(line: str, speakers: Speakers = DEFAULT_SPEAKERS):
    """(marker before the label, speaker of the label or None, the label, words, column offset of
    the words); words rstripped."""
    first = line[0]
    at = 0
    if first in PRE_START or first.isdecimal():
        at = PRE.match(line).end()
    pre = line[:at]
    who, label, at = speakers.split(line, at)
    body = line[at:]
    if body and body[-1] in TRAILING:
        body = body.rstrip(" \t\r\u3000")
    return pre, who, label, body, at


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


def _speech(who, body: str) -> tuple | None:
    """(words without a trailing comment or switch, speaker, whether it asks) or None: nothing said."""
    body = _cut(body)
    if not body:
        return None
    if who is None or who == AGENT:
        return body, AGENT, body.endswith(QUESTION_END)
    return body, who, False


def parse(text: str, display: str, folded: str | None = None,
          speakers: Speakers = DEFAULT_SPEAKERS) -> list[Utterance]:
    """Utterances of a free-form file (`folded`: normalize.fold of the whole text, used by files read whole)."""
    if has_blocks(text):
        return read_whole(text, display, folded, speakers)
    return Reader(speakers=speakers).views([(text, display)])[0].paths[0][1]


def read_whole(text: str, display: str, folded: str | None = None, speakers: Speakers = DEFAULT_SPEAKERS,
               unknown: dict | None = None) -> list[Utterance]:
    """`parse` line after line, keeping track of front matter, fences and comments (any file).
    `unknown` receives each unknown speaker label → its first utterance."""
    if folded is not None and len(folded) != len(text):
        folded = None
    out: list[Utterance] = []
    labelled: list[tuple] = []  # (index in out, label, the line read without its label)
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
        pre, label, name, body, at = _split(line, speakers)
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
        if body[0] in SPECIAL and not label and not pre.strip():
            if body.startswith(FENCES):
                fence = body[:3]
                continue
            if body.startswith("<!--"):
                in_comment = "-->" not in body
                continue
            if _structure(pre, label, body):
                if body[0] == "=" and out and out[-1].line == number - 1:
                    out.pop()  # setext heading underline: the line above was a heading
                continue
        said = _speech(label, body)
        if said is not None:
            words, speaker, ask = said
            base = start + at
            u = Utterance(words, speaker, display, number, at + 1, base, None, ask)
            if folded is not None:
                u._folded = folded[base:base + len(words)]
            if label == UNKNOWN:
                plain = _read_line(line, None)
                labelled.append((len(out), name, plain and Utterance(
                    plain[0], plain[2], display, number, plain[1] + 1, start + plain[1], None, plain[3])))
            out.append(u)
    if labelled:
        counts = _counts(name for _, name, _ in labelled)
        for index, name, plain in reversed(labelled):
            if counts[name] >= 2:
                if unknown is not None:
                    unknown[name] = out[index]
            elif plain is None:
                del out[index]
            else:
                out[index] = plain
    return out


def _counts(names) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    return counts


# A declared kind of contact: a front-matter line, a comment or a line of its own near the top
# (kind: inbound, <!-- huifang: kind=face -->, 类型：来电).
KIND_LINE = re.compile(r"^[ \t]*(?:<!--[ \t]*|#[ \t]*)?(?:huifang:[ \t]*)?(?:kind|类型|联系方式|通话类型|话术类型)"
                       r"[ \t]*[:：=][ \t]*([^\s<>,，。;；]{1,12})", re.M | re.I)
KIND_WORDS = {
    "outbound": ("outbound", "去电", "外呼", "呼出", "回访", "电话回访", "去电回访"),
    "inbound": ("inbound", "来电", "呼入", "接听", "来电接听", "热线"),
    "face": ("face", "面对面", "当面", "柜台", "现场", "来访", "接待", "门店"),
    "message": ("message", "短信", "微信", "消息", "文字", "在线"),
}
KIND_OF_WORD = {word: kind for kind, words in KIND_WORDS.items() for word in words}
KIND_HINTS = ("kind", "类型", "联系方式", "Kind", "KIND")


def declared_kind(text: str) -> str:
    """The kind of contact a free-form file declares in its first lines, or "" (outbound by default)."""
    head = text[:3000]
    if not any(hint in head for hint in KIND_HINTS):
        return ""
    for match in KIND_LINE.finditer(head):
        found = KIND_OF_WORD.get(match.group(1).lower())
        if found:
            return found
    return ""


LONE_CR = re.compile(r"\r(?!\n)")


def lone_cr(text: str) -> str:
    """Old Mac line ends (CR alone) read as line ends; same length, so every offset stays."""
    return LONE_CR.sub("\n", text) if "\r" in text else text


def has_blocks(text: str) -> bool:
    """Whether a line's meaning may depend on the lines around it (front matter, fenced code, HTML
    comments, setext underlines); without these every line is read on its own."""
    return ("```" in text or "~~~" in text or "<!--" in text or "=" in text
            or (text.startswith("---") and text[3:4] in ("\n", "\r")))


def _read_line(line: str, speakers: Speakers | None = DEFAULT_SPEAKERS) -> tuple | None:
    """(words, their column offset, speaker, asks) of a line read on its own, or None when it is not
    speech. `speakers=None`: the line read as having no label."""
    if not line:
        return None
    if speakers is None:
        at = PRE.match(line).end() if line[0] in PRE_START or line[0].isdecimal() else 0
        pre, label, body = line[:at], None, line[at:].rstrip(" \t\r\u3000")
    else:
        pre, label, _, body, at = _split(line, speakers)
    if not body or (body[0] in SPECIAL and _structure(pre, label, body)):
        return None
    said = _speech(label, body)
    return None if said is None else (said[0], at, said[1], said[2])


class Reader:
    """Reads free-form files into calls, remembering what it learnt about each distinct line.

    Lines recur across a team's scripts (the standard opening, the closing, the bank's questions),
    so a line is read, folded, normalised and screened for phrases once, not once per file. This is
    exact: a line is read on its own in a file without block structure, no OpenCC dictionary entry
    spans a line break (so folding a file folds each line), and no phrase is found across lines.
    Files with block structure are read whole.
    """

    LIMIT = 2_000_000  # characters of lines remembered (then forgotten, between batches); longer lines than
    LONGEST = 500      # this are never remembered

    def __init__(self, matcher=None, speakers: Speakers = DEFAULT_SPEAKERS):
        self.matcher = matcher
        self.speakers = speakers
        self.known: dict[str, tuple] = {}  # line → (words, column offset, speaker, asks, folded, normalised, phrase?) or ()
        self.size = 0  # characters of the lines in `known`
        # Lines that start with an unknown label → (the label, the line's facts read without it): a
        # label used once in a file is not a speaker, so which reading holds is decided per file.
        self.labelled: dict[str, tuple] = {}

    def view(self, text: str, display: str, org=None) -> CallView:
        """The file as a one-path call; with a phrase matcher, the lines where a phrase may be."""
        return self.views([(text, display)], org)[0]

    def views(self, files: list[tuple[str, str]], org=None) -> list[CallView]:
        """`view` of many (text, display) files; the lines none of them had before are read together."""
        originals = [text for text, _ in files]
        files = [(lone_cr(text), display) for text, display in files]
        split = [None if has_blocks(text) else text.split("\n") for text, _ in files]
        if self.size > self.LIMIT:
            self.known.clear()
            self.labelled.clear()
            self.size = 0
        known = self.known
        new: set[str] = set()
        for lines in split:
            if lines is not None:
                new.update(filterfalse(known.__contains__, lines))
        learnt = self._learn(new) if new else {}
        out = []
        for (text, display), lines, original in zip(files, split, originals):
            unknown: dict = {}
            turns, hits = (self._whole(text, display, unknown) if lines is None
                           else self._turns(lines, display, learnt, unknown))
            call = CallView(display, display, (1, 1), [("", turns)], org=org, freeform=True, text=original)
            call.unknown_speakers = unknown
            call.kind = declared_kind(text) or "outbound"
            if self.matcher is not None:
                call.phrase_lines = hits
                call.no_phrases = not hits
            out.append(call)
        return out

    def _turns(self, lines: list[str], display: str, learnt: dict,
               unknown: dict | None = None) -> tuple[list[Utterance], set[int]]:
        """A file without block structure: its utterances, and the lines where a phrase may be."""
        facts = list(map(self.known.get, lines))
        if None in facts:  # lines too long to remember
            facts = [learnt[line] if fact is None else fact for line, fact in zip(lines, facts)]
        labelled = self.labelled
        first: dict[str, int] = {}
        if labelled and not labelled.keys().isdisjoint(lines):
            counts = _counts(labelled[line][0] for line in lines if line in labelled)
            for index, line in enumerate(lines):
                if line in labelled:
                    name, plain = labelled[line]
                    if counts[name] < 2:
                        facts[index] = plain
                    else:
                        first.setdefault(name, index)
        out: list[Utterance] = []
        hits: set[int] = set()
        start = number = 0
        for line, fact in zip(lines, facts):
            number += 1
            if fact:
                body, at, speaker, ask, folded, norm, hit = fact
                u = Utterance(body, speaker, display, number, at + 1, start + at, None, ask)
                u._folded, u._norm = folded, norm
                out.append(u)
                if hit:
                    hits.add(number)
            start += len(line) + 1
        if first and unknown is not None:
            at_line = {u.line: u for u in out}
            for name, index in first.items():
                unknown[name] = at_line[index + 1]
        return out, hits

    def _learn(self, lines: set[str]) -> dict[str, tuple]:
        """Read lines not seen before, all at once (one fold, one drop, one phrase scan)."""
        from huifang.lint.normalize import drop_in_lines, fold

        new = list(lines)
        folded = fold("\n".join(new)).split("\n")
        hits = self.matcher.lines(drop_in_lines("\n".join(folded))) if self.matcher is not None else set()
        speakers = self.speakers
        reads = [_read_line(line, speakers) for line in new]
        spoken = [f[read[1]:read[1] + len(read[0])] if read else "" for f, read in zip(folded, reads)]
        norms = drop_in_lines("\n".join(spoken)).split("\n")
        learnt = {line: (*read, words, norm, number in hits) if read else ()
                  for number, (line, read, words, norm) in enumerate(zip(new, reads, spoken, norms), 1)}
        for number, (line, read, f) in enumerate(zip(new, reads, folded), 1):
            if read and read[2] == UNKNOWN:
                plain = _read_line(line, None)
                fact = ()
                if plain:
                    words = f[plain[1]:plain[1] + len(plain[0])]
                    fact = (*plain, words, drop_in_lines(words), number in hits)
                self.labelled[line] = (_split(line, speakers)[2], fact)
        kept = [line for line in new if len(line) <= self.LONGEST]
        self.known.update((line, learnt[line]) for line in kept)
        self.size += sum(map(len, kept))
        return learnt

    def _whole(self, text: str, display: str, unknown: dict | None = None) -> tuple[list[Utterance], set[int]]:
        from huifang.lint.normalize import drop_in_lines, fold

        folded = fold(text)
        hits = self.matcher.lines(drop_in_lines(folded)) if self.matcher is not None else set()
        return read_whole(text, display, folded, self.speakers, unknown), hits


def view(text: str, display: str, org=None, matcher=None, speakers: Speakers = DEFAULT_SPEAKERS) -> CallView:
    """The file as a one-path call (see Reader.view)."""
    return Reader(matcher, speakers).view(text, display, org)
