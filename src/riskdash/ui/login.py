"""The login (登录) in front of every page (issue 16; accounts in riskdash/accounts.py).

``require_login`` is called once per page run by ``start_page`` (ui/frame.py), after the language switch and
before anything of the data is read or drawn. It returns the logged-in account, or None where the database
has no account yet and the server listens on this machine only (``riskdash serve`` sets RISKDASH_LOCAL_ONLY
then): the page then works as before and says how to add the first admin. Otherwise it draws the login form
(用户名 / 密码 / 登录), or the password change an account must make at its first login, and stops the page.
A session idle longer than the setting ``session_idle_minutes`` ends. The sidebar shows the account, its role
and a logout button.

A refresh (F5) or a dropped connection starts a new Streamlit session with an empty session_state; the login
survives it (issue 17 item 2) through a token in the session cookie ``riskdash_session`` (Path=/,
SameSite=Strict, Secure on https, no Max-Age: it ends when the browser closes). Streamlit 1.67 sets no cookie
from Python: the token is written by a script in ``st.html(..., unsafe_allow_javascript=True)`` (so the cookie
cannot be HttpOnly), and read back by ``st.context.cookies`` (the cookies of the session's first request). The
database keeps only the token's SHA-256 (accounts.create_login_token / resume_login); logout, the idle end, a
disabled account and a password change or reset end it. Logins write the database (failure counts, lockout, audit entries) in the exclusive
write window without clearing the cached results (session.write_keeping_cache): they change no data shown.
"""

from __future__ import annotations

import json
import os
import time

import duckdb
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from riskdash import accounts
from riskdash.ui.markdown import plain

ACCOUNT_KEY = "_riskdash_account"  # the logged-in account's name
ACTIVE_KEY = "_riskdash_active_at"  # time.time() of the session's last page run
NOTICE_KEY = "_riskdash_login_notice"  # a message for the next login form (logged out, idle)
REFUSED_KEY = "_riskdash_login_refused"  # (icon, message) of the login just refused, shown under the next form
REFUSED_ICONS = {"locked": ":material/lock_clock:", "disabled": ":material/block:", "wrong": ":material/error:"}
LOCAL_ONLY_ENV = accounts.LOCAL_ONLY_ENV  # "1": the server listens on 127.0.0.1 only (no accounts yet)
COOKIE = "riskdash_session"  # the browser's copy of this session's login token (issue 17 item 2)
TOKEN_KEY = "_riskdash_token"  # this session's login token (the cookie's value)
TOUCHED_KEY = "_riskdash_token_touched"  # time.time() of the last write of the token's last_seen_at
RESUME_KEY = "_riskdash_resume_tried"  # the cookie was looked at once in this session (never again after)
CLEAR_KEY = "_riskdash_clear_cookie"  # the login form deletes the browser's cookie (after a logout or an end)

