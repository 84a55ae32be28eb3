"""Every reader on its fixture in the real shape: the same 29 turns, times and words."""

from __future__ import annotations

import json

import pytest
from huifang.qa.readers import read

from tests.qa.conftest import STORY
from tests.qa.fixtures.story import TURNS

TIMED = [
    "whisperx.json",
    "whisperx.srt",
    "whisperx.vtt",
    "funasr.json",
    "funasr-sensevoice.json",
    "aliyun.json",
    "aliyun-v4.json",
    "tencent.json",
]
FORMAT = {
    "whisperx.json": "whisperx",
    "whisperx.srt": "srt",
    "whisperx.vtt": "vtt",
    "funasr.json": "funasr",
    "funasr-sensevoice.json": "funasr",
    "aliyun.json": "aliyun",
    "aliyun-v4.json": "aliyun",
    "tencent.json": "tencent",
    "labelled.txt": "text",
}


@pytest.mark.parametrize("name", TIMED)
def test_timed_reader_gives_every_turn_with_its_times(name):
    call = read(str(STORY / name))
    assert call.format == FORMAT[name]
    assert [t.text for t in call.turns] == [text for *_, text in TURNS]
    assert [x for t in call.turns for x in (t.start, t.end)] == pytest.approx(
        [x for _, a, b, _ in TURNS for x in (a, b)], abs=1e-6
    )
    assert call.timed
    # one speaker label per side, whatever the tool calls it
    sides = {}
    for t, (role, *_) in zip(call.turns, TURNS):
        sides.setdefault(role, set()).add((t.speaker, t.channel))
    assert all(len(v) == 1 for v in sides.values()) and sides["agent"] != sides["customer"]


def test_sensevoice_tags_are_stripped():
    raw = json.loads((STORY / "funasr-sensevoice.json").read_text(encoding="utf-8"))
    assert raw[0]["sentence_info"][0]["text"].startswith("<|zh|><|NEUTRAL|>")
    assert read(str(STORY / "funasr-sensevoice.json")).turns[0].text == "您好，您是王先生吗？"


def test_alibaba_both_casings_and_channels():
    old, new = read(str(STORY / "aliyun.json")), read(str(STORY / "aliyun-v4.json"))
    assert [(t.channel, t.text, t.start) for t in old.turns] == [(t.channel, t.text, t.start) for t in new.turns]
    assert {t.channel for t in old.turns} == {0, 1}


def test_whisperx_subtitles_keep_the_speaker_prefix_out_of_the_words():
    call = read(str(STORY / "whisperx.srt"))
    assert call.turns[0].speaker == "SPEAKER_01" and not call.turns[0].text.startswith("[")
    assert call.turns[0].line == 3  # the cue's text line
    assert read(str(STORY / "whisperx.vtt")).turns[2].speaker == "SPEAKER_01"


def test_labelled_text_has_roles_and_no_times():
    call = read(str(STORY / "labelled.txt"))
    assert call.labelled and not call.timed
    assert [t.speaker for t in call.turns[:2]] == ["客服", "客户"]
    assert call.turns[19].line == 20


def test_funasr_without_speaker_model(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps([{"key": "a", "text": "<|zh|>您好，我是客服。"}], ensure_ascii=False), encoding="utf-8")
    call = read(str(path))
    assert [t.text for t in call.turns] == ["您好，我是客服。"] and not call.timed


def test_gb18030_text_is_read(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("客服：您好，请问是王先生吗？\n客户：是我。\n".encode("gb18030"))
    assert read(str(path)).turns[1].text == "是我。"


def test_webvtt_voice_tags(tmp_path):
    path = tmp_path / "v.vtt"
    path.write_text(
        "WEBVTT\n\n00:00.000 --> 00:02.000\n<v 客服>您好\n\n00:02.500 --> 00:03.000\n<v 客户>你好\n", encoding="utf-8"
    )
    call = read(str(path))
    assert [(t.speaker, t.text) for t in call.turns] == [("客服", "您好"), ("客户", "你好")] and call.labelled


SENTENCES = {
    "funasr": lambda d: d[0]["sentence_info"],
    "whisperx": lambda d: d["segments"],
    "tencent": lambda d: d["Response"]["Data"]["ResultDetail"],
    "aliyun": lambda d: d["Result"]["Sentences"] if "Result" in d else d["result"]["sentences"],
}


@pytest.mark.parametrize(
    "name", ["funasr.json", "funasr-sensevoice.json", "aliyun.json", "aliyun-v4.json", "tencent.json", "whisperx.json"]
)
def test_quick_and_careful_paths_read_the_same_turns(name, tmp_path):
    """A reader's quick loop and its careful, field-by-field path agree: one time stamp given as a numeric
    string (which only the careful path accepts) sends the whole file the careful way."""
    data = json.loads((STORY / name).read_text(encoding="utf-8"))
    sentences = SENTENCES[name.split("-")[0].split(".")[0]](data)
    key = next(k for k in ("start", "BeginTime", "beginTime", "StartMs") if k in sentences[0])
    sentences[0][key] = str(sentences[0][key])
    careful = tmp_path / name
    careful.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    fields = ("speaker", "text", "start", "end", "channel", "line")
    quick = [tuple(getattr(t, f) for f in fields) for t in read(str(STORY / name)).turns]
    assert quick == [tuple(getattr(t, f) for f in fields) for t in read(str(careful)).turns]
