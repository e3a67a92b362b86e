"""Rate targets (相对指标控制值; issue 18, "Control targets per class as the province issues them: deaths per class,
the number of 较大 accidents, rate targets; each with 时间进度"; schema 28, rate_targets) on the small city's hand-made
rows: each rate so far (deaths from 1 January over the year's denominator) against its ceiling and 时间进度, a rate
equal to its ceiling not over it, a missing denominator said, a ceiling of 0, the region's own targets only, every
sector counted whatever the filter, the 通报's sentence, the import kind and the 设置 tab's query.

By hand (conftest): to 30 June 2025 the city has A1 (工贸, 1 death), A2 (道路运输, class 道路交通, 2 deaths + 1
missing) and A3 (fire, none): 4 deaths in all, 1 of 工矿商贸, 3 of 道路交通, none in coal mines. 时间进度 on 30 June
2025 = 181 ÷ 365 = 49.6%."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import CITY, COUNTY_A

from riskdash.briefing import build_brief
from riskdash.briefing.classes import ceiling_number, rate_number, rate_targets_sentence
from riskdash.briefing.tongbao import outline
from riskdash.filters import Filters
from riskdash.importer import ImportFailed, import_file
from riskdash.metrics import classes
from riskdash.metrics.data import settings_rows

PERIOD = Filters(start=date(2025, 1, 1), end=date(2025, 6, 30), region_code=CITY, as_of=date(2025, 6, 30))


@pytest.fixture()
def con(small_con):
    # the year's denominators: GDP 200 亿元, 50,000 工矿商贸 employed, 20,000 vehicles, coal output not entered
    small_con.execute("insert into indicator_denominators (year, region_code, gdp_yi, industrial_employed, "
                      "motor_vehicles) values (2025, ?, 200, 50000, 20000)", [CITY])
    return small_con


def set_targets(con, rows, region=CITY, year=2025):
    con.executemany("insert or replace into rate_targets values (?, ?, ?, ?)",
                    [(year, region, indicator, ceiling) for indicator, ceiling in rows])


def test_no_rate_target_no_row(con):
    assert classes.rate_targets(con, PERIOD) == []
    assert rate_targets_sentence(classes.rate_targets(con, PERIOD), "zh") is None


def test_each_rate_against_its_ceiling_and_time_progress(con):
    set_targets(con, [("per_coal_output", 0.5), ("per_vehicles", 1.5), ("per_industrial_employed", 3),
                      ("per_gdp", 0.05)])
    base = {"year": 2025, "time_elapsed_pct": 49.6}
    assert classes.rate_targets(con, PERIOD) == [
        # 4 deaths ÷ 200 亿元 = 0.02 of 0.05: 40% used, behind 时间进度
        {**base, "indicator": "per_gdp", "target": 0.05, "deaths": 4, "denominator": 200.0, "rate": 0.02,
         "used_pct": 40.0, "level": "normal"},
        # 1 death ÷ (50,000 ÷ 100,000) = 2 per 10万 of 3: 66.7%, ahead
        {**base, "indicator": "per_industrial_employed", "target": 3.0, "deaths": 1, "denominator": 50000.0,
         "rate": 2.0, "used_pct": 66.7, "level": "ahead"},
        # 3 deaths ÷ (20,000 ÷ 10,000) = 1.5 per 万车, equal to its ceiling: used up, not over it
        {**base, "indicator": "per_vehicles", "target": 1.5, "deaths": 3, "denominator": 20000.0, "rate": 1.5,
         "used_pct": 100.0, "level": "ahead"},
        # no coal output entered for 2025: cannot be judged
        {**base, "indicator": "per_coal_output", "target": 0.5, "deaths": 0, "denominator": None, "rate": None,
         "used_pct": None, "level": "unknown"},
    ]


def test_a_rate_above_its_ceiling_is_over_and_a_ceiling_of_zero(con):
    con.execute("update indicator_denominators set coal_output_wan_t = 100 where year = 2025")
    set_targets(con, [("per_vehicles", 1.49), ("per_coal_output", 0)])
    got = {t["indicator"]: (t["rate"], t["used_pct"], t["level"]) for t in classes.rate_targets(con, PERIOD)}
    assert got == {"per_vehicles": (1.5, 100.7, "over"), "per_coal_output": (0.0, None, "normal")}


def test_counted_from_1_january_over_every_sector_and_the_regions_own_targets(con):
    set_targets(con, [("per_gdp", 0.05)])
    set_targets(con, [("per_gdp", 0.01)], region=COUNTY_A)  # the county's: not the city's
    set_targets(con, [("per_gdp", 0.5)], year=2024)          # another year's
    narrowed = replace(PERIOD, start=date(2025, 6, 1), industry="fire")
    assert classes.rate_targets(con, narrowed) == classes.rate_targets(con, PERIOD)
    assert [(t["target"], t["deaths"]) for t in classes.rate_targets(con, PERIOD)] == [(0.05, 4)]
    # the county: its own ceiling, its own deaths (A1 and A2), no denominator entered for it
    county = replace(PERIOD, region_code=COUNTY_A)
    assert [(t["target"], t["deaths"], t["level"]) for t in classes.rate_targets(con, county)] == [
        (0.01, 4, "unknown")]


def test_the_sentence_in_both_languages(con):
    con.execute("update indicator_denominators set coal_output_wan_t = 100 where year = 2025")
    set_targets(con, [("per_gdp", 0.05), ("per_industrial_employed", 3), ("per_vehicles", 1.4),
                      ("per_coal_output", 0)])
    targets = classes.rate_targets(con, PERIOD)
    assert rate_targets_sentence(targets, "zh") == (
        "相对指标控制方面，"
        "亿元GDP生产安全事故死亡率0.02，占全年控制指标（0.05）的40%，低于时间进度9.6个百分点；"
        "工矿商贸就业人员十万人生产安全事故死亡率2，占全年控制指标（3）的66.7%，超时间进度17.1个百分点；"
        "道路交通万车死亡率1.5，已突破全年控制指标（1.4）；"
        "煤矿百万吨死亡率为零，控制指标为零。")
    assert rate_targets_sentence(targets, "en") == (
        "Rate targets: Deaths per 100 million yuan of GDP 0.02, 40% of the year's ceiling (0.05), "
        + rate_targets_sentence(targets, "en").split("(0.05), ", 1)[1])
    assert "Road deaths per 10,000 motor vehicles 1.5, above the year's ceiling (1.4)" in \
        rate_targets_sentence(targets, "en")
    con.execute("delete from indicator_denominators")
    assert rate_targets_sentence(classes.rate_targets(con, PERIOD), "zh") == (
        "相对指标控制方面，亿元GDP生产安全事故死亡率因未录入2025年指标分母无法计算（控制指标0.05）；"
        "工矿商贸就业人员十万人生产安全事故死亡率因未录入2025年指标分母无法计算（控制指标3）；"
        "道路交通万车死亡率因未录入2025年指标分母无法计算（控制指标1.4）；"
        "煤矿百万吨死亡率因未录入2025年指标分母无法计算（控制指标0）。")


@pytest.mark.parametrize(("value", "text"), [(0.025, "0.025"), (2.0, "2"), (1.5, "1.5"), (0.0, "0"),
                                             (0.0004, "0.0004"), (66.66666, "66.667")])
def test_rate_number(value, text):
    assert rate_number(value) == text


@pytest.mark.parametrize(("value", "text"), [(0.0511, "0.0511"), (2.0, "2"), (0.0, "0"), (13.101, "13.101")])
def test_a_ceiling_is_shown_as_entered(value, text):
    assert ceiling_number(value) == text


def test_the_tongbao_carries_it(con):
    set_targets(con, [("per_gdp", 0.05)])
    brief = build_brief(con, PERIOD, generated_at=datetime(2025, 7, 1, 9, 0), lang="zh")
    texts = outline(brief, chart_png=lambda _spec: b"").texts()
    assert [t for t in texts if t.startswith("相对指标控制方面")] == [
        "相对指标控制方面，亿元GDP生产安全事故死亡率0.02，占全年控制指标（0.05）的40%，低于时间进度9.6个百分点。"]


def test_the_import_kind_and_the_settings_tab(con, tmp_path: Path):
    path = tmp_path / "r.csv"
    path.write_text("年度,区划代码,相对指标,控制指标\n2025,419900,亿元GDP死亡率,0.025\n"
                    "2025,419900,道路交通万车死亡率,1.2\n", encoding="utf-8")
    import_file(con, "rate-targets", path)
    assert [tuple(r) for r in settings_rows(con, "rate-targets").itertuples(index=False)] == [
        (2025, CITY, "per_gdp", 0.025), (2025, CITY, "per_vehicles", 1.2)]
    bad = tmp_path / "bad.csv"
    bad.write_text("年度,区划代码,相对指标,控制指标\n2025,419900,千人死亡率,1\n2025,419900,百万吨死亡率,-1\n",
                   encoding="utf-8")
    with pytest.raises(ImportFailed) as info:
        import_file(con, "rate-targets", bad)
    assert [(p.row, p.column, p.code) for p in info.value.problems] == [(2, "indicator", "enum"),
                                                                       (3, "max_rate", "at_least")]
    assert con.execute("select count(*) from rate_targets").fetchone()[0] == 2


def test_sql_equals_its_pandas_peer(con):
    import pandas as pd

    from riskdash import db
    from riskdash.bench.oracle import classes as peers

    con.execute("update indicator_denominators set coal_output_wan_t = 100 where year = 2025")
    set_targets(con, [("per_gdp", 0.05), ("per_industrial_employed", 3), ("per_vehicles", 1.4), ("per_coal_output", 0)])
    set_targets(con, [("per_gdp", 0.01)], region=COUNTY_A)
    for filters in (PERIOD, replace(PERIOD, region_code=COUNTY_A), replace(PERIOD, end=date(2025, 2, 1))):
        year_to_date = replace(filters, start=date(filters.end.year, 1, 1), industry=None)
        got = db.query(con, "metrics/rate_targets", **year_to_date.params())
        got["deaths"] = got["deaths"].astype("int64")
        want = peers.rate_targets(con, filters)
        pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True), check_dtype=False)


def test_the_overview_bars(con):
    from riskdash.screens.overview.view import rate_target_bars

    set_targets(con, [("per_gdp", 0.05), ("per_industrial_employed", 3), ("per_vehicles", 1.4),
                      ("per_coal_output", 0.5)])
    bars = rate_target_bars(classes.rate_targets(con, PERIOD), PERIOD.end, "zh")
    assert [(b.fraction, b.level, b.is_over) for b in bars] == [
        (0.4, "normal", False), (0.667, "ahead", False), (1.0, "over", True), (None, "normal", False)]
    assert bars[0].text == ("亿元GDP生产安全事故死亡率控制指标 0.05：1月1日至6月30日死亡 4 人，相对指标 0.02，已用40.0%，"
                            "时间进度49.6%，低于时间进度9.6个百分点")
    assert bars[2].text.endswith("（已超出全年控制指标）")
    assert bars[3].text == "煤矿百万吨死亡率控制指标 0.5：未录入2025年指标分母，无法计算"
    english = rate_target_bars(classes.rate_targets(con, PERIOD), PERIOD.end, "en")
    assert english[3].text == "Coal-mine deaths per million tonnes: ceiling 0.5; no denominator entered for 2025, " \
        "cannot be computed"