TEXT = {
    "title": {"zh": "登录", "en": "Log in"},
    "intro": {"zh": "安全生产风险分析看板：请使用本单位分配的账号登录。",
              "en": "Work-safety risk dashboard: log in with the account your office gave you."},
    "username": {"zh": "用户名", "en": "Username"},
    "password": {"zh": "密码", "en": "Password"},
    "submit": {"zh": "登录", "en": "Log in"},
    "wrong": {"zh": "用户名或密码错误。", "en": "Wrong username or password."},
    "locked": {"zh": "登录失败次数过多，账号已锁定，请于 {until} 后再试。",
               "en": "Too many failed logins: the account is locked until {until}."},
    "disabled": {"zh": "该账号已停用，请联系管理员。", "en": "This account is disabled; ask your administrator."},
    "idle": {"zh": "已超过 {minutes} 分钟未操作，请重新登录。",
             "en": "No activity for {minutes} minutes: please log in again."},
    "logged_out": {"zh": "已退出登录。", "en": "Logged out."},
    "change_title": {"zh": "修改密码", "en": "Change your password"},
    "change_intro": {"zh": "首次登录（或管理员重置密码后）须先修改密码：至少8位，包含小写字母、大写字母、数字、其他字符中的至少三类，且不含用户名。",
                     "en": "Before the first use (or after an administrator set your password) choose your own: "
                           "at least 8 characters of three of lower case, upper case, digits and other "
                           "characters, not containing your username."},
    "current": {"zh": "当前密码", "en": "Current password"},
    "new": {"zh": "新密码", "en": "New password"},
    "again": {"zh": "再次输入新密码", "en": "New password again"},
    "change_submit": {"zh": "修改密码", "en": "Change password"},
    "mismatch": {"zh": "两次输入的新密码不一致。", "en": "The two new passwords differ."},
    "changed": {"zh": "密码已修改。", "en": "Password changed."},
    "account": {"zh": "当前账号：{name}（{role}{region}）", "en": "Account: {name} ({role}{region})"},
    "logout": {"zh": "退出登录", "en": "Log out"},
    "admin_only": {"zh": "仅管理员可用（本账号：{role}）。", "en": "For administrators only (this account: {role})."},
    "city_only": {"zh": "整表导出仅限管理员与市级账号（本账号：{role}）；请使用上方按筛选条件导出。",
                  "en": "Whole tables are exported for admin and city accounts only (this account: {role}); "
                        "use the filtered export above."},
    "region_refused": {"zh": "地址中的区域不在本账号辖区内，已改为显示本账号辖区。",
                       "en": "The region in the address lies outside this account's region: showing the account's region."},
    "no_accounts": {"zh": "尚未建立账号：看板仅本机可访问。添加第一个管理员：riskdash user add 用户名 --role admin --db {path}",
                    "en": "No accounts yet: the dashboard answers on this machine only. Add the first admin: "
                          "riskdash user add NAME --role admin --db {path}"},
    "no_accounts_remote": {"zh": "尚未建立账号，看板不显示任何数据。请在服务器上添加第一个管理员：riskdash user add 用户名 --role admin --db {path}，然后重新启动看板。",
                           "en": "No accounts yet, so the dashboard shows no data. On the server, add the first "
                                 "admin: riskdash user add NAME --role admin --db {path}, then restart the dashboard."},
}


def say(key: str, lang: str, **values) -> str:
    return TEXT[key]["zh" if lang == "zh" else "en"].format(**values)


def _write(function):
    """``function(con)`` in the dashboard's exclusive write window, keeping the cached results: a login's
    writes (failure count, lockout, last login, audit entries, a password change) change nothing the screens
    show (session.write_keeping_cache). Not through ui/write_window, which asks this module who is acting."""
    from riskdash.ui import session

    return session.write_keeping_cache(function)


def current_account_name() -> str | None:
    """The logged-in account's name in this session (the actor of its writes), or None."""
    return st.session_state.get(ACCOUNT_KEY)


ROLE_KEY = "_riskdash_role"  # the logged-in account's role as of this session's last page run
CHANGE_KEY = "_riskdash_must_change"  # the logged-in account must change its password before anything else


def current_account(con) -> accounts.Account | None:
    """The logged-in account, read afresh from the database on ``con`` (None: no login, no accounts)."""
    name = current_account_name()
    return accounts.get_account(con, name) if name else None


def check_may_write(restore: bool = False) -> None:
    """Refuse a write of this session's account before the write window opens: a viewer writes nothing, a
    restore (and the backup download) is the admin's. No account (a database without accounts): allowed."""
    role = st.session_state.get(ROLE_KEY) if current_account_name() else None
    if role is None:
        return
    rules = accounts.ROLES[role]
    if not rules.can_write:
        raise accounts.AccountError("this account is read-only: nothing written", "只读账号不能修改数据，未写入任何数据")
    if restore and not rules.is_admin:
        raise accounts.AccountError("restoring a backup is the admin's: nothing written", "恢复备份仅限管理员，未写入任何数据")


def _allowed(lang: str, key: str, test) -> bool:
    role = st.session_state.get(ROLE_KEY) if current_account_name() else None
    if role is None or test(accounts.ROLES[role]):
        return True
    st.info(say(key, lang, role=accounts.ROLES[role].label(lang)), icon=":material/lock:")
    return False


def navigation_shown() -> bool:
    """Whether app.py shows the navigation (the list of pages) at all: once an account has logged in and
    changed its password if it must, and where there is no login (a database without accounts served on this
    machine alone); before a login only the login form is drawn, no page name (issue 16)."""
    name = current_account_name()
    if not name:
        return os.environ.get(LOCAL_ONLY_ENV) == "1" and not _database_has_account()
    return not st.session_state.get(CHANGE_KEY, False)


