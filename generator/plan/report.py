"""`huifang report RESULTS --from DATE --to DATE`: the filled worklists back into the ledger, and per
scenario, agent and week: due, made, reached, 回访率 against the target, satisfaction, rescheduled
calls, complaints to open, overdue calls.

回访率 = calls made inside their window ÷ calls due (planned for a day in the range). A call moved by
the customer (不方便 → 改约时间) is planned again, and so is a call not reached, up to the maximum
attempts (attempts.py). A due call is counted with the calls planned again for it: made on the first
day any of them was made, reached when any was, satisfied as the last answer given says.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import sqlite3
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from huifang import ledger, readfile
from huifang import model as m
from huifang.atomic import overwrites
from huifang.plan import attempts, store
from huifang.plan.cells import InCsv, Place, in_sheet, said
from huifang.plan.command import load, parse_range
from huifang.plan.config import PlanConfig
from huifang.plan.events import MONTH_DAY, InputError, csv_rows, csv_text, open_workbook, parse_date, text
from huifang.problems import ContentError, display_path, printable

SATISFACTION = ("满意", "一般", "不满意")
INCONVENIENT = "不方便"
TIME = re.compile(r"(\d{1,2})[:：](\d{2})")


@dataclass
class Outcome:
    key: str
    made: dt.date | None
    reached: bool | None
    satisfaction: str
    reschedule: dt.date | None
    reschedule_time: str
    note: str
    where: str = ""  # the row it was read from: a line (CSV) or 工作表!行 (XLSX)
    place: Place | None = None  # where its 计划编号 is


def read_results(path: Path) -> tuple[list[Outcome], list[tuple[str, str, Place]]]:
    """Outcomes, and (where, message, place) errors; `where` is a line (CSV) or 工作表!行 (XLSX), `place` where the
    cell at fault is."""
    found: list[Outcome] = []
    errors: list[tuple[str, str, Place]] = []
    suffix = path.suffix.lower()
    filled = False
    if suffix in (".xlsx", ".xlsm"):
        book = open_workbook(path)
        try:
            for sheet in book.worksheets:
                table = [(n, list(v)) for n, v in enumerate(sheet.iter_rows(values_only=True), 1)]
                filled = filled or any(any(c not in (None, "") for c in cells) for _, cells in table)
                read_table(table, f"{sheet.title}!", found, errors, in_sheet)
        finally:
            book.close()
    else:
        content = csv_text(path)
        table = list(csv_rows(content))
        filled = any(any(text(c) for c in cells) for _, cells in table)
        read_table(table, "", found, errors, InCsv(content))
    if not filled:  # as plan says of an empty events table (an empty worklist was read as nothing to record)
        raise InputError("文件是空的：请交回 huifang plan 生成、坐席填好的名单")
    return found, errors


def read_table(
    table: list[tuple[int, list]], prefix: str, found: list[Outcome], errors: list, locate: Callable[[int, int], Place]
) -> None:
    """The outcomes of one table (a CSV, a sheet), the header first; `locate` finds a row's cell (`cells`)."""
    if not table:
        return
    header = [text(c) for c in table[0][1]]
    if "计划编号" not in header:
        errors.append(
            (f"{prefix}{table[0][0]}", "缺少「计划编号」列：请交回 huifang plan 生成的名单", Place(table[0][0], 1))
        )
        return
    col = {name: header.index(name) for name in header if name}

    def get(cells, name):
        i = col.get(name)
        return cells[i] if i is not None and i < len(cells) else None

    def wrong(line: int, name: str, message: str) -> None:
        errors.append((f"{prefix}{line}", message, locate(line, col.get(name, 0))))

    for line, cells in table[1:]:
        key = text(get(cells, "计划编号"))
        if not key:
            continue

        near = planned_day(get(cells, "计划日期"))
        try:
            made = filled_date(get(cells, "实际回访日期"), near)
        except ValueError as exc:
            wrong(line, "实际回访日期", named(exc, "实际回访日期"))
            continue
        moved_raw = get(cells, "改约时间")
        moved_text = text(moved_raw)
        try:
            if isinstance(moved_raw, str):  # its day without the time of day (2026-03-05 10:00, 2026-03-05T10:00)
                day_text = TIME.sub("", moved_raw).strip().rstrip("Tt").strip()
                try:
                    moved = filled_date(day_text, near)
                except ValueError as exc:  # said of what the agent wrote, not of its day alone
                    raise ValueError(str(exc).replace(f"「{day_text}」", f"「{moved_text}」")) from None
            else:
                moved = filled_date(moved_raw, near)
        except ValueError as exc:
            wrong(line, "改约时间", named(exc, "改约时间"))
            continue
        reached_text = text(get(cells, "是否接通"))
        if reached_text not in ("", "是", "否"):
            wrong(line, "是否接通", f"「是否接通」应填 是 或 否，不是「{reached_text}」")
            continue
        mood = text(get(cells, "满意度"))
        if mood and mood not in SATISFACTION + (INCONVENIENT,):
            wrong(line, "满意度", f"「满意度」应填 满意、一般、不满意 或 不方便，不是「{mood}」")
            continue
        hhmm = TIME.search(moved_text)
        if hhmm and (int(hhmm.group(1)) > 23 or int(hhmm.group(2)) > 59):
            wrong(line, "改约时间", f"「改约时间」的时刻「{hhmm.group(0)}」不存在")
            continue
        found.append(
            Outcome(
                key,
                made,
                None if not reached_text else reached_text == "是",
                mood,
                moved,
                f"{int(hhmm.group(1)):02d}:{hhmm.group(2)}" if hhmm else "",
                text(get(cells, "客户意见")),
                f"{prefix}{line}",
                locate(line, col["计划编号"]),
            )
        )


