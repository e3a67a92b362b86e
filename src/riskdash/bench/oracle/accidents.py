"""Plain pandas peers of ``riskdash.metrics.accidents``: load the tables, filter, group, count.

Shares nothing with the SQL (no views, no macros): the test oracle for the property tests and the bench peer.
Each returns the frame its metric returns.
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import pandas as pd

from riskdash.bench.oracle.tables import (
    _table,
    descendants,
    grade_frame,
    township_labels,
)
from riskdash.filters import Filters, shift_year

COMPARED = ["accidents", "deaths_incl_missing", "previous_accidents", "previous_deaths_incl_missing"]


def _accidents(con: duckdb.DuckDBPyConnection, region: str, industry: str | None) -> pd.DataFrame:
    rows = _table(con, "accidents")
    keep = descendants(_table(con, "regions"), region)
    rows = rows[rows["region_code"].isin(keep)]
    if industry is not None:
        rows = rows[rows["industry"] == industry]
    rows = rows.copy()
    rows["day"] = pd.to_datetime(rows["occurred_at"]).dt.date
    rows["dead"] = (rows["deaths"] + rows["missing"]).astype("int64")
    return rows


def _between(rows: pd.DataFrame, start: date, end: date) -> pd.Series:
    return (rows["day"] >= start) & (rows["day"] <= end)


def _months(start: date, end: date) -> list[date]:
    out, day = [], start.replace(day=1)
    while day <= end:
        out.append(day)
        day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return out


def accidents_by_month(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    first = date(filters.end.year - 5, 1, 1)
    everything = _table(con, "accidents")
    first_month = None if everything.empty else pd.to_datetime(everything["occurred_at"]).min().date().replace(day=1)
    rows = _accidents(con, filters.region_code, filters.industry)
    rows = rows[_between(rows, first, filters.end)].copy()
    rows["month_start"] = [d.replace(day=1) for d in rows["day"]]
    rows["larger"] = grade_frame(rows["dead"], rows["serious_injuries"], rows["direct_loss_wan"]) != "general"
    out = []
    for month in _months(first, filters.end):
        part = rows[rows["month_start"] == month]
        out.append({
            "month_start": month,
            "is_covered": first_month is not None and month >= first_month,
            "accidents": len(part),
            "deaths_incl_missing": int(part["dead"].sum()),
            "deaths_incl_missing_squared": int((part["dead"] ** 2).sum()),
            "serious_injuries": int(part["serious_injuries"].sum()),
            "direct_loss_wan": round(float(sum(float(v) for v in part["direct_loss_wan"])), 2),
            "larger_and_above": int(part["larger"].sum()),
        })
    return pd.DataFrame(out)


def deaths_to_date_by_year(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    rows = _accidents(con, filters.region_code, None)
    everything = _table(con, "accidents")
    first_year = None if everything.empty else pd.to_datetime(everything["occurred_at"]).min().year
    out = []
    for back in range(3, -1, -1):
        cutoff = shift_year(filters.end, -back)
        year = cutoff.year
        in_year = rows[_between(rows, date(year, 1, 1), date(year, 12, 31))]
        out.append({
            "year": year,
            "cutoff_on": cutoff,
            "is_covered": first_year is not None and year >= first_year,
            "deaths_to_date": int(in_year.loc[in_year["day"] <= cutoff, "dead"].sum()),
            "deaths_rest_of_year": int(in_year.loc[in_year["day"] > cutoff, "dead"].sum()),
        })
    return pd.DataFrame(out)


def deaths_per_accident(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    rows = _accidents(con, filters.region_code, filters.industry)
    previous = filters.previous_year()
    parts = []
    for period, start, end in (("current", filters.start, filters.end), ("previous", previous.start, previous.end)):
        part = rows[_between(rows, start, end)]
        counted = part.groupby("dead").size().reset_index(name="accidents")
        counted.insert(0, "period", period)
        parts.append(counted.rename(columns={"dead": "deaths_incl_missing"}))
    frame = pd.concat(parts, ignore_index=True)
    return frame.astype({"deaths_incl_missing": "int64", "accidents": "int64"}).reset_index(drop=True)


def _compared(con: duckdb.DuckDBPyConnection, filters: Filters, key: str, names: str, order: str) -> pd.DataFrame:
    rows = _accidents(con, filters.region_code, filters.industry)
    previous = filters.previous_year()
    now, then = _between(rows, filters.start, filters.end), _between(rows, previous.start, previous.end)
    rows = rows.assign(now=now, then=then)
    rows = rows[now | then]
    grouped = rows.groupby(key).apply(
        lambda g: pd.Series({
            "accidents": int(g["now"].sum()),
            "deaths_incl_missing": int(g.loc[g["now"], "dead"].sum()),
            "previous_accidents": int(g["then"].sum()),
            "previous_deaths_incl_missing": int(g.loc[g["then"], "dead"].sum()),
        }), include_groups=False,
    ).reset_index() if len(rows) else pd.DataFrame(columns=[key, *COMPARED])
    ref = _table(con, names)[["code", "name_zh", "name_en", "sort_order"]].rename(columns={"code": key})
    frame = grouped.merge(ref, on=key).sort_values([order, key]).reset_index(drop=True)
    return frame[[key, "name_zh", "name_en", *COMPARED]].astype({c: "int64" for c in COMPARED})


def accidents_by_sector(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    return _compared(con, filters, "industry", "sectors", "sort_order")


def accidents_by_type(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    return _compared(con, filters, "accident_type", "accident_types", "sort_order")


def accidents_by_region(con: duckdb.DuckDBPyConnection, filters: Filters, parent: str | None = None) -> pd.DataFrame:
    parent = parent or filters.region_code
    regions = _table(con, "regions")
    children = regions[regions["parent_code"] == parent]
    unit_of = {}
    for code in children["region_code"]:
        for below in descendants(regions, code):
            unit_of[below] = code
    rows = _accidents(con, parent, filters.industry)
    previous = filters.previous_year()
    rows = rows.assign(now=_between(rows, filters.start, filters.end),
                       then=_between(rows, previous.start, previous.end))
    rows["unit"] = [unit_of.get(code, parent) for code in rows["region_code"]]
    names = {**dict(zip(regions["region_code"], regions["name"])), **township_labels(regions)}
    out = []
    for code, is_direct in [*((c, False) for c in children["region_code"]), (parent, True)]:
        part = rows[rows["unit"] == code]
        if is_direct and not (part["now"] | part["then"]).any():
            continue
        out.append({
            "region_code": code, "name": names[code], "is_direct": is_direct,
            "accidents": int(part["now"].sum()), "deaths_incl_missing": int(part.loc[part["now"], "dead"].sum()),
            "previous_accidents": int(part["then"].sum()),
            "previous_deaths_incl_missing": int(part.loc[part["then"], "dead"].sum()),
        })
    frame = pd.DataFrame(out, columns=["region_code", "name", "is_direct", *COMPARED])
    frame = frame.sort_values(["accidents", "deaths_incl_missing", "is_direct", "region_code"],
                              ascending=[False, False, True, True]).reset_index(drop=True)
    return frame.astype({c: "int64" for c in COMPARED})


def _by(con: duckdb.DuckDBPyConnection, filters: Filters, key: str, values: range, time_known: bool) -> pd.DataFrame:
    rows = _accidents(con, filters.region_code, filters.industry)
    rows = rows[_between(rows, filters.start, filters.end)]
    if time_known:
        rows = rows[rows["has_time"] == True]  # noqa: E712
    stamp = pd.to_datetime(rows["occurred_at"])
    rows = rows.assign(key=stamp.dt.hour if key == "hour" else stamp.dt.day_of_week + 1)
    out = [{key: v, "accidents": int((rows["key"] == v).sum()),
            "deaths_incl_missing": int(rows.loc[rows["key"] == v, "dead"].sum())} for v in values]
    return pd.DataFrame(out).astype("int64")


def accidents_by_weekday(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    return _by(con, filters, "weekday", range(1, 8), False)


def accidents_by_hour(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    return _by(con, filters, "hour", range(0, 24), True)


def _criterion(dead: int, serious: int, loss: float, grade: str) -> str | None:
    limits = {"larger": (3, 10, 1000), "major": (10, 50, 5000), "especially_major": (30, 100, 10000)}
    if grade not in limits:
        return None
    d, s, money = limits[grade]
    return "deaths" if dead >= d else "serious_injuries" if serious >= s else "direct_loss"


def larger_and_above_list(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Only the columns a test compares: id, grade and its criterion, latest first."""
    rows = _accidents(con, filters.region_code, filters.industry)
    rows = rows[_between(rows, filters.start, filters.end)].copy()
    rows["grade"] = grade_frame(rows["dead"], rows["serious_injuries"], rows["direct_loss_wan"])
    rows = rows[rows["grade"] != "general"]
    rows["grade_criterion"] = [_criterion(d, s, float(m), g) for d, s, m, g in
                               zip(rows["dead"], rows["serious_injuries"], rows["direct_loss_wan"], rows["grade"])]
    rows = rows.sort_values(["occurred_at", "accident_id"], ascending=[False, True])
    return rows[["accident_id", "dead", "grade", "grade_criterion"]].rename(
        columns={"dead": "deaths_incl_missing"}).reset_index(drop=True)


