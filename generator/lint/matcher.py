"""One Aho–Corasick automaton over every forbidden phrase and variant, normalised like the text.

No word boundaries anywhere: between two Han characters there is none, so a phrase inside a
sentence must be found as a plain substring of the normalised text (Vale's `\\b…\\b` never is).
"""

from __future__ import annotations

import re

from huifang import model as m
from huifang import regexcache
from huifang.lint.normalize import kept, normalize

TYPE_CHECKING = False
if TYPE_CHECKING:  # the checker knows dataclasses; records makes the same classes faster
    from dataclasses import dataclass
else:
    from huifang.records import dataclass


@dataclass(frozen=True)
class Hit:
    phrase: m.ForbiddenPhrase
    written: str  # the phrase or variant as written in the phrase list
    start: int  # original character offsets in the searched text, end exclusive
    end: int


class PhraseMatcher:
    def __init__(self, phrases: list[m.ForbiddenPhrase]):
        import ahocorasick

        self.automaton = ahocorasick.Automaton()
        keys: dict[str, list] = {}
        self.exceptions: dict[str, tuple[str, ...]] = {}
        self.alone: set[tuple[str, str]] = set()  # (phrase id, written) counted only as a whole sentence
        self.ended: set[tuple[str, str]] = set()  # (phrase id, variant) written with its own end mark: 「不可能！」

        def add(form: str, phrase: m.ForbiddenPhrase, written: str) -> None:
            """`form` found as `written` of `phrase` (once a phrase: a form written twice keeps its first entry)."""
            key = normalize(form)
            if key and not any(p is phrase for p, _ in keys.get(key, ())):
                keys.setdefault(key, []).append((phrase, written))

        for phrase in phrases:
            excepted = phrase.exceptions
            if phrase.inserted:
                excepted = (*excepted, *(f for x in excepted for f in spoken(x, phrase.inserted)))
            self.exceptions[phrase.id] = tuple(e for e in (normalize(x) for x in excepted) if e)
            for written in (*(w.value for w in (phrase.phrase, *phrase.variants)), *phrase.alone):
                add(written, phrase, written)
            self.alone.update((phrase.id, w) for w in phrase.alone)
            self.ended.update((phrase.id, w.value) for w in phrase.variants if w.value.endswith(END_MARKS))
        # the spoken forms of every phrase as written, after them all: a form also written keeps its own entry
        for phrase in (p for p in phrases if p.inserted):
            for written in (w.value for w in (phrase.phrase, *phrase.variants)):
                for form in spoken(written, phrase.inserted):
                    add(form, phrase, written)
        for key, owners in keys.items():
            self.automaton.add_word(key, (len(key), tuple(owners)))
        self.empty = not keys
        self.longest = max(map(len, keys), default=0)  # of the normalised phrases
        self.starts = frozenset({key[:i] for key in keys for i in range(1, len(key))})  # proper prefixes
        self._open: dict[str, bool] = {}
        self._patterns: dict[str, tuple] = {}  # phrase id → (match of its exceptions' regex, longest exception)
        self.sayable: dict[str, str] = {}  # a phrase's `instead` → its sentence a fix may put in (`fix.sayable`)
        if not self.empty:
            self.automaton.make_automaton()

    def any(self, normalized: str) -> bool:
        """Cheap pre-screen: does anything match at all?"""
        if self.empty:
            return False
        for _ in self.automaton.iter(normalized):
            return True
        return False

    def open_end(self, normalized: str) -> bool:
        """Whether a phrase could run on past the end of a normalised text: the text ends with the start of
        one (a proper prefix of it). Remembered per text. False means no phrase spans its end and what follows."""
        found = self._open.get(normalized)
        if found is None:
            if len(self._open) > 100_000:
                self._open.clear()
            starts = self.starts
            tail = normalized[-(self.longest - 1) :] if self.longest > 1 else ""
            found = self._open[normalized] = any(tail[i:] in starts for i in range(len(tail)))
        return found

    def lines(self, dropped: str) -> set[int]:
        """1-based numbers of the lines of `dropped` (normalize.drop_in_lines) in which anything matches."""
        if self.empty:
            return set()
        found, line, at = set(), 1, 0
        for end, _ in self.automaton.iter(dropped):
            line += dropped.count("\n", at, end)
            at = end
            found.add(line)
        return found

    def find(self, text: str, normalized: str | None = None) -> list[Hit]:
        """Every phrase in `text`, one hit per phrase and region (the longest), outside exceptions."""
        return self.find_some(text, normalized)[0]

    def find_some(self, text: str, normalized: str | None = None, limit: int | None = None) -> tuple[list[Hit], int]:
        """`find` placing at most `limit` hits, and how many more there are (counted, not placed):
        linear in the text and its number of hits. With more, the last hit listed is the first left out."""
        if self.empty:
            return [], 0
        norm = normalize(text) if normalized is None else normalized
        raw = []
        for end, (length, owners) in self.automaton.iter(norm):
            start = end + 1 - length
            for phrase, written in owners:
                raw.append((start, end + 1, phrase, written))
        if not raw:
            return [], 0
        raw.sort(key=lambda h: (h[0], h[0] - h[1]))
        chosen: list = []
        reach: dict[int, int] = {}  # id(phrase) → end of its last chosen hit (hits come in order of start)
        index = None
        for start, end, phrase, written in raw:
            if reach.get(id(phrase), -1) > start:
                continue
            if self._excepted(norm, start, end, phrase):
                continue
            if (norm[start] == "别" or norm.endswith("什么", start, end)) and inside_word(
                norm, index := kept(text) if index is None else index, start, end
            ):
                continue
            if self.alone and (phrase.id, written) in self.alone:
                index = kept(text) if index is None else index
                if not whole(text, index[start], index[end - 1] + 1):
                    continue
            if self.ended and (phrase.id, written) in self.ended:
                index = kept(text) if index is None else index
                if not ends(text, index[end - 1] + 1):
                    continue
            chosen.append((start, end, phrase, written))
            reach[id(phrase)] = end
        more = 0
        if limit is not None and len(chosen) > limit:
            more = len(chosen) - limit
            chosen = chosen[: limit + 1]
        index = kept(text) if index is None else index
        return [Hit(phrase, written, index[s], index[e - 1] + 1) for s, e, phrase, written in chosen], more

    def _excepted(self, norm: str, start: int, end: int, phrase: m.ForbiddenPhrase) -> bool:
        # Only an exception starting at most its length before the hit can cover it: searching further
        # would make a line of many hits cost its length squared.
        exceptions = self.exceptions.get(phrase.id, ())
        if len(exceptions) > FEW_EXCEPTIONS:
            return self._covered(norm, start, end, phrase.id, exceptions)
        for exception in exceptions:
            if norm.find(exception, max(0, end - len(exception)), start + len(exception)) >= 0:
                return True
        return False

    def _covered(self, norm: str, start: int, end: int, ident: str, exceptions: tuple[str, ...]) -> bool:
        """`_excepted` for a phrase of many exceptions (those its `inserted` words multiply): one regex of them all,
        longest first, tried at each place an exception covering the hit can start (the longest that matches there
        reaches furthest)."""
        found = self._patterns.get(ident)
        if found is None:
            ordered = sorted(set(exceptions), key=lambda e: (-len(e), e))
            pattern = regexcache.compile("|".join(map(re.escape, ordered)))
            found = self._patterns[ident] = (pattern.match, len(ordered[0]))
        match, longest = found
        for at in range(max(0, end - longest), start + 1):
            covering = match(norm, at)
            if covering is not None and covering.end() >= end:
                return True
        return False


