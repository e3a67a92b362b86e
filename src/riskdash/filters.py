"""The one filter value every query takes: period, region, sector, as-of day.

It is read once (from the sidebar, the command line or a briefing) and passed down frozen. Every query takes
its region from ``Filters.region_code``: a later login confines a township user by setting it in one place
(``Filters.confined_to``).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any


def pad_region_code(code: str) -> str:
    """National division codes are 12 digits; 6-digit (county) and 9-digit (township) input is padded."""
    text = str(code).strip()
    if text.isdigit() and len(text) in (6, 9):
        return text.ljust(12, "0")
    return text


def shift_year(day: date, years: int = -1) -> date:
    """The same day ``years`` years away; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class Filters:
    start: date
    end: date
    region_code: str
    as_of: date
    industry: str | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")

    def previous_year(self) -> "Filters":
        """Same dates one year earlier (both ends shifted; 29 Feb → 28 Feb)."""
        return replace(
            self,
            start=shift_year(self.start),
            end=shift_year(self.end),
            as_of=shift_year(self.as_of),
        )

    def previous_month(self) -> "Filters | None":
        """The previous calendar month when the period is exactly one calendar month (环比), else None."""
        if not self.is_calendar_month():
            return None
        prev_end = self.start - timedelta(days=1)
        prev_start = prev_end.replace(day=1)
        return replace(self, start=prev_start, end=prev_end)

    def is_calendar_month(self) -> bool:
        # a month to date (本月 before its last day) also counts as the month
        return self.start.day == 1 and self.start.year == self.end.year and self.start.month == self.end.month

    def confined_to(self, region_code: str) -> "Filters":
        """The same filters narrowed to one region (a township user's own township)."""
        return replace(self, region_code=region_code)

    def params(self) -> dict[str, Any]:
        """The bound parameters every metric SQL file may use."""
        return {
            "start": self.start,
            "end": self.end,
            "region": self.region_code,
            "industry": self.industry,
            "as_of": self.as_of,
            "year": self.end.year,
        }


# ---------------------------------------------------------------------------------------------- presets

PRESETS = ("this_month", "year_to_date", "first_half", "full_year", "same_period_last_year", "custom")


def preset_period(preset: str, as_of: date) -> tuple[date, date]:
    """The period a preset names, relative to the data's as-of day (never the clock).

    本月: the 1st of the as-of month to the as-of day. 1—N月: 1 January to the as-of day (N = its month).
    上半年: 1 January to 30 June (or the as-of day when earlier). 全年: 1 January to 31 December (or the
    as-of day when earlier). 上年同期: 1—N月 one year earlier.
    """
    jan1 = date(as_of.year, 1, 1)
    if preset == "this_month":
        return as_of.replace(day=1), as_of
    if preset == "year_to_date":
        return jan1, as_of
    if preset == "first_half":
        return jan1, min(date(as_of.year, 6, 30), as_of)
    if preset == "full_year":
        return jan1, min(date(as_of.year, 12, 31), as_of)
    if preset == "same_period_last_year":
        return shift_year(jan1), shift_year(as_of)
    raise ValueError(f"unknown preset {preset!r}")


# ---------------------------------------------------------------------------------------------- wording


def zh_date(day: date) -> str:
    """2026年3月5日"""
    return f"{day.year}年{day.month}月{day.day}日"


def en_date(day: date) -> str:
    return f"{day.day} {calendar.month_abbr[day.month]} {day.year}"


def zh_period(start: date, end: date) -> str:
    """Periods the way bulletins write them: 2026年1—6月, 2026年3月, 2026年1月1日—11月28日."""
    if start.day == 1 and end == month_end(end.year, end.month) and start.year == end.year:
        if start.month == end.month:
            return f"{start.year}年{start.month}月"
        return f"{start.year}年{start.month}—{end.month}月"
    if start.year == end.year:
        return f"{zh_date(start)}—{end.month}月{end.day}日"
    return f"{zh_date(start)}—{zh_date(end)}"


def en_period(start: date, end: date) -> str:
    if start.day == 1 and end == month_end(end.year, end.month) and start.year == end.year:
        if start.month == end.month:
            return f"{calendar.month_abbr[start.month]} {start.year}"
        return f"{calendar.month_abbr[start.month]}–{calendar.month_abbr[end.month]} {start.year}"
    return f"{en_date(start)} – {en_date(end)}"


def period_text(start: date, end: date, lang: str = "zh") -> str:
    return zh_period(start, end) if lang == "zh" else en_period(start, end)


def date_text(day: date, lang: str = "zh") -> str:
    return zh_date(day) if lang == "zh" else en_date(day)
