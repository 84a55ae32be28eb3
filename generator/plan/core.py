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
        self.places: dict = {}  # a bad row's line -> where its field at fault is (`cells.Place`), when known
        self.already = already  # calls found in the ledger from an earlier run
        self.frame: pl.DataFrame | None = None  # when set, the calls as columns (CALL_FRAME), in order
        self.warning_lists: list = [NO_WARNINGS]
        self.left: pl.DataFrame | None = None  # when set, the unscheduled rows as columns (line, reason), in order
        # when known, for each call of `frame` the number (0, 1, … in order of first use) of its window and time:
        # calls of one number share scenario, event, day, time, window and warnings, so their texts are made once
        self.shared: pl.Series | None = None
        # what the writers found in the columns of `frame` (jsonout.looked), with the frame it was found in
        self.looked: tuple[pl.DataFrame, dict] | None = None

    @property
    def calls(self) -> list[Call]:
        """The calls as Calls; from then on the list is what the plan holds (it may be changed in place)."""
        if self.frame is not None:
            self._calls = calls_of(self.frame, self.warning_lists)
            self.frame = self.shared = None
        return self._calls

    @calls.setter
    def calls(self, calls: list[Call]) -> None:
        self._calls, self.frame, self.shared = calls, None, None

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
        from huifang.cliwords import unknown_id

        raise LookupError(f"不认识的场景「{name}」{unknown_id(name, self.by_title)}")  # the titles a CRM export uses


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
        result.places = table.places
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
        """The plan over the rows as columns. What follows from the timing alone (windows, first working days, the
        day's call windows, warnings) is found once per window of each group of alike rows (`Windows`: thousands
        for a million rows); the rows carry integers into it (their group's window, their agent) and their texts
        are gathered once, when the calls are in order."""
        import polars as pl

        f, table.frame = table.frame, table.frame.clear()
        reads = {name: self.scenario_reads(name) for name in f["scenario"].unique().to_list()}
        bad = {name: why for name, why in reads.items() if isinstance(why, str)}
        if bad:
            wrong = pl.col("scenario").is_in(list(bad))
            for n, name in f.filter(wrong).select("line", "scenario").iter_rows():
                result.errors.append((n, bad[name]))
                table.fault(n, "场景")
            f = f.filter(~wrong)
        known = {name: r for name, r in reads.items() if not isinstance(r, str)}
        if not known:
            return
        # a scenario whose timing gives no window on any day (原文没有规定回访时限): its rows answered at once
        never = {name: why for name, r in known.items() if (why := self.never(r[0])) is not None}
        if never:
            gone = f["scenario"].is_in(list(never))
            rows = f.select("line", "scenario").filter(gone)
            left.append(
                rows.select("line", pl.col("scenario").replace_strict(never, return_dtype=pl.String).alias("reason"))
            )
            f, known = f.filter(~gone), {name: r for name, r in known.items() if name not in never}
            if not known:
                return
        ids, w = self.window_groups(f, known)
        f = f.select("line", "customer", "phone", "agent", "ident")  # what the calls take from their row
        if w.reasons:
            unplanned = ids.is_in(list(w.reasons))
            reasons = ids.filter(unplanned).replace_strict(w.reasons, return_dtype=pl.String).alias("reason")
            left.append(pl.DataFrame({"line": f["line"].filter(unplanned), "reason": reasons}))
            f, ids = f.filter(~unplanned), ids.filter(~unplanned)
        if not w.height:
            return
        lines = f["line"]
        in_order = lines.len() < 2 or bool((lines.diff().drop_nulls() > 0).all())
        # a task per window of each row, in row order, a row's windows in their order
        tasks = (
            pl.DataFrame({"gid": ids})
            .with_row_index("pos")
            .join(w.frame(), on="gid", how="inner", maintain_order="left_right")
            .select("pos", "wrow")
            .with_row_index("tid")
        )
        count = tasks.height
        who = f.select(
            pl.when(pl.col("ident") != "")
            .then(pl.col("ident"))
            .otherwise(pl.concat_str(pl.col("customer"), pl.lit("/"), pl.col("phone")))
        ).to_series()
        if len(self.known):  # planned by an earlier run
            before = self.known if isinstance(self.known, pl.Series) else pl.Series(list(self.known), dtype=pl.String)
            keys = pl.DataFrame(
                {"who": who.gather(tasks["pos"]), "end": w.series(w.key_ends(), pl.String).gather(tasks["wrow"])}
            ).select(pl.concat_str("who", "end").alias("key_"))
            # an anti-join: `is_in` of the imploded keys took 2-5 times as long (0.28-0.65 against 0.12 s at 1M)
            kept = tasks.with_columns(keys).join(
                before.alias("key_").to_frame(), on="key_", how="anti", maintain_order="left"
            )
            if kept.height < tasks.height:
                result.already += tasks.height - kept.height
                tasks = kept.drop("key_")
        order = partial(task_order, f["line"], w.series(w.rank(), pl.Int64), in_order)
        tasks = without_repeats(tasks, f["line"], who, w, order, left)
        del who
        # the first working day of each window still to place (looking days up marks the years the calendar does
        # not know, which the command reports)
        w.first_workdays(self, None if tasks.height == count else set(tasks["wrow"].unique().to_list()))
        raw = sorted(f["agent"].unique().to_list())
        named = [a or UNASSIGNED for a in raw]
        agents = sorted(set(named))
        place = {a: i for i, a in enumerate(agents)}
        agent_of = pl.Series([place[a] for a in named], dtype=pl.Int64).gather(codes(f["agent"], raw))
        capacity = [self.config.capacity_of(a) for a in agents]
        binding = self.binding(tasks, agent_of, w, agents, capacity)
        unknown_years = {y for y in range(self.first.year, self.last.year + 1) if not self.cal.published(y)}
        warn_lists: list[list[str] | tuple[()]] = [NO_WARNINGS]
        warn_ids: dict[tuple[str, ...], int] = {(): 0}
        one = None
        if binding:
            mine = agent_of.gather(tasks["pos"]).is_in(list(binding))
            one = self.place_one_by_one(
                old_tasks(tasks.filter(mine), f, agent_of, agents, capacity, w, order),
                result.unscheduled,
                unknown_years,
                warn_lists,
                warn_ids,
            )
            tasks = tasks.filter(~mine)
        calls = self.place_by_counts(
            tasks, f, agent_of, agents, capacity, w, order, result.unscheduled, unknown_years, warn_lists, warn_ids
        )
        if one is not None and one.height:
            calls = calls.select(*CALL_COLUMNS) if calls is not None else None
            calls = pl.concat([one, calls]) if calls is not None and calls.height else one
            ranks = calls.select("day", rank_of(calls["agent"]), rank_of(calls["time"]), "line")
            by = one_key(ranks, ["day", "agent", "time", "line"])
            calls = calls.sort(by, "order") if by is not None else calls.sort("day", "agent", "time", "line", "order")
            for agent, day, n in one.group_by("agent", "day").len().iter_rows():
                self.load[(agent, day)] = self.load.get((agent, day), 0) + n
            calls = w.with_titles(calls)
        if calls is None or not calls.height:
            return
        result.frame = calls.select(
            "line", "customer", "phone", pl.col("sid").alias("scenario"), "title", "agent", pl.col("day").alias("date"),
            "time", "start", "end", pl.lit("").alias("ledger_key"), "org", "wid", pl.col("date").alias("event"), "ident",
        )  # fmt: skip
        result.warning_lists = warn_lists
        result.shared = calls["shared"] if "shared" in calls.columns else None

    def never(self, scenario: m.Scenario) -> str | None:
        """Why a scenario's rows get no window whatever their fields say (its timing is unknown), or None."""
        if not scenario.timing.unknown:
            return None
        try:
            windows(scenario.timing, self.cal, self.first, self.first, self.last)
        except NoWindow as exc:
            return f"{scenario.title}：{exc}"
        return None

    def window_groups(self, f: pl.DataFrame, known: dict) -> tuple[pl.Series, Windows]:
        """Each row's group of rows alike in what their scenario's timing reads (the scenario, the event's date,
        the override its region or class chooses, the deadline and birthday when read), and the windows of each
        group, found once."""
        import polars as pl

        names = sorted(known)
        picked = [known[n] for n in names]
        named = codes(f["scenario"], names)
        override = pl.repeat(-1, f.height, dtype=pl.Int64, eager=True)
        if any(r[1] for r in picked):  # which override applies, per distinct (scenario, region, class)
            regions = sorted(f["region"].unique().drop_nulls().to_list())
            classes = sorted(f["customer_class"].unique().drop_nulls().to_list())
            alike = packed_key([named, codes(f["region"], regions), codes(f["customer_class"], classes)])
            assert alike is not None  # three small columns
            combos = pl.DataFrame({"key": alike, "s": named, "r": f["region"], "c": f["customer_class"]})
            combos = combos.unique(subset="key", keep="any")
            chosen_ = [chosen(picked[s][0].timing, r, c) if picked[s][1] else -1 for _, s, r, c in combos.iter_rows()]
            combos = combos.select("key", pl.Series("ov", chosen_, pl.Int64))
            override = lookup(alike.to_frame("key"), combos, ["key"])[0]
        dated = pl.Series([r[2] for r in picked], dtype=pl.Boolean).gather(named)
        born = pl.Series([r[3] for r in picked], dtype=pl.Boolean).gather(named)
        rows = pl.DataFrame(
            {
                "s": named,
                "date": f["date"],
                "ov": override,
                "deadline": f["deadline"],
                "birthday": f["birthday"],
                "dated": dated,
                "born": born,
                "region": f["region"],
                "customer_class": f["customer_class"],
            }
        ).with_columns(
            pl.when(pl.col("dated")).then(pl.col("deadline")).alias("deadline"),
            pl.when(pl.col("born")).then(pl.col("birthday")).alias("birthday"),
        )
        ids, groups = group_ids(rows.drop("dated", "born"), ["s", "date", "ov", "deadline", "birthday"])
        w = Windows(self.first, self.last)
        for gid, (s, date, _, deadline, birthday, region, customer_class) in enumerate(groups.iter_rows()):
            scenario = picked[s][0]
            try:
                found = windows(
                    scenario.timing,
                    self.cal,
                    date,
                    self.first,
                    self.last,
                    region=region,
                    customer_class=customer_class,
                    deadline=deadline,
                    birthday=divmod(birthday, 100) if birthday is not None else None,
                )
            except NoWindow as exc:
                w.reasons[gid] = f"{scenario.title}：{exc}"
                continue
            for window in found:
                w.add(gid, scenario, date, window.start, window.end)
        return ids, w

    def binding(
        self, tasks: pl.DataFrame, agent_of: pl.Series, w: Windows, agents: list[str], capacity: list[int]
    ) -> set[int]:
        """The agents whose capacity binds: the last of their calls on a first working day finds the day full."""
        import polars as pl

        first = pl.Series([(d - self.first).days if d else None for d in w.fw], dtype=pl.Int64).gather(tasks["wrow"])
        span = (self.last - self.first).days + 1
        who = agent_of.gather(tasks["pos"])
        if first.null_count():
            who, first = who.filter(first.is_not_null()), first.drop_nulls()
        found = set()
        for key, n in (who * span + first).value_counts().iter_rows():
            agent, day = divmod(key, span)
            booked = self.load.get((agents[agent], self.first + dt.timedelta(days=day)), 0)
            if n - 1 + booked >= capacity[agent]:
                found.add(agent)
        return found

    def place_by_counts(
        self,
        tasks: pl.DataFrame,
        f: pl.DataFrame,
        agent_of: pl.Series,
        agents: list[str],
        capacity: list[int],
        w: Windows,
        order: Callable[[pl.DataFrame], list[pl.Series]],
        unscheduled: list[tuple[int, str]],
        unknown_years: set[int],
        warn_lists: list,
        warn_ids: dict,
    ) -> pl.DataFrame | None:
        """The calls of agents whose capacity never binds: on the window's first working day, the n-th call of an
        agent's day (in task order) at the n-th time of its capacity; a window without a working day gets
        `busy_day`'s answer (the same for every call of that window, whatever the agent's load). The calls in the
        plan's order (day, agent, time, line, task order), as columns."""
        import polars as pl

        if not tasks.height:
            return None
        used = tasks["wrow"].unique().to_list()
        titles = w.titles
        why = w.days(self, used, unknown_years)
        if why:
            lost = tasks["wrow"].is_in(list(why))
            if lost.any():
                gone = tasks.filter(lost)
                for line, wrow in zip(f["line"].gather(gone["pos"]).to_list(), gone["wrow"].to_list()):
                    unscheduled.append((line, f"{titles[w.sid[wrow]]}：{why[wrow]}"))
                tasks = tasks.filter(~lost)
                if not tasks.height:
                    return None
        agent = agent_of.gather(tasks["pos"])
        day = w.series([(d - self.first).days if d else 0 for d in w.day], pl.Int64).gather(tasks["wrow"])
        slot = packed_key([day, agent])
        assert slot is not None  # days of the range, agents
        by_day = sort_order([slot, *order(tasks)])
        tasks, agent, slot = tasks[by_day], agent.gather(by_day), slot.gather(by_day)
        at = pl.int_range(0, tasks.height, dtype=pl.Int64, eager=True)
        starts = at.to_frame("at").select(
            pl.when(slot.ne_missing(slot.shift(1))).then(pl.col("at")).otherwise(None).forward_fill()
        )
        index = at - starts.to_series()
        if self.load:
            place = {a: i for i, a in enumerate(agents)}
            booked = pl.DataFrame(
                [(place[a], (d - self.first).days, n) for (a, d), n in self.load.items() if a in place],
                schema={"agent": pl.Int64, "day": pl.Int64, "booked": pl.Int64},
                orient="row",
            )
            index = index + lookup(pl.DataFrame({"agent": agent, "day": day.gather(by_day)}), booked, ["agent", "day"])[
                0
            ].fill_null(0)
        # the times by the window's call windows, the agent's capacity and the call's index on its day
        caps = sorted(set(capacity))
        cap_of = pl.Series([caps.index(c) for c in capacity], dtype=pl.Int64).gather(agent)  # few distinct
        slots = w.series(w.slots, pl.Int64).gather(tasks["wrow"])
        timed = packed_key([slots, cap_of, index])
        assert timed is not None  # few call windows, few capacities, a day's calls
        distinct = pl.DataFrame({"key": timed, "s": slots, "c": cap_of, "i": index})
        distinct = distinct.unique(subset="key", keep="any")
        slots_list = list(w.slot_ids)
        texts = [self.time_at(list(slots_list[s]), i, caps[c]) for _, s, c, i in distinct.iter_rows()]
        times = sorted(set(texts))
        rank = {t: n for n, t in enumerate(times)}
        at_time = pl.DataFrame(
            {"key": distinct["key"], "time": [rank[t] for t in texts]}, schema={"key": pl.Int64, "time": pl.Int64}
        )
        time = lookup(timed.to_frame("key"), at_time, ["key"])[0]
        # each agent's calls of each day counted from its run of rows, added to the load once the plan is made
        runs = slot.ne_missing(slot.shift(1)).arg_true()
        sizes = pl.concat([runs, pl.Series([tasks.height], dtype=runs.dtype)]).diff().drop_nulls().to_list()
        loads = zip(agent.gather(runs).to_list(), w.series(w.day, pl.Date).gather(tasks["wrow"].gather(runs)).to_list())
        final = sort_order([slot, time, f["line"].gather(tasks["pos"])])
        tasks, agent, time, index = tasks[final], agent.gather(final), time.gather(final), index.gather(final)
        wid = w.warnings(warn_lists, warn_ids)
        wrow = tasks["wrow"]
        pairs = wrow.cast(pl.Int64) * len(times) + time
        firsts = pairs.arg_unique().sort()
        numbers = pl.DataFrame({"key": pairs.gather(firsts), "shared": pl.int_range(0, len(firsts), eager=True)})
        for (a, day_), n in zip(loads, sizes):
            self.load[(agents[a], day_)] = self.load.get((agents[a], day_), 0) + n
        return pl.DataFrame(
            {
                **call_columns(tasks, f, w, agents, agent),
                "day": w.series(w.day, pl.Date).gather(wrow),
                "time": pl.Series(times, dtype=pl.String).gather(time),
                "wid": w.series(wid, pl.Int64).gather(wrow),
                "title": w.series([titles[s] for s in w.sid], pl.String).gather(wrow),
                "org": w.series([w.orgs[s] for s in w.sid], pl.String).gather(wrow),
                "shared": lookup(pairs.to_frame("key"), numbers, ["key"])[0],
            }
        )

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
            "order": pl.Int64, "line": pl.Int64, "customer": pl.String, "phone": pl.String, "sid": pl.String,
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
    found = pl.concat([f.cast(schema) for f in frames] + [given])
    if found["line"].n_unique() == found.height:  # no line twice: the line alone orders them (no texts compared)
        return found.sort("line")
    return found.sort("line", "reason")


