"""A choice made inside a tab drawn only while open (ui.kept_tabs, issue 17) survives opening another tab and
coming back, and the language switch: 隐患治理's 月报表 month, department filters, weekly township, views and the
row whose record is open; 重点部位's pickers, views, search and row (ui.widgets.kept, kept_row). A choice the
scope no longer offers falls back to the widget's default, without an error. No widget is given a default while
its value is also set through the Session State API (Streamlit's warning; checked with the warning switched on)."""

from __future__ import annotations

import re
import types
from datetime import date

import pytest
from conftest import (
    COUNTY_B,
    TOWN_A1,
    TOWN_A2,
    TOWN_B1,
    fill_small_city,
    open_page,
    read_shared,
)
from rectification_support import DUE, FORM, KPIS, LISTS, open_tab
from streamlit.elements.lib import policies
from streamlit.testing.v1 import AppTest
from test_rectification_metrics import add_extras

from riskdash.screens.priority import draw as priority_draw

RANKING, LEDGER, GAPS, MAP, CARD = range(5)  # 重点部位's tabs by their place
ROW = {"selection": {"rows": [0], "columns": [], "cells": []}}  # a grid's first row selected, as a click does


@pytest.fixture()
def rect_db(request):
    """The small city with test_rectification_metrics' extra hazards (shared: read only)."""
    return read_shared(request, fill_small_city, add_extras)


@pytest.fixture(autouse=True)
def state_warnings(monkeypatch) -> list[str]:
    """Streamlit's "created with a default value but also had its value set via the Session State API" warnings
    of the test's runs: Streamlit checks only under a server (runtime.exists()), here made to check each time."""
    seen: list[str] = []
    monkeypatch.setattr(policies, "runtime", types.SimpleNamespace(exists=lambda: True))
    monkeypatch.setattr(policies, "_shown_default_value_warning", False)
    monkeypatch.setattr(policies, "_LOGGER", types.SimpleNamespace(
        warning=lambda text, *args, **kwargs: seen.append(text % args)))
    yield seen
    assert seen == []


def drawn(at: AppTest) -> dict:
    """The page's own choices drawn in the open tab (not the sidebar's filters), by widget key."""
    widgets = (*at.selectbox, *at.multiselect, *at.text_input, *at.segmented_control)
    return {w.key: w.value for w in widgets if not w.key.startswith("flt_")}


def opened(at: AppTest) -> list[str]:
    """The records opened under a list: 隐患治理's hazard records, 重点部位's enterprise cards (by their ids)."""
    texts = [m.value for m in (*at.markdown, *at.caption)]
    found = (re.findall(r"(?:隐患记录：|Hazard record: )(H\w+)|[（(](E\d+)[）)] ?· ", text) for text in texts)
    return [hazard or enterprise for each in found for hazard, enterprise in each]


def switch_language(at: AppTest, lang: str) -> AppTest:
    at.sidebar.radio(key="lang").set_value(lang).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


# ---------------------------------------------------------------------------------------------- 隐患治理


def choose_rectification(at: AppTest) -> dict[int, tuple[dict, list[str]]]:
    """A choice other than the default in each of three tabs; what each tab then shows (its choices, records)."""
    open_tab(at, FORM)
    at.selectbox(key="rect_form_month").set_value(date(2025, 3, 1))
    at.segmented_control(key="rect_form_view").set_value(1).run()
    open_tab(at, LISTS)
    at.selectbox(key="rect_lists_department").set_value("应急管理")
    at.segmented_control(key="rect_list_supervised_view").set_value(2).run()
    at.session_state["rect_list_overdue_view_grid"] = ROW  # the overdue list's first row: H2
    at.run()
    open_tab(at, DUE)
    at.selectbox(key="rect_week_town").set_value(TOWN_A2)
    at.selectbox(key="rect_due_department").set_value("交通运输")
    at.segmented_control(key="rect_week_view").set_value(2).run()
    assert not at.exception, [e.value for e in at.exception]
    return {
        FORM: ({"rect_form_month": date(2025, 3, 1), "rect_form_view": 1, "rect_majors_view": 0}, []),
        LISTS: ({"rect_lists_department": "应急管理", "rect_list_overdue_view": 0, "rect_list_supervised_view": 2},
                ["H2"]),
        DUE: ({"rect_due_department": "交通运输", "rect_list_due_soon_view": 0, "rect_week_town": TOWN_A2,
               "rect_week_view": 2}, []),
    }


def test_rectification_choices_survive_another_tab_and_the_language_switch(rect_db):
    at = open_page("rectification")
    chosen = choose_rectification(at)
    assert (drawn(at), opened(at)) == chosen[DUE]
    open_tab(at, KPIS)
    assert drawn(at) == {}  # nothing of the other tabs drawn
    for tab, shown in chosen.items():
        open_tab(at, tab)
        assert (drawn(at), opened(at)) == shown, tab
    open_tab(at, FORM)  # the form is March's: its line ends at 31 March
    assert next(c.value for c in at.caption if c.value.startswith("填报单位")).endswith("截至2025年3月31日 · 全部行业")
    # the language switch on 逾期与挂牌督办, then the other tabs in English
    open_tab(at, LISTS)
    switch_language(at, "en")
    assert (drawn(at), opened(at)) == chosen[LISTS]
    for tab in (FORM, DUE, LISTS):
        open_tab(at, tab)
        assert (drawn(at), opened(at)) == chosen[tab], tab


