"""The top of every chart (issue 17 item 5), without a browser: the title on as many lines as the narrowest chart
needs, its first line clear of the modebar; the legend in a band of its own under the title, placed in the chart's
coordinates so that Plotly keeps the plot below its last row; the top margin down to the legend's rows and any
label on the plot's top edge; exports fitted to their own size. tests/test_chart_legend_browser.py measures the
drawn boxes in Chromium."""

from __future__ import annotations

import json
from datetime import date

import kaleido
import pandas as pd
import plotly.graph_objects as go
import pytest
from test_charts_text import figures as escaped_figures

from riskdash import charts
from riskdash.briefing.content import ChartSpec
from riskdash.filters import Filters
from riskdash.screens.accidents import charts as accidents
from riskdash.screens.priority import charts as priority

FILTERS = Filters(date(2026, 1, 1), date(2026, 10, 31), "419900000000", date(2026, 10, 31))
ROOM = charts.NARROW_CHART_PX - 2 * charts.TITLE_LEFT  # a title line's room on the narrowest chart
FIRST_ROOM = ROOM - charts.MODEBAR_PX  # the first line's, beside the modebar

LONG_EN = charts.chart_title("Township assessment score · the last 15 of 60 (all in the table below)", FILTERS,
                             "云川市（演示）", "en")
ONE_LONG_PART = charts.chart_title("Townships with the most red-alert and close-attention enterprises", FILTERS,
                                   "云川市（演示）", "en")
SHORT_ZH = charts.chart_title("事故起数按月统计", FILTERS, "云川市（演示）", "zh")


def bars(names: list[str], title: str = SHORT_ZH, height: int = 420) -> go.Figure:
    fig = go.Figure([go.Bar(x=["甲", "乙"], y=[1, 2], name=name) for name in names])
    return charts.style(fig, title, y_title="起", height=height)


def legend_top(fig: go.Figure) -> float:
    """The legend's top edge, px from the chart's top (it is placed in the chart's coordinates, anchored at its top)."""
    assert fig.layout.legend.yref == "container" and fig.layout.legend.yanchor == "top"
    return (1 - fig.layout.legend.y) * fig.layout.height


# ---- the title's lines ------------------------------------------------------------------------------------------

def test_a_short_measure_and_its_scope_are_two_lines_the_scope_small():
    assert charts.title_lines(SHORT_ZH) == [
        ("事故起数按月统计", False), ("2026年1—10月 · 云川市（演示） · 数据截至2026年10月31日", True)]
    assert charts.title_html(SHORT_ZH) == ('事故起数按月统计<br><span style="font-size:13px">2026年1—10月 · '
                                           '云川市（演示） · 数据截至2026年10月31日</span>')


@pytest.mark.parametrize("title", [LONG_EN, ONE_LONG_PART])
def test_a_long_measure_wraps_its_first_line_clear_of_the_modebar_and_keeps_every_word(title):
    lines = charts.title_lines(title)
    first, *rest = lines
    assert charts.text_px(first[0], charts.TITLE_PX) <= FIRST_ROOM and not first[1]
    for text, small in rest:
        assert charts.text_px(text, charts.SCOPE_PX if small else charts.TITLE_PX) <= ROOM
    assert len(lines) == 3  # wrapped once: measure (or its first words), the rest, the scope
    words = " ".join(text.replace(" · ", " ") for text, _ in lines).split()
    assert words == title.replace(" · ", " ").split()


def test_the_qualifier_of_a_measure_is_small_and_the_measure_itself_stays_large():
    assert charts.title_lines(LONG_EN)[:2] == [("Township assessment score", False),
                                               ("the last 15 of 60 (all in the table below)", True)]
    # one part too long for the first line: cut after a word, the rest at the measure's size
    assert [small for _, small in charts.title_lines(ONE_LONG_PART)] == [False, False, True]


def test_a_wide_chart_keeps_the_long_title_on_fewer_lines():
    assert len(charts.title_lines(LONG_EN, width=1400)) == 2


def test_every_line_of_the_title_is_escaped():
    title = charts.chart_title("事故起数 · <b>很长的限定语</b>" * 3, FILTERS, "云川市<a href=x>", "zh")
    html = charts.title_html(title)
    assert "<b>" not in html and "<a " not in html and "&lt;a href=x&gt;" in html
    assert html.count("<br>") == len(charts.title_lines(title)) - 1


# ---- the legend's rows ------------------------------------------------------------------------------------------

