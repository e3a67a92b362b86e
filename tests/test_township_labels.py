"""Townships of one name (城关街道 is in several counties): every chart, table and export names such a township
with its county, 东镇（甲县）, and keeps a name no other township has bare (sql/views/township_labels.sql).
The hand-made city (conftest) gets a second 东镇, in 乙区, with one enterprise, one hazard and one 重点部位."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
from conftest import AS_OF, CITY, COUNTY_A, COUNTY_B, TOWN_A1, TOWN_A2, TOWN_B1

from riskdash import charts, db, metrics
from riskdash.briefing.content import build_brief
from riskdash.screens.rectification import charts as rect_charts
from riskdash.exports.key_site_ledger import key_site_ledger_xlsx
from riskdash.exports.township_scorecard import scorecard_xlsx
from xlsx_support import read_back
from riskdash.filters import Filters
from riskdash.metrics import accidents, campaigns, priority
from riskdash.metrics import rectification as rect
from riskdash.bench.oracle import _table
from riskdash.bench.oracle import township_labels as oracle_labels
from riskdash.screens.campaigns import view as campaigns_view

TOWN_B2 = "419902002000"
YEAR = Filters(date(2025, 1, 1), AS_OF, CITY, AS_OF)
SHOWN = {TOWN_A1: "东镇（甲县）", TOWN_A2: "西乡", TOWN_B1: "南街道", TOWN_B2: "东镇（乙区）"}


def add_second_east(con) -> None:
    con.execute("insert into regions values (?, '东镇', 'township', ?, 'town', 'ordinary')", [TOWN_B2, COUNTY_B])
    con.execute("""insert into enterprises (enterprise_id, name, region_code, industry, employees)
                   values ('E5', '乙区东镇机械厂', ?, 'industry_trade', 60)""", [TOWN_B2])
    con.execute("""insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline, rectified_on,
                                        verified_on, supervision_level)
                   values ('H9', 'E5', '2025-03-01', 'general', '2025-03-20', '2025-03-10', null, 'none')""")
    con.execute("""insert into key_sites (site_id, region_code, enterprise_id, name, potential_accident_type,
                                          potential_fatalities, measures_in_place, filed_city_on, filed_county_on)
                   values ('K3', ?, 'E5', '乙区东镇机械厂喷漆房', 'fire', 3, true, '2025-02-01', '2025-02-01')""",
                [TOWN_B2])
    db.sync_keys(con)


def test_the_labels_name_a_shared_name_with_its_county_and_leave_a_unique_one_bare(small_con):
    assert metrics.township_labels(small_con) == {TOWN_A1: "东镇", TOWN_A2: "西乡", TOWN_B1: "南街道"}
    add_second_east(small_con)
    assert metrics.township_labels(small_con) == SHOWN
    assert oracle_labels(_table(small_con, "regions")) == SHOWN
    # a list of codes (a region that is not a township keeps the name it came with)
    assert metrics.label_townships(small_con, [TOWN_B2, COUNTY_A], ["东镇", "甲县"]) == ["东镇（乙区）", "甲县"]


def test_two_of_one_name_in_one_county_carry_their_codes(small_con):
    small_con.execute("insert into regions values ('419901003000', '西乡', 'township', ?, 'township', 'ordinary')",
                      [COUNTY_A])
    want = {TOWN_A1: "东镇", TOWN_A2: "西乡（甲县，419901002000）", TOWN_B1: "南街道",
            "419901003000": "西乡（甲县，419901003000）"}
    assert metrics.township_labels(small_con) == want
    assert oracle_labels(_table(small_con, "regions")) == want


def test_by_township_and_its_chart_show_both(small_con):
    add_second_east(small_con)
    towns = rect.by_township(small_con, YEAR)
    assert towns[["region_code", "township_name", "township_label", "found"]].values.tolist() == [
        [TOWN_A1, "东镇", "东镇（甲县）", 4], [TOWN_A2, "西乡", "西乡", 1], [TOWN_B1, "南街道", "南街道", 1],
        [TOWN_B2, "东镇", "东镇（乙区）", 1]]
    fig = rect_charts.rate_by_township_bars(towns, YEAR, "示例市", "zh")
    # four townships with hazards → four bars, one per code, each named as shown
    assert dict(zip(fig.data[0].y, fig.layout.yaxis.ticktext)) == SHOWN
    assert len(fig.data[0].y) == 4
    assert charts.plain_text("东镇（乙区）") == "东镇（乙区）"


def test_the_campaigns_ranking_and_its_workbook_show_both(small_con):
    add_second_east(small_con)
    ranked = campaigns.townships(small_con, YEAR)["townships"]
    assert {t["region_code"]: t["name"] for t in ranked} == SHOWN
    table = campaigns_view.scorecard_table({"townships": ranked}, "zh")
    cells = read_back(scorecard_xlsx(table, "示例市"))
    names = [row[1] for row in cells[3:]]
    assert sorted(names) == sorted(SHOWN.values())


def test_the_ledger_names_its_sheets_as_shown(small_con):
    add_second_east(small_con)
    towns = priority.ledger_townships(small_con, YEAR)
    assert towns[["region_code", "township_label", "key_sites"]].values.tolist() == [
        [TOWN_A1, "东镇（甲县）", 1], [TOWN_A2, "西乡", 0], [TOWN_B1, "南街道", 1], [TOWN_B2, "东镇（乙区）", 1]]
    book = openpyxl.load_workbook(io.BytesIO(key_site_ledger_xlsx(priority.key_site_ledger(small_con, YEAR), towns,
                                                                  "示例市", AS_OF)))
    assert book.sheetnames == ["汇总", "东镇（甲县）", "西乡", "南街道", "东镇（乙区）"]
    assert book["东镇（乙区）"]["A1"].value == "乙区东镇预防较大及以上生产安全事故重点部位台账"
    assert [c.value for c in book["汇总"]["G"]][3:] == ["东镇（甲县）", "西乡", "南街道", "东镇（乙区）"]


def test_a_long_shared_name_is_cut_to_excels_limit_and_stays_unique(small_con):
    long_name = "很长的名字" * 6  # 30 characters: with its county, over Excel's 31
    small_con.execute("update regions set name = ? where region_code in (?, ?)", [long_name, TOWN_A1, TOWN_A2])
    towns = priority.ledger_townships(small_con, YEAR)
    book = openpyxl.load_workbook(io.BytesIO(key_site_ledger_xlsx(priority.key_site_ledger(small_con, YEAR), towns,
                                                                  "示例市", AS_OF)))
    assert book.sheetnames == ["汇总", long_name[:28], f"{long_name[:26]}(2)", "南街道"]


def test_the_campaigns_tables_show_both(small_con):
    add_second_east(small_con)
    progress = campaigns.checklist_progress(small_con, YEAR)
    compliance = campaigns.zero_report_compliance(small_con, YEAR)
    for frame in (progress, compliance, campaigns.campaign_pairs(small_con, YEAR)):
        assert dict(zip(frame["region_code"], frame["township_label"])) == SHOWN
    column = campaigns_view._t("col.township", "zh")
    assert sorted(campaigns_view.progress_table(progress, "zh")[column]) == sorted(SHOWN.values())
    shown = campaigns_view.compliance_table(compliance, campaigns.zero_report_missing(small_con, YEAR), "zh")
    assert sorted(shown[column]) == sorted(SHOWN.values())


def test_the_briefing_charts_and_lists_show_both(small_con):
    add_second_east(small_con)
    small_con.execute("""insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline, rectified_on,
                                              verified_on, supervision_level)
                         values ('H10', 'E5', '2025-04-01', 'major', '2025-05-01', null, null, 'county')""")
    db.sync_keys(small_con)
    brief = build_brief(small_con, YEAR, "zh")
    rectification = brief.slide("rectification")
    assert sorted(rectification.chart.categories) == sorted(SHOWN.values())
    # the overdue majors: H4 at 甲县's 东镇, H10 at 乙区's
    assert {row[0]: row[1] for row in rectification.table.rows} == {"H4": "东镇（甲县）", "H10": "东镇（乙区）"}
    steps = brief.slide("next_steps").table.rows
    assert {row[2] for row in steps if row[0] == "逾期未销号重大隐患"} == {"东镇（甲县）", "东镇（乙区）"}


def test_the_accidents_by_region_names_both(small_con):
    add_second_east(small_con)
    small_con.execute("""insert into accidents (accident_id, occurred_at, region_code, enterprise_id, industry,
                                                accident_type, deaths, missing, serious_injuries, direct_loss_wan,
                                                has_time)
                         values ('A9', '2025-04-01 10:00:00', ?, 'E5', 'industry_trade', 'machinery', 0, 0, 1, 5,
                                 true)""", [TOWN_B2])
    county = accidents.accidents_by_region(small_con, YEAR, COUNTY_B)
    assert county[["region_code", "name", "accidents"]].values.tolist() == [
        [TOWN_B1, "南街道", 1], [TOWN_B2, "东镇（乙区）", 1]]
    # 甲县's own row (an accident recorded on the county itself) keeps the county's name
    assert accidents.accidents_by_region(small_con, YEAR, COUNTY_A)["name"].tolist() == ["西乡", "东镇（甲县）", "甲县"]


def test_the_checklist_picker_tells_two_townships_of_one_name_apart(tmp_path, monkeypatch):
    """规范化建设's one-township picker names each 东镇 with its county: a select's choice travels as its label, and
    two options of one label came back as the same township (the other 东镇's items shown for the one picked)."""
    from campaigns_support import CHECKLIST, open_tab
    from conftest import fill_small_city, open_page, prepared_database
    from test_campaigns_scorecard import fill_campaigns

    path = prepared_database(tmp_path / "east.duckdb", fill_small_city, fill_campaigns, add_second_east)
    monkeypatch.setenv(db.ENV_DB, str(path))
    at = open_tab(open_page("campaigns"), CHECKLIST)
    picker = at.selectbox(key="campaigns_items_town")
    assert sorted(o.split(" · ")[0] for o in picker.options) == sorted(SHOWN.values())
    for code in (TOWN_B2, TOWN_A1):
        at.selectbox(key="campaigns_items_town").set_value(code).run()
        at.run()  # the choice sent back once more, as the browser does on the next run
        assert not at.exception
        assert at.selectbox(key="campaigns_items_town").value == code, code
