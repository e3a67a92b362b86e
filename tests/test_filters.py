"""Filters: presets relative to the as-of day, one year earlier, Chinese dates and periods."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from riskdash import i18n
from riskdash.filters import (
    DEFAULT_PRESET,
    PRESETS,
    Filters,
    last_complete_month,
    last_complete_month_end,
    month_end,
    pad_region_code,
    period_text,
    preset_period,
    shift_year,
    zh_date,
    zh_period,
)

AS_OF = date(2026, 11, 28)


D = date


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        ("completed_months", (D(2026, 1, 1), D(2026, 10, 31))),
        ("this_month", (D(2026, 11, 1), AS_OF)),
        ("last_month", (D(2026, 10, 1), D(2026, 10, 31))),
        ("this_quarter", (D(2026, 10, 1), AS_OF)),
        ("last_quarter", (D(2026, 7, 1), D(2026, 9, 30))),
        ("year_to_date", (D(2026, 1, 1), AS_OF)),
        ("last_year", (D(2025, 1, 1), D(2025, 12, 31))),
    ],
)
def test_presets_derive_from_the_as_of_day(preset, expected):
    assert preset_period(preset, AS_OF) == expected


# every preset's whole period and its label, on the days where a month, a quarter or a year turns
BOUNDARIES = {
    # data ending 1 December: November is the last complete month; nothing says 1—12月
    D(2026, 12, 1): [
        ("completed_months", D(2026, 1, 1), D(2026, 11, 30), "1—11月", "Jan–Nov"),
        ("this_month", D(2026, 12, 1), D(2026, 12, 1), "本月至今（12月1日）", "Month to date (1 Dec)"),
        ("last_month", D(2026, 11, 1), D(2026, 11, 30), "上月（11月）", "Last month (Nov)"),
        ("this_quarter", D(2026, 10, 1), D(2026, 12, 1), "本季（10月1日—12月1日）", "This quarter (1 Oct – 1 Dec)"),
        ("last_quarter", D(2026, 7, 1), D(2026, 9, 30), "上季（7—9月）", "Last quarter (Jul–Sep)"),
        ("year_to_date", D(2026, 1, 1), D(2026, 12, 1), "本年至今（1月1日—12月1日）", "Year to date (1 Jan – 1 Dec)"),
        ("last_year", D(2025, 1, 1), D(2025, 12, 31), "上年（2025年）", "Last year (2025)"),
    ],
    # 1 January: no month of the year is complete, so the completed months are last year's 1—12月
    D(2027, 1, 1): [
        ("completed_months", D(2026, 1, 1), D(2026, 12, 31), "2026年1—12月", "Jan–Dec 2026"),
        ("this_month", D(2027, 1, 1), D(2027, 1, 1), "本月至今（1月1日）", "Month to date (1 Jan)"),
        ("last_month", D(2026, 12, 1), D(2026, 12, 31), "上月（2026年12月）", "Last month (Dec 2026)"),
        ("this_quarter", D(2027, 1, 1), D(2027, 1, 1), "本季（1月1日）", "This quarter (1 Jan)"),
        ("last_quarter", D(2026, 10, 1), D(2026, 12, 31), "上季（2026年10—12月）", "Last quarter (Oct–Dec 2026)"),
        ("year_to_date", D(2027, 1, 1), D(2027, 1, 1), "本年至今（1月1日）", "Year to date (1 Jan)"),
        ("last_year", D(2026, 1, 1), D(2026, 12, 31), "上年（2026年）", "Last year (2026)"),
    ],
    # 30 January: still no complete month of 2027
    D(2027, 1, 30): [
        ("completed_months", D(2026, 1, 1), D(2026, 12, 31), "2026年1—12月", "Jan–Dec 2026"),
        ("this_month", D(2027, 1, 1), D(2027, 1, 30), "本月至今（1月1日—30日）", "Month to date (1–30 Jan)"),
    ],
    # 31 January: January is complete
    D(2027, 1, 31): [
        ("completed_months", D(2027, 1, 1), D(2027, 1, 31), "1月", "Jan"),
        ("this_month", D(2027, 1, 1), D(2027, 1, 31), "本月至今（1月）", "Month to date (Jan)"),
        ("year_to_date", D(2027, 1, 1), D(2027, 1, 31), "本年至今（1月）", "Year to date (Jan)"),
    ],
    # 31 December: the whole year is complete; 本年至今 covers the same and says so
    D(2026, 12, 31): [
        ("completed_months", D(2026, 1, 1), D(2026, 12, 31), "1—12月", "Jan–Dec"),
        ("this_month", D(2026, 12, 1), D(2026, 12, 31), "本月至今（12月）", "Month to date (Dec)"),
        ("last_month", D(2026, 11, 1), D(2026, 11, 30), "上月（11月）", "Last month (Nov)"),
        ("this_quarter", D(2026, 10, 1), D(2026, 12, 31), "本季（10—12月）", "This quarter (Oct–Dec)"),
        ("last_quarter", D(2026, 7, 1), D(2026, 9, 30), "上季（7—9月）", "Last quarter (Jul–Sep)"),
        ("year_to_date", D(2026, 1, 1), D(2026, 12, 31), "本年至今（1—12月）", "Year to date (Jan–Dec)"),
        ("last_year", D(2025, 1, 1), D(2025, 12, 31), "上年（2025年）", "Last year (2025)"),
    ],
    # the end of a quarter, and the day after it
    D(2026, 9, 30): [
        ("completed_months", D(2026, 1, 1), D(2026, 9, 30), "1—9月", "Jan–Sep"),
        ("this_quarter", D(2026, 7, 1), D(2026, 9, 30), "本季（7—9月）", "This quarter (Jul–Sep)"),
        ("last_quarter", D(2026, 4, 1), D(2026, 6, 30), "上季（4—6月）", "Last quarter (Apr–Jun)"),
    ],
    D(2026, 10, 1): [
        ("completed_months", D(2026, 1, 1), D(2026, 9, 30), "1—9月", "Jan–Sep"),
        ("this_quarter", D(2026, 10, 1), D(2026, 10, 1), "本季（10月1日）", "This quarter (1 Oct)"),
        ("last_quarter", D(2026, 7, 1), D(2026, 9, 30), "上季（7—9月）", "Last quarter (Jul–Sep)"),
        ("last_month", D(2026, 9, 1), D(2026, 9, 30), "上月（9月）", "Last month (Sep)"),
    ],
    # leap February: the 28th leaves February running, the 29th completes it; 1 March's last month ends on the 29th
    D(2024, 2, 28): [
        ("completed_months", D(2024, 1, 1), D(2024, 1, 31), "1月", "Jan"),
        ("this_month", D(2024, 2, 1), D(2024, 2, 28), "本月至今（2月1日—28日）", "Month to date (1–28 Feb)"),
    ],
    D(2024, 2, 29): [
        ("completed_months", D(2024, 1, 1), D(2024, 2, 29), "1—2月", "Jan–Feb"),
        ("this_month", D(2024, 2, 1), D(2024, 2, 29), "本月至今（2月）", "Month to date (Feb)"),
        ("this_quarter", D(2024, 1, 1), D(2024, 2, 29), "本季（1—2月）", "This quarter (Jan–Feb)"),
        ("last_quarter", D(2023, 10, 1), D(2023, 12, 31), "上季（2023年10—12月）", "Last quarter (Oct–Dec 2023)"),
    ],
    D(2024, 3, 1): [
        ("completed_months", D(2024, 1, 1), D(2024, 2, 29), "1—2月", "Jan–Feb"),
        ("last_month", D(2024, 2, 1), D(2024, 2, 29), "上月（2月）", "Last month (Feb)"),
        ("this_quarter", D(2024, 1, 1), D(2024, 3, 1), "本季（1月1日—3月1日）", "This quarter (1 Jan – 1 Mar)"),
    ],
    # a non-leap February's last day completes it
    D(2026, 2, 28): [
        ("completed_months", D(2026, 1, 1), D(2026, 2, 28), "1—2月", "Jan–Feb"),
    ],
}


@pytest.mark.parametrize(("as_of", "preset", "start", "end", "zh", "en"),
                         [(day, *row) for day, rows in BOUNDARIES.items() for row in rows])
def test_presets_and_their_labels_at_every_boundary(as_of, preset, start, end, zh, en):
    assert preset_period(preset, as_of) == (start, end)
    assert i18n.preset_name(preset, as_of, "zh") == zh
    assert i18n.preset_name(preset, as_of, "en") == en


def test_every_preset_is_checked_on_1_december_1_january_and_31_december():
    for day in (D(2026, 12, 1), D(2027, 1, 1), D(2026, 12, 31)):
        assert [row[0] for row in BOUNDARIES[day]] == [p for p in PRESETS if p != "custom"]


def test_the_default_is_the_completed_months_and_never_a_running_month():
    assert DEFAULT_PRESET == "completed_months" == PRESETS[0]
    for day in (D(2026, 12, 1), D(2026, 12, 30), D(2026, 11, 28), D(2027, 1, 1), D(2024, 2, 28)):
        start, end = preset_period(DEFAULT_PRESET, day)
        assert start.day == 1 and start.month == 1 and end == month_end(end.year, end.month) and end < day


def test_no_preset_ends_after_the_as_of_day_or_starts_after_it_ends():
    day = D(2023, 12, 25)
    while day <= D(2025, 1, 5):
        for preset in PRESETS[:-1]:
            start, end = preset_period(preset, day)
            assert start <= end <= day, (preset, day)
        day += timedelta(days=1)


def test_the_last_complete_month():
    assert last_complete_month(D(2026, 12, 1)) == D(2026, 11, 1)
    assert last_complete_month(D(2026, 11, 30)) == D(2026, 11, 1)
    assert last_complete_month(D(2027, 1, 1)) == D(2026, 12, 1)
    assert last_complete_month(D(2024, 2, 29)) == D(2024, 2, 1)
    assert last_complete_month(D(2024, 2, 28)) == D(2024, 1, 1)
    assert last_complete_month_end(D(2024, 3, 1)) == D(2024, 2, 29)


def test_unknown_preset_is_refused():
    with pytest.raises(ValueError):
        preset_period("next_year", AS_OF)
    with pytest.raises(ValueError):
        preset_period("full_year", AS_OF)


def test_one_year_earlier_shifts_both_ends_and_29_february_becomes_28():
    f = Filters(date(2024, 2, 29), date(2024, 2, 29), "419900000000", date(2024, 2, 29))
    prev = f.previous_year()
    assert (prev.start, prev.end, prev.as_of) == (date(2023, 2, 28),) * 3
    assert shift_year(date(2025, 3, 1)) == date(2024, 3, 1)


def test_previous_month_only_for_a_calendar_month():
    f = Filters(date(2026, 3, 1), date(2026, 3, 31), "419900000000", date(2026, 3, 31))
    prev = f.previous_month()
    assert (prev.start, prev.end) == (date(2026, 2, 1), date(2026, 2, 28))
    january = Filters(date(2026, 1, 1), date(2026, 1, 31), "x" * 12, date(2026, 1, 31)).previous_month()
    assert (january.start, january.end) == (date(2025, 12, 1), date(2025, 12, 31))
    assert Filters(date(2026, 1, 1), date(2026, 3, 31), "x" * 12, AS_OF).previous_month() is None


def test_a_period_cannot_end_before_it_starts():
    with pytest.raises(ValueError):
        Filters(date(2026, 2, 1), date(2026, 1, 31), "419900000000", AS_OF)


def test_filters_are_frozen():
    f = Filters(date(2026, 1, 1), AS_OF, "419900000000", AS_OF)
    with pytest.raises(AttributeError):
        f.region_code = "419901000000"  # type: ignore[misc]
    assert f.confined_to("419901001000").region_code == "419901001000"


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (date(2026, 1, 1), date(2026, 6, 30), "2026年1—6月"),
        (date(2026, 3, 1), date(2026, 3, 31), "2026年3月"),
        (date(2026, 1, 1), date(2026, 11, 28), "2026年1月1日—11月28日"),
        (date(2025, 12, 1), date(2026, 1, 15), "2025年12月1日—2026年1月15日"),
    ],
)
def test_chinese_periods(start, end, text):
    assert zh_period(start, end) == text


def test_dates_in_both_languages():
    assert zh_date(date(2026, 3, 5)) == "2026年3月5日"
    assert period_text(date(2026, 1, 1), date(2026, 6, 30), "en") == "Jan–Jun 2026"


@pytest.mark.parametrize(
    ("raw", "padded"),
    [("419901", "419901000000"), ("419901001", "419901001000"), ("419901001000", "419901001000"),
     (" 419901 ", "419901000000"), ("4199", "4199")],
)
def test_region_codes_are_padded_from_6_or_9_digits(raw, padded):
    assert pad_region_code(raw) == padded
