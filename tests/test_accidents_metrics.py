"""Accident trends: whole results on hand-made rows (year end, 29 February, no enterprise, missing, last year 0,
county and township filters, every grade boundary), the projection and change tests, the CLI against the
screen, and SQL against the pandas peers on random data."""

from __future__ import annotations

import json
import math
from datetime import date, timedelta

import duckdb
import pandas as pd
import pytest
from conftest import CITY, COUNTY_A, COUNTY_B, ENTERPRISES, REGIONS, TOWN_A1, TOWN_A2, TOWN_B1, fill_small_city, prepared_database
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from riskdash import cli, db, metrics
from riskdash.filters import Filters
from riskdash.metrics import accidents as acc
from riskdash.bench.oracle import accidents as peers

# accident_id, occurred_at, has_time, region, enterprise, industry, type, deaths, missing, serious, loss (万元)
ROWS = [
    # across the year end: 2024-12-15 – 2025-01-15 against 2023-12-15 – 2024-01-15
    ("B1", "2024-12-31 23:59", True, TOWN_A1, "E1", "industry_trade", "machinery", 2, 0, 9, "999.99"),  # general, just
    ("B2", "2025-01-01 00:00", False, TOWN_A2, None, "road_transport", "vehicle", 2, 1, 0, "0"),  # 较大 by deaths incl. missing
    ("B3", "2025-01-15 18:00", True, TOWN_B1, "E4", "fire", "fire", 0, 0, 10, "0"),  # 较大 by serious injuries
    ("B4", "2025-01-16 08:00", True, TOWN_B1, "E4", "fire", "fire", 9, 1, 0, "0"),  # day after: 重大 by deaths (10)
    ("B5", "2023-12-15 09:00", True, COUNTY_A, None, "road_transport", "vehicle", 1, 0, 0, "5"),  # county, no township
    ("B6", "2024-01-15 10:00", True, TOWN_A1, "E2", "hazardous_chemicals", "poisoning_asphyxiation", 0, 0, 0, "1000"),
    # 29 February and the day it shifts to
    ("B7", "2024-02-29 10:00", True, TOWN_A1, "E1", "industry_trade", "collapse", 29, 0, 100, "0"),  # 特别重大 by serious
    ("B8", "2023-02-28 10:00", True, TOWN_A2, "E3", "road_transport", "vehicle", 30, 0, 0, "0"),  # 特别重大 by deaths
    # the other boundaries; nothing a year earlier
    ("B9", "2025-03-01 10:00", True, TOWN_B1, "E4", "fire", "fire", 0, 0, 0, "10000"),  # 特别重大 by loss
    ("B10", "2025-03-02 10:00", True, TOWN_B1, "E4", "fire", "fire", 9, 0, 49, "5000"),  # 重大 by loss
    ("B11", "2025-03-03 10:00", True, TOWN_B1, "E4", "fire", "fire", 9, 0, 50, "4999.99"),  # 重大 by serious
    ("B12", "2025-03-03 11:00", True, TOWN_B1, "E4", "fire", "fire", 29, 0, 99, "9999.99"),  # 重大 by deaths
]


