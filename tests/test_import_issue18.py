"""The columns of issue 18's contract: enterprises' 产业类型 (industry_type), accidents' 事故性质 (nature),
瞒报 (concealed) and 谎报 (falsely_reported) — the schema that holds them (new files and migrated ones), the
import of every accepted spelling, one clear refusal for each bad value, and export and backup carrying them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pytest
from conftest import imported_regions_and_enterprises, prepared_database

from riskdash import db, records
from riskdash.importer import ImportFailed, import_file
from riskdash.importer.export import export_table

ACC_HEADER = "事故编号,发生时间,区划代码,行业,事故类型,死亡人数,重伤人数,直接经济损失（万元）"
ACC_ROW = "2025-03-05,419901001,工贸,机械伤害,1,0,5"


@pytest.fixture()
def con(tmp_path):
    connection = db.connect(prepared_database(tmp_path / "imp.duckdb", imported_regions_and_enterprises))
    yield connection
    connection.close()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def accidents_file(tmp_path: Path, extra_header: str, cells: list[str]) -> Path:
    """One accident per cell, A1, A2, …, the cell under ``extra_header``."""
    lines = [f"{ACC_HEADER},{extra_header}"]
    lines += [f"A{i},{ACC_ROW},{cell}" for i, cell in enumerate(cells, 1)]
    return write(tmp_path, "a.csv", "\n".join(lines) + "\n")


def stored(con, column: str) -> list[tuple]:
    return con.execute(f"select accident_id, {column} from accidents order by accident_id").fetchall()


def snapshot(con) -> tuple:
    return tuple(tuple(sorted(map(str, con.execute(f"select * from {t}").fetchall())))
                 for t in ("enterprises", "accidents", "audit_log", "meta"))


def refused(con, kind: str, path: Path) -> ImportFailed:
    before = snapshot(con)
    with pytest.raises(ImportFailed) as info:
        import_file(con, kind, path)
    assert snapshot(con) == before
    return info.value


# ---------------------------------------------------------------------------------------------- schema

COLUMNS = {("enterprises", "industry_type"): ("VARCHAR", "YES", None),
           ("accidents", "nature"): ("VARCHAR", "NO", "'pending'"),
           ("accidents", "concealed"): ("BOOLEAN", "NO", "false"),
           ("accidents", "falsely_reported"): ("BOOLEAN", "NO", "false")}


def columns(con) -> dict:
    rows = con.execute("""select table_name, column_name, data_type, is_nullable, column_default
                          from information_schema.columns
                          where (table_name, column_name) in (('enterprises', 'industry_type'),
                              ('accidents', 'nature'), ('accidents', 'concealed'),
                              ('accidents', 'falsely_reported'))""").fetchall()
    return {(t, c): (ty, nullable, default) for t, c, ty, nullable, default in rows}


def check_constraints(con) -> None:
    """The CHECK refuses an unknown nature and not-null refuses a missing flag; the edges are stored."""
    insert = ("insert into accidents (accident_id, occurred_at, region_code, industry, accident_type, deaths, "
              "serious_injuries, direct_loss_wan{cols}) values ('{id}', '2025-01-01', '419901001000', 'other', "
              "'fire', 0, 0, 0{vals})")
    for nature in ("liability", "non_liability", "pending"):
        con.execute(insert.format(cols=", nature, concealed, falsely_reported", id=f"OK-{nature}",
                                  vals=f", '{nature}', true, true"))
    con.execute(insert.format(cols="", id="OK-default", vals=""))
    assert con.execute("select nature, concealed, falsely_reported from accidents where accident_id = 'OK-default'"
                       ).fetchone() == ("pending", False, False)
    for cols, vals in ((", nature", ", '责任事故'"), (", nature", ", 'Liability'"), (", nature", ", null"),
                       (", concealed", ", null"), (", falsely_reported", ", null")):
        with pytest.raises(duckdb.ConstraintException):
            con.execute(insert.format(cols=cols, id="BAD", vals=vals))


def test_a_new_file_has_the_columns_and_their_constraints(tmp_path):
    con = db.connect(tmp_path / "new.duckdb", create=True)
    con.execute("insert into regions values ('419900000000', '示例市', 'city', null, null, null), "
                "('419901001000', '东镇', 'township', '419900000000', 'town', 'key')")
    assert db.schema_version(con) == db.SCHEMA_VERSION >= 15
    assert columns(con) == COLUMNS
    check_constraints(con)
    con.close()


def test_a_version_14_file_migrates_keeping_its_accidents(tmp_path):
    path = tmp_path / "v14.duckdb"
    con = duckdb.connect(str(path))
    db.migrate(con, upto=14)
    con.execute("insert into regions values ('419900000000', '示例市', 'city', null, null, null), "
                "('419901001000', '东镇', 'township', '419900000000', 'town', 'key')")
    con.execute("insert into sectors values ('other', '其他', 'Other', null, 'industrial', 1, false, 1)")
    con.execute("insert into accident_types values ('fire', '火灾', 'Fire', 1)")
    con.execute("insert into enterprises (enterprise_id, name, region_code, industry) "
                "values ('E1', '东镇建材厂', '419901001000', 'other'), ('E2', '东镇纸品', '419901001000', 'other')")
    con.execute("insert into accidents (accident_id, occurred_at, has_time, region_code, enterprise_id, industry, "
                "accident_type, deaths, missing, serious_injuries, minor_injuries, direct_loss_wan, endangered, "
                "reported_at, closed_on, summary) values ('A1', '2025-03-05 08:30', true, '419901001000', 'E1', "
                "'other', 'fire', 3, 1, 2, 4, 120.5, 12, '2025-03-05 09:40', '2025-05-20', '仓库火灾')")
    before = con.execute("select * from accidents").fetchall()
    con.close()
    con = db.connect(path)
    assert db.schema_version(con) == db.SCHEMA_VERSION >= 15
    assert columns(con) == COLUMNS
    # every row kept, column for column, and judged pending, neither concealed nor falsely reported
    # (commercial, schema 23, stays empty: read as 经营性 where an enterprise is named, docs/import.md)
    assert con.execute("select * exclude (nature, concealed, falsely_reported, commercial) "
                       "from accidents").fetchall() == before
    assert con.execute("select commercial from accidents").fetchall() == [(None,)]
    assert con.execute("select nature, concealed, falsely_reported from accidents").fetchall() == [
        ("pending", False, False)]
    assert con.execute("select enterprise_id, industry_type from enterprises order by 1").fetchall() == [
        ("E1", None), ("E2", None)]
    assert con.execute("select accident_id, grade from accidents_graded").fetchall() == [("A1", "larger")]
    # the rebuilt table kept its checks and foreign keys, and the enterprises it refers to can still change
    with pytest.raises(duckdb.ConstraintException):
        con.execute("update accidents set closed_on = '2025-03-01'")
    with pytest.raises(duckdb.ConstraintException):
        con.execute("update accidents set enterprise_id = 'NOPE'")
    con.execute("update enterprises set name = '东镇建材厂（更名）', industry_type = '建材' where enterprise_id = 'E1'")
    con.execute("delete from enterprises where enterprise_id = 'E2'")
    with pytest.raises(duckdb.ConstraintException, match="foreign key"):
        con.execute("delete from enterprises where enterprise_id = 'E1'")
    check_constraints(con)
    con.close()


# ---------------------------------------------------------------------------------------------- import


def test_every_spelling_of_the_nature_is_stored_as_its_code(con, tmp_path):
    cells = ["责任事故", "责任", "liability", "非责任事故", "非责任", "NON_LIABILITY", "待定", "待认定", "未定",
             "pending", "", "　责任事故 "]
    import_file(con, "accidents", accidents_file(tmp_path, "事故性质", cells))
    expected = ["liability"] * 3 + ["non_liability"] * 3 + ["pending"] * 5 + ["liability"]
    assert stored(con, "nature") == sorted((f"A{i}", code) for i, code in enumerate(expected, 1))


@pytest.mark.parametrize("header", ["是否瞒报", "瞒报", "concealed"])
def test_concealed_accepts_the_yes_no_spellings(con, tmp_path, header):
    cells = ["是", "否", "true", "false", "1", "0", "", "√", "×"]
    import_file(con, "accidents", accidents_file(tmp_path, header, cells))
    expected = [True, False, True, False, True, False, False, True, False]
    assert stored(con, "concealed, falsely_reported") == sorted(
        (f"A{i}", value, False) for i, value in enumerate(expected, 1))


@pytest.mark.parametrize("header", ["是否谎报", "谎报", "falsely_reported"])
def test_falsely_reported_accepts_the_yes_no_spellings(con, tmp_path, header):
    cells = ["是", "否", "TRUE", "False", "1", "0", ""]
    import_file(con, "accidents", accidents_file(tmp_path, header, cells))
    expected = [True, False, True, False, True, False, False]
    assert stored(con, "falsely_reported, concealed") == sorted(
        (f"A{i}", value, False) for i, value in enumerate(expected, 1))


def test_a_file_without_the_columns_gets_the_defaults_and_an_upsert_keeps_what_was_recorded(con, tmp_path):
    import_file(con, "accidents", write(tmp_path, "a.csv", f"{ACC_HEADER},事故性质,是否瞒报,是否谎报\n"
                                                           f"A1,{ACC_ROW},责任事故,是,否\n"))
    import_file(con, "accidents", write(tmp_path, "b.csv", f"{ACC_HEADER}\nA2,{ACC_ROW}\n"))
    assert stored(con, "nature, concealed, falsely_reported") == [
        ("A1", "liability", True, False), ("A2", "pending", False, False)]
    # an upsert of a file that lacks the columns changes the deaths only
    import_file(con, "accidents", write(tmp_path, "c.csv", f"{ACC_HEADER}\nA1,2025-03-05,419901001,工贸,机械伤害,2,0,5\n"),
                mode="upsert")
    assert stored(con, "deaths, nature, concealed, falsely_reported") == [
        ("A1", 2, "liability", True, False), ("A2", 1, "pending", False, False)]
    # and one that carries them, empty, sets them to pending and no
    import_file(con, "accidents", write(tmp_path, "d.csv", f"{ACC_HEADER},事故性质,是否瞒报,是否谎报\n"
                                                           f"A1,{ACC_ROW},,,\n"), mode="upsert")
    assert stored(con, "nature, concealed, falsely_reported") == [
        ("A1", "pending", False, False), ("A2", "pending", False, False)]


FLAG_SPELLINGS = "是、有、已落实、√、✓、yes、y、t、1 (true), 否、无、未落实、×、✗、no、n、f、0 (false)"


@pytest.mark.parametrize(
    ("header", "value", "column", "code", "offered"),
    [
        # every accepted spelling is named, as the settings list them (accident_nature_*, accident_flag_*)
        ("事故性质", "意外", "nature", "enum",
         "one of: 责任事故、责任 (liability), 非责任事故、非责任 (non_liability), 待定、待认定、未定 (pending)"),
        ("事故性质", "是", "nature", "enum", "责任事故、责任 (liability)"),
        ("是否瞒报", "不详", "concealed", "flag", "yes or no, written as one of: " + FLAG_SPELLINGS),
        ("瞒报", "2", "concealed", "flag", FLAG_SPELLINGS),
        ("是否谎报", "有时", "falsely_reported", "flag", FLAG_SPELLINGS),
        ("谎报", "yes please", "falsely_reported", "flag", FLAG_SPELLINGS),
    ],
)
def test_a_bad_value_names_file_row_column_and_what_was_expected(con, tmp_path, header, value, column, code,
                                                                   offered):
    exc = refused(con, "accidents", accidents_file(tmp_path, header, ["否" if column != "nature" else "", value]))
    assert [(p.row, p.column, p.code, p.value) for p in exc.problems] == [(3, column, code, value)]
    line = exc.lines()
    assert len(line) == 1 and line[0].startswith("a.csv") and "row 3" in line[0] and column in line[0]
    assert line[0].endswith("nothing was written") and offered in line[0]


def test_industry_type_is_free_text_under_either_header(con, tmp_path):
    import_file(con, "enterprises", write(tmp_path, "e.csv", "企业编号,企业名称,所在乡镇代码,行业,产业类型\n"
                                                             "E3,东镇竹业,419901001,工贸,竹制品\n"
                                                             "E4,东镇家具,419901001,工贸,\n"))
    import_file(con, "enterprises", write(tmp_path, "f.csv", "企业编号,企业名称,所在乡镇代码,行业,产业类别\n"
                                                             "E5,东镇纸业,419901001,工贸,纸制品\n"))
    assert con.execute("select enterprise_id, industry_type from enterprises order by 1").fetchall() == [
        ("E1", None), ("E2", None), ("E3", "竹制品"), ("E4", None), ("E5", "纸制品")]


# ---------------------------------------------------------------------------------------------- out and back


def test_export_and_backup_carry_the_columns(con, tmp_path):
    import_file(con, "enterprises", write(tmp_path, "e.csv", "企业编号,企业名称,所在乡镇代码,行业,产业类型\n"
                                                             "E3,东镇竹业,419901001,工贸,竹制品\n"))
    import_file(con, "accidents", write(tmp_path, "a.csv", f"{ACC_HEADER},企业编号,事故性质,是否瞒报,是否谎报\n"
                                                           f"A1,{ACC_ROW},E3,非责任事故,否,是\n"))
    frame = export_table(con, "accidents")
    assert frame[["accident_id", "nature", "concealed", "falsely_reported"]].values.tolist() == [
        ["A1", "non_liability", False, True]]
    assert export_table(con, "enterprises").set_index("enterprise_id")["industry_type"].fillna("(empty)").to_dict() == {
        "E1": "(empty)", "E2": "(empty)", "E3": "竹制品"}
    records.backup(con, tmp_path / "backup")
    con.close()
    target = tmp_path / "restored.duckdb"
    records.restore(target, tmp_path / "backup")
    restored = db.connect(target)
    assert restored.execute("select accident_id, occurred_at, nature, concealed, falsely_reported from accidents"
                            ).fetchall() == [("A1", datetime(2025, 3, 5), "non_liability", False, True)]
    assert restored.execute("select industry_type from enterprises where enterprise_id = 'E3'").fetchone() == ("竹制品",)
    restored.close()
