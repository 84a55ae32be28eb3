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

    # (pattern, flags) -> what _sre.compile takes; "screened": with first-character screens (_screened_code)
    KEPT = Kept(f"regex-screened-{_sre.MAGIC}-{_sre.CODESIZE}")
except ImportError:  # not CPython
    KEPT = Kept("regex-screened")


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
    from re import _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _screened_code(parsed, flags | parsed.state.flags)
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


def _screened_code(parsed, flags: int) -> list:
    """`re._compiler._code`, with a first-character screen where re finds none: a search then skips, in
    the engine's own loop, every place where no match can start, instead of trying the pattern there.

    re screens a search by the pattern's literal prefix, or by the set of characters it starts with when
    it starts with a literal, a class or alternatives that each start with a literal. The element
    patterns are alternatives that start otherwise too (an optional word, a group, a lookahead, a name
    placeholder), so every search tried each of a dozen alternatives at every character. Here the set is
    worked out for any pattern built of literals, classes of listed characters, groups, alternatives,
    repeats and lookarounds; it holds every character a match can start with, so a search finds what it
    found before. Patterns that can match the empty string, start with an anchor, hold anything else
    first (., a negated class, \\w) or may start with a character above U+FFFF are compiled as before."""
    from re import _compiler  # type: ignore[attr-defined]

    if flags & (re.IGNORECASE | re.LOCALE):
        return _compiler._code(parsed, flags)
    found, nullable = _starts(parsed.data)
    if found is None or nullable or not found or any(_astral(item) for item in found):
        return _compiler._code(parsed, flags)
    stock = _compiler._get_charset_prefix

    def charset_prefix(pattern, flags):
        answer = stock(pattern, flags)
        return found if answer is None and pattern is parsed else answer

    _compiler._get_charset_prefix = charset_prefix
    try:
        return _compiler._code(parsed, flags)
    finally:
        _compiler._get_charset_prefix = stock


def _astral(item: tuple) -> bool:
    """A character above U+FFFF: _sre keeps those of a set in a list it walks at every character of the
    text (a set of the Basic Multilingual Plane is a bitmap)."""
    op, av = item
    return (av[1] if isinstance(av, tuple) else av) > 0xFFFF


def _starts(items) -> tuple[list | None, bool]:
    """(the characters a match of these parsed items can start with, as re's charset items; whether they
    can match the empty string), or (None, _) when that is not worked out (see _screened_code)."""
    from re import _constants as c  # type: ignore[attr-defined]

    out: list = []
    for op, av in items:
        if op is c.LITERAL:
            out.append((c.LITERAL, av))
            return out, False
        if op is c.IN:
            if any(o is not c.LITERAL and o is not c.RANGE for o, _ in av):
                return None, False  # negated, a category (\w, \d): not a listed set
            out.extend(av)
            return out, False
        if op is c.BRANCH:
            nullable = False
            for alternative in av[1]:
                found, empty = _starts(alternative.data)
                if found is None:
                    return None, False
                out.extend(found)
                nullable = nullable or empty
            if not nullable:
                return out, False
        elif op is c.SUBPATTERN or op is c.ATOMIC_GROUP:
            inner = av[-1] if op is c.SUBPATTERN else av
            if op is c.SUBPATTERN and (av[1] & (re.IGNORECASE | re.LOCALE)):
                return None, False
            found, empty = _starts(inner.data)
            if found is None:
                return None, False
            out.extend(found)
            if not empty:
                return out, False
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, high, inner = av
            if high == 0:
                continue
            found, empty = _starts(inner.data)
            if found is None:
                return None, False
            out.extend(found)
            if low > 0 and not empty:
                return out, False
        elif op is c.ASSERT or op is c.ASSERT_NOT:
            continue  # zero width: what follows starts the match
        else:
            return None, False  # ., an anchor, a back reference …
    return out, True


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
