"""隐患治理 metrics: whole results on hand-made rows, every boundary of the rules, the CLI contract."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from conftest import AS_OF, CITY, COUNTY_A, COUNTY_B, TOWN_A1, TOWN_A2, TOWN_B1, fill_small_city, prepared_database

from riskdash import db, metrics
from riskdash.filters import Filters
from riskdash.metrics import rectification as rect

H1 = Filters(date(2025, 1, 1), AS_OF, CITY, AS_OF)
CONTRACT_KEYS = ["found", "rectified", "rate", "general_found", "general_rectified", "general_rate", "major_found",
                 "major_closed", "major_rate", "overdue", "supervised_open"]

# beyond conftest: treatment plans, funds, 挂牌督办 levels and four-level inspections
EXTRA_INSPECTIONS = [
    ("I1", "2025-02-01", "E1", "city"),
    ("I2", "2025-03-01", "E3", "self"),
    ("I3", "2024-12-31", "E4", "county"),  # the year before: outside every 2025 period
    ("I4", "2025-06-30", "E2", "township"),  # the last day of the period counts
]
EXTRA_HAZARDS = [
    # hazard_id, inspection, enterprise, found_on, grade, deadline, rectified, verified, level, plan, five, funds
    ("H9", "I4", "E2", "2025-06-30", "major", "2025-09-30", None, None, "province", True, False, 40.5),
    ("H10", None, "E2", "2025-07-01", "major", "2025-09-30", None, None, "city", True, True, 9.0),
]


def add_extras(con) -> None:
    con.executemany("insert into inspections (inspection_id, inspected_on, enterprise_id, level) values (?, ?, ?, ?)",
                    EXTRA_INSPECTIONS)
    con.execute("update hazards set inspection_id = 'I1' where hazard_id = 'H2'")
    con.execute("update hazards set in_treatment_plan = true, five_in_place = true, funds_wan = 12.5 "
                "where hazard_id = 'H3'")
    con.execute("update hazards set in_treatment_plan = true, five_in_place = false, funds_wan = 3.25 "
                "where hazard_id = 'H4'")
    con.execute("update hazards set funds_wan = 0.2, description = '消防通道堵塞' where hazard_id = 'H6'")
    con.executemany(
        """insert into hazards (hazard_id, inspection_id, enterprise_id, found_on, grade, deadline, rectified_on,
                                verified_on, supervision_level, in_treatment_plan, five_in_place, funds_wan)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        EXTRA_HAZARDS,
    )
    db.sync_keys(con)


@pytest.fixture()
def con(tmp_path: Path):
    path = tmp_path / "rect.duckdb"
    connection = db.connect(prepared_database(path, fill_small_city, add_extras))
    yield connection
    connection.close()


# ---------------------------------------------------------------------------------------------- KPIs


def test_kpis_whole_result_on_the_small_city(small_con):
    # H1 done; H2 overdue; H3 closed (late: verified 06-10 after its 06-01 deadline); H4 rectified, not
    # verified and past its deadline → overdue; H5 deadline = as-of → not overdue; H6 rectified after as-of →
    # overdue; H7 found after as-of; H8 last year.
    assert rect.rectification_kpis(small_con, H1) == {
        "found": 6, "rectified": 2, "rate": 2 / 6,
        "general_found": 4, "general_rectified": 1, "general_rate": 0.25,
        "major_found": 2, "major_closed": 1, "major_rate": 0.5,
        # H3 verified but never delisted (摘牌) and H4: both still under 挂牌督办
        "overdue": 3, "overdue_major": 1, "supervised_open": 2,
        # on time: H1 only; done or overdue: H1, H3 + H2, H4, H6
        "on_time": 1, "done_or_overdue": 5, "on_time_rate": 0.2,
        # rectified by as-of: H1 (10 days), H3 (80), H4 (61) → median 61
        "rectified_any_grade": 3, "median_days_to_rectify": 61.0,
        # the stock on the as-of day (H8 of 2024 is done): open H2, H4, H5, H6; overdue H2, H4, H6
        "stock": {"open": 4, "open_major": 1, "overdue": 3, "overdue_major": 1, "overdue_major_unrectified": 0,
                  "supervised_open": 2},
    }


