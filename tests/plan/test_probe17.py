"""Hostile event tables and outputs found by probing `huifang plan` and `huifang report` from the outside
(session 17): each input as it was found, and what it gave before."""

from __future__ import annotations

import json
import os
import stat
import zipfile
from pathlib import Path

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
    assert result.returncode == 1
    assert (
        result.stderr.strip() == f"huifang: 文件读写失败（Is a directory）：{folder}；已有的输出保持原样"
    )  # named .folder.x.tmp
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
    for db, why in [(text, "file is not a database"), (folder, "unable to open database file")]:
        for command in (("plan", events), ("report",)):
            result = huifang(*command, *SPAN, "--project", REPO, "--db", db)
            assert (result.returncode, result.stderr.strip()) == (
                1,
                f"huifang {command[0]}: {db}: 回访台账无法打开或写入（{why}）：请检查 --db 指定的文件",
            )
    result = huifang("plan", events, *SPAN, "--project", REPO, "--db", tmp_path / "loop")
    assert result.returncode == 1 and "回访台账无法打开或写入" in result.stderr, result.stderr
    assert text.read_text(encoding="utf-8") == "这不是数据库\n" * 100
