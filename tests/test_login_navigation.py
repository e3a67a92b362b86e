"""The settings page (设置) is listed in the navigation for an admin only (issue 16): a county, township or viewer
account does not see it (its address still answers with the one-line refusal); a database without accounts
served on this machine alone lists it. AppTest on app.py, the navigation recorded as app.py builds it."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit
from conftest import COUNTY_A, TOWN_B1, logged_in
from streamlit.testing.v1 import AppTest
from test_login import APP, GOOD, TIMEOUT, submit

from riskdash import accounts, db


@pytest.fixture()
def listed(monkeypatch):
    """Record the pages each run of app.py passes to st.navigation: {url_path: listed in the navigation}."""
    runs: list[dict[str, bool]] = []
    real = streamlit.navigation

    def recording(pages, *args, **kwargs):
        flat = [p for section in pages.values() for p in section] if isinstance(pages, dict) else list(pages)
        runs.append({p.url_path: p.visibility != "hidden" for p in flat})
        return real(pages, *args, **kwargs)

    monkeypatch.setattr(streamlit, "navigation", recording)
    return runs


@pytest.fixture()
def with_accounts(small_db_path: Path, monkeypatch) -> Path:
    con = db.connect(small_db_path)
    try:
        for name, role, region in (("boss", "admin", None), ("jia", "county", COUNTY_A),
                                   ("nan", "township", TOWN_B1), ("kan", "viewer", COUNTY_A)):
            accounts.add_account(con, name, role, region, GOOD, actor="test", must_change_password=False)
    finally:
        con.close()
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
