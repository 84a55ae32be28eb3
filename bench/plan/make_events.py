"""Write a synthetic CRM export of N events across every shipped scenario: bench/out/plan/events-N.csv."""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "bench" / "out" / "plan"
REGIONS = ["广州", "中山", "江门", "肇庆", "深圳"]
CLASSES = ["A", "B", "C", "D", "重点客户", "特大型客户"]


def make(n: int, seed: int = 16) -> Path:
    sys.path.insert(0, str(REPO))
    from huifang.project import load_project

    scenarios = sorted(load_project(REPO).project.scenarios)
    rng = random.Random(seed)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"events-{n}.csv"
    start = dt.date(2026, 1, 1)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["客户", "电话", "场景", "日期", "坐席", "区域", "客户类别", "截止日期"])
        for i in range(n):
            day = start + dt.timedelta(days=rng.randrange(120))
            w.writerow(
                [
                    f"客户{i}",
                    f"1{rng.randrange(10**10):010d}",
                    scenarios[i % len(scenarios)],
                    day.isoformat(),
                    f"坐席{rng.randrange(200):03d}",
                    rng.choice(REGIONS),
                    rng.choice(CLASSES),
                    (day + dt.timedelta(days=15)).isoformat(),
                ]
            )
    return path


if __name__ == "__main__":
    for n in map(int, sys.argv[1:] or ["10000"]):
        print(make(n))
