"""The planner's tables in the shared SQLite ledger (huifang.ledger): planned calls and their outcomes.

`plan_calls` is what every reader queries (report, attempts, the 回访统计 page, a team's own SQL): one row per
call. It is a view over two tables:
- `plan_days`: the calls `huifang plan` planned, one row per (run, agent, day) holding that day's calls as a
  JSON array — a million calls are a few thousand rows, written in a fraction of the time a row per call takes
  (three B-trees of a million text keys); SQLite's own json_each unpacks them in the view.
- `plan_more`: the calls written one by one — those `huifang report` plans again (改约, 重拨), and every call of
  a ledger written before `plan_days` existed (its `plan_calls` table, renamed on first use).
A call's key is not stored in `plan_days`: the view makes it from the fields, as `Call.key` does.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from bisect import bisect_left
from collections.abc import Iterator
from operator import itemgetter
from typing import TYPE_CHECKING

from huifang import ledger
from huifang.plan.core import Call, Plan, frame_of
from huifang.plan.jsonout import inner, iso_days, looked

if TYPE_CHECKING:
    import polars as pl

PIECE = 50_000  # calls whose days packed makes at a time (see days_of)
COLUMNS = "key, scenario, customer, phone, agent, date, time, win_from, win_to, line, run, rescheduled_from"


def migrate(db: sqlite3.Connection) -> None:
    """A ledger of an older huifang keeps every call in a table `plan_calls`: it becomes `plan_more`, as it is
    (same columns, same rows), and `plan_calls` the view over it and `plan_days`."""
    found = db.execute("SELECT type FROM sqlite_master WHERE name = 'plan_calls'").fetchone()
    if found and found[0] == "table":
        db.execute("ALTER TABLE plan_calls RENAME TO plan_more")
        db.execute("DROP INDEX IF EXISTS plan_calls_day")


# one call in a plan_days array: [line, customer, phone, ident, scenario, event, time, win_from, win_to]
VIEW = f"""CREATE VIEW IF NOT EXISTS plan_calls ({COLUMNS}) AS
    SELECT CASE WHEN j.value ->> 3 <> '' THEN j.value ->> 3 ELSE (j.value ->> 1) || '/' || (j.value ->> 2) END
           || '|' || (j.value ->> 4) || '|' || (j.value ->> 5) || '|' || (j.value ->> 7),
           j.value ->> 4, j.value ->> 1, j.value ->> 2, d.agent, d.date, j.value ->> 6, j.value ->> 7,
           j.value ->> 8, j.value ->> 0, d.run, NULL
    FROM plan_days d, json_each(d.calls) j
    UNION ALL
    SELECT {COLUMNS} FROM plan_more"""

ledger.register(
    "plan",
    [
        migrate,
        """CREATE TABLE IF NOT EXISTS plan_days (
        run TEXT, agent TEXT NOT NULL, date TEXT NOT NULL, n INTEGER NOT NULL,
        win_from TEXT, win_to TEXT, calls TEXT NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS plan_days_day ON plan_days (agent, date)",
        """CREATE TABLE IF NOT EXISTS plan_more (
        key TEXT PRIMARY KEY, scenario TEXT NOT NULL, customer TEXT, phone TEXT, agent TEXT,
        date TEXT NOT NULL, time TEXT, win_from TEXT, win_to TEXT, line INTEGER, run TEXT,
        rescheduled_from TEXT)""",
        "CREATE INDEX IF NOT EXISTS plan_more_day ON plan_more (agent, date)",
        "CREATE INDEX IF NOT EXISTS plan_more_from ON plan_more (rescheduled_from)",
        VIEW,
        # `INSERT INTO plan_calls` (report's 改约 and 重拨, a team's own SQL) lands in plan_more; the statement's
        # OR IGNORE / OR REPLACE applies to this insert, as SQLite does for a trigger's statements
        f"""CREATE TRIGGER IF NOT EXISTS plan_calls_insert INSTEAD OF INSERT ON plan_calls BEGIN
        INSERT INTO plan_more ({COLUMNS}) VALUES (NEW.key, NEW.scenario, NEW.customer, NEW.phone, NEW.agent,
        NEW.date, NEW.time, NEW.win_from, NEW.win_to, NEW.line, NEW.run, NEW.rescheduled_from); END""",
        """CREATE TABLE IF NOT EXISTS plan_results (
        key TEXT PRIMARY KEY, made TEXT, reached INTEGER, satisfaction TEXT, reschedule TEXT,
        note TEXT, source TEXT)""",
    ],
)


