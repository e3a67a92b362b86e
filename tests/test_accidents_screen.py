"""The accident trends screen: shaping and chart builders on the hand-made small city, and the page run headless
with AppTest (filters changed, KPI = metric, drill-down, trend grain)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from conftest import AS_OF, CITY, COUNTY_A, TOWN_A2, open_page
from streamlit.testing.v1 import AppTest

from riskdash import charts, i18n
from riskdash.filters import Filters
from riskdash.metrics import accidents as acc
from riskdash.screens.accidents import draw, view
from riskdash.screens.kit import Scope

APP = Path(__file__).resolve().parents[1] / "app.py"
H1 = Filters(date(2025, 1, 1), AS_OF, CITY, AS_OF)
WHERE = Scope.of(H1, "示例市", "全部行业", AS_OF, "zh")


def kpis(at: AppTest) -> dict[str, tuple[str, str, str]]:
    return {m.proto.label: (m.proto.body, m.proto.delta, m.proto.delta_description) for m in at.metric}


def texts(at: AppTest) -> str:
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption] + [e.value for e in at.warning]
    parts += [e.value for e in at.error] + [e.value for e in at.info]
    return "\n".join(str(p) for p in parts)


def split_text(at: AppTest) -> tuple[str, str]:
    """(what the screen shows, what its help popovers hold): the text of every element, each popover's label shown
    and its contents behind."""
    shown: list[str] = []
    behind: list[str] = []

    def walk(node, into: list[str]) -> None:
        for child in getattr(node, "children", {}).values():
            if getattr(child, "type", None) == "popover":
                shown.append(child.proto.popover.label)
                walk(child, behind)
            elif getattr(child, "children", None):
                walk(child, into)
            elif isinstance(getattr(child, "value", None), str):
                into.append(child.value)
            for attr in ("label", "help"):
                value = getattr(getattr(child, "proto", None), attr, None)
                if isinstance(value, str) and value:
                    into.append(value)

    walk(at._tree, shown)
    return "\n".join(shown), "\n".join(behind)


# ---------------------------------------------------------------------------------------------- shaping


def test_kpi_cards_colour_changes_as_the_overview_does(small_con):
    totals = acc.kpi_totals(small_con, H1)
    tests = acc.change_tests(small_con, H1)
    cards = {c.key: c for c in view.kpi_cards(totals, "zh", tests)}
    assert [c for c in cards] == ["accidents", "deaths", "larger_and_above", "serious_injuries", "direct_loss"]
    # deaths 4 against 2: +100 %, red with its arrow as on 总览 (more deaths is bad: inverse), even though the
    # change test calls it within chance (said in words under the cards); 0 % stays grey without an arrow
    assert tests["deaths"].verdict == "flat"
    assert ((cards["deaths"].value, cards["deaths"].delta, cards["deaths"].delta_color, cards["deaths"].delta_arrow)
            == ("4", "+100.0%", "inverse", "auto"))
    assert (cards["accidents"].delta, cards["accidents"].delta_color, cards["accidents"].delta_arrow) == (
        "0.0%", "off", "off")
    assert cards["direct_loss"].value == "180.00" and cards["direct_loss"].delta == "-82.4%"
    assert cards["direct_loss"].delta_color == "inverse"


def test_month_cards_carry_month_on_month(small_con):
    june = Filters(date(2025, 6, 1), AS_OF, CITY, AS_OF)
    cards = {c.key: c for c in view.kpi_cards(acc.kpi_totals(small_con, june), "zh")}
    # June 2025: A3; June 2024: A7; May 2025: nothing → 环比 has no base
    assert cards["accidents"].delta_description == "同比（上年同期 1）；环比 —（上月同期 0）"


# what an official reads on the screen: no statistics or library words (domain.md §6); the method behind a popover
JARGON = ("p值", "p =", "p <", "检验", "先验", "置信", "显著", "正常波动", "泊松", "二项", "Poisson", "binom", "scipy",
          "statsmodels", "permutation", "Jeffreys")


def test_change_sentence_is_one_plain_sentence():
    per_accident = pd.DataFrame({"period": ["current", "previous"], "deaths_incl_missing": [1, 1], "accidents": [4, 6]})
    tests = {"accidents": acc.count_change_test(4, 6, 181, 182), "deaths": acc.deaths_change_test(per_accident)}
    assert view.change_sentence(tests, 0, "zh") == (
        "与上年同期相比，事故4起（上年同期6起），增减在偶然起伏之内，不足以说明上升或下降；"
        "死亡（含失踪）4人（上年同期6人），增减在偶然起伏之内，不足以说明上升或下降。")
    clear = {"accidents": acc.count_change_test(10, 40, 365, 365)}
    assert view.change_sentence(clear, 0, "zh") == "与上年同期相比，事故10起（上年同期40起），下降幅度超出偶然起伏，属明显下降。"
    assert view.change_sentence({"accidents": acc.count_change_test(40, 10, 365, 365)}, 0, "en") == (
        "Against the same period last year: 40 accidents (10 a year earlier), a rise beyond chance.")
    assert view.change_sentence({"accidents": acc.count_change_test(0, 0, 365, 365)}, 0, "zh") == (
        "与上年同期相比，事故0起（上年同期0起），两期均未发生。")
    for sentence in (view.change_sentence(tests, 0, "zh"), view.change_sentence(clear, 0, "en")):
        assert not [w for w in JARGON if w in sentence] and sentence.count("。") + sentence.count(".") == 1


def test_a_relatively_major_accident_is_never_called_chance():
    # one 较大 accident: deaths 3 against 0 may be within chance as counts, but the sentence names the red line
    tests = {"accidents": acc.count_change_test(1, 0, 181, 181),
             "deaths": acc.ChangeTest("deaths", 3, 0, 0.25, "sign_flip")}
    assert view.change_sentence(tests, 1, "zh") == (
        "与上年同期相比，事故1起（上年同期0起），增减在偶然起伏之内，不足以说明上升或下降；"
        "死亡（含失踪）3人（上年同期0人），增减在偶然起伏之内，不足以说明上升或下降；"
        "本期发生较大及以上事故1起，突破“坚决杜绝较大及以上事故”红线，须逐起查明原因，不属偶然起伏。")
    assert view.change_sentence(tests, 2, "en").endswith(
        "; 2 relatively major or worse accident(s) in the period broke the red line of preventing every such "
        "accident: each is to be looked into, never taken as chance.")


def test_change_method_gives_the_p_values_without_library_names():
    tests = {"accidents": acc.count_change_test(10, 40, 365, 365), "deaths": acc.ChangeTest("deaths", 0, 0, None, "sign_flip")}
    method = view.change_method(tests, "zh")
    assert method.endswith("本期：事故起数偶然出现的概率 p < 0.001；死亡（含失踪）人数两期均为0。")
    assert "逐一计算所有划分方式" in method and "重复" not in method  # the deaths test is exact, not resampled
    assert not [w for w in ("scipy", "statsmodels", "binomtest", "permutation_test") if w in method + view.change_method(tests, "en")]


def test_target_view_states_the_method_and_warns(small_con):
    tv = view.target_view(acc.death_projection(small_con, H1), WHERE, "zh")
    assert tv.text == ("2025年控制指标 10 人；1月1日至6月30日死亡（含失踪）4 人，已用 40.0%，时间进度 49.6%，"
                       "低于时间进度9.6个百分点")
    # the data starts in 2024: only 2024 is averaged; after 30 Jun 2024 nobody died → 4 + 0
    assert tv.projection == ("预计全年死亡（含失踪）约 4 人 = 本年至今 4 人 + 2024年同期之后（7月1日至12月31日）"
                             "死亡人数的平均数 0.0 人。")
    assert tv.warning is None and tv.fraction == 0.4
    over = acc.Projection(2025, AS_OF, 10, 6, (2023, 2024), 5.5, 11.5)
    assert view.target_view(over, WHERE, "zh").warning == "按此预计，全年死亡人数将超出控制指标（12 > 10），需加强防控。"
    # 6 of 10 by 30 June: 60 % used against 49.6 % of the year elapsed
    assert view.target_view(over, WHERE, "zh").text.endswith("已用 60.0%，时间进度 49.6%，超时间进度10.4个百分点")
    assert view.target_view(over, WHERE, "zh").is_ahead and not tv.is_ahead
    beyond = acc.Projection(2025, AS_OF, 10, 11, (2023, 2024), 5.5, 16.5)
    assert view.target_view(beyond, WHERE, "zh").is_over and not view.target_view(beyond, WHERE, "zh").is_ahead
    none = view.target_view(acc.Projection(2025, AS_OF, None, 6, (), None, None), WHERE, "zh")
    assert none.fraction is None and "未设定" in none.text and none.projection == "没有往年数据，无法预计全年死亡人数。"


def test_trend_frames(small_con):
    months = acc.accidents_by_month(small_con, H1)
    by_month = view.trend_frame(months, "month", "accidents", AS_OF, "zh")
    # the data starts in February 2024 (A5): 17 covered months, none partial (the period ends on 30 June)
    assert len(by_month) == 17 and by_month["label"].iloc[-1] == "25年6月" and not by_month["is_partial"].any()
    assert by_month["label"].iloc[0] == "24年2月"
    english = view.trend_frame(months, "month", "accidents", AS_OF, "en")
    assert english["label"].iloc[[0, -1]].tolist() == ["Feb 24", "Jun 25"]
    assert by_month["value"].sum() == 6  # A1, A2, A3, A5, A6, A7
    years = view.trend_frame(months, "year", "deaths_incl_missing", AS_OF, "zh")
    assert years[["label", "value"]].values.tolist() == [["2024年", 2], ["2025年（至2025年6月30日）", 4]]
    quarters = view.trend_frame(months, "quarter", "accidents", AS_OF, "zh")
    assert quarters["label"].tolist()[:2] == ["2024年1季度", "2024年2季度"]
    cumulative = view.cumulative_frame(months, "deaths_incl_missing", AS_OF)
    assert cumulative["current"].tolist()[:6] == [1, 1, 4, 4, 4, 4] and cumulative["current"].isna().sum() == 6
    assert cumulative["previous"].tolist()[-1] == 2


def test_breakdown_table_and_record(small_con):
    frame = acc.accidents_by_region(small_con, H1, COUNTY_A)
    table = view.breakdown_table(frame, view.region_names(frame, "zh"), "zh")
    assert table.values.tolist() == [
        ["西乡", 1, 0, "—", 3, 0, "—"],  # as many accidents as 东镇, more deaths: first
        ["东镇", 1, 1, "0.0%", 1, 1, "0.0%"],
        ["甲县（未落到下级地区）", 0, 1, "-100.0%", 0, 1, "-100.0%"],
    ]
    fields = dict(view.record_fields(acc.accident_record(small_con, "A2"), "zh"))
    assert fields["等级"] == "较大（死亡（含失踪））" and fields["地点"] == "甲县西乡"
    larger = view.larger_table(acc.larger_and_above_list(small_con, H1), "zh")
    # seven columns (they fit the page at 1024 px): the grade with its criterion, the sector with the type
    assert list(larger.columns) == ["事故编号", "发生时间", "地点", "等级和依据", "伤亡和损失", "企业", "行业和类型"]
    assert larger[["事故编号", "等级和依据", "发生时间"]].values.tolist() == [
        ["A2", "较大（死亡（含失踪））", "2025年3月2日 00:00"]]
    assert larger["等级和依据"].tolist() == [fields["等级"]]  # as the record card writes it
    # deaths, missing, serious injuries and loss in one cell with their units (see conftest: A2 2 + 1 missing, 120 万元)
    assert larger["伤亡和损失"].tolist() == ["死亡（含失踪）3人，其中失踪1人；重伤0人；直接经济损失120.00万元"]


def test_larger_risk_table_names_the_thresholds_met(small_con):
    small_con.execute("""insert into accidents (accident_id, occurred_at, has_time, region_code, industry,
                             accident_type, deaths, missing, serious_injuries, direct_loss_wan, endangered, trapped,
                             evacuated)
                         values ('X1', '2025-04-02 09:30', true, ?, 'fire', 'fire', 0, 1, 0, 0, 12, 2, null)""",
                      [TOWN_A2])
    frame = acc.larger_risk_involved_list(small_con, H1)
    table = view.larger_risk_table(frame, "zh")
    # the counts behind the flag in one cell with their units (four numeric columns ran past the page at 1366 px)
    assert list(table.columns) == ["事故编号", "发生时间", "地点", "涉险依据", "涉险与死亡", "企业", "行业和类型"]
    assert table[["事故编号", "涉险与死亡", "涉险依据"]].values.tolist() == [
        ["X1", "危及生命12人，被困2人，紧急疏散—；死亡（含失踪）1人（其中失踪1人）", "危及≥10人、被困及失踪≥3人"]]
    assert table["地点"].tolist() == ["甲县西乡"]
    english = view.larger_risk_table(frame, "en")
    assert list(english.columns) == ["Accident", "When", "Where", "Basis", "Involved", "Firm", "Sector/type"]
    assert english["Basis"].tolist() == ["10+ endangered; 3+ trapped or missing"]
    assert english["Involved"].tolist() == ["endangered 12, trapped 2, evacuated —; dead 1 (of which 1 missing)"]
    assert "安监总局令第21号第二十六条" in view.larger_risk_scope(H1, WHERE, "zh")


def test_region_chain_and_clicked_region(small_con):
    from riskdash import metrics

    regions = metrics.regions(small_con)
    assert view.region_chain(regions, CITY) == [CITY]
    assert view.region_chain(regions, COUNTY_A) == [CITY, COUNTY_A]
    assert view.region_chain(regions, TOWN_A2) == [CITY, COUNTY_A, TOWN_A2]
    frame = acc.accidents_by_region(small_con, H1, COUNTY_A)  # 东镇, 西乡 and 甲县 itself (is_direct)
    assert view.clicked_region([{"customdata": TOWN_A2, "y": "西乡"}], frame) == TOWN_A2
    assert view.clicked_region([{"customdata": [TOWN_A2]}], frame) == TOWN_A2
    assert view.clicked_region([{"customdata": COUNTY_A}], frame) is None  # its own row: nowhere to go
    assert view.clicked_region([], frame) is None
    fig = view.comparison_figure(frame, view.region_names(frame, "zh"), "accidents", "accidents.by_region", H1,
                                 WHERE, "zh", keys=frame["region_code"].tolist())
    # both bars of a region carry its code, in the drawn (reversed) order
    assert list(fig.data[1].customdata) == frame["region_code"].tolist()[::-1] == list(fig.data[0].customdata)


def test_month_ticks_read_in_chinese_and_24_fit_at_1366():
    """24 months (Dec 2024 – Nov 2026) as the trend and control charts draw them: 24年12月 … 26年11月 (not 2024-12),
    the last cut short on the 28th, turned at 45° so that they do not overlap."""
    from riskdash.screens.accidents import charts as pictures

    months = pd.DataFrame({"month_start": [date(2024 + (11 + i) // 12, (11 + i) % 12 + 1, 1) for i in range(24)],
                           "accidents": range(24), "is_covered": True})
    for lang, first, last in (("zh", "24年12月", "26年11月（至28日）"), ("en", "Dec 24", "Nov 26 (to day 28)")):
        frame = view.trend_frame(months, "month", "accidents", date(2026, 11, 28), lang)
        fig = pictures.trend_bars(frame, "事故起数", "起", lang)
        ticks = list(fig.data[0].x)
        assert (len(ticks), ticks[0], ticks[-1]) == (24, first, last)
        # turned at 45°, 24 ticks over the plot's ~800 px at 1366 are 33 px apart: 23 px across the slant, more
        # than a 13 px line, so they do not overlap
        assert fig.layout.xaxis.type == "category" and fig.layout.xaxis.tickangle == -45


def test_control_chart_for_deaths_states_its_model(small_con):
    months = acc.accidents_by_month(small_con, H1)
    control = view.control_frame(months, AS_OF, "zh", "deaths_incl_missing")
    fig = view.control_figure(control, H1, WHERE, "zh", "deaths_incl_missing")
    assert fig.layout.title.text.startswith("月度死亡（含失踪）人数与季节控制限<br>")
    assert list(fig.data[0].y) == control["deaths_incl_missing"].tolist()
    method = view.control_method(control, "deaths_incl_missing", "zh")
    # the popover says the method in plain Chinese: the dispersion φ in words, no distribution or prior named
    assert f"平均每名死者所在的那起事故死亡{control['dispersion'].iloc[0]:.2f}人" in method
    plain_accidents = view.control_method(view.control_frame(months, AS_OF, "zh"), "accidents", "zh")
    assert "偶然起伏" in plain_accidents and "99%" in plain_accidents
    assert [w for w in JARGON if w in method + plain_accidents] == []
    # on the screen, the months outside in plain words
    note = view.control_note(control, "deaths_incl_missing", "zh")
    assert note.startswith("红点为超出控制限的月份：该月死亡（含失踪）人数超出往年同月的起伏，不是偶然所能解释。")
    assert note.endswith(view.outside_months(control, "zh")) and not [w for w in JARGON if w in note]


def test_rate_cards_dash_without_denominator(small_con):
    cards = view.rate_cards(acc.rate_indicators(small_con, H1), "zh")
    assert [c.value for c in cards] == ["—"] * 4
    assert "÷ GDP — 亿元" in cards[0].help
    # January to June is not a whole year: the scope says why no rate is computed
    assert "本期2025年1—6月不是整年，只列死亡人数和分母，不计算率" in view.rates_scope(H1, WHERE, "zh")
    whole = Filters(date(2024, 1, 1), date(2024, 12, 31), CITY, date(2024, 12, 31))
    assert "不是整年" not in view.rates_scope(whole, WHERE, "zh")


# ---------------------------------------------------------------------------------------------- charts


def test_chart_titles_state_measure_period_region_and_as_of(small_con):
    months = acc.accidents_by_month(small_con, H1)
    fig = view.trend_figure(months, "month", "accidents", H1, WHERE, "zh")
    # the trend starts where the data does (February 2024), not at the period's start
    # two lines: the measure, and its scope smaller below (fits beside the modebar at 1366 px)
    assert fig.layout.title.text == ('事故起数按月统计<br><span style="font-size:13px">'
                                     "2024年2月1日—2025年6月30日 · 示例市 · 数据截至2025年6月30日</span>")
    assert charts.CJK_FONT.split(",")[0] in fig.layout.font.family
    assert fig.data[1].name == "近12个月滚动合计"
    control = view.control_frame(months, AS_OF, "zh")
    assert "季节控制限" in view.control_figure(control, H1, WHERE, "zh").layout.title.text
    types = acc.accidents_by_type(small_con, H1)
    by_type = view.comparison_figure(types, view.reference_names(types, "zh"), "accidents", "accidents.by_type", H1,
                                     WHERE, "zh")
    assert "按事故类型（GB 6441）" in by_type.layout.title.text


def test_chart_png_has_chinese_fonts(small_con):
    fig = view.cumulative_figure(acc.accidents_by_month(small_con, H1), "deaths_incl_missing", H1, WHERE, 10, "zh")
    png = charts.to_png(fig, width=800, scale=1)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000


# ---------------------------------------------------------------------------------------------- the page


@pytest.fixture()
def app_db(read_city: Path) -> Path:
    """The small city, one file for the tests here that only read it (conftest.shared_database)."""
    return read_city


def start() -> AppTest:
    at = open_page("accidents")
    assert not at.exception, at.exception
    return at


def test_page_shows_the_screen(app_db):
    at = start()
    shown = kpis(at)
    assert shown["事故起数（起）"] == ("3", "0.0%", "同比（上年同期 3）")
    assert shown["死亡（含失踪）（人）"] == ("4", "+100.0%", "同比（上年同期 2）")
    # the 同比 wear the overview's colours: more deaths red with an up arrow, a fall green, no change grey
    metric = {m.proto.label: m.proto for m in at.metric}
    deaths, loss, flat = metric["死亡（含失踪）（人）"], metric["直接经济损失（万元）"], metric["事故起数（起）"]
    assert (deaths.color, deaths.direction) == (deaths.MetricColor.RED, deaths.MetricDirection.UP)
    assert (loss.color, loss.direction) == (loss.MetricColor.GREEN, loss.MetricDirection.DOWN)
    assert flat.color == flat.MetricColor.GRAY
    assert shown["较大及以上事故（起）"][0] == "1"
    assert shown["直接经济损失（万元）"][0] == "180.00"
    assert shown["亿元GDP死亡率（人/亿元）"][0] == "—"
    words = texts(at)
    assert "预计全年死亡（含失踪）约 4 人" in words
    # the chance test in one plain sentence, its 较大 accident named as the red line; the method behind a popover
    shown, behind = split_text(at)
    assert "与上年同期相比，事故3起（上年同期3起），增减在偶然起伏之内，不足以说明上升或下降；" in shown
    assert "本期发生较大及以上事故1起，突破“坚决杜绝较大及以上事故”红线" in shown
    assert [w for w in JARGON if w in shown] == []
    assert "怎样判断" in shown and "控制限怎样计算" in shown
    assert "精确条件检验" in behind and "本期：事故起数偶然出现的概率 p = " in behind and "偶然起伏" in behind
    # the trends, and of the breakdowns only the open tab (the first; issue 17: hidden tabs are not drawn)
    assert [c.key for c in at.get("plotly_chart")] == ["acc_chart_trend", "acc_chart_cumulative", "acc_chart_control",
                                                       "acc_chart_class_trend"]
    assert [b.proto.label for b in at.get("download_button")].count("下载图片（PNG）") == len(at.get("plotly_chart"))
    (bar,) = at.get("progress")
    assert bar.proto.value == 40


BREAKDOWN_CHARTS = {"按统计类别": ["class_trend"], "按行业": ["sector"], "按行业主管部门": [], "按事故类型（GB 6441）": ["type"],
                    "按事故等级": ["grade"], "按地区": [f"region_{CITY}"],
                    "按星期 / 按发生时段（仅含记录了具体时间的事故）": ["weekday", "hour"]}


def test_each_breakdown_tab_draws_its_own_charts_only_when_open(app_db):
    at = start()
    labels = [t.label for t in at.tabs]
    assert labels == list(BREAKDOWN_CHARTS)
    for label, own in BREAKDOWN_CHARTS.items():
        at.session_state[draw.TABS_KEY] = label
        at.run()
        assert not at.exception
        keys = [c.key for c in at.get("plotly_chart")]
        assert keys == ["acc_chart_trend", "acc_chart_cumulative", "acc_chart_control"] + [f"acc_chart_{k}" for k in own]
        assert (at.selectbox(key="acc_drill") is not None) if label == "按地区" else \
            "acc_drill" not in [s.key for s in at.selectbox]


def test_the_open_breakdown_tab_survives_the_language_switch(app_db):
    at = start()
    at.session_state[draw.TABS_KEY] = "按地区"
    at.run()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception, at.exception
    # the same tab, renamed: its drill select and its chart are drawn, not the first tab's
    assert at.session_state[draw.TABS_KEY] == at.tabs[5].label and "acc_drill" in [s.key for s in at.selectbox]
    assert [c.key for c in at.get("plotly_chart")][-1] == f"acc_chart_region_{CITY}"


def test_page_follows_the_filters(app_db):
    at = start()
    at.sidebar.selectbox(key="flt_county").set_value(COUNTY_A).run()
    assert not at.exception
    assert kpis(at)["事故起数（起）"][0] == "2"
    assert "未设定死亡控制指标" in texts(at)
    at.sidebar.selectbox(key="flt_township").set_value(TOWN_A2).run()
    assert kpis(at)["事故起数（起）"] == ("1", "—", "同比（上年同期为0）")
    at.sidebar.selectbox(key="flt_preset").set_value("this_month").run()
    assert not at.exception
    assert kpis(at)["事故起数（起）"] == ("0", "—", "同比（上年同期为0）；环比 —（上月同期 0）")
    assert "统计期内没有较大及以上事故。" in texts(at)


def test_page_grain_measure_and_drill_down(app_db):
    at = start()
    at.radio(key="acc_grain").set_value("quarter").run()
    at.radio(key="acc_measure").set_value("deaths_incl_missing").run()
    assert not at.exception
    assert "平均每名死者所在的那起事故死亡" in texts(at)  # the control chart follows the measure
    # choosing a county drills the whole screen down: the sidebar, the KPI row and the lists follow
    at.session_state[draw.TABS_KEY] = "按地区"  # the tab's select is drawn when the tab is open
    at.run()
    at.selectbox(key="acc_drill").set_value(COUNTY_A).run()
    assert not at.exception
    assert at.sidebar.selectbox(key="flt_county").value == COUNTY_A
    assert kpis(at)["事故起数（起）"][0] == "2"
    names = [row for frame in at.dataframe for row in frame.value.iloc[:, 0].tolist()]
    assert "东镇" in names and "西乡" in names and "甲县（未落到下级地区）" in names
    # on to a township, where nothing lies below; then back up one level at a time
    at.selectbox(key="acc_drill").set_value(TOWN_A2).run()
    assert at.sidebar.selectbox(key="flt_township").value == TOWN_A2
    assert kpis(at)["事故起数（起）"][0] == "1"
    assert "甲县西乡已是最下一级" in texts(at)
    at.button(key="acc_drill_up").click().run()
    assert at.sidebar.selectbox(key="flt_county").value == COUNTY_A and kpis(at)["事故起数（起）"][0] == "2"
    at.button(key="acc_drill_up").click().run()
    assert not at.exception
    assert at.sidebar.selectbox(key="flt_county").value == "" and kpis(at)["事故起数（起）"][0] == "3"
    assert not any(b.label.startswith("返回上一级") for b in at.button)


def test_page_in_english(app_db):
    at = start()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert kpis(at)["Accidents"][0] == "3"
    shown, behind = split_text(at)
    assert "Against the same period last year: 3 accidents (3 a year earlier), a change within chance" in shown
    assert "broke the red line" in shown and [w for w in JARGON if w in shown] == []
    assert "This period: Accidents p = " in behind
    assert i18n.t("accidents.rates", "en") in [s.value for s in at.subheader]


def test_outside_months_are_worded_with_whole_numbers():
    months = pd.DataFrame({"month_start": [date(y, m, 1) for y in range(2021, 2025) for m in range(1, 13)]})
    months["is_covered"] = True
    months["accidents"] = 0
    months["deaths_incl_missing"] = 0
    months["deaths_incl_missing_squared"] = 0
    months.loc[months["month_start"] == date(2024, 3, 1), "accidents"] = 6  # after one quiet March (2023)
    months.loc[months["month_start"] < date(2023, 1, 1), "is_covered"] = False  # 2023 has no baseline: None limits
    control = view.control_frame(months, date(2024, 12, 31), "zh")
    assert view.outside_months(control, "zh") == "超出控制限：2024年3月↑（6，0—5）。"
    assert view.outside_months(control, "en") == "Outside the limits: Mar 2024 ↑ (6; 0–5)."


# ---------------------------------------------------------------------------------------------- charts that answer


def _months(values: list[int], first: date) -> pd.DataFrame:
    """Hand-made monthly counts from ``first``, every month covered by the data."""
    starts = [date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1)
              for i in range(len(values))]
    return pd.DataFrame({"month_start": starts, "accidents": values, "deaths_incl_missing": values,
                         "is_covered": [True] * len(values)})


def test_the_rolling_line_stops_at_the_last_complete_month():
    """Ten accidents a month for two years, and 3 in a November cut short on the 28th: the 12-month total is 120
    to October and does not dip to 113 at the partial month; the line's name says where it stops."""
    end = date(2026, 11, 28)
    months = _months([10] * 23 + [3], date(2024, 12, 1))
    frame = view.trend_frame(months, "month", "accidents", end, "zh")
    assert frame["is_partial"].tolist()[-2:] == [False, True] and frame["label"].iloc[-1] == "26年11月（至28日）"
    assert frame["rolling"].iloc[-2] == 120 and pd.isna(frame["rolling"].iloc[-1])
    filters = Filters(date(2026, 1, 1), end, CITY, end)
    fig = view.trend_figure(months, "month", "accidents", filters, WHERE, "zh")
    line = fig.data[1]
    assert line.name == "近12个月滚动合计（止于最近完整月，不完整的当月不计）"
    assert list(line.y)[-2] == 120 and pd.isna(list(line.y)[-1])
    assert fig.data[0].marker.color[-1] == charts.PREVIOUS  # the partial month's bar is grey
    # whole ticks on both axes, and the 24 month labels turned so that they do not overlap at 1366 px
    assert (fig.layout.yaxis.tickformat, fig.layout.yaxis2.tickformat) == (",d", ",d")
    assert fig.layout.yaxis.dtick >= 1 and fig.layout.yaxis2.dtick >= 1
    assert fig.layout.xaxis.tickangle == -45
    assert fig.layout.margin.r >= 80  # the right axis stays inside a downloaded PNG
    # a complete month (period ends on 30 November): the line runs to the end and is named plainly
    whole = view.trend_frame(months, "month", "accidents", date(2026, 11, 30), "zh")
    assert not whole["is_partial"].any() and whole["rolling"].iloc[-1] == 113