def test_kpis_hold_the_contract_figures(small_con):
    for filters in (H1, H1.confined_to(COUNTY_A), H1.confined_to(TOWN_B1),
                    Filters(date(2025, 3, 1), AS_OF, CITY, AS_OF, "hazardous_chemicals")):
        kpis = rect.rectification_kpis(small_con, filters)
        totals = metrics.rectification_totals(small_con, filters)
        assert {k: kpis[k] for k in CONTRACT_KEYS} == {k: totals[k] for k in CONTRACT_KEYS}


def test_a_general_hazard_rectified_after_as_of_is_not_rectified(small_con):
    # H6 (南街道) rectified 2025-07-05, the day after is still before it
    for as_of, done in ((date(2025, 7, 4), 0), (date(2025, 7, 5), 1)):
        result = rect.rectification_kpis(small_con, Filters(date(2025, 5, 1), date(2025, 5, 31), TOWN_B1, as_of))
        assert (result["found"], result["general_rectified"]) == (1, done)


def test_a_major_hazard_rectified_but_not_verified_is_not_closed(small_con):
    # H4: rectified 2025-06-01, never verified; until its deadline (06-15) it is open, not overdue
    f = Filters(date(2025, 4, 1), date(2025, 4, 30), CITY, date(2025, 6, 15))
    result = rect.rectification_kpis(small_con, f)
    assert (result["major_found"], result["major_closed"], result["major_rate"], result["overdue"]) == (1, 0, 0.0, 0)
    later = rect.rectification_kpis(small_con, Filters(f.start, f.end, CITY, date(2025, 6, 16)))
    assert (later["overdue"], later["overdue_major"], later["supervised_open"]) == (1, 1, 1)


def test_deadline_equal_to_as_of_is_not_overdue(small_con):
    # H5: deadline 2025-06-30 = as-of
    f = Filters(date(2025, 6, 1), AS_OF, TOWN_A2, AS_OF)
    assert rect.rectification_kpis(small_con, f)["overdue"] == 0
    assert rect.overdue_list(small_con, f).empty
    assert rect.rectification_kpis(small_con, Filters(f.start, f.end, TOWN_A2, date(2025, 7, 1)))["overdue"] == 1


def test_no_hazards_gives_null_rates(small_con):
    result = rect.rectification_kpis(small_con, Filters(date(2030, 1, 1), date(2030, 1, 31), CITY, date(2030, 1, 31)))
    assert result["found"] == 0
    for key in ("rate", "general_rate", "major_rate", "on_time_rate", "median_days_to_rectify"):
        assert result[key] is None, key


def test_a_hazard_found_before_the_period_and_rectified_inside_it_is_not_counted(small_con):
    # H1 found 2025-01-05, rectified 2025-01-15; H8 found 2024-03-01, rectified 2024-03-05
    result = rect.rectification_kpis(small_con, Filters(date(2025, 1, 10), date(2025, 1, 31), CITY, AS_OF))
    assert (result["found"], result["rectified"]) == (0, 0)
    result = rect.rectification_kpis(small_con, Filters(date(2024, 3, 2), date(2024, 12, 31), CITY, AS_OF))
    assert result["found"] == 0


def test_region_and_sector_filters(small_con):
    assert rect.rectification_kpis(small_con, H1.confined_to(COUNTY_B))["found"] == 1  # H6 at E4
    county_a = rect.rectification_kpis(small_con, H1.confined_to(COUNTY_A))
    assert (county_a["found"], county_a["general_found"], county_a["major_found"]) == (5, 3, 2)
    chem = rect.rectification_kpis(small_con, Filters(H1.start, H1.end, CITY, AS_OF, "hazardous_chemicals"))
    assert (chem["found"], chem["major_closed"], chem["supervised_open"]) == (2, 1, 2)
    assert rect.rectification_kpis(small_con, Filters(H1.start, H1.end, TOWN_B1, AS_OF, "hazardous_chemicals"))[
        "found"] == 0


_RUN = []  # the runner of the current test, set by the cli fixture


