"""行业主管部门 ("管行业必须管安全", issue 18): the setting sector_departments (value rule, default), accidents,
hazards and enterprises counted by department on hand-made rows, and the departments adding up to the total."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import new_database

from riskdash import db
from riskdash.domain import parse_department_map
from riskdash.filters import Filters
from riskdash.importer import ImportFailed, import_file
from riskdash.importer.core import setting_value_problem
from riskdash.metrics import departments
from riskdash.screens.rectification import view

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
CITY = "419900000000"
YEAR = Filters(date(2025, 1, 1), date(2025, 6, 30), CITY, date(2025, 6, 30))


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def con(tmp_path):
    connection = db.connect(new_database(tmp_path / "d.duckdb"))
    import_file(connection, "regions", FIXTURES / "regions.csv")
    import_file(connection, "enterprises", write(tmp_path, "e.csv", (
        "企业编号,企业名称,所在乡镇代码,行业\n"
        "E1,东镇建材厂,419901001,工贸\nE2,东镇化工,419901001,危化品\nE3,西乡工地,419901002,建筑施工\n"
        "E4,西乡客运,419901002,道路运输\n")))
    import_file(connection, "accidents", write(tmp_path, "a.csv", (
        "事故编号,发生时间,区划代码,行业,事故类型,死亡人数,失踪人数,重伤人数,直接经济损失（万元）\n"
        "A1,2025-02-01,419901001,工贸,机械伤害,1,0,0,5\n"
        "A2,2025-03-01,419901002,建筑施工,高处坠落,2,1,0,50\n"
        "A3,2025-04-01,419901002,道路运输,车辆伤害,1,0,2,10\n"
        "A4,2024-04-01,419901002,道路运输,车辆伤害,1,0,2,10\n")))   # before the period
    import_file(connection, "hazards", write(tmp_path, "h.csv", (
        "隐患编号,企业编号,发现日期,隐患等级,整改期限\n"
        "H1,E1,2025-03-01,重大,2025-05-01\nH2,E2,2025-03-02,一般,2025-05-01\nH3,E3,2025-03-03,一般,2025-05-01\n"
        "H4,E3,2025-03-04,重大,2025-05-01\n")))
    yield connection
    connection.close()


def counts(frame) -> dict:
    return {row.department: (row.accidents, row.deaths, row.hazards, row.major_hazards, row.enterprises)
            for row in frame.itertuples()}


def test_counts_by_department_and_the_sum_is_the_total(con):
    frame = departments.by_department(con, YEAR)
    got = counts(frame)
    # 应急管理: 工贸 (A1, H1 major, E1) and 危险化学品 (H2, E2); 住建: 建筑施工 (A2 2+1 dead, H3, H4 major, E3);
    # 交通运输: 道路运输 (A3 only in the period, E4); the other departments count nothing
    assert got["应急管理"] == (1, 1, 2, 1, 2)
    assert got["住房和城乡建设"] == (1, 3, 2, 1, 1)
    assert got["交通运输"] == (1, 1, 0, 0, 1)
    assert got["消防救援"] == got["市场监管"] == got["农业农村"] == (0, 0, 0, 0, 0)
    assert list(frame["department"])[:3] == ["应急管理", "住房和城乡建设", "交通运输"]  # by the first sector's order
    totals = tuple(int(frame[c].sum()) for c in departments.COUNTS)
    found = (con.execute("select count(*), sum(deaths + missing) from accidents where occurred_at >= '2025-01-01'")
             .fetchone() + con.execute("select count(*), count(*) filter (where grade = 'major') from hazards")
             .fetchone() + con.execute("select count(*) from enterprises").fetchone())
    assert totals == tuple(int(v) for v in found) == (3, 5, 4, 2, 4)
    table = view.department_table(frame, {}, "zh")
    assert table.iloc[-1].tolist() == ["合计", "", 3, 5, 4, 2, 4]
    west = departments.by_department(con, Filters(date(2025, 1, 1), date(2025, 6, 30), "419901002000",
                                                   date(2025, 6, 30)))
    assert sum(west["accidents"]) == 2 and counts(west)["应急管理"] == (0, 0, 0, 0, 0)


def test_a_sector_left_out_of_the_setting_counts_under_a_dash(con):
    con.execute("update settings set value = 'industry_trade=应急管理' where key = 'sector_departments'")
    got = counts(departments.by_department(con, YEAR))
    assert got == {"应急管理": (1, 1, 1, 1, 1), "—": (2, 4, 3, 1, 3)}


def test_the_setting_and_its_value_rule(con, tmp_path):
    mapping = departments.department_map(con)
    assert mapping["construction"] == "住房和城乡建设" and mapping["fire"] == "消防救援"
    assert parse_department_map("a=甲，b = 乙") == {"a": "甲", "b": "乙"}
    assert setting_value_problem("sector_departments", "fire=消防救援, fire=应急管理") == (
        "setting_department_map", {"item": "fire=应急管理"})
    assert setting_value_problem("sector_departments", "fire") == ("setting_department_map", {"item": "fire"})
    with pytest.raises(ImportFailed) as info:
        import_file(con, "settings", write(tmp_path, "s.csv", "设置项,值\nsector_departments,fire=\n"), mode="upsert")
    assert [(p.row, p.column, p.code) for p in info.value.problems] == [(2, "value", "setting_department_map")]
