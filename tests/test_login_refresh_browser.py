"""A refresh keeps the login (issue 17 item 2), in a real browser: `riskdash serve` on the small city with
accounts, headless Debian Chromium. After a login, a county and a period picked in the sidebar and English
chosen, F5 (page.reload) brings back the same page, scope and language without the login form; the cookie is a
session cookie holding no more than the token; after a logout F5 shows the login form; an account disabled at
the command line loses its kept login."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import browser_support
import pytest
from conftest import COUNTY_A
from test_browser import PAGE_MS, chromium_page, serving

from riskdash import accounts, db

pytestmark = pytest.mark.browser

GOOD = "Safe-pass9"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def guarded_server(small_db_path: Path, tmp_path: Path):
    con = db.connect(small_db_path)
    try:
        accounts.add_account(con, "adm", "admin", None, GOOD, actor="test", must_change_password=False)
        accounts.add_account(con, "jia", "county", COUNTY_A, GOOD, actor="test", must_change_password=False)
    finally:
        con.close()
    with serving(small_db_path, tmp_path) as url:
        yield url, small_db_path


def settled(page) -> None:
    browser_support.settle(page)


def log_in(page, name: str) -> None:
    page.get_by_label("用户名").fill(name)
    page.get_by_label("密码", exact=True).fill(GOOD)
    page.get_by_role("button", name="登录").click()
    # a fresh server's first overview (its caches cold) on a loaded machine can take over a minute
    page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=3 * PAGE_MS)
    settled(page)


def pick(page, label: str, option: str) -> None:
    """Choose ``option`` in the sidebar's select labelled ``label``, and wait for the run it starts."""
    box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text=label).first
    browser_support.choose(page, box, option)  # opened again if a run redrawing the sidebar closed the list
    settled(page)
    page.wait_for_function(
        "([label, option]) => [...document.querySelectorAll('[data-testid=stSidebar] [data-testid=stSelectbox]')]"
        ".some(b => b.innerText.includes(label) && b.querySelector('input').value.startsWith(option))",
        arg=[label, option], timeout=PAGE_MS)


def choice(page, label: str) -> str:
    box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text=label).first
    return box.locator("input").first.get_attribute("value", timeout=PAGE_MS)


def login_form_shown(page) -> bool:
    return page.locator('input[type="password"]').count() > 0


def session_cookies(page) -> list[dict]:
    return [c for c in page.context.cookies() if c["name"] == "riskdash_session"]


def tokens(path: Path) -> list[str]:
    con = db.connect(path, read_only=True)
    try:
        return [name for (name,) in con.execute("select account_name from login_tokens order by account_name").fetchall()]
    finally:
        con.close()


