"""The planner as it was before the columnar one (huifang 322a760, generator/plan/core.py), kept only as the oracle
the columnar planner is compared with (test_columnar.py); its one change: the unpublished-year warning reads the
years of the range the calendar does not know, not those it happened to have looked up so far.

Plan calls: each event's due windows in [first, last], each call on a Chinese working day inside its
window, in the call windows, within each agent's daily capacity. Never moved out of its window: a
call that cannot get a working day is listed with a warning or left unscheduled with the reason.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable, Iterator
from itertools import groupby, islice
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from operator import itemgetter
from pathlib import Path
from typing import TextIO

from huifang import model as m
from huifang.plan.config import UNASSIGNED
from huifang.plan.core import NO_WARNINGS, Call, IsoDays, Plan, call_key
from huifang.plan.core import Planner as ColumnarPlanner
from huifang.plan.events import HEADERS, Event, InputError, header_map, parse_date, parse_month_day, rows, text
from huifang.plan.windows import NoWindow, chosen, windows


class Planner(ColumnarPlanner):
    """The old per-row placing; windows, slots and busy days are the columnar planner's own."""

    # -- windows ------------------------------------------------------------------------------------

    # -- planning -----------------------------------------------------------------------------------
    def plan(self, items: Iterable[Event | tuple[int, str]]) -> Plan:
        """Read the rows grouped by what their windows depend on, then place the calls earliest deadline first.

        Rows that share a scenario, an event date and the fields the timing reads share their windows; the
        calls wait in one bucket per window (deadline, start), filled in line order, so the buckets taken in
        order give the calls in (deadline, start, line) order without sorting them one by one.
        """
        result = Plan()
        buckets: dict[tuple[dt.date, dt.date], list[tuple[Event, tuple[dt.date, dt.date | None], m.Scenario]]] = {}
        collecting = gc.isenabled()
        gc.disable()  # a million rows and calls, no cycles among them: the collector would walk them again and again
        try:
            in_order, suspects = self.group_rows(items, result, buckets)
            self.place_all(buckets, in_order, suspects, result)
        finally:
            if collecting:
                gc.enable()
        result.unscheduled.sort()
        result.errors.sort()
        return result

    def group_rows(
        self, items: Iterable[Event | tuple[int, str]], result: Plan, buckets: dict
    ) -> tuple[bool, set[int]]:
        """Each row's windows into their buckets; bad rows and rows without a window into `result`.
        Returns whether the rows came in line order and the hashes of (customer, scenario, date) seen twice."""
        scenarios: dict[str, tuple | str] = {}
        which: dict[tuple[str, str, str], int] = {}  # (scenario, region, class) -> the override that applies
        groups: dict[tuple, tuple | str] = {}
        reasons: dict[str, str] = {}
        rows_seen: set[int] = set()
        suspects: set[int] = set()
        errors, unscheduled = result.errors.append, result.unscheduled.append
        previous, in_order = -1, True
        for item in items:
            if not isinstance(item, Event):
                errors(item)
                continue
            line, customer, phone, name, date, _, _, region, customer_class, deadline, birthday, ident = item
            known = scenarios.get(name)
            if known is None:
                known = scenarios[name] = self.scenario_reads(name)
            if isinstance(known, str):
                errors((line, known))
                continue
            scenario, overrides, dated, born = known
            override = -1
            if overrides:
                override = which.get((name, region, customer_class), -1)
                if override == -1:
                    override = which[(name, region, customer_class)] = chosen(scenario.timing, region, customer_class)
            key = (name, date, override, deadline if dated else None, birthday if born else None)
            group = groups.get(key)
            if group is None:
                group = groups[key] = self.group(scenario, item, buckets, reasons)
            if isinstance(group, str):
                unscheduled((line, group))
                continue
            if line <= previous:
                in_order = False
            previous = line
            row = hash((ident or f"{customer}/{phone}", scenario.id, date))
            if row in rows_seen:
                suspects.add(row)
            else:
                rows_seen.add(row)
            pairs, repeats = group
            if repeats:  # two windows of one event start on the same day: one call, the other a repeat
                suspects.add(row)
            for bucket, span in pairs:
                bucket.append((item, span, scenario))
        return in_order, suspects

    def group(self, scenario: m.Scenario, item: Event, buckets: dict, reasons: dict[str, str]) -> tuple | str:
        """The row's windows as (bucket, (start, end)) pairs and whether two start on the same day, or the
        reason it has none."""
        try:
            found = windows(
                scenario.timing,
                self.cal,
                item.date,
                self.first,
                self.last,
                region=item.region,
                customer_class=item.customer_class,
                deadline=item.deadline,
                birthday=item.birthday,
            )
        except NoWindow as exc:
            reason = f"{scenario.title}：{exc}"  # one string per distinct reason, shared by its rows
            return reasons.setdefault(reason, reason)
        out = []
        for w in found:
            bucket = buckets.get((w.end or self.last, w.start))
            if bucket is None:
                bucket = buckets[(w.end or self.last, w.start)] = []
            out.append((bucket, self._shared.setdefault(w, (w.start, w.end))))
        return out, len({w.start for w in found}) < len(found)

    def place_all(self, buckets: dict, in_order: bool, suspects: set[int], result: Plan) -> None:
        """Every call, earliest deadline first (then start, then line), on its agent's first free working day."""
        first, last, cal, known = self.first, self.last, self.cal, self.known
        unknown_years = {y for y in range(first.year, last.year + 1) if not cal.published(y)}
        unscheduled = result.unscheduled.append
        make = tuple.__new__  # a Call without the keyword machinery: a million calls
        seen: dict[str, int] = {}
        iso = IsoDays()
        # agent -> (capacity, that agent's calls by day in the order placed, calls booked by earlier runs by day)
        agents: dict[str, tuple[int, dict[dt.date, list[Call]], dict[dt.date, int]]] = {}
        booked: dict[str, dict[dt.date, int]] = {}
        for (agent, day), n in self.load.items():
            booked.setdefault(agent, {})[day] = n
        for bucket_key in sorted(buckets):
            tasks = buckets.pop(bucket_key)  # given back as we go
            if not in_order:
                tasks.sort(key=TASK_LINE, reverse=True)  # the order a stable sort by line then popping gives
                tasks.reverse()
            end, start = bucket_key
            lo, hi = max(start, first), min(end, last)
            first_workday: dt.date | None = None  # the bucket's first working day, once looked for
            looked = False
            # scenario -> (id, title, org, notes, times by capacity) on first_workday
            texts: dict[m.Scenario, tuple[str, str, str, list[str], dict[int, list[str]]]] = {}
            for event, span, scenario in tasks:
                line, customer, phone, _, event_date, agent, _, _, _, _, _, ident = event
                if known or suspects:
                    who = ident or f"{customer}/{phone}"
                    if known and call_key(who, scenario.id, iso[event_date], iso[span[0]]) in known:
                        result.already += 1
                        continue
                    if hash((who, scenario.id, event_date)) in suspects:
                        key = call_key(who, scenario.id, iso[event_date], iso[span[0]])
                        if key in seen:
                            unscheduled((line, f"与第 {seen[key]} 行是同一位客户的同一次回访，不重复安排"))
                            continue
                        seen[key] = line
                agent = agent or UNASSIGNED
                state = agents.get(agent)
                if state is None:
                    state = agents[agent] = (self.config.capacity_of(agent), {}, booked.get(agent, {}))
                capacity, placed, before = state
                if not looked:
                    first_workday, looked = self.first_workday(lo, hi), True
                warnings: list[str] | None = None
                day_list, index = None, capacity
                if first_workday is not None:
                    day_list = placed.get(first_workday)
                    index = (len(day_list) if day_list is not None else 0) + (
                        before.get(first_workday, 0) if before else 0
                    )
                if first_workday is not None and index < capacity:
                    free = first_workday
                else:
                    warnings = []
                    found = self.busy_day(
                        span, lo, hi, first_workday, agent, counter(placed, before), capacity, warnings
                    )
                    if isinstance(found, str):
                        unscheduled((line, f"{scenario.title}：{found}"))
                        continue
                    free = self._shared.setdefault(found, found)
                    day_list = placed.get(free)
                    index = (len(day_list) if day_list is not None else 0) + before.get(free, 0)
                if unknown_years and any(y in unknown_years for y in {lo.year, hi.year, free.year}):
                    warnings = warnings if warnings is not None else []
                    warnings.append(f"{free.year} 年的法定节假日和调休尚未公布，暂按周一至周五为工作日安排")
                if free is first_workday:
                    text = texts.get(scenario)
                    if text is None:
                        text = texts[scenario] = (
                            scenario.id,
                            scenario.title,
                            scenario.org,
                            *self.spread(scenario, free),
                        )
                    sid, title, org, notes, by_capacity = text
                else:
                    sid, title, org = scenario.id, scenario.title, scenario.org
                    notes, by_capacity = self.spread(scenario, free)
                if notes:
                    warnings = (warnings if warnings is not None else []) + notes
                at = by_capacity.get(capacity)
                if at is None:
                    at = by_capacity[capacity] = []
                while len(at) <= index:
                    at.append(self.time_at(self.slots_of(scenario, free), len(at), capacity))
                call = make(
                    Call,
                    (
                        line,
                        customer,
                        phone,
                        sid,
                        title,
                        agent,
                        free,
                        at[index],
                        span,
                        "",
                        org,
                        warnings or NO_WARNINGS,
                        event_date,
                        ident,
                    ),
                )
                if day_list is None:
                    placed[free] = [call]
                else:
                    day_list.append(call)
        self.load = dict(self.load)
        calls = result.calls
        for day, agent in sorted((day, agent) for agent, (_, placed, _) in agents.items() for day in placed):
            day_list = agents[agent][1][day]
            self.load[(agent, day)] = self.load.get((agent, day), 0) + len(day_list)
            day_list.sort(key=CALL_LINE)
            day_list.sort(key=CALL_TIME)  # stable: by time, then line
            calls.extend(day_list)


