"""The importer on small hand-made files: what is accepted, every bad input refused with nothing written."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from conftest import imported_regions_and_enterprises, prepared_database

from riskdash import db
from riskdash.importer import ImportFailed, import_file

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"


@pytest.fixture()
def con(tmp_path):
    connection = db.connect(prepared_database(tmp_path / "imp.duckdb", imported_regions_and_enterprises))
    yield connection
    connection.close()


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def snapshot(con) -> tuple:
    tables = ["regions", "enterprises", "accidents", "inspections", "hazards", "key_sites", "audit_log", "meta"]
    return tuple(tuple(sorted(map(str, con.execute(f"select * from {t}").fetchall()))) for t in tables)


def refused(con, kind: str, path: Path, **kw) -> ImportFailed:
    before = snapshot(con)
    with pytest.raises(ImportFailed) as info:
        import_file(con, kind, path, **kw)
    assert snapshot(con) == before
    return info.value


HAZ_HEADER = "隐患编号,企业编号,发现日期,隐患等级,整改期限\n"


def test_regions_and_enterprises_are_padded_and_coded(con):
    assert con.execute("select region_code, level, kind, township_class from regions order by 1").fetchall() == [
        ("419900000000", "city", None, None),
        ("419901000000", "county", None, None),
        ("419901001000", "township", "town", "key"),
        ("419901002000", "township", "township", "ordinary"),
    ]
    assert con.execute("select enterprise_id, region_code, industry, status from enterprises order by 1").fetchall() == [
        ("E1", "419901001000", "industry_trade", "active"),
        ("E2", "419901001000", "hazardous_chemicals", "active"),
    ]


def test_hazards_dates_enumerations_formulas_and_sql_text_are_stored_as_given(con):
    result = import_file(con, "hazards", FIXTURES / "hazards.csv", actor="tester")
    assert (result.rows, result.inserted, result.data_as_of) == (3, 3, date(2025, 4, 25))
    rows = con.execute("select hazard_id, found_on, grade, deadline, supervision_level, description "
                       "from hazards order by 1").fetchall()
    assert rows == [
        ("H1", date(2025, 3, 5), "general", date(2025, 3, 20), "none", '=HYPERLINK("http://example.invalid","点我")'),
        ("H2", date(2025, 3, 6), "major", date(2025, 4, 30), "city", "'); drop table hazards; --"),
        ("H3", date(2025, 4, 1), "general", date(2025, 4, 15), "none", "储罐区警示标识缺失"),
    ]
    log = con.execute("select actor, action, kind, file_name, table_name, row_count from audit_log "
                      "where kind = 'hazards'").fetchall()
    assert log == [("tester", "import", "hazards", "hazards.csv", "hazards", 3)]


def test_as_of_given_explicitly_wins(con):
    result = import_file(con, "hazards", FIXTURES / "hazards.csv", as_of=date(2025, 6, 30))
    assert result.data_as_of == date(2025, 6, 30) == db.data_as_of(con)


def test_gbk_and_bom_files_are_detected(con, tmp_path):
    gbk = write(tmp_path, "gbk.csv", HAZ_HEADER + "H1,E1,2025-03-05,一般,2025-03-20\n", "gbk")
    assert import_file(con, "hazards", gbk).encoding == "gb18030"
    bom = write(tmp_path, "bom.csv", "\ufeff" + HAZ_HEADER + "H2,E1,2025-03-05,重大,2025-03-20\n")
    assert import_file(con, "hazards", bom).encoding == "utf-8-sig"
    assert con.execute("select count(*) from hazards").fetchone()[0] == 2


def test_xlsx_reads_formulas_as_text_and_date_cells(con, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["隐患编号", "企业编号", "发现日期", "隐患等级", "整改期限", "隐患描述"])
    sheet.append(["H1", "E1", date(2025, 3, 5), "一般", date(2025, 3, 20), '=HYPERLINK("http://x","y")'])
    sheet.append(["H2", "E2", "2025年3月6日", "重大", "2025/4/1", 12345])
    path = tmp_path / "h.xlsx"
    book.save(path)
    import_file(con, "hazards", path)
    assert con.execute("select hazard_id, found_on, deadline, description from hazards order by 1").fetchall() == [
        ("H1", date(2025, 3, 5), date(2025, 3, 20), '=HYPERLINK("http://x","y")'),
        ("H2", date(2025, 3, 6), date(2025, 4, 1), "12345"),
    ]


def test_upsert_updates_and_logs_before_and_after(con, tmp_path):
    import_file(con, "hazards", FIXTURES / "hazards.csv")
    again = write(tmp_path, "again.csv", HAZ_HEADER + "H3,E2,2025-04-01,一般,2025-04-20\nH4,E1,2025-05-01,一般,2025-05-02\n")
    exc = refused(con, "hazards", again)
    assert [p.code for p in exc.problems] == ["exists"] and exc.problems[0].row == 2
    result = import_file(con, "hazards", again, mode="upsert", actor="tester")
    assert (result.inserted, result.updated, result.unchanged) == (1, 1, 0)
    entry = con.execute("select table_name, record_key, before_json, after_json from audit_log "
                        "where action = 'update'").fetchall()
    assert len(entry) == 1 and entry[0][:2] == ("hazards", "H3")
    assert json.loads(entry[0][2])["deadline"] == "2025-04-15"
    assert json.loads(entry[0][3])["deadline"] == "2025-04-20"


def test_upsert_of_a_referenced_enterprise_and_region_works(con, tmp_path):
    import_file(con, "hazards", FIXTURES / "hazards.csv")
    moved = write(tmp_path, "e.csv", "企业编号,企业名称,所在乡镇代码,行业\nE2,东镇化工（新）,419901002,危险化学品\n")
    import_file(con, "enterprises", moved, mode="upsert")
    assert con.execute("select name, region_code from enterprises where enterprise_id = 'E2'").fetchone() == (
        "东镇化工（新）", "419901002000")
    renamed = write(tmp_path, "r.csv", "区划代码,名称,级别,上级代码\n419901001,东镇（新）,乡镇,419901\n")
    import_file(con, "regions", renamed, mode="upsert")
    assert con.execute("select name from regions where region_code = '419901001000'").fetchone() == ("东镇（新）",)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("H1,E1,2025-03-05,一般,2025-03-01\n", [(2, "deadline", "deadline_before_found")]),
        ("H1,E9,2025-03-05,一般,2025-03-20\n", [(2, "enterprise_id", "enterprise_unknown")]),
        ("H1,E1,2025-02-30,严重,2025-03-20\n", [(2, "found_on", "date"), (2, "grade", "enum")]),
        ("H1,E1,2025-03-05,一般,\n", [(2, "deadline", "required")]),
        ("H1,E1,2025-03-05,一般,2025-03-20\nH1,E2,2025-03-05,一般,2025-03-20\n",
         [(3, "hazard_id", "duplicate_in_file")]),
    ],
)
def test_bad_hazard_rows_are_each_reported(con, tmp_path, body, expected):
    exc = refused(con, "hazards", write(tmp_path, "h.csv", HAZ_HEADER + body))
    assert [(p.row, p.column, p.code) for p in exc.problems] == expected


def test_hazard_closed_loop_rules_mirror_the_schema(con, tmp_path):
    header = "隐患编号,企业编号,发现日期,隐患等级,整改期限,整改完成日期,验收日期,挂牌督办级别,挂牌日期,摘牌日期\n"
    body = (
        "H1,E1,2025-03-05,一般,2025-03-20,2025-03-01,,,,\n"          # rectified before found
        "H2,E1,2025-03-05,一般,2025-03-20,,2025-03-10,,,\n"          # verified, never rectified
        "H3,E1,2025-03-05,重大,2025-03-20,2025-03-10,2025-03-09,,,\n"  # verified before rectified
        "H4,E1,2025-03-05,一般,2025-03-20,,,市级,,\n"                # 挂牌督办 on a general hazard
        "H5,E1,2025-03-05,重大,2025-03-20,,,无,2025-03-06,\n"         # supervised without a level
        "H6,E1,2025-03-05,重大,2025-03-20,2025-03-10,,市级,2025-03-06,2025-03-12\n"  # delisted, not verified
        "H7,E1,2025-03-05,重大,2025-03-20,2025-03-10,2025-03-11,市级,2025-03-06,2025-03-11\n"  # fine
    )
    exc = refused(con, "hazards", write(tmp_path, "h.csv", header + body))
    assert [(p.row, p.code) for p in exc.problems] == [
        (2, "rectified_before_found"), (3, "verified_not_rectified"), (4, "verified_before_rectified"),
        (5, "supervision_major_only"), (6, "supervised_without_level"), (7, "delisted_rule"),
    ]


def test_accidents_region_levels_and_negative_deaths(con, tmp_path):
    header = "事故编号,发生时间,区划代码,行业,事故类型,死亡人数,重伤人数,直接经济损失（万元）\n"
    body = (
        "A1,2025-03-05 08:30,419901001,工贸,机械伤害,1,0,50\n"      # township: fine
        "A2,2025-03-06,419901,道路运输,车辆伤害,0,0,5\n"            # county: fine for accidents
        "A3,2025-03-07,419900,工贸,机械伤害,0,0,5\n"                # the city: refused
        "A4,2025-03-07,419901009,工贸,机械伤害,-1,0,5\n"            # unknown township, negative deaths
    )
    exc = refused(con, "accidents", write(tmp_path, "a.csv", header + body))
    assert [(p.row, p.column, p.code) for p in exc.problems] == [
        (4, "region_code", "region_level_township_county"),
        (5, "region_code", "region_unknown"), (5, "deaths", "at_least"),
    ]
    fine = write(tmp_path, "a2.csv", header + body.split("A3")[0])
    import_file(con, "accidents", fine)
    assert con.execute("select accident_id, has_time, missing from accidents order by 1").fetchall() == [
        ("A1", True, 0), ("A2", False, 0)]


def test_a_defaulted_column_takes_its_default_only_when_empty_never_for_unreadable_text(con, tmp_path):
    # 失踪人数 defaults to 0 when the cell is empty; "若干" (some) is not 0 and must be reported, or deaths
    # including the missing would be under-counted without a word
    header = "事故编号,发生时间,区划代码,行业,事故类型,死亡人数,失踪人数,重伤人数,直接经济损失（万元）\n"
    exc = refused(con, "accidents", write(tmp_path, "m.csv", header + "A1,2025-03-05,419901001,工贸,机械伤害,1,若干,0,5\n"))
    assert [(p.row, p.column, p.code, p.value) for p in exc.problems] == [(2, "missing", "int", "若干")]
    import_file(con, "accidents", write(tmp_path, "m2.csv", header + "A1,2025-03-05,419901001,工贸,机械伤害,1,,0,5\n"))
    assert con.execute("select missing from accidents").fetchall() == [(0,)]


def test_enterprises_must_sit_in_a_township(con, tmp_path):
    exc = refused(con, "enterprises", write(tmp_path, "e.csv", "企业编号,企业名称,所在乡镇代码,行业\nE9,某厂,419901,工贸\n"))
    assert exc.problems[0].code == "region_level_township"
    assert "county" in exc.problems[0].expected("en") and "县" in exc.problems[0].expected("zh")


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.csv", b"", "empty"),
        ("header.csv", HAZ_HEADER.encode(), "header_only"),
        ("semi.csv", HAZ_HEADER.replace(",", ";").encode() + b"H1;E1;2025-03-05;x;2025-03-20\n", "wrong_delimiter"),
        ("utf16.csv", (HAZ_HEADER + "H1,E1,2025-03-05,一般,2025-03-20\n").encode("utf-16"), "encoding_utf16"),
        ("latin.csv", HAZ_HEADER.encode("gbk") + "H1,E1,2025-03-05,caf\xe9,2025-03-20\n".encode("latin-1"),
         "encoding_unknown"),
        ("zip.csv", b"PK\x03\x04 an xlsx named .csv", "xlsx_as_csv"),
    ],
)
def test_unreadable_files_give_one_problem(con, tmp_path, name, data, code):
    path = tmp_path / name
    path.write_bytes(data)
    exc = refused(con, "hazards", path)
    assert exc.total == 1 and exc.problems[0].code == code
    assert len(exc.lines()) == 1


def test_truncated_last_line_is_reported_by_row(con, tmp_path):
    text = HAZ_HEADER + "H1,E1,2025-03-05,一般,2025-03-20\nH2,E1,2025-03"
    exc = refused(con, "hazards", write(tmp_path, "t.csv", text))
    assert [(p.row, p.code) for p in exc.problems] == [(3, "field_count")]


def test_a_10_mb_field_is_refused_clearly(con, tmp_path):
    text = HAZ_HEADER.strip() + ",隐患描述\n" + "H1,E1,2025-03-05,一般,2025-03-20,\"" + "隐" * 10_000_000 + "\"\n"
    exc = refused(con, "hazards", write(tmp_path, "big.csv", text))
    # past the csv reader's bound (1,048,576 characters): refused at its row before the value is held
    assert [(p.row, p.column, p.code) for p in exc.problems] == [(2, None, "field_too_long")]
    assert str(exc) == ("big.csv: row 2: a field of more than 1,048,576 characters (a value holds at most 65,536); "
                        "nothing was written")


def test_a_field_just_past_the_text_limit_is_refused_by_its_column(con, tmp_path):
    text = HAZ_HEADER.strip() + ",隐患描述\n" + "H1,E1,2025-03-05,一般,2025-03-20,\"" + "隐" * 65_537 + "\"\n"
    exc = refused(con, "hazards", write(tmp_path, "big.csv", text))
    assert [(p.row, p.column, p.code) for p in exc.problems] == [(2, "description", "too_long")]
    assert "65537" in exc.problems[0].expected("en")


def test_missing_required_column_is_named(con, tmp_path):
    exc = refused(con, "hazards", write(tmp_path, "m.csv", "隐患编号,企业编号,发现日期,隐患等级\nH1,E1,2025-03-05,一般\n"))
    assert [(p.row, p.column, p.code) for p in exc.problems] == [(None, "deadline", "missing_column")]


def test_import_into_a_new_path_creates_the_database(tmp_path):
    con = db.connect(tmp_path / "new.duckdb", create=True)
    try:
        import_file(con, "regions", FIXTURES / "regions.csv")
        assert con.execute("select count(*) from sectors").fetchone()[0] == 14
    finally:
        con.close()