YEAR = re.compile(r"\s*\d{4}")  # a date that names its year is read as written, never moved to another year


def named(error: ValueError, column: str) -> str:
    """A date's fault said of its column: 「日期「3月33日」不存在」 of 实际回访日期 is 「实际回访日期「3月33日」不存在」."""
    said = str(error)
    return column + said[2:] if said.startswith("日期「") else f"{column}：{said}"


def planned_day(value) -> dt.date | None:
    try:
        return parse_date(value)
    except ValueError:
        return None


def filled_date(value, near: dt.date | None) -> dt.date | None:
    """A date as an agent writes it on the worklist: any form `parse_date` reads, or a month and day without the
    year (5月6日, 5/6), which is the one nearest the call's planned day (so 1/2 on a list planned for 12-30 is
    January 2 of the next year)."""
    try:
        return parse_date(value)
    except ValueError as exc:
        error = exc
    found = MONTH_DAY.match(value) if isinstance(value, str) and not YEAR.match(value) else None
    if found is None or near is None:
        raise error
    days = []
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            days.append(dt.date(year, int(found.group(1)), int(found.group(2))))
        except ValueError:
            continue
    if not days:
        raise error
    return min(days, key=lambda day: abs((day - near).days))


def save(
    db: sqlite3.Connection,
    outcomes: list[Outcome],
    source: str,
    project: m.Project | None = None,
    config: PlanConfig | None = None,
) -> list[Outcome]:
    """Store outcomes; plan the rescheduled calls again, and the calls not reached up to the maximum number
    of attempts (attempts.py). Returns the outcomes whose 计划编号 the ledger does not know."""
    from huifang.plan.outputs import ref

    planned = {
        ref(key): (key, (scenario, customer, phone, agent, date, time, win_from, win_to, line, parent, run))
        for key, scenario, customer, phone, agent, date, time, win_from, win_to, line, run, parent in store.calls(db)
    }
    retrier = attempts.Retrier(project, config, db) if project is not None and config is not None else None
    unknown = []
    with db:
        for o in outcomes:
            found = planned.get(o.key)
            if found is None:
                unknown.append(o)
                continue
            key, (scenario, customer, phone, agent, date, time, win_from, win_to, line, parent, _) = found
            root = parent or key
            db.execute(
                "INSERT OR REPLACE INTO plan_results VALUES (?,?,?,?,?,?,?)",
                (
                    key,
                    o.made.isoformat() if o.made else None,
                    None if o.reached is None else int(o.reached),
                    o.satisfaction,
                    o.reschedule.isoformat() if o.reschedule else None,
                    o.note,
                    source,
                ),
            )
            follow = (
                "INSERT OR IGNORE INTO plan_calls (key, scenario, customer, phone, agent, date, time, "
                "win_from, win_to, line, run, rescheduled_from) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
            )
            if o.reschedule:
                db.execute(
                    follow,
                    (
                        f"{root}|改约|{o.reschedule.isoformat()}",
                        scenario,
                        customer,
                        phone,
                        agent,
                        o.reschedule.isoformat(),
                        o.reschedule_time,
                        win_from,
                        win_to,
                        line,
                        "改约",
                        root,
                    ),
                )
            known = retrier.project.scenarios.get(scenario) if retrier is not None else None
            if o.reached is False and retrier is not None and known is not None:
                due = planned.get(ref(root))
                chain = chain_state(db, root, (due[1][10], due[1][4], due[1][5]) if due else None)
                most = attempts.limit(known, retrier.config)
                if most is not None and not chain.reached and chain.unreached < most:
                    retry = retrier.plan(
                        root,
                        known,
                        agent,
                        o.made or dt.date.fromisoformat(date),
                        time or "",
                        dt.date.fromisoformat(win_to) if win_to else None,
                        chain.unreached + 1,
                    )
                    if isinstance(retry, attempts.Retry):
                        db.execute(
                            follow,
                            (
                                retry.key,
                                scenario,
                                customer,
                                phone,
                                agent,
                                retry.date.isoformat(),
                                retry.time,
                                win_from,
                                win_to,
                                line,
                                attempts.RETRY,
                                root,
                            ),
                        )
    return unknown


@dataclass
class Chain:
    """A due call and the calls planned again for it (改约, 重拨), as the report counts them."""

    made: str | None = None  # the first day any of them was made
    reached: bool = False
    unreached: int = 0  # attempts answered 是否接通 = 否
    mood: str = ""  # the last satisfaction given (满意, 一般, 不满意)
    rescheduled: bool = False
    pending: tuple[str, str] | None = None  # (date, time) of a retry planned and not yet reported


def chain_state(db: sqlite3.Connection, root: str, due: tuple[str | None, str, str | None] | None) -> Chain:
    """The chain of the due call `root`, whose (run, date, time) the caller has read (None: not in the ledger),
    and of the calls planned again for it. These are rows `report` wrote (plan_more, found by rescheduled_from);
    the due call is read by the caller, not looked for among the calls planned in plan_days' arrays."""
    chain = Chain()
    outcome = (
        "r.key IS NOT NULL, r.made, r.reached, r.satisfaction, r.reschedule FROM {} LEFT JOIN plan_results r "
        "ON r.key = c.key"
    )
    if due is not None:
        add(chain, *due, *db.execute("SELECT " + outcome.format("(SELECT ? AS key) c"), (root,)).fetchone())
    for row in db.execute(
        "SELECT c.run, c.date, c.time, " + outcome.format("plan_more c") + " WHERE c.rescheduled_from = ? "
        "ORDER BY c.date, c.key",
        (root,),
    ):
        add(chain, *row)
    return chain


def add(
    chain: Chain,
    run: str | None,
    date: str,
    time: str | None,
    reported: bool,
    made: str | None,
    reached: int | None,
    mood: str | None,
    moved: str | None,
) -> None:
    if made and (chain.made is None or made < chain.made):
        chain.made = made
    chain.reached = chain.reached or reached == 1
    chain.unreached += reached == 0
    if mood in SATISFACTION:
        chain.mood = mood
    chain.rescheduled = chain.rescheduled or bool(moved) or mood == INCONVENIENT
    if run == attempts.RETRY and not reported:
        chain.pending = (date, time or "")


@dataclass
class Tally:
    due: int = 0
    made: int = 0
    in_window: int = 0
    reached: int = 0
    satisfied: int = 0
    neutral: int = 0
    unsatisfied: int = 0
    rescheduled: int = 0
    overdue: int = 0
    gave_up: int = 0
    targets: set = field(default_factory=set)

    def rate(self) -> float | None:
        return round(100 * self.in_window / self.due, 1) if self.due else None

    def as_dict(self) -> dict:
        target = next(iter(self.targets)) if len(self.targets) == 1 else None
        rate = self.rate()
        return {
            "due": self.due,
            "made": self.made,
            "made_in_window": self.in_window,
            "reached": self.reached,
            "rate": rate,
            "target": target,
            "met": None if target is None or rate is None else rate >= target,
            "satisfied": self.satisfied,
            "neutral": self.neutral,
            "unsatisfied": self.unsatisfied,
            "rescheduled": self.rescheduled,
            "overdue": self.overdue,
            "gave_up": self.gave_up,
        }


def week_of(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def complaint_form(project: m.Project, scenario: m.Scenario | None) -> str:
    if scenario is None:
        return ""
    forms = [project.forms[f] for f in scenario.forms if f in project.forms]
    chosen = next((f for f in forms if "投诉" in f.title), None)
    return chosen.title if chosen else "（场景未指定投诉表）"


def ledger_range(db: sqlite3.Connection) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the due calls in the ledger (what the handbook's 回访统计 page covers)."""
    low, high = db.execute("SELECT min(date), max(date) FROM plan_calls WHERE rescheduled_from IS NULL").fetchone()
    return (dt.date.fromisoformat(low), dt.date.fromisoformat(high)) if low else None


def unreached_status(chain: Chain, most: int | None) -> str:
    """Why a call not reached is, or is not, dialled again."""
    said = f"已拨 {chain.unreached} 次未接通"
    if chain.pending:
        return f"{said}，第 {chain.unreached + 1} 次安排在 {chain.pending[0]} {chain.pending[1]}".rstrip()
    if most is None:
        return f"{said}；未规定最多拨打次数（huifang.yaml 的 plan.max_attempts），不再安排"
    if chain.unreached >= most:
        return f"{said}，已达上限（{most} 次）"
    return f"{said}，时间窗内已没有可再拨的工作日"


NO_RESULT = (None, None, None, None)


def compute(db: sqlite3.Connection, project: m.Project, config: PlanConfig, first: dt.date, last: dt.date) -> dict:
    """The report's figures: what `huifang report` prints and the handbook's 回访统计 page shows."""
    span = (first.isoformat(), last.isoformat())
    # the due calls of the range, each with its outcome (as a LEFT JOIN of plan_results would give it), ordered
    # by day, agent (none first, as SQL sorts NULL) and key
    results = {
        k: rest for k, *rest in db.execute("SELECT key, made, reached, satisfaction, reschedule FROM plan_results")
    }
    rows_: list[tuple[Any, ...]] = sorted(
        (
            (key, sid, customer, phone, agent, date, win_from, win_to, run, date, time, int(key in results))
            + tuple(results.get(key, NO_RESULT))
            for key, sid, customer, phone, agent, date, time, win_from, win_to, _, run, parent in store.calls(
                db, first, last
            )
            if parent is None
        ),
        key=lambda row: (row[5], row[4] is not None, row[4] or "", row[0]),
    )
    chains: dict[str, Chain] = defaultdict(Chain)
    for row in rows_:
        add(chains[row[0]], *row[8:])
    # the calls planned again for those (rows `report` wrote one by one: no unpacking of plan_days)
    for root, *rest in db.execute(
        "SELECT c.rescheduled_from, c.run, c.date, c.time, r.key IS NOT NULL, r.made, r.reached, r.satisfaction,"
        f" r.reschedule FROM {store.one_by_one(db)} c LEFT JOIN plan_results r ON r.key = c.key"
        " WHERE c.rescheduled_from IS NOT NULL ORDER BY c.date, c.key",
    ):
        if root in chains:
            add(chains[root], *rest)
    groups: dict[str, dict[str, Tally]] = {
        "scenario": defaultdict(Tally),
        "agent": defaultdict(Tally),
        "week": defaultdict(Tally),
    }
    total = Tally()
    complaints, unreached = [], []
    for key, sid, customer, phone, agent, date, win_from, win_to, *_ in rows_:
        chain = chains[key]
        scenario = project.scenarios.get(sid)
        target = scenario.target_rate if scenario and scenario.target_rate is not None else config.targets.get(sid)
        most = attempts.limit(scenario, config)
        gave_up = not chain.reached and most is not None and chain.unreached >= most
        day = dt.date.fromisoformat(date)
        for t in (groups["scenario"][sid], groups["agent"][agent], groups["week"][week_of(day)], total):
            t.due += 1
            t.targets.add(target)
            if chain.made:
                t.made += 1
                if win_from <= chain.made and (win_to is None or chain.made <= win_to):
                    t.in_window += 1
            elif win_to is not None and win_to < span[1]:
                t.overdue += 1
            t.reached += chain.reached
            t.satisfied += chain.mood == "满意"
            t.neutral += chain.mood == "一般"
            t.unsatisfied += chain.mood == "不满意"
            t.rescheduled += chain.rescheduled
            t.gave_up += gave_up
        who = {
            "key": key,
            "customer": customer,
            "phone": phone,
            "agent": agent,
            "scenario": sid,
            "title": scenario.title if scenario else sid,
        }
        if chain.mood == "不满意":
            complaints.append({**who, "form": complaint_form(project, scenario)})
        if chain.unreached and not chain.reached:
            unreached.append(
                {
                    **who,
                    "attempts": chain.unreached,
                    "max_attempts": most,
                    "gave_up": gave_up,
                    "status": unreached_status(chain, most),
                }
            )

    def titled(kind: str, name: str) -> str:
        if kind == "scenario":
            s = project.scenarios.get(name)
            return s.title if s else name
        return name

    return {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "total": total.as_dict(),
        **{
            kind: [{"name": name, "title": titled(kind, name), **t.as_dict()} for name, t in sorted(g.items())]
            for kind, g in groups.items()
        },
        "complaints": complaints,
        "unreached": unreached,
    }


HEADS = ["应访", "已访", "窗口内", "接通", "回访率", "目标", "满意", "一般", "不满意", "改约", "逾期", "未接通已达上限"]


def cells(d: dict) -> list:
    rate = "—" if d["rate"] is None else f"{d['rate']:g}%"
    target = (
        "—" if d["target"] is None else f"{d['target']:g}%" + ("" if d["met"] is None else " ✓" if d["met"] else " ✗")
    )
    return [
        d["due"],
        d["made"],
        d["made_in_window"],
        d["reached"],
        rate,
        target,
        d["satisfied"],
        d["neutral"],
        d["unsatisfied"],
        d["rescheduled"],
        d["overdue"],
        d["gave_up"],
    ]


KINDS = (("scenario", "按场景"), ("agent", "按坐席"), ("week", "按周"))


def width(value: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in value)


def table(rows_: list[list], out) -> None:
    """Columns padded by display width (a Chinese character is two columns)."""
    texts = [[str(x) for x in r] for r in rows_]
    widths = [max(width(r[i]) for r in texts) for i in range(len(texts[0]))]
    for r in texts:
        out.write(
            "  "
            + "  ".join(
                x + " " * (w - width(x)) if i == 0 else " " * (w - width(x)) + x
                for i, (x, w) in enumerate(zip(r, widths, strict=True))
            ).rstrip()
            + "\n"
        )


def text_report(data: dict, out=None) -> None:
    out = out or sys.stdout  # the one at the call (a default bound at import kept a stream since replaced)
    out.write(f"回访统计 {data['from']} 至 {data['to']}（回访率 = 时间窗内已访 ÷ 应访）\n")
    for kind, title in KINDS:
        out.write(f"\n{title}\n")
        table(
            [["名称"] + HEADS]
            + [[row["title"]] + cells(row) for row in data[kind]]
            + [["合计"] + cells(data["total"])],
            out,
        )
    if data["complaints"]:
        out.write(f"\n待开投诉单（{len(data['complaints'])}）：\n")
        for c in data["complaints"]:
            out.write(f"  {c['customer']} {c['phone']}  {c['title']}（{c['agent']}）→ {c['form']}\n")
    if data["unreached"]:
        out.write(f"\n未接通（{len(data['unreached'])}）：\n")
        for c in data["unreached"]:
            out.write(f"  {c['customer']} {c['phone']}  {c['title']}（{c['agent']}）：{c['status']}\n")


def xlsx_report(data: dict, path: Path) -> None:
    from huifang.atomic import write_bytes
    from huifang.plan.outputs import reproducible_zip
    from huifang.sheettext import keep_text, printable
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    stamp = dt.datetime.fromisoformat(data["from"])
    book.properties.created = book.properties.modified = stamp
    for kind, title in KINDS:
        sheet = book.create_sheet(title)
        sheet.append(["名称"] + HEADS)
        for row in data[kind]:
            sheet.append([printable(v) for v in [row["title"]] + cells(row)])
        sheet.append(["合计"] + cells(data["total"]))
    sheet = book.create_sheet("未接通")
    sheet.append(["客户", "电话", "场景", "坐席", "情况"])
    for c in data["unreached"]:
        sheet.append([printable(v) for v in [c["customer"], c["phone"], c["title"], c["agent"], c["status"]]])
    sheet = book.create_sheet("待开投诉单")
    sheet.append(["客户", "电话", "场景", "坐席", "投诉表"])
    for c in data["complaints"]:
        sheet.append([printable(v) for v in [c["customer"], c["phone"], c["title"], c["agent"], c["form"]]])
    keep_text(book)  # customers' names from a CRM export are text, never formulas
    buffer = io.BytesIO()
    book.save(buffer)
    write_bytes(path, reproducible_zip(buffer.getvalue()))


def run(args) -> int:
    import sqlite3

    try:
        return _run(args)
    except sqlite3.DatabaseError as exc:
        from huifang.plan.command import ledger_failed

        return ledger_failed("report", args, exc)


def _wrong_out(args, root) -> str:
    """Why --out cannot be written (a folder; a worklist this run reads, or the ledger, which the report would
    replace: an agent's filled-in worklist lost), or ""."""
    if not args.out:
        return ""
    if os.path.isdir(args.out):
        return "这是一个目录，请给出要写入的文件名"
    inputs = [(str(raw), "坐席填好的名单") for raw in args.results]
    inputs.append((str(args.db or ledger.default_path(root)), "回访台账"))
    what = overwrites(args.out, inputs)
    return f"这是本次要读取的{what}，写出统计会把它覆盖；请另选一个文件名" if what else ""


def _run(args) -> int:
    rng = parse_range(args)
    if isinstance(rng, str):
        print(f"huifang report: {rng}", file=sys.stderr)
        return 2
    first, last = rng
    if args.format == "xlsx" and not args.out:
        print("huifang report: --format xlsx 需要 --out 文件", file=sys.stderr)
        return 2
    got = load(args)
    if got is None:
        return 1
    project, config = got
    wrong = _wrong_out(args, project.root)
    if wrong:
        print(f"huifang report: --out {args.out}：{wrong}", file=sys.stderr)
        return 2
    lost = [raw for raw in args.results if readfile.missing(raw)]
    for raw in lost:  # before the ledger is touched: a path that is not there is a usage error, as in lint and qa
        path = Path(raw)
        shown = display_path(path, Path.cwd()) if path.is_absolute() else printable(str(path))
        print(f"{shown}:1:1: {readfile.reason(FileNotFoundError(), path)}", file=sys.stderr)
    if lost:
        return 2
    missing = ledger.named_but_missing(args.db)
    if missing:
        print(f"huifang report: {missing}", file=sys.stderr)
        return 2
    bad = False
    db = ledger.connect(project.root, args.db)
    try:
        for raw in args.results:
            path = Path(raw)
            shown = display_path(path, Path.cwd()) if path.is_absolute() else printable(str(path))
            try:
                readfile.check(path, shown)
            except ContentError as exc:
                print(exc.problem, file=sys.stderr)
                bad = True
                continue
            try:
                outcomes, errors = read_results(path)
            except InputError as exc:
                print(f"{shown}:1:1: {exc}", file=sys.stderr)
                bad = True
                continue
            for where, message, place in errors:
                sheet, _, line = where.rpartition("!")
                print(said(place, shown, int(line), message, sheet), file=sys.stderr)
                bad = True
            for o in save(db, outcomes, shown, project, config):  # said at its row (it was said at line 1)
                sheet, _, line = o.where.rpartition("!")
                message = f"计划编号「{o.key}」不在台账里（是另一份台账排出的名单吗？用 --db 指定）"
                print(said(o.place, shown, int(line or 1), message, sheet), file=sys.stderr)
                bad = True
        data = compute(db, project, config, first, last)
    finally:
        db.close()
    if args.format == "xlsx":
        xlsx_report(data, Path(args.out))
    else:
        printed = io.StringIO()
        if args.format == "json":
            json.dump(data, printed, ensure_ascii=False, indent=2)
            printed.write("\n")
        else:
            text_report(data, printed)
        if args.out:
            from huifang.atomic import write_text

            write_text(Path(args.out), printed.getvalue())
        else:
            sys.stdout.write(printed.getvalue())
    if args.out:
        print(f"已写入 {args.out}", file=sys.stderr)
    return 1 if bad else 0
