"""The department filter (行业主管部门, issue 18: "accidents, hazards and sites can be viewed and listed by
department"): 重点部位's ledger and 事故趋势's accident lists narrowed to one department's sectors in SQL
(in_department, sql/views/departments.sql), on hand-made rows: a department of two sectors, a department with
nothing, every department; and each screen's select box run headless (AppTest), its caption and download."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from conftest import open_page
from streamlit.testing.v1 import AppTest
from test_department_views import SITES
from test_departments import CITY, YEAR, con, write  # noqa: F401  (the hand-made city of the department table)

from riskdash import db
from riskdash.filters import Filters
from riskdash.importer import import_file
from riskdash.metrics import core, departments, priority
from riskdash.screens import departments as departments_view

APP = Path(__file__).resolve().parents[1] / "app.py"
EAST, WEST = "419901001000", "419901002000"


@pytest.fixture()
def sites_con(con, tmp_path):  # noqa: F811
    import_file(con, "key-sites", write(tmp_path, "k.csv", SITES))
    return con


def ids(frame: pd.DataFrame, column: str = "site_id") -> list[str]:
    return frame[column].tolist()


# ---------------------------------------------------------------------------------------------- the SQL


def test_the_shipped_map_is_one_helper_read_by_the_metrics_and_the_bench(con):  # noqa: F811
    """default_department_map (issue 15): the setting's default parsed once; a database without the row reads it,
    and the bench binds it for the lists' default 全部部门."""
    from riskdash.bench.registry import _every_department

    shipped = departments.default_department_map()
    assert shipped["road_transport"] == "交通运输" and shipped["construction"] == "住房和城乡建设" and len(shipped) == 14
    con.execute("delete from settings where key = 'sector_departments'")
    assert departments.department_map(con) == shipped
    assert _every_department() == {"codes": list(shipped), "names": list(shipped.values()), "department": None}


def test_the_macros_on_their_own(con):  # noqa: F811
    """sector_department / in_department on literal lists: a sector in the list, one not in it, no sector."""
    codes, names = ["construction", "gas", "industry_trade"], ["住建", "住建", "应急管理"]
    q = ("select sector_department($s, $c, $n), in_department($s, $d, $c, $n)")

    def run(s, d):
        return con.execute(q, {"s": s, "d": d, "c": codes, "n": names}).fetchone()

    assert run("gas", "住建") == ("住建", True)
    assert run("construction", "应急管理") == ("住建", False)
    assert run("fishing", "住建") == ("—", False)    # not in the setting: under —, in no department
    assert run("fishing", "—") == ("—", False)       # — is no department to choose
    assert run(None, "住建") == ("—", False)         # no sector (a public place's site)
    assert run(None, None) == ("—", True)            # no department chosen: every row
    assert run("gas", None) == ("住建", True)


def test_the_departments_to_choose(con):  # noqa: F811
    frame = departments.department_list(con)
    # the default setting, in the order of each department's first sector; — is not among them
    assert frame.to_dict("list") == {
        "department": ["应急管理", "住房和城乡建设", "交通运输", "消防救援", "市场监管", "农业农村"],
        "industries": ["coal_mine,metal_nonmetal_mine,hazardous_chemicals,fireworks,industry_trade,other",
                       "construction,gas", "road_transport,waterway", "fire", "special_equipment",
                       "fishing,agricultural_machinery"]}
    con.execute("update settings set value = 'gas=住建, construction=住建' where key = 'sector_departments'")
    assert departments.department_list(con).to_dict("list") == {"department": ["住建"],
                                                                "industries": ["construction,gas"]}
    assert departments_view.filter_choices(departments.department_list(con)) == ["", "住建"]


