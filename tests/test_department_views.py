"""行业主管部门 beyond 隐患治理 (issue 18, "accidents, hazards and sites can be viewed and listed by department; the
ledger is filed with 有关部门 too"), on hand-made rows: 事故趋势's accidents by department (with 较大及以上 and
同比), 重点部位's ledger by department (filed with both offices, measures, filed with the department itself), the
ledger's new column 报备有关部门 (import, ledger table, .xlsx, site card) and an older database gaining it."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from openpyxl import load_workbook
from conftest import new_database
from test_departments import CITY, YEAR, con, write  # noqa: F401  (the hand-made city of the department table)

from riskdash import db
from riskdash.exports.key_site_ledger import key_site_ledger_xlsx
from riskdash.filters import Filters
from riskdash.importer import import_file
from riskdash.metrics import core, departments, priority
from riskdash.screens import departments as departments_view
from riskdash.screens.priority import view as priority_view

SITES = ("部位编号,区划代码,企业编号,部位名称,可能事故类型,可能死亡人数,市安委办备案日期,县安委办备案日期,措施落实,报备有关部门\n"
         # 工贸 → 应急管理: filed with both offices, in place, and with 应急管理 among two departments
         "K1,419901001,E1,东镇建材厂窑炉,其他爆炸,3,2025-01-10,2025-01-12,是,应急管理、住房和城乡建设\n"
         # 危险化学品 → 应急管理: commas and spaces separate the names too
         "K2,419901001,E2,东镇化工罐区,其他爆炸,5,2025-01-10,,否,\"消防救援, 应急管理\"\n"
         # 建筑施工 → 住建: filed with 应急管理 only, not with its own department; after the as-of day with the county
         "K3,419901002,E3,西乡工地塔吊,起重伤害,3,2025-02-01,2025-07-01,是,应急管理\n"
         # a public place: no enterprise, so no sector and no department (—), whatever it was filed with
         "K4,419901002,,西乡农贸市场,火灾,10,2025-02-01,2025-02-01,,消防救援\n"
         # 道路运输 → 交通运输: a longer name is not the department (应急管理局 ≠ 应急管理), none recorded
         "K5,419901002,E4,西乡客运站,车辆伤害,4,,,是,交通运输局\n")


def sites(frame) -> dict:
    return {row.department: (row.sites, row.fully_filed, row.in_place, row.filed_with_department)
            for row in frame.itertuples()}


def test_accidents_by_department(con):  # noqa: F811
    frame = departments.accidents_by_department(con, YEAR)
    got = {row.department: (row.accidents, row.deaths, row.larger_accidents, row.previous_accidents,
                            row.previous_deaths) for row in frame.itertuples()}
    # 应急管理: A1 (工贸, 1 dead); 住建: A2 (建筑施工, 2 + 1 missing: 较大); 交通运输: A3 (1 dead) and, a year
    # earlier, A4 (2024-04-01, 1 dead); every other department counts nothing
    assert got["应急管理"] == (1, 1, 0, 0, 0)
    assert got["住房和城乡建设"] == (1, 3, 1, 0, 0)
    assert got["交通运输"] == (1, 1, 0, 1, 1)
    assert got["消防救援"] == got["市场监管"] == got["农业农村"] == (0, 0, 0, 0, 0)
    # the departments add up to the scope's totals (the 隐患治理 table's accidents and deaths too)
    assert [int(frame[c].sum()) for c in ("accidents", "deaths")] == [3, 5]
    hazards_table = departments.by_department(con, YEAR)
    assert list(hazards_table["accidents"]) == list(frame["accidents"])
    assert list(hazards_table["department"]) == list(frame["department"])
    table = departments_view.accidents_table(frame, departments_view.sector_map(core.sectors(con)), "zh")
    # short headers, their units said once in the section's line (issue 17 item 7: the table fits 1024 px)
    assert list(table.columns) == ["行业主管部门", "起数", "上年起数", "起数同比", "死亡", "上年死亡", "死亡同比", "较大及以上"]
    rows = table.set_index("行业主管部门")
    assert rows.loc["住房和城乡建设"].tolist() == [1, 0, "—", 3, 0, "—", 1]
    assert rows.loc["交通运输"].tolist() == [1, 1, "0.0%", 1, 1, "0.0%", 0]
    assert rows.loc["合计"].tolist() == [3, 1, "+200.0%", 5, 1, "+400.0%", 1]
    # the departments' sectors in one line under the table, in the setting's order
    line = departments_view.sectors_line(frame, departments_view.sector_map(core.sectors(con)), "zh")
    assert line.startswith("各部门主管的行业：应急管理：") and "；住房和城乡建设：建筑施工、城镇燃气；" in line
    # a county's scope and a sector filter
    west = departments.accidents_by_department(con, Filters(date(2025, 1, 1), date(2025, 6, 30), "419901002000",
                                                            date(2025, 6, 30)))
    assert int(west["accidents"].sum()) == 2 and int(west.set_index("department").loc["应急管理", "accidents"]) == 0
    road = departments.accidents_by_department(con, Filters(date(2025, 1, 1), date(2025, 6, 30), CITY,
                                                            date(2025, 6, 30), industry="road_transport"))
    assert {d: n for d, n in zip(road["department"], road["accidents"]) if n} == {"交通运输": 1}


def test_sites_by_department_and_the_filed_departments(con, tmp_path):  # noqa: F811
    import_file(con, "key-sites", write(tmp_path, "k.csv", SITES))
    stored = dict(con.execute("select site_id, filed_departments from key_sites").fetchall())
    assert stored == {"K1": "应急管理、住房和城乡建设", "K2": "消防救援, 应急管理", "K3": "应急管理", "K4": "消防救援",
                      "K5": "交通运输局"}
    frame = departments.sites_by_department(con, YEAR)
    assert sites(frame) == {
        "应急管理": (2, 1, 1, 2),         # K1 both filed, in place; K2 county missing, not in place; both name 应急管理
        "住房和城乡建设": (1, 0, 1, 0),   # K3 filed with the county after the as-of day; not with 住建
        "交通运输": (1, 0, 1, 0),         # K5 filed nowhere; 交通运输局 is not 交通运输
        "—": (1, 1, 0, 0),               # K4, a public place: never "filed with its department"
    }
    assert list(frame["department"]) == ["应急管理", "住房和城乡建设", "交通运输", "—"]  # setting order, — last
    table = departments_view.sites_table(frame, departments_view.sector_map(core.sectors(con)), "zh")
    assert list(table.columns) == ["行业主管部门", "重点部位（处）", "市县均已备案", "措施已落实", "已报本部门备案"]
    assert table.iloc[-1].tolist() == ["合计", 5, 2, 3, 2]
    assert table.iloc[-2].tolist() == ["—", 1, 1, 0, 0]
    # the ledger carries the column: the screen's table, the .xlsx filed with the offices, the site card
    ledger = priority.key_site_ledger(con, YEAR)
    shown = priority_view.ledger_table(ledger, "zh").set_index("重点部位名称")
    assert shown.loc["东镇建材厂窑炉", "报备有关部门"] == "应急管理、住房和城乡建设"
    assert shown.loc["西乡客运站", "报备有关部门"] == "交通运输局"
    book = load_workbook(BytesIO(key_site_ledger_xlsx(ledger, priority.ledger_townships(con, YEAR), "示例市",
                                                      date(2025, 6, 30))))
    cells = [c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert "报备有关部门" in cells and "应急管理、住房和城乡建设" in cells
    card = priority_view.card_sites_table(priority.site_key_sites(con, "E2"), "en")
    assert card["Also filed with"].tolist() == ["消防救援, 应急管理"]
    none = priority_view.card_sites_table(priority.site_key_sites(con, "E3"), "zh")
    assert none["报备有关部门"].tolist() == ["应急管理"]


def test_an_older_database_gains_the_column(tmp_path):
    path = tmp_path / "old.duckdb"
    con = db.connect(new_database(path))  # noqa: F811
    con.execute("delete from settings where key = 'assessment_points_per_class_target'")
    con.execute("alter table key_sites drop column filed_departments")
    db.set_meta(con, "schema_version", "26")
    con.close()
    con = db.connect(path)
    try:
        columns = [r[0] for r in con.execute("select column_name from information_schema.columns "
                                             "where table_name = 'key_sites'").fetchall()]
        assert "filed_departments" in columns
        assert con.execute("select value from settings where key = 'assessment_points_per_class_target'"
                           ).fetchone() == ("20",)
        assert db.schema_version(con) == db.SCHEMA_VERSION >= 27
    finally:
        con.close()
