"""Which calls to judge: files, folders (every transcript under them, sorted), and CSV/XLSX manifests
(columns file, agent, date, script — or 文件, 坐席, 日期, 话术), whose file paths are relative to the manifest."""

from __future__ import annotations

import csv
import datetime as dt
import os
from dataclasses import dataclass

from huifang.qa.readers import SUFFIXES
from huifang.readfile import missing

COLUMNS = {
    "file": "file",
    "文件": "file",
    "path": "file",
    "录音": "file",
    "agent": "agent",
    "坐席": "agent",
    "date": "date",
    "日期": "date",
    "script": "script",
    "话术": "script",
}


NAMES = {"file": "file（文件）", "agent": "agent（坐席）", "date": "date（日期）", "script": "script（话术）"}


class InputError(Exception):
    """A path or manifest that cannot be used: one line, exit 2."""


@dataclass(slots=True)
class Job:
    file: str
    display: str
    meta: dict | None = None  # a manifest row's agent, date, script (None, not a dict per file of a folder);
    # "problem": the row's own fault (a date that is no date), reported instead of judging the call


def gather(paths: list[str]) -> list[Job]:
    jobs: list[Job] = []
    for path in paths:
        if missing(path):  # (a symlink in a loop is there: reading it says so, as that call's finding)
            raise InputError(f"{_shown(path)}: 文件或目录不存在")
        if os.path.isdir(path):
            for folder, dirs, files in os.walk(path, onerror=_unlisted):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(SUFFIXES) and not name.startswith("."):
                        full = os.path.join(folder, name)
                        jobs.append(Job(full, _shown(full)))
        elif path.lower().endswith((".csv", ".xlsx")):
            jobs.extend(manifest(path))
        else:
            jobs.append(Job(path, _shown(path)))
    return jobs


def _shown(name: str) -> str:
    """A file's name on one line (a newline in it written as an escape), as every finding gives it."""
    if name.isprintable():
        return name
    from huifang.problems import printable

    return printable(name)


def _unlisted(exc: OSError) -> None:
    """A folder that cannot be listed: said as lint says it (its transcripts were silently left out, and a
    folder of them all was 「没有找到转写文件」)."""
    from huifang.readfile import os_words

    raise InputError(f"{exc.filename}: 无法读取目录：{os_words(exc)}")


def manifest(path: str) -> list[Job]:
    from huifang.plan.events import parse_date  # the same dates a CRM export may hold: 2026/3/2, 2026年3月2日 …

    rows = _xlsx_rows(path) if path.lower().endswith(".xlsx") else _csv_rows(path)
    if not rows:
        raise InputError(f"{path}:1:1: 清单是空的")
    header = [COLUMNS.get(str(h or "").strip().lower(), COLUMNS.get(str(h or "").strip())) for h in rows[0]]
    if "file" not in header:
        raise InputError(
            f"{path}:1:1: 清单缺少 file（文件）列；可用的列：file/文件、agent/坐席、date/日期、script/话术"
        )
    for name in ("file", "agent", "date", "script"):
        columns = [i + 1 for i, h in enumerate(header) if h == name]
        if len(columns) > 1:
            raise InputError(
                f"{path}:1:{columns[1]}: 清单里{NAMES[name]}列出现了 {len(columns)} 次"
                f"（第 {'、'.join(map(str, columns))} 列）；只留一列"
            )
    base = os.path.dirname(path)
    jobs = []
    for number, row in enumerate(rows[1:], 2):
        values = {name: str(value).strip() for name, value in zip(header, row) if name and value not in (None, "")}
        if not values.get("file"):
            continue
        if "date" in values:
            try:
                values["date"] = _date(values["date"], parse_date)
            except ValueError as exc:  # the row is not judged: its week would be lost from qa report
                values["problem"] = f"{path}:{number}:{header.index('date') + 1}: {exc}"
        file = values.pop("file")
        where = {"manifest": path, "manifest_line": number, "manifest_column": header.index("file") + 1}
        if "script" in values:
            where["script_column"] = header.index("script") + 1
        jobs.append(Job(os.path.join(base, file), _shown(file), values | where))
    return jobs


def _date(raw: str, parse_date) -> str:
    try:
        return parse_date(raw).isoformat()
    except ValueError:
        try:  # parse_date reads ISO time stamps with fractions and zones; anything else after an ISO day (2026-03-02T10): that day
            return dt.date.fromisoformat(raw[:10]).isoformat()
        except ValueError:
            pass
        raise


def _csv_rows(path: str) -> list[list]:
    from huifang.qa.call import TranscriptError
    from huifang.qa.readers import decode, load_bytes

    try:
        text = decode(load_bytes(path, path, 64 * 1024 * 1024), path)
    except TranscriptError as exc:
        raise InputError(str(exc)) from None
    try:
        return [row for row in csv.reader(text.splitlines()) if any(c.strip() for c in row)]
    except csv.Error as exc:
        raise InputError(f"{path}: 清单不是合法的 CSV：{exc}") from None


def _xlsx_rows(path: str) -> list[list]:
    import io

    from huifang.problems import ContentError
    from huifang.readfile import read_bytes
    from openpyxl import load_workbook

    try:
        raw = read_bytes(path, path, 256 * 1024 * 1024, "：请把清单拆成几个文件")
    except ContentError as exc:
        raise InputError(str(exc.problem)) from None
    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        from huifang.plan.events import not_a_workbook

        raise InputError(f"{path}:1:1: {not_a_workbook(raw)}") from None
    try:
        sheet = book.worksheets[0]
        return [
            [c.isoformat()[:10] if hasattr(c, "isoformat") else c for c in row]
            for row in sheet.iter_rows(values_only=True)
            if any(c not in (None, "") for c in row)
        ]
    finally:
        book.close()
