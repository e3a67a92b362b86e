"""The login in front of every page (issue 16), headless with AppTest on the small city: nothing of the data
before a login, wrong password and lockout, the first-login password change, logout, the idle timeout, the
account shown in the sidebar, its region bounding the figures, and a database without accounts."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from conftest import COUNTY_A, fill_small_city, logged_in, prepared_database
from streamlit.testing.v1 import AppTest

from riskdash import accounts, db

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
TIMEOUT = 90
GOOD = "Safe-pass9"


def add_guarded_accounts(con) -> None:
    accounts.add_account(con, "jia", "county", COUNTY_A, GOOD, actor="test", must_change_password=False)
    accounts.add_account(con, "newbie", "township", "419902001000", GOOD, actor="test")


@pytest.fixture()
def guarded_db(small_db_path: Path, monkeypatch) -> Path:
    """The small city with a county account (already past its first login) and a new township account."""
    # the small city with these accounts, copied from a file made once per process (an argon2 hash is ~0.2 s of CPU)
    small_db_path.unlink()
    prepared_database(small_db_path, fill_small_city, add_guarded_accounts)
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    return small_db_path


def texts(at: AppTest) -> str:
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption] + [e.value for e in at.title]
    parts += [e.value for e in at.info] + [e.value for e in at.error] + [e.value for e in at.warning]
    parts += [e.value for e in at.success]
    return "\n".join(str(p) for p in parts)


def submit(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input(key="login_name").input(name)
    at.text_input(key="login_password").input(password)
    [button] = [b for b in at.button if b.proto.is_form_submitter]
    button.click()
    return at.run()


def test_nothing_of_the_data_before_a_login(guarded_db):
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert [t.label for t in at.text_input] == ["用户名", "密码"]
    assert [b.label for b in at.button if b.proto.is_form_submitter] == ["登录"]
    assert len(at.metric) == 0
    # the one grid and the one chart are the empty ones out of sight that load their browser code early
    # (login.WARM_KEY): no row, no trace
    assert [len(d.value) for d in at.dataframe] == [0]
    assert [json.loads(c.proto.spec)["data"] for c in at.get("plotly_chart")] == [[]]
    # no region, township or enterprise name, no figure
    assert "甲县" not in texts(at) and "东镇" not in texts(at)
    # the English switch (in the sidebar before the login too) relabels the form
    at.sidebar.radio[0].set_value("en").run()
    assert [t.label for t in at.text_input] == ["Username", "Password"]
    assert [b.label for b in at.button if b.proto.is_form_submitter] == ["Log in"]


def test_wrong_password_then_login_shows_the_account_and_bounds_the_data(guarded_db):
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    submit(at, "jia", "Wrong-pass1")
    assert [e.value for e in at.error] == ["用户名或密码错误。"]
    assert len(at.metric) == 0
    # the refused password is cleared, the name kept for the next try
    assert (at.text_input(key="login_name").value, at.text_input(key="login_password").value) == ("jia", "")
    submit(at, "nobody", GOOD)
    assert [e.value for e in at.error] == ["用户名或密码错误。"]  # the same answer for an unknown name
    submit(at, "jia", GOOD)
    assert not at.exception
    assert len(at.metric) > 0
    assert "当前账号：jia（县级 · 甲县）" in [c.value for c in at.sidebar.caption]
    con = db.connect(guarded_db, read_only=True)
    try:
        assert accounts.get_account(con, "jia").failed_attempts == 0
        assert con.execute("select actor, action from audit_log where kind = 'account' and actor in "
                           "('jia', 'nobody') order by entry_id").fetchall() == [
            ("jia", "login_failed"), ("nobody", "login_failed"), ("jia", "login")]
    finally:
        con.close()
    # logout: the login form again, and the audit entry
    [logout] = [b for b in at.sidebar.button if b.label == "退出登录"]
    logout.click()
    at.run()
    assert len(at.metric) == 0
    assert "已退出登录。" in texts(at)
    con = db.connect(guarded_db, read_only=True)
    try:
        assert con.execute("select action, after_json from audit_log where kind = 'account' "
                           "order by entry_id desc limit 1").fetchone() == ("logout", '{"reason": "logout"}')
    finally:
        con.close()


def test_five_failures_lock_the_account(guarded_db):
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    for _ in range(4):
        submit(at, "jia", "Wrong-pass1")
        assert [e.value for e in at.error] == ["用户名或密码错误。"]
    submit(at, "jia", "Wrong-pass1")
    assert at.error[0].value.startswith("登录失败次数过多，账号已锁定")
    submit(at, "jia", GOOD)  # the right password does not open a locked account
    assert at.error[0].value.startswith("登录失败次数过多，账号已锁定")
    assert len(at.metric) == 0


def test_first_login_must_change_the_password(guarded_db):
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    submit(at, "newbie", GOOD)
    assert [t.label for t in at.text_input] == ["当前密码", "新密码", "再次输入新密码"]
    assert len(at.metric) == 0
    at.text_input(key="password_current").input(GOOD)
    at.text_input(key="password_new").input("short")
    at.text_input(key="password_again").input("short")
    [b for b in at.button if b.proto.is_form_submitter][0].click()
    at.run()
    assert at.error[0].value == "密码至少8个字符"
    at.text_input(key="password_new").input("Brand-new7")
    at.text_input(key="password_again").input("Brand-new7")
    [b for b in at.button if b.proto.is_form_submitter][0].click()
    at.run()
    assert not at.exception
    assert len(at.metric) > 0
    assert "密码已修改。" in [s.value for s in at.sidebar.success]
    con = db.connect(guarded_db, read_only=True)
    try:
        assert accounts.get_account(con, "newbie").must_change_password is False
    finally:
        con.close()


def test_an_idle_session_ends(guarded_db):
    at = logged_in(AppTest.from_file(str(APP), default_timeout=TIMEOUT), "jia").run()
    assert len(at.metric) > 0
    at.session_state["_riskdash_active_at"] = time.time() - 31 * 60
    at.run()
    assert len(at.metric) == 0
    assert "已超过 30 分钟未操作，请重新登录。" in texts(at)


def test_without_accounts_the_local_server_shows_how_to_add_the_first_admin(small_db_path, monkeypatch):
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert len(at.metric) > 0  # served on 127.0.0.1 only: works as before
    assert any("riskdash user add" in i.value for i in at.sidebar.info)
    monkeypatch.setenv(accounts.LOCAL_ONLY_ENV, "0")  # listening on every address: no data at all
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert len(at.metric) == 0
    assert "riskdash user add" in at.warning[0].value


def test_the_region_choices_stay_within_the_account(guarded_db):
    at = logged_in(AppTest.from_file(str(APP), default_timeout=TIMEOUT), "jia").run()
    assert not at.exception
    selects = {s.label: s.options for s in at.sidebar.selectbox}
    assert selects["县（市、区）"] == ["甲县 · jx"]  # no "whole city", no other county
    assert selects["乡镇（街道）"] == ["全县（全部乡镇）", "东镇 · dz", "西乡 · xx"]
    assert "南街道" not in "\n".join(str(o) for options in selects.values() for o in options)


def test_a_region_in_the_address_outside_the_account_is_refused(guarded_db):
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["region"] = "419902000000"  # 乙区, not the account's county
    at = logged_in(at, "jia").run()
    assert not at.exception
    assert "地址中的区域不在本账号辖区内，已改为显示本账号辖区。" in [w.value for w in at.sidebar.warning]
    assert {s.label: s.value for s in at.sidebar.selectbox}["县（市、区）"] == COUNTY_A


def test_settings_backup_whole_tables_and_the_audit_log_are_not_for_a_county(guarded_db):
    con = db.connect(guarded_db)
    try:
        accounts.add_account(con, "boss", "admin", None, GOOD, actor="test", must_change_password=False)
    finally:
        con.close()
    at = logged_in(AppTest.from_file(str(APP), default_timeout=TIMEOUT), "jia").run()
    at.switch_page("pages/settings.py").run()
    assert not at.exception
    assert "仅管理员可用（本账号：县级）。" in [i.value for i in at.info]
    assert len(at.dataframe) == 0
    at.switch_page("pages/data.py").run()
    assert not at.exception
    infos = [i.value for i in at.info]
    assert infos.count("仅管理员可用（本账号：县级）。") == 1  # backup and restore
    assert any(i.startswith("整表导出仅限管理员与市级账号") for i in infos)
    assert "下载备份（.zip）" not in [b.proto.label for b in at.get("download_button")]
    admin = logged_in(AppTest.from_file(str(APP), default_timeout=TIMEOUT), "boss").run()
    admin.switch_page("pages/settings.py").run()
    assert not admin.exception
    assert len(admin.dataframe) > 0
    admin.switch_page("pages/data.py").run()
    assert "下载备份（.zip）" in [b.proto.label for b in admin.get("download_button")]


def test_the_audit_log_of_a_county_shows_its_accounts_writes_only(guarded_db):
    from riskdash.metrics.data import audit_entries

    con = db.connect(guarded_db)
    try:
        accounts.add_account(con, "yi", "township", "419902001000", GOOD, actor="test", must_change_password=False)
        for name in ("jia", "yi"):
            assert accounts.authenticate(con, name, GOOD).ok
        everything = audit_entries(con)
        county = audit_entries(con, account_region=COUNTY_A)
    finally:
        con.close()
    assert {"jia", "yi", "test"} <= set(everything["actor"])
    assert set(county["actor"]) == {"jia"}  # 乙区's township account and the command line are not 甲县's
