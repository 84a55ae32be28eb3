"""Make text comparable however it was typed, and remember where each character came from.

Traditional → Simplified (OpenCC t2s, `simplified.py`; written Cantonese as Mandarin, `cantonese.py`), full-width → half-width (NFKC, one character
at a time so positions stay aligned), lower case, and every character that is not a letter or number
dropped, decided by Unicode properties over the whole code space (`_dropped`; the tables are worked
out once and kept, `tables`): spaces, punctuation and symbols, and what a reader does not see at all:
format characters, variation selectors and tag characters (category C), combining marks (M: on Han
they can only hide a phrase), and the letters that are blank fillers. `normalize` is the hot path (a
few C calls); `kept` maps back to original positions only when something matched.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from huifang import regexcache
from huifang.kept import Kept
from huifang.lint.cantonese import as_mandarin
from huifang.lint.simplified import t2s

__all__ = ["DROPPED", "FOLD", "TABLE", "drop", "drop_in_lines", "fold", "kept", "normalize", "t2s"]

# Ranges whose characters may need folding or dropping; everything else passes through unchanged.
_RANGES = (
    (0x0000, 0x0100),
    (0x2000, 0x2070),
    (0x2190, 0x2200),
    (0x2460, 0x2800),
    (0x2E80, 0x2FE0),
    (0x3000, 0x3040),
    (0x3200, 0x3400),
    (0xF900, 0xFB00),
    (0xFE10, 0xFE70),
    (0xFF00, 0xFFF0),
)
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
    return fold, full


def _char_class(chars) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _dropped() -> list[tuple[int, int]]:
    """Ranges (inclusive) of the code points whose folded form is no letter or number (categories
    L*, N*; `str.isalnum`), or a letter named as a blank filler (U+3164 HANGUL FILLER …)."""
    from array import array

    every = array("I", range(0x110000)).tobytes().decode("utf-32-le", "surrogatepass")
    folded = every.translate(_tables()[0])  # FOLD keeps length: one folded character per code point
    out, at = [], 0
    for letters in re.finditer(r"[^\W_]+", folded):
        if at < letters.start():
            out.append((at, letters.start() - 1))
        out.extend(
            (c, c) for c in range(letters.start(), letters.end()) if unicodedata.name(folded[c], "").endswith(" FILLER")
        )
        at = letters.end()
    out.append((at, 0x10FFFF))
    return out


KEPT = Kept("normalize")


def tables() -> tuple[dict[int, str], dict[int, str | None], list[tuple[int, int]], tuple[str, str, str]]:
    """(`FOLD`, `TABLE`, `DROPPED`, the character classes of the characters to fold, to drop and to drop
    but line breaks): `_tables()`, `_dropped()` and the classes made of them, worked out once per Unicode
    version and version of this module (0.2 s) and kept (`huifang.kept`: only where nobody else can
    write, as the tables decide what the linter reads). Read back, they take a tenth of a millisecond
    instead of 5 ms."""
    import zlib

    with open(__file__, "rb") as source:
        key = (unicodedata.unidata_version, zlib.crc32(source.read()))
    found = KEPT.get(key)
    if _well_formed(found):
        return found[0], found[1], list(found[2]), found[3]
    fold, full = _tables()
    ranges = _dropped()
    classes = (
        _char_class(chr(c) for c in fold),
        _class(ranges, high=0xFFFF),
        _class(ranges, high=0xFFFF, without="\n"),
    )
    KEPT.put(key, (fold, full, ranges, classes))
    return fold, full, ranges, classes


def _well_formed(found) -> bool:
    return (
        isinstance(found, tuple)
        and len(found) == 4
        and isinstance(found[0], dict)
        and isinstance(found[1], dict)
        and all(
            isinstance(r, tuple) and len(r) == 2 and type(r[0]) is int and type(r[1]) is int and 0 <= r[0] <= r[1]
            for r in found[2]
        )
        and isinstance(found[3], tuple)
        and len(found[3]) == 3
        and all(type(c) is str and c.startswith("[") and c.endswith("]") for c in found[3])
    )


def _class(ranges, low: int = 0, high: int = 0x10FFFF, without: str = "") -> str:
    """A regex character class of the ranges clipped to [low, high], `without` some characters."""
    out = []
    for a, b in ranges:
        a, b = max(a, low), min(b, high)
        if a > b:
            continue
        for ch in without:
            if a <= ord(ch) <= b:
                out.append((a, ord(ch) - 1))
                a = ord(ch) + 1
        if a <= b:
            out.append((a, b))
    return (
        "["
        + "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in out if a <= b)
        + "]"
    )


FOLD, TABLE, DROPPED, _CLASSES = tables()  # FOLD keeps length (for regexes); TABLE also drops spaces and punctuation

# str.translate with a dict is slow on CJK text; regexes over character classes run in C. The
# characters beyond U+FFFF to drop have their own regex, run only on texts that have any: in one
# class they would be checked one range after another for every character of every text.
_NEEDS_FOLD = regexcache.compile(_CLASSES[0])
_FOLD_RUNS = regexcache.compile(_NEEDS_FOLD.pattern + "+")
_DROP = regexcache.compile(_CLASSES[1] + "+")
_DROP_KEEP_LINES = regexcache.compile(_CLASSES[2] + "+")
_ASTRAL = regexcache.compile("[\U00010000-\U0010ffff]")


@cache
def _drop_astral() -> re.Pattern:
    return regexcache.compile(_class(DROPPED, low=0x10000) + "+")


@cache
def _drop_any() -> re.Pattern:
    """Every character `drop` removes from a folded text, found in the original text (a character and
    its folded form are dropped alike; t2s maps Han to Han)."""
    return regexcache.compile(_DROP.pattern[:-1] + "|" + _drop_astral().pattern)


def fold(text: str) -> str:
    """Simplified (written Cantonese as Mandarin), half-width, lower case; positions unchanged."""
    converted = t2s(text)
    if converted is not text:  # Traditional characters: the text may be Cantonese too
        converted = as_mandarin(text, converted)
    text = converted
    if _NEEDS_FOLD.search(text) is None:
        return text
    # Runs of characters to fold, each translated on its own: one such character in a long text
    # must not cost a dictionary lookup for every character of the text.
    return _FOLD_RUNS.sub(_fold_run, text)


def _fold_run(match: re.Match) -> str:
    return match.group().translate(FOLD)


def drop(folded: str) -> str:
    """A folded text without spaces, punctuation and invisible characters."""
    out = _DROP.sub("", folded)
    return _drop_astral().sub("", out) if _ASTRAL.search(out) else out


def drop_in_lines(folded: str) -> str:
    """`drop`, but newlines stay: a phrase found in the result lies within one line."""
    out = _DROP_KEEP_LINES.sub("", folded)
    return _drop_astral().sub("", out) if _ASTRAL.search(out) else out


def normalize(text: str) -> str:
    """What phrases are matched against: folded, with spaces, punctuation and invisible characters removed."""
    return drop(fold(text))


def kept(text: str) -> list[int]:
    """Original index of each character of `normalize(text)`."""
    out: list[int] = []
    at = 0
    for gone in (_drop_any() if _ASTRAL.search(text) else _DROP).finditer(text):
        out.extend(range(at, gone.start()))
        at = gone.end()
    out.extend(range(at, len(text)))
    return out
