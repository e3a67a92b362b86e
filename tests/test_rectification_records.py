"""A hazard row opens its record (issue 17 item 11): the record card's read on hand-made rows, its fields in
words, and the 隐患治理 lists opening it under AppTest."""

from __future__ import annotations

from datetime import date

from conftest import AS_OF
from rectification_support import CHECKS, LISTS, open_tab
from test_rectification_metrics import con  # noqa: F401  (the fixture: the small city with extras)
from test_rectification_screen import rect_db, start  # noqa: F401

from riskdash.metrics import rectification as rect
from riskdash.screens.rectification import view


def test_the_hazard_record_whole_result(con):  # noqa: F811
    con.execute("update hazards set category = '用电', description = '配电箱未接地' where hazard_id = 'H4'")
    # H4: major, rectified 1 June, not verified, deadline 15 June → overdue on 30 June; under county supervision
    # since the start; H4's plan and funds from add_extras
    record = rect.hazard_record(con, "H4", AS_OF)
    assert record == {
        "hazard_id": "H4", "inspection_id": None, "enterprise_id": "E2", "enterprise_name": "东镇化工",
        "region_name": "东镇", "parent_region_name": "甲县", "industry_name_zh": "危险化学品",
        "industry_name_en": "Hazardous chemicals", "grade": "major", "category": "用电",
        "description": "配电箱未接地", "found_on": record["found_on"], "deadline": record["deadline"],
        "rectified_on": record["rectified_on"], "verified_on": None, "supervision_level": "county",
        "supervised_on": None, "delisted_on": None, "in_treatment_plan": True, "five_in_place": False,
        "funds_wan": record["funds_wan"], "state": "overdue",
        # 判定依据 (schema 26): H4 cites no item
        "basis_code": None, "basis_title_zh": None, "basis_title_en": None, "basis_standard": None,
    }
    assert [record[k].date() if hasattr(record[k], "date") else record[k]
            for k in ("found_on", "deadline", "rectified_on")] == [date(2025, 4, 1), date(2025, 6, 15), date(2025, 6, 1)]
    assert float(record["funds_wan"]) == 3.25
    # before its deadline the same hazard is rectified; before it was found it has no state; unknown: None
    assert rect.hazard_record(con, "H4", date(2025, 6, 10))["state"] == "rectified"
    assert rect.hazard_record(con, "H4", date(2025, 3, 1))["state"] is None
    assert rect.hazard_record(con, "H404", AS_OF) is None


def test_the_record_fields_in_words(con):  # noqa: F811
    record = rect.hazard_record(con, "H4", AS_OF)
    fields = dict(view.hazard_record_fields(record, "危险化学品", "zh"))
    assert fields == {
        "隐患编号": "H4", "企业": "东镇化工（E2）", "县区": "甲县", "乡镇（街道）": "东镇", "行业": "危险化学品",
        "隐患等级": "重大隐患", "隐患类别": "（未填类别）", "隐患描述": "—", "检查记录编号": "—",
        "发现日期": "2025-04-01", "整改期限": "2025-06-15", "整改日期": "2025-06-01", "验收销号日期": "—",
        "状态": "逾期未销号（已整改待验收）", "挂牌督办": "县级挂牌督办", "挂牌日期": "—", "摘牌日期": "—",
        "列入治理计划": "是", "五到位": "否", "治理资金（万元）": "3.25", "判定依据": "—",
    }


def test_a_row_of_the_overdue_list_opens_its_record(rect_db):  # noqa: F811
    at = open_tab(start(), LISTS)  # only the open tab is drawn
    assert any("选中一行" in c.value for c in at.caption)
    # the overdue list's first row: H2 (东镇建材厂, 140 days overdue)
    # the list's grid under its views (issue 17 item 7): key rect_list_overdue_view_grid
    at.session_state["rect_list_overdue_view_grid"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert not at.exception, at.exception
    assert any("隐患记录：H2" in m.value for m in at.markdown)
    card = next(t.value for t in at.get("table") if "隐患编号" in t.value.index)
    assert card.loc["企业"].iloc[0] == "东镇建材厂（E1）" and card.loc["状态"].iloc[0] == "逾期未整改"


def test_a_row_of_the_uninspected_enterprises_opens_its_record(rect_db):  # noqa: F811
    at = open_tab(start(), CHECKS)
    assert any("查看该企业的隐患和检查记录" in c.value for c in at.caption)
    # never inspected by a supervising level (its only check is its own): 西乡运输 E3 leads the list
    uninspected = next(d.value for d in at.dataframe if "最近监管检查" in d.value.columns)
    assert list(uninspected["企业"])[0] == "西乡运输"
    at.session_state["rect_list_uninspected"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert not at.exception, at.exception
    words = "\n".join(m.value for m in at.markdown)
    assert "企业记录：西乡运输（E3）" in words
    # its hazards by 30 June (H5 and last year's H8) and its one inspection, I2 (a self-check)
    assert "隐患（2项）" in words and "检查记录（1次）" in words
