"""Metrics: each function runs the SQL file of its name and shapes the (small) result.

Rates are unrounded fractions 0–1 and None where the denominator is 0; ``*_pct`` values are percentages
rounded half away from zero to one decimal (docs/rules.md, "Rates"; ``riskdash.domain.round_pct``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

import duckdb

from riskdash import db
from riskdash.domain import round_pct  # noqa: F401 (metrics.round_pct: the screens' and commands' name)
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
    }


def accidents_summary(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, Any]:
    """``riskdash metrics accidents``: the period, the same dates one year earlier and 同比, 环比 on the same
    days of the previous month (``mom``, None across months) and the control target with 时间进度 (``target``,
    None without one) — ``metrics.accidents.accidents_mom`` and ``target_progress``."""
    from riskdash.metrics.accidents import accidents_mom, target_progress  # that module imports this one

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


# ---------------------------------------------------------------------------------------------- hazards


def rectification_totals(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, Any]:
    """``riskdash metrics rectification``: hazards found in the period as they stood on the as-of day (flows), and
    ``stock``: every hazard found on or before the as-of day, whatever year (what "截至…" states)."""
    from riskdash.metrics.rectification import rectification_stock  # that module imports this one

    # the query also carries the screen's on-time and median columns (one query serves both); the contract
    # keeps its own keys
    found = db.query_one(con, "metrics/rectification_totals", **filters.params())
    row = {k: int(found[k]) for k in ("found", "rectified", "general_found", "general_rectified", "major_found",
                                        "major_closed", "overdue", "overdue_major", "supervised_open")}
    return {
        "found": row["found"],
        "rectified": row["rectified"],
        "rate": rate(row["rectified"], row["found"]),
        "general_found": row["general_found"],
        "general_rectified": row["general_rectified"],
        "general_rate": rate(row["general_rectified"], row["general_found"]),
        "major_found": row["major_found"],
        "major_closed": row["major_closed"],
        "major_rate": rate(row["major_closed"], row["major_found"]),
        "overdue": row["overdue"],
        "overdue_major": row["overdue_major"],
        "supervised_open": row["supervised_open"],
        "stock": rectification_stock(con, filters),
    }


# ---------------------------------------------------------------------------------------------- key sites


def key_site_totals(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, int]:
    return {k: int(v) for k, v in db.query_one(con, "metrics/key_site_totals", **filters.params()).items()}


def death_target(con: duckdb.DuckDBPyConnection, filters: Filters) -> int | None:
    """The year's control target (max 死亡（含失踪）) for the filtered region, None when none is set."""
    frame = db.query(con, "metrics/death_target", **filters.params())
    return None if frame.empty else int(frame.loc[0, "max_deaths"])


# ---------------------------------------------------------------------------------------------- overview


@dataclass(frozen=True)
class Overview:
    """The overview screen's KPIs: year to date against the same dates last year."""

    filters: Filters
    accidents: dict[str, Any]
    accidents_previous: dict[str, Any]
    rectification: dict[str, Any]
    key_sites: dict[str, int]
    death_target: int | None
    # the control target with 时间进度 (``metrics.accidents.target_progress``), None without a target
    target: dict[str, Any] | None = None

    @property
    def yoy_pct(self) -> dict[str, float | None]:
        return {
            "accidents": change_pct(self.accidents["accidents"], self.accidents_previous["accidents"]),
            "deaths": change_pct(
                self.accidents["deaths_incl_missing"], self.accidents_previous["deaths_incl_missing"]
            ),
            "larger_and_above": change_pct(
                self.accidents["larger_and_above"], self.accidents_previous["larger_and_above"]
            ),
        }

    @property
    def target_used(self) -> float | None:
        """Share of the year's death target used so far (0–1+), None without a target."""
        if self.death_target is None:
            return None
        return rate(self.accidents["deaths_incl_missing"], self.death_target)


def overview(con: duckdb.DuckDBPyConnection, filters: Filters) -> Overview:
    from riskdash.metrics.accidents import target_progress  # that module imports this one

    return Overview(
        filters=filters,
        accidents=accident_totals(con, filters),
        accidents_previous=accident_totals(con, filters.previous_year()),
        rectification=rectification_totals(con, filters),
        key_sites=key_site_totals(con, filters),
        death_target=death_target(con, filters),
        target=target_progress(con, filters),
    )


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
    frame = db.query(con, "reference/root_region")
    return None if frame.empty else frame.iloc[0].to_dict()


def check_region(con: duckdb.DuckDBPyConnection, region_code: str) -> None:
    """An unknown --region is an error, not an empty result."""
    found = db.query_one(con, "reference/region_exists", region=region_code)["region_exists"]
    if not found:
        raise db.RiskdashError(f"--region {region_code}: no such region in the database (expected a 12-digit code)")