def known_keys(db: sqlite3.Connection, first: dt.date, last: dt.date) -> set[str]:
    """The keys of planned calls whose window overlaps [first, last]: only those can come up again in this run
    (windows.windows yields no other window, and a key holds its window's first day). The rest of the
    ledger, months of earlier runs, stays on disk: a day of plan_days whose windows all lie outside the range
    is not unpacked."""
    return set(known_column(db, first, last).to_list())


# a call of a day's array as `packed` writes it, when none of its texts needed escaping: the fields of its key (the
# day's first call begins with the array's `[[`, its last ends with `]]`)
PLAIN_CALL = (
    r'^(?:\[\[)?-?\d+,"([^"]*)","([^"]*)","([^"]*)","([^"]*)","([^"]*)","[^"]*","([^"]*)",(?:"([^"]*)"|null)(?:\]\])?$'
)
OVERLAPS = "(win_from IS NULL OR win_from <= ?) AND (win_to IS NULL OR win_to >= ?)"
DAYS_AT_ONCE = 750  # days of plan_days known_column unpacks at a time


def known_column(db: sqlite3.Connection, first: dt.date, last: dt.date) -> pl.Series:
    """known_keys as a column (a key may repeat), which the re-run's anti-join takes as it is. Unpacked here
    rather than through the view, whose ->> parses a call's array again for each field, DAYS_AT_ONCE days at a
    time: each piece's texts (≈ 12 MB) take the memory the piece before left, where the whole range's (97 MB
    as Python's bytes, again in polars, again split into calls and again into fields) were fresh pages each time
    (848,373 calls: 54k page faults against 123k, 0.53 against 0.62 s)."""
    import polars as pl

    lo, hi = first.isoformat(), last.isoformat()
    keys = [
        pl.Series("key", [k for (k,) in db.execute(f"SELECT key FROM plan_more WHERE {OVERLAPS}", (hi, lo))], pl.String)
    ]
    found = db.execute(f"SELECT CAST(calls AS BLOB), n FROM plan_days WHERE {OVERLAPS}", (hi, lo))
    while days := found.fetchmany(DAYS_AT_ONCE):
        keys += keys_of_days(days, lo, hi)
    return pl.concat(keys)


def keys_of_days(found: list[tuple[bytes, int]], lo: str, hi: str) -> list[pl.Series]:
    """The keys of the calls of these days (a day's array and its count of calls) whose window overlaps [lo, hi].
    A day's array holds no `"` inside a text when it holds no backslash (no text was escaped); when it also holds
    no `[` inside a text (one `[` per call and one around them), polars splits it into calls at `],[` and reads
    each call's fields by PLAIN_CALL; any other day is read by json.loads, a day's array at once."""
    import polars as pl

    days = pl.DataFrame(
        {"calls": [calls for calls, _ in found], "n": [n for _, n in found]},
        schema={"calls": pl.Binary, "n": pl.Int64},
    )
    days = days.with_columns(pl.col("calls").alias("raw"), pl.col("calls").cast(pl.String, strict=False))
    text = pl.col("calls")
    plain = ~text.str.contains("\\", literal=True) & (text.str.count_matches("[", literal=True) == pl.col("n") + 1)
    days = days.with_columns(plain.fill_null(False).alias("plain"))
    calls = (
        days.filter("plain")
        .select(text.str.split("],[").alias("call"))
        .explode("call")
        .select(pl.col("call").str.extract_groups(PLAIN_CALL))
        .unnest("call")
    )
    calls.columns = ["customer", "phone", "ident", "scenario", "event", "start", "end"]
    if calls["start"].null_count():  # a call not as packed writes it: every day of these by json.loads
        days, calls = days.with_columns(plain=False), calls.clear()
    who = pl.when(pl.col("ident") != "").then("ident").otherwise(pl.concat_str("customer", pl.lit("/"), "phone"))
    key = pl.concat_str(who, pl.lit("|"), "scenario", pl.lit("|"), "event", pl.lit("|"), "start")
    overlaps = (pl.col("start") <= hi) & (pl.col("end").is_null() | (pl.col("end") >= lo))
    keys = [calls.select(key.filter(overlaps).alias("key")).to_series()]  # the one column filtered, not the seven
    rest: list[str] = []
    add, loads = rest.append, json.loads
    for calls_text in days.filter(~pl.col("plain"))["raw"].to_list():
        for _, customer, phone, ident, scenario, event, _, start, end in loads(calls_text):
            if start <= hi and (end is None or end >= lo):
                add(f"{ident or f'{customer}/{phone}'}|{scenario}|{event}|{start}")
    keys.append(pl.Series("key", rest, pl.String))
    return keys


def one_by_one(db: sqlite3.Connection) -> str:
    """The table of the calls written one by one: plan_more, or plan_calls in a ledger not yet migrated."""
    found = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'plan_more'").fetchone()
    return "plan_more" if found else "plan_calls"


