"""The briefing's content model and its headline text: every KPI is the metrics' own value, every branch of the
official wording on hand-made numbers (whole strings)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from conftest import AS_OF, CITY, COUNTY_A, TOWN_A1
from riskdash import db, metrics
from riskdash.briefing import SLIDE_KEYS, build_brief
from riskdash.briefing import headline as hl
from riskdash.filters import Filters
from riskdash.metrics import accidents as acc_metrics
from riskdash.metrics import campaigns, priority, rectification
from riskdash.metrics.accidents import ChangeTest, Projection

GENERATED = datetime(2025, 7, 1, 9, 0)


def _summary(accidents, deaths, prev_accidents, prev_deaths, larger=0, by_grade=None, larger_deaths=0):
    by_grade = by_grade or {"general": accidents - larger, "larger": larger, "major": 0, "especially_major": 0}
    return {
        "accidents": accidents, "deaths_incl_missing": deaths, "larger_and_above": larger,
        "larger_and_above_deaths": larger_deaths, "by_grade": by_grade,
        "previous": {"accidents": prev_accidents, "deaths_incl_missing": prev_deaths},
        "yoy_pct": {"accidents": metrics.change_pct(accidents, prev_accidents),
                    "deaths": metrics.change_pct(deaths, prev_deaths)},
    }


def _tests(acc_verdict_p: float | None, deaths_p: float | None, s) -> dict:
    return {"accidents": ChangeTest("accidents", s["accidents"], s["previous"]["accidents"], acc_verdict_p, "binomial"),
            "deaths": ChangeTest("deaths", s["deaths_incl_missing"], s["previous"]["deaths_incl_missing"], deaths_p,
                                 "sign_flip")}


H1 = dict(start=date(2026, 1, 1), end=date(2026, 6, 30), region_name="云川市", region_level="city")


# ---------------------------------------------------------------------------------------------- period and place


@pytest.mark.parametrize(("start", "end", "text"), [
    (date(2026, 1, 1), date(2026, 1, 31), "1月"),
    (date(2026, 1, 1), date(2026, 6, 30), "1—6月"),
    (date(2026, 3, 1), date(2026, 5, 31), "3—5月"),
    (date(2026, 1, 1), date(2026, 11, 28), "1月1日—11月28日"),
    (date(2026, 11, 28), date(2026, 11, 28), "11月28日"),
    (date(2026, 2, 1), date(2026, 2, 28), "2月"),
    (date(2025, 7, 1), date(2026, 6, 30), "2025年7月—2026年6月"),
    (date(2025, 7, 15), date(2026, 6, 30), "2025年7月15日—2026年6月30日"),
])
def test_period_phrase(start, end, text):
    assert hl.period_phrase(start, end) == text


def test_region_phrase_by_level():
    assert hl.region_phrase("云川市", "city") == "全市"
    assert hl.region_phrase("甲县", "county") == "全县"
    assert hl.region_phrase("乙区", "county") == "全区"
    assert hl.region_phrase("乙区（演示）", "county") == "全区"
    assert hl.region_phrase("区外县（演示）", "county") == "全县"
    assert hl.region_phrase("东镇", "township") == "东镇"
    assert hl.region_phrase("云川市", "city", "en") == "the city"


# ---------------------------------------------------------------------------------------------- accidents


def test_both_down_beyond_fluctuation_with_one_larger_accident():
    s = _summary(89, 105, 110, 136, larger=1, larger_deaths=3)
    text = hl.accidents_headline(s, tests=_tests(0.01, 0.02, s), **H1)
    assert text == (
        "1—6月，全市共发生生产安全事故89起、死亡105人，同比分别下降19.1%、22.8%；其中较大事故1起、死亡3人。",
        "事故起数的降幅超出正常波动范围；死亡人数的降幅超出正常波动范围。",
    )
    assert hl.accidents_title(s, _tests(0.01, 0.02, s)) == "发生较大及以上事故1起；死亡人数同比下降22.8%，降幅超出正常波动"


def test_both_down_within_fluctuation_is_said_cautiously_and_no_larger():
    s = _summary(9, 10, 11, 13)
    tests = _tests(0.8, 0.6, s)
    assert hl.accidents_headline(s, tests=tests, **H1) == (
        "1—6月，全市共发生生产安全事故9起、死亡10人，同比分别下降18.2%、23.1%；未发生较大及以上生产安全事故。",
        "事故起数和死亡人数的变化均在正常波动范围内，尚不能说明形势根本好转，不可放松。",
    )
    assert hl.accidents_title(s, tests) == "死亡人数同比下降23.1%，在正常波动范围内"


def test_both_up_within_fluctuation():
    s = _summary(12, 14, 10, 10)
    tests = _tests(0.7, 0.3, s)
    assert hl.accidents_headline(s, tests=tests, **H1) == (
        "1—6月，全市共发生生产安全事故12起、死亡14人，同比分别上升20.0%、40.0%；未发生较大及以上生产安全事故。",
        "事故起数和死亡人数的增幅在正常波动范围内，但仍需高度警惕。",
    )
    assert hl.accidents_title(s, tests) == "死亡人数同比上升40.0%，在正常波动范围内"


def test_deaths_up_beyond_fluctuation_accidents_flat_mixed_wording():
    s = _summary(10, 30, 10, 12)
    tests = _tests(1.0, 0.001, s)
    assert hl.accidents_headline(s, tests=tests, **H1) == (
        "1—6月，全市共发生生产安全事故10起、死亡30人，事故起数同比持平、死亡人数同比上升150.0%；"
        "未发生较大及以上生产安全事故。",
        "死亡人数的增幅超出正常波动范围，需引起高度重视。",
    )
    assert hl.accidents_title(s, tests) == "死亡人数同比上升150.0%，需高度警惕"


def test_mixed_directions_one_judged_flat_one_beyond():
    s = _summary(20, 8, 10, 10)
    tests = _tests(0.04, 0.5, s)
    assert hl.accidents_headline(s, tests=tests, **H1)[1] == (
        "事故起数的增幅超出正常波动范围，需引起高度重视；死亡人数的变化在正常波动范围内。")


def test_both_flat_at_zero_change():
    s = _summary(5, 6, 5, 6)
    assert hl.accidents_headline(s, tests=_tests(1.0, 1.0, s), **H1) == (
        "1—6月，全市共发生生产安全事故5起、死亡6人，与上年同期持平；未发生较大及以上生产安全事故。",)
    assert hl.accidents_title(s, _tests(1.0, 1.0, s)) == "死亡人数与上年同期持平"


def test_no_accident_last_year_makes_no_percentage():
    s = _summary(2, 1, 0, 0)
    assert hl.accidents_headline(s, tests=_tests(0.5, 1.0, s), **H1) == (
        "1—6月，全市共发生生产安全事故2起、死亡1人，上年同期未发生事故，同比无法计算；未发生较大及以上生产安全事故。",)
    assert hl.accidents_title(s) == "发生事故2起、死亡1人，同比无法计算"


def test_deaths_last_year_zero_states_each_change():
    s = _summary(4, 2, 2, 0)
    text = hl.accidents_headline(s, tests=_tests(0.6, 0.5, s), **H1)
    assert text[0] == ("1—6月，全市共发生生产安全事故4起、死亡2人，事故起数同比上升100.0%、死亡人数同比无法计算（上年同期为0）；"
                       "未发生较大及以上生产安全事故。")
    assert text[1] == "事故起数的增幅在正常波动范围内，但仍需高度警惕。"


def test_no_previous_year_data():
    s = _summary(3, 4, 0, 0, larger=1, larger_deaths=3)
    assert hl.accidents_headline(s, has_previous_data=False, start=date(2025, 1, 1), end=date(2025, 6, 30),
                                 region_name="甲县", region_level="county") == (
        "1—6月，全县共发生生产安全事故3起、死亡4人，上年同期无统计数据，同比无法计算；其中较大事故1起、死亡3人。",)


def test_zero_accidents_with_and_without_last_year():
    none = _summary(0, 0, 3, 2)
    assert hl.accidents_headline(none, start=date(2026, 1, 1), end=date(2026, 1, 31), region_name="东镇",
                                 region_level="township") == (
        "1月，东镇未发生生产安全事故（上年同期发生3起、死亡2人）。",)
    assert hl.accidents_headline(_summary(0, 0, 0, 0), **H1) == ("1—6月，全市未发生生产安全事故。",)
    assert hl.accidents_title(none) == "未发生生产安全事故"


def test_several_grades_and_a_period_across_years():
    by_grade = {"general": 7, "larger": 2, "major": 1, "especially_major": 0}
    s = _summary(10, 25, 8, 20, larger=3, by_grade=by_grade, larger_deaths=19)
    text = hl.accidents_headline(s, start=date(2025, 7, 1), end=date(2026, 6, 30), region_name="云川市",
                                 region_level="city")
    assert text == ("2025年7月—2026年6月，全市共发生生产安全事故10起、死亡25人，同比分别上升25.0%、25.0%；"
                    "其中重大事故1起、较大事故2起，共死亡19人。",)


def test_target_and_projection_sentences():
    s = _summary(9, 10, 11, 13)
    within = Projection(2026, date(2026, 6, 30), 40, 10, (2023, 2024, 2025), 12.4, 22.4)
    over = replace(within, projected=41.6)
    passed = replace(within, deaths_to_date=41)
    assert hl.accidents_headline(s, projection=within, **H1)[-1] == (
        "2026年以来死亡10人，占全年控制指标（40人）的25.0%；按往年同期测算，全年预计死亡约22人，在控制指标以内。")
    assert hl.target_sentence(over) == (
        "2026年以来死亡10人，占全年控制指标（40人）的25.0%；按往年同期测算，全年预计死亡约42人，有突破控制指标的风险。")
    assert hl.target_sentence(passed) == "2026年以来死亡41人，已突破全年控制指标（40人）。"
    assert hl.target_sentence(replace(within, projected=None, baseline_rest_mean=None)) == (
        "2026年以来死亡10人，占全年控制指标（40人）的25.0%。")
    assert hl.target_sentence(replace(within, target=None)) is None


def test_english_headline():
    s = _summary(89, 105, 110, 136)
    assert hl.accidents_headline(s, lang="en", **H1)[0] == (
        "In Jan–Jun 2026, the city had 89 work-safety accidents with 105 deaths, down 19.1% and 22.8% year on "
        "year; no accident with 3 or more deaths (较大及以上) occurred.")


# ---------------------------------------------------------------------------------------------- other parts


def _kpis(found=6, rectified=2, major_found=2, major_closed=1, overdue=3, overdue_major=1, supervised_open=1):
    return {"found": found, "rectified": rectified, "rate": metrics.rate(rectified, found), "major_found": major_found,
            "major_closed": major_closed, "major_rate": metrics.rate(major_closed, major_found), "overdue": overdue,
            "overdue_major": overdue_major, "supervised_open": supervised_open}


def test_rectification_wording():
    scope = dict(start=date(2025, 1, 1), end=date(2025, 6, 30), as_of=date(2025, 6, 30), region_name="示例市",
                 region_level="city")
    assert hl.rectification_headline(_kpis(), **scope) == (
        "1—6月，全市共排查登记隐患6项，已整改2项，整改率33.3%；其中重大隐患2项，已整改销号1项，整改率50.0%。",
        "截至2025年6月30日，逾期未整改隐患3项（其中重大隐患1项），挂牌督办未销号重大隐患1项。",
    )
    clear = _kpis(found=4, rectified=4, major_found=0, major_closed=0, overdue=0, overdue_major=0, supervised_open=0)
    assert hl.rectification_headline(clear, **scope) == (
        "1—6月，全市共排查登记隐患4项，已整改4项，整改率100.0%；未排查出重大隐患。",
        "截至2025年6月30日，无逾期未整改隐患，挂牌督办未销号重大隐患0项。",
    )
    assert hl.rectification_title(_kpis()) == "隐患整改率33.3%，逾期未整改3项"
    assert hl.rectification_title(clear) == "隐患整改率100.0%，无逾期未整改隐患"
    empty = _kpis(found=0, rectified=0, major_found=0, major_closed=0, overdue=0, overdue_major=0, supervised_open=0)
    assert hl.rectification_headline(empty, **scope) == ()
    assert hl.rectification_title(empty) == "统计期间未登记隐患"


def test_priority_townships_and_next_steps_wording():
    levels = {"red": 0, "orange": 3, "yellow": 5, "blue": 9}
    gaps = {"key_sites": 4, "not_fully_filed": 0, "measures_not_in_place": 1, "townships_without_sites": 2,
            "high_risk_enterprises_without_sites": 6}
    assert hl.priority_title(levels, gaps, 17) == "无红色（重大风险）企业，橙色（较大风险）3家"
    assert hl.priority_title({**levels, "red": 2}, {**gaps, "not_fully_filed": 3}, 17) == (
        "红色（重大风险）企业2家，需重点盯防；3处重点部位未完成备案")
    assert hl.priority_title(levels, gaps, 0) == "无在营企业可排序"
    assert hl.townships_title({"townships": 5, "passed": 5, "failed": 0, "vetoed": 0}) == "5个乡镇考核全部达标"
    assert hl.townships_title({"townships": 5, "passed": 3, "failed": 2, "vetoed": 1}) == "2个乡镇考核未达标，其中1个一票否决"
    assert hl.next_steps_headline({"overdue_major": 2, "unfiled": 0, "uninspected": 5}, 180) == (
        "下步工作重点：一是督促2项逾期重大隐患限期整改销号；二是对5家超过180天未检查的高风险企业开展检查。",)
    assert hl.next_steps_headline({"overdue_major": 0, "unfiled": 1, "uninspected": 0}, 180) == (
        "下步工作重点：推动1处重点部位完成市县两级备案。",)
    assert hl.next_steps_headline({"overdue_major": 0, "unfiled": 0, "uninspected": 0}, 180) == (
        "逾期重大隐患、重点部位备案和高风险企业检查均无遗留事项，继续保持。",)
    assert hl.next_steps_title({"overdue_major": 0, "unfiled": 0, "uninspected": 0}) == "下步重点：巩固成果、持续排查"


# ---------------------------------------------------------------------------------------------- the brief on rows


def _filters(region=CITY):
    return Filters(start=date(2025, 1, 1), end=AS_OF, region_code=region, as_of=AS_OF)


def _kpi_values(slide) -> dict:
    return {k.key: k.value for k in slide.kpis}


def test_brief_numbers_are_the_metrics_own(small_con):
    filters = _filters()
    brief = build_brief(small_con, filters, generated_at=GENERATED)
    assert [s.key for s in brief.slides] == list(SLIDE_KEYS)
    assert [s.section for s in brief.slides] == ["事故形势", "隐患治理", "重点部位", "乡镇排名", "下步工作"]

    summary = metrics.accidents_summary(small_con, filters)
    projection = acc_metrics.death_projection(small_con, filters)
    assert _kpi_values(brief.slide("accidents")) == {
        "accidents.accidents": summary["accidents"],
        "accidents.deaths_incl_missing": summary["deaths_incl_missing"],
        "accidents.yoy_pct.accidents": summary["yoy_pct"]["accidents"],
        "accidents.yoy_pct.deaths": summary["yoy_pct"]["deaths"],
        "accidents.larger_and_above": summary["larger_and_above"],
        "projection.used": projection.used,
    }
    totals = metrics.rectification_totals(small_con, filters)
    assert _kpi_values(brief.slide("rectification")) == {
        f"rectification.{k}": totals[k] for k in ("found", "rate", "major_rate", "overdue", "supervised_open")}
    scores = priority.risk_scores(small_con, priority.as_of_filters(small_con, AS_OF, CITY))
    levels = priority.level_counts(scores)
    gaps = priority.ledger_gaps(small_con, filters).counts()
    assert _kpi_values(brief.slide("priority")) == {
        "priority.red": levels["red"], "priority.orange": levels["orange"], "ledger.key_sites": gaps["key_sites"],
        "ledger.not_fully_filed": gaps["not_fully_filed"],
        "ledger.measures_not_in_place": gaps["measures_not_in_place"]}
    entries = campaigns.townships(small_con, filters)["townships"]
    assert _kpi_values(brief.slide("townships")) == {
        "townships.townships": len(entries),
        "townships.passed": sum(e["result"] == "passed" for e in entries),
        "townships.failed": sum(e["result"] == "failed" for e in entries),
        "townships.vetoed": sum(e["vetoed"] for e in entries)}
    overdue = rectification.overdue_list(small_con, filters)
    assert _kpi_values(brief.slide("next_steps"))["next_steps.overdue_major"] == int((overdue["grade"] == "major").sum())
    # and the displays are those numbers as text
    assert [k.display for k in brief.slide("accidents").kpis] == [
        "3", "4", metrics_signed(summary["yoy_pct"]["accidents"]), metrics_signed(summary["yoy_pct"]["deaths"]),
        "1", "40.0%"]


def metrics_signed(value):
    from riskdash import i18n

    return i18n.signed_pct(value)


def test_brief_on_the_small_city_whole_text(small_con):
    brief = build_brief(small_con, _filters(), generated_at=GENERATED)
    meta = brief.meta
    assert (meta.region_name, meta.region_level, meta.is_demo, meta.demo_text) == ("示例市", "city", False, None)
    assert meta.filters_text == "统计期间 2025-01-01 至 2025-06-30 · 区域 示例市 · 截至 2025-06-30"
    assert meta.title == "示例市安全生产形势汇报"
    assert meta.generated_text == "生成时间 2025-07-01 09:00"
    accidents = brief.slide("accidents")
    summary = metrics.accidents_summary(small_con, _filters())
    yoy = summary["yoy_pct"]
    assert accidents.headline[0].startswith("1—6月，全市共发生生产安全事故3起、死亡4人，")
    assert accidents.headline[0].endswith("；其中较大事故1起、死亡3人。")
    assert f"{abs(yoy['deaths']):.1f}%" in accidents.headline[0] or yoy["deaths"] == 0
    assert accidents.chart.kind == "column" and accidents.chart.categories == tuple(f"{m}月" for m in range(1, 7))
    assert accidents.chart.series[0] == ("本期", (1, 0, 3, 0, 0, 0))
    assert accidents.chart.series[1] == ("上年同期", (None, 1, 0, 0, 1, 0))  # January 2024 precedes the data
    assert accidents.table.rows == (("2025-03-02", "西乡", "西乡运输", "车辆伤害", "较大", "3"),)
    rect = brief.slide("rectification")
    assert rect.title == "隐患整改率33.3%，逾期未整改3项"
    assert rect.table.rows == (("H4", "东镇", "东镇化工", "2025-06-15", "15", "县级挂牌督办"),)
    nxt = brief.slide("next_steps")
    assert nxt.table.rows[:2] == (("逾期重大隐患", "东镇化工（H4）", "东镇", "逾期15天"),
                                  ("重点部位未备案", "南街道商场人员密集区", "南街道", "未报市级备案"))
    assert all(s.placeholder is None for s in brief.slides)


def test_region_below_the_city_uses_its_own_wording(small_con):
    county = build_brief(small_con, _filters(COUNTY_A), generated_at=GENERATED)
    assert county.slide("accidents").headline[0].startswith("1—6月，全县共发生生产安全事故2起、死亡4人")
    town = build_brief(small_con, _filters(TOWN_A1), generated_at=GENERATED)
    assert town.slide("accidents").headline[0].startswith("1—6月，东镇共发生生产安全事故1起、死亡1人")
    assert town.meta.region_level == "township"


def test_missing_data_gets_a_placeholder_not_a_number(tmp_path):
    con = db.connect(tmp_path / "empty.duckdb", create=True)
    try:
        con.execute("insert into regions values ('419900000000', '空市', 'city', null, null, null)")
        brief = build_brief(con, _filters(), generated_at=GENERATED)
    finally:
        con.close()
    accidents = brief.slide("accidents")
    assert accidents.placeholder.startswith("统计期间没有事故数据")
    assert (accidents.headline, accidents.kpis, accidents.chart) == ((), (), None)
    assert accidents.title == "事故数据缺失，无法研判形势"
    rect = brief.slide("rectification")
    assert rect.placeholder == "统计期间内没有登记隐患，整改率无法计算（—）。"
    assert {k.key: k.display for k in rect.kpis}["rectification.rate"] == "—"
    assert brief.slide("priority").placeholder == "所选区域没有在营企业，无法进行风险排序。"
    assert brief.slide("townships").placeholder == "所选区域没有乡镇级区域，无法进行乡镇排名。"
    nxt = brief.slide("next_steps")
    assert nxt.placeholder == "所选区域没有在营企业、隐患和重点部位记录，无法从数据列出下步工作。"
    assert nxt.headline == () and nxt.title == "下步工作：缺少企业与隐患数据"


def test_english_brief(small_con):
    brief = build_brief(small_con, _filters(), lang="en", generated_at=GENERATED)
    assert [s.section for s in brief.slides] == ["Accidents", "Hazard rectification", "Key sites", "Townships",
                                                 "Next steps"]
    assert brief.meta.filters_text == "Period 2025-01-01 to 2025-06-30 · region 示例市 · as of 2025-06-30"


def test_chart_spec_draws_a_figure(small_con):
    brief = build_brief(small_con, _filters(), generated_at=GENERATED)
    fig = brief.slide("priority").chart.figure()
    assert [t.name for t in fig.data] == ["红色", "橙色"]
    assert fig.data[0].orientation == "h"
    assert "示例市" in fig.layout.title.text and "Noto Sans CJK SC" in fig.layout.font.family


def test_chart_spec_png_for_the_word_and_pdf_exports(small_con):
    brief = build_brief(small_con, _filters(), generated_at=GENERATED)
    chart = brief.slide("rectification").chart
    assert chart.value_max == 100 and chart.figure().layout.xaxis.range == (0, 100)
    png = chart.png(width=600, height=300)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000


def test_english_titles():
    s = _summary(40, 35, 35, 30, larger=1, larger_deaths=6)
    tests = _tests(0.5, 0.5, s)
    assert hl.accidents_title(s, tests, lang="en") == (
        "1 accident(s) with 3+ deaths; deaths up 16.7% year on year, within normal fluctuation")
    assert hl.accidents_title(_summary(9, 10, 11, 13), lang="en") == "Deaths down 23.1% year on year"


def test_a_part_whose_metrics_have_not_landed_says_so(small_con, monkeypatch):
    from riskdash.briefing import content

    real = content._metric_module
    monkeypatch.setattr(content, "_metric_module", lambda name: None if name == "campaigns" else real(name))
    brief = build_brief(small_con, _filters(), generated_at=GENERATED)
    townships = brief.slide("townships")
    assert townships.placeholder == "本部分指标尚未建成（riskdash.metrics.campaigns），暂不列示。"
    assert (townships.kpis, townships.headline, townships.chart, townships.table) == ((), (), None, None)
    assert brief.slide("accidents").placeholder is None
