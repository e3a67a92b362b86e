"""Plain pandas implementations of the metrics: load the rows, filter, group, count.

They share nothing with the SQL (no views, no macros): property-based tests use them as an independent
oracle (SQL and pandas must agree on random data) and ``riskdash bench`` reports their time beside the SQL.
Only for tests and the benchmark — screens never use them.
"""

from riskdash.bench.oracle.overview import (
           accident_totals,
           key_site_totals,
           rectification_totals,
)
from riskdash.bench.oracle.tables import (
           _table,
           descendants,
           grade_frame,
           township_labels,
)

__all__ = ["_table", "accident_totals", "descendants", "grade_frame", "key_site_totals", "rectification_totals",
           "township_labels"]