@pytest.fixture
def cli(riskdash_cli):
    """A test taking it runs in process (fast tier) and as real processes (slow): conftest.riskdash_cli."""
    _RUN[:] = [riskdash_cli]
    yield riskdash_cli
    _RUN.clear()


def run_cli(*args: str) -> dict:
    result = _RUN[0]("metrics", "rectification", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_cli_prints_exactly_the_contract_and_agrees_with_the_screen_metric(small_db_path, cli):
    out = run_cli("--db", str(small_db_path), "--from", "2025-01-01", "--to", "2025-06-30", "--as-of", "2025-06-30")
    assert list(out) == [*CONTRACT_KEYS, "stock"]
    assert list(out["stock"]) == list(rect.STOCK_KEYS)
    con = db.connect(small_db_path, read_only=True)
    try:
        kpis = rect.rectification_kpis(con, H1)
        assert out == {**{k: kpis[k] for k in CONTRACT_KEYS}, "stock": rect.rectification_stock(con, H1)}
        sector = run_cli("--db", str(small_db_path), "--from", "2025-01-01", "--to", "2025-06-30", "--as-of",
                         "2025-06-30", "--region", COUNTY_A, "--industry", "hazardous_chemicals")
        f = Filters(H1.start, H1.end, COUNTY_A, AS_OF, "hazardous_chemicals")
        assert sector == {**{k: rect.rectification_kpis(con, f)[k] for k in CONTRACT_KEYS},
                          "stock": rect.rectification_stock(con, f)}
    finally:
        con.close()
    empty = run_cli("--db", str(small_db_path), "--from", "2030-01-01", "--to", "2030-01-31", "--as-of", "2030-01-31")
    assert empty["rate"] is None and empty["general_rate"] is None and empty["major_rate"] is None


# ---------------------------------------------------------------------------------------------- stock

# beyond conftest, for the stock (every hazard found on or before as-of, whatever year):
STOCK_HAZARDS = [
    # hazard_id, enterprise, found_on, grade, deadline, rectified, verified, level, supervised_on, delisted_on
    ("X1", "E1", "2022-06-30", "major", "2022-09-30", None, None, "none", None, None),  # three years ago, still open
    ("X2", "E2", "2025-02-01", "major", "2025-05-01", "2025-04-20", "2025-04-28", "county", "2025-02-05", None),
    ("X3", "E2", "2025-01-10", "major", "2025-04-01", "2025-03-20", "2025-03-25", "city", "2025-01-15",
     "2025-06-30"),  # delisted on the as-of day
    ("X4", "E2", "2025-06-01", "major", "2025-08-01", None, None, "province", "2025-07-01", None),  # listed later
]


@pytest.fixture()
def stock_con(small_con):
    small_con.executemany(
        """insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline, rectified_on, verified_on,
                                supervision_level, supervised_on, delisted_on)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        STOCK_HAZARDS,
    )
    db.sync_keys(small_con)
    return small_con


def stock(**counts: int) -> dict[str, int]:
    return {key: counts.get(key, 0) for key in rect.STOCK_KEYS}


def test_stock_whole_result_counts_every_year(stock_con):
    # open: H2, H4 (rectified, not verified), H5, H6, X1, X4; overdue: H2, H4, H6, X1 (H5's deadline is as-of);
    # overdue majors H4 and X1, of which X1 not rectified; 挂牌督办 not delisted: H3 and X2 (verified, not
    # delisted), H4 — X3 was delisted on the as-of day, X4 listed after it
    assert rect.rectification_stock(stock_con, H1) == stock(
        open=6, open_major=3, overdue=4, overdue_major=2, overdue_major_unrectified=1, supervised_open=3)


def test_stock_ignores_the_period_but_not_the_as_of_day(stock_con):
    june = Filters(date(2025, 6, 1), AS_OF, CITY, AS_OF)
    assert rect.rectification_stock(stock_con, june) == rect.rectification_stock(stock_con, H1)
    # the flow of the same filters leaves X1 out
    totals = metrics.rectification_totals(stock_con, H1)
    assert (totals["overdue"], totals["overdue_major"], totals["stock"]["overdue"]) == (3, 1, 4)
    # X1 found 2022-06-30: not in a stock as of the day before
    before = Filters(date(2022, 6, 1), date(2022, 6, 29), CITY, date(2022, 6, 29))
    assert rect.rectification_stock(stock_con, before) == stock()
    assert rect.rectification_stock(stock_con, Filters(before.start, date(2022, 6, 30), CITY, date(2022, 6, 30))) \
        == stock(open=1, open_major=1)


def test_supervision_ends_at_delisting_not_verification(stock_con):
    chem = Filters(H1.start, H1.end, CITY, date(2025, 6, 29), "hazardous_chemicals")
    # the day before X3's delisting it still counts; X4 is not listed yet
    assert rect.rectification_stock(stock_con, chem)["supervised_open"] == 4  # H3, H4, X2, X3
    on_day = Filters(H1.start, H1.end, CITY, AS_OF, "hazardous_chemicals")
    assert rect.rectification_stock(stock_con, on_day) == stock(
        open=2, open_major=2, overdue=1, overdue_major=1, supervised_open=3)  # H4, X4 open; H3, H4, X2 listed
    after = Filters(H1.start, date(2025, 7, 1), CITY, date(2025, 7, 1), "hazardous_chemicals")
    assert rect.rectification_stock(stock_con, after)["supervised_open"] == 4  # H3, H4, X2, X4
    # the period's flow follows the same rule
    assert rect.rectification_kpis(stock_con, on_day)["supervised_open"] == 3


def test_stock_region_and_sector_filters(stock_con):
    assert rect.rectification_stock(stock_con, H1.confined_to(COUNTY_B)) == stock(open=1, overdue=1)  # H6 at E4
    assert rect.rectification_stock(stock_con, H1.confined_to(TOWN_A2)) == stock(open=1)  # H5 at E3
    assert rect.rectification_stock(stock_con, Filters(H1.start, H1.end, CITY, AS_OF, "industry_trade")) == stock(
        open=2, open_major=1, overdue=2, overdue_major=1, overdue_major_unrectified=1)  # H2, X1 at E1


def test_stock_lists_hold_the_stock_rows(stock_con):
    overdue = rect.overdue_list(stock_con, H1)
    assert list(overdue["hazard_id"]) == ["X1", "H2", "H6", "H4"]
    assert list(overdue["days_overdue"]) == [1004, 140, 51, 15]
    assert list(overdue["is_rectified"]) == [False, False, False, True]  # H4: 逾期未销号, not 未整改
    assert list(rect.overdue_list(stock_con, H1, stock=False)["hazard_id"]) == ["H2", "H6", "H4"]
    supervised = rect.supervised_list(stock_con, H1)
    assert list(supervised["hazard_id"]) == ["H3", "X2", "H4"]  # city, then county by deadline
    assert len(supervised) == rect.rectification_stock(stock_con, H1)["supervised_open"]
    flow = rect.supervised_list(stock_con, H1, stock=False)  # found in 2025 and listed by as-of, delisted or not
    assert list(flow["hazard_id"]) == ["H3", "X2", "H4", "X3"]
    assert list(flow["is_closed"]) == [False, False, False, True]


def test_cli_prints_the_stock(small_db_path, cli):
    con = db.connect(small_db_path)
    con.executemany(
        """insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline, rectified_on, verified_on,
                                supervision_level, supervised_on, delisted_on)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        STOCK_HAZARDS,
    )
    db.sync_keys(con)
    con.close()
    out = run_cli("--db", str(small_db_path), "--from", "2025-06-01", "--to", "2025-06-30", "--as-of", "2025-06-30")
    assert out["stock"] == {"open": 6, "open_major": 3, "overdue": 4, "overdue_major": 2,
                            "overdue_major_unrectified": 1, "supervised_open": 3}
    assert (out["found"], out["overdue"], out["supervised_open"]) == (2, 0, 0)  # H5, X4 found in June


