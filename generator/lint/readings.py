"""Pinyin readings inside words: 「請(qǐng)講」 read as 「請講」, every finding placed in the file as written.

Some Traditional news sites put a character's reading in brackets right after it (「××學(xué)校」, 「有事請(qǐng)講」): the
words a team says are broken by letters nobody says, so no phrasing family finds them. A reading here is one pinyin
syllable with its tone mark, in half- or full-width round brackets, right after a Han character; it is taken out of
the free-form text before the file is read (`freeform.Reader.views`), and the findings of that text are placed back
where their characters are in the file (`Readings.placed`), their fixes too. A bracket after anything else, without
a tone mark or not a syllable (「卡（Debit）」, 「咖啡(café)」, 「塔(KLCC)」) stays as written.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

from huifang import regexcache

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# the letter each tone-marked one is written on
_BARE = str.maketrans(TONED, "aaaaeeeeiiiioooouuuuüüüünnnm")


@cache
def _patterns():
    """(any tone-marked letter right after an opening bracket and a few letters: the first test, which most texts
    with a bracket fail; a reading right after a Han character; a syllable of Mandarin pinyin with its tone mark
    taken off — initial, then final; 嗯 ng, n, m on their own), compiled the first time a text has a bracket."""
    return (
        regexcache.compile(f"[(（][a-zü]{{0,5}}[{TONED}]"),
        regexcache.compile(f"(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])([(（]([a-zü{TONED}]{{1,6}})[)）])"),
        regexcache.compile(
            "(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?"
            "(?:iang|iong|uang|ueng|ang|eng|ong|ian|iao|uai|uan|üan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ing|ua|uo|ui|un"
            "|üe|ue|ün|a|o|e|i|u|ü)|ng|n|m"
        ),
    )


def _syllable(letters: str) -> bool:
    """One tone mark, on a Mandarin syllable."""
    syllable = _patterns()[2]
    return sum(letters.count(c) for c in TONED) == 1 and syllable.fullmatch(letters.translate(_BARE)) is not None


class Readings:
    """Where readings were taken out of a text: the text as written, and each cut as (offset in the text without the
    readings, how many characters were taken out there)."""

    __slots__ = ("gone", "lines", "read_lines", "text", "where")

    def __init__(self, text: str, cuts: list[tuple[int, int]]):
        self.text = text  # as written
        self.where = [at for at, _ in cuts]
        total, self.gone = 0, []  # characters taken out up to and including each cut
        for _, length in cuts:
            total += length
            self.gone.append(total)
        self.lines: list[int] | None = None  # offset of each line's start, as written and as read
        self.read_lines: list[int] | None = None

    def offset(self, at: int) -> int:
        """The offset in the text as written of the character at `at` in the text as read."""
        i = bisect_right(self.where, at)
        return at + (self.gone[i - 1] if i else 0)

    def column(self, line: int, column: int) -> int:
        """The column as written of (line, column) as read (a reading never spans a line break: lines stay)."""
        if self.lines is None or self.read_lines is None:
            ends = [at + gone for at, gone in zip(self.where, self.gone)]  # each cut's end as written
            self.lines = _starts(self.text)
            self.read_lines = [a - _before(ends, self.gone, a) for a in self.lines]
        if not 1 <= line <= len(self.lines) or column < 1:
            return column
        start = self.read_lines[line - 1]
        return self.offset(start + column - 1) - self.lines[line - 1] + 1

    def placed(self, problems: list) -> list:
        """The findings of the text as read, placed in the text as written: a span's end after its last character."""
        out = []
        for p in problems:
            moved = {}
            column = self.column(p.line, p.column) if p.line else p.column
            if column != p.column:
                moved["column"] = column
            if p.end_line and p.end_column > 1:
                end = self.column(p.end_line, p.end_column - 1) + 1
                if end != p.end_column:
                    moved["end_column"] = end
            if p.fix:
                file, start, stop, *rest = p.fix
                fix = (
                    file,
                    self.offset(start),
                    self.offset(stop - 1) + 1 if stop > start else self.offset(start),
                    *rest,
                )
                if fix != p.fix:
                    moved["fix"] = fix
            out.append(_replace(p, moved) if moved else p)
        return out


def _replace(problem, changes: dict):
    import dataclasses

    return dataclasses.replace(problem, **changes)


def _before(ends: list[int], gone: list[int], written: int) -> int:
    """Characters taken out before an offset as written that no cut took out (a line's start)."""
    i = bisect_right(ends, written)
    return gone[i - 1] if i else 0


def _starts(text: str) -> list[int]:
    out, at = [0], text.find("\n")
    while at >= 0:
        out.append(at + 1)
        at = text.find("\n", at + 1)
    return out


def strip(text: str) -> tuple[str, Readings | None]:
    """The text without its readings, and where they were (None when it has none: the text itself comes back)."""
    # a reading ends with a closing bracket: most texts have none, and looking for one is ≈ 30 times cheaper than a regex
    if ")" not in text and "）" not in text:
        return text, None
    maybe, reading, _ = _patterns()
    if maybe.search(text) is None:
        return text, None
    pieces, cuts, at, gone = [], [], 0, 0
    for found in reading.finditer(text):
        if not _syllable(found.group(2)):
            continue
        start, end = found.span(1)
        pieces.append(text[at:start])
        cuts.append((start - gone, end - start))
        gone += end - start
        at = end
    if not cuts:
        return text, None
    pieces.append(text[at:])
    return "".join(pieces), Readings(text, cuts)
