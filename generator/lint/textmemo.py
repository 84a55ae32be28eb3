"""Answers about a text remembered per distinct text, asked as a dict is (`memo[text]`): no Python call on a text
asked before.

The call rules ask the same questions of every file's turns (does the last turn say goodbye, is this question said to
a wrong party, does the customer's first turn greet), and a team's turns recur from file to file: a question whose
answer depends on the text alone is worked out once per distinct text. A `Remembered` is a dict whose missing keys
are answered by its function (`__missing__`): on a known text the lookup is the dict's own, in C.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

LIMIT = 100_000  # distinct texts remembered per question, then forgotten all at once


class Remembered(dict):
    """text (or any key) → `answer(text)`, worked out on the first lookup of each; `limit` keys at most (LIMIT if not
    given)."""

    __slots__ = ("answer", "limit")

    def __init__(self, answer: Callable[[Any], Any], limit: int | None = None):
        super().__init__()
        self.answer = answer
        self.limit = limit

    def __missing__(self, text):
        if len(self) >= (self.limit or LIMIT):
            self.clear()
        found = self[text] = self.answer(text)
        return found


class Found(dict):
    """text → whether a compiled regex finds a match in it (its search called straight from `__missing__`: a text
    asked once costs little more than the search itself)."""

    __slots__ = ("search",)

    def __init__(self, pattern):
        super().__init__()
        self.search = pattern.search

    def __missing__(self, text: str) -> bool:
        if len(self) >= LIMIT:
            self.clear()
        found = self[text] = self.search(text) is not None
        return found


def found_by(pattern) -> Found:
    """text → whether the compiled regex finds a match in it."""
    return Found(pattern)