# ---------------------------------------------------------------------------------------------- monthly form


def form_rows(frame) -> dict:
    return {row["name_zh"]: row for row in frame.to_dict("records")}


def test_monthly_form_whole_result(con):
    # report month June 2025: 1 January to 30 June, as of 30 June
    form = rect.monthly_form(con, Filters(date(2025, 6, 1), date(2025, 6, 15), CITY, date(2025, 6, 15)))
    names = list(form["name_zh"])
    sectors = metrics.sectors(con)
    # the 工矿商贸 sectors in the settings' order, then 合计: road and fire hazards go on their departments' forms
    assert names == [*sectors.loc[sectors["stat_class"] == "industrial", "name_zh"], "合计"]
    assert "道路运输" not in names and "消防（人员密集场所）" not in names
    rows = form_rows(form)
    chem = rows["危险化学品"]
    # H3 closed, H4 rectified not verified, H9 found on the month's last day (province); H10 in July: out
    assert {k: chem[k] for k in ("enterprises_checked", "general_found", "major_found", "major_closed",
                                 "major_in_plan", "major_five_in_place", "major_supervised",
                                 "major_supervised_province", "funds_wan")} == {
        "enterprises_checked": 1, "general_found": 0, "major_found": 3, "major_closed": 1, "major_in_plan": 3,
        "major_five_in_place": 1, "major_supervised": 3, "major_supervised_province": 1, "funds_wan": 56.25}
    assert chem["major_rate"] == pytest.approx(1 / 3) and chem["general_rate"] is None
    trade = rows["工贸"]
    assert (trade["enterprises_checked"], trade["general_found"], trade["general_rectified"]) == (1, 2, 1)
    assert trade["general_rate"] == 0.5
    coal = rows["煤矿"]
    assert coal["general_found"] == 0 and coal["general_rate"] is None and coal["major_rate"] is None
    total = rows["合计"]
    assert total["is_total"]
    # E1 and E2 only: 西乡运输 (H5, self-check I2) and 南街道商场 (H6, 0.2 万元) are not 工矿商贸
    assert (total["enterprises_checked"], total["general_found"], total["general_rectified"], total["major_found"],
            total["major_closed"]) == (2, 2, 1, 3, 1)
    assert total["funds_wan"] == 56.25 and total["general_rate"] == 0.5


