"""Files a user gives plan, report and qa by mistake (audit of session 18, item 4): an XLSX that is really a CSV or
an old .xls, a ledger that is no SQLite database, --out naming a file the run reads (a transcript, a manifest,
the ledger, an agent's filled-in worklist: each was replaced by the report) or a folder. One Chinese line each,
and the user's files as they were."""

from __future__ import annotations

import sqlite3

import pytest
from huifang import ledger
from huifang.cli import main

from tests.conftest import REPO, huifang
from tests.qa.conftest import STORY

EVENTS = "客户,电话,场景,日期,坐席\n王先生,13800000001,tongyong-shouce-tousu,2026-03-02,张三\n"
RANGE = ("--from", "2026-03-01", "--to", "2026-03-31")


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([*map(str, args), "--project", str(REPO)])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize(
    "raw, said",
    [
        (EVENTS.encode("utf-8"), "这是文本（CSV）文件，只是名字以 .xlsx 结尾：请把文件名改成 .csv"),
        (EVENTS.encode("gbk"), "这是文本（CSV）文件，只是名字以 .xlsx 结尾：请把文件名改成 .csv"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
            "这是旧版 Excel（.xls）文件：请在 Excel 里另存为 .xlsx 或 .csv",
        ),
        (b"PK\x03\x04" + bytes(100), "不是可读的 Excel 工作簿（.xlsx）：文件已损坏，或是别的格式"),
    ],
)
def test_a_workbook_that_is_not_one_is_said_for_what_it_is(capsys, tmp_path, raw, said):
    """It said 「不是可读的 Excel 文件（BadZipFile）」: Python's name for the error, and nothing of what to do."""
    events = tmp_path / "事件.xlsx"
    events.write_bytes(raw)
    code, _, err = run(capsys, "plan", events, *RANGE, "--no-db")
    assert (code, err) == (1, f"{events}:1:1: {said}\n")
    code, _, err = run(capsys, "qa", "--no-db", events)  # a manifest, the same words
    assert (code, err) == (2, f"huifang qa: {events}:1:1: {said}\n")


def test_a_ledger_that_is_no_database_is_said_in_chinese_and_kept(capsys, tmp_path):
    """「file is not a database」 was SQLite's English in the middle of the line."""
    db = tmp_path / "台账.sqlite"
    db.write_bytes(b"my notes, not a ledger\n" * 10)
    events = tmp_path / "e.csv"
    events.write_text(EVENTS, encoding="utf-8")
    call = tmp_path / "a.txt"
    call.write_bytes((STORY / "labelled.txt").read_bytes())
    reason = "不是 SQLite 数据库，或已损坏"
    code, _, err = run(capsys, "plan", events, *RANGE, "--db", db)
    assert (code, err) == (1, f"huifang plan: {db}: 回访台账无法打开或写入（{reason}）：请检查 --db 指定的文件\n")
    code, _, err = run(capsys, "report", *RANGE, "--db", db)
    assert (code, err) == (1, f"huifang report: {db}: 回访台账无法打开或写入（{reason}）：请检查 --db 指定的文件\n")
    code, _, err = run(capsys, "qa", "--db", db, call)
    assert code == 1 and err.endswith(f"huifang qa: 质检记录库无法写入（{reason}）：结果已输出，但没有记入 {db}\n")
    code, _, err = run(capsys, "qa", "report", "--db", db)
    assert (code, err) == (2, f"huifang qa: {db}: 质检记录库无法读取（{reason}）\n")
    assert db.read_bytes() == b"my notes, not a ledger\n" * 10


def test_sqlite_errors_in_the_users_words():
    assert ledger.reason(sqlite3.OperationalError("database is locked")).startswith("正被另一个程序使用")
    assert ledger.reason(sqlite3.OperationalError("attempt to write a readonly database")) == "文件只读，无法写入"
    assert ledger.reason(sqlite3.DatabaseError("something new")) == "SQLite 报错：something new"


