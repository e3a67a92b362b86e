"""The 专项行动与乡镇规范化 page under AppTest on the hand-made city (ranking equals the metric, veto reasons,
the four tabs, English), the ranking's .xlsx read back, and the chart builder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from campaigns_support import CAMPAIGN, CHECKLIST, SCORECARD, ZERO, open_tab
from conftest import (
    AS_OF,
    CITY,
    TOWN_A1,
    TOWN_A2,
    TOWN_B1,
    fill_small_city,
    open_page,
    prepared_database,
    read_shared,
)
from streamlit.testing.v1 import AppTest
from test_campaigns_scorecard import EXPECTED, fill_campaigns
from xlsx_support import read_back

from riskdash import db, i18n
from riskdash.exports.township_scorecard import scorecard_xlsx
from riskdash.filters import Filters
from riskdash.metrics import campaigns
from riskdash.screens.campaigns import charts, draw, view

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def towns_db(request) -> Path:
    """The small city with the campaign fixtures, one file for the tests here: they only read it
    (conftest.shared_database)."""
    return read_shared(request, fill_small_city, fill_campaigns)


def start() -> AppTest:
    at = open_page("campaigns")
    assert not at.exception, at.exception
    return at


def test_page_ranking_is_the_metric(towns_db):
    at = start()
    ranking = at.dataframe[0].value
    assert list(ranking["乡镇（街道）"]) == ["南街道", "东镇", "西乡"]
    assert list(ranking["得分"]) == [66.7, 61.3, 16.3]
    # issue 18: 东镇's two full-time staff against its 2, its acceptance report sent 28 June (due 5 July)
    assert list(ranking["专职人员（实有/应配）"]) == ["—", "2/2", "—"]
    assert list(ranking["验收报告"]) == ["不要求", "按期报送 06-28", "不要求"]
    assert list(ranking["结果"]) == ["合格", "不合格", "不合格"]
    # a component without a denominator (重大隐患整改率 with no major hazard) is missing: shown as "—", not "None"
    assert ranking["重大隐患整改率"].isna().sum() == 2
    assert all(frame.proto.placeholder == "—" for frame in at.dataframe)
    # 西乡's A2 (较大, pending) at E3, which is in no 重点部位 ledger: both reasons, in the contract's order
    assert ranking["一票否决原因"].iloc[2] == ("发生较大及以上责任事故1起（含性质待定；一票否决）；"
                                         "较大及以上责任事故1起发生在事故前未列入重点部位台账的企业（含性质待定；一票否决）")
    assert [m.value for m in at.metric] == ["3", "1", "2", "2"]
    text = "\n".join(c.value for c in at.caption)
    assert "数据截至2025年6月30日" in text and "示例市" in text


def every_tab(at: AppTest) -> list:
    """The tables of every tab, each tab opened in turn (only the open tab is drawn, issue 17)."""
    frames = []
    for place in range(len(at.tabs)):
        frames += open_tab(at, place).dataframe
    return frames


def test_every_tab_shows_its_tables(towns_db):
    frames = every_tab(start())
    assert all(frame.proto.placeholder == "—" for frame in frames)
    headers = [list(d.value.columns) for d in frames]
    assert any("完成期限" in h and "逾期乡镇" in h for h in headers)
    assert any("覆盖率" in h and "乡镇产业类型数" in h for h in headers)
    # "1+1" by 产业类型 (issue 18): per township the classes and the coverage, per pair the findings
    assert any("产业类型数" in h and "覆盖率" in h and "乡镇（街道）" in h for h in headers)
    assert any("产业类型" in h and "共性问题" in h and "整改建议" in h for h in headers)
    assert any("缺报日期" in h and "缺报" in h for h in headers)
    compliance = next(d.value for d in frames if {"缺报", "缺报日期"} <= set(d.value.columns))
    assert list(compliance.columns) == ["乡镇（街道）", "应报", "已报", "缺报", "迟报", "报送率", "按时率", "缺报日期",
                                        "迟报日期"]
    assert list(compliance["缺报"]) == [3, 2, 0]
    assert compliance["缺报日期"].iloc[0] == "01-01、06-29、06-30"


def test_page_in_english(towns_db):
    at = start()
    at.sidebar.radio[0].set_value("en").run()
    assert not at.exception
    ranking = at.dataframe[0].value
    assert list(ranking["Result"]) == ["passed", "failed", "failed"]
    assert "one-vote veto" in ranking["Veto reasons"].iloc[1]


# ---------------------------------------------------------------------------------------------- the open tab alone

# each tab's reads (page.load) of riskdash.metrics.campaigns; the settings are read on every run
SETTINGS = {"settings_values"}
READS = {
    SCORECARD: SETTINGS | {"townships"},
    CHECKLIST: SETTINGS | {"checklist_progress_by_group", "checklist_progress", "checklist_items_by_township",
                           "township_stations", "four_in_place"},
    CAMPAIGN: SETTINGS | {"campaign_coverage", "campaign_pairs", "campaign_townships", "common_problems",
                          "warning_meetings"},
    ZERO: SETTINGS | {"zero_report_windows", "zero_report_missing", "zero_report_late", "zero_report_compliance"},
}


def test_only_the_open_tab_is_drawn_and_read(towns_db, monkeypatch):
    """Issue 17 (speed): the first visit reads and draws 乡镇考核 alone (at scale 20 the four tabs' reads made it
    3.11 s); each tab opened reads its own metrics and no other tab's."""
    from riskdash.ui import session

    read: list = []
    real = session.load

    def spy(fn, *args, **kwargs):
        read.append(fn)
        return real(fn, *args, **kwargs)

    monkeypatch.setattr(session, "load", spy)  # every page.load, whether or not its result was cached

    def reads() -> set[str]:
        return {fn.__name__ for fn in read if fn.__module__ == campaigns.__name__}

    at = start()
    assert reads() == READS[SCORECARD]
    assert [bool(tab.children) for tab in at.tabs] == [True, False, False, False]
    assert [m.value for m in at.metric] == ["3", "1", "2", "2"]
    for place in (CHECKLIST, CAMPAIGN, ZERO):
        read.clear()
        open_tab(at, place)
        assert reads() == READS[place], place
        assert [bool(tab.children) for tab in at.tabs] == [i == place for i in range(4)], place
        assert not at.metric, place  # the scorecard's four figures are drawn with their tab alone


