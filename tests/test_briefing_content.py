"""The briefing's content model and its headline text: every KPI is the metrics' own value, every branch of the
official wording on hand-made numbers (whole strings)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from conftest import AS_OF, CITY, COUNTY_A, TOWN_A1, new_database
from riskdash import db, metrics
from riskdash.briefing import SLIDE_KEYS, build_brief
from riskdash.briefing import headline as hl
from riskdash.filters import Filters
from riskdash.metrics import accidents as acc_metrics
from riskdash.metrics import campaigns, priority, rectification
from riskdash.metrics.accidents import Projection

GENERATED = datetime(2025, 7, 1, 9, 0)


def _summary(accidents, deaths, prev_accidents, prev_deaths, larger=0, by_grade=None, larger_deaths=0,
             prev_larger=0, missing=0):
    by_grade = by_grade or {"general": accidents - larger, "larger": larger, "major": 0, "especially_major": 0}
    return {
        "accidents": accidents, "deaths_incl_missing": deaths, "missing": missing, "larger_and_above": larger,
        "larger_and_above_deaths": larger_deaths, "by_grade": by_grade,
        "previous": {"accidents": prev_accidents, "deaths_incl_missing": prev_deaths,
                     "larger_and_above": prev_larger},
        "yoy_pct": {"accidents": metrics.change_pct(accidents, prev_accidents),
                    "deaths": metrics.change_pct(deaths, prev_deaths)},
    }


H1 = dict(start=date(2026, 1, 1), end=date(2026, 6, 30), region_name="云川市", region_level="city")
RED_LINE = "较大及以上事故的发生，突破了“坚决杜绝较大及以上事故”的红线，暴露出安全生产责任和措施落实不到位，教训十分深刻。"


# ---------------------------------------------------------------------------------------------- period and place


@pytest.mark.parametrize(("start", "end", "text"), [
    (date(2026, 1, 1), date(2026, 1, 31), "1月"),
    (date(2026, 1, 1), date(2026, 6, 30), "1—6月"),
    (date(2026, 3, 1), date(2026, 5, 31), "3—5月"),
    (date(2026, 1, 1), date(2026, 11, 28), "1月1日—11月28日"),
    (date(2026, 11, 28), date(2026, 11, 28), "11月28日"),
    (date(2026, 11, 1), date(2026, 11, 28), "11月1日—28日"),
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


def test_region_kind_from_the_name_or_the_kind_column():
    assert [hl.region_kind(n, "county") for n in ("甲县", "绿营区", "太门市", "乙区（演示）", "某某")] == [
        "县", "区", "市", "区", "县"]
    assert [hl.region_kind(n, "township") for n in ("新水镇", "太湾乡", "城关街道", "太门工业园区",
                                                     "绿营经济开发区")] == ["镇", "乡", "街道", "园区", "园区"]
    # a name that does not say: the regions table's kind
    assert hl.region_kind("东关", "township", "subdistrict") == "街道"
    assert hl.region_kind("东关", "township", None) == "镇"
    assert hl.region_kind("云川市（演示）", "city") == "市"
    assert hl.region_phrase("太门市", "county") == "全市"


# ---------------------------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(("value", "text"), [(0.959, "95.9%"), (0.5, "50%"), (1.0, "100%"), (0.0, "0%"),
                                             (0.3333, "33.3%"), (None, "—")])
def test_rates_without_a_trailing_zero(value, text):
    assert hl.pct_text(value) == text


@pytest.mark.parametrize(("value", "text"), [(5.6, "+5.6%"), (-1.2, "-1.2%"), (100.0, "+100%"), (0.0, "0%"),
                                             (-20.0, "-20%"), (None, "—")])
def test_changes_without_a_trailing_zero(value, text):
    assert hl.signed_pct_text(value) == text


def test_counts_with_separators_and_units():
    assert hl.count_text(28533, "项") == "28,533项"
    assert hl.count_text(4, "家") == "4家"
    assert hl.count_text(1000, "起") == "1,000起"
    assert hl.count_text(None, "起") == "—"
    assert hl.count_text(28533, "items", "en") == "28,533"


# ---------------------------------------------------------------------------------------------- accidents


def test_both_down_with_one_larger_accident_and_the_red_line():
    s = _summary(89, 105, 110, 136, larger=1, larger_deaths=3, prev_larger=3)
    assert hl.accidents_headline(s, **H1) == (
        "1—6月，全市共发生生产安全事故89起、死亡105人，同比实现“双下降”，分别下降19.1%、22.8%；"
        "其中较大事故1起、死亡3人，同比减少2起。",
        RED_LINE,
    )
    assert hl.accidents_title(s) == "较大事故1起，同比减少2起；事故起数、死亡人数同比实现“双下降”，分别下降19.1%、22.8%"


def test_both_up_is_serious():
    s = _summary(12, 14, 10, 10)
    assert hl.accidents_headline(s, **H1) == (
        "1—6月，全市共发生生产安全事故12起、死亡14人，同比“双上升”，分别上升20%、40%，形势严峻；"
        "未发生较大及以上生产安全事故。",)
    assert hl.accidents_title(s) == "事故起数、死亡人数同比“双上升”，分别上升20%、40%，形势严峻"


def test_one_up_one_down_names_both_and_the_missing():
    # the demo city's 1–28 November: accidents up, deaths down; two 较大 accidents against four
    s = _summary(208, 170, 197, 172, larger=2, larger_deaths=10, prev_larger=4, missing=4)
    assert hl.accidents_headline(s, **H1)[0] == (
        "1—6月，全市共发生生产安全事故208起、死亡170人（含失踪4人），事故起数同比上升5.6%、死亡人数下降1.2%"
        "（“一升一降”）；其中较大事故2起、死亡10人，同比减少2起。")
    assert hl.accidents_title(s) == "较大事故2起，同比减少2起；事故起数同比上升5.6%、死亡人数下降1.2%（“一升一降”）"


def test_small_bases_in_cases_and_a_larger_accident_never_fluctuation():
    # a township: one accident and one death last year, a 较大 accident this year (deaths +400 %)
    s = _summary(2, 5, 1, 1, larger=1, larger_deaths=4, prev_larger=0)
    text = hl.accidents_headline(s, start=date(2026, 1, 1), end=date(2026, 11, 28), region_name="临门街道",
                                 region_level="township")
    assert text == (
        "1月1日—11月28日，临门街道共发生生产安全事故2起、死亡5人，同比“双上升”，分别增加1起、4人，形势严峻；"
        "其中较大事故1起、死亡4人，上年同期未发生较大及以上事故。",
        RED_LINE,
    )
    assert hl.accidents_title(s) == (
        "较大事故1起，上年同期未发生较大及以上事故；事故起数、死亡人数同比“双上升”，分别增加1起、4人，形势严峻")


def test_small_base_boundary_is_ten():
    # last year 9: in cases; last year 10: in per cent
    assert hl.yoy_clause(_summary(12, 6, 9, 10)) == "事故起数同比增加3起、死亡人数下降40%（“一升一降”）"
    assert hl.yoy_clause(_summary(12, 12, 9, 10)) == "同比“双上升”，事故起数增加3起、死亡人数上升20%，形势严峻"
    assert hl.yoy_clause(_summary(12, 12, 10, 9)) == "同比“双上升”，事故起数上升20%、死亡人数增加3人，形势严峻"
    assert hl.yoy_clause(_summary(3, 4, 5, 9)) == "同比实现“双下降”，分别减少2起、5人"


def test_one_measure_flat():
    s = _summary(10, 30, 10, 12)
    assert hl.accidents_headline(s, **H1) == (
        "1—6月，全市共发生生产安全事故10起、死亡30人，事故起数同比持平、死亡人数上升150%；未发生较大及以上生产安全事故。",)
    assert hl.accidents_title(s) == "事故起数同比持平、死亡人数上升150%"


def test_both_flat():
    s = _summary(5, 6, 5, 6)
    assert hl.accidents_headline(s, **H1) == (
        "1—6月，全市共发生生产安全事故5起、死亡6人，与上年同期持平；未发生较大及以上生产安全事故。",)
    assert hl.accidents_title(s) == "事故起数、死亡人数与上年同期持平"


def test_no_accident_last_year():
    s = _summary(2, 1, 0, 0)
    assert hl.accidents_headline(s, **H1) == (
        "1—6月，全市共发生生产安全事故2起、死亡1人，上年同期未发生生产安全事故；未发生较大及以上生产安全事故。",)
    assert hl.accidents_title(s) == "发生事故2起、死亡1人，上年同期未发生生产安全事故"


def test_no_death_last_year():
    s = _summary(4, 2, 2, 0)
    assert hl.accidents_headline(s, **H1)[0] == (
        "1—6月，全市共发生生产安全事故4起、死亡2人，事故起数同比增加2起，上年同期未发生亡人事故；"
        "未发生较大及以上生产安全事故。")
    assert hl.accidents_title(s) == "事故起数同比增加2起，上年同期未发生亡人事故"


def test_zero_deaths_this_period():
    s = _summary(3, 0, 4, 2)
    assert hl.accidents_headline(s, **H1) == (
        "1—6月，全市共发生生产安全事故3起，未发生亡人事故，事故起数同比减少1起，上年同期死亡2人；"
        "未发生较大及以上生产安全事故。",)
    assert hl.accidents_title(s) == "发生事故3起，未发生亡人事故，事故起数同比减少1起，上年同期死亡2人"
    neither = _summary(3, 0, 4, 0)
    assert hl.accidents_headline(neither, **H1)[0] == (
        "1—6月，全市共发生生产安全事故3起，未发生亡人事故，事故起数同比减少1起；未发生较大及以上生产安全事故。")


def test_no_previous_year_data():
    s = _summary(3, 4, 0, 0, larger=1, larger_deaths=3)
    assert hl.accidents_headline(s, has_previous_data=False, start=date(2025, 1, 1), end=date(2025, 6, 30),
                                 region_name="甲县", region_level="county") == (
        "1—6月，全县共发生生产安全事故3起、死亡4人，上年同期无统计数据，同比无法计算；其中较大事故1起、死亡3人。",
        RED_LINE,
    )
    assert hl.accidents_title(s, has_previous_data=False) == "较大事故1起；发生事故3起、死亡4人，上年同期无统计数据，同比无法计算"


def test_zero_accidents_with_and_without_last_year():
    none = _summary(0, 0, 3, 2)
    assert hl.accidents_headline(none, start=date(2026, 1, 1), end=date(2026, 1, 31), region_name="东镇",
                                 region_level="township") == (
        "1月，东镇未发生生产安全事故（上年同期发生3起、死亡2人）。",)
    assert hl.accidents_headline(_summary(0, 0, 0, 0), **H1) == ("1—6月，全市未发生生产安全事故。",)
    assert hl.accidents_title(none) == "未发生生产安全事故"


def test_no_larger_accident_names_last_years():
    s = _summary(40, 35, 35, 30, prev_larger=2)
    assert hl.larger_phrase(s) == "；未发生较大及以上生产安全事故，同比减少2起"


def test_several_grades_and_a_period_across_years():
    by_grade = {"general": 7, "larger": 2, "major": 1, "especially_major": 0}
    s = _summary(10, 25, 8, 20, larger=3, by_grade=by_grade, larger_deaths=19, prev_larger=1)
    text = hl.accidents_headline(s, start=date(2025, 7, 1), end=date(2026, 6, 30), region_name="云川市",
                                 region_level="city")
    assert text == ("2025年7月—2026年6月，全市共发生生产安全事故10起、死亡25人，同比“双上升”，事故起数增加2起、"
                    "死亡人数上升25%，形势严峻；其中重大事故1起、较大事故2起，共死亡19人，同比增加2起。", RED_LINE)
    assert hl.accidents_title(s).startswith("较大及以上事故3起，同比增加2起；")


def test_target_and_projection_sentences():
    s = _summary(9, 10, 11, 13)
    within = Projection(2026, date(2026, 6, 30), 40, 10, (2023, 2024, 2025), 12.4, 22.4)
    over = replace(within, projected=41.6)
    passed = replace(within, deaths_to_date=41)
    assert hl.accidents_headline(s, projection=within, **H1)[-1] == (
        "2026年以来死亡10人，占全年控制指标（40人）的25%；按往年同期测算，全年预计死亡约22人，在控制指标以内。")
    assert hl.target_sentence(over) == (
        "2026年以来死亡10人，占全年控制指标（40人）的25%；按往年同期测算，全年预计死亡约42人，有突破控制指标的风险。")
    assert hl.target_sentence(passed) == "2026年以来死亡41人，已突破全年控制指标（40人）。"
    assert hl.target_sentence(replace(within, projected=None, baseline_rest_mean=None)) == (
        "2026年以来死亡10人，占全年控制指标（40人）的25%。")
    assert hl.target_sentence(replace(within, target=None)) is None


def test_english_headline():
    s = _summary(89, 105, 110, 136)
    assert hl.accidents_headline(s, lang="en", **H1)[0] == (
        "In Jan–Jun 2026, the city had 89 work-safety accidents with 105 deaths, both down year on year, down "
        "19.1% and 22.8%; no relatively major or worse accident (较大及以上) occurred.")


# ---------------------------------------------------------------------------------------------- other parts


def _kpis(found=6, rectified=2, major_found=2, major_closed=1, overdue=3, overdue_major=1, supervised_open=1):
    return {"found": found, "rectified": rectified, "rate": metrics.rate(rectified, found), "major_found": major_found,
            "major_closed": major_closed, "major_rate": metrics.rate(major_closed, major_found), "overdue": overdue,
            "overdue_major": overdue_major, "supervised_open": supervised_open}


def _stock(open_=4, open_major=1, overdue=3, overdue_major=1, unrectified=0, supervised_open=2):
    return {"open": open_, "open_major": open_major, "overdue": overdue, "overdue_major": overdue_major,
            "overdue_major_unrectified": unrectified, "supervised_open": supervised_open}


def test_rectification_wording_flow_then_stock():
    scope = dict(start=date(2025, 1, 1), end=date(2025, 6, 30), as_of=date(2025, 6, 30), region_name="示例市",
                 region_level="city")
    # the flow of the period, then the stock on the as-of day (any year's hazards): 逾期未销号 overall,
    # 逾期未整改 only for those not rectified
    assert hl.rectification_headline(_kpis(), _stock(), **scope) == (
        "1—6月，全市共排查登记隐患6项，已整改2项，整改率33.3%；其中重大隐患2项，已整改销号1项，整改率50%。",
        "截至2025年6月30日，尚有逾期未销号隐患3项，其中重大隐患1项（均已整改待验收）；挂牌督办重大隐患未摘牌2项。",
    )
    clear = _kpis(found=4, rectified=4, major_found=0, major_closed=0, overdue=0, overdue_major=0, supervised_open=0)
    none_open = _stock(0, 0, 0, 0, 0, 0)
    assert hl.rectification_headline(clear, none_open, **scope) == (
        "1—6月，全市共排查登记隐患4项，已整改4项，整改率100%；未排查出重大隐患。",
        "截至2025年6月30日，无逾期未销号隐患；挂牌督办重大隐患未摘牌0项。",
    )
    assert hl.rectification_title(_kpis(), _stock()) == "隐患整改率33.3%，尚有逾期未销号隐患3项"
    assert hl.rectification_title(clear, none_open) == "隐患整改率100%，无逾期未销号隐患"
    empty = _kpis(found=0, rectified=0, major_found=0, major_closed=0, overdue=0, overdue_major=0, supervised_open=0)
    assert hl.rectification_headline(empty, _stock(), **scope) == ()
    assert hl.rectification_title(empty, _stock()) == "统计期间未登记隐患"


@pytest.mark.parametrize(("stock", "text"), [
    # the demo city on 28 November 2026: 37 overdue majors, 5 of them rectified and awaiting verification
    (_stock(1373, 127, 843, 37, 32, 51),
     "截至2026年11月28日，尚有逾期未销号隐患843项，其中重大隐患37项（32项逾期未整改、5项已整改待验收）；"
     "挂牌督办重大隐患未摘牌51项。"),
    (_stock(10, 2, 5, 2, 2, 1),
     "截至2026年11月28日，尚有逾期未销号隐患5项，其中重大隐患2项（均逾期未整改）；挂牌督办重大隐患未摘牌1项。"),
    (_stock(10, 0, 5, 0, 0, 0), "截至2026年11月28日，尚有逾期未销号隐患5项，无逾期重大隐患；挂牌督办重大隐患未摘牌0项。"),
])
def test_stock_sentence(stock, text):
    assert hl.stock_sentence(stock, date(2026, 11, 28)) == text


def test_month_on_month_on_the_same_days():
    s = {**_summary(13, 10, 12, 14), "mom": {"from": date(2026, 10, 1), "to": date(2026, 10, 28), "accidents": 19,
                                               "deaths_incl_missing": 18,
                                               "mom_pct": {"accidents": -31.6, "deaths": -44.4}}}
    text = hl.accidents_headline(s, start=date(2026, 11, 1), end=date(2026, 11, 28), region_name="云川市",
                                 region_level="city")
    assert text[0].startswith("11月1日—28日，全市共发生生产安全事故13起、死亡10人，")
    assert text[1] == "与上月同期（10月1日—28日）相比，事故起数下降31.6%、死亡人数下降44.4%。"
    small = {**s, "mom": {**s["mom"], "accidents": 9, "deaths_incl_missing": 4,
                          "mom_pct": {"accidents": 44.4, "deaths": 150.0}}}
    assert hl.mom_sentence(small) == "与上月同期（10月1日—28日）相比，事故起数增加4起、死亡人数增加6人。"
    none = {**s, "mom": {**s["mom"], "accidents": 0, "deaths_incl_missing": 0,
                         "mom_pct": {"accidents": None, "deaths": None}}}
    assert hl.mom_sentence(none) == "上月同期（10月1日—28日）未发生生产安全事故。"
    assert hl.mom_sentence({**s, "mom": None}) is None


@pytest.mark.parametrize(("used", "elapsed", "tail"), [
    (96.6, 91.0, "，超时间进度5.6个百分点"), (40.0, 49.6, "，低于时间进度9.6个百分点"), (50.0, 50.0, "，与时间进度持平")])
def test_control_target_against_time_elapsed(used, elapsed, tail):
    projection = Projection(2026, date(2026, 11, 28), 176, 170, (2023, 2024, 2025), 18.0, 188.0)
    target = {"year": 2026, "max_deaths": 176, "used_pct": used, "time_elapsed_pct": elapsed, "deaths_incl_missing": 170}
    assert hl.target_sentence(projection, target=target) == (
        f"2026年以来死亡170人，占全年控制指标（176人）的{hl.pct_number(used)}%{tail}；按往年同期测算，全年预计死亡约188人，"
        "有突破控制指标的风险。")


def test_priority_townships_and_next_steps_wording():
    levels = {"red": 0, "orange": 3, "yellow": 5, "blue": 9}
    gaps = {"key_sites": 4, "not_fully_filed": 0, "measures_not_in_place": 1, "townships_without_sites": 2,
            "high_risk_enterprises_without_sites": 6}
    assert hl.priority_title(levels, gaps, 17) == "无红色预警企业，重点关注企业3家"
    assert hl.priority_title({**levels, "red": 2}, {**gaps, "not_fully_filed": 3}, 17) == (
        "红色预警企业2家，需重点盯防；3处重点部位未完成备案")
    # the score is 风险评分; an enterprise of a high-risk sector without a key site is not a deficiency
    assert hl.priority_headline(levels, gaps, enterprises=17, as_of=date(2026, 11, 28), region_name="云川市",
                                region_level="city") == (
        "截至2026年11月28日，全市在营企业17家，按风险评分，其中红色预警企业0家、重点关注企业（橙色）3家。",
        "重点部位台账4处，其中未完成市县两级备案0处、监控措施未落实1处；2个乡镇未上报重点部位。")
    assert hl.priority_title(levels, gaps, 0) == "无在营企业可排序"
    assert hl.townships_title({"townships": 5, "passed": 5, "failed": 0, "vetoed": 0}) == "5个乡镇考核全部合格"
    assert hl.townships_title({"townships": 5, "passed": 3, "failed": 2, "vetoed": 1}) == "2个乡镇考核不合格，其中1个一票否决"
    assert hl.next_steps_headline({"overdue_major": 2, "unfiled": 0, "uninspected": 5}, 180) == (
        "下步工作重点：一是督促2项逾期未销号重大隐患限期整改销号；二是对5家超过180天未检查的红色预警和重点关注企业开展检查。",)
    assert hl.next_steps_headline({"overdue_major": 0, "unfiled": 1, "uninspected": 0}, 180) == (
        "下步工作重点：推动1处重点部位完成市县两级备案。",)
    assert hl.next_steps_headline({"overdue_major": 0, "unfiled": 0, "uninspected": 0}, 180) == (
        "逾期未销号重大隐患、重点部位备案和红色预警和重点关注企业检查均无遗留事项，继续保持。",)
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
        **{f"rectification.{k}": totals[k] for k in ("found", "rate", "major_rate")},
        **{f"rectification.stock.{k}": totals["stock"][k] for k in ("overdue", "supervised_open")}}
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
    assert [k.display for k in brief.slide("accidents").kpis] == ["3起", "4人", "0%", "+100%", "1起", "40%"]
    assert (summary["yoy_pct"]["accidents"], summary["yoy_pct"]["deaths"]) == (0.0, 100.0)
    # H3, supervised and verified but not delisted, is still 挂牌督办未摘牌
    assert [k.display for k in brief.slide("rectification").kpis] == ["6项", "33.3%", "50%", "3项", "2项"]


def test_brief_on_the_small_city_whole_text(small_con):
    brief = build_brief(small_con, _filters(), generated_at=GENERATED)
    meta = brief.meta
    assert (meta.region_name, meta.region_level, meta.is_demo, meta.demo_text) == ("示例市", "city", False, None)
    assert meta.filters_text == "统计期间 2025年1—6月 · 区域 示例市 · 截至2025年6月30日"
    assert meta.title == "示例市安全生产形势汇报"
    assert meta.generated_text == "生成时间 2025年7月1日 09:00"  # the one date style on screen (issue 17 item 8)
    accidents = brief.slide("accidents")
    # last year: 3 accidents, 2 deaths, one 较大 — a small base, said in cases
    assert accidents.headline[:2] == (
        "1—6月，全市共发生生产安全事故3起、死亡4人（含失踪1人），事故起数同比持平、死亡人数增加2人；"
        "其中较大事故1起、死亡3人，同比持平。", RED_LINE)
    assert accidents.title == "较大事故1起，同比持平；事故起数同比持平、死亡人数增加2人"
    assert accidents.chart.kind == "column" and accidents.chart.categories == tuple(f"{m}月" for m in range(1, 7))
    assert accidents.chart.series[0] == ("本期", (1, 0, 3, 0, 0, 0))
    assert accidents.chart.series[1] == ("上年同期", (None, 1, 0, 0, 1, 0))  # January 2024 precedes the data
    assert accidents.table.rows == (("3月2日", "西乡", "西乡运输", "车辆伤害", "较大", "3"),)
    rect = brief.slide("rectification")
    assert rect.title == "隐患整改率33.3%，尚有逾期未销号隐患3项"
    assert rect.headline[1] == ("截至2025年6月30日，尚有逾期未销号隐患3项，其中重大隐患1项（均已整改待验收）；"
                                "挂牌督办重大隐患未摘牌2项。")
    assert rect.table.columns == ("隐患编号", "乡镇", "企业", "整改期限", "逾期天数", "整改情况", "挂牌督办")
    assert rect.table.rows == (("H4", "东镇", "东镇化工", "6月15日", "15", "待验收", "县级"),)
    assert accidents.headline[2] == ("2025年以来死亡4人，占全年控制指标（10人）的40%，低于时间进度9.6个百分点；"
                                     "按往年同期测算，全年预计死亡约4人，在控制指标以内。")
    nxt = brief.slide("next_steps")
    assert nxt.table.rows[:2] == (("逾期未销号重大隐患", "东镇化工（H4）", "东镇", "逾期15天"),
                                  ("重点部位未备案", "南街道商场人员密集区", "南街道", "未报市级备案"))
    assert all(s.placeholder is None for s in brief.slides)


def test_region_below_the_city_uses_its_own_wording(small_con):
    county = build_brief(small_con, _filters(COUNTY_A), generated_at=GENERATED)
    assert county.slide("accidents").headline[0].startswith("1—6月，全县共发生生产安全事故2起、死亡4人")
    town = build_brief(small_con, _filters(TOWN_A1), generated_at=GENERATED)
    assert town.slide("accidents").headline[0].startswith("1—6月，东镇共发生生产安全事故1起、死亡1人")
    assert town.meta.region_level == "township"


def test_missing_data_gets_a_placeholder_not_a_number(tmp_path):
    con = db.connect(new_database(tmp_path / "empty.duckdb"))
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
    assert brief.meta.filters_text == "Period Jan–Jun 2025 · region 示例市 · as of 30 Jun 2025"


def test_chart_spec_draws_a_figure(small_con):
    brief = build_brief(small_con, _filters(), generated_at=GENERATED)
    fig = brief.slide("priority").chart.figure()
    assert [t.name for t in fig.data] == ["红色预警", "重点关注"]
    assert fig.data[0].orientation == "h"
    assert "示例市" in fig.layout.title.text and "Noto Sans CJK SC" in fig.layout.font.family


def test_chart_spec_png_for_the_word_and_pdf_exports(small_con):
    brief = build_brief(small_con, _filters(), generated_at=GENERATED)
    chart = brief.slide("rectification").chart
    start, end, unit = chart.value_axis()  # zoomed where the bars differ (test_chart_axes), the title saying so
    assert chart.value_max == 100 and chart.figure().layout.xaxis.range == (start, 100)
    assert chart.figure().layout.xaxis.title.text == unit
    png = chart.png(width=600, height=300)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000


def test_english_titles():
    s = _summary(40, 35, 35, 30, larger=1, larger_deaths=6, prev_larger=1)
    assert hl.accidents_title(s, lang="en") == (
        "1 Relatively major accident(s), unchanged year on year; Accidents and deaths both up year on year, "
        "up 14.3% and 16.7%: a serious situation")
    assert hl.accidents_title(_summary(9, 10, 11, 13), lang="en") == (
        "Accidents and deaths both down year on year, down 18.2% and 23.1%")


# ---------------------------------------------------------------------------------------------- the 通报's settings


def test_document_settings_and_kinds_by_region(small_con):
    """版头, 落款 and 版记 from the settings tongbao_* (defaults), filled in for the region and the year; the
    region's kind and the kinds one level down (主送)."""
    def meta(region):
        m = build_brief(small_con, _filters(region), generated_at=GENERATED).meta
        return m.region_kind, m.child_kinds, m.issuer, m.document_number, m.copy_to

    assert meta(CITY) == ("市", ("区", "县"), "示例市安全生产委员会办公室", "示安办〔2025〕\u3000\u3000号",
                          "市委办公室，市政府办公室")
    assert meta(COUNTY_A) == ("县", ("乡", "镇"), "甲县安全生产委员会办公室", "甲安办〔2025〕\u3000\u3000号",
                              "县委办公室，县政府办公室")
    assert meta(TOWN_A1) == ("镇", (), "东镇安全生产委员会办公室", "东安办〔2025〕\u3000\u3000号",
                             "镇党委办公室，镇政府办公室")


def test_document_settings_as_the_office_sets_them(small_con):
    small_con.execute("update settings set value = '云川市安委办' where key = 'tongbao_issuer'")
    small_con.execute("update settings set value = '云安办〔{year}〕12号' where key = 'tongbao_number'")
    # a setting the table lacks (a database older than the setting) takes its default
    small_con.execute("delete from settings where key = 'tongbao_copy_to'")
    m = build_brief(small_con, _filters(), generated_at=GENERATED).meta
    assert (m.issuer, m.document_number, m.copy_to) == ("云川市安委办", "云安办〔2025〕12号", "市委办公室，市政府办公室")
