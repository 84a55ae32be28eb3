"""The planner's tables in the shared SQLite ledger (huifang.ledger): planned calls and their outcomes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable

from huifang import ledger
from huifang.plan.core import Call, call_key

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


def known_keys(db: sqlite3.Connection) -> set[str]:
    return {k for (k,) in db.execute("SELECT key FROM plan_calls")}


def booked(db: sqlite3.Connection, first: dt.date, last: dt.date) -> dict[tuple[str, dt.date], int]:
    rows = db.execute(
        "SELECT agent, date, count(*) FROM plan_calls WHERE date BETWEEN ? AND ? GROUP BY agent, date",
        (first.isoformat(), last.isoformat()),
    )
    return {(a, dt.date.fromisoformat(d)): n for a, d, n in rows}


def save(db: sqlite3.Connection, calls: Iterable[Call], run: str) -> None:
    db.execute("PRAGMA cache_size = -65536")  # 64 MB of pages: keys arrive in no order, the B-tree stays cached
    iso: dict[dt.date | None, str | None] = {None: None}  # a million calls fall on a few hundred days

    def day(value: dt.date | None) -> str | None:
        text = iso.get(value)
        if text is None:
            text = iso[value] = value.isoformat()  # type: ignore[union-attr]
        return text

    def row(c: Call) -> tuple:
        start, end = c.window
        key = c.ledger_key or call_key(
            c.ident or f"{c.customer}/{c.phone}",
            c.scenario,
            day(c.event or start),  # type: ignore[arg-type]
            day(start),
        )  # type: ignore[arg-type]
        return key, c.scenario, c.customer, c.phone, c.agent, day(c.date), c.time, day(start), day(end), c.line, run

    with db:
        db.executemany(
            "INSERT OR IGNORE INTO plan_calls (key, scenario, customer, phone, agent, date, time, win_from, win_to,"
            " line, run) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            map(row, calls),
        )
