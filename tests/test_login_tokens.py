"""A refresh keeps the login (issue 17 item 2): the login token store in accounts.py (no Streamlit) — made at a
login, kept only as its SHA-256, resumed by a new browser session within the idle setting, refused (and deleted)
for every reason the login would be refused, ended by logout, idle end, disabling and password changes from any
tool; and the dashboard's side in AppTest, with the cookie given to login.session_cookie."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import COUNTY_A, TOWN_A1, fill_small_city, prepared_database
from streamlit.testing.v1 import AppTest

from riskdash import accounts, db, records
from riskdash.ui import login

GOOD = "Safe-pass9"
T0 = datetime(2026, 11, 28, 9, 0, 0)
APP = Path(__file__).resolve().parents[1] / "app.py"


def tokens(con) -> list[tuple]:
    return con.execute("select token_hash, account_name, created_at, last_seen_at from login_tokens "
                       "order by created_at, account_name, token_hash").fetchall()


def actions(con, name: str) -> list[tuple]:
    return [(action, json.loads(detail) if detail else None) for action, detail in con.execute(
        "select action, after_json from audit_log where kind = 'account' and record_key = ? order by entry_id",
        [name]).fetchall()]


def add_two(con) -> None:
    accounts.add_account(con, "adm", "admin", None, GOOD, actor="root", must_change_password=False)
    accounts.add_account(con, "jia", "county", COUNTY_A, GOOD, actor="adm", must_change_password=False)
    accounts.add_account(con, "twn", "township", TOWN_A1, GOOD, actor="adm", must_change_password=False)


@pytest.fixture()
def con(small_db_path: Path):
    small_db_path.unlink()
    prepared_database(small_db_path, fill_small_city, add_two)
    con = db.connect(small_db_path)
    yield con
    con.close()


def test_a_token_is_random_and_kept_only_as_its_hash(con):
    first = accounts.create_login_token(con, "jia", now=T0)
    second = accounts.create_login_token(con, "jia", now=T0)
    assert first != second and len(first) == 43  # token_urlsafe(32): 256 bits
    assert tokens(con) == sorted([(hashlib.sha256(first.encode()).hexdigest(), "jia", T0, T0),
                                  (hashlib.sha256(second.encode()).hexdigest(), "jia", T0, T0)])
    stored = json.dumps(con.execute("select * from login_tokens").fetchall(), default=str)
    stored += json.dumps(con.execute("select * from audit_log").fetchall(), default=str)
    assert first not in stored and second not in stored  # never the token itself, nor in the audit log


def test_resume_within_the_idle_time_touches_and_audits(con):
    token = accounts.create_login_token(con, "jia", now=T0)
    at_limit = T0 + timedelta(minutes=30)  # idle exactly the setting (30 minutes): still resumes
    result = accounts.resume_login(con, token, now=at_limit)
    assert result.ok and result.reason == "ok"
    assert (result.account.name, result.account.role, result.account.region_code) == ("jia", "county", COUNTY_A)
    assert tokens(con)[0][3] == at_limit  # last_seen_at moved on
    assert actions(con, "jia")[-1] == ("login_resumed", {"via": "session cookie", "logged_in_at": "2026-11-28T09:00:00"})
    # used again 30 minutes after that resume: still within the limit, counted from the last use
    assert accounts.resume_login(con, token, now=at_limit + timedelta(minutes=30)).ok


def test_idle_one_second_past_the_limit_is_refused_and_deleted(con):
    token = accounts.create_login_token(con, "jia", now=T0)
    result = accounts.resume_login(con, token, now=T0 + timedelta(minutes=30, seconds=1))
    assert (result.ok, result.reason) == (False, "idle")
    assert tokens(con) == []
    assert actions(con, "jia")[-1] == ("logout", {"reason": "idle"})
    # gone: the same token again is unknown and writes nothing
    before = con.execute("select count(*) from audit_log").fetchone()[0]
    assert accounts.resume_login(con, token, now=T0).reason == "unknown"
    assert con.execute("select count(*) from audit_log").fetchone()[0] == before


def test_the_idle_setting_is_the_database_setting(con):
    con.execute("update settings set value = '0.5' where key = 'session_idle_minutes'")
    token = accounts.create_login_token(con, "jia", now=T0)
    assert accounts.resume_login(con, token, now=T0 + timedelta(seconds=30)).ok
    assert accounts.resume_login(con, token, now=T0 + timedelta(seconds=60, microseconds=1)).reason == "idle"
    assert accounts.touch_seconds(accounts.login_settings(con)) == 6.0  # a fifth of 30 s
    con.execute("update settings set value = '30' where key = 'session_idle_minutes'")
    assert accounts.touch_seconds(accounts.login_settings(con)) == 60.0


def test_unknown_empty_and_oversized_tokens(con):
    accounts.create_login_token(con, "jia", now=T0)
    for value in (None, "", "x" * 43, "a" * 129):
        assert accounts.resume_login(con, value, now=T0).reason == "unknown"
    assert len(tokens(con)) == 1  # someone else's guess deletes nothing


def test_a_token_resumes_its_own_account_only(con):
    jia = accounts.create_login_token(con, "jia", now=T0)
    twn = accounts.create_login_token(con, "twn", now=T0)
    assert accounts.resume_login(con, jia, now=T0).account.name == "jia"
    assert accounts.resume_login(con, twn, now=T0).account.name == "twn"
    # ending one account's logins leaves the other's
    accounts.disable_account(con, "twn", actor="adm")
    assert accounts.resume_login(con, twn, now=T0).reason == "unknown"
    assert accounts.resume_login(con, jia, now=T0).ok


def test_disabled_account(con):
    token = accounts.create_login_token(con, "jia", now=T0)
    accounts.disable_account(con, "jia", actor="adm")
    assert tokens(con) == []  # the disable deleted it
    assert accounts.resume_login(con, token, now=T0).reason == "unknown"
    # a token written back (or a disable made by plain SQL) still fails the check itself
    token = _raw_token(con, "jia")
    assert accounts.resume_login(con, token, now=T0).reason == "disabled"
    assert tokens(con) == []
    assert actions(con, "jia")[-1] == ("login_refused", {"reason": "disabled", "via": "session cookie",
                                                         "logged_in_at": "2026-11-28T09:00:00"})


def _raw_token(con, name: str) -> str:
    """A token row written straight, bypassing create_login_token's account check (as another tool could), with
    the mark of the account's password hash when the account exists."""
    token = "t" * 43
    row = con.execute("select password_hash from accounts where name = ?", [name]).fetchone()
    mark = hashlib.sha256((row[0] if row else "").encode()).hexdigest()
    con.execute("insert into login_tokens values (?, ?, ?, ?, ?)",
                [hashlib.sha256(token.encode()).hexdigest(), name, mark, T0, T0])
    return token


