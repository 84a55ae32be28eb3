"""The typed decoding (msgspec) agrees with the `json.loads` path: the same turns for every file it accepts,
and for every file it declines the `json.loads` path's turns or its one-line error, word for word."""

from __future__ import annotations

import json

import pytest
from huifang.qa.call import TranscriptError
from huifang.qa.readers import decode, finish, from_json, lone_surrogate, parse_json, read, typed

from tests.qa.conftest import STORY

FIELDS = ("speaker", "text", "start", "end", "channel", "line")


def by_dicts(raw: bytes, display: str):
    """What `read` gave before the typed decoding: the `json.loads` path alone (after the escapes' check,
    which both paths share)."""
    try:
        lone_surrogate(raw, display)
        call = from_json(parse_json(decode(raw, display), display), display)
    except TranscriptError as exc:
        return str(exc)
    return call.format, [tuple(getattr(t, f) for f in FIELDS) for t in call.turns]


def by_read(path) -> object:
    try:
        call = read(str(path))
    except TranscriptError as exc:
        return str(exc)
    return call.format, [tuple(getattr(t, f) for f in FIELDS) for t in call.turns]


@pytest.mark.parametrize(
    "name, kind",
    [
        ("whisperx.json", "whisperx"),
        ("funasr.json", "funasr"),
        ("funasr-sensevoice.json", "funasr"),
        ("aliyun.json", "aliyun"),
        ("aliyun-v4.json", "aliyun"),
        ("tencent.json", "tencent"),
    ],
)
def test_common_shapes_are_decoded_typed_with_the_same_turns(name, kind):
    raw = (STORY / name).read_bytes()
    said = typed.turns(raw)
    assert said is not None and said[0] == kind
    call = finish(type(read(str(STORY / name)))(name, said[0], said[1]), name)
    assert (kind, [tuple(getattr(t, f) for f in FIELDS) for t in call.turns]) == by_dicts(raw, name)


def _whisperx(change):
    data = json.loads((STORY / "whisperx.json").read_text(encoding="utf-8"))
    change(data)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _tencent(change):
    data = json.loads((STORY / "tencent.json").read_text(encoding="utf-8"))
    change(data)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _aliyun(change):
    data = json.loads((STORY / "aliyun.json").read_text(encoding="utf-8"))
    change(data)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _aliyun_v4(change):
    data = json.loads((STORY / "aliyun-v4.json").read_text(encoding="utf-8"))
    change(data)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _funasr(change):
    data = json.loads((STORY / "funasr.json").read_text(encoding="utf-8"))
    change(data)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _set(path: tuple, value):
    def change(data):
        for key in path[:-1]:
            data = data[key]
        data[path[-1]] = value

    return change


def _drop(path: tuple):
    def change(data):
        for key in path[:-1]:
            data = data[key]
        del data[path[-1]]

    return change


WHISPERX = ("segments", 2)
TENCENT = ("Response", "Data", "ResultDetail", 2)
ALIYUN = ("Result", "Sentences", 2)
FUNASR = (0, "sentence_info", 2)
ALIYUN_V4 = ("result", "sentences", 2)

