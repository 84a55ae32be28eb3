"""Where a field of an events table or a filled worklist is, for a row's `path:line:col:` (plan and report).

A CSV: the line and the character column where the field starts (commas outside quotes part the fields, a quoted
field may run over lines; a row too short to hold the field: the end of the row). An XLSX: the row and the column's
number, and the cell's name (C5) for the message, as Excel shows it.
"""

from __future__ import annotations

import csv
from typing import NamedTuple


class Place(NamedTuple):
    line: int
    column: int
    cell: str = ""  # an XLSX cell's name; "" in a CSV


def letters(index: int) -> str:
    """The name of the column of 0-based `index`, as Excel writes it: A … Z, AA …"""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def in_sheet(row: int, index: int) -> Place:
    return Place(row, index + 1, f"{letters(index)}{row}")


class InCsv:
    """The places of a CSV's fields, from its text as the reader was given it (`str.splitlines` lines, the line
    numbers `csv.reader` counts: a row is known by the line it ends on). Given the file's UTF-8 bytes, they are
    decoded when a place is first asked for (most tables have no bad row)."""

    def __init__(self, content: str | bytes):
        self.content = content
        self._lines: list[str] | None = None
        self._starts: dict[int, int] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            text = self.content.decode("utf-8-sig") if isinstance(self.content, bytes) else self.content
            self._lines = text.splitlines(keepends=True)
        return self._lines

    def start(self, end: int) -> int:
        """The line a row ending on line `end` starts on."""
        if self._starts is None:
            self._starts = {}
            reader = csv.reader(self.lines)
            first = 1
            try:
                for _ in reader:
                    self._starts[reader.line_num] = first
                    first = reader.line_num + 1
            except csv.Error:
                pass
        return self._starts.get(end, end)

    def __call__(self, end: int, index: int) -> Place:
        start = self.start(end)
        if index == 0 or start > len(self.lines):
            return Place(start, 1)
        field, quoted = 0, False
        for number in range(start, len(self.lines) + 1):
            text = self.lines[number - 1]
            for column, char in enumerate(text, 1):
                if char == '"':
                    quoted = not quoted
                elif quoted:
                    continue
                elif char == ",":
                    field += 1
                    if field == index:
                        return Place(number, column + 1)
                elif char in "\r\n":
                    return Place(number, column)
            if not quoted:
                return Place(number, len(text) + 1)
        return Place(start, 1)


def said(place: Place | None, shown: str, line: int, message: str, sheet: str = "") -> str:
    """One line of a row's fault: `path:line:col: message`, an XLSX's sheet (when named) and cell before it."""
    if place is None:
        place = Place(line, 1)
    where = (f"工作表「{sheet}」" if sheet else "") + (f"单元格 {place.cell}" if place.cell else "")
    return f"{shown}:{place.line}:{place.column}: " + (f"{where}：" if where else "") + message
