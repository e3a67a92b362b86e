"""重大隐患判定依据 (issue 18, schema 26): the shipped list hazard_bases, hazards.basis_code on import (optional,
only for a major hazard, an unknown code refused with file, row and column), the record card and the 月报表's
list of major hazards (the screen's table and the workbook's second sheet)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from conftest import imported_regions_and_enterprises, new_database, prepared_database
from openpyxl import load_workbook

from riskdash import db
from riskdash.exports import monthly_form as form
from riskdash.filters import Filters
from riskdash.importer import ImportFailed, import_file
from riskdash.metrics import rectification as rect
from riskdash.screens.rectification import view

CITY = "419900000000"
HEADER = "隐患编号,企业编号,发现日期,隐患等级,整改期限,验收日期,整改完成日期,判定依据\n"
STANDARD_10 = "应急管理部令第10号《工贸企业重大事故隐患判定标准》（2023）"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def con(tmp_path):
    connection = db.connect(prepared_database(tmp_path / "b.duckdb", imported_regions_and_enterprises))
    import_file(connection, "hazards", write(tmp_path, "h.csv", HEADER + (
        "H1,E1,2025-03-01,重大,2025-05-01,2025-04-20,2025-04-10,工贸-第11条\n"   # closed by April
        "H2,E1,2025-03-05,重大,2025-06-01,,,\n"                                   # no basis recorded
        "H3,E2,2025-04-02,重大,2025-06-01,,,化工-判定标准\n"
        "H4,E1,2025-04-03,一般,2025-04-10,,,\n"                                   # general: not listed
        "H5,E1,2025-05-03,重大,2025-06-01,,,工贸-第3条\n")))                     # after the April form
    yield connection
    connection.close()


def test_the_shipped_list_names_decree_10_and_the_sector_standards(con):
    rows = dict(con.execute("select code, standard_zh from hazard_bases").fetchall())
    assert [c for c in rows if c.startswith("工贸-")] == [f"工贸-第{n}条" for n in range(3, 14)]
    assert {rows[f"工贸-第{n}条"] for n in range(3, 14)} == {STANDARD_10}
    assert "安监总管三〔2017〕121号" in rows["化工-判定标准"] and "烟花爆竹" in rows["烟花爆竹-判定标准"]


def test_record_card_shows_the_basis_title(con):
    record = rect.hazard_record(con, "H1", date(2025, 6, 30))
    fields = dict(view.hazard_record_fields(record, "工贸", "zh"))
    assert fields["判定依据"] == f"工贸-第11条 存在粉尘爆炸危险的工贸企业情形（{STANDARD_10}）"
    assert dict(view.hazard_record_fields(rect.hazard_record(con, "H2", date(2025, 6, 30)), "工贸", "zh"))[
        "判定依据"] == "—"
    english = dict(view.hazard_record_fields(record, "Industry and trade", "en"))
    assert english["Judged by"] == f"工贸-第11条 Enterprises with a dust explosion hazard ({STANDARD_10})"


def test_the_monthly_forms_list_of_major_hazards(con):
    filters = Filters(date(2025, 1, 1), date(2025, 6, 30), CITY, date(2025, 6, 30))
    majors = form.major_hazards(con, filters, date(2025, 4, 1))
    shown = form.majors_table(majors, "zh")
    assert shown.values.tolist() == [
        ["H1", "东镇建材厂", "甲县", "东镇", "工贸", "2025-03-01",
         f"工贸-第11条 存在粉尘爆炸危险的工贸企业情形（{STANDARD_10}）", "已整改销号"],
        ["H2", "东镇建材厂", "甲县", "东镇", "工贸", "2025-03-05", "—", "未销号"],
        ["H3", "东镇化工", "甲县", "东镇", "危险化学品", "2025-04-02",
         "化工-判定标准 该标准所列情形（安监总管三〔2017〕121号《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》）",
         "未销号"],
    ]
    # the form counts the same major hazards as the list
    table = rect.monthly_form(con, filters, date(2025, 4, 1))
    assert int(table.loc[table["is_total"], "major_found"].iloc[0]) == len(shown)
    data, _ = form.monthly_form_xlsx(con, filters, date(2025, 4, 1))
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["月报表", "重大隐患清单"]
    sheet = book["重大隐患清单"]
    assert [c.value for c in sheet[3]] == list(shown.columns)
    assert [[c.value for c in row] for row in sheet.iter_rows(min_row=4)] == shown.values.tolist()


def test_unknown_code_and_a_general_hazards_basis_are_refused(con, tmp_path):
    before = con.execute("select count(*) from hazards").fetchone()[0]
    with pytest.raises(ImportFailed) as info:
        import_file(con, "hazards", write(tmp_path, "bad.csv", HEADER + (
            "H6,E1,2025-05-04,重大,2025-06-01,,,工贸-第11条\n"
            "H7,E1,2025-05-04,重大,2025-06-01,,,工贸-第99条\n"
            "H8,E1,2025-05-04,一般,2025-06-01,,,工贸-第3条\n")))
    assert [(p.file, p.row, p.column, p.code, p.value) for p in info.value.problems] == [
        ("bad.csv", 3, "basis_code", "hazard_basis_unknown", "工贸-第99条"),
        ("bad.csv", 4, "basis_code", "basis_major_only", "工贸-第3条")]
    assert info.value.problems[0].line("zh").startswith("bad.csv: row 3: column basis_code: value '工贸-第99条': 重大隐患判定依据中没有")
    assert con.execute("select count(*) from hazards").fetchone()[0] == before


def test_an_older_database_gains_the_list_and_the_column(tmp_path):
    path = tmp_path / "old.duckdb"
    con = db.connect(new_database(path))
    con.execute("drop table hazard_bases")
    con.execute("alter table hazards drop column basis_code")
    con.execute("update meta set value = '25' where key = 'schema_version'")
    con.close()
    con = db.connect(path)
    try:
        assert db.schema_version(con) >= 26
        assert con.execute("select count(*) from hazard_bases where code like '工贸-%'").fetchone()[0] == 11
        assert "basis_code" in [r[0] for r in con.execute("describe hazards").fetchall()]
    finally:
        con.close()
