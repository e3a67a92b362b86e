"""Accidents by statistical class and the control targets per class (issue 18, 《生产安全事故统计调查制度》;
docs/rules.md "Statistical classes") on hand-made rows: every class boundary (a road-transport enterprise's road
crash in 道路交通 and in 道路运输 as two figures; 经营性 recorded, or read from the enterprise; 工矿商贸's six
subclasses summing to 工矿商贸), 同比, the SQL against its pandas peer, and the targets at 0, ahead of 时间进度 and
exceeded."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from conftest import CITY, COUNTY_A, TOWN_A1, TOWN_A2, TOWN_B1, fill_small_city, prepared_database

from riskdash import db
from riskdash.bench.oracle import classes as peers
from riskdash.filters import Filters
from riskdash.metrics import classes

PERIOD = Filters(start=date(2025, 1, 1), end=date(2025, 6, 30), region_code=CITY, as_of=date(2025, 6, 30))

# accident_id, occurred_at, region, enterprise, industry, deaths, missing, serious, loss, commercial (None: not recorded)
# E3 西乡运输 is a road-transport enterprise, E5 a construction firm, E1 工贸, E2 危化, E4 a shopping centre (fire)
ROWS = [
    ("C1", "2025-02-01", TOWN_A2, "E3", "road_transport", 2, 0, 0, 50, None),     # transport firm's crash
    ("C2", "2025-02-02", TOWN_A2, None, "road_transport", 1, 0, 0, 5, None),      # private car: 非经营性
    ("C3", "2025-02-03", TOWN_A1, "E5", "road_transport", 1, 0, 0, 5, None),      # builder's lorry: 经营性
    ("C4", "2025-02-04", TOWN_A1, None, "road_transport", 0, 0, 1, 5, True),      # taxi recorded 经营性
    ("C5", "2025-02-05", TOWN_A2, "E3", "road_transport", 0, 1, 0, 5, False),     # recorded 非经营性
    ("C6", "2025-03-01", TOWN_B1, "E4", "fire", 1, 0, 0, 20, None),               # shop fire: 经营性
    ("C7", "2025-03-02", TOWN_B1, None, "fire", 2, 0, 0, 20, None),               # house fire: 非经营性
    ("C8", "2025-04-01", COUNTY_A, None, "coal_mine", 1, 0, 0, 10, None),
    ("C9", "2025-04-02", TOWN_A1, "E2", "hazardous_chemicals", 0, 0, 1, 10, None),
    ("C10", "2025-04-03", TOWN_A1, "E1", "industry_trade", 1, 0, 0, 10, None),    # 工贸: 其他
    ("C11", "2025-04-04", TOWN_A1, None, "special_equipment", 1, 0, 0, 10, None),  # 特种设备: 其他
    ("C12", "2025-04-05", TOWN_A1, "E5", "construction", 3, 0, 0, 100, None),     # 较大
    ("C13", "2025-05-01", TOWN_B1, None, "waterway", 1, 0, 0, 10, None),
    ("C14", "2025-05-02", TOWN_B1, None, "fishing", 0, 0, 1, 10, None),
    ("C15", "2025-05-03", TOWN_A2, None, "agricultural_machinery", 1, 0, 0, 1, None),
    ("C16", "2025-07-01", TOWN_A2, "E3", "road_transport", 4, 0, 0, 10, None),    # after the period
    ("P1", "2024-02-11", TOWN_A2, None, "road_transport", 1, 0, 0, 5, None),      # a year earlier
    ("P2", "2024-04-01", COUNTY_A, None, "coal_mine", 2, 0, 0, 10, None),
    ("P3", "2024-04-02", TOWN_A1, "E1", "industry_trade", 0, 0, 1, 10, None),
]

# line → (accidents, deaths incl. missing, previous accidents, previous deaths), worked out from ROWS by hand
EXPECTED = {
    "total": (15, 16, 3, 3),
    "industrial": (5, 6, 2, 2),
    "industrial.coal_mine": (1, 1, 1, 2),
    "industrial.metal_nonmetal_mine": (0, 0, 0, 0),
    "industrial.construction": (1, 3, 0, 0),
    "industrial.hazardous_chemicals": (1, 0, 0, 0),
    "industrial.fireworks": (0, 0, 0, 0),
    "industrial.other": (2, 2, 1, 0),
    "road_traffic": (5, 5, 1, 1),
    "road_traffic.commercial": (3, 3, 0, 0),       # C1, C3, C4
    "road_traffic.non_commercial": (2, 2, 1, 1),   # C2, C5 (missing counts as a death); P1
    "fire": (2, 3, 0, 0),
    "fire.commercial": (1, 1, 0, 0),
    "fire.non_commercial": (1, 2, 0, 0),
    "railway": (0, 0, 0, 0),
    "waterway": (1, 1, 0, 0),
    "fishing": (1, 0, 0, 0),
    "agricultural_machinery": (1, 1, 0, 0),
    "road_transport": (2, 3, 0, 0),                # C1 and C5: E3's crashes, also in 道路交通
}


def fill_classes(con) -> None:
    """The small city's accidents replaced by ROWS, with the construction firm E5."""
    con.execute("delete from accidents")
    con.execute("insert into enterprises (enterprise_id, name, region_code, industry) "
                "values ('E5', '东镇建工', ?, 'construction')", [TOWN_A1])
    con.executemany(
        """insert into accidents (accident_id, occurred_at, region_code, enterprise_id, industry, accident_type,
                                  deaths, missing, serious_injuries, direct_loss_wan, commercial)
           values (?, ?, ?, ?, ?, 'other_injury', ?, ?, ?, ?, ?)""", ROWS)
    db.sync_keys(con)


