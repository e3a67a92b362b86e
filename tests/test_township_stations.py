"""Issue 18 on hand-made rows: township staffing as data (full-time staff against staff_min_key /
staff_min_ordinary, the station head filed with the county), the acceptance report judged against its due day,
the "四个必须到位" as a view over the checklist items (each requirement once), the 零报告 cut-off, and migration 19
on a database made before it. Every boundary: 2 full-time staff in a key township met, 1 not; a report on
5 July on time, on 6 July late; a zero report exactly at the cut-off on time, a minute later late."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from conftest import AS_OF, CITY, TOWN_A1, TOWN_A2, TOWN_B1, fill_small_city, new_database, prepared_database

from riskdash import db
from riskdash.filters import Filters
from riskdash.importer import import_file
from riskdash.importer.core import setting_value_problem
from riskdash.metrics import campaigns

YEAR = Filters(date(2025, 1, 1), AS_OF, CITY, AS_OF)  # AS_OF is 30 June 2025


def on(day: date) -> Filters:
    return Filters(date(day.year, 1, 1), day, CITY, day)


@pytest.fixture()
def con(tmp_path):
    connection = db.connect(prepared_database(tmp_path / "stations.duckdb", fill_small_city))  # 东镇 (A1) is key, 西乡 (A2) and 南街道 (B1) ordinary
    yield connection
    connection.close()


def station(con, region, staff, staffed_on=None, head=None, filed_on=None, report_on=None, doc=None):
    con.execute("insert or replace into township_stations values (?, ?, ?, ?, ?, ?, ?)",
                [region, staff, staffed_on, head, doc, filed_on, report_on])


def items_of(con, filters, region):
    frame = campaigns.checklist_items_by_township(con, filters)
    frame = frame[frame["region_code"] == region].set_index("item_code")
    return frame


# ---------------------------------------------------------------------------------------------- staffing


def test_two_full_time_staff_in_a_key_township_meet_the_minimum_one_does_not(con):
    station(con, TOWN_A1, 2, "2025-03-01")
    item = items_of(con, YEAR, TOWN_A1).loc["full_time_staff"]
    assert (item["status"], item["is_done"], item["evidence"]) == ("done", True, "专职2人/应≥2人")
    assert item["status_on"].date() == date(2025, 3, 1)
    station(con, TOWN_A1, 1, "2025-03-01")
    item = items_of(con, YEAR, TOWN_A1).loc["full_time_staff"]
    assert (item["status"], item["is_done"], item["evidence"]) == ("in_progress", False, "专职1人/应≥2人")
    station(con, TOWN_A1, 0)
    assert items_of(con, YEAR, TOWN_A1).loc["full_time_staff", "status"] == "not_started"
    stations = campaigns.township_stations(con, YEAR).set_index("region_code")
    assert (stations.loc[TOWN_A1, "full_time_staff"], stations.loc[TOWN_A1, "staff_required"],
            bool(stations.loc[TOWN_A1, "staff_met"])) == (0, 2, False)


def test_a_tick_on_a_staffing_item_is_not_read_and_no_row_is_not_staffed(con):
    con.execute("insert into checklist_status values (?, 'full_time_staff', 'done', '2025-01-01', '表格打勾')",
                [TOWN_A1])
    con.execute("insert into checklist_status values (?, 'station_head', 'done', '2025-01-01', null)", [TOWN_A1])
    items = items_of(con, YEAR, TOWN_A1)
    assert list(items.loc[["full_time_staff", "station_head"], "status"]) == ["not_started", "not_started"]
    assert not items.loc[["full_time_staff", "station_head"], "is_done"].any()


def test_staff_counted_after_the_as_of_day_is_not_yet_in_place(con):
    station(con, TOWN_A1, 3, "2025-07-01")
    assert not items_of(con, YEAR, TOWN_A1).loc["full_time_staff", "is_done"]
    assert items_of(con, on(date(2025, 7, 1)), TOWN_A1).loc["full_time_staff", "is_done"]


def test_the_minimum_is_a_setting_and_an_ordinary_township_needs_staff_only_when_it_is_above_zero(con):
    station(con, TOWN_A2, 1)
    # staff_min_ordinary 0 (a named person is enough): the item binds no ordinary township
    assert "full_time_staff" not in items_of(con, YEAR, TOWN_A2).index
    con.execute("update settings set value = '1' where key = 'staff_min_ordinary'")
    assert items_of(con, YEAR, TOWN_A2).loc["full_time_staff", "is_done"]
    assert not items_of(con, YEAR, TOWN_B1).loc["full_time_staff", "is_done"]  # no row: not staffed
    con.execute("update settings set value = '3' where key = 'staff_min_key'")
    station(con, TOWN_A1, 2)
    assert items_of(con, YEAR, TOWN_A1).loc["full_time_staff", "evidence"] == "专职2人/应≥3人"
    con.execute("update settings set value = 'two' where key = 'staff_min_key'")
    with pytest.raises(db.RiskdashError, match="staff_min_key"):
        campaigns.checklist_progress(con, YEAR)


def test_station_head_in_place_only_when_full_time_and_filed_with_the_county(con):
    station(con, TOWN_A1, 2, head=True, doc="东镇党〔2025〕3号")
    item = items_of(con, YEAR, TOWN_A1).loc["station_head"]
    assert (item["status"], item["is_done"], item["evidence"]) == ("in_progress", False, "东镇党〔2025〕3号")
    station(con, TOWN_A1, 2, head=True, filed_on="2025-06-30")  # filed on the as-of day itself
    assert items_of(con, YEAR, TOWN_A1).loc["station_head", "is_done"]
    station(con, TOWN_A1, 2, head=False, filed_on="2025-06-01")  # a part-time head, though filed
    assert items_of(con, YEAR, TOWN_A1).loc["station_head", "status"] == "not_started"


# ---------------------------------------------------------------------------------------------- 验收报告


@pytest.mark.parametrize(("report_on", "as_of", "status"), [
    ("2025-07-05", date(2025, 7, 31), "on_time"),   # on the due day
    ("2025-07-06", date(2025, 7, 31), "late"),      # a day after
    (None, date(2025, 7, 6), "missing"),            # the due day has passed
    (None, date(2025, 7, 5), "not_due"),            # the due day itself: not missing yet
    ("2025-07-06", date(2025, 7, 5), "not_due"),    # sent after the as-of day: not yet sent on it
])
def test_the_acceptance_report_of_a_key_township_is_judged_against_5_july(con, report_on, as_of, status):
    station(con, TOWN_A1, 2, report_on=report_on)
    row = campaigns.township_stations(con, on(as_of)).set_index("region_code").loc[TOWN_A1]
    assert (row["report_due"].date(), row["report_status"]) == (date(2025, 7, 5), status)


def test_the_acceptance_report_of_an_ordinary_township_is_not_required_and_the_due_day_is_a_setting(con):
    station(con, TOWN_A2, 0, report_on="2025-08-01")
    frame = campaigns.township_stations(con, on(date(2025, 9, 1))).set_index("region_code")
    assert [(frame.loc[t, "report_status"], pd.isna(frame.loc[t, "report_due"])) for t in (TOWN_A2, TOWN_B1)] == [
        ("filed", True), ("not_required", True)]
    assert frame.loc[TOWN_A1, "report_status"] == "missing"
    con.execute("update settings set value = '09-01' where key = 'checklist_report_key'")
    frame = campaigns.township_stations(con, on(date(2025, 9, 1))).set_index("region_code")
    assert frame.loc[TOWN_A1, "report_status"] == "not_due"


def test_metrics_townships_carries_staffing_and_the_report(con):
    station(con, TOWN_A1, 1, head=True, filed_on="2025-05-01", report_on="2025-07-06")
    result = campaigns.townships(con, on(date(2025, 7, 31)))
    east = next(t for t in result["townships"] if t["region_code"] == TOWN_A1)
    assert east["staffing"] == {"full_time_staff": 1, "required": 2, "met": False, "head_in_place": True}
    assert east["acceptance_report"] == {"due": "2025-07-05", "sent_on": "2025-07-06", "status": "late"}


# ---------------------------------------------------------------------------------------------- 四个必须到位


def test_four_in_place_reads_each_requirement_from_one_item(con):
    done = [("funding", TOWN_A1), ("delegated_enforcement", TOWN_A1), ("named_person", TOWN_A1),
            ("named_person", TOWN_A2), ("four_dual", TOWN_B1)]
    con.executemany("insert into checklist_status values (?, ?, 'done', null, null)", [(t, i) for i, t in done])
    station(con, TOWN_A1, 1)  # a key township's staff requirement is full_time_staff (not met), not named_person
    frame = campaigns.four_in_place(con, YEAR)
    got = [(r.region_code, r.requirement, r.item_code, bool(r.is_done)) for r in frame.itertuples()]
    assert got == [
        (TOWN_A1, "staff", "full_time_staff", False), (TOWN_A1, "budget", "funding", True),
        (TOWN_A1, "powers", "delegated_enforcement", True), (TOWN_A1, "dual", "four_dual", False),
        (TOWN_A2, "staff", "named_person", True), (TOWN_A2, "budget", "funding", False),
        (TOWN_A2, "powers", "delegated_enforcement", False), (TOWN_A2, "dual", "four_dual", False),
        (TOWN_B1, "staff", "named_person", False), (TOWN_B1, "budget", "funding", False),
        (TOWN_B1, "powers", "delegated_enforcement", False), (TOWN_B1, "dual", "four_dual", True),
    ]
    # no item of the list is a duplicate of another: the budget is counted once in the checklist
    items = campaigns.checklist_items_by_township(con, YEAR)
    assert not {"four_staff", "four_budget", "four_powers"} & set(items["item_code"])
    progress = campaigns.checklist_progress(con, YEAR).set_index("region_code")
    assert progress.loc[TOWN_A1, "items_done"] == 3  # funding, delegated_enforcement, named_person


def test_migration_19_moves_a_duplicate_tick_to_its_item_and_drops_the_duplicates(tmp_path):
    path = tmp_path / "old.duckdb"
    con = db.connect(new_database(path))  # then made to look like a database of schema 18
    con.executemany("insert into regions values (?, ?, ?, ?, ?, ?)", [
        (CITY, "示例市", "city", None, None, None), ("419901000000", "甲县", "county", CITY, None, None),
        (TOWN_A1, "东镇", "township", "419901000000", "town", "key")])
    con.executemany("insert into checklist_items values (?, '四个必须到位', ?, ?, 'all', ?)", [
        ("four_staff", "专职人员必须到位", "staff", 90), ("four_budget", "工作经费必须到位", "budget", 91),
        ("four_powers", "执法权限必须到位", "powers", 92)])
    con.execute("update checklist_items set applies_to = 'key' where item_code = 'full_time_staff'")
    con.executemany("insert into checklist_status values (?, ?, ?, ?, ?)", [
        (TOWN_A1, "four_budget", "done", "2025-03-01", "预算批复"),        # funding has no row: moves there
        (TOWN_A1, "four_powers", "done", "2025-03-01", None),
        (TOWN_A1, "delegated_enforcement", "in_progress", None, "县局审批中"),  # recorded: kept
        (TOWN_A1, "four_staff", "done", None, None)])
    con.execute("delete from settings where key = 'zero_report_cutoff'")
    db.set_meta(con, "schema_version", "18")
    con.close()
    con = db.connect(path)
    try:
        rows = con.execute("select item_code, status, status_on, evidence from checklist_status "
                           "order by item_code").fetchall()
        assert rows == [("delegated_enforcement", "in_progress", None, "县局审批中"),
                        ("funding", "done", date(2025, 3, 1), "预算批复")]
        codes = {c for (c,) in con.execute("select item_code from checklist_items").fetchall()}
        assert not {"four_staff", "four_budget", "four_powers"} & codes and "four_dual" in codes
        assert con.execute("select applies_to from checklist_items where item_code = 'full_time_staff'"
                           ).fetchone() == ("all",)
        assert con.execute("select value from settings where key = 'zero_report_cutoff'").fetchone() == ("16:00",)
    finally:
        con.close()


def test_township_stations_import_with_chinese_headers(con, tmp_path):
    path = tmp_path / "stations.csv"
    path.write_text("乡镇代码,专职人数,专职站长,任命文号,报县备案日期,验收报告日期\n"
                    f"{TOWN_A1},2,是,东镇党〔2025〕3号,2025-03-05,2025-06-28\n", encoding="utf-8")
    import_file(con, "township-stations", path)
    assert con.execute("select * from township_stations").fetchall() == [
        (TOWN_A1, 2, None, True, "东镇党〔2025〕3号", date(2025, 3, 5), date(2025, 6, 28))]


# ---------------------------------------------------------------------------------------------- 零报告 cut-off


def zero_reports(con, rows):
    con.execute("insert into zero_report_windows values ('W1', '五一', '2025-05-01', '2025-05-04')")
    con.executemany("insert into zero_reports (window_id, region_code, report_on, reported_at) values "
                    "('W1', ?, ?, ?)", rows)


def test_a_zero_report_exactly_at_the_cut_off_is_on_time_a_minute_later_late(con):
    zero_reports(con, [
        (TOWN_A1, "2025-05-01", "2025-05-01 16:00:00"),   # exactly the cut-off: on time
        (TOWN_A1, "2025-05-02", "2025-05-02 16:01:00"),   # a minute later: late
        (TOWN_A1, "2025-05-03", "2025-05-04 08:00:00"),   # filed the next morning (backfilled): late
        (TOWN_A1, "2025-05-04", None),                    # no time: cannot be on time
        (TOWN_A2, "2025-05-01", "2025-04-30 20:00:00"),   # the evening before: on time
    ])
    frame = campaigns.zero_report_compliance(con, YEAR).set_index("region_code")
    got = {t: tuple(int(frame.loc[t, c]) for c in ("days_due", "days_reported", "days_on_time", "days_late",
                                                   "days_missing"))
           for t in (TOWN_A1, TOWN_A2, TOWN_B1)}
    assert got == {TOWN_A1: (4, 4, 1, 3, 0), TOWN_A2: (4, 1, 1, 0, 3), TOWN_B1: (4, 0, 0, 0, 4)}
    assert (frame.loc[TOWN_A1, "compliance_rate"], frame.loc[TOWN_A1, "on_time_rate"]) == (1.0, 0.25)
    late = campaigns.zero_report_late(con, YEAR)
    assert [(r.region_code, r.report_on.date(), None if pd.isna(r.first_reported_at) else str(r.first_reported_at))
            for r in late.itertuples()] == [
        (TOWN_A1, date(2025, 5, 2), "2025-05-02 16:01:00"), (TOWN_A1, date(2025, 5, 3), "2025-05-04 08:00:00"),
        (TOWN_A1, date(2025, 5, 4), None)]
    windows = campaigns.zero_report_windows(con, YEAR)
    assert (int(windows.loc[0, "reports_received"]), int(windows.loc[0, "reports_on_time"]),
            windows.loc[0, "on_time_rate"]) == (5, 2, 2 / 12)
    # the assessment's 零报告 component is 按时率: 1 of 4 days on time for 东镇
    east = next(t for t in campaigns.townships(con, YEAR)["townships"] if t["region_code"] == TOWN_A1)
    assert {k: east["components"]["zero_report"][k] for k in ("score", "reported_days", "on_time_days", "rate")} \
        == {"score": 25.0, "reported_days": 4, "on_time_days": 1, "rate": 0.25}
    assert (east["zero_report_missing_days"], east["zero_report_late_days"]) == (0, 3)


def test_the_cut_off_is_a_setting(con):
    zero_reports(con, [(TOWN_A1, "2025-05-02", "2025-05-02 16:01:00")])
    con.execute("update settings set value = '18:00' where key = 'zero_report_cutoff'")
    assert int(campaigns.zero_report_compliance(con, YEAR).set_index("region_code").loc[TOWN_A1, "days_on_time"]) == 1
    con.execute("update settings set value = '4pm' where key = 'zero_report_cutoff'")
    with pytest.raises(db.RiskdashError, match="zero_report_cutoff"):
        campaigns.zero_report_compliance(con, YEAR)


@pytest.mark.parametrize(("value", "ok"), [("16:00", True), ("00:00", True), ("23:59", True), ("24:00", False),
                                           ("16:60", False), ("4pm", False), ("1600", False)])
def test_the_cut_off_setting_value_rule(value, ok):
    assert (setting_value_problem("zero_report_cutoff", value) is None) == ok


# ---------------------------------------------------------------------------------------------- 结案 (item 5)


def test_closed_rate_and_open_investigations_past_the_deadline(con):
    from riskdash.briefing import headline
    from riskdash.metrics import accidents

    con.execute("delete from accidents")
    con.executemany("""insert into accidents (accident_id, occurred_at, region_code, industry, accident_type, deaths,
                       missing, serious_injuries, direct_loss_wan, closed_on)
                       values (?, ?, ?, 'other', 'other_injury', 1, 0, 0, 10, ?)""", [
        ("K1", "2025-02-01", TOWN_A1, "2025-03-15"),   # closed
        ("K2", "2025-05-01", TOWN_A1, None),           # open, 60 days to 30 June: the deadline day, not overdue
        ("K3", "2025-04-30", TOWN_A2, None),           # open, 61 days: overdue
        ("K4", "2025-03-01", TOWN_B1, "2025-07-10"),   # closed after the as-of day: open on it, overdue
        ("K5", "2024-10-01", TOWN_B1, None),           # last year, still open: in the stock only
    ])
    figures = accidents.investigations(con, YEAR)
    assert figures == {"accidents": 4, "closed": 1, "open": 3, "open_overdue": 2, "open_overdue_stock": 3,
                       "closed_rate": 0.25, "investigation_days": 60}
    overdue = accidents.investigations_overdue(con, YEAR)
    assert [(r.accident_id, r.deadline.date(), int(r.days_open)) for r in overdue.itertuples()] == [
        ("K5", date(2024, 11, 30), 272), ("K4", date(2025, 4, 30), 121), ("K3", date(2025, 6, 29), 61)]
    assert headline.closing_sentence(figures, AS_OF) == \
        "期内事故已结案1起，结案率25%；截至2025年6月30日，逾期未结案事故3起（事故发生之日起超过60天）。"
    # the pandas twin (bench/oracle/accidents.py) reads the same rows the same way
    from riskdash.bench.oracle import accidents as twin

    for filters in (YEAR, Filters(date(2025, 4, 1), date(2025, 8, 1), "419901000000", date(2025, 8, 1))):
        for days in (60, 90):
            con.execute("update settings set value = ? where key = 'accident_investigation_days'", [str(days)])
            got = accidents.investigations(con, filters)
            assert {k: got[k] for k in twin.investigations(con, filters, days)} == twin.investigations(con, filters, days)
            listed = accidents.investigations_overdue(con, filters)
            want = twin.investigations_overdue(con, filters, days)
            assert [(r.accident_id, r.occurred_on.date(), r.deadline.date(), int(r.days_open))
                    for r in listed.itertuples()] == [tuple(r) for r in want.itertuples(index=False)]
    con.execute("update settings set value = '90' where key = 'accident_investigation_days'")
    assert accidents.investigations(con, YEAR)["open_overdue"] == 1  # K4 (121 days) only
    assert headline.closing_sentence({**figures, "open_overdue_stock": 0}, AS_OF) == \
        "期内事故已结案1起，结案率25%；截至2025年6月30日，无逾期未结案事故。"
