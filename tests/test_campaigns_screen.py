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
    TOWN_A2,
    TOWN_B1,
    fill_small_city,
    open_page,
    read_shared,
)
from streamlit.testing.v1 import AppTest
from test_campaigns_scorecard import EXPECTED, fill_campaigns
from xlsx_support import read_back

from riskdash import i18n
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
