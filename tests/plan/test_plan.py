"""Scheduling: working days, call windows, capacity; the command line: bad rows, JSON, files, the ledger."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import icalendar
import openpyxl
import pytest
from huifang import ledger
from huifang.plan import command, store
from huifang.plan.calendar import LAST_YEAR
from huifang.plan.core import Call, Plan
from huifang.plan.events import read_events
from huifang.plan.jsonout import write_json

from tests.conftest import REPO, huifang
from tests.plan.conftest import D, event, planner


def test_a_call_due_on_a_tiaoxiu_saturday_stays_on_it(shipped):
    plan = planner(shipped, "2026-10-01", "2026-10-31").plan(
        [
            event(2, "fangchan-xiaoshou-chengjiao-dangri", "2026-10-10"),
            event(3, "fangchan-xiaoshou-chengjiao-dangri", "2026-09-20"),
        ]
    )
    assert [(c.date.isoformat(), list(c.warnings)) for c in plan.calls] == [("2026-10-10", [])]
    plan = planner(shipped, "2026-09-01", "2026-09-30").plan(
        [event(3, "fangchan-xiaoshou-chengjiao-dangri", "2026-09-20")]
    )
    assert [(c.date.isoformat(), list(c.warnings)) for c in plan.calls] == [("2026-09-20", [])]  # a 调休 Sunday


def test_a_window_wholly_inside_a_public_holiday_is_flagged_not_moved(shipped):
    plan = planner(shipped, "2026-10-01", "2026-10-31").plan([event(2, "tongyong-shouce-tousu", "2026-10-01")])
    (call,) = plan.calls
    assert call.date == D("2026-10-01") and call.window == (D("2026-10-01"), D("2026-10-04"))
    assert "国庆节" in call.warnings[0] and "没有工作日" in call.warnings[0]


def test_weekend_then_first_working_day_inside_the_window(shipped):
    plan = planner(shipped, "2026-03-01", "2026-03-31").plan([event(2, "tongyong-shouce-tousu", "2026-03-07")])
    assert [c.date.isoformat() for c in plan.calls] == ["2026-03-09"]  # Saturday 03-07 -> Monday, window to 03-10


def test_unpublished_year_is_planned_with_a_warning(shipped):
    year = LAST_YEAR + 1
    plan = planner(shipped, f"{year}-03-01", f"{year}-03-31").plan([event(2, "tongyong-shouce-tousu", f"{year}-03-02")])
    assert any("尚未公布" in w for w in plan.calls[0].warnings)


def test_call_windows_of_the_org_and_of_the_scenario(shipped):
    plan = planner(shipped, "2026-03-01", "2026-03-31", capacity=2).plan(
        [
            event(2, "zhuangshi-jieduan-7tian", "2026-03-02"),
            event(3, "zhuangshi-jieduan-7tian", "2026-03-02"),
            event(4, "yiyuan-kefu-xiaofei-huifang", "2026-03-03", agent="李四"),
        ]
    )
    times = [(c.agent, c.date.isoformat(), c.time) for c in plan.calls]
    # 10:30–11:40 and 15:00–18:00 hold 250 minutes; two calls a day: at 0 and at 125 minutes in
    assert times == [("李四", "2026-03-03", "19:00"), ("张三", "2026-03-09", "10:30"), ("张三", "2026-03-09", "15:55")]


def test_seasonal_call_windows(shipped):
    rows = [event(2, "yiyuan-kefu-weixiaofei-huifang", "2026-07-01")]
    undefined = planner(shipped, "2026-07-01", "2026-07-31").plan(rows).calls[0]
    assert undefined.time == "14:30" and "plan.seasons" in undefined.warnings[0]
    seasons = {"夏季": ("05-01", "09-30"), "冬季": ("10-01", "04-30")}
    winter = (
        planner(shipped, "2026-12-01", "2026-12-31", seasons=seasons)
        .plan([event(2, "yiyuan-kefu-weixiaofei-huifang", "2026-12-01")])
        .calls[0]
    )
    assert (winter.time, list(winter.warnings)) == ("14:00", [])


def test_capacity_spreads_calls_over_the_window(shipped):
    rows = [event(n, "tongyong-shouce-tousu", "2026-03-02") for n in range(2, 7)]  # window 03-02 … 03-05
    plan = planner(shipped, "2026-03-01", "2026-03-31", capacity=2).plan(rows)
    assert [c.date.isoformat() for c in plan.calls] == ["2026-03-02"] * 2 + ["2026-03-03"] * 2 + ["2026-03-04"]
    assert not any(c.warnings for c in plan.calls)


def test_full_capacity_is_never_moved_out_of_the_window(shipped):
    rows = [event(n, "fangchan-xiaoshou-chengjiao-dangri", "2026-03-02") for n in range(2, 5)]
    plan = planner(shipped, "2026-03-01", "2026-03-31", capacity=2, agents={"张三": 1}).plan(rows)
    assert {c.date.isoformat() for c in plan.calls} == {"2026-03-02"}
    assert [bool(c.warnings) for c in plan.calls] == [False, True, True]
    # a window that goes on past the range is left for the next run instead
    later = planner(shipped, "2026-03-01", "2026-03-03", capacity=1).plan(
        [event(n, "tongyong-shouce-tousu", "2026-03-02") for n in range(2, 6)]
    )
    assert (
        len(later.calls) == 2
        and [r for _, r in later.unscheduled]
        == ["投诉事件的回访：本期坐席「张三」每天 1 个已排满，时间窗延续到 2026-03-05，留待下次排班"] * 2
    )


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


HEADER = ["客户", "电话", "场景", "日期", "坐席", "区域"]


def test_bad_rows_are_reported_by_line_and_the_others_planned(tmp_path: Path):
    events = write_csv(
        tmp_path / "events.csv",
        [
            HEADER,
            ["王先生", "01088886666", "投诉事件的回访", "2026-03-02", "张三", ""],
            ["吴先生", "", "tongyong-shouce-tousu", "2026-03-02", "张三", ""],
            ["郑先生", "13800000006", "没有这个场景", "2026-03-02", "张三", ""],
            ["冯先生", "13800000007", "tongyong-shouce-tousu", "2026-02-30", "张三", ""],
            ["卫先生", "13800000008", "维修工程的回访", "2026-03-02", "张三", ""],  # a title two scenarios share
            ["蒋先生", "13800000009", "renshou-xinqiyue", "2026/3/2", "李四", ""],
        ],
    )
    result = huifang(
        "plan",
        events,
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--format",
        "json",
        "--project",
        REPO,
        "--db",
        tmp_path / "l.sqlite",
    )
    assert result.returncode == 1, result.stderr
    lines = [x for x in result.stderr.splitlines() if x.startswith(str(events))]
    assert [x.split(": ", 1)[0].split(":")[-2:] for x in lines] == [["3", "5"], ["4", "17"], ["5", "39"], ["6", "17"]]
    assert "缺少电话" in lines[0] and "不认识的场景「没有这个场景」" in lines[1] and "「2026-02-30」不存在" in lines[2]
    assert "tongyong-shouce-weixiu" in lines[3] and "Traceback" not in result.stderr
    out = json.loads(result.stdout)
    assert set(out) == {"calls", "unscheduled", "errors"}
    (call,) = out["calls"]
    assert set(call) == {"line", "customer", "phone", "scenario", "agent", "date", "time", "window", "warnings"}
    assert (call["line"], call["phone"], call["scenario"], call["date"], call["window"]) == (
        2,
        "01088886666",
        "tongyong-shouce-tousu",
        "2026-03-02",
        ["2026-03-02", "2026-03-05"],
    )
    assert out["unscheduled"] == [
        {"line": 7, "reason": "新契约业务客户回访：原文没有规定回访时限（本办法未规定新契约回访的时限）"}
    ]
    assert [e["line"] for e in out["errors"]] == [3, 4, 5, 6]


def test_a_file_that_cannot_be_read_is_one_line(tmp_path: Path):
    bad = tmp_path / "events.csv"
    bad.write_text("姓名,备注\n王,1\n", encoding="utf-8")
    result = huifang(
        "plan", bad, "--from", "2026-03-01", "--to", "2026-03-31", "--project", REPO, "--db", tmp_path / "l.sqlite"
    )
    assert (
        result.returncode == 1
        and result.stderr.strip()
        == f"{bad}:1:1: 缺少列：电话、场景、日期（可在 huifang.yaml 的 plan.columns 中映射列名）"
    )
    broken = tmp_path / "events.xlsx"
    broken.write_bytes(b"not a zip")
    result = huifang(
        "plan", broken, "--from", "2026-03-01", "--to", "2026-03-31", "--project", REPO, "--db", tmp_path / "l.sqlite"
    )
    assert result.returncode == 1 and result.stderr.startswith(f"{broken}:1:1: 这是文本（CSV）文件")


def test_xlsx_input_with_english_headers_and_a_column_map(tmp_path: Path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Customer", "联系号码", "Scenario", "Date", "Agent"])
    sheet.append(["Wang", "01088886666", "tongyong-shouce-tousu", D("2026-03-02"), "Zhang"])
    book.save(tmp_path / "e.xlsx")
    (found,) = read_events(tmp_path / "e.xlsx", {"联系号码": "电话"})
    assert (found.line, found.phone, found.date, found.agent) == (2, "01088886666", D("2026-03-02"), "Zhang")


def test_out_dir_worklist_ics_pdf_and_no_duplicates_across_runs(tmp_path: Path):
    events = write_csv(
        tmp_path / "events.csv",
        [
            HEADER,
            ["王先生", "01088886666", "tongyong-shouce-tousu", "2026-03-02", "张三", ""],
            ["李女士", "13800000001", "zuoquan-zhijian-zhongdian", "2026-01-15", "李四", ""],  # monthly
            ["赵总", "13800000002", "fangchan-xiaoshou-chengjiao-dangri", "2026-03-03", "张三", ""],
        ],
    )
    db = tmp_path / "ledger.sqlite"
    run = ("plan", events, "--format", "json", "--project", REPO, "--db", db)
    first = huifang(*run, "--from", "2026-03-01", "--to", "2026-03-31", "--out", tmp_path / "out")
    assert first.returncode == 0, first.stderr
    calls = json.loads(first.stdout)["calls"]
    # the monthly call's window 02-15 … 03-14 is still open on 03-01
    assert [(c["customer"], c["date"]) for c in calls] == [
        ("王先生", "2026-03-02"),
        ("李女士", "2026-03-02"),
        ("赵总", "2026-03-03"),
        ("李女士", "2026-03-16"),
    ]
    out = tmp_path / "out"
    book = openpyxl.load_workbook(out / "回访名单-2026-03-01至2026-03-31.xlsx")
    assert book.sheetnames == ["张三 03-02", "李四 03-02", "张三 03-03", "李四 03-16"]
    sheet = book["张三 03-02"]
    head = [c.value for c in sheet[1]]
    assert head[:8] == ["计划编号", "序号", "坐席", "计划日期", "计划时间", "客户", "电话", "场景"]
    assert "是否接通" in head and "满意度" in head and "改约时间" in head
    assert sheet.cell(2, head.index("电话") + 1).value == "01088886666"
    assert sheet.cell(2, head.index("场景") + 1).value == "投诉事件的回访"
    with (out / "回访名单-2026-03-01至2026-03-31.csv").open(encoding="utf-8-sig") as f:
        assert len(list(csv.reader(f))) == 5
    cal = icalendar.Calendar.from_ical((out / "张三.ics").read_bytes())
    zones = [z for z in cal.walk("VTIMEZONE")]
    assert [str(z["TZID"]) for z in zones] == ["Asia/Shanghai"]
    events_ = cal.walk("VEVENT")
    assert len(events_) == 2
    start = events_[0].decoded("DTSTART")
    assert (start.date(), start.utcoffset().total_seconds()) == (D("2026-03-02"), 8 * 3600)
    assert "01088886666" in str(events_[0]["SUMMARY"]) and "投诉事件的回访" in str(events_[0]["DESCRIPTION"])
    assert (out / "每日名单-2026-03-02.pdf").read_bytes().startswith(b"%PDF")

    # a later, overlapping range: the monthly call of 03-16 is not planned again, the next month's is
    second = huifang(*run, "--from", "2026-03-15", "--to", "2026-04-30")
    assert second.returncode == 0, second.stderr
    again = [(c["customer"], c["date"]) for c in json.loads(second.stdout)["calls"]]
    assert again == [("李女士", "2026-04-15")]
    with sqlite3.connect(db) as ledger:
        assert ledger.execute("SELECT count(*), count(DISTINCT key) FROM plan_calls").fetchone() == (5, 5)


def test_check_rejects_a_timing_without_its_reason_or_with_a_bad_unit(minimal: Path):
    scenario = minimal / "content" / "scenarios" / "demo-weixiu.yaml"
    text = scenario.read_text(encoding="utf-8")
    scenario.write_text(
        text.replace(
            "timing: {text: 维修完成后一周内回访, after: 维修完成, max_days: 7}",
            "timing:\n  text: 维修完成后回访\n  unknown: true\n  every: {n: 2, unit: fortnight}",
        ),
        encoding="utf-8",
    )
    result = huifang("check", "--project", minimal)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = [x for x in result.stdout.splitlines() if x.startswith("content/scenarios/demo-weixiu.yaml:")]
    assert len(lines) == 2, result.stdout
    assert any("缺少必填的键 'reason'" in x for x in lines) and any("'fortnight' 不是可选值" in x for x in lines)


def test_bad_dates_on_the_command_line(tmp_path: Path):
    events = write_csv(tmp_path / "e.csv", [HEADER])
    result = huifang(
        "plan", events, "--from", "2026-03-31", "--to", "2026-03-01", "--project", REPO, "--db", tmp_path / "l.sqlite"
    )
    assert (result.returncode, result.stderr.strip()) == (2, "huifang plan: --to 早于 --from")
    result = huifang("plan", events, "--from", "3月1日", "--to", "2026-03-01", "--project", REPO)
    assert result.returncode == 2 and "2026-03-01 这样的日期" in result.stderr


def test_json_is_written_as_json_dump_would(shipped):
    plan = planner(shipped, "2026-10-01", "2026-10-31", capacity=1).plan(
        [
            event(2, "tongyong-shouce-tousu", "2026-10-01"),  # 国庆: a warning
            event(3, "tongyong-shouce-tousu", "2026-10-08", customer='王"先生\n'),
            event(7, "tongyong-shouce-tousu", "2026-10-09", agent='赵"六\\'),  # a column of few texts, escaped
            event(4, "renshou-xinqiyue", "2026-10-08"),  # unscheduled with the reason
            (5, "缺少电话"),
        ]
    )
    plan.calls.append(
        Call(6, "李", "1", "x", "标题", "张三", D("2026-10-09"), "", (D("2026-10-09"), None), warnings=["甲", "乙"])
    )
    for shown in (plan, Plan()):
        out = io.StringIO()
        write_json(shown, out)
        assert out.getvalue() == json.dumps(shown.as_dict(), ensure_ascii=False, indent=2)


def test_a_call_read_back_from_the_ledger_keeps_its_key(shipped, tmp_path: Path):
    (planned,) = (
        planner(shipped, "2026-03-01", "2026-03-31").plan([event(2, "tongyong-shouce-tousu", "2026-03-02")]).calls
    )
    assert planned.key == "客户2/13800000002|tongyong-shouce-tousu|2026-03-02|2026-03-02"
    again = Call(
        2,
        "客户2",
        "13800000002",
        "tongyong-shouce-tousu",
        "投诉事件的回访",
        "张三",
        D("2026-03-04"),
        "15:00",
        planned.window,
        f"{planned.key}|改约|2026-03-04",
    )
    db = ledger.connect(tmp_path, tmp_path / "l.sqlite")
    store.save(db, [planned, again], "test")
    assert [k for (k,) in db.execute("SELECT key FROM plan_calls ORDER BY key")] == [planned.key, again.key]
    assert again.key.endswith("|改约|2026-03-04")
    db.close()


def test_a_rerun_loads_only_the_keys_its_range_can_meet(tmp_path: Path):
    """Keys of calls whose window lies wholly before or after the range stay on disk (a ledger of many months
    would otherwise be read into memory on every run); an open end or an unknown start reaches the range."""
    db = ledger.connect(tmp_path, tmp_path / "l.sqlite")
    windows = {
        "past": ("2026-01-01", "2026-01-05"),
        "ends-on-first-day": ("2026-02-25", "2026-03-01"),
        "overlaps": ("2026-02-25", "2026-03-03"),
        "inside": ("2026-03-10", "2026-03-12"),
        "starts-on-last-day": ("2026-03-31", "2026-04-09"),
        "open-end": ("2026-01-02", None),
        "no-start": (None, "2026-03-05"),
        "no-start-past": (None, "2026-01-02"),
        "future": ("2026-04-02", "2026-04-10"),
    }
    with db:
        db.executemany(
            "INSERT INTO plan_calls (key, scenario, date, win_from, win_to) VALUES (?, 's', '2026-01-01', ?, ?)",
            [(key, start, end) for key, (start, end) in windows.items()],
        )
    assert store.known_keys(db, D("2026-03-01"), D("2026-03-31")) == set(windows) - {"past", "no-start-past", "future"}
    db.close()


@pytest.mark.parametrize("days_at_once", [1, 2, store.DAYS_AT_ONCE])
def test_a_rerun_reads_the_keys_of_any_text_the_ledger_holds(tmp_path: Path, monkeypatch, days_at_once: int):
    """known_keys splits a day's array in polars when no text in it was escaped and none holds a bracket, and
    reads any other day with json.loads: the keys are those of the calls saved, whatever their texts, however
    many days are unpacked at a time (pieces of plain days only, of odd ones only, and of both)."""
    monkeypatch.setattr(store, "DAYS_AT_ONCE", days_at_once)
    odd = ['王"五', "赵\\六", "孙[七]", "周],[八", "吴\t九", "郑]", "[冯", "钱]]"]

    def call(line: int, customer: str, agent: str, day: str, ident: str = "", end: str | None = "2026-03-20"):
        window = (D("2026-03-01"), D(end) if end else None)
        return Call(line, customer, f"1380000{line:04d}", "tongyong-shouce-tousu", "投诉事件的回访", agent, D(day),
                    "10:00", window, event=D("2026-02-27"), ident=ident)  # fmt: skip

    calls = [call(n, f"客户{n}", "张三", "2026-03-02", ident="A1" if n == 3 else "") for n in range(1, 6)]
    calls += [call(10 + n, name, "李四", "2026-03-03") for n, name in enumerate(odd)]
    calls += [call(30, "钱十", "王五", "2026-03-04", end=None), call(31, "客户,逗号", "王五", "2026-03-04")]
    calls += [call(40, "客户[", "赵六", "2026-03-05"), call(41, "客户]", "赵六", "2026-03-05")]
    db = ledger.connect(tmp_path, tmp_path / "l.sqlite")
    store.save(db, calls, "test")
    assert store.known_keys(db, D("2026-03-01"), D("2026-03-31")) == {c.key for c in calls}
    assert store.known_keys(db, D("2026-03-21"), D("2026-03-31")) == {calls[-4].key}  # the open end only
    assert len({c.key for c in calls}) == len(calls)
    db.close()


OLD_LEDGER = """CREATE TABLE plan_calls (
    key TEXT PRIMARY KEY, scenario TEXT NOT NULL, customer TEXT, phone TEXT, agent TEXT,
    date TEXT NOT NULL, time TEXT, win_from TEXT, win_to TEXT, line INTEGER, run TEXT,
    rescheduled_from TEXT);
CREATE INDEX plan_calls_day ON plan_calls (agent, date);
CREATE TABLE plan_results (
    key TEXT PRIMARY KEY, made TEXT, reached INTEGER, satisfaction TEXT, reschedule TEXT,
    note TEXT, source TEXT);"""


def test_a_ledger_of_an_older_huifang_keeps_its_calls_and_is_not_planned_twice(tmp_path: Path):
    """Before plan_days, every call was a row of a table plan_calls (the schema above, as huifang wrote it): the
    first run renames that table plan_more, its calls stay readable through the view plan_calls and count as
    already planned."""
    db = tmp_path / "ledger.sqlite"
    with sqlite3.connect(db) as old:
        old.executescript(OLD_LEDGER)
        old.execute(
            "INSERT INTO plan_calls VALUES (?, 'tongyong-shouce-tousu', '王先生', '01088886666', '张三', '2026-03-02',"
            " '09:00', '2026-03-02', '2026-03-05', 2, '2026-03-01..2026-03-31', NULL)",
            ("王先生/01088886666|tongyong-shouce-tousu|2026-03-02|2026-03-02",),
        )
    old.close()
    events = write_csv(
        tmp_path / "events.csv",
        [
            HEADER,
            ["王先生", "01088886666", "tongyong-shouce-tousu", "2026-03-02", "张三", ""],
            ["赵总", "13800000002", "tongyong-shouce-tousu", "2026-03-03", "张三", ""],
        ],
    )
    run = ("plan", events, "--format", "json", "--project", REPO, "--db", db, "--from", "2026-03-01")
    result = huifang(*run, "--to", "2026-03-31")
    assert result.returncode == 0, result.stderr
    assert [c["customer"] for c in json.loads(result.stdout)["calls"]] == ["赵总"]
    again = huifang(*run, "--to", "2026-03-10")  # an overlapping range: both known now
    assert again.returncode == 0 and json.loads(again.stdout)["calls"] == [], again.stderr
    with sqlite3.connect(db) as ledger_:
        kinds = dict(ledger_.execute("SELECT name, type FROM sqlite_master WHERE name LIKE 'plan_%'"))
        rows = ledger_.execute("SELECT customer, date, time, line FROM plan_calls ORDER BY date").fetchall()
        page_size = ledger_.execute("PRAGMA page_size").fetchone()
    assert (kinds["plan_calls"], kinds["plan_more"], "plan_calls_day" in kinds) == ("view", "table", False)
    assert page_size == (4096,)  # SQLite's default when that huifang made it: kept, and read and written as it is
    assert rows == [("王先生", "2026-03-02", "09:00", 2), ("赵总", "2026-03-03", "09:00", 3)]


def test_the_view_gives_each_planned_call_as_its_row(shipped, tmp_path: Path):
    """plan_days holds a day's calls packed; plan_calls gives them back one row each, with the key Call.key
    makes, and the agent's booked count of the day."""
    plan = planner(shipped, "2026-03-01", "2026-03-31").plan(
        [
            event(2, "tongyong-shouce-tousu", "2026-03-02"),
            event(3, "tongyong-shouce-tousu", "2026-03-02", customer="钱'先生\\", agent="李四"),
            event(4, "zuoquan-zhijian-zhongdian", "2026-01-15"),  # monthly: open until 03-14
        ]
    )
    db = ledger.connect(tmp_path, tmp_path / "l.sqlite")
    store.save(db, plan.calls, "r")
    rows = db.execute(
        "SELECT key, scenario, customer, phone, agent, date, time, win_from, win_to, line, run, rescheduled_from"
        " FROM plan_calls ORDER BY line, date"
    ).fetchall()
    assert rows == [
        (
            c.key, c.scenario, c.customer, c.phone, c.agent, c.date.isoformat(), c.time, c.window[0].isoformat(),
            c.window[1].isoformat() if c.window[1] else None, c.line, "r", None,
        )
        for c in sorted(plan.calls, key=lambda c: (c.line, c.date))
    ]  # fmt: skip
    assert len(rows) == 4 and rows[1][2] == "钱'先生\\"  # the monthly event: 02-15 … 03-14 and 03-15 … 04-14
    assert store.known_keys(db, D("2026-03-06"), D("2026-03-10")) == {rows[2][0]}
    assert store.booked(db, D("2026-03-01"), D("2026-03-31")) == {
        ("张三", D("2026-03-02")): 2,
        ("李四", D("2026-03-02")): 1,
        ("张三", D("2026-03-16")): 1,
    }
    db.close()


