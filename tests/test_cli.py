"""The command line as scripts see it: JSON on stdout, one line on stderr when refused, the exit code.

Every test runs twice (conftest.riskdash_cli): in process, through the same ``cli.main`` that ``python -m
riskdash`` calls, in the fast tier; and as a real process (``python -m riskdash``; 46 s of CPU for the file that
way against 10 s), marked slow, in the whole suite."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import CITY, COUNTY_A, TOWN_A1, TOWN_A2, TOWN_B1, held
from riskdash import db


@pytest.fixture
def riskdash(riskdash_cli):
    """In process (fast tier) and as a real process (slow): conftest.riskdash_cli."""
    return riskdash_cli


def assert_refused(result: subprocess.CompletedProcess, *fragments: str) -> None:
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--deaths", "2", "--serious-injuries", "9", "--loss-wan", "999.99"],
         {"grade": "general", "grade_zh": "一般", "criterion": None}),
        (["--deaths", "2", "--missing", "1", "--serious-injuries", "0", "--loss-wan", "0"],
         {"grade": "larger", "grade_zh": "较大", "criterion": "deaths"}),
        (["--deaths", "0", "--serious-injuries", "50", "--loss-wan", "5000"],
         {"grade": "major", "grade_zh": "重大", "criterion": "serious_injuries"}),
        (["--deaths", "1", "--serious-injuries", "0", "--loss-wan", "10000"],
         {"grade": "especially_major", "grade_zh": "特别重大", "criterion": "direct_loss"}),
    ],
)
def test_grade_prints_the_contract_json(args, expected, riskdash):
    result = riskdash("grade", *args)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == expected


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--deaths", "-1", "--serious-injuries", "0", "--loss-wan", "0"], "--deaths"),
        (["--deaths", "two", "--serious-injuries", "0", "--loss-wan", "0"], "--deaths"),
        (["--deaths", "0", "--serious-injuries", "0", "--loss-wan", "-5"], "--loss-wan"),
        (["--deaths", "0", "--serious-injuries", "0", "--loss-wan", "nan"], "--loss-wan"),
        (["--deaths", "0", "--serious-injuries", "1.5", "--loss-wan", "0"], "--serious-injuries"),
        (["--deaths", "0", "--loss-wan", "0"], "--serious-injuries"),
    ],
)
def test_grade_refuses_bad_values_in_one_line(args, fragment, riskdash):
    assert_refused(riskdash("grade", *args), fragment)


def test_metrics_accidents_contract(small_db_path, riskdash):
    result = riskdash("metrics", "accidents", "--db", str(small_db_path), "--from", "2025-01-01", "--to", "2025-06-30")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert list(out) == ["accidents", "deaths", "missing", "deaths_incl_missing", "serious_injuries",
                         "direct_loss_wan", "by_grade", "larger_and_above", "previous", "yoy_pct", "mom", "target"]
    assert set(out["previous"]) == set(out) - {"previous", "yoy_pct", "mom", "target"}
    assert (out["accidents"], out["deaths_incl_missing"], out["larger_and_above"]) == (3, 4, 1)
    assert out["yoy_pct"] == {"accidents": 0.0, "deaths": 100.0}
    # January to June is not one month: no 环比; deaths 1 January – 30 June 4 of the target 10, 181 of 365 days
    assert out["mom"] is None
    assert out["target"] == {"year": 2025, "max_deaths": 10, "used_pct": 40.0, "time_elapsed_pct": 49.6}
    june = json.loads(riskdash("metrics", "accidents", "--db", str(small_db_path), "--from", "2025-06-01",
                               "--to", "2025-06-30").stdout)
    # June (A3, no death) against 1–30 May (nothing); the county has no target
    assert june["mom"] == {"from": "2025-05-01", "to": "2025-05-30", "accidents": 0, "deaths_incl_missing": 0,
                           "mom_pct": {"accidents": None, "deaths": None}}
    county = json.loads(riskdash("metrics", "accidents", "--db", str(small_db_path), "--from", "2025-06-01",
                                 "--to", "2025-06-30", "--region", COUNTY_A).stdout)
    assert county["target"] is None


def test_metrics_region_is_padded_and_includes_everything_below(small_db_path, riskdash):
    result = riskdash("metrics", "accidents", "--db", str(small_db_path), "--from", "2024-01-01",
                      "--to", "2025-06-30", "--region", COUNTY_A[:6])
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["accidents"] == 4


def test_metrics_rectification_contract(small_db_path, riskdash):
    result = riskdash("metrics", "rectification", "--db", str(small_db_path), "--from", "2025-01-01",
                      "--to", "2025-06-30", "--as-of", "2025-06-30", "--region", CITY)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "found": 6, "rectified": 2, "rate": 2 / 6, "general_found": 4, "general_rectified": 1,
        "general_rate": 0.25, "major_found": 2, "major_closed": 1, "major_rate": 0.5, "overdue": 3,
        # H3 verified but not delisted (摘牌) and H4: still under 挂牌督办
        "supervised_open": 2,
        # every hazard found by 30 June, whatever year: H2, H4 (major, rectified, awaiting verification), H5, H6
        # open; H2, H4, H6 overdue
        "stock": {"open": 4, "open_major": 1, "overdue": 3, "overdue_major": 1, "overdue_major_unrectified": 0,
                  "supervised_open": 2},
    }


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        (["--region", "419999000000"], "no such region"),
        (["--industry", "mining"], "unknown sector code"),
        (["--to", "2024-01-01"], "before --from"),
    ],
)
def test_metrics_refusals(small_db_path, extra, fragment, riskdash):
    args = ["metrics", "accidents", "--db", str(small_db_path), "--from", "2025-01-01", "--to", "2025-06-30"]
    if extra[0] == "--to":
        args = args[:-2]
    assert_refused(riskdash(*args, *extra), fragment)


def test_metrics_townships_names_each_veto_by_its_code(small_db_path, riskdash):
    """veto_codes runs beside veto_reasons, one code per reason, in product.md's names: 西乡 has a 较大
    accident (A2, 3 deaths incl. missing; its nature pending, which counts as liability) at an enterprise not
    in the 重点部位 ledger (E3) and, with a target of 0, deaths over the target as well."""
    from riskdash import db

    con = db.connect(small_db_path)
    con.execute("insert into annual_targets values (2025, ?, 0)", [TOWN_A2])
    con.close()
    result = riskdash("metrics", "townships", "--db", str(small_db_path), "--year", "2025")
    assert result.returncode == 0, result.stderr
    towns = {t["region_code"]: (t["vetoed"], t["veto_codes"], t["veto_reasons"])
             for t in json.loads(result.stdout)["townships"]}
    assert towns == {
        TOWN_A1: (False, [], []),
        TOWN_B1: (False, [], []),
        TOWN_A2: (True, ["larger_liability_accident", "ledger_missed_site", "target_exceeded"],
                  ["发生较大及以上责任事故1起（含性质待定；一票否决）",
                   "较大及以上责任事故1起发生在事故前未列入重点部位台账的企业（含性质待定；一票否决）",
                   "死亡（含失踪）3人，超过控制指标0人（一票否决）"]),
    }


def test_the_veto_codes_are_product_mds():
    """The codes metrics townships may print are exactly the list of product.md (read from it)."""
    from pathlib import Path

    from riskdash.metrics.campaigns import VETO_CODES

    product = Path(__file__).resolve().parents[2] / "shared" / "product.md"
    text = " ".join(product.read_text(encoding="utf-8").split())
    listed = text.split("veto's rule, one of", 1)[1].split(";", 1)[0]
    assert tuple(c.strip(" `") for c in listed.split(",")) == VETO_CODES


def test_db_from_the_environment(small_db_path, riskdash):
    import os

    env = {**os.environ, "RISKDASH_DB": str(small_db_path)}
    result = riskdash("metrics", "accidents", "--from", "2025-01-01", "--to", "2025-06-30", env=env)
    assert json.loads(result.stdout)["accidents"] == 3


def test_a_file_that_is_not_duckdb_is_refused_and_unchanged(tmp_path, riskdash):
    path = tmp_path / "riskdash.duckdb"
    path.write_text("accident_id,deaths\nA1,3\n", encoding="utf-8")
    result = riskdash("metrics", "accidents", "--db", str(path), "--from", "2025-01-01", "--to", "2025-06-30")
    assert_refused(result, "not a DuckDB database")
    assert path.read_text(encoding="utf-8") == "accident_id,deaths\nA1,3\n"


def test_a_missing_database_is_refused_not_created(tmp_path, riskdash):
    path = tmp_path / "none.duckdb"
    assert_refused(riskdash("metrics", "accidents", "--db", str(path), "--from", "2025-01-01", "--to", "2025-06-30"),
                   "no database here")
    assert not path.exists()


@pytest.mark.slow  # real child processes hold the file for seconds: left out of the fast tier
def test_a_database_held_by_the_dashboard_is_refused_in_one_line(small_db_path, riskdash, monkeypatch):
    monkeypatch.setenv(db.LOCK_WAIT_ENV, "0.5")  # the refusal, not the default 5 s wait (tests/test_db.py)
    with held(small_db_path):
        result = riskdash("metrics", "accidents", "--db", str(small_db_path), "--from", "2025-01-01",
                          "--to", "2025-06-30")
        assert_refused(result, "held by another process", "dashboard")


def test_metrics_work_while_the_dashboard_serves(small_db_path, riskdash):
    with held(small_db_path, read_only=True):
        result = riskdash("metrics", "accidents", "--db", str(small_db_path), "--from", "2025-01-01", "--to", "2025-06-30")
        assert result.returncode == 0, result.stderr


@pytest.mark.slow  # real child processes hold the file for seconds: left out of the fast tier
def test_demo_refuses_a_file_the_dashboard_holds_and_changes_nothing(tmp_path, riskdash, monkeypatch):
    monkeypatch.setenv(db.LOCK_WAIT_ENV, "0.5")  # the refusal, not the default 5 s wait (tests/test_db.py)
    path = tmp_path / "demo.duckdb"
    built = riskdash("demo", "--db", str(path), "--scale", "0.1", "--today", "2025-06-30")
    assert built.returncode == 0, built.stderr
    before = path.read_bytes()
    with held(path, read_only=True):
        assert_refused(riskdash("demo", "--db", str(path), "--scale", "0.1", "--today", "2025-07-31"),
                       "held by another process")
    assert path.read_bytes() == before


def test_demo_refuses_a_database_that_is_not_a_demo_unless_forced(small_db_path, riskdash):
    before = small_db_path.read_bytes()
    assert_refused(riskdash("demo", "--db", str(small_db_path), "--scale", "0.1", "--today", "2025-06-30"),
                   "not demo data")
    assert small_db_path.read_bytes() == before
    forced = riskdash("demo", "--db", str(small_db_path), "--scale", "0.1", "--today", "2025-06-30", "--force")
    assert forced.returncode == 0, forced.stderr
    result = riskdash("metrics", "accidents", "--db", str(small_db_path), "--from", "2025-01-01", "--to", "2025-06-30")
    assert json.loads(result.stdout)["accidents"] > 0


def test_demo_refuses_a_file_that_is_not_duckdb(tmp_path, riskdash):
    path = tmp_path / "riskdash.duckdb"
    path.write_bytes(b"PK\x03\x04 an xlsx, not a database")
    assert_refused(riskdash("demo", "--db", str(path), "--scale", "0.1", "--today", "2025-06-30"),
                   "not a DuckDB database")
    assert path.read_bytes() == b"PK\x03\x04 an xlsx, not a database"


def test_demo_replaces_an_older_demo_that_needs_migrating(tmp_path, riskdash):
    """A demo file made by an older release is still ours to rebuild (read without migrating)."""
    import duckdb

    from riskdash import db

    path = tmp_path / "old-demo.duckdb"
    con = duckdb.connect(str(path))
    con.execute(db.sql_text(db.MIGRATIONS[1]))
    db.set_meta(con, "schema_version", "1")
    db.set_meta(con, "dataset", "demo")
    con.close()
    result = riskdash("demo", "--db", str(path), "--scale", "0.1", "--today", "2025-06-30")
    assert result.returncode == 0, result.stderr
    con = db.connect(path, read_only=True)
    assert db.schema_version(con) == db.SCHEMA_VERSION and db.is_demo(con)
    con.close()
