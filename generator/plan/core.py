"""Plan calls: each event's due windows in [first, last], each call on a Chinese working day inside its
window, in the call windows, within each agent's daily capacity. Never moved out of its window: a
call that cannot get a working day is listed with a warning or left unscheduled with the reason.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from huifang import model as m
from huifang.plan.calendar import BIRTHDAY, Calendar
from huifang.plan.config import UNASSIGNED, PlanConfig
from huifang.plan.events import Event
from huifang.plan.windows import DAY, NoWindow, chosen, windows

if TYPE_CHECKING:
    import polars as pl
    from huifang.plan.table import Table

NO_WARNINGS = ()  # shared by the many calls without any
DEFAULT_WINDOWS = (m.CallWindow("09:00", "12:00"), m.CallWindow("14:00", "17:30"))


class Call(NamedTuple):
    line: int
    customer: str
    phone: str
    scenario: str  # id
    title: str
    agent: str
    date: dt.date
    time: str
    window: tuple[dt.date, dt.date | None]
    ledger_key: str = ""  # a call read back from the ledger keeps its key; "" for a call planned from a row
    org: str = ""
    warnings: list[str] | tuple[()] = ()
    event: dt.date | None = None  # the event's date (None: the window's start stands for it)
    ident: str = ""  # the row's 编号

    @property
    def key(self) -> str:
        """The call's identity in the ledger: who, which scenario, which event, which window (made when asked,
        not held by a million calls)."""
        return self.ledger_key or call_key(
            self.ident or f"{self.customer}/{self.phone}",
            self.scenario,
            (self.event or self.window[0]).isoformat(),
            self.window[0].isoformat(),
        )

    def as_dict(self) -> dict:
        end = self.window[1]
        return {
            "line": self.line,
            "customer": self.customer,
            "phone": self.phone,
            "scenario": self.scenario,
            "agent": self.agent,
            "date": self.date.isoformat(),
            "time": self.time,
            "window": [self.window[0].isoformat(), end.isoformat() if end else None],
            "warnings": list(self.warnings),
        }


class IsoDays(dict):
    """date -> its ISO text, made once per day (a million calls fall on a few hundred days); None -> None."""

    def __missing__(self, day: dt.date | None) -> str | None:
        text = self[day] = day.isoformat() if day is not None else None
        return text


def call_key(who: str, scenario: str, event: str, start: str) -> str:
    """Who (编号, else 客户/电话), the scenario id, the event's date and the window's first day, as the ledger keeps them."""
    return f"{who}|{scenario}|{event}|{start}"


# the calls of a plan as columns: Call's fields, the window as start and end, the warnings as an index into the
# plan's list of distinct warning lists
CALL_FRAME = (
    "line", "customer", "phone", "scenario", "title", "agent", "date", "time", "start", "end", "ledger_key", "org",
    "wid", "event", "ident",
)  # fmt: skip


class Plan:
    """The calls (as columns in `frame`, made into Calls when `calls` is first asked for), the rows left
    unscheduled with the reason (as columns in `left`, made into tuples when `unscheduled` is asked for), the bad
    rows."""

    def __init__(
        self,
        calls: list[Call] | None = None,
        unscheduled: list[tuple[int, str]] | None = None,
        errors: list[tuple[int, str]] | None = None,
        already: int = 0,
    ):
        self._calls = calls if calls is not None else []
        self._unscheduled = unscheduled if unscheduled is not None else []
        self.errors = errors if errors is not None else []
        self.already = already  # calls found in the ledger from an earlier run
        self.frame: pl.DataFrame | None = None  # when set, the calls as columns (CALL_FRAME), in order
        self.warning_lists: list = [NO_WARNINGS]
        self.left: pl.DataFrame | None = None  # when set, the unscheduled rows as columns (line, reason), in order

    @property
    def calls(self) -> list[Call]:
        """The calls as Calls; from then on the list is what the plan holds (it may be changed in place)."""
        if self.frame is not None:
            self._calls = calls_of(self.frame, self.warning_lists)
            self.frame = None
        return self._calls

    @calls.setter
    def calls(self, calls: list[Call]) -> None:
        self._calls, self.frame = calls, None

    def count(self) -> int:
        return self.frame.height if self.frame is not None else len(self._calls)

    @property
    def unscheduled(self) -> list[tuple[int, str]]:
        """The rows left unscheduled as (line, reason); from then on the list is what the plan holds."""
        if self.left is not None:
            self._unscheduled = list(zip(self.left["line"].to_list(), self.left["reason"].to_list()))
            self.left = None
        return self._unscheduled

    @unscheduled.setter
    def unscheduled(self, rows: list[tuple[int, str]]) -> None:
        self._unscheduled, self.left = rows, None

    def unscheduled_columns(self) -> pl.DataFrame:
        """The rows left unscheduled as columns (line, reason), without making tuples."""
        if self.left is not None:
            return self.left
        return unscheduled_frame([], self._unscheduled)

    def columns(self) -> tuple[pl.DataFrame, list]:
        """The calls as columns (CALL_FRAME) and the warning lists `wid` indexes, without making Calls."""
        if self.frame is not None:
            return self.frame, self.warning_lists
        return frame_of(self._calls)

    def as_dict(self) -> dict:
        return {
            "calls": [c.as_dict() for c in self.calls],
            "unscheduled": [{"line": n, "reason": r} for n, r in self.unscheduled],
            "errors": [{"line": n, "message": msg} for n, msg in self.errors],
        }


def minutes(hhmm: str) -> int:
    h, mi = hhmm.split(":")
    return int(h) * 60 + int(mi)


class Scenarios:
    """Scenario lookup by id or title (a title shared by several scenarios is ambiguous)."""

    def __init__(self, project: m.Project):
        self.by_id = project.scenarios
        self.by_title: dict[str, list[m.Scenario]] = {}
        for s in sorted(project.scenarios.values(), key=lambda s: s.id):
            self.by_title.setdefault(s.title, []).append(s)

    def find(self, name: str) -> m.Scenario:
        if name in self.by_id:
            return self.by_id[name]
        found = self.by_title.get(name, [])
        if len(found) == 1:
            return found[0]
        if found:
            raise LookupError(
                f"场景「{name}」有 {len(found)} 个同名场景，请写场景标识：" + "、".join(s.id for s in found)
            )
        raise LookupError(f"不认识的场景「{name}」")


class Planner:
    def __init__(
        self,
        project: m.Project,
        config: PlanConfig,
        cal: Calendar,
        first: dt.date,
        last: dt.date,
        booked: dict[tuple[str, dt.date], int] | None = None,
        known: set[str] | pl.Series | None = None,
    ):
        self.project, self.config, self.cal = project, config, cal
        self.first, self.last = first, last
        self.scenarios = Scenarios(project)
        self.load: dict[tuple[str, dt.date], int] = dict(booked or {})
        self.known = known if known is not None else set()  # keys of calls planned before (store.known_column)
        self._slots: dict[tuple[str, dt.date], tuple[list[tuple[int, int]], list[str], dict[int, list[str]]]] = {}
        self._shared: dict = {}
        self._no_workday: dict[tuple[dt.date, dt.date | None], str] = {}  # a window's 没有工作日 warning
        self._times: dict[tuple[tuple[int, int], ...], dict[int, list[str]]] = {}

    # -- windows ------------------------------------------------------------------------------------
    def call_windows(self, scenario: m.Scenario) -> list[m.CallWindow]:
        org = self.project.orgs.get(scenario.org)
        return (
            scenario.timing.call_windows
            or (org.call_windows if org else [])
            or self.config.call_windows
            or list(DEFAULT_WINDOWS)
        )

    def day_slots(self, scenario: m.Scenario, day: dt.date, warnings: list[str]) -> list[tuple[int, int]]:
        wins = self.call_windows(scenario)
        seasons = {w.season for w in wins if w.season}
        if seasons:
            chosen = [w for w in wins if not w.season or self.config.in_season(w.season, day)]
            undefined = [s for s in sorted(seasons) if self.config.in_season(s, day) is None]
            if undefined:
                warnings.append(
                    f"回访时段分季节（{'、'.join(sorted(seasons))}），但 huifang.yaml 的 plan.seasons "
                    "没有写季节起止，按全部时段安排"
                )
                chosen = wins
            wins = chosen or wins
        return [(minutes(w.start), minutes(w.end)) for w in wins if minutes(w.end) > minutes(w.start)]

    @staticmethod
    def time_at(slots: list[tuple[int, int]], index: int, capacity: int) -> str:
        if index == 0:
            return f"{slots[0][0] // 60:02d}:{slots[0][0] % 60:02d}" if slots else ""
        total = sum(b - a for a, b in slots)
        if not total:
            return ""
        offset = index * total // max(capacity, 1)
        offset = min(offset, total - 1)
        for a, b in slots:
            if offset < b - a:
                t = a + offset
                return f"{t // 60:02d}:{t % 60:02d}"
            offset -= b - a
        return ""

    # -- planning -----------------------------------------------------------------------------------
    def plan(self, items: Iterable[Event | tuple[int, str]] | Table) -> Plan:
        """Every row's windows, then every call placed earliest deadline first (then window start, then line) on
        its agent's first free working day, over the rows as columns (`table.Table`).

        Rows that share a scenario, an event date and the fields the timing reads share their windows, found once
        per group. An agent whose every call fits its first working day (the count of its calls there so far
        under its capacity) is placed by those counts; the calls of an agent whose capacity binds are placed one
        by one in the same order (`place_one_by_one`), since each overflow moves later calls.
        A table given is emptied: its rows are planned, not held twice.
        """
        from huifang.plan.table import Table

        table = items if isinstance(items, Table) else Table.of(items)
        result = Plan(errors=list(table.errors))
        left: list[pl.DataFrame] = []  # unscheduled rows as columns (the many); the few are in result.unscheduled
        collecting = gc.isenabled()
        gc.disable()  # a million rows and calls, no cycles among them: the collector would walk them again and again
        try:
            self.plan_columns(table, result, left)
        finally:
            if collecting:
                gc.enable()
        if left:
            result.left = unscheduled_frame(left, result.unscheduled)
        else:
            result.unscheduled.sort()
        result.errors.sort()
        return result

    def scenario_reads(self, name: str) -> tuple[m.Scenario, bool, bool, bool] | str:
        """The scenario a row names and which row fields its timing reads, or why it is not known."""
        try:
            scenario = self.scenarios.find(name)
        except LookupError as exc:
            return str(exc)
        t = scenario.timing
        return (
            scenario,
            bool(t.overrides),
            bool((t.within and not t.within.days) or t.before or t.until),
            BIRTHDAY in t.on,
        )

    def plan_columns(self, table: Table, result: Plan, left: list[pl.DataFrame]) -> None:
        import polars as pl

        f, table.frame = table.frame, table.frame.clear()

        first, last = self.first, self.last
        unscheduled = result.unscheduled
        f = f.with_row_index("pos")
        # the scenario each distinct name means, or why none
        reads = {name: self.scenario_reads(name) for name in f["scenario"].unique().to_list()}
        bad = {name: why for name, why in reads.items() if isinstance(why, str)}
        if bad:
            wrong = pl.col("scenario").is_in(list(bad))
            result.errors.extend((n, bad[name]) for n, name in f.filter(wrong).select("line", "scenario").iter_rows())
            f = f.filter(~wrong)
        known = {name: r for name, r in reads.items() if not isinstance(r, str)}
        if not known:
            return
        scenarios = {r[0].id: r[0] for r in known.values()}
        names = pl.DataFrame(
            {
                "scenario": list(known),
                "sid": [r[0].id for r in known.values()],
                "dated": [r[2] for r in known.values()],
                "born": [r[3] for r in known.values()],
            },
            schema={"scenario": pl.String, "sid": pl.String, "dated": pl.Boolean, "born": pl.Boolean},
        )
        f = f.with_columns(lookup(f, names, ["scenario"]))
        # which override applies: per distinct (scenario, region, class) of the scenarios that have any
        overridden = [name for name, r in known.items() if r[1]]
        if overridden:
            combos = f.filter(pl.col("scenario").is_in(overridden)).select("scenario", "region", "customer_class")
            combos = combos.unique()
            ov = [chosen(known[n][0].timing, r, c) for n, r, c in combos.iter_rows()]
            combos = combos.with_columns(pl.Series("ov", ov, pl.Int32))
            f = f.with_columns(lookup(f, combos, ["scenario", "region", "customer_class"]))
            f = f.with_columns(pl.col("ov").fill_null(-1))
        else:
            f = f.with_columns(pl.lit(-1, pl.Int32).alias("ov"))
        f = f.with_columns(
            pl.when(pl.col("dated")).then(pl.col("deadline")).alias("g_deadline"),
            pl.when(pl.col("born")).then(pl.col("birthday")).alias("g_birthday"),
        )
        keys = ["scenario", "date", "ov", "g_deadline", "g_birthday"]
        groups = f.group_by(keys).agg(pl.first("region"), pl.first("customer_class"))
        reasons: dict[int, str] = {}
        spans: list[tuple[int, int, dt.date, dt.date | None]] = []  # group, window index, start, end
        for gid, (name, date, _, deadline, birthday, region, customer_class) in enumerate(groups.iter_rows()):
            scenario = known[name][0]
            try:
                found = windows(
                    scenario.timing,
                    self.cal,
                    date,
                    first,
                    last,
                    region=region,
                    customer_class=customer_class,
                    deadline=deadline,
                    birthday=divmod(birthday, 100) if birthday is not None else None,
                )
            except NoWindow as exc:
                reasons[gid] = f"{scenario.title}：{exc}"
                continue
            spans.extend((gid, i, w.start, w.end) for i, w in enumerate(found))
        groups = groups.with_row_index("gid")
        f = f.with_columns(lookup(f, groups.select(*keys, "gid"), keys))
        if reasons:
            unplanned = pl.col("gid").is_in(list(reasons))
            left.append(
                f.filter(unplanned).select(
                    "line", pl.col("gid").replace_strict(reasons, return_dtype=pl.String).alias("reason")
                )
            )
            f = f.filter(~unplanned)
        lines = f["line"]
        in_order = lines.len() < 2 or bool((lines.diff().drop_nulls() > 0).all())
        if not spans:
            return
        wins = pl.DataFrame(
            spans,
            schema={"gid": pl.UInt32, "widx": pl.Int64, "start": pl.Date, "end": pl.Date},
            orient="row",
        )
        f = f.select("pos", "line", "customer", "phone", "sid", "date", "agent", "ident", "gid")
        t = f.join(wins, on="gid", how="inner")
        tie = pl.col("pos").cast(pl.Int64) * (LONGEST_WINDOWS + 1) + pl.col("widx")
        t = t.with_columns(
            pl.col("end").fill_null(last).alias("deadline_"),
            (tie if in_order else -tie).alias("tie"),
            pl.when(pl.col("ident") != "")
            .then(pl.col("ident"))
            .otherwise(pl.concat_str(pl.col("customer"), pl.lit("/"), pl.col("phone")))
            .alias("who"),
        )
        # lines rising (a file's rows): a line is one row, so its windows' index stands for the tie-break
        by = one_key(t, ["deadline_", "start", "line", "widx"]) if in_order else None
        t = t.sort(by) if by is not None else t.sort("deadline_", "start", "line", "tie")
        t = t.with_row_index("order")
        if len(self.known):  # planned by an earlier run
            key = pl.concat_str(
                "who", pl.lit("|"), "sid", pl.lit("|"), pl.col("date").dt.to_string(), pl.lit("|"),
                pl.col("start").dt.to_string(),
            )  # fmt: skip
            before = self.known if isinstance(self.known, pl.Series) else list(self.known)
            planned = pl.DataFrame({"key_": before}, schema={"key_": pl.String})
            kept = t.with_columns(key.alias("key_")).join(planned, on="key_", how="anti", maintain_order="left")
            if kept.height < t.height:
                result.already += t.height - kept.height
                t = kept.drop("key_")
        # the same call twice (who, scenario, event, window): the first in order is planned, the others point to
        # its line. `t` is in order here, so a group's first row is its first in order: one pass of hashing, where
        # a minimum and a first value over the groups were two
        same = ["who", "sid", "date", "start"]
        firsts = t.select(pl.struct(same).is_first_distinct()).to_series()
        if not firsts.all():
            repeated = t.filter(~firsts)
            lines = t.filter(firsts).select(*same, pl.col("line").alias("first_line"))
            left.append(
                pl.DataFrame({"line": repeated["line"]})
                .with_columns(lookup(repeated, lines, same))
                .select(
                    "line",
                    pl.concat_str(
                        pl.lit("与第 "),
                        pl.col("first_line").cast(pl.String),
                        pl.lit(" 行是同一位客户的同一次回访，不重复安排"),
                    ).alias("reason"),
                )
            )
            t = t.filter(firsts)
        t = t.with_columns(
            pl.when(pl.col("agent") == "").then(pl.lit(UNASSIGNED)).otherwise(pl.col("agent")).alias("agent"),
            pl.max_horizontal("start", pl.lit(first)).alias("lo"),
            pl.min_horizontal("deadline_", pl.lit(last)).alias("hi"),
        )
        # the first working day of each window (of the windows still to place: looking days up marks the years
        # the calendar does not know, which the command reports)
        bounds = t.select("lo", "hi").unique()
        bounds = bounds.with_columns(
            pl.Series("fw", [self.first_workday(lo, hi) for lo, hi in bounds.iter_rows()], pl.Date)
        )
        t = t.with_columns(lookup(t, bounds, ["lo", "hi"]))
        agents = t["agent"].unique().to_list()
        capacity = pl.DataFrame(
            {"agent": agents, "cap": [self.config.capacity_of(a) for a in agents]},
            schema={"agent": pl.String, "cap": pl.Int64},
        )
        booked = pl.DataFrame(
            [(a, d, n) for (a, d), n in self.load.items()],
            schema={"agent": pl.String, "day": pl.Date, "booked": pl.Int64},
            orient="row",
        )
        t = t.with_columns(lookup(t, capacity, ["agent"]))
        # an agent's capacity binds when the last of its calls on a first working day finds the day full
        full = (
            t.filter(pl.col("fw").is_not_null())
            .group_by("agent", "fw")
            .agg(pl.len().cast(pl.Int64).alias("calls"), pl.first("cap"))
            .rename({"fw": "day"})
        )
        full = full.join(booked, on=["agent", "day"], how="left").with_columns(pl.col("booked").fill_null(0))
        binding = set(full.filter(pl.col("calls") - 1 + pl.col("booked") >= pl.col("cap"))["agent"].to_list())
        unknown_years = {y for y in range(first.year, last.year + 1) if not self.cal.published(y)}
        warn_lists: list[list[str] | tuple[()]] = [NO_WARNINGS]
        warn_ids: dict[tuple[str, ...], int] = {(): 0}
        placed: list[pl.DataFrame] = []
        if binding:
            one = t.filter(pl.col("agent").is_in(list(binding)))
            t = t.filter(~pl.col("agent").is_in(list(binding)))
            placed.append(self.place_one_by_one(one, unscheduled, unknown_years, warn_lists, warn_ids))
        placed.append(self.place_by_counts(t, booked, unscheduled, unknown_years, warn_lists, warn_ids))
        calls = pl.concat([p for p in placed if p.height], how="vertical") if any(p.height for p in placed) else None
        if calls is None:
            return
        ranks = calls.select("day", rank_of(calls["agent"]), rank_of(calls["time"]), "line")
        by = one_key(ranks, ["day", "agent", "time", "line"])
        calls = calls.sort(by, "order") if by is not None else calls.sort("day", "agent", "time", "line", "order")
        for agent, day, n in calls.group_by("agent", "day").len().iter_rows():
            self.load[(agent, day)] = self.load.get((agent, day), 0) + n
        titles = pl.DataFrame(
            {
                "sid": list(scenarios),
                "title": [s.title for s in scenarios.values()],
                "org": [s.org for s in scenarios.values()],
            },
            schema={"sid": pl.String, "title": pl.String, "org": pl.String},
        )
        calls = calls.with_columns(lookup(calls, titles, ["sid"]))
        result.frame = calls.select(
            "line", "customer", "phone", pl.col("sid").alias("scenario"), "title", "agent", pl.col("day").alias("date"),
            "time", "start", "end", pl.lit("").alias("ledger_key"), "org", "wid", pl.col("date").alias("event"), "ident",
        )  # fmt: skip
        result.warning_lists = warn_lists

    def place_by_counts(
        self,
        t: pl.DataFrame,
        booked: pl.DataFrame,
        unscheduled: list[tuple[int, str]],
        unknown_years: set[int],
        warn_lists: list,
        warn_ids: dict,
    ) -> pl.DataFrame:
        """The calls of agents whose capacity never binds: on the window's first working day; a window without
        one gets `busy_day`'s answer (the same for every call of that window, whatever the agent's load)."""
        import polars as pl

        lost = t.filter(pl.col("fw").is_null())
        if not lost.height:
            t = t.with_columns(pl.lit(None, pl.String).alias("busy"))
        else:
            answers: dict[tuple, tuple[str | None, str | None]] = {}
            for start, end, lo, hi in lost.select("start", "end", "lo", "hi").unique().iter_rows():
                notes: list[str] = []
                found = self.busy_day((start, end), lo, hi, None, "", ZERO, 0, notes)
                answers[(start, end)] = (found, None) if isinstance(found, str) else (None, notes[0])
            why = pl.DataFrame(
                [(s, e, a[0], a[1]) for (s, e), a in answers.items()],
                schema={"start": pl.Date, "end": pl.Date, "why": pl.String, "busy": pl.String},
                orient="row",
            )
            # a window's first working day follows from (start, end) and the range: only calls without one match
            t = t.with_columns(lookup(t, why, ["start", "end"]))
            gone = t.filter(pl.col("why").is_not_null())
            if gone.height:
                titles = {s.id: s.title for s in self.project.scenarios.values()}
                unscheduled.extend(
                    (n, f"{titles[sid]}：{w}") for n, sid, w in gone.select("line", "sid", "why").iter_rows()
                )
                t = t.filter(pl.col("why").is_null())
            t = t.drop("why")
        t = t.with_columns(pl.coalesce("fw", "lo").alias("day"))
        t = t.with_columns(pl.int_range(pl.len()).over("agent", "day").alias("rank"))
        t = t.with_columns(lookup(t, booked, ["agent", "day"]))
        t = t.with_columns((pl.col("rank") + pl.col("booked").fill_null(0)).alias("index"))
        return self.finish(t, unknown_years, warn_lists, warn_ids)

    def finish(self, t: pl.DataFrame, unknown_years: set[int], warn_lists: list, warn_ids: dict) -> pl.DataFrame:
        """Each placed call's time (by its index on the day) and warnings: the busy day's, an unpublished year's,
        the call windows' notes."""
        import polars as pl

        unknown = list(unknown_years)
        t = t.with_columns(
            (
                pl.col("lo").dt.year().is_in(unknown)
                | pl.col("hi").dt.year().is_in(unknown)
                | pl.col("day").dt.year().is_in(unknown)
            ).alias("unknown")
            if unknown
            else pl.lit(False).alias("unknown")
        )
        # the call windows of each scenario on each day: their notes, and the times by index and capacity
        days = t.select("sid", "day").unique()
        slot_ids: dict[tuple, int] = {}
        per_day = []
        for sid, day in days.iter_rows():
            scenario = self.project.scenarios[sid]
            notes, _ = self.spread(scenario, day)
            slots = tuple(self.slots_of(scenario, day))
            per_day.append((sid, day, slot_ids.setdefault(slots, len(slot_ids)), "\x1f".join(notes)))
        days = pl.DataFrame(
            per_day, schema={"sid": pl.String, "day": pl.Date, "slots": pl.Int64, "notes": pl.String}, orient="row"
        )
        t = t.with_columns(lookup(t, days, ["sid", "day"]))
        slot_list = list(slot_ids)
        times = t.select("slots", "cap", "index").unique()
        times = times.with_columns(
            pl.Series(
                "time",
                [self.time_at(list(slot_list[s]), i, c) for s, c, i in times.iter_rows()],
                pl.String,
            )
        )
        t = t.with_columns(lookup(t, times, ["slots", "cap", "index"]))
        kinds = t.select("busy", "unknown", "day", "notes").unique()
        ids = []
        for busy, unknown_year, day, notes in kinds.iter_rows():
            found = [busy] if busy is not None else []
            if unknown_year:
                found.append(f"{day.year} 年的法定节假日和调休尚未公布，暂按周一至周五为工作日安排")
            if notes:
                found.extend(notes.split("\x1f"))
            ids.append(intern_warnings(found, warn_lists, warn_ids))
        kinds = kinds.with_columns(pl.Series("wid", ids, pl.Int64))
        t = t.with_columns(lookup(t, kinds, ["busy", "unknown", "day", "notes"]))
        return t.select(*CALL_COLUMNS)

    def place_one_by_one(
        self,
        t: pl.DataFrame,
        unscheduled: list[tuple[int, str]],
        unknown_years: set[int],
        warn_lists: list,
        warn_ids: dict,
    ) -> pl.DataFrame:
        """The calls of agents whose capacity binds, one by one in order: a call whose first working day is full
        goes to the least loaded working day of its window (`busy_day`), which moves the calls after it."""
        import polars as pl

        agents: dict[str, tuple[dict[dt.date, int], dict[dt.date, int]]] = {}
        booked: dict[str, dict[dt.date, int]] = {}
        for (agent, day), n in self.load.items():
            booked.setdefault(agent, {})[day] = n
        rows = []
        columns = [*CALL_COLUMNS[: CALL_COLUMNS.index("end") + 1], "lo", "hi", "fw", "cap"]
        titles = {s.id: s.title for s in self.project.scenarios.values()}
        for order, line, customer, phone, sid, agent, date, ident, start, end, lo, hi, fw, capacity in t.select(
            columns
        ).iter_rows():
            state = agents.get(agent)
            if state is None:
                state = agents[agent] = ({}, booked.get(agent, {}))
            placed, before = state
            warnings: list[str] = []
            index = placed.get(fw, 0) + before.get(fw, 0) if fw is not None else capacity
            if fw is not None and index < capacity:
                free = fw
            else:
                found = self.busy_day(
                    (start, end),
                    lo,
                    hi,
                    fw,
                    agent,
                    partial(load_on, placed, before),
                    capacity,
                    warnings,
                )
                if isinstance(found, str):
                    unscheduled.append((line, f"{titles[sid]}：{found}"))
                    continue
                free = found
                index = placed.get(free, 0) + before.get(free, 0)
            placed[free] = placed.get(free, 0) + 1
            rows.append(
                (
                    order,
                    line,
                    customer,
                    phone,
                    sid,
                    agent,
                    date,
                    ident,
                    start,
                    end,
                    lo,
                    hi,
                    free,
                    capacity,
                    index,
                    warnings[0] if warnings else None,
                )
            )
        schema = {
            "order": pl.UInt32, "line": pl.Int64, "customer": pl.String, "phone": pl.String, "sid": pl.String,
            "agent": pl.String, "date": pl.Date, "ident": pl.String, "start": pl.Date, "end": pl.Date,
            "lo": pl.Date, "hi": pl.Date, "day": pl.Date, "cap": pl.Int64, "index": pl.Int64, "busy": pl.String,
        }  # fmt: skip
        return self.finish(pl.DataFrame(rows, schema=schema, orient="row"), unknown_years, warn_lists, warn_ids)

    def spread(self, scenario: m.Scenario, day: dt.date) -> tuple[list[str], dict[int, list[str]]]:
        """The warnings about the day's call windows, and the times of its calls by capacity (filled as needed)."""
        key = (scenario.id, day)
        known = self._slots.get(key)
        if known is None:
            notes: list[str] = []
            slots = self.day_slots(scenario, day, notes)
            # the times depend only on the windows: scenarios and days with the same windows share them
            known = self._slots[key] = (slots, notes, self._times.setdefault(tuple(slots), {}))
        return known[1], known[2]

    def slots_of(self, scenario: m.Scenario, day: dt.date) -> list[tuple[int, int]]:
        return self._slots[(scenario.id, day)][0]

    def first_workday(self, lo: dt.date, hi: dt.date) -> dt.date | None:
        day = lo
        while day <= hi:
            if self.cal.is_workday(day):
                return day
            day += DAY
        return None

    def busy_day(
        self,
        span: tuple[dt.date, dt.date | None],
        lo: dt.date,
        hi: dt.date,
        first_workday: dt.date | None,
        agent: str,
        load: Callable[[dt.date], int],
        capacity: int,
        warnings: list[str],
    ) -> dt.date | str:
        """The day for a call whose first working day is full or that has none; or why it stays unplanned."""
        start, end = span
        end_text = end.isoformat() if end else "不限"
        free = None
        if first_workday is not None:
            day = first_workday + DAY
            while day <= hi:
                if self.cal.is_workday(day) and load(day) < capacity:
                    free = day
                    break
                day += DAY
        if free is not None:
            return free
        if first_workday is None:
            if end is not None and end > self.last and self.cal.next_workday(self.last + DAY, end):
                return f"本期内没有工作日，时间窗延续到 {end_text}，留待下次排班"
            if start < self.first and self.cal.next_workday(start, self.first - DAY):
                return f"时间窗（{start.isoformat()} 至 {end_text}）内的工作日都在本期之前，已逾期"
            warning = self._no_workday.get(span)
            if warning is None:
                holiday = next((h for h in (self.cal.holiday_name(d) for d in days(lo, hi)) if h), "")
                warning = self._no_workday[span] = (
                    f"时间窗（{start.isoformat()} 至 {end_text}）全部在"
                    + (f"法定假日（{holiday}）" if holiday else "休息日")
                    + "内，没有工作日；按规范仍排在窗口内，请安排值班"
                )
            warnings.append(warning)
            return lo
        if end is None or end > self.last:
            return f"本期坐席「{agent}」每天 {capacity} 个已排满，时间窗延续到 {end_text}，留待下次排班"
        warnings.append(f"时间窗内坐席「{agent}」每天 {capacity} 个已排满，超出容量安排")
        return min((d for d in days(lo, hi) if self.cal.is_workday(d)), key=lambda d: (load(d), d))


