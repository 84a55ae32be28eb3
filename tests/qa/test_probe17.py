"""Hostile transcripts found by probing from the outside (session 17): each crash's input, and generated shapes.

The readers promise one thing: `read` returns a Call or raises `TranscriptError` (one Chinese line), whatever
the file holds. The generated tests hold them to it over each format's shape with wrong types at every level;
the plain tests keep each input that once escaped it (or crashed a later stage) as it was found.
"""

from __future__ import annotations

import json
import os
import stat
import zipfile
from pathlib import Path

from huifang.qa import output
from huifang.qa.call import TranscriptError
from huifang.qa.readers import read
from huifang.qa.record import record
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO, huifang
from tests.qa.conftest import STORY

HUGE = 10**400  # past a float's range: int * 0.001 raised OverflowError

# -- generated shapes ---------------------------------------------------------------------------------------------

LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([HUGE, -HUGE, 2**63, -(2**63)]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=6),
    st.sampled_from(["", "  ", "您好", "<|zh|><|NEUTRAL|>", "1.5", "nan", "-1", "1e400", "SPEAKER_00"]),
)
ANY = st.recursive(
    LEAF,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=6,
)


def _time(unit: int):
    return st.integers(0, 600 * unit) | st.floats(0, 600.0 * unit) | st.sampled_from([HUGE, -HUGE, 9e18]) | LEAF


def _sentences(text: str, start: str, end: str, speaker: str, unit: int):
    one = st.fixed_dictionaries(
        {},
        optional={
            text: st.sampled_from(["您好", "请问您方便吗", " ", "<|zh|>好"]) | LEAF | ANY,
            start: _time(unit),
            end: _time(unit),
            speaker: st.integers(0, 3) | st.sampled_from(["SPEAKER_00", "SPEAKER_01"]) | LEAF | ANY,
        },
    )
    return st.lists(one, max_size=6) | ANY


