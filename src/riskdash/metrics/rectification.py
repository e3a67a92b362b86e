"""隐患排查治理 Hazard rectification: one function per ``sql/rectification/*.sql`` file, of the same name.

Rates are unrounded fractions 0–1 and None where the denominator is 0 (shown as "—"); counts are ints. The
official monthly form runs over 1 January to the last day of the report month, as of that day
(docs/rules.md "Hazards and the closed loop"); every other query takes the page's Filters as they are.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

import duckdb

from riskdash import db
from riskdash.filters import Filters, month_end
from riskdash.metrics.core import rate

if TYPE_CHECKING:  # pandas loads where a frame is made: `riskdash metrics` needs none of it
    import pandas as pd

# documented in docs/settings.md; used when a database lacks the row
SETTING_DEFAULTS = {"due_soon_days": 7, "uninspected_days": 180}
WEEK_DAYS = 7  # the printable weekly list: overdue, or due within the coming week
AGE_BANDS = ("d0_30", "d31_90", "d91_180", "d181_365", "d366_plus")
LEVELS = ("city", "county", "township", "self", "none")


def _ints(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    for column in columns:
        frame[column] = frame[column].astype("int64")
    return frame


def _rate_column(frame: pd.DataFrame, numerator: str, denominator: str) -> pd.Series:
    import pandas as pd

    return pd.Series([rate(n, d) for n, d in zip(frame[numerator], frame[denominator])],
                     index=frame.index, dtype=object)


# ---------------------------------------------------------------------------------------------- settings


def setting_value(con: duckdb.DuckDBPyConnection, key: str) -> int:
    """An integer setting (N days) from the settings table, or its documented default."""
    frame = db.query(con, "rectification/setting_value", key=key)
    if frame.empty:
        return SETTING_DEFAULTS[key]
    try:
        return int(str(frame.loc[0, "value"]).strip())
    except ValueError:
        raise db.RiskdashError(f"setting {key}: expected a whole number of days, got {frame.loc[0, 'value']!r}") from None


# ---------------------------------------------------------------------------------------------- KPIs


# the period's flows (sql/metrics/rectification_totals.sql) that the KPIs and the contract both state
FLOW_COUNTS = ("found", "rectified", "general_found", "general_rectified", "major_found", "major_closed", "overdue",
               "overdue_major", "supervised_open")


def _flows(counts: dict[str, int]) -> dict[str, Any]:
    """The flow counts with their three rates (rectified ÷ found, general and major apart), in the contract's
    order: one definition for ``rectification_kpis`` and ``rectification_totals``."""
    return {
        "found": counts["found"],
        "rectified": counts["rectified"],
        "rate": rate(counts["rectified"], counts["found"]),
        "general_found": counts["general_found"],
        "general_rectified": counts["general_rectified"],
        "general_rate": rate(counts["general_rectified"], counts["general_found"]),
        "major_found": counts["major_found"],
        "major_closed": counts["major_closed"],
        "major_rate": rate(counts["major_closed"], counts["major_found"]),
        "overdue": counts["overdue"],
        "overdue_major": counts["overdue_major"],
        "supervised_open": counts["supervised_open"],
    }


def rectification_kpis(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, Any]:
    """The screen's KPIs: the contract's counts and rates, plus on-time rate and median days to rectify.

    The same query as ``riskdash metrics rectification`` (``metrics.rectification_totals``), so the screen and
    the command cannot disagree."""
    import pandas as pd

    row = db.query_one(con, "metrics/rectification_totals", **filters.params())
    median = row.pop("median_days_to_rectify")
    counts = {k: int(v) for k, v in row.items()}
    return {
        **_flows(counts),
        "on_time": counts["on_time"],
        "done_or_overdue": counts["done_or_overdue"],
        "on_time_rate": rate(counts["on_time"], counts["done_or_overdue"]),
        "rectified_any_grade": counts["rectified_any_grade"],
        "median_days_to_rectify": None if median is None or pd.isna(median) else float(median),
        # what the screen states as "截至…": every year's hazards on the as-of day
        "stock": rectification_stock(con, filters),
    }


STOCK_KEYS = ("open", "open_major", "overdue", "overdue_major", "overdue_major_unrectified", "supervised_open")


def rectification_stock(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, int]:
    """The stock on the as-of day (``metrics rectification`` → ``stock``): every hazard found on or before it,
    whatever year, in the region and sector — the figures a 通报 states as "截至…" / "尚有…" (docs/rules.md "Flows and stock").

    The period's days do not apply. ``overdue_major`` is 逾期未销号 (majors rectified and awaiting verification
    included), ``overdue_major_unrectified`` 逾期未整改; ``supervised_open`` ends at 摘牌 (delisted_on)."""
    row = db.query_one(con, "metrics/rectification_stock", **filters.params())
    return {key: int(row[key]) for key in STOCK_KEYS}


# ---------------------------------------------------------------------------------------------- monthly form


def form_filters(filters: Filters, month: date | None = None, data_as_of: date | None = None) -> Filters:
    """The monthly form's scope: 1 January to the last day of the report month, as of that day — or as of the
    data's as-of day when the month is still running (a form never speaks of a day after the data)."""
    report = month or filters.end
    last = month_end(report.year, report.month)
    as_of = last if data_as_of is None else min(last, data_as_of)
    return replace(filters, start=date(report.year, 1, 1), end=last, as_of=as_of)


