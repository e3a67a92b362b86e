"""Every page, run headless with Streamlit's AppTest against the hand-made small city (conftest.py).

The app is started from app.py (st.navigation) and pages are switched with ``AppTest.switch_page``, the way
a user moves between them, so that the shared filters' state is carried across pages as in the browser.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from conftest import AS_OF, CITY, COUNTY_A, TOWN_A2, TOWN_B1, fill_small_city, mark_demo, open_page, read_shared
from streamlit.testing.v1 import AppTest

from riskdash import db, i18n, metrics
from riskdash.filters import Filters
from riskdash.screens.kit import Scope
from riskdash.screens.overview.view import overview_view, yoy_kpi

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
TIMEOUT = 60
DEMO_MARK = i18n.t("demo.badge", "zh")


def start(page: str = "overview") -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    if page != "overview":
        at.switch_page(f"pages/{page}.py").run()
    return at


def texts(at: AppTest) -> str:
    """Everything the page wrote as text (markdown, captions, alerts), for looking words up."""
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption]
    parts += [e.value for e in at.info] + [e.value for e in at.error] + [e.value for e in at.warning]
    parts += [e.value for e in at.sidebar.markdown]
    return "\n".join(str(p) for p in parts)


def kpis(at: AppTest) -> dict[str, tuple[str, str, str]]:
    """label → (value, delta, delta description) of every st.metric on the page."""
    return {m.proto.label: (m.proto.body, m.proto.delta, m.proto.delta_description) for m in at.metric}


@pytest.fixture()
def app_db(read_city: Path) -> Path:
    """The small city, one file for every test here: they only read it (conftest.shared_database)."""
    return read_city


@pytest.fixture()
def demo_db(request) -> Path:
    """The small city marked as demo data, shared as app_db is."""
    return read_shared(request, fill_small_city, mark_demo)


def expected_overview(region: str = CITY) -> metrics.Overview:
    con = db.connect(db.resolve_db_path(None), read_only=True)
    try:
        return metrics.overview(con, Filters(date(2025, 1, 1), AS_OF, region, AS_OF))
    finally:
        con.close()


# ---------------------------------------------------------------------------------------------- every page


@pytest.mark.parametrize("page", i18n.PAGES)
def test_every_page_runs_with_its_chinese_title_and_stamp(app_db, page):
    at = start(page)  # through the navigation, as a click in the sidebar opens it (the others: open_page)
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == [i18n.t(f"page.{page}", "zh")]
    words = texts(at)
    assert "数据截至2025年6月30日" in words
    assert DEMO_MARK not in words  # the fixture is not demo data
    # the shared filters are drawn on every page
    assert {s.key for s in at.sidebar.selectbox} >= {"flt_preset", "flt_city", "flt_county", "flt_sector"}
    assert at.sidebar.radio(key="lang").value == "zh"


@pytest.mark.parametrize("page", i18n.PAGES)
def test_every_page_marks_demo_data(demo_db, page):
    at = open_page(page)
    assert not at.exception, at.exception
    assert DEMO_MARK in texts(at)


@pytest.mark.parametrize("page", i18n.PAGES)
def test_every_page_runs_in_english(app_db, page):
    at = open_page(page)
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == [i18n.t(f"page.{page}", "en")]
    assert "Data as of 30 Jun 2025" in texts(at)


# ---------------------------------------------------------------------------------------------- overview


def test_overview_kpis_equal_the_metrics(app_db):
    at = start()
    assert not at.exception
    shown = kpis(at)
    ov = expected_overview()
    # worked out by hand from conftest: A1, A2, A3 in 2025-01..06; A5, A6, A7 one year earlier
    assert ov.accidents["accidents"] == 3 and ov.accidents_previous["accidents"] == 3
    assert shown["事故起数（起）"] == ("3", "0.0%", "同比（上年同期 3）")
    # deaths incl. missing: 1 + (2 + 1) = 4 against 1 + 1 = 2 → +100 %
    assert shown["死亡（含失踪）（人）"] == ("4", "+100.0%", "同比（上年同期 2）")
    assert shown["较大及以上事故（起）"] == ("1", "0.0%", "同比（上年同期 1）")
    # hazards H1..H6 (H7 is found after the as-of day): general H1 done of 4, major H3 closed of 2
    assert ov.rectification["found"] == 6
    assert shown["本期排查隐患（项）"][0] == "6"
    assert shown["隐患整改率"][0] == i18n.pct(ov.rectification["rate"]) == "33.3%"
    assert shown["一般隐患整改率"][0] == "25.0%"
    assert shown["重大隐患整改率"][0] == "50.0%"
    # the stock on the as-of day (every year's hazards): H4 overdue, rectified and awaiting verification; H3
    # (verified, never delisted) and H4 still under 挂牌督办
    assert shown["逾期未销号重大隐患（项）"][0] == str(ov.rectification["stock"]["overdue_major"]) == "1"
    assert shown["挂牌督办未摘牌（项）"][0] == str(ov.rectification["stock"]["supervised_open"]) == "2"
    assert shown["重点部位（处）"][0] == "2"
    assert shown["监控措施未落实（处）"][0] == "1"
    words = texts(at)
    assert "整改率 = (已整改（一般）+ 已整改销号（重大））÷ 排查隐患数 = (1 + 1) ÷ 6" in words
    # deaths against the year's target (10 for the city in 2025)
    (bar,) = at.get("progress")
    assert bar.proto.text == (":material/flag: 2025年示例市死亡（含失踪）控制指标 10 人：1月1日至6月30日死亡 4 人，"
                              "已用40.0%，时间进度49.6%，低于时间进度9.6个百分点")
    assert bar.proto.value == 40
    assert not at.warning and not at.error  # behind time: the plain bar
    assert "已用比例高于时间进度时显示黄色，超过全年控制指标时显示红色。" in " ".join(c.value for c in at.caption)
    assert "隐患：截至2025年6月30日尚未销号、摘牌的存量（不论哪年排查" in words
    # each section says what it counts, the period, region and as-of day
    assert "统计期 2025年1—6月（上年同期 2024年1—6月）· 示例市" in words


def test_overview_deltas_are_coloured_so_that_a_fall_is_good(app_db):
    at = start()
    deaths = next(m.proto for m in at.metric if m.proto.label == "死亡（含失踪）（人）")
    flat = next(m.proto for m in at.metric if m.proto.label == "事故起数（起）")
    assert deaths.color == deaths.MetricColor.RED and deaths.direction == deaths.MetricDirection.UP
    assert flat.color == flat.MetricColor.GRAY


def test_changing_the_region_changes_the_kpis(app_db):
    at = start()
    assert kpis(at)["事故起数（起）"][0] == "3"
    at.sidebar.selectbox(key="flt_county").set_value(COUNTY_A).run()
    assert not at.exception
    county = expected_overview(COUNTY_A)
    shown = kpis(at)
    assert shown["事故起数（起）"][0] == str(county.accidents["accidents"]) == "2"
    assert shown["本期排查隐患（项）"][0] == str(county.rectification["found"]) == "5"
    assert shown["重点部位（处）"][0] == "1"
    # no target is set for the county: said so, no bar
    assert not at.get("progress")
    assert "未设定死亡控制指标" in texts(at)

    at.sidebar.selectbox(key="flt_township").set_value(TOWN_A2).run()
    shown = kpis(at)
    # 西乡: A2 this year, nothing a year earlier → no 同比 base
    assert shown["事故起数（起）"] == ("1", "—", "同比（上年同期为0）")
    assert "甲县西乡" in texts(at)


def test_a_zero_denominator_shows_a_dash_not_a_rate(app_db):
    at = start()
    at.sidebar.selectbox(key="flt_county").set_value("419902000000").run()
    at.sidebar.selectbox(key="flt_township").set_value(TOWN_B1).run()
    at.sidebar.selectbox(key="flt_preset").set_value("this_month").run()
    shown = kpis(at)
    # 南街道 in June 2025: no hazard found (H6 was found in May)
    assert shown["本期排查隐患（项）"][0] == "0"
    assert shown["隐患整改率"][0] == "—"
    assert shown["一般隐患整改率"][0] == "—"
    assert shown["重大隐患整改率"][0] == "—"


def test_sector_filter_changes_the_kpis(app_db):
    at = start()
    at.sidebar.selectbox(key="flt_sector").set_value("fire").run()
    assert not at.exception
    assert kpis(at)["事故起数（起）"][0] == "1"  # A3
    assert "消防（人员密集场所）" in texts(at)


def test_english_switch_changes_the_labels(app_db):
    at = start()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    shown = kpis(at)
    assert shown["Accidents"] == ("3", "0.0%", "year on year (last year 3)")
    assert "Rectification rate" in shown
    assert [t.value for t in at.title] == ["Overview"]
    assert "Jan–Jun 2025" in texts(at)
    assert at.sidebar.selectbox(key="flt_county").format_func("") == "Whole city (all counties)"


def test_filters_and_language_persist_across_pages(app_db):
    at = start()
    at.sidebar.selectbox(key="flt_county").set_value(COUNTY_A).run()
    at.sidebar.selectbox(key="flt_preset").set_value("year_to_date").run()
    at.sidebar.radio(key="lang").set_value("en").run()
    at.switch_page("pages/accidents.py").run()
    assert at.sidebar.selectbox(key="flt_county").value == COUNTY_A
    assert at.sidebar.selectbox(key="flt_preset").value == "year_to_date"
    assert at.sidebar.radio(key="lang").value == "en"
    at.switch_page("pages/overview.py").run()
    assert at.sidebar.selectbox(key="flt_county").value == COUNTY_A
    assert kpis(at)["Accidents"][0] == "2"


def test_custom_period(app_db):
    at = start()
    at.sidebar.selectbox(key="flt_preset").set_value("custom").run()
    at.sidebar.date_input(key="flt_start").set_value(date(2025, 3, 1)).run()
    assert not at.exception
    assert kpis(at)["事故起数（起）"][0] == "2"  # A2, A3
    assert "统计期：2025年3—6月" in [c.value for c in at.sidebar.caption]


def test_custom_period_given_backwards_is_counted_forwards(app_db):
    at = start()
    at.sidebar.selectbox(key="flt_preset").set_value("custom").run()
    at.sidebar.date_input(key="flt_start").set_value(date(2025, 6, 30)).run()
    at.sidebar.date_input(key="flt_end").set_value(date(2025, 3, 1)).run()
    assert not at.exception
    assert at.sidebar.warning and "2025年3月1日—2025年6月30日" in at.sidebar.warning[0].value
    assert kpis(at)["事故起数（起）"][0] == "2"


def test_presets_are_relative_to_the_data_not_the_clock(app_db):
    at = start()
    # data as of 30 June 2025: the completed months are 1—6月, June included
    assert at.sidebar.selectbox(key="flt_preset").value == "completed_months"
    assert at.sidebar.selectbox(key="flt_preset").format_func("completed_months") == "1—6月"
    assert at.sidebar.selectbox(key="flt_preset").format_func("this_month") == "本月至今（6月）"
    assert at.sidebar.selectbox(key="flt_preset").format_func("last_year") == "上年（2024年）"
    at.sidebar.selectbox(key="flt_preset").set_value("last_year").run()
    assert kpis(at)["事故起数（起）"][0] == "3"  # A5, A6, A7 in 2024
    assert "统计期：2024年1—12月" in [c.value for c in at.sidebar.caption]


# ---------------------------------------------------------------------------------------------- errors


def test_a_missing_database_is_an_error_with_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv(db.ENV_DB, str(tmp_path / "nowhere.duckdb"))
    at = start()
    assert not at.exception
    assert at.error and "nowhere.duckdb" in at.error[0].value
    assert "riskdash demo --db" in at.info[0].value
    assert not at.metric


def test_a_file_that_is_not_a_database_is_an_error(tmp_path, monkeypatch):
    path = tmp_path / "notes.duckdb"
    path.write_text("不是数据库 " * 20, encoding="utf-8")
    monkeypatch.setenv(db.ENV_DB, str(path))
    at = start("data")
    assert not at.exception
    assert at.error and "not a DuckDB database" in at.error[0].value


# ---------------------------------------------------------------------------------------------- shaping


def test_yoy_without_a_base_is_a_dash():
    kpi = yoy_kpi("accidents", "事故起数（起）", 2, 0, None, "", "zh")
    assert (kpi.value, kpi.delta, kpi.delta_description, kpi.delta_arrow) == ("2", "—", "同比（上年同期为0）", "off")
    fall = yoy_kpi("accidents", "事故起数（起）", 4, 6, -33.3, "", "zh")
    assert (fall.delta, fall.delta_color, fall.delta_description) == ("-33.3%", "inverse", "同比（上年同期 6）")


def test_overview_view_of_an_empty_period(small_con):
    empty = Filters(date(2030, 1, 1), date(2030, 1, 31), CITY, date(2030, 1, 31))
    view = overview_view(metrics.overview(small_con, empty), Scope("示例市", "全部行业", data_as_of="2030年1月31日"), "zh")
    values = {k.key: (k.value, k.delta) for k in view.accident_kpis + view.hazard_kpis}
    assert values["accidents"] == ("0", "—")
    assert values["rate"] == ("—", None)
    assert view.target.fraction is None  # no target for 2030


def test_overview_view_over_the_target(small_con):
    ov = metrics.overview(small_con, Filters(date(2025, 1, 1), AS_OF, CITY, AS_OF))
    over = replace(ov, target={**ov.target, "max_deaths": 3, "used_pct": 133.3})
    view = overview_view(over, Scope("示例市", "全部行业", data_as_of="2025年6月30日"), "zh")
    assert (view.target.is_over, view.target.level, view.target.fraction) == (True, "over", 1.0)
    assert view.target.text.endswith("已用133.3%，时间进度49.6%，超时间进度83.7个百分点（已超出全年控制指标）")
    # 4 deaths of 7 by 30 June: 57.1 % used against 49.6 % of the year → amber, not yet over
    ahead = overview_view(replace(ov, target={**ov.target, "max_deaths": 7, "used_pct": 57.1}),
                          Scope("示例市", "全部行业", data_as_of="2025年6月30日"), "zh")
    assert (ahead.target.is_over, ahead.target.level) == (False, "ahead")
    assert ahead.target.text.endswith("已用57.1%，时间进度49.6%，超时间进度7.5个百分点")
    # a target of 0 deaths (零死亡) has no share, and the first death exceeds it
    zero = overview_view(replace(ov, target={**ov.target, "max_deaths": 0, "used_pct": None}),
                         Scope("示例市", "全部行业", data_as_of="2025年6月30日"), "zh")
    assert (zero.target.level, zero.target.fraction) == ("over", 1.0) and "已用—" in zero.target.text


def test_the_one_loader_keys_on_the_function_the_file_and_the_arguments():
    from riskdash.ui import session

    calls = []

    def first(con, x):
        calls.append(("first", con, x))
        return x + 1

    def second(con, x):
        calls.append(("second", con, x))
        return x + 2

    session._loaded.clear()
    assert session.load(first, "cursor 1", "file a", 1) == 2
    assert session.load(first, "cursor 2", "file a", 1) == 2  # another session's cursor, same file: cached
    assert session.load(second, "cursor 1", "file a", 1) == 3  # another function, same arguments
    assert session.load(first, "cursor 1", "file b", 1) == 2  # another file (a rebuilt demo has a new key)
    assert session.load(first, "cursor 1", "file a", 2) == 3  # other arguments
    assert session.load(first, "cursor 1", "file a", x=1) == 2  # by keyword: its own entry
    assert calls == [("first", "cursor 1", 1), ("second", "cursor 1", 1), ("first", "cursor 1", 1),
                     ("first", "cursor 1", 2), ("first", "cursor 1", 1)]
    session._loaded.clear()
