"""Traditional → Simplified (OpenCC t2s), with OpenCC left unloaded for a text it would not change.

Loading OpenCC's t2s dictionaries takes about 5 ms, a tenth of a one-file lint, and most scripts are
written in Simplified characters that no dictionary entry changes. Which characters can change is
read from the dictionaries themselves (OpenCC's own `opencc_dict` writes them out as text) once per
installed OpenCC and kept (`huifang.kept`): every one-character entry whose first conversion differs
from it, and for every longer such entry one of its characters (one already chosen if it has any, so
「么麼」→「幺麽」 adds nothing: 麼 is there; else the first that its conversion changes). A text with none
of them is its own conversion: OpenCC converts a text piece by piece, each piece either an entry of a
dictionary, all of whose characters the text then holds, or a character left as it is. Where the
dictionaries cannot be read (no `opencc_dict`, another layout), every text goes through OpenCC.

A few of those characters are there only for the phrases that change them (沈 for 沈默 → 沉默, 坏 for
坏疽, 覆 for 覆盖 …: t2s leaves each of them alone), and they are common in Simplified text too (the
surname 沈, 坏了): a text whose only such characters are these goes through OpenCC only when it holds one of
those phrases, which are kept with the characters. A call transcript with 沈先生 in it no longer loads OpenCC
(≈ 26 M instructions, once per process).
"""

from __future__ import annotations

import os
import re
from functools import cache

from huifang import regexcache
from huifang.kept import Kept

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

KEPT = Kept("t2s")
CONFIG = "t2s.json"
_OPENCC: Any = None


def t2s(text: str) -> str:
    """Simplified Chinese, same length as the input, each line converted as if on its own.

    No entry of OpenCC's t2s dictionaries spans a line break or changes the length of what it
    converts (tests/lint/test_normalize.py checks the installed dictionaries), so a file converted
    whole is its lines converted one by one, position for position. Should a later dictionary
    change a length, that line is converted character by character instead.
    """
    if text.isascii():
        return text
    changing = changing_characters()
    if changing is not None and (_screen(changing).search(text) is None or not _changes(text)):
        return text
    out = _converter().convert(text)
    if len(out) == len(text):
        return out
    return "\n".join(_same_length(line) for line in text.split("\n"))


def _converter() -> Any:
    global _OPENCC
    if _OPENCC is None:
        _OPENCC = _direct()
        if _OPENCC is None:
            import opencc

            _OPENCC = opencc.OpenCC(CONFIG)
    return _OPENCC


NATIVE = "opencc.clib.opencc_clib"  # OpenCC's C extension, as its package imports it


class _Direct:
    """`opencc.OpenCC(CONFIG)` made from OpenCC's C extension as the package's class makes it (OpenCC 1.4: the
    configuration's path under its share folder, tofu-risk dictionaries included, no resource zip), without
    running the package's `__init__`, which imports `typing` for one annotation: ≈ 16 M instructions, paid
    by each worker process of a lint of many files that meets a Traditional character."""

    def __init__(self, native: Any) -> None:
        self.native = native

    def convert(self, text: str) -> str:
        raw = text.encode("utf-8")
        return str(self.native.convert(raw, len(raw)))


def _direct() -> _Direct | None:
    """OpenCC's converter without importing the opencc package; None where that is not the layout or the
    extension's constructor is another (an older OpenCC): then the package is imported. The extension is
    registered under the name the package imports it by, so a later `import opencc` finds it loaded
    instead of initialising it a second time."""
    import importlib.machinery
    import importlib.util
    import sys

    share = _share()
    if share is None:
        return None
    try:
        module = sys.modules.get(NATIVE)
        if module is None:
            clib = os.path.dirname(os.path.dirname(share))
            path = next(
                (
                    os.path.join(clib, "opencc_clib" + suffix)
                    for suffix in importlib.machinery.EXTENSION_SUFFIXES
                    if os.path.isfile(os.path.join(clib, "opencc_clib" + suffix))
                ),
                None,
            )
            spec = importlib.util.spec_from_file_location(NATIVE, path) if path else None
            if spec is None or spec.loader is None:
                return None
            module = importlib.util.module_from_spec(spec)
            sys.modules[NATIVE] = module
            try:
                spec.loader.exec_module(module)
            except BaseException:
                del sys.modules[NATIVE]
                raise
        return _Direct(module._OpenCC(os.path.join(share, CONFIG), True, None))
    except Exception:  # noqa: BLE001 - any surprise: the package's own way
        return None


