"""《工矿企业安全生产事故隐患排查治理情况月报表》 as .xlsx: the screen's table (``ui.rectification.form_table``)
in the official layout — a title, the reporting unit and period, two header rows with merged cells, one row
per sector and 合计. Counts are numbers, rates are percentages to one decimal ("—" where nothing was found),
funds in 万元 to two decimals, so that WPS and Excel can add them up.
"""

from __future__ import annotations

from io import BytesIO

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from riskdash.exports.safe import workbook_bytes

TITLE = "工矿企业安全生产事故隐患排查治理情况月报表"
HEADER_ROW = 3  # the first of the two header rows; data starts two rows below
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


def form_xlsx(table: pd.DataFrame, scope_line: str) -> bytes:
    """The workbook bytes of ``table`` (MultiIndex columns: (group, column), group "" spans both rows)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "月报表"
    width = len(table.columns)
    sheet.cell(1, 1, TITLE).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(1, 1).alignment = _CENTRE
    sheet.cell(2, 1, scope_line)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)

    top, sub = HEADER_ROW, HEADER_ROW + 1
    column = 1
    groups: list[tuple[str, int, int]] = []
    for group, name in table.columns:
        if group:
            if groups and groups[-1][0] == group:
                groups[-1] = (group, groups[-1][1], column)
            else:
                groups.append((group, column, column))
            sheet.cell(sub, column, name)
        else:
            sheet.cell(top, column, name)
            sheet.merge_cells(start_row=top, start_column=column, end_row=sub, end_column=column)
        column += 1
    for group, first, last in groups:
        sheet.cell(top, first, group)
        sheet.merge_cells(start_row=top, start_column=first, end_row=top, end_column=last)

    for r, row in enumerate(table.itertuples(index=False), start=sub + 1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(r, c, value)
            name = table.columns[c - 1][1]
            if isinstance(value, float):
                cell.number_format = "0.00" if "万元" in name else "0.0"
            if r == sub + len(table):
                cell.font = Font(bold=True)
    for r in range(top, sub + len(table) + 1):
        for c in range(1, width + 1):
            cell = sheet.cell(r, c)
            cell.border = _BOX
            if r <= sub:
                cell.alignment = _CENTRE
                cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 22
    for c in range(2, width + 1):
        sheet.column_dimensions[get_column_letter(c)].width = 12
    sheet.row_dimensions[sub].height = 45
    sheet.freeze_panes = sheet.cell(sub + 1, 2)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    return workbook_bytes(book)  # a sector name typed as "=..." stays text


def read_form_xlsx(data: bytes) -> tuple[list[tuple[str, str]], list[list], list[str]]:
    """(header pairs, data rows, merged ranges) of a workbook written by ``form_xlsx`` — for checking it."""
    sheet = load_workbook(BytesIO(data)).active
    width = sheet.max_column
    top = [sheet.cell(HEADER_ROW, c).value for c in range(1, width + 1)]
    sub = [sheet.cell(HEADER_ROW + 1, c).value for c in range(1, width + 1)]
    headers = []
    group = None
    for c in range(width):
        if sub[c] is None:  # a column spanning both rows
            headers.append(("", top[c]))
            group = None
        else:
            group = top[c] if top[c] is not None else group
            headers.append((group, sub[c]))
    rows = [[sheet.cell(r, c).value for c in range(1, width + 1)]
            for r in range(HEADER_ROW + 2, sheet.max_row + 1)]
    return headers, rows, sorted(str(m) for m in sheet.merged_cells.ranges)
