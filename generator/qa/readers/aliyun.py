"""Alibaba Cloud 录音文件识别 (nls-filetrans GetTaskResult / callback):
`Result.Sentences[]{BeginTime, EndTime, Text, ChannelId, SpeechRate, EmotionValue, SilenceDuration}`, times in
milliseconds. Version 4.0 writes the same fields in camelCase (`result.sentences[].beginTime`): both are read.
Stereo recordings (双轨) put each party on its own `ChannelId`."""

from __future__ import annotations

from huifang.qa.call import TranscriptError, Turn
from huifang.qa.readers import field, items, number, quick, text_of


def turns(data, display: str) -> list[Turn]:
    if not any(k in data for k in ("Result", "result", "Sentences", "sentences")):
        _no_result(data, display)
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


# What a task that gave no sentences says (GetTaskResult's StatusText, statusText in version 4.0).
STATUS_REASONS = {
    "SUCCESS_WITH_NO_VALID_FRAGMENT": "录音里没有识别出有效的语音",
    "QUEUEING": "任务还在排队，请等识别完成后再取结果",
    "RUNNING": "任务还在识别中，请等识别完成后再取结果",
    # a task that succeeded, saved without its sentences (cut off, or only the status fields kept)
    "SUCCESS": "文件里却没有分句结果（Result），请保存查询任务结果时的完整返回",
}


def _no_result(data, display: str) -> None:
    """A task result without `Result` (a failed task, a recording without speech, a task still running):
    its status said in one line, not taken for a format huifang does not know."""
    status = data.get("StatusText", data.get("statusText"))
    if not isinstance(status, str) or not status.strip():
        status = "未知"
    why = STATUS_REASONS.get(status.strip(), "识别没有成功，没有分句结果可读")
    raise TranscriptError(display, f"阿里云录音文件识别任务状态为 {status.strip()}：{why}")