class Windows:
    """The windows of the groups of alike rows (a few thousand for a million rows), one entry per window in group
    order, as lists: what every call of a window shares is found here once."""

    def __init__(self, first: dt.date, last: dt.date):
        self.first, self.last = first, last
        self.gid: list[int] = []
        self.sid: list[str] = []
        self.event: list[dt.date] = []
        self.start: list[dt.date] = []
        self.end: list[dt.date | None] = []
        self.reasons: dict[int, str] = {}  # group -> why it has no window
        self.titles: dict[str, str] = {}
        self.orgs: dict[str, str] = {}
        self.fw: list[dt.date | None] = []  # the first working day in [lo, hi] (of the windows still to place)
        self.day: list[dt.date | None] = []  # the day its calls go to when no capacity binds
        self.busy: list[str | None] = []
        self.unknown: list[bool] = []
        self.notes: list[list[str]] = []
        self.slots: list[int] = []
        self.slot_ids: dict[tuple, int] = {}

    @property
    def height(self) -> int:
        return len(self.gid)

    def add(self, gid: int, scenario: m.Scenario, event: dt.date, start: dt.date, end: dt.date | None) -> None:
        self.gid.append(gid)
        self.sid.append(scenario.id)
        self.event.append(event)
        self.start.append(start)
        self.end.append(end)
        self.titles[scenario.id], self.orgs[scenario.id] = scenario.title, scenario.org

    def lo(self, i: int) -> dt.date:
        return max(self.start[i], self.first)

    def hi(self, i: int) -> dt.date:
        end = self.end[i]
        return min(end if end is not None else self.last, self.last)

    @staticmethod
    def series(values: list, dtype) -> pl.Series:
        import polars as pl

        return pl.Series(values, dtype=dtype)

    def frame(self) -> pl.DataFrame:
        import polars as pl

        return pl.DataFrame({"gid": self.gid, "wrow": range(self.height)}, schema={"gid": pl.UInt32, "wrow": pl.UInt32})

    def rank(self) -> list[int]:
        """Each window's place among the distinct (deadline, start): the tasks' order before their rows'."""
        last = self.last
        pairs = [(e if e is not None else last, s) for s, e in zip(self.start, self.end)]
        place = {p: n for n, p in enumerate(sorted(set(pairs)))}
        return [place[p] for p in pairs]

    def key_ends(self) -> list[str]:
        """What follows who in the ledger key of each window's calls (`call_key`)."""
        return [f"|{s}|{e.isoformat()}|{b.isoformat()}" for s, e, b in zip(self.sid, self.event, self.start)]

    def first_workdays(self, planner: Planner, live: set[int] | None) -> None:
        """The first working day of each window (of those in `live`, when given)."""
        found: dict[tuple[dt.date, dt.date], dt.date | None] = {}
        self.fw = [None] * self.height
        for i in range(self.height) if live is None else sorted(live):
            span = (self.lo(i), self.hi(i))
            if span not in found:
                found[span] = planner.first_workday(*span)
            self.fw[i] = found[span]

    def days(self, planner: Planner, used: list[int], unknown_years: set[int]) -> dict[int, str]:
        """The day of each window's calls when no capacity binds, its notes and call windows; the windows whose
        calls stay unplanned, with the reason."""
        n = self.height
        self.day, self.busy, self.unknown = [None] * n, [None] * n, [False] * n
        self.notes, self.slots = [[]] * n, [0] * n
        answers: dict[tuple, tuple[dt.date | str, str | None]] = {}
        why: dict[int, str] = {}
        scenarios = planner.project.scenarios
        for i in used:
            lo, hi, day = self.lo(i), self.hi(i), self.fw[i]
            if day is None:
                span = (self.start[i], self.end[i])
                answer = answers.get(span)
                if answer is None:
                    notes: list[str] = []
                    found = planner.busy_day(span, lo, hi, None, "", ZERO, 0, notes)
                    answer = answers[span] = (found, notes[0] if notes else None)
                found, self.busy[i] = answer
                if isinstance(found, str):
                    why[i] = found
                    continue
                day = found
            self.day[i] = day
            self.unknown[i] = bool(unknown_years) and (
                lo.year in unknown_years or hi.year in unknown_years or day.year in unknown_years
            )
            scenario = scenarios[self.sid[i]]
            self.notes[i], _ = planner.spread(scenario, day)
            self.slots[i] = self.slot_ids.setdefault(tuple(planner.slots_of(scenario, day)), len(self.slot_ids))
        return why

    def warnings(self, lists: list, ids: dict) -> list[int]:
        """Each window's warnings (the busy day's, an unpublished year's, the call windows' notes) as an index into
        the plan's distinct warning lists."""
        found = []
        for busy, unknown, day, notes in zip(self.busy, self.unknown, self.day, self.notes):
            if day is None:
                found.append(0)
                continue
            said = [busy] if busy is not None else []
            if unknown:
                said.append(f"{day.year} 年的法定节假日和调休尚未公布，暂按周一至周五为工作日安排")
            said.extend(notes)
            found.append(intern_warnings(said, lists, ids))
        return found

    def with_titles(self, calls: pl.DataFrame) -> pl.DataFrame:
        import polars as pl

        titles = pl.DataFrame(
            {"sid": list(self.titles), "title": list(self.titles.values()), "org": [self.orgs[s] for s in self.titles]},
            schema={"sid": pl.String, "title": pl.String, "org": pl.String},
        )
        return calls.with_columns(lookup(calls, titles, ["sid"]))


