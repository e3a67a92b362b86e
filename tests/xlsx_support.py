"""Reading back the workbooks the exports write (tests only: the product writes them, never reads them)."""

from __future__ import annotations

from io import BytesIO

from openpyxl import load_workbook

from riskdash.exports.monthly_form import FIRST_DATA_ROW, HEADER_ROW


def read_form_xlsx(data: bytes) -> tuple[list[tuple[str, str]], list[list], list[str]]:
    """(header pairs, data rows from 合计 on, merged ranges) of a workbook written by ``monthly_form.form_xlsx``."""
    sheet = load_workbook(BytesIO(data)).active
    width = sheet.max_column

    def name(row: int, c: int) -> str | None:
        value = sheet.cell(row, c).value
        return None if value is None else value.replace("\n", "")

    top = [name(HEADER_ROW, c) for c in range(1, width + 1)]
    sub = [name(HEADER_ROW + 1, c) for c in range(1, width + 1)]
    headers = []
    group = None
    for c in range(width):
        if sub[c] is None:  # a column spanning both rows
            headers.append(("", top[c]))
            group = None
        else:
            group = top[c] if top[c] is not None else group
            headers.append((group, sub[c]))
    rows = []
    r = FIRST_DATA_ROW
    while sheet.cell(r, 2).value is not None:  # the notes and the signatures leave column B empty
        rows.append([sheet.cell(r, c).value for c in range(1, width + 1)])
        r += 1
    return headers, rows, sorted(str(m) for m in sheet.merged_cells.ranges)


def read_back(data: bytes) -> list[list]:
    """The workbook's cells, row by row."""
    sheet = load_workbook(BytesIO(data)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]
