"""Hints worded by role (issue 16): where a screen sends its reader to 设置 (or 数据管理) for what only an admin
may do there, an admin reads the screen's own hint and any other account is told that it is the city
administrator's (text/roles.py, i18n.set_reader); a read-only account is not told to import zero reports.
AppTest on app.py, the small city without annual targets and zero-report windows, one account of each kind;
and every text of the catalogue as a non-admin reads it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import COUNTY_A, TOWN_B1, fill_small_city, logged_in, open_page, read_shared
from campaigns_support import ZERO
from campaigns_support import open_tab as open_campaigns_tab
from rectification_support import DUE, open_tab
from streamlit.testing.v1 import AppTest
from test_login import APP, GOOD, TIMEOUT

from riskdash import accounts, i18n

ADMIN_TARGET = "可在“设置”中录入年度控制指标"
ASK_TARGET = "请市级管理员在“设置”中录入年度控制指标"


def strip_and_add_accounts(con) -> None:
    con.execute("delete from annual_targets")
    con.execute("delete from zero_reports")
    con.execute("delete from zero_report_windows")
    for name, role, region in (("boss", "admin", None), ("nan", "township", TOWN_B1),
                               ("kan", "viewer", COUNTY_A), ("shi", "city", None)):
        accounts.add_account(con, name, role, region, GOOD, actor="test", must_change_password=False)


@pytest.fixture()
def bare(request) -> Path:
    """The small city without annual targets or zero-report windows, with an admin, a township and a viewer."""
    # made once per process (an argon2 hash is ~0.2 s of CPU); the tests here log in by session state
    # (logged_in) and only read: one file for all of them (conftest.shared_database)
    return read_shared(request, fill_small_city, strip_and_add_accounts)


def _texts(at: AppTest) -> str:
    return "\n".join(str(e.value) for kind in ("caption", "info", "markdown") for e in getattr(at, kind))


def _page(name: str, account: str, path: str, lang: str = "zh", tab: int | None = None) -> str:
    """The page's words (``tab``: 隐患治理's or 专项行动's tab at that place opened first: only the open tab is
    drawn)."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.session_state["_keep_lang"] = lang
    at = open_page(path.removeprefix("pages/").removesuffix(".py"), logged_in(at, account))
    assert not at.exception
    if tab is not None:
        (open_campaigns_tab if name == "campaigns" else open_tab)(at, tab)
    return _texts(at)


@pytest.mark.parametrize(("account", "admin"), [("boss", True), ("nan", False), ("shi", False), ("kan", False)])
def test_the_missing_target_hint_by_role(bare, account, admin):
    shown = _page("overview", account, "pages/overview.py")
    assert (ADMIN_TARGET in shown, ASK_TARGET in shown) == (admin, not admin)


def test_the_missing_target_hint_in_english(bare):
    assert "annual targets are entered in Settings" in _page("overview", "boss", "pages/overview.py", "en")
    shown = _page("overview", "nan", "pages/overview.py", "en")
    assert "ask the city administrator to enter the annual targets in Settings" in shown
    assert "annual targets are entered in Settings" not in shown


def test_the_risk_weights_and_zero_report_hints_by_role(bare):
    admin = _page("priority", "boss", "pages/priority.py")
    township = _page("priority", "nan", "pages/priority.py")
    assert "权重和分级阈值可在“设置”中修改" in admin and "由市级管理员在“设置”中修改" not in admin
    assert "权重和分级阈值由市级管理员在“设置”中修改" in township and "可在“设置”中修改" not in township
    admin = _page("campaigns", "boss", "pages/campaigns.py", tab=ZERO)
    township = _page("campaigns", "nan", "pages/campaigns.py", tab=ZERO)
    viewer = _page("campaigns", "kan", "pages/campaigns.py", tab=ZERO)
    assert i18n.t("campaigns.form_no_windows", "zh") in admin
    assert i18n.t("campaigns.form_no_windows_ask", "zh") in township
    assert "请先在“设置”或“数据管理”中录入" not in township
    assert i18n.t("campaigns.form_bulk", "zh") in township  # a township imports its zero reports itself
    assert i18n.t("campaigns.form_bulk_viewer", "zh") in viewer
    assert i18n.t("campaigns.form_bulk", "zh") not in viewer


def test_every_ask_variant_has_both_languages_and_the_same_values():
    import string

    for ask, own in (("target.none_ask", "target.none"), ("priority.formula_ask", "priority.formula"),
                     ("campaigns.form_no_windows_ask", "campaigns.form_no_windows")):
        for lang in ("zh", "en"):
            fields = {f for _, f, _, _ in string.Formatter().parse(i18n.TEXT[ask][lang]) if f}
            assert fields == {f for _, f, _, _ in string.Formatter().parse(i18n.TEXT[own][lang]) if f}
        assert "管理员" in i18n.TEXT[ask]["zh"] and "administrator" in i18n.TEXT[ask]["en"]


ADMIN_ONLY_PHRASES = {"zh": ("可在“设置”", "请先在“设置”", "在“设置”中可"),
                      "en": ("editable in Settings", "switched off in Settings", "listed in Settings",
                             "entered in Settings", "add the windows first", "numbers set in Settings")}


def test_no_text_tells_a_non_admin_to_do_an_admins_task_in_settings():
    offending = [(key, lang) for key, texts in i18n.TEXT.items() for lang in ("zh", "en")
                 if any(p in i18n.ask_wording(texts[lang], lang) for p in ADMIN_ONLY_PHRASES[lang])]
    assert offending == []
    # and the admin's own wording is kept (the phrases are real: each occurs in some text)
    for lang, phrases in (("zh", ("可在“设置”中修改",)), ("en", ("editable in Settings",))):
        assert any(p in texts[lang] for texts in i18n.TEXT.values() for p in phrases)


def test_the_reader_is_set_per_page_run_and_the_command_line_reads_as_admin(bare):
    shown = _page("rectification", "nan", "pages/rectification.py", tab=DUE)
    assert "天数由市级管理员在“设置”中修改" in shown and "天数可在“设置”中修改" not in shown
    assert "天数可在“设置”中修改" in _page("rectification", "boss", "pages/rectification.py", tab=DUE)
    # the test's own thread (the command line, documents) still reads as the file's owner
    assert "可在“设置”中录入年度控制指标" in i18n.t("target.none", "zh", year=2026, region="示例市")
