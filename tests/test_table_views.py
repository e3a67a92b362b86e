"""Themed views of tables too wide for the page at 1024×768 (issue 17 item 7): every column of 隐患治理's lists,
the 月报表 and its major-hazard list, the breakdowns, 数据管理's audit log and 设置's sectors editor is in at least one view
(修改前/修改后 of the audit log in the entry's card), the key columns first in every view, in either language; the
shorter editor headers name their full header in the tooltip."""

from __future__ import annotations

import pandas as pd
import pytest

from riskdash import i18n
from riskdash.exports import monthly_form
from riskdash.screens.data import view as data_view
from riskdash.screens.rectification import view
from riskdash.screens.settings import view as settings_view

ONE_HAZARD = pd.DataFrame({
    "hazard_id": ["H1"], "enterprise_name": ["东镇建材厂"], "county_name": ["甲县"], "township_name": ["东镇"],
    "industry": ["industry_trade"], "grade": ["major"], "found_on": [pd.Timestamp("2025-03-01")],
    "deadline": [pd.Timestamp("2025-04-01")], "days_overdue": [90], "days_left": [-90], "state": ["overdue"],
    "is_rectified": [False], "rectified_on": [None], "supervision_level": ["city"],
    "supervised_on": [pd.Timestamp("2025-03-05")], "in_treatment_plan": [True], "five_in_place": [False],
    "funds_wan": [12.5], "description": ["消防通道堵塞"], "category": ["消防"],
})
SECTORS = {"industry_trade": ("工贸", "Industry and trade")}


