"""The characters a set of regexes cannot tell apart, so that texts differing only in them share one answer.

A regex (without back references or case folding) reads a text only by asking, character by character,
whether it is some literal, in some class, a word character (for \\b) or a line break. Two characters
that give the same answer to every such question of every pattern in a set are interchangeable: a text
with one written for the other matches each pattern at the same places, with the same spans. `Alphabet`
maps each character to one representative of its class (a character a pattern names literally is a
class of its own), so `canon(text)` is a key under which what the patterns find in a text is remembered
for every text that differs from it only in such characters: the customer's name and the agent's number
in each script's opening line (陈先生/王先生, 工号9580/工号1734), which otherwise make that line new in every
file. Patterns it cannot read this way (back references, case-insensitive parts, anything unknown) give
an alphabet whose `canon` is the text itself.
"""

from __future__ import annotations

import re
from collections import defaultdict

from huifang.kept import Kept

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

# What a class names by category, as a regex of one character (re's parser gives these before compiling).
_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\d",  # the answer negated: the same question
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\s",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\w",
}
_TESTS: dict = {}  # category → its test, compiled when first needed (not on a one-file lint's path)
_BOUNDARIES = ("AT_BOUNDARY", "AT_NON_BOUNDARY")
KEPT = Kept("alphabet")  # the patterns joined → what _questions read of them (False: not readable here)
_LINE_ANCHORS = ("AT_BEGINNING", "AT_BEGINNING_LINE", "AT_BEGINNING_STRING", "AT_END", "AT_END_LINE", "AT_END_STRING")


class Unreadable(Exception):
    """A pattern this module does not read (its alphabet is then the identity)."""


class Alphabet:
    """`canon(text)`: the text with each character replaced by the representative of its class."""

    def __init__(self, patterns: Iterable[str]):
        patterns = list(patterns)
        key = "\0".join(patterns)
        read = KEPT.get(key)
        if read is None:  # parsing a standard's patterns takes milliseconds: what was read is kept
            try:
                read = _questions(patterns)
            except Unreadable:
                read = False
            KEPT.put(key, read)
        self._table = None if not read else _Table(*read)
        # What _table has worked out, in a mapping str.translate reads at C speed (a dict subclass defined in
        # Python is asked through its __getitem__ slot, ≈ 400 instructions a character); a character not
        # in it yet raises _Unmet, and the text goes through _table, which learns it.
        self._learnt: defaultdict[int, int] = defaultdict(_unmet)

    def canon(self, text: str) -> str:
        if self._table is None:
            return text
        try:
            return text.translate(self._learnt)
        except _Unmet:
            canon = text.translate(self._table)
            table = self._table
            self._learnt.update({code: table[code] for code in map(ord, set(text))})
            return canon


class _Unmet(Exception):
    """A character the alphabet has not classed yet."""


def _unmet() -> int:
    raise _Unmet


class _Table(dict):
    """ord(character) → ord(its representative), filled as characters are first met (str.translate asks it)."""

    def __init__(self, named: str, questions: tuple):
        super().__init__()
        if not _TESTS:
            _TESTS.update((p, re.compile(p).match) for p in (r"\d", r"\s", r"\w"))
        self.named = frozenset(named)
        # the questions' listed characters, by character: the classes that list it (most characters are in none)
        listed_in: dict[str, list[int]] = {}
        for index, (listed, _, _) in enumerate(questions):
            for char in listed:
                listed_in.setdefault(char, []).append(index)
        self.listed_in = {char: tuple(found) for char, found in listed_in.items()}
        # the ranges and categories of the classes that have any, each asked apart ([^\W_]: a word character but _)
        self.parts = tuple(
            (ranges, tuple(_TESTS[c] for c in categories))
            for _, ranges, categories in questions
            if ranges or categories
        )
        self.first: dict[tuple, int] = {}  # the answers of a character → the first character that gave them

    def __missing__(self, code: int) -> int:
        char = chr(code)
        if char in self.named:
            self[code] = code
            return code
        answers = (
            self.listed_in.get(char, ()),
            tuple(
                (tuple(low <= code <= high for low, high in ranges), tuple(t(char) is None for t in tests))
                for ranges, tests in self.parts
            ),
        )
        found = self[code] = self.first.setdefault(answers, code)
        return found


def _questions(patterns: list[str]) -> tuple[str, tuple]:
    """(the characters named literally, the questions asked of any other character: per class its listed
    characters, ranges and categories) of the patterns, as plain data (kept between runs: parsing the
    patterns of a standard takes milliseconds); line breaks always count as named."""
    from re import _parser  # type: ignore[attr-defined]

    named: set[str] = {"\n", "\r"}
    questions: set[tuple] = set()
    for pattern in patterns:
        try:
            parsed = _parser.parse(pattern)
        except re.error:
            raise Unreadable(pattern) from None
        if parsed.state.flags & (re.IGNORECASE | re.LOCALE | re.ASCII):
            raise Unreadable(pattern)
        _walk(parsed.data, named, questions)
    return "".join(sorted(named)), tuple(sorted(questions))


def _walk(items, named: set[str], questions: set[tuple]) -> None:
    for op, av in items:
        name = str(op)
        if name in ("LITERAL", "NOT_LITERAL"):
            named.add(chr(av))
        elif name == "IN":
            listed, ranges, categories = set(), [], set()
            for member, value in av:
                kind = str(member)
                if kind == "LITERAL":
                    listed.add(chr(value))
                elif kind == "RANGE":
                    ranges.append(value)
                elif kind == "CATEGORY" and str(value) in _CATEGORIES:
                    categories.add(_CATEGORIES[str(value)])
                elif kind != "NEGATE":
                    raise Unreadable(kind)
            questions.add(("".join(sorted(listed)), tuple(sorted(ranges)), tuple(sorted(categories))))
        elif name == "ANY":
            continue  # any character but a line break, which is named
        elif name == "AT":
            if str(av) in _BOUNDARIES:
                questions.add(("", (), (r"\w",)))
            elif str(av) not in _LINE_ANCHORS:
                raise Unreadable(str(av))
        elif name == "BRANCH":
            # A run of alternatives that are each one literal character asks one question, as a class does
            # (tried in order, at most one of them matches a character, and each goes on the same way).
            run: set[str] = set()
            for alternative in av[1]:
                single = alternative.data
                if len(single) == 1 and str(single[0][0]) == "LITERAL":
                    run.add(chr(single[0][1]))
                    continue
                if run:
                    questions.add(("".join(sorted(run)), (), ()))
                    run = set()
                _walk(single, named, questions)
            if run:
                questions.add(("".join(sorted(run)), (), ()))
        elif name == "SUBPATTERN":
            if av[1] & (re.IGNORECASE | re.LOCALE):  # (?i:…) adds case folding to its part
                raise Unreadable(name)
            _walk(av[-1].data, named, questions)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            _walk(av[2].data, named, questions)
        elif name in ("ASSERT", "ASSERT_NOT"):
            _walk(av[1].data, named, questions)
        elif name == "ATOMIC_GROUP":
            _walk(av.data, named, questions)
        else:  # a back reference compares characters with each other; anything else is not read here
            raise Unreadable(name)