CALL_COLUMNS = (
    "order",
    "line",
    "customer",
    "phone",
    "sid",
    "agent",
    "date",
    "ident",
    "start",
    "end",
    "day",
    "time",
    "wid",
)
LONGEST_WINDOWS = 1 << 20  # windows of one event, more than windows.LONGEST ever gives


def lookup(frame: pl.DataFrame, table: pl.DataFrame, on: list[str]) -> list[pl.Series]:
    """`table`'s other columns for each row of `frame`, matched on `on` (null matches null), in the frame's order;
    joined on the key columns alone, since a join copies every column it carries."""
    found = frame.select(on).join(table, on=on, how="left", maintain_order="left", nulls_equal=True)
    return found.drop(on).get_columns()


def one_key(frame: pl.DataFrame, columns: list[str]) -> pl.Series | None:
    """The columns (integers or dates) packed into one Int64 that sorts as they do together, each above the next,
    or None when their spans need more than 63 bits or a value is null: one integer sorts faster than several
    columns compared in turn."""
    import polars as pl

    if not frame.height:
        return None
    ints = frame.select(pl.col(c).cast(pl.Int64) for c in columns)
    if any(ints.null_count().row(0)):
        return None
    lows, highs = ints.min().row(0), ints.max().row(0)
    bits = [(hi - lo).bit_length() for lo, hi in zip(lows, highs)]
    shift = sum(bits)
    if shift > 63:
        return None
    key = pl.lit(0, pl.Int64)
    for name, low, width in zip(columns, lows, bits):
        shift -= width
        key = key + (pl.col(name) - low) * pl.lit(1 << shift, pl.Int64)
    return ints.select(key.alias("key")).to_series()


