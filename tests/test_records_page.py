"""数据管理 records on the screen under AppTest: the add form, an edit, the rectification loop, the audit-log
filters, and a restore through the write window while the dashboard holds its read-only connection."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from conftest import open_page
from streamlit.testing.v1 import AppTest

from riskdash import db, records

APP = Path(__file__).resolve().parents[1] / "app.py"


@pytest.fixture()
def at(small_db_path, monkeypatch):
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    app = open_page("data")
    assert not app.exception, app.exception
    return app


def rows(path: Path, sql: str) -> list:
    con = db.connect(path, read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def press(app, label: str):
    button = next(b for b in app.button if b.label == label)
    return button.click().run()


def messages(elements) -> list[str]:
    return [e.value for e in elements]


def test_add_a_hazard_from_the_form(at, small_db_path):
    at.selectbox(key="data_add_kind").set_value("hazards").run()
    at.text_input(key="data_add_hazards_hazard_id").input("H100")
    at.selectbox(key="data_add_hazards_enterprise_id").set_value("E2")  # picked from a list, not typed
    at.selectbox(key="data_add_hazards_grade").set_value("major")
    at.date_input(key="data_add_hazards_found_on").set_value(date(2025, 7, 1))
    at.date_input(key="data_add_hazards_deadline").set_value(date(2025, 6, 30))
    press(at, "校验并保存")
    assert not at.exception, at.exception
    errors = messages(at.error)
    assert errors and errors[0] == "未保存：隐患 H100：整改期限“2025年6月30日”：整改期限不能早于发现日期"
    assert rows(small_db_path, "select count(*) from hazards where hazard_id = 'H100'") == [(0,)]
    at.date_input(key="data_add_hazards_deadline").set_value(date(2025, 7, 31))
    press(at, "校验并保存")
    assert not at.exception, at.exception
    assert "已保存：隐患 新增 H100" in " ".join(messages(at.success))
    assert rows(small_db_path, "select grade, deadline from hazards where hazard_id = 'H100'") == [
        ("major", date(2025, 7, 31))]
    assert rows(small_db_path, "select action, table_name, record_key, before_json from audit_log") == [
        ("insert", "hazards", "H100", None)]


def test_edit_refuses_a_broken_rule_then_saves_a_good_one(at, small_db_path):
    at.selectbox(key="data_edit_kind").set_value("hazards").run()
    at.text_input(key="data_edit_key").input("H2").run()
    assert not at.exception, at.exception
    at.date_input(key="data_edit_H2_hazards_deadline").set_value(date(2025, 1, 31))
    press(at, "校验并保存修改")
    assert "未保存" in " ".join(messages(at.error))
    assert rows(small_db_path, "select deadline from hazards where hazard_id = 'H2'") == [(date(2025, 2, 10),)]
    at.date_input(key="data_edit_H2_hazards_deadline").set_value(date(2025, 2, 28))
    press(at, "校验并保存修改")
    assert "修改了 整改期限" in " ".join(messages(at.success))
    assert rows(small_db_path, "select before_json, after_json from audit_log") == [
        ('{"deadline": "2025-02-10"}', '{"deadline": "2025-02-28"}')]


def test_edit_of_a_missing_id_says_so(at):
    at.text_input(key="data_edit_key").input("X404").run()
    assert any("X404" in w for w in messages(at.warning))


def test_rectification_loop_from_the_township_list(at, small_db_path):
    # the filter region is the whole city: the first township (东镇) lists H2, H3, H4 (found earliest first)
    pick = at.selectbox(key="data_flow_pick")
    assert pick.value == "H2" and list(pick.options) == [
        "H2 · 东镇建材厂 · 一般 · 2025年2月1日", "H3 · 东镇化工 · 重大 · 2025年3月1日",
        "H4 · 东镇化工 · 重大 · 2025年4月1日"]
    # not rectified yet: rectifying is the only step offered
    assert list(at.radio(key="data_flow_action_H2").options) == ["登记整改完成"]
    at.date_input[-1].set_value(date(2025, 1, 31))  # before it was found
    press(at, "保存")
    assert "不能倒退" in " ".join(messages(at.error))
    at.date_input[-1].set_value(date(2025, 2, 20))
    press(at, "保存")
    assert not at.exception, at.exception
    assert rows(small_db_path, "select rectified_on from hazards where hazard_id = 'H2'") == [(date(2025, 2, 20),)]
    assert rows(small_db_path, "select kind, record_key from audit_log") == [("rectify", "H2")]


def test_supervise_a_major_hazard_by_id(at, small_db_path):
    at.text_input(key="data_flow_id").input("H4").run()
    # the hazard's line names its enterprise in words, then its code (not the code alone)
    assert "隐患 H4（重大，东镇化工 E2）：—" in [t.value for t in at.text]
    at.radio(key="data_flow_action_H4").set_value("verify").run()
    at.date_input[-1].set_value(date(2025, 6, 2))
    press(at, "保存")
    assert rows(small_db_path, "select verified_on from hazards where hazard_id = 'H4'") == [(date(2025, 6, 2),)]
    # H4 is under county supervision and now verified: delisting is offered, verifying no longer
    assert at.radio(key="data_flow_action_H4").options == ["摘牌"]


def test_audit_log_filters(at, small_db_path):
    from riskdash.ui import write_window

    write_window.write_window(lambda con: records.hazard_action(con, "H2", "rectify", date(2025, 2, 20), actor="甲"))
    write_window.write_window(lambda con: records.edit(con, "enterprises", "E1", {"employees": "121"}, actor="乙"))
    at.run()
    at.selectbox(key="data_audit_table").set_value("enterprises").run()
    frame = at.dataframe[-1].value
    assert list(frame["编号"]) == ["E1"]
    at.selectbox(key="data_audit_table").set_value(None)
    at.selectbox(key="data_audit_kind").set_value("rectify").run()
    assert list(at.dataframe[-1].value["操作人"]) == ["甲"]
    at.date_input(key="data_audit_start").set_value(date.today() + timedelta(days=1)).run()
    assert at.dataframe[-1].value.empty


def test_audit_log_after_a_restore_and_an_import(small_db_path, tmp_path, monkeypatch):
    # a restore logs no table (null beside the import's "enterprises"): the filter choices crashed on sorting
    from riskdash.ui import session, write_window

    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    backup = records.backup_zip(session.open_database().connection.cursor())
    write_window.write_window(lambda path: records.restore_zip(path, backup, actor="甲"), connect=False)
    upload = tmp_path / "enterprises.csv"
    upload.write_text("企业编号,企业名称,所在乡镇代码,行业,从业人员,状态\nE9,新企业,{},工贸,12,在营\n".format(
        rows(small_db_path, "select region_code from enterprises where enterprise_id = 'E1'")[0][0]),
        encoding="utf-8")
    write_window.write_import("enterprises", upload, "append", "乙", "enterprises.csv")
    app = AppTest.from_file(str(APP), default_timeout=90).run()
    app.switch_page("pages/data.py").run()
    assert not app.exception, app.exception
    # the codes stored (enterprises, import) shown by their Chinese names
    assert app.selectbox(key="data_audit_table").options == ["全部", "企业"]
    assert app.selectbox(key="data_audit_action").options == ["全部", "导入", "恢复"]
    assert list(app.dataframe[-1].value["操作人"]) == ["乙", "甲"]


def test_audit_options_drop_nulls_of_any_kind():
    from riskdash.screens.data.view import audit_options

    assert audit_options(pd.Series(["hazards", None, float("nan"), "accidents", "hazards"], dtype=object)) == [
        None, "accidents", "hazards"]
    assert audit_options(pd.Series([None, None], dtype=object)) == [None]


def test_restore_in_the_write_window_while_the_dashboard_reads(small_db_path, tmp_path, monkeypatch):
    from riskdash.ui import session, write_window

    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    cursor = session.open_database().connection.cursor()
    backup = records.backup_zip(cursor)
    cursor.execute("select 1")
    con = session.open_database()
    write_window.write_window(lambda c: records.hazard_action(c, "H2", "rectify", date(2025, 2, 20)))
    assert session.open_database().connection.cursor().execute(
        "select rectified_on from hazards where hazard_id = 'H2'").fetchone() == (date(2025, 2, 20),)
    result = write_window.write_window(lambda path: records.restore_zip(path, backup, actor="屏幕"), connect=False)
    assert result["previous"] == str(records.replaced_copies(small_db_path)[0])
    after = session.open_database().connection.cursor()
    assert after.execute("select rectified_on from hazards where hazard_id = 'H2'").fetchone() == (None,)
    assert after.execute("select actor from audit_log where action = 'restore'").fetchall() == [("屏幕",)]
    assert con is not session.open_database()


def test_filtered_view_follows_period_region_and_sector(small_con):
    from conftest import CITY, COUNTY_A, TOWN_B1

    from riskdash.filters import Filters
    from riskdash.metrics.data import filtered_view

    def view(table, region, start=date(2025, 1, 1), end=date(2025, 6, 30), industry=None):
        f = Filters(start=start, end=end, region_code=region, industry=industry, as_of=end)
        return filtered_view(small_con, table, f)

    # accidents by their own region, the period's both ends included (A3 at 23:00 on the last day)
    assert view("accidents", CITY)["accident_id"].tolist() == ["A1", "A2", "A3"]
    assert view("accidents", TOWN_B1)["accident_id"].tolist() == ["A3"]
    assert view("accidents", CITY, start=date(2025, 1, 11))["accident_id"].tolist() == ["A2", "A3"]
    # hazards by the enterprise's region and sector; every column of the table comes out but the internal key
    frame = view("hazards", COUNTY_A)
    assert frame["hazard_id"].tolist() == ["H1", "H2", "H3", "H4", "H5"]
    assert list(frame.columns) == [r[0] for r in small_con.execute("describe hazards").fetchall()
                                   if r[0] not in ("enterprise_no", "inspection_no")]
    assert view("hazards", CITY, industry="hazardous_chemicals")["hazard_id"].tolist() == ["H3", "H4"]
    assert view("inspections", CITY).empty
    with pytest.raises(ValueError):
        view("regions", CITY)


def test_hazard_steps_and_offered_actions(small_con):
    from riskdash.screens.data.view import hazard_steps, offered_actions

    h4 = records.load(small_con, "hazards", "H4")
    steps = hazard_steps(h4, "zh")
    assert steps.to_dict("records")[4] == {"环节": "挂牌督办", "日期": "— (县级)"}
    assert steps["日期"].tolist()[:3] == ["2025年4月1日", "2025年6月15日", "2025年6月1日"]
    assert hazard_steps(h4, "en")["Day"].tolist()[:3] == ["1 Apr 2025", "15 Jun 2025", "1 Jun 2025"]
    from riskdash.screens.data.view import hazard_choice_label

    picked = {"hazard_id": "H3", "enterprise_name": "东镇化工", "grade": "major", "found_on": date(2025, 3, 1)}
    assert hazard_choice_label(picked, "en").endswith(" · 1 Mar 2025")
    assert hazard_choice_label(picked, "zh") == "H3 · 东镇化工 · 重大 · 2025年3月1日"
    assert offered_actions(h4, date(2025, 7, 10)) == ["verify"]  # rectified, supervised, not verified
    assert offered_actions(records.load(small_con, "hazards", "H3"), date(2025, 7, 10)) == ["delist"]
    assert offered_actions(records.load(small_con, "hazards", "H1"), date(2025, 7, 10)) == ["verify"]
    assert offered_actions(records.load(small_con, "hazards", "H5"), date(2025, 7, 10)) == ["rectify"]


def test_the_export_tab_offers_deferred_downloads(at):
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels.count("导出 CSV") == 2 and labels.count("导出 Excel") == 2
    assert "下载备份（.zip）" in labels


def test_the_screen_in_english_with_a_hazard_loaded_everywhere(at):
    at.sidebar.radio(key="lang").set_value("en").run()
    at.text_input(key="data_flow_id").input("H4").run()
    at.selectbox(key="data_edit_kind").set_value("key-sites").run()
    at.text_input(key="data_edit_key").input("K1").run()
    assert not at.exception, at.exception
    headers = [h.value for h in at.subheader]
    assert headers[:8] == ["Import a file", "Add one record", "Hazard rectification loop", "Edit one record",
                           "Export the filtered view", "Export a table", "Backup and restore", "Audit log"]
    assert list(at.radio(key="data_flow_action_H4").options) == ["Verify and close"]
    assert "Hazard H4 (major, 东镇化工 E2): —" in [t.value for t in at.text]
    labels = [w.label for w in at.text_input] + [w.label for w in at.selectbox] + [w.label for w in at.date_input]
    assert "*site_id" in labels and "*potential_fatalities" in labels and "filed_city_on" in labels
    # no Chinese in the English screen's own labels (names in the data may be Chinese)
    import re

    assert not [label for label in labels if re.search(r"[\u4e00-\u9fff]", label)]
