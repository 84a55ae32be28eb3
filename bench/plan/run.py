"""Time `huifang plan` against Python's csv module merely reading the same file, and measure peak memory.

Each measurement runs in a fresh process (peak RSS from getrusage). Times are CPU seconds of the process
(`time.process_time`): the machine is shared, and wall-clock time there measures the others' load. Usage:
    python bench/plan/run.py 10000 100000 1000000 [--outputs] [--before DIR]

--before DIR: also time the huifang package in DIR/huifang (e.g. `git archive <commit> generator` unpacked
and renamed), in the same run, for a before/after under the same load.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).parent))
from make_events import OUT, make  # noqa: E402

READ = """
import csv, resource, sys, time
t = time.process_time()
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    n = sum(1 for _ in csv.reader(f))
print(time.process_time() - t, n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

PLAN = """
import datetime as dt, io, resource, sys, time
from pathlib import Path
from huifang import ledger
from huifang.plan import store
from huifang.plan.calendar import Calendar
from huifang.plan.config import PlanConfig
from huifang.plan.core import Planner
from huifang.plan.events import read_events
from huifang.project import load_project
try:
    from huifang.plan.jsonout import write_json
except ImportError:  # an older huifang (--before): what its `--format json` did
    import json
    def write_json(plan, out):
        json.dump(plan.as_dict(), out, ensure_ascii=False, indent=2)
project = load_project(Path(sys.argv[2])).project
config = PlanConfig(capacity=100000)
first, last = dt.date(2026, 4, 1), dt.date(2026, 4, 30)
t = time.process_time()
planner = Planner(project, config, Calendar(), first, last)
plan = planner.plan(read_events(Path(sys.argv[1]), {}))
planned = time.process_time() - t
db = ledger.connect(Path(sys.argv[3]).parent, Path(sys.argv[3]))
store.save(db, plan.calls, "bench")
db.close()
total = time.process_time() - t
s = time.process_time()
with open(sys.argv[3] + ".json", "w", encoding="utf-8") as out:  # what `--format json` writes
    write_json(plan, out)
outputs = {"json": time.process_time() - s}
if sys.argv[4] == "1":
    from huifang.plan import outputs as o
    for name, fn in (("xlsx", lambda: o.worklist_xlsx(plan, first)), ("csv", lambda: o.worklist_csv(plan)),
                     ("ics", lambda: [o.agent_calendar(a, [c for c in plan.calls if c.agent == a], first)
                                      for a in sorted({c.agent for c in plan.calls})])):
        s = time.process_time(); fn(); outputs[name] = time.process_time() - s
print(planned, total, len(plan.calls), len(plan.unscheduled), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
      outputs)
"""


def main() -> None:
    outputs = "--outputs" in sys.argv
    before = sys.argv[sys.argv.index("--before") + 1] if "--before" in sys.argv else None
    sizes = [int(a) for a in sys.argv[1:] if a.isdigit()] or [10000]
    py = str(REPO / ".venv" / "bin" / "python")
    results = []
    for n in sizes:
        path = OUT / f"events-{n}.csv"
        if not path.exists():
            make(n)
        read_s, rows, read_kb = subprocess.run(
            [py, "-c", READ, str(path)], capture_output=True, text=True, check=True
        ).stdout.split()
        for code in [None, before] if before else [None]:
            db = OUT / f"ledger-{n}.sqlite"
            for p in OUT.glob(f"ledger-{n}.sqlite*"):
                p.unlink()
            load = Path("/proc/loadavg").read_text().split()[0]
            env = dict(os.environ, PYTHONPATH=code) if code else None
            out = subprocess.run(
                [py, "-c", PLAN, str(path), str(REPO), str(db), "1" if outputs else "0"],
                capture_output=True,
                text=True,
                check=True,
                env=env,
            ).stdout
            planned, total, calls, unscheduled, kb, rest = out.split(maxsplit=5)
            row = {
                "events": n,
                "code": "before" if code else "this",
                "csv_read_s": round(float(read_s), 3),
                "plan_s": round(float(planned), 3),
                "plan_and_ledger_s": round(float(total), 3),
                "ratio_plan": round(float(planned) / float(read_s), 1),
                "ratio_plan_and_ledger": round(float(total) / float(read_s), 1),
                "calls": int(calls),
                "unscheduled": int(unscheduled),
                "peak_mb": round(int(kb) / 1024),
                "outputs_s": {k: round(v, 2) for k, v in eval(rest).items()},  # noqa: S307 (our own dict literal)
                "load_average": float(load),
            }
            results.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
