"""The four JSON formats' common, well-formed shape decoded by msgspec straight into typed structs.

Only the fields a reader uses are decoded (WhisperX's `words`, Tencent's `Result` text and every per-sentence
extra are skipped, not built as dicts), and the types are checked as they are read. Anything else (another
shape, a wrong type, a time out of range, a key that would make `detect` or a reader choose otherwise, bytes
that are not UTF-8) returns None, and the file takes the `json.loads` path, which gives the same turns for
what this accepts and says what is wrong with the rest, with the same message as before.
"""

from __future__ import annotations

from typing import Annotated

import msgspec
from huifang.qa.call import Turn, plain_writes
from huifang.qa.readers import DAY, SAME_SPEAKER_OVERLAP
from huifang.qa.readers.funasr import clean

_NONE = msgspec.Raw()  # an absent key: a `Raw` field left at its default has no bytes


# Every format's sentence has the same four attributes (`text`, `start`, `end`, `speaker`: the JSON names are the
# format's), so one walk (`_said`) makes the turns of all four.


class _WhisperXSegment(msgspec.Struct):
    text: str
    start: float
    end: float
    speaker: str | None = None


class _WhisperX(msgspec.Struct):
    segments: list[_WhisperXSegment]
    sentence_info: msgspec.Raw = _NONE  # detect() would call the file FunASR


_UNREAD = "\u2060"  # a name of the fields no transcript sets starts with it (a word joiner): no file has such a key


_IN_A_DAY = Annotated[float, msgspec.Meta(ge=0.0, le=DAY)]  # `_said`'s range, checked in C while decoding


class _WhisperXTurn(Turn, kw_only=True, gc=False):  # type: ignore[call-arg]
    """A WhisperX segment decoded straight into a turn (its fields have WhisperX's names and seconds): the
    segment struct and the turn made from it cost ≈ 4 k instructions a turn more than this. A turn's other
    fields are renamed out of the file's reach; a segment whose speaker is null fails here and is read as a
    `_WhisperXSegment`."""

    start: _IN_A_DAY  # required, as in `_WhisperXSegment`; `_said`'s range, checked by the decoder (a time out
    end: _IN_A_DAY  # of it fails here too, and `_said` then returns None for it, as for every format)
    speaker: str = ""
    channel: int | None = msgspec.field(default=None, name=_UNREAD + "channel")
    line: int = msgspec.field(default=0, name=_UNREAD + "line")
    role: str = msgspec.field(default="", name=_UNREAD + "role")
    folded: str = msgspec.field(default="", name=_UNREAD + "folded")
    norm: str = msgspec.field(default="", name=_UNREAD + "norm")


plain_writes(_WhisperXTurn)  # the walk below sets `line` (and a stripped `text`) on each; roles and texts more


class _WhisperXTurns(msgspec.Struct):
    segments: list[_WhisperXTurn]
    sentence_info: msgspec.Raw = _NONE


class _TencentSentence(msgspec.Struct):
    text: str = msgspec.field(name="FinalSentence")
    start: float = msgspec.field(name="StartMs")
    end: float = msgspec.field(name="EndMs")
    speaker: int | None = msgspec.field(default=None, name="SpeakerId")


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
    text: str = msgspec.field(name="Text")
    start: float = msgspec.field(name="BeginTime")
    end: float = msgspec.field(name="EndTime")
    speaker: int | None = msgspec.field(default=None, name="ChannelId")
    other: msgspec.Raw = msgspec.field(default=_NONE, name="channelId")  # version 4.0's spelling: the careful
    # path knows which one wins


class _AliyunResult(msgspec.Struct):
    Sentences: list[_AliyunSentence]


class _AliyunV4Sentence(msgspec.Struct):  # version 4.0: the same fields in camelCase
    text: str
    start: float = msgspec.field(name="beginTime")
    end: float = msgspec.field(name="endTime")
    speaker: int | None = msgspec.field(default=None, name="channelId")
    other: msgspec.Raw = msgspec.field(default=_NONE, name="ChannelId")
    Text: msgspec.Raw = _NONE  # either spelling beside the other: the careful path knows which one wins
    BeginTime: msgspec.Raw = _NONE
    EndTime: msgspec.Raw = _NONE


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
    speaker: int | str | None = msgspec.field(default=None, name="spk")


class _FunASRResult(msgspec.Struct):
    sentence_info: list[_FunASRSentence] | None = None


_WHISPERX = msgspec.json.Decoder(_WhisperX)
_WHISPERX_TURNS = msgspec.json.Decoder(_WhisperXTurns)
_TENCENT = msgspec.json.Decoder(_Tencent)
_ALIYUN = msgspec.json.Decoder(_Aliyun)
_FUNASR = msgspec.json.Decoder(list[_FunASRResult])
_FAILED = (msgspec.MsgspecError, UnicodeDecodeError, RecursionError, ValueError)