@pytest.fixture()
def classes_db(tmp_path: Path) -> Path:
    """A copy of its own for each test (some write targets) of the small city with ROWS, built once per process
    (conftest.prepared_database)."""
    return prepared_database(tmp_path / "classes.duckdb", fill_small_city, fill_classes)


@pytest.fixture()
def con(classes_db: Path):
    connection = db.connect(classes_db)
    yield connection
    connection.close()


def test_every_line_counts_its_class(con):
    frame = classes.accidents_by_class(con, PERIOD)
    got = {line: (a, d, pa, pd_) for line, a, d, pa, pd_ in zip(
        frame["line"], frame["accidents"], frame["deaths_incl_missing"], frame["previous_accidents"],
        frame["previous_deaths_incl_missing"])}
    assert list(frame["line"]) == list(classes.CLASS_LINES)
    assert got == EXPECTED


def test_subclasses_sum_to_their_class_and_classes_to_the_total(con):
    frame = classes.accidents_by_class(con, PERIOD).set_index("line")
    counts = ["accidents", "deaths_incl_missing", "previous_accidents", "previous_deaths_incl_missing"]
    for parent in ("industrial", "road_traffic", "fire"):
        subs = [line for line in frame.index if line.startswith(parent + ".")]
        assert frame.loc[subs, counts].sum().tolist() == frame.loc[parent, counts].tolist(), parent
    top = ["industrial", "road_traffic", "fire", "railway", "waterway", "fishing", "agricultural_machinery"]
    assert frame.loc[top, counts].sum().tolist() == frame.loc["total", counts].tolist()  # 道路运输 not in 合计


def test_a_transport_firm_crash_is_two_figures_never_one(con):
    # C1 alone: in 道路交通 (经营性) and in 道路运输; a private crash (C2) only in 道路交通
    con.execute("delete from accidents where accident_id not in ('C1', 'C2')")
    frame = classes.accidents_by_class(con, PERIOD).set_index("line")
    assert frame.loc["road_traffic", "accidents"] == 2
    assert frame.loc["road_transport", "accidents"] == 1
    assert frame.loc["road_traffic.commercial", "accidents"] == 1
    assert frame.loc["total", "accidents"] == 2


def test_recorded_commercial_overrides_the_enterprise_rule(con):
    con.execute("update accidents set commercial = true where accident_id = 'C2'")   # private → 经营性
    con.execute("update accidents set commercial = null where accident_id = 'C5'")   # E3's → 经营性 again
    frame = classes.accidents_by_class(con, PERIOD).set_index("line")
    assert frame.loc["road_traffic.commercial", "accidents"] == 5
    assert frame.loc["road_traffic.non_commercial", "accidents"] == 0