def test_the_open_tab_survives_the_language_switch(towns_db):
    at = open_tab(start(), CAMPAIGN)
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert at.session_state[draw.TABS_KEY] == at.tabs[CAMPAIGN].label == i18n.t("campaigns.tab_campaign", "en")
    assert [bool(tab.children) for tab in at.tabs] == [False, False, True, False]
    assert any("Industry class" in d.value.columns for d in at.dataframe)  # the pairs' table, in English


def test_the_township_pickers_survive_another_tab_and_the_language_switch(towns_db):
    """乡镇考核's township and 规范化建设's township, each chosen, are still chosen after a look at another tab (only
    the open tab is drawn: Streamlit dropped an undrawn widget's choice) and through the language switch."""
    at = start()
    assert at.selectbox(key="campaigns_detail").value == TOWN_B1  # the first ranked, 南街道
    at.selectbox(key="campaigns_detail").set_value(TOWN_A2).run()
    open_tab(at, CHECKLIST)
    assert at.selectbox(key="campaigns_items_town").value != TOWN_A2
    at.selectbox(key="campaigns_items_town").set_value(TOWN_A2).run()
    open_tab(at, ZERO)
    open_tab(at, SCORECARD)
    assert at.selectbox(key="campaigns_detail").value == TOWN_A2
    assert "西乡" in at.selectbox(key="campaigns_detail").proto.options[at.selectbox(key="campaigns_detail").index]
    at.sidebar.radio(key="lang").set_value("en").run()
    assert at.selectbox(key="campaigns_detail").value == TOWN_A2
    open_tab(at, CHECKLIST)
    assert at.selectbox(key="campaigns_items_town").value == TOWN_A2


