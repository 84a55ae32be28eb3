"""The events of a CRM export as columns (a polars frame), checked row by row as `events.read_events` describes:
a bad row becomes an `(line, message)` error and the other rows are still read.

A CSV without quotes or odd line breaks (what most exports are) is split by polars' reader, each physical line a
row, exactly as Python's `csv` splits it; any other CSV is read by `csv` and an XLSX by openpyxl, into the same
columns. The checks run on the columns: a date text is parsed once however many rows repeat it.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from huifang.plan.cells import InCsv, Place, in_sheet
from huifang.plan.events import (
    Event,
    InputError,
    file_bytes,
    header_map,
    open_workbook,
    parse_date,
    parse_month_day,
    text,
)

if TYPE_CHECKING:
    import polars as pl

# what str.strip() strips: every character str.isspace() calls a space (polars' own strip knows fewer)
SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
# a line break str.splitlines() knows besides \n and \r\n, a quote, a NUL: the file is read by `csv` instead
ODD = (b'"', b"\x00", b"\x0b", b"\x0c", b"\x1c", b"\x1d", b"\x1e", b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9")
LONE_CR = re.compile(rb"\r(?!\n)")
FEW = ("场景", "坐席", "机构", "区域", "客户类别")  # text columns of few distinct values
TEXT_COLUMNS = ("客户", "电话", "场景", "坐席", "机构", "区域", "客户类别", "编号")
FIELDS = {  # canonical column -> the frame's column
    "客户": "customer",
    "电话": "phone",
    "场景": "scenario",
    "日期": "date",
    "坐席": "agent",
    "机构": "org",
    "区域": "region",
    "客户类别": "customer_class",
    "截止日期": "deadline",
    "生日": "birthday",
    "编号": "ident",
}
SCHEMA = {
    "line": "i64",
    "customer": "str",
    "phone": "str",
    "scenario": "str",
    "date": "date",
    "agent": "str",
    "org": "str",
    "region": "str",
    "customer_class": "str",
    "deadline": "date",
    "birthday": "i32",  # month * 100 + day
    "ident": "str",
}


@dataclass
class Table:
    """The good rows as columns (SCHEMA, in line order) and the bad rows' `(line, message)`."""

    frame: pl.DataFrame
    errors: list[tuple[int, str]] = field(default_factory=list)
    header: dict[str, int] = field(default_factory=dict)  # canonical column -> its index in the file
    locate: Callable[[int, int], Place] | None = None  # (row's line, field index) -> where the field is
    places: dict[int, Place] = field(default_factory=dict)  # a bad row's line -> where the field at fault is

    def fault(self, line: int, name: str) -> None:
        """Remember where the row of `line` is at fault: its field of the canonical column `name`."""
        if self.locate is not None and name in self.header:
            self.places[line] = self.locate(line, self.header[name])

    @classmethod
    def of(cls, items) -> Table:
        """A table of Events (and errors) given one by one, in the order given."""
        import polars as pl

        rows: list[Event] = []
        errors: list[tuple[int, str]] = []
        for item in items:
            if isinstance(item, Event):
                rows.append(item)
            else:
                errors.append(item)
        columns: dict[str, list] = {name: [] for name in SCHEMA}
        for e in rows:
            columns["line"].append(e.line)
            columns["customer"].append(e.customer)
            columns["phone"].append(e.phone)
            columns["scenario"].append(e.scenario)
            columns["date"].append(e.date)
            columns["agent"].append(e.agent)
            columns["org"].append(e.org)
            columns["region"].append(e.region)
            columns["customer_class"].append(e.customer_class)
            columns["deadline"].append(e.deadline)
            columns["birthday"].append(e.birthday[0] * 100 + e.birthday[1] if e.birthday else None)
            columns["ident"].append(e.ident)
        return cls(pl.DataFrame(columns, schema=polars_schema()), errors)

    def __iter__(self) -> Iterator[Event | tuple[int, str]]:
        """The rows as Events and the bad rows' errors, in line order."""
        events = [
            Event(line, c, p, s, d, a, o, r, k, dl, divmod(b, 100) if b is not None else None, i)
            for line, c, p, s, d, a, o, r, k, dl, b, i in self.frame.select(list(SCHEMA)).iter_rows()
        ]
        merged: list = [*events, *self.errors]
        merged.sort(key=lambda x: x[0])
        return iter(merged)


