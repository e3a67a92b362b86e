"""The overview screen's KPIs: year to date against the same dates last year."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from riskdash.filters import Filters
from riskdash.metrics.accidents import target_progress
from riskdash.metrics.core import accident_totals, change_pct, death_target, key_site_totals, rate
from riskdash.metrics.rectification import rectification_totals


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
    return Overview(
        filters=filters,
        accidents=accident_totals(con, filters),
        accidents_previous=accident_totals(con, filters.previous_year()),
        rectification=rectification_totals(con, filters),
        key_sites=key_site_totals(con, filters),
        death_target=death_target(con, filters),
        target=target_progress(con, filters),
    )