def test_the_ledger_narrowed_to_a_department(sites_con):
    whole = priority.key_site_ledger(sites_con, YEAR)
    assert ids(whole) == ["K1", "K2", "K3", "K4", "K5"]
    # 应急管理, two sectors with a site each: K1 (工贸) and K2 (危险化学品) — the same rows as the whole ledger's
    emergency = priority.key_site_ledger(sites_con, YEAR, "应急管理")
    # (measures_in_place reads as bool without K4's blank: the values are compared, not the dtype)
    pd.testing.assert_frame_equal(emergency, whole[whole["site_id"].isin(["K1", "K2"])].reset_index(drop=True),
                                  check_dtype=False)
    assert ids(priority.key_site_ledger(sites_con, YEAR, "住房和城乡建设")) == ["K3"]  # 建筑施工; no 城镇燃气 site
    assert ids(priority.key_site_ledger(sites_con, YEAR, "交通运输")) == ["K5"]
    # a department with no site, a name not in the setting and —: nothing (K4, a public place, is in none)
    for nothing in ("农业农村", "交通运输局", "—"):
        got = priority.key_site_ledger(sites_con, YEAR, nothing)
        assert got.empty and list(got.columns) == list(whole.columns), nothing
    # every department (None) is the whole ledger, the public place included
    pd.testing.assert_frame_equal(priority.key_site_ledger(sites_con, YEAR, None), whole)
    # within a township's scope: west has K3, K4, K5; of 应急管理 none
    west = Filters(YEAR.start, YEAR.end, WEST, YEAR.as_of)
    assert ids(priority.key_site_ledger(sites_con, west)) == ["K3", "K4", "K5"]
    assert priority.key_site_ledger(sites_con, west, "应急管理").empty


def test_the_townships_count_the_departments_sites(sites_con):
    def counts(department):
        frame = priority.ledger_townships(sites_con, YEAR, department)
        return dict(zip(frame["region_code"], frame["key_sites"].astype(int)))

    assert counts(None) == {EAST: 2, WEST: 3}
    assert counts("应急管理") == {EAST: 2, WEST: 0}       # every township keeps its row (and its sheet)
    assert counts("住房和城乡建设") == {EAST: 0, WEST: 1}
    assert counts("农业农村") == {EAST: 0, WEST: 0}


def test_the_ledger_workbook_of_a_department(sites_con):
    from io import BytesIO

    from openpyxl import load_workbook

    from riskdash.exports.key_site_ledger import key_site_ledger_xlsx

    book = load_workbook(BytesIO(key_site_ledger_xlsx(
        priority.key_site_ledger(sites_con, YEAR, "应急管理"), priority.ledger_townships(sites_con, YEAR, "应急管理"),
        "示例市", date(2025, 6, 30), "应急管理")))
    summary = book["汇总"]
    assert summary["A2"].value == "数据截至：2025年6月30日        行业主管部门：应急管理"
    assert [summary.cell(r, 4).value for r in (4, 5)] == [2, 0]
    sheets = book.worksheets[1:]
    assert all("行业主管部门：应急管理" in s["A2"].value for s in sheets)
    names = [c.value for s in sheets for row in s.iter_rows(min_row=4) for c in row[1:2]]
    assert "东镇建材厂窑炉" in names and "东镇化工罐区" in names and "西乡工地塔吊" not in names
    # without a department the sheets say nothing of one
    plain_book = load_workbook(BytesIO(key_site_ledger_xlsx(
        priority.key_site_ledger(sites_con, YEAR), priority.ledger_townships(sites_con, YEAR), "示例市",
        date(2025, 6, 30))))
    assert plain_book["汇总"]["A2"].value == "数据截至：2025年6月30日"
    assert "行业主管部门" not in plain_book.worksheets[1]["A2"].value


# more accidents of the period, beside test_departments' A1 (工贸, 1 dead), A2 (建筑施工, 2 + 1 missing: 较大) and
# A3 (道路运输, 1 dead): 住建's second sector, 应急管理's 较大, and 较大涉险 in two departments
ACCIDENTS = ("事故编号,发生时间,区划代码,行业,事故类型,死亡人数,失踪人数,重伤人数,直接经济损失（万元）,涉险人数\n"
             "A5,2025-05-01,419901001,城镇燃气,其他爆炸,3,0,0,80,\n"      # 住建 (城镇燃气): 较大 by deaths
             "A6,2025-05-10,419901001,工贸,机械伤害,0,0,10,20,\n"         # 应急管理: 较大 by serious injuries
             "A7,2025-06-01,419901002,建筑施工,坍塌,0,0,0,5,12\n"         # 住建: 较大涉险 (12 endangered)
             "A8,2025-06-02,419901002,道路运输,车辆伤害,0,0,1,5,10\n")    # 交通运输: 较大涉险 (10 endangered)


@pytest.fixture()
def accidents_con(sites_con, tmp_path):
    # the data as of 30 June: the screen's default period is then 1—6月 2025, as YEAR
    import_file(sites_con, "accidents", write(tmp_path, "a2.csv", ACCIDENTS), mode="append", as_of=date(2025, 6, 30))
    return sites_con


