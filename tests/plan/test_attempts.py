"""A call not reached is dialled again up to the maximum number of attempts, inside its window, and is
reported as 未接通已达上限 after that. The seeds give no maximum: without one nothing is planned again."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import openpyxl
from huifang.plan.attempts import next_time
from huifang.plan.outputs import ref

from tests.conftest import REPO, huifang
from tests.plan.test_report import write_csv

SPAN = ("--from", "2026-03-01", "--to", "2026-03-31")


def project_with(tmp_path: Path, extra: str) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    for name in ("content", "scripts_src"):
        shutil.copytree(REPO / name, root / name)
    (root / "huifang.yaml").write_text((REPO / "huifang.yaml").read_text(encoding="utf-8") + extra, encoding="utf-8")
    return root


def keys(db: Path) -> dict[str, tuple]:
    with sqlite3.connect(db) as ledger:
        return {
            c: (d, t, run)
            for c, d, t, run in ledger.execute(
                "SELECT customer, date, time, run FROM plan_calls WHERE run = '重拨' ORDER BY date"
            )
        }


def test_next_time_takes_the_other_call_window():
    slots = [(10 * 60 + 30, 11 * 60 + 40), (15 * 60, 18 * 60)]  # 装饰公司 10:30–11:40 and 15:00–18:00
    assert next_time(slots, "10:30") == "15:00" and next_time(slots, "16:10") == "10:30"
    assert next_time(slots, "") == "10:30" and next_time(slots, "20:00") == "10:30" and next_time([], "10:30") == ""


def test_retries_up_to_the_maximum(tmp_path: Path):
    """投诉事件的回访: within 3 days after the complaint is closed; huifang.yaml says max_attempts: 2.

    Two complaints closed on Monday 2026-03-02, so both calls are due 03-02 … 03-05, planned on 03-02 at 09:00
    (the default call windows 09:00–12:00 and 14:00–17:30: neither the scenario nor its org gives any).
      E  dialled 03-02, not reached → attempt 2 planned on the next working day, Tue 03-03, in the other
         window, 14:00; dialled 03-03, not reached → 2 attempts = the maximum: 未接通已达上限
      F  dialled 03-05 (the window's last day), not reached → no working day left inside the window
    """
    root = project_with(tmp_path, "plan:\n  max_attempts: 2\n")
    events = write_csv(
        tmp_path / "events.csv",
        [
            ["客户", "电话", "场景", "日期", "坐席"],
            ["E", "13800000001", "tongyong-shouce-tousu", "2026-03-02", "张三"],
            ["F", "13800000002", "tongyong-shouce-tousu", "2026-03-02", "张三"],
        ],
    )
    db = tmp_path / "ledger.sqlite"
    planned = huifang("plan", events, *SPAN, "--project", root, "--db", db, "--format", "json")
    assert planned.returncode == 0, planned.stderr
    calls = {c["customer"]: c for c in json.loads(planned.stdout)["calls"]}
    assert (calls["E"]["date"], calls["E"]["time"]) == ("2026-03-02", "09:00")
    with sqlite3.connect(db) as ledger:
        first = dict(ledger.execute("SELECT customer, key FROM plan_calls"))
    results = write_csv(
        tmp_path / "r1.csv",
        [
            ["计划编号", "实际回访日期", "是否接通"],
            [ref(first["E"]), "2026-03-02", "否"],
            [ref(first["F"]), "2026-03-05", "否"],
        ],
    )
    report = huifang("report", results, *SPAN, "--project", root, "--db", db, "--format", "json")
    assert report.returncode == 0, report.stderr
    assert keys(db) == {"E": ("2026-03-03", "14:00", "重拨")}
    data = json.loads(report.stdout)
    status = {u["customer"]: u["status"] for u in data["unreached"]}
    assert status == {
        "E": "已拨 1 次未接通，第 2 次安排在 2026-03-03 14:00",
        "F": "已拨 1 次未接通，时间窗内已没有可再拨的工作日",
    }
    assert data["total"]["gave_up"] == 0

    # the next worklist carries the retry, and its 计划编号 leads back to it
    again = huifang(
        "plan",
        events,
        "--from",
        "2026-03-03",
        "--to",
        "2026-03-03",
        "--project",
        root,
        "--db",
        db,
        "--out",
        tmp_path / "out",
    )
    assert again.returncode == 0, again.stderr
    sheet = openpyxl.load_workbook(tmp_path / "out" / "回访名单-2026-03-03至2026-03-03.xlsx").worksheets[0]
    head = [c.value for c in sheet[1]]
    (row,) = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    assert row[head.index("客户")] == "E" and row[head.index("计划时间")] == "14:00"
    assert row[head.index("注意")] == "第 2 次拨打（此前未接通）"

    second = write_csv(
        tmp_path / "r2.csv",
        [["计划编号", "实际回访日期", "是否接通"], [row[head.index("计划编号")], "2026-03-03", "否"]],
    )
    final = huifang("report", second, *SPAN, "--project", root, "--db", db, "--format", "json")
    assert final.returncode == 0, final.stderr
    data = json.loads(final.stdout)
    assert {u["customer"]: u["status"] for u in data["unreached"]}["E"] == "已拨 2 次未接通，已达上限（2 次）"
    assert len(keys(db)) == 1  # no third attempt
    (row,) = data["scenario"]
    assert (row["due"], row["made"], row["reached"], row["gave_up"], row["rate"]) == (2, 2, 0, 1, 100.0)
    text = huifang("report", *SPAN, "--project", root, "--db", db)
    assert text.returncode == 0, text.stderr
    assert (
        "未接通已达上限" in text.stdout
        and "E 13800000001  投诉事件的回访（张三）：已拨 2 次未接通，已达上限（2 次）" in text.stdout
    )


def test_without_a_maximum_nothing_is_dialled_again(tmp_path: Path):
    events = write_csv(
        tmp_path / "events.csv",
        [["客户", "电话", "场景", "日期", "坐席"], ["G", "13800000003", "tongyong-shouce-tousu", "2026-03-02", "张三"]],
    )
    db = tmp_path / "ledger.sqlite"
    assert huifang("plan", events, *SPAN, "--project", REPO, "--db", db).returncode == 0
    with sqlite3.connect(db) as ledger:
        (key,) = ledger.execute("SELECT key FROM plan_calls").fetchone()
    results = write_csv(tmp_path / "r.csv", [["计划编号", "实际回访日期", "是否接通"], [ref(key), "2026-03-02", "否"]])
    report = huifang("report", results, *SPAN, "--project", REPO, "--db", db, "--format", "json")
    assert report.returncode == 0, report.stderr
    (unreached,) = json.loads(report.stdout)["unreached"]
    assert unreached["status"] == "已拨 1 次未接通；未规定最多拨打次数（huifang.yaml 的 plan.max_attempts），不再安排"
    assert keys(db) == {}


def test_the_scenario_maximum_comes_before_the_team_one(tmp_path: Path):
    root = project_with(tmp_path, "plan:\n  max_attempts: 5\n")
    path = root / "content" / "scenarios" / "tongyong-shouce-tousu.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("\ntiming:\n", "\ntiming:\n  max_attempts: 1\n", 1), encoding="utf-8"
    )
    events = write_csv(
        tmp_path / "events.csv",
        [["客户", "电话", "场景", "日期", "坐席"], ["H", "13800000004", "tongyong-shouce-tousu", "2026-03-02", "张三"]],
    )
    db = tmp_path / "ledger.sqlite"
    planned = huifang("plan", events, *SPAN, "--project", root, "--db", db)
    assert planned.returncode == 0, planned.stderr
    with sqlite3.connect(db) as ledger:
        (key,) = ledger.execute("SELECT key FROM plan_calls").fetchone()
    results = write_csv(tmp_path / "r.csv", [["计划编号", "实际回访日期", "是否接通"], [ref(key), "2026-03-02", "否"]])
    data = json.loads(huifang("report", results, *SPAN, "--project", root, "--db", db, "--format", "json").stdout)
    assert data["unreached"][0]["status"] == "已拨 1 次未接通，已达上限（1 次）" and keys(db) == {}