def _same_length(line: str) -> str:
    convert = _converter().convert
    out = convert(line)
    if len(out) == len(line):
        return out
    return "".join(c if len(c) == 1 else o for o, c in zip(line, (convert(ch) for ch in line)))


@cache
def changing_characters() -> re.Pattern | None:
    """A regex finding any character a t2s dictionary entry changes (None: not known, convert every text)."""
    share = _share()
    if share is None:
        return None
    try:
        import zlib

        with open(__file__, "rb") as source:  # this module's way of reading them
            key = (zlib.crc32(source.read()),) + tuple(
                (name, info.st_size, info.st_mtime_ns)
                for name in sorted(os.listdir(share))
                if name.endswith(".ocd2") or name == CONFIG
                for info in [os.stat(os.path.join(share, name))]
            )
    except OSError:
        return None
    DICTIONARIES[0] = key
    # (a regex of every such character, one of those changed by a one-character entry, as written by _any_of
    # ("" when there is none), and the phrases `_PHRASES` holds)
    found = KEPT.get(key)
    if not (isinstance(found, tuple) and len(found) == 3):
        read = _read_dictionaries(share)
        if read is None:
            return None
        changing, alone, phrases = read
        found = (_any_of(changing) if changing else "", _any_of(alone) if alone else "", phrases)
        KEPT.put(key, found)
    pattern, alone, phrases = found
    _ALONE[:] = [None, alone]  # compiled when first needed: a run of Simplified texts never asks it
    _PHRASES.clear()
    _PHRASES.update(phrases)
    return regexcache.compile(pattern) if pattern else None


# The key of the dictionaries `changing_characters` read (this module's and their files'; None until read): a key for
# work kept between runs that depends on what t2s changes.
DICTIONARIES: list[tuple | None] = [None]
# A regex of the characters changed by one-character entries (None until first asked), and its pattern ("": none).
_ALONE: list = [None, ""]
# A character changed only inside phrases (no one-character entry changes it, 沈) → the changed phrases holding it
# that hold no character of _ALONE (沈默, 沈思 …): the text needs OpenCC only where it holds one of them.
_PHRASES: dict[str, tuple[str, ...]] = {}


def _changes(text: str) -> bool:
    """Whether a text in which the screen found a character holds a whole entry that t2s changes: a character of
    a one-character entry, or a changed phrase whose characters are none of those (found by its characters kept
    in `_PHRASES`; every such phrase holds one of them)."""
    alone = _ALONE[0]
    if alone is None and _ALONE[1]:
        alone = _ALONE[0] = regexcache.compile(_ALONE[1])
    if alone is not None and alone.search(text) is not None:
        return True
    return any(char in text and any(map(text.__contains__, phrases)) for char, phrases in _PHRASES.items())


def _screen(changing: re.Pattern) -> re.Pattern:
    """One class holding every character `changing` finds and every character above U+FFFF: a text without
    any is one `changing` finds nothing in. `_any_of`'s two branches make _sre try both at every character
    of every text (≈ 360 instructions a character; the one class ≈ 80), so `changing` itself is asked only
    of a text this finds something in (a Traditional character, or one above U+FFFF)."""
    if _SCREEN[0] is not changing:
        bmp, astral, _ = changing.pattern.partition("|(?=")
        if not bmp.startswith("["):  # no character of the Basic Multilingual Plane changes
            screen = "[\\U00010000-\\U0010ffff]"
        else:
            screen = bmp[:-1] + "\\U00010000-\\U0010ffff]" if astral else bmp
        _SCREEN[:] = [changing, regexcache.compile(screen)]
    return _SCREEN[1]