FORM_COUNTS = ["enterprises_checked", "general_found", "general_rectified", "major_found", "major_closed",
               "major_in_plan", "major_five_in_place", "major_supervised", "major_supervised_province"]


def monthly_form(con: duckdb.DuckDBPyConnection, filters: Filters, month: date | None = None,
                 data_as_of: date | None = None) -> pd.DataFrame:
    """《工矿企业安全生产事故隐患排查治理情况月报表》: one row per 工矿商贸 sector, then 合计 (is_total)."""
    scope = form_filters(filters, month, data_as_of)
    frame = _ints(db.query(con, "rectification/monthly_form", **scope.params()), FORM_COUNTS)
    frame["funds_wan"] = [round(float(v), 2) for v in frame["funds_wan"]]
    frame["general_rate"] = _rate_column(frame, "general_rectified", "general_found")
    frame["major_rate"] = _rate_column(frame, "major_closed", "major_found")
    return frame


# ---------------------------------------------------------------------------------------------- lists


def overdue_list(con: duckdb.DuckDBPyConnection, filters: Filters, stock: bool = True,
                 department: str | None = None) -> pd.DataFrame:
    """Hazards overdue on the as-of day: the stock (found in any year up to as-of; the rows behind
    ``rectification_stock``'s ``overdue``) by default, or with ``stock=False`` only those found in the period.
    ``is_rectified`` marks a major hazard rectified and awaiting verification (逾期未销号, not 未整改).
    ``department``: only the hazards of that 行业主管部门's sectors (None: every hazard; issue 18)."""
    frame = db.query_list(con, "rectification/overdue_list", **filters.params(), is_stock=stock,
                          **_department(con, department))
    frame["is_rectified"] = frame["is_rectified"].astype(bool)
    return _ints(frame, ["days_overdue"])


def supervised_list(con: duckdb.DuckDBPyConnection, filters: Filters, stock: bool = True,
                    department: str | None = None) -> pd.DataFrame:
    """挂牌督办 hazards: by default the stock not yet delisted on the as-of day (found in any year; the rows
    behind ``rectification_stock``'s ``supervised_open``); with ``stock=False`` every supervised hazard found in
    the period, delisted or not (``is_closed`` = delisted by as-of). ``department`` as in overdue_list."""
    frame = db.query(con, "rectification/supervised_list", **filters.params(), is_stock=stock,
                     **_department(con, department))
    frame["is_closed"] = frame["is_closed"].astype(bool)
    frame["is_rectified"] = frame["is_rectified"].astype(bool)
    frame["days_left"] = frame["days_left"].astype("Int64")
    return frame


