"""Filters: presets relative to the as-of day, one year earlier, Chinese dates and periods."""

from __future__ import annotations

from datetime import date

import pytest

from riskdash.filters import Filters, pad_region_code, period_text, preset_period, shift_year, zh_date, zh_period

AS_OF = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        ("this_month", (date(2026, 11, 1), AS_OF)),
        ("year_to_date", (date(2026, 1, 1), AS_OF)),
        ("first_half", (date(2026, 1, 1), date(2026, 6, 30))),
        ("full_year", (date(2026, 1, 1), AS_OF)),
        ("same_period_last_year", (date(2025, 1, 1), date(2025, 11, 28))),
    ],
)
def test_presets_derive_from_the_as_of_day(preset, expected):
    assert preset_period(preset, AS_OF) == expected


def test_first_half_before_june_ends_on_the_as_of_day():
    assert preset_period("first_half", date(2026, 3, 5)) == (date(2026, 1, 1), date(2026, 3, 5))
    assert preset_period("full_year", date(2025, 12, 31)) == (date(2025, 1, 1), date(2025, 12, 31))


def test_unknown_preset_is_refused():
    with pytest.raises(ValueError):
        preset_period("next_year", AS_OF)


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
