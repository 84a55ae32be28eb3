"""The JSON writer of `huifang qa --format json` gives exactly `json.dumps(…, ensure_ascii=False, indent=2)`."""

from __future__ import annotations

import json

from huifang.qa.jsontext import dumps, encoded
from huifang.qa.readers import read
from huifang.qa.record import public, record

from tests.qa.conftest import STORY

ODD = {
    "键": ["", '引号"反斜杠\\换行\n制表\t\u2028\x01', 1.5, 0.1 + 0.2, 1e-7, 1e300, -0.0, 10**20, True, False, None],
    "empty": [{}, [], ()],
    "nested": {"a": [{"b": [1, [2, [3]]]}]},
}


def test_same_bytes_as_the_standard_library_on_plain_data():
    for value in (ODD, [], {}, "字", 3, 2.5, None, [ODD, ODD]):
        assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)
        assert dumps(value, "    ") == json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n    ")


def test_values_it_does_not_write_itself_go_to_the_standard_library():
    for value in ({"x": float("nan")}, {"x": float("inf")}, {1: "a", None: "b"}, [{2.5: [float("-inf")]}]):
        assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)
        assert dumps(value, "  ") == json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")


def test_same_bytes_on_judged_calls(session):
    for name in ("whisperx.json", "tencent.json", "labelled.txt"):
        rec = public(record(session.judge(read(str(STORY / name)))))
        assert dumps(rec, "    ") == json.dumps(rec, ensure_ascii=False, indent=2).replace("\n", "\n    ")


def _floats(value) -> list:
    if isinstance(value, float):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [x for v in value for x in _floats(v)] if isinstance(value, (list, tuple)) else []


def test_encoded_gives_the_same_bytes_whichever_writes_it():
    """msgspec writes what json.dumps writes, floats from 1e-4 to 1e16 included; a value with any other float
    listed (NaN, infinities, 1e-7, 1e300) is written by `dumps`."""
    plain = {
        "键": ["", '引号"反斜杠\\换行\n制表\t\u2028\x01\x7f', 1.5, 0.1 + 0.2, 1e-4, 9999999999999998.0, -0.0, 10**20]
    }
    for value in (plain, ODD, {"x": float("nan")}, {"x": float("inf")}, [], {}, [ODD, plain]):
        for indent in ("", "    "):
            assert encoded(value, indent, _floats(value)) == dumps(value, indent).encode("utf-8")


def test_encoded_on_judged_calls(session):
    for name in ("whisperx.json", "tencent.json", "labelled.txt"):
        rec = public(record(session.judge(read(str(STORY / name)))))
        assert encoded(rec, "    ", _floats(rec)) == dumps(rec, "    ").encode("utf-8")