def test_yoy_per_line(con):
    frame = classes.accidents_by_class(con, PERIOD).set_index("line")
    assert frame.loc["total", "accidents_yoy_pct"] == 400.0          # 15 against 3
    assert frame.loc["industrial.coal_mine", "deaths_yoy_pct"] == -50.0  # 1 against 2
    assert frame.loc["fire", "accidents_yoy_pct"] is None             # no base


def test_scope_and_sector_filter(con):
    county = classes.accidents_by_class(con, Filters(start=PERIOD.start, end=PERIOD.end, region_code=COUNTY_A,
                                                     as_of=PERIOD.as_of)).set_index("line")
    # 甲县: C1–C5 bar C4? C4 is in 东镇 (甲县): C1, C2, C3, C4, C5, C8, C9, C10, C11, C12, C15
    assert county.loc["total", "accidents"] == 11
    fire_only = classes.accidents_by_class(con, Filters(start=PERIOD.start, end=PERIOD.end, region_code=CITY,
                                                        as_of=PERIOD.as_of, industry="fire")).set_index("line")
    assert (fire_only.loc["total", "accidents"], fire_only.loc["fire", "accidents"],
            fire_only.loc["road_traffic", "accidents"]) == (2, 2, 0)


@pytest.mark.parametrize("filters", [
    PERIOD,
    Filters(start=date(2025, 2, 1), end=date(2025, 4, 3), region_code=COUNTY_A, as_of=date(2025, 6, 30)),
    Filters(start=PERIOD.start, end=PERIOD.end, region_code=CITY, as_of=PERIOD.as_of, industry="road_transport"),
])
def test_sql_equals_pandas_peer(con, filters):
    got = classes.accidents_by_class(con, filters)[list(peers.accidents_by_class(con, filters).columns)]
    pd.testing.assert_frame_equal(got, peers.accidents_by_class(con, filters), check_dtype=False)


# -------------------------------------------------------------------------- control targets per class

def set_targets(con, rows):
    con.executemany("insert into class_targets values (2025, ?, ?, ?)", [(CITY, c, n) for c, n in rows])


def test_no_class_target_no_row(con):
    assert classes.class_targets(con, PERIOD) == []


def test_targets_at_zero_ahead_and_exceeded(con):
    set_targets(con, [("larger_accidents", 0), ("fishing", 0), ("waterway", 0), ("agricultural_machinery", 1),
                      ("road_traffic", 10), ("fire", 10), ("industrial", 10)])
    # 时间进度 on 30 June 2025: 181 ÷ 365 = 49.6 %
    got = {t["target_class"]: (t["target"], t["used"], t["used_pct"], t["level"])
           for t in classes.class_targets(con, PERIOD)}
    assert [t["target_class"] for t in classes.class_targets(con, PERIOD)] == [
        "industrial", "road_traffic", "fire", "waterway", "fishing", "agricultural_machinery", "larger_accidents"]
    assert got == {
        "industrial": (10, 6, 60.0, "ahead"),
        "road_traffic": (10, 5, 50.0, "ahead"),           # 50.0 > 49.6
        "fire": (10, 3, 30.0, "normal"),
        "waterway": (0, 1, None, "over"),                 # a target of 0 is exceeded by the first death
        "fishing": (0, 0, None, "normal"),                # 0 of 0: no share ("—"), not exceeded
        "agricultural_machinery": (1, 1, 100.0, "ahead"),  # at the target is not over it
        "larger_accidents": (0, 1, None, "over"),         # C12 (3 deaths) is 较大
    }
    assert {t["time_elapsed_pct"] for t in classes.class_targets(con, PERIOD)} == {49.6}


