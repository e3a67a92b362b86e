"""设置 in Chinese: a setting the table lacks is added by its 说明 (issue 17 item 11) — the Chinese editor hides the
key column and so cannot take a new row; the added row passes the importer's checks like any edit."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import open_page
from streamlit.testing.v1 import AppTest

from riskdash import db
from riskdash.reference import SETTINGS
from riskdash.screens.settings import view

ROOT = Path(__file__).resolve().parents[1]
DUE = next(row for row in SETTINGS if row[0] == "due_soon_days")


@pytest.fixture()
def app_db(small_db_path: Path, monkeypatch) -> Path:
    con = db.connect(small_db_path)
    con.execute("delete from settings where key in ('due_soon_days', 'uninspected_days')")
    con.close()
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    return small_db_path


def test_missing_settings_and_the_added_row():
    rows = pd.DataFrame({"key": [k for k, *_ in SETTINGS if k != "due_soon_days"], "value": "1",
                         "description_zh": "", "description_en": ""})
    assert view.missing_settings(rows) == [DUE]
    assert view.missing_settings(pd.concat([rows, pd.DataFrame([{"key": "due_soon_days"}])])) == []
    added = view.with_setting(rows.head(1), DUE, "10")
    assert added.to_dict("records") == [
        rows.head(1).to_dict("records")[0],
        {"key": "due_soon_days", "value": "10", "description_zh": DUE[2], "description_en": DUE[3]}]


def start() -> AppTest:
    at = open_page("settings", timeout=60)
    assert not at.exception
    return at


def stored(path: Path, key: str):
    con = db.connect(path, read_only=True)
    try:
        row = con.execute("select value from settings where key = ?", [key]).fetchone()
        audits = con.execute("select count(*) from audit_log where action = 'import' and kind = 'settings'").fetchone()[0]
    finally:
        con.close()
    return (row[0] if row else None), audits


def test_a_missing_setting_is_added_in_chinese(app_db):
    at = start()
    pick = at.selectbox(key="settings_add_key")
    # offered by their 说明, in the reference order, not by their keys
    assert pick.options == [row[2] for row in SETTINGS if row[0] in ("uninspected_days", "due_soon_days")]
    pick.set_value("due_soon_days").run()
    at.text_input(key="settings_add_value").set_value("abc").run()
    at.button(key="settings_add_submit").click().run()
    assert not at.exception and at.error  # refused by the importer's rule: nothing written
    assert stored(app_db, "due_soon_days") == (None, 0)
    at.text_input(key="settings_add_value").set_value("10").run()
    at.button(key="settings_add_submit").click().run()
    assert not at.exception and not at.error
    assert stored(app_db, "due_soon_days") == ("10", 1)
    assert any("新增 1 行" in s.value for s in at.success)
    assert at.selectbox(key="settings_add_key").options == [
        row[2] for row in SETTINGS if row[0] == "uninspected_days"]


# ------------------------------------------------------------------------------------------------------------
# issue 18: the accepted spellings of 是否瞒报 / 是否谎报 and 事故性质 are settings (importer/aliases.py). A database
# made before them reads the defaults; the administrator adds the row here, checked like any edit, and the
# importer reads it at once.

FLAG_YES = next(row for row in SETTINGS if row[0] == "accident_flag_yes")


@pytest.fixture()
def older_db(small_db_path: Path, monkeypatch) -> Path:
    con = db.connect(small_db_path)
    con.execute("delete from settings where key = 'accident_flag_yes'")
    con.close()
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    return small_db_path


def test_an_alias_list_is_added_on_the_page_and_read_by_the_import(older_db, tmp_path):
    from datetime import date

    at = start()
    pick = at.selectbox(key="settings_add_key")
    assert pick.options == [FLAG_YES[2]]
    pick.set_value("accident_flag_yes").run()
    at.text_input(key="settings_add_value").set_value("是|否").run()  # 否 is a spelling of no: refused
    at.button(key="settings_add_submit").click().run()
    assert not at.exception and at.error
    assert stored(older_db, "accident_flag_yes") == (None, 0)
    at.text_input(key="settings_add_value").set_value("是|属实").run()
    at.button(key="settings_add_submit").click().run()
    assert not at.exception and not at.error
    assert stored(older_db, "accident_flag_yes") == ("是|属实", 1)

    # the import's checks read it (a read-only connection: the page holds the file; importer.core.check)
    from riskdash.importer.core import check

    header = "事故编号,发生时间,区划代码,行业,事故类型,死亡人数,重伤人数,直接经济损失（万元）,是否瞒报\n"
    path = tmp_path / "acc.csv"
    path.write_text(header + "Z1,2025-03-05,419901001000,industry_trade,machinery,0,0,1,属实\n"
                    "Z2,2025-03-05,419901001000,industry_trade,machinery,0,0,1,有\n", encoding="utf-8")
    con = db.connect(older_db, read_only=True)
    try:
        rows, problems, total = check(con, "accidents", path, today=date(2025, 12, 1))
    finally:
        con.close()
    # 属实 is accepted; 有 is no longer listed
    assert (rows, total) == (2, 1)
    assert [p.line() for p in problems] == ["acc.csv: row 3: column concealed: value '有': yes or no, written as one "
                                            "of: 是、属实 (true), 否、无、未落实、×、✗、no、n、f、0 (false)"]