def polars_schema() -> dict:
    import polars as pl

    kinds = {"i64": pl.Int64, "i32": pl.Int32, "str": pl.String, "date": pl.Date}
    return {name: kinds[kind] for name, kind in SCHEMA.items()}


def read_table(path: Path, columns: dict[str, str]) -> Table:
    """The events of a CSV or XLSX file; InputError when the file as a whole cannot be read."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return checked(*xlsx_cells(path, columns))
    if suffix not in (".csv", ".txt"):
        raise InputError("只支持 .csv 和 .xlsx 文件")
    raw = file_bytes(path)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's 「Unicode 文本」 and some CRMs write UTF-16
        try:
            raw = raw.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise InputError("文件是 UTF-16 编码，但其中有无法解码的字节（请另存为 UTF-8 的 CSV）") from None
    elif not is_utf8(raw):
        if b"\x00" in raw:  # UTF-16 without its BOM: GB18030 would read it as garbage with NULs
            raise InputError("文件编码无法识别（像是不带 BOM 的 UTF-16；请另存为 UTF-8 的 CSV）")
        try:
            content = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise InputError("文件编码无法识别（请另存为 UTF-8 的 CSV）") from None
        raw = content.encode("utf-8")
    if needs_csv(raw):
        return checked(*csv_cells(raw.decode("utf-8-sig"), columns))
    return checked(*plain_cells(raw, columns))


def needs_csv(raw: bytes) -> bool:
    """Whether the file holds a lone \\r or one of ODD. A byte is looked for first (memchr), a longer break only
    when its first byte occurs at all: in Chinese text the two-byte \\r\\n and the three-byte breaks are slow to
    look for (a million rows: 0.3 s of 0.9 s reading, against 0.05 s)."""
    if b"\r" in raw and LONE_CR.search(raw):  # a CRLF file: the regex finds each \r by memchr, not a 2-byte count
        return True
    return any(odd[:1] in raw and odd in raw for odd in ODD)


def is_utf8(raw: bytes, chunk: int = 1 << 20) -> bool:
    """Whether the bytes are UTF-8, checked by polars (SIMD; Python's decoder took 0.046 s of every million-row
    read, this 0.012 s) a piece at a time: the whole file in one column would be fresh memory, where pieces this
    small reuse the memory of the one before. A piece ends where a character starts (a byte that does not go on
    one), so no character is split; more than three such bytes in a row are no UTF-8 whichever piece holds them."""
    import polars as pl

    start, size = 0, len(raw)
    while start < size:
        end = min(start + chunk, size)
        for _ in range(3):
            if end == size or end - 1 == start or not 0x80 <= raw[end] < 0xC0:
                break
            end -= 1
        try:
            pl.Series([raw[start:end]], dtype=pl.Binary).cast(pl.String)
        except (pl.exceptions.ComputeError, pl.exceptions.InvalidOperationError):  # as polars versions name it
            return False
        start = end
    return True


def find_header(rows: Iterator[tuple[int, list]], columns: dict[str, str]) -> tuple[dict[str, int], int]:
    for number, cells in rows:
        if any(text(c) for c in cells):
            return header_map(cells, columns), number
    raise InputError("文件是空的")


def plain_cells(raw: bytes, columns: dict[str, str]):
    """A CSV whose every physical line is a row and every comma a separator, split by polars."""
    import polars as pl

    head = raw[: 1 << 16].decode("utf-8-sig", errors="replace").split("\n")  # the header is on a first line
    head = head[:64] if len(raw) <= 1 << 16 else head[: min(64, len(head) - 1)]  # whole lines only
    try:
        header, at = find_header(((n, line.rstrip("\r").split(",")) for n, line in enumerate(head, 1)), columns)
    except InputError:
        if raw.count(b"\n") < 64 and len(raw) < 1 << 16:
            raise
        return csv_cells(raw.decode("utf-8-sig"), columns)  # the header further down: let csv find it
    width = max(header.values()) + 1
    # the header line first, so that the columns polars counts are the header's (a row with fewer cells gets
    # nulls, one with more is cut: what lies past the header's columns is looked at only for a blank row)
    frame = pl.read_csv(
        raw,
        has_header=False,
        skip_rows=at - 1,
        quote_char=None,
        infer_schema=False,
        truncate_ragged_lines=True,
    )
    names = [f"c{i}" for i in range(width)]
    frame = frame.slice(1).select(pl.col(old).fill_null("").alias(new) for old, new in zip(frame.columns, names))
    # the line numbers as a row index: polars' reader gives each column in pieces (42 at a million rows), and a
    # column of one piece beside them (an int_range) made the checks' select copy every column into one piece
    # (0.06 s and 125 MB of fresh memory at a million rows)
    frame = frame.with_row_index("line", offset=at + 1).with_columns(pl.col("line").cast(pl.Int64))

    def past(lines: list[int]) -> set[int]:
        every = raw.split(b"\n")
        return {n for n in lines if any(c.strip() for c in every[n - 1].decode().split(",")[width + 1 :])}

    return frame, header, width, past, InCsv(raw)


def csv_cells(content: str, columns: dict[str, str]):
    """Any CSV, split by Python's `csv` (quoted fields, line breaks inside them): the same columns."""
    reader = csv.reader(content.splitlines(keepends=True))

    def rows() -> Iterator[tuple[int, list]]:
        try:
            for cells in reader:
                yield reader.line_num, cells
        except csv.Error as exc:
            raise InputError(f"CSV 格式错误（第 {reader.line_num} 行）：{exc}") from None

    stream = rows()
    header, _ = find_header(stream, columns)
    width = max(header.values()) + 1
    frame, past = listed(stream, width, None)
    return frame, header, width, past, InCsv(content)


