"""Every table's own export (issue 17 items 10 and 11): the .xlsx a table's download button gives carries the
title, the scope and the as-of day above the table, a frozen header, fitted widths, the headers and words as on
screen, and formula-looking text neutralised; every screen offers one button per table it draws."""

from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from campaigns_support import open_tab as open_campaigns_tab
from rectification_support import open_tab
from streamlit.testing.v1 import AppTest

from riskdash import db
from riskdash.exports.tables import table_xlsx
from riskdash.screens.accidents import draw as accidents_draw
from riskdash.screens.campaigns import draw as campaigns_draw
from riskdash.screens.priority import draw as priority_draw
from riskdash.screens.rectification import draw as rectification_draw

TITLE = "逾期未销号重大隐患"
SCOPE = "范围：绿阳区 · 全部行业 · 统计期间2026年1月1日—11月28日"
AS_OF = "截至2026年11月28日"


def _sheet(frame, lang="zh"):
    book = openpyxl.load_workbook(io.BytesIO(table_xlsx(frame, TITLE, [SCOPE, AS_OF], lang)))
    assert book.sheetnames == [TITLE]
    return book[TITLE]


def test_table_workbook_has_title_scope_as_of_frozen_header_and_fitted_widths():
    frame = pd.DataFrame({"编号": ["H1", "H2"], "隐患描述": ["=cmd|' /C calc'!A0", "配电箱未接地且线路老化严重需立即整改"],
                          "整改资金（万元）": [-1.5, 12], "已挂牌督办": [True, False], "整改期限": [None, "2026年12月1日"]})
    sheet = _sheet(frame)
    assert [sheet.cell(r, 1).value for r in (1, 2, 3, 4)] == [TITLE, SCOPE, AS_OF, None]
    assert sheet["A1"].font.bold
    # the header as on screen, in Chinese, on row 5 and frozen under it
    assert [sheet.cell(5, c).value for c in range(1, 6)] == ["编号", "隐患描述", "整改资金（万元）", "已挂牌督办", "整改期限"]
    assert sheet.freeze_panes == "A6"
    rows = [[sheet.cell(r, c).value for c in range(1, 6)] for r in (6, 7)]
    # the formula-looking text starts with an apostrophe and is text; a negative number stays a number;
    # true/false read 是/否; a blank stays blank
    assert rows == [["H1", "'=cmd|' /C calc'!A0", -1.5, "是", None],
                    ["H2", "配电箱未接地且线路老化严重需立即整改", 12, "否", "2026年12月1日"]]
    assert sheet.cell(6, 2).data_type == "s"
    assert sheet.max_row == 7
    # widths: a Chinese character counts two, the floor 8, plus 2
    widths = [sheet.column_dimensions[c].width for c in "ABCDE"]
    assert widths == [8, 38, 18, 12, 15]


def test_table_workbook_in_english_and_from_a_styler():
    frame = pd.DataFrame({"Level": ["红色", "蓝色"], "Filed": [False, True]})
    sheet = _sheet(frame.style.map(lambda v: "color: red"), "en")
    assert [sheet.cell(6, c).value for c in (1, 2)] == ["红色", "No"]
    assert [sheet.cell(7, c).value for c in (1, 2)] == ["蓝色", "Yes"]


def test_a_long_text_is_capped_and_a_title_or_line_from_data_is_neutralised():
    frame = pd.DataFrame({"x": ["字" * 100]})
    book = openpyxl.load_workbook(io.BytesIO(table_xlsx(frame, "=HYPERLINK()", ["@scope"])))
    sheet = book.worksheets[0]
    assert sheet["A1"].value == "'=HYPERLINK()" and sheet["A2"].value == "'@scope"
    assert sheet.column_dimensions["A"].width == 60
    assert sheet.freeze_panes == "A5"


# ------------------------------------------------------------------------------------------ one button per table

APP = Path(__file__).resolve().parents[1] / "app.py"


# the tables whose screen offers its own file of them instead (the 隐患治理 lists' CSV and .xlsx, the 月报表, the
# weekly list, the campaigns ranking and 1+1 list): their buttons' keys
OWN_FILES = ("rect_xlsx_", "rect_form_xlsx", "rect_week_xlsx", "campaigns_xlsx", "campaigns_pairs_xlsx")


def _tables_and_buttons(at) -> tuple[int, list[str], list[str]]:
    """The tables the run drew (st.dataframe and st.table; no record card is open), the file names of the tables'
    own .xlsx buttons (keys table_xlsx_N) and the keys of the screen's own files of a table."""
    keys = [(str(b.proto.id).split("-")[-1], b) for b in at.get("download_button")]
    # the tooltip holds the file name escaped for Markdown (ui.markdown.plain): the backslashes come off here
    names = [re.sub(r"\\(.)", r"\1", b.proto.help) for key, b in keys if key.startswith("table_xlsx_")]
    own = [key for key, _ in keys if key.startswith(OWN_FILES)]
    return len(at.dataframe) + len(at.table), names, own