def test_two_runs_at_once_do_not_write_a_call_twice(shipped, tmp_path: Path):
    """Two supervisors plan the same month on one ledger at the same moment: both read the known keys before
    either saves. The second to save finds the first's calls under the write lock and leaves them out (plan_days
    has no key to refuse them); its own new call is written."""
    first, last = D("2026-03-01"), D("2026-03-31")
    path = tmp_path / "l.sqlite"
    one, two = ledger.connect(tmp_path, path), ledger.connect(tmp_path, path)
    seen = [(store.version(db), first, last, store.known_keys(db, first, last)) for db in (one, two)]
    assert seen[0][3] == seen[1][3] == set()
    rows = [event(2, "tongyong-shouce-tousu", "2026-03-02"), event(3, "tongyong-shouce-tousu", "2026-03-03")]
    store.save(one, planner(shipped, "2026-03-01", "2026-03-31").plan(rows[:1]).calls, "one", seen[0][:3])
    later = planner(shipped, "2026-03-01", "2026-03-31").plan(rows).calls
    store.save(two, later, "two", seen[1][:3])
    found = two.execute("SELECT key, run FROM plan_calls ORDER BY key").fetchall()
    assert found == [(later[0].key, "one"), (later[1].key, "two")]
    one.close()
    two.close()


