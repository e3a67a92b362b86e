"""The monthly trend per statistical class on 事故趋势 (issue 18, 《生产安全事故统计调查制度》 "By statistical class":
trends split 工矿商贸, 道路交通, 火灾, 水上交通, 渔业船舶, 农业机械): the query on the hand-made rows of
test_accident_classes (whole results, months cut by the period, a county, a sector), its pandas peer, and the
chart's figure (its title says what it counts, the dates, the region and the as-of day; one line per class)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from conftest import CITY, COUNTY_A, TOWN_A1
from test_accident_classes import ROWS

from riskdash import db
from riskdash.bench.oracle import classes as peers
from riskdash.filters import Filters
from riskdash.metrics import classes
from riskdash.screens.accidents import view
from riskdash.screens.kit import Scope

PERIOD = Filters(start=date(2025, 1, 1), end=date(2025, 6, 30), region_code=CITY, as_of=date(2025, 6, 30))
MAIN = list(classes.MAIN_CLASSES)


@pytest.fixture()
def con(small_con):
    small_con.execute("delete from accidents")
    small_con.execute("insert into enterprises (enterprise_id, name, region_code, industry) "
                      "values ('E5', '东镇建工', ?, 'construction')", [TOWN_A1])
    small_con.executemany(
        """insert into accidents (accident_id, occurred_at, region_code, enterprise_id, industry, accident_type,
                                  deaths, missing, serious_injuries, direct_loss_wan, commercial)
           values (?, ?, ?, ?, ?, 'other_injury', ?, ?, ?, ?, ?)""", ROWS)
    db.sync_keys(small_con)
    return small_con


def expected(months: list[date], counts: dict[tuple[date, str], tuple[int, int]]) -> pd.DataFrame:
    """Every month × class, zeros but for ``counts`` ((month, class) → (accidents, deaths incl. missing))."""
    return pd.DataFrame([{"month_start": m, "stat_class": c, "accidents": counts.get((m, c), (0, 0))[0],
                          "deaths_incl_missing": counts.get((m, c), (0, 0))[1]} for m in months for c in MAIN])


def test_every_month_and_class_of_the_period(con):
    # by hand from ROWS: February C1–C5 road (deaths 2+1+1+0+1 missing), March C6–C7 fire (1+2), April
    # C8–C12 工矿商贸 (1+0+1+1+3), May C13 waterway (1), C14 fishing (0), C15 农机 (1); C16 (July) and the
    # 2024 rows are outside; 道路运输 is no class of its own (C1 and C5 are in road traffic only)
    months = [date(2025, m, 1) for m in range(1, 7)]
    want = expected(months, {(date(2025, 2, 1), "road_traffic"): (5, 5), (date(2025, 3, 1), "fire"): (2, 3),
                             (date(2025, 4, 1), "industrial"): (5, 6), (date(2025, 5, 1), "waterway"): (1, 1),
                             (date(2025, 5, 1), "fishing"): (1, 0),
                             (date(2025, 5, 1), "agricultural_machinery"): (1, 1)})
    got = classes.accidents_by_class_and_month(con, PERIOD)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    # the classes add up to the period's total of the class table
    total = classes.accidents_by_class(con, PERIOD).set_index("line").loc["total"]
    assert (got["accidents"].sum(), got["deaths_incl_missing"].sum()) == (total["accidents"],
                                                                          total["deaths_incl_missing"]) == (15, 16)


def test_months_cut_by_the_period_count_only_their_days_inside(con):
    # 3 February – 2 April: C3, C4, C5 in February (deaths 1 + 0 + 1 missing), C6, C7 in March, C8, C9 in April
    cut = Filters(start=date(2025, 2, 3), end=date(2025, 4, 2), region_code=CITY, as_of=date(2025, 6, 30))
    want = expected([date(2025, 2, 1), date(2025, 3, 1), date(2025, 4, 1)],
                    {(date(2025, 2, 1), "road_traffic"): (3, 2), (date(2025, 3, 1), "fire"): (2, 3),
                     (date(2025, 4, 1), "industrial"): (2, 1)})
    pd.testing.assert_frame_equal(classes.accidents_by_class_and_month(con, cut), want, check_dtype=False)


def test_region_and_sector_narrow_it(con):
    county = Filters(start=PERIOD.start, end=PERIOD.end, region_code=COUNTY_A, as_of=PERIOD.as_of)
    got = classes.accidents_by_class_and_month(con, county).groupby("stat_class", sort=False)[
        ["accidents", "deaths_incl_missing"]].sum()
    # county A: C1–C5 road (towns A1, A2), C8–C12 industrial (county A, town A1), C15 农机 (town A2); fires,
    # waterway and fishing are in town B1
    assert {c: tuple(int(v) for v in got.loc[c]) for c in MAIN} == {
        "industrial": (5, 6), "road_traffic": (5, 5), "fire": (0, 0), "railway": (0, 0), "waterway": (0, 0),
        "fishing": (0, 0), "agricultural_machinery": (1, 1)}
    coal = Filters(start=PERIOD.start, end=PERIOD.end, region_code=CITY, as_of=PERIOD.as_of, industry="coal_mine")
    got = classes.accidents_by_class_and_month(con, coal)
    assert got.loc[got["accidents"] > 0, ["month_start", "stat_class", "accidents"]].values.tolist() == [
        [date(2025, 4, 1), "industrial", 1]]


@pytest.mark.parametrize("filters", [
    PERIOD,
    Filters(start=date(2025, 2, 3), end=date(2025, 4, 2), region_code=COUNTY_A, as_of=date(2025, 6, 30)),
    Filters(start=date(2024, 1, 1), end=date(2025, 6, 30), region_code=CITY, as_of=date(2025, 6, 30),
            industry="road_transport"),
])
def test_sql_equals_pandas_peer(con, filters):
    pd.testing.assert_frame_equal(classes.accidents_by_class_and_month(con, filters),
                                  peers.accidents_by_class_and_month(con, filters), check_dtype=False)


# -------------------------------------------------------------------------- the chart

WHERE = Scope(period="2025年1—6月", as_of="2025年6月30日", region="云川市", sector="全部行业",
              data_as_of="2025年6月30日", data_day=date(2025, 6, 30))


def test_the_figure_has_one_line_per_class_with_a_count(con):
    frame = classes.accidents_by_class_and_month(con, PERIOD)
    fig = view.class_trend_figure(frame, "accidents", PERIOD, WHERE, "zh")
    title = fig.layout.title.text
    for part in ("事故起数逐月分统计类别", "2025年1—6月", "云川市", "数据截至2025年6月30日"):
        assert part in title, (part, title)
    assert [t.name for t in fig.data] == ["工矿商贸", "道路交通", "火灾", "水上交通", "渔业船舶", "农业机械"]
    assert list(fig.data[0].x) == ["25年1月", "25年2月", "25年3月", "25年4月", "25年5月", "25年6月"]
    assert {t.name: list(t.y) for t in fig.data} == {
        "工矿商贸": [0, 0, 0, 5, 0, 0], "道路交通": [0, 5, 0, 0, 0, 0], "火灾": [0, 0, 2, 0, 0, 0],
        "水上交通": [0, 0, 0, 0, 1, 0], "渔业船舶": [0, 0, 0, 0, 1, 0], "农业机械": [0, 0, 0, 0, 1, 0]}
    assert fig.layout.yaxis.title.text == "起"
    assert view.class_trend_note(frame, "accidents", PERIOD, "zh").endswith("本期为0、未画出的类别：铁路交通。")
    # deaths: 渔业船舶 (C14, a serious injury only) drops out of the lines and into the note
    deaths = view.class_trend_figure(frame, "deaths_incl_missing", PERIOD, WHERE, "en")
    # a long English measure wraps after a word, clear of the modebar (charts.title_lines)
    assert "Deaths incl. missing by month and statistical class" in deaths.layout.title.text.replace("<br>", " ")
    assert [t.name for t in deaths.data] == ["Industry, mining and trade", "Road traffic", "Fire", "Waterway",
                                             "Agricultural machinery"]
    assert list(deaths.data[0].y) == [0, 0, 0, 6, 0, 0]
    assert view.class_trend_note(frame, "deaths_incl_missing", PERIOD, "en").endswith(
        "Classes at 0 in the period, not drawn: Railway, Fishing vessels.")


def test_months_cut_by_the_period_say_so_and_an_empty_period_draws_nothing(con):
    cut = Filters(start=date(2025, 2, 3), end=date(2025, 4, 2), region_code=CITY, as_of=date(2025, 6, 30))
    fig = view.class_trend_figure(classes.accidents_by_class_and_month(con, cut), "accidents", cut, WHERE, "zh")
    assert list(fig.data[0].x) == ["25年2月（3日起）", "25年3月", "25年4月（至2日）"]
    empty = Filters(start=date(2025, 8, 1), end=date(2025, 9, 30), region_code=CITY, as_of=date(2025, 9, 30))
    assert view.class_trend_figure(classes.accidents_by_class_and_month(con, empty), "accidents", empty, WHERE,
                                   "zh") is None


# -------------------------------------------------------------------------- the 汇报's accident slide

SLIDE_LINE = ("分类别：工矿商贸5起、死亡6人（同比+150%、+200%）；道路交通5起、死亡5人（同比+400%、+400%）；"
              "火灾2起、死亡3人（上年同期无）；水上交通1起、死亡1人（上年同期无）；渔业船舶1起、死亡0人（上年同期无）；"
              "农业机械1起、死亡1人（上年同期无）；道路运输企业2起、死亡3人（已计入上述类别）。")


def test_the_slide_line_of_the_split(con):
    from riskdash.briefing.classes import class_split_line

    frame = classes.accidents_by_class(con, PERIOD)
    # by hand from test_accident_classes.EXPECTED: 工矿商贸 5/6 against 2/2, 道路交通 5/5 against 1/1, the rest new
    assert class_split_line(frame, "zh") == SLIDE_LINE
    assert class_split_line(frame, "en").startswith(
        "By class: Industry, mining and trade 5 accidents, 6 deaths (y/y +150%, +200%); Road traffic 5 accidents, "
        "5 deaths (y/y +400%, +400%); Fire 2 accidents, 3 deaths (none a year earlier);")
    # data that do not reach a year back: no 同比 at all
    assert class_split_line(frame, "zh", has_previous_data=False).startswith("分类别：工矿商贸5起、死亡6人；道路交通5起")
    # a year earlier 工矿商贸 had one accident and no death (P3 only): its deaths' 同比 has no base
    con.execute("delete from accidents where accident_id = 'P2'")
    assert class_split_line(classes.accidents_by_class(con, PERIOD), "zh").startswith(
        "分类别：工矿商贸5起、死亡6人（同比+400%、—）；")
    con.execute("delete from accidents where occurred_at >= '2025-01-01'")
    assert class_split_line(classes.accidents_by_class(con, PERIOD), "zh") is None


def test_the_accident_slide_carries_the_line_and_the_tongbao_does_not_repeat_it(con):
    from datetime import datetime

    from riskdash.briefing import build_brief
    from riskdash.briefing.tongbao import outline
    from riskdash.screens.briefing.view import slide_views

    brief = build_brief(con, PERIOD, generated_at=datetime(2025, 7, 1, 9, 0), lang="zh")
    assert brief.slide("accidents").split == SLIDE_LINE
    for projector in (False, True):  # the preview and the presentation mode
        shown = next(s for s in slide_views(brief, "zh", projector=projector) if s.key == "accidents")
        assert shown.headline == (*brief.slide("accidents").headline, SLIDE_LINE)
    # other slides carry no class line
    assert all(s.split is None for s in brief.slides if s.key != "accidents")
    # the 通报 prints the full sentence (分类别看，…) and not the slide's compact line
    texts = outline(brief, chart_png=lambda _spec: b"").texts()
    assert not any("分类别：" in text for text in texts)
    assert any(text.startswith("分类别看，工矿商贸事故5起") for text in texts)
