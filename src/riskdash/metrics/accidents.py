"""Accident trends (事故趋势): one function per ``sql/accidents/*.sql`` file, the year-end projection of deaths
against the control target, and the tests that say whether a 同比 change is beyond chance.

The KPI row itself is ``metrics.accidents_summary`` (the same function as ``riskdash metrics accidents``), so
the screen and the command line cannot disagree.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass, replace
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import duckdb

from riskdash import db
from riskdash.filters import Filters
from riskdash.metrics.core import accident_totals, change_pct, death_target, rate, round_pct
from riskdash.metrics.exact import binomial_two_sided_p, nbinom_ppf, sign_flip_two_sided_p

if TYPE_CHECKING:  # pandas and numpy load where a frame is made: `riskdash metrics accidents` needs neither
    import pandas as pd

# how far back the monthly history reaches: the trend (24 months shown), the 12-month rolling line and the
# seasonal baseline (the same month of the 3 years before) all need earlier months
HISTORY_YEARS = 5
TREND_MONTHS = 24
SEASON_BASELINE_YEARS = 3
# the year-end projection adds the average of this many earlier years' deaths after the same day
PROJECTION_BASELINE_YEARS = 3
# a change is called beyond normal fluctuation when its two-sided p-value is below this
ALPHA = 0.05
# months outside the central 99 % of the count predicted from the same month of earlier years are marked
# (see seasonal_control_limits)
CONTROL_LEVEL = 0.99


def _params(filters: Filters) -> dict[str, Any]:
    previous = filters.previous_year()
    return {**filters.params(), "previous_start": previous.start, "previous_end": previous.end}


def _ints(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    for column in columns:
        frame[column] = frame[column].astype("int64")
    return frame


# ---------------------------------------------------------------------------------------------- KPI row


def kpi_totals(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, Any]:
    """``riskdash metrics accidents`` for the filters (同比, ``mom``, ``target``), and for a period within one
    month every count of the same days of the previous month (``previous_month``, for 环比 on each KPI card;
    the period of ``summary["mom"]``), else None."""
    earlier = same_days_previous_month(filters)
    return {
        "summary": accidents_summary(con, filters),
        "previous_month": accident_totals(con, earlier) if earlier else None,
    }


def same_days_previous_month(filters: Filters) -> Filters | None:
    """环比's comparison period: the same day numbers of the previous month when the period lies in one calendar
    month (1–28 November → 1–28 October), a day past that month's end clipped to it (1–31 March → 1–28
    February); None for a period across months."""
    if (filters.start.year, filters.start.month) != (filters.end.year, filters.end.month):
        return None
    year, month = (filters.start.year - 1, 12) if filters.start.month == 1 else (filters.start.year,
                                                                                  filters.start.month - 1)
    last = calendar.monthrange(year, month)[1]
    return replace(filters, start=date(year, month, min(filters.start.day, last)),
                   end=date(year, month, min(filters.end.day, last)))


def accidents_mom(con: duckdb.DuckDBPyConnection, filters: Filters,
                  current: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """``mom`` of ``metrics accidents``: the period against the same days of the previous month, or None when
    the period is not within one month. ``mom_pct`` = (this − then) ÷ then × 100, None where then is 0;
    deaths compare 死亡（含失踪）. ``current``: the period's ``accident_totals`` when the caller has them."""
    earlier = same_days_previous_month(filters)
    if earlier is None:
        return None
    current = current or accident_totals(con, filters)
    then = accident_totals(con, earlier)
    return {
        "from": earlier.start,
        "to": earlier.end,
        "accidents": then["accidents"],
        "deaths_incl_missing": then["deaths_incl_missing"],
        "mom_pct": {
            "accidents": change_pct(current["accidents"], then["accidents"]),
            "deaths": change_pct(current["deaths_incl_missing"], then["deaths_incl_missing"]),
        },
    }


