"""`huifang plan EVENTS --from DATE --to DATE`: the call list for a date range."""

from __future__ import annotations

import datetime as dt
import gc
import os
import sqlite3
import sys
from pathlib import Path

from huifang import ledger, readfile
from huifang.contentcache import load_content
from huifang.plan import attempts, store
from huifang.plan.calendar import LAST_YEAR, Calendar
from huifang.plan.cells import said
from huifang.plan.config import PlanConfig
from huifang.plan.core import Plan, Planner
from huifang.plan.events import InputError, read_events
from huifang.plan.jsonout import write_json
from huifang.problems import ContentError, display_path, printable

# polars' allocator (jemalloc): freed memory goes back to the system after 500 ms and then at once, not after
# polars' own 500 ms and 1 s (pages freed lazily still count in the peak); a million rows pass through several
# frames in turn, and the peak is what the user's machine must hold. Sooner costs page faults (200 ms: 0.2 s more
# CPU at a million events), later the peak (1,000 ms: ≈ 835 against ≈ 800 MB; see bench/README.md). polars puts
# its own defaults in front of this (later options win in jemalloc's list).
ALLOCATOR = "dirty_decay_ms:500,muzzy_decay_ms:0"
# polars' threads: one. A plan is many short polars steps between Python ones, and a pool's idle thread spins
# between them: at a million events two threads took 0.1-0.4 s more CPU (1.94-2.36 against 1.85-1.99 s) for the
# same wall time on a quiet 2-CPU machine and more under load; at 10k and 100k events the same (bench/README.md,
# round planspeed11).
THREADS = "1"
SETTINGS = {"_RJEM_MALLOC_CONF": ALLOCATOR, "POLARS_MAX_THREADS": THREADS}


def load_polars() -> None:
    """Import polars with its allocator and threads set as SETTINGS says. jemalloc and polars' thread pool read
    their variables once, when polars loads, so they are set for the import only and removed again; a user's own
    setting wins (then nothing is added to it)."""
    if "polars" in sys.modules:
        return
    own = [name for name in SETTINGS if name not in os.environ]
    for name in own:
        os.environ[name] = SETTINGS[name]
    try:
        import polars  # noqa: F401
    finally:
        for name in own:
            os.environ.pop(name, None)


def parse_range(args) -> tuple[dt.date, dt.date] | str:
    try:
        first, last = dt.date.fromisoformat(args.date_from), dt.date.fromisoformat(args.date_to)
    except ValueError:
        return "--from 和 --to 要写成 2026-03-01 这样的日期"
    if last < first:
        return "--to 早于 --from"
    if (last - first).days > 3660:
        return "日期范围超过十年"
    return first, last


def load(args):
    """(project, config) or None after printing the content's problems. The whole project as `load_project`
    gives it, from the content cache that lint and qa keep while nothing it read has changed (0.01 against 0.15 s
    for the shipped rule book)."""
    loaded = load_content(Path(args.project), scripts=True)
    errors = [p for p in loaded.problems if p.severity == "error"]
    if errors:
        for problem in errors:
            print(problem, file=sys.stderr)
        print(f"内容有 {len(errors)} 个问题，先用 huifang check 修正", file=sys.stderr)
        return None
    return loaded.project, PlanConfig.of(loaded.project)


def text_report(plan: Plan, first: dt.date, last: dt.date, out=None) -> None:
    out = out or sys.stdout  # the one at the call (a default bound at import kept a stream since replaced)
    day, agent = None, None
    for c in plan.calls:
        if (c.date, c.agent) != (day, agent):
            day, agent = c.date, c.agent
            out.write(f"\n{c.date.isoformat()} {WEEKDAYS[c.date.weekday()]}  {c.agent}\n")
        end = c.window[1].isoformat() if c.window[1] else "不限"
        out.write(
            f"  {c.time or '--:--'}  {c.customer}  {c.phone}  {c.title}（时间窗 {c.window[0].isoformat()} 至 {end}）\n"
        )
        for w in c.warnings:
            out.write(f"         注意：{w}\n")
    if plan.unscheduled:
        out.write(f"\n未排入（{len(plan.unscheduled)}）：\n")
        for line, reason in plan.unscheduled:
            out.write(f"  第 {line} 行：{reason}\n")
    out.write(
        f"\n{first.isoformat()} 至 {last.isoformat()}：排入 {len(plan.calls)} 个回访，未排入 {len(plan.unscheduled)} 个，"
        f"有误的行 {len(plan.errors)} 个" + (f"，此前已排 {plan.already} 个不再重复" if plan.already else "") + "\n"
    )


WEEKDAYS = [f"周{d}" for d in "一二三四五六日"]


def record(
    db: sqlite3.Connection, built: Path | None, target: Path, plan: Plan, run: str, since: tuple[int, dt.date, dt.date]
) -> sqlite3.Connection:
    """The plan saved in the ledger `db`, which is `target`, or a new one `ledger.building` made for it (`built`),
    then put in place. If another run put a ledger there meanwhile (two first runs at once), the plan is saved in
    that one instead, as into any ledger: the calls the other run saved are left out. The connection to close."""
    store.save(db, plan, run, since)
    if built is None or ledger.publish(db, built, target):
        return db
    db = ledger.connect(target.parent, target)
    store.save(db, plan, run, (None, since[1], since[2]))  # its keys are read whatever its version
    return db


def run(args) -> int:
    """`huifang plan` with Python's cycle collector paused: the run makes few Python objects that could form a cycle
    (the rows and calls are polars columns), and the collector's eighty-odd passes over what polars' import and the
    rule book left behind cost 0.012 s of a million-row plan."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return plan_command(args)
    except sqlite3.DatabaseError as exc:
        return ledger_failed("plan", args, exc)
    finally:
        if collecting:
            gc.enable()


def ledger_failed(command: str, args, exc: sqlite3.DatabaseError) -> int:
    """A ledger that cannot be opened or written (not a database, a folder, a symlink loop, locked): one line."""
    where = args.db or ledger.DEFAULT_NAME
    print(
        f"huifang {command}: {where}: 回访台账无法打开或写入（{ledger.reason(exc)}）：请检查 --db 指定的文件",
        file=sys.stderr,
    )
    return 1


def plan_command(args) -> int:
    """The command's work (`run`): the exit code."""
    rng = parse_range(args)
    if isinstance(rng, str):
        print(f"huifang plan: {rng}", file=sys.stderr)
        return 2
    first, last = rng
    if args.no_db and args.out:
        print(
            "huifang plan: --no-db 只看名单、不记入台账，不能和 --out 一起用：写出的名单要记入台账，huifang report 才能读回",
            file=sys.stderr,
        )
        return 2
    if args.out and os.path.exists(args.out) and not os.path.isdir(args.out):  # said after planning: File exists
        print(
            f"huifang plan: --out {args.out}：这是一个文件，不是文件夹；名单、日历和 PDF 要写进一个文件夹",
            file=sys.stderr,
        )
        return 2
    load_polars()
    got = load(args)
    if got is None:
        return 1
    project, config = got
    path = Path(args.events)
    shown = display_path(path, Path.cwd()) if path.is_absolute() else printable(str(path))
    try:
        readfile.check(path, shown)
    except ContentError as exc:
        print(exc.problem, file=sys.stderr)
        return 2 if readfile.missing(path) else 1  # a path that is not there: usage, as in lint and qa
    cal = Calendar()
    target = Path(args.db or ledger.default_path(project.root))
    # --no-db: a look at the list; the ledger is read (what is planned is not listed again), never written or made
    looking = args.no_db and not target.exists()
    # no ledger yet (a team's first plan): made whole in a file of its own, then put in place
    built = None
    if args.no_db or target.exists():
        db = ledger.connect(project.root, Path(":memory:") if looking else target)
    else:
        db, built = ledger.building(target)
    try:
        since = (store.version(db), first, last)  # what the known keys saw (save looks again if it changed)
        planner = Planner(
            project, config, cal, first, last, store.booked(db, first, last), store.known_column(db, first, last)
        )
        try:
            plan = planner.plan(read_events(path, config.columns))
        except InputError as exc:
            print(f"{shown}:1:1: {exc}", file=sys.stderr)
            return 1
        again = attempts.followups(db, project, first, last)  # 改约 and 重拨 from `huifang report`
        if again:
            plan.calls = sorted(plan.calls + again, key=lambda c: (c.date, c.agent, c.time, c.line))
        if args.out:
            from huifang.plan.outputs import write_all

            write_all(plan, project, first, last, Path(args.out))
        if not args.no_db:
            db = record(db, built, target, plan, f"{first.isoformat()}..{last.isoformat()}", since)
    finally:
        db.close()
        if built is not None:
            built.unlink(missing_ok=True)
    if args.format == "json":
        write_json(plan, sys.stdout)
        sys.stdout.write("\n")
    else:
        text_report(plan, first, last)
    for line, message in plan.errors:
        print(said(plan.places.get(line), shown, line, message), file=sys.stderr)
    if args.no_db and plan.calls:
        print("huifang plan: --no-db：这些回访没有记入台账，下次排班还会排出它们", file=sys.stderr)
    for year in sorted(cal.unpublished):
        print(
            f"huifang plan: 警告：{year} 年的法定节假日和调休尚未公布（已知到 {LAST_YEAR} 年），"
            "暂按周一至周五为工作日安排，公布后请更新 chinese-calendar 并重新排班",
            file=sys.stderr,
        )
    return 1 if plan.errors else 0
