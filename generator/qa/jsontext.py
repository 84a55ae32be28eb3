"""`json.dumps(value, ensure_ascii=False, indent=2)`, the same bytes, several times faster for plain data.

The standard library writes indented JSON with its pure-Python encoder (its C encoder only writes compact
JSON), which made writing a call's JSON cost as much as reading it. This writes dicts, lists, strings
(escaped by the standard library's C routine), numbers, booleans and None directly; any other value
(a float NaN, a non-string key, a custom object) goes to `json.dumps` itself, so the output is always its.
`encoded` has msgspec (in C) write it, for a value whose floats the caller has listed.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C routine when available, as json.dumps uses it

_encode = None  # msgspec's encoder, if installed (an environment not installed again since it became a
try:  # dependency may lack it)
    from msgspec.json import Encoder
    from msgspec.json import format as _format

    _encode = Encoder().encode
except ImportError:
    pass
_repr_float = float.__repr__
_repr_int = int.__repr__


class _Unusual(Exception):
    pass


def dumps(value, indent: str = "") -> str:
    """Indented by two spaces; `indent` is put before every line after the first (as nested in a document)."""
    try:
        return _value(value, indent)
    except _Unusual:
        text = json.dumps(value, ensure_ascii=False, indent=2)
        return text.replace("\n", "\n" + indent) if indent else text


def _value(o, pad: str) -> str:
    t = type(o)
    if t is str:
        return encode_basestring(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if t is int:
        return _repr_int(o)
    if t is float:
        if o != o or o in (float("inf"), float("-inf")):
            raise _Unusual
        return _repr_float(o)
    if t is dict:
        if not o:
            return "{}"
        inner = pad + "  "
        parts = []
        for k, v in o.items():
            if type(k) is not str:
                raise _Unusual
            parts.append(encode_basestring(k) + ": " + _value(v, inner))
        return "{\n" + inner + (",\n" + inner).join(parts) + "\n" + pad + "}"
    if t is list or t is tuple:
        if not o:
            return "[]"
        inner = pad + "  "
        return "[\n" + inner + (",\n" + inner).join([_value(v, inner) for v in o]) + "\n" + pad + "]"
    raise _Unusual


def encoded(value, indent: str, floats) -> bytes:
    """`dumps(value, indent)` in UTF-8, for plain data (dicts with string keys, lists, strings, numbers,
    booleans, None). `floats`: every float in `value` (the caller knows its shape). When
    msgspec writes each of them as `json.dumps` does — it writes other strings, integers and containers alike,
    and floats in fixed notation from 1e-4 up to 1e16, where `repr` does too (NaN and infinities as null, and
    others with an exponent in its own way) — msgspec writes the whole in C; otherwise `dumps` does."""
    if _encode is not None and all(type(x) is not float or 1e-4 <= abs(x) < 1e16 or x == 0.0 for x in floats):
        try:
            text = _format(_encode(value), indent=2)
        except (TypeError, OverflowError):  # an integer beyond 64 bits, a type msgspec does not write
            pass
        else:
            return text.replace(b"\n", b"\n" + indent.encode()) if indent else text
    return dumps(value, indent).encode("utf-8")