def test_rectification_choices_no_longer_offered_fall_back(rect_db):
    at = open_page("rectification")
    chosen = choose_rectification(at)
    open_tab(at, FORM)
    assert drawn(at) == chosen[FORM][0]
    open_tab(at, LISTS)
    at.selectbox(key="rect_lists_department").set_value("").run()  # every department: H2 still open
    assert opened(at) == ["H2"]
    open_tab(at, KPIS)
    at.sidebar.selectbox(key="flt_county").set_value(COUNTY_B).run()  # 乙区: neither H2 nor 西乡
    open_tab(at, LISTS)
    assert list(at.dataframe[0].value["隐患编号"]) == ["H6"] and opened(at) == []
    open_tab(at, DUE)
    assert at.selectbox(key="rect_week_town").options == ["乙区 南街道（1） · yqnjd"]
    assert at.selectbox(key="rect_week_town").value == TOWN_B1
    # back to the whole city: H2 is listed again, but the row was let go when the list no longer held it
    at.sidebar.selectbox(key="flt_county").set_value("").run()
    open_tab(at, LISTS)
    assert at.dataframe[0].value["隐患编号"].iloc[0] == "H2"
    assert opened(at) == [] and any("选中一行" in c.value for c in at.caption)
    # the period January–February: March is no longer a month of the form
    open_tab(at, KPIS)
    at.sidebar.selectbox(key="flt_preset").set_value("custom").run()
    at.sidebar.date_input(key="flt_end").set_value(date(2025, 2, 28)).run()
    assert not at.exception, [e.value for e in at.exception]
    open_tab(at, FORM)
    month = at.selectbox(key="rect_form_month")
    assert (month.options, month.value) == (["2025年1月", "2025年2月"], date(2025, 2, 1))  # the default: the latest
    assert drawn(at) == {"rect_form_month": date(2025, 2, 1), "rect_form_view": 1}  # no major hazard by February


def _default_set_twice() -> None:
    import streamlit as st

    st.session_state["month"] = 3
    st.selectbox("Month", [1, 2, 3], index=1, key="month")


def test_the_warning_check_sees_a_default_set_twice(state_warnings):
    """The check above can fail: a widget given a default and a value through the Session State API warns."""
    at = AppTest.from_function(_default_set_twice).run()
    assert at.selectbox(key="month").value == 3
    assert state_warnings == [('The widget with key "month" was created with a default value but also had its '
                               'value set via the Session State API.')]
    state_warnings.clear()


# ---------------------------------------------------------------------------------------------- 重点部位


def priority_tab(at: AppTest, tab: int) -> AppTest:
    at.session_state[priority_draw.TABS_KEY] = at.tabs[tab].label
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def choose_priority(at: AppTest) -> dict[int, tuple[dict, list[str]]]:
    at.multiselect(key="priority_levels").set_value(["red", "orange", "yellow"])
    at.selectbox(key="priority_rows").set_value(100).run()
    at.session_state[priority_draw.RANK_TABLE_KEY] = ROW  # the ranking's first: 西乡运输 E3
    at.run()
    priority_tab(at, LEDGER)
    at.selectbox(key="priority_ledger_town").set_value(TOWN_A1)
    at.selectbox(key="priority_ledger_department").set_value("应急管理")
    at.segmented_control(key="priority_ledger_view").set_value(2).run()
    priority_tab(at, GAPS)
    at.segmented_control(key="priority_gap_not_in_place_view").set_value(1).run()
    priority_tab(at, CARD)
    at.text_input(key="priority_card_search").set_value("东镇").run()
    at.selectbox(key="priority_card").set_value("E1").run()
    assert not at.exception, [e.value for e in at.exception]
    return {
        RANKING: ({"priority_levels": ["red", "orange", "yellow"], "priority_rows": 100}, ["E3"]),
        LEDGER: ({"priority_ledger_town": TOWN_A1, "priority_ledger_department": "应急管理",
                  "priority_ledger_view": 2}, []),
        GAPS: ({"priority_gap_not_in_place_view": 1, "priority_gap_not_filed_view": 0}, []),
        CARD: ({"priority_card_search": "东镇", "priority_card": "E1"}, ["E1"]),
    }


def test_priority_choices_survive_another_tab_and_the_language_switch(read_city):
    at = open_page("priority")
    chosen = choose_priority(at)
    assert (drawn(at), opened(at)) == chosen[CARD]
    priority_tab(at, MAP)
    assert drawn(at) == {}
    for tab, shown in chosen.items():
        priority_tab(at, tab)
        assert (drawn(at), opened(at)) == shown, tab
    switch_language(at, "en")  # on the card
    assert (drawn(at), opened(at)) == chosen[CARD]
    for tab in (RANKING, LEDGER, GAPS):
        priority_tab(at, tab)
        assert (drawn(at), opened(at)) == chosen[tab], tab


def test_priority_choices_no_longer_offered_fall_back(read_city):
    at = open_page("priority")
    chosen = choose_priority(at)
    priority_tab(at, LEDGER)
    assert drawn(at) == chosen[LEDGER][0]
    priority_tab(at, MAP)
    at.sidebar.selectbox(key="flt_county").set_value(COUNTY_B).run()  # 乙区: neither 东镇 nor 西乡运输
    assert not at.exception, [e.value for e in at.exception]
    priority_tab(at, LEDGER)
    # every township of 乙区, 应急管理's sites among them: none (南街道's 商场 is 消防救援's), no views drawn
    assert drawn(at) == {"priority_ledger_town": "", "priority_ledger_department": "应急管理"}
    assert at.selectbox(key="priority_ledger_town").options == ["全部乡镇（街道）", "南街道（0） · njd"]
    priority_tab(at, RANKING)
    assert opened(at) == [] and any("选中一行" in c.value for c in at.caption)
    priority_tab(at, CARD)  # the search kept finds nothing in 乙区: said so, no card
    assert drawn(at) == {"priority_card_search": "东镇"} and opened(at) == []