VARIANTS = {
    "whisperx-int-speaker": _whisperx(_set(WHISPERX + ("speaker",), 1)),
    "whisperx-no-speaker": _whisperx(_drop(WHISPERX + ("speaker",))),
    "whisperx-null-speaker": _whisperx(_set(WHISPERX + ("speaker",), None)),
    "whisperx-int-times": _whisperx(_set(WHISPERX + ("start",), 7)),
    "whisperx-string-time": _whisperx(_set(WHISPERX + ("start",), "7.5")),
    "whisperx-bool-time": _whisperx(_set(WHISPERX + ("end",), True)),
    "whisperx-negative-time": _whisperx(_set(WHISPERX + ("start",), -1.0)),
    "whisperx-two-days": _whisperx(_set(WHISPERX + ("end",), 200000.0)),
    "whisperx-null-text": _whisperx(_set(WHISPERX + ("text",), None)),
    "whisperx-no-text": _whisperx(_drop(WHISPERX + ("text",))),
    "whisperx-segment-not-object": _whisperx(_set(WHISPERX, "你好")),
    "whisperx-segments-not-list": _whisperx(_set(("segments",), {"0": 1})),
    "whisperx-also-sentence-info": _whisperx(_set(("sentence_info",), [])),
    "whisperx-padded-text": _whisperx(_set(WHISPERX + ("text",), "  您好  ")),
    "whisperx-empty": _whisperx(_set(("segments",), [])),
    "whisperx-blank-text": _whisperx(_set(WHISPERX + ("text",), " \u3000 ")),
    "whisperx-turn-field-names": _whisperx(
        lambda d: d["segments"][2].update(line=99, channel=1, role="customer", folded="x", norm="y")
    ),
    "whisperx-turn-field-names-typed-otherwise": _whisperx(lambda d: d["segments"][2].update(line="x", role=2)),
    "tencent-failed": _tencent(_set(("Response", "Data", "StatusStr"), "failed")),
    "tencent-no-detail": _tencent(_drop(("Response", "Data", "ResultDetail"))),
    "tencent-string-speaker": _tencent(_set(TENCENT + ("SpeakerId",), "1")),
    "tencent-float-speaker": _tencent(_set(TENCENT + ("SpeakerId",), 1.0)),
    "tencent-data-not-object": _tencent(_set(("Response", "Data"), [])),
    "aliyun-no-channel": _aliyun(_drop(ALIYUN + ("ChannelId",))),
    "aliyun-camel-channel-only": _aliyun(lambda d: d["Result"]["Sentences"][2].update(channelId=1, ChannelId=None)),
    "aliyun-float-channel": _aliyun(_set(ALIYUN + ("ChannelId",), 1.0)),
    "aliyun-bool-channel": _aliyun(_set(ALIYUN + ("ChannelId",), True)),
    "aliyun-null-channel": _aliyun(_set(ALIYUN + ("ChannelId",), None)),
    "aliyun-also-lower-result": _aliyun(_set(("result",), {"sentences": []})),
    "aliyun-also-response": _aliyun(_set(("Response",), {})),
    "aliyun-v4-pascal-text-too": _aliyun_v4(_set(ALIYUN_V4 + ("Text",), "别的话")),
    "aliyun-v4-pascal-channel-too": _aliyun_v4(_set(ALIYUN_V4 + ("ChannelId",), 0)),
    "aliyun-v4-pascal-time-too": _aliyun_v4(_set(ALIYUN_V4 + ("BeginTime",), 1)),
    "aliyun-v4-null-channel": _aliyun_v4(_set(ALIYUN_V4 + ("channelId",), None)),
    "aliyun-v4-no-channel": _aliyun_v4(_drop(ALIYUN_V4 + ("channelId",))),
    "aliyun-v4-string-channel": _aliyun_v4(_set(ALIYUN_V4 + ("channelId",), "1")),
    "aliyun-v4-null-text": _aliyun_v4(_set(ALIYUN_V4 + ("text",), None)),
    "aliyun-v4-string-time": _aliyun_v4(_set(ALIYUN_V4 + ("endTime",), "9000")),
    "aliyun-v4-negative-time": _aliyun_v4(_set(ALIYUN_V4 + ("beginTime",), -5)),
    "aliyun-v4-also-pascal-result": _aliyun_v4(_set(("Result",), {"Sentences": []})),
    "aliyun-v4-also-pascal-sentences": _aliyun_v4(_set(("result", "Sentences"), [])),
    "aliyun-v4-also-data": _aliyun_v4(_set(("Data",), {"ResultDetail": []})),
    "funasr-string-speaker": _funasr(_set(FUNASR + ("spk",), "A")),
    "funasr-two-results": _funasr(lambda d: d.append(d[0])),
    "funasr-no-sentences": _funasr(_set((0, "sentence_info"), None)),
    "funasr-tagged-text": _funasr(_set(FUNASR + ("text",), "<|zh|><|NEUTRAL|> 好的 ")),
}
RAW = {
    "bom": b"\xef\xbb\xbf" + (STORY / "whisperx.json").read_bytes(),
    "gb18030": (STORY / "whisperx.json").read_text(encoding="utf-8").encode("gb18030"),
    "utf-16": (STORY / "tencent.json").read_text(encoding="utf-8").encode("utf-16"),
    "nan": b'{"segments": [{"start": NaN, "end": 1.0, "text": "\xe4\xbd\xa0\xe5\xa5\xbd", "speaker": "A"}]}',
    "duplicate-key": b'{"segments": [{"start": 1, "start": 2.5, "end": 3, "text": "x", "speaker": "A"}]}',
    "trailing": (STORY / "whisperx.json").read_bytes() + b" x",
    "truncated": (STORY / "aliyun.json").read_bytes()[:-40],
    "nested": b'{"segments": [], "x": ' + b"[" * 5000 + b"]" * 5000 + b"}",
    "not-utf8-in-text": b'{"segments": [{"start": 1, "end": 2, "text": "\xff", "speaker": "A"}]}',
    "unknown-shape": b'{"foo": {"Sentences": []}, "bar": 1}',
    "a-number": b"42",
    "a-list-of-numbers": b"[1, 2]",
    "segments-late": b'{"language": "zh", "pad": "'
    + b"x" * 400
    + b'", "segments": [{"start": 1, "end": 2, "text": "x"}]}',
    "lone-surrogate": b'{"segments": [{"start": 1, "end": 2, "text": "\\ud800", "speaker": "A"}]}',
}