FEW_EXCEPTIONS = 12  # a phrase with more is searched with one regex of them (`_covered`), not one find each
# The speaker's own 我 that a phrase may start with, longest first: what `inserted` words are said after.
SUBJECTS = ("我们", "我")


def spoken(written: str, inserted: tuple[str, ...]) -> list[str]:
    """`written` with one of the `inserted` words, or two in the order they are listed, right after its leading
    我 / 我们, as speech puts them (「我不太清楚」 said as 「我这边还真不太清楚」); nothing when it does not start with 我."""
    subject = next((s for s in SUBJECTS if written.startswith(s)), None) if inserted else None
    if subject is None:
        return []
    rest = written[len(subject) :]
    pairs = [a + b for i, a in enumerate(inserted) for b in inserted[i + 1 :]]  # two, in the order listed
    return [subject + words + rest for words in (*inserted, *pairs)]


# A phrase whose first or last characters belong to a longer word around it: 别 in 特别 / 区别 / 分别 …
# (「您特别问我的那个问题」 holds no 别问我), 什么 in 什么时候 / 什么地方 (「您着急什么时候用车？」 holds no 急什么).
WORDS_ENDING_IN_BIE = frozenset("特区分告个级类识性差鉴辨道判甄派送离惜话作")
AFTER_SHENME = ("时候", "地方", "样", "时间")


def inside_word(norm: str, index: list[int], start: int, end: int) -> bool:
    """Whether the hit norm[start:end] begins or ends inside a longer word, written together in the text
    (`index`: the text's offset of each normalised character)."""
    if norm[start] == "别" and start > 0 and norm[start - 1] in WORDS_ENDING_IN_BIE:
        return index[start] - index[start - 1] == 1
    if norm.endswith("什么", start, end) and norm.startswith(AFTER_SHENME, end):
        return index[end] - index[end - 1] == 1
    return False


# A variant written with its own end mark (「不可能！」, of 「不可能！我们从没这种事！」) is those words ending there:
# 「不可能跟您说…」, 「都不可能知道全部的事情」 say something else. (The phrase itself is the rule book's whole
# sentence: its marks are its punctuation.)
END_MARKS = ("！", "!", "。", "？", "?")


def ends(text: str, end: int) -> bool:
    """Whether the words ending at `end` of `text` end there: no letter follows them but a particle or 的
    (「不可能的事」 is the same denial)."""
    after = end
    while after < len(text) and (text[after] in PARTICLES or text[after] == "的"):
        after += 1
    return after >= len(text) or not text[after].isalnum()


# What may stand between a whole-sentence phrase and the sentence's edges: a filler before it (嗯，不知道),
# a particle after it (不知道啊). Any other letter or number joins it to a longer sentence.
FILLERS = frozenset("嗯啊哦呃唉哎额噢")
PARTICLES = frozenset("啊呀吧哦呢嘛啦了哈呗诶")


def whole(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is said as a sentence of its own: 「不知道。」, 「嗯，不知道啊！」, not
    「不知道您现在方便吗」 nor 「我也不知道」 (whose own phrase is listed separately)."""
    before = start
    while before > 0 and text[before - 1] in FILLERS:
        before -= 1
    if before > 0 and text[before - 1].isalnum():
        return False
    after = end
    while after < len(text) and text[after] in PARTICLES:
        after += 1
    return after >= len(text) or not text[after].isalnum()
