"""The overview screen's content, shaped from ``metrics.Overview``: KPI cards, scope lines, detail tables.

Pure: no Streamlit here, so the wording of every card (同比, "—" for a zero denominator) is testable alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from riskdash import i18n
from riskdash.filters import Filters
from riskdash.metrics import GRADE_KEYS, Overview, change_pct
from riskdash.screens.accidents import view as accidents
from riskdash.screens.kit import Kpi, Scope
from riskdash.screens.rectification import charts as rectification


@dataclass(frozen=True)
class TargetBar:
    """The year's death control target as a bar: its words, the share used (0–1, clamped) or None without one.

    level: "over" (red) when the deaths exceed the target, "ahead" (amber) when the share used runs ahead of
    时间进度, else "normal"; ``rule`` says so under the bar."""

    text: str
    fraction: float | None
    is_over: bool
    level: str = "normal"
    rule: str = ""


@dataclass(frozen=True)
class OverviewView:
    subtitle: str
    accidents_scope: str
    accident_kpis: tuple[Kpi, ...]
    target: TargetBar
    hazards_scope: str
    hazard_kpis: tuple[Kpi, ...]
    rate_formula: str
    sites_scope: str
    site_kpis: tuple[Kpi, ...]
    accident_detail: pd.DataFrame
    hazard_detail: pd.DataFrame


def yoy_kpi(key: str, label: str, current: int, previous: int, pct: float | None, help: str, lang: str) -> Kpi:
    """A count with its 同比: a fall is good (inverse colours); no base last year → "—（上年同期为0）"."""
    if pct is None:
        return Kpi(key, label, str(current), help, delta=i18n.DASH, delta_color="off", delta_arrow="off",
                   delta_description=i18n.t("kpi.yoy_none", lang))
    flat = pct == 0
    return Kpi(
        key,
        label,
        str(current),
        help,
        delta=i18n.signed_pct(pct),
        delta_color="off" if flat else "inverse",
        delta_arrow="off" if flat else "auto",
        delta_description=i18n.t("kpi.yoy", lang, previous=previous),
    )


def _count(value: int) -> str:
    return f"{value:,}"


def overview_view(ov: Overview, scope: Scope, lang: str, admin: bool = True) -> OverviewView:
    f = ov.filters
    acc, prev, rect, sites = ov.accidents, ov.accidents_previous, ov.rectification, ov.key_sites
    period = i18n.period(f.start, f.end, lang)
    previous_filters = f.previous_year()
    previous = i18n.period(previous_filters.start, previous_filters.end, lang)
    as_of = i18n.day(f.as_of, lang)
    yoy = ov.yoy_pct

    accident_kpis = (
        yoy_kpi("accidents", i18n.t("kpi.accidents", lang), acc["accidents"], prev["accidents"],
                yoy["accidents"], i18n.t("kpi.accidents_help", lang), lang),
        yoy_kpi("deaths", i18n.t("kpi.deaths", lang), acc["deaths_incl_missing"], prev["deaths_incl_missing"],
                yoy["deaths"], i18n.t("kpi.deaths_help", lang), lang),
        yoy_kpi("larger_and_above", i18n.t("kpi.larger", lang), acc["larger_and_above"], prev["larger_and_above"],
                yoy["larger_and_above"], i18n.t("kpi.larger_help", lang), lang),
    )
    hazard_kpis = (
        Kpi("found", i18n.t("kpi.found_period", lang), _count(rect["found"]),
            i18n.t("kpi.found_help", lang, general=rect["general_found"], major=rect["major_found"])),
        Kpi("rate", i18n.t("kpi.rate", lang), i18n.pct(rect["rate"]), i18n.t("kpi.rate_help", lang)),
        Kpi("general_rate", i18n.t("kpi.general_rate", lang), i18n.pct(rect["general_rate"]),
            i18n.t("kpi.general_rate_help", lang, done=rect["general_rectified"], found=rect["general_found"])),
        Kpi("major_rate", i18n.t("kpi.major_rate", lang), i18n.pct(rect["major_rate"]),
            i18n.t("kpi.major_rate_help", lang, done=rect["major_closed"], found=rect["major_found"])),
    )
    stock = rect["stock"]  # every year's hazards still open on the as-of day: "截至…"
    site_kpis = (
        Kpi("overdue_major", i18n.t("kpi.overdue_major_stock", lang), _count(stock["overdue_major"]),
            i18n.t("kpi.overdue_major_stock_help", lang, as_of=as_of, overdue=_count(stock["overdue"]),
                   awaiting=_count(stock["overdue_major"] - stock["overdue_major_unrectified"]),
                   unrectified=_count(stock["overdue_major_unrectified"]))),
        Kpi("supervised_open", i18n.t("kpi.supervised_open_stock", lang), _count(stock["supervised_open"]),
            i18n.t("kpi.supervised_open_stock_help", lang, as_of=as_of)),
        Kpi("key_sites", i18n.t("kpi.key_sites", lang), _count(sites["key_sites"]),
            i18n.t("kpi.key_sites_help", lang, not_filed=sites["not_fully_filed"])),
        Kpi("sites_no_measures", i18n.t("kpi.sites_no_measures", lang), _count(sites["measures_not_in_place"]),
            i18n.t("kpi.sites_no_measures_help", lang)),
    )
    return OverviewView(
        subtitle=i18n.t("overview.subtitle", lang, period=period, previous=previous, region=scope.region,
                        sector=scope.sector),
        accidents_scope=i18n.t("overview.accidents_scope", lang, period=period, previous=previous,
                               region=scope.region, sector=scope.sector, as_of=scope.data_as_of),
        accident_kpis=accident_kpis,
        target=target_bar(ov, scope, lang, admin),
        hazards_scope=i18n.t("overview.hazards_scope", lang, period=period, as_of=as_of, region=scope.region,
                             sector=scope.sector),
        hazard_kpis=hazard_kpis,
        rate_formula=i18n.t("overview.rate_formula", lang, general=_count(rect["general_rectified"]),
                            major=_count(rect["major_closed"]), found=_count(rect["found"])),
        sites_scope=i18n.t("overview.sites_scope", lang, period=period, as_of=as_of, region=scope.region,
                           as_of_data=scope.data_as_of),
        site_kpis=site_kpis,
        accident_detail=accident_detail(ov, lang),
        hazard_detail=hazard_detail(ov, lang),
    )


def _pct1(value: float | None) -> str:
    return i18n.DASH if value is None else f"{value:.1f}%"


def target_bar(ov: Overview, scope: Scope, lang: str, admin: bool = True) -> TargetBar:
    """Deaths (incl. missing) from 1 January to the period's end against the year's control target, beside
    时间进度 (``metrics.accidents.target_progress``), when a target is set. Red when the deaths exceed the
    target, amber when the share used runs ahead of time, else the plain bar. Without a target, the note
    sends an admin to 设置 and any other account to the city administrator (``admin``)."""
    year = ov.filters.end.year
    target = ov.target
    if target is None:
        key = "target.none" if admin else "target.none_ask"
        return TargetBar(i18n.t(key, lang, year=year, region=scope.region), None, False)
    deaths, used, elapsed = target["deaths_incl_missing"], target["used_pct"], target["time_elapsed_pct"]
    to = i18n.day(ov.filters.end, lang)
    if lang == "zh":  # 1月1日至11月28日: the year is in the sentence already
        to = f"{ov.filters.end.month}月{ov.filters.end.day}日"
    text = i18n.t("target.progress", lang, year=year, region=scope.region, target=target["max_deaths"],
                  to=to, deaths=deaths, used=_pct1(used), elapsed=_pct1(elapsed))
    # a target of 0 deaths (零死亡) is exceeded by the first death
    is_over = deaths > target["max_deaths"]
    if used is not None:
        gap = Decimal(str(used)) - Decimal(str(elapsed))
        key = "target.ahead" if gap > 0 else "target.behind" if gap < 0 else "target.level"
        text += i18n.t(key, lang, gap=abs(gap))
    if is_over:
        over = i18n.t("target.over", lang)
        text += f"（{over}）" if lang == "zh" else f" ({over})"
    level = "over" if is_over else "ahead" if used is not None and used > elapsed else "normal"
    fraction = 1.0 if is_over else 0.0 if used is None else min(used / 100, 1.0)
    return TargetBar(text, fraction, is_over, level, i18n.t("target.rule", lang, to=to))


def _target_bar(text: str, used_pct: float | None, elapsed: float, level: str, lang: str) -> TargetBar:
    """A class or rate target's bar: its words, then the share used against 时间进度 ("—" for a target of 0),
    "exceeded" when over; the fraction clamped to 0–1, full when over."""
    if used_pct is None:
        text += i18n.t("classes.target.zero", lang)
    else:
        gap = Decimal(str(used_pct)) - Decimal(str(elapsed))
        key = "target.ahead" if gap > 0 else "target.behind" if gap < 0 else "target.level"
        text += i18n.t(key, lang, gap=abs(gap))
    is_over = level == "over"
    if is_over:
        over = i18n.t("target.over", lang)
        text += f"（{over}）" if lang == "zh" else f" ({over})"
    fraction = 1.0 if is_over else 0.0 if used_pct is None else min(used_pct / 100, 1.0)
    return TargetBar(text, fraction, is_over, level)


def class_target_bars(targets: list[dict[str, Any]], end: date, lang: str) -> list[TargetBar]:
    """The control targets per class (``metrics.classes.class_targets``), one bar each under the total's, worded
    and coloured as the total's: red when exceeded (a target of 0 by the first case), amber when the share used
    runs ahead of 时间进度; a target of 0 has no share ("—"). docs/rules.md#statistical-classes."""
    to = f"{end.month}月{end.day}日" if lang == "zh" else i18n.day(end, lang)
    bars = []
    for t in targets:
        used_pct, elapsed = t["used_pct"], t["time_elapsed_pct"]
        if t["target_class"] == "larger_accidents":
            text = i18n.t("classes.target.larger", lang, target=t["target"], to=to, used=t["used"],
                          used_pct=_pct1(used_pct), elapsed=_pct1(elapsed))
        else:
            text = i18n.t("classes.target.deaths", lang, what=i18n.enum_name("target_class", t["target_class"], lang),
                          target=t["target"], to=to, used=t["used"], used_pct=_pct1(used_pct),
                          elapsed=_pct1(elapsed))
        bars.append(_target_bar(text, used_pct, elapsed, t["level"], lang))
    return bars


