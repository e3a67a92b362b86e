"""``riskdash bench``: warm medians of every registered query against a demo city of a given scale.

The bench's own wing: nothing in the product imports it but the ``bench`` command (tests/test_import_graph.py).
``registry`` lists the queries (the SQL file, the filters it is timed with, the largest table it reads — its
floor is a bare aggregate scan of that table, ``FLOOR_SQL`` — and, where one exists, the plain pandas peer from
``oracle``); ``import_task`` and ``brief_tasks`` are the timed commands; ``browser_tasks`` times the screens
in headless Chromium beside Streamlit's own floor (only with ``--only browser/``). Timings belong here, never
in timed tests.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, Callable

import duckdb

from riskdash import db
from riskdash.bench import brief_tasks, browser_tasks, import_task, registry
from riskdash.bench.spec import BenchQuery, city_year_to_date
from riskdash.filters import Filters

# the bench city's "today": fixed, so that timings of different days compare
BENCH_TODAY = date(2026, 11, 28)
BENCH_SEED = 20261128

# the floor of a table: a bare aggregate scan that must read its main columns (sums cannot come from the
# min/max statistics DuckDB keeps, so these really scan)
FLOOR_SQL = {
    "accidents": "select count(*), sum(deaths + serious_injuries), sum(epoch(occurred_at)) from accidents",
    "inspections": "select count(*), sum(epoch(inspected_on)) from inspections",
    "enterprises": "select count(*), sum(employees) from enterprises",
    "hazards": "select count(*), sum(deadline - found_on) from hazards",
    "key_sites": "select count(*), sum(potential_fatalities) from key_sites",
    "annual_targets": "select count(*), sum(max_deaths) from annual_targets",
    "regions": "select count(*), sum(length(region_code)) from regions",
}


def registered_queries() -> list[BenchQuery]:
    """Every timed query, in the order of the JSON (riskdash.bench.registry)."""
    queries = list(registry.QUERIES)
    names = [q.name for q in queries]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise ValueError(f"bench queries registered twice: {sorted(duplicates)}")
    return queries


def registered_tasks() -> list[Callable[[], dict[str, Any]]]:
    """The timed tasks (callables returning {"name", "seconds", "peak_rss_mb"}), each with a ``bench_name``
    attribute naming it for ``--only``."""
    return [*import_task.BENCH_TASKS, *brief_tasks.BENCH_TASKS, *brief_tasks.SCREEN_TASKS]


def _selected(name: str, only: list[str] | None) -> bool:
    return not only or any(name.startswith(prefix) for prefix in only)


# ---------------------------------------------------------------------------------------------- timing


def _median_ms(fn: Callable[[], Any], runs: int, slow_ms: float | None = None) -> float:
    """Median of ``runs`` warm runs; with ``slow_ms``, a first run slower than that is the figure itself
    (the pandas peers take tens of seconds at scale 20: repeating them tells nothing new)."""
    started = time.perf_counter()
    fn()  # warm-up: caches, first-touch of the file
    first_ms = (time.perf_counter() - started) * 1000
    if slow_ms is not None and first_ms > slow_ms:
        return first_ms
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _rows_scanned(con: duckdb.DuckDBPyConnection, text: str, params: dict) -> int | None:
    con.execute("pragma enable_profiling = 'no_output'")
    try:
        con.execute(text, params).fetchall()
        info = json.loads(con.get_profiling_information(format="json"))
        return int(info.get("query", {}).get("total_rows_scanned", 0))
    except (duckdb.Error, ValueError, KeyError):
        return None
    finally:
        con.execute("pragma disable_profiling")


def scoped(filters: Filters, bound: str | None) -> Filters:
    """The filters as an account bounded by region ``bound`` reads them (``--user``, as the reading commands
    apply it: the account's region is the region and the bound); unchanged for no bound (admin, city)."""
    return filters if bound is None else replace(filters, region_code=bound, account_region=bound)


def account_bound(con: duckdb.DuckDBPyConnection, user: str | None) -> str | None:
    """The region ``--user NAME``'s account is bounded by (None without --user or for admin and city); an
    unknown or disabled account is refused in one line."""
    if user is None:
        return None
    from riskdash import accounts

    return accounts.account_scope(accounts.account_for(con, user))


def time_query(con: duckdb.DuckDBPyConnection, query: BenchQuery, runs: int, pandas: bool = True,
               bound: str | None = None) -> dict[str, Any]:
    filters = scoped(query.filters(con), bound)
    text = db.sql_text(query.name)
    extra = query.params(filters) if query.params else {}
    params = db._bind(text, {**filters.params(), **extra})
    if query.as_list:  # as the screen fetches it (db.query_list)
        median_ms = _median_ms(lambda: db.query_list(con, query.name, **filters.params(), **extra), runs)
    else:
        median_ms = _median_ms(lambda: con.execute(text, params).fetchall(), runs)
    floor_ms = _median_ms(lambda: con.execute(FLOOR_SQL[query.floor_table]).fetchall(), runs)
    pandas_ms = None
    if pandas and query.pandas is not None:
        pandas_ms = round(_median_ms(lambda: query.pandas(con, filters), max(1, min(runs, 3)), slow_ms=2000), 2)
    return {
        "name": query.name,
        "median_ms": round(median_ms, 2),
        "floor_ms": round(floor_ms, 2),
        "ratio_to_floor": round(median_ms / floor_ms, 2) if floor_ms > 0 else None,
        "rows_scanned": _rows_scanned(con, text, params),
        "pandas_ms": pandas_ms,
        "sql_to_pandas": round(median_ms / pandas_ms, 3) if pandas_ms else None,
    }


def _peak_rss_mb(who: int) -> float:
    # ru_maxrss is in KiB on Linux
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def default_bench_path(scale: float) -> Path:
    return Path("data") / f"bench-scale-{scale:g}.duckdb"


def _open_migrated(path: Path) -> duckdb.DuckDBPyConnection:
    """Open read-only (several benches may read one file at once); a file made before a schema or view change
    is migrated in place first — rebuilding a scale-20 city for a new view would cost minutes."""
    try:
        return db.connect(path, read_only=True)
    except db.RiskdashError as exc:
        if "needs migrating" not in str(exc):
            raise
        db.migrate_file(path)
        return db.connect(path, read_only=True)


def _bench_db_matches(path: Path, scale: float) -> bool:
    if not path.exists():
        return False
    try:
        con = _open_migrated(path)
    except db.RiskdashError:
        return False
    try:
        built_scale = db.get_meta(con, "demo_scale")
        return (db.get_meta(con, "dataset") == "demo" and built_scale is not None
                and float(built_scale) == scale and db.data_as_of(con) == BENCH_TODAY)
    finally:
        con.close()


def build_bench_db(path: Path, scale: float) -> dict[str, Any]:
    """Build the demo city in a child process, so that its time and peak memory are its own."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "riskdash", "demo", "--db", str(path), "--scale", f"{scale:g}",
         "--seed", str(BENCH_SEED), "--today", BENCH_TODAY.isoformat(), "--force"],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise db.RiskdashError(f"building the bench database failed: {result.stderr.strip().splitlines()[-1:]}")
    return {
        "name": f"demo build (scale {scale:g})",
        "seconds": round(time.perf_counter() - started, 2),
        "peak_rss_mb": _peak_rss_mb(resource.RUSAGE_CHILDREN),
    }


OPEN_TASK = "open"
RANKING_TASK = "ranking/townships"


def time_ranking(con: duckdb.DuckDBPyConnection, runs: int, bound: str | None) -> dict[str, Any]:
    """The 乡镇考核排名 as the 专项行动 screen and ``metrics townships`` compute it (metrics.campaigns.townships:
    the scorecard, the stations and, for a scope narrower than the city, each township's city rank)."""
    from riskdash.metrics import campaigns

    filters = scoped(city_year_to_date(con), bound)
    median_ms = _median_ms(lambda: campaigns.townships(con, filters), runs)
    return {"name": RANKING_TASK, "seconds": round(median_ms / 1000, 4), "peak_rss_mb": _peak_rss_mb(resource.RUSAGE_SELF)}


def time_open(path: Path, runs: int) -> dict[str, Any]:
    """A read-only open as the dashboard and ``metrics`` make it (db.connect, with its key check), beside the
    two checks it chooses between: the fingerprint that answers when the keys are as the last sync left them
    (the common case) and the full check (key_mismatches) run only when the fingerprint differs."""
    con = db.connect(path, read_only=True)
    try:
        stale = db.get_meta(con, db.KEYS_FINGERPRINT) != db.keys_fingerprint(con)
    finally:
        con.close()
    if stale:  # a file built before the fingerprint: a writable open stores it, as any write or open does
        db.migrate_file(path)
    con = db.connect(path, read_only=True)
    try:
        fingerprint_ms = _median_ms(lambda: db.keys_fingerprint(con), runs)
        full_ms = _median_ms(lambda: db.key_mismatches(con), runs)
    finally:
        con.close()
    open_ms = _median_ms(lambda: db.connect(path, read_only=True).close(), runs)
    return {"name": "open (read-only, with the key check)", "seconds": round(open_ms / 1000, 3),
            "key_fingerprint_ms": round(fingerprint_ms, 1), "key_full_check_ms": round(full_ms, 1),
            "peak_rss_mb": _peak_rss_mb(resource.RUSAGE_SELF)}


def run_bench(scale: float = 1.0, db_path: str | os.PathLike | None = None, runs: int = 7,
              rebuild: bool = False, only: list[str] | None = None, pandas: bool = True,
              user: str | None = None) -> dict[str, Any]:
    """Time every registered query and task; ``only`` keeps the names starting with one of its prefixes
    (e.g. ``accidents/``), ``pandas=False`` skips the (slow) pandas peers. ``user``: every query (and the
    township ranking) read as that account, its region bounding the filters as ``--user`` does on the
    reading commands (docs/accounts.md, "Bench")."""
    path = Path(db_path) if db_path else default_bench_path(scale)
    tasks = []
    if rebuild or not _bench_db_matches(path, scale):
        tasks.append(build_bench_db(path, scale))
    con = _open_migrated(path)
    try:
        bound = account_bound(con, user)
        results = [time_query(con, query, runs, pandas, bound) for query in registered_queries()
                   if _selected(query.name, only)]
        if _selected(RANKING_TASK, only):
            tasks.append(time_ranking(con, runs, bound))
    finally:
        con.close()
    tasks.extend(task() for task in registered_tasks() if _selected(getattr(task, "bench_name", ""), only))
    if browser_tasks.browser_selected(only):  # only when asked for: servers and Chromium, runs × 2 starts
        tasks.extend(browser_tasks.run_browser(path, runs, only))
    if _selected(OPEN_TASK, only):
        tasks.append(time_open(path, runs))
    return {
        "scale": scale,
        "database": str(path),
        **({"user": user, "account_region": bound} if user is not None else {}),
        "queries": results,
        "tasks": tasks,
        "peak_rss_mb": _peak_rss_mb(resource.RUSAGE_SELF),
    }