def time_elapsed(day: date) -> Fraction:
    """时间进度: the days from 1 January to ``day`` (both included) over the days of its year."""
    return Fraction(day.timetuple().tm_yday, 366 if calendar.isleap(day.year) else 365)


def target_progress(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, Any] | None:
    """``target`` of ``metrics accidents``: deaths (含失踪) from 1 January of the period's end year to its end
    against the year's control target for the region, beside 时间进度; None where no target is set.

    The target is the region's total (控制指标 on all deaths), so every sector counts whatever ``--industry``
    says, as in the year-end projection. ``used_pct`` is None for a target of 0 (no base). The result also
    carries ``deaths_incl_missing`` (the deaths counted) for the texts; the command line leaves it out."""
    max_deaths = death_target(con, filters)
    if max_deaths is None:
        return None
    year_to_date = replace(filters, start=date(filters.end.year, 1, 1), industry=None)
    deaths = accident_totals(con, year_to_date)["deaths_incl_missing"]
    return {
        "year": filters.end.year,
        "max_deaths": max_deaths,
        "used_pct": round_pct(Fraction(deaths * 100, max_deaths)) if max_deaths else None,
        "time_elapsed_pct": round_pct(time_elapsed(filters.end) * 100),
        "deaths_incl_missing": deaths,
    }


# ---------------------------------------------------------------------------------------------- trends


def history_start(filters: Filters) -> date:
    return date(filters.end.year - HISTORY_YEARS, 1, 1)