def tables(lang: str) -> dict[str, pd.DataFrame]:
    return {"overdue": view.overdue_table(ONE_HAZARD, SECTORS, lang),
            "supervised": view.supervised_table(ONE_HAZARD, SECTORS, lang),
            "follow_up": view.follow_up_table(ONE_HAZARD, SECTORS, lang),
            "new": view.new_hazards_table(ONE_HAZARD, SECTORS, lang)}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_list_column_is_in_a_view_the_hazard_and_firm_first(lang):
    for kind, table in tables(lang).items():
        views = view.list_views(kind, lang)
        assert len(views) >= 2, kind
        keys = list(table.columns[:2])
        assert keys == ([("隐患编号"), ("企业")] if lang == "zh" else ["Hazard", "Firm"])
        for columns in views.values():
            assert columns[:2] == keys and set(columns) <= set(table.columns), (kind, columns)
        assert {c for columns in views.values() for c in columns} == set(table.columns), kind
    overdue = view.list_views("overdue", "zh")
    assert overdue == {"基本情况": ["隐患编号", "企业", "县区", "乡镇（街道）", "行业", "隐患等级", "发现日期"],
                       "整改进度": ["隐患编号", "企业", "整改期限", "逾期天数", "状态", "整改日期", "挂牌督办"]}
    assert list(view.list_views("follow_up", "en")) == ["Basics", "Progress", "Description"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_majors_list_and_the_breakdowns_keep_every_column(lang):
    majors = monthly_form.majors_table(pd.DataFrame({
        "hazard_id": ["H1"], "enterprise_name": ["东镇建材厂"], "county_name": ["甲县"], "township_name": ["东镇"],
        "industry_name_zh": ["工贸"], "industry_name_en": ["Industry and trade"], "found_on": [pd.Timestamp("2025-03-01")],
        "basis_code": ["GM-1"], "basis_title_zh": ["未设置安全出口"], "basis_title_en": ["No exit"],
        "basis_standard": ["应急管理部令第10号"], "is_closed": [False]}), lang)
    views = view.majors_views(majors, lang)
    assert {c for columns in views.values() for c in columns} == set(majors.columns)
    assert all(columns[:2] == list(majors.columns[:2]) for columns in views.values())
    frame = pd.DataFrame({"county_name": ["甲县"], "township_name": ["东镇"], "found": [3], "general_found": [2],
                          "general_rectified": [1], "major_found": [1], "major_closed": [0], "rate": [33.3],
                          "overdue": [1], "supervised_open": [1]})
    table = view.breakdown_table(frame, lang, "township")
    views = view.breakdown_views(table, lang, "township")
    assert {c for columns in views.values() for c in columns} == set(table.columns)
    assert all(columns[:3] == list(table.columns[:3]) for columns in views.values())  # county, township, found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_audit_log_views_and_its_card(lang):
    raw = pd.DataFrame({"entry_id": [7], "logged_at": [pd.Timestamp("2026-11-28 10:15:30")], "actor": ["admin"],
                        "action": ["update"], "kind": ["hazards"], "file_name": [None], "table_name": ["hazards"],
                        "record_key": ["H1"], "row_count": [1], "before_json": ['{"state": "open"}'],
                        "after_json": ['{"state": "rectified"}']})
    frame = data_view.audit_display(raw, lang)
    views = data_view.audit_views(frame, lang)
    before, after = (i18n.t(f"data.audit.col.{c}", lang) for c in ("before_json", "after_json"))
    shown = {c for columns in views.values() for c in columns}
    assert shown == set(frame.columns) - {before, after}  # those two, long, are in the entry's card
    assert all(columns[:2] == list(frame.columns[:2]) for columns in views.values())
    fields = dict(data_view.audit_fields(frame, 0))
    assert fields[before] == '{"state": "open"}' and fields[after] == '{"state": "rectified"}'
    assert fields[i18n.t("data.audit.col.file_name", lang)] == i18n.DASH


def test_the_sectors_editor_views_labels_and_class_names():
    assert settings_view.editor_views("sectors", "en") == {
        "Names": ["code", "name_zh", "name_en", "aliases", "sort_order"],
        "Class and risk": ["code", "stat_class", "inherent_risk", "is_high_risk"]}
    # in Chinese name_en is not shown; every shown column is in a view
    zh = settings_view.editor_views("sectors", "zh")
    assert {c for columns in zh.values() for c in columns} == set(settings_view.shown_columns("sectors", "zh"))
    assert settings_view.editor_views("denominators", "zh") == {}
    labels = settings_view.editor_labels("denominators", "zh")
    assert [labels[c] for c in ("gdp_yi", "industrial_employed", "motor_vehicles")] == ["地区生产总值（亿元）", "就业人员", "机动车"]
    assert settings_view.column_help("denominators", "zh") == {"industrial_employed": "工矿商贸就业人员",
                                                               "motor_vehicles": "机动车保有量"}
    assert settings_view.editor_labels("sectors", "zh")["inherent_risk"] == "固有风险"  # an import header too
    assert [settings_view.stat_class_name(c, "zh") for c in ("industrial", "road_traffic", "odd")] == \
        ["工矿商贸", "道路交通", "odd"]
    sized = settings_view.sizing_frame(pd.DataFrame({"code": ["fire"], "stat_class": ["fire"]}), "sectors", "en")
    assert sized["stat_class"].tolist() == ["Fire"]


def test_the_english_settings_and_criteria_editors_views_and_the_shorter_weights_headers():
    """In English the settings editor shows a value beside its description, or the key beside the Chinese
    description (no view holds key and value: a setting is added by its description, as in Chinese); the
    criteria their English title, or the Chinese standard and title, the code and sector first in each."""
    assert settings_view.editor_views("settings", "en") == {"Values": ["description_en", "value"],
                                                            "Keys and Chinese": ["key", "description_zh"]}
    assert settings_view.editor_views("hazard-bases", "en") == {
        "English": ["code", "sector", "title_en", "sort_order"],
        "Chinese": ["code", "sector", "standard_zh", "title_zh"]}
    for kind in ("settings", "hazard-bases"):
        for lang in ("zh", "en"):
            views = settings_view.editor_views(kind, lang)
            assert {c for columns in views.values() for c in columns} == set(settings_view.shown_columns(kind, lang))
    assert not settings_view.can_add_rows("settings", "en") and settings_view.can_add_rows("hazard-bases", "en")
    assert settings_view.max_lines("settings", "en") == 7 and settings_view.max_lines("settings", "zh") is None
    en, zh = (settings_view.editor_labels("risk-weights", lang) for lang in ("en", "zh"))
    assert (en["unit_zh"], en["description_zh"], en["description_en"]) == ("Unit", "Chinese", "Description")
    assert (zh["unit_zh"], zh["description_zh"]) == ("单位", "说明")  # the import headers, unchanged
    assert settings_view.column_help("risk-weights", "en") == {"unit_zh": "Unit (Chinese)",
                                                               "description_zh": "Description (Chinese)"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_zero_report_windows_views(lang):
    """零报告's windows: whole in Chinese (one view, no control); in English the counts, then the rates and the
    accidents, the window and its dates first in each, every column in a view."""
    from riskdash.screens.campaigns import view as campaigns_view

    windows = pd.DataFrame({"name": ["五一"], "start_on": [pd.Timestamp("2025-05-01")], "end_on": [pd.Timestamp("2025-05-03")],
                            "days_due": [3], "reports_due": [9], "reports_received": [8], "reports_on_time": [7],
                            "reports_missing": [1], "compliance_rate": [8 / 9], "on_time_rate": [7 / 9],
                            "accidents_reported": [0]})
    table = campaigns_view.windows_table(windows, lang)
    views = campaigns_view.windows_views(table, lang)
    assert {c for columns in views.values() for c in columns} == set(table.columns)
    if lang == "zh":
        assert views == {"": list(table.columns)}
    else:
        assert views == {"Reports": ["Window", "Dates", "Days", "Due", "Filed", "On time", "Missed"],
                         "Rates and accidents": ["Window", "Dates", "Rate", "Timely", "Accidents"]}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_monthly_form_views_keep_every_prescribed_column(lang):
    """The 月报表 on screen: three views of its thirteen prescribed columns, 行业和领域 first in each, every column
    in a view, each with a short header distinct within its view (its full header is the tooltip)."""
    sources = [source for _, _, source in monthly_form.FORM_COLUMNS]
    form = pd.DataFrame({"is_total": [False, True], "name_zh": ["工贸", "合计"],
                         **{s: [1, 1] for s in sources if s != "name_zh"}})
    form[["general_rate", "major_rate"]] = None
    shown = view.form_display(monthly_form.form_table(form))
    views = view.form_views(lang)
    labels = view.form_labels(lang)
    assert len(views) == 3 and all(columns[0] == "行业和领域" for columns in views.values())
    assert {c for columns in views.values() for c in columns} == set(shown.columns) and len(shown.columns) == 13
    assert set(labels) == set(shown.columns)
    for columns in views.values():
        names = [labels[c] for c in columns]
        assert len(set(names)) == len(names), names
    if lang == "zh":
        assert {name: [labels[c] for c in columns] for name, columns in views.items()} == {
            "一般隐患": ["行业和领域", "排查治理单位", "排查", "已整改", "整改率"],
            "重大隐患": ["行业和领域", "排查", "已整改销号", "整改率", "列入治理计划", "其中五到位"],
            "挂牌督办与资金": ["行业和领域", "挂牌督办", "其中省级", "治理资金"]}
        assert views["重大隐患"][1] == "重大事故隐患·排查（项）" and views["一般隐患"][2] == "一般事故隐患·排查（项）"
    else:
        assert list(views) == ["General hazards", "Major hazards", "Listing and funds"]
        assert labels["累计落实治理资金（万元）"] == "Funds" and labels["行业和领域"] == "Sector"
    assert list(shown.iloc[0]) == ["合计", "1", "1", "1", "—", "1", "1", "—", "1", "1", "1", "1", "1.00"]