def test_monthly_form_is_cumulative_from_january_and_as_of_the_month_end(con):
    # as of 31 May: H3 (verified 06-10) not yet closed; H9 not yet found
    may = form_rows(rect.monthly_form(con, H1, month=date(2025, 5, 1)))["危险化学品"]
    assert (may["major_found"], may["major_closed"], may["major_supervised_province"]) == (2, 0, 0)
    july = form_rows(rect.monthly_form(con, H1, month=date(2025, 7, 1)))["危险化学品"]
    assert (july["major_found"], july["major_closed"], july["major_supervised"]) == (4, 1, 4)


def test_monthly_form_with_region_and_sector_filters(con):
    county_b = form_rows(rect.monthly_form(con, H1.confined_to(COUNTY_B)))
    # 乙区's one enterprise is a 消防 site: nothing of it on the 工矿企业 form
    assert county_b["合计"]["general_found"] == 0 and county_b["危险化学品"]["major_found"] == 0
    road_only = rect.monthly_form(con, Filters(H1.start, H1.end, CITY, AS_OF, "road_transport"))
    assert list(road_only["name_zh"]) == ["合计"] and road_only.iloc[0]["general_found"] == 0
    chem_only = rect.monthly_form(con, Filters(H1.start, H1.end, CITY, AS_OF, "hazardous_chemicals"))
    assert list(chem_only["name_zh"]) == ["危险化学品", "合计"]
    assert chem_only.iloc[1]["major_found"] == 3


# ---------------------------------------------------------------------------------------------- lists


def test_overdue_list_whole_result(con):
    frame = rect.overdue_list(con, H1)
    assert list(frame["hazard_id"]) == ["H2", "H6", "H4"]  # most days overdue first
    assert list(frame["days_overdue"]) == [140, 51, 15]
    assert list(frame["township_name"]) == ["东镇", "南街道", "东镇"]
    assert list(frame["county_name"]) == ["甲县", "乙区", "甲县"]
    assert list(frame["supervision_level"]) == ["none", "none", "county"]
    assert len(frame) == rect.rectification_kpis(con, H1)["overdue"]


