"""The integer keys (schema 9): every path that writes enterprises, hazards or inspections leaves the copied
numbers (hazards.enterprise_no, inspections.enterprise_no, hazards.inspection_no) in step with the ids beside
them; a number once given never changes; the columns stay out of record views, exports, audit entries and the
pandas peers; and the long lists fetched through Arrow equal the ordinary fetch."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from conftest import AS_OF, CITY, TOWN_A1, TOWN_B1
from riskdash import bench, db, records
from riskdash.bench import oracle
from riskdash.importer import import_file
from riskdash.importer.export import export_table
from riskdash.importer.spec import KINDS

TODAY = date(2025, 7, 10)
IN_STEP = {"enterprises.enterprise_no": 0, "inspections.inspection_no": 0, "hazards.enterprise_no": 0,
           "inspections.enterprise_no": 0, "hazards.inspection_no": 0}


@pytest.fixture(scope="module")
def demo_con(tmp_path_factory):
    from shared_demo import demo_city  # scale 1, seed 42, dated 2026-11-28: built once per process

    path = demo_city(tmp_path_factory.mktemp("keys") / "city.duckdb")
    con = db.connect(path, read_only=True)
    yield con
    con.close()


def numbers(con, table: str = "enterprises") -> dict[str, int]:
    key = "enterprise" if table == "enterprises" else "inspection"
    return dict(con.execute(f"select {key}_id, {key}_no from {table}").fetchall())


def row_no(con, table: str, key_col: str, key: str, column: str = "enterprise_no") -> int | None:
    return con.execute(f"select {column} from {table} where {key_col} = $k", {"k": key}).fetchone()[0]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    path.write_text("\n".join(",".join(r) for r in [header, *rows]) + "\n", encoding="utf-8")
    return path


def test_the_fixture_city_is_in_step_and_numbers_are_unique(small_con):
    assert db.key_mismatches(small_con) == IN_STEP
    given = numbers(small_con)
    assert sorted(given.values()) == list(range(1, len(given) + 1))  # numbered in enterprise_id order
    assert [row_no(small_con, "hazards", "hazard_id", h) for h in ("H1", "H6")] == [given["E1"], given["E4"]]


def test_the_mismatch_check_sees_a_stale_row(small_con):
    small_con.execute("insert into inspections (inspection_id, inspected_on, enterprise_id, level) "
                      "values ('I1', '2025-01-02', 'E1', 'city'), ('I2', '2025-01-03', 'E2', 'county')")
    small_con.execute("update hazards set inspection_id = 'I2' where hazard_id = 'H2'")
    # unnumbered inspections are counted once: H2's link to an inspection without a number is not a second
    assert db.key_mismatches(small_con) == {**IN_STEP, "inspections.inspection_no": 2,
                                            "inspections.enterprise_no": 2}
    db.sync_keys(small_con, "regions")  # a write of a table without keys has nothing to bring in step
    assert db.key_mismatches(small_con)["inspections.inspection_no"] == 2
    db.sync_keys(small_con, "inspections")
    assert db.key_mismatches(small_con) == IN_STEP
    small_con.execute("update hazards set enterprise_no = enterprise_no + 1 where hazard_id = 'H1'")
    small_con.execute("update inspections set inspection_no = 1")  # two share a number
    assert db.key_mismatches(small_con) == {**IN_STEP, "hazards.enterprise_no": 1, "inspections.inspection_no": 1,
                                            "hazards.inspection_no": 1}
    db.sync_keys(small_con)  # the copies follow again; a given number is never renumbered, so the clash stays
    assert db.key_mismatches(small_con) == {**IN_STEP, "inspections.inspection_no": 1}


def test_migration_to_9_numbers_every_enterprise_and_fills_the_rows(tmp_path):
    con = duckdb.connect(str(tmp_path / "v8.duckdb"))
    db.migrate(con, upto=8)  # a file as schema 8 left it
    con.execute(f"insert into regions values ('{CITY}', '示例市', 'city', null, null, null)")
    con.execute(f"insert into regions values ('{TOWN_A1[:6]}000000', '甲县', 'county', '{CITY}', null, null)")
    con.execute(f"insert into regions values ('{TOWN_A1}', '东镇', 'township', '{TOWN_A1[:6]}000000', 'town', 'key')")
    con.execute("insert into sectors values ('x', '工贸', 'Trade', null, 'industrial', 1, false, 1)")
    con.executemany("insert into enterprises (enterprise_id, name, region_code, industry) values (?, ?, ?, 'x')",
                    [("Z9", "乙", TOWN_A1), ("A1", "甲", TOWN_A1)])
    con.executemany("insert into inspections (inspection_id, inspected_on, enterprise_id, level) values (?, ?, ?, ?)",
                    [("I1", "2025-01-02", "Z9", "city"), ("I2", "2025-01-03", "GONE", "county")])
    con.execute("insert into hazards (hazard_id, inspection_id, enterprise_id, found_on, grade, deadline) "
                "values ('H1', 'I2', 'Z9', '2025-01-02', 'general', '2025-01-09')")
    db.migrate(con)
    assert db.schema_version(con) == db.SCHEMA_VERSION >= 9
    assert numbers(con) == {"A1": 1, "Z9": 2}
    assert row_no(con, "hazards", "hazard_id", "H1") == 2
    assert row_no(con, "inspections", "inspection_id", "I1") == 2
    assert row_no(con, "inspections", "inspection_id", "I2") is None  # an enterprise not on record
    assert numbers(con, "inspections") == {"I1": 1, "I2": 2}
    assert row_no(con, "hazards", "hazard_id", "H1", "inspection_no") == 2
    assert db.key_mismatches(con) == IN_STEP
    con.close()


def test_an_import_numbers_new_enterprises_and_fills_new_rows(small_con, tmp_path):
    before = numbers(small_con)
    import_file(small_con, "enterprises", write_csv(tmp_path / "e.csv", ["enterprise_id", "name", "region_code", "industry"],
                                                     [["E0", "新企业", TOWN_B1, "industry_trade"]]), as_of=AS_OF)
    after = numbers(small_con)
    assert {k: v for k, v in after.items() if k in before} == before  # a number never changes
    assert after["E0"] == max(before.values()) + 1  # the next free one, not E0's place in id order
    import_file(small_con, "inspections", write_csv(tmp_path / "i.csv", ["inspection_id", "inspected_on", "enterprise_id", "level"],
                                                     [["I9", "2025-06-01", "E0", "township"]]), as_of=AS_OF)
    import_file(small_con, "hazards", write_csv(tmp_path / "h.csv", ["hazard_id", "inspection_id", "enterprise_id", "found_on", "grade", "deadline"],
                                                 [["H90", "I9", "E0", "2025-06-01", "一般", "2025-06-08"]]), as_of=AS_OF)
    assert row_no(small_con, "inspections", "inspection_id", "I9") == after["E0"]
    assert row_no(small_con, "hazards", "hazard_id", "H90") == after["E0"]
    assert row_no(small_con, "hazards", "hazard_id", "H90", "inspection_no") == numbers(small_con, "inspections")["I9"]
    assert db.key_mismatches(small_con) == IN_STEP


def test_an_upsert_that_moves_a_hazard_to_another_enterprise_moves_its_number(small_con, tmp_path):
    given = numbers(small_con)
    import_file(small_con, "hazards", write_csv(tmp_path / "h.csv", ["hazard_id", "enterprise_id", "found_on", "grade", "deadline"],
                                                 [["H1", "E3", "2025-01-05", "一般", "2025-01-20"]]),
                mode="upsert", as_of=AS_OF)
    assert row_no(small_con, "hazards", "hazard_id", "H1") == given["E3"]
    assert db.key_mismatches(small_con) == IN_STEP
    entry = small_con.execute("select before_json, after_json from audit_log where action = 'update' "
                              "and record_key = 'H1'").fetchone()
    before, after = map(json.loads, entry)
    assert (before["enterprise_id"], after["enterprise_id"]) == ("E1", "E3")
    assert not {"enterprise_no", "inspection_no"} & (set(before) | set(after))  # internal: not audited


def test_record_forms_and_edits_keep_the_number_in_step(small_con):
    given = numbers(small_con)
    records.add(small_con, "hazards", {"hazard_id": "H100", "enterprise_id": "E2", "found_on": "2025-07-01",
                                       "grade": "一般", "deadline": "2025-07-08"}, today=TODAY)
    records.add(small_con, "inspections", {"inspection_id": "I100", "inspected_on": "2025-07-04",
                                           "enterprise_id": "E4", "level": "township"}, today=TODAY)
    records.add(small_con, "inspections", {"inspection_id": "I101", "inspected_on": "2025-07-04",
                                           "enterprise_id": "E3", "level": "self"}, today=TODAY)
    assert row_no(small_con, "hazards", "hazard_id", "H100") == given["E2"]
    records.edit(small_con, "hazards", "H100", {"inspection_id": "I101"}, today=TODAY)
    assert row_no(small_con, "hazards", "hazard_id", "H100", "inspection_no") == numbers(small_con, "inspections")["I101"]
    assert row_no(small_con, "inspections", "inspection_id", "I100") == given["E4"]
    result = records.edit(small_con, "hazards", "H100", {"enterprise_id": "E3"}, today=TODAY)
    assert (result.before, result.after) == ({"enterprise_id": "E2"}, {"enterprise_id": "E3"})
    records.edit(small_con, "inspections", "I100", {"enterprise_id": "E1"}, today=TODAY)
    assert row_no(small_con, "hazards", "hazard_id", "H100") == given["E3"]
    assert row_no(small_con, "inspections", "inspection_id", "I100") == given["E1"]
    assert not {"enterprise_no", "inspection_no"} & set(records.load(small_con, "hazards", "H100"))
    assert "enterprise_no" not in records.load(small_con, "enterprises", "E1")
    assert db.key_mismatches(small_con) == IN_STEP


def test_restore_keeps_the_numbers_and_the_next_enterprise_gets_a_new_one(small_db_path, tmp_path):
    con = db.connect(small_db_path)
    given = numbers(con)
    records.backup(con, tmp_path / "bk")
    con.close()
    target = tmp_path / "restored.duckdb"
    records.restore(target, tmp_path / "bk")
    con = db.connect(target)
    assert numbers(con) == given
    assert db.key_mismatches(con) == IN_STEP
    import_file(con, "enterprises", write_csv(tmp_path / "e.csv", ["enterprise_id", "name", "region_code", "industry"],
                                               [["E00", "新企业", TOWN_B1, "industry_trade"]]), as_of=AS_OF)
    assert numbers(con)["E00"] == max(given.values()) + 1
    con.close()


def test_the_demo_city_is_built_in_step(demo_con):
    assert db.key_mismatches(demo_con) == IN_STEP
    assert demo_con.execute("select count(*) from hazards where enterprise_no is null").fetchone()[0] == 0
    linked = demo_con.execute("select count(inspection_id), count(inspection_no) from hazards").fetchone()
    assert linked[0] == linked[1] > 0


@pytest.mark.parametrize("table", ["enterprises", "hazards", "inspections"])
def test_exports_and_the_pandas_peers_show_the_contract_columns_only(small_con, table):
    kind = next(k for k in KINDS.values() if k.table == table)
    for frame in (export_table(small_con, table), oracle._table(small_con, table)):
        assert not {"enterprise_no", "inspection_no"} & set(frame.columns)
        assert {c.name for c in kind.columns} <= set(frame.columns)


LISTS = [q for q in bench.registered_queries() if q.as_list]


def test_the_long_lists_are_the_ones_fetched_through_arrow():
    assert {q.name for q in LISTS} == {
        "rectification/overdue_list", "rectification/follow_up_list", "rectification/uninspected_enterprises",
        "rectification/new_hazards_list",
        "priority/risk_scores", "priority/high_risk_enterprises_without_sites",
        "campaigns/checklist_items_by_township"}


@pytest.mark.parametrize("query", LISTS, ids=[q.name for q in LISTS])
def test_query_list_gives_the_frame_query_gives(demo_con, query):
    """Every list the bench times through db.query_list (as its metric fetches it), with the bench's own
    filters and parameters, on the demo city: the same frame as db.query, dtypes included."""
    filters = query.filters(demo_con)
    params = {**filters.params(), **(query.params(filters) if query.params else {})}
    fast = db.query_list(demo_con, query.name, **params)
    assert len(fast) > 0
    pd.testing.assert_frame_equal(fast, db.query(demo_con, query.name, **params))
    if query.name == "rectification/follow_up_list":  # the due-soon form of it too (no overdue, 30 days)
        params.update(days=30, include_overdue=False)
        pd.testing.assert_frame_equal(db.query_list(demo_con, query.name, **params),
                                      db.query(demo_con, query.name, **params))


# ---------------------------------------------------------------------------------------------- other tools


def figures(path: Path) -> dict:
    """What the screens show for the small city, through a read-only open as the dashboard and `metrics` do:
    the priority ranking, the rectification totals and every query the bench registers (every screen's)."""
    from riskdash import metrics
    from riskdash.filters import Filters
    from riskdash.metrics import priority

    con = db.connect(path, read_only=True)
    try:
        filters = Filters(start=date(2025, 1, 1), end=AS_OF, region_code=CITY, as_of=AS_OF)
        every_query = {}
        for query in bench.registered_queries():  # every query of every screen, with the bench's filters
            if query.name == "data/audit_entries":  # the audit log is the write paths' own record
                continue
            query_filters = query.filters(con)
            params = {**query_filters.params(), **(query.params(query_filters) if query.params else {})}
            every_query[query.name] = db.query(con, query.name, **params).to_json(orient="split", date_format="iso")
        return {"priority": priority.priority_sites(con, priority.as_of_filters(con, AS_OF, CITY), top=50),
                "rectification": metrics.rectification_totals(con, filters),
                "keys": db.key_mismatches(con), "queries": every_query}
    finally:
        con.close()


def other_tool(path: Path, *statements: str) -> None:
    """Plain SQL through DuckDB itself, as an administrator's fix or an ETL job writes the file."""
    con = duckdb.connect(str(path))
    for sql in statements:
        con.execute(sql)
    con.close()


@pytest.mark.slow  # out of the fast tier: every registered query, six times over (~6 s of CPU)
def test_rows_written_by_another_tool_count_in_every_metric(small_db_path, tmp_path):
    """An overdue major hazard and an inspection inserted with plain SQL, a hazard moved to another
    enterprise by a plain update, and deletes give the figures that the project's own write paths give."""
    plain, riskdash_way = tmp_path / "plain.duckdb", tmp_path / "riskdash.duckdb"
    for copy in (plain, riskdash_way):
        copy.write_bytes(small_db_path.read_bytes())
    before = figures(small_db_path)

    other_tool(plain, "insert into inspections (inspection_id, inspected_on, enterprise_id, level) "
                      "values ('I9', '2025-05-01', 'E1', 'county')",
               "insert into hazards (hazard_id, inspection_id, enterprise_id, found_on, grade, deadline) "
               "values ('H9', 'I9', 'E1', '2025-05-01', 'major', '2025-06-01')")
    con = db.connect(riskdash_way)
    records.add(con, "inspections", {"inspection_id": "I9", "inspected_on": "2025-05-01", "enterprise_id": "E1",
                                     "level": "county"}, today=TODAY)
    records.add(con, "hazards", {"hazard_id": "H9", "inspection_id": "I9", "enterprise_id": "E1",
                                 "found_on": "2025-05-01", "grade": "major", "deadline": "2025-06-01"}, today=TODAY)
    # a form moves data_as_of to the latest recorded event (the small city holds July events): put it back,
    # so that both files answer for the same day and only the keys can differ
    db.set_meta(con, "data_as_of", AS_OF.isoformat())
    con.close()
    inserted = figures(plain)
    assert inserted == figures(riskdash_way)
    assert inserted["keys"] == IN_STEP
    score = {s["enterprise_id"]: s["score"] for s in inserted["priority"]["sites"]}
    assert score["E1"] > {s["enterprise_id"]: s["score"] for s in before["priority"]["sites"]}["E1"]
    assert "1项重大隐患逾期未销号" in next(s for s in inserted["priority"]["sites"] if s["enterprise_id"] == "E1")["reasons"]

    # a plain update of enterprise_id, found by a writable open as well as a read-only one
    other_tool(plain, "update hazards set enterprise_id = 'E4' where hazard_id = 'H9'")
    con = db.connect(plain)
    assert db.key_mismatches(con) == IN_STEP
    con.close()
    con = db.connect(riskdash_way)
    records.edit(con, "hazards", "H9", {"enterprise_id": "E4"}, today=TODAY)
    db.set_meta(con, "data_as_of", AS_OF.isoformat())
    con.close()
    assert figures(plain) == figures(riskdash_way)

    # deletes: the hazard and the inspection gone, the figures are those of the city before
    for copy in (plain, riskdash_way):
        other_tool(copy, "delete from hazards where hazard_id = 'H9'", "delete from inspections where inspection_id = 'I9'")
    assert figures(plain) == figures(riskdash_way) == before


def test_an_open_with_the_keys_as_the_last_sync_left_them_skips_the_full_check(small_db_path, monkeypatch):
    """The fingerprint stored by sync_keys answers the common case; any insert, update of an id or a number,
    or delete by another tool changes it, and the full check (key_mismatches) decides then."""
    con = db.connect(small_db_path, read_only=True)
    assert db.get_meta(con, db.KEYS_FINGERPRINT) == db.keys_fingerprint(con)
    con.close()
    full_checks: list[int] = []
    real = db.key_mismatches

    def counted(con):
        full_checks.append(1)
        return real(con)

    monkeypatch.setattr(db, "key_mismatches", counted)
    db.connect(small_db_path, read_only=True).close()
    assert full_checks == []

    cases = [
        # (what another tool does, whether the keys are then out of step)
        ("update hazards set enterprise_id = 'E2' where hazard_id = 'H1'", True),  # same counts, id moved
        ("update hazards set enterprise_no = enterprise_no + 1 where hazard_id = 'H2'", True),  # a copy broken
        ("update enterprises set enterprise_no = null where enterprise_id = 'E2'", True),
        ("insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline) "
         "values ('H-SQL', 'E1', '2025-05-01', 'general', '2025-06-01')", True),
        ("delete from hazards where hazard_id = 'H-SQL'", False),  # nothing broken, but not as the sync left it
        ("update hazards set description = '改' where hazard_id = 'H1'", False),  # no key column: no check
    ]
    for sql, out in cases:
        full_checks.clear()
        plain_sql = duckdb.connect(str(small_db_path))
        plain_sql.execute(sql)
        plain_sql.close()
        con = duckdb.connect(str(small_db_path), read_only=True)
        assert db.keys_out_of_step(con) is out, sql
        con.close()
        con = db.connect(small_db_path, read_only=True)  # re-keys when out of step, then reads as asked
        assert real(con) == IN_STEP, sql
        con.close()
        # a writable open stores the fingerprint of keys found in step: the next open is cheap again
        db.connect(small_db_path).close()
        full_checks.clear()
        db.connect(small_db_path, read_only=True).close()
        assert full_checks == [], sql
