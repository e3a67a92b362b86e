"""The metrics every screen shares: rates and percentages, the overview's totals, regions and sectors.

Rates are unrounded fractions 0–1 and None where the denominator is 0; ``*_pct`` values are percentages
rounded half away from zero to one decimal (docs/rules.md, "Rates"; ``riskdash.domain.round_pct``).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import duckdb

from riskdash import db
from riskdash.domain import round_pct
from riskdash.filters import Filters

GRADE_KEYS = ("general", "larger", "major", "especially_major")


def rate(numerator: int | float, denominator: int | float) -> float | None:
    """numerator ÷ denominator, or None where the denominator is 0 (shown as "—")."""
    if not denominator:
        return None
    return numerator / denominator


def change_pct(current: int | Decimal, previous: int | Decimal) -> float | None:
    """(current − previous) ÷ previous × 100, rounded; None where previous is 0 (同比 has no base)."""
    if not previous:
        return None
    return round_pct(Fraction(Decimal(current) - Decimal(previous)) / Fraction(Decimal(previous)) * 100)


def _money(value: Any) -> float:
    return float(Decimal(value).quantize(Decimal("0.01")))


# ---------------------------------------------------------------------------------------------- accidents


def accident_totals(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, Any]:
    """Counts for the period: the shape of ``metrics accidents`` without its comparisons."""
    row = db.query_one(con, "metrics/accident_totals", **filters.params())
    return {
        "accidents": int(row["accidents"]),
        "deaths": int(row["deaths"]),
        "missing": int(row["missing"]),
        "deaths_incl_missing": int(row["deaths_incl_missing"]),
        "serious_injuries": int(row["serious_injuries"]),
        "direct_loss_wan": _money(row["direct_loss_wan"]),
        "by_grade": {key: int(row[f"grade_{key}"]) for key in GRADE_KEYS},
        "larger_and_above": int(row["larger_and_above"]),
        "larger_and_above_deaths": int(row["larger_and_above_deaths"]),
        # 较大涉险 and 一般亡人事故 (issue 18; docs/rules.md#accident-grades): for the 通报, not in the CLI contract
        "risk_involved": int(row["risk_involved"]),
        "fatal_general": int(row["fatal_general"]),
        "fatal_general_deaths": int(row["fatal_general_deaths"]),
    }


# ---------------------------------------------------------------------------------------------- key sites


def key_site_totals(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, int]:
    return {k: int(v) for k, v in db.query_one(con, "metrics/key_site_totals", **filters.params()).items()}


def death_target(con: duckdb.DuckDBPyConnection, filters: Filters) -> int | None:
    """The year's control target (max 死亡（含失踪）) for the filtered region, None when none is set."""
    row = db.query_first(con, "metrics/death_target", **filters.params())
    return None if row is None else int(row["max_deaths"])


# ---------------------------------------------------------------------------------------------- reference


def regions(con: duckdb.DuckDBPyConnection):
    return db.query(con, "reference/regions")


def sectors(con: duckdb.DuckDBPyConnection):
    return db.query(con, "reference/sectors")


def township_labels(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The name shown for each township, by region_code: bare, or 城关街道（甲县） when another township shares
    its name (sql/views/township_labels.sql — the one rule every chart, table, export and document follows)."""
    frame = db.query(con, "reference/township_labels")
    return dict(zip(frame["region_code"], frame["township_label"]))


def label_townships(con: duckdb.DuckDBPyConnection, codes, names=None) -> list[str]:
    """The shown names of the townships ``codes`` (a region not a township keeps its ``names`` entry)."""
    codes = list(codes)
    labels = township_labels(con)
    fallback = list(names) if names is not None else [None] * len(codes)
    return [labels.get(c, n if n is not None else c) for c, n in zip(codes, fallback)]


def root_region(con: duckdb.DuckDBPyConnection) -> dict[str, str] | None:
    return db.query_first(con, "reference/root_region")


def check_region(con: duckdb.DuckDBPyConnection, region_code: str) -> None:
    """An unknown --region is an error, not an empty result."""
    found = db.query_one(con, "reference/region_exists", region=region_code)["region_exists"]
    if not found:
        raise db.RiskdashError(f"--region {region_code}: no such region in the database (expected a 12-digit code)")
