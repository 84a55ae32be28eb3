"""Hostile transcripts: one clear Chinese line each, never a traceback; one bad file never stops the others."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import REPO, huifang
from tests.qa.conftest import STORY


def huge(path: Path) -> None:
    with path.open("wb") as handle:
        handle.write(b'{"segments": [')
        handle.truncate(50 * 1024 * 1024)  # sparse 50 MB: quick to make, still 50 MB to a reader


SEGMENT = {"start": 0.0, "end": 1.0, "text": "您好", "speaker": "SPEAKER_00"}

# name: (file name, content, expected message line after "path:line:col: ")
CASES = {
    "json of another tool": (
        "a.json",
        '{"results": {"transcripts": [{"transcript": "hi"}]}}',
        "1:1: 无法识别的 JSON 结构",
    ),
    "json list of numbers": ("a.json", "[1, 2, 3]", "1:1: 无法识别的 JSON 结构"),
    "segments not a list": ("a.json", '{"segments": {"a": 1}}', "1:1: segments 应是数组"),
    "segment not an object": ("a.json", '{"segments": ["您好"]}', "1:1: segments[0] 应是对象"),
    "missing start": ("a.json", '{"segments": [{"end": 1, "text": "您好"}]}', "1:1: segments[0] 缺少字段 start"),
    "time is text": (
        "a.json",
        '{"segments": [{"start": "soon", "end": 1, "text": "您好"}]}',
        "1:1: segments[0].start 不是数字",
    ),
    "negative time": (
        "a.json",
        json.dumps({"segments": [dict(SEGMENT, start=-2.5)]}),
        "1:1: segments[0].start 为负数（-2.5）",
    ),
    "end before start": (
        "a.json",
        json.dumps({"segments": [dict(SEGMENT, start=5.0, end=3.0)]}),
        "1:1: 第 1 句的结束时间（3 秒）早于开始时间（5 秒）",
    ),
    "same speaker overlapping": (
        "a.json",
        json.dumps({"segments": [dict(SEGMENT, start=0, end=10), dict(SEGMENT, start=4, end=12)]}),
        "1:1: 同一说话人的两句时间重叠",
    ),
    "infinite time": (
        "a.json",
        '{"segments": [{"start": 0, "end": 1e999, "text": "您好"}]}',
        "1:1: segments[0].end 不是有限的数字",
    ),
    "time in the wrong unit": (
        "a.json",
        json.dumps({"segments": [dict(SEGMENT, end=9_000_000)]}),
        "1:1: segments[0].end 超过 24 小时",
    ),
    "broken json": ("a.json", '{"segments": [\n  {"start": 0,}\n]}', "2:15: 不是合法的 JSON：键名必须用双引号"),
    "deep json": ("a.json", "[" * 100_000 + "]" * 100_000, "1:1: JSON 嵌套过深"),
    "empty transcript": ("a.json", '{"segments": []}', "1:1: 转写结果里没有任何一句话"),
    "alibaba empty result": ("a.json", '{"Result": {"Sentences": "x"}}', "1:1: Result.Sentences 应是数组"),
    "tencent failed task": (
        "a.json",
        '{"Response": {"Data": {"StatusStr": "failed", "ResultDetail": null}}}',
        "1:1: 腾讯云任务状态为 failed",
    ),
    "funasr two recordings": (
        "a.json",
        '[{"key": "a", "text": "x"}, {"key": "b", "text": "y"}]',
        "1:1: FunASR 结果里有 2 段录音",
    ),
    "unknown encoding": ("a.txt", b"\xff\xfe\xfd\x00\x81\x00garbage\x00\x00", "1:1: 无法识别文件的文字编码"),
    "latin-1 with nul": ("a.srt", b"1\n00:00:00,000 --> 00:00:01,000\n\xe9t\xe9\x00\n", "1:1: 无法识别文件的文字编码"),
    "50 MB file": ("a.json", huge, "1:1: 文件过大（50.0 MB，上限 20.0 MB）"),
    "unlabelled text": ("a.txt", "您好，请问是王先生吗？\n", "1:1: 第一句话没有说话人标签"),
    "vtt without header": (
        "a.vtt",
        "00:00.000 --> 00:01.000\n[SPEAKER_00]: 您好\n",
        "1:1: WebVTT 文件必须以 WEBVTT 开头",
    ),
    "srt bad timing": ("a.srt", "1\n00:00 --> 00:01\n您好\n", "2:1: 时间轴格式不对"),
    # the line the message names is the line the location names (it said 1:1: 第 6 行…)
    "srt time out of range": (
        "a.srt",
        "1\n00:00:00,000 --> 00:00:01,000\n[SPEAKER_00]: 您好\n\n2\n99:00:00,000 --> 99:00:01,000\n[SPEAKER_01]: 嗯\n",
        "6:1: 第 6 行的开始时间 超过 24 小时",
    ),
    "srt without cues": ("a.srt", "只是一段文字\n", "1:1: 字幕文件里没有任何带时间轴的字幕"),
    "unsupported suffix": ("a.mp3", b"ID3\x03\x00", "1:1: 不支持的文件类型"),
    # json.loads and msgspec both decode these to a lone surrogate, which no output can write (it was a traceback)
    "lone high surrogate escape": (
        "a.json",
        '{"segments": [\n  {"start": 0, "end": 1, "text": "您好\\ud800", "speaker": "SPEAKER_00"}]}',
        "2:37: 这里的 \\ud800 是不成对的代理转义",
    ),
    "lone low surrogate escape": (
        "a.json",
        '{"segments": [{"start": 0, "end": 1, "text": "您好", "speaker": "SPEAKER_\\uDC0000"}]}',
        "1:72: 这里的 \\uDC00 是不成对的代理转义",
    ),
    "high surrogate escape followed by another": (
        "a.json",
        '{"segments": [{"start": 0, "end": 1, "text": "\\ud83d\\ud83d\\ude00", "speaker": "SPEAKER_00"}]}',
        "1:47: 这里的 \\ud83d 是不成对的代理转义",
    ),
}


def test_hostile_transcripts_give_one_clear_line_each(tmp_path):
    """All cases in one run (a project load each would cost seconds): every bad file gets exactly its line,
    the good file among them is still judged."""
    files = {}
    for i, (case, (name, content, expected)) in enumerate(sorted(CASES.items())):
        bad = tmp_path / f"{i:02d}-{name}"
        if callable(content):
            content(bad)
        elif isinstance(content, bytes):
            bad.write_bytes(content)
        else:
            bad.write_text(content, encoding="utf-8")
        files[str(bad)] = (case, expected)
    result = huifang("qa", "--project", REPO, "--no-db", *files, STORY / "labelled.txt")
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(files), lines
    for line in lines:
        path, rest = line.split(":", 1)
        case, expected = files[path]
        assert rest.startswith(expected), (case, line)
    assert "labelled.txt: 71.9 分" in result.stdout


def test_usage_errors_are_one_line(tmp_path):
    for args, expected in [
        (("--script", "no-such-script", STORY / "labelled.txt"), "huifang qa: --script no-such-script：没有这篇话术"),
        (("--form", "no-such-form", STORY / "labelled.txt"), "huifang qa: --form no-such-form：没有这张质检评分表"),
        ((tmp_path / "missing.json",), f"huifang qa: {tmp_path / 'missing.json'}: 文件或目录不存在"),
        (("--format", "xlsx", STORY / "labelled.txt"), "huifang qa: --format xlsx 需要用 --out 指定输出文件"),
        ((), "huifang qa: 请给出要质检的转写文件、目录或清单"),
    ]:
        result = huifang("qa", "--project", REPO, "--no-db", *args)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert result.stderr.strip().splitlines() == [result.stderr.strip()]
        assert result.stderr.startswith(expected), result.stderr


def test_broken_qa_form_is_one_line(minimal):
    form = minimal / "content" / "qa" / "bad.yaml"
    form.parent.mkdir()
    form.write_text(
        "id: bad\ntitle: 表\npass_mark: 120\nitems:\n  - {id: a, name: 开头, weight: 10, rules: [nope]}\n",
        encoding="utf-8",
    )
    result = huifang("check", "--project", minimal)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith("content/qa/bad.yaml")]
    assert [line.split(": ", 1)[0] for line in lines] == ["content/qa/bad.yaml:3:12", "content/qa/bad.yaml:5:43"]


def test_escaped_surrogate_pairs_and_backslashes_are_read_as_text(tmp_path):
    """What the surrogate check must leave alone: a pair written as two escapes (an emoji) and an escaped
    backslash before `ud800` (the text \\ud800, no escape of a character)."""
    call = tmp_path / "call.json"
    call.write_text(
        '{"segments": [{"start": 0, "end": 2, "text": "您好，这里是泰康人寿 \\ud83d\\ude00", "speaker": "SPEAKER_00"},'
        ' {"start": 2.5, "end": 4, "text": "路径是 C:\\\\ud800", "speaker": "SPEAKER_01"}]}',
        encoding="utf-8",
    )
    result = huifang("qa", "--project", REPO, "--no-db", "--format", "json", call)
    assert "Traceback" not in result.stderr and result.stderr == "", result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["calls"] == 1 and not report["summary"].get("unreadable")
    assert [c["path"] for c in report["calls"]] == [str(call)]
