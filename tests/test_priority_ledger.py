"""The 重点部位 ledger, its gaps, its xlsx export, red/orange counts, the back-test and the site card: whole
results on the hand-made city (conftest), worked out by hand."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
from conftest import AS_OF, CITY, COUNTY_B, TOWN_A1, TOWN_A2, TOWN_B1

from riskdash import charts, i18n
from riskdash.screens.priority import charts as priority_charts
from riskdash.exports.key_site_ledger import key_site_ledger_xlsx
from riskdash.filters import Filters
from riskdash.metrics import priority
from riskdash.screens.priority import view

PERIOD = Filters(date(2024, 1, 1), AS_OF, CITY, AS_OF)


def test_ledger_whole_result(small_con):
    ledger = priority.key_site_ledger(small_con, PERIOD)
    assert ledger[["site_id", "township_name", "county_name", "enterprise_name", "accident_type_zh",
                   "potential_fatalities", "is_fully_filed"]].values.tolist() == [
        ["K1", "东镇", "甲县", "东镇化工", "其他爆炸", 5, True],
        ["K2", "南街道", "乙区", "南街道商场", "火灾", 20, False],
    ]
    assert list(priority.key_site_ledger(small_con, PERIOD.confined_to(COUNTY_B))["site_id"]) == ["K2"]
    towns = priority.ledger_townships(small_con, PERIOD)
    assert towns[["township_name", "key_sites"]].values.tolist() == [["东镇", 1], ["西乡", 0], ["南街道", 1]]


def test_gaps_whole_result(small_con):
    gaps = priority.ledger_gaps(small_con, PERIOD)
    assert gaps.counts() == {"key_sites": 2, "townships_without_sites": 1, "high_risk_enterprises_without_sites": 0,
                             "measures_not_in_place": 1, "not_fully_filed": 1, "accidents_without_ledger": 4}
    assert gaps.townships_without_sites[["region_code", "enterprises", "high_risk_enterprises"]].values.tolist() == [
        [TOWN_A2, 1, 0]]
    assert list(gaps.not_in_place["site_id"]) == ["K2"] and list(gaps.not_fully_filed["site_id"]) == ["K2"]
    # the ledger as it stood before each accident's day (issue 18): A2 (3 deaths incl. missing at E3 in 西乡:
    # neither has an entry); A1 (1 death at E1, no entry; 东镇's K1 was filed with the city on the accident's
    # day, 10 January 2025, so not before it); A7 (较大 by loss at E4, 2024) and A6 (1 death at E2, 2024), whose
    # entries K2 and K1 were filed in 2025, after them; A3 has no deaths and is general; A5 is at county level
    # with no enterprise; A4 is after the period
    assert gaps.accidents_without_ledger[
        ["accident_id", "is_enterprise_without_ledger", "is_township_without_ledger"]].values.tolist() == [
        ["A2", True, True], ["A1", True, True], ["A7", True, True], ["A6", True, True]]


def test_high_risk_enterprises_without_an_entry(small_con):
    small_con.execute("insert into enterprises (enterprise_id, name, region_code, industry, employees) values "
                      "('E5', '西乡建筑', ?, 'construction', 50), ('E6', '西乡烟花', ?, 'fireworks', 5)", [TOWN_A2, TOWN_A2])
    small_con.execute("update enterprises set status = 'closed' where enterprise_id = 'E6'")
    frame = priority.high_risk_enterprises_without_sites(small_con, PERIOD)
    assert frame[["enterprise_id", "township_name", "sector_name_zh"]].values.tolist() == [["E5", "西乡", "建筑施工"]]
    assert priority.high_risk_enterprises_without_sites(small_con, Filters(
        PERIOD.start, PERIOD.end, CITY, AS_OF, "fire")).empty
    towns = priority.townships_without_sites(small_con, PERIOD)
    assert towns[["enterprises", "high_risk_enterprises"]].values.tolist() == [[2, 1]]


def test_accident_gap_boundaries(small_con):
    # a general accident with no deaths but serious injuries is not asked about; one of 较大 by loss is
    small_con.execute("""insert into accidents (accident_id, occurred_at, region_code, enterprise_id, industry,
                         accident_type, deaths, serious_injuries, direct_loss_wan) values
                         ('B1', '2025-02-01', ?, 'E3', 'road_transport', 'vehicle', 0, 9, 999.99),
                         ('B2', '2025-02-02', ?, 'E3', 'road_transport', 'vehicle', 0, 0, 1000)""", [TOWN_A2, TOWN_A2])
    ids = list(priority.accidents_without_ledger(small_con, PERIOD)["accident_id"])
    assert "B2" in ids and "B1" not in ids


@pytest.mark.parametrize(("city_on", "county_on", "enterprise_flag", "township_flag"), [
    ("2025-03-01", None, False, False),          # filed the day before A2 (2 March 2025): listed
    ("2025-03-02", None, True, True),            # filed on the day: not listed before it
    ("2025-03-03", "2025-03-03", True, True),    # filed the day after: the township is still asked
    ("2025-04-01", "2025-03-01", False, False),  # the earlier of the two filing days counts
    (None, None, True, True),                    # never filed: not in the ledger
])
def test_accidents_without_ledger_judge_the_ledger_on_the_accident_day(small_con, city_on, county_on,
                                                                         enterprise_flag, township_flag):
    small_con.execute("""insert into key_sites (site_id, region_code, enterprise_id, name, potential_accident_type,
                         potential_fatalities, filed_city_on, filed_county_on) values
                         ('K3', ?, 'E3', '西乡运输车队', 'vehicle', 3, ?, ?)""", [TOWN_A2, city_on, county_on])
    frame = priority.accidents_without_ledger(small_con, PERIOD).set_index("accident_id")
    if enterprise_flag:
        assert frame.loc["A2", ["is_enterprise_without_ledger", "is_township_without_ledger"]].tolist() == [
            enterprise_flag, township_flag]
    else:
        assert "A2" not in frame.index


def test_ledger_workbook_fit_for_filing(small_con):
    ledger = priority.key_site_ledger(small_con, PERIOD)
    towns = priority.ledger_townships(small_con, PERIOD)
    book = openpyxl.load_workbook(io.BytesIO(key_site_ledger_xlsx(ledger, towns, "示例市", AS_OF)))
    assert book.sheetnames == ["汇总", "东镇", "西乡", "南街道"]
    summary = book["汇总"]
    assert summary["A1"].value == "示例市预防较大及以上生产安全事故重点部位台账汇总"
    assert [[c.value for c in row] for row in summary.iter_rows(min_row=4, max_row=6)] == [
        [1, "甲县", "东镇", 1, 0, 0, "东镇"], [2, "甲县", "西乡", 0, 0, 0, "西乡"], [3, "乙区", "南街道", 1, 1, 1, "南街道"]]
    south = book["南街道"]
    assert south["A1"].value == "乙区南街道预防较大及以上生产安全事故重点部位台账"
    assert "数据截至：2025年6月30日" in south["A2"].value and "共1处" in south["A2"].value
    assert [c.value for c in south[3]][:5] == ["序号", "重点部位名称", "所属企业（单位）", "可能发生的事故类型", "可能造成死亡人数"]
    assert [c.value for c in south[4]] == [1, "南街道商场人员密集区", "南街道商场", "火灾", 20, None, None, "未备案", "2025-02-01", "否",
                                           None, None]  # 措施落实日期: blank when the measures are not in place
    east = book["东镇"]
    # 报备有关部门 (issue 18, schema 27): the 有关部门 the entry was also filed with, blank when none recorded
    assert [c.value for c in east[3]][-3:] == ["监控措施是否落实", "措施落实日期", "报备有关部门"]
    assert [c.value for c in east[4]][-3:] == ["是", "未填报", None]  # in place, the day not recorded
    assert south.page_setup.orientation == "landscape"
    assert "共0处" in book["西乡"]["A2"].value  # an empty ledger is visible, not missing


def test_red_orange_counts(small_con):
    scores = priority.risk_scores(small_con, priority.as_of_filters(small_con, AS_OF, CITY))
    # E3 71.4 red, E2 69 red, E4 53.47 orange, E1 33.2 yellow
    assert priority.red_orange_counts(scores, "township").values.tolist() == [
        [TOWN_A1, "东镇", 1, 0, 2], [TOWN_A2, "西乡", 1, 0, 1], [TOWN_B1, "南街道", 0, 1, 1]]
    assert priority.red_orange_counts(scores, "sector").values.tolist() == [
        ["hazardous_chemicals", "危险化学品", 1, 0, 1], ["road_transport", "道路运输", 1, 0, 1],
        ["fire", "消防（人员密集场所）", 0, 1, 1], ["industry_trade", "工贸", 0, 0, 1]]
    assert priority.level_counts(scores) == {"red": 2, "orange": 1, "yellow": 1, "blue": 0}
    assert priority.red_orange_counts(scores.iloc[0:0], "township").empty


# ---------------------------------------------------------------------------------------------- back-test


def test_backtest_whole_result(small_con):
    frame = priority.backtest(small_con, CITY, [date(2024, 6, 30)])
    # scored on 2024-06-30: E4 51.8 (A7 较大 that day 25, fire 10, 0.8, 16; K2 not yet filed — 2025-02-01 —
    # so not on the ledger that day), E2 43, E3 28.4, E1 25.2;
    # top 10 % of 4 = 1 → E4. The following year's accidents at enterprises: A1 (E1, 1 death), A2 (E3, 较大,
    # 3 deaths incl. missing), A3 (E4, no deaths): none of the 较大 or death ones at E4.
    expected = {"enterprises": 4, "top_n": 1, "larger_accidents": 1, "larger_in_top": 0, "death_accidents": 2,
                "death_in_top": 0, "chance_share": 0.25, "larger_share": 0.0, "death_share": 0.0}
    assert len(frame) == 2  # the day and the pooled row
    for _, row in frame.iterrows():
        assert {k: row[k] for k in expected} == expected
    assert frame.loc[0, "until"] == date(2025, 6, 30) and frame.loc[1, "as_of"] is None


def test_backtest_shares_are_none_without_accidents(small_con):
    frame = priority.backtest(small_con, CITY, [date(2025, 7, 2)])
    assert frame.loc[0, "larger_accidents"] == 0 and frame.loc[0, "larger_share"] is None
    assert view.backtest_table(frame, "zh").iloc[0]["较大及以上占比"] == "—"


def test_weight_calibration_whole_result(small_con):
    day = date(2024, 6, 30)
    rankings = priority.backtest_rankings(small_con, CITY, [day])
    frame = priority.weight_calibration(rankings, priority.risk_weights(small_con))
    # stored weights: E4 51.8 first (see above). Without the sector (× 4): E4 41.8, E2 25, E1 17.2, E3 16.4;
    # records only (also without 0.01 × employees): E4 41, E2 22, E1 16, E3 16. E4 stays first in every set,
    # and none of the following year's 较大 or death accidents happened at E4.
    assert frame[["weights", "zeroed", "days", "top_n", "larger_in_top", "larger_accidents", "death_in_top",
                  "death_accidents", "larger_share", "chance_share"]].values.tolist() == [
        ["stored", (), 1, 1, 0, 1, 0, 2, 0.0, 0.25],
        ["no_sector", ("sector_inherent",), 1, 1, 0, 1, 0, 2, 0.0, 0.25],
        ["records_only", ("sector_inherent", "employees_per_100"), 1, 1, 0, 1, 0, 2, 0.0, 0.25],
    ]
    no_sector = priority.rescored(rankings[0].scores, {**priority.risk_weights(small_con), "sector_inherent": 0})
    assert no_sector.values.tolist() == [["E4", 41.8], ["E2", 25.0], ["E1", 17.2], ["E3", 16.4]]
    table = view.calibration_table(frame, "zh")
    assert list(table["与当前权重的差别"]) == ["—", "置为0：行业固有风险系数", "置为0：行业固有风险系数、从业人员（百人，封顶10）"]
    assert list(table["权重方案"]) == ["当前权重（已保存）", "备选一：不计行业固有风险", "备选二：只计企业自身记录（不计行业、从业人数）"]


@pytest.mark.parametrize("day", [date(2023, 6, 30), date(2024, 6, 30), date(2025, 1, 31), AS_OF])
def test_stored_weights_rescored_reproduce_the_ranking_and_the_backtest(small_con, day):
    rankings = priority.backtest_rankings(small_con, CITY, [day])
    weights = priority.risk_weights(small_con)
    again = priority.rescored(rankings[0].scores, weights)
    assert again.values.tolist() == rankings[0].scores[["enterprise_id", "score"]].values.tolist()
    pooled = priority.backtest(small_con, CITY, [day], rankings=rankings).iloc[-1]
    stored = priority.weight_calibration(rankings, weights).iloc[0]
    for column in priority.CAPTURE_COLUMNS:
        assert stored[column] == pooled[column]


def test_backtest_days():
    assert priority.backtest_days(date(2026, 11, 28), date(2021, 1, 1)) == [
        date(2022, 11, 28), date(2023, 11, 28), date(2024, 11, 28), date(2025, 11, 28)]
    assert priority.backtest_days(date(2026, 11, 28), date(2025, 1, 1)) == []
    assert priority.backtest_days(date(2026, 11, 28), date(2024, 11, 28)) == [date(2025, 11, 28)]
    assert priority.backtest_days(date(2024, 2, 29), None, count=1) == [date(2023, 2, 28)]


# ---------------------------------------------------------------------------------------------- site card


def test_site_card_whole_result(small_con):
    scores = priority.risk_scores(small_con, priority.as_of_filters(small_con, AS_OF, CITY))
    card = priority.site_card(small_con, scores, "E2", AS_OF)
    assert card.score["score"] == 69.0
    assert card.hazards[["hazard_id", "state"]].values.tolist() == [["H4", "overdue"], ["H3", "closed"]]
    assert list(card.accidents["accident_id"]) == ["A6"]
    assert card.inspections.empty
    assert list(card.key_sites["site_id"]) == ["K1"]
    components = view.component_table(card.score, priority.risk_weights(small_con), "zh")
    points = dict(zip(components["构成项"], components["得分"]))
    assert points["未销号重大隐患（项）"] == 12 and points["其中逾期（项，另加）"] == 10
    assert points["距上次监管检查（整90天数）"] == 16 and points["风险分值"] == 69.0
    assert sum(components["得分"].iloc[:-1]) == pytest.approx(69.0)


# ---------------------------------------------------------------------------------------------- shaping, charts


def test_ranking_table_in_both_languages(small_con):
    scores = priority.risk_scores(small_con, priority.as_of_filters(small_con, AS_OF, CITY))
    frame, total = view.ranking_table(scores, "zh", ["red"], limit=1)
    assert total == 2
    assert frame.values.tolist() == [[1, "E3", "西乡运输", "西乡", "道路运输", 71.4, "红色预警",
                                      "近3年发生较大事故1起；近3年事故死亡（含失踪）3人；730天内未受监管检查（按730天计）；"
                                      "行业：道路运输（固有风险3）；从业人员40人"]]
    english, _ = view.ranking_table(scores, "en")
    assert english.columns[-1] == "Reasons" and english.iloc[0]["Sector"] == "Road transport"
    assert "1 Relatively major accident(s) in the last 3 years" in english.iloc[0]["Reasons"]


def test_the_map_needs_no_internet(small_con):
    small_con.execute("update enterprises set longitude = 113.1, latitude = 34.5 where enterprise_id in ('E1', 'E3')")
    scores = priority.risk_scores(small_con, priority.as_of_filters(small_con, AS_OF, CITY))
    fig = priority_charts.risk_map(scores, "标题", "zh")
    assert [t.type for t in fig.data] == ["scatter", "scatter"]  # no scattermapbox / scattergeo: no tiles, no CDN
    assert [t.name for t in fig.data] == ["黄色", "红色预警"]
    assert [t.marker.color for t in fig.data] == [charts.RISK_COLOURS["yellow"], charts.RISK_COLOURS["red"]]
    layout = fig.to_plotly_json()["layout"]
    assert not {"mapbox", "geo", "map"} & set(layout)
    assert "http" not in str(fig.to_plotly_json())
    assert layout["yaxis"]["scaleanchor"] == "x"


def test_backtest_and_township_charts(small_con):
    frame = priority.backtest(small_con, CITY, [date(2024, 6, 30)])
    fig = priority_charts.backtest_bars(frame, "标题", "zh")
    assert [t.name for t in fig.data] == ["较大及以上事故", "有死亡事故", "随机预期"]
    assert list(fig.data[2].y) == [25.0]
    scores = priority.risk_scores(small_con, priority.as_of_filters(small_con, AS_OF, CITY))
    bars = priority_charts.red_orange_by_township_bars(priority.red_orange_counts(scores, "township"), "标题", "zh")
    assert list(bars.data[0].y) == [TOWN_B1, TOWN_A2, TOWN_A1] and list(bars.data[0].x) == [0, 1, 1]
    assert list(bars.layout.yaxis.ticktext) == ["南街道", "西乡", "东镇"]  # names shown, codes keep bars apart
    assert {trace.textangle for trace in bars.data} == {0}  # counts upright, even in a one-unit bar
    assert bars.layout.xaxis.dtick == 1  # whole enterprises: no 0.5 ticks


def test_gap_kpis_and_tables_are_worded(small_con):
    gaps = priority.ledger_gaps(small_con, PERIOD)
    assert [(k.label, k.value) for k in view.gap_kpis(gaps, "zh")] == [
        ("无台账的乡镇（个）", "1"), ("无台账的高危行业企业（家）", "0"), ("措施未落实（处）", "1"),
        ("未完成市县双备案（处）", "1"), ("台账外发生的事故（起）", "4")]
    table = view.accidents_without_ledger_table(gaps.accidents_without_ledger, "zh")
    assert table.values.tolist()[0] == ["A2", "2025-03-02", "西乡", "西乡运输", "较大", 3, "企业无台账、乡镇无台账"]
    ledger = view.ledger_table(gaps.ledger, "zh")
    assert ledger.iloc[1]["市安委办备案"] == "未备案" and ledger.iloc[1]["措施落实"] == "否"
    assert list(ledger["措施落实日期"]) == ["未填报", ""]  # K1 in place (day not recorded), K2 not in place
    small_con.execute("update key_sites set measures_in_place_on = '2025-01-15' where site_id = 'K1'")
    again = view.ledger_table(priority.ledger_gaps(small_con, PERIOD).ledger, "en")
    assert list(again["In place since"]) == ["2025-01-15", ""]
    book = openpyxl.load_workbook(io.BytesIO(key_site_ledger_xlsx(
        priority.key_site_ledger(small_con, PERIOD), priority.ledger_townships(small_con, PERIOD), "示例市", AS_OF)))
    assert book["东镇"]["K4"].value == "2025-01-15"
    assert i18n.t("priority.formula", "zh", red=60, orange=35, yellow=18).startswith("风险分值 = Σ")