def follow_up_list(con: duckdb.DuckDBPyConnection, filters: Filters, days: int,
                   include_overdue: bool, department: str | None = None) -> pd.DataFrame:
    """Hazards not done whose deadline is within ``days`` of the as-of day (and, if asked, the overdue);
    ``department`` as in overdue_list."""
    return _ints(db.query_list(con, "rectification/follow_up_list", **filters.params(), days=days,
                          include_overdue=include_overdue, **_department(con, department)), ["days_left"])


def due_soon(con: duckdb.DuckDBPyConnection, filters: Filters, department: str | None = None) -> pd.DataFrame:
    return follow_up_list(con, filters, setting_value(con, "due_soon_days"), include_overdue=False,
                          department=department)


def weekly_list(con: duckdb.DuckDBPyConnection, filters: Filters, department: str | None = None) -> pd.DataFrame:
    return follow_up_list(con, filters, WEEK_DAYS, include_overdue=True, department=department)


def _department(con: duckdb.DuckDBPyConnection, department: str | None) -> dict:
    """The lists' 行业主管部门 parameters (metrics.departments.department_filter), imported here, not at the top."""
    from riskdash.metrics.departments import department_filter

    return department_filter(con, department)


def uninspected_enterprises(con: duckdb.DuckDBPyConnection, filters: Filters,
                            days: int | None = None) -> pd.DataFrame:
    days = setting_value(con, "uninspected_days") if days is None else days
    frame = db.query_list(con, "rectification/uninspected_enterprises", **filters.params(), days=days)
    frame["days_since"] = frame["days_since"].astype("Int64")
    return frame


NEW_DAYS = 7  # 近7日新增隐患: found in the 7 days up to and including the as-of day


def new_hazards_list(con: duckdb.DuckDBPyConnection, filters: Filters, days: int = NEW_DAYS) -> pd.DataFrame:
    """近7日新增隐患: the scope's hazards found in the ``days`` days up to and including the as-of day, whatever
    the period, newest first, each with its state on the as-of day (``hazard_state``)."""
    return db.query_list(con, "rectification/new_hazards_list", **filters.params(), days=days)


def hazard_record(con: duckdb.DuckDBPyConnection, hazard_id: str, as_of: date) -> dict[str, Any] | None:
    """The record card of a hazard row: the hazard as recorded, its state on ``as_of`` and its enterprise's
    names (None for an unknown id); missing values are None."""
    import pandas as pd

    frame = db.query(con, "rectification/hazard_record", hazard_id=hazard_id, as_of=as_of)
    if frame.empty:
        return None
    return {k: (None if pd.isna(v) else v) for k, v in frame.iloc[0].to_dict().items()}


# ---------------------------------------------------------------------------------------------- breakdowns