def test_two_first_runs_at_once_keep_both_runs_calls(shipped, tmp_path: Path):
    """Two supervisors plan the same month at the same moment and no ledger exists yet: each builds a new one
    beside the path. The first to finish puts its ledger in place; the second finds it there, does not put its
    own over it (the first's calls would be lost) and saves into it as into any ledger, leaving out the calls
    the first saved."""
    first, last = D("2026-03-01"), D("2026-03-31")
    path = tmp_path / "l.sqlite"
    (one, built_one), (two, built_two) = ledger.building(path), ledger.building(path)
    seen = [(store.version(db), first, last, store.known_keys(db, first, last)) for db in (one, two)]
    assert seen[0][3] == seen[1][3] == set() and not path.exists()
    rows = [event(2, "tongyong-shouce-tousu", "2026-03-02"), event(3, "tongyong-shouce-tousu", "2026-03-03")]
    one = command.record(
        one, built_one, path, planner(shipped, "2026-03-01", "2026-03-31").plan(rows[:1]), "one", seen[0][:3]
    )
    later = planner(shipped, "2026-03-01", "2026-03-31").plan(rows)
    two = command.record(two, built_two, path, later, "two", seen[1][:3])
    found = two.execute("SELECT key, run FROM plan_calls ORDER BY key").fetchall()
    assert found == [(later.calls[0].key, "one"), (later.calls[1].key, "two")]
    one.close()
    two.close()
    built_two.unlink()  # as the command does with a ledger it did not put in place
    assert sorted(p.name for p in tmp_path.iterdir()) == ["l.sqlite"]