def accidents_by_month(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Every month from January five years before the period's end to its end (the start is not used)."""
    import pandas as pd

    frame = db.query(con, "accidents/accidents_by_month", **filters.params(), history_start=history_start(filters))
    frame["month_start"] = pd.to_datetime(frame["month_start"]).dt.date
    frame["direct_loss_wan"] = frame["direct_loss_wan"].astype(float)
    frame["is_covered"] = frame["is_covered"].astype(bool)
    return _ints(frame, ["accidents", "deaths_incl_missing", "deaths_incl_missing_squared", "serious_injuries",
                         "larger_and_above"])


def death_dispersion(months: pd.DataFrame) -> float:
    """How much deaths cluster within accidents: φ = Σ deaths² ÷ Σ deaths over the accidents of the covered
    months (deaths incl. missing per accident). With accidents Poisson and deaths per accident drawn
    independently, a month's deaths have variance φ × mean (compound Poisson); φ = 1 when every accident with
    deaths has exactly one, and is larger the more deaths come several to an accident."""
    covered = months[months["is_covered"]]
    deaths = float(covered["deaths_incl_missing"].sum())
    return max(1.0, float(covered["deaths_incl_missing_squared"].sum()) / deaths) if deaths > 0 else 1.0


def _limits(baseline: list[int], fraction: float, dispersion: float) -> tuple[int, int]:
    """The central CONTROL_LEVEL of this month's count, predicted from the same month of ``len(baseline)``
    earlier years, allowing for how little a few years tell: with a Jeffreys prior the yearly rate is
    Gamma(S + ½, k) (S = the baseline's sum, k its years), so the month's count — a ``fraction`` of a month
    when cut short — is negative binomial(S + ½, k / (k + fraction)). A baseline of zeros then still allows a
    few (one accident after three quiet years is no signal). Deaths cluster within accidents: they are
    counted in units of φ (``death_dispersion``), which gives them the compound-Poisson variance φ × mean."""
    tail = (1 - CONTROL_LEVEL) / 2
    years = len(baseline)
    lower, upper = nbinom_ppf([tail, 1 - tail], sum(baseline) / dispersion + 0.5, years / (years + fraction))
    return math.ceil(dispersion * lower), math.floor(dispersion * upper)


def seasonal_control_limits(months: pd.DataFrame, end: date, measure: str = "accidents") -> pd.DataFrame:
    """The last TREND_MONTHS months, each with its seasonal expectation and 99 % limits.

    The expectation of a month is the mean of the same calendar month in the SEASON_BASELINE_YEARS years
    before (only months the data covers; none → no limits), scaled to the days counted in a month cut short
    by the period's end. The limits are those of the count predicted from that baseline (``_limits``):
    Poisson-like for accidents, and for deaths (incl. missing), which cluster within accidents, with the
    compound-Poisson variance φ × mean (``death_dispersion``); ``dispersion`` holds the φ used (1 for
    accidents). Outside the limits = beyond what chance gives.
    """
    import numpy as np
    import pandas as pd

    by_month = {row.month_start: row for row in months.itertuples(index=False)}
    shown = months.tail(TREND_MONTHS)
    dispersion = death_dispersion(months) if measure == "deaths_incl_missing" else 1.0
    rows = []
    for row in shown.itertuples(index=False):
        earlier = [by_month.get(row.month_start.replace(year=row.month_start.year - k))
                   for k in range(1, SEASON_BASELINE_YEARS + 1)]
        earlier = [int(getattr(e, measure)) for e in earlier if e is not None and e.is_covered]
        days = pd.Period(row.month_start, "M").days_in_month
        counted = (end - row.month_start).days + 1 if (row.month_start.year, row.month_start.month) == (
            end.year, end.month) else days
        expected = float(np.mean(earlier)) * counted / days if earlier else None
        lower = upper = None
        if earlier:
            lower, upper = _limits(earlier, counted / days, dispersion)
        value = getattr(row, measure)
        rows.append({
            "month_start": row.month_start,
            measure: value,
            "value": value,
            "expected": expected,
            "lower": lower,
            "upper": upper,
            "is_above": upper is not None and value > upper,
            "is_below": lower is not None and value < lower,
            "is_partial": counted < days,
            "dispersion": dispersion,
        })
    return pd.DataFrame(rows)


def deaths_to_date_by_year(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    import pandas as pd

    frame = db.query(con, "accidents/deaths_to_date_by_year", **{**filters.params(), "industry": None},
                     baseline_years=PROJECTION_BASELINE_YEARS)
    frame["cutoff_on"] = pd.to_datetime(frame["cutoff_on"]).dt.date
    frame["is_covered"] = frame["is_covered"].astype(bool)
    return _ints(frame, ["year", "deaths_to_date", "deaths_rest_of_year"])


@dataclass(frozen=True)
class Projection:
    """Deaths (incl. missing) of the year so far against its control target, and a year-end projection.

    projected = this year's deaths from 1 January to the period's end + the average deaths of the earlier
    years (those the data covers, up to PROJECTION_BASELINE_YEARS) from the day after to 31 December.
    """

    year: int
    cutoff_on: date
    target: int | None
    deaths_to_date: int
    baseline_years: tuple[int, ...]
    baseline_rest_mean: float | None
    projected: float | None

    @property
    def used(self) -> float | None:
        return None if self.target is None else rate(self.deaths_to_date, self.target)

    @property
    def is_over(self) -> bool:
        return self.target is not None and self.deaths_to_date > self.target

    @property
    def is_projected_over(self) -> bool:
        return self.target is not None and self.projected is not None and self.projected > self.target


def death_projection(con: duckdb.DuckDBPyConnection, filters: Filters) -> Projection:
    years = deaths_to_date_by_year(con, filters)
    this_year = years[years["year"] == filters.end.year].iloc[0]
    earlier = years[(years["year"] < filters.end.year) & years["is_covered"]]
    mean = float(earlier["deaths_rest_of_year"].mean()) if len(earlier) else None
    to_date = int(this_year["deaths_to_date"])
    return Projection(
        year=filters.end.year,
        cutoff_on=this_year["cutoff_on"],
        target=death_target(con, filters),
        deaths_to_date=to_date,
        baseline_years=tuple(int(y) for y in earlier["year"]),
        baseline_rest_mean=mean,
        projected=None if mean is None else to_date + mean,
    )


# ---------------------------------------------------------------------------------------------- honest change


def deaths_per_accident(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    frame = db.query(con, "accidents/deaths_per_accident", **_params(filters))
    return _ints(frame, ["deaths_incl_missing", "accidents"])


@dataclass(frozen=True)
class ChangeTest:
    """Is the change from ``previous`` to ``current`` beyond normal year-to-year fluctuation?

    verdict: "up" / "down" (p < ALPHA), "flat" (within normal fluctuation), "none" (nothing in either period).
    """

    measure: str
    current: int
    previous: int
    p_value: float | None
    method: str  # "binomial" (accident counts) or "sign_flip" (deaths, clustered in accidents)

    @property
    def verdict(self) -> str:
        if self.p_value is None:
            return "none"
        if self.p_value >= ALPHA or self.current == self.previous:
            return "flat"
        return "up" if self.current > self.previous else "down"


def count_change_test(current: int, previous: int, current_days: int, previous_days: int) -> ChangeTest:
    """Accidents as Poisson counts: given the total, the current period's share is binomial with
    p = its share of the days (0.5 for periods of equal length) — the exact conditional test."""
    total = current + previous
    if total == 0:
        return ChangeTest("accidents", 0, 0, None, "binomial")
    p = Fraction(current_days, current_days + previous_days)
    return ChangeTest("accidents", current, previous, binomial_two_sided_p(current, total, p), "binomial")


def deaths_change_test(per_accident: pd.DataFrame) -> ChangeTest:
    """Deaths cluster within accidents: one accident with 5 deaths is one event, not five.

    Under no change each accident of either period was as likely to fall in one as in the other; the test
    puts each accident with deaths in one period or the other, every way there is (the exact sign-flip test of
    the deaths signed + for this period, − for last year's: ``exact.sign_flip_two_sided_p``), and gives the
    share of them with a difference in deaths at least as large as seen. With one death per accident it is the
    binomial test of the accident counts (for periods of equal length).
    """
    import numpy as np

    current_rows = per_accident[per_accident["period"] == "current"]
    previous_rows = per_accident[per_accident["period"] == "previous"]
    current = int((current_rows["deaths_incl_missing"] * current_rows["accidents"]).sum())
    previous = int((previous_rows["deaths_incl_missing"] * previous_rows["accidents"]).sum())
    if current + previous == 0:
        return ChangeTest("deaths", 0, 0, None, "sign_flip")
    signed = np.concatenate([
        np.repeat(current_rows["deaths_incl_missing"].to_numpy(), current_rows["accidents"].to_numpy()),
        -np.repeat(previous_rows["deaths_incl_missing"].to_numpy(), previous_rows["accidents"].to_numpy()),
    ]).astype("int64")
    signed = signed[signed != 0]  # accidents without deaths carry no information on deaths
    return ChangeTest("deaths", current, previous, sign_flip_two_sided_p(signed), "sign_flip")


def change_tests(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, ChangeTest]:
    """同比 of accidents and of deaths (incl. missing), each with its test."""
    per_accident = deaths_per_accident(con, filters)
    previous = filters.previous_year()
    current_count = int(per_accident.loc[per_accident["period"] == "current", "accidents"].sum())
    previous_count = int(per_accident.loc[per_accident["period"] == "previous", "accidents"].sum())
    return {
        "accidents": count_change_test(current_count, previous_count, (filters.end - filters.start).days + 1,
                                       (previous.end - previous.start).days + 1),
        "deaths": deaths_change_test(per_accident),
    }


# ---------------------------------------------------------------------------------------------- breakdowns

_COMPARED = ["accidents", "deaths_incl_missing", "previous_accidents", "previous_deaths_incl_missing"]


def accidents_by_sector(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    return _ints(db.query(con, "accidents/accidents_by_sector", **_params(filters)), _COMPARED)


def accidents_by_type(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    return _ints(db.query(con, "accidents/accidents_by_type", **_params(filters)), _COMPARED)


def accidents_by_region(con: duckdb.DuckDBPyConnection, filters: Filters, parent: str | None = None) -> pd.DataFrame:
    """Regions one level below ``parent`` (the filtered region when None; a county chosen to drill down)."""
    params = _params(filters if parent is None else filters.confined_to(parent))
    frame = db.query(con, "accidents/accidents_by_region", **params)
    frame["is_direct"] = frame["is_direct"].astype(bool)
    return _ints(frame, _COMPARED)


def accidents_by_weekday(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    return _ints(db.query(con, "accidents/accidents_by_weekday", **filters.params()),
                 ["weekday", "accidents", "deaths_incl_missing"])


def accidents_by_hour(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    return _ints(db.query(con, "accidents/accidents_by_hour", **filters.params()),
                 ["hour", "accidents", "deaths_incl_missing"])


# ---------------------------------------------------------------------------------------------- records


def larger_and_above_list(con: duckdb.DuckDBPyConnection, filters: Filters,
                          department: str | None = None) -> pd.DataFrame:
    """较大及以上 accidents of the period; with ``department``, of that 行业主管部门's sectors only (issue 18)."""
    # imported here: metrics.departments loads pandas, which `riskdash metrics accidents` does not
    from riskdash.metrics.departments import department_filter

    frame = db.query(con, "accidents/larger_and_above_list", **filters.params(),
                     **department_filter(con, department))
    frame["direct_loss_wan"] = frame["direct_loss_wan"].astype(float)
    return frame


def larger_risk_involved_list(con: duckdb.DuckDBPyConnection, filters: Filters,
                              department: str | None = None) -> pd.DataFrame:
    """较大涉险 accidents of the period: below 较大, but with many endangered, trapped or evacuated; with
    ``department``, of that 行业主管部门's sectors only (issue 18)."""
    # imported here: metrics.departments loads pandas, which `riskdash metrics accidents` does not
    from riskdash.metrics.departments import department_filter

    frame = db.query(con, "accidents/larger_risk_involved_list", **filters.params(),
                     **department_filter(con, department))
    frame["direct_loss_wan"] = frame["direct_loss_wan"].astype(float)
    for column in ("is_endangered", "is_trapped", "is_evacuated", "has_time"):
        frame[column] = frame[column].astype(bool)
    return frame


# ---------------------------------------------------------------------------------------------- 结案 (issue 18)

INVESTIGATION_DAYS_KEY = "accident_investigation_days"


def investigation_days(con: duckdb.DuckDBPyConnection) -> int:
    """Days an investigation has before it is overdue (setting accident_investigation_days; 493号令 Art. 29:
    the report within 60 days of the accident), from the settings table or its documented default."""
    from riskdash import reference

    frame = db.query(con, "rectification/setting_value", key=INVESTIGATION_DAYS_KEY)
    text = str(frame.loc[0, "value"]).strip() if not frame.empty else dict(
        (k, v) for k, v, *_ in reference.SETTINGS)[INVESTIGATION_DAYS_KEY]
    if not text.isdigit():
        raise db.RiskdashError(f"setting {INVESTIGATION_DAYS_KEY}: expected a whole number of days, got {text!r}")
    return int(text)


def investigations(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, Any]:
    """结案 figures: the period's accidents, closed (结案) by the as-of day, 结案率 (closed ÷ accidents, None
    with no accident), open, open past the investigation deadline; and the stock open past it on the as-of
    day, whatever year (docs/rules.md)."""
    days = investigation_days(con)
    row = db.query(con, "accidents/investigations", **filters.params(), investigation_days=days).iloc[0]
    figures = {k: int(row[k]) for k in ("accidents", "closed", "open", "open_overdue", "open_overdue_stock")}
    return {**figures, "closed_rate": rate(figures["closed"], figures["accidents"]), "investigation_days": days}


def investigations_overdue(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The accidents still open (not 结案) on the as-of day and past the investigation deadline, oldest first."""
    return db.query(con, "accidents/investigations_overdue", **filters.params(),
                    investigation_days=investigation_days(con))


def four_measures(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, Any]:
    """四不放过 (issue 18): the period's accidents closed by the as-of day, those with all four measures done by
    then (原因查清、责任人处理、整改措施落实、有关人员受到教育), and their share (None with no closed case)."""
    row = db.query(con, "accidents/four_measures", **filters.params()).iloc[0]
    closed, done = int(row["closed"]), int(row["all_four"])
    return {"closed": closed, "all_four": done, "all_four_rate": rate(done, closed)}


def accident_measures(con: duckdb.DuckDBPyConnection, accident_id: str) -> dict[str, Any] | None:
    """The 四不放过 measures recorded for one accident (None when nothing is recorded)."""
    import pandas as pd

    frame = db.query(con, "accidents/accident_measures", accident_id=accident_id)
    if frame.empty:
        return None
    record = frame.iloc[0].to_dict()
    return {k: (None if pd.isna(v) else v) for k, v in record.items()}


def accident_record(con: duckdb.DuckDBPyConnection, accident_id: str) -> dict[str, Any] | None:
    import pandas as pd

    frame = db.query(con, "accidents/accident_record", accident_id=accident_id)
    if frame.empty:
        return None
    record = frame.iloc[0].to_dict()
    return {k: (None if not isinstance(v, (list, tuple)) and pd.isna(v) else v) for k, v in record.items()}


# ---------------------------------------------------------------------------------------------- rates

# indicator -> (numerator column, denominator column, multiplier applied to the denominator's unit)
RATE_INDICATORS = {
    "per_gdp": ("deaths_incl_missing", "gdp_yi", 1),  # per 亿元
    "per_industrial_employed": ("industrial_deaths", "industrial_employed", 1e-5),  # per 10万 people
    "per_vehicles": ("road_deaths", "motor_vehicles", 1e-4),  # per 万 vehicles
    "per_coal_output": ("coal_deaths", "coal_output_wan_t", 1e-2),  # 万吨 → per 百万吨
}


def is_whole_year(filters: Filters) -> bool:
    """The period is one calendar year, 1 January to 31 December: the only span the yearly denominators fit."""
    return filters.start == date(filters.end.year, 1, 1) and filters.end == date(filters.end.year, 12, 31)


def rate_indicators(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, dict[str, Any]]:
    """Deaths in the period over the region's denominators for the period's year; None where none is entered.

    The denominators are entered per year (GDP and coal output of the whole year, employed and vehicles at
    the year's end), so a rate is given for a whole calendar year only: eleven months of deaths over a year's
    GDP understate it. For any other period ``rate`` is None and ``is_whole_year`` False (the screen says so);
    deaths and the denominator are still given."""
    row = db.query_one(con, "accidents/rate_indicators", **filters.params())
    whole_year = is_whole_year(filters)
    result = {}
    for key, (numerator, denominator, unit) in RATE_INDICATORS.items():
        value = row[denominator]
        scaled = None if value is None else float(value) * unit
        result[key] = {
            "deaths": int(row[numerator]),
            "denominator": None if value is None else float(value),
            "rate": None if scaled is None or not whole_year else rate(int(row[numerator]), scaled),
            "is_whole_year": whole_year,
        }
    return result


def accidents_summary(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, Any]:
    """``riskdash metrics accidents``: the period, the same dates one year earlier and 同比, 环比 on the same
    days of the previous month (``mom``, None across months) and the control target with 时间进度 (``target``,
    None without one) — ``accidents_mom`` and ``target_progress`` below."""
    current = accident_totals(con, filters)
    previous = accident_totals(con, filters.previous_year())
    return {
        **current,
        "previous": previous,
        "yoy_pct": {
            "accidents": change_pct(current["accidents"], previous["accidents"]),
            # 同比 of deaths compares the official 死亡（含失踪）
            "deaths": change_pct(current["deaths_incl_missing"], previous["deaths_incl_missing"]),
        },
        "mom": accidents_mom(con, filters, current),
        "target": target_progress(con, filters),
    }
