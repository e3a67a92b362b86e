"""The 隐患治理 lists for download (overdue, 挂牌督办, due soon, the weekly list per township) as CSV and .xlsx.

Text cells that a spreadsheet would take for a formula are neutralised by ``exports.safe``: a hazard
description typed as "=HYPERLINK(...)" must stay text when an official opens the file in WPS or Excel.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from openpyxl import Workbook

from riskdash.exports.safe import csv_bytes, workbook_bytes
from riskdash.exports.safe import neutralise as escape_formula  # noqa: F401  (the name the screen's tests use)
from riskdash.exports.tables import sheet_title as _sheet_name
from riskdash.exports.tables import write_table


def list_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel and WPS read the Chinese right."""
    return csv_bytes(frame)


def list_xlsx(sheets: dict[str, pd.DataFrame], titles: dict[str, str | Sequence[str]] | None = None) -> bytes:
    """One sheet per frame (sheet name → frame), each with an optional title (a line, or the title, scope and
    as-of lines) above its header, the header frozen and the columns fitted (``exports.tables.write_table``,
    the one layout of every exported table)."""
    book = Workbook()
    book.remove(book.active)
    for name, frame in sheets.items():
        sheet = book.create_sheet(_sheet_name(name))
        title = (titles or {}).get(name) or ()
        write_table(sheet, frame, [title] if isinstance(title, str) else list(title))
    return workbook_bytes(book)
