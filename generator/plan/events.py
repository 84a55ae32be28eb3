"""Read a CRM export (CSV or XLSX) of customer events: one row per event, Chinese or English headers.

Phones and ids stay text (leading zeros kept). Each bad row becomes an `(line, message)` error and
the other rows are still read (the rows as columns: `table.py`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from huifang.problems import ContentError
from huifang.readfile import read_bytes

# canonical column -> accepted headers (compared after stripping spaces, case-insensitive)
HEADERS = {
    "客户": ["客户", "客户姓名", "客户名称", "姓名", "customer", "name"],
    "电话": ["电话", "联系电话", "手机", "手机号", "电话号码", "phone", "mobile", "tel"],
    "场景": ["场景", "回访场景", "scenario"],
    "日期": ["日期", "事件日期", "发生日期", "date", "event_date"],
    "坐席": ["坐席", "负责人", "回访人", "客服", "agent", "owner"],
    "机构": ["机构", "org", "organization"],
    "区域": ["区域", "地区", "region", "area"],
    "客户类别": ["客户类别", "类别", "客户分类", "客户等级", "class", "customer_class", "category"],
    "截止日期": ["截止日期", "截止", "到期日", "deadline", "until", "due"],
    "生日": ["生日", "出生日期", "birthday"],
    "编号": ["编号", "客户编号", "id", "customer_id"],
}
ALIASES = {alias.lower(): canon for canon, names in HEADERS.items() for alias in names}
DATE_TEXT = re.compile(
    r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?\s*$"
)  # a time of day, with fractions and a zone as ISO exports write them, is dropped: the day is the one written, as qa reads it
COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
MONTH_DAY = re.compile(r"^\s*(?:\d{4}\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


class InputError(Exception):
    """The whole file cannot be read (not a row's fault)."""


class Event(NamedTuple):
    line: int
    customer: str
    phone: str
    scenario: str
    date: dt.date
    agent: str = ""
    org: str = ""
    region: str = ""
    customer_class: str = ""
    deadline: dt.date | None = None
    birthday: tuple[int, int] | None = None
    ident: str = ""


def text(value) -> str:
    if type(value) is str:
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_date(value) -> dt.date | None:
    """A date from a cell: an Excel date, 2026-03-01, 2026/3/1, 2026年3月1日, 20260301. ValueError if impossible."""
    if type(value) is str:
        known = SEEN_DATES.get(value)
        if known is None:
            known = slow_date(value)
            if len(SEEN_DATES) < 100_000:
                SEEN_DATES[value] = known
        return known
    return slow_date(value)


SEEN_DATES: dict[str, dt.date | None] = {}  # an export repeats the same few hundred dates


YEARS = (1900, 2199)  # a date outside them is a typo (9999-12-31 as "no date"): its window would pass date.max


def slow_date(value) -> dt.date | None:
    if isinstance(value, (dt.date, dt.datetime)):
        day = value.date() if isinstance(value, dt.datetime) else value
        return _in_range(day, day.isoformat())
    raw = text(value)
    if not raw:
        return None
    found = DATE_TEXT.match(raw) or COMPACT.match(raw)
    if not found:
        if SERIAL.match(raw) and 20_000 <= float(raw) < 80_000:  # 1954–2119 as Excel counts days
            raise ValueError(f"日期「{raw}」像是 Excel 内部的日期序号：请把这一列设成日期格式，或写成 2026-03-01")
        raise ValueError(f"日期「{raw}」看不懂，请写成 2026-03-01")
    y, mo, d = (int(x) for x in found.groups())
    try:
        day = dt.date(y, mo, d)
    except ValueError:
        raise ValueError(f"日期「{raw}」不存在") from None
    return _in_range(day, raw)


SERIAL = re.compile(r"[0-9]{5}(?:\.[0-9]+)?$")  # a date cell Excel shows as a number (General format)


def _in_range(day: dt.date, raw: str) -> dt.date:
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise ValueError(f"日期「{raw}」超出范围：年份应在 {YEARS[0]}–{YEARS[1]} 之间")
    return day


def parse_month_day(value) -> tuple[int, int] | None:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.month, value.day
    raw = text(value)
    if not raw:
        return None
    found = MONTH_DAY.match(raw) or COMPACT.match(raw)
    if not found:
        raise ValueError(f"生日「{raw}」看不懂，请写成 03-01")
    mo, d = (int(x) for x in found.groups()[-2:])
    try:
        dt.date(2000, mo, d)  # a leap year, so 02-29 is a birthday
    except ValueError:
        raise ValueError(f"生日「{raw}」不存在") from None
    return mo, d


def header_map(header: list, columns: dict[str, str]) -> dict[str, int]:
    """canonical column -> index; `columns` is huifang.yaml's {表中的列名: 标准列名}."""
    custom = {k.strip().lower(): ALIASES.get(v.strip().lower(), v.strip()) for k, v in columns.items()}
    found: dict[str, int] = {}
    for i, cell in enumerate(header):
        name = text(cell).replace(" ", "").lower()
        canon = custom.get(name) or ALIASES.get(name)
        if canon and canon not in found:
            found[canon] = i
    missing = [c for c in ("电话", "场景", "日期") if c not in found]
    if missing:
        raise InputError(f"缺少列：{'、'.join(missing)}（可在 huifang.yaml 的 plan.columns 中映射列名）")
    return found


MAX_BYTES = 1024 * 1024 * 1024


def file_bytes(path: Path) -> bytes:
    """The bytes of an events or results table; InputError (the reason in one Chinese line) when unreadable."""
    try:
        return read_bytes(path, str(path), MAX_BYTES, "：请把表拆成几个文件")
    except ContentError as exc:
        raise InputError(exc.problem.message) from None


def open_workbook(path: Path):
    """An XLSX opened read-only for its values; InputError (one Chinese line) when it cannot be read."""
    import openpyxl

    raw = file_bytes(path)
    try:
        return openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged or mislabelled file
        raise InputError(not_a_workbook(raw)) from None


def not_a_workbook(raw: bytes) -> str:
    """Why bytes named .xlsx are no workbook openpyxl reads, from what they are: an old .xls, text (a CSV saved
    under the other name, as an export tool or a rename leaves it), or neither."""
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        return "这是旧版 Excel（.xls）文件：请在 Excel 里另存为 .xlsx 或 .csv"
    head = raw[:4096]
    if head and not head.startswith(b"PK") and b"\0" not in head:
        for encoding in ("utf-8", "gb18030"):
            try:
                head.decode(encoding)
            except UnicodeDecodeError as exc:
                if exc.start < len(head) - 4:  # a character cut at the end of the first 4 KB is no fault
                    continue
            return "这是文本（CSV）文件，只是名字以 .xlsx 结尾：请把文件名改成 .csv"
    return "不是可读的 Excel 工作簿（.xlsx）：文件已损坏，或是别的格式"


def rows(path: Path) -> Iterator[tuple[int, list]]:
    """(line number, cells) of every row, the header first. CSV: line numbers in the file; XLSX: row numbers."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        book = open_workbook(path)
        try:
            sheet = book.worksheets[0]
            for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
                yield number, list(values)
        finally:
            book.close()
        return
    if suffix not in (".csv", ".txt"):
        raise InputError("只支持 .csv 和 .xlsx 文件")
    yield from csv_rows(csv_text(path))


def csv_text(path: Path) -> str:
    """A CSV's text: UTF-16 with its BOM (Excel's 「Unicode 文本」), UTF-8 (with or without a BOM) or GB18030."""
    raw = file_bytes(path)
    utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
    for encoding in ("utf-16",) if utf16 else ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError("文件编码无法识别（请另存为 UTF-8 的 CSV）")


def csv_rows(content: str) -> Iterator[tuple[int, list]]:
    """(line number, cells) of every row of a CSV's text; a row's number is the line it ends on."""
    reader = csv.reader(content.splitlines(keepends=True))
    try:
        for cells in reader:
            yield reader.line_num, cells
    except csv.Error as exc:
        raise InputError(f"CSV 格式错误（第 {reader.line_num} 行）：{exc}") from None


def read_events(path: Path, columns: dict[str, str]):
    """The file's events as columns (`table.Table`; iterating it gives Events and `(line, message)` errors in line
    order). InputError when the file as a whole cannot be read."""
    from huifang.plan.table import read_table

    return read_table(path, columns)
