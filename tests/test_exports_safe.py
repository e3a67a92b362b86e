"""Formula injection: every .xlsx and .csv that riskdash writes, fed with names and texts that a spreadsheet
would run (=HYPERLINK, DDE, +, -, @, a leading tab), holds no cell or field that starts with a formula
character; text is neutralised with an apostrophe, numbers stay numbers."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from conftest import AS_OF, CITY, COUNTY_A, TOWN_A1, TOWN_B1
from riskdash import metrics
from riskdash.exports.key_site_ledger import key_site_ledger_xlsx
from riskdash.exports.monthly_form import form_xlsx, monthly_form
from riskdash.exports.rectification_lists import list_csv, list_xlsx
from riskdash.exports.safe import FORMULA_START, neutralise, neutralise_frame, number_cell, plain_number
from riskdash.exports.township_scorecard import scorecard_xlsx
from riskdash.filters import Filters
from riskdash.importer import KINDS, Problem
from riskdash.importer.export import EXPORT_TABLES, export_table, template_xlsx, to_csv_bytes, to_xlsx_bytes

HYPERLINK = '=HYPERLINK("http://x","y")'
DDE = "=cmd|' /C calc'!A0"
PLUS = "+A1"  # "+1" alone is a number (a plain signed number is data, see exports.safe)
PAYLOADS = [HYPERLINK, DDE, PLUS, "-1+2", "@SUM(A1)", "\t=1", "\r=1"]
ROOT = Path(__file__).resolve().parents[1]


def hostile(con) -> None:
    """Every name and text the exports carry, set to a payload by plain SQL (as any tool could write them)."""
    con.execute("update regions set name = ? where region_code = ?", [HYPERLINK, TOWN_A1])
    con.execute("update regions set name = ? where region_code = ?", ["@SUM(A1)", COUNTY_A])
    con.execute("update regions set name = ? where region_code = ?", ["-1+2", TOWN_B1])
    for enterprise, payload in zip(["E1", "E2", "E3", "E4"], [DDE, PLUS, "\t=1", HYPERLINK]):
        con.execute("update enterprises set name = ?, address = ? where enterprise_id = ?",
                    [payload, payload, enterprise])
    con.execute("update hazards set description = ?", [DDE])
    con.execute("update key_sites set name = ?, control_measures = ?, responsible_person = ?, filed_departments = ?",
                [HYPERLINK, DDE, PLUS, "-1+2"])
    con.execute("update sectors set name_zh = ? where code = 'industry_trade'", ["-1+2"])
    con.execute("insert into audit_log (actor, action, kind, table_name, record_key, after_json) "
                "values (?, 'edit', 'edit', 'enterprises', 'E1', ?)", [DDE, '{"name": "=1"}'])


def xlsx_cells(data: bytes) -> list:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [cell.value for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
            if cell.value is not None]


def csv_fields(data: bytes) -> list[str]:
    return [field for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for field in row]


def outputs(con) -> dict[str, tuple[str, bytes]]:
    """(format, bytes) of every export, built as the screens build them."""
    from riskdash.metrics import campaigns, priority
    from riskdash.metrics import rectification as rect
    from riskdash.screens.campaigns import view as campaigns_view
    from riskdash.screens.rectification import view as rect_view
    from riskdash.metrics.data import VIEW_TABLES, audit_entries, filtered_view
    from riskdash.screens.data.view import audit_display, problems_frame

    f = Filters(start=date(2025, 1, 1), end=AS_OF, region_code=CITY, industry=None, as_of=AS_OF)
    out: dict[str, tuple[str, bytes]] = {}
    for table in EXPORT_TABLES:  # 数据管理: export of any table
        out[f"table {table} csv"] = ("csv", to_csv_bytes(export_table(con, table)))
        out[f"table {table} xlsx"] = ("xlsx", to_xlsx_bytes(export_table(con, table), table))
    for table in VIEW_TABLES:  # 数据管理: the filtered view
        out[f"view {table} csv"] = ("csv", to_csv_bytes(filtered_view(con, table, f)))
        out[f"view {table} xlsx"] = ("xlsx", to_xlsx_bytes(filtered_view(con, table, f), table))
    audit = audit_display(audit_entries(con), "zh")
    out["audit csv"] = ("csv", to_csv_bytes(audit))
    out["audit xlsx"] = ("xlsx", to_xlsx_bytes(audit, "audit_log"))
    problems = problems_frame([Problem(HYPERLINK, 2, "name", DDE, "required", {})], "zh")
    out["problems csv"] = ("csv", to_csv_bytes(problems))
    for kind in KINDS.values():
        out[f"template {kind.name}"] = ("xlsx", template_xlsx(kind))
    sectors = {c: (zh, en) for c, zh, en in metrics.sectors(con)[["code", "name_zh", "name_en"]].itertuples(index=False)}
    lists = {"overdue": rect_view.overdue_table(rect.overdue_list(con, f), sectors, "zh"),
             "supervised": rect_view.supervised_table(rect.supervised_list(con, f), sectors, "zh"),
             "weekly": rect_view.follow_up_table(rect.weekly_list(con, f), sectors, "zh")}
    for name, table in lists.items():  # 隐患治理 lists and the weekly list per township
        out[f"list {name} csv"] = ("csv", list_csv(table))
        out[f"list {name} xlsx"] = ("xlsx", list_xlsx({HYPERLINK: table}, {HYPERLINK: DDE}))
    out["monthly form"] = ("xlsx", form_xlsx(*monthly_form(con, f, date(2025, 6, 1))))  # 工贸 named "-1+2"
    ranking = campaigns_view.scorecard_table(campaigns.townships(con, f, "zh"), "zh")
    out["scorecard"] = ("xlsx", scorecard_xlsx(ranking, DDE, title="@SUM(A1)"))
    out["key-site ledger"] = ("xlsx", key_site_ledger_xlsx(priority.key_site_ledger(con, f),
                                                           priority.ledger_townships(con, f), PLUS, AS_OF))
    return out


def test_no_export_holds_a_formula(small_con):
    hostile(small_con)
    seen: set[str] = set()
    files = outputs(small_con)
    for name, (fmt, data) in files.items():
        values = xlsx_cells(data) if fmt == "xlsx" else csv_fields(data)
        # a field that is only a signed number or percentage (days left -15, "-12.5%") is data
        live = [v for v in values if isinstance(v, str) and v.startswith(FORMULA_START) and not plain_number(v)]
        assert live == [], f"{name}: {live[:3]}"
        seen |= {v for v in values if isinstance(v, str) and v.startswith("'")}
    # the payloads did reach the files (each export's own checks are in its screen's tests)
    assert {"'" + p for p in PAYLOADS if p != "\r=1"} <= seen
    for name in ("key-site ledger", "monthly form", "scorecard", "list weekly xlsx", "view hazards csv"):
        fmt, data = files[name]
        assert any(isinstance(v, str) and v.startswith("'")
                   for v in (xlsx_cells(data) if fmt == "xlsx" else csv_fields(data))), name


def test_text_is_neutralised_and_numbers_stay_numbers():
    assert [neutralise(p) for p in PAYLOADS] == ["'" + p for p in PAYLOADS]
    assert [neutralise(v) for v in ["正常", "'=1", "a=1", "", -1, -1.5, None]] == ["正常", "'=1", "a=1", "", -1, -1.5,
                                                                               None]
    frame = pd.DataFrame({"=n": [-1, 2], "text": ["-1+1", "x"], "day": pd.to_datetime(["2025-01-01", "2025-01-02"])})
    assert neutralise_frame(frame).to_dict("list") == {
        "'=n": [-1, 2], "text": ["'-1+1", "x"], "day": list(pd.to_datetime(["2025-01-01", "2025-01-02"]))}
    assert csv_fields(to_csv_bytes(frame)) == ["'=n", "text", "day", "-1", "'-1+1", "2025-01-01", "2", "x",
                                               "2025-01-02"]
    assert xlsx_cells(to_xlsx_bytes(frame))[:6] == ["'=n", "text", "day", -1, "'-1+1", pd.Timestamp("2025-01-01")]


@pytest.mark.parametrize("folder", ["src/riskdash", "pages"])
def test_every_spreadsheet_is_written_through_the_neutraliser(folder):
    # a new export that saved its own workbook or CSV would bypass exports.safe (the briefing writes PPTX/Word)
    writes = re.compile(r"\.to_csv\(|\.to_excel\(|ExcelWriter|\bbook\.save\(")
    offenders = [str(p.relative_to(ROOT)) for p in sorted((ROOT / folder).rglob("*.py"))
                 if p.name != "safe.py" and "briefing" not in p.parts and writes.search(p.read_text("utf-8"))]
    assert offenders == []


# --------------------------------------------------------------------- signed numbers and percentages (issue 17)

# a plain signed number or percentage is data: no apostrophe; in an .xlsx a number under a format that prints
# the same text (and so is "0.0%" beside it, so that the column sorts)
NUMBERS = {"-12.5%": (-0.125, "0.0%"), "+3%": (0.03, "+0%;-0%;0%"), "+3.0%": (0.03, "+0.0%;-0.0%;0.0%"),
           "-0": (0, "0"), "-12.5": (-12.5, "0.0"), "+1,234": (1234, "+#,##0;-#,##0;#,##0"),
           "-15": (-15, "0"), "0.0%": (0.0, "0.0%")}
# anything more is text that could run (or is not a number a spreadsheet should make of it): neutralised
TEXTS = ["-", "-1+2", "=1", "@x", "+86 138 0013 8000", "+8613800138000", "-1+cmd|' /C calc'!A0", "=SUM(A1:A3)",
         "-0123", "-1e5", "+", "--1", "-12.5%%"]
BOUNDARY = [*NUMBERS, *TEXTS, "正常"]  # "正常" last: the end of the column in the file


def test_plain_signed_numbers_are_data_and_the_rest_is_neutralised():
    assert [neutralise(v) for v in NUMBERS] == list(NUMBERS)
    assert [neutralise(v) for v in TEXTS] == ["'" + v for v in TEXTS]
    assert [number_cell(v) for v in NUMBERS] == list(NUMBERS.values())
    assert number_cell("+1,234.50") == (1234.5, "+#,##0.00;-#,##0.00;#,##0.00")
    assert number_cell("-0.0%") == (0.0, "0.0%") and number_cell("+123456789")[0] == 123456789
    assert not plain_number("+1234567890") and not plain_number("1,23") and not plain_number(" -1")


def _expected_xlsx() -> list:
    return [*NUMBERS.values(), *(("'" + v, "General") for v in TEXTS), ("正常", "General")]


def _xlsx_column(data: bytes) -> list:
    """(value, number format) of the cells of the column that ends with "正常", the len(BOUNDARY) before it."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        for column in sheet.iter_cols():
            cells = [(c.value, c.number_format) for c in column if c.value is not None]
            ends = [i for i, (v, _) in enumerate(cells) if v == "正常"]
            if ends:
                return cells[ends[-1] + 1 - len(BOUNDARY):ends[-1] + 1]
    raise AssertionError("no column ends with 正常")


