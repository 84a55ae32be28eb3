"""A call not reached is dialled again, up to the maximum number of attempts.

The maximum is the scenario's `timing.max_attempts`, else huifang.yaml `plan.max_attempts` (the team's
rule). The seeds give no figure for it (they only say that a customer who is busy is asked for a better
time, the 不方便 branch), so with neither set a call that was not reached is not planned again: `huifang
report` lists it and says that no maximum is set.

The next attempt goes on the next Chinese working day after the unanswered one, inside the call's window
(never moved out of it), on a day the agent still has room, and in a different call window of the day
than the unanswered attempt (a customer out at 10:30 may answer at 15:00).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from huifang import model as m
from huifang.plan.calendar import Calendar
from huifang.plan.config import PlanConfig
from huifang.plan.core import Planner
from huifang.plan.windows import DAY

RETRY = "重拨"  # the `run` of a planned retry in the ledger (a rescheduled call's is 改约)


@dataclass(frozen=True)
class Retry:
    key: str
    date: dt.date
    time: str


def limit(scenario: m.Scenario | None, config: PlanConfig) -> int | None:
    if scenario is not None and scenario.timing.max_attempts is not None:
        return scenario.timing.max_attempts
    return config.max_attempts


def next_time(slots: list[tuple[int, int]], previous: str) -> str:
    """The start of the call window after the one `previous` fell in (the first when it fell in none)."""
    if not slots:
        return ""
    index = -1
    if previous:
        h, mi = previous.split(":")
        at = int(h) * 60 + int(mi)
        index = next((i for i, (a, b) in enumerate(slots) if a <= at < b), -1)
    start = slots[(index + 1) % len(slots)][0]
    return f"{start // 60:02d}:{start % 60:02d}"


class Retrier:
    def __init__(self, project: m.Project, config: PlanConfig, db: sqlite3.Connection):
        self.project, self.config, self.db = project, config, db
        self.cal = Calendar()

    def plan(
        self,
        root: str,
        scenario: m.Scenario,
        agent: str,
        after: dt.date,
        previous_time: str,
        win_to: dt.date | None,
        attempt: int,
    ) -> Retry | str:
        """The next attempt's day and time, or why there is none inside the window."""
        day = after + DAY
        last = win_to or after + dt.timedelta(days=366)
        capacity = self.config.capacity_of(agent)
        planner = Planner(self.project, self.config, self.cal, after, last)
        while day <= last:
            if self.cal.is_workday(day):
                (booked,) = self.db.execute(
                    "SELECT count(*) FROM plan_calls WHERE agent = ? AND date = ?", (agent, day.isoformat())
                ).fetchone()
                if booked < capacity:
                    slots = planner.day_slots(scenario, day, [])
                    return Retry(f"{root}|{RETRY}|{attempt}", day, next_time(slots, previous_time))
            day += DAY
        return "时间窗内已没有可再拨的工作日"


def followups(db: sqlite3.Connection, project: m.Project, first: dt.date, last: dt.date) -> list:
    """The calls `huifang report` planned again (改约, 重拨) for a day in [first, last] and not yet reported,
    as planned calls for the worklist; the agent's next list carries them."""
    from huifang.plan.core import Call

    found = []
    for key, sid, customer, phone, agent, date, time, win_from, win_to, line, run in db.execute(
        "SELECT c.key, c.scenario, c.customer, c.phone, c.agent, c.date, c.time, c.win_from, c.win_to, c.line, "
        "c.run FROM plan_calls c LEFT JOIN plan_results r ON r.key = c.key "
        "WHERE c.rescheduled_from IS NOT NULL AND r.key IS NULL AND c.date BETWEEN ? AND ? ORDER BY c.key",
        (first.isoformat(), last.isoformat()),
    ):
        scenario = project.scenarios.get(sid)
        note = f"第 {key.rsplit('|', 1)[1]} 次拨打（此前未接通）" if run == RETRY else "客户改约的时间"
        found.append(
            Call(
                line or 0,
                customer or "",
                phone or "",
                sid,
                scenario.title if scenario else sid,
                agent or "",
                dt.date.fromisoformat(date),
                time or "",
                (dt.date.fromisoformat(win_from), dt.date.fromisoformat(win_to) if win_to else None),
                key,
                scenario.org if scenario else "",
                [note],
            )
        )
    return found