def test_locked_account(con):
    token = accounts.create_login_token(con, "jia", now=T0)
    for _ in range(5):
        accounts.authenticate(con, "jia", "Wrong-pass1", now=T0)
    assert accounts.get_account(con, "jia").locked_until == T0 + timedelta(minutes=15)
    assert accounts.resume_login(con, token, now=T0 + timedelta(minutes=1)).reason == "locked"
    assert tokens(con) == []


def test_a_lock_that_has_run_out_does_not_refuse(con):
    token = accounts.create_login_token(con, "jia", now=T0)
    con.execute("update accounts set locked_until = ? where name = 'jia'", [T0 - timedelta(seconds=1)])
    assert accounts.resume_login(con, token, now=T0).ok


def test_password_changed_by_its_owner_ends_every_token(con):
    here = accounts.create_login_token(con, "jia", now=T0)
    there = accounts.create_login_token(con, "jia", now=T0)
    accounts.change_password(con, "jia", GOOD, "Other-pass2")
    assert tokens(con) == []
    assert [accounts.resume_login(con, t, now=T0).reason for t in (here, there)] == ["unknown", "unknown"]


def test_password_reset_from_the_command_line_ends_the_token(con):
    token = accounts.create_login_token(con, "jia", now=T0)
    accounts.set_password(con, "jia", "Reset-pass3", actor="adm", must_change_password=False)
    assert accounts.resume_login(con, token, now=T0).reason == "unknown"


def test_a_password_written_by_any_tool_fails_the_mark(con):
    token = accounts.create_login_token(con, "jia", now=T0)
    # a new hash written straight into accounts, without accounts.set_password (another tool, plain SQL)
    con.execute("update accounts set password_hash = ? where name = 'jia'", [accounts.hash_password("Else-pass4")])
    assert accounts.resume_login(con, token, now=T0).reason == "password_changed"
    assert tokens(con) == []


def test_must_change_refuses(con):
    token = accounts.create_login_token(con, "jia", now=T0)
    con.execute("update accounts set must_change_password = true where name = 'jia'")
    assert accounts.resume_login(con, token, now=T0).reason == "must_change"


def test_an_account_gone_refuses(con):
    token = _raw_token(con, "ghost")  # no such account: its mark cannot be made, so write one by hand
    assert accounts.resume_login(con, token, now=T0).reason == "no_account"


def test_logout_deletes_the_sessions_token_only(con):
    here = accounts.create_login_token(con, "jia", now=T0)
    there = accounts.create_login_token(con, "jia", now=T0)
    accounts.record_logout(con, "jia", "logout", token=here)
    assert accounts.resume_login(con, here, now=T0).reason == "unknown"
    assert accounts.resume_login(con, there, now=T0).ok  # the other browser stays logged in
    assert ("logout", {"reason": "logout"}) in actions(con, "jia")


