"""Make text comparable however it was typed, and remember where each character came from.

Traditional → Simplified (OpenCC t2s), full-width → half-width (NFKC, one character at a time so
positions stay aligned), lower case, and spaces and punctuation dropped. `normalize` is the hot
path (two C calls); `kept` rebuilds the map back to original positions only when something matched.
"""

from __future__ import annotations

import re
import unicodedata

_T2S = None

# Ranges whose characters may need folding or dropping; everything else passes through unchanged.
_RANGES = ((0x0000, 0x0100), (0x2000, 0x2070), (0x2190, 0x2200), (0x2460, 0x2800), (0x2E80, 0x2FE0),
           (0x3000, 0x3040), (0x3200, 0x3400), (0xF900, 0xFB00), (0xFE10, 0xFE70), (0xFF00, 0xFFF0))
_DROP_CATEGORIES = ("P", "Z", "S", "C")


def _tables() -> tuple[dict, dict]:
    fold: dict[int, str] = {}
    full: dict[int, str | None] = {}
    for low, high in _RANGES:
        for code in range(low, high):
            ch = chr(code)
            nf = unicodedata.normalize("NFKC", ch)
            target = nf.lower() if len(nf) == 1 else ch.lower()
            if len(target) != 1:
                target = ch
            dropped = unicodedata.category(target)[0] in _DROP_CATEGORIES
            if target != ch and (not dropped or target == " "):
                fold[code] = target  # letters, digits, radicals; punctuation keeps its width here
            if dropped:
                full[code] = None
            elif target != ch:
                full[code] = target
    for ch in "\u200b\u200c\u200d\u2060\ufeff":
        full[ord(ch)] = None
    return fold, full


FOLD, TABLE = _tables()  # FOLD keeps length (for regexes); TABLE also drops spaces and punctuation


def _char_class(chars) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


# str.translate with a dict is slow on CJK text; regexes over character classes run in C.
_NEEDS_FOLD = re.compile(_char_class(chr(c) for c in FOLD))
_FOLD_RUNS = re.compile(_NEEDS_FOLD.pattern + "+")
_DROP = re.compile(_char_class(chr(c) for c, v in TABLE.items() if v is None) + "+")
_DROP_KEEP_LINES = re.compile(_char_class(chr(c) for c, v in TABLE.items() if v is None and c != 10) + "+")


def t2s(text: str) -> str:
    """Simplified Chinese, same length as the input, each line converted as if on its own.

    No entry of OpenCC's t2s dictionaries spans a line break or changes the length of what it
    converts (tests/lint/test_normalize.py checks the installed dictionaries), so a file converted
    whole is its lines converted one by one, position for position. Should a later dictionary
    change a length, that line is converted character by character instead.
    """
    global _T2S
    if _T2S is None:
        import opencc
        _T2S = opencc.OpenCC("t2s")
    if text.isascii():
        return text
    out = _T2S.convert(text)
    if len(out) == len(text):
        return out
    return "\n".join(_same_length(line) for line in text.split("\n"))


def _same_length(line: str) -> str:
    out = _T2S.convert(line)
    if len(out) == len(line):
        return out
    return "".join(c if len(c) == 1 else o for o, c in zip(line, (_T2S.convert(ch) for ch in line)))


def fold(text: str) -> str:
    """Simplified, half-width, lower case; positions unchanged."""
    text = t2s(text)
    if _NEEDS_FOLD.search(text) is None:
        return text
    # Runs of characters to fold, each translated on its own: one such character in a long text
    # must not cost a dictionary lookup for every character of the text.
    return _FOLD_RUNS.sub(_fold_run, text)


def _fold_run(match: re.Match) -> str:
    return match.group().translate(FOLD)


def drop(folded: str) -> str:
    """A folded text without spaces and punctuation."""
    return _DROP.sub("", folded)


def drop_in_lines(folded: str) -> str:
    """`drop`, but newlines stay: a phrase found in the result lies within one line."""
    return _DROP_KEEP_LINES.sub("", folded)


def normalize(text: str) -> str:
    """What phrases are matched against: folded, with spaces and punctuation removed."""
    return drop(fold(text))


def kept(text: str) -> list[int]:
    """Original index of each character of `normalize(text)`."""
    get = TABLE.get
    return [i for i, ch in enumerate(text) if get(ord(ch), 1) is not None]
