"""The priority-sites page, run headless with AppTest on the hand-made city: the screen agrees with the CLI,
filters apply, every tab draws (only when open: issue 17), English works."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import COUNTY_B, open_page
from streamlit.testing.v1 import AppTest

from riskdash import cli, db
from riskdash.screens.priority import draw

APP = Path(__file__).resolve().parents[1] / "app.py"


@pytest.fixture()
def app_db(read_city: Path) -> Path:
    """The small city, one file for the tests here that only read it (conftest.shared_database)."""
    return read_city


@pytest.fixture()
def own_db(small_db_path: Path, monkeypatch) -> Path:
    """A copy of the small city of the test's own, for a test that writes to it."""
    monkeypatch.setenv(db.ENV_DB, str(small_db_path))
    return small_db_path


# the tabs by their place (ui.kept_tabs): only the open one is drawn
RANKING, LEDGER, GAPS, MAP, CARD, BACKTEST = range(6)


def start(tab: int = RANKING) -> AppTest:
    """The page's first visit, then the tab at place ``tab`` opened (the ranking is open on arrival)."""
    at = open_page("priority")
    assert not at.exception, at.exception
    return open_tab(at, tab) if tab != RANKING else at


def open_tab(at: AppTest, tab: int) -> AppTest:
    """The tab at place ``tab`` chosen, as a click does (st.tabs with on_change: the session keeps its label)."""
    at.session_state[draw.TABS_KEY] = at.tabs[tab].label
    at.run()
    assert not at.exception, at.exception
    return at


def metrics_shown(at: AppTest) -> dict[str, str]:
    return {m.proto.label: m.proto.body for m in at.metric}


def test_screen_and_cli_agree(app_db, capsys):
    assert cli.main(["metrics", "priority", "--db", str(app_db), "--as-of", "2025-06-30"]) == 0
    contract = json.loads(capsys.readouterr().out)
    at = start()
    ranking = at.dataframe[0].value
    # the list shows six columns (it fits the page at 1024 px); the number and the score are in the card
    assert list(at.dataframe[0].proto.column_order) == ["排名", "企业名称", "乡镇（街道）", "行业", "风险等级", "主要理由"]
    assert list(ranking["企业编号"]) == [s["enterprise_id"] for s in contract["sites"]]
    assert list(ranking["风险分值"]) == [s["score"] for s in contract["sites"]]
    assert list(ranking["主要理由"]) == ["；".join(s["reasons"]) for s in contract["sites"]]
    shown = metrics_shown(at)
    assert shown["红色预警（家）"] == "2" and shown["重点关注（家）"] == "1"
    assert shown["黄色（家）"] == "1" and shown["蓝色（家）"] == "0"
    shown = metrics_shown(open_tab(at, GAPS))
    assert shown["无台账的乡镇（个）"] == "1" and shown["台账外发生的事故（起）"] == "2"  # A1 and A2 in 1—6月 2025


def _words(at: AppTest) -> str:
    return "\n".join([c.value for c in at.caption] + [m.value for m in at.markdown] + [i.value for i in at.info])


# each tab's own words (the scope line of its section) and the ranking's KPI row: one tab's are drawn at a time
OWN_WORDS = {RANKING: "红色预警 ≥ 60，重点关注（橙色）≥ 35，黄色 ≥ 18",
             LEDGER: "示例市各乡镇（街道）上报、市县安委办备案的重点部位 2 处",
             GAPS: "台账现状；事故为",
             MAP: "所选企业没有登记经纬度",
             CARD: "风险分值 71.40，红色预警，排名第1位",  # the site card of the top enterprise
             BACKTEST: "数据不足"}


def test_every_tab_draws_and_states_its_scope_only_when_open(app_db):
    at = start()
    assert "风险分值截至2025年6月30日" in _words(at)
    assert [t.label.split(" ", 1)[1] for t in at.tabs] == ["风险排序", "重点部位台账", "台账漏项", "风险分布图", "企业档案", "评分检验"]
    for tab, own in OWN_WORDS.items():
        words = _words(open_tab(at, tab))
        assert own in words, (tab, own)
        # the other tabs' parts are not drawn
        assert [t for t, other in OWN_WORDS.items() if other in words] == [tab]
        # the ranking's KPIs and its red/orange bars are the ranking tab's alone (no map without coordinates, and
        # no back-test day with a year of history before it, in the small city)
        assert bool(at.metric) == (tab in (RANKING, GAPS))
        assert len(at.get("plotly_chart")) == (tab == RANKING)
        assert bool(at.get("download_button")) == (tab not in (MAP, BACKTEST))


def test_the_first_visit_reads_the_ranking_only(app_db, monkeypatch):
    """The first visit draws the ranking: neither the ledger, its gaps nor the back-test is read (the back-test
    was about a third of the page's first-visit CPU on the demo city)."""
    from riskdash.metrics import priority

    read = []
    # the wrappers (one qualified name, unlike the functions') are cached by the loader apart from any earlier
    # test's entries, so a read the page makes is seen here
    for name in ("key_site_ledger", "townships_without_sites", "high_risk_enterprises_without_sites",
                 "accidents_without_ledger", "ledger_townships", "backtest_rankings", "site_card"):
        original = getattr(priority, name)
        monkeypatch.setattr(priority, name, lambda *a, _f=original, _n=name, **k: (read.append(_n), _f(*a, **k))[1])
    monkeypatch.setattr(draw, "backtest_tables", lambda *a, _f=draw.backtest_tables, **k: (read.append("backtest"),
                                                                                           _f(*a, **k))[1])
    at = start()
    assert at.dataframe and read == []
    open_tab(at, BACKTEST)
    assert "backtest" in read


