"""Hostile event tables and outputs found by probing `huifang plan` and `huifang report` from the outside
(session 17): each input as it was found, and what it gave before."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import zipfile
from pathlib import Path

from huifang.plan.outputs import ref

from tests.conftest import REPO, huifang

SPAN = ("--from", "2026-03-02", "--to", "2026-03-08")
HEADER = "客户,电话,场景,日期,坐席\n"
ROW = "王先生,13800000001,tongyong-shouce-tousu,2026-03-02,张三\n"


def test_a_date_past_the_calendar_is_the_rows_error_and_the_others_planned(tmp_path: Path):
    """9999-12-31 (an export's "no date") stopped the whole plan: OverflowError: date value out of range."""
    events = tmp_path / "events.csv"
    events.write_text(
        HEADER
        + "李先生,13800000002,tongyong-shouce-tousu,9999-12-31,张三\n"
        + ROW
        + "赵先生,13800000003,tongyong-shouce-tousu,0001-01-01,张三\n",
        encoding="utf-8",
    )
    result = huifang("plan", events, *SPAN, "--project", REPO, "--no-db", "--format", "json")
    assert result.returncode == 1 and "内部错误" not in result.stderr, result.stderr
    out = json.loads(result.stdout)
    assert [c["customer"] for c in out["calls"]] == ["王先生"]
    assert [(e["line"], e["message"]) for e in out["errors"]] == [
        (2, "日期「9999-12-31」超出范围：年份应在 1900–2199 之间"),
        (4, "日期「0001-01-01」超出范围：年份应在 1900–2199 之间"),
    ]


def test_a_utf16_events_table_is_read_or_named(tmp_path: Path):
    with_bom = tmp_path / "bom.csv"
    with_bom.write_bytes((HEADER + ROW).encode("utf-16"))  # Excel's 「Unicode 文本」: was 文件编码无法识别
    result = huifang("plan", with_bom, *SPAN, "--project", REPO, "--no-db", "--format", "json")
    assert [c["customer"] for c in json.loads(result.stdout)["calls"]] == ["王先生"], result.stderr
    bare = tmp_path / "bare.csv"
    bare.write_bytes((HEADER + ROW).encode("utf-16-le"))  # was read as GB18030 garbage: 缺少列
    result = huifang("plan", bare, *SPAN, "--project", REPO, "--no-db")
    assert (result.returncode, result.stderr.strip()) == (
        1,
        f"{bare}:1:1: 文件编码无法识别（像是不带 BOM 的 UTF-16；请另存为 UTF-8 的 CSV）",
    )


def test_control_characters_from_a_crm_export_reach_a_worklist_report_can_read(tmp_path: Path):
    """A NUL or \\x01 in a name crashed the worklist (openpyxl's IllegalCharacterError, exit 3); in a sheet
    title it wrote a workbook `huifang report` could not read back (ParseError)."""
    events = tmp_path / "events.csv"
    events.write_text(HEADER + "王\x01先生,13800000001,tongyong-shouce-tousu,2026-03-02,张\x00三\n", encoding="utf-8")
    db, out = tmp_path / "l.sqlite", tmp_path / "out"
    result = huifang("plan", events, *SPAN, "--project", REPO, "--db", db, "--out", out)
    assert result.returncode == 0 and "内部错误" not in result.stderr, result.stderr
    (worklist,) = out.glob("*.xlsx")
    with zipfile.ZipFile(worklist) as book:
        assert not any(b"\x00" in book.read(n) or b"\x01" in book.read(n) for n in book.namelist())
    result = huifang("report", worklist, *SPAN, "--project", REPO, "--db", db, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"]["due"] == 1
    report = tmp_path / "report.xlsx"
    result = huifang("report", *SPAN, "--project", REPO, "--db", db, "--format", "xlsx", "--out", report)
    assert result.returncode == 0 and report.read_bytes()[:2] == b"PK", result.stderr


def test_report_out_over_a_folder_names_it_and_a_fifo_is_written_into(tmp_path: Path):
    db = tmp_path / "l.sqlite"
    events = tmp_path / "events.csv"
    events.write_text(HEADER + ROW, encoding="utf-8")
    assert huifang("plan", events, *SPAN, "--project", REPO, "--db", db).returncode == 0
    folder = tmp_path / "folder"
    folder.mkdir()
    result = huifang("report", *SPAN, "--project", REPO, "--db", db, "--format", "xlsx", "--out", folder)
    assert (result.returncode, result.stderr.strip()) == (
        2,
        f"huifang report: --out {folder}：这是一个目录，请给出要写入的文件名",
    )  # named .folder.x.tmp, then said after the whole report (「文件读写失败（…）」)
    fifo = tmp_path / "pipe"  # as /dev/stdout: renamed over, it became a plain file (a device, when run as root)
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        result = huifang("report", *SPAN, "--project", REPO, "--db", db, "--format", "xlsx", "--out", fifo)
        received = os.read(reader, 1 << 20)
    finally:
        os.close(reader)
    assert result.returncode == 0 and stat.S_ISFIFO(os.lstat(fifo).st_mode), result.stderr
    assert received[:2] == b"PK"


def test_a_ledger_that_cannot_be_opened_is_one_line(tmp_path: Path):
    """Not a database, a folder, a symlink loop: 内部错误：DatabaseError / OperationalError, exit 3."""
    events = tmp_path / "events.csv"
    events.write_text(HEADER + ROW, encoding="utf-8")
    text = tmp_path / "notes.sqlite"
    text.write_text("这不是数据库\n" * 100, encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    os.symlink("loop", tmp_path / "loop")
    for db, why in [
        (text, "不是 SQLite 数据库，或已损坏"),  # SQLite's own English words before
        (folder, "无法打开：所在文件夹不存在、没有权限，或这是一个文件夹"),
    ]:
        for command in (("plan", events), ("report",)):
            result = huifang(*command, *SPAN, "--project", REPO, "--db", db)
            assert (result.returncode, result.stderr.strip()) == (
                1,
                f"huifang {command[0]}: {db}: 回访台账无法打开或写入（{why}）：请检查 --db 指定的文件",
            )
    result = huifang("plan", events, *SPAN, "--project", REPO, "--db", tmp_path / "loop")
    assert result.returncode == 1 and "回访台账无法打开或写入" in result.stderr, result.stderr
    assert text.read_text(encoding="utf-8") == "这不是数据库\n" * 100


def test_a_filled_worklist_is_checked_row_by_row(tmp_path: Path):
    """An unknown 计划编号 was said at line 1 whatever its row; 「2026-03-05T10:00」 was quoted as 「2026-03-05T」 and
    refused; a time of day 25:00 or 99:99 was stored; a UTF-16 worklist (Excel's Unicode text) was refused."""
    db = tmp_path / "l.sqlite"
    events = tmp_path / "events.csv"
    events.write_text(HEADER + ROW + ROW.replace("王先生,13800000001", "李先生,13800000002"), encoding="utf-8")
    planned = huifang("plan", events, *SPAN, "--project", REPO, "--db", db, "--format", "json")
    assert planned.returncode == 0, planned.stderr
    with sqlite3.connect(db) as ledger:
        keys = dict(ledger.execute("SELECT customer, key FROM plan_calls"))
    wang, li = (ref(keys[name]) for name in ("王先生", "李先生"))
    filled = tmp_path / "filled.csv"
    filled.write_text(
        "计划编号,实际回访日期,是否接通,满意度,改约时间\n"
        f"{wang},2026-03-02,否,,2026-03-04T10:00\n"
        "no-such-id,2026-03-02,是,满意,\n"
        f"{li},2026-03-02,否,,2026-03-04 25:00\n"
        f"{li},2026-03-02,否,,2026-02-30 10:00\n",
        encoding="utf-8",
    )
    result = huifang("report", filled, *SPAN, "--project", REPO, "--db", db)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"{filled}:4:28: 「改约时间」的时刻「25:00」不存在",
        f"{filled}:5:28: 改约时间「2026-02-30 10:00」不存在",
        f"{filled}:3:1: 计划编号「no-such-id」不在台账里（是另一份台账排出的名单吗？用 --db 指定）",
    ]
    with sqlite3.connect(db) as ledger:
        assert ledger.execute("SELECT reschedule FROM plan_results").fetchall() == [("2026-03-04",)]
    wide = tmp_path / "wide.csv"
    wide.write_bytes(f"计划编号,实际回访日期,是否接通,满意度\n{li},2026-03-03,是,满意\n".encode("utf-16"))
    result = huifang("report", wide, *SPAN, "--project", REPO, "--db", db, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"]["satisfied"] == 1


def test_out_that_is_a_file_is_refused_before_planning(tmp_path: Path):
    """It planned, then failed with 文件读写失败（File exists）."""
    events = tmp_path / "events.csv"
    events.write_text(HEADER + ROW, encoding="utf-8")
    taken = tmp_path / "notes.txt"
    taken.write_text("我的笔记\n", encoding="utf-8")
    result = huifang("plan", events, *SPAN, "--project", REPO, "--db", tmp_path / "l.sqlite", "--out", taken)
    assert (result.returncode, result.stderr.strip()) == (
        2,
        f"huifang plan: --out {taken}：这是一个文件，不是文件夹；名单、日历和 PDF 要写进一个文件夹",
    )
    assert taken.read_text(encoding="utf-8") == "我的笔记\n" and not (tmp_path / "l.sqlite").exists()


def test_report_out_writes_json_and_text_too(tmp_path: Path):
    """`--out` was read only with --format xlsx: json and text were printed and the file never written."""
    db = tmp_path / "l.sqlite"
    events = tmp_path / "events.csv"
    events.write_text(HEADER + ROW, encoding="utf-8")
    assert huifang("plan", events, *SPAN, "--project", REPO, "--db", db).returncode == 0
    printed = huifang("report", *SPAN, "--project", REPO, "--db", db, "--format", "json")
    for fmt, name in (("json", "report.json"), ("text", "report.txt")):
        target = tmp_path / name
        result = huifang("report", *SPAN, "--project", REPO, "--db", db, "--format", fmt, "--out", target)
        assert (result.returncode, result.stdout, result.stderr.strip()) == (0, "", f"已写入 {target}")
        written = target.read_text(encoding="utf-8")
        if fmt == "json":
            assert json.loads(written) == json.loads(printed.stdout)
            assert json.loads(written)["total"]["due"] == 1
        else:
            assert written.startswith("回访统计 2026-03-02 至 2026-03-08")


def test_iso_datetimes_with_a_zone_or_fractions_are_read_as_the_day_written(tmp_path: Path):
    """`huifang qa` took 2026-03-02T10:00:00+08:00 from a manifest; `huifang plan` said 日期…看不懂."""
    events = tmp_path / "events.csv"
    rows = ["2026-03-02T10:00:00+08:00", "2026-03-02 10:00:00.123", "2026-03-02T09:30:00Z", "2026-03-02T10:00+0800"]
    events.write_text(
        HEADER + "".join(f"客户{i},1380000000{i},tongyong-shouce-tousu,{when},张三\n" for i, when in enumerate(rows)),
        encoding="utf-8",
    )
    result = huifang("plan", events, *SPAN, "--project", REPO, "--no-db", "--format", "json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["errors"] == [] and sorted(c["customer"] for c in out["calls"]) == [f"客户{i}" for i in range(4)]
    events.write_text(HEADER + "客户9,13800000009,tongyong-shouce-tousu,2026-03-02T10,张三\n", encoding="utf-8")
    result = huifang("plan", events, *SPAN, "--project", REPO, "--no-db", "--format", "json")
    assert json.loads(result.stdout)["errors"][0]["message"] == "日期「2026-03-02T10」看不懂，请写成 2026-03-01"
