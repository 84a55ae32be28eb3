"""The four JSON formats' common, well-formed shape decoded by msgspec straight into typed structs.

Only the fields a reader uses are decoded (WhisperX's `words`, Tencent's `Result` text and every per-sentence
extra are skipped, not built as dicts), and the types are checked as they are read. Anything else (another
shape, a wrong type, a time out of range, a key that would make `detect` or a reader choose otherwise, bytes
that are not UTF-8) returns None, and the file takes the `json.loads` path, which gives the same turns for
what this accepts and says what is wrong with the rest, with the same message as before.
"""

from __future__ import annotations

import msgspec
from huifang.qa.call import Turn
from huifang.qa.readers import DAY
from huifang.qa.readers.funasr import clean

_NONE = msgspec.Raw()  # an absent key: a `Raw` field left at its default has no bytes


class _WhisperXSegment(msgspec.Struct):
    text: str
    start: float
    end: float
    speaker: str | None = None


class _WhisperX(msgspec.Struct):
    segments: list[_WhisperXSegment]
    sentence_info: msgspec.Raw = _NONE  # detect() would call the file FunASR


class _TencentSentence(msgspec.Struct):
    FinalSentence: str
    StartMs: float
    EndMs: float
    SpeakerId: int | None = None


class _TencentData(msgspec.Struct):
    StatusStr: str | None = None
    ResultDetail: list[_TencentSentence] | None = None


class _TencentResponse(msgspec.Struct):
    Data: _TencentData


class _Tencent(msgspec.Struct):
    Response: _TencentResponse
    sentence_info: msgspec.Raw = _NONE
    segments: msgspec.Raw = _NONE


class _AliyunSentence(msgspec.Struct):
    Text: str
    BeginTime: float
    EndTime: float
    ChannelId: int | None = None
    channelId: msgspec.Raw = _NONE  # version 4.0's spelling: the careful path knows which one wins


class _AliyunResult(msgspec.Struct):
    Sentences: list[_AliyunSentence]


class _AliyunV4Sentence(msgspec.Struct):  # version 4.0: the same fields in camelCase
    text: str
    beginTime: float
    endTime: float
    channelId: int | None = None
    Text: msgspec.Raw = _NONE  # either spelling beside the other: the careful path knows which one wins
    BeginTime: msgspec.Raw = _NONE
    EndTime: msgspec.Raw = _NONE
    ChannelId: msgspec.Raw = _NONE


class _AliyunV4Result(msgspec.Struct):
    sentences: list[_AliyunV4Sentence]
    Sentences: msgspec.Raw = _NONE


class _Aliyun(msgspec.Struct):  # one of the two spellings of the result
    Result: _AliyunResult | None = None
    result: _AliyunV4Result | None = None
    Response: msgspec.Raw = _NONE
    Data: msgspec.Raw = _NONE
    sentence_info: msgspec.Raw = _NONE
    segments: msgspec.Raw = _NONE


class _FunASRSentence(msgspec.Struct):
    text: str
    start: float
    end: float
    spk: int | str | None = None


class _FunASRResult(msgspec.Struct):
    sentence_info: list[_FunASRSentence] | None = None


_WHISPERX = msgspec.json.Decoder(_WhisperX)
_TENCENT = msgspec.json.Decoder(_Tencent)
_ALIYUN = msgspec.json.Decoder(_Aliyun)
_FUNASR = msgspec.json.Decoder(list[_FunASRResult])
_FAILED = (msgspec.MsgspecError, UnicodeDecodeError, RecursionError, ValueError)


def turns(raw: bytes) -> tuple[str, list[Turn]] | None:
    """(format, turns) as `detect` and the format's reader would give them, or None: read it the careful way.
    The format is guessed from the first bytes (Alibaba's: none of the others) and then proved by the decoding:
    a wrong guess only costs time."""
    head = raw[:300]
    try:
        if head.lstrip()[:1] == b"[":
            return _funasr(_FUNASR.decode(raw))
        if b'"segments"' in head:
            return _whisperx(_WHISPERX.decode(raw))
        if b'"Response"' in head:
            return _tencent(_TENCENT.decode(raw))
        return _aliyun(_ALIYUN.decode(raw))
    except _FAILED:
        return None


def _whisperx(data: _WhisperX) -> tuple[str, list[Turn]] | None:
    if data.sentence_info:
        return None
    out: list[Turn] = []
    append = out.append
    for s in data.segments:
        start, end = s.start, s.end
        if not (0 <= start <= DAY and 0 <= end <= DAY):
            return None
        speaker = s.speaker
        append(Turn("" if speaker is None else speaker, s.text.strip(), start, end))
    return "whisperx", out


def _tencent(data: _Tencent) -> tuple[str, list[Turn]] | None:
    part = data.Response.Data
    if data.sentence_info or data.segments or part.StatusStr not in (None, "success") or part.ResultDetail is None:
        return None
    out: list[Turn] = []
    append = out.append
    for s in part.ResultDetail:
        start, end = s.StartMs * 0.001, s.EndMs * 0.001
        if not (0 <= start <= DAY and 0 <= end <= DAY):
            return None
        speaker = s.SpeakerId
        append(Turn("" if speaker is None else str(speaker), s.FinalSentence.strip(), start, end))
    return "tencent", out


def _aliyun(data: _Aliyun) -> tuple[str, list[Turn]] | None:
    if data.Response or data.Data or data.sentence_info or data.segments:
        return None
    if data.Result is None:
        return _aliyun_v4(data.result) if data.result is not None else None
    if data.result is not None:
        return None
    out: list[Turn] = []
    append = out.append
    for s in data.Result.Sentences:
        start, end = s.BeginTime * 0.001, s.EndTime * 0.001
        if not (0 <= start <= DAY and 0 <= end <= DAY):
            return None
        channel = s.ChannelId
        if channel is None:
            if s.channelId:
                return None
            append(Turn("", s.Text.strip(), start, end, None))
        else:
            append(Turn(f"声道{channel}", s.Text.strip(), start, end, channel))
    return "aliyun", out


def _aliyun_v4(result: _AliyunV4Result) -> tuple[str, list[Turn]] | None:
    if result.Sentences:
        return None
    out: list[Turn] = []
    append = out.append
    for s in result.sentences:
        if s.Text or s.BeginTime or s.EndTime or s.ChannelId:
            return None
        start, end = s.beginTime * 0.001, s.endTime * 0.001
        if not (0 <= start <= DAY and 0 <= end <= DAY):
            return None
        channel = s.channelId
        append(Turn("" if channel is None else f"声道{channel}", s.text.strip(), start, end, channel))
    return "aliyun", out


def _funasr(data: list[_FunASRResult]) -> tuple[str, list[Turn]] | None:
    if len(data) != 1 or data[0].sentence_info is None:
        return None
    out: list[Turn] = []
    append = out.append
    for s in data[0].sentence_info:
        start, end = s.start * 0.001, s.end * 0.001
        if not (0 <= start <= DAY and 0 <= end <= DAY):
            return None
        speaker = s.spk
        append(Turn("" if speaker is None else str(speaker), clean(s.text.strip()), start, end))
    return "funasr", out
