"""The navigation (issue 16): before a login no page is listed at all — only the login form — and during a
first-login password change neither; the settings page (设置) is listed for an admin only: a county, township
or viewer account does not see it (its address still answers with the one-line refusal); a database without
accounts served on this machine alone lists it. AppTest on app.py, the navigation recorded as app.py builds it."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit
from conftest import COUNTY_A, TOWN_B1, fill_small_city, logged_in, prepared_database
from streamlit.testing.v1 import AppTest
from test_login import APP, GOOD, TIMEOUT, submit

from riskdash import accounts, db


class Runs(list):
    """Each run's pages ({url_path: listed in the navigation}); ``positions``: each run's navigation position
    ("hidden": no page list at all)."""

    positions: list[str]


@pytest.fixture()
def listed(monkeypatch) -> Runs:
    """Record each run of app.py's st.navigation."""
    runs = Runs()
    runs.positions = []
    real = streamlit.navigation

    def recording(pages, *args, **kwargs):
        flat = [p for section in pages.values() for p in section] if isinstance(pages, dict) else list(pages)
        runs.append({p.url_path: p.visibility != "hidden" for p in flat})
        runs.positions.append(kwargs.get("position", "sidebar"))
        return real(pages, *args, **kwargs)

    monkeypatch.setattr(streamlit, "navigation", recording)
    return runs


def add_four_accounts(con) -> None:
    for name, role, region in (("boss", "admin", None), ("jia", "county", COUNTY_A),
                               ("nan", "township", TOWN_B1), ("kan", "viewer", COUNTY_A)):
        accounts.add_account(con, name, role, region, GOOD, actor="test", must_change_password=False)


@pytest.fixture()
def with_accounts(small_db_path: Path, monkeypatch) -> Path:
    # the small city with these accounts, copied from a file made once per process (an argon2 hash is ~0.2 s of CPU)
    small_db_path.unlink()
    prepared_database(small_db_path, fill_small_city, add_four_accounts)
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    return small_db_path


@pytest.mark.parametrize(("name", "shown"), [("boss", True), ("jia", False), ("nan", False), ("kan", False)])
def test_settings_is_listed_for_an_admin_only(with_accounts, listed, name, shown):
    at = logged_in(AppTest.from_file(str(APP), default_timeout=TIMEOUT), name).run()
    assert not at.exception
    # the first run already (the role read from the database before the page's login check) and the next
    at.run()
    assert [run["settings"] for run in listed] == [shown, shown]
    assert all(run["data"] and run["accidents"] for run in listed)  # the other pages stay listed


def test_after_a_login_through_the_form_a_county_does_not_see_settings(with_accounts, listed, monkeypatch):
    monkeypatch.delenv("RISKDASH_LOCAL_ONLY", raising=False)  # a server on the network
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert listed[-1]["settings"] is False  # before a login: a stranger is not shown the admin's page
    submit(at, "jia", GOOD)
    assert not at.exception
    assert listed[-1]["settings"] is False
    # the page's address still answers, with the refusal
    at.switch_page("pages/settings.py").run()
    assert "仅管理员可用（本账号：县级）。" in [i.value for i in at.info]


def test_without_accounts_on_this_machine_settings_is_listed(small_db_path, listed, monkeypatch):
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    monkeypatch.setenv("RISKDASH_LOCAL_ONLY", "1")
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert listed[-1]["settings"] is True


def _sidebar_texts(at: AppTest) -> str:
    found = []
    for kind in ("markdown", "caption", "info", "warning", "success", "button", "radio", "selectbox"):
        for element in getattr(at.sidebar, kind):
            found.append(str(getattr(element, "label", "") or "") + " " + str(getattr(element, "value", "") or ""))
    return "\n".join(found)


def test_before_a_login_no_page_is_listed(with_accounts, listed, monkeypatch):
    monkeypatch.delenv("RISKDASH_LOCAL_ONLY", raising=False)  # a server on the network
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert listed.positions[-1] == "hidden"  # no page list: only the login form
    assert [t.label for t in at.text_input] == ["用户名", "密码"]
    # nothing in the sidebar but the language switch: no page name, no filter, no data
    assert [r.label for r in at.sidebar.radio] == ["语言 / Language"]
    assert len(at.sidebar.selectbox) == 0 and len(at.metric) == 0
    for page in ("事故趋势", "隐患治理", "数据管理", "设置", "甲县"):
        assert page not in _sidebar_texts(at)
    submit(at, "nan", GOOD)
    assert not at.exception
    assert listed.positions[-1] == "sidebar"  # logged in: the pages are listed
    [logout] = [b for b in at.sidebar.button if b.label == "退出登录"]
    logout.click()
    at.run()
    assert listed.positions[-1] == "hidden"  # logged out: none again


def test_no_page_is_listed_during_the_first_login_password_change(with_accounts, listed, monkeypatch):
    monkeypatch.delenv("RISKDASH_LOCAL_ONLY", raising=False)
    con = db.connect(with_accounts)
    try:
        accounts.add_account(con, "xin", "township", TOWN_B1, GOOD, actor="test")  # must change its password
    finally:
        con.close()
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    submit(at, "xin", GOOD)
    assert [t.label for t in at.text_input] == ["当前密码", "新密码", "再次输入新密码"]
    assert listed.positions[-1] == "hidden"
    at.text_input(key="password_current").input(GOOD)
    at.text_input(key="password_new").input("Brand-new7")
    at.text_input(key="password_again").input("Brand-new7")
    [b for b in at.button if b.proto.is_form_submitter][0].click()
    at.run()
    assert not at.exception
    assert len(at.metric) > 0
    assert listed.positions[-1] == "sidebar"


def test_an_idle_session_ends_with_no_page_listed(with_accounts, listed, monkeypatch):
    import time

    at = logged_in(AppTest.from_file(str(APP), default_timeout=TIMEOUT), "nan").run()
    assert listed.positions[-1] == "sidebar"
    at.session_state["_riskdash_active_at"] = time.time() - 31 * 60
    at.run()
    assert not at.exception
    assert listed.positions[-1] == "hidden"
    assert "已超过 30 分钟未操作，请重新登录。" in [i.value for i in at.info]


def test_without_accounts_on_the_network_no_page_is_listed(small_db_path, listed, monkeypatch):
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    monkeypatch.setenv("RISKDASH_LOCAL_ONLY", "0")
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert listed.positions[-1] == "hidden"
    monkeypatch.setenv("RISKDASH_LOCAL_ONLY", "1")  # on this machine alone: the pages work as before
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert listed.positions[-1] == "sidebar"
