"""A quick "certainly valid" answer for the JSON Schemas in `schema.py`, in plain Python.

Importing jsonschema-rs (it imports `decimal`, `email.utils`, `socket` …) took 10 ms of a one-file
lint, to say "valid" about a file that almost always is. `valid(schema, data)` walks the data with the
keywords our schemas use and answers True only when the data is valid by JSON Schema's rules; False
or None (a keyword, a pattern or a value it does not decide exactly, e.g. a float where an integer is
asked for) send the document on to jsonschema-rs and jsonschema as before. So a wrong "not sure" costs
time, never a finding; tests/foundation/test_quickschema.py holds it to jsonschema-rs on every shipped
content file and on thousands of broken variants.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_IGNORED = frozenset(
    (
        "description",
        "title",
        "$schema",
        "$id",
        "$comment",
        "examples",
        "default",
        "deprecated",
        "$defs",
        "markdownDescription",
    )
)
# The patterns our schemas use, as Python full matches over text in which the engines agree (no line
# breaks, no characters beyond U+FFFF, no character some engine counts as a space and another not).
_PATTERNS = {
    "^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$": re.compile(r"(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"),
    "^([01][0-9]|2[0-3]):[0-5][0-9]$": re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]"),
    "^[^{}\\s]{1,20}$": re.compile(r"[^{}\s]{1,20}"),
    "^[a-z0-9][a-z0-9-]*$": re.compile(r"[a-z0-9][a-z0-9-]*"),
}
# Where engines may differ: a space other than U+0020 (Python's \s and ECMAScript's differ on some),
# zero-width and byte-order marks, and characters beyond U+FFFF (one character or two).
_UNSURE_TEXT = re.compile(
    "[^\\S ]|[\x1c-\x1f\x85\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff\U00010000-\U0010ffff]"
)


def valid(schema: dict, data, root: dict | None = None) -> bool | None:
    """True: `data` is valid against `schema` (resolving `#/$defs/…` in `root`); False: it is not;
    None: not decided here."""
    return _check(schema, data, schema if root is None else root)


def _kind(value) -> str | None:
    if value is None:
        return "null"
    kind = type(value)
    if kind is bool:
        return "boolean"
    if kind is int:
        return "integer" if -(2**63) <= value < 2**64 else None  # beyond 64 bits engines differ
    if kind is float:
        return "number"
    if kind is str:
        return "string"
    if kind is list:
        return "array"
    if kind is dict:
        return "object"
    return None  # anything else (a tagged value) is for jsonschema to judge


def _type_ok(wanted, value, kind: str) -> bool | None:
    names = wanted if isinstance(wanted, list) else [wanted]
    for name in names:
        if name == kind or (name == "number" and kind == "integer"):
            return True
        if name == "integer" and kind == "number":
            return None  # 1.0 is an integer to JSON Schema
        if name not in ("null", "boolean", "integer", "number", "string", "array", "object"):
            return None
    return False


def _equal(a, b) -> bool | None:
    """JSON equality of scalars: true is not 1."""
    ka, kb = _kind(a), _kind(b)
    if ka is None or kb is None:
        return None
    if ka in ("array", "object") or kb in ("array", "object"):
        return False if ka != kb else None
    numbers = ("integer", "number")
    if ka in numbers and kb in numbers:
        return a == b
    return ka == kb and a == b


def _check(schema, data, root: dict) -> bool | None:
    if schema is True:
        return True
    if schema is False:
        return False
    if not isinstance(schema, dict):
        return None
    kind = _kind(data)
    if kind is None:
        return None
    unsure = False
    for key, rule in schema.items():
        if key in _IGNORED:
            continue
        if key == "type":
            ok = _type_ok(rule, data, kind)
        elif key == "$ref":
            if not isinstance(rule, str) or not rule.startswith("#/$defs/"):
                return None
            target = root.get("$defs", {}).get(rule[8:])
            if target is None:
                return None
            ok = _check(target, data, root)
        elif key in (
            "properties",
            "additionalProperties",
            "required",
            "minProperties",
            "maxProperties",
            "propertyNames",
        ):
            ok = _object(key, rule, schema, data, root) if kind == "object" else True
        elif key in ("items", "minItems", "maxItems", "uniqueItems"):
            ok = _array(key, rule, data, root) if kind == "array" else True
        elif key in ("minLength", "maxLength", "pattern"):
            ok = _string(key, rule, data) if kind == "string" else True
        elif key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
            ok = _number(key, rule, data) if kind in ("integer", "number") else True
        elif key == "enum":
            ok = _enum(rule, data)
        elif key == "const":
            ok = _equal(rule, data)
        elif key == "oneOf":
            ok = _one_of(rule, data, root)
        elif key == "anyOf":
            ok = _any_of(rule, data, root)
        elif key == "allOf":
            ok = _all_of(rule, data, root)
        elif key == "not":
            inner = _check(rule, data, root)
            ok = None if inner is None else not inner
        elif key == "if":
            ok = _if(rule, schema, data, root)
        elif key in ("then", "else"):
            continue  # with their `if`
        else:
            return None  # a keyword not decided here
        if ok is False:
            return False
        if ok is None:
            unsure = True
    return None if unsure else True


def _object(key: str, rule, schema: dict, data: dict, root: dict) -> bool | None:
    if key == "properties":
        if not isinstance(rule, dict):
            return None
        unsure = False
        for name, sub in rule.items():
            if name in data:
                ok = _check(sub, data[name], root)
                if ok is False:
                    return False
                unsure |= ok is None
        return None if unsure else True
    if key == "additionalProperties":
        if "patternProperties" in schema:
            return None
        known = schema.get("properties", {})
        extra = [name for name in data if name not in known]
        if not extra:
            return True
        if rule is False:
            return False
        return _all(rule, (data[name] for name in extra), root)
    if key == "required":
        return all(name in data for name in rule) if isinstance(rule, list) else None
    if key == "minProperties":
        return len(data) >= rule if type(rule) is int else None
    if key == "maxProperties":
        return len(data) <= rule if type(rule) is int else None
    return _all(rule, data, root)  # propertyNames


def _array(key: str, rule, data: list, root: dict) -> bool | None:
    if key == "items":
        return _all(rule, data, root) if isinstance(rule, (dict, bool)) else None
    if key == "minItems":
        return len(data) >= rule if type(rule) is int else None
    if key == "maxItems":
        return len(data) <= rule if type(rule) is int else None
    if not rule:  # uniqueItems: false
        return True
    if all(type(item) is str for item in data):
        return len(set(data)) == len(data)
    return None


def _string(key: str, rule, data: str) -> bool | None:
    if key == "pattern":
        python = _PATTERNS.get(rule)
        if python is None or _UNSURE_TEXT.search(data):
            return None
        return python.fullmatch(data) is not None
    if type(rule) is not int or any(ord(c) > 0xFFFF for c in data):
        return None  # characters beyond U+FFFF: one or two, depending on who counts
    return len(data) >= rule if key == "minLength" else len(data) <= rule


def _number(key: str, rule, data) -> bool | None:
    if type(rule) not in (int, float):
        return None
    if key == "minimum":
        return data >= rule
    if key == "maximum":
        return data <= rule
    if key == "exclusiveMinimum":
        return data > rule
    return data < rule


def _every(oks: Iterable[bool | None]) -> bool | None:
    """False at the first False; else None if any answer was unsure; else True."""
    unsure = False
    for ok in oks:
        if ok is False:
            return False
        unsure |= ok is None
    return None if unsure else True


def _some(oks: Iterable[bool | None]) -> bool | None:
    """True at the first True; else None if any answer was unsure; else False."""
    unsure = False
    for ok in oks:
        if ok:
            return True
        unsure |= ok is None
    return None if unsure else False


def _enum(rule, data) -> bool | None:
    if not isinstance(rule, list):
        return None
    return _some(_equal(value, data) for value in rule)


def _all(schema, values, root: dict) -> bool | None:
    return _every(_check(schema, value, root) for value in values)


def _one_of(branches, data, root: dict) -> bool | None:
    if not isinstance(branches, list):
        return None
    passed = 0
    for branch in branches:
        ok = _check(branch, data, root)
        if ok is None:
            return None
        passed += ok
    return passed == 1


def _any_of(branches, data, root: dict) -> bool | None:
    if not isinstance(branches, list):
        return None
    return _some(_check(branch, data, root) for branch in branches)


def _all_of(branches, data, root: dict) -> bool | None:
    if not isinstance(branches, list):
        return None
    return _every(_check(branch, data, root) for branch in branches)


def _if(rule, schema: dict, data, root: dict) -> bool | None:
    test = _check(rule, data, root)
    if test is None:
        return None
    follow = schema.get("then" if test else "else")
    return True if follow is None else _check(follow, data, root)