def test_qa_out_naming_a_file_the_run_reads_is_refused_before_judging(capsys, tmp_path):
    call = tmp_path / "a.json"
    call.write_bytes((STORY / "whisperx.json").read_bytes())
    manifest = tmp_path / "list.csv"
    manifest.write_text("文件,坐席\na.json,小王\n", encoding="utf-8")
    human = tmp_path / "human.csv"
    human.write_text("file,score\na.json,80\n", encoding="utf-8")
    db = tmp_path / "qa.sqlite"
    before = {p: p.read_bytes() for p in (call, manifest, human)}
    for out, given, what in [
        (call, [call], "转写文件"),
        (tmp_path / "." / "a.json", [manifest], "转写文件"),
        (manifest, [manifest], "清单"),
        (human, [call, "--calibrate", human], "人工评分表"),
        (db, [call], "质检记录库"),
    ]:
        code, out_text, err = run(capsys, "qa", "--db", db, "--format", "json", "--out", out, *given)
        assert (code, out_text) == (2, ""), err
        assert err == f"huifang qa: --out {out}：这是本次要读写的{what}，写出结果会把它覆盖；请另选一个文件名\n"
    assert {p: p.read_bytes() for p in before} == before and not db.exists()


def test_report_out_naming_a_filled_in_worklist_or_the_ledger_is_refused(capsys, tmp_path):
    events = tmp_path / "e.csv"
    events.write_text(EVENTS, encoding="utf-8")
    db, week = tmp_path / "l.sqlite", tmp_path / "week"
    planned = huifang(
        "plan", events, *RANGE, "--db", db, "--out", week, "--project", REPO
    )  # PDFs: a process of its own
    assert planned.returncode == 0, planned.stderr
    (worklist,) = week.glob("*.xlsx")
    kept = worklist.read_bytes()
    for out, what in [(worklist, "坐席填好的名单"), (db, "回访台账")]:
        code, _, err = run(capsys, "report", worklist, *RANGE, "--db", db, "--format", "xlsx", "--out", out)
        assert (code, err) == (
            2,
            f"huifang report: --out {out}：这是本次要读取的{what}，写出统计会把它覆盖；请另选一个文件名\n",
        )
    code, _, err = run(capsys, "report", *RANGE, "--db", db, "--out", week)
    assert (code, err) == (2, f"huifang report: --out {week}：这是一个目录，请给出要写入的文件名\n")
    assert worklist.read_bytes() == kept and sqlite3.connect(db).execute("SELECT count(*) FROM plan_days").fetchone()


def test_a_manifest_row_naming_a_folder_is_said_at_the_row(capsys, tmp_path):
    (tmp_path / "calls").mkdir()
    manifest = tmp_path / "list.csv"
    manifest.write_text("文件,坐席\ncalls,小王\n", encoding="utf-8")
    code, _, err = run(capsys, "qa", "--no-db", manifest)
    assert code == 1 and err == f"{manifest}:2:1: 「calls」是一个文件夹：清单的每一行写一个转写文件\n"


def test_qa_report_on_a_folder_or_a_ledger_without_calls_says_so(capsys, tmp_path):
    """A folder was 「还没有质检记录」; a ledger that plan made printed a bare header."""
    code, _, err = run(capsys, "qa", "report", "--db", tmp_path)
    assert (code, err) == (
        2,
        f"huifang qa: {tmp_path}: 这是一个文件夹，不是质检记录库（--db 写记录库文件，如 huifang.sqlite）\n",
    )
    db = tmp_path / "plan-only.sqlite"
    ledger.connect(tmp_path, db).close()
    code, out, err = run(capsys, "qa", "report", "--db", db)
    assert (
        code == 0
        and out.startswith("坐席\t通数")
        and err == f"huifang qa: {db}: 还没有质检记录（先运行 huifang qa 质检通话）\n"
    )


def test_a_date_cell_excel_shows_as_a_number_is_named_so(capsys, tmp_path):
    """A date column left in General format holds 46083 for 2026-03-02: 「看不懂」 told nobody why."""
    events = tmp_path / "e.csv"
    events.write_text(EVENTS.replace("2026-03-02", "46083"), encoding="utf-8")
    code, _, err = run(capsys, "plan", events, *RANGE, "--no-db")
    assert code == 1 and err.startswith(
        f"{events}:2:39: 日期「46083」像是 Excel 内部的日期序号：请把这一列设成日期格式，或写成 2026-03-01\n"
    ), err