def test_a_legend_wraps_into_more_rows_on_a_narrower_plot():
    names = [f"Statistical class number {i}" for i in range(7)]
    assert charts.legend_rows([], 600) == 0
    assert charts.legend_rows(["本期", "上年同期"], 500) == 1
    rows = [charts.legend_rows(names, room) for room in (1800, 1100, 600, 300)]
    assert rows == sorted(rows) and rows[0] == 1 and rows[-1] == len(names)  # one a row when only one fits


def test_legend_names_are_the_entries_plotly_shows():
    fig = go.Figure([go.Bar(y=[1], name="甲"), go.Scatter(y=[1], name="乙", showlegend=False),
                     go.Bar(y=[2], name="丙")])
    assert charts.legend_names(fig) == ["甲", "丙"]
    assert charts.legend_names(go.Figure(go.Bar(y=[1], name="alone"))) == []  # one entry: Plotly shows no legend
    assert charts.legend_names(go.Figure(go.Bar(y=[1], name="a&amp;b"), layout={"showlegend": True})) == ["a&b"]


# ---- the bands ---------------------------------------------------------------------------------------------------

def test_the_legend_starts_under_the_title_and_the_plot_under_the_legend():
    plain = bars(["本期"])  # no legend
    two = bars(["本期", "上年同期"])
    three_lines = bars(["本期", "上年同期"], title=LONG_EN)
    line = charts.LINE_SPACING * charts.TITLE_PX
    row = charts.LINE_SPACING * charts.FONT_PX
    assert legend_top(two) > charts.TOP_PAD + 2 * charts.SCOPE_PX  # under the title's two lines
    assert two.layout.margin.t >= legend_top(two) + row + charts.PLOT_GAP  # the plot under one row of legend
    assert plain.layout.margin.t <= two.layout.margin.t - row  # no legend: no band for it
    assert legend_top(three_lines) - legend_top(two) == pytest.approx(line, abs=1)  # one more title line
    assert three_lines.layout.margin.t - two.layout.margin.t == pytest.approx(line, abs=1)


def test_the_legend_stands_at_the_same_place_whatever_the_height():
    assert legend_top(bars(["本期", "上年同期"], height=300)) == pytest.approx(
        legend_top(bars(["本期", "上年同期"], height=900)))


def test_the_top_margin_grows_with_the_legends_rows():
    names = [f"Statistical class number {i}" for i in range(7)]
    narrow, wide = bars(names), charts.fit_top(bars(names), width=1800)
    assert legend_top(narrow) == pytest.approx(legend_top(wide))
    rows = charts.legend_rows(names, charts.LEGEND_CHART_PX - 90)  # counted on screen at LEGEND_CHART_PX
    assert rows > 1
    assert narrow.layout.margin.t - wide.layout.margin.t == pytest.approx(
        (rows - 1) * (charts.LINE_SPACING * charts.FONT_PX + 2.2), abs=1)


def test_with_a_label_on_the_plots_top_edge_the_legends_rows_are_counted_on_the_narrowest_chart():
    """Plotly pushes the plot under a legend that takes more rows than counted, but not a label standing on the
    plot's top edge: with one, the rows are counted at the narrowest chart's width."""
    names = [f"Statistical class number {i}" for i in range(7)]
    fig = bars(names)
    fig.add_vline(x=0.5, annotation_text="合格线 60", annotation_position="top")
    charts.fit_top(fig)
    assert fig.layout.margin.t == charts.fit_top(go.Figure(fig), width=charts.NARROW_CHART_PX).layout.margin.t
    assert charts.legend_rows(names, charts.NARROW_CHART_PX - 90) > charts.legend_rows(
        names, charts.LEGEND_CHART_PX - 90)


def test_a_label_on_the_plots_top_edge_gets_room_under_the_legend():
    fig = bars(["本期", "上年同期"])
    before = fig.layout.margin.t
    fig.add_vline(x=0.5, annotation_text="合格线 60", annotation_position="top", annotation_font_size=14)
    charts.fit_top(fig)
    assert fig.layout.margin.t - before >= charts.LINE_SPACING * 14
    fig.add_hline(y=1, annotation_text="目标", annotation_position="top left")  # inside the plot: no room taken
    assert charts.fit_top(fig).layout.margin.t == fig.layout.margin.t