def larger_risk_involved_list(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Only the columns a test compares: id and which 较大涉险 threshold each accident met, latest first."""
    rows = _accidents(con, filters.region_code, filters.industry)
    rows = rows[_between(rows, filters.start, filters.end)].copy()
    general = grade_frame(rows["dead"], rows["serious_injuries"], rows["direct_loss_wan"]) == "general"
    endangered = rows["endangered"].fillna(0).astype("int64")
    trapped = rows["trapped"].fillna(0).astype("int64") + rows["missing"].astype("int64")
    evacuated = rows["evacuated"].fillna(0).astype("int64")
    rows["is_endangered"], rows["is_trapped"], rows["is_evacuated"] = endangered >= 10, trapped >= 3, evacuated >= 500
    rows = rows[general & (rows["is_endangered"] | rows["is_trapped"] | rows["is_evacuated"])]
    rows = rows.sort_values(["occurred_at", "accident_id"], ascending=[False, True])
    return rows[["accident_id", "is_endangered", "is_trapped", "is_evacuated"]].astype(
        {"is_endangered": bool, "is_trapped": bool, "is_evacuated": bool}).reset_index(drop=True)


def _investigation_rows(con: duckdb.DuckDBPyConnection, filters: Filters, days: int) -> pd.DataFrame:
    """Every accident of the scope up to the as-of day, closed on it or not, past the deadline or not."""
    rows = _accidents(con, filters.region_code, filters.industry)
    rows = rows[rows["day"] <= filters.as_of].copy()
    closed = pd.to_datetime(rows["closed_on"]).dt.date
    rows["is_closed"] = [c is not None and not pd.isna(c) and c <= filters.as_of for c in closed]
    rows["deadline"] = [d + timedelta(days=days) for d in rows["day"]]
    rows["is_past"] = rows["deadline"] < filters.as_of
    return rows


def investigations(con: duckdb.DuckDBPyConnection, filters: Filters, days: int = 60) -> dict:
    """结案 (issue 18): the period's accidents, closed by the as-of day, open, open past ``days`` after the
    accident; and every accident open past that deadline on the as-of day, whatever year."""
    rows = _investigation_rows(con, filters, days)
    period = rows[_between(rows, filters.start, filters.end)]
    open_ = period[~period["is_closed"]]
    return {"accidents": len(period), "closed": int(period["is_closed"].sum()), "open": len(open_),
            "open_overdue": int(open_["is_past"].sum()),
            "open_overdue_stock": int((~rows["is_closed"] & rows["is_past"]).sum())}


def investigations_overdue(con: duckdb.DuckDBPyConnection, filters: Filters, days: int = 60) -> pd.DataFrame:
    """Only the columns a test compares: each open accident past its deadline, oldest first."""
    rows = _investigation_rows(con, filters, days)
    rows = rows[~rows["is_closed"] & rows["is_past"]].copy()
    rows["days_open"] = [(filters.as_of - d).days for d in rows["day"]]
    rows = rows.sort_values(["day", "accident_id"])
    return rows.rename(columns={"day": "occurred_on"})[
        ["accident_id", "occurred_on", "deadline", "days_open"]].reset_index(drop=True)


def rate_indicators(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    rows = _accidents(con, filters.region_code, None)
    rows = rows[_between(rows, filters.start, filters.end)]
    sectors = _table(con, "sectors")
    classes = dict(zip(sectors["code"], sectors["stat_class"]))
    cls = rows["industry"].map(classes)
    deaths = {
        "per_gdp": int(rows["dead"].sum()),
        "per_industrial_employed": int(rows.loc[cls == "industrial", "dead"].sum()),
        "per_vehicles": int(rows.loc[cls == "road_traffic", "dead"].sum()),
        "per_coal_output": int(rows.loc[rows["industry"] == "coal_mine", "dead"].sum()),
    }
    dens = _table(con, "indicator_denominators")
    dens = dens[(dens["year"] == filters.end.year) & (dens["region_code"] == filters.region_code)]
    spec = {"per_gdp": ("gdp_yi", 1), "per_industrial_employed": ("industrial_employed", 1e5),
            "per_vehicles": ("motor_vehicles", 1e4), "per_coal_output": ("coal_output_wan_t", 100)}
    out = {}
    for key, (column, per) in spec.items():
        value = None if dens.empty or pd.isna(dens.iloc[0][column]) else float(dens.iloc[0][column])
        # yearly denominators: a rate for a whole calendar year only
        whole = filters.start.timetuple().tm_yday == 1 and (filters.end.month, filters.end.day) == (12, 31) \
            and filters.start.year == filters.end.year
        out[key] = {"deaths": deaths[key], "denominator": value,
                    "rate": None if value is None or not whole else deaths[key] / value * per,
                    "is_whole_year": whole}
    return out