def calls(db: sqlite3.Connection, first: dt.date | None = None, last: dt.date | None = None) -> Iterator[tuple]:
    """Every call as the view plan_calls gives it (a tuple in COLUMNS' order), or those on the days in [first,
    last]. For the readers of many calls (`report`): plan_days unpacked by json.loads, a day's array at once,
    where the view parses a call's array again for each field (848,373 calls: ≈ 1 s against 5 s). A ledger
    no huifang has opened since plan_days came (the 回访统计 page opens it read-only) is read as it is."""
    where, span = ("WHERE date BETWEEN ? AND ?", (first.isoformat(), last.isoformat())) if first and last else ("", ())
    if one_by_one(db) == "plan_calls":
        yield from db.execute(f"SELECT {COLUMNS} FROM plan_calls {where}", span)
        return
    loads = json.loads
    for run, agent, date, packed in db.execute(f"SELECT run, agent, date, calls FROM plan_days {where}", span):
        for line, customer, phone, ident, scenario, event, time, start, end in loads(packed):
            key = f"{ident or f'{customer}/{phone}'}|{scenario}|{event}|{start}"
            yield key, scenario, customer, phone, agent, date, time, start, end, line, run, None
    yield from db.execute(f"SELECT {COLUMNS} FROM plan_more {where}", span)


def booked(db: sqlite3.Connection, first: dt.date, last: dt.date) -> dict[tuple[str, dt.date], int]:
    span = (first.isoformat(), last.isoformat())
    found: dict[tuple[str, dt.date], int] = {}
    for a, d, n in db.execute(
        "SELECT agent, date, sum(n) FROM plan_days WHERE date BETWEEN ? AND ? GROUP BY agent, date "
        "UNION ALL SELECT agent, date, count(*) FROM plan_more WHERE date BETWEEN ? AND ? GROUP BY agent, date",
        span + span,
    ):
        day = (a, dt.date.fromisoformat(d))
        found[day] = found.get(day, 0) + n
    return found


AGENT_DAY = itemgetter(5, 6)  # Call.agent, Call.date


def version(db: sqlite3.Connection) -> int:
    """Changes when another connection commits to the ledger (SQLite's data_version)."""
    return int(db.execute("PRAGMA data_version").fetchone()[0])


def save(
    db: sqlite3.Connection,
    calls: Plan | list[Call],
    run: str,
    since: tuple[int | None, dt.date, dt.date] | None = None,
) -> None:
    """The calls planned in this run, a row of plan_days per agent and day; a call read back from the ledger
    (it has its key: 改约, 重拨) goes to plan_more, where it already is unless it came from elsewhere.
    A day's array is written as json.dumps would write it (no spaces, text as is).

    `since`: (version, first, last) when the run read the known keys of [first, last]. If another run committed
    since, the keys are read again under the write lock and the calls it planned meanwhile are not written twice
    (plan_days has no key to refuse them, as plan_calls' primary key once did). A version of None: the keys were
    read from another ledger (a new one, which another run's got in place first), so they are read again."""
    frame = calls.columns()[0] if isinstance(calls, Plan) else frame_of(list(calls))[0]
    db.execute("BEGIN IMMEDIATE")  # the write lock first: no run commits between the check and the insert
    try:
        taken = known_keys(db, since[1], since[2]) if since and version(db) != since[0] else set()
        shared, seen = (calls.shared, looked(calls)) if isinstance(calls, Plan) else (None, None)
        days, more = packed(frame, run, taken, shared, seen=seen)
        db.executemany("INSERT INTO plan_days VALUES (?,?,?,?,?,?,CAST(? AS TEXT))", days)
        db.executemany(
            "INSERT OR IGNORE INTO plan_more (key, scenario, customer, phone, agent, date, time, win_from, win_to,"
            " line, run) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            more,
        )
    except BaseException:
        db.rollback()
        raise
    db.commit()