def task_order(lines: pl.Series, rank: pl.Series, in_order: bool, tasks: pl.DataFrame) -> list[pl.Series]:
    """The columns that, with the tasks' row order breaking ties, order them earliest deadline first, then window
    start, then line, then the window's place among its row's (tasks are made in row order, a row's windows in
    their order; lines rising, a line is one row). Rows given out of line order: a line's rows the last first."""
    import polars as pl

    by = [rank.gather(tasks["wrow"])]
    if not in_order:
        tid = tasks["tid"].cast(pl.Int64)
        by += [lines.gather(tasks["pos"]), tid.max() - tid]  # type: ignore[operator]
    return by


def without_repeats(
    tasks: pl.DataFrame,
    lines: pl.Series,
    who: pl.Series,
    w: Windows,
    order: Callable[[pl.DataFrame], list[pl.Series]],
    left: list[pl.DataFrame],
) -> pl.DataFrame:
    """The tasks without the same call twice (who, scenario, event, window): the first in order is planned, the
    others point to its line. Only rows whose `who` is another row's too, and windows of a row that start on the
    same day, can repeat: the others are not looked through."""
    import polars as pl

    seen: dict[tuple[int, dt.date], int] = {}
    for g, s in zip(w.gid, w.start):
        seen[(g, s)] = seen.get((g, s), 0) + 1
    twice = pl.Series([seen[(g, s)] > 1 for g, s in zip(w.gid, w.start)], dtype=pl.Boolean)
    if who.n_unique() < who.len():  # counting distinct texts is a fifth of marking the repeated ones
        maybe = who.is_duplicated().gather(tasks["pos"]) | twice.gather(tasks["wrow"])
    elif twice.any():
        maybe = twice.gather(tasks["wrow"])
    else:
        return tasks
    if not maybe.any():
        return tasks
    c = tasks.filter(maybe)
    c = c[sort_order(order(c))]
    same = pl.DataFrame(
        {
            "who": who.gather(c["pos"]),
            "sid": w.series(w.sid, pl.String).gather(c["wrow"]),
            "date": w.series(w.event, pl.Date).gather(c["wrow"]),
            "start": w.series(w.start, pl.Date).gather(c["wrow"]),
            "line": lines.gather(c["pos"]),
            "tid": c["tid"],
        }
    )
    firsts = same.select(pl.struct("who", "sid", "date", "start").is_first_distinct()).to_series()
    if firsts.all():
        return tasks
    keys = ["who", "sid", "date", "start"]
    repeated = same.filter(~firsts)
    first_lines = same.filter(firsts).select(*keys, pl.col("line").alias("first_line"))
    left.append(
        pl.DataFrame({"line": repeated["line"]})
        .with_columns(lookup(repeated, first_lines, keys))
        .select(
            "line",
            pl.concat_str(
                pl.lit("与第 "), pl.col("first_line").cast(pl.String), pl.lit(" 行是同一位客户的同一次回访，不重复安排")
            ).alias("reason"),
        )
    )
    return tasks.filter(~pl.col("tid").is_in(repeated["tid"].implode()))


