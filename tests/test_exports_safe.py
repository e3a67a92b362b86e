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
from riskdash.exports.safe import FORMULA_START, neutralise, neutralise_frame
from riskdash.exports.township_scorecard import scorecard_xlsx
from riskdash.filters import Filters
from riskdash.importer import KINDS, Problem
from riskdash.importer.export import EXPORT_TABLES, export_table, template_xlsx, to_csv_bytes, to_xlsx_bytes

HYPERLINK = '=HYPERLINK("http://x","y")'
DDE = "=cmd|' /C calc'!A0"
PAYLOADS = [HYPERLINK, DDE, "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1"]
NUMBER = re.compile(r"-\d+(\.\d+)?")
ROOT = Path(__file__).resolve().parents[1]


def hostile(con) -> None:
    """Every name and text the exports carry, set to a payload by plain SQL (as any tool could write them)."""
    con.execute("update regions set name = ? where region_code = ?", [HYPERLINK, TOWN_A1])
    con.execute("update regions set name = ? where region_code = ?", ["@SUM(A1)", COUNTY_A])
    con.execute("update regions set name = ? where region_code = ?", ["-1+2", TOWN_B1])
    for enterprise, payload in zip(["E1", "E2", "E3", "E4"], [DDE, "+1", "\t=1", HYPERLINK]):
        con.execute("update enterprises set name = ?, address = ? where enterprise_id = ?",
                    [payload, payload, enterprise])
    con.execute("update hazards set description = ?", [DDE])
    con.execute("update key_sites set name = ?, control_measures = ?, responsible_person = ?, filed_departments = ?",
                [HYPERLINK, DDE, "+1", "-1+2"])
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
                                                           priority.ledger_townships(con, f), "+1", AS_OF))
    return out


def test_no_export_holds_a_formula(small_con):
    hostile(small_con)
    seen: set[str] = set()
    files = outputs(small_con)
    for name, (fmt, data) in files.items():
        values = xlsx_cells(data) if fmt == "xlsx" else csv_fields(data)
        # a CSV field of a negative number (days left -15) is a number, written as pandas writes one
        live = [v for v in values if isinstance(v, str) and v.startswith(FORMULA_START)
                and not (fmt == "csv" and NUMBER.fullmatch(v))]
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
    frame = pd.DataFrame({"=n": [-1, 2], "text": ["-1", "x"], "day": pd.to_datetime(["2025-01-01", "2025-01-02"])})
    assert neutralise_frame(frame).to_dict("list") == {
        "'=n": [-1, 2], "text": ["'-1", "x"], "day": list(pd.to_datetime(["2025-01-01", "2025-01-02"]))}
    assert csv_fields(to_csv_bytes(frame)) == ["'=n", "text", "day", "-1", "'-1", "2025-01-01", "2", "x", "2025-01-02"]
    assert xlsx_cells(to_xlsx_bytes(frame))[:6] == ["'=n", "text", "day", -1, "'-1", pd.Timestamp("2025-01-01")]


@pytest.mark.parametrize("folder", ["src/riskdash", "pages"])
def test_every_spreadsheet_is_written_through_the_neutraliser(folder):
    # a new export that saved its own workbook or CSV would bypass exports.safe (the briefing writes PPTX/Word)
    writes = re.compile(r"\.to_csv\(|\.to_excel\(|ExcelWriter|\bbook\.save\(")
    offenders = [str(p.relative_to(ROOT)) for p in sorted((ROOT / folder).rglob("*.py"))
                 if p.name != "safe.py" and "briefing" not in p.parts and writes.search(p.read_text("utf-8"))]
    assert offenders == []