def xlsx_cells(path: Path, columns: dict[str, str]):
    book = open_workbook(path)
    try:
        stream = ((n, list(v)) for n, v in enumerate(book.worksheets[0].iter_rows(values_only=True), 1))
        header, _ = find_header(stream, columns)
        width = max(header.values()) + 1
        dated = {header[name] for name in ("日期", "截止日期", "生日") if name in header}
        frame, past = listed(stream, width, dated)
        return frame, header, width, past, in_sheet
    finally:
        book.close()


def listed(stream: Iterator[tuple[int, list]], width: int, dated: set[int] | None):
    """Rows read one by one into the columns plain_cells gives; an XLSX's cells as text except the dates in date
    columns (kept as their ISO text: the date parsers read it as the same day)."""
    import polars as pl

    cols: list[list[str]] = [[] for _ in range(width)]
    lines: list[int] = []
    rest: set[int] = set()
    for number, cells in stream:
        if dated is not None:
            cells = [iso_cell(c) if i in dated and isinstance(c, dt.date) else text(c) for i, c in enumerate(cells)]
        n = len(cells)
        if n < width:
            cells += [""] * (width - n)
        lines.append(number)
        for i in range(width):
            cols[i].append(cells[i])
        if n > width + 1 and any(c.strip() for c in cells[width + 1 :]):  # past the header's columns (and the
            rest.add(number)  # one right after them, which the row reader always blanked)
    frame = pl.DataFrame({f"c{i}": cols[i] for i in range(width)}, schema={f"c{i}": pl.String for i in range(width)})
    frame = frame.with_columns(pl.Series("line", lines, pl.Int64))
    return frame, lambda numbers: rest.intersection(numbers)


