"""隐患治理: the Pareto view of hazard categories and the 近7日新增隐患 list (issue 17 item 12) — whole results on
hand-made rows, the 80 % rule at its boundary, the chart builder, the sentence and the page."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from conftest import AS_OF, CITY, TOWN_A1, TOWN_B1, fill_small_city, read_shared
from rectification_support import PARETO, open_tab
from test_rectification_metrics import add_extras, con  # noqa: F401  (the fixture: the small city with extras)
from test_rectification_screen import start

from riskdash import charts as house
from riskdash import db
from riskdash.filters import Filters
from riskdash.metrics import rectification as rect
from riskdash.screens.rectification import charts, view

H1 = Filters(date(2025, 1, 1), AS_OF, CITY, AS_OF)

# hazard_id → category. Found in H1 and by 30 June: H1–H6 and H9; H7 (found after as-of) and H8 (2024) never
# count. H6's blank category is not recorded, as H9's null one.
CATEGORIES = {"H1": "消防设施", "H2": "消防设施", "H3": "用电", "H4": "消防设施", "H5": "用电", "H6": "  ",
              "H7": "消防设施", "H8": "通道"}
# beyond add_extras: H11 found on the first of the 7 days up to 30 June (24 June), H12 the day before
NEW_HAZARDS = [
    ("H11", "E4", "2025-06-24", "general", "2025-06-28", None, None, "none", "通道", "南街道商场通道堵塞"),
    ("H12", "E1", "2025-06-23", "general", "2025-07-10", None, None, "none", "用电", None),
]


def categorise(connection) -> None:
    connection.executemany("update hazards set category = ? where hazard_id = ?",
                           [(c, h) for h, c in CATEGORIES.items()])
    connection.executemany(
        """insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline, rectified_on, verified_on,
                                supervision_level, category, description)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", NEW_HAZARDS)
    db.sync_keys(connection)


@pytest.fixture()
def cat_con(con):  # noqa: F811
    categorise(con)
    return con


def nothing(value):
    return None if pd.isna(value) else value


def records(frame: pd.DataFrame) -> list[tuple]:
    return [tuple(row) for row in frame.itertuples(index=False)]


# ---------------------------------------------------------------------------------------------- metrics


def test_hazards_by_category_whole_result(cat_con):
    # in H1 by 30 June: H1, H2, H4 消防设施 (H4 major); H3 (major), H5 用电; H6 blank, H9 (major) unrecorded;
    # H11, H12 (June) 通道 and 用电 → 消防设施 3, 用电 3, 通道 1, none 2
    frame = rect.hazards_by_category(cat_con, H1)
    assert list(frame.columns) == ["category", "hazards", "major_found", "share", "cumulative_share", "is_vital"]
    expected = [("消防设施", 3, 1, 3 / 9, 3 / 9, True), ("用电", 3, 1, 3 / 9, 6 / 9, True),
                (None, 2, 1, 2 / 9, 8 / 9, True), ("通道", 1, 0, 1 / 9, 1.0, False)]
    got = records(frame)
    assert [row[:3] + (row[5],) for row in got] == [row[:3] + (row[5],) for row in expected]
    assert [v for row in got for v in row[3:5]] == pytest.approx([v for row in expected for v in row[3:5]])


def test_hazards_by_category_follows_the_region_sector_and_period(cat_con):
    # 南街道: H6 (blank) and H11 (通道), one each: the recorded category before the unrecorded one
    south = rect.hazards_by_category(cat_con, H1.confined_to(TOWN_B1))
    assert records(south) == [("通道", 1, 0, 0.5, 0.5, True), (None, 1, 0, 0.5, 1.0, True)]
    # hazardous chemicals (E2): H3 用电, H4 消防设施, H9 none — ties by category name
    chem = rect.hazards_by_category(cat_con, Filters(H1.start, H1.end, CITY, AS_OF, "hazardous_chemicals"))
    assert [r[:3] for r in records(chem)] == [("消防设施", 1, 1), ("用电", 1, 1), (None, 1, 1)]
    # nothing found in the period: no rows
    assert rect.hazards_by_category(cat_con, Filters(date(2025, 8, 1), date(2025, 8, 31), CITY, AS_OF)).empty