@pytest.fixture(scope="module")
def screens(small_city_file, tmp_path_factory):
    """Each screen's tables and buttons, on the small city as the administrator sees it (no account database)."""
    path = tmp_path_factory.mktemp("exports") / "small.duckdb"
    shutil.copyfile(small_city_file, path)
    old = os.environ.get(db.ENV_DB)
    os.environ[db.ENV_DB] = str(path)
    at = AppTest.from_file(str(APP), default_timeout=180).run()
    seen = {}
    for page in ("overview", "accidents", "rectification", "priority", "campaigns", "data"):
        if page != "overview":
            at.switch_page(f"pages/{page}.py").run()
        assert not at.exception, (page, [e.value for e in at.exception])
        seen[page] = _tables_and_buttons(at)
        if page == "accidents":
            # 事故趋势 draws its open breakdown tab alone (issue 17, speed): each tab's tables, opened in turn
            for label in [t.label for t in at.tabs]:
                at.session_state[accidents_draw.TABS_KEY] = label
                at.run()
                assert not at.exception, (label, [e.value for e in at.exception])
                seen[f"accidents/{label}"] = _tables_and_buttons(at)
            at.session_state[accidents_draw.TABS_KEY] = at.tabs[0].label
        if page == "priority":
            # 重点部位 too draws its open tab alone: the tabs with tables in the small city (the map has none, the
            # back-test too little history), each in turn, the ranking's already seen
            for place in (1, 2, 4):  # 重点部位台账, 台账漏项, 企业档案
                label = at.tabs[place].label
                at.session_state[priority_draw.TABS_KEY] = label
                at.run()
                assert not at.exception, (label, [e.value for e in at.exception])
                seen[f"priority/{label}"] = _tables_and_buttons(at)
            at.session_state[priority_draw.TABS_KEY] = at.tabs[0].label
        if page == "rectification":
            # 隐患治理 too draws its open tab alone: each of the other six tabs in turn (整改情况's already seen)
            for place in range(1, len(at.tabs)):
                label = at.tabs[place].label
                open_tab(at, place)
                seen[f"rectification/{label}"] = _tables_and_buttons(at)
            at.session_state[rectification_draw.TABS_KEY] = at.tabs[0].label
        if page == "campaigns":
            # 专项行动 too draws its open tab alone: each of the other three tabs in turn (乡镇考核's already seen)
            for place in range(1, len(at.tabs)):
                label = at.tabs[place].label
                open_campaigns_tab(at, place)
                seen[f"campaigns/{label}"] = _tables_and_buttons(at)
            at.session_state[campaigns_draw.TABS_KEY] = at.tabs[0].label
    if old is None:
        os.environ.pop(db.ENV_DB, None)
    else:
        os.environ[db.ENV_DB] = old
    return seen


@pytest.mark.parametrize("page", ["overview", "accidents", "rectification", "priority", "campaigns", "data"])
def test_every_table_on_the_screen_has_its_download(screens, page):
    for seen in [key for key in screens if key == page or key.startswith(page + "/")]:
        # 隐患治理's and 专项行动's tabs, each drawn alone, may have a single table (整改情况: its evidence figure;
        # 零报告 in the small city: its compliance, the other lists empty)
        _one_button_per_table(screens[seen], seen, 1 if seen.startswith(("rectification", "campaigns/")) else 2)


def _one_button_per_table(drawn, page, least=2):
    tables, names, own = drawn
    assert tables >= least, page  # the screen draws tables at all (the small city has rows for each)
    # one button per table: its own .xlsx, or the screen's own file of that table
    assert len(names) + len(own) == tables, (page, tables, names, own)
    # each named in Chinese for what it holds, the scope and the as-of day, none twice
    assert len(set(names)) == len(names), names
    for name in names:
        assert name.endswith("_示例市_截至2025年6月30日.xlsx") and not name.split("_")[0].isascii(), name


def test_the_tables_are_named_for_what_they_hold(screens):
    assert screens["overview"][1] == ["事故分级（本期与上年同期）_示例市_截至2025年6月30日.xlsx",
                                      "隐患分级整改情况_示例市_截至2025年6月30日.xlsx"]
    accidents = [n.split("_")[0] for n in screens["accidents"][1]]
    assert "较大及以上事故" in accidents, accidents
    assert "事故分布（按行业）" in [n.split("_")[0] for n in screens["accidents/按行业"][1]]
    assert "事故分布（按地区）" in [n.split("_")[0] for n in screens["accidents/按地区"][1]]
    tabs = [key for key in screens if key == "rectification" or key.startswith("rectification/")]
    rect = [n.split("_")[0] for key in tabs for n in screens[key][1]]
    assert {"监管检查覆盖率（分乡镇）", "监管检查覆盖率（分行业）", "重大隐患清单"} <= set(rect), rect
    # the tables a screen gives its own file of keep that file alone (no second button)
    assert {"rect_form_xlsx", "rect_week_xlsx", "rect_xlsx_overdue"} <= {k for key in tabs for k in screens[key][2]}
    tabs = [key for key in screens if key == "campaigns" or key.startswith("campaigns/")]
    assert {"campaigns_xlsx", "campaigns_pairs_xlsx"} <= {k for key in tabs for k in screens[key][2]}