def rank_of(column: pl.Series) -> pl.Series:
    """Each text's place among the column's distinct texts in sorted order (str order: UTF-8 bytes sort as code
    points do)."""
    import polars as pl

    distinct = sorted(column.drop_nulls().unique().to_list())
    return column.replace_strict(distinct, list(range(len(distinct))), default=None, return_dtype=pl.Int64)


def unscheduled_frame(frames: list[pl.DataFrame], rows: list[tuple[int, str]]) -> pl.DataFrame:
    """Unscheduled rows given as columns and as tuples, in one frame ordered as the tuples sort (line, then reason:
    UTF-8 bytes order as code points do)."""
    import polars as pl

    schema = pl.Schema({"line": pl.Int64, "reason": pl.String})
    given = pl.DataFrame(rows, schema=schema, orient="row")
    return pl.concat([f.cast(schema) for f in frames] + [given]).sort("line", "reason")


def load_on(placed: dict[dt.date, int], before: dict[dt.date, int], day: dt.date) -> int:
    """An agent's calls on a day: placed in this run and booked by earlier ones."""
    return placed.get(day, 0) + before.get(day, 0)


def ZERO(day: dt.date) -> int:
    return 0


def intern_warnings(found: list[str], lists: list, ids: dict) -> int:
    key = tuple(found)
    known = ids.get(key)
    if known is None:
        known = ids[key] = len(lists)
        lists.append(found)
    return known