def test_a_horizontal_bar_charts_labels_narrow_the_legends_room():
    names = ["Relatively major or worse accidents", "With deaths", "By chance", "Expected by chance over three years"]
    labels = ["城关街道（绿营区）经济技术开发区城关街道（绿营区）经济技术开发区"] * 3
    fig = go.Figure([go.Bar(y=labels, x=[1, 2, 3], orientation="h", name=name) for name in names])
    plain = go.Figure([go.Bar(y=["甲", "乙", "丙"], x=[1, 2, 3], orientation="h", name=name) for name in names])
    assert charts.style(fig, SHORT_ZH).layout.margin.t > charts.style(plain, SHORT_ZH).layout.margin.t


# ---- every builder ------------------------------------------------------------------------------------------------

def more_figures():
    title = charts.chart_title("Accidents", FILTERS, "云川市", "en")
    months = pd.DataFrame({"label": ["Jan", "Feb", "Mar"], "value": [3, 0, 5], "expected": [2.0, 2.0, 2.0],
                           "upper": [6.0, 6.0, 6.0], "lower": [0.0, 0.0, 0.0], "is_above": [False, False, False],
                           "is_below": [False, False, False]})
    yield "control_chart", accidents.control_chart(months, title, "accidents", "Accidents", "en")
    yield "cumulative_lines", accidents.cumulative_lines(
        pd.DataFrame({"month": [1, 2], "current": [3, 5], "previous": [2, 6], "is_partial": [False, False]}),
        title, "accidents", 2026, 40, "en")
    classes = pd.DataFrame({"label": ["Jan", "Feb"], **{f"Class {i} of the statistics": [i, 1] for i in range(7)}})
    yield "class_lines", accidents.class_lines(classes, title, "accidents", "en")
    yield "backtest_bars", priority.backtest_bars(
        pd.DataFrame({"as_of": [date(2024, 11, 28), date(2025, 11, 28)], "larger_share": [0.5, None],
                      "death_share": [0.3, 0.2], "chance_share": [0.1, 0.1]}),
        charts.chart_title("Share of the following year's accidents at the top 10 %", FILTERS, "云川市", "en"), "en")
    yield "chart_spec", ChartSpec("column", SHORT_ZH, ("1月", "2月"), (("本期", (1, 2)), ("上年同期", (2, 1))),
                                  "人").figure()


ALL = [*escaped_figures(), *more_figures()]


@pytest.mark.parametrize(("name", "fig"), ALL, ids=[name for name, _ in ALL])
def test_no_builder_moves_the_title_legend_or_plot_after_the_house_style(name, fig):
    """Each builder's figure is as ``fit_top`` leaves it: no builder sets the top margin or the legend's place
    after ``charts.style`` (the per-chart overrides that put the legend over the title are gone)."""
    legend, margin_t = fig.layout.legend, fig.layout.margin.t
    assert (legend.xref, legend.x, legend.xanchor, legend.yref, legend.yanchor) == (
        None, 0, "left", "container", "top")  # x in the plot's coordinates (Plotly's default xref "paper")
    again = charts.fit_top(go.Figure(fig))
    assert again.layout.margin.t == margin_t and again.layout.legend.y == pytest.approx(legend.y)
    # the chart's top left corner (Plotly's default yref "container")
    assert (fig.layout.title.yref, fig.layout.title.y, fig.layout.title.yanchor, fig.layout.title.xanchor) == (
        None, 1, "top", "left")


# ---- exports -------------------------------------------------------------------------------------------------------

def test_an_export_is_fitted_to_its_own_size_and_the_figure_is_left_as_it_was(monkeypatch):
    names = [f"Statistical class number {i}" for i in range(7)]
    fig = bars(names)
    before = fig.to_plotly_json()
    drawn: list[go.Figure] = []
    monkeypatch.setattr(charts, "start_renderer", lambda: None)
    monkeypatch.setattr(go.Figure, "to_image", lambda self, **options: drawn.append(self) or b"png")
    assert charts.to_png(fig, width=1800, height=600) == b"png"
    assert fig.to_plotly_json() == before
    (png,) = drawn
    assert (1 - png.layout.legend.y) * 600 == pytest.approx(legend_top(fig))  # the same place at its height
    assert png.layout.margin.t < fig.layout.margin.t  # fewer legend rows on the wider PNG

    written: list[dict] = []

    def write(specs, cancel_on_error):
        for spec in specs:
            written.append(spec)
            spec["path"].write_bytes(b"png")

    monkeypatch.setattr(kaleido, "write_fig_from_object_sync", write)
    assert charts.to_pngs([fig], width=1800, height=600) == [b"png"]
    layout = json.loads(json.dumps(written[0]["fig"]["layout"], default=str))
    assert layout["legend"]["y"] == pytest.approx(png.layout.legend.y)
    assert layout["margin"]["t"] == png.layout.margin.t
