"""The database: exact table and column names, constraints, foreign keys that allow updates, migrations,
and one-line refusals for the usual wrong files."""

from __future__ import annotations

import os
import re
import threading
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest

from riskdash import db
from conftest import CITY, COUNTY_A, TOWN_A1, held

SHARED = Path(__file__).resolve().parents[2] / "shared" / "product.md"


def product_tables() -> dict[str, list[str]]:
    """The import contract's table of tables and columns, read from product.md itself."""
    text = SHARED.read_text(encoding="utf-8")
    tables = {}
    for line in text.splitlines():
        m = re.match(r"\| (regions|enterprises|accidents|inspections|hazards|key_sites) \| (.*) \|$", line)
        if m:
            cols = re.findall(r"\*\*(\w+)\*\*|(?:^|, )(\w+)(?= \(|,|$)", m.group(2))
            tables[m.group(1)] = [a or b for a, b in cols]
    return tables


def test_every_contract_table_and_column_exists(small_con):
    if not SHARED.exists():
        # shared/ lies beside the repo in every session and in CI; only a lone clone lacks it
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED} is missing")
        pytest.skip("shared/product.md is not beside this clone")
    tables = product_tables()
    assert set(tables) == {"regions", "enterprises", "accidents", "inspections", "hazards", "key_sites"}
    for table, columns in tables.items():
        have = {r[0] for r in small_con.execute(
            "select column_name from information_schema.columns where table_name = $t", {"t": table}).fetchall()}
        assert columns and set(columns) <= have, (table, set(columns) - have)


def test_reference_tables_exist_with_defaults(small_con):
    counts = dict(small_con.execute("""
        select 'sectors', count(*) from sectors union all select 'accident_types', count(*) from accident_types
        union all select 'checklist_items', count(*) from checklist_items
        union all select 'risk_thresholds', count(*) from risk_thresholds""").fetchall())
    # 16 checklist items: the three 四个必须到位 duplicates left in issue 18 (the 四个必须到位 is a view)
    assert counts == {"sectors": 14, "accident_types": 20, "checklist_items": 16, "risk_thresholds": 4}
    for table in ["annual_targets", "indicator_denominators", "checklist_status", "township_stations",
                  "zero_report_windows",
                  "zero_reports", "warning_meetings", "risk_weights", "settings", "audit_log", "meta"]:
        small_con.execute(f"select * from {table} limit 0")


BAD_ROWS = [
    ("negative deaths", "insert into accidents (accident_id, occurred_at, region_code, industry, accident_type, deaths, serious_injuries, direct_loss_wan) values ('X', '2025-01-01', '419901001000', 'other', 'fire', -1, 0, 0)"),
    ("negative loss", "insert into accidents (accident_id, occurred_at, region_code, industry, accident_type, deaths, serious_injuries, direct_loss_wan) values ('X', '2025-01-01', '419901001000', 'other', 'fire', 0, 0, -0.01)"),
    ("unknown accident type", "insert into accidents (accident_id, occurred_at, region_code, industry, accident_type, deaths, serious_injuries, direct_loss_wan) values ('X', '2025-01-01', '419901001000', 'other', 'meteor', 0, 0, 0)"),
    ("deadline before found", "insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline) values ('X', 'E1', '2025-01-02', 'general', '2025-01-01')"),
    ("rectified before found", "insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline, rectified_on) values ('X', 'E1', '2025-01-02', 'general', '2025-01-03', '2025-01-01')"),
    ("verified before rectified", "insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline, verified_on) values ('X', 'E1', '2025-01-02', 'major', '2025-01-03', '2025-01-05')"),
    ("verified earlier than rectified", "insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline, rectified_on, verified_on) values ('X', 'E1', '2025-01-02', 'major', '2025-01-03', '2025-01-05', '2025-01-04')"),
    ("chinese grade stored", "insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline) values ('X', 'E1', '2025-01-02', '重大', '2025-01-03')"),
    ("general hazard under 挂牌督办", "insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline, supervision_level) values ('X', 'E1', '2025-01-02', 'general', '2025-01-03', 'city')"),
    ("two fatalities is no key site", "insert into key_sites (site_id, region_code, name, potential_accident_type, potential_fatalities) values ('X', '419901001000', 'x', 'fire', 2)"),
    ("unknown enterprise", "insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline) values ('X', 'NOPE', '2025-01-02', 'general', '2025-01-03')"),
    ("short region code", "insert into regions values ('4199', 'x', 'county', '419900000000', null, null)"),
    ("unknown level", "insert into regions values ('419903000000', 'x', 'province', '419900000000', null, null)"),
    ("negative employees", "insert into enterprises (enterprise_id, name, region_code, industry, employees) values ('X', 'x', '419901001000', 'other', -1)"),
    ("unknown inspection level", "insert into inspections (inspection_id, inspected_on, enterprise_id, level) values ('X', '2025-01-01', 'E1', 'village')"),
    ("duplicate id", "insert into enterprises (enterprise_id, name, region_code, industry) values ('E1', 'x', '419901001000', 'other')"),
]