def rate_target_bars(targets: list[dict[str, Any]], end: date, lang: str) -> list[TargetBar]:
    """The rate targets (``metrics.classes.rate_targets``, issue 18), one bar each under the class targets', worded
    and coloured as they are: red when the rate so far is above its ceiling, amber when the share used runs ahead
    of 时间进度; a ceiling of 0 has no share ("—"); without the year's denominator a note, no bar."""
    from riskdash.briefing.classes import ceiling_number, rate_number

    to = f"{end.month}月{end.day}日" if lang == "zh" else i18n.day(end, lang)
    bars = []
    for t in targets:
        what = i18n.enum_name("rate_indicator", t["indicator"], lang)
        target = ceiling_number(float(t["target"]))
        if t["level"] == "unknown":
            bars.append(TargetBar(i18n.t("rates.bar_unknown", lang, what=what, target=target, year=t["year"]),
                                  None, False, "normal"))
            continue
        used_pct, elapsed = t["used_pct"], t["time_elapsed_pct"]
        text = i18n.t("rates.bar", lang, what=what, target=target, to=to, deaths=t["deaths"],
                      rate=rate_number(float(t["rate"])), used_pct=_pct1(used_pct), elapsed=_pct1(elapsed))
        bars.append(_target_bar(text, used_pct, elapsed, t["level"], lang))
    return bars


