"""Compiled regular expressions kept between runs.

Compiling a regex is Python code (`re._parser`, `re._compiler`): the element patterns of one org and
the normaliser's character classes took about 14 ms of a one-file lint, every run. What compiling
produces is plain data (a list of integers for the regex engine, the group names), so it is kept in
the user's cache directory (`marshal`, one file per Python build) and handed straight to the engine
(`_sre.compile`, which checks the code it is given) on the next run: same pattern, same flags, same
engine version, same compiled regex. A pattern not kept yet is compiled as `re.compile` would, and
added to the file when the process ends.

Only CPython's `re` works this way; elsewhere, and whenever anything about the kept data is off,
`compile` is `re.compile`. `HUIFANG_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import os
import re
import sys

KEEP = 4096  # patterns per file; the oldest beyond this are dropped when the file is written

_kept: dict | None = None  # (pattern, flags) -> (flags, code, groups, groupindex, indexgroup)
_new: dict = {}
_path: str | None = None


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)`, from the kept compiled form when there is one."""
    kept = _kept if _kept is not None else _load()
    found = kept.get((pattern, flags))
    if found is not None:
        try:
            import _sre

            return _sre.compile(pattern, found[0], list(found[1]), found[2], found[3], found[4])
        except Exception:  # kept by another engine version after all: compile afresh
            pass
    return _fresh(pattern, flags)


def _fresh(pattern: str, flags: int) -> re.Pattern:
    """Compile as `re._compiler.compile` does, keeping what the engine was given."""
    if _path is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        args = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        compiled = _sre.compile(pattern, *args)
    except re.error:
        raise
    except Exception:  # re's internals moved: no keeping
        return re.compile(pattern, flags)
    if not _new:
        import atexit

        atexit.register(save)
    # flags and opcodes are int subclasses, which marshal does not take
    _new[(pattern, int(flags))] = (int(args[0]), [int(op) for op in code], *args[2:])
    return compiled


def _load() -> dict:
    global _kept, _path
    _kept = {}
    _path = _where()
    if _path is None:
        return _kept
    try:
        import marshal

        with open(_path, "rb") as handle:
            found = marshal.loads(handle.read())  # load(handle) reads it a few bytes at a time
        if isinstance(found, dict):
            _kept = found
    except (OSError, EOFError, ValueError, TypeError):
        pass
    return _kept


def _where() -> str | None:
    """The file for this Python build, in a cache folder only the user can write to (None: no keeping)."""
    if os.environ.get("HUIFANG_NO_CACHE") or sys.implementation.name != "cpython":
        return None
    try:
        import _sre
        import zlib

        from huifang.usercache import private_folder

        folder = private_folder("regex")
        if folder is None:
            return None
        build = zlib.crc32(f"{sys.version}\0{sys.executable}\0{_sre.MAGIC}\0{_sre.CODESIZE}".encode())
        return os.path.join(folder, f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{build:08x}.marshal")
    except Exception:
        return None


def save() -> None:
    """Add the patterns compiled afresh in this process to the file (run at exit)."""
    global _new
    if not _new or _path is None:
        return
    try:
        import marshal

        try:
            with open(_path, "rb") as handle:
                merged = marshal.loads(handle.read())
            if not isinstance(merged, dict):
                merged = {}
        except (OSError, EOFError, ValueError, TypeError):
            merged = {}
        merged.update(_new)
        if len(merged) > KEEP:
            merged = dict(list(merged.items())[-KEEP:])
        temp = f"{_path}.{os.getpid()}.tmp"
        with open(temp, "wb") as out:
            marshal.dump(merged, out)
        os.replace(temp, _path)
    except Exception:  # a full disk or a read-only home: the cache is only a shortcut
        pass
    _new = {}
