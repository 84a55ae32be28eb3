"""Which of several regexes can match a text, told by one scan for the literals each of them needs.

Every match of a pattern like `(?:公司|中心)(?:室)?(?:您好|你好)` contains 您好 or 你好: a set of literals one of
which each match holds. `required(pattern)` reads such a set from the parsed pattern (None when it finds none:
a pattern that can match without any fixed text). `Screen` puts the sets of many patterns into one Aho–Corasick
automaton: one pass over a text gives, as bits, the patterns that may match it; a pattern whose bit is clear has
no match there, so searching it can be skipped without changing any answer. Patterns without a set always have
their bit set.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def required(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Literals one of which every match of the pattern (compiled with `flags`) contains, or None if none
    was found."""
    from re import _parser  # type: ignore[attr-defined]

    try:
        parsed = _parser.parse(pattern)
    except re.error:
        return None
    if (parsed.state.flags | flags) & (re.IGNORECASE | re.LOCALE | re.ASCII):
        return None
    return _of_sequence(list(parsed.data))


def _of_sequence(items: list) -> frozenset[str] | None:
    """The best set among what the items of a sequence require: each run of literals, each group or
    repetition of at least one that requires a set (its longest shortest literal wins)."""
    if len(items) == 1 and str(items[0][0]) == "BRANCH":
        return _of_branches(items[0][1][1])
    found: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            run += chr(av)
            continue
        if run:
            found.append(frozenset((run,)))
            run = ""
        if name == "SUBPATTERN" and not av[1] and not av[2]:  # a group that changes no flag
            inner = _of_sequence(list(av[3]))
        elif name in _REPEATS and av[0] >= 1:
            inner = _of_sequence(list(av[2]))
        elif name == "BRANCH":
            inner = _of_branches(av[1])
        else:
            inner = None
        if inner:
            found.append(inner)
    if run:
        found.append(frozenset((run,)))
    if not found:
        return None
    return max(found, key=lambda s: (min(map(len, s)), -len(s)))


def _of_branches(branches) -> frozenset[str] | None:
    out: set[str] = set()
    for branch in branches:
        one = _of_sequence(list(branch))
        if not one:
            return None
        out |= one
    return frozenset(out)


class Screen:
    """One automaton over the required literals of several patterns; `bits(text)`: bit i set when pattern i
    may match the text (its literal occurs, or it has none)."""

    __slots__ = ("automaton", "always", "empty", "_last")

    def __init__(self, patterns: Sequence[re.Pattern]):
        import ahocorasick

        self.automaton = ahocorasick.Automaton()
        self.always = 0
        owners: dict[str, int] = {}
        for index, pattern in enumerate(patterns):
            literals = required(pattern.pattern, pattern.flags)
            if not literals:
                self.always |= 1 << index
                continue
            for literal in literals:
                owners[literal] = owners.get(literal, 0) | 1 << index
        for literal, bits in owners.items():
            self.automaton.add_word(literal, bits)
        self.empty = not owners
        if not self.empty:
            self.automaton.make_automaton()
        self._last: tuple[str | None, int] = (None, 0)

    def bits(self, text: str) -> int:
        last, found = self._last
        if text is last:  # a screen of the text's elements followed by the search of those it lets through
            return found
        found = self.always
        if not self.empty:
            for _, bits in self.automaton.iter(text):
                found |= bits
        self._last = (text, found)
        return found