def test_the_cumulative_comparison_draws_the_partial_month_apart():
    end = date(2026, 11, 28)
    months = _months([1] * 23 + [1], date(2024, 12, 1))
    frame = view.cumulative_frame(months, "deaths_incl_missing", end)
    assert frame["is_partial"].tolist() == [False] * 10 + [True, False]
    fig = view.cumulative_figure(months, "deaths_incl_missing", Filters(date(2026, 1, 1), end, CITY, end), WHERE,
                                 None, "zh")
    this_year, partial = fig.data[1], fig.data[2]
    assert list(this_year.y)[:10] == list(range(1, 11)) and pd.isna(list(this_year.y)[10])  # solid to October
    assert (list(partial.x), list(partial.y)) == ([10, 11], [10.0, 11.0])  # a dotted step to November
    assert partial.name == "11月截至28日（不完整）" and partial.line.dash == "dot"
    assert fig.layout.yaxis.dtick >= 1 and fig.layout.yaxis.tickformat == ",d"
    complete = view.cumulative_figure(months, "deaths_incl_missing", Filters(date(2026, 1, 1), date(2026, 11, 30),
                                                                             CITY, date(2026, 11, 30)), WHERE, None, "zh")
    assert len(complete.data) == 2


def test_count_charts_never_get_fractional_ticks_and_empty_ones_say_so():
    from riskdash.screens.accidents import charts as pictures

    one = pictures.count_bars(["周一", "周二"], [1, 0], "t", "起", "星期")
    assert (one.layout.yaxis.tick0, one.layout.yaxis.dtick, one.layout.yaxis.tickformat) == (0, 1, ",d")
    bars = pictures.comparison_bars(pd.DataFrame({"name": ["工贸"], "current": [1], "previous": [0]}), "t", "起", "zh")
    assert bars.layout.xaxis.dtick == 1 and bars.layout.xaxis.tickformat == ",d"
    # nothing in scope: no figure (the screen writes one line), not an empty plot on an axis −1…6
    assert pictures.count_bars(["周一"], [0], "t", "起", "星期") is None
    assert pictures.comparison_bars(pd.DataFrame({"name": [], "current": [], "previous": []}), "t", "起", "zh") is None
    assert view.trend_figure(_months([0] * 3, date(2026, 9, 1)), "month", "accidents", H1, WHERE, "zh") is None
    assert charts.count_step(7) == 2 and charts.count_step(3) == 1 and charts.count_step(28768) == 5000


