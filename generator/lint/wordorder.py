"""Forbidden statements said in another word order or with words inserted (「我们从没这种事」 said as
「这种事我们从来没有过」): a phrase's `any_order` groups all found within one clause, in any order.

Texts are compared folded (Simplified, half-width), clause by clause.
"""

from __future__ import annotations

import re

from huifang import model as m
from huifang import regexcache
from huifang.lint.anyline import any_line
from huifang.lint.normalize import fold

TYPE_CHECKING = False
if TYPE_CHECKING:  # the checker knows dataclasses; records makes the same classes faster
    from dataclasses import dataclass
else:
    from huifang.records import dataclass


CLAUSE = regexcache.compile(r"[^，,。.！!？?；;：:、\n]+")


def _never(text: str) -> None:
    return None


@dataclass(frozen=True)
class OrderHit:
    phrase: m.ForbiddenPhrase
    start: int  # in the utterance's text, end exclusive
    end: int


class WordOrder:
    def __init__(self, phrases: list[m.ForbiddenPhrase]):
        self.phrases = [
            (p, [tuple(fold(w).replace(" ", "") for w in group) for group in p.any_order])
            for p in phrases
            if p.any_order
        ]
        self.first = tuple({w for _, groups in self.phrases for w in groups[0]})
        # one regex of the first words: one C call per text instead of a substring test per word
        self._first = (
            re.compile("|".join(map(re.escape, sorted(self.first, key=len, reverse=True)))).search
            if self.first
            else _never
        )
        self._seen: dict[str, bool] = {}
        # (text, folded, normalized) → the hits forbidden-phrase keeps before asking the file (`_unlisted`)
        self.unlisted: dict[tuple[str, str, str], tuple[OrderHit, ...]] = {}

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def maybe(self, text: str) -> bool:
        """Cheap pre-screen on a folded text: a word of some phrase's first group occurs."""
        return self._first(text) is not None

    def maybe_any(self, texts: list[str]) -> bool:
        """`maybe` of any of the texts, each distinct text asked once (a team's lines recur from script to
        script: a lookup costs less than searching them joined)."""
        return any_line(texts, self._seen, self.maybe)

    def find(self, folded: str) -> list[OrderHit]:
        """Each clause of a folded text in which every group of a phrase has a word: the hit runs
        from the first of these words to the end of the last."""
        out = []
        for clause in CLAUSE.finditer(folded):
            text = clause.group()
            for phrase, groups in self.phrases:
                spans = []
                for group in groups:
                    found = [(text.find(w), len(w)) for w in group if w in text]
                    if not found:
                        break
                    at, size = min(found)
                    spans.append((at, at + size))
                else:
                    base = clause.start()
                    out.append(OrderHit(phrase, base + min(a for a, _ in spans), base + max(b for _, b in spans)))
        return out
