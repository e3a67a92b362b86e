"""What a screen registers in ``riskdash bench``: light, so that metric modules can import it.

Each module under ``riskdash.metrics`` may define ``BENCH_QUERIES: list[BenchQuery]``; ``riskdash bench``
collects them all (see ``bench.registered_queries``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import duckdb

from riskdash.filters import Filters


@dataclass(frozen=True)
class BenchQuery:
    name: str  # the SQL file under sql/, e.g. "metrics/accident_totals"
    floor_table: str  # the largest table it reads: its floor is a bare aggregate scan of that table
    filters: Callable[[duckdb.DuckDBPyConnection], Filters]
    pandas: Callable[[duckdb.DuckDBPyConnection, Filters], Any] | None = None  # the plain pandas peer
    params: Callable[[Filters], dict[str, Any]] | None = None  # extra parameters beyond Filters.params()
    # a long list its metric fetches with db.query_list (Arrow → DataFrame): timed that way, fetch included;
    # every other query is timed as execute + fetchall()
    as_list: bool = False


def city_year_to_date(con: duckdb.DuckDBPyConnection) -> Filters:
    """The overview's default: 1—N月 for the whole city, as of the data's as-of day."""
    from riskdash import db, metrics
    from riskdash.filters import preset_period

    as_of = db.data_as_of(con)
    start, end = preset_period("year_to_date", as_of)
    root = metrics.root_region(con)["region_code"]
    return Filters(start=start, end=end, region_code=root, as_of=as_of)