def _database_has_account() -> bool:
    """Whether the served database has an account (True when it cannot be read: nothing is listed then)."""
    from riskdash import db
    from riskdash.ui import session

    try:
        _, con = session.new_cursor(session.open_database())
    except db.RiskdashError:
        return True
    try:
        return accounts.has_any_account(con)
    finally:
        con.close()


def admin_in_navigation() -> bool:
    """Whether the navigation lists the admin's page (设置): for an admin account, and where there is no login
    (a database without accounts served on this machine alone); not for any other account, nor before a
    login. The settings page refuses a non-admin itself too (admin_only)."""
    name = current_account_name()
    if not name:
        return os.environ.get(LOCAL_ONLY_ENV) == "1"
    role = st.session_state.get(ROLE_KEY)
    if role is None:  # the first run of a session: app.py builds the navigation before the page's login check
        role = _stored_role(name)
    return role in accounts.ROLES and accounts.ROLES[role].is_admin


def _stored_role(name: str) -> str | None:
    from riskdash import db
    from riskdash.ui import session

    try:
        _, con = session.new_cursor(session.open_database())
    except db.RiskdashError:
        return None
    try:
        account = accounts.get_account(con, name)
    finally:
        con.close()
    return account.role if account is not None and not account.disabled else None


def admin_only(lang: str) -> bool:
    """Whether this session may use an admin's part (settings, backup download and restore);
    says so in one line when it may not. No account (a database without accounts): allowed."""
    return _allowed(lang, "admin_only", lambda role: role.is_admin)


def whole_city_only(lang: str) -> bool:
    """Whether this session's account is bounded by no region (admin, city): whole-table exports."""
    return _allowed(lang, "city_only", lambda role: not role.region_bound)


def require_login(con: duckdb.DuckDBPyConnection, lang: str, db_path) -> accounts.Account | None:
    """The logged-in account for this page run; draws the login (or password change) and stops the page
    when there is none. None only for a database without accounts served on this machine alone."""
    if not accounts.has_any_account(con):
        if os.environ.get(LOCAL_ONLY_ENV) == "1":
            st.sidebar.info(plain(say("no_accounts", lang, path=db_path)), icon=":material/person_add:")
            return None
        st.title(say("title", lang))
        st.warning(plain(say("no_accounts_remote", lang, path=db_path)), icon=":material/lock:")
        st.stop()
    settings = accounts.login_settings(con)
    name = st.session_state.get(ACCOUNT_KEY)
    now = time.time()
    if name is None and not st.session_state.get(RESUME_KEY):
        st.session_state[RESUME_KEY] = True  # once per session: after a logout the first request's cookie is stale
        if _resume(session_cookie(), lang, settings):
            st.rerun()  # app.py builds the navigation for the account: the same page, now logged in
    if name is not None:
        last = st.session_state.get(ACTIVE_KEY, now)
        account = accounts.get_account(con, name)
        if now - last > settings.idle_minutes * 60:
            _end_session(name, "idle", say("idle", lang, minutes=f"{settings.idle_minutes:g}"))
            st.rerun()  # app.py builds the navigation again: none before the next login
        elif account is None or account.disabled:
            _end_session(name, "disabled", say("disabled", lang))
            st.rerun()
        else:
            st.session_state[ACTIVE_KEY] = now
            st.session_state[ROLE_KEY] = account.role
            must_change = bool(account.must_change_password)
            if st.session_state.get(CHANGE_KEY, False) != must_change:
                st.session_state[CHANGE_KEY] = must_change
                st.rerun()  # the navigation follows (none during the first-login password change)
            if must_change:
                st.session_state.pop(TOKEN_KEY, None)  # a reset ended it: a new one is made after the change
                _change_password_form(account, lang)
                st.stop()
            _keep_login(settings, now)
            _sidebar(con, account, lang)
            return account
    _login_form(lang)
    st.stop()