def test_pairs_xlsx_equals_the_screen_table():
    pairs = pd.DataFrame([
        {"region_code": "1", "township_name": "东镇", "township_label": "东镇", "county_name": "甲县",
         "industry_type": "竹制品", "enterprises": 2, "untyped_enterprises": 0, "is_inspected": True,
         "first_inspected_on": pd.Timestamp("2025-03-10"), "inspected_enterprise": "东镇竹业一厂", "problems_found": 3,
         "meetings": 1, "last_meeting_on": pd.Timestamp("2025-04-20"), "attendance": 20.0,
         "common_problems": "除尘系统未定期清灰", "individual_problems": None, "advice": "月底前完成清灰"},
        {"region_code": "1", "township_name": "东镇", "township_label": "东镇", "county_name": "甲县",
         "industry_type": "工贸", "enterprises": 1, "untyped_enterprises": 1, "is_inspected": False,
         "first_inspected_on": None, "inspected_enterprise": None, "problems_found": 0, "meetings": 0,
         "last_meeting_on": None, "attendance": None, "common_problems": None, "individual_problems": None,
         "advice": None}])
    table = view.pairs_table(pairs, "zh")
    assert list(table["产业类型"]) == ["竹制品", "工贸（按行业）"]  # a class of untyped enterprises says so
    assert list(table["共性问题"]) == ["除尘系统未定期清灰", "—"]
    cells = read_back(scorecard_xlsx(table, "范围", title="“1+1”", sheet_name="1+1"))
    assert cells[2] == list(table.columns)
    assert [list(r) for r in cells[3:]] == [list(r) for r in table.itertuples(index=False)]


def test_scorecard_xlsx_equals_the_screen_table():
    table = view.scorecard_table(EXPECTED, "zh")
    cells = read_back(scorecard_xlsx(table, "范围"))
    assert cells[0][0] == "乡镇安全生产工作考核排名" and cells[1][0] == "范围"
    assert cells[2] == list(table.columns)
    # an empty cell reads back as None; a component without a denominator is written as "—"
    body = [[None if v == "" else "—" if v is None or v != v else v for v in row]
            for row in table.itertuples(index=False)]
    assert [list(r) for r in cells[3:]] == [list(r) for r in body]


def test_score_chart_states_scope_and_colours_the_veto():
    f = Filters(date(2025, 1, 1), AS_OF, CITY, AS_OF)
    fig = charts.township_score_bars(EXPECTED, 60.0, f, "示例市", "zh")
    assert "乡镇考核得分" in fig.layout.title.text and "示例市" in fig.layout.title.text
    bars = {trace.name: list(trace.customdata) for trace in fig.data}
    assert bars == {"合格": ["南街道"], "一票否决": ["东镇", "西乡"]}
    # horizontal bars in ranking order: plotly draws the first category at the bottom, the last-ranked on top
    assert list(fig.layout.yaxis.ticktext) == ["南街道", "东镇", "西乡"]
    assert fig.layout.yaxis.type == "category"  # numeric-looking codes must not space the bars by value
    assert fig.data[1].marker.color == "#d7191c"


def _ranked(scores: list[float]) -> dict:
    return {"townships": [{"region_code": f"4199{i:08d}", "name": f"乡{i}", "score": s, "result": "passed",
                           "vetoed": False} for i, s in enumerate(scores)]}