def test_supervised_list_whole_result(con):
    # H3 is verified but not delisted (摘牌): still under 挂牌督办; by level: province, city, county
    frame = rect.supervised_list(con, H1)
    assert list(frame["hazard_id"]) == ["H9", "H3", "H4"]
    assert list(frame["state"]) == ["open", "closed", "overdue"]
    assert list(frame["days_left"].astype(object).where(frame["days_left"].notna(), None)) == [92, None, -15]
    assert list(frame["five_in_place"]) == [False, True, False]
    assert list(frame["is_closed"]) == [False, False, False]


def test_due_soon_and_weekly_list(con):
    f = Filters(date(2025, 6, 1), date(2025, 6, 24), CITY, date(2025, 6, 24))
    # H5 deadline 06-30: 6 days left, within the default 7; H4 deadline 06-15 overdue (not "due soon")
    due = rect.due_soon(con, f)
    assert list(due["hazard_id"]) == ["H5"] and list(due["days_left"]) == [6]
    assert rect.follow_up_list(con, f, 5, include_overdue=False).empty  # 6 days is beyond 5
    week = rect.weekly_list(con, f)
    # open work whatever the period: H2 (found in February) and H4 overdue, H6 overdue, H5 due
    assert set(week["hazard_id"]) == {"H2", "H4", "H5", "H6"}
    assert list(week[week["hazard_id"] == "H5"]["days_left"]) == [6]


def test_due_soon_reads_its_setting(con):
    f = Filters(date(2025, 6, 1), date(2025, 6, 24), CITY, date(2025, 6, 24))
    con.execute("update settings set value = '5' where key = 'due_soon_days'")
    assert rect.setting_value(con, "due_soon_days") == 5
    assert rect.due_soon(con, f).empty
    con.execute("delete from settings where key = 'due_soon_days'")
    assert rect.setting_value(con, "due_soon_days") == 7  # the documented default


def test_uninspected_enterprises(con):
    f = H1
    # supervisory inspections on or before 06-30: E1 (02-01 city), E4 (2024-12-31 county), E2 (06-30 township);
    # E3 only checked itself → never inspected by a supervising level
    frame = rect.uninspected_enterprises(con, f, days=140)
    assert list(frame["enterprise_id"]) == ["E3", "E4", "E1"]
    assert frame["days_since"].isna().tolist() == [True, False, False]
    assert list(frame["days_since"].dropna()) == [181, 149]
    assert list(rect.uninspected_enterprises(con, f, days=149)["enterprise_id"]) == ["E3", "E4"]  # more than N
    assert list(rect.uninspected_enterprises(con, f)["enterprise_id"]) == ["E3", "E4"]  # default 180


# ---------------------------------------------------------------------------------------------- breakdowns


def test_closed_loop(con):
    frame = rect.closed_loop(con, H1)
    assert frame.to_dict("records") == [
        {"grade": "general", "found": 4, "rectified": 1, "verified": 0, "closed": 1},
        {"grade": "major", "found": 3, "rectified": 2, "verified": 1, "closed": 1},
    ]


def test_checks_by_level_and_coverage(con):
    levels = rect.checks_by_level(con, H1)
    assert list(levels["level"]) == ["city", "county", "township", "self", "none"]
    assert list(levels["inspections"]) == [1, 0, 1, 1, 0]
    assert list(levels["hazards_found"]) == [1, 0, 1, 0, 5]  # H2 via I1, H9 via I4, the rest unlinked
    towns = rect.coverage_by_township(con, H1)
    assert list(towns["township_name"]) == ["东镇", "西乡", "南街道"]
    assert list(towns["active_enterprises"]) == [2, 1, 1]
    assert list(towns["supervised_enterprises"]) == [2, 0, 0]
    assert list(towns["self_checked_enterprises"]) == [0, 1, 0]
    assert list(towns["coverage_rate"]) == [1.0, 0.0, 0.0]
    sectors = rect.coverage_by_sector(con, H1)
    coal = sectors[sectors["industry"] == "coal_mine"].iloc[0]
    assert coal["active_enterprises"] == 0 and coal["coverage_rate"] is None


