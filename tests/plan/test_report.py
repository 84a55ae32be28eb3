"""`huifang report`: the filled worklist back, and the 回访率 arithmetic on a small worked example."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import openpyxl
from huifang.plan.outputs import ref

from tests.conftest import REPO, huifang
from tests.plan.conftest import D


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def test_huifanglv_worked_example(tmp_path: Path):
    """投诉事件的回访 (tongyong-shouce-tousu): within 3 days of 投诉处理完毕, target 100%.

    Four complaints closed on Monday 2026-03-02, so four calls due, each window 03-02 … 03-05:
      A  made 03-03 (inside the window), reached, 满意
      B  made 03-09 (after the window: made, but late), reached, 不满意 → a complaint to open
      C  不方便, 改约 03-04 15:00 → planned again; the new call made 03-04, 满意 → counts as made inside the window,
         and its 满意 is C's answer
      D  never made; its window ended before 03-31 → overdue
    due 4, made 3 (A, B, C), made inside the window 2 (A, C) → 回访率 2 ÷ 4 = 50%, below the 100% target;
    满意 2 (A, C), 不满意 1 (B).
    """
    events = write_csv(
        tmp_path / "events.csv",
        [["客户", "电话", "场景", "日期", "坐席"]]
        + [[name, f"1380000000{i}", "tongyong-shouce-tousu", "2026-03-02", "张三"] for i, name in enumerate("ABCD")],
    )
    db = tmp_path / "ledger.sqlite"
    planned = huifang(
        "plan",
        events,
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--project",
        REPO,
        "--db",
        db,
        "--out",
        tmp_path / "out",
    )
    assert planned.returncode == 0, planned.stderr

    worklist = tmp_path / "out" / "回访名单-2026-03-01至2026-03-31.xlsx"
    book = openpyxl.load_workbook(worklist)
    filled = {
        "A": ("2026-03-03", "是", "满意", ""),
        "B": ("2026-03-09", "是", "不满意", ""),
        "C": ("", "是", "不方便", "2026-03-04 15:00"),
        "D": ("", "", "", ""),
    }
    for sheet in book.worksheets:
        head = [c.value for c in sheet[1]]
        for r in range(2, sheet.max_row + 1):
            made, reached, mood, moved = filled[sheet.cell(r, head.index("客户") + 1).value]
            for name, value in (("实际回访日期", made), ("是否接通", reached), ("满意度", mood), ("改约时间", moved)):
                sheet.cell(r, head.index(name) + 1).value = value or None
    book.save(worklist)
    first = huifang(
        "report",
        worklist,
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--format",
        "json",
        "--project",
        REPO,
        "--db",
        db,
    )
    assert first.returncode == 0, first.stderr
    # the agent then makes the rescheduled call and hands back a one-line CSV for it
    with sqlite3.connect(db) as ledger:
        (moved_key,) = ledger.execute("SELECT key FROM plan_calls WHERE rescheduled_from IS NOT NULL").fetchone()
        assert ledger.execute("SELECT date, time FROM plan_calls WHERE key = ?", (moved_key,)).fetchone() == (
            "2026-03-04",
            "15:00",
        )
    again = write_csv(
        tmp_path / "moved.csv",
        [["计划编号", "实际回访日期", "是否接通", "满意度"], [ref(moved_key), "2026-03-04", "是", "满意"]],
    )
    result = huifang(
        "report", again, "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json", "--project", REPO, "--db", db
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    (row,) = data["scenario"]
    assert (row["name"], row["due"], row["made"], row["made_in_window"], row["reached"]) == (
        "tongyong-shouce-tousu",
        4,
        3,
        2,
        3,
    )
    assert (row["rate"], row["target"], row["met"]) == (50.0, 100, False)
    assert (row["satisfied"], row["neutral"], row["unsatisfied"], row["rescheduled"], row["overdue"]) == (2, 0, 1, 1, 1)
    assert [c["customer"] for c in data["complaints"]] == ["B"] and "投诉" in data["complaints"][0]["form"]
    assert [w["name"] for w in data["week"]] == ["2026-W10"] and data["total"]["rate"] == 50.0

    text = huifang("report", again, "--from", "2026-03-01", "--to", "2026-03-31", "--project", REPO, "--db", db)
    assert "50%" in text.stdout and "100% ✗" in text.stdout and "待开投诉单（1）" in text.stdout
    xlsx = huifang(
        "report",
        again,
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--format",
        "xlsx",
        "--out",
        tmp_path / "r.xlsx",
        "--project",
        REPO,
        "--db",
        db,
    )
    assert xlsx.returncode == 0, xlsx.stderr
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["按场景"]
    assert [c.value for c in sheet[2]][:6] == ["投诉事件的回访", 4, 3, 2, 3, "50%"]

    # the same ledger as an older huifang kept it (every call a row of a table plan_calls), opened read-only as
    # the 回访统计 page opens it, never migrated: the same figures
    from huifang.plan import report
    from huifang.plan.config import PlanConfig
    from huifang.project import load_project

    from tests.plan.test_plan import OLD_LEDGER

    old = tmp_path / "old.sqlite"
    with sqlite3.connect(old) as copy:
        copy.executescript(OLD_LEDGER)
        copy.execute("ATTACH ? AS new", (str(db),))
        copy.execute("INSERT INTO plan_calls SELECT * FROM new.plan_calls")
        copy.execute("INSERT INTO plan_results SELECT * FROM new.plan_results")
    copy.close()
    project = load_project(REPO).project
    figures = []
    for path in (db, old):
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        figures.append(report.compute(connection, project, PlanConfig.of(project), D("2026-03-01"), D("2026-03-31")))
        connection.close()
    assert figures[0] == figures[1] and figures[0]["total"]["rate"] == 50.0


def test_bad_result_rows(tmp_path: Path):
    bad = write_csv(
        tmp_path / "r.csv",
        [
            ["计划编号", "实际回访日期", "是否接通", "满意度"],
            ["ffffffffffff", "2026-03-03", "是", "满意"],
            ["eeeeeeeeeeee", "2026-13-03", "是", "满意"],
            ["dddddddddddd", "2026-03-03", "也许", "满意"],
        ],
    )
    (tmp_path / "l.sqlite").write_bytes(b"")  # a ledger there (an empty file is an empty SQLite database)
    result = huifang(
        "report", bad, "--from", "2026-03-01", "--to", "2026-03-31", "--project", REPO, "--db", tmp_path / "l.sqlite"
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{bad}:3:14: 实际回访日期「2026-13-03」") and lines[1].startswith(
        f"{bad}:4:25: 「是否接通」"
    )
    assert "计划编号「ffffffffffff」不在台账里" in lines[2]


def test_a_filled_workbook_with_a_sheet_not_from_plan_is_one_line(tmp_path: Path):
    book = openpyxl.Workbook()
    book.active.title = "张三 03-02"
    book.active.append(["客户", "电话", "满意度"])
    book.active.append(["A", "13800000001", "满意"])
    book.save(tmp_path / "filled.xlsx")
    (tmp_path / "l.sqlite").write_bytes(b"")  # a ledger there (an empty file is an empty SQLite database)
    result = huifang(
        "report",
        tmp_path / "filled.xlsx",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--project",
        REPO,
        "--db",
        tmp_path / "l.sqlite",
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        f"{tmp_path / 'filled.xlsx'}:1:1: 工作表「张三 03-02」：缺少「计划编号」列：请交回 huifang plan 生成的名单"
    )


def test_a_day_written_without_its_year_is_the_one_nearest_the_planned_day(tmp_path: Path):
    """Agents fill 实际回访日期 by hand as 3月3日 or 3/3: that row was rejected (「日期「3月3日」看不懂」) and the call
    counted as not made. It is the day nearest the call's 计划日期; a date naming a year is still read as written."""
    events = write_csv(
        tmp_path / "events.csv",
        [["客户", "电话", "场景", "日期", "坐席"]]
        + [[name, f"1380000000{i}", "tongyong-shouce-tousu", "2026-03-02", "张三"] for i, name in enumerate("ABC")],
    )
    db = tmp_path / "ledger.sqlite"
    span = ("--from", "2026-03-01", "--to", "2026-03-31", "--project", REPO, "--db", db)
    assert huifang("plan", events, *span, "--out", tmp_path / "out").returncode == 0
    worklist = tmp_path / "out" / "回访名单-2026-03-01至2026-03-31.xlsx"
    book = openpyxl.load_workbook(worklist)
    filled = {"A": "3月3日", "B": "3/4", "C": "2025-02-29"}
    for sheet in book.worksheets:
        head = [c.value for c in sheet[1]]
        for r in range(2, sheet.max_row + 1):
            sheet.cell(r, head.index("实际回访日期") + 1).value = filled[sheet.cell(r, head.index("客户") + 1).value]
            sheet.cell(r, head.index("是否接通") + 1).value = "是"
            sheet.cell(r, head.index("满意度") + 1).value = "满意"
    book.save(worklist)
    result = huifang("report", worklist, *span, "--format", "json")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (error,) = result.stderr.splitlines()
    assert error == f"{worklist}:4:12: 工作表「张三 03-02」单元格 L4：实际回访日期「2025-02-29」不存在", error
    assert json.loads(result.stdout)["total"]["made_in_window"] == 2
    with sqlite3.connect(db) as ledger:
        made = sorted(row[0] for row in ledger.execute("SELECT made FROM plan_results"))
    assert made == ["2026-03-03", "2026-03-04"]