def test_targets_count_from_1_january_every_sector(con):
    set_targets(con, [("industrial", 10), ("road_traffic", 10)])
    later = Filters(start=date(2025, 4, 2), end=date(2025, 6, 30), region_code=CITY, as_of=PERIOD.as_of,
                    industry="fire")
    assert [(t["used"], t["used_pct"]) for t in classes.class_targets(con, later)] == [(6, 60.0), (5, 50.0)]
    early = Filters(start=date(2025, 1, 1), end=date(2025, 3, 31), region_code=CITY, as_of=PERIOD.as_of)
    # by 31 March: no 工矿商贸 death yet; 时间进度 90 ÷ 365 = 24.7 %; road 5 of 10 = 50 % runs ahead
    assert [(t["used"], t["level"], t["time_elapsed_pct"]) for t in classes.class_targets(con, early)] == [
        (0, "normal", 24.7), (5, "ahead", 24.7)]


def test_targets_are_the_regions_own(con):
    set_targets(con, [("industrial", 10)])
    county = Filters(start=PERIOD.start, end=PERIOD.end, region_code=COUNTY_A, as_of=PERIOD.as_of)
    assert classes.class_targets(con, county) == []
    con.execute("insert into class_targets values (2025, ?, 'industrial', 4)", [COUNTY_A])
    assert [(t["target"], t["used"]) for t in classes.class_targets(con, county)] == [(4, 6)]  # C8, C10, C11, C12 (C9 no death)


def test_targets_sql_equals_pandas_peer(con):
    set_targets(con, [("larger_accidents", 1), ("fire", 2), ("industrial", 7), ("fishing", 0)])
    got = pd.DataFrame([(t["target_class"], t["target"], t["used"]) for t in classes.class_targets(con, PERIOD)],
                       columns=["target_class", "max_count", "used"])
    pd.testing.assert_frame_equal(got, peers.class_targets(con, PERIOD), check_dtype=False)


# -------------------------------------------------------------------------- the 通报 and the overview's bars

def test_brief_sentence_of_the_split(con):
    from riskdash.briefing.classes import class_split_sentence

    frame = classes.accidents_by_class(con, PERIOD)
    assert class_split_sentence(frame, "zh") == (
        "分类别看，"
        "工矿商贸事故5起、死亡6人（其中煤矿1起、死亡1人，建筑施工1起、死亡3人，危险化学品1起，工矿商贸其他2起、死亡2人），"
        "同比“双上升”，分别增加3起、4人，形势严峻；"
        "道路交通事故5起、死亡5人（其中生产经营性道路交通3起、死亡3人，非生产经营性道路交通2起、死亡2人），"
        "同比“双上升”，分别增加4起、4人，形势严峻；"
        "火灾事故2起、死亡3人（其中生产经营性火灾1起、死亡1人，非生产经营性火灾1起、死亡2人），上年同期未发生生产安全事故；"
        "水上交通事故1起、死亡1人，上年同期未发生生产安全事故；"
        "渔业船舶事故1起、未造成人员死亡，上年同期未发生生产安全事故；"
        "农业机械事故1起、死亡1人，上年同期未发生生产安全事故；"
        "道路运输企业发生事故2起、死亡3人（已计入上述类别）。")
    for word in ("正常波动", "p值", "检验", "置信", ".0%"):
        assert word not in class_split_sentence(frame, "zh")


def test_brief_sentence_names_a_class_that_fell_to_none(con):
    from riskdash.briefing.classes import class_split_sentence

    con.execute("delete from accidents where accident_id in ('C8', 'C9', 'C10', 'C11', 'C12')")
    text = class_split_sentence(classes.accidents_by_class(con, PERIOD), "zh")
    assert text.startswith("分类别看，工矿商贸未发生事故（上年同期2起）；道路交通事故5起")
    con.execute("delete from accidents where occurred_at >= '2025-01-01'")
    assert class_split_sentence(classes.accidents_by_class(con, PERIOD), "zh") is None  # the headline says it


