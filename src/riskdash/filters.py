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
    # The account's own region (a login's bound): facts are kept only at or below it as well as at or below
    # region_code. None means no account bound (the command line, the briefing, an unconfined user).
    account_region: str | None = None

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
            "account_region": self.account_region,
            "as_of": self.as_of,
            "year": self.end.year,
        }


# ---------------------------------------------------------------------------------------------- presets

# Officials report whole months: the default is the months of the year completed by the data's as-of day
# ("1—11月" on any day of December before the 31st), never a month still running.
PRESETS = ("completed_months", "this_month", "last_month", "this_quarter", "last_quarter", "year_to_date",
           "last_year", "custom")
DEFAULT_PRESET = "completed_months"


def is_month_end(day: date) -> bool:
    return day == month_end(day.year, day.month)


def last_complete_month_end(as_of: date) -> date:
    """The last day of the latest month complete on the as-of day: the as-of day itself when it ends its month.

    Data as of a month's last day covers that whole month; on any other day the month is still running."""
    return as_of if is_month_end(as_of) else as_of.replace(day=1) - timedelta(days=1)


def last_complete_month(as_of: date) -> date:
    """The first day of the latest complete month (the monthly form's default report month)."""
    return last_complete_month_end(as_of).replace(day=1)


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def preset_period(preset: str, as_of: date) -> tuple[date, date]:
    """The period a preset names, relative to the data's as-of day (never the clock).

    1—N月 (completed_months): 1 January to the end of the last complete month; in January before the 31st no
    month of the year is complete, and it is the previous year's 1—12月. 本月至今: the 1st of the as-of month to
    the as-of day. 上月: the month before the as-of month. 本季: the 1st of the as-of quarter to the as-of day.
    上季: the quarter before. 本年至今: 1 January to the as-of day. 上年: the previous calendar year.
    """
    if preset == "completed_months":
        end = last_complete_month_end(as_of)
        return date(end.year, 1, 1), end
    if preset == "this_month":
        return as_of.replace(day=1), as_of
    if preset == "last_month":
        end = as_of.replace(day=1) - timedelta(days=1)
        return end.replace(day=1), end
    if preset == "this_quarter":
        return quarter_start(as_of), as_of
    if preset == "last_quarter":
        end = quarter_start(as_of) - timedelta(days=1)
        return quarter_start(end), end
    if preset == "year_to_date":
        return date(as_of.year, 1, 1), as_of
    if preset == "last_year":
        return date(as_of.year - 1, 1, 1), date(as_of.year - 1, 12, 31)
    raise ValueError(f"unknown preset {preset!r}")


def span_text(start: date, end: date, year: int, lang: str = "zh") -> str:
    """A period as short as it can be said unambiguously in the as-of ``year`` (a preset's label).

    Whole months by their months (1—11月, 11月), a running period by its days (12月1日—15日, 10月1日—12月1日, 12月1日);
    the year is named only when it is not ``year``. 1 January to 1 December is never "1—12月"."""
    whole = start.day == 1 and is_month_end(end) and start.year == end.year
    if start.year != end.year:
        return period_text(start, end, lang)
    if lang == "zh":
        prefix = "" if start.year == year else f"{start.year}年"
        if whole:
            months = f"{start.month}月" if start.month == end.month else f"{start.month}—{end.month}月"
            return prefix + months
        if start == end:
            return f"{prefix}{start.month}月{start.day}日"
        if start.month == end.month:
            return f"{prefix}{start.month}月{start.day}日—{end.day}日"
        return f"{prefix}{start.month}月{start.day}日—{end.month}月{end.day}日"
    suffix = "" if start.year == year else f" {start.year}"
    first, last = calendar.month_abbr[start.month], calendar.month_abbr[end.month]
    if whole:
        return (first if start.month == end.month else f"{first}–{last}") + suffix
    if start == end:
        return f"{start.day} {first}{suffix}"
    if start.month == end.month:
        return f"{start.day}–{end.day} {first}{suffix}"
    return f"{start.day} {first} – {end.day} {last}{suffix}"


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