@pytest.mark.parametrize("cumulative, vital", [
    ([0.5, 0.8, 0.9, 1.0], [True, True, False, False]),  # landing on 80 % reaches it
    ([0.79, 0.81, 1.0], [True, True, False]),
    ([0.9, 1.0], [True, False]),  # one category alone makes 80 %
    ([1.0], [True]),
    ([0.2 * 4 / 5 * n / 4 for n in (1, 2, 3, 4)] + [1.0], [True, True, True, True, True]),
])
def test_vital_few_are_the_leading_rows_up_to_the_one_reaching_80_percent(cumulative, vital):
    assert rect.vital_few(cumulative) == vital


def test_new_hazards_list_whole_result(cat_con):
    # 24–30 June: H9 (30 June, major, province) and H11 (24 June, overdue on the 30th); H12 (23 June) is the
    # day before; H10 is found after as-of
    frame = rect.new_hazards_list(cat_con, H1)
    rows = [(r.hazard_id, r.enterprise_id, r.enterprise_name, r.region_code, r.county_name, r.township_name,
             r.industry, r.grade, nothing(r.category), nothing(r.description), pd.Timestamp(r.found_on).date(),
             pd.Timestamp(r.deadline).date(), r.state, r.supervision_level) for r in frame.itertuples()]
    assert rows == [
        ("H9", "E2", "东镇化工", TOWN_A1, "甲县", "东镇", "hazardous_chemicals", "major", None, None,
         date(2025, 6, 30), date(2025, 9, 30), "open", "province"),
        ("H11", "E4", "南街道商场", TOWN_B1, "乙区", "南街道", "fire", "general", "通道", "南街道商场通道堵塞",
         date(2025, 6, 24), date(2025, 6, 28), "overdue", "none"),
    ]


def test_new_hazards_list_is_the_7_days_to_as_of_whatever_the_period(cat_con):
    march = Filters(date(2025, 3, 1), date(2025, 3, 31), CITY, AS_OF)
    assert list(rect.new_hazards_list(cat_con, march)["hazard_id"]) == ["H9", "H11"]
    # as of 1 July the days are 25 June – 1 July: H10 (1 July) in, H11 (24 June) out
    july = Filters(H1.start, H1.end, CITY, date(2025, 7, 1))
    assert list(rect.new_hazards_list(cat_con, july)["hazard_id"]) == ["H10", "H9"]
    assert list(rect.new_hazards_list(cat_con, H1.confined_to(TOWN_B1))["hazard_id"]) == ["H11"]
    assert list(rect.new_hazards_list(cat_con, H1, days=8)["hazard_id"]) == ["H9", "H11", "H12"]


# ---------------------------------------------------------------------------------------------- screen pieces


def pareto_frame(counts: list[tuple[str | None, int]]) -> pd.DataFrame:
    total = sum(n for _, n in counts)
    running = [sum(n for _, n in counts[:i + 1]) / total for i in range(len(counts))]
    return pd.DataFrame({"category": [c for c, _ in counts], "hazards": [n for _, n in counts],
                         "major_found": [0] * len(counts), "share": [n / total for _, n in counts],
                         "cumulative_share": running, "is_vital": rect.vital_few(running)})


def test_the_sentence_names_the_categories_making_80_percent():
    frame = pareto_frame([("消防设施", 50), ("用电", 20), ("通道", 10), (None, 10), ("其他", 10)])
    assert view.pareto_sentence(frame, "zh") == (
        "3 类隐患（共 5 类）合计 80 项，占统计期内排查隐患 100 项的 80.0%：消防设施、用电、通道。")
    assert view.pareto_sentence(frame, "en") == (
        "3 of 5 categories make 80 of the 100 hazards found in the period (80.0%): 消防设施, 用电, 通道.")
    many = pareto_frame([(f"类{i:02d}", 10) for i in range(20)])  # 16 categories make 80 %
    assert view.pareto_sentence(many, "zh", named=3) == (
        "16 类隐患（共 20 类）合计 160 项，占统计期内排查隐患 200 项的 80.0%：类00、类01、类02等（另有13类）。")
    assert view.pareto_sentence(pareto_frame([]).iloc[0:0], "zh") == "统计期内没有排查出隐患，无法排序。"