def days(lo: dt.date, hi: dt.date):
    while lo <= hi:
        yield lo
        lo += DAY


def calls_of(frame: pl.DataFrame, warning_lists: list) -> list[Call]:
    """The frame's rows as Calls (a window's (start, end) tuple shared by its calls)."""
    make = tuple.__new__
    spans: dict = {}
    share = spans.setdefault
    out: list[Call] = []
    append = out.append
    for line, customer, phone, sid, title, agent, day, time, start, end, key, org, wid, event, ident in zip(
        *(frame[name].to_list() for name in CALL_FRAME)
    ):
        append(
            make(
                Call,
                (
                    line,
                    customer,
                    phone,
                    sid,
                    title,
                    agent,
                    day,
                    time,
                    share((start, end), (start, end)),
                    key,
                    org,
                    warning_lists[wid],
                    event,
                    ident,
                ),
            )  # fmt: skip
        )
    return out


def frame_of(calls: list[Call]) -> tuple[pl.DataFrame, list]:
    """Calls as the columns CALL_FRAME, with the warning lists their `wid` indexes."""
    import polars as pl

    lists: list = [NO_WARNINGS]
    ids: dict[tuple[str, ...], int] = {(): 0}
    columns: dict[str, list] = {name: [] for name in CALL_FRAME}
    for c in calls:
        for name, value in zip(
            CALL_FRAME,
            (
                c.line, c.customer, c.phone, c.scenario, c.title, c.agent, c.date, c.time, c.window[0], c.window[1],
                c.ledger_key, c.org, intern_warnings(list(c.warnings), lists, ids), c.event, c.ident,
            ),
        ):  # fmt: skip
            columns[name].append(value)
    schema = {
        name: pl.Int64
        if name in ("line", "wid")
        else pl.Date
        if name in ("date", "start", "end", "event")
        else pl.String
        for name in CALL_FRAME
    }
    return pl.DataFrame(columns, schema=schema), lists