def counter(placed: dict[dt.date, list[Call]], before: dict[dt.date, int]) -> Callable[[dt.date], int]:
    """An agent's calls on a day: placed in this run and booked by earlier ones."""
    return lambda day: len(placed.get(day, ())) + before.get(day, 0)


CALL_LINE, CALL_TIME = itemgetter(0), itemgetter(7)  # Call.line, Call.time (by position: a million calls)


def TASK_LINE(task: tuple) -> int:
    return task[0].line


# the row reader as it was (generator/plan/events.py): one Event per row
DATE_COLUMNS = ("日期", "截止日期", "生日")
UNSEEN = object()


def read_events_old(path: Path, columns: dict[str, str]) -> Iterator[Event | tuple[int, str]]:
    """Events, or (line, message) for a bad row."""
    stream = rows(path)
    header = None
    for _, cells in stream:
        if any(text(c) for c in cells):
            header = header_map(cells, columns)
            break
    if header is None:
        raise InputError("文件是空的")
    width = max(header.values()) + 1
    picks = [header.get(name, width) for name in HEADERS]  # `width`: a column the file lacks -> always ""
    (i_customer, i_phone, i_scenario, i_date, i_agent, i_org, i_region, i_class, i_deadline, i_birthday, i_ident) = (
        picks
    )
    dated = {header[name] for name in DATE_COLUMNS if name in header}
    pool: dict[str, str] = {}  # one string per distinct agent, region … (a million rows repeat a few hundred)
    share = pool.setdefault
    pad = [[""] * (width + 1 - n) for n in range(width + 1)]
    make = tuple.__new__  # an Event without the keyword machinery: a million rows
    xlsx = path.suffix.lower() in (".xlsx", ".xlsm")
    dates: dict = {}  # parsed once per distinct text: an export repeats the same few hundred
    birthdays: dict = {}
    for line, cells in stream:
        if xlsx:  # numbers, dates and empty cells as text, except the dates in date columns
            cells = [c if i in dated and isinstance(c, dt.date) else text(c) for i, c in enumerate(cells)]
        n = len(cells)
        if n <= width:
            cells += pad[n]
        else:
            cells[width] = ""  # past the last mapped column: nothing is read there
        phone = cells[i_phone].strip()
        scenario = cells[i_scenario].strip()
        if not phone or not scenario:
            if not any(c.strip() if type(c) is str else c for c in cells):
                continue
            yield line, "缺少电话" if not phone else "缺少场景"
            continue
        raw_date, raw_deadline, raw_birthday = cells[i_date], cells[i_deadline], cells[i_birthday]
        date, deadline, birthday = (
            dates.get(raw_date, UNSEEN),
            dates.get(raw_deadline, UNSEEN),
            birthdays.get(raw_birthday, UNSEEN),
        )
        if date is UNSEEN or deadline is UNSEEN or birthday is UNSEEN:
            try:
                date, deadline = parse_date(raw_date), parse_date(raw_deadline)
                birthday = parse_month_day(raw_birthday)
            except ValueError as exc:
                yield line, str(exc)
                continue
            if len(dates) < 100_000:
                dates[raw_date], dates[raw_deadline], birthdays[raw_birthday] = date, deadline, birthday
        if date is None:
            yield line, "缺少日期"
            continue
        agent, org = cells[i_agent].strip(), cells[i_org].strip()
        region, customer_class = cells[i_region].strip(), cells[i_class].strip()
        yield make(
            Event,
            (
                line,
                cells[i_customer].strip(),
                phone,
                share(scenario, scenario),
                date,
                share(agent, agent),
                share(org, org),
                share(region, region),
                share(customer_class, customer_class),
                deadline,
                birthday,
                cells[i_ident].strip(),
            ),
        )


