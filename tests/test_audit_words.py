"""操作日志 account actions in words (issue 16 leftover): the audit log on 数据管理 names login_failed, account_add,
… in words in Chinese and English (text data.audit.word.*), with the code kept beside them (操作代码), which the
.csv/.xlsx exports carry too. AppTest on app.py as the admin, the small city with hand-made account entries."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import logged_in, open_page
from streamlit.testing.v1 import AppTest
from test_login import APP, GOOD, TIMEOUT

from riskdash import accounts, db
from riskdash.screens.data.view import audit_display


@pytest.fixture()
def audited(small_db_path: Path, monkeypatch) -> Path:
    con = db.connect(small_db_path)
    try:
        con.execute("delete from audit_log")
        accounts.add_account(con, "boss", "admin", None, GOOD, actor="test", must_change_password=False)
        accounts.authenticate(con, "boss", "Wrong-pass9")  # one failure: login_failed
    finally:
        con.close()
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    return small_db_path


def _audit_table(lang: str):
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.session_state["_keep_lang"] = lang
    at = open_page("data", logged_in(at, "boss"))
    assert not at.exception, at.exception
    code = "操作代码" if lang == "zh" else "Action code"
    return next(d.value for d in at.dataframe if code in d.value.columns)


def test_account_actions_read_in_words_in_chinese(audited):
    table = _audit_table("zh")
    pairs = sorted(zip(table["操作"], table["操作代码"]))
    assert pairs == [("新增账号", "account_add"), ("登录失败（密码错误）", "login_failed")]
    assert set(table["类别"]) == {"账号"}


def test_account_actions_read_in_words_in_english(audited):
    table = _audit_table("en")
    pairs = sorted(zip(table["Action"], table["Action code"]))
    assert pairs == [("Account added", "account_add"), ("Login failed (wrong password)", "login_failed")]


def test_the_export_frame_keeps_the_code_beside_the_words(audited):
    con = db.connect(audited, read_only=True)
    try:
        from riskdash.metrics.data import audit_entries

        frame = audit_display(audit_entries(con), "zh")
    finally:
        con.close()
    columns = list(frame.columns)
    assert columns[columns.index("操作") + 1] == "操作代码"  # the exports are this frame (screens/data/draw.py)
    assert sorted(frame["操作代码"]) == ["account_add", "login_failed"]