def _end_session(name: str, reason: str, notice: str) -> None:
    st.session_state.pop(ACCOUNT_KEY, None)
    st.session_state.pop(ACTIVE_KEY, None)
    st.session_state.pop(ROLE_KEY, None)
    st.session_state.pop(CHANGE_KEY, None)
    token = st.session_state.pop(TOKEN_KEY, None)
    st.session_state.pop(TOUCHED_KEY, None)
    st.session_state[RESUME_KEY] = True
    st.session_state[CLEAR_KEY] = True  # the login form deletes the cookie
    st.session_state[NOTICE_KEY] = notice
    _write(lambda con: accounts.record_logout(con, name, reason, token=token))


# ---------------------------------------------------------------------------------------------- kept login


def session_cookie() -> str | None:
    """The login token the browser sent with this session's first request (cookie riskdash_session), if any.
    (AppTest cannot give a session cookies: tests replace this function.)"""
    try:
        value = st.context.cookies.get(COOKIE)
    except Exception:  # no client context (a bare script run)
        return None
    return value if isinstance(value, str) and value else None  # (AppTest's context answers with a stand-in)


def _resume(token: str | None, lang: str, settings: accounts.LoginSettings) -> bool:
    """Resume the login of ``token`` (the cookie of a new session) when it passes accounts.resume_login's
    checks; a refused one is deleted, the cookie too, and the login form says why when it can."""
    from riskdash import db

    if not token:
        return False
    try:
        result = _write(lambda con: accounts.resume_login(con, token))
    except db.RiskdashError:  # the file held by another process: the login form, as without a cookie
        return False
    if not result.ok:
        st.session_state[CLEAR_KEY] = True
        if result.reason == "idle":
            st.session_state[NOTICE_KEY] = say("idle", lang, minutes=f"{settings.idle_minutes:g}")
        elif result.reason == "disabled":
            st.session_state[NOTICE_KEY] = say("disabled", lang)
        return False
    now = time.time()
    st.session_state[ACCOUNT_KEY] = result.account.name
    st.session_state[ACTIVE_KEY] = now
    st.session_state[ROLE_KEY] = result.account.role
    st.session_state[CHANGE_KEY] = False
    st.session_state[TOKEN_KEY] = token
    st.session_state[TOUCHED_KEY] = now
    return True


def _keep_login(settings: accounts.LoginSettings, now: float) -> None:
    """The logged-in session's token (made in the login's own write, or after the required password change, or
    brought by the cookie it resumed from): its last_seen_at written again at most every accounts.touch_seconds,
    and the cookie holding it. A write that fails (the file held by another process) is left for a later run:
    the kept login is a convenience, never a reason for the page to fail."""
    from riskdash import db

    token = st.session_state.get(TOKEN_KEY)
    if token is None:
        return
    if now - st.session_state.get(TOUCHED_KEY, 0.0) >= accounts.touch_seconds(settings):
        st.session_state[TOUCHED_KEY] = now
        try:
            _write(lambda con: accounts.touch_login_token(con, token))
        except db.RiskdashError:
            pass
    st.sidebar.html(cookie_script(token), unsafe_allow_javascript=True)


def cookie_script(token: str | None) -> str:
    """The script that writes the login cookie (``token``) or deletes it (None). A session cookie: no Max-Age
    or Expires, so it ends with the browser; Secure when the page itself is https."""
    value = json.dumps(token or "")
    ending = "" if token else "; Max-Age=0"
    return ("<script>(function () {"
            f"document.cookie = {json.dumps(COOKIE + '=')} + {value} + '; Path=/; SameSite=Strict{ending}'"
            " + (window.location.protocol === 'https:' ? '; Secure' : '');"
            "})();</script>")