def test_an_empty_scope_says_so_instead_of_empty_plots(app_db):
    at = start()
    drawn = len(at.get("plotly_chart"))
    assert drawn == 4  # the three trends and the open breakdown tab's (the first)
    at.sidebar.selectbox(key="flt_preset").set_value("custom").run()
    at.sidebar.date_input(key="flt_start").set_value(date(2021, 1, 1)).run()
    at.sidebar.date_input(key="flt_end").set_value(date(2021, 1, 31)).run()
    assert not at.exception
    said = [i.value for i in at.info if i.value.startswith("所选范围内没有可画的数据")]
    assert said and set(said) == {"所选范围内没有可画的数据：所选地区、行业和时段内没有事故记录。"}
    assert len(said) + len(at.get("plotly_chart")) == drawn  # every chart either drawn or said in words


def test_casualty_cells_name_the_missing_only_when_there_are_some():
    frame = pd.DataFrame({"deaths_incl_missing": [3, 1200], "missing": [1, 0], "serious_injuries": [0, 2],
                          "direct_loss_wan": [120.0, 1234.5]})
    assert view.casualties(frame, "zh") == ["死亡（含失踪）3人，其中失踪1人；重伤0人；直接经济损失120.00万元",
                                            "死亡（含失踪）1,200人；重伤2人；直接经济损失1,234.50万元"]
    assert view.casualties(frame, "en")[1] == "1,200 deaths; 2 seriously injured; direct loss 1,234.50 万元"
