"""Free-form scripts (.md, .txt): one utterance per line, speaker from the label at its start.

Labels come from a wide table (lint/speakers.py: 客服, 【客服】, 回访专员, 坐席员, 问 … for the
agent; 客户, 顾客, 市民, 患者, 答 … for the customer; extendable in huifang.yaml); a line without a
label is the agent's; a word used as a label on two or more lines that is in neither table is an
unknown speaker, never the agent. A .md file is read as a reader sees it rendered: front matter,
headings, fenced code, HTML comments and rules are not speech; list markers and `>` quotes are
stripped and the rest of the line is speech; inline markup is rendered (lint/rendered.py); table
rows are read as cells (checked line by line, not turns of the call); a phrase over a paragraph's
soft line break is found. A .txt file is plain text: every line is speech as written. A written
不方便 branch is a path of its own (`branch_paths`).
"""

from __future__ import annotations

import re
from functools import reduce
from itertools import filterfalse
from operator import or_

from huifang import regexcache
from huifang.lint.anyline import any_line
from huifang.lint.branches import MAX_PATHS, alternatives, count, endings, headings, node_endings
from huifang.lint.branches import paths as marked_paths
from huifang.lint.dialogue import quoted_turns
from huifang.lint.linemarks import ALTERNATIVES, BRANCHES, KIND, REORDERED, LineTests
from huifang.lint.rendered import Placed, render
from huifang.lint.robotends import each_ending
from huifang.lint.speakers import AGENT_LABELS, CUSTOMER, CUSTOMER_LABELS, UNKNOWN, Speakers, first_person, infer_agent
from huifang.lint.speakers import DEFAULT as DEFAULT_SPEAKERS
from huifang.lint.standards import _part
from huifang.lint.suppress import DIRECTIVE
from huifang.lint.utterance import AGENT, SOFT_BREAK, CallView, Utterance
from huifang.yamlload import line_col

__all__ = ["AGENT_LABELS", "CUSTOMER_LABELS", "Reader", "parse", "read_whole", "view"]

# Indentation, `>` quotes and a list marker before the label.
PRE = regexcache.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,3}[.)、]|[（(]\d{1,3}[)）])[ \t　]+)?")
HEADING = regexcache.compile(r"#{1,6}(?:[ \t]|$)")
RULE_LINE = regexcache.compile(r"(?:[-*_=][ \t]*){3,}$")
FENCES = ("```", "~~~")
QUESTION_END = ("？", "?", "？」", "?”", "？”")
SPECIAL = frozenset("`~#<|-*_=")
TRAILING = frozenset(" \t\r\u3000")


# Lines whose first character is none of these have no indentation, quote or list marker: the
# common case, read without the PRE regex.
PRE_START = frozenset(" \t>-*+_（(0123456789")


def _split(line: str, speakers: Speakers | None = DEFAULT_SPEAKERS):
    """(marker before the label, speaker of the label or None, the label, words, column offset of
    the words); words rstripped. `speakers=None`: the line read as having no label."""
    first = line[0]
    at = 0
    if first in PRE_START or first.isdecimal():
        match = PRE.match(line)
        at = match.end() if match else 0
    pre = line[:at]
    who = name = None
    if speakers is not None:
        who, name, at = speakers.split(line, at)
    body = line[at:]
    if body and body[-1] in TRAILING:
        body = body.rstrip(" \t\r\u3000")
    return pre, who, name, body, at


def _structure(pre: str, label, body: str) -> bool:
    """A line that is Markdown structure on its own (heading, table row, rule): not speech."""
    if label or pre.strip():
        return False
    first = body[0]
    return (
        (first == "#" and HEADING.match(body) is not None)
        or first == "|"
        or (first in "-*_=" and RULE_LINE.match(body) is not None)
    )


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


def parse(text: str, display: str, folded: str | None = None, speakers: Speakers = DEFAULT_SPEAKERS) -> list[Utterance]:
    """Utterances of a free-form file (`folded`: normalize.fold of the whole text, used by files read whole)."""
    if markdown(display) and has_blocks(text):
        return read_whole(text, display, folded, speakers)
    return Reader(speakers=speakers).views([(text, display)])[0].paths[0][1]