@pytest.mark.parametrize("name", sorted(VARIANTS) + sorted(RAW))
def test_every_variant_reads_as_the_json_loads_path_reads_it(name, tmp_path):
    raw = VARIANTS.get(name) or RAW[name]
    path = tmp_path / f"{name}.json"
    path.write_bytes(raw)
    assert by_read(path) == by_dicts(raw, str(path))


def test_a_whisperx_file_is_decoded_straight_into_turns():
    """The common WhisperX shape takes the path without a segment struct per turn (the other is slower)."""
    said = typed.turns((STORY / "whisperx.json").read_bytes())
    assert said is not None and {type(t).__name__ for t in said[1]} == {"_WhisperXTurn"}


def test_without_msgspec_every_file_takes_the_json_loads_path():
    """An environment not installed again since msgspec became a dependency still reads every transcript."""
    import subprocess
    import sys

    program = (
        "import sys; sys.modules['msgspec'] = None\n"
        "from huifang.qa.readers import read\n"
        f"call = read({str(STORY / 'tencent.json')!r})\n"
        "print(call.format, len(call.turns), call.turns[0].start)"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    call = read(str(STORY / "tencent.json"))
    assert done.stdout.split() == ["tencent", str(len(call.turns)), str(call.turns[0].start)]


def test_time_stamps_parse_to_the_same_floats_as_json_loads():
    """Every time stamp the typed path reads is msgspec's float of the literal: it must be the float
    `json.loads` gives, or the seconds (and so the report) would differ in the last bit."""
    import random

    import msgspec

    rng = random.Random(7)
    literals = []
    for _ in range(20_000):
        kind = rng.randint(0, 3)
        if kind == 0:
            literals.append(repr(rng.random() * 10 ** rng.randint(-5, 8)))
        elif kind == 1:
            literals.append(f"{rng.randint(0, 10**9)}.{rng.randint(0, 10 ** rng.randint(1, 25))}")
        elif kind == 2:
            literals.append(str(rng.randint(0, 86_400_000)))
        else:
            literals.append(f"{rng.uniform(0, 86_400):.{rng.randint(0, 20)}f}")
    text = "[" + ",".join(literals) + "]"
    assert msgspec.json.Decoder(list[float]).decode(text) == [float(v) for v in json.loads(text)]
