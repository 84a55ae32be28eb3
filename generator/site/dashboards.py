"""The 维护者 dashboards: 质检统计 (from `huifang qa`'s records) and 回访统计 (from `huifang plan` / `report`),
read from the team's SQLite ledger at build time.

The figures come from the same functions the commands print (`qa.store.aggregate` and
`frequent_findings`, `plan.report.compute`), never from a second copy of the arithmetic. The pages are
always in the navigation: without a ledger each says in one sentence which command fills it, so a
supervisor finds the page where the handbook says it is, and learns what to run.

The page shows no customer names or phone numbers (a handbook is read more widely than a worklist): the
lists of complaints to open and of calls not reached stay with `huifang report`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from pathlib import Path

from huifang import ledger
from huifang import model as m
from huifang.site import charts

log = logging.getLogger("mkdocs.plugins.huifang")
QA_PAGE, VISITS_PAGE = "maintainers/qa.md", "maintainers/visits.md"
NAV = [{"质检统计": QA_PAGE}, {"回访统计": VISITS_PAGE}]
TOP_FINDINGS = 10
BY_NAMES = {"agent": "坐席", "script": "话术", "week": "周"}


def ledger_file(root: Path, configured: str | None) -> Path:
    """HUIFANG_DB (`huifang build --db`), else the plugin's `ledger` setting, else huifang.sqlite beside
    huifang.yaml; a relative path is read from the project root."""
    chosen = os.environ.get("HUIFANG_DB") or configured
    return (root / chosen) if chosen else ledger.default_path(root)


def open_ledger(path: Path) -> sqlite3.Connection:
    """An existing ledger, never created by the build (mode=rw lets SQLite tidy its WAL files on close)."""
    try:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)
    except sqlite3.OperationalError:  # a read-only project folder
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def has_table(connection: sqlite3.Connection, name: str, *types: str) -> bool:
    """Whether the ledger has a table (or, given the types, e.g. a view: `plan_calls`) of this name."""
    kinds = types or ("table",)
    found = connection.execute(
        f"SELECT 1 FROM sqlite_master WHERE type IN ({','.join('?' * len(kinds))}) AND name = ?", (*kinds, name)
    ).fetchone()
    return found is not None


def week_label(week: str) -> str:
    """`2026-W10` as 2026 年第 10 周（3/2 起）."""
    try:
        year, number = week.split("-W")
        monday = dt.date.fromisocalendar(int(year), int(number), 1)
    except ValueError:
        return week
    return f"{int(year)} 年第 {int(number)} 周（{monday.month}/{monday.day} 起）"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:g}%"


# -- 质检统计 -------------------------------------------------------------------------------------------
def qa_view(path: Path, project: m.Project, rule_names: dict[str, str]) -> dict:
    from huifang.qa import store
    from huifang.qa.output import RULE_NAMES

    if not path.is_file():
        return {"state": "none"}
    try:
        connection = open_ledger(path)
        try:
            if (
                not has_table(connection, "qa_calls")
                or not connection.execute("SELECT count(*) FROM qa_calls").fetchone()[0]
            ):
                return {"state": "empty"}
            tables = {by: store.aggregate(connection, by) for by in ("agent", "script", "week")}
            total, passed = connection.execute(
                f"SELECT count(*), sum(passed) FROM {store.current(connection)}"
            ).fetchone()
            findings = store.frequent_findings(connection)
            superseded = store.superseded(connection)
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        log.warning(f"记录库 {path} 无法读取（不是 SQLite 数据库或已损坏），质检统计页没有统计")
        return {"state": "broken", "file": path.name}

    def label(by: str, key: str) -> str:
        if by == "script":
            script = project.scripts.get(key)
            return script.title if script else key if key.startswith("（") else "（话术已不在规范中）"
        return week_label(key) if by == "week" else key

    names = {**rule_names, **RULE_NAMES}
    rows: dict[str, list[dict]] = {}
    pictures = {}
    for by, found in tables.items():
        rows[by] = [
            {
                **r,
                "label": label(by, r[by]),
                "pass": f"{r['pass_rate']:.0%}",
                "silence": "—" if r["mean_silence_ratio"] is None else f"{r['mean_silence_ratio']:.0%}",
                "duration": "—" if r["mean_duration_s"] is None else f"{r['mean_duration_s']:g}",
            }
            for r in found
        ]
        pictures[by] = charts.bars(
            [charts.Bar(r["label"], r["mean_score"], f"{r['mean_score']:g} 分 · 合格 {r['pass']}") for r in rows[by]],
            100,
            f"平均分和合格率（按{BY_NAMES[by]}）",
        )
    top = [{**f, "name": names.get(f["rule"], "其他问题")} for f in findings[:TOP_FINDINGS]]
    most = max((f["findings"] for f in top), default=0)
    pictures["findings"] = charts.bars(
        [charts.Bar(f["name"], f["findings"], f"{f['findings']} 次 · {f['calls']} 通") for f in top],
        most,
        "最常见的问题（发现次数）",
    )
    return {
        "state": "ok",
        "rows": rows,
        "charts": pictures,
        "findings": top,
        "calls": total,
        "passed": passed,
        "pass_rate": f"{passed / total:.0%}",
        "superseded": superseded,
    }


# -- 回访统计 -------------------------------------------------------------------------------------------
def visits_view(path: Path, project: m.Project) -> dict:
    from huifang.plan import report
    from huifang.plan.config import PlanConfig

    if not path.is_file():
        return {"state": "none"}
    try:
        connection = open_ledger(path)
        try:
            if not has_table(connection, "plan_calls", "table", "view"):
                return {"state": "empty"}
            span = report.ledger_range(connection)
            if span is None:
                return {"state": "empty"}
            has_results = has_table(connection, "plan_results")
            data = report.compute(connection, project, PlanConfig.of(project), *span) if has_results else None
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        log.warning(f"台账 {path} 无法读取（不是 SQLite 数据库或已损坏），回访统计页没有统计")
        return {"state": "broken", "file": path.name}
    if data is None:
        return {"state": "empty"}
    kinds: dict[str, dict] = {}
    pictures = {}
    for kind, name in report.KINDS:
        shown = [
            {**row, "label": week_label(row["title"]) if kind == "week" else row["title"], "cells": report.cells(row)}
            for row in data[kind]
        ]
        kinds[kind] = {"name": name, "rows": shown}
        pictures[kind] = charts.bars(
            [
                charts.Bar(
                    r["label"],
                    r["rate"],
                    f"{percent(r['rate'])}" + (f" / 目标 {r['target']:g}%" if r["target"] is not None else ""),
                    r["target"],
                    r["met"],
                )
                for r in shown
            ],
            100,
            f"回访率（{name}）",
            legend="条：回访率；竖线：目标回访率",
        )
    pictures["satisfaction"] = charts.stacks(
        [charts.Stack(r["label"], (r["satisfied"], r["neutral"], r["unsatisfied"])) for r in kinds["scenario"]["rows"]],
        ("满意", "一般", "不满意"),
        "满意度（按场景）",
    )
    return {
        "state": "ok",
        "data": data,
        "kinds": kinds,
        "charts": pictures,
        "heads": report.HEADS,
        "total": report.cells(data["total"]),
        "gave_up": sum(u["gave_up"] for u in data["unreached"]),
        "unreached": len(data["unreached"]),
        "complaints": len(data["complaints"]),
    }


def pages(path: Path, project: m.Project, rule_names: dict[str, str]) -> list[tuple[str, str, str, dict]]:
    """(page, title, template, context) for the two dashboards."""
    return [
        (QA_PAGE, "质检统计", "qa_dashboard.md.j2", {"view": qa_view(path, project, rule_names)}),
        (VISITS_PAGE, "回访统计", "visits.md.j2", {"view": visits_view(path, project)}),
    ]
