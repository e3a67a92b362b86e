"""数据管理 page under AppTest, and its pure pieces: the problem table, export escaping, templates."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
from conftest import open_page

from riskdash import db, i18n
from riskdash.importer import KINDS, Problem
from riskdash.importer.export import template_xlsx, to_csv_bytes, to_xlsx_bytes
from riskdash.screens.data.view import problems_frame

APP = Path(__file__).resolve().parents[1] / "app.py"


def test_data_page_runs_with_its_sections(small_db_path, monkeypatch):
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    at = open_page("data", timeout=60)
    assert not at.exception, at.exception
    headers = [h.value for h in at.subheader]
    assert headers[:8] == ["导入数据", "新增一条记录", "隐患整改闭环", "修改一条记录", "导出筛选结果", "导出数据",
                       "备份与恢复", "操作日志"]
    assert i18n.t("data.audit.empty", "zh") in [i.value for i in at.info]


def test_problem_table_has_file_row_column_value_expected():
    frame = problems_frame([Problem("h.csv", 3, "deaths", "-1", "at_least", {"bound": 0})], "zh")
    assert frame.to_dict("records") == [{"文件": "h.csv", "行号": 3, "列": "deaths", "填写的值": "-1", "要求": "应不小于0"}]


def test_exports_escape_formulas():
    frame = pd.DataFrame({"description": ['=HYPERLINK("http://x","y")', "+A1", "正常"]})
    assert to_csv_bytes(frame).decode("utf-8-sig").splitlines() == [
        "description", '"\'=HYPERLINK(""http://x"",""y"")"', "'+A1", "正常"]
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(frame))).active
    cell = sheet["A2"]
    assert cell.value == '\'=HYPERLINK("http://x","y")' and cell.data_type == "s"


def test_every_kind_has_a_template_with_chinese_headers_and_instructions():
    for kind in KINDS.values():
        book = openpyxl.load_workbook(io.BytesIO(template_xlsx(kind)))
        data, notes = book.worksheets
        assert [c.value for c in data[1]] == [("*" if c.required else "") + c.header_zh for c in kind.columns]
        assert notes.title == "说明" and notes.max_row == len(kind.columns) + 2


def test_import_from_the_screen_while_the_dashboard_holds_its_read_only_connection(small_db_path, monkeypatch):
    from riskdash.screens.data import draw
    from riskdash.ui import session, write_window

    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    before = session.open_database()
    cursor = before.connection.cursor()
    assert cursor.execute("select count(*) from hazards").fetchone()[0] == 8
    fixture = Path(__file__).resolve().parent / "fixtures" / "import" / "hazards.csv"
    # the fixture's enterprises E1/E2 exist in the small city too
    rows, problems, total = draw.check_upload(cursor, "hazards", fixture, "append", "hazards.csv")
    assert (rows, total) == (3, 3)  # H1..H3 already exist in the small city: append refuses them
    result = write_window.write_import("hazards", fixture, "upsert", "屏幕用户", "hazards.csv")
    assert (result.inserted, result.updated) == (0, 3)
    after = session.open_database()
    con = after.connection.cursor()
    assert con.execute("select actor, row_count from audit_log where action = 'import'").fetchall() == [("屏幕用户", 3)]
    assert con.execute("select description from hazards where hazard_id = 'H2'").fetchone() == (
        "'); drop table hazards; --",)