def packed(
    frame: pl.DataFrame,
    run: str,
    taken: set[str],
    shared: pl.Series | None = None,
    piece: int = PIECE,
    seen: dict | None = None,
) -> tuple[Iterator[tuple], list[tuple]]:
    """The plan_days rows of the calls (each run of calls of one agent and day, in order) and the plan_more rows
    of those with a key; a call whose key is in `taken` is left out. Put together on the columns (polars).
    `shared` (`Plan.shared`): what follows the 编号 in a call's array is made once per window and time.
    The days are made as they are taken, `piece` calls (to the end of a day) at a time. `seen`: `jsonout.looked`
    of the plan whose frame this is (what is looked for in a column is looked for in the frame's whole column)."""
    import polars as pl

    more = [
        (key, scenario, customer, phone, agent, date.isoformat(), time, start.isoformat(),
         end.isoformat() if end else None, line, run)
        for key, scenario, customer, phone, agent, date, time, start, end, line in frame.filter(
            pl.col("ledger_key") != ""
        ).select("ledger_key", "scenario", "customer", "phone", "agent", "date", "time", "start", "end", "line")
        .iter_rows()
    ]  # fmt: skip
    f = frame.filter(pl.col("ledger_key") == "")
    if not f.height:
        return iter(()), more
    if taken or f.height != frame.height or shared is None or shared.len() != f.height:
        shared = None
    start = iso_days(frame["start"], seen=seen)
    event = pl.coalesce(iso_days(frame["event"], seen=seen), start)
    if taken:
        key = pl.concat_str(
            pl.when(pl.col("ident") != "").then("ident").otherwise(pl.concat_str("customer", pl.lit("/"), "phone")),
            pl.lit("|"), "scenario", pl.lit("|"), event, pl.lit("|"), start,
        )  # fmt: skip
        f = f.filter(~key.is_in(list(taken)))
        if not f.height:
            return iter(()), more
    # a run of calls of one agent and day: [[line,"customer","phone","ident","scenario","event","time","start",
    # "end"|null],[…]] — one flat concat_str, the outer brackets on its first and last call (not a copy of the day)
    turn = ((pl.col("agent") != pl.col("agent").shift()) | (pl.col("date") != pl.col("date").shift())).fill_null(True)
    ends = (pl.col("agent") != pl.col("agent").shift(-1)) | (pl.col("date") != pl.col("date").shift(-1))
    f = f.with_columns(turn.alias("turn_"), ends.fill_null(True).alias("ends_"))
    tail = pl.concat_str(
        pl.lit('","'), inner(frame["scenario"], few=True, seen=seen), pl.lit('","'), event,
        pl.lit('","'), inner(frame["time"], few=True, seen=seen),
        pl.lit('","'), start, pl.lit('",'), iso_days(frame["end"], quoted=True, seen=seen),
    )  # fmt: skip
    if shared is not None:  # the tails of the calls of one window and time: made for its first call, then shared
        tails = f[shared.arg_unique().sort()].select(tail).to_series()
        f, tail = f.with_columns(shared.alias("shared_")), pl.lit(tails).gather(pl.col("shared_"))
    array = pl.concat_str(
        pl.when("turn_").then(pl.lit("[[")).otherwise(pl.lit("[")), pl.col("line").cast(pl.String), pl.lit(',"'),
        inner(frame["customer"], seen=seen), pl.lit('","'), inner(frame["phone"], seen=seen),
        pl.lit('","'), inner(frame["ident"], seen=seen), tail,
        pl.when("ends_").then(pl.lit("]]")).otherwise(pl.lit("]")),
    )  # fmt: skip
    return days_of(f, array, run, piece), more


def days_of(f: pl.DataFrame, array: pl.Expr, run: str, piece: int) -> Iterator[tuple]:
    """packed's plan_days rows, made from `piece` calls at a time (cut at the end of a day): a million calls'
    arrays (97 MB), their days joined (97 MB again) and the rows handed to SQLite (a third copy) would each take
    fresh memory, where a piece takes the memory the last one left (0.1 s of page faults at a million calls)."""
    import polars as pl

    iso = "%Y-%m-%d"
    day_ends = f["ends_"].arg_true().to_list()
    first = 0
    while first < f.height:
        last = day_ends[bisect_left(day_ends, first + piece - 1)] if first + piece <= f.height else f.height - 1
        calls = f.slice(first, last + 1 - first)
        first = last + 1
        days = (
            # only the columns the days take: a group_by gathers every column it is given (0.12 -> 0.08 s at 1M)
            calls.select("agent", "date", "start", "end", array.alias("array"), pl.col("turn_").cum_sum().alias("run_"))
            .group_by("run_", maintain_order=True)
            .agg(
                pl.first("agent"),
                pl.first("date").dt.to_string(iso),
                pl.len().cast(pl.Int64).alias("n"),
                pl.col("start").min().dt.to_string(iso).alias("lo"),
                pl.when(pl.col("end").null_count() == 0).then(pl.col("end").max().dt.to_string(iso)).alias("hi"),
                # the UTF-8 bytes polars holds, stored as TEXT by the INSERT's CAST (no Python str made and encoded)
                pl.col("array").str.join(",").cast(pl.Binary).alias("calls"),
            )
        )
        for row in days.select("agent", "date", "n", "lo", "hi", "calls").iter_rows():
            yield (run, *row)