def _login_form(lang: str) -> None:
    if st.session_state.pop(CLEAR_KEY, False):
        st.html(cookie_script(None), unsafe_allow_javascript=True)  # F5 now shows this form again
    st.title(say("title", lang))
    st.caption(say("intro", lang))
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.info(plain(notice), icon=":material/info:")
    refused = st.session_state.pop(REFUSED_KEY, None)
    if refused:
        # a refused password is not left in the form (the name is); the cleared field also tells whoever waits on
        # the page (a person, a browser test) that the attempt was counted
        st.session_state["login_password"] = ""
    with st.form("login_form"):
        name = st.text_input(say("username", lang), key="login_name")
        password = st.text_input(say("password", lang), type="password", key="login_password")
        submitted = st.form_submit_button(say("submit", lang), type="primary")
    if refused:
        st.error(refused[1], icon=refused[0])
    _warm_renderers()
    if not submitted:
        return
    def write(con):
        result = accounts.authenticate(con, name, password)
        # the kept login's token in the same write window, unless a password change comes first
        made = (accounts.create_login_token(con, result.account.name)
                if result.ok and not result.account.must_change_password else None)
        return result, made

    result, token = _write(write)
    if result.ok:
        if token is not None:
            st.session_state[TOKEN_KEY] = token
            st.session_state[TOUCHED_KEY] = time.time()
        st.session_state[ACCOUNT_KEY] = result.account.name
        st.session_state[ACTIVE_KEY] = time.time()
        st.session_state[ROLE_KEY] = result.account.role  # the navigation of the next run (admin_in_navigation)
        st.session_state[CHANGE_KEY] = bool(result.account.must_change_password)  # (navigation_shown)
        st.rerun()
    if result.reason == "locked":
        message = say("locked", lang, until=f"{result.locked_until:%H:%M}")
    else:
        message = say("disabled" if result.reason == "disabled" else "wrong", lang)
    st.session_state[REFUSED_KEY] = (REFUSED_ICONS.get(result.reason, REFUSED_ICONS["wrong"]), message)
    st.rerun()


# Streamlit's browser code for a Plotly chart and for a grid (st.dataframe) is loaded when the first one is drawn:
# after a login that was 总览's first run, where it added about 1 s (Chromium at 1366 px on the scale-20 city: its
# chart drawn 3.0 s and its grids 3.5 s after the click, 2.0 and 2.4 s with the code loaded beforehand). An empty
# chart and an empty grid on the login form, out of sight, have it loaded while the password is typed.
WARM_KEY = "login_warm"
WARM_CSS = (f"<style>.st-key-{WARM_KEY} {{position: fixed; left: -10000px; top: 0; width: 60px; height: 60px;"
            " overflow: hidden; visibility: hidden}</style>")


def _warm_renderers() -> None:
    """An empty Plotly chart and an empty grid, out of sight and of the keyboard's reach (visibility: hidden):
    no data, no figure."""
    st.html(WARM_CSS)
    with st.container(key=WARM_KEY):
        st.plotly_chart(go.Figure(), width=60, height=60, key=f"{WARM_KEY}_chart", config={"staticPlot": True})
        st.dataframe(pd.DataFrame(), width=60, height=60, key=f"{WARM_KEY}_grid", hide_index=True)


def _change_password_form(account: accounts.Account, lang: str) -> None:
    st.title(say("change_title", lang))
    st.info(say("change_intro", lang), icon=":material/password:")
    with st.form("password_form"):
        old = st.text_input(say("current", lang), type="password", key="password_current")
        new = st.text_input(say("new", lang), type="password", key="password_new")
        again = st.text_input(say("again", lang), type="password", key="password_again")
        submitted = st.form_submit_button(say("change_submit", lang), type="primary")
    _logout_button(account.name, lang)
    if not submitted:
        return
    if new != again:
        st.error(say("mismatch", lang), icon=":material/error:")
        return
    def write(con):
        accounts.change_password(con, account.name, old, new)
        return accounts.create_login_token(con, account.name)  # the kept login begins now

    try:
        token = _write(write)
    except accounts.AccountError as exc:
        st.error(plain(exc.text(lang)), icon=":material/error:")
        return
    st.session_state[TOKEN_KEY] = token
    st.session_state[TOUCHED_KEY] = time.time()
    st.session_state[NOTICE_KEY] = say("changed", lang)
    st.rerun()


def _sidebar(con, account: accounts.Account, lang: str) -> None:
    region = accounts.region_name(con, account.region_code)
    st.sidebar.caption(plain(say("account", lang, name=account.name, role=account.rules.label(lang),
                                 region=f" · {region}" if region else "")))
    _logout_button(account.name, lang)
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.sidebar.success(plain(notice), icon=":material/check:")


def _logout_button(name: str, lang: str) -> None:
    if st.sidebar.button(say("logout", lang), key="logout_button", icon=":material/logout:"):
        _end_session(name, "logout", say("logged_out", lang))
        st.rerun()
