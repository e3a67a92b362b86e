"""Every .xlsx and .csv that leaves riskdash passes here: text a spreadsheet would run as a formula is
neutralised (CSV / formula injection).

A cell whose text starts with =, +, -, @, a tab or a carriage return is taken by Excel, WPS and LibreOffice
for a formula (``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``) when the file is opened or the cell is edited;
the OWASP advice is a leading apostrophe, which keeps the text readable and makes it inert. Only text is
touched: a negative number stays a number, so that the sheets still add up.

A text that is a plain signed number or percentage ("-12.5%", "+3.0%", "-15", "+1,234") is data, not a
formula: Excel and WPS read it as a constant, so it keeps no apostrophe (a 同比 column read "'-12.5%" before).
In an .xlsx such a cell is written as a number with a number format that prints the same text ("+3.0%" as 0.03
under ``+0.0%;-0.0%;0.0%``), and so is every other plain number of its column ("0.0%"), so that the column
sorts. Anything more than sign, digits, thousands commas, one decimal point and a trailing % ("-1+2",
"+86 138 0013 8000", "-", "-1e5", "-0123") is still neutralised. A "+" and more than nine digits (a telephone
number such as "+8613800138000") is not taken for a number either.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# a plain number as a document or screen prints one: an optional sign, digits (no leading zero, at most nine
# without commas, or groups of three with them), an optional fraction and an optional per cent sign
PLAIN_NUMBER = re.compile(r"(?P<sign>[+-]?)(?P<int>0|[1-9]\d{0,8}|[1-9]\d{0,2}(?:,\d{3})+)"
                          r"(?:\.(?P<frac>\d+))?(?P<pct>%?)")


def plain_number(value) -> bool:
    """Whether ``value`` is text that is only a number or a percentage, signed or not ("-12.5%", "+3", "0.0%")."""
    return isinstance(value, str) and PLAIN_NUMBER.fullmatch(value) is not None


def neutralise(value):
    """``value`` with an apostrophe in front when it is text a spreadsheet would take for a formula; a plain
    signed number or percentage ("-12.5%") is left as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not plain_number(value):
        return "'" + value
    return value


def number_cell(text: str) -> tuple[int | float, str]:
    """The number and the Excel number format of a plain-number text, the format printing the same text:
    "+3.0%" -> (0.03, "+0.0%;-0.0%;0.0%"), "-12.5%" -> (-0.125, "0.0%"), "-1,234" -> (-1234, "#,##0")."""
    match = PLAIN_NUMBER.fullmatch(text)
    if match is None:
        raise ValueError(f"not a plain number: {text!r}")
    digits = match["int"].replace(",", "") + ("." + match["frac"] if match["frac"] else "")
    number = Decimal(digits) / (100 if match["pct"] else 1)
    number = -number if match["sign"] == "-" else number
    value: int | float = int(number) if not match["frac"] and not match["pct"] else float(number)
    if value == 0:
        value = 0 if isinstance(value, int) else 0.0  # "-0" is 0: Excel has no negative zero to print
    body = ("#,##0" if "," in match["int"] else "0") + ("." + "0" * len(match["frac"]) if match["frac"] else "")
    body += "%" if match["pct"] else ""
    return value, (f"+{body};-{body};{body}" if match["sign"] == "+" else body)


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
    and scope lines that carry a name from the data included — and, in a column that holds a signed plain
    number ("-12.5%"), every plain-number text written as a number under a format that prints it the same."""
    for sheet in book.worksheets:
        for column in sheet.iter_cols():
            numbers = [cell for cell in column if plain_number(cell.value)]
            if not any(cell.value.startswith(("+", "-")) for cell in numbers):
                numbers = []
            for cell in numbers:
                cell.value, cell.number_format = number_cell(cell.value)
            for cell in column:
                if isinstance(cell.value, str):
                    safe = neutralise(cell.value)
                    if safe is not cell.value:
                        cell.value = safe
                    cell.data_type = "s"  # text, never a formula
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
