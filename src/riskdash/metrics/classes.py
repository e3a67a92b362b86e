"""Accidents by statistical class (《生产安全事故统计调查制度》, issue 18) and the control targets per class.

The classes are ``sectors.stat_class`` (工矿商贸, 道路交通, 火灾, 铁路交通, 水上交通, 渔业船舶, 农业机械); 工矿商贸
splits into 煤矿, 金属非金属矿山, 建筑施工, 危险化学品, 烟花爆竹 and 其他 by the accident's sector; 道路交通 and 火灾
split into 经营性 and 非经营性 (``accidents.commercial``; empty: 经营性 when the accident has an enterprise). The line
道路运输 is another object: the accidents of road-transport enterprises (enterprises.industry = road_transport),
shown beside 道路交通, never in its place and never in 合计. docs/rules.md, "Statistical classes".

The control targets (控制指标) are the rows of ``class_targets`` for the region and year: deaths (含失踪) per
class and the number of 较大及以上 accidents (larger_accidents), each counted from 1 January to the period's end over every sector,
and compared with 时间进度 as the total's target is (``metrics.accidents.target_progress``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from fractions import Fraction
from typing import Any

import duckdb
import pandas as pd

from riskdash import db
from riskdash.domain import round_pct
from riskdash.filters import Filters
from riskdash.metrics.accidents import time_elapsed
from riskdash.metrics.core import change_pct

# the lines of the table, in order (sql/accidents/accidents_by_class.sql writes the same list)
CLASS_LINES = (
    "total",
    "industrial", "industrial.coal_mine", "industrial.metal_nonmetal_mine", "industrial.construction",
    "industrial.hazardous_chemicals", "industrial.fireworks", "industrial.other",
    "road_traffic", "road_traffic.commercial", "road_traffic.non_commercial",
    "fire", "fire.commercial", "fire.non_commercial",
    "railway", "waterway", "fishing", "agricultural_machinery",
    "road_transport",
)
# the control targets per class, in order (sql/metrics/class_targets.sql); larger_accidents counts 较大及以上
TARGET_CLASSES = ("industrial", "road_traffic", "fire", "railway", "waterway", "fishing", "agricultural_machinery",
                  "larger_accidents")
COUNTS = ["accidents", "deaths_incl_missing", "previous_accidents", "previous_deaths_incl_missing"]


def accidents_by_class(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """One row per line of CLASS_LINES (depth 0 合计, 1 a class or 道路运输, 2 a subclass): accidents and deaths
    (incl. missing) in the period and the same dates a year earlier, and 同比 of each (None without a base)."""
    previous = filters.previous_year()
    frame = db.query(con, "accidents/accidents_by_class", **filters.params(),
                     previous_start=previous.start, previous_end=previous.end)
    for column in COUNTS:
        frame[column] = frame[column].astype("int64")
    frame["depth"] = frame["depth"].astype("int64")
    # object columns: None (no base, shown "—") stays None rather than NaN
    frame["accidents_yoy_pct"] = pd.Series([change_pct(now, then) for now, then in zip(
        frame["accidents"], frame["previous_accidents"])], index=frame.index, dtype=object)
    frame["deaths_yoy_pct"] = pd.Series([change_pct(now, then) for now, then in zip(
        frame["deaths_incl_missing"], frame["previous_deaths_incl_missing"])], index=frame.index, dtype=object)
    return frame


# the classes of the monthly trend, in order (sql/accidents/accidents_by_class_and_month.sql writes the same list)
MAIN_CLASSES = ("industrial", "road_traffic", "fire", "railway", "waterway", "fishing", "agricultural_machinery")


def accidents_by_class_and_month(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """One row per month of the period (from its start's month to its end's) and class of MAIN_CLASSES, zeros
    included: ``month_start`` (a date), ``stat_class``, ``accidents`` and ``deaths_incl_missing`` that occurred
    inside the period (a month cut by the period's start or end counts only its days inside it)."""
    frame = db.query(con, "accidents/accidents_by_class_and_month", **filters.params())
    for column in ("accidents", "deaths_incl_missing"):
        frame[column] = frame[column].astype("int64")
    frame["month_start"] = pd.to_datetime(frame["month_start"]).dt.date
    return frame


def target_level(target: int, used: int, used_pct: float | None, elapsed_pct: float) -> str:
    """How a target stands: "over" when the count is above it (a target of 0 is exceeded by the first case),
    "ahead" when the share used runs ahead of 时间进度, else "normal" (a target of 0 not reached included)."""
    if used > target:
        return "over"
    if used_pct is not None and used_pct > elapsed_pct:
        return "ahead"
    return "normal"


def class_targets(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[dict[str, Any]]:
    """The control targets set for the region in the period's end year beyond the total's, in TARGET_CLASSES
    order (none when none is set): ``target_class``, ``target``, ``used`` (deaths incl. missing of the class, or 较大及以上
    accidents, from 1 January to the period's end, every sector), ``used_pct`` (None for a target of 0: no
    base, shown "—"), ``time_elapsed_pct`` and ``level`` (target_level)."""
    year_to_date = replace(filters, start=date(filters.end.year, 1, 1), industry=None)
    frame = db.query(con, "metrics/class_targets", **year_to_date.params())
    elapsed = round_pct(time_elapsed(filters.end) * 100)
    out = []
    for item, target, used in zip(frame["target_class"], frame["max_count"], frame["used"]):
        target, used = int(target), int(used)
        used_pct = round_pct(Fraction(used * 100, target)) if target else None
        out.append({"target_class": item, "year": filters.end.year, "target": target, "used": used, "used_pct": used_pct,
                    "time_elapsed_pct": elapsed, "level": target_level(target, used, used_pct, elapsed)})
    return out


# the rate targets (相对指标控制值, rate_targets, schema 28), in order (sql/metrics/rate_targets.sql); each rate is
# deaths ÷ (denominator × unit), the units of metrics.accidents.RATE_INDICATORS as exact fractions: per 亿元 GDP,
# per 10万 工矿商贸 employed, per 万 motor vehicles, per 百万吨 of coal (the denominator is entered in 万吨)
RATE_TARGETS = ("per_gdp", "per_industrial_employed", "per_vehicles", "per_coal_output")
RATE_UNITS = {"per_gdp": Fraction(1), "per_industrial_employed": Fraction(1, 100_000),
              "per_vehicles": Fraction(1, 10_000), "per_coal_output": Fraction(1, 100)}


def rate_targets(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[dict[str, Any]]:
    """The rate targets set for the region in the period's end year (none when none is set), in RATE_TARGETS order
    (issue 18, "rate targets … each with 时间进度"): ``indicator``, ``target`` (the ceiling on the year's rate),
    ``deaths`` (those the rate counts, incl. missing, from 1 January to the period's end, every sector),
    ``denominator`` (the year's, None where none is entered), ``rate`` (deaths so far over the year's
    denominator: the share of the year's ceiling already used, never annualised; None without a denominator),
    ``used_pct`` (rate ÷ ceiling, rounded; None without a denominator or for a ceiling of 0), ``time_elapsed_pct``
    and ``level``: "over" when the rate so far is above the ceiling (the year's rate can only grow), "ahead" when
    the share used runs ahead of 时间进度, "normal" otherwise, "unknown" without a denominator. Exact fractions:
    a rate equal to its ceiling is not over it."""
    year_to_date = replace(filters, start=date(filters.end.year, 1, 1), industry=None)
    frame = db.query(con, "metrics/rate_targets", **year_to_date.params())
    elapsed = round_pct(time_elapsed(filters.end) * 100)
    out = []
    for indicator, ceiling, deaths, denominator in zip(frame["indicator"], frame["max_rate"], frame["deaths"],
                                                      frame["denominator"]):
        deaths = int(deaths)
        known = denominator is not None and not pd.isna(denominator) and float(denominator) > 0
        target = Fraction(str(float(ceiling)))
        exact = Fraction(deaths) / (Fraction(str(float(denominator))) * RATE_UNITS[indicator]) if known else None
        used_pct = round_pct(exact * 100 / target) if exact is not None and target else None
        if exact is None:
            level = "unknown"
        elif exact > target:
            level = "over"
        elif used_pct is not None and used_pct > elapsed:
            level = "ahead"
        else:
            level = "normal"
        out.append({"indicator": indicator, "year": filters.end.year, "target": float(ceiling), "deaths": deaths,
                    "denominator": float(denominator) if known else None,
                    "rate": None if exact is None else float(exact), "used_pct": used_pct,
                    "time_elapsed_pct": elapsed, "level": level})
    return out