def markdown(display: str) -> bool:
    """Whether a file is Markdown (read as rendered) rather than plain text (.txt: every line as written)."""
    return not display.lower().endswith(".txt")


def read_whole(
    text: str,
    display: str,
    folded: str | None = None,
    speakers: Speakers = DEFAULT_SPEAKERS,
    unknown: dict | None = None,
) -> list[Utterance]:
    """`parse` of a Markdown file line after line, keeping track of front matter, fences and comments;
    table cells come as utterances of kind CELL. `unknown` receives each unknown speaker label → its
    first utterance."""
    if folded is not None and len(folded) != len(text):
        folded = None
    if "\r" in text:
        text = lone_cr(text)
        folded = lone_cr(folded) if folded is not None else None
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
        cell = False
        if body[0] in SPECIAL and not label and not pre.strip():
            if body.startswith(FENCES):
                fence = body[:3]
                continue
            if body.startswith("<!--"):
                in_comment = "-->" not in body
                continue
            if body[0] == "|":
                label, skip = _table_row(body, speakers)
                if skip is None:
                    continue
                body, at, cell = body[skip:], at + skip, True
            elif _structure(pre, label, body):
                if body[0] == "=" and out and out[-1].line == number - 1:
                    out.pop()  # setext heading underline: the line above was a heading
                    if labelled and labelled[-1][0] == len(out):
                        labelled.pop()
                continue
        shown = render(body)
        said = _speech(label, body if shown is None else shown[0])
        if said is not None:
            words, speaker, ask = said
            base = start + at
            origin = None if shown is None else Placed([(number, at + c + 1) for c in shown[1][: len(words)]])
            known = folded[base : base + len(words)] if folded is not None and shown is None else None
            u = Utterance(
                words, speaker, display, number, at + 1, base, origin, ask, kind=CELL if cell else "", folded=known
            )
            if label == UNKNOWN:
                labelled.append((len(out), name, _utterance(_read_line(line, True, None), display, number, start)))
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


def _utterance(read: tuple | None, display: str, number: int, start: int) -> Utterance | None:
    """The utterance of a line read with _read_line (None when the line says nothing)."""
    if not read:
        return None
    words, at, speaker, ask, columns, cell = read
    origin = None if columns is None else Placed([(number, c + 1) for c in columns])
    return Utterance(words, speaker, display, number, at + 1, start + at, origin, ask, kind=CELL if cell else "")


def _counts(names) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    return counts


CELL = "cell"  # Utterance.kind of a table row (SOFT_BREAK: of two lines of one paragraph)
DELIMITER_ROW = regexcache.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$")


def _table_row(body: str, speakers: Speakers | None = DEFAULT_SPEAKERS) -> tuple[str | None, int | None]:
    """(speaker of the row, where its words start) for a table row (`| 客服 | 您好 |`: the label is a
    first cell holding only a known label), or (None, None) for the delimiter row."""
    if DELIMITER_ROW.match(body):
        return None, None
    cells = body.split("|")
    first = cells[1].strip(" \t*_") if len(cells) > 2 else ""
    who = speakers.table.get(first.lower()) if speakers is not None and first else None
    if who is not None:
        return who, len(cells[0]) + len(cells[1]) + 2
    return None, 0


def _dialogue_rows(turns: list, cells: list, lines: list[str], speakers: Speakers) -> tuple[list, list]:
    """A Markdown table that writes the call (「| 客服 | 您好… |」「| 客户 | … |」: rows whose first cell is a known
    label, the agent's and the customer's) holds its turns: those rows join the call in line order; a table
    without both sides' labels (a list of phrases, a form) stays cells, checked line by line."""
    rows = []
    for u in cells:
        line = lines[u.line - 1].lstrip(" \t>") if 0 < u.line <= len(lines) else ""
        if line.startswith("|") and _table_row(line, speakers)[0] in (AGENT, CUSTOMER):
            rows.append(u)
    if not rows or {u.speaker for u in rows} != {AGENT, CUSTOMER}:
        return turns, cells
    for u in rows:
        u.kind = ""
    taken = set(map(id, rows))
    return sorted(turns + rows, key=lambda u: (u.line, u.col)), [u for u in cells if id(u) not in taken]