def call_columns(
    tasks: pl.DataFrame, f: pl.DataFrame, w: Windows, agents: list[str], agent: pl.Series
) -> dict[str, pl.Series]:
    """The columns every planned call has, in the plan's order: `tasks` rows (their event `pos`, window `wrow`)
    with the event's texts from `f`, the window's from `w` and each row's agent."""
    import polars as pl

    pos, wrow = tasks["pos"], tasks["wrow"]
    return {
        "order": pl.int_range(0, tasks.height, dtype=pl.Int64, eager=True),
        "line": f["line"].gather(pos),
        "customer": f["customer"].gather(pos),
        "phone": f["phone"].gather(pos),
        "sid": w.series(w.sid, pl.String).gather(wrow),
        "agent": pl.Series(agents, dtype=pl.String).gather(agent),
        "date": w.series(w.event, pl.Date).gather(wrow),
        "ident": f["ident"].gather(pos),
        "start": w.series(w.start, pl.Date).gather(wrow),
        "end": w.series(w.end, pl.Date).gather(wrow),
    }


def old_tasks(
    tasks: pl.DataFrame,
    f: pl.DataFrame,
    agent_of: pl.Series,
    agents: list[str],
    capacity: list[int],
    w: Windows,
    order: Callable[[pl.DataFrame], list[pl.Series]],
) -> pl.DataFrame:
    """Tasks as `place_one_by_one` takes them: in order, with their texts."""
    import polars as pl

    tasks = tasks[sort_order(order(tasks))]
    pos, wrow = tasks["pos"], tasks["wrow"]
    agent = agent_of.gather(pos)
    return pl.DataFrame(
        {
            **call_columns(tasks, f, w, agents, agent),
            "lo": w.series([w.lo(i) for i in range(w.height)], pl.Date).gather(wrow),
            "hi": w.series([w.hi(i) for i in range(w.height)], pl.Date).gather(wrow),
            "fw": w.series(w.fw, pl.Date).gather(wrow),
            "cap": pl.Series(capacity, dtype=pl.Int64).gather(agent),
        }
    )


