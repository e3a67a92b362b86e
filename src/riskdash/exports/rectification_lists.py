"""The 隐患治理 lists for download (overdue, 挂牌督办, due soon, the weekly list per township) as CSV and .xlsx.

Text cells that a spreadsheet would take for a formula are neutralised by ``exports.safe``: a hazard
description typed as "=HYPERLINK(...)" must stay text when an official opens the file in WPS or Excel.
"""

from __future__ import annotations

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from riskdash.exports.safe import csv_bytes, workbook_bytes
from riskdash.exports.safe import neutralise as escape_formula  # noqa: F401  (the name the screen's tests use)


def list_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel and WPS read the Chinese right."""
    return csv_bytes(frame)


def list_xlsx(sheets: dict[str, pd.DataFrame], titles: dict[str, str] | None = None) -> bytes:
    """One sheet per frame (sheet name → frame), each with an optional title line above its header."""
    book = Workbook()
    book.remove(book.active)
    for name, frame in sheets.items():
        sheet = book.create_sheet(_sheet_name(name))
        row = 1
        title = (titles or {}).get(name)
        if title:
            sheet.cell(1, 1, title).font = Font(bold=True, size=13)
            row = 3
        for c, column in enumerate(frame.columns, start=1):
            sheet.cell(row, c, str(column)).font = Font(bold=True)
            cells = [str(column), *("" if v is None else str(v) for v in frame.iloc[:, c - 1].head(500))]
            sheet.column_dimensions[get_column_letter(c)].width = fitted_width(cells)
        for r, values in enumerate(frame.itertuples(index=False), start=row + 1):
            for c, value in enumerate(values, start=1):
                sheet.cell(r, c, None if value is None or (not isinstance(value, str) and pd.isna(value))
                           else value)
        sheet.freeze_panes = sheet.cell(row + 1, 1)  # the header stays in view while scrolling
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
        sheet.print_title_rows = f"{row}:{row}"
    return workbook_bytes(book)


def fitted_width(texts: list[str], least: float = 8, most: float = 60) -> float:
    """A column's width for its longest text: a Chinese character takes two widths of a Latin one."""
    longest = max((sum(2 if ord(ch) > 0x2E80 else 1 for ch in text) for text in texts), default=0)
    return min(most, max(least, longest + 2))


def _sheet_name(name: str) -> str:
    # Excel: at most 31 characters, none of []:*?/\
    for ch in "[]:*?/\\":
        name = name.replace(ch, "_")
    return name[:31] or "Sheet"