# A declared kind of contact: a front-matter line, a comment or a line of its own near the top
# (kind: inbound, <!-- huifang: kind=face -->, 类型：来电).
KIND_LINE = regexcache.compile(
    r"^[ \t]*(?:<!--[ \t]*|#[ \t]*)?(?:huifang:[ \t]*)?(?:kind|类型|联系方式|通话类型|话术类型)"
    r"[ \t]*[:：=][ \t]*([^\s<>,，。;；]{1,12})",
    re.M | re.I,
)
KIND_WORDS = {
    "outbound": ("outbound", "去电", "外呼", "呼出", "回访", "电话回访", "去电回访"),
    "inbound": ("inbound", "来电", "呼入", "接听", "来电接听", "热线"),
    "face": ("face", "面对面", "当面", "柜台", "现场", "来访", "接待", "门店"),
    "message": ("message", "短信", "微信", "消息", "文字", "在线"),
}
KIND_OF_WORD = {word: kind for kind, words in KIND_WORDS.items() for word in words}
KIND_HINTS = ("kind", "类型", "联系方式", "Kind", "KIND")
HEAD = 3000  # characters at the top of a file where its kind is declared
_HINTED: dict[str, bool] = {}


def declared_kind(text: str, lines: list[str] | None = None, marks: int | None = None) -> str:
    """The kind of contact a free-form file declares in its first lines, or "" (outbound by default).
    `lines`: the text's lines, screened for a hint line by line, each distinct line once (no hint holds
    a line break; only for a text that is all head); `marks`: their line marks, which answer that."""
    return declaration(text, lines, marks)[0]


def declaration(text: str, lines: list[str] | None = None, marks: int | None = None) -> tuple[str, tuple]:
    """`declared_kind`, and when it is "" because the only declarations name no kind it knows (kind: banana),
    where the first of them is: (line, column, end column, the value), 1-based; else ()."""
    return declaring(text, lines, marks)[:2]


def declaring(text: str, lines: list[str] | None = None, marks: int | None = None) -> tuple[str, tuple, int]:
    """`declaration`, and the 1-based line that is only a declaration (「kind: inbound」, 「类型：来电」, nothing
    else on it), so the reader drops it from the call: nobody says it; 0 when there is none."""
    head = text[:HEAD]
    if lines is not None and len(text) <= HEAD:
        if not (marks & KIND if marks is not None else any_line(lines, _HINTED, hinted)):
            return "", (), 0
    elif not any(hint in head for hint in KIND_HINTS):
        return "", (), 0
    unknown = None
    for match in KIND_LINE.finditer(head):
        found = KIND_OF_WORD.get(match.group(1).lower())
        if found:
            return found, (), _alone(head, match)
        if unknown is None:
            unknown = match
    if unknown is None:
        return "", (), 0
    line, col = line_col(head, unknown.start(1))
    value = unknown.group(1)
    return "", (line, col, col + len(value), value), _alone(head, unknown)


def _alone(head: str, match: re.Match) -> int:
    """The line of a declaration with nothing said after it on its line (a closing 「-->」 aside), or 0."""
    end = head.find("\n", match.end())
    rest = head[match.end() : end if end >= 0 else len(head)]
    if rest.strip(" \t\r-<>*_　"):
        return 0
    return head.count("\n", 0, match.start()) + 1


def hinted(line: str) -> bool:
    """Whether a line may declare the kind of contact (one of KIND_HINTS is in it)."""
    return _HINT.search(line) is not None


_HINT = regexcache.compile("|".join(map(re.escape, KIND_HINTS)))


# Where a written script turns to the customer who cannot talk now: 「不方便：」「B.不方便――」「如不方便，」
# at the start of a line or after a branch letter, 「如（客户）不方便」 anywhere.
NOT_NOW = regexcache.compile(
    r"(?:^|(?<=[\s。！？!?”」）)]))(?:[A-DＡ-Ｄa-d][.．、:：)）]?[ \t]*)?不方便(?=[:：,，―—\-－])"
    r"|(?:如果?|若|假如)(?:客户|对方|您)?(?:现在)?不方便"
)
BRANCH_END = regexcache.compile(
    r"^(?:[A-DＡ-Ｄa-d][.．、:：)）]|\d{1,2}[.、．)）]|#|[一二三四五六七八九十]+、|情况"
    r"|(?:如果?|若)?(?:客户)?(?:方便|满意|非常满意|一般|同意|接受)[:：,，―—\-－])"
)