def codes(column: pl.Series, distinct: list[str]) -> pl.Series:
    """Each text's place in `distinct` (which holds every text of the column; a missing text after them)."""
    import polars as pl

    return column.cast(pl.Enum(distinct)).to_physical().cast(pl.Int64).fill_null(len(distinct))


def packed_key(columns: list[pl.Series]) -> pl.Series | None:
    """Integer or date columns packed into one Int64 that orders as they do together, each above the next (a
    missing value above the others of its column), or None when that needs more than 63 bits: one integer is
    hashed and sorted faster than several columns taken in turn."""
    import polars as pl

    parts, widths = [], []
    for column in columns:
        column = column.cast(pl.Int64)
        low, high = column.min(), column.max()
        lo = int(low) if low is not None else 0  # type: ignore[arg-type]
        hi = int(high) if high is not None else 0  # type: ignore[arg-type]
        if column.null_count():
            hi += 1
            column = column.fill_null(hi)
        parts.append(column - lo if lo else column)
        widths.append((hi - lo).bit_length())
    shift = sum(widths)
    if shift > 63 or not parts:
        return None
    key = None
    for part, width in zip(parts, widths):
        shift -= width
        term = part * (1 << shift) if shift and width else part  # a column of one value: all 0, and 1 << 63 no Int64
        key = term if key is None else key + term
    return key


