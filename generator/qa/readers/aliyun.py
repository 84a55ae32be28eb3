"""Alibaba Cloud 录音文件识别 (nls-filetrans GetTaskResult / callback):
`Result.Sentences[]{BeginTime, EndTime, Text, ChannelId, SpeechRate, EmotionValue, SilenceDuration}`, times in
milliseconds. Version 4.0 writes the same fields in camelCase (`result.sentences[].beginTime`): both are read.
Stereo recordings (双轨) put each party on its own `ChannelId`."""

from __future__ import annotations

from huifang.qa.call import TranscriptError, Turn
from huifang.qa.readers import field, items, number, quick, text_of


def turns(data, display: str) -> list[Turn]:
    result = data.get("Result", data.get("result", data))
    if not isinstance(result, dict):
        raise TranscriptError(display, "Result 应是对象（{…}）")
    sentences = items(field(result, ("Sentences", "sentences"), display, "Result"), display, "Result.Sentences")
    fast = quick(sentences, "Text", "BeginTime", "EndTime", "ChannelId", 0.001, ("channelId",), channel=True)
    if fast is not None:
        return fast
    out = []
    for i, s in enumerate(sentences):
        where = f"Sentences[{i}]"
        channel = field(s, ("ChannelId", "channelId"), display, where, None)
        if channel is not None and (isinstance(channel, bool) or not isinstance(channel, int)):
            raise TranscriptError(display, f"{where}.ChannelId 应是整数")
        out.append(
            Turn(
                "" if channel is None else f"声道{channel}",
                text_of(field(s, ("Text", "text"), display, where), display, where + ".Text"),
                number(field(s, ("BeginTime", "beginTime"), display, where), display, where + ".BeginTime", 0.001),
                number(field(s, ("EndTime", "endTime"), display, where), display, where + ".EndTime", 0.001),
                channel,
            )
        )
    return out
