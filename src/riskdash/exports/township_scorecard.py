"""乡镇考核排名 as .xlsx: the screen's ranking table (``screens/campaigns/view.scorecard_table``) under a title and its
scope line; scores stay numbers (one decimal) so that WPS and Excel can sort and add them."""

from __future__ import annotations


import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from riskdash.exports.safe import workbook_bytes

TITLE = "乡镇安全生产工作考核排名"
HEADER_ROW = 3


def scorecard_xlsx(table: pd.DataFrame, scope_line: str, title: str = TITLE, sheet_name: str = "考核排名") -> bytes:
    """The table under its title and scope line (also the "1+1" pairs table of the same screen)."""
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name
    width = max(1, len(table.columns))
    sheet.cell(1, 1, title).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(2, 1, scope_line)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    for c, name in enumerate(table.columns, start=1):
        cell = sheet.cell(HEADER_ROW, c, str(name))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[cell.column_letter].width = 22 if c in (2, 6) else 12
    for r, row in enumerate(table.itertuples(index=False), start=HEADER_ROW + 1):
        for c, value in enumerate(row, start=1):
            if value is None or (isinstance(value, float) and pd.isna(value)):
                value = "—"
            cell = sheet.cell(r, c, value)
            if isinstance(value, float):
                cell.number_format = "0.0"
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 3)
    return workbook_bytes(book)  # never a formula in an official's spreadsheet
