"""数据管理: region and enterprise are picked from searchable lists, not typed as codes (issue 17 item 11) — the
labels (name, county, code: what the select's search matches), the enterprises in the account's scope, the
township picker of the rectification loop named with its county."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import CITY, COUNTY_A, COUNTY_B, TOWN_A1, TOWN_A2, TOWN_B1, open_page
from test_records_page import at  # noqa: F401  (the fixture: 数据管理 on the small city)

from riskdash import metrics
from riskdash.metrics import data as reads
from riskdash.screens.data import view


def test_region_levels_of_a_reference():
    assert view.region_levels("region:township") == ("township",)
    assert view.region_levels("region:township,county") == ("township", "county")
    assert view.region_levels("region:any") == view.region_levels(None) == ("city", "county", "township")


def test_region_choices_name_the_county_the_initials_and_the_code(small_con):
    regions = metrics.regions(small_con)
    assert view.region_choices(regions, ("township", "county")) == {
        COUNTY_A: f"甲县 · jx · {COUNTY_A}", COUNTY_B: f"乙区 · yq · {COUNTY_B}", TOWN_A1: f"甲县 东镇 · jxdz · {TOWN_A1}",
        TOWN_A2: f"甲县 西乡 · jxxx · {TOWN_A2}", TOWN_B1: f"乙区 南街道 · yqnjd · {TOWN_B1}"}
    # a county account: its county and what lies below it
    assert view.region_choices(regions, ("city", "county", "township"), COUNTY_A) == {
        COUNTY_A: f"甲县 · jx · {COUNTY_A}", TOWN_A1: f"甲县 东镇 · jxdz · {TOWN_A1}", TOWN_A2: f"甲县 西乡 · jxxx · {TOWN_A2}"}


def test_enterprise_choices_in_scope_with_their_places(small_con):
    frame = reads.enterprise_choices(small_con, CITY)
    rows = [("E1", "东镇建材厂", TOWN_A1, "甲县", "东镇"), ("E2", "东镇化工", TOWN_A1, "甲县", "东镇"),
            ("E3", "西乡运输", TOWN_A2, "甲县", "西乡"), ("E4", "南街道商场", TOWN_B1, "乙区", "南街道")]
    # by name (the stored text's order), then number
    assert [tuple(r) for r in frame.itertuples(index=False)] == sorted(rows, key=lambda r: (r[1], r[0]))
    assert sorted(reads.enterprise_choices(small_con, CITY, COUNTY_B)["enterprise_id"]) == ["E4"]
    assert sorted(reads.enterprise_choices(small_con, COUNTY_A)["enterprise_id"]) == ["E1", "E2", "E3"]
    labels = view.enterprise_labels(frame)
    assert labels["E2"] == "东镇化工（E2） · dzhg · 甲县 东镇" and labels["E4"] == "南街道商场（E4） · njdsc · 乙区 南街道"
    lone = pd.DataFrame([{"enterprise_id": "E9", "name": "无址企业", "region_code": None, "county_name": None,
                          "township_label": None}])
    assert view.enterprise_labels(lone) == {"E9": "无址企业（E9） · wzqy"}


def test_the_forms_offer_lists_not_code_fields(at):  # noqa: F811
    at.selectbox(key="data_add_kind").set_value("accidents").run()
    assert not at.exception, at.exception
    region = at.selectbox(key="data_add_accidents_region_code")
    assert region.options[1:] == [f"甲县 · jx · {COUNTY_A}", f"乙区 · yq · {COUNTY_B}", f"甲县 东镇 · jxdz · {TOWN_A1}",
                                  f"甲县 西乡 · jxxx · {TOWN_A2}", f"乙区 南街道 · yqnjd · {TOWN_B1}"]
    enterprise = at.selectbox(key="data_add_accidents_enterprise_id")
    assert sorted(enterprise.options[1:]) == sorted(["东镇建材厂（E1） · dzjcc · 甲县 东镇", "东镇化工（E2） · dzhg · 甲县 东镇",
                                                    "西乡运输（E3） · xxys · 甲县 西乡", "南街道商场（E4） · njdsc · 乙区 南街道"])
    assert not next(f for f in at.text_input if f.label == "操作人").disabled  # no accounts: a field to fill
    town = at.selectbox(key="data_flow_town")
    assert town.options == [f"甲县 东镇 · jxdz · {TOWN_A1}", f"甲县 西乡 · jxxx · {TOWN_A2}", f"乙区 南街道 · yqnjd · {TOWN_B1}"]


@pytest.mark.parametrize("limit", [3])
def test_too_many_enterprises_fall_back_to_the_number(at, monkeypatch, limit):  # noqa: F811
    monkeypatch.setattr(view, "PICK_LIMIT", limit)
    at.selectbox(key="data_add_kind").set_value("hazards").run()
    assert not at.exception, at.exception
    assert at.text_input(key="data_add_hazards_enterprise_id").proto.help.startswith("所选地区企业较多")


def test_the_operator_is_the_logged_in_account(small_db_path, monkeypatch):
    """With a login, the 操作人 field shows the account and cannot be typed over (the write's actor is the account
    whatever a form says: accounts.actor_for); without accounts it stays a field to fill."""
    from pathlib import Path

    from conftest import logged_in
    from streamlit.testing.v1 import AppTest

    from riskdash import accounts, db

    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    app = Path(__file__).resolve().parents[1] / "app.py"
    con = db.connect(small_db_path)
    accounts.add_account(con, "zhang", "admin", None, "Safe-pass9", actor="root", must_change_password=False)
    con.close()
    for page in ("pages/data.py", "pages/settings.py"):
        at = open_page(page.removeprefix("pages/").removesuffix(".py"),
                       logged_in(AppTest.from_file(str(app), default_timeout=90), "zhang"))
        assert not at.exception, at.exception
        field = next(f for f in at.text_input if f.label == "操作人")
        assert field.value == "zhang" and field.disabled, page


def test_every_table_on_the_page_has_its_own_download(at):  # noqa: F811
    """数据管理's tables each with their .xlsx button (the one of every screen's tables, ui.widgets.table_download):
    the row counts, the loop's steps of the hazard shown, and a stored record opened for editing (the problem
    list and the audit log had theirs)."""
    def buttons():
        return [b.proto.label for b in at.get("download_button")].count("下载表格")

    shown = buttons()
    assert shown == 2  # the row counts and the loop of the first open hazard of the first township
    at.selectbox(key="data_edit_kind").set_value("hazards").run()
    at.text_input(key="data_edit_key").input("H2").run()
    assert not at.exception, at.exception
    assert buttons() == shown + 1


def test_an_enterprise_to_edit_is_picked_from_the_list(at):  # noqa: F811
    at.selectbox(key="data_edit_kind").set_value("enterprises").run()
    assert not at.exception, at.exception
    pick = at.selectbox(key="data_edit_enterprise")
    assert "东镇化工（E2） · dzhg · 甲县 东镇" in pick.options
    pick.set_value("E2").run()
    assert not at.exception, at.exception
    # the edit form of E2: its name in the form, its key locked
    assert at.text_input(key="data_edit_E2_enterprises_name").value == "东镇化工"
    assert at.text_input(key="data_edit_E2_enterprises_enterprise_id").disabled


def test_the_record_forms_give_each_picker_a_row_of_its_own():
    """A select's open list is as wide as the select: a third of the form at 1024 px cut an enterprise's label
    (东林凯达铸造有限公司（E000295）· dlkdzzyxgs · 凤林县 东林镇) to its name. The pickers have a row each; the
    other fields stay three to a row in the contract's order, and a key being edited (locked) is no picker."""
    from riskdash.importer import KINDS

    def names(rows):
        return [(wide, [c.name for c in row]) for wide, row in rows]

    accidents = KINDS["accidents"].columns
    assert names(view.form_rows(accidents)) == [
        (False, ["accident_id", "occurred_at"]), (True, ["region_code"]), (True, ["enterprise_id"]),
        (False, ["industry", "accident_type", "deaths"]), (False, ["missing", "serious_injuries", "minor_injuries"]),
        (False, ["direct_loss_wan", "endangered", "trapped"]), (False, ["evacuated", "reported_at", "closed_on"]),
        (False, ["summary", "nature", "concealed"]), (False, ["falsely_reported", "commercial"])]
    # every field once, in the contract's order, whatever the rows
    for kind in ("accidents", "inspections", "hazards"):
        columns = KINDS[kind].columns
        assert [c for _, row in view.form_rows(columns) for c in row] == list(columns)
    # a locked enterprise key (none of today's kinds has one: the rule, on the hazards' columns) rides with the others
    hazards = KINDS["hazards"].columns
    assert names(view.form_rows(hazards, locked=("enterprise_id",)))[:2] == [
        (False, ["hazard_id", "inspection_id", "enterprise_id"]), (False, ["found_on", "grade", "category"])]


def _blocks_above(node, key: str, path=()) -> tuple | None:
    """The types of the blocks from the page down to the widget ``key`` (AppTest's tree has no parent links)."""
    if getattr(node, "key", None) == key:
        return path
    for child in getattr(node, "children", {}).values():
        found = _blocks_above(child, key, (*path, getattr(child, "type", None)))
        if found is not None:
            return found
    return None


def test_the_enterprise_picker_is_drawn_on_a_row_of_its_own(at):  # noqa: F811
    """On the page (AppTest): the new hazard form's enterprise select sits in the form itself, not in a column;
    the grade beside it in the contract is in one."""
    at.selectbox(key="data_add_kind").set_value("hazards").run()
    picker = _blocks_above(at._tree, "data_add_hazards_enterprise_id")
    grade = _blocks_above(at._tree, "data_add_hazards_grade")
    assert picker is not None and grade is not None
    assert "form" in picker and "column" not in picker[picker.index("form"):], picker
    assert "column" in grade[grade.index("form"):], grade