def accident_detail(ov: Overview, lang: str) -> pd.DataFrame:
    """One row per measure (accidents, each grade, deaths, serious injuries, loss): this period, last year, 同比."""
    acc, prev = ov.accidents, ov.accidents_previous
    rows = [(i18n.t("kpi.accidents", lang), acc["accidents"], prev["accidents"])]
    for grade in GRADE_KEYS:
        rows.append(("· " + i18n.enum_name("grade", grade, lang), acc["by_grade"][grade], prev["by_grade"][grade]))
    rows += [
        (i18n.t("detail.deaths", lang), acc["deaths_incl_missing"], prev["deaths_incl_missing"]),
        (i18n.t("detail.serious", lang), acc["serious_injuries"], prev["serious_injuries"]),
        (i18n.t("detail.loss", lang), acc["direct_loss_wan"], prev["direct_loss_wan"]),
    ]
    return pd.DataFrame(
        {
            i18n.t("detail.grade", lang): [name for name, _, _ in rows],
            i18n.t("detail.this_period", lang): [_number(now) for _, now, _ in rows],
            i18n.t("detail.last_year", lang): [_number(then) for _, _, then in rows],
            i18n.t("detail.yoy", lang): [i18n.signed_pct(change_pct(now, then)) for _, now, then in rows],
        }
    )


def hazard_detail(ov: Overview, lang: str) -> pd.DataFrame:
    """One row per hazard grade and the total: found, done (rectified / closed), rate, overdue."""
    rect = ov.rectification
    rows = [
        (i18n.enum_name("hazard_grade", "general", lang), rect["general_found"], rect["general_rectified"],
         rect["general_rate"], rect["overdue"] - rect["overdue_major"]),
        (i18n.enum_name("hazard_grade", "major", lang), rect["major_found"], rect["major_closed"],
         rect["major_rate"], rect["overdue_major"]),
        (i18n.t("detail.total", lang), rect["found"], rect["rectified"], rect["rate"], rect["overdue"]),
    ]
    return pd.DataFrame(
        {
            i18n.t("detail.hazard_grade", lang): [r[0] for r in rows],
            i18n.t("detail.found", lang): [_number(r[1]) for r in rows],
            i18n.t("detail.done", lang): [_number(r[2]) for r in rows],
            i18n.t("detail.rate", lang): [i18n.pct(r[3]) for r in rows],
            i18n.t("detail.overdue_of_period", lang): [_number(r[4]) for r in rows],
        }
    )


def _number(value: int | float) -> str:
    return f"{value:,.2f}" if isinstance(value, float) else f"{value:,}"


# ---------------------------------------------------------------------------------------------- charts
# The overview's two pictures are the accident and rectification screens' own (same frames, same builders),
# so that they cannot differ; None when the scope holds nothing to draw.


def accident_trend(months: pd.DataFrame, filters: Filters, where: Scope, lang: str) -> go.Figure | None:
    """Accidents per month (the last 24), the month cut short grey, the rolling 12-month total to the last
    complete month."""
    return accidents.trend_figure(months, "month", "accidents", filters, where, lang)


def rectification_ranking(by_township: pd.DataFrame, filters: Filters, region_name: str,
                          lang: str) -> go.Figure | None:
    """The townships lowest in rectification rate, labelled, on a zoomed axis."""
    return rectification.rate_by_township_bars(by_township, filters, region_name, lang)