def test_text_from_a_crm_export_is_never_a_formula_in_a_workbook(tmp_path: Path):
    """openpyxl stores a string that starts with "=" as a formula: a customer named =HYPERLINK(…) in the CRM export
    became a live link in the worklist agents open, and in the report's 待开投诉单 (formula injection)."""
    customer = '=HYPERLINK("http://example.invalid/","点我")'
    events = write_csv(
        tmp_path / "events.csv",
        [
            ["客户", "电话", "场景", "日期", "坐席"],
            [customer, "13800000001", "tongyong-shouce-tousu", "2026-03-02", "=1+1"],
        ],
    )
    db = tmp_path / "ledger.sqlite"
    span = ("--from", "2026-03-01", "--to", "2026-03-31", "--project", REPO, "--db", db)
    assert huifang("plan", events, *span, "--out", tmp_path / "out").returncode == 0
    worklist = tmp_path / "out" / "回访名单-2026-03-01至2026-03-31.xlsx"
    book = openpyxl.load_workbook(worklist)
    (sheet,) = book.worksheets
    head = [c.value for c in sheet[1]]
    assert not [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert (
        sheet.cell(2, head.index("客户") + 1).value == customer
        and sheet.cell(2, head.index("坐席") + 1).value == "=1+1"
    )
    for name, value in (("实际回访日期", "2026-03-03"), ("是否接通", "是"), ("满意度", "不满意")):
        sheet.cell(2, head.index(name) + 1).value = value
    book.save(worklist)
    result = huifang("report", worklist, *span, "--format", "xlsx", "--out", tmp_path / "report.xlsx")
    assert result.returncode == 0, result.stderr
    report = openpyxl.load_workbook(tmp_path / "report.xlsx")
    assert not [c.coordinate for s in report.worksheets for row in s.iter_rows() for c in row if c.data_type == "f"]
    assert report["待开投诉单"].cell(2, 1).value == customer
