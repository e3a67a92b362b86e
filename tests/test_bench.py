"""riskdash bench: the JSON contract (README.md, "Command line"), and --only / --no-pandas selecting what is timed."""

import pytest
from conftest import copy_database

from riskdash import bench

QUERY_KEYS = {"name", "median_ms", "floor_ms", "ratio_to_floor", "rows_scanned", "pandas_ms", "sql_to_pandas"}


def test_every_registered_query_and_task_has_a_name_to_select_it_by():
    names = [query.name for query in bench.registered_queries()]
    assert len(names) == len(set(names))
    assert all("/" in name for name in names)
    assert all(getattr(task, "bench_name", "") for task in bench.registered_tasks())


def test_only_times_the_selected_queries_on_a_small_demo_city(tmp_path, first_bench):
    built, first = first_bench  # bench.run_bench(scale=0.05, db_path=<missing>, runs=1, only=["metrics/"])
    # the database was missing, so building it is the one task; no import/brief task was selected
    assert [task["name"] for task in first["tasks"]] == ["demo build (scale 0.05)"]
    expected = [query.name for query in bench.registered_queries() if query.name.startswith("metrics/")]
    assert [row["name"] for row in first["queries"]] == expected
    for row in first["queries"]:
        assert set(row) == QUERY_KEYS
        assert row["median_ms"] > 0 and row["floor_ms"] > 0
    with_peer = [row for row in first["queries"] if row["name"] == "metrics/accident_totals"]
    assert with_peer[0]["pandas_ms"] is not None

    path = copy_database(built, tmp_path / "bench.duckdb")  # the database that run left
    again = bench.run_bench(scale=0.05, db_path=path, runs=1, only=["metrics/accident_totals"], pandas=False)
    assert again["tasks"] == []  # the matching database is reused, not rebuilt
    assert [row["name"] for row in again["queries"]] == ["metrics/accident_totals"]
    assert again["queries"][0]["pandas_ms"] is None


@pytest.fixture(scope="module")
def first_bench(tmp_path_factory):
    """``riskdash bench --scale 0.05 --runs 1 --only metrics/`` on a missing database, run once for the module
    (~5 s of CPU, the demo build most of it): (the database it left, its result). The first test checks the
    result; the others start from a copy of the database, as from one an earlier bench left."""
    path = tmp_path_factory.mktemp("bench") / "bench.duckdb"
    first = bench.run_bench(scale=0.05, db_path=path, runs=1, only=["metrics/"])
    assert not path.with_name(path.name + ".wal").exists()
    return path, first


@pytest.fixture(scope="module")
def bench_file(first_bench):
    path, first = first_bench
    assert [task["name"] for task in first["tasks"]] == ["demo build (scale 0.05)"]
    return path


def test_a_bench_database_from_before_a_view_change_is_migrated_not_rebuilt(tmp_path, bench_file):
    from riskdash import db

    path = copy_database(bench_file, tmp_path / "bench.duckdb")
    con = db.connect(path)
    con.execute("update meta set value = 'an older fingerprint' where key = 'views_fingerprint'")
    con.close()
    later = bench.run_bench(scale=0.05, db_path=path, runs=1, only=["metrics/key_site_totals"], pandas=False)
    assert later["tasks"] == []  # a rebuild would show up as a "demo build" task
    con = db.connect(path, read_only=True)
    assert db.get_meta(con, "views_fingerprint") == db.views_fingerprint()
    con.close()


def test_open_times_a_read_only_open_with_its_key_check(tmp_path, bench_file):
    from riskdash import db

    path = copy_database(bench_file, tmp_path / "bench.duckdb")
    con = db.connect(path)
    con.execute("update meta set value = 'stale' where key = $k", {"k": db.KEYS_FINGERPRINT})
    con.close()
    result = bench.run_bench(scale=0.05, db_path=path, runs=1, only=["open"], pandas=False)
    assert result["queries"] == []
    [task] = result["tasks"]
    assert task["name"] == "open (read-only, with the key check)"
    assert set(task) == {"name", "seconds", "key_fingerprint_ms", "key_full_check_ms", "peak_rss_mb"}
    con = db.connect(path, read_only=True)  # a stale fingerprint is stored again first: the open timed is the
    assert db.get_meta(con, db.KEYS_FINGERPRINT) == db.keys_fingerprint(con)  # common case
    con.close()


def test_user_times_every_query_as_that_account_reads_it(tmp_path, bench_file):
    """``riskdash bench --user NAME`` (issue 16): the account's region is the region and the bound of every
    query's filters, as ``--user`` on the reading commands; admin and city accounts change nothing."""
    from datetime import date

    from riskdash import accounts, db
    from riskdash.filters import Filters

    whole = Filters(start=date(2026, 1, 1), end=date(2026, 6, 30), region_code="419900000000",
                    as_of=date(2026, 6, 30), industry="mining")
    assert bench.scoped(whole, None) == whole
    assert bench.scoped(whole, "419901001000") == Filters(
        start=date(2026, 1, 1), end=date(2026, 6, 30), region_code="419901001000", as_of=date(2026, 6, 30),
        industry="mining", account_region="419901001000")

    path = copy_database(bench_file, tmp_path / "bench.duckdb")
    plain = bench.run_bench(scale=0.05, db_path=path, runs=1, only=["metrics/accident_totals", "ranking/"],
                            pandas=False)
    assert "user" not in plain and [t["name"] for t in plain["tasks"]][-1] == "ranking/townships"
    con = db.connect(path, read_only=True)
    try:
        township = accounts.get_account(con, "township")  # the demo's township account
    finally:
        con.close()
    scoped = bench.run_bench(scale=0.05, db_path=path, runs=1, only=["metrics/accident_totals", "ranking/"],
                             pandas=False, user="township")
    assert (scoped["user"], scoped["account_region"]) == ("township", township.region_code)
    assert [q["name"] for q in scoped["queries"]] == ["metrics/accident_totals"]
    assert [t["name"] for t in scoped["tasks"]] == ["ranking/townships"]
    admin = bench.run_bench(scale=0.05, db_path=path, runs=1, only=["metrics/accident_totals"], pandas=False,
                            user="admin")
    assert admin["account_region"] is None
    with pytest.raises(accounts.AccountError, match="no such account"):
        bench.run_bench(scale=0.05, db_path=path, runs=1, only=["metrics/"], pandas=False, user="nobody")


def test_a_browser_step_that_fails_is_one_line_naming_the_step_and_the_server():
    """The scale-20 city's record step once ended `riskdash bench` with a Playwright traceback (the list's first
    row was scrolled off the screen): a failing step is one line now, saying which step, on which server."""
    from playwright.sync_api import Error as PlaywrightError

    from riskdash import db
    from riskdash.bench import browser_tasks

    def fails():
        raise PlaywrightError('Locator.wait_for: Timeout 120000ms exceeded.\nCall log:\n  - waiting for locator')

    with pytest.raises(db.RiskdashError) as caught:
        browser_tasks._step("warm/record", "bench", fails)
    assert str(caught.value) == ("bench browser: step warm/record failed on the dashboard: Locator.wait_for: "
                                 "Timeout 120000ms exceeded.; nothing was written to the bench database (a copy)")
    with pytest.raises(db.RiskdashError, match="on the floor app"):
        browser_tasks._step("warm/record", "floor", fails)
    assert browser_tasks._step("login", "bench", lambda: 1.5) == 1.5
