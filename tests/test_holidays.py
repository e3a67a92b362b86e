"""The monthly job's first working day with China's public holidays and 调休 working days (issue 19): the settings
holidays and adjusted_workdays, by default the State Council's notice for 2026 (国务院办公厅, 4 November 2025)."""

from __future__ import annotations

from datetime import date

import pytest

from riskdash import db, domain, monthly, reference
from riskdash.importer.core import SETTING_RULES, setting_value_problem

DEFAULTS = {key: value for key, value, *_ in reference.SETTINGS}
HOLIDAYS = frozenset(domain.parse_day_list(DEFAULTS["holidays"]))
WORKDAYS = frozenset(domain.parse_day_list(DEFAULTS["adjusted_workdays"]))


def test_the_day_list_reads_days_and_ranges():
    assert domain.parse_day_list("2026-10-01..2026-10-03，2026-10-10; 2026-09-20\n2026-10-02") == [
        date(2026, 9, 20), date(2026, 10, 1), date(2026, 10, 2), date(2026, 10, 3), date(2026, 10, 10)]
    assert domain.parse_day_list("") == []
    for bad in ("2026-13-01", "2026-10-07..2026-10-01", "10/1", "2026-01-01..2026-03-01"):
        with pytest.raises(ValueError):
            domain.parse_day_list(f"2026-05-01, {bad}")


def test_the_2026_defaults_are_the_notice():
    # 元旦 1–3 Jan, 春节 15–23 Feb, 清明 4–6 Apr, 劳动节 1–5 May, 端午 19–21 Jun, 中秋 25–27 Sep, 国庆 1–7 Oct
    assert len(HOLIDAYS) == 3 + 9 + 3 + 5 + 3 + 3 + 7
    assert sorted(WORKDAYS) == [date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28), date(2026, 5, 9),
                                date(2026, 9, 20), date(2026, 10, 10)]
    assert all(d.weekday() >= 5 for d in WORKDAYS)  # 调休: weekend days worked


def test_first_working_days_of_2026_and_2027():
    first = {m: monthly.first_working_day(2026, m, HOLIDAYS, WORKDAYS) for m in range(1, 13)}
    # National Day 1–7 Oct 2026 (Thursday to Wednesday): Thursday 8 Oct is the first working day
    assert first[10] == date(2026, 10, 8)
    # 1–3 Jan off, Sunday 4 Jan worked (调休)
    assert first[1] == date(2026, 1, 4)
    # 1–5 May off (Friday to Tuesday)
    assert first[5] == date(2026, 5, 6)
    assert first[2] == date(2026, 2, 2) and first[8] == date(2026, 8, 3) and first[12] == date(2026, 12, 1)
    # 2027 is not listed yet: Saturdays, Sundays and the fixed-date statutory days count (1 Jan 2027 a Friday)
    assert monthly.first_working_day(2027, 1, HOLIDAYS, WORKDAYS) == date(2027, 1, 4)
    assert monthly.first_working_day(2027, 10, HOLIDAYS, WORKDAYS) == date(2027, 10, 4)  # 1–3 Oct, a weekend
    assert monthly.first_working_day(2027, 5, HOLIDAYS, WORKDAYS) == date(2027, 5, 3)
    # once a 2027 list is entered, it alone decides 2027 (a hand-made one: 1–7 Oct off, Saturday 9 Oct worked)
    listed = HOLIDAYS | set(domain.parse_day_list("2027-10-01..2027-10-07"))
    assert monthly.first_working_day(2027, 10, listed, WORKDAYS) == date(2027, 10, 8)
    assert monthly.first_working_day(2027, 1, listed, WORKDAYS) == date(2027, 1, 1)  # 2027 listed, 1 Jan not


def test_the_settings_have_a_rule():
    assert SETTING_RULES["holidays"][0] == SETTING_RULES["adjusted_workdays"][0] == "days"
    assert setting_value_problem("holidays", DEFAULTS["holidays"]) is None
    assert setting_value_problem("adjusted_workdays", DEFAULTS["adjusted_workdays"]) is None
    assert setting_value_problem("holidays", "2026-10-01..2026-10-07, 2026-10-32") == (
        "setting_days", {"item": "2026-10-32"})


def test_the_monthly_job_reads_the_settings(small_db_path, tmp_path):
    out = tmp_path / "reports"
    skipped = monthly.run(small_db_path, out, date(2026, 10, 1))
    assert skipped.skipped == "2026-10-01 is not the first working day of the month (2026-10-08)"
    con = db.connect(small_db_path)
    try:
        con.execute("update settings set value = value || ', 2026-10-08' where key = 'holidays'")
    finally:
        con.close()
    assert monthly.run(small_db_path, out, date(2026, 10, 8)).skipped == (
        "2026-10-08 is not the first working day of the month (2026-10-09)")
    con = db.connect(small_db_path)
    try:
        con.execute("update settings set value = '2026-10-0x' where key = 'adjusted_workdays'")
    finally:
        con.close()
    with pytest.raises(db.RiskdashError, match="setting adjusted_workdays: 2026-10-0x is not a day"):
        monthly.run(small_db_path, out, date(2026, 10, 9))
    assert not out.exists()


def test_the_migration_adds_the_rows_to_an_older_database(small_db_path):
    con = db.connect(small_db_path)
    try:
        con.execute("delete from settings where key in ('holidays', 'adjusted_workdays')")
        con.execute(db.sql_text("schema/021_holiday_settings"))
        rows = dict(con.execute("select key, value from settings where key in ('holidays', 'adjusted_workdays')")
                    .fetchall())
    finally:
        con.close()
    assert rows == {"holidays": DEFAULTS["holidays"], "adjusted_workdays": DEFAULTS["adjusted_workdays"]}
