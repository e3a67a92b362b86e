"""Plain pandas peers of ``riskdash.metrics.classes`` (accidents by statistical class, control targets per class).

Shares nothing with the SQL (no views, no macros): each line of the table is written out as its own filter on the
loaded rows, so a mistake in the SQL's tagging shows up as a difference. The test oracle and the bench peer.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from riskdash.bench.oracle.accidents import _accidents, _between, _months
from riskdash.bench.oracle.tables import _table, grade_frame
from riskdash.filters import Filters

INDUSTRIAL_SUBCLASSES = ("coal_mine", "metal_nonmetal_mine", "construction", "hazardous_chemicals", "fireworks")
SINGLE_CLASSES = ("railway", "waterway", "fishing", "agricultural_machinery")
MAIN_CLASSES = ("industrial", "road_traffic", "fire", *SINGLE_CLASSES)
TARGET_ORDER = ("industrial", "road_traffic", "fire", "railway", "waterway", "fishing", "agricultural_machinery",
                "larger_accidents")


def _classed(con: duckdb.DuckDBPyConnection, region: str, industry: str | None) -> pd.DataFrame:
    rows = _accidents(con, region, industry)
    sectors = _table(con, "sectors")
    rows["stat_class"] = rows["industry"].map(dict(zip(sectors["code"], sectors["stat_class"])))
    enterprises = _table(con, "enterprises")
    sector_of = dict(zip(enterprises["enterprise_id"], enterprises["industry"]))
    has_enterprise = rows["enterprise_id"].notna()
    recorded = rows["commercial"]
    rows["is_commercial"] = [bool(r) if pd.notna(r) else bool(e) for r, e in zip(recorded, has_enterprise)]
    rows["is_transport"] = [sector_of.get(e) == "road_transport" for e in rows["enterprise_id"]]
    return rows


def _lines(rows: pd.DataFrame) -> list[tuple[str, int, pd.Series]]:
    """Each line of the table: (code, depth, the rows it counts)."""
    cls = rows["stat_class"]
    industrial = cls == "industrial"
    out: list[tuple[str, int, pd.Series]] = [("total", 0, pd.Series(True, index=rows.index)),
                                             ("industrial", 1, industrial)]
    for sub in INDUSTRIAL_SUBCLASSES:
        out.append((f"industrial.{sub}", 2, industrial & (rows["industry"] == sub)))
    out.append(("industrial.other", 2, industrial & ~rows["industry"].isin(INDUSTRIAL_SUBCLASSES)))
    for name in ("road_traffic", "fire"):
        out += [(name, 1, cls == name),
                (f"{name}.commercial", 2, (cls == name) & rows["is_commercial"]),
                (f"{name}.non_commercial", 2, (cls == name) & ~rows["is_commercial"])]
    out += [(name, 1, cls == name) for name in SINGLE_CLASSES]
    out.append(("road_transport", 1, rows["is_transport"]))
    return out


def accidents_by_class(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The frame of ``sql/accidents/accidents_by_class.sql``: line, depth and the four counts."""
    rows = _classed(con, filters.region_code, filters.industry)
    previous = filters.previous_year()
    now = _between(rows, filters.start, filters.end)
    then = _between(rows, previous.start, previous.end)
    records = []
    for line, depth, mask in _lines(rows):
        records.append({"line": line, "depth": depth,
                        "accidents": int((mask & now).sum()),
                        "deaths_incl_missing": int(rows.loc[mask & now, "dead"].sum()),
                        "previous_accidents": int((mask & then).sum()),
                        "previous_deaths_incl_missing": int(rows.loc[mask & then, "dead"].sum())})
    return pd.DataFrame(records)


def accidents_by_class_and_month(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The frame of ``sql/accidents/accidents_by_class_and_month.sql``: month_start, stat_class, accidents,
    deaths_incl_missing for every month of the period and every class, zeros included."""
    rows = _classed(con, filters.region_code, filters.industry)
    rows = rows[_between(rows, filters.start, filters.end)]
    rows = rows.assign(month=[d.replace(day=1) for d in rows["day"]])
    records = []
    for month in _months(filters.start, filters.end):
        for stat_class in MAIN_CLASSES:
            chosen = rows[(rows["month"] == month) & (rows["stat_class"] == stat_class)]
            records.append({"month_start": month, "stat_class": stat_class, "accidents": len(chosen),
                            "deaths_incl_missing": int(chosen["dead"].sum())})
    return pd.DataFrame(records)


def class_targets(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The frame of ``sql/metrics/class_targets.sql``: target_class, max_count, used (from 1 January)."""
    targets = _table(con, "class_targets")
    targets = targets[(targets["year"] == filters.end.year) & (targets["region_code"] == filters.region_code)]
    rows = _classed(con, filters.region_code, None)
    rows = rows[_between(rows, date(filters.end.year, 1, 1), filters.end)]
    grades = grade_frame(rows["dead"], rows["serious_injuries"], rows["direct_loss_wan"])
    records = []
    for target_class in TARGET_ORDER:
        chosen = targets[targets["target_class"] == target_class]
        if chosen.empty:
            continue
        if target_class == "larger_accidents":
            used = int((grades != "general").sum())
        else:
            used = int(rows.loc[rows["stat_class"] == target_class, "dead"].sum())
        records.append({"target_class": target_class, "max_count": int(chosen.iloc[0]["max_count"]), "used": used})
    return pd.DataFrame(records, columns=["target_class", "max_count", "used"])


RATE_ORDER = ("per_gdp", "per_industrial_employed", "per_vehicles", "per_coal_output")
# the denominator column of each rate target (indicator_denominators)
RATE_DENOMINATORS = {"per_gdp": "gdp_yi", "per_industrial_employed": "industrial_employed",
                     "per_vehicles": "motor_vehicles", "per_coal_output": "coal_output_wan_t"}


def rate_targets(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The frame of ``sql/metrics/rate_targets.sql``: indicator, max_rate, deaths (from 1 January, those the rate
    counts), denominator (the year's; NaN where none is entered)."""
    targets = _table(con, "rate_targets")
    targets = targets[(targets["year"] == filters.end.year) & (targets["region_code"] == filters.region_code)]
    rows = _classed(con, filters.region_code, None)
    rows = rows[_between(rows, date(filters.end.year, 1, 1), filters.end)]
    counted = {"per_gdp": rows["dead"], "per_industrial_employed": rows.loc[rows["stat_class"] == "industrial", "dead"],
               "per_vehicles": rows.loc[rows["stat_class"] == "road_traffic", "dead"],
               "per_coal_output": rows.loc[rows["industry"] == "coal_mine", "dead"]}
    denominators = _table(con, "indicator_denominators")
    denominators = denominators[(denominators["year"] == filters.end.year)
                                & (denominators["region_code"] == filters.region_code)]
    records = []
    for indicator in RATE_ORDER:
        chosen = targets[targets["indicator"] == indicator]
        if chosen.empty:
            continue
        held = None if denominators.empty else denominators.iloc[0][RATE_DENOMINATORS[indicator]]
        records.append({"indicator": indicator, "max_rate": float(chosen.iloc[0]["max_rate"]),
                        "deaths": int(counted[indicator].sum()),
                        "denominator": float("nan") if held is None or pd.isna(held) else float(held)})
    return pd.DataFrame(records, columns=["indicator", "max_rate", "deaths", "denominator"])