def turns(raw: bytes) -> tuple[str, list[Turn], bool] | None:
    """(format, turns, finished) as `detect` and the format's reader would give them (`finished`: and as
    `readers.finish` leaves them, see `_said`), or None: read it the careful way.
    The format is guessed from the first bytes (Alibaba's: none of the others) and then proved by the decoding:
    a wrong guess only costs time."""
    head = raw[:300]
    try:
        if head.lstrip()[:1] == b"[":
            return _funasr(_FUNASR.decode(raw))
        if b'"segments"' in head:
            try:
                return _whisperx_turns(_WHISPERX_TURNS.decode(raw))
            except _FAILED:  # a null speaker, or a file the segments' decoding says more of
                return _whisperx(_WHISPERX.decode(raw))
        if b'"Response"' in head:
            return _tencent(_TENCENT.decode(raw))
        return _aliyun(_ALIYUN.decode(raw))
    except _FAILED:
        return None


def _whisperx(data: _WhisperX) -> tuple[str, list[Turn], bool] | None:
    if data.sentence_info:
        return None
    return _said("whisperx", data.segments, 1.0, _AS_IS)


def _whisperx_turns(data: _WhisperXTurns) -> tuple[str, list[Turn], bool] | None:
    """As `_said` gives a WhisperX file's turns, from turns decoded as they are: each numbered, its text
    stripped, the checks of `_said` made (the times' range by the decoder). A segment whose text strips to
    nothing is read the other way. Per speaker only the furthest end reached so far is kept (`_said` keeps
    that end's turn and reads its end again)."""
    if data.sentence_info:
        return None
    segments = data.segments  # their start and end are set (required in the file) and in range
    out: list[Turn] = segments  # type: ignore[assignment]
    reach: dict[str, float] = {}  # speaker → the furthest end of their turns so far
    finished = True
    previous = -1.0
    line = 0
    for t in segments:
        text = t.text
        stripped = text.strip()
        if stripped is not text:
            if not stripped:
                raise ValueError("an empty segment")
            t.text = stripped
        line += 1
        t.line = line
        if finished:
            start, end = t.start, t.end
            if end < start or start < previous:
                finished = False
                continue
            previous = start
            who = t.speaker
            furthest = reach.get(who)
            if furthest is None:
                reach[who] = end
            elif start < furthest - SAME_SPEAKER_OVERLAP:
                finished = False
            elif end >= furthest:
                reach[who] = end
    return "whisperx", out, finished and line > 0


def _tencent(data: _Tencent) -> tuple[str, list[Turn], bool] | None:
    part = data.Response.Data
    if data.sentence_info or data.segments or part.StatusStr not in (None, "success") or part.ResultDetail is None:
        return None
    return _said("tencent", part.ResultDetail, 0.001, _NUMBER)


def _aliyun(data: _Aliyun) -> tuple[str, list[Turn], bool] | None:
    if data.Response or data.Data or data.sentence_info or data.segments:
        return None
    if data.Result is None:
        return _aliyun_v4(data.result) if data.result is not None else None
    if data.result is not None:
        return None
    return _said("aliyun", data.Result.Sentences, 0.001, _CHANNEL)


def _aliyun_v4(result: _AliyunV4Result) -> tuple[str, list[Turn], bool] | None:
    if result.Sentences:
        return None
    if any(s.Text or s.BeginTime or s.EndTime or s.other for s in result.sentences):
        return None
    return _said("aliyun", result.sentences, 0.001, _CHANNEL)


def _funasr(data: list[_FunASRResult]) -> tuple[str, list[Turn], bool] | None:
    if len(data) != 1 or data[0].sentence_info is None:
        return None
    return _said("funasr", data[0].sentence_info, 0.001, _TAGGED)


_AS_IS, _NUMBER, _CHANNEL, _TAGGED = range(4)  # how a sentence's speaker (and text) become the turn's


def _said(kind: str, sentences: list, scale: float, speaker: int) -> tuple[str, list[Turn], bool] | None:
    """(format, turns, finished): the sentences as turns, and in the same walk what `readers.finish` checks.
    `finished`: the turns are as `finish` leaves them — the empty ones left out, each numbered, in time
    order, nobody talking over themself — so `read` skips it; False when any check fails (a turn ending
    before it starts, turns out of order, a speaker's turns overlapping): `finish` then sorts them or says
    what is wrong. None: a time out of range, for the careful path to name."""
    out: list[Turn] = []
    append = out.append
    last: dict = {}  # speaker → their turn that reaches furthest (a speaker is one channel: key as finish's)
    finished = True
    previous = -1.0
    line = 0
    for s in sentences:
        start, end = s.start * scale, s.end * scale
        if not (0 <= start <= DAY and 0 <= end <= DAY):
            return None
        text = s.text.strip()
        who = s.speaker
        channel = None
        if speaker == _AS_IS:
            who = "" if who is None else who
        elif speaker == _TAGGED:
            text = clean(text)
            who = "" if who is None else str(who)
        elif speaker == _NUMBER:
            who = "" if who is None else str(who)
        elif who is None:
            if s.other:  # Alibaba's channel in the other spelling: the careful path knows which one wins
                return None
            who = ""
        else:
            channel, who = who, f"声道{who}"
        if not text:
            continue
        line += 1
        t = Turn(who, text, start, end, channel, line)
        append(t)
        if finished:
            if end < start or start < previous:
                finished = False
                continue
            previous = start
            prior = last.get(who)
            if prior is None:
                last[who] = t
            elif start < prior.end - SAME_SPEAKER_OVERLAP:
                finished = False
            elif end >= prior.end:
                last[who] = t
    return kind, out, finished and line > 0