def iso_cell(value: dt.date) -> str:
    day = value.date() if isinstance(value, dt.datetime) else value
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def checked(frame: pl.DataFrame, header: dict[str, int], width: int, past, locate) -> Table:
    """The rows' checks on the columns: missing phone or scenario (a blank row is skipped), dates that cannot be
    read, a missing date; the text cells stripped. `locate` finds a bad row's field at fault (`cells`)."""
    import polars as pl

    def raw(name: str) -> pl.Expr:
        return pl.col(f"c{header[name]}") if name in header else pl.lit("", pl.String)

    # a column none of whose cells holds a space anywhere is taken as it is: looking for one costs half of
    # stripping every cell (ids, phones and names of most exports have none); in a column of few distinct texts
    # (scenarios, agents, orgs, regions, classes) the distinct ones are looked at
    present = [name for name in TEXT_COLUMNS if name in header]
    spaced = frame.select(
        (pl.col(f"c{header[n]}").unique() if n in FEW else pl.col(f"c{header[n]}"))
        .str.contains_any(list(SPACES))
        .any()
        .alias(n)
        for n in present
    )
    stripped = {
        FIELDS[name]: raw(name).str.strip_chars(SPACES) if name in present and spaced[name].item() else raw(name)
        for name in TEXT_COLUMNS
    }
    f = frame.select(
        pl.col("line"),
        *(e.alias(name) for name, e in stripped.items()),
        raw("日期").alias("raw_date"),
        raw("截止日期").alias("raw_deadline"),
        raw("生日").alias("raw_birthday"),
    )
    table = Table(frame.clear(), [], header, locate)
    errors = table.errors
    lacking = f.select((pl.col("phone") == "") | (pl.col("scenario") == ""))[:, 0]
    if lacking.any():
        missing = frame.filter(lacking)
        lines = missing["line"].to_list()
        # a row with nothing in it is skipped (as is a cell right after the header's columns: the row reader
        # blanked it; what lies beyond still counts)
        full = [
            any(c.strip(SPACES) for c in cells) for cells in missing.select(f"c{i}" for i in range(width)).iter_rows()
        ]
        beyond = past([n for n, x in zip(lines, full) if not x])
        for line, phone, x in zip(lines, f.filter(lacking)["phone"].to_list(), full):
            if x or line in beyond:
                errors.append((line, "缺少电话" if not phone else "缺少场景"))
                table.fault(line, "电话" if not phone else "场景")
        f = f.filter(~lacking)
    dates = date_map(f, ("raw_date", "raw_deadline"), parse_date)
    births = date_map(f, ("raw_birthday",), parse_month_day)
    date_values = {k: v for k, v in dates.items() if not isinstance(v, ValueError)}
    birth_values = {k: (v[0] * 100 + v[1] if v else None) for k, v in births.items() if not isinstance(v, ValueError)}
    bad_texts = {k: str(v) for k, v in {**births, **dates}.items() if isinstance(v, ValueError)}
    if bad_texts:
        bad_dates = {k for k, v in dates.items() if isinstance(v, ValueError)}
        bad_births = {k for k, v in births.items() if isinstance(v, ValueError)}
        wrong = f.filter(
            pl.col("raw_date").is_in(bad_dates)
            | pl.col("raw_deadline").is_in(bad_dates)
            | pl.col("raw_birthday").is_in(bad_births)
        )
        for line, d, dl, b in wrong.select("line", "raw_date", "raw_deadline", "raw_birthday").iter_rows():
            first, name = (d, "日期") if d in bad_dates else (dl, "截止日期") if dl in bad_dates else (b, "生日")
            errors.append((line, str(dates[first]) if first in bad_dates else str(births[first])))
            table.fault(line, name)
        f = f.filter(
            ~pl.col("raw_date").is_in(bad_dates)
            & ~pl.col("raw_deadline").is_in(bad_dates)
            & ~pl.col("raw_birthday").is_in(bad_births)
        )
    f = f.with_columns(
        pl.col("raw_date").replace_strict(date_values, default=None, return_dtype=pl.Date).alias("date"),
        pl.col("raw_deadline").replace_strict(date_values, default=None, return_dtype=pl.Date).alias("deadline"),
        pl.col("raw_birthday").replace_strict(birth_values, default=None, return_dtype=pl.Int32).alias("birthday"),
    )
    undated = f.filter(pl.col("date").is_null())
    if undated.height:
        for line in undated["line"].to_list():
            errors.append((line, "缺少日期"))
            table.fault(line, "日期")
        f = f.filter(pl.col("date").is_not_null())
    errors.sort()
    table.frame = f.select(list(SCHEMA))
    return table


def date_map(f: pl.DataFrame, names: tuple[str, ...], parse) -> dict[Any, Any]:
    """Each distinct text of the columns -> what `parse` makes of it, or its ValueError."""
    import polars as pl

    found: dict[Any, Any] = {}
    values: list = pl.concat([f[n] for n in names]).unique().to_list() if f.height else []
    for value in values:
        try:
            found[value] = parse(value)
        except ValueError as exc:
            found[value] = exc
    return found
