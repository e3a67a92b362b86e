"""What ``riskdash bench`` times: one ``BenchQuery`` per SQL file (listed in ``riskdash.bench.registry``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import duckdb

from riskdash import db, metrics
from riskdash.filters import Filters, preset_period


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
    as_of = db.data_as_of(con)
    start, end = preset_period("year_to_date", as_of)
    root = metrics.root_region(con)["region_code"]
    return Filters(start=start, end=end, region_code=root, as_of=as_of)
