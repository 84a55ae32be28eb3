"""SRT and WebVTT subtitles, as WhisperX writes them (`[SPEAKER_00]: ` before each cue's words) or with the
linter's labels (客服：/客户：). Cue times are `HH:MM:SS,mmm` (SRT) or `[HH:]MM:SS.mmm` (VTT)."""

from __future__ import annotations

import re

from huifang.qa.call import Call, TranscriptError, Turn
from huifang.qa.readers import finish, number
from huifang.qa.readers.labels import role_of, split

TIMING = re.compile(
    r"^\s*(?P<a>(?:\d{1,2}:)?\d{1,2}:\d{1,2}[,.]\d{1,3})\s*-->\s*(?P<b>(?:\d{1,2}:)?\d{1,2}:\d{1,2}[,.]\d{1,3})"
)
VOICE = re.compile(r"^<v(?:\.[^ >]*)?\s+([^>]{1,40})>")
TAG = re.compile(r"</?[a-z][^>]{0,40}>")


def seconds(stamp: str) -> float:
    parts = stamp.replace(",", ".").split(":")
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return total


def read(text: str, display: str, kind: str) -> Call:
    lines = text.splitlines()
    if kind == "vtt" and not (lines and lines[0].lstrip("\ufeff").startswith("WEBVTT")):
        raise TranscriptError(display, "WebVTT 文件必须以 WEBVTT 开头")
    turns: list[Turn] = []
    labelled = False
    i = 0
    while i < len(lines):
        m = TIMING.match(lines[i])
        if m is None:
            if "-->" in lines[i]:
                raise TranscriptError(display, "时间轴格式不对（应如 00:01:02,500 --> 00:01:04,000）", i + 1)
            i += 1
            continue
        at = i + 1
        start = number(seconds(m.group("a")), display, f"第 {at} 行的开始时间", line=at)
        end = number(seconds(m.group("b")), display, f"第 {at} 行的结束时间", line=at)
        body: list[str] = []
        i += 1
        while i < len(lines) and lines[i].strip():
            if "-->" in lines[i] and TIMING.match(lines[i]):  # the next cue, without the blank line before it: its
                if body and body[-1].isdigit():  # words were read as this cue's, and its speaker was lost
                    body.pop()  # its number
                break
            body.append(lines[i].strip())
            i += 1
        words = " ".join(body)
        voice = VOICE.match(words)
        if voice:
            label, words = voice.group(1).strip(), words[voice.end() :]
        else:
            label, words = split(words)
        words = TAG.sub("", words).strip()
        labelled = labelled or bool(role_of(label))
        turns.append(Turn(label, words, start, end, None, at + 1 if body else at))
    if not turns:
        raise TranscriptError(display, "字幕文件里没有任何带时间轴的字幕")
    call = Call(display, kind, turns, labelled=labelled)
    return finish(call, display)
