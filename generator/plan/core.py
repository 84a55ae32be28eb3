"""Plan calls: each event's due windows in [first, last], each call on a Chinese working day inside its
window, in the call windows, within each agent's daily capacity. Never moved out of its window: a
call that cannot get a working day is listed with a warning or left unscheduled with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from huifang import model as m
from huifang.plan.calendar import Calendar
from huifang.plan.config import UNASSIGNED, PlanConfig
from huifang.plan.events import Event
from huifang.plan.windows import DAY, NoWindow, Window, windows

NO_WARNINGS = ()  # shared by the many calls without any
DEFAULT_WINDOWS = (m.CallWindow("09:00", "12:00"), m.CallWindow("14:00", "17:30"))


@dataclass(slots=True)
class Call:
    line: int
    customer: str
    phone: str
    scenario: str  # id
    title: str
    agent: str
    date: dt.date
    time: str
    window: tuple[dt.date, dt.date | None]
    key: str
    org: str = ""
    warnings: list[str] | tuple[()] = ()

    def as_dict(self) -> dict:
        end = self.window[1]
        return {"line": self.line, "customer": self.customer, "phone": self.phone, "scenario": self.scenario,
                "agent": self.agent, "date": self.date.isoformat(), "time": self.time,
                "window": [self.window[0].isoformat(), end.isoformat() if end else None],
                "warnings": list(self.warnings)}


@dataclass
class Plan:
    calls: list[Call] = field(default_factory=list)
    unscheduled: list[tuple[int, str]] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    already: int = 0  # calls found in the ledger from an earlier run

    def as_dict(self) -> dict:
        return {"calls": [c.as_dict() for c in self.calls],
                "unscheduled": [{"line": n, "reason": r} for n, r in self.unscheduled],
                "errors": [{"line": n, "message": msg} for n, msg in self.errors]}


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
            raise LookupError(f"场景「{name}」有 {len(found)} 个同名场景，请写场景标识："
                              + "、".join(s.id for s in found))
        raise LookupError(f"不认识的场景「{name}」")


class Planner:
    def __init__(self, project: m.Project, config: PlanConfig, cal: Calendar, first: dt.date, last: dt.date,
                 booked: dict[tuple[str, dt.date], int] | None = None, known: set[str] | None = None):
        self.project, self.config, self.cal = project, config, cal
        self.first, self.last = first, last
        self.scenarios = Scenarios(project)
        self.load: dict[tuple[str, dt.date], int] = dict(booked or {})
        self.known = known or set()
        self._slots: dict[tuple[str, dt.date], tuple[list[tuple[int, int]], list[str]]] = {}
        self._shared: dict = {}

    # -- windows ------------------------------------------------------------------------------------
    def call_windows(self, scenario: m.Scenario) -> list[m.CallWindow]:
        org = self.project.orgs.get(scenario.org)
        return scenario.timing.call_windows or (org.call_windows if org else []) or self.config.call_windows \
            or list(DEFAULT_WINDOWS)

    def slots(self, scenario: m.Scenario, day: dt.date, warnings: list[str]) -> list[tuple[int, int]]:
        """The day's call windows as (start, end) minutes, the season's when windows are seasonal."""
        key = (scenario.id, day)
        known = self._slots.get(key)
        if known is None:
            notes: list[str] = []
            known = self._slots[key] = (self.day_slots(scenario, day, notes), notes)
        warnings += known[1]
        return known[0]

    def day_slots(self, scenario: m.Scenario, day: dt.date, warnings: list[str]) -> list[tuple[int, int]]:
        wins = self.call_windows(scenario)
        seasons = {w.season for w in wins if w.season}
        if seasons:
            chosen = [w for w in wins if not w.season or self.config.in_season(w.season, day)]
            undefined = [s for s in sorted(seasons) if self.config.in_season(s, day) is None]
            if undefined:
                warnings.append(f"回访时段分季节（{'、'.join(sorted(seasons))}），但 huifang.yaml 的 plan.seasons "
                                "没有写季节起止，按全部时段安排")
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
    def plan(self, items: Iterable[Event | tuple[int, str]]) -> Plan:
        result = Plan()
        tasks = []
        cache: dict[tuple, list[Window] | str] = {}
        reasons: dict[str, str] = {}
        for item in items:
            if isinstance(item, tuple):
                result.errors.append(item)
                continue
            try:
                scenario = self.scenarios.find(item.scenario)
            except LookupError as exc:
                result.errors.append((item.line, str(exc)))
                continue
            t = scenario.timing
            key = (scenario.id, item.date, item.region if t.overrides else "",
                   item.customer_class if t.overrides else "",
                   item.deadline if (t.within or t.before or t.until) else None,
                   item.birthday if t.on else None)
            found = cache.get(key)
            if found is None:
                try:
                    found = windows(t, self.cal, item.date, self.first, self.last, region=item.region,
                                    customer_class=item.customer_class, deadline=item.deadline,
                                    birthday=item.birthday)
                except NoWindow as exc:
                    found = f"{scenario.title}：{exc}"  # one string per distinct reason, shared by its rows
                    found = reasons.setdefault(found, found)
                cache[key] = found
            if isinstance(found, str):
                result.unscheduled.append((item.line, found))
                continue
            who = item.ident or f"{item.customer}/{item.phone}"
            for w in found:
                tasks.append((w.end or self.last, w.start, item.line, w, item, scenario,
                              f"{who}|{scenario.id}|{item.date.isoformat()}|{w.start.isoformat()}"))
        tasks.sort(key=lambda x: (x[0], x[1], x[2]), reverse=True)
        seen: dict[str, int] = {}
        while tasks:  # popped from the end, earliest deadline first, so memory is given back as we go
            _, _, line, w, event, scenario, call_key = tasks.pop()
            if call_key in self.known:
                result.already += 1
                continue
            if call_key in seen:
                result.unscheduled.append((line, f"与第 {seen[call_key]} 行是同一位客户的同一次回访，不重复安排"))
                continue
            seen[call_key] = line
            placed = self.place(w, event, scenario, call_key)
            if isinstance(placed, str):
                result.unscheduled.append((line, f"{scenario.title}：{placed}"))
            else:
                result.calls.append(placed)
        result.calls.sort(key=lambda c: (c.date, c.agent, c.time, c.line))
        result.unscheduled.sort()
        result.errors.sort()
        return result

    def place(self, w: Window, event: Event, scenario: m.Scenario, key: str) -> Call | str:
        agent = event.agent or UNASSIGNED
        capacity = self.config.capacity_of(agent)
        lo, hi = max(w.start, self.first), min(w.end or self.last, self.last)
        end_text = w.end.isoformat() if w.end else "不限"
        warnings: list[str] = []
        day, free, any_workday = lo, None, None
        while day <= hi:
            if self.cal.is_workday(day):
                any_workday = any_workday or day
                if self.load.get((agent, day), 0) < capacity:
                    free = day
                    break
            day += DAY
        if free is None:
            if any_workday is None:
                if w.end is not None and w.end > self.last and self.cal.next_workday(self.last + DAY, w.end):
                    return f"本期内没有工作日，时间窗延续到 {end_text}，留待下次排班"
                if w.start < self.first and self.cal.next_workday(w.start, self.first - DAY):
                    return f"时间窗（{w.start.isoformat()} 至 {end_text}）内的工作日都在本期之前，已逾期"
                holiday = next((h for h in (self.cal.holiday_name(d) for d in days(lo, hi)) if h), "")
                warnings.append(f"时间窗（{w.start.isoformat()} 至 {end_text}）全部在"
                                + (f"法定假日（{holiday}）" if holiday else "休息日") + "内，没有工作日；按规范仍排在窗口内，请安排值班")
                free = lo
            elif w.end is None or w.end > self.last:
                return f"本期坐席「{agent}」每天 {capacity} 个已排满，时间窗延续到 {end_text}，留待下次排班"
            else:
                free = min((d for d in days(lo, hi) if self.cal.is_workday(d)),
                           key=lambda d: (self.load.get((agent, d), 0), d))
                warnings.append(f"时间窗内坐席「{agent}」每天 {capacity} 个已排满，超出容量安排")
        if self.cal.unpublished and any(y in self.cal.unpublished for y in {lo.year, hi.year, free.year}):
            warnings.append(f"{free.year} 年的法定节假日和调休尚未公布，暂按周一至周五为工作日安排")
        index = self.load.get((agent, free), 0)
        self.load[(agent, free)] = index + 1
        time = self.time_at(self.slots(scenario, free, warnings), index, capacity)
        free = self._shared.setdefault(free, free)  # a million calls fall on a few dozen days and windows
        span = self._shared.setdefault(w, (w.start, w.end))
        return Call(event.line, event.customer, event.phone, scenario.id, scenario.title, agent, free, time,
                    span, key, scenario.org, warnings or NO_WARNINGS)


def days(lo: dt.date, hi: dt.date):
    while lo <= hi:
        yield lo
        lo += DAY
