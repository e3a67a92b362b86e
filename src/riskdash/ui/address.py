"""The view kept in the address: ``?from=YYYY-MM-DD&to=YYYY-MM-DD&region=CODE&industry=CODE&lang=zh|en``.

Pure (no Streamlit): ``requested`` picks these parameters out of a query string, ``read`` checks them against
the database's regions, sectors and as-of day and says what it cannot apply (one line each, in the language
the page will show), and ``params`` is what the address says for a page's filters. ``riskdash.ui.frame``
applies the one and writes the other, so that a refresh (F5) or a copied link shows the same view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Mapping

from riskdash import i18n
from riskdash.filters import PRESETS, Filters, pad_region_code, preset_period

PARAMS = ("from", "to", "region", "industry", "lang")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
SHOWN_CHARS = 40  # a value quoted back in a notice is cut to this length


@dataclass(frozen=True)
class Requested:
    """What the address asks for that can be applied (None: not asked, or not applicable), and notices."""

    lang: str | None = None
    period: tuple[date, date] | None = None
    preset: str | None = None  # the preset whose period ``period`` is; "custom" when none is
    region_path: tuple[str, ...] | None = None  # (city,), (city, county) or (city, county, township)
    industry: str | None = None  # a sector code; "" for all sectors
    notices: tuple[str, ...] = ()


def requested(query: Mapping[str, str]) -> dict[str, str]:
    """The view's parameters present in ``query`` (a name given twice counts by its last value upstream)."""
    return {name: str(query[name]).strip() for name in PARAMS if name in query}


def read(asked: Mapping[str, str], *, lang: str, as_of: date, earliest: date, parents: Mapping[str, str | None],
         sectors: set[str], fallback: tuple[date, date]) -> Requested:
    """Check ``asked`` (from ``requested``). ``lang`` is the language shown when the address names none (or a
    wrong one); ``parents`` maps every region code to its parent (None at the top); ``fallback`` is the period
    that supplies the end when only ``from`` is given, and the start when only ``to`` is."""
    notices: list[str] = []
    want_lang = asked.get("lang")
    if want_lang is not None and want_lang not in i18n.LANGS:
        want_lang = None
        notices.append(("address.bad_lang", asked["lang"]))
    shown = want_lang or lang

    def say(key: str, value: str | None = None, **values: str) -> str:
        if value is not None:
            values["value"] = value if len(value) <= SHOWN_CHARS else value[:SHOWN_CHARS] + "…"
        return i18n.t(key, shown, **values)

    words = [say(key, value) for key, value in notices]
    period, preset = _period(asked, as_of, earliest, fallback, shown, say, words)
    region_path = None
    if "region" in asked:
        region_path = _region_path(pad_region_code(asked["region"]), parents)
        if region_path is None:
            words.append(say("address.bad_region", asked["region"]))
    industry = None
    if "industry" in asked:
        if asked["industry"] == "" or asked["industry"] in sectors:
            industry = asked["industry"]
        else:
            words.append(say("address.bad_industry", asked["industry"]))
    return Requested(lang=want_lang, period=period, preset=preset, region_path=region_path, industry=industry,
                     notices=tuple(words))


def _period(asked, as_of, earliest, fallback, lang, say, words) -> tuple[tuple[date, date] | None, str | None]:
    if "from" not in asked and "to" not in asked:
        return None, None
    days = []
    for name, default in (("from", fallback[0]), ("to", fallback[1])):
        if name not in asked:
            days.append(default)
            continue
        text = asked[name]
        try:
            if not ISO_DAY.fullmatch(text):
                raise ValueError(text)
            day = date.fromisoformat(text)
        except ValueError:
            words.append(say("address.bad_date", text))
            return None, None
        if not earliest <= day <= as_of:
            words.append(say("address.date_out_of_range", text, earliest=i18n.day(earliest, lang),
                             as_of=i18n.day(as_of, lang)))
            return None, None
        days.append(day)
    start, end = days
    if end < start:
        words.append(say("address.dates_backwards", start=i18n.day(start, lang), end=i18n.day(end, lang)))
        return None, None
    preset = next((p for p in PRESETS if p != "custom" and preset_period(p, as_of) == (start, end)), "custom")
    return (start, end), preset


def _region_path(code: str, parents: Mapping[str, str | None]) -> tuple[str, ...] | None:
    """The region and its ancestors from the top (city first); None for an unknown code or one deeper than
    a township (the filters offer city, county and township)."""
    if code not in parents:
        return None
    path = [code]
    while parents[path[0]] is not None:
        path.insert(0, parents[path[0]])
        if len(path) > 3 or path[0] not in parents:
            return None
    return tuple(path)


def params(filters: Filters, lang: str) -> dict[str, str]:
    """What the address says for ``filters`` shown in ``lang``: every parameter, industry only when one is
    chosen (its absence is all sectors)."""
    said = {"from": filters.start.isoformat(), "to": filters.end.isoformat(), "region": filters.region_code}
    if filters.industry:
        said["industry"] = filters.industry
    said["lang"] = lang
    return said
