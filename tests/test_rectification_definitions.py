"""隐患治理 definitions at their boundaries: the on-time rate (which hazards, which date, the deadline day) and the
median days to rectify (which date for a major hazard, an even count), the keep-every-enterprise shortcut of
the KPI query, and the formulas the screen states."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import CITY, COUNTY_A, TOWN_A1, fill_small_city, prepared_database

from riskdash import db, metrics
from riskdash.filters import Filters
from riskdash.metrics import rectification as rect
from riskdash.screens.kit import Scope
from riskdash.screens.rectification import view

DEADLINE = date(2026, 3, 31)
PERIOD = Filters(date(2026, 3, 1), date(2026, 3, 31), CITY, date(2026, 4, 10))

# hazard_id, grade, found_on, rectified_on, verified_on — every one with DEADLINE as its deadline, at E1
ROWS = [
    ("G_ON_DEADLINE", "general", "2026-03-01", "2026-03-31", None),  # rectified on the deadline day: on time
    ("G_DAY_AFTER", "general", "2026-03-02", "2026-04-01", None),  # the day after: done, late
    ("M_VERIFIED_ON_DEADLINE", "major", "2026-03-03", "2026-03-20", "2026-03-31"),  # closed on the day: on time
    ("M_VERIFIED_LATE", "major", "2026-03-04", "2026-03-25", "2026-04-02"),  # rectified in time, closed late
    ("M_NOT_VERIFIED", "major", "2026-03-05", "2026-03-30", None),  # rectified in time, never closed: overdue
    ("G_OPEN", "general", "2026-03-06", None, None),  # open past the deadline: overdue
]


def fill_definitions(con) -> None:
    """The small city with its hazards replaced by ROWS, all at E1 with DEADLINE."""
    con.execute("delete from hazards")
    con.executemany(
        """insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline, rectified_on, verified_on)
           values (?, 'E1', ?, ?, ?, ?, ?)""",
        [(h, found, grade, DEADLINE, rectified, verified) for h, grade, found, rectified, verified in ROWS],
    )
    db.sync_keys(con)


@pytest.fixture()
def con(tmp_path):
    # built once per process and copied (creating the schema in memory cost ~0.65 s of CPU a test)
    connection = db.connect(prepared_database(tmp_path / "definitions.duckdb", fill_small_city, fill_definitions))
    yield connection
    connection.close()


def test_on_time_is_done_on_or_before_the_deadline_by_the_date_that_makes_it_done(con):
    k = rect.rectification_kpis(con, PERIOD)
    # done: G_ON_DEADLINE, G_DAY_AFTER, M_VERIFIED_ON_DEADLINE, M_VERIFIED_LATE; overdue: M_NOT_VERIFIED, G_OPEN
    assert (k["found"], k["rectified"], k["overdue"], k["overdue_major"]) == (6, 4, 2, 1)
    # on time: G_ON_DEADLINE (rectified on the day) and M_VERIFIED_ON_DEADLINE (closed on the day); a major
    # hazard rectified in time but verified after the deadline is late
    assert (k["on_time"], k["done_or_overdue"], k["on_time_rate"]) == (2, 6, 2 / 6)


def test_hazards_within_their_deadline_are_left_out_of_the_on_time_denominator(con):
    # on the deadline day nothing is overdue yet: only what is already done has an outcome
    k = rect.rectification_kpis(con, Filters(PERIOD.start, PERIOD.end, CITY, DEADLINE))
    # done by 03-31: G_ON_DEADLINE, M_VERIFIED_ON_DEADLINE; the other four are still within their deadline
    assert (k["overdue"], k["on_time"], k["done_or_overdue"], k["on_time_rate"]) == (0, 2, 2, 1.0)
    # before anything is done the rate has no denominator
    k = rect.rectification_kpis(con, Filters(PERIOD.start, PERIOD.end, CITY, date(2026, 3, 10)))
    assert (k["done_or_overdue"], k["on_time_rate"]) == (0, None)


def test_median_days_counts_major_hazards_by_their_rectification_date(con):
    k = rect.rectification_kpis(con, PERIOD)
    # rectified by 04-10, days from found: G_ON_DEADLINE 30, G_DAY_AFTER 30, M_VERIFIED_ON_DEADLINE 17,
    # M_VERIFIED_LATE 21, M_NOT_VERIFIED 25 (rectified, not verified: still counted) → 17 21 25 30 30 → 25
    assert (k["rectified_any_grade"], k["median_days_to_rectify"]) == (5, 25.0)


def test_median_of_an_even_count_is_the_mean_of_the_two_middle_values(con):
    # as of 03-31: rectified are G_ON_DEADLINE 30, M_VERIFIED_ON_DEADLINE 17, M_VERIFIED_LATE 21, M_NOT_VERIFIED 25
    k = rect.rectification_kpis(con, Filters(PERIOD.start, PERIOD.end, CITY, DEADLINE))
    assert (k["rectified_any_grade"], k["median_days_to_rectify"]) == (4, 23.0)
    # by 03-20 only M_VERIFIED_ON_DEADLINE (17); by 03-25 also M_VERIFIED_LATE (21) → 19.0; then a half day stays
    one = rect.rectification_kpis(con, Filters(PERIOD.start, PERIOD.end, CITY, date(2026, 3, 20)))
    assert (one["rectified_any_grade"], one["median_days_to_rectify"]) == (1, 17.0)
    two = rect.rectification_kpis(con, Filters(PERIOD.start, PERIOD.end, CITY, date(2026, 3, 25)))
    assert (two["rectified_any_grade"], two["median_days_to_rectify"]) == (2, 19.0)
    con.execute("update hazards set rectified_on = date '2026-03-23' where hazard_id = 'M_VERIFIED_LATE'")
    half = rect.rectification_kpis(con, Filters(PERIOD.start, PERIOD.end, CITY, date(2026, 3, 25)))
    assert half["median_days_to_rectify"] == 18.0  # 17 and 19
    con.execute("update hazards set rectified_on = date '2026-03-24' where hazard_id = 'M_VERIFIED_LATE'")
    half = rect.rectification_kpis(con, Filters(PERIOD.start, PERIOD.end, CITY, date(2026, 3, 25)))
    assert half["median_days_to_rectify"] == 18.5  # 17 and 20


def test_the_kpis_are_the_same_with_and_without_the_keep_every_enterprise_shortcut(con):
    # the whole city with every sector skips the enterprise match; the same rows through a filter that keeps
    # them (E1 is in 东镇, county A) go through it
    whole = rect.rectification_kpis(con, PERIOD)
    assert rect.rectification_kpis(con, PERIOD.confined_to(COUNTY_A)) == whole
    assert rect.rectification_kpis(con, PERIOD.confined_to(TOWN_A1)) == whole
    assert metrics.rectification_totals(con, PERIOD)["found"] == whole["found"] == 6


def test_the_screen_states_the_formulas_exactly_as_computed(con):
    k = rect.rectification_kpis(con, PERIOD)
    scope = Scope(period="2026年3月", as_of="2026年4月10日", region="云川市", sector="全部行业")
    zh = view.formulas(k, scope, "zh")
    on_time = next(line for line in zh if line.startswith("按期整改率"))
    assert "2 ÷ 6" in on_time and "期限当日完成算按期" in on_time and "不计入分母" in on_time
    assert "验收销号日期" in on_time
    median = next(line for line in zh if line.startswith("整改用时中位数"))
    assert "5 项" in median and "= 25" in median and "不论是否已验收销号" in median
    en = view.formulas(k, scope, "en")
    assert any("Median days to rectify" in line and "= 25 " in line for line in en)
    assert any("deadline day itself is on time" in line for line in en)
    cards = {card.key: card for card in view.kpi_cards(k, scope, "zh")}
    assert cards["median_days"].value == "25"


def test_a_dash_where_nothing_was_rectified(con):
    k = rect.rectification_kpis(con, Filters(date(2030, 1, 1), date(2030, 1, 31), CITY, date(2030, 1, 31)))
    scope = Scope(period="2030年1月", as_of="2030年1月31日", region="云川市", sector="全部行业")
    median = next(line for line in view.formulas(k, scope, "zh") if line.startswith("整改用时中位数"))
    assert "= —" in median


def test_an_inspection_of_an_enterprise_no_longer_on_record_is_not_counted(con):
    # inspections carry no foreign key to enterprises: the whole-city shortcut must not let such a row in
    con.executemany("insert into inspections (inspection_id, inspected_on, enterprise_id, level) values (?, ?, ?, ?)",
                    [("I_E1", "2026-03-02", "E1", "city"), ("I_GONE", "2026-03-02", "GONE", "city")])
    db.sync_keys(con)  # as every write path does: I_GONE keeps a null enterprise_no
    levels = rect.checks_by_level(con, PERIOD).set_index("level")
    assert (levels.loc["city", "inspections"], levels.loc["city", "enterprises_inspected"]) == (1, 1)
    form = rect.monthly_form(con, PERIOD, date(2026, 3, 1))
    assert form.loc[form["is_total"], "enterprises_checked"].item() == 1  # E1 only