SHAPES = st.one_of(
    st.fixed_dictionaries({"segments": _sentences("text", "start", "end", "speaker", 1)}),
    st.lists(
        st.fixed_dictionaries(
            {"key": st.just("a")},
            optional={"text": LEAF, "sentence_info": _sentences("text", "start", "end", "spk", 1000)},
        ),
        max_size=2,
    ),
    st.fixed_dictionaries(
        {
            "Result": st.fixed_dictionaries(
                {"Sentences": _sentences("Text", "BeginTime", "EndTime", "ChannelId", 1000)}
            )
            | ANY
        }
    ),
    st.fixed_dictionaries(
        {"result": st.fixed_dictionaries({"sentences": _sentences("text", "beginTime", "endTime", "channelId", 1000)})}
    ),
    st.fixed_dictionaries(
        {
            "Response": st.fixed_dictionaries(
                {
                    "Data": st.fixed_dictionaries(
                        {},
                        optional={
                            "StatusStr": st.just("success") | LEAF,
                            "ResultDetail": _sentences("FinalSentence", "StartMs", "EndMs", "SpeakerId", 1000),
                        },
                    )
                    | ANY
                }
            )
            | ANY
        }
    ),
    ANY,
)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(SHAPES)
@example({"segments": [{"start": HUGE, "end": 1, "text": "您好"}]})  # the generated shapes' first find
@example({"Result": {"Sentences": [{"BeginTime": 0, "EndTime": -HUGE, "Text": "您好"}]}})
def test_any_json_shape_is_read_or_refused_in_one_line(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("shape") / "call.json"
    path.write_text(json.dumps(data, ensure_ascii=False, allow_nan=True), encoding="utf-8")
    try:
        call = read(str(path))
    except TranscriptError as exc:
        message = str(exc)
        assert message.startswith(f"{path}:") and "\n" not in message
        return
    assert call.turns and all(t.text for t in call.turns)
    assert all(t.start is None or 0 <= t.start <= 24 * 3600 for t in call.turns)


WORDS = st.sampled_from(
    ["您好，我是客服小王", "请问您对维修满意吗", "满意", "再见", "嗯", '=HYPERLINK("x")', "空\x00字\x01符", "a" * 300]
)
SEGMENT = st.builds(
    lambda text, start, length, who: {"text": text, "start": start, "end": start + length, "speaker": who},
    WORDS,
    st.integers(0, 300) | st.floats(0, 300),
    st.sampled_from([0, 0.0, 5e-324, 1e-300, 0.5, 3, 40]),
    st.sampled_from(["SPEAKER_00", "SPEAKER_01", "SPEAKER_02"]) | st.none(),
)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(st.lists(SEGMENT, min_size=1, max_size=12))
def test_a_readable_call_is_judged_and_written_in_every_format(tmp_path_factory, session, segments):
    """What the readers accept, the judge and each output take: zero-length turns, control characters."""
    path = tmp_path_factory.mktemp("judged") / "call.json"
    path.write_text(json.dumps({"segments": segments}, ensure_ascii=False), encoding="utf-8")
    try:
        call = read(str(path))
    except TranscriptError:
        return
    rec = record(session.judge(call), True, True)
    form = session.form
    assert output.text_of_call(rec)
    json.loads(output.as_json([rec], [], form), parse_constant=_not_json)
    assert output.as_xlsx([rec], [], form)[:2] == b"PK"


def _not_json(constant: str):
    raise AssertionError(f"{constant} is not JSON: no JSON reader but Python's accepts it")


# -- the inputs each crash was found with ---------------------------------------------------------------------------


def test_numbers_past_a_float_and_zero_length_calls_are_one_line_and_the_rest_judged(tmp_path):
    """Each of these stopped the whole run with `内部错误` (exit 3) and no call judged."""
    digits = "1" + "0" * 400
    cases = {
        "int-start.json": (
            '{"segments": [{"start": ' + digits + ', "end": 1, "text": "您好"}]}',
            "1:1: segments[0].start 数值过大：请检查时间单位",
        ),
        "aliyun-int.json": (
            '{"Result": {"Sentences": [{"BeginTime": -' + digits + ', "EndTime": 1, "Text": "您好"}]}}',
            "1:1: Sentences[0].BeginTime 数值过大：请检查时间单位",
        ),
        "funasr-int.json": (
            '[{"key": "a", "sentence_info": [{"text": "您好", "start": 0, "end": ' + digits + ', "spk": 0}]}]',
            "1:1: sentence_info[0].end 数值过大：请检查时间单位",
        ),
        "long-speaker.json": (
            '{"segments": [{"start": 0, "end": 1, "text": "您好", "speaker": 1' + "0" * 5000 + "}]}",
            "1:1: JSON 里有位数过多的数字：这不是转写结果",
        ),
    }
    for name, (content, _) in cases.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    tiny = tmp_path / "tiny.json"  # 1e-308 ms of talk: a speech rate of Infinity, written into --format json
    tiny.write_text(
        '{"Response": {"Data": {"StatusStr": "success", "ResultDetail": '
        '[{"FinalSentence": "您好，我是物业客服小王", "StartMs": 0, "EndMs": 1.1125369292536007e-308}]}}}',
        encoding="utf-8",
    )
    zero = tmp_path / "zero.json"  # every turn 0 s long: the talk ratio is None, and text output crashed on it
    zero.write_text(json.dumps({"segments": [{"start": 0, "end": 0, "text": "您好", "speaker": "A"}]}), "utf-8")
    result = huifang("qa", "--project", REPO, "--no-db", *sorted(tmp_path.iterdir()), STORY / "labelled.txt")
    assert result.returncode == 1 and "Traceback" not in result.stderr and "内部错误" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines == [f"{tmp_path / name}:{expected}" for name, (_, expected) in sorted(cases.items())]
    assert "labelled.txt: 71.9 分" in result.stdout
    assert f"{zero}: " in result.stdout and "坐席说话占比 —" in result.stdout
    assert f"{tiny}: " in result.stdout and "坐席语速 —" in result.stdout  # it printed a 300-digit rate
    written = huifang("qa", "--project", REPO, "--no-db", "--format", "json", tiny).stdout
    (call,) = json.loads(written, parse_constant=_not_json)["calls"]
    assert call["metrics"]["agent_chars_per_min"] is None


def test_control_characters_in_a_transcript_do_not_stop_the_workbook(tmp_path):
    """A NUL or \\x01 in a transcript's words made openpyxl refuse the whole QA workbook (IllegalCharacterError)."""
    call = tmp_path / "call.json"
    segments = [
        {"start": 0, "end": 2, "text": "您好，这里是客服\x00中心", "speaker": "A"},
        {"start": 2, "end": 3, "text": "嗯\x01", "speaker": "B"},
    ]
    call.write_text(json.dumps({"segments": segments}, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "qa.xlsx"
    result = huifang("qa", "--project", REPO, "--no-db", "--format", "xlsx", "--out", out, call)
    assert result.returncode in (0, 1) and "内部错误" not in result.stderr, result.stderr
    with zipfile.ZipFile(out) as book:
        assert b"\x00" not in b"".join(book.read(n) for n in book.namelist() if n.endswith(".xml"))


def test_legacy_and_wide_encodings_are_read_or_named(tmp_path):
    words = "客服：您好，我是物業客服，請問您對這次服務滿意嗎？\n客戶：滿意\n"
    (tmp_path / "big5.txt").write_bytes(words.encode("big5"))  # was decoded as GB18030 into garbage
    good = {"segments": [{"start": 0, "end": 1, "text": "您好", "speaker": "A"}]}
    (tmp_path / "utf32.json").write_bytes(json.dumps(good, ensure_ascii=False).encode("utf-32"))
    (tmp_path / "utf16.json").write_bytes(json.dumps(good, ensure_ascii=False).encode("utf-16-le"))  # no BOM
    result = huifang("qa", "--project", REPO, "--no-db", "--format", "json", *sorted(tmp_path.iterdir()))
    out = json.loads(result.stdout)
    assert [e["error"] for e in out["summary"]["unreadable"]] == [
        f"{tmp_path / 'utf16.json'}:1:1: 文件看起来是不带 BOM 的 UTF-16 编码：请把转写结果另存为 UTF-8"
    ]
    calls = {Path(c["path"]).name: c for c in out["calls"]}
    assert set(calls) == {"big5.txt", "utf32.json"}
    said = [f["text"] for f in calls["big5.txt"]["findings"]]
    assert not any("\ufffd" in t for t in said)
    stray = tmp_path / "stray.txt"  # UTF-8 but one pasted byte: was read as GB18030, judged as garbage
    stray.write_bytes("客服：您好，我是物业客服小王\n客户：你好，请问有什么事".encode() + b"\xe9\n")
    result = huifang("qa", "--project", REPO, "--no-db", stray)
    assert (
        result.stderr.strip() == f"{stray}:2:13: 这里有不是 UTF-8 的字节（文件其余部分是 UTF-8）：请改正后另存为 UTF-8"
    )
    html = tmp_path / "r.html"
    huifang("qa", "--project", REPO, "--no-db", "--format", "html", "--out", html, tmp_path / "big5.txt")
    assert "請問您對這次服務滿意嗎" in html.read_text(encoding="utf-8")


def test_out_is_checked_before_judging_and_a_fifo_is_written_into(tmp_path):
    call = STORY / "labelled.txt"
    folder = tmp_path / "folder"
    folder.mkdir()
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    for out, expected in [
        (folder, f"huifang qa: --out {folder}：这是一个目录，请给出要写入的文件名"),
        (  # a missing folder is made (test_audit22); a file where the folder should be is said
            afile / "sub" / "r.txt",
            f"huifang qa: --out {afile / 'sub' / 'r.txt'}：{afile} 已存在，但不是文件夹；请另选保存结果的位置",
        ),
    ]:
        result = huifang("qa", "--project", REPO, "--no-db", "--out", out, call)
        assert (result.returncode, result.stderr.strip()) == (2, expected)  # it said 文件读写失败 of a temp file
    assert os.listdir(folder) == [] and sorted(os.listdir(tmp_path)) == ["afile", "folder"]
    # A FIFO (as /dev/stdout or a device) is written into: it was replaced by a plain file, renamed over it
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        result = huifang("qa", "--project", REPO, "--no-db", "--out", fifo, call)
        received = os.read(reader, 1 << 16).decode("utf-8")
    finally:
        os.close(reader)
    assert result.returncode == 1 and stat.S_ISFIFO(os.lstat(fifo).st_mode), result.stderr
    assert "labelled.txt: 71.9 分" in received


def test_a_manifest_script_the_project_lacks_is_said_at_its_row(tmp_path):
    (tmp_path / "a.txt").write_text((STORY / "labelled.txt").read_text(encoding="utf-8"), encoding="utf-8")
    manifest = tmp_path / "list.csv"
    manifest.write_text("文件,坐席,日期,话术\na.txt,张三,2026-03-02,no-such-script\na.txt,李四,2026-03-02,\n", "utf-8")
    result = huifang("qa", "--project", REPO, "--no-db", manifest)
    assert result.stderr.strip() == f"{manifest}:2:4: 清单中的话术 no-such-script 不存在"  # was a.txt:1:1
    assert "共 1 通" in result.stdout and "1 个文件无法读取" in result.stdout


def test_a_human_score_that_is_no_score_is_refused_at_its_cell(tmp_path):
    """nan, inf and -5 were taken as scores: the calibration said 「平均相差 nan 分」."""
    call = tmp_path / "a.txt"
    call.write_text((STORY / "labelled.txt").read_text(encoding="utf-8"), encoding="utf-8")
    for value in ("nan", "-5"):
        human = tmp_path / "human.csv"
        human.write_text(f"file,score\na.txt,{value}\n", encoding="utf-8")
        result = huifang("qa", "--project", REPO, "--no-db", call, "--calibrate", human)
        assert result.returncode == 2
        assert result.stderr.strip().endswith(f"huifang qa: {human}:2:2: 得分应在 0 到 100 之间（「{value}」）")


def test_srt_cues_without_blank_lines_between_them_stay_apart(tmp_path):
    """The second cue's number, timing and words were read as the first cue's words: one speaker, 4 s of talk
    said in 1 s (1,860 characters a minute), the customer's turn lost."""
    srt = tmp_path / "call.srt"
    srt.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\n[SPEAKER_00]: 您好\n"
        "2\n00:00:03,000 --> 00:00:04,000\n[SPEAKER_01]: 嗯，你好\n3\n00:00:05,000 --> 00:00:06,000\n[SPEAKER_00]: 再见\n",
        encoding="utf-8",
    )
    call = read(str(srt))
    assert [(t.speaker, t.text, t.start, t.end, t.line) for t in call.turns] == [
        ("SPEAKER_00", "您好", 1.0, 2.0, 3),
        ("SPEAKER_01", "嗯，你好", 3.0, 4.0, 6),
        ("SPEAKER_00", "再见", 5.0, 6.0, 9),
    ]


def test_a_failed_tencent_task_says_why_and_a_status_that_is_no_text_is_named(tmp_path):
    """StatusStr as an object was echoed as a Python dict ({'a': 1}); a failed task's ErrorMsg was dropped."""
    failed = tmp_path / "failed.json"
    failed.write_text(
        json.dumps(
            {"Response": {"Data": {"TaskId": 1, "Status": 3, "StatusStr": "failed", "ErrorMsg": "音频下载失败"}}},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps({"Response": {"Data": {"StatusStr": {"a": 1}, "ResultDetail": None}}}), encoding="utf-8")
    result = huifang("qa", "--project", REPO, "--no-db", failed, odd)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"{failed}:1:1: 腾讯云任务状态为 failed（不是 success）：音频下载失败",
        f"{odd}:1:1: Response.Data.StatusStr 应是文字（如 success）",
    ]


def test_a_manifest_naming_a_column_twice_is_refused_at_the_second(tmp_path):
    """file and 文件 side by side: the second was judged, the first column's line was reported."""
    (tmp_path / "a.txt").write_text("客服：您好\n", encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,agent,文件\na.txt,张三,b.txt\n", encoding="utf-8")
    result = huifang("qa", "--project", REPO, "--no-db", manifest)
    assert (result.returncode, result.stderr.strip()) == (
        2,
        f"huifang qa: {manifest}:1:3: 清单里file（文件）列出现了 2 次（第 1、3 列）；只留一列",
    )