def closed_loop(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    return _ints(db.query(con, "rectification/closed_loop", **filters.params()),
                 ["found", "rectified", "verified", "closed"])


def checks_by_level(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    return _ints(db.query(con, "rectification/checks_by_level", **filters.params()),
                 ["inspections", "enterprises_inspected", "hazards_found", "major_found"])


def _coverage(frame: pd.DataFrame) -> pd.DataFrame:
    frame = _ints(frame, ["active_enterprises", "supervised_enterprises", "self_checked_enterprises"])
    frame["coverage_rate"] = _rate_column(frame, "supervised_enterprises", "active_enterprises")
    frame["self_check_rate"] = _rate_column(frame, "self_checked_enterprises", "active_enterprises")
    return frame


def coverage_by_township(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    return _coverage(db.query(con, "rectification/coverage_by_township", **filters.params()))


def coverage_by_sector(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    return _coverage(db.query(con, "rectification/coverage_by_sector", **filters.params()))


HAZARD_COUNTS = ["found", "general_found", "general_rectified", "major_found", "major_closed", "overdue",
                 "supervised_open"]


def _hazard_rates(frame: pd.DataFrame) -> pd.DataFrame:
    frame = _ints(frame, HAZARD_COUNTS)
    frame["rectified"] = frame["general_rectified"] + frame["major_closed"]
    frame["rate"] = _rate_column(frame, "rectified", "found")
    frame["general_rate"] = _rate_column(frame, "general_rectified", "general_found")
    frame["major_rate"] = _rate_column(frame, "major_closed", "major_found")
    return frame


def by_township(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    return _hazard_rates(db.query(con, "rectification/by_township", **filters.params()))


def by_sector(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    return _hazard_rates(db.query(con, "rectification/by_sector", **filters.params()))


PARETO_SHARE = 0.8  # the "vital few": the categories that together make 80 % of the hazards


def hazards_by_category(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The Pareto rows: one per hazard category (None: not recorded) of the period's hazards, most first, with
    its share and the running share (fractions 0–1), and ``is_vital``: the fewest leading categories whose
    running share reaches ``PARETO_SHARE`` (``vital_few``)."""
    import pandas as pd

    frame = _ints(db.query(con, "rectification/hazards_by_category", **filters.params()), ["hazards", "major_found"])
    frame["category"] = pd.Series([v if isinstance(v, str) else None for v in frame["category"]], index=frame.index,
                                  dtype=object)
    frame["share"] = [float(v) for v in frame["share"]]
    frame["cumulative_share"] = [float(v) for v in frame["cumulative_share"]]
    frame["is_vital"] = vital_few(frame["cumulative_share"])
    return frame


def vital_few(cumulative: pd.Series | list[float], threshold: float = PARETO_SHARE) -> list[bool]:
    """For running shares in descending order of count: True for the leading rows up to and including the first
    whose running share reaches ``threshold`` (the categories that make 80 % of the hazards), False after it."""
    flags, reached = [], False
    for value in cumulative:
        flags.append(not reached)
        # a running share that lands on the threshold reaches it (rounding of the division aside)
        reached = reached or value >= threshold - 1e-9
    return flags


def rate_by_month(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    import pandas as pd

    frame = db.query(con, "rectification/rate_by_month", **filters.params())
    frame = _ints(frame, [c for c in frame.columns if c.endswith("_to_date")])
    frame["month_start"] = [pd.Timestamp(v).date() for v in frame["month_start"]]
    frame["month_end_on"] = [pd.Timestamp(v).date() for v in frame["month_end_on"]]
    frame["rate"] = _rate_column(frame, "done_to_date", "found_to_date")
    frame["general_rate"] = _rate_column(frame, "general_done_to_date", "general_found_to_date")
    frame["major_rate"] = _rate_column(frame, "major_done_to_date", "major_found_to_date")
    return frame


def open_ageing(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    return _ints(db.query(con, "rectification/open_ageing", **filters.params()), ["open_hazards", "overdue"])


def evidence_by_township(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Per township: the record completeness of the period's hazards (completeness = complete ÷ hazards) and
    the evidence-completeness figure (issue 18): hazards closed (验收销号) in the period, of them with an 整改后
    photo, a 验收 record, both; evidence_rate = closed_with_evidence ÷ closed (None where none closed)."""
    frame = _ints(db.query(con, "rectification/evidence_by_township", **filters.params()),
                  ["hazards", "with_inspection", "with_description", "with_deadline", "with_rectified_date",
                   "complete", *EVIDENCE_COUNTS])
    frame["completeness"] = _rate_column(frame, "complete", "hazards")
    frame["evidence_rate"] = _rate_column(frame, "closed_with_evidence", "closed")
    return frame


# the evidence-completeness figure's counts (sql/rectification/evidence_by_township.sql)
EVIDENCE_COUNTS = ("closed", "closed_with_after", "closed_with_acceptance", "closed_with_evidence")


def rectification_totals(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, Any]:
    """``riskdash metrics rectification``: hazards found in the period as they stood on the as-of day (flows), and
    ``stock``: every hazard found on or before the as-of day, whatever year (what "截至…" states)."""
    # the query also carries the screen's on-time and median columns (one query serves both); the contract
    # keeps its own keys
    found = db.query_one(con, "metrics/rectification_totals", **filters.params())
    return {**_flows({k: int(found[k]) for k in FLOW_COUNTS}), "stock": rectification_stock(con, filters)}