def fill(con) -> None:
    con.executemany("insert into regions values (?, ?, ?, ?, ?, ?)", REGIONS)
    con.executemany(
        "insert into enterprises (enterprise_id, name, region_code, industry, employees) values (?, ?, ?, ?, ?)",
        ENTERPRISES,
    )
    con.executemany(
        """insert into accidents (accident_id, occurred_at, has_time, region_code, enterprise_id, industry,
                                  accident_type, deaths, missing, serious_injuries, direct_loss_wan)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        ROWS,
    )
    con.execute("insert into annual_targets values (2025, ?, 12)", [CITY])
    con.execute("insert into indicator_denominators values (2025, ?, 250, 200000, 50000, 150)", [CITY])
    db.set_meta(con, "data_as_of", "2025-03-31")
    db.set_meta(con, "dataset", "fixture")


@pytest.fixture()
def hand_path(tmp_path):
    return prepared_database(tmp_path / "hand.duckdb", fill)


@pytest.fixture()
def con(hand_path):
    con = db.connect(hand_path, read_only=True)
    yield con
    con.close()


def period(start: str, end: str, region: str = CITY, industry: str | None = None) -> Filters:
    return Filters(date.fromisoformat(start), date.fromisoformat(end), region, date.fromisoformat(end), industry)


def contract(con, filters: Filters) -> dict:
    """What the screen's KPI row shows, in the CLI's shape."""
    result = acc.kpi_totals(con, filters)["summary"]
    result = json.loads(json.dumps(result, default=str))  # dates as the command line prints them
    for key in ("larger_and_above_deaths", "risk_involved", "fatal_general", "fatal_general_deaths"):
        result.pop(key)  # for the 通报's texts, not in the contract (tests/test_accident_notable.py)
        result["previous"].pop(key)
    if result["target"] is not None:
        result["target"].pop("deaths_incl_missing")
    return result


# ---------------------------------------------------------------------------------------------- KPI row


def test_period_across_the_year_end(con):
    assert contract(con, period("2024-12-15", "2025-01-15")) == {
        "accidents": 3, "deaths": 4, "missing": 1, "deaths_incl_missing": 5, "serious_injuries": 19,
        "direct_loss_wan": 999.99,
        "by_grade": {"general": 1, "larger": 2, "major": 0, "especially_major": 0}, "larger_and_above": 2,
        "previous": {
            "accidents": 2, "deaths": 1, "missing": 0, "deaths_incl_missing": 1, "serious_injuries": 0,
            "direct_loss_wan": 1005.0,
            "by_grade": {"general": 1, "larger": 1, "major": 0, "especially_major": 0}, "larger_and_above": 1,
        },
        "yoy_pct": {"accidents": 50.0, "deaths": 400.0},
        "mom": None,  # across two months
        # 2025 to 15 January: B2 3 deaths of 12; 15 of 365 days
        "target": {"year": 2025, "max_deaths": 12, "used_pct": 25.0, "time_elapsed_pct": 4.1},
    }


def test_29_february_compares_with_28_february(con):
    leap = contract(con, period("2024-02-29", "2024-02-29"))
    assert (leap["accidents"], leap["deaths_incl_missing"], leap["by_grade"]["especially_major"]) == (1, 29, 1)
    assert (leap["previous"]["accidents"], leap["previous"]["deaths_incl_missing"]) == (1, 30)
    assert leap["yoy_pct"] == {"accidents": 0.0, "deaths": -3.3}


def test_last_year_zero_gives_null_yoy(con):
    march = contract(con, period("2025-03-01", "2025-03-03"))
    assert march["accidents"] == 4 and march["previous"]["accidents"] == 0
    assert march["yoy_pct"] == {"accidents": None, "deaths": None}
    assert march["by_grade"] == {"general": 0, "larger": 0, "major": 3, "especially_major": 1}


def test_month_has_month_on_month(con):
    assert acc.kpi_totals(con, period("2025-01-01", "2025-01-31"))["previous_month"]["accidents"] == 1  # B1
    # January against December of the year before: B1 on 31 December (2 deaths); January: B2, B3, B4
    assert acc.kpi_totals(con, period("2025-01-01", "2025-01-31"))["summary"]["mom"] == {
        "from": date(2024, 12, 1), "to": date(2024, 12, 31), "accidents": 1, "deaths_incl_missing": 2,
        "mom_pct": {"accidents": 200.0, "deaths": 550.0}}
    assert acc.kpi_totals(con, period("2025-01-01", "2025-02-15"))["summary"]["mom"] is None


# the same day numbers of the previous month, clipped to its end
MOM_ROWS = [
    # accident_id, occurred_at, region, industry, deaths, missing
    ("M1", "2026-01-31 10:00", TOWN_A1, "industry_trade", 1, 0),
    ("M2", "2026-02-28 23:59", TOWN_A1, "industry_trade", 1, 0),
    ("M3", "2026-03-28 10:00", TOWN_A2, "road_transport", 0, 0),
    ("M4", "2026-03-29 10:00", TOWN_B1, "fire", 0, 0),
    ("M5", "2026-03-31 10:00", TOWN_B1, "fire", 2, 1),
    ("M6", "2026-04-30 10:00", TOWN_A1, "industry_trade", 1, 0),
    ("M7", "2026-05-31 10:00", TOWN_A1, "industry_trade", 1, 0),
    ("M8", "2024-02-29 10:00", TOWN_A1, "industry_trade", 2, 0),
    ("M9", "2026-12-31 10:00", TOWN_A1, "industry_trade", 1, 0),
]


def fill_months(con) -> None:
    con.executemany("insert into regions values (?, ?, ?, ?, ?, ?)", REGIONS)
    con.executemany(
        """insert into accidents (accident_id, occurred_at, has_time, region_code, industry, accident_type,
                                  deaths, missing, serious_injuries, direct_loss_wan)
           values (?, ?, true, ?, ?, 'other_injury', ?, ?, 0, 0)""",
        MOM_ROWS,
    )
    con.executemany("insert into annual_targets values (?, ?, ?)", [(2026, CITY, 8), (2024, CITY, 0)])


@pytest.fixture()
def mom_con(tmp_path):
    con = db.connect(prepared_database(tmp_path / "mom.duckdb", fill_months))
    yield con
    con.close()


@pytest.mark.parametrize(("start", "end", "then_start", "then_end"), [
    ("2026-03-01", "2026-03-28", "2026-02-01", "2026-02-28"),
    ("2026-03-01", "2026-03-29", "2026-02-01", "2026-02-28"),  # 29, 30, 31 clipped to 28 February
    ("2026-03-01", "2026-03-30", "2026-02-01", "2026-02-28"),
    ("2026-03-01", "2026-03-31", "2026-02-01", "2026-02-28"),
    ("2026-03-29", "2026-03-31", "2026-02-28", "2026-02-28"),
    ("2026-05-01", "2026-05-31", "2026-04-01", "2026-04-30"),  # 31 May → 30 April
    ("2026-05-31", "2026-05-31", "2026-04-30", "2026-04-30"),
    ("2026-01-01", "2026-01-31", "2025-12-01", "2025-12-31"),  # across the year end
    ("2024-03-01", "2024-03-31", "2024-02-01", "2024-02-29"),  # leap year
    ("2026-11-01", "2026-11-28", "2026-10-01", "2026-10-28"),
])
def test_month_on_month_compares_the_same_days(start, end, then_start, then_end):
    then = acc.same_days_previous_month(period(start, end))
    assert (then.start, then.end) == (date.fromisoformat(then_start), date.fromisoformat(then_end))
    assert then.as_of == date.fromisoformat(end) and then.region_code == CITY


def test_a_period_across_months_has_no_month_on_month(mom_con):
    assert acc.same_days_previous_month(period("2026-02-15", "2026-03-15")) is None
    assert acc.same_days_previous_month(period("2025-12-01", "2026-01-31")) is None
    assert acc.accidents_mom(mom_con, period("2026-03-01", "2026-04-30")) is None


def test_month_on_month_whole_results(mom_con):
    # 1–31 March (M3, M4, M5: 3 accidents, 3 deaths incl. missing) against 1–28 February (M2: 1, 1)
    assert acc.accidents_mom(mom_con, period("2026-03-01", "2026-03-31")) == {
        "from": date(2026, 2, 1), "to": date(2026, 2, 28), "accidents": 1, "deaths_incl_missing": 1,
        "mom_pct": {"accidents": 200.0, "deaths": 200.0}}
    # 29–31 March (M4, M5) against 28 February alone (M2)
    assert acc.accidents_mom(mom_con, period("2026-03-29", "2026-03-31"))["accidents"] == 1
    # 1–31 May (M7) against 1–30 April (M6)
    assert acc.accidents_mom(mom_con, period("2026-05-01", "2026-05-31")) == {
        "from": date(2026, 4, 1), "to": date(2026, 4, 30), "accidents": 1, "deaths_incl_missing": 1,
        "mom_pct": {"accidents": 0.0, "deaths": 0.0}}
    # 1–30 April (M6) against 1–30 March (M3, M4; no deaths): no base for deaths
    assert acc.accidents_mom(mom_con, period("2026-04-01", "2026-04-30"))["mom_pct"] == {
        "accidents": -50.0, "deaths": None}
    # filters apply to both periods: 东镇 in March has nothing, in February M2
    assert acc.accidents_mom(mom_con, period("2026-03-01", "2026-03-31", TOWN_A1))["mom_pct"] == {
        "accidents": -100.0, "deaths": -100.0}


def test_target_null_when_none_is_set(mom_con):
    assert acc.target_progress(mom_con, period("2025-01-01", "2025-06-30")) is None  # no 2025 target
    assert acc.target_progress(mom_con, period("2026-01-01", "2026-06-30", COUNTY_A)) is None  # not for the county


def test_target_with_time_elapsed_at_the_year_boundaries(mom_con):
    # 1 January: one day of 365, no death yet
    assert acc.target_progress(mom_con, period("2026-01-01", "2026-01-01")) == {
        "year": 2026, "max_deaths": 8, "used_pct": 0.0, "time_elapsed_pct": 0.3, "deaths_incl_missing": 0}
    # 31 December: the whole year; M1, M2, M5 (3 incl. missing), M6, M7, M9 = 8 of 8
    assert acc.target_progress(mom_con, period("2026-12-01", "2026-12-31")) == {
        "year": 2026, "max_deaths": 8, "used_pct": 100.0, "time_elapsed_pct": 100.0, "deaths_incl_missing": 8}
    # deaths from 1 January whatever the period's start, of every sector whatever the filter: to 31 March
    # M1, M2, M5 = 5 of 8 = 62.5 %; 90 of 365 days = 24.66 %
    march = {"year": 2026, "max_deaths": 8, "used_pct": 62.5, "time_elapsed_pct": 24.7, "deaths_incl_missing": 5}
    assert acc.target_progress(mom_con, period("2026-03-01", "2026-03-31")) == march
    assert acc.target_progress(mom_con, period("2026-03-31", "2026-03-31", industry="road_transport")) == march
    # a leap year: 29 February is day 60 of 366; a target of 0 has no base for used_pct
    assert acc.target_progress(mom_con, period("2024-02-29", "2024-02-29")) == {
        "year": 2024, "max_deaths": 0, "used_pct": None, "time_elapsed_pct": 16.4, "deaths_incl_missing": 2}
    assert acc.target_progress(mom_con, period("2024-12-31", "2024-12-31"))["time_elapsed_pct"] == 100.0


def test_cli_prints_mom_and_target(mom_con, tmp_path, capsys):
    mom_con.close()
    path = tmp_path / "mom.duckdb"
    assert cli.main(["metrics", "accidents", "--db", str(path), "--from", "2026-03-01", "--to", "2026-03-31"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out)[-3:] == ["yoy_pct", "mom", "target"]
    assert out["mom"] == {"from": "2026-02-01", "to": "2026-02-28", "accidents": 1, "deaths_incl_missing": 1,
                          "mom_pct": {"accidents": 200.0, "deaths": 200.0}}
    assert out["target"] == {"year": 2026, "max_deaths": 8, "used_pct": 62.5, "time_elapsed_pct": 24.7}
    assert cli.main(["metrics", "accidents", "--db", str(path), "--from", "2025-03-01", "--to", "2025-04-01"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["mom"], out["target"]) == (None, None)


def test_county_and_township_filters(con):
    year_end = period("2024-12-15", "2025-01-15")
    assert contract(con, year_end.confined_to(COUNTY_A))["accidents"] == 2  # B1, B2
    assert contract(con, year_end.confined_to(COUNTY_A))["previous"]["accidents"] == 2  # B5 on the county, B6
    assert contract(con, year_end.confined_to(TOWN_A2))["accidents"] == 1  # B2, no enterprise
    assert contract(con, year_end.confined_to(TOWN_A1))["previous"]["accidents"] == 1  # B6; B5 is not in a township


def test_screen_equals_cli(hand_path, con, capsys):
    for args, filters in [
        (["--from", "2024-12-15", "--to", "2025-01-15"], period("2024-12-15", "2025-01-15")),
        (["--from", "2024-02-29", "--to", "2024-02-29", "--region", "419901"], period("2024-02-29", "2024-02-29", COUNTY_A)),
        (["--from", "2023-01-01", "--to", "2025-12-31", "--industry", "fire"], period("2023-01-01", "2025-12-31", industry="fire")),
    ]:
        assert cli.main(["metrics", "accidents", "--db", str(hand_path), *args]) == 0
        assert json.loads(capsys.readouterr().out) == contract(con, filters)


# ---------------------------------------------------------------------------------------------- lists


def test_larger_and_above_list_with_the_criterion_at_every_boundary(con):
    frame = acc.larger_and_above_list(con, period("2023-01-01", "2025-12-31"))
    got = list(zip(frame["accident_id"], frame["grade"], frame["grade_criterion"]))
    assert got == [
        ("B12", "major", "deaths"),
        ("B11", "major", "serious_injuries"),
        ("B10", "major", "direct_loss"),
        ("B9", "especially_major", "direct_loss"),
        ("B4", "major", "deaths"),
        ("B3", "larger", "serious_injuries"),
        ("B2", "larger", "deaths"),
        ("B7", "especially_major", "serious_injuries"),
        ("B6", "larger", "direct_loss"),
        ("B8", "especially_major", "deaths"),
    ]  # B1 (2 deaths, 9 serious, 999.99 万元) and B5 stay general
    b2 = frame[frame["accident_id"] == "B2"].iloc[0]
    assert pd.isna(b2["enterprise_name"]) and b2["deaths_incl_missing"] == 3 and b2["parent_region_name"] == "甲县"


# accident_id, deaths, missing, serious, loss, endangered, trapped, evacuated: each 较大涉险 threshold on both sides
RISK_ROWS = [
    ("R1", 0, 0, 0, "0", 9, 2, 499),  # every count one short: not flagged
    ("R2", 0, 0, 0, "0", 10, None, None),  # 10 endangered
    ("R3", 0, 1, 0, "0", None, 2, None),  # 2 trapped + 1 missing = 3
    ("R4", 0, 0, 0, "0", None, None, 500),  # 500 evacuated
    ("R5", 2, 0, 9, "999.99", 40, 5, 900),  # general by a hair, every threshold met
    ("R6", 3, 0, 0, "0", 40, 5, 900),  # 较大 by deaths: a graded accident is not 较大涉险
    ("R7", 0, 0, 10, "0", 40, 0, 0),  # 较大 by serious injuries
    ("R8", 0, 0, 0, "1000", 40, 0, 0),  # 较大 by loss
    ("R9", 0, 0, 0, "0", None, None, None),  # nothing recorded
]


def test_larger_risk_involved_list_at_every_threshold(hand_path):
    writable = db.connect(hand_path)
    writable.executemany(
        """insert into accidents (accident_id, occurred_at, has_time, region_code, industry, accident_type, deaths,
                                  missing, serious_injuries, direct_loss_wan, endangered, trapped, evacuated)
           values (?, ?, true, ?, 'fire', 'fire', ?, ?, ?, ?, ?, ?, ?)""",
        [(r[0], f"2025-05-{i + 1:02d} 10:00", TOWN_A1 if i % 2 else COUNTY_A, *r[1:]) for i, r in enumerate(RISK_ROWS)],
    )
    writable.close()
    con = db.connect(hand_path, read_only=True)
    try:
        frame = acc.larger_risk_involved_list(con, period("2025-05-01", "2025-05-31"))
        got = [tuple(r) for r in frame[["accident_id", "is_endangered", "is_trapped", "is_evacuated"]].itertuples(
            index=False)]
        assert got == [
            ("R5", True, True, True),
            ("R4", False, False, True),
            ("R3", False, True, False),
            ("R2", True, False, False),
        ]
        r3 = frame[frame["accident_id"] == "R3"].iloc[0]
        assert pd.isna(r3["endangered"]) and r3["trapped"] == 2 and r3["missing"] == 1 and r3["region_name"] == "甲县"
        assert frame[frame["accident_id"] == "R2"].iloc[0]["parent_region_name"] == "甲县"
        # the region filter: R2 and R4 are on the township 东镇, R3 and R5 on the county itself
        town = acc.larger_risk_involved_list(con, period("2025-05-01", "2025-05-31", TOWN_A1))
        assert town["accident_id"].tolist() == ["R4", "R2"]
        assert acc.larger_risk_involved_list(con, period("2025-05-01", "2025-05-31", COUNTY_B)).empty
        pd.testing.assert_frame_equal(
            frame[["accident_id", "is_endangered", "is_trapped", "is_evacuated"]].reset_index(drop=True),
            peers.larger_risk_involved_list(con, period("2025-05-01", "2025-05-31")), check_dtype=False)
    finally:
        con.close()


def test_accident_record(con):
    record = acc.accident_record(con, "B2")
    assert record["enterprise_name"] is None and record["has_time"] is False
    assert (record["grade"], record["grade_criterion"], record["region_name"]) == ("larger", "deaths", "西乡")
    assert acc.accident_record(con, "nope") is None


# ---------------------------------------------------------------------------------------------- breakdowns


def test_regions_below_the_city_and_below_a_county(con):
    year_end = period("2024-12-15", "2025-01-15")
    city = acc.accidents_by_region(con, year_end)
    assert city[["region_code", "accidents", "deaths_incl_missing", "previous_accidents",
                 "previous_deaths_incl_missing"]].values.tolist() == [
        [COUNTY_A, 2, 5, 2, 1],
        [COUNTY_B, 1, 0, 0, 0],
    ]
    county = acc.accidents_by_region(con, year_end, COUNTY_A)
    assert county[["region_code", "is_direct", "accidents", "previous_accidents"]].values.tolist() == [
        [TOWN_A2, False, 1, 0],  # most accidents first, then most deaths: B2 (3) before B1 (2)
        [TOWN_A1, False, 1, 1],
        [COUNTY_A, True, 0, 1],  # B5: recorded on the county, no township known
    ]
    assert acc.accidents_by_region(con, year_end, TOWN_B1)[["region_code", "is_direct", "accidents"]].values.tolist() == [
        [TOWN_B1, True, 1]]


def test_weekday_and_hour(con):
    f = period("2024-12-15", "2025-01-15")
    weekdays = acc.accidents_by_weekday(con, f)
    # B1 Tue 31 Dec 2024, B2 Wed 1 Jan 2025, B3 Wed 15 Jan 2025
    assert weekdays["accidents"].tolist() == [0, 1, 2, 0, 0, 0, 0]
    hours = acc.accidents_by_hour(con, f)
    # B2 has no time: left out; B1 at 23, B3 at 18
    assert hours.loc[hours["accidents"] > 0, "hour"].tolist() == [18, 23]
    assert hours["accidents"].sum() == 2


def test_sector_and_type_breakdowns(con):
    f = period("2024-12-15", "2025-01-15")
    sectors = acc.accidents_by_sector(con, f)
    assert sectors[["industry", "accidents", "previous_accidents"]].values.tolist() == [
        ["hazardous_chemicals", 0, 1], ["industry_trade", 1, 0], ["road_transport", 1, 1], ["fire", 1, 0]]
    types = acc.accidents_by_type(con, f)
    assert set(types["accident_type"]) == {"vehicle", "machinery", "fire", "poisoning_asphyxiation"}


def test_monthly_series_with_zeros(con):
    months = acc.accidents_by_month(con, period("2025-01-01", "2025-03-31"))
    assert months["month_start"].iloc[0] == date(2020, 1, 1) and months["month_start"].iloc[-1] == date(2025, 3, 1)
    by = dict(zip(months["month_start"], months["accidents"]))
    assert (by[date(2024, 12, 1)], by[date(2025, 1, 1)], by[date(2025, 2, 1)], by[date(2025, 3, 1)]) == (1, 3, 0, 4)
    # the data starts in February 2023: earlier months hold no data, not zeros
    assert not months.loc[months["month_start"] < date(2023, 2, 1), "is_covered"].any()
    assert months.loc[months["month_start"] >= date(2023, 2, 1), "is_covered"].all()


def test_rate_indicators(con):
    rates = acc.rate_indicators(con, period("2025-01-01", "2025-12-31"))
    # deaths incl. missing in 2025: B2 3, B4 10, B9 0, B10 9, B11 9, B12 29 = 60; industrial: none; road: B2 3
    assert rates["per_gdp"] == {"deaths": 60, "denominator": 250.0, "rate": 60 / 250, "is_whole_year": True}
    assert rates["per_industrial_employed"]["rate"] == 0.0
    assert rates["per_vehicles"]["rate"] == pytest.approx(3 / 50000 * 10000)
    assert rates["per_coal_output"] == {"deaths": 0, "denominator": 150.0, "rate": 0.0, "is_whole_year": True}


@pytest.mark.parametrize(("start", "end"), [("2025-01-01", "2025-03-31"), ("2025-01-02", "2025-12-31"),
                                            ("2025-01-01", "2025-12-30"), ("2024-12-31", "2025-12-31")])
def test_rates_on_part_of_a_year_are_not_computed(con, start, end):
    # a quarter's deaths over a whole year's GDP would understate the rate: deaths and denominator, no rate
    rates = acc.rate_indicators(con, period(start, end))
    assert all(item["rate"] is None and item["is_whole_year"] is False for item in rates.values())
    assert rates["per_gdp"]["denominator"] == 250.0


def test_rate_indicators_without_denominators(con):
    missing = acc.rate_indicators(con, period("2024-01-01", "2024-12-31"))
    assert all(item["rate"] is None and item["denominator"] is None for item in missing.values())


# ---------------------------------------------------------------------------------------------- target and change


def test_projection_adds_the_earlier_years_rest_of_year_average(con):
    p = acc.death_projection(con, period("2025-01-01", "2025-01-15"))
    # 2025 to 15 Jan: B2 3; the data starts in 2023 (2022 is not averaged as 0): after 15 Jan 2023 B8 30 + B5 1
    # = 31; after 15 Jan 2024 B7 29 + B1 2 = 31 (B6 on 15 Jan is before the cut) → 3 + 31
    assert (p.deaths_to_date, p.baseline_years, p.baseline_rest_mean) == (3, (2023, 2024), 31.0)
    assert p.projected == 34.0 and p.target == 12
    assert p.is_projected_over and not p.is_over
    later = acc.death_projection(con, period("2025-01-01", "2025-03-31"))
    assert later.deaths_to_date == 60 and later.is_over


def test_projection_cutoff_for_29_february(con):
    years = acc.deaths_to_date_by_year(con, period("2024-02-01", "2024-02-29"))
    assert years[["year", "cutoff_on"]].values.tolist() == [
        [2021, date(2021, 2, 28)], [2022, date(2022, 2, 28)], [2023, date(2023, 2, 28)], [2024, date(2024, 2, 29)]]
    assert years["deaths_to_date"].tolist() == [0, 0, 30, 29]


@pytest.mark.parametrize(("current", "previous", "verdict"), [
    (4, 6, "flat"), (6, 4, "flat"), (10, 30, "down"), (30, 10, "up"), (0, 0, "none"), (5, 5, "flat"), (0, 8, "down"),
])
def test_count_change_verdicts(current, previous, verdict):
    assert acc.count_change_test(current, previous, 365, 365).verdict == verdict


def test_count_change_is_the_exact_binomial_test():
    from scipy.stats import binomtest

    test = acc.count_change_test(4, 6, 31, 31)
    assert test.p_value == pytest.approx(binomtest(4, 10, 0.5).pvalue) and test.p_value > 0.7


def per_accident(current: list[int], previous: list[int]) -> pd.DataFrame:
    rows = [("current", d, 1) for d in current] + [("previous", d, 1) for d in previous]
    return pd.DataFrame(rows, columns=["period", "deaths_incl_missing", "accidents"])


def test_clustered_deaths_are_not_a_trend():
    # 12 deaths against 4, but 10 of them in one accident: one event, not a trend
    clustered = acc.deaths_change_test(per_accident([10, 1, 1], [1, 1, 1, 1]))
    assert (clustered.current, clustered.previous, clustered.verdict) == (12, 4, "flat")
    # the same totals spread over many accidents are beyond chance
    spread = acc.deaths_change_test(per_accident([1] * 24, [1] * 6))
    assert spread.verdict == "up" and spread.p_value < 0.01


def test_one_death_per_accident_matches_the_binomial_test():
    from scipy.stats import binomtest

    test = acc.deaths_change_test(per_accident([1] * 4, [1] * 6))
    assert test.p_value == pytest.approx(binomtest(4, 10, 0.5).pvalue)  # exact: 2^10 sign patterns


def test_change_tests_on_the_database(con):
    tests = acc.change_tests(con, period("2024-12-15", "2025-01-15"))
    assert (tests["accidents"].current, tests["accidents"].previous) == (3, 2)
    assert (tests["deaths"].current, tests["deaths"].previous) == (5, 1)
    assert tests["accidents"].verdict == "flat" and tests["deaths"].verdict == "flat"


def test_seasonal_control_limits_mark_an_unusual_month():
    months = pd.DataFrame({"month_start": [date(y, m, 1) for y in range(2021, 2025) for m in range(1, 13)]})
    months["is_covered"] = True
    months["accidents"] = 5
    months.loc[months["month_start"] == date(2024, 7, 1), "accidents"] = 20
    months.loc[months["month_start"] == date(2024, 8, 1), "accidents"] = 6
    control = acc.seasonal_control_limits(months, date(2024, 12, 31))
    assert len(control) == 24
    marked = control[control["is_above"] | control["is_below"]]
    assert marked["month_start"].tolist() == [date(2024, 7, 1)]
    july = control[control["month_start"] == date(2024, 7, 1)].iloc[0]
    assert july["expected"] == 5.0 and july["upper"] < 20


def _months_with_deaths(per_accident: list[int]) -> pd.DataFrame:
    """Four years of months, each with the same accidents and deaths per accident."""
    months = pd.DataFrame({"month_start": [date(y, m, 1) for y in range(2021, 2025) for m in range(1, 13)]})
    months["is_covered"] = True
    months["accidents"] = len(per_accident)
    months["deaths_incl_missing"] = sum(per_accident)
    months["deaths_incl_missing_squared"] = sum(d * d for d in per_accident)
    return months


def test_death_dispersion_is_deaths_squared_over_deaths():
    assert acc.death_dispersion(_months_with_deaths([1, 1, 0])) == 1.0  # one death each: Poisson
    assert acc.death_dispersion(_months_with_deaths([4, 0, 0])) == 4.0  # all four in one accident
    assert acc.death_dispersion(_months_with_deaths([3, 1])) == pytest.approx(10 / 4)
    assert acc.death_dispersion(_months_with_deaths([0, 0])) == 1.0  # no deaths: nothing to measure


def _predicted(baseline_sum: int, years: int, dispersion: float) -> tuple[int, int]:
    """The 99 % limits written out: the Jeffreys-prior predictive of a full month, in units of φ."""
    from scipy import stats  # the oracle (metrics/exact.py computes it without scipy)

    model = stats.nbinom(baseline_sum / dispersion + 0.5, years / (years + 1))
    return math.ceil(dispersion * model.ppf(0.005)), math.floor(dispersion * model.ppf(0.995))


def test_death_control_limits_allow_for_clustering():
    clustered = _months_with_deaths([4, 0, 0])  # 4 deaths a month, in one accident: φ = 4
    july_rows = clustered["month_start"] == date(2024, 7, 1)
    clustered.loc[july_rows, ["accidents", "deaths_incl_missing", "deaths_incl_missing_squared"]] = [9, 12, 48]
    deaths = acc.seasonal_control_limits(clustered, date(2024, 12, 31), "deaths_incl_missing")
    july = deaths[deaths["month_start"] == date(2024, 7, 1)].iloc[0]
    assert july["expected"] == 4.0 and july["dispersion"] == 4.0
    assert (july["lower"], july["upper"]) == _predicted(12, 3, 4.0)
    assert july["upper"] >= 12 and not july["is_above"]  # 12 deaths = three such accidents: within chance
    # the same 14 deaths judged with one death per accident (φ = 1) are outside
    single = _months_with_deaths([1, 1, 1, 1])
    single.loc[single["month_start"] == date(2024, 7, 1),
               ["accidents", "deaths_incl_missing", "deaths_incl_missing_squared"]] = [14, 14, 14]
    poisson = acc.seasonal_control_limits(single, date(2024, 12, 31), "deaths_incl_missing")
    july = poisson[poisson["month_start"] == date(2024, 7, 1)].iloc[0]
    assert july["dispersion"] == 1.0 and (july["lower"], july["upper"]) == _predicted(12, 3, 1.0)
    assert july["upper"] < 14 and july["is_above"]
    # accidents are always counted one by one, whatever the deaths
    assert (acc.seasonal_control_limits(clustered, date(2024, 12, 31))["dispersion"] == 1.0).all()


def test_control_limits_allow_for_a_short_baseline():
    """One or two accidents in a month that had none in the three years before are no signal."""
    months = _months_with_deaths([])
    months.loc[months["month_start"] == date(2024, 3, 1), ["accidents", "deaths_incl_missing"]] = [2, 2]
    months.loc[months["month_start"] == date(2024, 3, 1), "deaths_incl_missing_squared"] = 2
    control = acc.seasonal_control_limits(months, date(2024, 12, 31))
    march = control[control["month_start"] == date(2024, 3, 1)].iloc[0]
    assert march["expected"] == 0.0 and (march["lower"], march["upper"]) == _predicted(0, 3, 1.0) == (0, 3)
    assert not march["is_above"]
    # a month cut short by the period's end is predicted for the days counted
    cut = acc.seasonal_control_limits(_months_with_deaths([1] * 9), date(2024, 12, 10))
    last = cut.iloc[-1]
    from scipy import stats

    model = stats.nbinom(27 + 0.5, 3 / (3 + 10 / 31))
    assert last["is_partial"] and last["expected"] == pytest.approx(9 * 10 / 31)
    assert (last["lower"], last["upper"]) == (math.ceil(model.ppf(0.005)), math.floor(model.ppf(0.995)))


# ---------------------------------------------------------------------------------------------- SQL == pandas

TOWNS = [TOWN_A1, TOWN_A2, TOWN_B1, COUNTY_A]
DAY0 = date(2023, 1, 1)

accident_rows = st.lists(
    st.tuples(
        st.integers(0, 1100), st.integers(0, 23), st.booleans(), st.sampled_from(TOWNS),
        st.sampled_from(["industry_trade", "road_transport", "fire", "coal_mine"]),
        st.sampled_from(["vehicle", "fire", "machinery"]),
        st.integers(0, 31), st.integers(0, 2), st.integers(0, 101),
        st.sampled_from(["0", "999.99", "1000", "5000", "10000", "12.5"]),
        st.sampled_from([None, 0, 9, 10, 40]), st.sampled_from([None, 0, 2, 3]), st.sampled_from([None, 0, 499, 500]),
    ),
    max_size=40,
)

periods = st.tuples(st.integers(0, 1100), st.integers(0, 400)).map(
    lambda t: (DAY0 + timedelta(t[0]), DAY0 + timedelta(t[0] + t[1])))

FRAMES = ["accidents_by_month", "deaths_to_date_by_year", "deaths_per_accident", "accidents_by_sector",
          "accidents_by_type", "accidents_by_region", "accidents_by_weekday", "accidents_by_hour"]


@pytest.fixture(scope="module")
def oracle_con():
    con = duckdb.connect()
    db.create_schema(con)
    fill_small_city(con)
    con.execute("insert into indicator_denominators values (2024, ?, 300, 100000, 20000, 80)", [CITY])
    yield con
    con.close()


@pytest.mark.slow  # a property test over many generated cities: left out of the fast tier
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=accident_rows, span=periods, region=st.sampled_from([CITY, COUNTY_A, TOWN_A1, TOWN_B1]),
       industry=st.sampled_from([None, "road_transport", "fire"]))
def test_sql_equals_pandas(oracle_con, rows, span, region, industry):
    con = oracle_con
    con.execute("begin transaction")
    try:
        con.execute("delete from accidents")
        if rows:
            con.executemany(
                """insert into accidents (accident_id, occurred_at, has_time, region_code, industry, accident_type,
                                          deaths, missing, serious_injuries, direct_loss_wan, endangered, trapped,
                                          evacuated)
                   values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [(f"R{i}", pd.Timestamp(DAY0 + timedelta(off)) + pd.Timedelta(hours=hour if timed else 0), timed, town,
                  ind, kind, d, m, s, loss, e, t, v)
                 for i, (off, hour, timed, town, ind, kind, d, m, s, loss, e, t, v) in enumerate(rows)],
            )
        filters = Filters(span[0], span[1], region, span[1], industry)
        for name in FRAMES:
            got = getattr(acc, name)(con, filters).reset_index(drop=True)
            expected = getattr(peers, name)(con, filters)
            if name == "deaths_per_accident" and got.empty:
                assert expected.empty
                continue
            pd.testing.assert_frame_equal(got, expected, check_dtype=False, obj=name)
        listed = acc.larger_and_above_list(con, filters)[["accident_id", "deaths_incl_missing", "grade",
                                                            "grade_criterion"]]
        pd.testing.assert_frame_equal(listed.reset_index(drop=True), peers.larger_and_above_list(con, filters),
                                      check_dtype=False)
        risky = acc.larger_risk_involved_list(con, filters)[["accident_id", "is_endangered", "is_trapped",
                                                               "is_evacuated"]]
        pd.testing.assert_frame_equal(risky.reset_index(drop=True), peers.larger_risk_involved_list(con, filters),
                                      check_dtype=False)
        rates, expected_rates = acc.rate_indicators(con, filters), peers.rate_indicators(con, filters)
        for key in rates:
            assert rates[key]["deaths"] == expected_rates[key]["deaths"]
            assert rates[key]["rate"] == pytest.approx(expected_rates[key]["rate"])
        assert metrics.accident_totals(con, filters)["accidents"] == int(
            acc.deaths_per_accident(con, filters).query("period == 'current'")["accidents"].sum())
    finally:
        con.execute("rollback")
