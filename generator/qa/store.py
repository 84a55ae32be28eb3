"""QA results in the team's SQLite ledger (generator/ledger.py): one row per judged call, one per finding.
Appended on every run; `huifang qa report` reads them back.

A call's `path` is as the user gave it (a manifest's rows relative to the manifest: two manifests may each
have their own `calls/001.json`); `file` is the transcript's resolved path, which tells those apart. A ledger
written before `file` existed gains the column on first use; its rows keep NULL there (their `path` is all
that was stored).

The reports (`aggregate`, `frequent_findings`, and the handbook's 质检统计 page through them) count each
transcript once, by its latest judgment (`current`); `superseded` is how many earlier judgments they leave out.
"""

from __future__ import annotations

import datetime as dt
import os

from huifang import ledger


def _with_file(connection) -> None:
    """A ledger of an older huifang gains the `file` column (its rows keep NULL there)."""
    columns = {row[1] for row in connection.execute("PRAGMA table_info(qa_calls)")}
    if "file" not in columns:
        connection.execute("ALTER TABLE qa_calls ADD COLUMN file TEXT")


ledger.register(
    "qa",
    [
        """CREATE TABLE IF NOT EXISTS qa_calls (
        id INTEGER PRIMARY KEY,
        judged_at TEXT NOT NULL,
        path TEXT NOT NULL,
        file TEXT,
        agent TEXT,
        date TEXT,
        week TEXT,
        script TEXT,
        form TEXT,
        score REAL NOT NULL,
        passed INTEGER NOT NULL,
        duration_s REAL,
        agent_talk_ratio REAL,
        silence_ratio REAL,
        longest_silence_s REAL,
        interruptions INTEGER,
        agent_chars_per_min REAL)""",
        """CREATE TABLE IF NOT EXISTS qa_findings (
        call_id INTEGER NOT NULL REFERENCES qa_calls(id) ON DELETE CASCADE,
        rule TEXT NOT NULL,
        severity TEXT NOT NULL,
        time REAL,
        line INTEGER,
        speaker TEXT,
        text TEXT,
        message TEXT,
        question TEXT)""",
        _with_file,
        "CREATE INDEX IF NOT EXISTS qa_calls_agent ON qa_calls(agent, week)",
        "CREATE INDEX IF NOT EXISTS qa_findings_call ON qa_findings(call_id)",
    ],
)


def resolved(file: str | None) -> str | None:
    """A transcript's path as the ledger keys it: absolute, symbolic links followed."""
    return storable(os.path.realpath(file)) if file else None


def storable(path: str) -> str:
    """A path as SQLite text can hold it: a file name's bytes that are not UTF-8 (lone surrogates in Python)
    written as `\\udcff`, as the text output shows them (the shown path, `inputs._shown`, already is); the whole
    batch failed to record before."""
    return path.encode("utf-8", "backslashreplace").decode("utf-8")


def week_of(date: str | None) -> str | None:
    """ISO week `2026-W48` of a `YYYY-MM-DD` date, or None."""
    if not date:
        return None
    try:
        year, week, _ = dt.date.fromisoformat(str(date)[:10]).isocalendar()
    except ValueError:
        return None
    return f"{year}-W{week:02d}"


def append(connection, records: list[dict], form_id: str | None, judged_at: str | None = None) -> int:
    judged_at = judged_at or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with connection:
        for r in records:
            m, meta = r["metrics"], r["_meta"]
            cursor = connection.execute(
                "INSERT INTO qa_calls (judged_at, path, file, agent, date, week, script, form, score, passed,"
                " duration_s, agent_talk_ratio, silence_ratio, longest_silence_s, interruptions, agent_chars_per_min)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    judged_at,
                    r["path"],
                    resolved(r.get("_file")),
                    meta.get("agent") or None,
                    meta.get("date") or None,
                    week_of(meta.get("date")),
                    r["script"],
                    form_id,
                    r["score"],
                    int(r["passed"]),
                    m["duration_s"],
                    m["agent_talk_ratio"],
                    m["silence_ratio"],
                    m["longest_silence_s"],
                    m["interruptions"],
                    m["agent_chars_per_min"],
                ),
            )
            connection.executemany(
                "INSERT INTO qa_findings (call_id, rule, severity, time, line, speaker, text, message, question)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                [
                    (
                        cursor.lastrowid,
                        f["rule"],
                        f["severity"],
                        f["time"],
                        f["line"],
                        f["speaker"],
                        f["text"],
                        f["message"],
                        f["question"],
                    )
                    for f in r["findings"]
                ],
            )
    return len(records)


GROUPS = {
    "agent": "COALESCE(agent, '（未注明）')",
    "script": "COALESCE(script, '（未识别）')",
    "week": "COALESCE(week, '（无日期）')",
}


def _has_file(connection) -> bool:
    """Whether the ledger has the `file` column (a ledger of an older huifang opened without its migration,
    as the handbook's dashboard opens it, has not)."""
    return any(row[1] == "file" for row in connection.execute("PRAGMA table_info(qa_calls)"))


def current(connection) -> str:
    """The judged calls the reports count, as a table expression: each transcript (`file`) once, by its latest
    judgment (the last row written; users run qa again on the same folder), and every row that has no `file`
    (written before the column existed: counted as before)."""
    if not _has_file(connection):
        return "qa_calls"
    return (
        "(SELECT * FROM qa_calls WHERE file IS NULL OR file = ''"
        " OR id IN (SELECT MAX(id) FROM qa_calls WHERE file <> '' GROUP BY file))"
    )


def superseded(connection) -> int:
    """How many judgments the reports leave out: earlier ones of a transcript judged again."""
    if not _has_file(connection):
        return 0
    return connection.execute(
        "SELECT COUNT(*) - COUNT(DISTINCT file) FROM qa_calls WHERE file IS NOT NULL AND file <> ''"
    ).fetchone()[0]


def aggregate(connection, by: str) -> list[dict]:
    key = GROUPS[by]
    calls = current(connection)
    rows = connection.execute(
        f"SELECT {key} AS k, COUNT(*), AVG(score), SUM(passed), AVG(duration_s), AVG(silence_ratio),"
        f" SUM(interruptions) FROM {calls} AS qa_calls GROUP BY k ORDER BY k"
    ).fetchall()
    findings = dict(
        connection.execute(
            f"SELECT {key} AS k, COUNT(f.rule) FROM {calls} AS qa_calls"
            f" LEFT JOIN qa_findings f ON f.call_id = qa_calls.id GROUP BY k"
        ).fetchall()
    )
    return [
        {
            by: k,
            "calls": n,
            "mean_score": round(avg, 1),
            "pass_rate": round(passed / n, 3),
            "mean_duration_s": None if dur is None else round(dur, 1),
            "mean_silence_ratio": None if sil is None else round(sil, 3),
            "interruptions": inter,
            "findings": findings.get(k, 0),
        }
        for k, n, avg, passed, dur, sil, inter in rows
    ]


def frequent_findings(connection) -> list[dict]:
    """Findings by rule, the most frequent first: how often, and in how many calls."""
    calls = current(connection)
    counted = "" if calls == "qa_calls" else f" WHERE call_id IN (SELECT id FROM {calls})"
    rows = connection.execute(
        f"SELECT rule, COUNT(*) AS n, COUNT(DISTINCT call_id) FROM qa_findings{counted}"
        " GROUP BY rule ORDER BY n DESC, rule"
    )
    return [{"rule": rule, "findings": n, "calls": calls} for rule, n, calls in rows]