def test_a_refresh_keeps_the_login_the_page_and_the_view(guarded_server, tmp_path):
    url, path = guarded_server
    with chromium_page(tmp_path, 1366, 900) as page:
        page.goto(url, timeout=PAGE_MS)
        page.get_by_label("用户名").wait_for(timeout=PAGE_MS)
        log_in(page, "adm")

        # the cookie: a session cookie (expires -1), the whole site, SameSite=Strict, the token and nothing else
        [cookie] = session_cookies(page)
        assert (cookie["path"], cookie["sameSite"], cookie["expires"], cookie["secure"]) == ("/", "Strict", -1, False)
        assert len(cookie["value"]) == 43 and cookie["value"] not in page.url

        # a page, a county, a period and English, picked as a presenter would
        page.locator('[data-testid="stSidebarNav"]').get_by_text("事故趋势", exact=True).click()
        page.get_by_role("heading", name="事故趋势").first.wait_for(timeout=PAGE_MS)
        settled(page)
        page.get_by_text("English", exact=True).click()
        page.get_by_role("heading", name="Accident trends").first.wait_for(timeout=PAGE_MS)
        settled(page)
        pick(page, "County / district", "甲县 · jx")
        pick(page, "Period", "Last month")
        view = page.url
        assert f"region={COUNTY_A}" in view and "lang=en" in view and "/accidents?" in view
        period = choice(page, "Period")
        assert period.startswith("Last month")

        # F5: the same page, scope and language, no login form
        page.reload(timeout=PAGE_MS)
        page.get_by_role("heading", name="Accident trends").first.wait_for(timeout=PAGE_MS)
        settled(page)
        assert not login_form_shown(page)
        assert page.get_by_text("Account: adm (Administrator)").count() == 1
        assert (choice(page, "County / district"), choice(page, "Period")) == ("甲县 · jx", period)
        assert page.url == view
        assert page.locator('[data-testid="stSidebarNav"]').get_by_text("Settings", exact=True).count() == 1  # the admin's
        assert tokens(path) == ["adm"]

        # logout: the login form, the cookie gone, and F5 shows the login form again
        page.get_by_role("button", name="Log out").click()
        page.get_by_label("Username").wait_for(timeout=PAGE_MS)
        settled(page)
        page.wait_for_function("() => !document.cookie.includes('riskdash_session=')", timeout=PAGE_MS)
        assert session_cookies(page) == [] and tokens(path) == []
        page.reload(timeout=PAGE_MS)
        page.get_by_label("Username").wait_for(timeout=PAGE_MS)
        settled(page)
        assert login_form_shown(page) and page.locator('[data-testid="stMetric"]').count() == 0

    con = db.connect(path, read_only=True)
    try:
        assert [a for (a,) in con.execute("select action from audit_log where kind = 'account' and actor = 'adm' "
                                          "order by entry_id").fetchall()] == ["login", "login_resumed", "logout"]
    finally:
        con.close()


def test_an_account_disabled_at_the_command_line_loses_its_kept_login(small_db_path, tmp_path):
    """`riskdash user disable` cannot write while the dashboard holds the file (DuckDB allows one writer, and the
    server's read-only connection keeps a second process from writing: the command says "held by another
    process"), so the administrator stops the service, disables the account and starts it again. The browsers
    stay open meanwhile: the disabled account's refresh shows the login form, another account's refresh is still
    logged in (the token survives a restart: it is in the database)."""
    con = db.connect(small_db_path)
    try:
        accounts.add_account(con, "adm", "admin", None, GOOD, actor="test", must_change_password=False)
        accounts.add_account(con, "jia", "county", COUNTY_A, GOOD, actor="test", must_change_password=False)
    finally:
        con.close()
    with chromium_page(tmp_path, 1366, 900) as jia, chromium_page(tmp_path, 1366, 900) as adm:
        with serving(small_db_path, tmp_path) as url:
            for page, name in ((jia, "jia"), (adm, "adm")):
                page.goto(url, timeout=PAGE_MS)
                page.get_by_label("用户名").wait_for(timeout=PAGE_MS)
                log_in(page, name)
            held = subprocess.run([sys.executable, "-m", "riskdash", "user", "disable", "jia", "--db",
                                   str(small_db_path)], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
            assert held.returncode != 0 and "held by another process" in held.stderr
        assert tokens(small_db_path) == ["adm", "jia"]

        run = subprocess.run([sys.executable, "-m", "riskdash", "user", "disable", "jia", "--db", str(small_db_path)],
                             cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
        assert run.returncode == 0, run.stderr
        assert tokens(small_db_path) == ["adm"]

        with serving(small_db_path, tmp_path) as url:  # a cookie is the host's, whatever the port
            adm.goto(url, timeout=PAGE_MS)
            adm.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=3 * PAGE_MS)
            settled(adm)
            assert not login_form_shown(adm) and adm.get_by_text("当前账号：adm（管理员）").count() == 1
            jia.goto(url, timeout=PAGE_MS)
            jia.get_by_label("用户名").wait_for(timeout=3 * PAGE_MS)
            settled(jia)
            assert login_form_shown(jia) and jia.locator('[data-testid="stMetric"]').count() == 0
