"""设置 in Chinese: a setting the table lacks is added by its 说明 (issue 17 item 11) — the Chinese editor hides the
key column and so cannot take a new row; the added row passes the importer's checks like any edit."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
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
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("pages/settings.py").run()
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
