"""Digests of what `huifang plan` produces, to show a speed change left the output byte-identical.

For each events file and settings case: a first run on an empty ledger and a second run of the same range on
that ledger (the calls are then already planned), each as the command does it — plan, save to the ledger,
`--format json` and the text report — and the sha256 of the JSON, of the text and of the ledger's rows.
Run it with the code before and after a change (PYTHONPATH=DIR for an older huifang, as run.py --before) and
compare the printed lines:
    python bench/plan/same.py [events.csv ...]      # default: an edge-case file written here + bench 10k/100k
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import random
import sys
import tempfile
from pathlib import Path

from huifang import ledger
from huifang.model import CallWindow
from huifang.plan import attempts, command, store
from huifang.plan.calendar import Calendar
from huifang.plan.config import PlanConfig
from huifang.plan.core import Planner
from huifang.plan.events import read_events
from huifang.plan.jsonout import write_json
from huifang.project import load_project

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "bench" / "out" / "plan"
D = dt.date.fromisoformat


def edge_file(project) -> Path:
    """Every scenario (by id and by title) on dates around holidays, 调休 days and an unpublished year, every
    region and class, with and without 截止日期 and 生日, few agents (so capacities of 1 and 2 bind), duplicate
    rows and bad rows."""
    rng = random.Random(7)
    ids = sorted(project.scenarios)
    titles = [project.scenarios[i].title for i in ids]
    regions = ["", "广州", "中山", "江门", "肇庆", "深圳"]
    classes = ["", "A", "B", "C", "D", "重点客户", "特大型客户"]
    path = OUT / "events-edge.csv"
    OUT.mkdir(parents=True, exist_ok=True)
    rows = [["客户", "电话", "场景", "日期", "坐席", "区域", "客户类别", "截止日期", "生日", "编号"]]
    days = [D("2025-12-20") + dt.timedelta(days=i) for i in range(0, 420, 3)]
    for i in range(3000):
        day = rng.choice(days)
        rows.append(
            [
                f"客户{i % 2500}",
                f"0{rng.randrange(10**10):010d}",
                rng.choice(titles) if i % 7 == 0 else ids[i % len(ids)],
                day.isoformat() if i % 11 else day.strftime("%Y年%m月%d日"),
                rng.choice(["张三", "李四", "王五", ""]),
                rng.choice(regions),
                rng.choice(classes),
                (day + dt.timedelta(days=rng.randrange(1, 200))).isoformat() if i % 3 else "",
                f"{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}" if i % 4 else "",
                f"C{i}" if i % 5 == 0 else "",
            ]
        )
    rows += rows[100:160]  # duplicates of earlier rows
    rows += [
        ["吴先生", "", ids[0], "2026-03-02", "张三", "", "", "", "", ""],
        ["郑先生", "13800000006", "没有这个场景", "2026-03-02", "张三", "", "", "", "", ""],
        ["冯先生", "13800000007", ids[1], "2026-02-30", "张三", "", "", "", "", ""],
        ["卫先生", "13800000008", "维修工程的回访", "2026-03-02", "张三", "", "", "", "", ""],
        ["陈先生", "13800000009", ids[2], "", "张三", "", "", "", "", ""],
        ["", "", "", "", "", "", "", "", "", ""],
    ]
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


CASES = {
    "wide": (PlanConfig(capacity=10000), "2026-04-01", "2026-04-30"),
    "year": (PlanConfig(capacity=10000), "2026-01-01", "2026-12-31"),
    "guoqing-cap1": (PlanConfig(capacity=1, agents={"李四": 2}), "2026-09-20", "2026-10-20"),
    "unpublished-cap2": (PlanConfig(capacity=2), "2026-12-15", "2027-02-15"),
    "seasons": (
        PlanConfig(
            capacity=3,
            seasons={"夏季": ("05-01", "09-30"), "冬季": ("10-01", "04-30")},
            call_windows=[CallWindow("10:30", "11:40"), CallWindow("15:00", "18:00")],
        ),
        "2026-04-20",
        "2026-05-20",
    ),
}


def digest(data: str) -> str:
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def one_run(project, config, events: Path, first: dt.date, last: dt.date, db) -> tuple[str, str]:
    """What command.run does between opening the ledger and printing (without --out)."""
    cal = Calendar()
    try:
        known = store.known_keys(db, first, last)
    except TypeError:  # huifang before the keys were limited to the range
        known = store.known_keys(db)  # type: ignore[call-arg]
    planner = Planner(project, config, cal, first, last, store.booked(db, first, last), known)
    plan = planner.plan(read_events(events, config.columns))
    again = attempts.followups(db, project, first, last)
    if again:
        plan.calls = sorted(plan.calls + again, key=lambda c: (c.date, c.agent, c.time, c.line))
    store.save(db, plan.calls, f"{first.isoformat()}..{last.isoformat()}")
    js, tx = io.StringIO(), io.StringIO()
    write_json(plan, js)
    command.text_report(plan, first, last, tx)
    return digest(js.getvalue()), digest(tx.getvalue())


def main() -> None:
    project = load_project(REPO).project
    files = [Path(a) for a in sys.argv[1:]] or [edge_file(project), OUT / "events-10000.csv", OUT / "events-100000.csv"]
    for events in files:
        for name, (config, first, last) in CASES.items():
            if events.name != "events-edge.csv" and name != "wide":
                continue
            with tempfile.TemporaryDirectory() as tmp:
                db = ledger.connect(Path(tmp), Path(tmp) / "l.sqlite")
                runs = [one_run(project, config, events, D(first), D(last), db) for _ in range(2)]
                rows = db.execute("SELECT * FROM plan_calls ORDER BY key").fetchall()
                db.close()
            print(events.name, name, *[x for r in runs for x in r], digest(repr(rows)), len(rows), flush=True)


if __name__ == "__main__":
    main()
