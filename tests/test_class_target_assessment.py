"""The township assessment judges each township against its control targets per class (issue 18, class_targets;
docs/township-assessment.md rule 7): deaths (含失踪) of a statistical class and the number of 较大及以上 accidents
of the year to the as-of day, on hand-made rows — at the target (met), one over (not met: a veto reason in words
and points off 死亡控制), no target (not judged); the points and the veto are settings; the reason is carried by
the CLI JSON, the screen's ranking and its .xlsx, and the 通报 (its township table in the .docx).

The scorecard's small city (tests/conftest.py, test_campaigns_scorecard.fill_campaigns): 东镇 A1 1 death in 工贸
(class industrial), total target 0; 西乡 A2 3 deaths incl. missing in 道路运输 (class road_traffic), 较大, no total
target; 南街道 A3 no death (fire), total target 0."""

from __future__ import annotations

import json
from io import BytesIO

import docx
from conftest import COUNTY_A, TOWN_A1, TOWN_A2, TOWN_B1, fill_small_city, prepared_database
from openpyxl import load_workbook
from PIL import Image
from test_campaigns_scorecard import YEAR, con, fill_campaigns  # noqa: F401  (the scorecard's hand-made city)

from riskdash import cli, db
from riskdash.briefing import docx_export, tongbao
from riskdash.briefing.content import build_brief
from riskdash.exports.township_scorecard import scorecard_xlsx
from riskdash.metrics import campaigns
from riskdash.screens.campaigns import view


def town(con, code, lang="zh"):  # noqa: F811
    return next(t for t in campaigns.townships(con, YEAR, lang)["townships"] if t["region_code"] == code)


def target(con, region, target_class, max_count, year=2025):  # noqa: F811
    con.execute("insert into class_targets values (?, ?, ?, ?)", [year, region, target_class, max_count])


def test_at_the_target_is_met(con):  # noqa: F811
    target(con, TOWN_A2, "road_traffic", 3)   # 3 deaths incl. missing: exactly the target
    target(con, TOWN_A2, "larger_accidents", 1)  # A2 is 较大: 1 of 1
    west = town(con, TOWN_A2)
    assert "target_exceeded" not in west["veto_codes"]
    assert west["veto_figures"]["class_targets_over"] == []
    deaths = west["components"]["deaths"]
    assert deaths["class_targets"] == [
        {"target_class": "road_traffic", "target": 3, "used": 3, "met": True},
        {"target_class": "larger_accidents", "target": 1, "used": 1, "met": True}]
    assert (deaths["class_targets_exceeded"], deaths["score"]) == (0, 40.0)  # 100 − 20 × 3, nothing more off


def test_one_over_is_not_met_with_the_reason_in_words(con):  # noqa: F811
    target(con, TOWN_A2, "road_traffic", 2)
    west = town(con, TOWN_A2)
    assert west["vetoed"] and west["result"] == "failed"
    assert west["veto_codes"][-1] == "target_exceeded"
    assert west["veto_reasons"][-1] == "道路交通死亡（含失踪）3人，超过分类控制指标2人（一票否决）"
    assert west["veto_figures"]["class_targets_over"] == [{"target_class": "road_traffic", "target": 2, "used": 3}]
    deaths = west["components"]["deaths"]
    assert deaths["class_targets"] == [{"target_class": "road_traffic", "target": 2, "used": 3, "met": False}]
    assert (deaths["class_targets_exceeded"], deaths["score"]) == (1, 20.0)  # 100 − 20 × 3 − 20
    en = town(con, TOWN_A2, "en")
    assert en["veto_reasons"][-1] == ("Road traffic: 3 deaths (incl. missing), above the class target of 2 "
                                      "(one-vote veto)")
    # the screen words an entry computed in Chinese in the page's language
    assert view.veto_reason_words(west, "en") == en["veto_reasons"]


def test_larger_accidents_target(con):  # noqa: F811
    target(con, TOWN_A2, "larger_accidents", 0)  # A2 (较大, pending) is one over
    west = town(con, TOWN_A2)
    assert west["veto_reasons"][-1] == "较大及以上事故1起，超过控制指标0起（一票否决）"
    # a 非责任 较大 accident still counts against the number of 较大 the province allows (the target counts
    # accidents, as sql/metrics/class_targets.sql does): only the liability veto is narrowed
    con.execute("update accidents set nature = 'non_liability' where accident_id = 'A2'")
    assert town(con, TOWN_A2)["veto_codes"] == ["target_exceeded"]


