"""The accident trends screen's content, shaped from ``riskdash.metrics.accidents``: cards, words, frames.

Pure (no Streamlit): the wording of every card, of every 同比 verdict and the shape of every chart's frame is
testable alone. Figures come from ``screens/accidents/charts.py``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from riskdash import charts, i18n
from riskdash.filters import Filters
from riskdash.metrics import GRADE_KEYS, change_pct, round_pct
from riskdash.metrics import accidents as acc
from riskdash.screens.accidents import charts as pictures
from riskdash.screens.kit import Kpi, Scope


def _period(filters: Filters, lang: str) -> str:
    return i18n.period(filters.start, filters.end, lang)


def subtitle(filters: Filters, where: Scope, lang: str) -> str:
    previous = filters.previous_year()
    return i18n.t("accidents.subtitle", lang, period=_period(filters, lang), previous=_period(previous, lang),
                  region=where.region, sector=where.sector, as_of=where.data_as_of)


# ---------------------------------------------------------------------------------------------- KPI row


def _number(value: int | float) -> str:
    return f"{value:,.2f}" if isinstance(value, float) else f"{value:,}"


def kpi_cards(totals: dict[str, Any], lang: str, tests: dict[str, acc.ChangeTest] | None = None) -> tuple[Kpi, ...]:
    """Accidents, deaths (incl. missing), 较大及以上, serious injuries, loss: each with 同比 and, for a month, 环比.

    A 同比 wears the overview's colours (a fall green, a rise red, with its arrow; grey only when nothing
    changed or there is no base), so the same figure reads the same on both screens (issue 17); whether a change
    is beyond chance is said in words under the cards (``change_sentence``), not by the colour.
    """
    now, then = totals["summary"], totals["summary"]["previous"]
    month = totals["previous_month"]
    specs = [
        ("accidents", "kpi.accidents", "kpi.accidents_help", "accidents"),
        ("deaths", "kpi.deaths", "kpi.deaths_help", "deaths_incl_missing"),
        ("larger_and_above", "kpi.larger", "kpi.larger_help", "larger_and_above"),
        ("serious_injuries", "accidents.kpi_serious", "accidents.kpi_serious_help", "serious_injuries"),
        ("direct_loss", "accidents.kpi_loss", "accidents.kpi_loss_help", "direct_loss_wan"),
    ]
    cards = []
    for key, label, help_key, column in specs:
        current, previous = now[column], then[column]
        pct = change_pct(current, previous) if not isinstance(current, float) else change_pct(
            *(_decimal(v) for v in (current, previous)))
        if month is None:
            description = (i18n.t("kpi.yoy", lang, previous=_number(previous)) if pct is not None
                           else i18n.t("kpi.yoy_none", lang))
        else:
            mom = change_pct(*(_decimal(v) for v in (current, month[column])))
            key_words = "accidents.yoy_mom" if pct is not None else "accidents.yoy_mom_none"
            description = i18n.t(key_words, lang, previous=_number(previous), mom=i18n.signed_pct(mom),
                                 previous_month=_number(month[column]))
        flat = pct is None or pct == 0
        cards.append(Kpi(key, i18n.t(label, lang), _number(current), i18n.t(help_key, lang),
                         delta=i18n.signed_pct(pct), delta_color="off" if flat else "inverse",
                         delta_arrow="off" if flat else "auto", delta_description=description))
    return tuple(cards)


def _decimal(value: int | float):
    from decimal import Decimal

    return Decimal(str(value))


def _p(p_value: float) -> str:
    return "< 0.001" if p_value < 0.001 else f"= {p_value:.3f}" if p_value < 0.01 else f"= {p_value:.2f}"


def change_sentence(tests: dict[str, acc.ChangeTest], larger_and_above: int, lang: str) -> str:
    """The change test in one plain sentence: each measure against last year and whether the change is beyond
    chance, then, when the period had one, the 较大及以上 accidents as a broken red line — never as chance
    (docs/rules.md#official-wording). No statistics words here: the method and the p values sit behind ``change_method``."""
    clauses = [i18n.t(f"accidents.change_{key}", lang, current=f"{test.current:,}", previous=f"{test.previous:,}",
                      verdict=i18n.t(f"accidents.verdict_{test.verdict}", lang))
               for key, test in tests.items()]
    if larger_and_above:
        clauses.append(i18n.t("accidents.change_red_line", lang, n=f"{larger_and_above:,}"))
    return i18n.t("accidents.change_sentence", lang, clauses=("；" if lang == "zh" else "; ").join(clauses))


def change_method(tests: dict[str, acc.ChangeTest], lang: str) -> str:
    """How the sentence is judged, with this period's p values (the help popover's text)."""
    names = {"accidents": i18n.t("accidents.measure_accidents", lang),
             "deaths": i18n.t("accidents.measure_deaths", lang)}
    values = [i18n.t("accidents.change_p_none", lang, measure=names[key]) if test.p_value is None
              else i18n.t("accidents.change_p", lang, measure=names[key], p=_p(test.p_value))
              for key, test in tests.items()]
    return i18n.t("accidents.change_method", lang,
                  p_values=("；" if lang == "zh" else "; ").join(values))


# ---------------------------------------------------------------------------------------------- target


@dataclass(frozen=True)
class TargetView:
    scope: str
    text: str
    fraction: float | None  # share of the target used, clamped to 0–1; None without a target
    is_over: bool
    projection: str
    warning: str | None  # set when the projection (or the year so far) passes the target
    is_ahead: bool = False  # the share used runs ahead of 时间进度 (amber), not yet over the target


def target_view(p: acc.Projection, where: Scope, lang: str) -> TargetView:
    cutoff = i18n.day(p.cutoff_on, lang)
    short_cutoff = f"{p.cutoff_on.month}月{p.cutoff_on.day}日" if lang == "zh" else cutoff
    scope = i18n.t("accidents.target_scope", lang, span=i18n.period(date(p.year, 1, 1), p.cutoff_on, lang),
                   region=where.region,
                   as_of=where.data_as_of)
    if p.target is None:
        text = i18n.t("accidents.target_none", lang, year=p.year, region=where.region, cutoff=short_cutoff,
                      deaths=p.deaths_to_date)
        is_ahead = False
        fraction = None
    else:
        # 时间进度 as in metrics accidents → target: days from 1 January to the cut-off over the days of the year
        elapsed = round_pct(acc.time_elapsed(p.cutoff_on) * 100)
        used = None if p.used is None else round_pct(p.used * 100)
        gap = ""
        is_ahead = used is not None and used > elapsed
        if used is not None:
            diff = Decimal(str(used)) - Decimal(str(elapsed))
            key = "accidents.target_ahead" if diff > 0 else "accidents.target_behind" if diff < 0 else \
                "accidents.target_level"
            gap = i18n.t(key, lang, gap=abs(diff))
        text = i18n.t("accidents.target_text", lang, year=p.year, target=p.target, cutoff=short_cutoff,
                      deaths=p.deaths_to_date, pct=i18n.pct(p.used) if p.used is not None else i18n.DASH,
                      elapsed=f"{elapsed:.1f}%", gap=gap)
        fraction = min(p.used, 1.0) if p.used is not None else (1.0 if p.deaths_to_date > 0 else 0.0)
    if p.projected is None:
        projection = i18n.t("accidents.projection_none", lang)
    else:
        years = p.baseline_years
        span = (f"{years[0]}—{years[-1]}" if len(years) > 1 else str(years[0])) if lang == "zh" else (
            f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0]))
        after = date.fromordinal(p.cutoff_on.toordinal() + 1)
        after_text = f"{after.month}月{after.day}日" if lang == "zh" else i18n.day(after, lang)
        if after.year != p.cutoff_on.year:  # the period ends on 31 December: nothing remains
            after_text = "—"
        projection = i18n.t("accidents.projection", lang, projected=f"{p.projected:.0f}", deaths=p.deaths_to_date,
                            years=span, after=after_text, mean=f"{p.baseline_rest_mean:.1f}")
    warning = None
    if p.is_over:
        warning = i18n.t("accidents.target_over", lang, deaths=p.deaths_to_date, target=p.target)
    elif p.is_projected_over:
        warning = i18n.t("accidents.projection_over", lang, projected=f"{p.projected:.0f}", target=p.target)
    return TargetView(scope, text, fraction, p.is_over, projection, warning,
                      p.target is not None and not p.is_over and is_ahead)


