"""Tencent Cloud ASR `DescribeTaskStatus`: `Response.Data.ResultDetail[]{FinalSentence, StartMs, EndMs,
SpeakerId, SpeechSpeed, SilenceTime}` (ResTextFormat ≥ 1), times in milliseconds. With channel separation
(ChannelNum=2) SpeakerId is the channel; with diarisation it is a cluster number."""

from __future__ import annotations

from huifang.qa.call import TranscriptError, Turn
from huifang.qa.readers import field, labelled, quick


def turns(data, display: str) -> list[Turn]:
    response = data.get("Response", data)
    data_part = field(response, ("Data",), display, "Response")
    if not isinstance(data_part, dict):
        raise TranscriptError(display, "Response.Data 应是对象（{…}）")
    status = data_part.get("StatusStr")
    if status not in (None, "success"):
        if not isinstance(status, str):
            raise TranscriptError(display, "Response.Data.StatusStr 应是文字（如 success）")
        why = data_part.get("ErrorMsg")
        why = why.strip() if isinstance(why, str) and why.strip() else "没有识别结果可读"
        raise TranscriptError(display, f"腾讯云任务状态为 {status}（不是 success）：{why}")
    detail = field(data_part, ("ResultDetail",), display, "Response.Data", None)
    if detail is None:
        raise TranscriptError(display, "Response.Data.ResultDetail 为空：提交任务时请设 ResTextFormat=2 以取得分句结果")
    said = quick(detail, "FinalSentence", "StartMs", "EndMs", "SpeakerId", 0.001)
    if said is None:
        said = labelled(detail, display, "ResultDetail", ("FinalSentence",), "StartMs", "EndMs", "SpeakerId", 0.001)
    return said
