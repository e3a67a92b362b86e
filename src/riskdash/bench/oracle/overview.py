"""The overview's peers: accident, rectification and key-site totals in plain pandas."""

from __future__ import annotations

from decimal import Decimal

import duckdb
import numpy as np
import pandas as pd

from riskdash.bench.oracle.rectification import rectification_stock
from riskdash.bench.oracle.tables import _table, descendants, grade_frame
from riskdash.filters import Filters


def accident_totals(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    accidents = _table(con, "accidents")
    regions = _table(con, "regions")
    keep = descendants(regions, filters.region_code)
    day = pd.to_datetime(accidents["occurred_at"]).dt.date
    mask = (day >= filters.start) & (day <= filters.end) & accidents["region_code"].isin(keep)
    if filters.industry is not None:
        mask &= accidents["industry"] == filters.industry
    rows = accidents[mask]
    deaths_incl = rows["deaths"] + rows["missing"]
    grades = grade_frame(deaths_incl, rows["serious_injuries"], rows["direct_loss_wan"])
    loss = sum((Decimal(str(v)) for v in rows["direct_loss_wan"]), Decimal(0))
    return {
        "accidents": int(len(rows)),
        "deaths": int(rows["deaths"].sum()),
        "missing": int(rows["missing"].sum()),
        "deaths_incl_missing": int(deaths_incl.sum()),
        "serious_injuries": int(rows["serious_injuries"].sum()),
        "direct_loss_wan": float(loss.quantize(Decimal("0.01"))),
        "by_grade": {g: int((grades == g).sum()) for g in ("general", "larger", "major", "especially_major")},
        "larger_and_above": int((grades != "general").sum()),
        "larger_and_above_deaths": int(deaths_incl[grades != "general"].sum()),
        # 较大涉险: general by grade and ≥ 10 endangered, ≥ 3 trapped + missing or ≥ 500 evacuated (empty = 0)
        "risk_involved": int(((grades == "general") & (
            (rows["endangered"].fillna(0) >= 10)
            | (rows["trapped"].fillna(0) + rows["missing"] >= 3)
            | (rows["evacuated"].fillna(0) >= 500))).sum()),
        # 一般亡人事故: general by grade with 死亡（含失踪） ≥ 1
        "fatal_general": int(((grades == "general") & (deaths_incl >= 1)).sum()),
        "fatal_general_deaths": int(deaths_incl[(grades == "general") & (deaths_incl >= 1)].sum()),
    }


def rectification_totals(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    hazards = _table(con, "hazards")
    enterprises = _table(con, "enterprises")[["enterprise_id", "region_code", "industry"]]
    regions = _table(con, "regions")
    rows = hazards.merge(enterprises, on="enterprise_id", how="inner")
    keep = descendants(regions, filters.region_code)
    found_on = pd.to_datetime(rows["found_on"]).dt.date
    mask = (found_on >= filters.start) & (found_on <= filters.end) & (found_on <= filters.as_of)
    mask &= rows["region_code"].isin(keep)
    if filters.industry is not None:
        mask &= rows["industry"] == filters.industry
    rows = rows[mask]
    as_of = pd.Timestamp(filters.as_of)
    rectified = pd.to_datetime(rows["rectified_on"]) <= as_of
    verified = pd.to_datetime(rows["verified_on"]) <= as_of
    major = rows["grade"] == "major"
    done = np.where(major, verified, rectified)
    overdue = ~done & (pd.to_datetime(rows["deadline"]) < as_of)
    general_found = int((~major).sum())
    general_rectified = int((~major & done).sum())
    major_found = int(major.sum())
    major_closed = int((major & done).sum())
    found = len(rows)
    rect = general_rectified + major_closed
    return {
        "found": found,
        "rectified": rect,
        "rate": rect / found if found else None,
        "general_found": general_found,
        "general_rectified": general_rectified,
        "general_rate": general_rectified / general_found if general_found else None,
        "major_found": major_found,
        "major_closed": major_closed,
        "major_rate": major_closed / major_found if major_found else None,
        "overdue": int(overdue.sum()),
        "overdue_major": int((overdue & major).sum()),
        # 挂牌督办 ends at 摘牌 (delisted_on ≤ as-of), not at verification; no supervision day = from the start
        "supervised_open": int((major & (rows["supervision_level"] != "none")
                                & (pd.to_datetime(rows["supervised_on"]).isna()
                                   | (pd.to_datetime(rows["supervised_on"]) <= as_of))
                                & ~(pd.to_datetime(rows["delisted_on"]) <= as_of)).sum()),
        "stock": _rectification_stock(con, filters),
    }


def _rectification_stock(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    return rectification_stock(con, filters)


def key_site_totals(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    sites = _table(con, "key_sites")
    keep = descendants(_table(con, "regions"), filters.region_code)
    rows = sites[sites["region_code"].isin(keep)]
    return {
        "key_sites": int(len(rows)),
        "measures_not_in_place": int((rows["measures_in_place"] != True).sum()),  # noqa: E712 (null counts too)
        "not_fully_filed": int((rows["filed_city_on"].isna() | rows["filed_county_on"].isna()).sum()),
    }