def branch_paths(turns: list[Utterance], titles=()) -> list[tuple[str, list[Utterance]]]:
    """The call's paths when the script marks branches (lint/branches.py: A./B., 情况一, 方便：/不方便：,
    如客户满意/不满意, alternative endings such as 日常：/节日：), else when it writes a 不方便 branch inside
    a line (「…，如不方便，我们改天再联系您，再见」): the 不方便 path (the turns up to the branch and the
    branch) and the main path (every turn but the branch), so the closing of each is checked."""
    marked = marked_paths(turns, titles)
    if marked is not None:
        return marked
    for index, u in enumerate(turns):
        if not u.agent or "不方便" not in u.text:
            continue
        found = NOT_NOW.search(u.text)
        if found is None:
            continue
        start = found.start()
        if start == 0 or not u.text[:start].strip():
            end = index + 1
            while end < len(turns) and not BRANCH_END.match(turns[end].text):
                end += 1
            return [("", turns[:index] + turns[end:]), ("不方便", turns[:end])]
        return [("", turns[:index] + [_part(u, 0, start)] + turns[index + 1 :]), ("不方便", turns[: index + 1])]
    return [("", turns)]


# A cheap screen of a whole file for anything lint/branches.py or a 不方便 branch could find.
MAY_BRANCH = regexcache.compile(
    r"方便|情况|情形|场景|满意|配合|(?m:^#{1,6}[ \t])|(?m:^[ \t>*+\-]*(?:\d{1,2}[.、．)）]|[(（][\d一二三四五六七八九十]{1,3}[)）]|"
    r"[一二三四五六七八九十]{1,3}、)?[ \t]*(?:[A-HＡ-Ｈ]|[^\s:：,，。]{1,8}[:：]))"
)


def may_branch(text: str) -> bool:
    return MAY_BRANCH.search(text) is not None


LONE_CR = regexcache.compile(r"\r(?!\n)")


def _readings(text: str) -> tuple:
    from huifang.lint.readings import strip  # imported only for a text with a closing bracket

    return strip(text)


def lone_cr(text: str) -> str:
    """Old Mac line ends (CR alone) read as line ends; same length, so every offset stays."""
    return LONE_CR.sub("\n", text) if "\r" in text else text


def has_blocks(text: str) -> bool:
    """Whether a line's meaning may depend on the lines around it (front matter, fenced code, HTML
    comments, setext underlines); without these every line is read on its own."""
    return (
        "```" in text
        or "~~~" in text
        or "<!--" in text
        or "=" in text
        or (text.startswith("---") and text[3:4] in ("\n", "\r"))
    )


