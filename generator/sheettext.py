"""Text written to a workbook stays text: openpyxl stores a string that starts with "=" as a formula.

A customer named 「=HYPERLINK(…)」 in a CRM export, or a transcript line that starts with "=", became a live
formula in the worklist, the QA workbook or the 回访 report (spreadsheet formula injection). huifang writes
data only; no cell it writes is a formula."""

from __future__ import annotations

import re

# the characters a workbook cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE): C0 controls but tab, LF and CR
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def printable(value):
    """`value` without the control characters a workbook cannot hold (a CRM export's stray \\x01, a NUL in a
    transcript): openpyxl refuses the whole workbook for one of them. Anything but text is returned as is."""
    if type(value) is str and _UNWRITABLE.search(value):
        return _UNWRITABLE.sub("", value)
    return value


def keep_text(book) -> None:
    """Every formula cell of a workbook (not write-only) back to the text it was given."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"


def text_cell(sheet, value):
    """A write-only workbook's cell holding `value`, never a formula."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, printable(value))
    if cell.data_type == "f":
        cell.data_type = "s"
    return cell