@pytest.mark.parametrize(("why", "sql"), BAD_ROWS, ids=[w for w, _ in BAD_ROWS])
def test_constraints_refuse_bad_rows(small_con, why, sql):
    with pytest.raises(duckdb.ConstraintException):
        small_con.execute(sql)


def test_constraints_accept_the_edges(small_con):
    small_con.execute("insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline, rectified_on, verified_on) "
                      "values ('EDGE', 'E1', '2025-01-02', 'major', '2025-01-02', '2025-01-02', '2025-01-02')")
    small_con.execute("insert into key_sites (site_id, region_code, name, potential_accident_type, potential_fatalities) "
                      "values ('EDGE', '419901001000', 'x', 'fire', 3)")


def test_foreign_keys_still_allow_updating_referenced_rows(small_con):
    """DuckDB limits updates of rows that foreign keys point at; every kept foreign key is checked here."""
    small_con.execute("update regions set name = '东镇（新）', township_class = 'ordinary' where region_code = $c", {"c": TOWN_A1})
    small_con.execute("update sectors set name_zh = '工贸行业', inherent_risk = 2.5 where code = 'industry_trade'")
    small_con.execute("update accident_types set name_en = 'Fire (building)' where code = 'fire'")
    small_con.execute("update enterprises set name = '东镇建材厂（更名）', employees = 130 where enterprise_id = 'E1'")
    small_con.execute("insert into inspections (inspection_id, inspected_on, enterprise_id, level) values ('I1', '2025-01-01', 'E1', 'township')")
    small_con.execute("update hazards set inspection_id = 'I1' where hazard_id = 'H1'")
    small_con.execute("update inspections set inspector = '张三' where inspection_id = 'I1'")
    small_con.execute("insert into checklist_status values ($c, 'org_setup', 'done', '2025-03-01', null)", {"c": TOWN_A1})
    small_con.execute("update checklist_items set name_zh = '设立安监站' where item_code = 'org_setup'")
    small_con.execute("insert into zero_report_windows values ('W1', '春节', '2025-01-28', '2025-02-04')")
    small_con.execute("insert into zero_reports values ('W1', $c, '2025-01-28', 0, null)", {"c": TOWN_A1})
    small_con.execute("update zero_report_windows set name = '春节假期' where window_id = 'W1'")
    # an enterprise with hazards moves to another township and changes sector (a correction), and an
    # upsert rewrites every column, as `import --mode upsert` does
    small_con.execute("update enterprises set region_code = '419901002000', industry = 'other' where enterprise_id = 'E1'")
    small_con.execute("""insert into enterprises (enterprise_id, name, region_code, industry, employees)
                         values ('E1', '东镇建材厂', $c, 'industry_trade', 150)
                         on conflict (enterprise_id) do update set name = excluded.name,
                             region_code = excluded.region_code, industry = excluded.industry,
                             employees = excluded.employees""", {"c": TOWN_A1})
    small_con.execute("update inspections set enterprise_id = 'E2', level = 'county' where inspection_id = 'I1'")
    small_con.execute("insert into regions values ($c, '东镇', 'township', $p, 'town', 'key') "
                      "on conflict (region_code) do update set name = excluded.name", {"c": TOWN_A1, "p": COUNTY_A})
    assert small_con.execute("select region_code, employees from enterprises where enterprise_id = 'E1'").fetchone() == (TOWN_A1, 150)
    assert small_con.execute("select name from regions where region_code = $c", {"c": TOWN_A1}).fetchone()[0] == "东镇"
    # deleting a referenced row is refused: nothing dangles
    with pytest.raises(duckdb.ConstraintException):
        small_con.execute("delete from enterprises where enterprise_id = 'E1'")


