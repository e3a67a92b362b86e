"""规范化建设 checklist, "1+1" campaign and 零报告 on hand-made rows: whole results, every deadline group and
boundary (the deadline day itself is not late), and the settings they read."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from conftest import AS_OF, CITY, COUNTY_A, COUNTY_B, TOWN_A1, TOWN_A2, TOWN_B1, fill_small_city, prepared_database
from test_campaigns_scorecard import fill_campaigns

from riskdash import db
from riskdash.filters import Filters
from riskdash.metrics import campaigns

YEAR = Filters(date(2025, 1, 1), AS_OF, CITY, AS_OF)
JULY_1 = Filters(date(2025, 1, 1), date(2025, 7, 1), CITY, date(2025, 7, 1))
ZONE_CITY = "419990001000"
ZONE_COUNTY = "419901900000"


@pytest.fixture()
def con(tmp_path):
    connection = db.connect(prepared_database(tmp_path / "parts.duckdb", fill_small_city, fill_campaigns))
    yield connection
    connection.close()


def _plain(value):
    if isinstance(value, pd.Timestamp):
        return value.date()
    return None if not isinstance(value, str) and pd.isna(value) else value


def records(frame, columns):
    return [tuple(_plain(v) for v in row) for row in frame[columns].itertuples(index=False)]


# ---------------------------------------------------------------------------------------------- checklist


def add_zones(con):
    con.executemany("insert into regions values (?, ?, ?, ?, 'zone', ?)", [
        (ZONE_CITY, "市高新区", "township", CITY, "key"), (ZONE_COUNTY, "甲县工业园", "township", COUNTY_A, "ordinary")])
    con.execute("insert into checklist_status values (?, 'org_setup', 'done', '2025-04-30', '批复')", [ZONE_CITY])


def test_checklist_progress_per_township_on_the_deadline_and_after(con):
    columns = ["region_code", "deadline_group", "deadline", "items_applicable", "items_done", "items_in_progress",
               "items_not_started", "items_late", "is_complete", "is_late"]
    # on 30 June, the key townships' deadline day, nothing is late yet
    on_day = campaigns.checklist_progress(con, YEAR)
    assert records(on_day, columns) == [
        # 16 items bind a key township (the three duplicates of the 四个必须到位 are gone, issue 18), 14 the others
        # (full_time_staff binds no ordinary township while staff_min_ordinary is 0; station_head is key-only);
        # 东镇's two staffing items are done from its township_stations row
        (TOWN_A1, "key", date(2025, 6, 30), 16, 14, 1, 1, 0, False, False),
        (TOWN_A2, "all", date(2025, 12, 31), 14, 0, 0, 14, 0, False, False),
        (TOWN_B1, "all", date(2025, 12, 31), 14, 14, 0, 0, 0, True, False),
    ]
    # on 1 July: 东镇's in-progress item is late, and so is the item done only on 10 July
    after = campaigns.checklist_progress(con, JULY_1)
    assert records(after, columns)[0] == (TOWN_A1, "key", date(2025, 6, 30), 16, 14, 1, 1, 2, False, True)
    assert list(after["done_rate"]) == [14 / 16, 0.0, 1.0]
    late = campaigns.late_items(con, JULY_1)
    assert records(late, ["region_code", "item_code", "status"]) == [
        (TOWN_A1, "rules", "in_progress"), (TOWN_A1, "four_dual", "done")]


def test_checklist_items_carry_status_date_and_evidence(con):
    items = campaigns.checklist_items_by_township(con, YEAR)
    assert len(items) == 16 + 14 + 14
    east = items[items["region_code"] == TOWN_A1].set_index("item_code")
    assert (east.loc["org_setup", "status"], east.loc["org_setup", "status_on"].date(),
            east.loc["org_setup", "evidence"]) == ("done", date(2025, 5, 1), "批复")
    assert east.loc["four_dual", "is_done_late"] == False  # noqa: E712 (not done by the as-of day)
    west = items[items["region_code"] == TOWN_A2]
    assert set(west["status"]) == {"not_started"} and "station_head" not in set(west["item_code"])


def test_deadline_groups_by_kind_and_class_from_the_settings(con):
    add_zones(con)
    columns = ["deadline_group", "deadline", "townships", "townships_complete", "townships_late",
               "items_applicable", "items_done"]
    assert records(campaigns.checklist_progress_by_group(con, YEAR), columns) == [
        ("zone_city", date(2025, 4, 30), 1, 0, 1, 16, 1),
        ("zone", date(2025, 6, 30), 1, 0, 0, 14, 0),
        ("key", date(2025, 6, 30), 1, 0, 0, 16, 14),
        ("all", date(2025, 12, 31), 2, 1, 0, 28, 14),
    ]
    con.execute("update settings set value = '06-29' where key = 'checklist_deadline_zone'")
    by_group = campaigns.checklist_progress_by_group(con, YEAR).set_index("deadline_group")
    assert (by_group.loc["zone", "deadline"].date(), by_group.loc["zone", "townships_late"]) == (date(2025, 6, 29), 1)
    con.execute("update settings set value = 'June' where key = 'checklist_deadline_key'")
    with pytest.raises(db.RiskdashError, match="checklist_deadline_key"):
        campaigns.checklist_progress(con, YEAR)


# ---------------------------------------------------------------------------------------------- "1+1"


def add_campaign(con):
    con.execute("insert into enterprises (enterprise_id, name, region_code, industry) values "
                "('E5', '南街道家具厂', ?, 'industry_trade')", [TOWN_B1])
    con.execute("insert into inspections (inspection_id, inspected_on, enterprise_id, level, campaign) values "
                "('C1', '2025-04-01', 'E2', 'township', '1+1'), ('C0', '2024-04-01', 'E3', 'township', '1+1')")
    con.execute("""insert into hazards (hazard_id, inspection_id, enterprise_id, found_on, grade, deadline, category)
                   values ('H9', 'C1', 'E2', '2025-04-01', 'general', '2025-04-30', '储罐区防雷失效'),
                          ('H10', null, 'E5', '2025-05-01', 'general', '2025-05-30', '消防通道堵塞')""")
    db.sync_keys(con)  # as every write path does
    con.execute("update hazards set category = '消防通道堵塞' where hazard_id in ('H1', 'H2')")
    con.executemany("insert into warning_meetings (meeting_id, region_code, industry, held_on, attendance, note) "
                    "values (?, ?, ?, ?, ?, ?)", [
        ("M1", TOWN_A1, "hazardous_chemicals", "2025-04-20", 12, "危化品行业警示会"),
        ("M2", TOWN_A1, "industry_trade", "2024-05-01", 30, "去年的会")])


def test_campaign_pairs_per_township(con):
    add_campaign(con)
    frame = campaigns.campaign_pairs(con, YEAR)
    # no enterprise of the small city has a 产业类型: each is of its sector's class (the sector's name)
    assert records(frame, ["region_code", "industry_type", "enterprises", "untyped_enterprises", "is_inspected",
                           "inspected_enterprise", "problems_found", "meetings", "attendance"]) == [
        (TOWN_A1, "危险化学品", 1, 1, True, "东镇化工", 1, 1, 12.0),
        (TOWN_A1, "工贸", 1, 1, False, None, 0, 0, None),
        (TOWN_A2, "道路运输", 1, 1, False, None, 0, 0, None),
        (TOWN_B1, "工贸", 1, 1, False, None, 0, 0, None),
        (TOWN_B1, "消防（人员密集场所）", 1, 1, False, None, 0, 0, None),
    ]


@pytest.mark.parametrize("first_inserted", ["E9", "E2"])
def test_the_first_inspected_enterprise_on_a_tie_of_days_is_the_first_by_name(con, first_inserted):
    con.execute("insert into enterprises (enterprise_id, name, region_code, industry) values "
                "('E9', '东镇化工二厂', ?, 'hazardous_chemicals')", [TOWN_A1])
    rows = {"E9": ("C9", "E9"), "E2": ("C2", "E2")}
    order = [first_inserted] + [e for e in rows if e != first_inserted]
    for enterprise in order:  # the same day, the same township × sector, in either order of insertion
        con.execute("insert into inspections (inspection_id, inspected_on, enterprise_id, level, campaign) "
                    "values (?, '2025-04-01', ?, 'township', '1+1')", list(rows[enterprise]))
    db.sync_keys(con)
    frame = campaigns.campaign_pairs(con, YEAR)
    chemicals = frame[(frame["region_code"] == TOWN_A1) & (frame["industry_type"] == "危险化学品")]
    assert records(chemicals, ["enterprises", "first_inspected_on", "inspected_enterprise"]) == [
        (2, date(2025, 4, 1), "东镇化工")]


def test_campaign_coverage_for_each_county_and_the_city(con):
    add_campaign(con)
    frame = campaigns.campaign_coverage(con, YEAR)
    assert records(frame, ["is_total", "region_code", "townships", "pairs", "pairs_inspected",
                           "pairs_with_meeting"]) == [
        (False, COUNTY_A, 2, 3, 1, 1), (False, COUNTY_B, 1, 2, 0, 0), (True, CITY, 3, 5, 1, 1)]
    assert list(frame["coverage_rate"]) == [1 / 3, 0.0, 0.2]
    county = campaigns.campaign_coverage(con, Filters(date(2025, 1, 1), AS_OF, COUNTY_B, AS_OF))
    assert records(county, ["is_total", "region_code", "pairs"]) == [(False, COUNTY_B, 2), (True, COUNTY_B, 2)]


def test_common_problems_need_several_enterprises_of_the_sector(con):
    add_campaign(con)
    assert campaigns.common_problems(con, YEAR).empty  # default: 3 enterprises
    con.execute("update settings set value = '2' where key = 'campaign_common_problem_min_enterprises'")
    assert records(campaigns.common_problems(con, YEAR),
                   ["industry", "category", "enterprises", "hazards", "townships"]) == [
        ("industry_trade", "消防通道堵塞", 2, 3, 2)]


def test_warning_meetings_of_the_year(con):
    add_campaign(con)
    assert records(campaigns.warning_meetings(con, YEAR), ["meeting_id", "township_name", "attendance"]) == [
        ("M1", "东镇", 12)]


# ---------------------------------------------------------------------------------------------- 零报告


def test_zero_report_windows_clipped_to_the_year_and_as_of_day(con):
    assert records(campaigns.zero_report_windows(con, YEAR),
                   ["window_id", "days_due", "townships", "reports_due", "reports_received", "reports_missing"]) == [
        ("W0", 1, 3, 3, 2, 1), ("W1", 3, 3, 9, 8, 1), ("W2", 2, 3, 6, 3, 3)]


def test_zero_report_compliance_names_townships_and_days(con):
    assert records(campaigns.zero_report_compliance(con, YEAR),
                   ["region_code", "days_due", "days_reported", "days_missing"]) == [
        (TOWN_B1, 6, 3, 3), (TOWN_A2, 6, 4, 2), (TOWN_A1, 6, 6, 0)]
    missing = campaigns.zero_report_missing(con, YEAR)
    assert [(r, d.date().isoformat(), w) for r, d, w in
            missing[["region_code", "report_on", "window_name"]].itertuples(index=False)] == [
        (TOWN_A2, "2025-05-02", "五一"), (TOWN_A2, "2025-06-30", "七一"),
        (TOWN_B1, "2025-01-01", "元旦"), (TOWN_B1, "2025-06-29", "七一"), (TOWN_B1, "2025-06-30", "七一")]


def test_a_day_of_two_windows_is_one_day(con):
    con.execute("insert into zero_report_windows values ('W3', '迎检', '2025-06-30', '2025-06-30')")
    compliance = campaigns.zero_report_compliance(con, YEAR).set_index("region_code")
    assert compliance.loc[TOWN_A1, "days_due"] == 6 and compliance.loc[TOWN_A1, "days_missing"] == 0
    missing = campaigns.zero_report_missing(con, YEAR)
    assert list(missing[missing["region_code"] == TOWN_A2]["window_name"]) == ["五一", "七一、迎检"]
