"""Names from the data are drawn by Plotly as the characters they are: Plotly reads a subset of HTML in every
text it draws (<a href> becomes a link, <b> and <br> take effect), so every chart builder passes its figure
through charts.escape_text (called by charts.style). Each builder is given a name carrying a link, and the
figure's JSON must hold no raw '<a ' and the name, escaped, wherever it is drawn."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from riskdash import charts
from riskdash.screens.campaigns import charts as campaigns
from riskdash.screens.priority import charts as priority
from riskdash.screens.rectification import charts as rectification
from riskdash.screens.accidents import charts as accidents
from riskdash.filters import Filters

EVIL = '<a href="http://evil.example">x</a>'
SHOWN = '&lt;a href="http://evil.example"&gt;x&lt;/a&gt;'  # what Plotly draws as the text EVIL
TOWN = f"东乡{EVIL}镇"
FILTERS = Filters(date(2025, 1, 1), date(2025, 6, 30), "419900000000", date(2025, 6, 30))
REGION = f"云川市{EVIL}"


def test_plain_text_escapes_the_three_characters_and_nothing_else():
    assert charts.plain_text('a & b <i> "c" \'d\' &amp;') == 'a &amp; b &lt;i&gt; "c" \'d\' &amp;amp;'
    assert charts.plain_text("东乡镇 · 2025年") == "东乡镇 · 2025年"


def figures():
    title = charts.chart_title("事故起数", FILTERS, REGION)
    yield "trend_bars", accidents.trend_bars(
        pd.DataFrame({"label": ["1月", "2月"], "value": [1, 2], "is_partial": [False, True]}), title, "起", "zh")
    yield "comparison_bars", accidents.comparison_bars(
        pd.DataFrame({"name": [TOWN, "西乡"], "previous": [1, 0], "current": [2, 1], "key": ["4199A", "4199B"]}),
        title, "起", "zh")
    yield "count_bars", accidents.count_bars([TOWN, "周二"], [3, 4], title, "起", EVIL)
    yield "rate_by_township_bars", rectification.rate_by_township_bars(
        pd.DataFrame({"region_code": ["4199A", "4199B"], "township_label": [TOWN, "西乡"], "found": [4, 2],
                      "rate": [0.5, 1.0], "rectified": [2, 2]}),
        FILTERS, REGION, "zh")
    yield "found_by_sector_bars", rectification.found_by_sector_bars(
        pd.DataFrame({"found": [3, 1], "overdue": [1, 0]}), [f"工贸{EVIL}", "危化"], FILTERS, REGION, "zh")
    yield "township_score_bars", campaigns.township_score_bars(
        {"townships": [{"region_code": "4199A", "name": TOWN, "score": 80.0, "result": "passed", "vetoed": False},
                       {"region_code": "4199B", "name": "西乡", "score": 50.0, "result": "failed", "vetoed": True}]},
        60.0, FILTERS, REGION, "zh")
    scores = pd.DataFrame({"name": [f"企业{EVIL}"], "score": [32.1], "region_name": [TOWN], "longitude": [113.0],
                           "latitude": [34.0], "level": ["red"]})
    outline = {"features": [{"properties": {"name": TOWN},
                             "geometry": {"coordinates": [[[113, 34], [113.1, 34], [113.1, 34.1], [113, 34]]]}}]}
    yield "risk_map", priority.risk_map(scores, title, "zh", outline)
    yield "red_orange_by_township_bars", priority.red_orange_by_township_bars(
        pd.DataFrame({"region_code": ["4199A"], "name": [TOWN], "red": [1], "orange": [2]}), title, "zh")


@pytest.mark.parametrize(("name", "fig"), list(figures()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_builder_draws_a_name_from_the_data_as_text(name, fig):
    text = json.dumps(json.loads(fig.to_json()), ensure_ascii=False)  # Plotly's JSON writes < as \u003c
    assert "<a " not in text
    assert SHOWN.replace('"', '\\"') in text  # drawn, escaped (the title holds the region's name at least)


def test_the_name_is_escaped_where_it_is_drawn():
    named = dict(figures())
    assert named["comparison_bars"].data[1].y.tolist() == ["西乡", f"东乡{SHOWN}镇"]
    assert list(named["comparison_bars"].data[1].customdata) == ["4199B", "4199A"]  # codes unchanged: the click
    assert named["count_bars"].layout.xaxis.title.text == SHOWN
    # horizontal, lowest score drawn on top (plotly draws the first category at the bottom)
    assert named["township_score_bars"].layout.yaxis.ticktext == (f"东乡{SHOWN}镇", "西乡")
    assert named["risk_map"].data[1].text == (f"东乡{SHOWN}镇",)
    assert named["risk_map"].data[2].customdata.tolist() == [[f"企业{SHOWN}", 32.1, f"东乡{SHOWN}镇"]]
    assert named["red_orange_by_township_bars"].layout.yaxis.ticktext == (f"东乡{SHOWN}镇",)
    # keyed by code, named by label; horizontal, the lowest rate (东乡, 50 %) drawn on top
    assert named["rate_by_township_bars"].data[0].y == ("4199B", "4199A")
    assert named["rate_by_township_bars"].layout.yaxis.ticktext == ("西乡", f"东乡{SHOWN}镇")
    assert named["found_by_sector_bars"].data[0].x == (f"工贸{SHOWN}", "危化")
    assert REGION.replace(EVIL, SHOWN) in named["trend_bars"].layout.title.text


def test_a_figure_styled_twice_is_escaped_once():
    fig = accidents.count_bars(["a&b"], [1], "t", "起", "x")
    charts.style(fig, "a&b")
    assert fig.layout.title.text == "a&amp;b"
    assert fig.data[0].x == ("a&amp;b",)
