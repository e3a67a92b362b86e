"""Every table's own export (issue 17 items 10 and 11): the .xlsx a table's download button gives carries the
title, the scope and the as-of day above the table, a frozen header, fitted widths, the headers and words as on
screen, and formula-looking text neutralised; every screen offers one button per table it draws."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from riskdash.exports.tables import table_xlsx

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