def test_brief_sentence_of_the_targets(con):
    from riskdash.briefing.classes import class_targets_sentence

    assert class_targets_sentence(classes.class_targets(con, PERIOD), "zh") is None
    set_targets(con, [("larger_accidents", 0), ("fishing", 0), ("waterway", 0), ("agricultural_machinery", 1),
                      ("road_traffic", 10), ("fire", 10), ("industrial", 10)])
    assert class_targets_sentence(classes.class_targets(con, PERIOD), "zh") == (
        "分类控制指标方面，"
        "工矿商贸死亡6人，占全年控制指标（10人）的60%，超时间进度10.4个百分点；"
        "道路交通死亡5人，占全年控制指标（10人）的50%，超时间进度0.4个百分点；"
        "火灾死亡3人，占全年控制指标（10人）的30%，低于时间进度19.6个百分点；"
        "水上交通死亡1人，已突破全年控制指标（0人）；"
        "渔业船舶未发生亡人事故，控制指标为零；"
        "农业机械死亡1人，占全年控制指标（1人）的100%，超时间进度50.4个百分点；"
        "较大及以上事故1起，已突破全年控制指标（0起）。")


def test_the_tongbao_carries_the_split_the_targets_and_the_closing_figures(con):
    """Issue 18's "Done when": the 通报 shows the class split, the targets with 时间进度 and the 结案 figures — the
    sentences above as the document's paragraphs, after the 事故形势 paragraph that states the 结案 figures."""
    from datetime import datetime

    from riskdash.briefing import build_brief
    from riskdash.briefing.classes import class_split_sentence, class_targets_sentence
    from riskdash.briefing.tongbao import outline

    set_targets(con, [("industrial", 10), ("larger_accidents", 0)])
    texts = outline(build_brief(con, PERIOD, generated_at=datetime(2025, 7, 1, 9, 0), lang="zh"),
                    chart_png=lambda _spec: b"").texts()
    split = class_split_sentence(classes.accidents_by_class(con, PERIOD), "zh")
    targets = class_targets_sentence(classes.class_targets(con, PERIOD), "zh")
    assert targets == ("分类控制指标方面，工矿商贸死亡6人，占全年控制指标（10人）的60%，超时间进度10.4个百分点；"
                       "较大及以上事故1起，已突破全年控制指标（0起）。")
    closing = [i for i, text in enumerate(texts) if "结案率" in text]
    assert len(closing) == 1 and "期内事故已结案0起，结案率0%" in texts[closing[0]]
    assert texts.index(split) > closing[0] and texts.index(targets) == texts.index(split) + 1


def test_overview_bars_per_class(con):
    from riskdash.screens.overview.view import class_target_bars

    set_targets(con, [("industrial", 10), ("fire", 10), ("waterway", 0), ("fishing", 0)])
    bars = class_target_bars(classes.class_targets(con, PERIOD), PERIOD.end, "zh")
    assert [(b.fraction, b.level, b.is_over) for b in bars] == [
        (0.6, "ahead", False), (0.3, "normal", False), (1.0, "over", True), (0.0, "normal", False)]
    assert bars[0].text == ("工矿商贸死亡控制指标 10 人：1月1日至6月30日死亡 6 人，已用60.0%，时间进度49.6%，"
                            "超时间进度10.4个百分点")
    assert bars[3].text == "渔业船舶死亡控制指标 0 人：1月1日至6月30日死亡 0 人，已用—，时间进度49.6%（控制指标为0，不计使用比例）"
    assert bars[2].text.endswith("（已超出全年控制指标）")


def test_pages_show_the_table_and_the_bars(con, classes_db, monkeypatch):
    from streamlit.testing.v1 import AppTest

    set_targets(con, [("industrial", 10)])
    con.close()  # the page opens the file itself
    monkeypatch.setenv(db.ENV_DB, str(classes_db))
    app = Path(__file__).resolve().parents[1] / "app.py"
    at = AppTest.from_file(str(app), default_timeout=90).run()
    assert not at.exception, at.exception
    shown = "\n".join(str(e.value) for e in [*at.error, *at.warning, *at.caption, *at.markdown])
    assert "工矿商贸死亡控制指标 10 人" in shown
    at.switch_page("pages/accidents.py").run()
    assert not at.exception, at.exception
    names = [row for frame in at.dataframe for row in frame.value.iloc[:, 0].tolist()]
    assert "道路运输企业（另计，不计入合计）" in names and "\u3000\u3000煤矿" in names
