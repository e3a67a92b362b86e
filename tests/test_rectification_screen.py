"""隐患治理 screen: the page under AppTest with filters changed, the monthly form's .xlsx read back cell by cell
against the screen's table, list exports, chart builders; CLI, screen and export agree for the same filters."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from conftest import AS_OF, CITY, COUNTY_A, TOWN_A1, TOWN_A2, TOWN_B1, fill_small_city, open_page, read_shared
from openpyxl import load_workbook
from rectification_support import BREAKDOWN, DUE, FORM, KPIS, LISTS, PARETO, open_tab
from streamlit.testing.v1 import AppTest
from test_rectification_metrics import add_extras

from riskdash import db, i18n
from riskdash.screens.rectification import charts
from riskdash.exports import monthly_form
from riskdash.exports.monthly_form import form_xlsx
from xlsx_support import read_form_xlsx
from riskdash.exports.rectification_lists import escape_formula, list_csv, list_xlsx
from riskdash.filters import Filters
from riskdash.metrics import rectification as rect
from riskdash.screens.rectification import draw, view

ROOT = Path(__file__).resolve().parents[1]
H1 = Filters(date(2025, 1, 1), AS_OF, CITY, AS_OF)


@pytest.fixture()
def rect_db(request) -> Path:
    """The small city with test_rectification_metrics' extra hazards, one file for every test here: they only
    read it (conftest.shared_database)."""
    return read_shared(request, fill_small_city, add_extras)


def start() -> AppTest:
    at = open_page("rectification")
    assert not at.exception, at.exception
    return at


def shown_kpis(at: AppTest) -> dict[str, str]:
    return {m.proto.label: m.proto.body for m in at.metric}


def screen_form(at: AppTest):
    """The monthly form as the page shows it (the dataframe whose first column is 行业和领域)."""
    return next(d.value for d in at.dataframe if d.value.columns[0] == "行业和领域")


def test_page_kpis_equal_the_metrics_and_follow_the_filters(rect_db):
    at = start()
    shown = shown_kpis(at)
    con = db.connect(rect_db, read_only=True)
    try:
        k = rect.rectification_kpis(con, H1)
        assert shown["本期排查隐患（项）"] == str(k["found"]) == "7"
        assert shown["一般隐患整改率"] == i18n.pct(k["general_rate"]) == "25.0%"
        assert shown["重大隐患整改率"] == "33.3%"
        # the stock on 30 June: overdue H2, H6 and H4 (major, rectified, awaiting verification); under 挂牌督办
        # and not delisted H9, H3 (verified, never delisted) and H4
        assert shown["逾期未销号隐患（项）"] == str(k["stock"]["overdue"]) == "3"
        assert shown["挂牌督办未摘牌（项）"] == str(k["stock"]["supervised_open"]) == "3"
        overdue_help = next(m.proto.help for m in at.metric if m.proto.label == "逾期未销号隐患（项）")
        assert "不论哪年排查（存量" in overdue_help
        assert "其中重大 1 项（逾期未整改 0 项、已整改待验收 1 项）。本期排查的隐患中逾期 3 项。" in overdue_help
        assert "本期排查：统计期 2025年1—6月 内排查的隐患" in "\n".join(c.value for c in at.caption)
        words = "\n".join(c.value for c in at.caption)
        assert "一般隐患整改率 = 已整改 ÷ 一般隐患排查数 = 1 ÷ 4 = 25.0%" in words
        assert "数据截至2025年6月30日" in "\n".join(m.value for m in at.markdown)

        at.sidebar.selectbox(key="flt_county").set_value(COUNTY_A).run()
        assert not at.exception
        county = rect.rectification_kpis(con, H1.confined_to(COUNTY_A))
        assert shown_kpis(at)["本期排查隐患（项）"] == str(county["found"]) == "6"

        at.sidebar.selectbox(key="flt_sector").set_value("road_transport").run()
        road = shown_kpis(at)
        assert road["本期排查隐患（项）"] == "1"  # H5
        assert road["重大隐患整改率"] == "—"  # no major hazard: a dash, not 0 %
        assert road["按期整改率"] == "—"
    finally:
        con.close()


def test_page_in_english_and_with_nothing_found(rect_db):
    at = start()
    at.sidebar.selectbox(key="flt_preset").set_value("custom").run()
    at.sidebar.date_input(key="flt_start").set_value(date(2025, 6, 29)).run()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    shown = shown_kpis(at)
    # found 29–30 June: H9 only (major, open)
    assert shown["Hazards found this period"] == "1" and shown["General-hazard rectification rate"] == "—"
    assert shown["Overdue, not closed"] == "3"  # the stock does not depend on the period's start
    assert shown["Median days to rectify"] == "—"


def test_the_lists_on_the_page_are_the_metric_lists(rect_db):
    at = open_tab(start(), LISTS)
    overdue = next(d.value for d in at.dataframe if "逾期天数" in d.value.columns)
    assert list(overdue["隐患编号"]) == ["H2", "H6", "H4"] and list(overdue["逾期天数"]) == [140, 51, 15]
    assert list(overdue["状态"]) == ["逾期未整改", "逾期未整改", "逾期未销号（已整改待验收）"]
    # 挂牌督办 not delisted on 30 June: H3 is verified but still listed
    supervised = next(d.value for d in at.dataframe if "五到位" in d.value.columns)
    assert list(supervised["隐患编号"]) == ["H9", "H3", "H4"]
    assert list(supervised["挂牌督办"]) == ["省级挂牌督办", "市级挂牌督办", "县级挂牌督办"]
    assert list(supervised["剩余天数"].astype(object).where(supervised["剩余天数"].notna(), None)) == [92, None, -15]
    assert list(supervised["状态"]) == ["整改中", "已销号", "逾期未销号（已整改待验收）"]
    words = "\n".join(c.value for c in at.caption) + "\n".join(m.value for m in at.markdown)
    assert "截至2025年6月30日逾期未销号的隐患 3 项，不论哪年排查（存量" in words
    assert "截至2025年6月30日挂牌督办尚未摘牌的重大隐患 3 项，不论哪年排查（存量" in words


# ---------------------------------------------------------------------------------------------- monthly form export


def test_monthly_form_xlsx_equals_the_screen_table_cell_by_cell(rect_db):
    at = open_tab(start(), FORM)
    screen = screen_form(at)
    con = db.connect(rect_db, read_only=True)
    try:
        # data as of 30 June: the form opens on June, the last complete month
        table, header = monthly_form.monthly_form(con, H1, date(2025, 6, 1))
    finally:
        con.close()
    # what the page shows is this table, formatted, and the caption says whose and until when
    assert screen.equals(view.form_display(table))
    assert "填报单位：示例市 · 统计期：2025年1—6月（1月至报表月累计）· 截至2025年6月30日 · 全部行业" in [
        c.value for c in at.caption]
    headers, rows, merged = read_form_xlsx(form_xlsx(table, header))
    assert headers == list(table.columns)
    assert [h for h in headers] == [(g, c) for g, c, _ in view.FORM_COLUMNS]
    assert len(rows) == len(table) == len(screen)
    for r, (xlsx_row, screen_row) in enumerate(zip(rows, screen.itertuples(index=False))):
        for c, (cell, shown) in enumerate(zip(xlsx_row, screen_row)):
            assert view.form_cell_text(headers[c][1], cell) == shown, (r, c, cell, shown)
            assert cell == table.iat[r, c]
    assert rows[0][0] == "合计"  # a statistics form: 合计 first
    chem = next(row for row in rows if row[0] == "危险化学品")
    # 排查3, 已整改销号1, 整改率33.3, 列入计划3, 五到位1, 挂牌督办3, 省级1, 资金56.25
    assert chem[5:] == [3, 1, 33.3, 3, 1, 3, 1, 56.25]
    assert rows[1][0] == "煤矿" and rows[1][2:5] == [0, 0, "—"]  # nothing found → "—", never 0 % or 100 %
    # merged header cells: the single columns span both header rows, the groups span their columns
    assert "A7:A8" in merged and "B7:B8" in merged and "C7:E7" in merged and "F7:L7" in merged and "M7:M8" in merged
    assert "A1:M1" in merged


# ---------------------------------------------------------------------------------------------- CLI, screen, export


def test_cli_screen_and_export_agree(rect_db, riskdash_cli):
    args = ["--db", str(rect_db), "--from", "2025-01-01", "--to", "2025-06-30", "--as-of", "2025-06-30",
            "--region", COUNTY_A]
    result = riskdash_cli("metrics", "rectification", *args)
    assert result.returncode == 0, result.stderr
    cli = json.loads(result.stdout)
    at = start()
    at.sidebar.selectbox(key="flt_county").set_value(COUNTY_A).run()
    shown = shown_kpis(at)
    assert shown["本期排查隐患（项）"] == str(cli["found"])
    assert shown["已整改（项）"] == str(cli["rectified"])
    assert shown["一般隐患整改率"] == i18n.pct(cli["general_rate"])
    assert shown["重大隐患整改率"] == i18n.pct(cli["major_rate"])
    assert shown["逾期未销号隐患（项）"] == str(cli["stock"]["overdue"])
    assert shown["挂牌督办未摘牌（项）"] == str(cli["stock"]["supervised_open"])
    # the form's 合计 for the report month June (1 January to 30 June, as of 30 June) is the same count less the
    # hazards of 西乡运输 (道路运输), which go on the transport department's form: H5, one general hazard not done
    _, rows, _ = read_form_xlsx(form_xlsx(*_form(rect_db, COUNTY_A)))
    total = rows[0]
    assert (total[2] + 1, total[3], total[5], total[6]) == (
        cli["general_found"], cli["general_rectified"], cli["major_found"], cli["major_closed"])
    screen_total = screen_form(open_tab(at, FORM)).iloc[0]
    assert screen_total["一般事故隐患·排查（项）"] == str(total[2])


def _form(path: Path, region: str):
    con = db.connect(path, read_only=True)
    try:
        return monthly_form.monthly_form(con, H1.confined_to(region), date(2025, 6, 1))
    finally:
        con.close()


# ---------------------------------------------------------------------------------------------- list exports


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+A1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_looking_text_is_escaped(text):
    assert escape_formula(text) == "'" + text
    assert escape_formula("消防通道堵塞") == "消防通道堵塞" and escape_formula(-5) == -5


def test_list_exports_escape_and_keep_the_rows():
    import pandas as pd

    frame = pd.DataFrame({"隐患描述": ["=1+1", "正常"], "逾期天数": [-3, 4]})
    rows = list(csv.reader(io.StringIO(list_csv(frame).decode("utf-8-sig"))))
    assert rows == [["隐患描述", "逾期天数"], ["'=1+1", "-3"], ["正常", "4"]]
    sheet = load_workbook(io.BytesIO(list_xlsx({"逾期": frame}, {"逾期": "逾期隐患清单"}))).active
    assert sheet["A1"].value == "逾期隐患清单"
    assert [[c.value for c in r] for r in sheet.iter_rows(min_row=3)] == [
        ["隐患描述", "逾期天数"], ["'=1+1", -3], ["正常", 4]]


# ---------------------------------------------------------------------------------------------- charts


def test_chart_builders_state_scope_and_use_the_data(rect_db):
    con = db.connect(rect_db, read_only=True)
    try:
        kpis = rect.rectification_kpis(con, H1)
        split = view.loop_split(kpis, "zh")
        fig = charts.closed_loop_split(split, H1, "示例市", "zh")
        # found = done + open + overdue, all grades on the top bar (drawn last: plotly draws from the bottom)
        assert [trace.customdata[-1] for trace in fig.data] == [kpis["rectified"],
                                                                kpis["found"] - kpis["rectified"] - kpis["overdue"],
                                                                kpis["overdue"]]
        assert "2025年1—6月" in fig.layout.title.text and "示例市" in fig.layout.title.text
        assert "数据截至2025年6月30日" in fig.layout.title.text
        trend = charts.rate_trend_lines(rect.rate_by_month(con, H1), H1, "示例市", "zh")
        assert trend.data[0].y[0] == 100.0 and len(trend.data[0].x) == 6
        ageing = charts.open_ageing_bars(rect.open_ageing(con, H1), H1, "示例市", "en")
        assert sum(sum(t.y) for t in ageing.data) == 5
        towns = charts.rate_by_township_bars(rect.by_township(con, H1), H1, "示例市", "zh")
        # lowest rate on top (0, 0, 40 %), ties by code; keyed by code, named as shown; plotly draws the first
        # category at the bottom
        assert list(towns.data[0].y) == [TOWN_A1, TOWN_B1, TOWN_A2]
        assert list(towns.layout.yaxis.ticktext) == ["东镇", "南街道", "西乡"]
    finally:
        con.close()


def test_the_closed_loop_is_a_split_of_the_hazards_found():
    """Not a funnel (28,768 → 1,155 → 27,613 read as an hourglass): each grade's hazards found split into done,
    open within the deadline and overdue, which add up to the found."""
    kpis = {"found": 1000, "rectified": 900, "general_found": 950, "general_rectified": 870, "major_found": 50,
            "major_closed": 30, "overdue": 40, "overdue_major": 5}
    split = view.loop_split(kpis, "zh")
    assert split.to_dict("records") == [
        {"label": "合计", "found": 1000, "done": 900, "open": 60, "overdue": 40},
        {"label": "一般隐患", "found": 950, "done": 870, "open": 45, "overdue": 35},
        {"label": "重大隐患", "found": 50, "done": 30, "open": 15, "overdue": 5},
    ]
    fig = charts.closed_loop_split(split, H1, "示例市", "zh")
    assert fig.layout.barmode == "stack" and all(trace.type == "bar" for trace in fig.data)
    assert [trace.name for trace in fig.data] == ["已整改/销号", "未完成·未到期", "逾期未完成"]
    assert list(fig.data[0].y) == ["重大隐患", "一般隐患", "合计"]  # 合计 on top
    assert list(fig.data[2].customdata) == [5, 35, 40]
    assert [a.text for a in fig.layout.annotations][-1] == "未完成100项<br>其中逾期40项"  # at the bar's end
    assert fig.layout.yaxis.ticktext[-1] == "合计<br>排查1,000项"
    empty = view.loop_split({k: 0 for k in kpis}, "zh")
    assert charts.closed_loop_split(empty, H1, "示例市", "zh") is None


def test_rate_by_township_shows_the_lowest_few_labelled_on_a_zoomed_axis():
    import pandas as pd

    rates = [0.99 - 0.002 * i for i in range(30)]  # 99.0 % … 93.2 %
    towns = pd.DataFrame({"region_code": [f"4199{i:08d}" for i in range(30)],
                          "township_label": [f"乡{i}" for i in range(30)], "found": [500] * 30,
                          "rate": rates, "rectified": [round(500 * r) for r in rates]})
    fig = charts.rate_by_township_bars(towns, H1, "示例市", "zh", limit=12)
    bars = fig.data[0]
    assert list(bars.y) == [f"4199{i:08d}" for i in range(18, 30)]  # the 12 lowest, the lowest (29) on top
    assert list(bars.text) == [f"{100 * r:.1f}%" for r in rates[18:]]
    assert fig.layout.xaxis.range == (90.0, 100)  # not a wall of 93–99 % bars on 0–100
    assert fig.layout.xaxis.title.text == "整改率（%，横轴自90%起）"
    assert "最低的12个（共30个，全部见下表）" in fig.layout.title.text
    wide = towns.assign(rate=[0.2 + 0.02 * i for i in range(30)])
    assert charts.rate_by_township_bars(wide, H1, "示例市", "en").layout.xaxis.range == (0.0, 100)
    assert charts.rate_by_township_bars(wide, H1, "示例市", "en").layout.xaxis.title.text == "Rectification rate (%)"
    assert charts.rate_by_township_bars(towns.assign(found=0), H1, "示例市", "zh") is None


def test_count_charts_have_whole_ticks():
    import pandas as pd

    sectors = charts.found_by_sector_bars(pd.DataFrame({"found": [1, 0], "overdue": [1, 0]}), ["工贸", "危化"],
                                          H1, "示例市", "zh")
    assert (sectors.layout.yaxis.dtick, sectors.layout.yaxis.tickformat) == (1, ",d")  # no 0.5 hazard
    ageing = charts.open_ageing_bars(pd.DataFrame({"band": ["d0_30", "d0_30"], "grade": ["general", "major"],
                                                   "open_hazards": [2, 1], "overdue": [0, 0]}), H1, "示例市", "zh")
    assert ageing.layout.yaxis.dtick == 1 and ageing.layout.yaxis.tick0 == 0
    assert charts.found_by_sector_bars(pd.DataFrame({"found": [0], "overdue": [0]}), ["工贸"], H1, "示例市",
                                       "zh") is None


def test_an_empty_scope_says_so_instead_of_an_empty_plot(rect_db):
    """A period without hazards: every chart of the screen is one line in words (所选范围内没有可画的数据：…),
    not a plot on an axis −1…6."""
    at = start()
    charted = (KPIS, BREAKDOWN, PARETO)  # the tabs with charts, each drawn when open
    assert [len(open_tab(at, tab).get("plotly_chart")) for tab in charted] == [1, 4, 1]
    at.sidebar.selectbox(key="flt_preset").set_value("custom").run()
    at.sidebar.date_input(key="flt_start").set_value(date(2021, 1, 1)).run()
    at.sidebar.date_input(key="flt_end").set_value(date(2021, 1, 31)).run()
    assert not at.exception
    said, plots = [], 0
    for tab in charted:
        open_tab(at, tab)
        said += [i.value for i in at.info if i.value.startswith("所选范围内没有可画的数据")]
        plots += len(at.get("plotly_chart"))
    assert said == ["所选范围内没有可画的数据：统计期内没有排查出隐患。",
                    "所选范围内没有可画的数据：没有排查出隐患的乡镇。",
                    "所选范围内没有可画的数据：各行业均未排查出隐患。",
                    "所选范围内没有可画的数据：统计期内没有可计算整改率的月份。",
                    "所选范围内没有可画的数据：没有未完成的隐患。",
                    "所选范围内没有可画的数据：统计期内没有排查出隐患。"]  # the hazard categories' Pareto chart
    assert plots == 0


# ---------------------------------------------------------------------------------------------- the open tab alone


def test_only_the_open_tab_is_drawn_and_read(rect_db, monkeypatch):
    """Issue 17 (speed): the first visit reads and draws the KPIs tab alone; opening 月报表 reads the form, and
    即将到期与周清单 reads the township coverage it lists by without 四级排查 having been opened."""
    from riskdash.ui import session

    read: list = []
    real = session.load

    def spy(fn, *args, **kwargs):
        read.append(fn)
        return real(fn, *args, **kwargs)

    monkeypatch.setattr(session, "load", spy)  # every page.load, whether or not its result was cached
    at = start()
    assert {fn.__name__ for fn in read if fn.__module__ == rect.__name__} == {"rectification_kpis",
                                                                             "evidence_by_township"}
    assert monthly_form.monthly_form not in read and rect.overdue_list not in read
    assert [bool(tab.children) for tab in at.tabs] == [True] + [False] * 6
    assert shown_kpis(at)["本期排查隐患（项）"] == "7"

    read.clear()
    open_tab(at, FORM)
    assert monthly_form.monthly_form in read and monthly_form.major_hazards in read
    assert rect.rectification_kpis not in read and rect.evidence_by_township not in read
    assert [bool(tab.children) for tab in at.tabs] == [False, True] + [False] * 5
    assert not shown_kpis(at) and "合计" in list(screen_form(at)["行业和领域"])

    read.clear()
    open_tab(at, DUE)
    assert rect.coverage_by_township in read and rect.due_soon in read and rect.checks_by_level not in read
    assert at.selectbox(key="rect_week_town").options  # the weekly list's townships, from that coverage


def test_the_open_tab_survives_the_language_switch(rect_db):
    at = open_tab(start(), PARETO)
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert at.session_state[draw.TABS_KEY] == at.tabs[PARETO].label == i18n.t("rectification.tab_pareto", "en")
    assert [bool(tab.children) for tab in at.tabs] == [False] * 6 + [True]
