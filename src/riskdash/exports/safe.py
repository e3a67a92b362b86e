"""Every .xlsx and .csv that leaves riskdash passes here: text a spreadsheet would run as a formula is
neutralised (CSV / formula injection).

A cell whose text starts with =, +, -, @, a tab or a carriage return is taken by Excel, WPS and LibreOffice
for a formula (``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``) when the file is opened or the cell is edited;
the OWASP advice is a leading apostrophe, which keeps the text readable and makes it inert. Only text is
touched: a negative number stays a number, so that the sheets still add up.
"""

from __future__ import annotations

import io

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """``value`` with an apostrophe in front when it is text a spreadsheet would take for a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell neutralised (column names too); numbers and dates as they were."""
    out = frame.copy()
    for i in range(out.shape[1]):
        column = out.iloc[:, i]
        # every column, whatever its dtype: pandas may hold text as "str" rather than object
        if any(isinstance(v, str) for v in column):
            out.isetitem(i, pd.Series([neutralise(v) for v in column], index=out.index, dtype=object))
    if isinstance(out.columns, pd.MultiIndex):
        out.columns = pd.MultiIndex.from_tuples([tuple(neutralise(p) for p in c) for c in out.columns])
    else:
        out.columns = [neutralise(c) for c in out.columns]
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as CSV, UTF-8 with a byte-order mark (Excel and WPS on Windows then read the Chinese right)."""
    return neutralise_frame(frame).to_csv(index=False).encode("utf-8-sig")


def workbook_bytes(book) -> bytes:
    """The saved bytes of an openpyxl workbook after every text cell of every sheet is neutralised — titles
    and scope lines that carry a name from the data included."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    safe = neutralise(cell.value)
                    if safe is not cell.value:
                        cell.value = safe
                    cell.data_type = "s"  # text, never a formula
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