# --format json as it was written (generator/plan/jsonout.py), one call at a time
OLD_BATCH = 20_000  # calls per write


def strings_old(values, indent: str) -> str:
    if not values:
        return "[]"
    inner = ",\n".join(f"{indent}  {encode_basestring(v)}" for v in values)
    return f"[\n{inner}\n{indent}]"


def call_texts_old(calls: list[Call]) -> Iterator[str]:
    """Each call as indented JSON. The texts calls share are encoded once: the scenario, the (agent, date) of a
    run of calls (the calls come grouped by day and agent), and (time, window) when there is no warning."""
    enc = encode_basestring
    scenarios: dict[str, str] = {}
    days: dict[tuple, str] = {}
    tails: dict[tuple, str] = {}
    last_agent, last_date, mid = None, None, ""
    for line, customer, phone, scenario, _, agent, date, time, span, _, _, warnings, _, _ in calls:
        known = scenarios.get(scenario)
        if known is None:
            known = scenarios[scenario] = enc(scenario)
        if agent is not last_agent or date is not last_date:
            last_agent, last_date = agent, date
            mid = days.get((agent, date))  # type: ignore[assignment]
            if mid is None:
                mid = days[(agent, date)] = (
                    f'"agent": {enc(agent)},\n      "date": "{date.isoformat()}",\n      "time": '
                )
        if warnings:
            tail = f'{enc(time)},\n      "window": {window_old(span)},\n      "warnings": {strings_old(warnings, "      ")}\n    }}'
        else:
            tail = tails.get((time, span))  # type: ignore[assignment]
            if tail is None:
                tail = tails[(time, span)] = (
                    f'{enc(time)},\n      "window": {window_old(span)},\n      "warnings": []\n    }}'
                )
        yield (
            f'    {{\n      "line": {line},\n      "customer": {enc(customer)},\n      "phone": {enc(phone)},\n'
            f'      "scenario": {known},\n      {mid}{tail}'
        )