def test_the_accident_lists_narrowed_to_a_department(accidents_con):
    from riskdash.metrics import accidents as acc

    db_con = accidents_con
    larger = acc.larger_and_above_list(db_con, YEAR)
    risky = acc.larger_risk_involved_list(db_con, YEAR)
    assert ids(larger, "accident_id") == ["A6", "A5", "A2"] and ids(risky, "accident_id") == ["A8", "A7"]
    # 住房和城乡建设, two sectors: 建筑施工 (A2) and 城镇燃气 (A5), latest first — those rows of the whole list
    housing = acc.larger_and_above_list(db_con, YEAR, "住房和城乡建设")
    pd.testing.assert_frame_equal(housing, larger[larger["accident_id"].isin(["A5", "A2"])].reset_index(drop=True))
    assert ids(acc.larger_risk_involved_list(db_con, YEAR, "住房和城乡建设"), "accident_id") == ["A7"]
    assert ids(acc.larger_and_above_list(db_con, YEAR, "应急管理"), "accident_id") == ["A6"]
    assert acc.larger_risk_involved_list(db_con, YEAR, "应急管理").empty
    assert acc.larger_and_above_list(db_con, YEAR, "交通运输").empty
    assert ids(acc.larger_risk_involved_list(db_con, YEAR, "交通运输"), "accident_id") == ["A8"]
    # a department with no accident, a name not in the setting and —: nothing, the columns kept
    for nothing in ("农业农村", "住建", "—"):
        for listed, whole in ((acc.larger_and_above_list, larger), (acc.larger_risk_involved_list, risky)):
            got = listed(db_con, YEAR, nothing)
            assert got.empty and list(got.columns) == list(whole.columns), nothing
    # every department (None) is the whole list
    pd.testing.assert_frame_equal(acc.larger_and_above_list(db_con, YEAR, None), larger)
    pd.testing.assert_frame_equal(acc.larger_risk_involved_list(db_con, YEAR, None), risky)
    # the department and the scope's sector filter both apply
    gas = Filters(YEAR.start, YEAR.end, CITY, YEAR.as_of, industry="gas")
    assert ids(acc.larger_and_above_list(db_con, gas, "住房和城乡建设"), "accident_id") == ["A5"]
    assert acc.larger_and_above_list(db_con, gas, "应急管理").empty
    # … and the region: the west township has A2 of 住建's, not A5 (east)
    west = Filters(YEAR.start, YEAR.end, WEST, YEAR.as_of)
    assert ids(acc.larger_and_above_list(db_con, west, "住房和城乡建设"), "accident_id") == ["A2"]
    # a sector moved to another department in the setting moves its accidents with it
    db_con.execute("update settings set value = replace(value, 'gas=住房和城乡建设', 'gas=应急管理') "
                "where key = 'sector_departments'")
    assert ids(acc.larger_and_above_list(db_con, YEAR, "应急管理"), "accident_id") == ["A6", "A5"]
    assert ids(acc.larger_and_above_list(db_con, YEAR, "住房和城乡建设"), "accident_id") == ["A2"]


def test_the_note_and_the_name(con):  # noqa: F811
    listed = departments.department_list(con)
    sectors = departments_view.sector_map(core.sectors(con))
    assert departments_view.filter_note("住房和城乡建设", listed, sectors, "accidents", 2, "zh") == (
        "仅列行业主管部门“住房和城乡建设”主管行业（建筑施工、城镇燃气）的事故：2起。")
    assert departments_view.filter_note("住房和城乡建设", listed, sectors, "sites", 1, "en") == (
        "Only the key sites (a site of no enterprise, such as a public place, is in no department) of the sectors "
        "of 住房和城乡建设 (Construction, Town gas): 1.")
    assert departments_view.filter_name("较大及以上事故", "农业农村", "zh") == "较大及以上事故（农业农村）"
    assert departments_view.filter_name("较大及以上事故", None, "zh") == "较大及以上事故"


# ---------------------------------------------------------------------------------------------- the screens


@pytest.fixture()
def app_path(sites_con, monkeypatch):
    path = Path(sites_con.execute("select path from duckdb_databases() where database_name = current_database()")
                .fetchone()[0])
    sites_con.close()
    monkeypatch.setenv(db.ENV_DB, str(path))
    return path


def _start(page: str) -> AppTest:
    at = open_page(page, timeout=120)
    assert not at.exception, [e.value for e in at.exception]
    return at


def _frame_with(at: AppTest, *columns: str) -> pd.DataFrame:
    """The first table drawn with these columns (the ledger comes before the gap lists that share its columns)."""
    found = [d.value for d in at.dataframe if set(columns) <= set(d.value.columns)]
    assert found, [list(d.value.columns) for d in at.dataframe]
    return found[0]


