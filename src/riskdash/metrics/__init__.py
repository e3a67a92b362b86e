"""Metrics: each function runs the SQL file of its name and shapes the (small) result.

Rates are unrounded fractions 0–1 and None where the denominator is 0; ``*_pct`` values are percentages
rounded half away from zero to one decimal (docs/rules.md, "Rates").

This package only gathers the names screens and commands use as ``metrics.<name>``: the shared ones live in
``core`` and each screen's in its own module, none of which imports this package (no import circle).
"""

from __future__ import annotations

from riskdash.metrics.accidents import accidents_summary
from riskdash.metrics.core import (
    GRADE_KEYS,
    accident_totals,
    change_pct,
    check_region,
    death_target,
    key_site_totals,
    label_townships,
    rate,
    regions,
    root_region,
    round_pct,
    sectors,
    township_labels,
)
from riskdash.metrics.overview import Overview, overview
from riskdash.metrics.rectification import rectification_totals

__all__ = ["GRADE_KEYS", "Overview", "accident_totals", "accidents_summary", "change_pct", "check_region",
           "death_target", "key_site_totals", "label_townships", "overview", "rate", "rectification_totals",
           "regions", "root_region", "round_pct", "sectors", "township_labels"]
