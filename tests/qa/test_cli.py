"""`huifang qa` end to end: the JSON shape, HTML and XLSX read back, the SQLite ledger and its report,
folders and manifests, calibration against human scores, worker processes."""

from __future__ import annotations

import csv
import json
import sqlite3
from html.parser import HTMLParser

import pytest
from huifang.cli import main

from tests.conftest import REPO, huifang
from tests.qa.conftest import FIXTURES, STORY

CALL_KEYS = {"path", "script", "score", "passed", "findings", "metrics"}
FINDING_KEYS = {"rule", "severity", "time", "line", "speaker", "text", "message", "question"}
METRIC_KEYS = {
    "duration_s",
    "agent_talk_ratio",
    "silence_ratio",
    "longest_silence_s",
    "interruptions",
    "agent_chars_per_min",
}


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(["qa", "--project", str(REPO), *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_shape_is_exactly_the_documented_one(capsys):
    code, out, err = run(capsys, "--no-db", "--format", "json", STORY / "whisperx.json", STORY / "labelled.txt")
    assert code == 1 and err == ""
    data = json.loads(out)
    assert set(data) == {"calls", "summary"}
    for call in data["calls"]:
        assert set(call) == CALL_KEYS and set(call["metrics"]) == METRIC_KEYS
        assert all(set(f) == FINDING_KEYS for f in call["findings"])
        assert 0 <= call["score"] <= 100
    first = data["calls"][0]
    assert first["script"] == "taikang-xinqiyue-huifang" and first["passed"] is False
    silence = next(f for f in first["findings"] if f["rule"] == "long-silence")
    assert (silence["time"], silence["line"], silence["speaker"]) == (87.5, 22, "agent")
    assert next(f for f in first["findings"] if f["rule"] == "question-not-asked")["question"] == "taikang-q-fenhong"
    assert first["metrics"]["duration_s"] == 135.0 and first["metrics"]["interruptions"] == 1
    assert data["calls"][1]["metrics"]["duration_s"] is None
    assert data["summary"]["calls"] == 2 and data["summary"]["failed"] == 2


class Dialogue(HTMLParser):
    """(who, words) for each turn and the findings shown right under it."""

    def __init__(self):
        super().__init__()
        self.turns, self.stack = [], []

    def handle_starttag(self, tag, attrs):
        self.stack.append(dict(attrs).get("class", ""))

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        cls = self.stack[-1] if self.stack else ""
        if cls == "bubble":
            self.turns.append([data, []])
        elif cls.startswith("finding") and self.turns:
            self.turns[-1][1].append(data)


def test_html_report_shows_each_finding_at_its_line(capsys, tmp_path):
    out = tmp_path / "r.html"
    code, _, err = run(capsys, "--no-db", "--format", "html", "--out", out, STORY / "tencent.json")
    assert code == 1 and "已写入" in err
    page = Dialogue()
    page.feed(out.read_text(encoding="utf-8"))
    assert len(page.turns) == 29
    words, findings = page.turns[19]
    assert words.startswith("不可能！") and any("忌语" in f for f in findings)
    assert any("抢话" in f for f in page.turns[13][1])
    # the silence before turn 22 (its line) stands between turns 21 and 22, so under turn 21's words
    assert any("冷场" in f for f in page.turns[20][1]) and not page.turns[21][1]
    assert not page.turns[2][1]


def test_xlsx_has_a_row_per_call_and_per_finding(capsys, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    run(capsys, "--no-db", "--format", "xlsx", "--out", out, STORY / "aliyun.json", FIXTURES / "calls")
    book = load_workbook(out)
    calls = list(book["通话"].iter_rows(values_only=True))
    assert calls[0][:6] == ("文件", "坐席", "日期", "话术", "得分", "是否合格") and len(calls) == 4
    found = list(book["发现"].iter_rows(values_only=True))
    first = [row for row in found[1:] if row[0].endswith("aliyun.json")]
    assert len(first) == 5 and ("01:22.4", 20, "坐席", "忌语") == first[2][2:6]
    assert ("01:01.5", 16, "坐席", "语速过快") == first[1][2:6]  # its evidence: the turn said fastest
    again = tmp_path / "again.xlsx"
    run(capsys, "--no-db", "--format", "xlsx", "--out", again, STORY / "aliyun.json", FIXTURES / "calls")
    assert again.read_bytes() == out.read_bytes()


def write_manifest(tmp_path):
    folder = tmp_path / "calls"
    folder.mkdir()
    for name in ("whisperx.json", "aliyun.json", "labelled.txt"):
        (folder / name).write_bytes((STORY / name).read_bytes())
    (folder / "wanneng.txt").write_bytes((FIXTURES / "calls" / "wanneng.txt").read_bytes())
    rows = [
        ("文件", "坐席", "日期", "话术"),
        ("whisperx.json", "小王", "2026-11-23", ""),
        ("aliyun.json", "小李", "2026-11-24", ""),
        ("labelled.txt", "小王", "2026-11-30", ""),
        ("wanneng.txt", "小李", "2026-12-01", "taikang-xinqiyue-huifang"),
    ]
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return folder, rows


def test_ledger_and_report_by_agent_script_and_week(capsys, tmp_path):
    folder, _ = write_manifest(tmp_path)
    db = tmp_path / "qa.sqlite"
    code, out, _ = run(capsys, "--db", db, folder / "manifest.csv")
    assert (
        code == 1
        and len(
            [
                line
                for line in out.splitlines()
                if line.endswith(("合格", "）")) and " 分，" in line and not line.startswith(" ")
            ]
        )
        == 4
    )
    rows = sqlite3.connect(db).execute("SELECT agent, week, script, passed FROM qa_calls ORDER BY id").fetchall()
    assert rows == [
        ("小王", "2026-W48", "taikang-xinqiyue-huifang", 0),
        ("小李", "2026-W48", "taikang-xinqiyue-huifang", 0),
        ("小王", "2026-W49", "taikang-xinqiyue-huifang", 0),
        ("小李", "2026-W49", "taikang-xinqiyue-huifang", 1),
    ]
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM qa_findings").fetchone()[0] == 5 + 5 + 2 + 0
    code, out, _ = run(capsys, "report", "--db", db, "--by", "week", "--format", "json")
    weeks = {r["week"]: r for r in json.loads(out)["rows"]}
    assert code == 0 and weeks["2026-W48"]["calls"] == 2 and weeks["2026-W49"]["pass_rate"] == 0.5
    code, out, _ = run(capsys, "report", "--db", db, "--by", "agent")
    assert out.splitlines()[0].startswith("坐席\t通数\t平均分") and any(
        line.startswith("小李\t2\t") for line in out.splitlines()
    )
    run(capsys, "--db", db, folder / "labelled.txt")  # appended, not replaced
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM qa_calls").fetchone()[0] == 5


def test_manifest_dates_as_spreadsheets_write_them_and_a_date_that_is_none(tmp_path):
    """A supervisor's manifest says 2026/11/23 or 2026年11月24日 as often as 2026-11-23: those calls used to be
    stored without a week (so `qa report --by week` put them under 无日期), and 「下周一」 was stored as the date.
    Now every form a CRM export uses is read as its day, and a date that is none is that row's one line."""
    folder, _ = write_manifest(tmp_path)
    (folder / "manifest.csv").write_text(
        "文件,坐席,日期\n"
        "whisperx.json,小王,2026/11/23\n"
        "aliyun.json,小李,2026年11月24日\n"
        "labelled.txt,小王,下周一\n"
        "wanneng.txt,小李,2026-12-01T10:30:00.5+08:00\n",
        encoding="utf-8",
    )
    db = tmp_path / "qa.sqlite"
    result = huifang("qa", "--project", str(REPO), "--db", str(db), str(folder / "manifest.csv"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == f"{folder / 'manifest.csv'}:4:3: 日期「下周一」看不懂，请写成 2026-03-01\n"
    rows = sqlite3.connect(db).execute("SELECT path, date, week FROM qa_calls ORDER BY id").fetchall()
    assert rows == [
        ("whisperx.json", "2026-11-23", "2026-W48"),
        ("aliyun.json", "2026-11-24", "2026-W48"),
        ("wanneng.txt", "2026-12-01", "2026-W49"),
    ]


def test_a_manifest_row_naming_a_missing_file_is_said_at_the_row(tmp_path):
    """The row's file is looked up beside the manifest, not where huifang runs: 「missing.json:1:1: 文件不存在」
    named a path the supervisor could not find from where they stood. Now the line is the manifest's row."""
    folder, _ = write_manifest(tmp_path)
    (folder / "manifest.csv").write_text("文件,坐席\nwhisperx.json,小王\nmissing.json,小李\n", encoding="utf-8")
    result = huifang("qa", "--project", str(REPO), "--no-db", "calls/manifest.csv", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == "calls/manifest.csv:3:1: 文件「missing.json」不存在（在清单所在的文件夹 calls 里找）\n"
    assert "whisperx.json: " in result.stdout


def test_labelled_transcripts_use_the_linters_label_table(tmp_path):
    """Issue 15 reads labelled text 「with the linter's speaker labels」, but qa knew only 客服/坐席/回访员/客户/A/B:
    a transcript labelled 【客服】 was unreadable (「第一句话没有说话人标签」), a line labelled 陌生人 was the agent's,
    and huifang.yaml's lint.speakers was not read. A customer's 「这不归我管」 is no forbidden phrase."""
    team = tmp_path / "team"
    assert huifang("init", str(team)).returncode == 0
    (team / "huifang.yaml").write_text("lint:\n  speakers: {agent: [甲方], customer: [乙方]}\n", encoding="utf-8")
    opening = "您好，请问是王先生吗？这里是某某服务有限公司，我是客服专员小李。请问您现在方便接电话吗？"
    closing = "非常感谢您对此次回访的支持，祝您生活愉快！再见！"
    calls = {
        "wide.txt": f"【客服】：{opening}\n顾客：方便。这不归我管。\n**客服人员**: 好的，请问您对我们这次的服务满意吗？\n"
        f"市民:这不归我管，好的，谢谢\n客服人员：这不归我管。{closing}\n",
        "declared.txt": f"甲方：{opening}\n乙方：这不归我管。\n甲方：这不归我管。{closing}\n",
        "stranger.txt": f"客服：{opening}\n陌生人：这不归我管。\n客服：{closing}\n",
    }
    for name, text in calls.items():
        (team / name).write_text(text, encoding="utf-8")
    result = huifang("qa", "--no-db", "--format", "json", *calls, cwd=team)
    assert "Traceback" not in result.stderr and result.stderr == "", result.stderr
    found = {
        c["path"]: [f["line"] for f in c["findings"] if f["rule"] == "forbidden-phrase"]
        for c in json.loads(result.stdout)["calls"]
    }
    assert found == {"wide.txt": [5], "declared.txt": [3], "stranger.txt": []}


def test_a_transcript_line_that_starts_with_an_equals_sign_is_text_in_the_workbook(tmp_path):
    """openpyxl stores a string that starts with "=" as a formula: a hostile transcript put a live formula in the
    findings sheet a supervisor opens."""
    call = tmp_path / "call.txt"
    call.write_text('客服：=HYPERLINK("http://example.invalid/","x")这不归我管。\n客户：=1+1\n', encoding="utf-8")
    out = tmp_path / "qa.xlsx"
    result = huifang("qa", "--project", str(REPO), "--no-db", "--format", "xlsx", "--out", str(out), str(call))
    assert "Traceback" not in result.stderr and out.is_file()
    from openpyxl import load_workbook

    book = load_workbook(out)
    assert not [c.coordinate for s in book.worksheets for row in s.iter_rows() for c in row if c.data_type == "f"]
    said = [row[8] for row in book["发现"].iter_rows(min_row=2, values_only=True)]
    assert any(str(text).startswith("=HYPERLINK(") for text in said), said


def test_report_without_ledger_is_one_line(capsys, tmp_path):
    code, _, err = run(capsys, "report", "--db", tmp_path / "none.sqlite")
    assert code == 2 and err.startswith("huifang qa: ") and "还没有质检记录" in err


def test_xlsx_manifest(capsys, tmp_path):
    from openpyxl import Workbook

    folder, rows = write_manifest(tmp_path)
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    book.save(folder / "manifest.xlsx")
    code, out, _ = run(capsys, "--no-db", "--format", "json", folder / "manifest.xlsx")
    assert [c["path"] for c in json.loads(out)["calls"]] == [
        "whisperx.json",
        "aliyun.json",
        "labelled.txt",
        "wanneng.txt",
    ]


def test_manifest_without_file_column_is_one_line(capsys, tmp_path):
    bad = tmp_path / "m.csv"
    bad.write_text("坐席,日期\n小王,2026-11-23\n", encoding="utf-8")
    code, _, err = run(capsys, "--no-db", bad)
    assert (
        code == 2
        and err
        == f"huifang qa: {bad}:1:1: 清单缺少 file（文件）列；可用的列：file/文件、agent/坐席、date/日期、script/话术\n"
    )


def test_calibration_against_human_scores(capsys, tmp_path):
    folder, _ = write_manifest(tmp_path)
    human = tmp_path / "human.csv"
    human.write_text(
        "file,score,jiyu,heguiyu,wenti\n"
        "calls/whisperx.json,55,7.5,不合格,20\n"
        "calls/aliyun.json,65,合格,不合格,25\n"  # the supervisor missed the forbidden phrase
        "calls/labelled.txt,60,7.5,0,20\n"
        "calls/wanneng.txt,95,15,合格,25\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "--no-db", "--calibrate", human, folder / "manifest.csv")
    lines = err.splitlines()
    assert lines[0] == "校准：4 通电话有人工评分"
    assert "  不说电话忌语：一致率 75%（4 通）" in lines
    # the 万能型 call has no compliance wording due: the item does not apply to it, so 3 calls are compared
    assert "  合规告知照原话念读（如分红不确定性提示）：一致率 100%（3 通）" in lines
    correlation = next(line for line in lines if line.startswith("  总分相关系数："))
    assert float(correlation.split("：")[1].split("，")[0]) > 0.9


def test_calibration_with_json_output_reads_the_items_as_with_text(capsys, tmp_path):
    """The JSON output's records leave out the form's items, which calibration reads: with --calibrate they
    are kept, and the agreement per item is the same as with the text output."""
    folder, _ = write_manifest(tmp_path)
    human = tmp_path / "human.csv"
    human.write_text("file,score,jiyu\ncalls/whisperx.json,55,7.5\ncalls/aliyun.json,65,合格\n", encoding="utf-8")
    _, _, text_err = run(capsys, "--no-db", "--calibrate", human, folder / "manifest.csv")
    _, out, json_err = run(capsys, "--no-db", "--format", "json", "--calibrate", human, folder / "manifest.csv")
    assert "  不说电话忌语：一致率 50%（2 通）" in text_err.splitlines()
    assert json_err == text_err
    assert json.loads(out)["calls"]


def test_calibration_columns_headed_as_a_supervisor_heads_them(tmp_path):
    """A human QA sheet heads its columns 开头语, 结束语 (the item's name without its explanation), not
    kaitouyu or the whole 开头语（问候、确认客户身份、自我介绍、确认是否方便）: those columns were silently left out
    (「没有可比的人工评分」). Now they count, and a column that names no item is said once."""
    folder, _ = write_manifest(tmp_path)
    human = tmp_path / "human.csv"
    human.write_text(
        "文件,总分,开头语,不说电话忌语,备注\n"
        "calls/whisperx.json,55,7.5,7.5,回访员语速快\n"
        "calls/aliyun.json,65,15,15,\n"
        "calls/labelled.txt,60,15,7.5,\n",
        encoding="utf-8",
    )
    result = huifang("qa", "--project", str(REPO), "--no-db", "--calibrate", str(human), str(folder / "manifest.csv"))
    lines = result.stderr.splitlines()
    assert "Traceback" not in result.stderr
    assert any(line.startswith("  开头语（问候、确认客户身份、自我介绍、确认是否方便）：一致率 ") for line in lines), (
        lines
    )
    assert any(line.startswith("  不说电话忌语：一致率 ") for line in lines), lines
    (unknown,) = [line for line in lines if "不是评分表的项目" in line]
    assert unknown.startswith("  这些列不是评分表的项目，没有比较：「备注」（项目的列名可写：「开头语」「结束语」")


def test_many_calls_in_worker_processes_match_one_process(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(12):
        for name in ("whisperx.srt", "tencent.json", "labelled.txt"):
            (folder / f"{i:02d}-{name}").write_bytes((STORY / name).read_bytes())
    one = huifang("qa", "--project", REPO, "--no-db", "--format", "json", "--jobs", "1", folder)
    two = huifang("qa", "--project", REPO, "--no-db", "--format", "json", "--jobs", "2", folder)
    assert one.returncode == two.returncode == 1 and one.stdout == two.stdout
    assert json.loads(one.stdout)["summary"]["calls"] == 36


@pytest.mark.parametrize("fmt", ["text", "json", "html"])
def test_outputs_are_byte_reproducible(capsys, fmt):
    first = run(capsys, "--no-db", "--format", fmt, STORY)[1]
    assert first and run(capsys, "--no-db", "--format", fmt, STORY)[1] == first


def test_streamed_json_is_the_same_bytes_as_the_whole_document(capsys, session):
    from huifang.qa import output
    from huifang.qa.command import judge_stream
    from huifang.qa.inputs import gather

    for paths in ([STORY], [STORY / "labelled.txt"]):
        _, streamed, _ = run(capsys, "--no-db", "--format", "json", *paths)
        records = [rec for _, rec, _ in judge_stream(session, gather([str(p) for p in paths]))]
        assert streamed == output.as_json(records, [], session.form)
    empty = output.JsonStream(lambda text: chunks.append(text))
    chunks: list[str] = []
    empty.close({"calls": 0})
    assert json.loads("".join(chunks)) == {"calls": [], "summary": {"calls": 0}}


def test_html_escapes_what_was_said(capsys, tmp_path):
    call = tmp_path / "x.txt"
    call.write_text('客服：您好<script>alert(1)</script>，我是"客服"&小李。\n客户：<b>好</b>\n', encoding="utf-8")
    out = tmp_path / "r.html"
    run(capsys, "--no-db", "--format", "html", "--out", out, call)
    page = out.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<b>" not in page


def test_a_project_without_a_qa_form_is_scored_on_the_shipped_one(capsys, tmp_path):
    """A project made by an earlier `huifang init` has no content/qa/: every call used to score 0 and fail."""
    team = tmp_path / "team"
    assert main(["init", str(team)]) == 0
    assert (team / "content" / "qa" / "huifang-zhijian.yaml").is_file()  # new projects start with the form
    (team / "content" / "qa" / "huifang-zhijian.yaml").unlink()
    capsys.readouterr()
    code = main(
        ["qa", "--project", str(team), "--no-db", "--format", "json", str(FIXTURES / "calls" / "buguanbian.txt")]
    )
    out = capsys.readouterr()
    call = json.loads(out.out)["calls"][0]
    assert code == 0 and (call["score"], call["passed"]) == (100.0, True)
    assert json.loads(out.out)["summary"]["form"] == "huifang-zhijian"
    assert "项目里没有质检评分表" in out.err and "content/qa/" in out.err


def test_a_file_name_that_is_not_utf8_is_recorded_with_the_others(tmp_path):
    """A transcript whose file name has bytes that are not UTF-8 (copied from an old Windows share, say): the
    ledger refused the whole batch (「质检记录库无法写入…surrogates not allowed」), the good calls with it."""
    folder = tmp_path / "calls"
    folder.mkdir()
    (folder / "good.json").write_bytes((STORY / "whisperx.json").read_bytes())
    odd = bytes(folder) + b"/\xb2\xe2\xca\xd4-call.json"  # 测试 in GBK
    with open(odd, "wb") as handle:
        handle.write((STORY / "whisperx.json").read_bytes())
    db = tmp_path / "qa.sqlite"
    result = huifang("qa", "--project", str(REPO), "--db", str(db), str(folder))
    assert "Traceback" not in result.stderr and "无法写入" not in result.stderr, result.stderr
    rows = sqlite3.connect(db).execute("SELECT path, file FROM qa_calls ORDER BY path").fetchall()
    assert len(rows) == 2, rows
    odd_name = "\\udcb2\\udce2\\udcca\\udcd4-call.json"  # as the text output shows it
    assert rows[0][0].endswith(odd_name) and rows[0][1].endswith(odd_name), rows
    assert rows[1][0].endswith("good.json")
    again = huifang("qa", "--project", str(REPO), "--db", str(db), str(folder))  # the same key: superseded
    assert "无法写入" not in again.stderr
    report = huifang("qa", "report", "--project", str(REPO), "--db", str(db), "--format", "json")
    assert report.returncode == 0 and "Traceback" not in report.stderr
    data = json.loads(report.stdout)
    assert sum(row["calls"] for row in data["rows"]) == 2 and data["superseded"] == 2, data
