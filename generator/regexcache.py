"""Compiled regular expressions kept between runs.

Compiling a regex is Python code (`re._parser`, `re._compiler`): the element patterns of one org and
the normaliser's character classes took about 14 ms of a one-file lint, every run. What compiling
produces is plain data (a list of integers for the regex engine, the group names), so it is kept
(`huifang.kept`: the user's cache directory, one file per Python build) and handed straight to the
engine (`_sre.compile`, which checks the code it is given) on the next run: same pattern, same flags,
same engine version, same compiled regex. A pattern not kept yet is compiled as `re.compile` would,
and kept when the process ends.

The regexes other modules compile through `re` when they are imported (PyYAML's resolvers and reader,
json's scanner …: about 10 ms of a one-file lint) are kept the same way, per subcommand: `prime(name)`
puts those an earlier run of the subcommand compiled into `re`'s own cache before they are imported,
and keeps, when the process ends, the ones `re` compiled afresh.

Only CPython's `re` works this way; elsewhere, and whenever anything about the kept data is off,
`compile` is `re.compile` and `prime` does nothing. `HUIFANG_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import re

from huifang.kept import Kept

try:
    import _sre

    KEPT = Kept(f"regex-{_sre.MAGIC}-{_sre.CODESIZE}")  # (pattern, flags) -> what _sre.compile takes
except ImportError:  # not CPython
    KEPT = Kept("regex")


_MADE: dict[tuple, re.Pattern] = {}  # what this process compiled or took from KEPT (re keeps 512 of its own)


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)`, from the kept compiled form when there is one."""
    key = (pattern, flags)
    made = _MADE.get(key)
    if made is not None:
        return made
    found = KEPT.get(key)
    if found is not None:
        try:
            made = _rebuilt(pattern, found)
        except Exception:  # kept by another engine version after all: compile afresh
            made = None
    if made is None:
        made = _fresh(pattern, flags)
    if len(_MADE) > 10_000:
        _MADE.clear()
    _MADE[key] = made
    return made


def _fresh(pattern: str, flags: int) -> re.Pattern:
    """Compile as `re._compiler.compile` does, keeping what the engine was given."""
    if KEPT.path is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    try:
        args = _engine_args(pattern, flags)
        compiled = _rebuilt(pattern, args)
    except re.error:
        raise
    except Exception:  # re's internals moved: no keeping
        return re.compile(pattern, flags)
    KEPT.put((pattern, int(flags)), args)
    return compiled


def _rebuilt(pattern: str, args) -> re.Pattern:
    """The regex from what `_engine_args` gave (kept by this run or an earlier one)."""
    return _sre.compile(pattern, args[0], _code(args[1]), *args[2:])


def _code(kept) -> list[int]:
    """The engine code of a kept regex: bytes of machine words (a list in entries kept before)."""
    return memoryview(kept).cast("I").tolist() if isinstance(kept, bytes) else list(kept)


def _engine_args(pattern: str, flags: int) -> tuple:
    """What `re._compiler.compile` hands `_sre.compile` after the pattern, as plain marshal-able data
    (flags and opcodes are int subclasses, which marshal does not take). The code is kept as the bytes
    of its machine words: marshal reads bytes at once, where a list of 70,000 numbers (the normaliser's
    big character classes) took a millisecond and 3 MB of int objects, most of them for regexes a run
    does not use."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        _words(code),
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _words(code: list) -> bytes | list[int]:
    import array

    words = array.array("I", [int(op) for op in code])  # "I": what _code reads them as
    return words.tobytes() if words.itemsize == _sre.CODESIZE else words.tolist()


def prime(name: str) -> None:
    """Fill `re`'s cache with the regexes earlier runs of subcommand `name` compiled through `re`, from
    their kept compiled form, so that modules compiling them when imported get them from the cache;
    when this process ends, keep those it compiled afresh."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return
    try:
        kept = Kept(f"re-{name}-{_sre.MAGIC}-{_sre.CODESIZE}", keep=PRIMED)
    except NameError:  # no _sre: not CPython
        return
    for (pattern, flags), args in kept.all().items():
        key = (str, pattern, flags)
        if key not in cache and len(cache) < PRIMED:
            try:
                cache[key] = _rebuilt(pattern, args)
            except Exception:  # kept by another engine version after all: re compiles it when asked
                continue
    if kept.path is not None:
        import atexit

        atexit.register(_keep_primed, kept, cache)


PRIMED = 256  # regexes kept per subcommand (re's own cache holds 512)


def _keep_primed(kept: Kept, cache: dict) -> None:
    known = kept.all()
    for kind, pattern, flags in list(cache):
        if kind is str and (pattern, flags) not in known and not flags & re.DEBUG:
            try:
                kept.put((pattern, int(flags)), _engine_args(pattern, flags))
            except Exception:  # re's internals moved: nothing kept
                return
    kept.save()