def test_the_open_tab_survives_the_language_switch(app_db):
    at = start(MAP)
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception, at.exception
    assert at.session_state[draw.TABS_KEY] == at.tabs[MAP].label
    assert "None of the chosen enterprises has coordinates." in [i.value for i in at.info]
    assert not at.dataframe  # not the ranking, the first tab


def test_filters_narrow_the_ranking_and_the_ledger(app_db):
    at = start()
    at.sidebar.selectbox(key="flt_county").set_value(COUNTY_B).run()
    assert not at.exception
    assert list(at.dataframe[0].value["企业编号"]) == ["E4"]
    open_tab(at, CARD)
    at.selectbox(key="priority_card").set_value("E4").run()
    assert "南街道商场（E4）" in "\n".join(c.value for c in at.caption)
    open_tab(at, RANKING)
    at.multiselect(key="priority_levels").set_value(["red"]).run()
    assert at.dataframe[0].value.empty


def test_the_page_in_english(app_db):
    at = start()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    ranking = at.dataframe[0].value
    # in English too: the number and the score are left to the card
    assert list(at.dataframe[0].proto.column_order) == ["Rank", "Enterprise", "Township", "Sector", "Level", "Reasons"]
    assert ranking.columns[-1] == "Reasons" and ranking.iloc[0]["Level"] == "Red alert"


def test_backtest_and_weight_calibration_tables(own_db):
    # an old supervisory inspection gives the city a year of history before 2022-06-30, 2023-06-30 and 2024-06-30
    con = db.connect(own_db)
    try:
        con.execute("insert into inspections (inspection_id, inspected_on, enterprise_id, level) "
                    "values ('I-OLD', DATE '2021-01-01', 'E1', 'city')")
    finally:
        con.close()
    at = start(BACKTEST)
    tables = [d.value for d in at.dataframe]
    backtest = next(t for t in tables if "评分日" in t.columns)
    assert list(backtest["评分日"]) == ["2022-06-30", "2023-06-30", "2024-06-30", "合计"]
    calibration = next(t for t in tables if "权重方案" in t.columns)
    assert list(calibration["权重方案"]) == ["当前权重（已保存）", "备选一：不计行业固有风险",
                                         "备选二：只计企业自身记录（不计行业、从业人数）"]
    # the stored weights' row is the back-test's pooled row
    pooled = backtest.iloc[-1]
    assert calibration.iloc[0]["较大及以上事故：前10% / 全部"] == pooled["较大及以上事故：前10% / 全部"]
    assert calibration.iloc[0]["有死亡事故：前10% / 全部"] == pooled["有死亡事故：前10% / 全部"]
    words = "\n".join(c.value for c in at.caption)
    assert "3个评分日（2022年6月30日—2024年6月30日）合计" in words


def test_level_chips_and_cells_wear_their_colours(app_db):
    """安委办〔2016〕11号: red, orange, yellow, blue — the four level chips of the filter and the level cells of the
    ranking in their own colours (the theme made every chip red, 蓝色 included); never green."""
    from riskdash import charts
    from riskdash.screens.priority import view

    at = start()
    styles = [h.proto.body for h in at.get("html") if "st-key-priority_levels" in h.proto.body]
    assert len(styles) == 1
    css = styles[0]
    for name, colour in (("红色预警", "#d7191c"), ("重点关注", "#f28e2b"), ("黄色", "#f2c14e"), ("蓝色", "#2c7bb6"),
                         ("Blue", "#2c7bb6")):
        assert f'.st-key-priority_levels [data-tag][aria-label="{name}"] {{ background-color: {colour};' in css
    assert "green" not in css
    # the level cells: each in its level's colour, the other cells untouched
    ranking = at.dataframe[0].value
    # the list shows six columns (it fits the page at 1024 px); the number and the score are in the card
    assert list(at.dataframe[0].proto.column_order) == ["排名", "企业名称", "乡镇（街道）", "行业", "风险等级", "主要理由"]
    styled = view.level_cells(ranking, "zh")
    html = styled.to_html()
    levels = list(ranking["风险等级"])
    assert set(levels) == {"红色预警", "重点关注", "黄色"}
    computed = styled._compute().ctx  # (row, column) → [(property, value), …]
    column = list(ranking.columns).index("风险等级")
    for row, name in enumerate(levels):
        level = {"红色预警": "red", "重点关注": "orange", "黄色": "yellow"}[name]
        assert ("background-color", charts.RISK_COLOURS[level]) in computed[(row, column)]
    assert all(col == column for _, col in computed)
    assert "background-color" in html


def test_the_level_filter_asks_in_the_page_language(app_db):
    """With every level taken off, the multiselect's words are the page's, not Streamlit's "Choose options"."""
    at = start()
    assert at.multiselect(key="priority_levels").proto.placeholder == "请选择"
    at.sidebar.radio(key="lang").set_value("en").run()
    assert at.multiselect(key="priority_levels").proto.placeholder == "Choose"