def _read_line(line: str, as_markdown: bool = True, speakers: Speakers | None = DEFAULT_SPEAKERS) -> tuple | None:
    """(words, their column offset, speaker, asks, column offset in the line of each word character or
    None when the words are written as they read, is a table cell) of a line read on its own, or None
    when it is not speech. Plain text (.txt) has no structure: a `#` line is speech. `speakers=None`:
    the line read as having no label."""
    if not line:
        return None
    pre, label, _, body, at = _split(line, speakers)
    if not body:
        return None
    cell = False
    if as_markdown and body[0] in SPECIAL:
        if body[0] == "|" and not label and not pre.strip():
            label, skip = _table_row(body, speakers)
            if skip is None:
                return None
            body, at, cell = body[skip:], at + skip, True
        elif _structure(pre, label, body):
            return None
    shown = render(body) if as_markdown else None
    said = _speech(label, body if shown is None else shown[0])
    if said is None:
        return None
    columns = None if shown is None else [at + c for c in shown[1][: len(said[0])]]
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
    LONGEST = 500  # this are never remembered

    def __init__(
        self,
        matcher=None,
        speakers: Speakers = DEFAULT_SPEAKERS,
        tests: LineTests | None = None,
        numbers_alike: bool = True,
    ):
        self.matcher = matcher
        self.speakers = speakers
        self.tests = tests  # the pre-screens' line tests (lint/linemarks.py), asked of each line as it is read
        # Lines that differ only in their digits (「…工号9580。」, 「# 回访话术 12」) read alike: their shape (every
        # ASCII digit written 0) → (the reading of the first such line, its marks). None: digits may tell
        # readings apart here (a speaker label or a word-order phrase word with a digit: `numbers_alike`).
        self.shapes: dict[bool, dict[str, list]] | None = (
            {True: {}, False: {}} if numbers_alike and not speakers.names_digits() else None
        )
        self.marks: dict[bool, dict[str, int]] = {True: {}, False: {}}  # Markdown?, line → its marks
        # line → (words, column offset, speaker, asks, columns, cell?, folded, normalised, phrase?) or ()
        self.known: dict[str, tuple] = {}  # Markdown lines
        self.plain: dict[str, tuple] = {}  # .txt lines
        self.size = 0  # characters of the lines in `known` and `plain`
        # Markdown?, line that starts with an unknown label → (the label, the line's facts read without
        # it): a label used once in a file is not a speaker, so which reading holds is decided per file.
        self.labelled: dict[bool, dict[str, tuple]] = {True: {}, False: {}}

    def view(self, text: str, display: str, org=None) -> CallView:
        """The file as a one-path call; with a phrase matcher, the lines where a phrase may be."""
        return self.views([(text, display)], org)[0]

    def views(self, files: list[tuple[str, str]], org=None) -> list[CallView]:
        """`view` of many (text, display) files; the lines none of them had before are read together."""
        # 「請(qǐng)講」 read as 「請講」 (lint/readings.py), looked for only where a bracket closes: most texts have none
        read = [_readings(text) if ")" in text or "）" in text else (text, None) for text, _ in files]
        originals = [text for text, _ in read]
        files = [(lone_cr(text), display) for (text, _), (_, display) in zip(read, files)]
        kinds = [markdown(display) for _, display in files]
        split = [None if md and has_blocks(text) else text.split("\n") for (text, _), md in zip(files, kinds)]
        if self.size > self.LIMIT:
            self.known.clear()
            self.plain.clear()
            self.labelled = {True: {}, False: {}}
            self.marks = {True: {}, False: {}}
            if self.shapes is not None:
                self.shapes = {True: {}, False: {}}
            self.size = 0
        learnt: dict[bool, dict] = {}
        marked: dict[bool, dict] = {}  # the new lines' marks (those of lines too long to remember are only here)
        for md, known in ((True, self.known), (False, self.plain)):
            new: set[str] = set()
            for lines, kind in zip(split, kinds):
                if lines is not None and kind is md:
                    new.update(filterfalse(known.__contains__, lines))
            learnt[md], marked[md] = self._learn(new, md) if new else ({}, {})
        out = []
        for (text, display), lines, md, original, (_, readings) in zip(files, split, kinds, originals, read):
            unknown: dict = {}
            marks = None
            if lines is None:
                turns, hits = self._whole(text, display, unknown)
                lines = text.split("\n")
                extras = [u for u in turns if u.kind == CELL]
                if extras:
                    turns = [u for u in turns if u.kind != CELL]
            else:
                turns, extras, hits = self._turns(lines, display, learnt[md], md, unknown)
                if self.tests is not None and "\r" not in original:
                    marks = self._marks(lines, md, marked[md])
            if extras:
                turns, extras = _dialogue_rows(turns, extras, lines, self.speakers)
            declared, unknown_kind, declaring_line = declaring(text, lines, marks)
            if declaring_line:
                turns = [u for u in turns if u.line != declaring_line]
            inferred, won = infer_agent(turns, lines, unknown) if unknown else ("", ())
            first_person(turns, lines, text)
            if not unknown and ("“" in text or "「" in text):
                quoted_turns(turns, lines)
            if md and self.matcher is not None:
                joins = self._soft_breaks(turns, lines, display)
                extras += joins
                hits |= {u.line for u in joins}
                if joins and marks is not None:
                    marks |= REORDERED  # words joined over a line break: screened as before
            # Headings mark branches (`branches.paths`), but a marker needs a sibling: with no line marked as a
            # branch, a file with one '#' (at most one heading: a title, 「# 回访话术 12」) has none.
            titled = md and "#" in text and (marks is None or marks & BRANCHES or text.count("#") > 1)
            # no line marked as a branch and no heading to mark one: the file is one path
            if (marks is None or marks & BRANCHES or titled) and may_branch(text):
                paths = branch_paths(turns, headings(lines) if titled else ())
            else:
                paths = [("", turns)]
            nodes: tuple = ()
            if len(paths) == 1:
                single = paths
                paths = endings(paths, text)
                if paths is not single:
                    nodes = node_endings(single[0][1])
            else:
                paths = each_ending(paths)  # a robot's marked outcomes, each prompt that ends the call (Round 35b)
            if (marks & ALTERNATIVES) if marks is not None else ("/" in text or "或" in text or "也可" in text):
                paths = alternatives(paths)
            total = 0
            if len(paths) >= MAX_PATHS:
                total, paths = max(count(turns), len(paths)), paths[:MAX_PATHS]
            call = CallView(display, display, (1, 1), paths, extras, org=org, freeform=True, text=original)
            if len(paths) > 1:
                call.whole = turns
            if total > len(paths):
                call.paths_total = total
            call.unknown_speakers = unknown
            call.inferred_agent = inferred
            call.inferred_points = won
            call.unknown_kind = unknown_kind
            call.kind = declared or "outbound"
            call.marks = marks
            call.node_endings = nodes
            call.readings = readings
            if self.matcher is not None:
                call.phrase_lines = hits
                call.no_phrases = not hits
            out.append(call)
        return out

    def _turns(
        self, lines: list[str], display: str, learnt: dict, md: bool, unknown: dict | None = None
    ) -> tuple[list[Utterance], list[Utterance], set[int]]:
        """A file without block structure: its turns, its table cells, and the lines where a phrase may be."""
        facts = list(map((self.known if md else self.plain).get, lines))
        if None in facts:  # lines too long to remember
            facts = [learnt[line] if fact is None else fact for line, fact in zip(lines, facts)]
        labelled = self.labelled[md]
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
        cells: list[Utterance] = []
        hits: set[int] = set()
        start = number = 0
        new = Utterance.__new__
        for line, fact in zip(lines, facts):
            number += 1
            if fact:
                body, at, speaker, ask, columns, cell, folded, norm, hit = fact
                # Utterance(body, speaker, display, number, at + 1, start + at, origin, ask, None, kind, folded,
                # norm), its fields set here: a third of the time of calling __init__, once per line of every
                # file (test_prescreens checks every field against __init__'s)
                u = new(Utterance)
                u.text = body
                u.speaker = speaker
                u.file = display
                u.line = number
                u.col = at + 1
                u.base = start + at
                u.origin = None if columns is None else Placed([(number, c + 1) for c in columns])
                u.ask = ask
                u.key = None
                u.agent = speaker == AGENT
                u.folded = folded
                u.normalized = norm
                if cell:
                    u.kind = CELL
                    cells.append(u)
                else:
                    u.kind = ""
                    out.append(u)
                if hit:
                    hits.add(number)
            start += len(line) + 1
        if first and unknown is not None:
            at_line = {u.line: u for u in out + cells}
            for name, index in first.items():
                if index + 1 in at_line:
                    unknown[name] = at_line[index + 1]
        return out, cells, hits

    def _marks(self, lines: list[str], md: bool, marked: dict[str, int]) -> int:
        """A file's line marks joined."""
        found = list(map(self.marks[md].get, lines))
        if None in found:  # lines too long to remember
            found = [marked[line] if mark is None else mark for line, mark in zip(lines, found)]
        return reduce(or_, found, 0)

    def _learn(self, lines: set[str], md: bool) -> tuple[dict[str, tuple], dict[str, int]]:
        """Read lines not seen before, all at once (one fold, one drop, one phrase scan); their facts and
        their marks."""
        from huifang.lint.normalize import drop_in_lines, fold

        new = list(lines)
        joined = "\n".join(new)
        folded = fold(joined).split("\n")
        dropped = drop_in_lines("\n".join(folded))
        hits = self.matcher.lines(dropped) if self.matcher is not None else set()
        speakers = self.speakers
        if self.shapes is None:
            reads = [_read_line(line, md, speakers) for line in new]
            shaped: list = []
        else:
            reads, shaped = _shaped_reads(new, joined, md, speakers, self.shapes[md])
        # Words written as they read are a slice of their folded line; rendered words are folded anew.
        spoken = [
            ("" if not read else f[read[1] : read[1] + len(read[0])] if read[4] is None else fold(read[0]))
            for f, read in zip(folded, reads)
        ]
        norms = _sliced_norms(folded, dropped.split("\n"), reads, spoken)
        learnt = {}
        tests = self.tests
        marked = {}
        for number, (line, read, words, norm) in enumerate(zip(new, reads, spoken, norms), 1):
            if tests is not None:
                shape = shaped[number - 1] if shaped else None
                if shape is not None and shape[1] is not None:
                    marked[line] = shape[1]  # a line of the same shape read before: the same marks
                else:
                    marked[line] = tests.of_line(line)
                    # the word tests are of what the agent says: a line of the customer's never is (an unknown
                    # speaker may turn out to be the agent)
                    if read and (read[2] == AGENT or read[2] == UNKNOWN):
                        marked[line] |= tests.of_words(words, read[0])
                    if shape is not None:
                        shape[1] = marked[line]
            if not read:
                learnt[line] = ()
                continue
            hit = number in hits or (read[4] is not None and self.matcher is not None and self.matcher.any(norm))
            learnt[line] = (*read, words, norm, hit)
            if read[2] == UNKNOWN:
                other = self._fact(_read_line(line, md, None))
                self.labelled[md][line] = (_split(line, speakers)[2], other)
                if tests is not None and other and (other[2] == AGENT or other[2] == UNKNOWN):
                    marked[line] |= tests.of_words(other[6], other[0])  # the line read without its label
        kept = [line for line in new if len(line) <= self.LONGEST]
        (self.known if md else self.plain).update((line, learnt[line]) for line in kept)
        if tests is not None:
            self.marks[md].update((line, marked[line]) for line in kept)
        self.size += sum(map(len, kept))
        return learnt, marked

    def _fact(self, read: tuple | None) -> tuple:
        """What `_learn` remembers of a line read one way (the facts tuple), for one line."""
        from huifang.lint.normalize import drop_in_lines, fold

        if not read:
            return ()
        words = fold(read[0])
        norm = drop_in_lines(words)
        hit = self.matcher is not None and self.matcher.any(norm)
        return (*read, words, norm, hit)

    def _whole(self, text: str, display: str, unknown: dict | None = None) -> tuple[list[Utterance], set[int]]:
        from huifang.lint.normalize import drop_in_lines, fold

        folded = fold(text)
        hits = self.matcher.lines(drop_in_lines(folded)) if self.matcher is not None else set()
        turns = read_whole(text, display, folded, self.speakers, unknown)
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
        open_end = self.matcher.open_end  # a line whose end starts no phrase has none running over the break
        pairs = [
            (first, second)
            for first, second in zip(turns, turns[1:])
            if second.line == first.line + 1
            and first.agent
            and second.agent
            and (second.col == 1 or not lines[second.line - 1][: second.col - 1].strip())
            and open_end(first.normalized)  # last: the costliest test
        ]
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
            out.append(
                Utterance(
                    first.text + second.text,
                    AGENT,
                    display,
                    first.line,
                    first.col,
                    first.base,
                    Placed(_places(first) + _places(second)),
                    second.ask,
                    kind=SOFT_BREAK,
                )
            )
        return out


