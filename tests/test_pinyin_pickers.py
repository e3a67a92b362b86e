"""The township pickers beyond the sidebar and 数据管理 also find a township by its pinyin initials (issue 17
item 11): 重点部位's ledger township, 隐患治理's weekly list township and 专项行动's pickers carry the
initials in their labels (Streamlit's select filters on the label)."""

from __future__ import annotations

from rectification_support import DUE, open_tab
from test_priority_page import LEDGER, app_db, start  # noqa: F401 (fixture)
from test_rectification_screen import rect_db  # noqa: F401 (fixture)
from test_rectification_screen import start as start_rectification

from riskdash.screens.priority.draw import LEDGER_TOWN_KEY


def test_the_ledger_township_is_found_by_initials(app_db):  # noqa: F811
    at = start(LEDGER)
    options = at.selectbox(key=LEDGER_TOWN_KEY).options
    assert options[0] and all(" · " in o for o in options[1:]) and len(options) > 1
    assert any(o.startswith("东镇（") and o.endswith(" · dz") for o in options)


def test_the_weekly_township_is_found_by_initials(rect_db):  # noqa: F811
    at = open_tab(start_rectification(), DUE)  # only the open tab is drawn
    options = at.selectbox(key="rect_week_town").options
    assert options == ["甲县 东镇（2） · jxdz", "甲县 西乡（1） · jxxx", "乙区 南街道（1） · yqnjd"]