# ---------------------------------------------------------------------------------------------- trends

GRAINS = ("month", "quarter", "year")
MEASURES = ("accidents", "deaths_incl_missing")


def measure_name(measure: str, lang: str) -> str:
    return i18n.t("accidents.measure_accidents" if measure == "accidents" else "accidents.measure_deaths", lang)


def unit(measure: str, lang: str) -> str:
    return i18n.t("accidents.unit_accidents" if measure == "accidents" else "accidents.unit_deaths", lang)


def _covered(months: pd.DataFrame) -> pd.DataFrame:
    return months[months["is_covered"]]


def trend_frame(months: pd.DataFrame, grain: str, measure: str, end: date, lang: str) -> pd.DataFrame:
    """label, value, is_partial (the last bucket cut short by the period's end) and, for months, rolling.

    Months: the last 24, with the 12-month rolling total where 12 covered months exist. Quarters and years:
    every one the data covers.
    """
    frame = months.copy()
    frame["rolling"] = frame[measure].rolling(12).sum().where(frame["is_covered"].rolling(12).sum() == 12)
    frame = _covered(frame)
    last_partial = end != _bucket_end(end, grain)
    if grain == "month":
        shown = frame.tail(acc.TREND_MONTHS)
        labels = [_month_label(d, lang) for d in shown["month_start"]]
        out = pd.DataFrame({"label": labels, "value": shown[measure].to_numpy(),
                            "rolling": shown["rolling"].to_numpy()})
    else:
        keys = [(d.year, (d.month - 1) // 3 + 1) if grain == "quarter" else (d.year, 0) for d in frame["month_start"]]
        grouped = frame.assign(key=keys).groupby("key", sort=True)[measure].sum()
        labels = [_bucket_label(y, q, grain, lang) for y, q in grouped.index]
        out = pd.DataFrame({"label": labels, "value": grouped.to_numpy()})
    out["is_partial"] = False
    if len(out) and last_partial:
        out.loc[out.index[-1], "is_partial"] = True
        # a month says only its day (24 turned ticks must stay short); a quarter or a year the whole date
        out.loc[out.index[-1], "label"] += (i18n.t("accidents.partial_day", lang, day=end.day) if grain == "month"
                                            else i18n.t("accidents.partial", lang, day=i18n.day(end, lang)))
        if "rolling" in out:
            # a month cut short would make the 12-month total dip: the line stops at the last complete month
            out.loc[out.index[-1], "rolling"] = float("nan")
    return out.reset_index(drop=True)


def _month_label(day: date, lang: str) -> str:
    """A month's tick: 24年11月 in Chinese, Nov 24 in English (issue 17: not 2024-11) — short, so that 24 of them
    fit under a chart at 1366 px turned at 45° (``charts.tick_angle``) without overlapping."""
    year = f"{day.year % 100:02d}"
    return f"{year}年{day.month}月" if lang == "zh" else f"{calendar.month_abbr[day.month]} {year}"


def _bucket_end(day: date, grain: str) -> date:
    from riskdash.filters import month_end

    if grain == "month":
        return month_end(day.year, day.month)
    if grain == "quarter":
        return month_end(day.year, ((day.month - 1) // 3 + 1) * 3)
    return date(day.year, 12, 31)


def _bucket_label(year: int, quarter: int, grain: str, lang: str) -> str:
    if grain == "year":
        return f"{year}年" if lang == "zh" else str(year)
    return f"{year}年{quarter}季度" if lang == "zh" else f"Q{quarter} {year}"


def cumulative_frame(months: pd.DataFrame, measure: str, end: date) -> pd.DataFrame:
    """month 1–12; current = this year's running total up to the period's end month (then empty);
    previous = last year's running total over the whole year; is_partial marks the end month when the period
    ends before its last day (``day``), which the chart draws apart."""
    by_month = {d: v for d, v in zip(months["month_start"], months[measure])}
    current = [by_month.get(date(end.year, m, 1), 0) for m in range(1, 13)]
    previous = [by_month.get(date(end.year - 1, m, 1), 0) for m in range(1, 13)]
    running_now = pd.Series(current).cumsum().astype("float")
    running_now[end.month:] = float("nan")
    partial = [m == end.month and end != _bucket_end(end, "month") for m in range(1, 13)]
    return pd.DataFrame({"month": range(1, 13), "current": running_now, "previous": pd.Series(previous).cumsum(),
                         "is_partial": partial, "day": end.day})


def control_frame(months: pd.DataFrame, end: date, lang: str, measure: str = "accidents") -> pd.DataFrame:
    frame = acc.seasonal_control_limits(months, end, measure)
    frame["label"] = [_month_label(d, lang) for d in frame["month_start"]]
    return frame


def outside_months(control: pd.DataFrame, lang: str) -> str:
    marked = control[control["is_above"] | control["is_below"]]
    if marked.empty:
        return i18n.t("accidents.outside_none", lang)
    words = []
    for row in marked.itertuples(index=False):
        arrow = "↑" if row.is_above else "↓"
        # the limits column holds None for months without a baseline, so pandas keeps it as float
        value, lower, upper = int(row.value), int(row.lower), int(row.upper)
        # the month in words (2024年3月, Mar 2024): the chart's short ticks (2024-03) are not the screen's date style
        month = (f"{row.month_start.year}年{row.month_start.month}月" if lang == "zh"
                 else f"{calendar.month_abbr[row.month_start.month]} {row.month_start.year}")
        words.append(f"{month}{arrow}（{value}，{lower}—{upper}）" if lang == "zh"
                     else f"{month} {arrow} ({value}; {lower}–{upper})")
    return i18n.t("accidents.outside_list", lang, months="、".join(words) if lang == "zh" else "; ".join(words))


def control_note(control: pd.DataFrame, measure: str, lang: str) -> str:
    """The months outside the limits in plain words (on the screen)."""
    name = i18n.t("accidents.measure_accidents" if measure == "accidents" else "accidents.measure_deaths", lang)
    return i18n.t("accidents.control_plain", lang, measure=name if lang == "zh" else name.lower(),
                  outside=outside_months(control, lang))


def control_method(control: pd.DataFrame, measure: str, lang: str) -> str:
    """How the limits were set (Poisson for accidents; for deaths the negative binomial with the dispersion φ
    measured on the data): the help popover's text."""
    if measure == "accidents":
        return i18n.t("accidents.control_note", lang)
    dispersion = float(control["dispersion"].iloc[0]) if len(control) else 1.0
    return i18n.t("accidents.control_note_deaths", lang, phi=f"{dispersion:.2f}")


# ---------------------------------------------------------------------------------------------- breakdowns


def comparison_frame(frame: pd.DataFrame, names: list[str], measure: str) -> pd.DataFrame:
    """name, current, previous for the comparison bars."""
    previous = "previous_accidents" if measure == "accidents" else "previous_deaths_incl_missing"
    return pd.DataFrame({"name": names, "current": frame[measure].to_numpy(), "previous": frame[previous].to_numpy()})


def reference_names(frame: pd.DataFrame, lang: str) -> list[str]:
    return [en if lang == "en" and en else zh for zh, en in zip(frame["name_zh"], frame["name_en"])]


def region_names(frame: pd.DataFrame, lang: str) -> list[str]:
    return [i18n.t("accidents.direct", lang, name=n) if direct else n
            for n, direct in zip(frame["name"], frame["is_direct"])]


def region_chain(regions: pd.DataFrame, code: str) -> list[str]:
    """The codes from the city down to ``code`` (city, county, township): what the sidebar's region selects
    must hold for the filters to be ``code``."""
    parent = {c: (None if pd.isna(p) else p) for c, p in zip(regions["region_code"], regions["parent_code"])}
    chain = [code]
    while parent.get(chain[0]) is not None and len(chain) < 10:
        chain.insert(0, parent[chain[0]])
    return chain


def clicked_region(points: list[dict[str, Any]], frame: pd.DataFrame) -> str | None:
    """The region a click on the region bars chose: a region below the current one (bars carry its code as
    customdata); None for a click on the current region's own row or on nothing."""
    below = set(frame.loc[~frame["is_direct"], "region_code"])
    for point in points:
        data = point.get("customdata")
        code = data[0] if isinstance(data, (list, tuple)) and data else data
        if code in below:
            return code
    return None


def breakdown_table(frame: pd.DataFrame, names: list[str], lang: str) -> pd.DataFrame:
    """This period, last year and 同比 for accidents and deaths, one row per category."""
    return pd.DataFrame({
        i18n.t("accidents.col_name", lang): names,
        i18n.t("accidents.col_accidents", lang): frame["accidents"].to_numpy(),
        i18n.t("accidents.col_previous_accidents", lang): frame["previous_accidents"].to_numpy(),
        i18n.t("accidents.col_accidents_yoy", lang): [i18n.signed_pct(change_pct(a, b)) for a, b in
                                                      zip(frame["accidents"], frame["previous_accidents"])],
        i18n.t("accidents.col_deaths", lang): frame["deaths_incl_missing"].to_numpy(),
        i18n.t("accidents.col_previous_deaths", lang): frame["previous_deaths_incl_missing"].to_numpy(),
        i18n.t("accidents.col_deaths_yoy", lang): [i18n.signed_pct(change_pct(a, b)) for a, b in
                                                   zip(frame["deaths_incl_missing"],
                                                       frame["previous_deaths_incl_missing"])],
    })


def class_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The accidents by statistical class (``metrics.classes.accidents_by_class``) as the breakdown table: a
    subclass indented under its class, 道路运输企业 last and apart (docs/rules.md#statistical-classes)."""
    names = [("\u3000" * int(depth) if depth > 1 else "") + i18n.enum_name("stat_line", line, lang)
             for line, depth in zip(frame["line"], frame["depth"])]
    table = breakdown_table(frame, names, lang)
    return table.rename(columns={i18n.t("accidents.col_name", lang): i18n.t("classes.col_name", lang)})


def class_trend_frame(frame: pd.DataFrame, measure: str, filters: Filters, lang: str) -> tuple[pd.DataFrame, list[str]]:
    """The monthly counts per statistical class (``metrics.classes.accidents_by_class_and_month``) as the chart's
    wide frame: ``label`` (a month; the first cut by the period's start says from which day, the last cut by its
    end up to which day) and one column per class with a count in the period, named in ``lang``, in the
    classes' order; and the names of the classes at 0 (not drawn, said under the chart)."""
    months = list(dict.fromkeys(frame["month_start"]))
    labels = [_month_label(m, lang) for m in months]
    if len(labels) > 1 and filters.start.day != 1:
        labels[0] += i18n.t("accidents.from_day", lang, day=filters.start.day)
    if len(labels) > 1 and filters.end != _bucket_end(filters.end, "month"):
        labels[-1] += i18n.t("accidents.partial_day", lang, day=filters.end.day)
    wide = pd.DataFrame({"label": labels})
    zero = []
    for stat_class in dict.fromkeys(frame["stat_class"]):
        values = frame.loc[frame["stat_class"] == stat_class, measure].to_numpy()
        name = i18n.enum_name("stat_line", stat_class, lang)
        if values.sum():
            wide[name] = values
        else:
            zero.append(name)
    return wide, zero


def class_trend_note(frame: pd.DataFrame, measure: str, filters: Filters, lang: str) -> str:
    """What the class trend counts, and the classes left out because they are at 0 in the period."""
    zero = class_trend_frame(frame, measure, filters, lang)[1]
    note = i18n.t("accidents.class_trend_note", lang, measure=measure_name(measure, lang))
    if zero:
        note += ("" if lang == "zh" else " ") + i18n.t("accidents.class_trend_zero", lang,
                                                       names=("、" if lang == "zh" else ", ").join(zero))
    return note


def grade_frame(summary: dict[str, Any], lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        "name": [i18n.enum_name("grade", g, lang) for g in GRADE_KEYS],
        "current": [summary["by_grade"][g] for g in GRADE_KEYS],
        "previous": [summary["previous"]["by_grade"][g] for g in GRADE_KEYS],
    })


def weekday_labels(lang: str) -> list[str]:
    return i18n.lines("accidents.weekdays", lang)


def hour_note(hours: pd.DataFrame, accidents_in_period: int, lang: str) -> str:
    known = int(hours["accidents"].sum())
    return i18n.t("accidents.hour_note", lang, known=known, unknown=accidents_in_period - known)


# ---------------------------------------------------------------------------------------------- records


def _when(stamp: Any, has_time: bool, lang: str) -> str:
    stamp = pd.Timestamp(stamp)
    day = i18n.day(stamp.date(), lang)
    return f"{day} {stamp:%H:%M}" if has_time else f"{day}{i18n.t('accidents.time_unknown', lang)}"


def _place(region: str, parent: str | None, lang: str) -> str:
    if not parent:
        return region
    return f"{parent}{region}" if lang == "zh" else f"{region}, {parent}"


def of_missing(missing: Any, lang: str, cell: bool = False) -> str:
    """"，其中失踪2人" after a death count when some of the dead are missing; nothing when none is."""
    count = int(missing)
    return i18n.t("accidents.of_missing_cell" if cell else "accidents.of_missing", lang, missing=f"{count:,}") \
        if count else ""


def casualties(frame: pd.DataFrame, lang: str) -> list[str]:
    """Each listed accident's deaths (incl. missing), missing, serious injuries and direct loss in one cell with
    their units: four numeric columns with long headers pushed the list past the page's right edge at 1366 px
    (issue 17 item 7); the record below the list keeps each in its own field."""
    return [i18n.t("accidents.casualties", lang, deaths=f"{int(d):,}", of_missing=of_missing(m, lang),
                   serious=f"{int(s):,}", loss=f"{float(x):,.2f}")
            for d, m, s, x in zip(frame["deaths_incl_missing"], frame["missing"], frame["serious_injuries"],
                                  frame["direct_loss_wan"])]


def larger_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The 较大及以上 list as shown: one row per accident, the grade and the criterion that set it first (a wide
    table is cut off on the right)."""
    zh = lang == "zh"
    return pd.DataFrame({
        i18n.t("accidents.col_id", lang): frame["accident_id"].to_numpy(),
        i18n.t("accidents.col_when", lang): [_when(s, t, lang) for s, t in zip(frame["occurred_at"], frame["has_time"])],
        i18n.t("accidents.col_region", lang): [_place(r, p, lang) for r, p in
                                               zip(frame["region_name"], frame["parent_region_name"])],
        i18n.t("accidents.col_grade_basis", lang): [grade_words(g, c, lang)
                                                    for g, c in zip(frame["grade"], frame["grade_criterion"])],
        i18n.t("accidents.col_casualties", lang): casualties(frame, lang),
        i18n.t("accidents.col_enterprise", lang): [n if isinstance(n, str) else i18n.t("accidents.no_enterprise", lang)
                                                   for n in frame["enterprise_name"]],
        i18n.t("accidents.col_sector_type", lang): sector_and_type(frame, lang),
    })


# The two accident lists keep to seven columns, so that they fit the page at 1024 px beside the sidebar (issue 17
# item 7): the grade with what set it, and the sector with the accident's type, share a cell each (as in the record).
def grade_words(grade: Any, criterion: Any, lang: str) -> str:
    """较大（死亡（含失踪））: the grade and the criterion that set it, as the record card writes it."""
    words = i18n.enum_name("grade", grade, lang)
    if criterion is None or (not isinstance(criterion, str) and pd.isna(criterion)):
        return words
    named = i18n.enum_name("grade_criterion", criterion, lang)
    return f"{words}（{named}）" if lang == "zh" else f"{words} ({named})"


def sector_and_type(frame: pd.DataFrame, lang: str) -> list[str]:
    """工贸，其他爆炸: each accident's sector and type in one cell."""
    zh = lang == "zh"
    sep = "，" if zh else "; "
    return [f"{s}{sep}{t}" for s, t in
            zip(frame["industry_name_zh" if zh else "industry_name_en"],
                frame["accident_type_name_zh" if zh else "accident_type_name_en"])]


def larger_risk_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The 较大涉险 list as shown: one row per accident, the counts behind the flag and the thresholds it met."""
    zh = lang == "zh"

    def count(value: Any) -> str:
        return i18n.DASH if value is None or pd.isna(value) else f"{int(value):,}"

    def people(value: Any) -> str:
        known = count(value)
        return known if known == i18n.DASH or not zh else f"{known}人"

    sep = "、" if zh else "; "
    criteria = [sep.join(i18n.t(f"accidents.risk_{name}", lang) for name, met in
                         (("endangered", e), ("trapped", t), ("evacuated", v)) if met)
                for e, t, v in zip(frame["is_endangered"], frame["is_trapped"], frame["is_evacuated"])]
    # what makes it 较大涉险 comes first: a wide table is cut off on the right
    return pd.DataFrame({
        i18n.t("accidents.col_id", lang): frame["accident_id"].to_numpy(),
        i18n.t("accidents.col_when", lang): [_when(s, t, lang) for s, t in zip(frame["occurred_at"], frame["has_time"])],
        i18n.t("accidents.col_region", lang): [_place(r, p, lang) for r, p in
                                               zip(frame["region_name"], frame["parent_region_name"])],
        i18n.t("accidents.col_risk_criteria", lang): criteria,
        i18n.t("accidents.col_involved_deaths", lang): [
            i18n.t("accidents.involved_deaths", lang,
                   involved=i18n.t("accidents.involved", lang, endangered=people(e), trapped=people(t),
                                   evacuated=people(v)),
                   deaths=i18n.t("accidents.deaths_cell", lang, deaths=f"{int(d):,}",
                                 of_missing=of_missing(m, lang, cell=True)))
            for e, t, v, d, m in zip(frame["endangered"], frame["trapped"], frame["evacuated"],
                                     frame["deaths_incl_missing"], frame["missing"])],
        i18n.t("accidents.col_enterprise", lang): [n if isinstance(n, str) else i18n.t("accidents.no_enterprise", lang)
                                                   for n in frame["enterprise_name"]],
        i18n.t("accidents.col_sector_type", lang): sector_and_type(frame, lang),
    })


def larger_risk_scope(filters: Filters, where: Scope, lang: str) -> str:
    return i18n.t("accidents.risk_involved_scope", lang, period=_period(filters, lang), region=where.region,
                  sector=where.sector)


def late_report_words(record: dict[str, Any], late_hours: float, lang: str) -> str:
    """迟报 on the record card, judged as the township assessment judges it (docs/township-assessment.md): late
    when reported more than ``late_hours`` (setting assessment_late_report_hours) after it happened; not judged
    without the report time or the hour it happened (``has_time``)."""
    reported = record.get("reported_at")
    if reported is None:
        return i18n.t("accidents.late_no_report", lang)
    if not record.get("has_time"):
        return i18n.t("accidents.late_no_time", lang)
    seconds = int((pd.Timestamp(reported) - pd.Timestamp(record["occurred_at"])).total_seconds())
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    delay = i18n.t("accidents.delay_s" if s else "accidents.delay", lang, h=h, m=m, s=s)
    limit = i18n.t("accidents.hours", lang, n=f"{late_hours:g}")
    late = seconds > late_hours * 3600
    return i18n.t("accidents.late_yes" if late else "accidents.late_no", lang, delay=delay, limit=limit)


def record_fields(record: dict[str, Any], lang: str, late_hours: float = 1.0) -> list[tuple[str, str]]:
    """The accident's record as (label, value) pairs for the detail panel; ``late_hours``: the 迟报 limit."""
    zh = lang == "zh"

    def text(value: Any) -> str:
        return i18n.DASH if value is None else str(value)

    closed = record.get("closed_on")
    reported = record.get("reported_at")
    criterion = record.get("grade_criterion")
    grade = i18n.enum_name("grade", record["grade"], lang)
    if criterion:
        grade += f"（{i18n.enum_name('grade_criterion', criterion, lang)}）" if zh else \
            f" ({i18n.enum_name('grade_criterion', criterion, lang)})"
    return [
        (i18n.t("accidents.col_when", lang), _when(record["occurred_at"], bool(record["has_time"]), lang)),
        (i18n.t("accidents.col_region", lang), _place(record["region_name"], record.get("parent_region_name"), lang)),
        (i18n.t("accidents.col_enterprise", lang), record.get("enterprise_name") or i18n.t("accidents.no_enterprise", lang)),
        (i18n.t("accidents.col_sector", lang), record["industry_name_zh" if zh else "industry_name_en"]),
        (i18n.t("accidents.col_type", lang), record["accident_type_name_zh" if zh else "accident_type_name_en"]),
        (i18n.t("accidents.col_grade", lang), grade),
        (i18n.t("accidents.col_deaths_short", lang), f"{record['deaths_incl_missing']}"),
        (i18n.t("accidents.col_missing", lang), f"{record['missing']}"),
        (i18n.t("accidents.col_serious", lang), f"{record['serious_injuries']}"),
        (i18n.t("accidents.field_minor", lang), f"{record['minor_injuries']}"),
        (i18n.t("accidents.col_loss", lang), f"{float(record['direct_loss_wan']):,.2f}"),
        (i18n.t("accidents.field_risk_involved", lang),
         i18n.t("accidents.yes" if record.get("is_larger_risk_involved") else "accidents.no", lang)),
        (i18n.t("accidents.field_reported", lang), i18n.DASH if reported is None else f"{pd.Timestamp(reported):%Y-%m-%d %H:%M}"),
        (i18n.t("accidents.field_late", lang), late_report_words(record, late_hours, lang)),
        (i18n.t("accidents.field_nature", lang), i18n.t(f"accidents.nature.{record.get('nature') or 'pending'}", lang)),
        (i18n.t("accidents.field_concealed", lang), i18n.t("accidents.yes" if record.get("concealed") else "accidents.no", lang)),
        (i18n.t("accidents.field_falsely", lang),
         i18n.t("accidents.yes" if record.get("falsely_reported") else "accidents.no", lang)),
        (i18n.t("accidents.field_closed", lang), i18n.DASH if closed is None else f"{pd.Timestamp(closed):%Y-%m-%d}"),
        (i18n.t("accidents.field_summary", lang), text(record.get("summary"))),
    ]


# ---------------------------------------------------------------------------------------------- rates


def rate_cards(rates: dict[str, dict[str, Any]], lang: str) -> tuple[Kpi, ...]:
    cards = []
    for key, item in rates.items():
        value = i18n.DASH if item["rate"] is None else f"{item['rate']:.3f}"
        den = i18n.DASH if item["denominator"] is None else f"{item['denominator']:,.2f}".rstrip("0").rstrip(".")
        cards.append(Kpi(key, i18n.t(f"accidents.rate_{key}", lang), value,
                         i18n.t(f"accidents.rate_{key}_help", lang, deaths=item["deaths"], den=den)))
    return tuple(cards)


def rates_scope(filters: Filters, where: Scope, lang: str) -> str:
    """What the rates divide, and for a period other than a whole calendar year, that no rate is computed."""
    text = i18n.t("accidents.rates_scope", lang, period=_period(filters, lang), region=where.region,
                  year=filters.end.year)
    if not acc.is_whole_year(filters):
        text += " · " + i18n.t("accidents.rates_part_year", lang, period=_period(filters, lang))
    return text


# ---------------------------------------------------------------------------------------------- figures


def title(measure: str, filters: Filters, where: Scope, lang: str, start: date | None = None) -> str:
    shown = replace(filters, start=start) if start is not None and start <= filters.end else filters
    return charts.chart_title(measure, shown, where.region, lang, as_of=where.data_day)


def trend_figure(months: pd.DataFrame, grain: str, measure: str, filters: Filters, where: Scope,
                 lang: str) -> go.Figure | None:
    frame = trend_frame(months, grain, measure, filters.end, lang)
    covered = _covered(months)
    first = covered["month_start"].iloc[-acc.TREND_MONTHS] if grain == "month" and len(covered) >= acc.TREND_MONTHS \
        else (covered["month_start"].iloc[0] if len(covered) else filters.start)
    if grain == "quarter":
        first = first.replace(month=(first.month - 1) // 3 * 3 + 1)
    elif grain == "year":
        first = first.replace(month=1)
    name = i18n.t("accidents.trend_title", lang, measure=measure_name(measure, lang),
                  grain=i18n.t(f"accidents.grain_{grain}", lang))
    return pictures.trend_bars(frame, title(name, filters, where, lang, start=first), unit(measure, lang), lang)


def cumulative_figure(months: pd.DataFrame, measure: str, filters: Filters, where: Scope, target: int | None,
                      lang: str) -> go.Figure | None:
    frame = cumulative_frame(months, measure, filters.end)
    name = i18n.t("accidents.cumulative_title", lang, measure=measure_name(measure, lang))
    start = date(filters.end.year - 1, 1, 1)
    return pictures.cumulative_lines(frame, title(name, filters, where, lang, start=start), unit(measure, lang),
                                     filters.end.year, target if measure == "deaths_incl_missing" else None, lang)


def control_figure(control: pd.DataFrame, filters: Filters, where: Scope, lang: str,
                   measure: str = "accidents") -> go.Figure | None:
    start = control["month_start"].iloc[0] if len(control) else filters.start
    name = i18n.t("accidents.control_title", lang, measure=measure_name(measure, lang))
    return pictures.control_chart(control, title(name, filters, where, lang, start=start), unit(measure, lang),
                                  measure_name(measure, lang), lang)


def comparison_figure(frame: pd.DataFrame, names: list[str], measure: str, heading_key: str, filters: Filters,
                      where: Scope, lang: str, keys: list[str] | None = None) -> go.Figure | None:
    """``keys`` (e.g. region codes) ride on the bars as customdata, so that a click says which one."""
    name = f"{measure_name(measure, lang)} {i18n.t(heading_key, lang)}"
    shown = comparison_frame(frame, names, measure)
    if keys is not None:
        shown["key"] = keys
    return pictures.comparison_bars(shown, title(name, filters, where, lang), unit(measure, lang), lang)


def class_trend_figure(frame: pd.DataFrame, measure: str, filters: Filters, where: Scope,
                       lang: str) -> go.Figure | None:
    """One line per statistical class, month by month over the period (``class_trend_frame``)."""
    wide, _zero = class_trend_frame(frame, measure, filters, lang)
    name = i18n.t("accidents.class_trend_title", lang, measure=measure_name(measure, lang))
    return pictures.class_lines(wide, title(name, filters, where, lang), unit(measure, lang), lang)


def grade_figure(summary: dict[str, Any], filters: Filters, where: Scope, lang: str) -> go.Figure | None:
    name = f"{measure_name('accidents', lang)} {i18n.t('accidents.by_grade', lang)}"
    return pictures.comparison_bars(grade_frame(summary, lang), title(name, filters, where, lang),
                                    unit("accidents", lang), lang)


def weekday_figure(weekdays: pd.DataFrame, filters: Filters, where: Scope, lang: str) -> go.Figure | None:
    name = f"{measure_name('accidents', lang)} {i18n.t('accidents.by_weekday', lang)}"
    return pictures.count_bars(weekday_labels(lang), weekdays["accidents"].tolist(), title(name, filters, where, lang),
                               unit("accidents", lang), i18n.t("accidents.weekday_axis", lang))


def hour_figure(hours: pd.DataFrame, filters: Filters, where: Scope, lang: str) -> go.Figure | None:
    name = f"{measure_name('accidents', lang)} {i18n.t('accidents.by_hour', lang)}"
    return pictures.count_bars([f"{h}" for h in hours["hour"]], hours["accidents"].tolist(),
                               title(name, filters, where, lang), unit("accidents", lang),
                               i18n.t("accidents.hour_axis", lang))





# ---------------------------------------------------------------------------------------------- scopes


def trend_scope(filters: Filters, where: Scope, lang: str) -> str:
    return i18n.t("accidents.trend_scope", lang, end=i18n.day(filters.end, lang), region=where.region,
                  sector=where.sector, as_of=where.data_as_of)


def breakdown_scope(filters: Filters, where: Scope, lang: str) -> str:
    return i18n.t("accidents.breakdown_scope", lang, period=_period(filters, lang),
                  previous=_period(filters.previous_year(), lang), region=where.region, sector=where.sector,
                  as_of=where.data_as_of)


def closing_scope(filters: Filters, where: Scope, lang: str, days: int) -> str:
    """What the 结案 figures count (issue 18): the period's accidents closed by the as-of day, and every open
    case past the investigation deadline on that day."""
    return i18n.t("accidents.closing_scope", lang, period=_period(filters, lang), region=where.region,
                  sector=where.sector, days=days, as_of=i18n.day(filters.as_of, lang))


def closing_cards(figures: dict[str, Any], lang: str) -> tuple[Kpi, ...]:
    """结案率, closed of the period's accidents, open past the deadline (period) and open past it (stock)."""
    rate_text = i18n.pct(figures["closed_rate"])
    return (
        Kpi("closed_rate", i18n.t("accidents.closed_rate", lang), rate_text,
            i18n.t("accidents.closed_rate_help", lang, closed=figures["closed"], accidents=figures["accidents"])),
        Kpi("open", i18n.t("accidents.open_cases", lang), str(figures["open"]),
            i18n.t("accidents.open_cases_help", lang)),
        Kpi("open_overdue", i18n.t("accidents.open_overdue", lang), str(figures["open_overdue"]),
            i18n.t("accidents.open_overdue_help", lang, days=figures["investigation_days"])),
        Kpi("open_overdue_stock", i18n.t("accidents.open_overdue_stock", lang), str(figures["open_overdue_stock"]),
            i18n.t("accidents.open_overdue_stock_help", lang, days=figures["investigation_days"])),
    )


def four_measures_card(figures: dict[str, Any], lang: str) -> Kpi:
    """结案事故四不放过落实: closed cases with all four measures done ÷ closed cases; "—" with no closed case."""
    return Kpi("four_measures", i18n.t("accidents.four_measures", lang), i18n.pct(figures["all_four_rate"]),
               i18n.t("accidents.four_measures_help", lang, done=figures["all_four"], closed=figures["closed"]))


# the four measures of 四不放过 in the order of docs/rules.md#accident-grades: (flag, day, note) columns
FOUR_MEASURES = (("cause_found", "cause_found_on", "cause_note"),
                 ("responsible_dealt", "responsible_dealt_on", "responsible_note"),
                 ("measures_taken", "measures_taken_on", "measures_note"),
                 ("people_educated", "people_educated_on", "educated_note"))


def measures_fields(measures: dict[str, Any] | None, lang: str) -> list[tuple[str, str]]:
    """The accident's 四不放过 as (label, value) pairs for its record card: 是（day）：note, 否, or 未填报 when no row
    is recorded for it."""
    sep = "：" if lang == "zh" else ": "
    fields = []
    for flag, day, note in FOUR_MEASURES:
        label = i18n.t(f"accidents.measure.{flag}", lang)
        if measures is None:
            fields.append((label, i18n.t("accidents.measure_none", lang)))
            continue
        if measures.get(flag):
            done_on = measures.get(day)
            value = (i18n.t("accidents.measure_done", lang) if done_on is None else
                     i18n.t("accidents.measure_done_on", lang, day=i18n.day(pd.Timestamp(done_on).date(), lang)))
        else:
            value = i18n.t("accidents.measure_not_done", lang)
        text = measures.get(note)
        fields.append((label, value + (sep + str(text) if text else "")))
    return fields


def overdue_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The open investigations past their deadline: accident, day, deadline, days open, place, grade."""
    def day(value: Any) -> str:
        return i18n.day(pd.Timestamp(value).date(), lang)

    return pd.DataFrame({
        i18n.t("accidents.col_id", lang): frame["accident_id"],
        i18n.t("accidents.col.occurred_on", lang): [day(d) for d in frame["occurred_on"]],
        i18n.t("accidents.col.deadline", lang): [day(d) for d in frame["deadline"]],
        i18n.t("accidents.col.days_open", lang): [int(n) for n in frame["days_open"]],
        i18n.t("accidents.col.place", lang): [f"{p} {r}" if isinstance(p, str) else r
                                              for p, r in zip(frame["parent_region_name"], frame["region_name"])],
        i18n.t("accidents.col_deaths_short", lang): [int(n) for n in frame["deaths_incl_missing"]],
        i18n.t("accidents.col_grade", lang): [i18n.enum_name("grade", g, lang) for g in frame["grade"]],
    })


def larger_scope(filters: Filters, where: Scope, lang: str) -> str:
    return i18n.t("accidents.larger_scope", lang, period=_period(filters, lang), region=where.region,
                  sector=where.sector)
