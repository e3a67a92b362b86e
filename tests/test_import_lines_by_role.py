"""The importer's problem lines worded by role (issue 16 leftover): a line that sends the reader to an admin's
task (import the regions; the major-hazard criteria list in 设置) reads as the city administrator's to do for an
account that is not an admin (text/roles.py, i18n.set_reader), and as the admin's own task for an admin. A real
check of an enterprises file with a region code the database lacks, on the small city."""

from __future__ import annotations

import pytest
from conftest import fill_small_city, prepared_database

from riskdash import db, i18n
from riskdash.importer.core import validate_rows
from riskdash.screens.data.view import problems_frame


@pytest.fixture()
def problems(tmp_path):
    con = db.connect(prepared_database(tmp_path / "lines.duckdb", fill_small_city))
    rows = [{"enterprise_id": "E9", "name": "新厂", "region_code": "419999999000", "industry": "工贸"}]
    _, found, total = validate_rows(con, "enterprises", rows)
    con.close()
    assert total >= 1 and "region_unknown" in [p.code for p in found]
    return found


@pytest.fixture()
def reader():
    yield i18n.set_reader
    i18n.set_reader(True)


@pytest.mark.parametrize(("admin", "zh", "en"), [
    (True, "数据库中没有该行政区划（请先导入行政区划）", "a region code in the database (import the regions first)"),
    (False, "数据库中没有该行政区划（请市级管理员先导入行政区划）",
     "a region code in the database (ask the city administrator to import the regions first)"),
])
def test_the_unknown_region_line_by_role(problems, reader, admin, zh, en):
    reader(admin)
    for lang, line in (("zh", zh), ("en", en)):
        expected = problems_frame(problems, lang).iloc[:, -1].tolist()
        assert line in expected


def test_the_criteria_list_line_by_role(reader):
    reader(True)
    assert "见设置中的判定依据清单" in i18n.t("data.problem.hazard_basis_unknown", "zh")
    reader(False)
    shown = i18n.t("data.problem.hazard_basis_unknown", "zh")
    assert "判定依据清单由市级管理员在“设置”中维护" in shown and "见设置中" not in shown