def window_old(span) -> str:
    end = f'"{span[1].isoformat()}"' if span[1] else "null"
    return f'[\n        "{span[0].isoformat()}",\n        {end}\n      ]'


def pairs_old(items: list[tuple[int, str]], name: str) -> str:
    if not items:
        return "[]"
    inner = ",\n".join(
        f'    {{\n      "line": {n},\n      "{name}": {encode_basestring(text)}\n    }}' for n, text in items
    )
    return f"[\n{inner}\n  ]"


def write_json_old(plan: Plan, out: TextIO) -> None:
    """The plan as indented JSON (no newline after the closing brace, as json.dump)."""
    if plan.calls:
        out.write('{\n  "calls": [\n')
        texts = call_texts_old(plan.calls)
        for start in range(0, len(plan.calls), OLD_BATCH):
            if start:
                out.write(",\n")
            out.write(",\n".join(islice(texts, OLD_BATCH)))
        out.write("\n  ],\n")
    else:
        out.write('{\n  "calls": [],\n')
    out.write(
        f'  "unscheduled": {pairs_old(plan.unscheduled, "reason")},\n  "errors": {pairs_old(plan.errors, "message")}\n}}'
    )


AGENT_DAY = itemgetter(5, 6)  # Call.agent, Call.date


# the ledger's rows as they were made (generator/plan/store.py), one call at a time
def packed_old(calls: Iterable[Call], run: str, taken: set[str]) -> tuple[list[tuple], list[tuple]]:
    """The plan_days rows of the calls and the plan_more rows of those with a key; a call whose key is in
    `taken` is left out."""
    iso = IsoDays()
    enc = encode_basestring
    # (scenario, event, time, window) -> its part of a call's array, the window's first and last day
    shared: dict[tuple, tuple[str, str, str | None]] = {}
    days = []
    more = []
    for (agent, date), group in groupby(calls, AGENT_DAY):
        arrays = []
        lo = "9999"  # the earliest start of the day's windows, the latest end (None: one is open-ended)
        hi: str | None = ""
        for line, customer, phone, scenario, _, _, _, time, span, key, _, _, event, ident in group:
            if key:
                more.append(
                    (key, scenario, customer, phone, agent, iso[date], time, iso[span[0]], iso[span[1]], line, run)
                )
                continue
            found = shared.get((scenario, event, time, span))
            if found is None:
                start, end = iso[span[0]], iso[span[1]]
                found = shared[(scenario, event, time, span)] = (
                    f'{enc(scenario)},"{iso[event] if event else start}",{enc(time)},"{start}",'
                    + (f'"{end}"]' if end else "null]"),
                    start,
                    end,
                )
            tail, start, end = found
            if (
                taken
                and f"{ident or f'{customer}/{phone}'}|{scenario}|{iso[event] if event else start}|{start}" in taken
            ):
                continue
            arrays.append(f"[{line},{enc(customer)},{enc(phone)},{enc(ident)},{tail}")
            if start < lo:
                lo = start
            if hi is not None and (end is None or end > hi):
                hi = end
        if arrays:
            days.append((run, agent, iso[date], len(arrays), lo, hi, f"[{','.join(arrays)}]"))
    return days, more