def test_no_target_is_not_judged(con):  # noqa: F811
    # 南街道 has none; a target of the county, of another class or of another year judges no township
    target(con, COUNTY_A, "road_traffic", 0)
    target(con, TOWN_A2, "road_traffic", 0, year=2024)
    target(con, TOWN_A2, "fire", 0)  # 西乡 had no fire death: 0 of 0 is met
    south, west = town(con, TOWN_B1), town(con, TOWN_A2)
    assert south["components"]["deaths"]["class_targets"] == [] and south["veto_figures"]["class_targets_over"] == []
    assert south["veto_codes"] == []
    assert west["components"]["deaths"]["class_targets"] == [
        {"target_class": "fire", "target": 0, "used": 0, "met": True}]
    assert "target_exceeded" not in west["veto_codes"]


def test_total_and_class_targets_in_one_reason(con):  # noqa: F811
    target(con, TOWN_A1, "industrial", 0)   # 东镇's 1 death in 工贸; its total target is 0 too
    target(con, TOWN_A1, "road_traffic", 0)  # no road death: met
    east = town(con, TOWN_A1)
    assert east["veto_codes"] == ["target_exceeded"]
    assert east["veto_reasons"] == [("死亡（含失踪）1人，超过控制指标0人；工矿商贸死亡（含失踪）1人，"
                                     "超过分类控制指标0人（一票否决）")]
    assert east["components"]["deaths"]["score"] == 0.0  # over the total target: 0 whatever the points


def test_points_and_veto_are_settings(con):  # noqa: F811
    target(con, TOWN_A2, "road_traffic", 2)
    target(con, TOWN_A2, "larger_accidents", 0)
    con.execute("update settings set value = '5' where key = 'assessment_points_per_class_target'")
    west = town(con, TOWN_A2)
    assert west["components"]["deaths"]["score"] == 30.0  # 100 − 20 × 3 − 5 × 2
    con.execute("update settings set value = '0' where key = 'assessment_veto_target_exceeded'")
    west = town(con, TOWN_A2)
    assert "target_exceeded" not in west["veto_codes"]  # switched off: not worded, not failing
    assert west["components"]["deaths"]["score"] == 30.0  # the points stay
    con.execute("update settings set value = '0' where key = 'assessment_points_per_class_target'")
    assert town(con, TOWN_A2)["components"]["deaths"]["score"] == 40.0
    con.execute("delete from settings where key = 'assessment_points_per_class_target'")  # a missing row: default 20
    assert town(con, TOWN_A2)["components"]["deaths"]["score"] == 0.0  # 100 − 60 − 40


def _png() -> bytes:
    out = BytesIO()
    Image.new("RGB", (4, 4), "white").save(out, format="PNG")
    return out.getvalue()


def test_the_reason_on_the_ranking_xlsx_and_tongbao(con):  # noqa: F811
    target(con, TOWN_A2, "road_traffic", 2)
    reason = "道路交通死亡（含失踪）3人，超过分类控制指标2人（一票否决）"
    result = campaigns.townships(con, YEAR)
    table = view.scorecard_table(result, "zh")
    cell = table.set_index("区划代码").loc[TOWN_A2, "一票否决原因"]
    assert cell.endswith(reason)
    book = load_workbook(BytesIO(scorecard_xlsx(table, "示例市")))
    assert cell in [c.value for row in book.active.iter_rows() for c in row]
    brief = build_brief(con, YEAR)
    assert {row[0]: row[3] for row in brief.slide("townships").table.rows}["西乡"] == cell
    document = docx.Document(BytesIO(docx_export.docx_bytes(tongbao.outline(brief, chart_png=lambda chart: _png()))))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert any(reason in text for text in cells)


def test_cli_carries_the_class_targets(tmp_path, capsys):
    path = tmp_path / "cli.duckdb"
    con = db.connect(prepared_database(path, fill_small_city, fill_campaigns))  # noqa: F811
    target(con, TOWN_A2, "road_traffic", 2)
    con.close()
    assert cli.main(["metrics", "townships", "--db", str(path), "--year", "2025"]) == 0
    west = next(t for t in json.loads(capsys.readouterr().out)["townships"] if t["region_code"] == TOWN_A2)
    assert west["veto_reasons"][-1] == "道路交通死亡（含失踪）3人，超过分类控制指标2人（一票否决）"
    assert west["components"]["deaths"]["class_targets"] == [
        {"target_class": "road_traffic", "target": 2, "used": 3, "met": False}]


def test_the_points_value_rule():
    from riskdash.importer.core import setting_value_problem

    key = "assessment_points_per_class_target"
    assert [setting_value_problem(key, v) for v in ("0", "20", "100")] == [None, None, None]
    assert all(setting_value_problem(key, v) is not None for v in ("-1", "x", ""))
