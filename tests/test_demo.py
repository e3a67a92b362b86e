"""The demo city: deterministic, dated up to today, shaped like a real city's data, and built safely.

Builds are real DuckDB files under tmp_path: one at scale 1 (about 5 s) for the shape of the data, and
small ones (scale 0.2) for determinism and for the refusals.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from conftest import new_database

from riskdash import db, demo

# the date of the shared demo city (tests/shared_demo.py), which the module's scale-1 city is
TODAY = date(2026, 11, 28)
SMALL = 0.2


def _table_hashes(path: Path) -> dict[str, tuple[int, int]]:
    con = db.connect(path, read_only=True)
    try:
        return {
            t: tuple(con.execute(f"select count(*), coalesce(sum(hash(t)), 0) from {t} t").fetchone())
            for t in demo.COUNTED_TABLES
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> Path:
    """A copy of the scale-1 city of seed 42 that several files read, built once per test process by
    ``demo.build_demo(path, scale=1.0, seed=42, today=TODAY)`` (tests/shared_demo.py): ~5 s of CPU not spent twice."""
    from shared_demo import TODAY as SHARED_TODAY
    from shared_demo import demo_city

    assert SHARED_TODAY == TODAY
    path = demo_city(tmp_path_factory.mktemp("demo") / "city.duckdb")
    con = db.connect(path, read_only=True)
    try:
        assert con.execute("select count(*) from enterprises").fetchone()[0] == 5000
    finally:
        con.close()
    return path


@pytest.fixture(scope="module")
def con(city):
    con = db.connect(city, read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="module")
def small_builds(tmp_path_factory) -> dict:
    """Three small cities: "a" and "other_seed" built new, "b" of a's seed built with force over a real
    database after a build without force was refused there ("refused": what that refusal left; the test of the
    refusal reads it). "b" is both the second build of the determinism tests and the forced build (a small
    build costs ~2 s of CPU)."""
    folder = tmp_path_factory.mktemp("small")
    paths = {"a": folder / "a.duckdb", "b": _real_database(tmp_path_factory.mktemp("real") / "b.duckdb"),
             "other_seed": folder / "c.duckdb"}
    demo.build_demo(paths["a"], scale=SMALL, seed=42, today=TODAY)
    before = _fingerprint(paths["b"])
    try:
        demo.build_demo(paths["b"], scale=SMALL, today=TODAY)
        refusal = None
    except db.RiskdashError as exc:
        refusal = str(exc)
    refused = {"error": refusal, "unchanged": _fingerprint(paths["b"]) == before,
               "leftovers": _leftovers(paths["b"].parent)}
    demo.build_demo(paths["b"], scale=SMALL, today=TODAY, force=True)  # the default seed is 42
    demo.build_demo(paths["other_seed"], scale=SMALL, seed=7, today=TODAY)
    return {**paths, "refused": refused}


def _real_database(path: Path) -> Path:
    """A riskdash database of imported data, not a demo."""
    con = db.connect(new_database(path))
    db.set_meta(con, "dataset", "import")
    con.execute("checkpoint")
    con.close()
    return path


def _one(con, sql: str, **params):
    return con.execute(sql, params).fetchone()[0]


# ---------------------------------------------------------------------------------------------- determinism


def test_same_seed_gives_identical_tables(small_builds):
    a, b = _table_hashes(small_builds["a"]), _table_hashes(small_builds["b"])
    assert a == b
    assert all(count > 0 for count, _ in a.values())


def test_another_seed_gives_another_city(small_builds):
    a, c = _table_hashes(small_builds["a"]), _table_hashes(small_builds["other_seed"])
    for table in ("enterprises", "accidents", "hazards", "inspections", "key_sites"):
        assert a[table] != c[table], table


def test_meta_marks_the_file_as_demo(con):
    assert db.get_meta(con, "dataset") == "demo"
    assert db.get_meta(con, "data_as_of") == TODAY.isoformat()
    assert db.get_meta(con, "demo_seed") == "42"
    assert float(db.get_meta(con, "demo_scale")) == 1.0
    assert db.get_meta(con, "created_at")
    assert _one(con, "select count(*) from audit_log where action = 'demo'") == 1
    # the latent risk stays in the build's TEMP tables
    assert _one(con, "select count(*) from information_schema.columns where column_name ilike '%latent%'") == 0


# ---------------------------------------------------------------------------------------------- dates


DATE_COLUMNS = {
    "accidents": ["occurred_at", "reported_at", "closed_on"],
    "inspections": ["inspected_on"],
    "hazards": ["found_on", "rectified_on", "verified_on", "supervised_on", "delisted_on"],
    "key_sites": ["filed_city_on", "filed_county_on"],
    "checklist_status": ["status_on"],
    "zero_report_windows": ["start_on"],
    "zero_reports": ["report_on", "reported_at"],
    "warning_meetings": ["held_on"],
}


@pytest.mark.parametrize("table", sorted(DATE_COLUMNS))
def test_no_date_after_today(con, table):
    for column in DATE_COLUMNS[table]:
        latest = _one(con, f"select max(cast({column} as date)) from {table}")
        assert latest is not None and latest <= TODAY, (table, column, latest)
    first = _one(con, f"select min(cast({DATE_COLUMNS[table][0]} as date)) from {table}")
    assert first >= date(TODAY.year - 5, 1, 1)


# ---------------------------------------------------------------------------------------------- regions


def test_one_city_with_counties_and_townships(con):
    rows = dict(con.execute("select level, count(*) from regions group by level").fetchall())
    assert rows == {"city": 1, "county": 6, "township": 60}
    assert _one(con, "select count(*) from regions where not regexp_full_match(region_code, '[0-9]{12}')") == 0
    assert _one(con, """select count(*) from regions where level = 'county'
                        and not (region_code like '%000000' and parent_code like '%00000000')""") == 0
    assert _one(con, """select count(*) from regions t join regions c on c.region_code = t.parent_code
                        where t.level = 'township' and (c.level <> 'county' or t.region_code not like '%000'
                              or t.region_code like '%000000')""") == 0
    # a development zone or industrial park in every county, key townships about 40 %
    assert _one(con, """select count(*) from regions c where c.level = 'county' and not exists
                        (select 1 from regions t where t.parent_code = c.region_code and t.kind = 'zone')""") == 0
    key_share = _one(con, "select avg((township_class = 'key')::int) from regions where level = 'township'")
    assert 0.3 <= key_share <= 0.6


def test_enterprises_sit_in_townships_inside_the_city(con):
    assert _one(con, """select count(*) from enterprises e join regions r using (region_code)
                        where r.level <> 'township'""") == 0
    lon_min, lon_max, lat_min, lat_max = con.execute(
        "select min(longitude), max(longitude), min(latitude), max(latitude) from enterprises").fetchone()
    assert 112.0 <= lon_min and lon_max <= 113.2 and 34.2 <= lat_min and lat_max <= 35.0
    assert _one(con, "select count(*) from enterprises where length(credit_code) <> 18") == 0
    closed = _one(con, "select avg((status = 'closed')::int) from enterprises")
    assert 0 < closed < 0.1
    mix = [r[0] for r in con.execute(
        "select industry from enterprises group by 1 order by count(*) desc limit 3").fetchall()]
    assert mix[0] == "industry_trade"


# ---------------------------------------------------------------------------------------------- accidents


def test_a_larger_accident_in_every_full_year_and_a_major_one(con):
    by_year = dict(con.execute("""
        select year(occurred_on), count(*) filter (where grade = 'larger')
        from accidents_graded group by 1""").fetchall())
    for year in range(TODAY.year - 5, TODAY.year):
        assert by_year.get(year, 0) >= 1, year
    assert _one(con, "select count(*) from accidents_graded where grade in ('major', 'especially_major')") >= 1


def test_the_red_line_holds_at_small_scale_too(small_builds):
    small = db.connect(small_builds["a"], read_only=True)
    try:
        years = {r[0] for r in small.execute(
            "select distinct year(occurred_on) from accidents_graded where grade = 'larger'").fetchall()}
        assert set(range(TODAY.year - 5, TODAY.year)) <= years
        assert _one(small, "select count(*) from accidents_graded where grade = 'major'") >= 1
    finally:
        small.close()


def test_accidents_look_like_a_city(con):
    per_year = [r[0] for r in con.execute(
        "select count(*) from accidents where year(occurred_at) < $y group by year(occurred_at) order by 1",
        {"y": TODAY.year}).fetchall()]
    assert len(per_year) == 5 and all(150 <= n <= 400 for n in per_year)
    first, last = con.execute(f"""
        select count(*) filter (where year(occurred_at) = {TODAY.year - 5}),
               count(*) filter (where year(occurred_at) = {TODAY.year - 1}) from accidents""").fetchone()
    assert last < first  # a slow decline
    top2 = {r[0] for r in con.execute(
        "select industry from accidents group by 1 order by count(*) desc limit 2").fetchall()}
    assert top2 == {"road_transport", "construction"}
    summer, spring = con.execute("""
        select count(*) filter (where month(occurred_at) in (7, 8)),
               count(*) filter (where month(occurred_at) in (3, 4)) from accidents""").fetchone()
    assert summer > spring
    timed = _one(con, "select avg(has_time::int) from accidents")
    assert 0.6 <= timed <= 0.8
    assert _one(con, "select count(*) from accidents where not has_time and cast(occurred_at as time) <> '00:00:00'") == 0
    deaths = dict(con.execute("select deaths, count(*) from accidents group by 1").fetchall())
    assert deaths[1] > deaths[0] > deaths[2]
    assert _one(con, "select count(*) from accidents where enterprise_id is null") > 0
    assert _one(con, """select count(*) from accidents a join regions r using (region_code)
                        where a.enterprise_id is null and r.level = 'county'""") > 0
    assert _one(con, "select count(*) from accidents_graded where is_larger_risk_involved") > 0
    # the type follows the sector (GB 6441)
    road_types = {r[0] for r in con.execute(
        "select distinct accident_type from accidents where industry = 'road_transport'").fetchall()}
    assert road_types <= {"vehicle", "other_injury"}


# ---------------------------------------------------------------------------------------------- inspections


def test_inspections_at_four_levels_and_the_1_plus_1_gaps(con):
    levels = dict(con.execute("select level, count(*) from inspections group by 1").fetchall())
    assert levels["self"] > levels["township"] > levels["county"] > levels["city"] > 0
    campaign = _one(con, "select count(*) from inspections where campaign = '1+1'")
    assert campaign > 0
    # per full year: township × 产业类型 pairs (an enterprise without one: its sector) with an active
    # enterprise, and how many had their "1+1" visit
    gaps = con.execute("""
        with pairs as (
            select distinct y.year, e.region_code, coalesce(e.industry_type, e.industry) as class
            from enterprises e cross join range($first, $last + 1) y(year)
            where e.status = 'active'
        ),
        visited as (
            select distinct year(i.inspected_on) as year, e.region_code, coalesce(e.industry_type, e.industry) as class
            from inspections i join enterprises e using (enterprise_id)
            where i.campaign = '1+1'
        )
        select p.year, count(*), count(v.year)
        from pairs p left join visited v using (year, region_code, class)
        group by 1 order by 1""", {"first": TODAY.year - 5, "last": TODAY.year - 1}).fetchall()
    for year, pairs, done in gaps:
        assert 0.7 * pairs <= done < pairs, year


def test_some_enterprises_unvisited_by_supervisors_for_180_days(con):
    stale = _one(con, """
        select count(*) from enterprises e
        where e.status = 'active' and not exists (
            select 1 from inspections i
            where i.enterprise_id = e.enterprise_id and i.level <> 'self' and i.inspected_on > $since)""",
                 since=date.fromordinal(TODAY.toordinal() - 180))
    assert 0 < stale < 5000 * 0.5


# ---------------------------------------------------------------------------------------------- hazards


def test_hazards_volume_and_grades(con):
    per_year = [r[0] for r in con.execute(
        "select count(*) from hazards where year(found_on) < $y group by year(found_on)", {"y": TODAY.year}).fetchall()]
    assert all(25_000 <= n <= 40_000 for n in per_year)
    major_share = _one(con, "select avg((grade = 'major')::int) from hazards")
    assert 0.01 <= major_share <= 0.02
    assert _one(con, "select avg((inspection_id is not null)::int) from hazards") > 0.9


def test_hazards_close_the_loop_and_some_are_overdue(con):
    assert _one(con, "select count(*) from hazards where verified_on is not null and rectified_on is null") == 0
    assert _one(con, "select count(*) from hazards where delisted_on is not null and supervision_level = 'none'") == 0
    assert _one(con, """select count(*) from hazards where grade = 'general'
                        and deadline - found_on > 30""") == 0
    assert _one(con, """select count(*) from hazards where grade = 'major'
                        and deadline - found_on not between 30 and 180""") == 0
    states = dict(con.execute("""
        select grade || ':' || hazard_state(found_on, grade, deadline, rectified_on, verified_on, $today), count(*)
        from hazards group by 1""", {"today": TODAY}).fetchall())
    for state in ("general:overdue", "general:open", "major:overdue", "major:closed"):
        assert states.get(state, 0) > 0, state
    # most general hazards fixed on time; some late
    on_time, late = con.execute("""
        select count(*) filter (where rectified_on <= deadline), count(*) filter (where rectified_on > deadline)
        from hazards where grade = 'general'""").fetchone()
    assert on_time > 5 * late > 0
    supervised = dict(con.execute(
        "select supervision_level, count(*) from hazards where grade = 'major' group by 1").fetchall())
    assert supervised["county"] > supervised["city"] > supervised.get("province", 0)
    assert _one(con, "select avg(five_in_place::int) from hazards where grade = 'major'") > 0.7


def test_latent_risk_shows_in_hazards_and_accidents(con):
    """Enterprises with the most hazards have far more accidents: what a good risk score exploits."""
    top, bottom = con.execute("""
        with per_enterprise as (
            select e.enterprise_id,
                   (select count(*) from hazards h where h.enterprise_id = e.enterprise_id) as count_hazards,
                   (select count(*) from accidents a where a.enterprise_id = e.enterprise_id) as count_accidents
            from enterprises e
        ),
        ranked as (
            select *, ntile(10) over (order by count_hazards, enterprise_id) as decile from per_enterprise
        )
        select avg(count_accidents) filter (where decile = 10), avg(count_accidents) filter (where decile <= 5)
        from ranked""").fetchone()
    assert top > 3 * bottom


# ---------------------------------------------------------------------------------------------- ledgers


def test_key_sites_ledger_has_gaps(con):
    count = _one(con, "select count(*) from key_sites")
    assert 150 <= count <= 600
    assert _one(con, "select min(potential_fatalities) from key_sites") >= 3
    missing = _one(con, """select count(*) from regions r where r.level = 'township'
                           and not exists (select 1 from key_sites k where k.region_code = r.region_code)""")
    assert 1 <= missing <= 15
    high_risk = _one(con, """select avg(s.is_high_risk::int) from key_sites k
                             join enterprises e using (enterprise_id) join sectors s on s.code = e.industry""")
    assert high_risk > 0.6
    assert _one(con, "select count(*) from key_sites where measures_in_place = false") > 0
    assert _one(con, "select count(*) from key_sites where filed_city_on is null") > 0


def test_checklist_covers_every_township_item(con):
    # every ticked item of every township: the staffing items are computed from township_stations (issue 18)
    expected = _one(con, """select count(*) from regions r join checklist_items c
                            on c.applies_to = 'all' or r.township_class = 'key'
                            where r.level = 'township' and c.item_code not in ('full_time_staff', 'station_head')""")
    assert _one(con, "select count(*) from checklist_status") == expected
    # every township has its 安监站 row; some key townships fall short of 2 full-time staff, most do not, and
    # most key townships sent the acceptance report
    assert _one(con, "select count(*) from township_stations") == _one(
        con, "select count(*) from regions where level = 'township'")
    short, key = con.execute("""select count(*) filter (where s.full_time_staff < 2), count(*)
                                 from township_stations s join regions r using (region_code)
                                 where r.township_class = 'key'""").fetchone()
    assert 0 < short < key / 2
    assert _one(con, """select count(*) from township_stations s join regions r using (region_code)
                         where r.township_class = 'key' and s.acceptance_report_on is not null""") > key / 2
    lagging = _one(con, """select count(distinct s.region_code) from checklist_status s
                           join regions r using (region_code)
                           where r.township_class = 'key' and s.status <> 'done'""")
    assert lagging > 0


def test_zero_reports_have_missed_days(con):
    assert _one(con, "select count(*) from zero_report_windows where name like '%春节'") >= 5
    expected_slots = _one(con, """
        select sum(least(w.end_on, $today) - w.start_on + 1) * (select count(*) from regions where level = 'township')
        from zero_report_windows w""", today=TODAY)
    reports = _one(con, "select count(*) from zero_reports")
    assert 0.9 * expected_slots < reports < expected_slots


def test_targets_denominators_and_meetings(con):
    years = TODAY.year - (TODAY.year - 5) + 1
    assert _one(con, "select count(*) from annual_targets") == years * 7
    over = _one(con, """
        with actual as (select year(occurred_at) as year, sum(deaths + missing) as deaths from accidents group by 1)
        select count(*) from annual_targets t join regions r using (region_code) join actual a using (year)
        where r.level = 'city' and a.deaths > t.max_deaths and t.year < $y""", y=TODAY.year)
    assert over >= 1
    assert _one(con, "select count(*) from indicator_denominators") == years * 7
    assert _one(con, """select count(*) from indicator_denominators d join regions r using (region_code)
                        where r.level = 'city' and d.coal_output_wan_t is not null""") == years
    assert _one(con, "select count(*) from warning_meetings") > 0
    # "1+1" by 产业类型 (issue 18): manufacturers carry local classes, several per township; meetings and pair
    # records name them
    assert _one(con, """select max(n) from (select count(distinct industry_type) as n from enterprises
                        where industry_type is not null group by region_code)""") >= 3
    assert _one(con, "select count(*) from enterprises where industry_type is null") > 0
    assert _one(con, "select count(*) from warning_meetings where industry_type = '竹制品'") > 0
    assert _one(con, "select count(*) from campaign_pairs where common_problems is not null") > 0


# ---------------------------------------------------------------------------------------------- refusals


def _fingerprint(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp-" in p.name)


def test_refuses_a_file_that_is_not_duckdb(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_bytes(b"these are someone's notes, not a database\n")
    before = _fingerprint(path)
    with pytest.raises(db.RiskdashError, match="not a DuckDB database"):
        demo.build_demo(path, scale=SMALL, today=TODAY)
    assert _fingerprint(path) == before
    assert _leftovers(tmp_path) == []


def test_refuses_a_real_database_without_force(small_builds):
    # small_builds' "b": a real database, a build refused there, then one with force
    refused = small_builds["refused"]
    assert refused["error"] is not None and "not demo data" in refused["error"], refused
    assert refused["unchanged"] and refused["leftovers"] == []
    con = db.connect(small_builds["b"], read_only=True)
    try:
        assert db.is_demo(con)
        assert db.get_meta(con, "demo_seed") == "42"
    finally:
        con.close()


def test_refuses_a_file_held_by_another_process(tmp_path, city):
    # a demo file (the module's city, built anyway: a small build only for this test cost ~2.5 s of CPU)
    path = tmp_path / "held.duckdb"
    path.write_bytes(city.read_bytes())
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, sys, time
            con = duckdb.connect({str(path)!r})
            print("ready", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        before = _fingerprint(path)
        with pytest.raises(db.RiskdashError, match="held by another process"):
            demo.build_demo(path, scale=SMALL, today=TODAY, wait_seconds=0.3)
        assert _fingerprint(path) == before
        assert _leftovers(tmp_path) == []
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)


def test_rebuilds_over_an_existing_demo(tmp_path, city):
    path = tmp_path / "demo.duckdb"
    path.write_bytes(city.read_bytes())  # an existing demo (seed 42, built for TODAY by the module's fixture)
    summary = demo.build_demo(path, scale=SMALL, seed=2, today=date(2024, 6, 30))
    assert summary["counts"]["accidents"] > 0
    con = db.connect(path, read_only=True)
    try:
        assert db.get_meta(con, "demo_seed") == "2"
        assert db.data_as_of(con) == date(2024, 6, 30)
        assert _one(con, "select max(cast(occurred_at as date)) from accidents") <= date(2024, 6, 30)
    finally:
        con.close()
    assert _leftovers(tmp_path) == []


def test_a_failed_build_leaves_nothing_behind(tmp_path, monkeypatch):
    path = tmp_path / "demo.duckdb"
    monkeypatch.setattr(demo, "STEPS", [*demo.STEPS[:4], "demo/no_such_step"])
    with pytest.raises(KeyError):
        demo.build_demo(path, scale=SMALL, today=TODAY)
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []
