"""ui.widgets.measured_apart (issue 17 item 7, in English): the cells of mostly narrow characters that must wrap are
measured apart from the Chinese ones (a Styler's font-weight: 400), so the grid wraps English instead of cutting it;
the browser test tests/test_fit_english_grid_browser.py shows what the grid draws."""

from __future__ import annotations

import pandas as pd

from riskdash.ui import widgets
from riskdash.ui.widgets import APART_CSS, fitted, measured_apart, narrow


def styles(styler) -> dict[tuple[int, int], list]:
    styler._compute()
    return {cell: css for cell, css in styler.ctx.items() if css}


def test_narrow_text_is_mostly_narrow_characters():
    assert narrow("Industry and trade") and narrow("2026-02-16 — 2026-02-22") and narrow("1 hazard (挂牌督办)")
    assert not narrow("城关街道（黄溪区）") and not narrow("近3年事故死亡6人") and not narrow("工贸行业 trade")


def test_only_the_english_cells_too_wide_for_their_column_are_measured_apart():
    frame = pd.DataFrame({
        "Enterprise": ["临门宏达食品有限公司", "太门凯达精细化工有限公司", "东林镇"],
        "Sector": ["Industry and trade", "Construction", "Fire (crowded places)"],
        "Score": [61.256, 0.5, 12.0],
        "Employees": [83, 1606, 19],
    })
    drawn = measured_apart(frame, {"Enterprise": 100, "Sector": 120, "Score": 60, "Employees": 60}, wraps=True)
    assert drawn is not frame
    # "Industry and trade" and "Fire (crowded places)" need more than 120 px, "Construction" not;
    # the Chinese names, though wider, keep the grid's own font
    assert styles(drawn) == {(0, 1): [tuple(APART_CSS.split(": "))], (2, 1): [tuple(APART_CSS.split(": "))]}
    # the Styler draws floats as the grid does without one, not with six decimals
    drawn._compute()
    shown = drawn._translate(False, False)["body"]
    assert [row[3]["display_value"] for row in shown] == ["61.256", "0.5", "12"]


def test_nothing_changes_where_rows_do_not_wrap_or_nothing_needs_it():
    frame = pd.DataFrame({"Sector": ["Industry and trade"], "Name": ["临门宏达食品有限公司"]})
    assert measured_apart(frame, {"Sector": 60, "Name": 60}, wraps=False) is frame
    assert measured_apart(frame, {"Sector": 200, "Name": 60}, wraps=True) is frame
    many = pd.DataFrame({"Sector": ["Industry and trade"] * (widgets.APART_MAX_ROWS + 1)})
    assert measured_apart(many, {"Sector": 60}, wraps=True) is many


def test_a_styler_keeps_its_own_styles_and_formats():
    frame = pd.DataFrame({"Level": ["Red alert", "Close attention"], "Score": [61.256, 40.0]})
    styler = frame.style.format(precision=2).map(lambda v: "color: #ffffff", subset=["Level"])
    drawn = measured_apart(styler, {"Level": 100}, wraps=True)
    css = styles(drawn)
    assert css[(0, 0)] == [("color", "#ffffff")]  # "Red alert" fits in 100 px
    assert css[(1, 0)] == [("color", "#ffffff"), tuple(APART_CSS.split(": "))]
    assert drawn._translate(False, False)["body"][0][2]["display_value"] == "61.26"


def test_fitted_measures_what_fit_sized():
    # the ranking's English reasons in a table that must fit the page at 1024 px: they wrap, and are measured apart
    frame = pd.DataFrame({"Enterprise": ["临门宏达食品有限公司"] * 2,
                          "Reasons": ["6 death(s) (incl. missing) in the last 3 years; 586 days since the last "
                                      "supervisory inspection; Sector: Industry and trade (inherent risk 2)"] * 2})
    drawn, sized = fitted(frame)
    assert sized["row_height"] > widgets.ROW_PX
    assert set(styles(drawn)) == {(0, 1), (1, 1)}
    # the Chinese as before: the grid wraps them itself
    reasons = "；".join(["近3年事故死亡（含失踪）6人", "距上次监管检查586天"] * 6)
    chinese = pd.DataFrame({"企业名称": ["临门宏达食品有限公司"] * 2, "主要理由": [reasons] * 2})
    drawn, sized = fitted(chinese)
    assert sized["row_height"] > widgets.ROW_PX and drawn is chinese
