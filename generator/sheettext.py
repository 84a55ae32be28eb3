"""Text written to a workbook stays text: openpyxl stores a string that starts with "=" as a formula.

A customer named 「=HYPERLINK(…)」 in a CRM export, or a transcript line that starts with "=", became a live
formula in the worklist, the QA workbook or the 回访 report (spreadsheet formula injection). huifang writes
data only; no cell it writes is a formula."""

from __future__ import annotations


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

    cell = WriteOnlyCell(sheet, value)
    if cell.data_type == "f":
        cell.data_type = "s"
    return cell
