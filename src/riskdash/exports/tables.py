"""Any table a screen shows, as the .xlsx its download button gives (issue 17 items 10 and 11).

One sheet: the title line (what the table is), the scope line (region, sector, period), the as-of line, a blank
row, then the table with its header as on screen (Chinese headers and enum words: the frame shown is the frame
written), the header frozen, each column as wide as its longest text. Every text cell passes the formula
neutraliser of ``exports.safe`` (``workbook_bytes``), so "=cmd|..." stays text in Excel and WPS.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from riskdash.exports.safe import workbook_bytes

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


YES_NO = {"zh": ("是", "否"), "en": ("Yes", "No")}


def table_xlsx(frame, title: str, lines: Sequence[str] = (), lang: str = "zh", sheet_name: str | None = None) -> bytes:
    """``frame`` (a DataFrame, or a pandas Styler: its data) on one sheet under ``title`` and ``lines``; a
    true/false cell reads 是/否 (Yes/No in English), never True/False."""
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title(sheet_name or title)
    write_table(sheet, getattr(frame, "data", frame), [title, *lines], lang)
    return workbook_bytes(book)


def write_table(sheet, frame: pd.DataFrame, lines: Sequence[str] = (), lang: str = "zh") -> int:
    """Write ``lines`` (the first bold, as the title) and under them, after a blank row, ``frame`` with its
    header frozen and its columns fitted; returns the header's row."""
    yes, no = YES_NO.get(lang, YES_NO["zh"])
    frame = frame.map(lambda v: (yes if v else no) if isinstance(v, bool) or type(v).__name__ == "bool_" else v)
    lines = [line for line in lines if line]
    for r, line in enumerate(lines, start=1):
        sheet.cell(r, 1, line).font = Font(bold=True, size=13) if r == 1 else Font(color="555555")
    row = len(lines) + 2 if lines else 1
    for c, column in enumerate(frame.columns, start=1):
        head = " ".join(str(p) for p in column if str(p)) if isinstance(column, tuple) else str(column)
        sheet.cell(row, c, head).font = Font(bold=True)
        cells = [head, *(_text(v) for v in frame.iloc[:, c - 1].head(500))]
        sheet.column_dimensions[get_column_letter(c)].width = fitted_width(cells)
    for r, values in enumerate(frame.itertuples(index=False), start=row + 1):
        for c, value in enumerate(values, start=1):
            sheet.cell(r, c, _cell(value))
    sheet.freeze_panes = sheet.cell(row + 1, 1)  # the header stays in view while scrolling
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.print_title_rows = f"{row}:{row}"
    return row


def fitted_width(texts: Sequence[str], least: float = 8, most: float = 60) -> float:
    """A column's width for its longest text: a Chinese character takes two widths of a Latin one."""
    longest = max((sum(2 if ord(ch) > 0x2E80 else 1 for ch in text) for text in texts), default=0)
    return min(most, max(least, longest + 2))


def sheet_title(name: str) -> str:
    # Excel: at most 31 characters, none of []:*?/\
    for ch in "[]:*?/\\":
        name = name.replace(ch, "_")
    return name[:31] or "Sheet"


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return not isinstance(value, str) and bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _cell(value):
    """A value openpyxl writes: blanks empty, numpy scalars as Python numbers, anything else unknown as text."""
    if _missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, (str, int, float, bool)) or hasattr(value, "isoformat"):
        return value
    return str(value)


def _text(value) -> str:
    return "" if _missing(value) else str(value)