# What reading a line never tells apart by digit: a line with none of these reads as its shape does (every ASCII
# digit 0). Character references (&#…;) and switches (huifang:) are read by their digits' values, a table row by
# its cells: such lines are read on their own.
NOT_SHAPED = regexcache.compile(r"[&<\\`|]|huifang")
_ZEROS = bytes.maketrans(b"123456789", b"000000000")


def shape_of(text: str) -> str:
    """The text with every ASCII digit 1–9 written 0. In UTF-8 the bytes 0x31–0x39 encode these digits and nothing
    else (every byte of a longer character's encoding is 0x80 or above; lone surrogates pass as such), so the
    encoded bytes are translated: for Chinese text, a third of a regex's substitution one digit at a time."""
    return text.encode("utf-8", "surrogatepass").translate(_ZEROS).decode("utf-8", "surrogatepass")


def _shaped_reads(
    lines: list[str], joined: str, md: bool, speakers: Speakers, shapes: dict[str, list]
) -> tuple[list, list]:
    """`_read_line` of each line, a line that differs from one read before only in its digits read from that
    one's reading: its words are the same slice of it (a reading whose words are rendered, or whose speaker is an
    unknown label, is never shared). Also per line its shape's entry [reading, marks or None] (None: not shaped),
    whose marks `_learn` fills from the first line of the shape and reads for the others. Lines too long to be
    remembered are read alone (their shapes would be remembered past `Reader.LIMIT`'s count).

    Exact because nothing in reading a line or marking it asks which digit a character is: every regex of
    reading and of the line tests holds digits in classes that have all ten or none (tests/lint/
    test_lintspeed21.py checks them), the digit class, `isdecimal`/`isdigit` and NUMBER_START answer alike for each, no
    OpenCC dictionary entry holds a digit, and the project's own words that might (speaker labels, word-order
    phrase words) turn this off when they do (`Reader.shapes`)."""
    reads: list = []
    shaped: list = []
    # the lines joined (`joined`), their shapes worked out and screened in one pass each
    apart = NOT_SHAPED.search(joined) is not None
    for line, shape in zip(lines, shape_of(joined).split("\n")):
        if shape == line or len(line) > Reader.LONGEST or (apart and NOT_SHAPED.search(line) is not None):
            reads.append(_read_line(line, md, speakers))
            shaped.append(None)
            continue
        entry = shapes.get(shape)
        if entry is None:
            read = _read_line(line, md, speakers)
            if read and (read[4] is not None or read[2] == UNKNOWN):
                entry = shapes[shape] = [False, None]
                shaped.append(None)
            else:
                entry = shapes[shape] = [read, None]
                shaped.append(entry)
            reads.append(read)
            continue
        first = entry[0]
        if first is False:
            reads.append(_read_line(line, md, speakers))
            shaped.append(None)
            continue
        if first:
            at = first[1]
            words = line[at : at + len(first[0])]
            first = (words, at, *first[2:])
        reads.append(first)
        shaped.append(entry)
    return reads, shaped


