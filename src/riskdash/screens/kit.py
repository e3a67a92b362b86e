"""The pure half of the screens' shared kit: a KPI card and the one scope every section line states.

No Streamlit here (``riskdash.ui`` draws them): views build these, pages hand them to ``ui.kpi_row`` and
``ui.section``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from riskdash import i18n
from riskdash.filters import Filters


@dataclass(frozen=True)
class Kpi:
    """One st.metric card: what it counts is in ``help``; its comparison, if any, in ``delta``."""

    key: str
    label: str
    value: str
    help: str
    delta: str | None = None
    delta_color: str = "off"
    delta_arrow: str = "off"
    delta_description: str | None = None


@dataclass(frozen=True)
class Scope:
    """The words under a section heading: over which dates, regions and sectors, as of which day.

    ``period`` and ``as_of`` are the filters' (or the span a screen counts over, such as the assessment year);
    ``data_as_of`` is the data's own as-of day, ``data_day`` the same as a date (for chart titles)."""

    region: str
    sector: str = ""
    period: str = ""
    as_of: str = ""
    data_as_of: str = ""
    year: int | None = None
    data_day: date | None = None

    @classmethod
    def of(cls, filters: Filters, region: str, sector: str, data_as_of: date, lang: str) -> Scope:
        return cls(region=region, sector=sector, period=i18n.period(filters.start, filters.end, lang),
                   as_of=i18n.day(filters.as_of, lang), data_as_of=i18n.day(data_as_of, lang),
                   year=filters.as_of.year, data_day=data_as_of)

    def words(self) -> dict[str, Any]:
        """The values text keys take: {period}, {as_of}, {region}, {sector}, {year}."""
        return {"period": self.period, "as_of": self.as_of, "region": self.region, "sector": self.sector,
                "year": self.year}


# characters Windows, macOS or a browser refuse in a file name (and control characters)
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def download_name(what: str, scope: str, ext: str, lang: str, *, as_of: date | None = None,
                  period: tuple[date, date] | None = None, when: str = "") -> str:
    """A download's file name in the interface language: what it holds, the scope's name and its day or period.

    ``download_name("逾期未销号重大隐患", "绿阳区", "xlsx", "zh", as_of=date(2026, 11, 28))`` →
    ``逾期未销号重大隐患_绿阳区_截至2026年11月28日.xlsx``; a period reads ``2026年1月1日至11月28日``. Characters a
    file name may not hold are dropped and blank parts left out. ``when`` is a day or span already in words
    (2026年11月), used when neither ``as_of`` nor ``period`` is given."""
    zh = i18n.check_lang(lang) == "zh"
    if period is not None:
        when = i18n.period(period[0], period[1], lang)
        if zh:
            when = when.replace("—", "至")
    elif as_of is not None:
        day = i18n.day(as_of, lang)
        when = f"截至{day}" if zh else f"as of {day}"
    parts = [_UNSAFE.sub("", str(p)).strip().strip(".") for p in (what, scope, when)]
    stem = "_".join(p for p in parts if p) or "download"
    return f"{stem}.{ext.lstrip('.')}"