def test_the_pareto_table_lists_every_category():
    frame = pareto_frame([("消防设施", 6), (None, 3), ("通道", 1)])
    assert records(view.pareto_table(frame, "zh")) == [
        ("消防设施", 6, 0, "60.0%", "60.0%", "是"), ("（未填类别）", 3, 0, "30.0%", "90.0%", "是"),
        ("通道", 1, 0, "10.0%", "100.0%", "否")]
    assert list(view.pareto_table(frame, "zh").columns) == ["隐患类别", "隐患数（项）", "其中重大（项）", "占比",
                                                            "累计占比", "前80%"]


def test_the_pareto_chart_is_sorted_bars_and_the_running_share():
    frame = pareto_frame([("消防设施", 50), ("用电", 20), ("通道", 10), (None, 10), ("其他", 10)])
    names = view.category_names(frame["category"], "zh")
    fig = charts.category_pareto(frame, names, H1, "示例市", "zh")
    bars, line = fig.data
    assert list(bars.x) == ["消防设施", "用电", "通道", "（未填类别）", "其他"]
    assert list(bars.y) == [50, 20, 10, 10, 10]
    assert list(bars.marker.color) == [charts.GENERAL] * 3 + [house.PREVIOUS] * 2
    assert line.yaxis == "y2" and list(line.y) == pytest.approx([50, 70, 80, 90, 100])
    assert fig.layout.yaxis2.range == (0, 105) and fig.layout.yaxis2.dtick == 20
    assert fig.layout.yaxis.dtick == 10 and fig.layout.yaxis.tickformat == ",d"  # whole counts
    assert [s.y0 for s in fig.layout.shapes] == [80]
    assert "隐患类别排序" in fig.layout.title.text and "示例市" in fig.layout.title.text


def test_the_pareto_chart_draws_the_first_few_and_says_so():
    frame = pareto_frame([(f"类{i:02d}", 30 - i) for i in range(25)])
    fig = charts.category_pareto(frame, view.category_names(frame["category"], "zh"), H1, "示例市", "zh", limit=20)
    assert list(fig.data[0].x) == [f"类{i:02d}" for i in range(20)]
    assert "前20类（共25类，全部见下表）" in fig.layout.title.text
    assert charts.category_pareto(frame.iloc[0:0], [], H1, "示例市", "zh") is None


def test_new_hazards_table_columns():
    frame = pd.DataFrame([{"hazard_id": "H11", "enterprise_id": "E4", "enterprise_name": "南街道商场",
                           "region_code": TOWN_B1, "county_name": "乙区", "township_name": "南街道", "industry": "fire",
                           "grade": "general", "category": None, "description": "通道堵塞",
                           "found_on": pd.Timestamp("2025-06-24"), "deadline": pd.Timestamp("2025-06-28"),
                           "state": "overdue", "supervision_level": "none"}])
    table = view.new_hazards_table(frame, {"fire": ("消防", "Fire")}, "zh")
    assert records(table) == [("H11", "南街道商场", "乙区", "南街道", "消防", "一般隐患", "（未填类别）", "通道堵塞",
                               "2025-06-24", "2025-06-28", "逾期未整改", "未挂牌")]


# ---------------------------------------------------------------------------------------------- the page


def test_the_page_shows_the_pareto_view_and_the_new_hazards(request):
    # a file of its own, categorised when made (the shared rect_db is read by test_rectification_screen's tests:
    # writing to it changed their counts in the same process)
    read_shared(request, fill_small_city, add_extras, categorise)
    at = open_tab(start(), PARETO)  # only the open tab is drawn
    words = "\n".join(m.value for m in at.markdown)
    assert "3 类隐患（共 4 类）合计 8 项，占统计期内排查隐患 9 项的 88.9%：消防设施、用电、（未填类别）。" in words
    pareto = next(d.value for d in at.dataframe if "累计占比" in d.value.columns)
    assert list(pareto["隐患类别"]) == ["消防设施", "用电", "（未填类别）", "通道"]
    new = next(d.value for d in at.dataframe if "隐患类别" in d.value.columns and "发现日期" in d.value.columns)
    assert list(new["隐患编号"]) == ["H9", "H11"]
    assert "隐患类别与近7日新增" in [t.label for t in at.tabs]
