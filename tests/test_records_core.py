"""Record forms, edits and the rectification closed loop (riskdash.records) on the small hand-made city:
every rule at its boundary, the audit entry of every write, the database unchanged by every refusal."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal

import pytest

from conftest import TOWN_A1
from riskdash import db, records
from riskdash.records import HazardDates, RecordRefused, action_problem

TODAY = date(2025, 7, 10)
TABLES = ["regions", "enterprises", "accidents", "inspections", "hazards", "key_sites", "audit_log", "meta"]


def snapshot(con) -> tuple:
    return tuple(tuple(sorted(map(str, con.execute(f"select * from {t}").fetchall()))) for t in TABLES)


def refused(con, fn, *args, **kw) -> RecordRefused:
    before = snapshot(con)
    with pytest.raises(RecordRefused) as info:
        fn(con, *args, **kw)
    assert snapshot(con) == before
    return info.value


def audit(con, entry_id: int) -> tuple:
    row = con.execute("select actor, action, kind, table_name, record_key, before_json, after_json "
                      "from audit_log where entry_id = $id", {"id": entry_id}).fetchone()
    return (*row[:5], json.loads(row[5]) if row[5] else None, json.loads(row[6]) if row[6] else None)


HAZARD = {"hazard_id": "H100", "enterprise_id": "E1", "found_on": "2025-07-01", "grade": "重大",
          "deadline": "2025/7/31", "description": "=HYPERLINK(\"x\")"}


# ---------------------------------------------------------------------------------------------- forms


def test_add_hazard_writes_the_row_and_an_audit_entry_and_moves_data_as_of(small_con):
    result = records.add(small_con, "hazards", HAZARD, actor="tester", today=TODAY)
    row = records.load(small_con, "hazards", "H100")
    assert (row["grade"], row["deadline"], row["supervision_level"], row["description"]) == (
        "major", date(2025, 7, 31), "none", "=HYPERLINK(\"x\")")
    actor, action, kind, table, key, before, after = audit(small_con, result.entry_id)
    assert (actor, action, kind, table, key, before) == ("tester", "insert", "hazards", "hazards", "H100", None)
    assert after["found_on"] == "2025-07-01" and after["grade"] == "major" and after["rectified_on"] is None
    # H7 (found 2025-07-02) was already the latest event, so data_as_of moves to it, never past it
    assert db.data_as_of(small_con) == date(2025, 7, 5)


def test_add_accident_date_only_keeps_has_time_false_and_inspection_is_added(small_con):
    records.add(small_con, "accidents", {
        "accident_id": "A100", "occurred_at": "2025-07-03", "region_code": "419901", "industry": "工贸",
        "accident_type": "机械伤害", "deaths": "0", "serious_injuries": "1", "direct_loss_wan": "3.5"},
        actor="t", today=TODAY)
    row = records.load(small_con, "accidents", "A100")
    assert (row["has_time"], row["region_code"], row["missing"], row["direct_loss_wan"]) == (
        False, "419901000000", 0, Decimal("3.50"))
    records.add(small_con, "inspections", {"inspection_id": "I100", "inspected_on": "2025-07-04",
                                           "enterprise_id": "E2", "level": "township"}, today=TODAY)
    assert records.load(small_con, "inspections", "I100")["inspected_on"] == date(2025, 7, 4)


@pytest.mark.parametrize("kind, change, column, fragment", [
    ("hazards", {"deadline": "2025-06-30"}, "deadline", "on or after found_on"),
    ("hazards", {"enterprise_id": "E99"}, "enterprise_id", "E99"),
    ("hazards", {"grade": "特别重大"}, "grade", "特别重大"),
    ("hazards", {"hazard_id": "H1"}, "hazard_id", "already"),
    ("hazards", {"found_on": None}, "found_on", "required"),
    ("hazards", {"rectified_on": "2025-06-30"}, "rectified_on", "on or after found_on"),
    ("hazards", {"verified_on": "2025-07-02"}, "verified_on", "rectif"),
    ("hazards", {"supervision_level": "city", "grade": "一般"}, "supervision_level", "major"),
    ("accidents", {"region_code": "419900000000"}, "region_code", "county"),
    ("accidents", {"deaths": "-1"}, "deaths", "at least 0"),
    ("accidents", {"closed_on": "2025-07-01"}, "closed_on", "on or after the accident day"),
    ("accidents", {"accident_id": "A1"}, "accident_id", "already"),
    ("inspections", {"level": "village"}, "level", "village"),
    ("inspections", {"inspected_on": "2025-13-01"}, "inspected_on", "date"),
])
def test_form_refuses_what_an_import_refuses_with_the_same_message(small_con, kind, change, column, fragment):
    base = {
        "hazards": HAZARD,
        "accidents": {"accident_id": "A100", "occurred_at": "2025-07-03 10:00", "region_code": TOWN_A1,
                      "industry": "fire", "accident_type": "fire", "deaths": "0", "serious_injuries": "0",
                      "direct_loss_wan": "1"},
        "inspections": {"inspection_id": "I100", "inspected_on": "2025-07-04", "enterprise_id": "E2",
                        "level": "township"},
    }[kind]
    error = refused(small_con, records.add, kind, {**base, **change}, today=TODAY)
    first = error.problems[0]
    assert first.column == column and first.row is None
    assert fragment in str(error)
    assert str(error).startswith(f"{kind} ")


def test_form_refuses_an_event_after_today_and_accepts_today(small_con):
    error = refused(small_con, records.add, "hazards", {**HAZARD, "found_on": "2025-07-11",
                                                        "deadline": "2025-08-01"}, today=TODAY)
    assert error.code == "future" and "2025-07-11" in str(error)
    records.add(small_con, "hazards", {**HAZARD, "found_on": "2025-07-10", "deadline": "2025-08-01"}, today=TODAY)
    assert db.data_as_of(small_con) == TODAY


def test_form_kind_is_checked(small_con):
    with pytest.raises(db.RiskdashError, match="unknown record kind"):
        records.add(small_con, "regions", {}, today=TODAY)


# ---------------------------------------------------------------------------------------------- edits


def test_edit_writes_only_the_changed_columns_and_audits_them(small_con):
    result = records.edit(small_con, "hazards", "H2", {"deadline": "2025-02-28", "category": "设备设施",
                                                       "grade": "一般"}, actor="editor", today=TODAY)
    assert (result.before, result.after) == ({"category": None, "deadline": date(2025, 2, 10)},
                                             {"category": "设备设施", "deadline": date(2025, 2, 28)})
    assert audit(small_con, result.entry_id) == (
        "editor", "update", "hazards", "hazards", "H2", {"category": None, "deadline": "2025-02-10"},
        {"category": "设备设施", "deadline": "2025-02-28"})
    assert records.load(small_con, "hazards", "H2")["deadline"] == date(2025, 2, 28)


def test_edit_refuses_a_broken_rule_and_changes_nothing(small_con):
    error = refused(small_con, records.edit, "hazards", "H2", {"deadline": "2025-01-31"}, today=TODAY)
    assert error.problems[0].code == "deadline_before_found" and "hazards H2" in str(error)
    # the day itself is allowed (deadline = found_on)
    records.edit(small_con, "hazards", "H2", {"deadline": "2025-02-01"}, today=TODAY)
    assert refused(small_con, records.edit, "hazards", "H2", {"hazard_id": "H9"}).code == "key_change"
    assert refused(small_con, records.edit, "hazards", "H99", {"grade": "major"}).code == "not_found"
    assert refused(small_con, records.edit, "hazards", "H2", {"colour": "red"}).code == "unknown_column"
    assert refused(small_con, records.edit, "accidents", "A1", {"occurred_at": "2025-07-11"},
                   today=TODAY).code == "future"
    assert refused(small_con, records.edit, "enterprises", "E1", {"region_code": "419901000000"},
                   today=TODAY).problems[0].code == "region_level_township"


def test_edit_with_nothing_changed_writes_nothing(small_con):
    before = snapshot(small_con)
    result = records.edit(small_con, "accidents", "A2", {"deaths": "2"}, today=TODAY)
    assert result.entry_id is None and result.before == {} and snapshot(small_con) == before


def test_edit_of_a_referenced_enterprise_a_key_site_and_an_accident(small_con):
    records.edit(small_con, "enterprises", "E2", {"employees": "310", "name": "东镇化工有限公司"}, today=TODAY)
    assert records.load(small_con, "enterprises", "E2")["employees"] == 310
    result = records.edit(small_con, "accidents", "A1", {"summary": "复核"}, today=TODAY)
    assert list(result.after) == ["summary"]  # occurred_at with its time survives the round trip unchanged
    assert records.load(small_con, "accidents", "A1")["occurred_at"] == datetime(2025, 1, 10, 8, 30)


def test_edit_of_a_key_site_loads_by_table_or_kind_name(small_con):
    assert records.load(small_con, "key-sites", "K2")["measures_in_place"] is False
    records.edit(small_con, "key-sites", "K2", {"measures_in_place": "是"}, today=TODAY)
    assert records.load(small_con, "key-sites", "K2")["measures_in_place"] is True


# ---------------------------------------------------------------------------------------------- closed loop

FOUND = date(2025, 3, 1)
OPEN_MAJOR = HazardDates("X", "major", FOUND)


@pytest.mark.parametrize("hazard, action, on, level, code", [
    (OPEN_MAJOR, "rectify", FOUND, None, None),  # the day it was found
    (OPEN_MAJOR, "rectify", date(2025, 2, 28), None, "backwards"),
    (OPEN_MAJOR, "rectify", TODAY, None, None),
    (OPEN_MAJOR, "rectify", date(2025, 7, 11), None, "action_future"),
    (HazardDates("X", "major", FOUND, date(2025, 4, 1)), "rectify", date(2025, 5, 1), None, "already_rectified"),
    (OPEN_MAJOR, "verify", date(2025, 4, 1), None, "verify_not_rectified"),
    (HazardDates("X", "major", FOUND, date(2025, 4, 1)), "verify", date(2025, 4, 1), None, None),
    (HazardDates("X", "major", FOUND, date(2025, 4, 1)), "verify", date(2025, 3, 31), None, "backwards"),
    (HazardDates("X", "general", FOUND, date(2025, 4, 1)), "verify", date(2025, 4, 2), None, None),
    (HazardDates("X", "major", FOUND, date(2025, 4, 1), date(2025, 4, 2)), "verify", date(2025, 4, 3), None,
     "already_verified"),
    (OPEN_MAJOR, "supervise", FOUND, "city", None),
    (OPEN_MAJOR, "supervise", FOUND, "province", None),
    (OPEN_MAJOR, "supervise", FOUND, "county", None),
    (OPEN_MAJOR, "supervise", FOUND, "township", "supervise_level"),
    (OPEN_MAJOR, "supervise", FOUND, None, "supervise_level"),
    (HazardDates("X", "general", FOUND), "supervise", FOUND, "city", "supervise_major_only"),
    (HazardDates("X", "major", FOUND, supervision_level="city", supervised_on=FOUND), "supervise", FOUND,
     "province", "already_supervised"),
    (HazardDates("X", "major", FOUND, date(2025, 4, 1), date(2025, 4, 2)), "supervise", date(2025, 4, 3),
     "city", "supervise_closed"),
    (HazardDates("X", "major", FOUND, date(2025, 4, 1)), "supervise", date(2025, 3, 31), "city", "backwards"),
    (OPEN_MAJOR, "delist", TODAY, None, "delist_not_supervised"),
    (HazardDates("X", "major", FOUND, date(2025, 4, 1), None, "city", date(2025, 3, 2)), "delist", TODAY, None,
     "delist_not_verified"),
    (HazardDates("X", "major", FOUND, date(2025, 4, 1), date(2025, 4, 5), "city", date(2025, 3, 2)), "delist",
     date(2025, 4, 5), None, None),
    (HazardDates("X", "major", FOUND, date(2025, 4, 1), date(2025, 4, 5), "city", date(2025, 3, 2)), "delist",
     date(2025, 4, 4), None, "backwards"),
    (HazardDates("X", "major", FOUND, date(2025, 4, 1), date(2025, 4, 5), "city", date(2025, 3, 2),
                 date(2025, 4, 6)), "delist", date(2025, 4, 7), None, "already_delisted"),
    (OPEN_MAJOR, "close", TODAY, None, "unknown_action"),
])
def test_action_rules_at_every_boundary(hazard, action, on, level, code):
    problem = action_problem(hazard, action, on, TODAY, level)
    assert (problem[0] if problem else None) == code


def test_rectify_before_a_later_supervision_date_goes_backwards():
    supervised = HazardDates("X", "major", FOUND, supervision_level="city", supervised_on=date(2025, 3, 10))
    assert action_problem(supervised, "rectify", date(2025, 3, 9), TODAY)[0] == "backwards"
    assert action_problem(supervised, "rectify", date(2025, 3, 10), TODAY) is None


def test_full_loop_of_a_major_hazard_in_the_database(small_con):
    records.add(small_con, "hazards", {**HAZARD, "found_on": "2025-07-01"}, today=TODAY)
    steps = [("supervise", date(2025, 7, 2), "county"), ("rectify", date(2025, 7, 5), None),
             ("verify", date(2025, 7, 6), None), ("delist", date(2025, 7, 8), None)]
    for action, on, level in steps:
        result = records.hazard_action(small_con, "H100", action, on, level=level, actor="站长", today=TODAY)
        assert audit(small_con, result.entry_id)[:5] == ("站长", "update", action, "hazards", "H100")
    row = records.load(small_con, "hazards", "H100")
    assert (row["supervision_level"], row["supervised_on"], row["rectified_on"], row["verified_on"],
            row["delisted_on"]) == ("county", date(2025, 7, 2), date(2025, 7, 5), date(2025, 7, 6), date(2025, 7, 8))
    entry = audit(small_con, result.entry_id)
    assert (entry[5], entry[6]) == ({"delisted_on": None}, {"delisted_on": "2025-07-08"})
    assert db.data_as_of(small_con) == date(2025, 7, 8)


def test_refused_action_changes_nothing(small_con):
    # H4: major, rectified 2025-06-01, under county supervision, not verified
    error = refused(small_con, records.hazard_action, "H4", "verify", date(2025, 5, 31), today=TODAY)
    assert error.code == "backwards" and "2025-06-01" in str(error)
    assert refused(small_con, records.hazard_action, "H4", "delist", TODAY, today=TODAY).code == "delist_not_verified"
    assert refused(small_con, records.hazard_action, "H1", "supervise", TODAY, level="city",
                   today=TODAY).code == "supervise_major_only"
    assert refused(small_con, records.hazard_action, "H0", "rectify", TODAY, today=TODAY).code == "not_found"
    assert "不能验收" in error.message("zh") or "早于" in error.message("zh")


def test_open_hazards_of_a_township(small_con):
    frame = records.open_hazards(small_con, TOWN_A1)
    # E1/E2 are in 东镇: H2 not rectified; H4 major not verified; H1 done; H3 verified and city-supervised
    # but not delisted, so its loop is still open
    assert list(frame["hazard_id"]) == ["H2", "H3", "H4"]
    assert records.open_hazards(small_con, TOWN_A1, limit=1)["hazard_id"].tolist() == ["H2"]