def test_score_chart_shows_the_bottom_of_the_ranking_labelled_on_a_zoomed_axis():
    f = Filters(date(2025, 1, 1), AS_OF, CITY, AS_OF)
    scores = [99.0 - 0.2 * i for i in range(30)]  # ranked best first: 99.0 … 93.2
    fig = charts.township_score_bars(_ranked(scores), 60.0, f, "示例市", "zh", limit=10)
    bars = fig.data[0]
    assert list(bars.y) == [f"4199{i:08d}" for i in range(20, 30)]  # the last 10, the last-ranked on top
    assert list(bars.text) == [f"{s:.1f}" for s in scores[20:]]  # value labels
    assert "排名最后的10个（共30个，全部见下表）" in fig.layout.title.text
    # the axis starts below the pass line (60) and says so, instead of a 0–100 wall
    assert fig.layout.xaxis.range == (55.0, 100)
    assert fig.layout.xaxis.title.text == "得分（分，横轴自55分起）"
    high_pass = charts.township_score_bars(_ranked(scores), 90.0, f, "示例市", "en", limit=10)
    assert high_pass.layout.xaxis.range == (85.0, 100)
    assert high_pass.layout.xaxis.title.text == "Score (points, axis starts at 85)"
    assert charts.township_score_bars({"townships": []}, 60.0, f, "示例市", "zh") is None


# ------------------------------------------------------------------------ choices kept while another tab is open

ROW = {"selection": {"rows": [2], "columns": [], "cells": []}}  # a grid's third row selected, as a click does


def drawn(at: AppTest) -> dict:
    """The open tab's own choices (not the sidebar's filters), by widget key."""
    widgets = (*at.selectbox, *at.toggle, *at.text_area, *at.date_input, *at.number_input, *at.text_input)
    return {w.key: w.value for w in widgets if not w.key.startswith("flt_")}


def card(at: AppTest) -> list[str]:
    """The title of the "1+1" pair's card open under the pairs (none: no row selected)."""
    return [m.value for m in at.markdown if m.value.startswith("**") and " · " in m.value]


def switch_language(at: AppTest, lang: str) -> AppTest:
    at.sidebar.radio(key="lang").set_value(lang).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_campaign_choices_survive_another_tab_and_the_language_switch(towns_db):
    """"1+1"专项整治's 仅看未检查 toggle, the pair whose card is open, the pair form's township and class, and 零报告's
    window, each chosen, are still chosen after a look at another tab (only the open tab is drawn: Streamlit
    dropped an undrawn widget's choice) and through the language switch."""
    at = open_tab(start(), CAMPAIGN)
    assert drawn(at) == {"campaigns_only_missing": False, "campaigns_pair_town": TOWN_A1,
                         f"campaigns_pair_class_{TOWN_A1}": "危险化学品", **pair_texts(TOWN_A1, "危险化学品")}
    at.toggle(key="campaigns_only_missing").set_value(True).run()
    at.session_state["campaigns_pairs_1_grid"] = ROW  # 西乡's 道路运输 (all four pairs are not yet inspected)
    at.run()
    at.selectbox(key=f"campaigns_pair_class_{TOWN_A1}").set_value("工贸").run()
    at.selectbox(key="campaigns_pair_town").set_value(TOWN_B1).run()  # the class of 东镇 left chosen, undrawn
    campaign = {"campaigns_only_missing": True, "campaigns_pair_town": TOWN_B1,
                f"campaigns_pair_class_{TOWN_B1}": "消防（人员密集场所）", **pair_texts(TOWN_B1, "消防（人员密集场所）")}
    assert (drawn(at), card(at)) == (campaign, ["**西乡 · 道路运输（按行业）**"])
    open_tab(at, ZERO)
    at.selectbox(key="campaigns_form_window").set_value("W1").run()
    zero = {"campaigns_form_window": "W1", "campaigns_form_town": TOWN_A1,
            "campaigns_form_day_W1": date(2025, 5, 3), "campaigns_form_accidents": 0, "campaigns_form_actor": "root"}
    assert drawn(at) == zero
    open_tab(at, SCORECARD)
    open_tab(at, CAMPAIGN)
    assert (drawn(at), card(at)) == (campaign, ["**西乡 · 道路运输（按行业）**"])
    open_tab(at, ZERO)
    assert drawn(at) == zero
    switch_language(at, "en")
    assert drawn(at) == zero
    open_tab(at, CAMPAIGN)
    assert (drawn(at), card(at)) == (campaign, ["**西乡 · 道路运输 (by sector)**"])
    at.selectbox(key="campaigns_pair_town").set_value(TOWN_A1).run()  # 东镇's class chosen before: 工贸
    assert drawn(at)[f"campaigns_pair_class_{TOWN_A1}"] == "工贸"