def test_a_first_run_puts_a_whole_ledger_in_place_and_a_failed_one_none(tmp_path: Path):
    """With no ledger yet, the run builds it in a file of its own and puts it in place when complete: after the
    run, the ledger alone (in WAL, as every ledger is opened) with the calls; a run that fails leaves nothing."""
    bad = tmp_path / "bad.csv"
    bad.write_text("姓名,备注\n王,1\n", encoding="utf-8")
    db = tmp_path / "ledger" / "l.sqlite"
    db.parent.mkdir()
    run = ("--from", "2026-03-01", "--to", "2026-03-31", "--project", REPO, "--db", db)
    failed = huifang("plan", bad, *run)
    assert failed.returncode == 1 and list(db.parent.iterdir()) == []
    nowhere = huifang("plan", bad, *run[:-1], tmp_path / "gone" / "l.sqlite")  # said of the ledger, not of ours
    assert nowhere.returncode != 0 and nowhere.stderr.count("\n") == 1 and ".new" not in nowhere.stderr
    assert f"文件读写失败（文件或目录不存在）：{tmp_path / 'gone' / 'l.sqlite'}" in nowhere.stderr
    events = write_csv(
        tmp_path / "events.csv", [HEADER, ["王先生", "01088886666", "tongyong-shouce-tousu", "2026-03-02", "张三", ""]]
    )
    result = huifang("plan", events, *run)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in db.parent.iterdir()] == ["l.sqlite"]
    mask = os.umask(0o022)
    os.umask(mask)
    assert db.stat().st_mode & 0o777 == 0o644 & ~mask  # as SQLite makes a file, not a temporary file's 0600
    with sqlite3.connect(db) as made:
        assert made.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert made.execute("PRAGMA page_size").fetchone() == (ledger.PAGE_SIZE,)  # a day's calls in few pages
        assert made.execute("SELECT customer, date FROM plan_calls").fetchall() == [("王先生", "2026-03-02")]
    made.close()
    opened = ledger.connect(tmp_path, tmp_path / "other.sqlite")  # a new ledger whichever command makes it
    assert opened.execute("PRAGMA page_size").fetchone() == (ledger.PAGE_SIZE,)
    opened.close()


