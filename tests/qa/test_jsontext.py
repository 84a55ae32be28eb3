"""The JSON writer of `huifang qa --format json` gives exactly `json.dumps(…, ensure_ascii=False, indent=2)`."""

from __future__ import annotations

import json

from huifang.qa.jsontext import dumps
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
