""""1+1" by 产业类型 (issue 18, ../shared/domain.md §5: one pair per township × 产业类型, "检查一个企业、规范一个
行业") on hand-made rows: a township's classes and how many the experts reached, one inspection covering the
class in its own township only, an enterprise without a 产业类型 in its sector's class, the pair records
(共性问题, 个性问题, 整改建议) imported per pair, meetings per class, and the account's scope."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from conftest import AS_OF, CITY, COUNTY_A, COUNTY_B, TOWN_A1, TOWN_A2, TOWN_B1, fill_small_city, prepared_database

from riskdash import accounts, db
from riskdash.filters import Filters
from riskdash.importer import ImportFailed, import_file
from riskdash.metrics import campaigns

YEAR = Filters(date(2025, 1, 1), AS_OF, CITY, AS_OF)
GOOD = "Safe-pass9"

# 东镇 (TOWN_A1) gets three classes: 竹制品 (two enterprises), 机械制造, and 工贸 (an enterprise without a
# 产业类型, plus E1 of the small city); 西乡 (TOWN_A2) a 竹制品 enterprise of its own.
NEW_ENTERPRISES = [
    ("F1", "东镇竹业一厂", TOWN_A1, "industry_trade", "竹制品"),
    ("F2", "东镇竹业二厂", TOWN_A1, "industry_trade", " 竹制品 "),  # stray spaces: the same class
    ("F3", "东镇机械厂", TOWN_A1, "industry_trade", "机械制造"),
    ("F4", "东镇商贸", TOWN_A1, "industry_trade", ""),  # blank: the sector's class, 工贸
    ("F5", "西乡竹编厂", TOWN_A2, "industry_trade", "竹制品"),
]


@pytest.fixture()
def con(tmp_path):
    connection = db.connect(prepared_database(tmp_path / "pairs.duckdb", fill_small_city))
    connection.executemany("insert into enterprises (enterprise_id, name, region_code, industry, industry_type) "
                           "values (?, ?, ?, ?, ?)", NEW_ENTERPRISES)
    # 东镇化工 (E2, 危险化学品) closes: 东镇's active classes are 竹制品, 机械制造 and 工贸
    connection.execute("update enterprises set status = 'closed' where enterprise_id = 'E2'")
    yield connection
    connection.close()


def inspect(con, rows) -> None:
    con.executemany("insert into inspections (inspection_id, inspected_on, enterprise_id, level, campaign) "
                    "values (?, ?, ?, 'township', '1+1')", rows)
    db.sync_keys(con)  # as every write path does


def pairs_of(frame, town):
    part = frame[frame["region_code"] == town]
    return [(r.industry_type, r.enterprises, r.untyped_enterprises, bool(r.is_inspected), r.inspected_enterprise
             if isinstance(r.inspected_enterprise, str) else None) for r in part.itertuples()]


def test_a_township_with_three_classes_two_inspected_is_two_thirds(con):
    inspect(con, [("C1", "2025-03-10", "F1"), ("C2", "2025-04-02", "F3")])
    pairs = campaigns.campaign_pairs(con, YEAR)
    assert pairs_of(pairs, TOWN_A1) == [
        ("工贸", 2, 2, False, None),  # E1 (no 产业类型) and F4 (blank): the sector's class
        ("机械制造", 1, 0, True, "东镇机械厂"),
        ("竹制品", 2, 0, True, "东镇竹业一厂"),
    ]
    towns = campaigns.campaign_townships(con, YEAR).set_index("region_code")
    assert towns.loc[TOWN_A1, ["classes", "classes_inspected"]].tolist() == [3, 2]
    assert towns.loc[TOWN_A1, "coverage_rate"] == pytest.approx(2 / 3)
    # 西乡: 道路运输 (E3) and 竹制品 (F5), neither inspected; 南街道: 消防 (E4)
    assert towns.loc[TOWN_A2, ["classes", "classes_inspected", "coverage_rate"]].tolist() == [2, 0, 0.0]
    coverage = campaigns.campaign_coverage(con, YEAR)
    assert [(r.region_code, r.pairs, r.pairs_inspected) for r in coverage.itertuples()] == [
        (COUNTY_A, 5, 2), (COUNTY_B, 1, 0), (CITY, 6, 2)]


def test_one_inspection_covers_its_class_in_its_own_township_only(con):
    inspect(con, [("C1", "2025-03-10", "F2")])  # 东镇竹业二厂 only
    pairs = campaigns.campaign_pairs(con, YEAR)
    east = dict((cls, inspected) for cls, _, _, inspected, _ in pairs_of(pairs, TOWN_A1))
    west = dict((cls, inspected) for cls, _, _, inspected, _ in pairs_of(pairs, TOWN_A2))
    assert east == {"竹制品": True, "机械制造": False, "工贸": False}  # F1 covered by F2's inspection
    assert west == {"竹制品": False, "道路运输": False}  # 西乡's 竹制品 is a pair of its own


def test_an_enterprise_without_a_class_is_of_its_sectors_class(con):
    # the expert inspection of the 竹制品 enterprise does not reach the untyped 工贸 ones, and the other way round
    inspect(con, [("C1", "2025-03-10", "F4")])
    pairs = campaigns.campaign_pairs(con, YEAR)
    assert [(cls, inspected) for cls, _, _, inspected, _ in pairs_of(pairs, TOWN_A1)] == [
        ("工贸", True), ("机械制造", False), ("竹制品", False)]
    # once F4 is given its 产业类型, 工贸 keeps only E1 and is no longer inspected
    con.execute("update enterprises set industry_type = '竹制品' where enterprise_id = 'F4'")
    pairs = campaigns.campaign_pairs(con, YEAR)
    assert [(cls, n, inspected) for cls, n, _, inspected, _ in pairs_of(pairs, TOWN_A1)] == [
        ("工贸", 1, False), ("机械制造", 1, False), ("竹制品", 3, True)]


def test_a_township_without_active_enterprises_has_no_rate(con):
    con.execute("update enterprises set status = 'closed' where region_code = ?", [TOWN_B1])
    towns = campaigns.campaign_townships(con, YEAR).set_index("region_code")
    assert towns.loc[TOWN_B1, ["classes", "classes_inspected"]].tolist() == [0, 0]
    assert towns.loc[TOWN_B1, "coverage_rate"] is None  # shown "—"


def test_meetings_and_records_per_pair(con, tmp_path):
    con.executemany("insert into warning_meetings (meeting_id, region_code, industry, held_on, attendance, "
                    "industry_type) values (?, ?, 'industry_trade', ?, ?, ?)", [
                        ("M1", TOWN_A1, "2025-04-20", 20, "竹制品"),
                        ("M2", TOWN_A1, "2025-05-20", 15, None),  # no 产业类型: the 工贸 class's meeting
                        ("M3", TOWN_A2, "2025-05-21", 9, "竹制品"),
                        ("M4", TOWN_A1, "2024-12-30", 30, "机械制造")])  # last year's
    path = tmp_path / "pairs.csv"
    path.write_text("年度,乡镇代码,产业类型,共性问题,个性问题,整改建议\n"
                    f"2025,{TOWN_A1},竹制品,除尘系统未定期清灰,砂光机未设火花探测,全行业月底前完成清灰\n"
                    f"2024,{TOWN_A1},机械制造,去年的问题,,\n", encoding="utf-8")
    import_file(con, "campaign-pairs", path)
    pairs = campaigns.campaign_pairs(con, YEAR)
    east = pairs[pairs["region_code"] == TOWN_A1].set_index("industry_type")
    assert east["meetings"].to_dict() == {"工贸": 1, "机械制造": 0, "竹制品": 1}
    assert east.loc["竹制品", ["common_problems", "individual_problems", "advice"]].tolist() == [
        "除尘系统未定期清灰", "砂光机未设火花探测", "全行业月底前完成清灰"]
    assert pd.isna(east.loc["机械制造", "common_problems"])  # 2024's record is not this year's
    towns = campaigns.campaign_townships(con, YEAR).set_index("region_code")
    assert towns.loc[TOWN_A1, "classes_with_meeting"] == 2
    meetings = campaigns.warning_meetings(con, YEAR)
    assert sorted(zip(meetings["meeting_id"], meetings["industry_type"])) == [
        ("M1", "竹制品"), ("M2", "工贸"), ("M3", "竹制品")]


def test_another_townships_account_sees_and_writes_nothing_of_this_one(con, tmp_path):
    inspect(con, [("C1", "2025-03-10", "F1")])
    own = Filters(YEAR.start, YEAR.end, CITY, AS_OF, account_region=TOWN_B1)
    assert set(campaigns.campaign_pairs(con, own)["region_code"]) == {TOWN_B1}
    assert set(campaigns.campaign_townships(con, own)["region_code"]) == {TOWN_B1}
    assert [(r.region_code, r.pairs, r.pairs_inspected) for r in campaigns.campaign_coverage(con, own).itertuples()
            ] == [(COUNTY_B, 1, 0), (CITY, 1, 0)]
    south = accounts.add_account(con, "south", "township", TOWN_B1, GOOD, actor="t", must_change_password=False)
    path = tmp_path / "pairs.csv"
    path.write_text("年度,乡镇代码,产业类型,共性问题\n"
                    f"2025,{TOWN_B1},消防（人员密集场所）,疏散通道堵塞\n"
                    f"2025,{TOWN_A1},竹制品,除尘系统未定期清灰\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as info:
        import_file(con, "campaign-pairs", path, account=south, actor="south")
    assert [(p.row, p.code) for p in info.value.problems] == [(3, "outside_account_region")]
    assert con.execute("select count(*) from campaign_pairs").fetchone() == (0,)