def test_touch_and_purge(con):
    token = accounts.create_login_token(con, "jia", now=T0)
    accounts.touch_login_token(con, token, now=T0 + timedelta(minutes=20))
    assert tokens(con)[0][3] == T0 + timedelta(minutes=20)
    # a later login clears tokens idle beyond the setting (closed browsers), not the others
    stale = accounts.create_login_token(con, "twn", now=T0)
    accounts.create_login_token(con, "adm", now=T0 + timedelta(minutes=45))
    assert [row[1] for row in tokens(con)] == ["jia", "adm"]
    assert accounts.resume_login(con, stale, now=T0).reason == "unknown"
    accounts.record_logout(con, "jia", "logout", token=token)  # a logout deletes its session's token
    assert [row[1] for row in tokens(con)] == ["adm"]


def test_backups_leave_the_tokens_out_and_a_restore_ends_them(con, small_db_path, tmp_path):
    token = accounts.create_login_token(con, "jia", now=T0)
    manifest = records.backup(con, tmp_path / "b")
    assert "login_tokens" not in manifest["tables"] and "accounts" in manifest["tables"]
    assert not (tmp_path / "b" / "login_tokens.parquet").exists()
    con.close()
    records.restore(small_db_path, tmp_path / "b", actor="adm")
    again = db.connect(small_db_path)
    try:
        assert tokens(again) == []
        assert accounts.resume_login(again, token, now=T0).reason == "unknown"
    finally:
        again.close()


# ---------------------------------------------------------------------------------------------- the dashboard


@pytest.fixture()
def served(con, small_db_path: Path, monkeypatch):
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    con.close()
    return small_db_path


def with_cookie(monkeypatch, value: str | None) -> None:
    # AppTest cannot give a session cookies (its context carries no client's): the reader is replaced
    monkeypatch.setattr(login, "session_cookie", lambda: value)


def stored_tokens(path: Path) -> list[tuple]:
    con = db.connect(path, read_only=True)
    try:
        return tokens(con)
    finally:
        con.close()


def submit(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input(key="login_name").input(name)
    at.text_input(key="login_password").input(password)
    [button] = [b for b in at.button if b.proto.is_form_submitter]
    button.click()
    return at.run()


def cookie_scripts(at: AppTest) -> list[str]:
    return [e.proto.body for e in at.get("html") if "riskdash_session" in e.proto.body]


def test_the_dashboard_makes_a_token_at_login_and_a_new_session_resumes_with_it(served, monkeypatch):
    with_cookie(monkeypatch, None)
    at = AppTest.from_file(str(APP), default_timeout=90).run()
    submit(at, "jia", GOOD)
    assert not at.exception and len(at.metric) > 0
    token = at.session_state[login.TOKEN_KEY]
    assert [row[1] for row in stored_tokens(served)] == ["jia"]
    assert stored_tokens(served)[0][0] == accounts.token_hash(token)
    # the page writes the cookie: a session cookie (no Max-Age), Path=/, SameSite=Strict, Secure on https
    [script] = cookie_scripts(at)
    assert json.dumps(token) in script and "Path=/; SameSite=Strict" in script and "Max-Age" not in script
    assert "https:" in script and "Secure" in script

    # F5: a new session, empty session_state, the cookie sent with its first request
    with_cookie(monkeypatch, token)
    again = AppTest.from_file(str(APP), default_timeout=90)
    again.query_params["lang"] = "en"
    again.run()
    assert not again.exception
    assert len(again.metric) > 0 and not [t for t in again.text_input if t.key == "login_name"]
    assert "Account: jia (County · 甲县)" in [c.value for c in again.sidebar.caption]
    assert again.session_state[login.TOKEN_KEY] == token

    # logout there: the token is gone, the login form deletes the cookie, a further refresh asks again
    [logout] = [b for b in again.sidebar.button if b.key == "logout_button"]
    logout.click()
    again.run()
    assert [t.key for t in again.text_input] == ["login_name", "login_password"]
    [clear] = cookie_scripts(again)
    assert "Max-Age=0" in clear and token not in clear
    assert [row[1] for row in stored_tokens(served)] == []
    third = AppTest.from_file(str(APP), default_timeout=90).run()
    assert [t.key for t in third.text_input] == ["login_name", "login_password"] and len(third.metric) == 0


def test_a_disabled_accounts_cookie_shows_the_login_form(served, monkeypatch):
    con = db.connect(served)
    try:
        token = accounts.create_login_token(con, "jia")
        accounts.disable_account(con, "jia", actor="adm")
    finally:
        con.close()
    with_cookie(monkeypatch, token)
    at = AppTest.from_file(str(APP), default_timeout=90).run()
    assert not at.exception
    assert [t.key for t in at.text_input] == ["login_name", "login_password"] and len(at.metric) == 0


def test_an_idle_cookie_says_why_the_login_form_is_back(served, monkeypatch):
    con = db.connect(served)
    try:
        token = accounts.create_login_token(con, "jia", now=datetime.now() - timedelta(minutes=31))
    finally:
        con.close()
    with_cookie(monkeypatch, token)
    at = AppTest.from_file(str(APP), default_timeout=90).run()
    assert [t.key for t in at.text_input] == ["login_name", "login_password"]
    assert "已超过 30 分钟未操作，请重新登录。" in [i.value for i in at.info]
    assert cookie_scripts(at) and "Max-Age=0" in cookie_scripts(at)[0]
