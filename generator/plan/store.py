"""The planner's tables in the shared SQLite ledger (huifang.ledger): planned calls and their outcomes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator

from huifang import ledger
from huifang.plan.core import Call, IsoDays

ledger.register(
    "plan",
    [
        """CREATE TABLE IF NOT EXISTS plan_calls (
        key TEXT PRIMARY KEY, scenario TEXT NOT NULL, customer TEXT, phone TEXT, agent TEXT,
        date TEXT NOT NULL, time TEXT, win_from TEXT, win_to TEXT, line INTEGER, run TEXT,
        rescheduled_from TEXT)""",
        "CREATE INDEX IF NOT EXISTS plan_calls_day ON plan_calls (agent, date)",
        """CREATE TABLE IF NOT EXISTS plan_results (
        key TEXT PRIMARY KEY, made TEXT, reached INTEGER, satisfaction TEXT, reschedule TEXT,
        note TEXT, source TEXT)""",
    ],
)


def known_keys(db: sqlite3.Connection, first: dt.date, last: dt.date) -> set[str]:
    """The keys of planned calls whose window overlaps [first, last]: only those can come up again in this run
    (windows.windows yields no other window, and a key holds its window's first day). The rest of the
    ledger, months of earlier runs, stays on disk."""
    rows = db.execute(
        "SELECT key FROM plan_calls WHERE (win_from IS NULL OR win_from <= ?) AND (win_to IS NULL OR win_to >= ?)",
        (last.isoformat(), first.isoformat()),
    )
    return {k for (k,) in rows}


def booked(db: sqlite3.Connection, first: dt.date, last: dt.date) -> dict[tuple[str, dt.date], int]:
    rows = db.execute(
        "SELECT agent, date, count(*) FROM plan_calls WHERE date BETWEEN ? AND ? GROUP BY agent, date",
        (first.isoformat(), last.isoformat()),
    )
    return {(a, dt.date.fromisoformat(d)): n for a, d, n in rows}


def rows(calls: Iterable[Call], run: str) -> Iterator[tuple]:
    """The ledger's row of each call (its key as `Call.key` makes it, without a call per call)."""
    iso = IsoDays()
    for line, customer, phone, scenario, _, agent, date, time, (start, end), key, _, _, event, ident in calls:
        first = iso[start]
        if not key:
            key = f"{ident or f'{customer}/{phone}'}|{scenario}|{iso[event] if event else first}|{first}"
        yield key, scenario, customer, phone, agent, iso[date], time, first, iso[end], line, run


def save(db: sqlite3.Connection, calls: Iterable[Call], run: str) -> None:
    db.execute("PRAGMA cache_size = -65536")  # 64 MB of pages: keys arrive in no order, the B-tree stays cached
    with db:
        db.executemany(
            "INSERT OR IGNORE INTO plan_calls (key, scenario, customer, phone, agent, date, time, win_from, win_to,"
            " line, run) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            rows(calls, run),
        )