_SCREEN: list = [None, None]  # (the pattern of changing_characters, its screen)


def _any_of(chars: str) -> str:
    """A regex finding any of `chars`. Those of the Basic Multilingual Plane form one class, which _sre
    looks up in a bitmap; a class holding a character above U+FFFF is a list it walks at every character
    of the text (with t2s's ≈ 900 such characters ≈ 1 µs a character: 0.8 ms for a three-minute call),
    so those are tried only where the text has a character above U+FFFF."""
    bmp = "".join(re.escape(c) for c in chars if ord(c) <= 0xFFFF)
    astral = "".join(re.escape(c) for c in chars if ord(c) > 0xFFFF)
    parts = [f"[{bmp}]"] if bmp else []
    if astral:
        parts.append(f"(?=[\U00010000-\U0010ffff])[{astral}]")
    return "|".join(parts)


def _share() -> str | None:
    """OpenCC's folder of configurations and dictionaries, found without importing OpenCC."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("opencc")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    share = os.path.join(os.path.dirname(spec.origin), "clib", "share", "opencc")
    return share if os.path.isfile(os.path.join(share, CONFIG)) else None


def _read_dictionaries(share: str) -> tuple[str, str, dict[str, tuple[str, ...]]] | None:
    """From t2s's dictionaries written out as text: the characters it can change (sorted; a text holding none is
    its own conversion), those changed by one-character entries, and per character of the first not of the
    second, the changed phrases holding it that hold none of the second; None when they cannot be read."""
    import json
    import subprocess
    import tempfile

    tool = os.path.join(os.path.dirname(os.path.dirname(share)), "bin", "opencc_dict")
    try:
        with open(os.path.join(share, CONFIG), encoding="utf-8") as handle:
            names = sorted(set(_dictionaries(json.load(handle))))
        if not names or not os.access(tool, os.X_OK):
            return None
        changed: list[tuple[str, str]] = []  # (entry, its first conversion) where they differ
        with tempfile.TemporaryDirectory() as scratch:
            for name in names:
                out = os.path.join(scratch, name + ".txt")
                subprocess.run(
                    [tool, "-i", os.path.join(share, name), "-o", out, "-f", "ocd2", "-t", "text"],
                    check=True,
                    capture_output=True,
                    timeout=60,
                )
                with open(out, encoding="utf-8") as handle:
                    for line in handle:
                        key, _, values = line.rstrip("\n").partition("\t")
                        first = values.split(" ")[0]
                        if not key or not first:
                            return None  # not the layout this reads
                        if first != key:
                            changed.append((key, first))
    except (OSError, ValueError, subprocess.SubprocessError):
        return None
    alone = {key for key, _ in changed if len(key) == 1}
    changing = set(alone)
    for key, first in sorted(changed):
        if changing.isdisjoint(key):
            changing.add(next((a for a, b in zip(key, first) if a != b), key[0]))
    only = changing - alone  # each phrase that holds no character of `alone` holds one of these
    phrases: dict[str, list[str]] = {}
    for key, _ in sorted(changed):
        if len(key) > 1 and alone.isdisjoint(key):
            for char in sorted(only.intersection(key)):
                phrases.setdefault(char, []).append(key)
    return "".join(sorted(changing)), "".join(sorted(alone)), {c: tuple(found) for c, found in phrases.items()}


def _dictionaries(node: object):
    """The .ocd2 files a configuration names, wherever they are nested."""
    if isinstance(node, dict):
        if node.get("type") == "ocd2" and isinstance(node.get("file"), str):
            yield node["file"]
        elif node.get("type") not in (None, "ocd2", "group", "mmseg"):
            raise ValueError(f"a dictionary of another type: {node.get('type')}")
        for value in node.values():
            yield from _dictionaries(value)
    elif isinstance(node, list):
        for value in node:
            yield from _dictionaries(value)
