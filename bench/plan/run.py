"""Time `huifang plan` against Python's csv module merely reading the same file, and measure peak memory.

Each measurement runs in a fresh process (peak RSS from getrusage). Times are CPU seconds of the process
(`time.process_time`): the machine is shared, and wall-clock time there measures the others' load (the command's
wall time is printed too, `command_*_wall_s`, for a quiet moment). Usage:
    python bench/plan/run.py 10000 100000 1000000 [--outputs] [--before REV|DIR]

Two kinds of figure: the phases in one process (plan, plan + ledger, JSON; below, PLAN) and the command
itself, whole, as a user runs it by default (COMMAND): `huifang plan EVENTS --from --to --format json --db X`
with its JSON on stdout redirected to a file — loading the project, reading the ledger, planning, saving every
call to the ledger (the default: there is no option to skip it) and writing the JSON. The command runs twice
on the same ledger: a first run (empty ledger) and the same range again (every call already planned).

--before REV: also time the huifang of a commit (e.g. main at the start of a session), in the same run, interleaved,
for a before/after under the same load; its `generator/` is unpacked by `git archive` into bench/out/plan/before-REV/
as `huifang/`. A directory holding `huifang/` is taken as it is.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
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
try:  # polars loaded as the command loads it (its allocator's setting)
    from huifang.plan.command import load_polars
    load_polars()
except ImportError:  # an older huifang: set when huifang.plan loaded
    pass
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
store.save(db, plan if hasattr(plan, "columns") else plan.calls, "bench")  # a Plan: its calls as columns
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


WARM = "import holidays.countries, huifang.cli, huifang.plan.command, huifang.plan.outputs, huifang.plan.store"

CACHED = """
import sys
from pathlib import Path
from huifang.contentcache import load_content
load_content(Path(sys.argv[1]), scripts=True)
"""

# The command, whole, in a child of a fresh process: that child's CPU (user + sys), peak RSS and wall time (polars
# uses both CPUs, so on a quiet machine the wall time is below the CPU time; under load it measures the others too).
COMMAND = """
import resource, subprocess, sys, time
with open(sys.argv[2], "w") as out:
    wall = time.perf_counter()
    rc = subprocess.run(sys.argv[3:], stdout=out).returncode
    wall = time.perf_counter() - wall
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print(use.ru_utime + use.ru_stime, use.ru_maxrss, rc, wall)
"""


def project_copy() -> Path:
    """The shipped rule book with `plan.capacity: 10000` (the largest the schema allows; 200 agents x 10,000 a day
    never binds at a million events, so every window is walked as in PLAN's capacity of 100,000)."""
    target = OUT / "project"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in ("content", "scripts_src"):
        shutil.copytree(REPO / name, target / name)
    text = (REPO / "huifang.yaml").read_text(encoding="utf-8")
    (target / "huifang.yaml").write_text(text + "plan:\n  capacity: 10000\n", encoding="utf-8")
    return target


def command(py: str, path: Path, n: int, env: dict) -> dict:
    """`huifang plan` on the file, twice on one ledger: CPU seconds and peak RSS of each run."""
    project = project_copy()
    db = OUT / f"ledger-cmd-{n}.sqlite"
    for p in OUT.glob(f"ledger-cmd-{n}.sqlite*"):
        p.unlink()
    argv = [py, "-m", "huifang", "plan", str(path), "--from", "2026-04-01", "--to", "2026-04-30",
            "--format", "json", "--project", str(project), "--db", str(db)]  # fmt: skip
    found = {}
    # the rule book's content-cache entry written (or checked against the fresh copy) untimed, as a team's daily
    # run finds it: the first run after huifang or the rule book changed pays 0.17 s more
    subprocess.run([py, "-c", CACHED, str(project)], check=True, env=env)
    for run in ("first", "again"):
        out = subprocess.run(
            [py, "-c", COMMAND, "", str(OUT / f"cmd-{n}.json"), *argv],
            capture_output=True, text=True, check=True, env=env,
        ).stdout.split()  # fmt: skip
        found[f"command_{run}_s"] = round(float(out[0]), 3)
        found[f"command_{run}_peak_mb"] = round(int(out[1]) / 1024)
        found[f"command_{run}_rc"] = int(out[2])
        found[f"command_{run}_wall_s"] = round(float(out[3]), 3)
    return found


def older(rev: str) -> str:
    """A directory whose `huifang/` is the package at `rev` (a directory holding `huifang/` already: itself)."""
    if (Path(rev) / "huifang").is_dir():
        return rev
    commit = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--verify", f"{rev}^{{commit}}"], capture_output=True, text=True
    )
    if commit.returncode:
        sys.exit(f"run.py: --before {rev}: neither a directory holding huifang/ nor a commit")
    target = OUT / f"before-{commit.stdout.strip()[:12]}"
    if not (target / "huifang").is_dir():
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", commit.stdout.strip(), "generator"], capture_output=True, check=True
        ).stdout
        shutil.rmtree(target, ignore_errors=True)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(target, filter="data")
        (target / "generator").rename(target / "huifang")
    return str(target)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time `huifang plan` against Python's csv module reading the same events file "
        "(bench/out/plan/events-N.csv, written when missing).",
    )
    parser.add_argument("sizes", nargs="*", type=int, default=[10000], metavar="N", help="events (default 10000)")
    parser.add_argument("--outputs", action="store_true", help="also time writing the XLSX, CSV and ICS")
    parser.add_argument(
        "--before",
        metavar="REV|DIR",
        help="also time an older huifang in the same run: a commit (unpacked with git archive) or a directory "
        "holding huifang/",
    )
    return parser.parse_args()


def main() -> None:
    args = arguments()
    outputs, sizes = args.outputs, args.sizes
    before = older(args.before) if args.before else None
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
            # as installed for a user: the modules' bytecode cached (this sandbox sets PYTHONDONTWRITEBYTECODE, and
            # `holidays` alone is 300-odd modules, compiled again on every start without it); warmed once, untimed
            env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
            # a content cache of the bench's own: the user's is shared by every checkout on the machine, whose test
            # runs (thirty-odd temporary projects each) push other entries out, so a timed run could find the rule
            # book's entry gone and load it afresh (0.15 s)
            env["XDG_CACHE_HOME"] = str(OUT / "cache")
            if code:
                env["PYTHONPATH"] = code
            subprocess.run([py, "-c", WARM], check=True, env=env)
            out = subprocess.run(
                [py, "-c", PLAN, str(path), str(REPO), str(db), "1" if outputs else "0"],
                capture_output=True,
                text=True,
                check=True,
                env=env,
            ).stdout
            planned, total, calls, unscheduled, kb, rest = out.split(maxsplit=5)
            cmd = command(py, path, n, env)
            row = {
                "events": n,
                "code": "before" if code else "this",
                "csv_read_s": round(float(read_s), 3),
                "plan_s": round(float(planned), 3),
                "plan_and_ledger_s": round(float(total), 3),
                "ratio_plan": round(float(planned) / float(read_s), 1),
                "ratio_plan_and_ledger": round(float(total) / float(read_s), 1),
                "ratio_command_first": round(cmd["command_first_s"] / float(read_s), 1),
                "calls": int(calls),
                "unscheduled": int(unscheduled),
                "peak_mb": round(int(kb) / 1024),
                "outputs_s": {k: round(v, 2) for k, v in eval(rest).items()},  # noqa: S307 (our own dict literal)
                **cmd,
                "ratio_command_again": round(cmd["command_again_s"] / float(read_s), 1),
                "load_average": float(load),
            }
            results.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