def _csv_column(data: bytes) -> list[str]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    column = [row[1] for row in rows]
    return column[column.index("正常") + 1 - len(BOUNDARY):column.index("正常") + 1]


def _ledger_frames():
    rows = pd.DataFrame({"region_code": TOWN_A1, "name": BOUNDARY, "enterprise_name": "甲公司",
                         "accident_type_zh": "火灾", "potential_accident_type": "fire", "potential_fatalities": 3,
                         "control_measures": "巡查", "responsible_person": "张三", "filed_city_on": None,
                         "filed_county_on": None, "measures_in_place": False, "measures_in_place_on": None,
                         "is_fully_filed": False, "filed_departments": None})
    towns = pd.DataFrame({"county_name": ["甲县"], "township_name": ["城关街道"], "township_label": ["城关街道"],
                          "region_code": [TOWN_A1]})
    return rows, towns


def xlsx_writers(con):
    """Each .xlsx writer fed a column of BOUNDARY values, as its screen hands them over."""
    from riskdash.exports.tables import table_xlsx

    frame = pd.DataFrame({"乡镇": ["甲"] * len(BOUNDARY), "同比": BOUNDARY})
    f = Filters(start=date(2025, 1, 1), end=AS_OF, region_code=CITY, industry=None, as_of=AS_OF)
    table, header = monthly_form(con, f, date(2025, 6, 1))
    form = table.iloc[[0] * len(BOUNDARY)].reset_index(drop=True)
    form.iloc[:, 0] = BOUNDARY  # the 行业 / 单位 names column
    return {"table_xlsx": table_xlsx(frame, "事故分类统计", ["范围：全市"]),
            "to_xlsx_bytes": to_xlsx_bytes(frame),
            "list_xlsx": list_xlsx({"逾期": frame}, {"逾期": ["逾期未销号重大隐患"]}),
            "scorecard_xlsx": scorecard_xlsx(frame, "范围：全市"),
            "monthly form": form_xlsx(form, header),
            "key-site ledger": key_site_ledger_xlsx(*_ledger_frames(), "全市", AS_OF)}


def test_every_xlsx_writer_writes_signed_numbers_as_numbers_and_neutralises_the_rest(small_con):
    for name, data in xlsx_writers(small_con).items():
        assert _xlsx_column(data) == _expected_xlsx(), name


def test_every_csv_writer_keeps_signed_numbers_bare_and_neutralises_the_rest():
    frame = pd.DataFrame({"乡镇": ["甲"] * len(BOUNDARY), "同比": BOUNDARY})
    expected = [*NUMBERS, *("'" + v for v in TEXTS), "正常"]
    for name, data in {"to_csv_bytes": to_csv_bytes(frame), "list_csv": list_csv(frame)}.items():
        assert _csv_column(data) == expected, name
