"""零报告 form by role (issue 16): a read-only account is refused every write, so it is not shown the form but a
line naming the roles that may submit (from the one table of role rights, accounts.ROLES); every writing role
sees the form. AppTest on app.py, the small city with its zero-report windows, one account of each role."""

from __future__ import annotations

from pathlib import Path

import pytest
from campaigns_support import ZERO, open_tab
from conftest import COUNTY_A, TOWN_A1, fill_small_city, logged_in, open_page, read_shared
from streamlit.testing.v1 import AppTest
from test_campaigns_scorecard import fill_campaigns
from test_login import APP, GOOD, TIMEOUT

from riskdash import accounts

ACCOUNTS = {"boss": ("admin", None), "shi": ("city", None), "xian": ("county", COUNTY_A),
            "zhen": ("township", TOWN_A1), "kan": ("viewer", COUNTY_A)}
# written out by hand from product.md's five roles: all but the viewer record zero reports
WRITERS = {"zh": "零报告由以下账号填报：管理员、市级、县级、乡镇。",
           "en": "Zero reports are submitted by these accounts: Administrator, City, County, Township."}


def add_accounts(con) -> None:
    for name, (role, region) in ACCOUNTS.items():
        accounts.add_account(con, name, role, region, GOOD, actor="test", must_change_password=False)


@pytest.fixture()
def city(request) -> Path:
    # five argon2 hashes (~0.2 s of CPU each) made once per process, not per test; the tests here log in by
    # session state (logged_in) and only read: one file for all of them (conftest.shared_database)
    return read_shared(request, fill_small_city, fill_campaigns, add_accounts)


def _campaigns(account: str, lang: str = "zh") -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.session_state["_keep_lang"] = lang
    at = open_page("campaigns", logged_in(at, account))
    assert not at.exception, at.exception
    return open_tab(at, ZERO)  # the form's tab (only the open tab is drawn, issue 17)


def _infos(at: AppTest) -> str:
    return "\n".join(str(e.value) for e in at.info)


@pytest.mark.parametrize("account", list(ACCOUNTS))
def test_the_form_is_shown_to_every_role_that_may_write(city, account):
    at = _campaigns(account)
    submit = [b.label for b in at.button if b.proto.is_form_submitter and b.label == "提交报告"]
    writes = ACCOUNTS[account][0] != "viewer"
    assert (submit == ["提交报告"]) == writes
    assert (WRITERS["zh"] in _infos(at)) == (not writes)
    if not writes:
        assert not any(s.key == "campaigns_form_window" for s in at.selectbox)
        assert "本账号为只读账号，不显示零报告填报表。" in _infos(at)


def test_the_viewer_line_in_english(city):
    at = _campaigns("kan", "en")
    assert WRITERS["en"] in _infos(at)
    assert not [b for b in at.button if b.proto.is_form_submitter and b.label == "Submit report"]
    assert [b for b in _campaigns("zhen", "en").button if b.label == "Submit report"]
