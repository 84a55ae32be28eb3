"""Markdown words as a reader sees them rendered, each character remembering where it was written.

Within a line: character references decoded (`&#21150;` `&#x529E;` `&amp;`), inline HTML tags and
comments removed, backslash escapes resolved; code spans stay as written (they show literally). A
paragraph's soft line break joins two lines (see freeform.Reader). What a reader sees is what the
forbidden-phrase check must read: a phrase written with markup inside is still said.
"""

from __future__ import annotations

import re

from huifang import regexcache

NEEDS = regexcache.compile(r"[&<\\`]")
TOKEN = regexcache.compile(
    r"(?P<code>(`+)(?:.+?)(?<!`)\2(?!`))"
    r"|(?P<drop><!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
    r"|&(?:#(?P<dec>[0-9]{1,7})|#[xX](?P<hex>[0-9A-Fa-f]{1,6})|(?P<name>[A-Za-z][A-Za-z0-9]{1,31}));"
    r"|\\(?P<escaped>[!-/:-@\[-`{-~])"
)


def render(words: str) -> tuple[str, list[int]] | None:
    """(the words as rendered, index in `words` of each rendered character), or None when rendering
    changes nothing (the common case, decided by one regex search)."""
    if NEEDS.search(words) is None:
        return None
    out: list[str] = []
    where: list[int] = []
    at = 0
    changed = False
    for m in TOKEN.finditer(words):
        out.append(words[at : m.start()])
        where.extend(range(at, m.start()))
        at = m.end()
        if m.group("code"):
            out.append(m.group())
            where.extend(range(m.start(), m.end()))
            continue
        shown = "" if m.group("drop") else m.group("escaped") or _reference(m)
        if shown is None:
            out.append(m.group())
            where.extend(range(m.start(), m.end()))
            continue
        changed = True
        out.append(shown)
        where.extend([m.start() + 1] if m.group("escaped") else [m.start()] * len(shown))
    if not changed:
        return None
    out.append(words[at:])
    where.extend(range(at, len(words)))
    return "".join(out), where


def _reference(m: re.Match) -> str | None:
    """The character(s) a reference stands for (CommonMark: invalid code points show as U+FFFD), or
    None for a name HTML does not know (shown as written)."""
    digits = m.group("dec") or m.group("hex")
    if digits is not None:
        code = int(digits, 10 if m.group("dec") else 16)
        if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return "\ufffd"
        return chr(code)
    from html.entities import html5  # here: building its table is ≈ 8 M instructions, and few files name a character

    return html5.get(m.group("name") + ";")


class Placed:
    """The origin of a rendered utterance: (line, column) of each of its characters in the file."""

    __slots__ = ("places",)

    def __init__(self, places: list[tuple[int, int]]):
        self.places = places

    def where(self, offset: int = 0) -> tuple[int, int]:
        if not self.places:
            return 1, 1
        return self.places[min(max(offset, 0), len(self.places) - 1)]

    def source_offsets(self) -> list[int]:
        """None known as one run of the file: a rendered text is suggested, never rewritten."""
        return []