def test_views_grade_at_query_time(small_con):
    rows = dict(small_con.execute("select accident_id, grade from accidents_graded").fetchall())
    assert rows["A2"] == "larger" and rows["A7"] == "larger" and rows["A1"] == "general"
    # a row edited by any tool shows up regraded
    small_con.execute("update accidents set deaths = 10 where accident_id = 'A1'")
    assert small_con.execute("select grade, grade_criterion from accidents_graded where accident_id = 'A1'").fetchone() == ("major", "deaths")


def test_region_ancestors_include_self_and_every_level(small_con):
    rows = set(small_con.execute("select ancestor_code from region_ancestors where region_code = $c", {"c": TOWN_A1}).fetchall())
    assert rows == {(TOWN_A1,), (COUNTY_A,), (CITY,)}


# ---------------------------------------------------------------------------------------------- migrations


def test_a_version_1_file_opens_and_migrates_keeping_its_rows(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(db.sql_text("schema/001_initial"))
    db.set_meta(con, "schema_version", "1")
    con.execute("insert into regions values ('419900000000', '示例市', 'city', null, null, null), "
                "('419901001000', '东镇', 'township', '419900000000', 'town', 'key')")
    con.execute("insert into sectors values ('other', '其他', 'Other', null, 'industrial', 1, false, 1)")
    con.execute("insert into enterprises (enterprise_id, name, region_code, industry) values ('E1', 'x', '419901001000', 'other')")
    con.execute("insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline, supervision_level, five_in_place) "
                "values ('H1', 'E1', '2025-01-01', 'major', '2025-03-01', 'city', true), "
                "('H2', 'E1', '2025-01-01', 'general', '2025-01-05', 'none', null)")
    con.close()
    # a read-only open cannot migrate and says so in one line
    with pytest.raises(db.RiskdashError, match="needs migrating"):
        db.connect(path, read_only=True)
    con = db.connect(path)
    assert db.schema_version(con) == db.SCHEMA_VERSION
    assert con.execute("select hazard_id, in_treatment_plan from hazards order by 1").fetchall() == [("H1", True), ("H2", None)]
    # constraints survived the rebuild
    with pytest.raises(duckdb.ConstraintException):
        con.execute("insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline) values ('H3', 'E1', '2025-01-02', 'general', '2025-01-01')")
    assert con.execute("select hazard_state(found_on, grade, deadline, rectified_on, verified_on, date '2025-06-01') from hazards order by hazard_id").fetchall() == [("overdue",), ("overdue",)]
    con.close()
    db.connect(path, read_only=True).close()


def test_a_file_with_views_keeps_them_through_later_migrations(tmp_path):
    """Every migration drops the derived views; they must come back even when their text is unchanged."""
    path = tmp_path / "v2.duckdb"
    con = duckdb.connect(str(path))
    for version in (1, 2):
        con.execute(db.sql_text(db.MIGRATIONS[version]))
    db.set_meta(con, "schema_version", "2")
    # the views as a version-2 file had them (stand-ins: today's text needs columns of later versions), with
    # the fingerprint of today's text, so that only the migrations can bring the real views back
    for name in db.VIEW_NAMES:
        con.execute(f"create view {name} as select 1 as stand_in")
    db.set_meta(con, "views_fingerprint", db.views_fingerprint())
    con.close()
    con = db.connect(path)
    assert db.schema_version(con) == db.SCHEMA_VERSION > 2
    views = {r[0] for r in con.execute("select view_name from duckdb_views() where not internal").fetchall()}
    assert set(db.VIEW_NAMES) <= views
    assert "grade" in [d[0] for d in con.execute("select * from accidents_graded limit 0").description]
    con.close()


def _two_inspections_one_referenced(con) -> None:
    con.execute("insert into regions values ('419900000000', '示例市', 'city', null, null, null)")
    con.execute("insert or ignore into sectors values ('other', '其他', 'Other', null, 'industrial', 1, false, 1)")
    con.execute("insert into enterprises (enterprise_id, name, region_code, industry) values "
                "('E1', 'x', '419900000000', 'other'), ('E2', 'y', '419900000000', 'other')")
    con.execute("insert into inspections (inspection_id, inspected_on, enterprise_id, level) values "
                "('I1', '2025-01-01', 'E1', 'city'), ('I2', '2025-01-01', 'E1', 'city')")
    con.execute("insert into hazards (hazard_id, inspection_id, enterprise_id, found_on, grade, deadline) "
                "values ('H1', 'I1', 'E1', '2025-01-02', 'general', '2025-01-03')")


@pytest.mark.parametrize("origin", ["migrated from version 1", "new"])
def test_an_unreferenced_inspection_or_enterprise_can_be_deleted(tmp_path, origin):
    """Migration 002 rebuilt hazards under another name; the referenced tables kept that name and every
    delete failed with 'Table with name hazards_v2 does not exist' until migration 10 rebuilt the table."""
    path = tmp_path / "file.duckdb"
    if origin == "new":
        con = db.connect(path, create=True)
        _two_inspections_one_referenced(con)
        db.sync_keys(con)
    else:
        con = duckdb.connect(str(path))
        db.migrate(con, upto=1)
        _two_inspections_one_referenced(con)
        db.migrate(con)
    con.close()
    con = db.connect(path)  # what the file holds, not only what this connection saw
    hazards_before = con.execute("select * from hazards").fetchall()
    con.execute("delete from inspections where inspection_id = 'I2'")
    con.execute("delete from enterprises where enterprise_id = 'E2'")
    with pytest.raises(duckdb.ConstraintException, match="foreign key"):
        con.execute("delete from inspections where inspection_id = 'I1'")
    with pytest.raises(duckdb.ConstraintException, match="foreign key"):
        con.execute("delete from enterprises where enterprise_id = 'E1'")
    assert con.execute("select inspection_id from inspections").fetchall() == [("I1",)]
    assert con.execute("select enterprise_id from enterprises").fetchall() == [("E1",)]
    assert con.execute("select * from hazards").fetchall() == hazards_before
    assert hazards_before == [("H1", "I1", "E1", date(2025, 1, 2), "general", None, None, date(2025, 1, 3), None,
                               None, "none", None, None, None, None, None, None, 1, 1, None)]  # basis_code: schema 26
    # the rebuilt table kept its checks and its foreign keys
    with pytest.raises(duckdb.ConstraintException):
        con.execute("update hazards set supervision_level = 'city' where hazard_id = 'H1'")
    with pytest.raises(duckdb.ConstraintException):
        con.execute("insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline) "
                    "values ('H2', 'NOPE', '2025-01-02', 'general', '2025-01-03')")
    con.close()


def test_a_newer_file_is_refused(tmp_path):
    path = tmp_path / "new.duckdb"
    con = db.connect(path, create=True)
    db.set_meta(con, "schema_version", str(db.SCHEMA_VERSION + 1))
    con.close()
    with pytest.raises(db.RiskdashError, match="newer than this riskdash"):
        db.connect(path)


def test_changed_views_are_recreated(small_db_path):
    con = db.connect(small_db_path)
    db.set_meta(con, "views_fingerprint", "stale")
    con.execute("drop view accidents_graded")
    con.execute("drop macro table scoped_hazards")
    con.close()
    con = db.connect(small_db_path)
    views = {r[0] for r in con.execute("select view_name from duckdb_views() where not internal").fetchall()}
    assert "accidents_graded" in views
    root = con.execute("select region_code from regions where parent_code is null").fetchone()[0]
    assert con.execute("select count(*) from scoped_hazards($r, null, null)", {"r": root}).fetchone()[0] == 8
    con.close()


# ---------------------------------------------------------------------------------------------- wrong files


def test_missing_file_is_not_created_unless_asked(tmp_path):
    path = tmp_path / "none.duckdb"
    with pytest.raises(db.RiskdashError, match="no database here"):
        db.connect(path)
    assert not path.exists()


def test_not_a_duckdb_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_bytes("事故台账，不是数据库\n".encode() * 10)
    before = path.read_bytes()
    for kwargs in ({}, {"read_only": True}, {"create": True}):
        with pytest.raises(db.RiskdashError, match="not a DuckDB database"):
            db.connect(path, **kwargs)
    assert path.read_bytes() == before


def test_a_foreign_duckdb_file_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create table t (x int)")
    con.close()
    with pytest.raises(db.RiskdashError, match="not a riskdash database"):
        db.connect(path)


def test_a_held_file_is_waited_for_then_refused_in_one_line(small_db_path, monkeypatch):
    with held(small_db_path) as pid:
        started = time.monotonic()
        with pytest.raises(db.RiskdashError) as err:
            db.connect(small_db_path, wait_seconds=1.0)
        assert time.monotonic() - started >= 1.0
        message = str(err.value)
        assert "held by another process" in message and "\n" not in message
        assert f"PID {pid}" in message
        # an open that names no wait takes RISKDASH_LOCK_WAIT_SECONDS (the refusal tests set a short one)
        monkeypatch.setenv(db.LOCK_WAIT_ENV, "0.3")
        started = time.monotonic()
        with pytest.raises(db.DatabaseBusy):
            db.connect(small_db_path)
        assert 0.3 <= time.monotonic() - started < db.LOCK_WAIT_SECONDS
    db.connect(small_db_path).close()


@pytest.mark.parametrize(("value", "seconds"), [(None, 5.0), ("0.5", 0.5), ("0", 0.0), ("", 5.0), ("soon", 5.0),
                                                ("-1", 5.0), ("inf", 5.0), ("nan", 5.0)])
def test_the_default_lock_wait_is_5_s_unless_the_environment_names_another(monkeypatch, value, seconds):
    if value is None:
        monkeypatch.delenv(db.LOCK_WAIT_ENV, raising=False)
    else:
        monkeypatch.setenv(db.LOCK_WAIT_ENV, value)
    assert db.LOCK_WAIT_SECONDS == 5.0 and db.lock_wait_seconds() == seconds


def _reader(path: Path, waiting: threading.Event, opened: list) -> threading.Thread:
    """A page load in another thread: a read-only open that says when it starts waiting."""
    def load():
        try:
            con = db.connect(path, read_only=True, wait_seconds=120, on_wait=waiting.set)
            opened.append(con.execute("select count(*) from hazards").fetchone()[0])
            con.close()
        except Exception as exc:  # the test reads what happened
            opened.append(exc)
            waiting.set()

    thread = threading.Thread(target=load)
    thread.start()
    return thread


def test_a_reader_waits_for_a_write_in_this_process_and_then_reads(small_db_path):
    """The dashboard's write window holds a writable connection in the same process; a page load meanwhile
    used to fail at once ('different configuration'); it waits, says so once, and reads the written rows."""
    writer = db.connect(small_db_path)
    waiting, opened = threading.Event(), []
    thread = _reader(small_db_path, waiting, opened)
    assert waiting.wait(60) and opened == []  # waiting, not failed
    writer.execute("insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline) "
                   "values ('H-W', 'E1', '2025-06-01', 'general', '2025-06-30')")
    db.sync_keys(writer)
    writer.close()
    thread.join(60)
    assert opened == [9]


def test_a_reader_waits_for_a_writer_process_and_then_reads(small_db_path):
    waiting, opened = threading.Event(), []
    with held(small_db_path):
        thread = _reader(small_db_path, waiting, opened)
        assert waiting.wait(60) and opened == []
    thread.join(60)
    assert opened == [8]


def test_a_reader_that_waits_too_long_gets_a_typed_busy_error(small_db_path):
    with held(small_db_path):
        calls = []
        with pytest.raises(db.DatabaseBusy, match="held by another process"):
            db.connect(small_db_path, read_only=True, wait_seconds=0.5, on_wait=lambda: calls.append(1))
        assert calls == [1]


def test_named_queries_bind_only_their_parameters(small_con):
    from datetime import date

    row = db.query_one(small_con, "metrics/death_target", year=2025, region=CITY, unused="ignored")
    assert row == {"year": 2025, "region_code": CITY, "max_deaths": 10}
    with pytest.raises(KeyError, match="year"):
        db.query(small_con, "metrics/death_target", region=CITY)
    assert date  # keep the import honest for readers
