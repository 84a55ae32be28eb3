"""Transcript readers: one module per format, each turning a file into a `Call`.

    call = read(path, display)      # format from the suffix and, for JSON, from its shape

Every reader raises `TranscriptError` (one Chinese line) for input it cannot use; nothing else escapes.
"""

from __future__ import annotations

import json
import math
import re
from operator import attrgetter

from huifang.problems import ContentError
from huifang.qa.call import Call, TranscriptError, Turn
from huifang.readfile import read_bytes

MAX_BYTES = 20 * 1024 * 1024  # a three-hour call's JSON with word times is about 5 MB
JSON_SUFFIXES = (".json",)
SUBTITLE_SUFFIXES = (".srt", ".vtt")
TEXT_SUFFIXES = (".txt", ".md")
SUFFIXES = JSON_SUFFIXES + SUBTITLE_SUFFIXES + TEXT_SUFFIXES
DAY = 24 * 3600.0


def read(path: str, display: str | None = None, max_bytes: int = MAX_BYTES) -> Call:
    display = display or path
    lower = path.lower()
    if not lower.endswith(SUFFIXES):
        raise TranscriptError(
            display, "不支持的文件类型：只能读取 .json（FunASR、WhisperX、阿里云、腾讯云）、.srt、.vtt 或 .txt 转写文件"
        )
    raw = load_bytes(path, display, max_bytes)
    if lower.endswith(JSON_SUFFIXES):
        if b"\\" in raw and (b"\\ud" in raw or b"\\uD" in raw):  # a one-byte search first: memchr
            lone_surrogate(raw, display)
        typed = _typed()
        said = typed.turns(raw) if typed is not None else None
        if said is not None:
            call = Call(display, said[0], said[1])
            if not said[2]:
                return finish(call, display)
            call._timed = True  # every typed turn has both times
            return call
        return from_json(parse_json(decode(raw, display), display), display)
    text = decode(raw, display)
    if lower.endswith(SUBTITLE_SUFFIXES):
        from huifang.qa.readers import subtitles

        return subtitles.read(text, display, "vtt" if lower.endswith(".vtt") else "srt")
    from huifang.qa.readers import text as plain

    return plain.read(text, display)


def load_bytes(path: str, display: str, max_bytes: int) -> bytes:
    try:
        return read_bytes(path, display, max_bytes, "：这不像一通电话的转写结果")
    except ContentError as exc:
        raise TranscriptError(display, exc.problem.message) from None


def decode(raw: bytes, display: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 or UTF-32 with BOM, or GB18030 (common for exports from Chinese
    systems), or Big5 (Taiwan and Hong Kong's) when the linter's guess says so."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        try:
            return raw.decode("utf-32" if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) else "utf-16")
        except UnicodeDecodeError:
            pass
    else:
        try:
            text = raw.decode("utf-8")
            return text[1:] if text.startswith("\ufeff") else text
        except UnicodeDecodeError as exc:
            from huifang.lint.loader import guess_encoding
            from huifang.lint.textfile import stray_bytes

            stray = stray_bytes(raw, exc.start)
            if stray:  # read as GB18030, the whole file would be garbage
                line, column = map(int, stray.split(":"))
                raise TranscriptError(
                    display, "这里有不是 UTF-8 的字节（文件其余部分是 UTF-8）：请改正后另存为 UTF-8", line, column
                ) from None
            guess = guess_encoding(raw)
            if guess == "UTF-16":
                raise TranscriptError(
                    display, "文件看起来是不带 BOM 的 UTF-16 编码：请把转写结果另存为 UTF-8"
                ) from None
            if b"\x00" not in raw:
                try:
                    text = raw.decode("big5" if guess == "Big5" else "gb18030")
                except UnicodeDecodeError:
                    text = ""
                if text and not any(ord(c) < 32 and c not in "\t\r\n" for c in text):
                    return text
    raise TranscriptError(
        display, "无法识别文件的文字编码（不是 UTF-8、带 BOM 的 UTF-16 或 GB18030）：请把转写结果另存为 UTF-8"
    )


_ESCAPE = re.compile(rb"\\(u[0-9a-fA-F]{4}|[\s\S])")


def lone_surrogate(raw: bytes, display: str) -> None:
    """A `\\udXXX` escape not in a high-low pair decodes to a lone surrogate, which is no character: every
    output that writes it would fail. Escapes are read left to right, so an escaped backslash is not taken
    for the start of one."""
    pending = None  # the high surrogate escape last seen, waiting for its low half
    for match in _ESCAPE.finditer(raw):
        escape = match.group(1)
        code = int(escape[1:], 16) if len(escape) == 5 and escape[:1] == b"u" else -1
        if pending is not None:
            if 0xDC00 <= code <= 0xDFFF and match.start() == pending.end():
                pending = None
                continue
            _lone(raw, pending, display)
        if 0xD800 <= code <= 0xDBFF:
            pending = match
        elif 0xDC00 <= code <= 0xDFFF:
            _lone(raw, match, display)
    if pending is not None:
        _lone(raw, pending, display)


def _lone(raw: bytes, match: re.Match, display: str) -> None:
    from huifang.lint.textfile import byte_position

    line, column = byte_position(raw, match.start())
    raise TranscriptError(
        display,
        f"这里的 {match.group(0).decode('ascii')} 是不成对的代理转义，不是有效的字符：请重新导出转写结果",
        line,
        column,
    )


def parse_json(text: str, display: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise TranscriptError(display, f"不是合法的 JSON：{_json_reason(exc.msg)}", exc.lineno, exc.colno) from None
    except RecursionError:
        raise TranscriptError(display, "JSON 嵌套过深：这不是转写结果") from None
    except ValueError:  # an integer of more than 4,300 digits (Python's limit on converting them)
        raise TranscriptError(display, "JSON 里有位数过多的数字：这不是转写结果") from None


def _json_reason(msg: str) -> str:
    known = {
        "Expecting value": "此处缺少值",
        "Expecting ',' delimiter": "此处缺少逗号",
        "Expecting property name enclosed in double quotes": "键名必须用双引号",
        "Unterminated string starting at": "字符串没有结束引号",
        "Extra data": "JSON 结束后还有多余内容",
        "Invalid control character at": "字符串里有控制字符",
        "Expecting ':' delimiter": "此处缺少冒号",
    }
    return known.get(msg, "语法错误")


def detect(data) -> str | None:
    """The JSON format by its shape (the file name says nothing: every tool writes `result.json`)."""
    if isinstance(data, list):
        first = data[0] if data else None
        if isinstance(first, dict) and ("sentence_info" in first or ("key" in first and "text" in first)):
            return "funasr"
        return None
    if not isinstance(data, dict):
        return None
    if "sentence_info" in data:
        return "funasr"
    if "segments" in data:
        return "whisperx"
    if "Response" in data or ("Data" in data and isinstance(data["Data"], dict) and "ResultDetail" in data["Data"]):
        return "tencent"
    for key in ("Result", "result"):
        if isinstance(data.get(key), dict) and any(k in data[key] for k in ("Sentences", "sentences")):
            return "aliyun"
    if "Sentences" in data or "sentences" in data:
        return "aliyun"
    if any(k in data for k in ("StatusText", "statusText")) and any(k in data for k in ("TaskId", "taskId")):
        return "aliyun"  # a task result without sentences: the reader says what its status was
    return None


def from_json(data, display: str) -> Call:
    kind = detect(data)
    if kind is None:
        raise TranscriptError(
            display,
            "无法识别的 JSON 结构：支持 FunASR（sentence_info）、WhisperX（segments）、"
            "阿里云录音文件识别（Result.Sentences）和腾讯云（Response.Data.ResultDetail）",
        )
    module = _MODULES.get(kind)
    if module is None:
        from importlib import import_module

        module = _MODULES[kind] = import_module(f"huifang.qa.readers.{kind}")
    turns = module.turns(data, display)
    return finish(Call(display, kind, turns), display)


_MODULES: dict = {}  # format → its reader module, imported on first use


def _typed():
    """The typed decoding of the common JSON shapes, imported on first use (text and SRT runs do without
    msgspec); None without msgspec (an environment not installed again since it became a dependency): every
    file then takes the `json.loads` path, with the same results, only slower."""
    if "typed" not in _MODULES:
        try:
            from huifang.qa.readers import typed
        except ImportError:
            _MODULES["typed"] = None
        else:
            _MODULES["typed"] = typed
    return _MODULES["typed"]


def number(value, display: str, where: str, scale: float = 1.0, line: int = 1) -> float:
    """A time stamp as seconds; anything else is the transcript's fault, said in one line."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        if isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                raise TranscriptError(display, f"{where} 不是数字（{value[:20]!r}）", line) from None
        else:
            raise TranscriptError(display, f"{where} 缺失或不是数字", line) from None
    try:
        seconds = value * scale
    except OverflowError:  # an integer past a float's range (10**400)
        raise TranscriptError(display, f"{where} 数值过大：请检查时间单位", line) from None
    if not math.isfinite(seconds):
        raise TranscriptError(display, f"{where} 不是有限的数字", line)
    if seconds < 0:
        raise TranscriptError(display, f"{where} 为负数（{value}）：时间戳必须从录音开始往后计", line)
    if seconds > DAY:
        raise TranscriptError(display, f"{where} 超过 24 小时（{value}）：请检查时间单位", line)
    return seconds


def field(item, names: tuple, display: str, where: str, default=KeyError):
    """The first of `names` present in a dict (both casings of one field)."""
    if not isinstance(item, dict):
        raise TranscriptError(display, f"{where} 应是对象（{{…}}），实际是{json_kind(item)}")
    for name in names:
        if name in item:
            return item[name]
    if default is KeyError:
        raise TranscriptError(display, f"{where} 缺少字段 {names[0]}")
    return default


JSON_NAMES = {
    "object": "对象（{…}）",
    "array": "数组（[…]）",
    "string": "字符串",
    "integer": "数字",
    "number": "数字",
    "boolean": " true/false",
    "null": " null",
}


def json_kind(value) -> str:
    """What a JSON value is, in the words the messages use (never Python's dict, list, str)."""
    from huifang.validate import type_of

    return JSON_NAMES[type_of(value)]


def items(value, display: str, where: str) -> list:
    if not isinstance(value, list):
        raise TranscriptError(display, f"{where} 应是数组（[…]），实际是{json_kind(value)}")
    return value


def text_of(value, display: str, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TranscriptError(display, f"{where} 应是字符串")
    return value.strip()


_ABSENT = object()


def quick(
    sentences,
    text_key: str,
    start_key: str,
    end_key: str,
    speaker_key: str,
    scale: float,
    others: tuple = (),
    channel: bool = False,
) -> list[Turn] | None:
    """A reader's common, well-formed case in one tight loop, with the same results as its careful path;
    None sends the file through the careful path, which says what is wrong. `others`: the other spellings of
    these fields (camelCase), whose presence sends the file the careful way, which knows which one wins."""
    out: list[Turn] = []
    append = out.append
    try:
        for s in sentences:
            text, start, end = s[text_key], s[start_key], s[end_key]
            if type(text) is not str or type(start) not in (int, float) or type(end) not in (int, float):
                return None
            start, end = start * scale, end * scale
            if not (0 <= start <= DAY and 0 <= end <= DAY):
                return None
            speaker = s.get(speaker_key, _ABSENT)
            if speaker is _ABSENT:
                if others and any(k in s for k in others):
                    return None
                speaker = None
            if channel:
                if speaker is not None and type(speaker) is not int:
                    return None
                append(Turn("" if speaker is None else f"声道{speaker}", text.strip(), start, end, speaker))
            else:
                append(Turn("" if speaker is None else str(speaker), text.strip(), start, end))
    except (TypeError, KeyError, AttributeError, OverflowError):
        return None
    return out


def labelled(
    sentences,
    display: str,
    list_name: str,
    text_keys: tuple,
    start_key: str,
    end_key: str,
    speaker_key: str,
    scale: float = 1.0,
) -> list[Turn]:
    """The careful path of a reader whose sentences carry a speaker label: every field checked, a fault
    named by its place (`segments[3].start`)."""
    out = []
    for i, s in enumerate(items(sentences, display, list_name)):
        where = f"{list_name}[{i}]"
        speaker = field(s, (speaker_key,), display, where, None)
        out.append(
            Turn(
                "" if speaker is None else str(speaker),
                text_of(field(s, text_keys, display, where), display, f"{where}.{text_keys[0]}"),
                number(field(s, (start_key,), display, where), display, f"{where}.{start_key}", scale),
                number(field(s, (end_key,), display, where), display, f"{where}.{end_key}", scale),
            )
        )
    return out


# Two turns of one speaker may touch or overlap by an ASR rounding; more than this is a broken file.
SAME_SPEAKER_OVERLAP = 1.0


def finish(call: Call, display: str) -> Call:
    """Common checks once a reader has its turns: times in order, no speaker talking over themself."""
    turns = [t for t in call.turns if t.text]
    if not turns:
        raise TranscriptError(display, "转写结果里没有任何一句话")
    timed, ends, ordered, last_start = True, True, True, -1.0
    for i, t in enumerate(turns, 1):
        if not t.line:
            t.line = i
        start = t.start
        if start is None:
            timed = False
            continue
        end = t.end
        if end is None:
            ends = False
        elif end < start:
            raise TranscriptError(
                display,
                f"第 {i} 句的结束时间（{end:g} 秒）早于开始时间（{start:g} 秒）",
                t.line if call.format in ("srt", "vtt", "text") else 1,
            )
        if start < last_start:
            ordered = False
        last_start = start
    if timed:
        if not ordered:  # most transcripts come in time order: sorting them would change nothing
            turns.sort(key=_start)
        last: dict = {}
        for t in turns:
            key = (t.speaker, t.channel)
            prev = last.get(key)
            if prev is not None and prev.end is not None and t.start < prev.end - SAME_SPEAKER_OVERLAP:
                raise TranscriptError(
                    display,
                    f"同一说话人的两句时间重叠（{_clock(t.start)} 开始的一句与 "
                    f"{_clock(prev.start)}–{_clock(prev.end)} 的一句）：时间戳有误",
                    t.line if call.format in ("srt", "vtt", "text") else 1,
                )
            if prev is None or (t.end or 0) >= (prev.end or 0):
                last[key] = t
    call.turns = turns
    call._timed = timed and ends  # `Call.timed`, known here without another walk
    return call


_start = attrgetter("start")


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes):02d}:{rest:04.1f}"