def pair_texts(town: str, industry_type: str, texts: tuple[str, str, str] = ("", "", "")) -> dict:
    """The pair form's three text areas (共性问题, 个性问题, 整改建议) by key."""
    return {f"campaigns_pair_{town}_{industry_type}_{part}": text for part, text in zip("cia", texts)}


@pytest.fixture()
def own_db(tmp_path: Path, monkeypatch) -> Path:
    """The small city with the campaign fixtures, a copy of its own: the test saves a 零报告."""
    path = prepared_database(tmp_path / "forms.duckdb", fill_small_city, fill_campaigns)
    monkeypatch.setenv(db.ENV_DB, str(path))
    return path


def submit(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_forms_keep_what_was_sent_through_another_tab_and_the_language_switch(own_db, monkeypatch):
    """The "1+1" pair form refused by the checks and the 零报告 form saved: what was sent in each is still in its
    fields after a look at another tab and through the language switch (a refused record is there to be
    corrected, a saved one to be corrected or followed by the next day's). What the browser holds unsent is not
    the server's to keep (draw.FORM_KEPT); AppTest sends a form's fields only with its submit, as the browser."""
    real_check = view.check_pair

    def refused(con, path, label):  # the pair as if its township were unknown: refused by the importer's check
        header, row = path.read_text(encoding="utf-8").splitlines()
        fields = row.split(",")
        fields[header.split(",").index("region_code")] = "419901999000"
        path.write_text(f"{header}\n{','.join(fields)}\n", encoding="utf-8")
        return real_check(con, path, label)

    monkeypatch.setattr(view, "check_pair", refused)
    at = open_tab(start(), CAMPAIGN)
    texts = ("除尘系统未定期清灰", "", "月底前完成清灰")
    for key, text in pair_texts(TOWN_A1, "危险化学品", texts).items():
        at.text_area(key=key).set_value(text)
    submit(at, "保存检查结果")
    assert [e.value for e in at.error] == ["未记录：发现1处问题（与文件导入的校验相同），请修改后再提交。"]
    campaign = {"campaigns_only_missing": False, "campaigns_pair_town": TOWN_A1,
                f"campaigns_pair_class_{TOWN_A1}": "危险化学品", **pair_texts(TOWN_A1, "危险化学品", texts)}
    assert drawn(at) == campaign
    open_tab(at, ZERO)
    at.selectbox(key="campaigns_form_window").set_value("W1").run()
    at.selectbox(key="campaigns_form_town").set_value(TOWN_A2)
    at.date_input(key="campaigns_form_day_W1").set_value(date(2025, 5, 2))
    at.number_input(key="campaigns_form_accidents").set_value(2)
    at.text_input(key="campaigns_form_actor").set_value("西乡安监站 王五")
    submit(at, "提交报告")
    assert [s.value for s in at.success] == ["已记录：西乡 2025-05-02（五一）报告事故2起，报送人：西乡安监站 王五。"]
    zero = {"campaigns_form_window": "W1", "campaigns_form_town": TOWN_A2, "campaigns_form_day_W1": date(2025, 5, 2),
            "campaigns_form_accidents": 2, "campaigns_form_actor": "西乡安监站 王五"}
    assert drawn(at) == zero
    open_tab(at, SCORECARD)
    open_tab(at, CAMPAIGN)
    assert drawn(at) == campaign
    open_tab(at, ZERO)
    assert (drawn(at), [s.value for s in at.success]) == (zero, [])  # the fields kept, the message said once
    switch_language(at, "en")
    assert drawn(at) == zero
    open_tab(at, CAMPAIGN)
    assert drawn(at) == campaign