def test_by_township_and_sector(con):
    towns = rect.by_township(con, H1)
    east = towns[towns["region_code"] == TOWN_A1].iloc[0]
    assert (east["found"], east["general_found"], east["major_found"], east["major_closed"], east["overdue"]) == (
        5, 2, 3, 1, 2)
    assert east["rate"] == pytest.approx(2 / 5)
    sectors = rect.by_sector(con, Filters(H1.start, H1.end, CITY, AS_OF, "fire"))
    assert list(sectors["industry"]) == ["fire"] and sectors.iloc[0]["found"] == 1


def test_rate_by_month_is_the_rate_at_each_month_end(con):
    frame = rect.rate_by_month(con, H1)
    assert [m.month for m in frame["month_start"]] == [1, 2, 3, 4, 5, 6]
    # January: H1 found and rectified → 1/1; February: H2 open → 1/2; June end: H1, H3 done of 7
    assert list(frame["found_to_date"]) == [1, 2, 3, 4, 5, 7]
    assert list(frame["done_to_date"]) == [1, 1, 1, 1, 1, 2]
    assert frame.iloc[-1]["rate"] == pytest.approx(2 / 7)


def test_open_ageing(con):
    frame = rect.open_ageing(con, H1)
    counts = {(r["band"], r["grade"]): (r["open_hazards"], r["overdue"]) for r in frame.to_dict("records")}
    # open on 06-30: H2 (149 days), H4 (90), H5 (10), H6 (60), H9 (0)
    assert counts[("d0_30", "general")] == (1, 0)
    assert counts[("d0_30", "major")] == (1, 0)
    assert counts[("d31_90", "general")] == (1, 1)
    assert counts[("d31_90", "major")] == (1, 1)
    assert counts[("d91_180", "general")] == (1, 1)
    assert sum(v[0] for v in counts.values()) == 5


def test_evidence_by_township(con):
    frame = rect.evidence_by_township(con, H1)
    east = frame[frame["region_code"] == TOWN_A1].iloc[0]
    # 东镇: H1..H4, H9 — linked: H2, H9; none has a description
    assert (east["hazards"], east["with_inspection"], east["with_description"], east["complete"]) == (5, 2, 0, 0)
    south = frame[frame["region_code"] == TOWN_B1].iloc[0]
    assert (south["hazards"], south["with_description"], south["completeness"]) == (1, 1, 0.0)


# ---------------------------------------------------------------------------------------------- the demo city


@pytest.fixture(scope="module")
def demo_con(tmp_path_factory):
    from shared_demo import demo_city  # scale 1, seed 42, dated 2026-11-28: built once per process

    path = demo_city(tmp_path_factory.mktemp("demo") / "city.duckdb")
    connection = db.connect(path, read_only=True)
    yield connection
    connection.close()


def test_the_stock_on_the_demo_city_is_the_rows_of_the_lists(demo_con):
    root = metrics.root_region(demo_con)["region_code"]
    f = Filters(date(2026, 1, 1), date(2026, 11, 28), root, date(2026, 11, 28))
    totals = metrics.rectification_totals(demo_con, f)
    stock = totals["stock"]
    overdue = rect.overdue_list(demo_con, f)
    majors = overdue[overdue["grade"] == "major"]
    assert (len(overdue), len(majors), int((~majors["is_rectified"]).sum())) == (
        stock["overdue"], stock["overdue_major"], stock["overdue_major_unrectified"])
    assert len(rect.supervised_list(demo_con, f)) == stock["supervised_open"]
    # the stock reaches back before the period (the demo has hazards of 2021 on), the flow does not
    assert (overdue["found_on"] < pd.Timestamp(f.start)).any()
    assert stock["overdue_major"] > totals["overdue_major"] and stock["supervised_open"] > totals["supervised_open"]
    flow = rect.overdue_list(demo_con, f, stock=False)
    assert len(flow) == totals["overdue"] and (flow["found_on"] >= pd.Timestamp(f.start)).all()
