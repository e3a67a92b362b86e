"""The evidence-completeness figure (issue 18, 问题整改有结果): per township, the hazards closed (验收销号) in the
period, of them with an 整改后 photo, a 验收 record and both (sql/rectification/evidence_by_township.sql), equal
to its pandas twin (bench/oracle/rectification.py) on hand-made rows at every boundary, and the table 隐患治理
shows (screens/rectification/view.evidence_figure) with its 合计 row, formula and "—"."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from conftest import AS_OF, CITY, COUNTY_A, COUNTY_B, TOWN_A1, TOWN_A2, TOWN_B1

from riskdash import db
from riskdash.bench.oracle import rectification as peer
from riskdash.filters import Filters
from riskdash.metrics import rectification as rect
from riskdash.screens.rectification import view

# hazard_id, enterprise, found_on, verified_on, evidence: (role, uploaded_at) …
# The small city already holds H3 (E2 at 东镇, major, verified 2025-06-10, no evidence).
CLOSED = [
    ("C1", "E1", "2025-02-01", "2025-03-01", [("after", "2025-02-28 10:00"), ("acceptance", "2025-03-01 09:00")]),
    ("C2", "E1", "2025-02-01", "2025-03-02", [("after", "2025-03-02 10:00")]),           # only the photo
    ("C3", "E1", "2025-02-01", "2025-03-03", [("acceptance", "2025-03-03 10:00")]),      # only the record
    ("C4", "E1", "2025-02-01", "2025-03-04", []),                                        # none
    ("C5", "E1", "2025-01-02", "2025-01-20", [("after", "2025-01-20 10:00"), ("acceptance", "2025-01-20 11:00")]),
    ("C6", "E1", "2025-05-01", "2025-06-20", [("after", "2025-06-20 10:00"), ("acceptance", "2025-06-20 11:00")]),
    ("C7", "E1", "2024-11-01", "2025-04-01", [("after", "2025-04-01 10:00"), ("acceptance", "2025-04-01 11:00")]),
    ("C8", "E1", "2025-02-01", "2025-03-05", [("after", "2025-03-05 10:00"), ("acceptance", "2025-07-01 00:00")]),
    ("C9", "E1", "2025-02-01", "2025-03-06", [("before", "2025-02-01 10:00"), ("after", "2025-06-30 23:59")]),
    ("C10", "E4", "2025-02-01", "2025-03-01", [("after", "2025-03-01 10:00"), ("acceptance", "2025-03-01 11:00")]),
    ("C11", "E1", "2025-06-01", "2025-07-05", [("after", "2025-07-05 10:00"), ("acceptance", "2025-07-05 11:00")]),
    ("C12", "E1", "2025-02-01", None, [("after", "2025-03-01 10:00"), ("acceptance", "2025-03-01 11:00")]),
]
# C5 closed before the period, C6 after its end, C11 after the as-of day, C12 never closed; C7 found last year
# and closed in the period (counts); C8's record came after the as-of day, C9 has a 整改前 photo and an 整改后
# one uploaded in the as-of day's last minute; C10 is in 乙区 (outside 甲县).
PERIOD = Filters(date(2025, 2, 1), date(2025, 6, 15), COUNTY_A, AS_OF)


@pytest.fixture()
def con(small_con):
    small_con.executemany(
        "insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline, rectified_on, verified_on, "
        "supervision_level) values (?, ?, ?, 'general', ?, ?, ?, 'none')",
        [(h, e, found, "2025-12-31", verified, verified) for h, e, found, verified, _ in CLOSED])
    rows, n = [], 0
    for hazard, *_rest, files in CLOSED:
        for role, at in files:
            n += 1
            rows.append((n, "hazard", hazard, role, f"{n:064x}", "image/png", 10, None, "t",
                         datetime.fromisoformat(at)))
    # an inspection's file under a hazard's id must not count for the hazard
    rows.append((n + 1, "inspection", "C4", "after", f"{n + 1:064x}", "image/png", 10, None, "t",
                 datetime(2025, 3, 4)))
    rows.append((n + 2, "inspection", "C4", "acceptance", f"{n + 2:064x}", "image/png", 10, None, "t",
                 datetime(2025, 3, 4)))
    small_con.executemany("insert into evidence values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.sync_keys(small_con)
    return small_con


def _counts(frame):
    return {r["region_code"]: (r["closed"], r["closed_with_after"], r["closed_with_acceptance"],
                               r["closed_with_evidence"], r["evidence_rate"]) for r in frame.to_dict("records")}


def _records(frame):
    out = []
    for row in frame.to_dict("records"):
        out.append({k: (None if v is None or (isinstance(v, float) and v != v) else
                        round(v, 9) if isinstance(v, float) else v.item() if hasattr(v, "item") else v)
                    for k, v in row.items()})
    return out


def test_the_closed_hazards_and_their_evidence_per_township(con):
    counts = _counts(rect.evidence_by_township(con, PERIOD))
    # 东镇: C1 both, C2 photo, C3 record, C4 none, C7 both, C8 photo (its record after as-of), C9 photo
    # (整改前 does not count), H3 none → 8 closed, 5 with the photo, 3 with the record, 2 with both
    assert counts == {TOWN_A1: (8, 5, 3, 2, 0.25), TOWN_A2: (0, 0, 0, 0, None)}


def test_the_city_adds_the_other_county_and_the_sector_narrows(con):
    city = replace(PERIOD, region_code=CITY)
    assert _counts(rect.evidence_by_township(con, city))[TOWN_B1] == (1, 1, 1, 1, 1.0)
    chemicals = replace(city, industry="hazardous_chemicals")  # E2 only: H3, no evidence
    assert _counts(rect.evidence_by_township(con, chemicals)) == {
        TOWN_A1: (1, 0, 0, 0, 0.0), TOWN_A2: (0, 0, 0, 0, None), TOWN_B1: (0, 0, 0, 0, None)}


def test_an_account_bound_to_the_other_county_sees_only_it(con):
    bound = replace(PERIOD, region_code=CITY, account_region=COUNTY_B)
    assert _counts(rect.evidence_by_township(con, bound)) == {TOWN_B1: (1, 1, 1, 1, 1.0)}


def test_the_period_and_the_as_of_day_bound_the_closures(con):
    # to the end of the year, as of 30 June: C6 joins (closed 20 June), C11 (closed 5 July) stays out
    year = Filters(date(2025, 1, 1), date(2025, 12, 31), COUNTY_A, AS_OF)
    assert _counts(rect.evidence_by_township(con, year))[TOWN_A1] == (10, 7, 5, 4, 0.4)  # + C5, C6
    # as of 1 July: C8's record arrives
    later = replace(PERIOD, as_of=date(2025, 7, 1))
    assert _counts(rect.evidence_by_township(con, later))[TOWN_A1] == (8, 5, 4, 3, 0.375)


@pytest.mark.parametrize("filters", [
    PERIOD, replace(PERIOD, region_code=CITY), replace(PERIOD, region_code=TOWN_B1),
    replace(PERIOD, region_code=CITY, industry="hazardous_chemicals"),
    Filters(date(2025, 1, 1), date(2025, 12, 31), CITY, AS_OF),
    replace(PERIOD, as_of=date(2025, 7, 1)), Filters(date(2025, 7, 1), date(2025, 7, 31), CITY, date(2025, 7, 31)),
])
def test_sql_equals_its_pandas_twin(con, filters):
    assert _records(rect.evidence_by_township(con, filters)) == _records(peer.evidence_by_township(con, filters))


def test_the_table_on_the_screen(con):
    frame = rect.evidence_by_township(con, replace(PERIOD, region_code=CITY))
    table, line = view.evidence_figure(frame, "zh")
    assert list(table.columns)[2:] == ["销号（项）", "有整改后照片", "有验收记录", "两项齐全",
                                       "佐证完整率"]
    assert table.values.tolist() == [
        ["甲县", "东镇", 8, 5, 3, 2, "25.0%"],
        ["甲县", "西乡", 0, 0, 0, 0, "—"],
        ["乙区", "南街道", 1, 1, 1, 1, "100.0%"],
        ["合计", "", 9, 6, 4, 3, "33.3%"],
    ]
    assert line == ("佐证完整率 = 整改后照片和验收记录均已上传的销号隐患 ÷ 统计期内验收销号的隐患 × 100% = 3 ÷ 9 = 33.3%；"
                    "统计期内没有销号隐患时显示“—”。")
    table, line = view.evidence_figure(frame, "en")
    assert list(table.columns)[2:] == ["Closed", "After photo", "Acceptance", "Both", "Complete"]
    assert table.values.tolist()[-1] == ["Total", "", 9, 6, 4, 3, "33.3%"]
    assert "3 ÷ 9 = 33.3%" in line


def test_nothing_closed_reads_dash(con):
    frame = rect.evidence_by_township(con, Filters(date(2025, 5, 1), date(2025, 5, 31), CITY, AS_OF))
    table, line = view.evidence_figure(frame, "en")
    assert table.values.tolist()[-1] == ["Total", "", 0, 0, 0, 0, "—"]
    assert "0 ÷ 0 = —" in line