def _file_names(at: AppTest) -> list[str]:
    return [re.sub(r"\\(.)", r"\1", b.proto.help or "") + "|" + b.proto.label for b in at.get("download_button")]


def test_the_ledger_select_box(app_path):
    from riskdash.screens.priority import draw as priority_draw

    at = _start("priority")
    at.session_state[priority_draw.TABS_KEY] = at.tabs[1].label  # 重点部位台账: only the open tab is drawn
    at.run()
    box = at.selectbox(key="priority_ledger_department")
    assert box.label == "行业主管部门" and box.value == ""  # every department by default
    assert box.options[0] == "全部部门" and "住房和城乡建设" in box.options
    assert _frame_with(at, "县（区）", "报备有关部门")["重点部位名称"].tolist() == [
        "东镇建材厂窑炉", "东镇化工罐区", "西乡工地塔吊", "西乡农贸市场", "西乡客运站"]
    assert not any("仅列行业主管部门" in c.value for c in at.caption)
    box.set_value("应急管理").run()
    assert not at.exception
    assert _frame_with(at, "县（区）", "报备有关部门")["重点部位名称"].tolist() == ["东镇建材厂窑炉", "东镇化工罐区"]
    notes = [c.value for c in at.caption if "仅列行业主管部门" in c.value]
    assert len(notes) == 1 and "“应急管理”" in notes[0] and notes[0].endswith("：2处。")
    # the township picker counts the department's sites; the table's and the ledger's files name it
    assert at.selectbox(key="priority_ledger_town").options == ["全部乡镇（街道）", "东镇（2） · dz", "西乡（0） · xx"]
    names = _file_names(at)
    assert any(n.startswith("预防较大及以上事故重点部位台账（应急管理）_") for n in names), names
    assert [b for b in at.get("download_button") if b.proto.label == "导出台账（Excel，用于备案）"]
    # a department with no site: the empty line, and the note says 0
    at.selectbox(key="priority_ledger_department").set_value("农业农村").run()
    assert any(i.value == "所选地区没有重点部位台账记录。" for i in at.info)
    assert any(c.value.endswith("：0处。") for c in at.caption)
    # in English
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert at.selectbox(key="priority_ledger_department").label == "Responsible department"


def test_the_accident_lists_select_box(accidents_con, monkeypatch):
    path = Path(accidents_con.execute("select path from duckdb_databases() where database_name = current_database()")
                .fetchone()[0])
    accidents_con.close()
    monkeypatch.setenv(db.ENV_DB, str(path))
    at = _start("accidents")
    box = at.selectbox(key="acc_department")
    assert box.label == "行业主管部门" and box.value == ""
    assert box.options == ["全部部门", "应急管理", "住房和城乡建设", "交通运输", "消防救援", "市场监管", "农业农村"]
    assert at.dataframe(key="acc_larger").value["事故编号"].tolist() == ["A6", "A5", "A2"]
    assert at.dataframe(key="acc_risk_involved").value["事故编号"].tolist() == ["A8", "A7"]
    assert not any("仅列行业主管部门" in c.value for c in at.caption)
    box.set_value("住房和城乡建设").run()
    assert not at.exception
    assert at.dataframe(key="acc_larger").value["事故编号"].tolist() == ["A5", "A2"]
    assert at.dataframe(key="acc_risk_involved").value["事故编号"].tolist() == ["A7"]
    notes = [c.value for c in at.caption if "仅列行业主管部门" in c.value]
    assert notes == ["仅列行业主管部门“住房和城乡建设”主管行业（建筑施工、城镇燃气）的事故：2起。",
                     "仅列行业主管部门“住房和城乡建设”主管行业（建筑施工、城镇燃气）的事故：1起。"]
    names = _file_names(at)
    assert any(n.startswith("较大及以上事故（住房和城乡建设）_") for n in names), names
    assert any(n.startswith("较大涉险事故（住房和城乡建设）_") for n in names), names
    # a department with none: the lists' empty lines, the notes say 0
    at.selectbox(key="acc_department").set_value("农业农村").run()
    assert not at.exception
    assert {"统计期内没有较大及以上事故。", "统计期内没有较大涉险事故。"} <= {i.value for i in at.info}
    assert len([c for c in at.caption if c.value.endswith("的事故：0起。")]) == 2
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert at.selectbox(key="acc_department").label == "Responsible department"
    assert any(c.value.startswith("Only the accidents of the sectors of 农业农村") for c in at.caption)