def _sliced_norms(folded: list[str], dropped: list[str], reads: list, spoken: list[str]) -> list[str]:
    """The normalised words of each new line. Dropping goes character by character, so the words written as they
    read (a slice of the folded line) normalise to a slice of the line dropped: what is kept of the line before
    and after them is cut off (a label, a list marker: a few kinds per batch). Rendered words are dropped anew."""
    from huifang.lint.normalize import drop_in_lines

    kept = {"": 0}  # folded text before or after a line's words → its length once dropped
    norms: list = []
    rendered: list[int] = []
    for index, (f, d, read) in enumerate(zip(folded, dropped, reads)):
        if not read:
            norms.append("")
            continue
        if read[4] is not None:
            rendered.append(index)
            norms.append("")
            continue
        start = read[1]
        end = start + len(read[0])
        head = kept.get(f[:start])
        if head is None:
            head = kept[f[:start]] = len(drop_in_lines(f[:start]))
        tail = 0
        if end < len(f):
            after = kept.get(f[end:])
            tail = kept[f[end:]] = len(drop_in_lines(f[end:])) if after is None else after
        norms.append(d[head : len(d) - tail])
    if rendered:
        for index, norm in zip(rendered, drop_in_lines("\n".join([spoken[i] for i in rendered])).split("\n")):
            norms[index] = norm
    return norms


def _places(u: Utterance) -> list[tuple[int, int]]:
    if isinstance(u.origin, Placed):
        return u.origin.places
    return [(u.line, u.col + i) for i in range(len(u.text))]


def view(text: str, display: str, org=None, matcher=None, speakers: Speakers = DEFAULT_SPEAKERS) -> CallView:
    """The file as a one-path call (see Reader.view)."""
    return Reader(matcher, speakers).view(text, display, org)