ENVIRONMENT = """
import json, os, sys
before = dict(os.environ)
import huifang.plan, huifang.plan.command
imported = dict(os.environ) == before
huifang.plan.command.load_polars()
import polars
print(json.dumps([imported, os.environ.get("_RJEM_MALLOC_CONF"), os.environ.get("POLARS_MAX_THREADS"),
                  polars.thread_pool_size(), "polars" in sys.modules]))
"""


def test_loading_polars_leaves_the_environment_as_it_was():
    """The allocator's and the threads' settings are made for polars' import only (a fresh interpreter: polars not
    loaded yet); a user's own setting is the one polars gets (polars writes its own allocator defaults in front of
    it, which we cannot help)."""
    env = {k: v for k, v in os.environ.items() if k not in command.SETTINGS}
    out = subprocess.run([sys.executable, "-c", ENVIRONMENT], capture_output=True, text=True, env=env, check=True)
    assert json.loads(out.stdout) == [True, None, None, 1, True]
    env["_RJEM_MALLOC_CONF"] = "dirty_decay_ms:5000"
    env["POLARS_MAX_THREADS"] = "2"
    out = subprocess.run([sys.executable, "-c", ENVIRONMENT], capture_output=True, text=True, env=env, check=True)
    imported, setting, threads, pool, loaded = json.loads(out.stdout)
    assert imported and loaded and (threads, pool) == ("2", 2)
    assert setting.endswith(",dirty_decay_ms:5000") and command.ALLOCATOR not in setting


