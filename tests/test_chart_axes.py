"""The house style's axis helpers (issue 17 item 5): whole ticks for counts, a zoomed rate axis that says so,
ticks turned only when they would overlap; and the briefing's chart specifications use them."""

from __future__ import annotations

from riskdash import charts
from riskdash.briefing.content import ChartSpec


def test_count_step_is_whole_and_gives_few_ticks():
    assert [charts.count_step(m) for m in (0, 1, 3, 6, 7, 12, 13, 40, 100, 28768)] == [1, 1, 1, 1, 2, 2, 5, 10, 20, 5000]


def test_zoom_floor_starts_below_the_lowest_value_and_keeps_the_pass_line():
    assert charts.zoom_floor([93.2, 99.0]) == 90.0
    assert charts.zoom_floor([90.5, 99.0]) == 85.0  # the lowest bar keeps a visible length
    assert charts.zoom_floor([93.0], keep=60) == 55.0
    assert charts.zoom_floor([12.0, 99.0]) == 0.0  # near the bottom anyway: from 0
    assert charts.zoom_floor([]) == 0.0


def test_a_zoomed_axis_says_so_in_both_languages():
    assert charts.zoomed_title("整改率（%）", 90.0, "%", "zh") == "整改率（%，纵轴自90%起）"
    assert charts.zoomed_title("整改率", 90.0, "%", "zh", axis="x") == "整改率（横轴自90%起）"
    assert charts.zoomed_title("Rate (%)", 90.0, "%", "en") == "Rate (%, axis starts at 90%)"
    assert charts.zoomed_title("整改率（%）", 0.0, "%", "zh") == "整改率（%）"


def test_ticks_turn_only_when_they_would_overlap():
    assert charts.tick_angle(["周一", "周二", "周三"]) == 0
    assert charts.tick_angle([f"2025-{m:02d}" for m in range(1, 13)] * 2) == -45
    assert charts.tick_angle(["消防（人员密集场所）"] * 14) == -45


def test_briefing_chart_specs_count_in_whole_numbers():
    column = ChartSpec("column", "事故起数 · 2025年1—6月 · 示例市 · 数据截至2025年6月30日", ("1月", "2月"),
                       (("2025年", (1, 0)),), "起")
    fig = column.figure()
    assert (fig.layout.yaxis.tick0, fig.layout.yaxis.dtick, fig.layout.yaxis.tickformat) == (0, 1, ",d")
    stacked = ChartSpec("bar", "t", ("甲", "乙"), (("红", (5, 1)), ("橙", (3, 0))), "家", stacked=True)
    assert stacked.figure().layout.xaxis.dtick == 2  # the stack reaches 8
    rate = ChartSpec("column", "t", ("甲",), (("率", (95.5,)),), "%", value_max=100)
    assert rate.figure().layout.yaxis.dtick is None  # a rate keeps its own ticks


def test_briefing_rate_charts_zoom_where_the_bars_differ_and_say_so():
    """The slide's, the presentation's and the 通报's rate-by-township chart (issue 17 item 5): 93–99 % bars on a
    0–100 axis said nothing; the axis starts at zoom_floor and its title says from where, in both languages."""
    wall = ChartSpec("bar", "t", ("甲", "乙"), (("整改率", (93.2, 99.0)),), "整改率（%）", value_max=100)
    fig = wall.figure()
    assert fig.layout.xaxis.range == (90.0, 100)
    assert fig.layout.xaxis.title.text == "整改率（%，横轴自90%起）"
    assert wall.value_axis() == (90.0, 100, "整改率（%，横轴自90%起）")
    english = ChartSpec("bar", "t", ("A", "B"), (("Rate", (93.2, 99.0)),), "Rate (%)", value_max=100, lang="en")
    assert english.value_axis() == (90.0, 100, "Rate (%, axis starts at 90%)")
    low = ChartSpec("bar", "t", ("甲", "乙"), (("整改率", (12.0, 99.0)),), "整改率（%）", value_max=100)
    assert low.figure().layout.xaxis.range == (0.0, 100) and low.value_axis()[2] == "整改率（%）"
    counts = ChartSpec("column", "t", ("1月",), (("起数", (3,)),), "起")
    assert counts.value_axis() == (0.0, None, "起")  # counts always from 0
    line = ChartSpec("line", "t", ("1月",), (("起数", (3,)),), "起")
    assert line.value_axis() == (None, None, "起")


def test_briefing_bars_carry_their_values_at_the_axis_size():
    """Nobody hovers over a projected slide or a printed 通报: every bar says its value (a rate with its %,
    counts with separators, no label on an empty segment of a stack), at the ticks' size."""
    rate = ChartSpec("bar", "t", ("甲", "乙"), (("整改率", (93.2, 99.0)),), "整改率（%）", value_max=100).figure()
    assert rate.data[0].text == ("93.2%", "99.0%") and rate.data[0].textposition == "outside"
    assert rate.data[0].textfont.size == charts.FONT_PX
    stacked = ChartSpec("bar", "t", ("甲", "乙"), (("红", (1200, 1)), ("橙", (3, 0))), "家", stacked=True).figure()
    assert [t.text for t in stacked.data] == [("1,200", "1"), ("3", "")]
    assert stacked.data[0].textposition == "inside"
    scores = ChartSpec("bar", "t", ("甲", "乙", "丙"), (("得分", (87.5, 90.0, 1234567.25)),), "分").figure()
    assert scores.data[0].text == ("87.5", "90", "1,234,567.25")
    line = ChartSpec("line", "t", ("1月",), (("起数", (3,)),), "起").figure()
    assert line.data[0].text is None


def test_data_labels_are_at_the_axis_size_and_never_shrunk():
    import pandas as pd

    from riskdash.screens.accidents import charts as accidents

    bars = accidents.comparison_bars(pd.DataFrame({"name": ["工贸", "煤矿"], "current": [30, 3],
                                                   "previous": [34, 2]}), "t", "起", "zh")
    labelled = bars.data[1]
    assert (labelled.textfont.size, labelled.constraintext) == (13, "none")
    assert bars.layout.font.size == 13  # the axis' size
    counts = accidents.count_bars(["周一"], [3], "t", "起", "星期")
    assert (counts.data[0].textfont.size, counts.data[0].constraintext) == (13, "none")