def sort_order(columns: list[pl.Series]) -> pl.Series:
    """The positions of the rows sorted by the columns (integers or dates, none missing) in turn, ties in row
    order: the row's position packed in as the last column, so one sort of integers gives them."""
    import polars as pl

    n = len(columns[0])
    key = packed_key([*columns, pl.int_range(0, n, dtype=pl.Int64, eager=True)])
    if key is None:
        frame = pl.DataFrame({f"c{i}": c for i, c in enumerate(columns)})
        return frame.select(pl.arg_sort_by(frame.columns, maintain_order=True)).to_series()
    return (key.sort() % (1 << (n - 1).bit_length())).cast(pl.UInt32)


def group_ids(frame: pl.DataFrame, on: list[str]) -> tuple[pl.Series, pl.DataFrame]:
    """Each row's group among the distinct values of `on` (UInt32; groups in the order of their values) and a row
    of each group (its other columns from any of its rows)."""
    import polars as pl

    key = packed_key([frame[c] for c in on])
    if key is None:
        groups = frame.group_by(on).agg(pl.all().first()).sort(on, nulls_last=True)
        return lookup(frame, groups.select(on).with_row_index("gid"), on)[0], groups
    firsts = key.arg_unique()
    groups = frame[firsts].with_columns(key.gather(firsts).alias("key_")).sort("key_")
    ids = lookup(key.alias("key_").to_frame(), groups.select("key_").with_row_index("gid"), ["key_"])[0]
    return ids, groups.drop("key_")


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