def test_an_install_without_polars_is_told_which_extra_to_install(tmp_path: Path):
    """polars comes with the plan extra: without it `huifang plan` names the extra instead of failing on an import."""
    code = (
        "import sys; sys.modules['polars'] = None\n"  # what importlib finds when polars is not installed
        "from huifang.cli import main\n"
        f"sys.exit(main(['plan', {str(tmp_path / 'events.csv')!r}, '--from', '2026-04-01', '--to', '2026-04-30']))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 2
    from huifang.installed import install_command  # huifang is not on PyPI: how this huifang was installed

    assert out.stderr.strip() == f"huifang plan 需要附加组件：请运行 {install_command('plan')}"


def test_a_look_with_no_db_leaves_the_calls_for_the_worklist(tmp_path: Path):
    """Every run records its calls, so a supervisor who looked at the week (text or JSON) and then ran the same
    week with --out got an empty worklist (「此前已排 2 个不再重复」). `--no-db`, as in `huifang qa`, looks without
    recording: the same list twice, then --out writes it; with --out itself it is refused (a worklist not in the
    ledger could not be read back by report)."""
    events = write_csv(
        tmp_path / "events.csv",
        [
            HEADER,
            ["王先生", "01088886666", "tongyong-shouce-tousu", "2026-03-02", "张三", ""],
            ["赵总", "13800000002", "tongyong-shouce-tousu", "2026-03-03", "张三", ""],
        ],
    )
    db = tmp_path / "ledger.sqlite"
    run = ("plan", events, "--project", REPO, "--db", db, "--from", "2026-03-01", "--to", "2026-03-31")
    looks = [huifang(*run, "--no-db", "--format", "json") for _ in range(2)]
    assert all(look.returncode == 0 for look in looks), looks[0].stderr
    assert looks[0].stdout == looks[1].stdout
    assert [c["customer"] for c in json.loads(looks[0].stdout)["calls"]] == ["王先生", "赵总"]
    assert "没有记入台账" in looks[0].stderr and not db.exists()
    refused = huifang(*run, "--no-db", "--out", tmp_path / "out")
    assert refused.returncode == 2 and "不能和 --out 一起用" in refused.stderr and not (tmp_path / "out").exists()
    written = huifang(*run, "--out", tmp_path / "out")
    assert written.returncode == 0, written.stderr
    book = openpyxl.load_workbook(tmp_path / "out" / "回访名单-2026-03-01至2026-03-31.xlsx")
    assert sorted(row[5] for sheet in book.worksheets for row in sheet.iter_rows(min_row=2, values_only=True)) == [
        "王先生",
        "赵总",
    ]
    again = huifang(*run, "--no-db", "--format", "json")  # the ledger is still read: nothing planned twice
    assert again.returncode == 0 and json.loads(again.stdout)["calls"] == []


def test_calendar_events_link_the_script_card_when_the_handbook_has_an_address(tmp_path: Path):
    """The issue asks for an event per call with the script card's link; it named a page (「手册 scenarios/….html」)
    that no calendar can open. With the team's mkdocs.yml `site_url`, the event carries the card's address (URL)."""
    import shutil

    team = tmp_path / "team"
    for name in ("content", "scripts_src"):
        shutil.copytree(REPO / name, team / name)
    shutil.copy(REPO / "huifang.yaml", team / "huifang.yaml")
    (team / "mkdocs.yml").write_text("site_url: https://handbook.example.cn/huifang\n", encoding="utf-8")
    events = write_csv(
        tmp_path / "events.csv", [HEADER, ["王先生", "01088886666", "tongyong-shouce-tousu", "2026-03-02", "张三", ""]]
    )
    result = huifang(
        "plan", events, "--project", team, "--from", "2026-03-01", "--to", "2026-03-31", "--out", tmp_path / "out"
    )
    assert result.returncode == 0, result.stderr
    (event,) = icalendar.Calendar.from_ical((tmp_path / "out" / "张三.ics").read_bytes()).walk("VEVENT")
    card = "https://handbook.example.cn/huifang/scenarios/tongyong-shouce-tousu.html"
    assert str(event["URL"]) == card and f"话术卡：{card}" in str(event["DESCRIPTION"])


def test_a_column_map_to_no_standard_column_is_one_line_of_check(tmp_path: Path):
    """plan.columns {联系号码: 乱写} passed `huifang check`, and `huifang plan` then said 「缺少列：电话」 about the
    events file, not about the map. The standard names are the events reader's own."""
    from huifang.plan.events import HEADERS
    from huifang.schema import EVENT_COLUMNS

    assert EVENT_COLUMNS == tuple(HEADERS)
    team = tmp_path / "team"
    assert huifang("init", team).returncode == 0
    (team / "huifang.yaml").write_text("plan:\n  columns: {联系号码: 乱写, 回访类型: 场景}\n", encoding="utf-8")
    result = huifang("check", "--project", team)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.startswith("huifang.yaml:2:19: 值 '乱写' 不是可选值（可选：客户、电话、场景、日期、坐席"), (
        result.stdout
    )


def test_a_new_ledger_left_by_a_killed_run_is_removed_by_the_next_first_run(tmp_path: Path):
    """A first run killed while building its ledger leaves the file beside the ledger's path; the next first run
    removes it (and its WAL files), but never a file of a run still going, nor a file of the team's."""
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    db = tmp_path / "ledger" / "l.sqlite"
    db.parent.mkdir()
    left = [db.parent / f".l.sqlite.new.{gone.pid}.x1y2z3{tail}" for tail in ("", "-wal", "-shm")]
    running = db.parent / f".l.sqlite.new.{os.getpid()}.a1b2c3"
    theirs = [db.parent / ".l.sqlite.notes.new", db.parent / "l.sqlite.bak"]
    for path in [*left, running, *theirs]:
        path.write_bytes(b"x" * 1000)
    events = write_csv(
        tmp_path / "events.csv", [HEADER, ["王先生", "01088886666", "tongyong-shouce-tousu", "2026-03-02", "张三", ""]]
    )
    result = huifang("plan", events, "--from", "2026-03-01", "--to", "2026-03-31", "--project", REPO, "--db", db)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in db.parent.iterdir()) == sorted(p.name for p in [db, running, *theirs])
