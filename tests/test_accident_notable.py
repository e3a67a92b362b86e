"""较大涉险 and 一般亡人事故 counts (issue 18: "较大涉险 and 一般亡人事故 counts in the 通报"; docs/rules.md#accident-grades).

``metrics/accident_totals.sql`` counts ``risk_involved`` (the macro is_larger_risk_involved, 原安监总局令第21号 Art. 26)
and ``fatal_general`` / ``fatal_general_deaths`` (grade 一般 with 死亡（含失踪）≥ 1); its pandas peer
(``bench.oracle.accident_totals``) counts the same. Hand-made rows at every boundary, the whole result of both, and
the 通报 sentence (``briefing.headline.notable_sentence``) in both languages, the zero cases included."""

from __future__ import annotations

from datetime import date, datetime

import duckdb
import pytest
from conftest import CITY, REGIONS, TOWN_A1, TOWN_B1

from riskdash import db, metrics
from riskdash.bench import oracle
from riskdash.briefing import build_brief
from riskdash.briefing import headline as hl
from riskdash.briefing.tongbao import outline
from riskdash.filters import Filters

# accident_id, occurred_at, region, deaths, missing, serious, loss (万元), endangered, trapped, evacuated
ROWS = [
    # 一般亡人事故: general grade with 死亡（含失踪）≥ 1
    ("F0", "2025-02-01 10:00", TOWN_A1, 0, 0, 0, "10", None, None, None),  # no death: not 亡人
    ("F1", "2025-02-02 10:00", TOWN_A1, 1, 0, 0, "10", None, None, None),  # 1 death: 一般亡人
    ("F2", "2025-02-03 10:00", TOWN_A1, 0, 1, 0, "10", None, None, None),  # missing only: 一般亡人, 1
    ("F3", "2025-02-04 10:00", TOWN_A1, 2, 0, 9, "999.99", None, None, None),  # 2 deaths, just general: 一般亡人
    ("F4", "2025-02-05 10:00", TOWN_A1, 2, 1, 0, "0", None, None, None),  # 3 incl. missing: 较大, not 一般亡人
    ("F5", "2025-02-06 10:00", TOWN_A1, 1, 0, 10, "0", None, None, None),  # 较大 by serious injuries: not 一般亡人
    ("F6", "2025-02-07 10:00", TOWN_A1, 1, 0, 0, "1000", None, None, None),  # 较大 by loss: not 一般亡人
    # 较大涉险: general grade and ≥ 10 endangered, ≥ 3 trapped + missing, or ≥ 500 evacuated
    ("R1", "2025-03-01 10:00", TOWN_B1, 0, 0, 0, "0", 9, 0, 0),  # 9 endangered: no
    ("R2", "2025-03-02 10:00", TOWN_B1, 0, 0, 0, "0", 10, None, None),  # 10 endangered: yes
    ("R3", "2025-03-03 10:00", TOWN_B1, 0, 0, 0, "0", None, 2, None),  # 2 trapped: no
    ("R4", "2025-03-04 10:00", TOWN_B1, 0, 1, 0, "0", None, 2, None),  # 2 trapped + 1 missing: yes (and 一般亡人)
    ("R5", "2025-03-05 10:00", TOWN_B1, 0, 0, 0, "0", None, None, 499),  # 499 evacuated: no
    ("R6", "2025-03-06 10:00", TOWN_B1, 0, 0, 0, "0", None, None, 500),  # 500 evacuated: yes
    ("R7", "2025-03-07 10:00", TOWN_B1, 3, 0, 0, "0", 50, 5, 900),  # 较大 by deaths: never 较大涉险
    # a year earlier (同比): one 较大涉险, two 一般亡人 with 3 deaths
    ("P1", "2024-03-02 10:00", TOWN_B1, 0, 0, 0, "0", 12, None, None),
    ("P2", "2024-02-02 10:00", TOWN_A1, 1, 0, 0, "0", None, None, None),
    ("P3", "2024-02-03 10:00", TOWN_A1, 1, 1, 0, "0", None, None, None),
]

YEAR = Filters(date(2025, 1, 1), date(2025, 6, 30), CITY, date(2025, 6, 30))
FEBRUARY = Filters(date(2025, 2, 1), date(2025, 2, 28), CITY, date(2025, 6, 30))  # F rows only
MARCH = Filters(date(2025, 3, 1), date(2025, 3, 31), CITY, date(2025, 6, 30))  # R rows only
APRIL = Filters(date(2025, 4, 1), date(2025, 4, 30), CITY, date(2025, 6, 30))  # nothing, nothing a year earlier


@pytest.fixture(scope="module")
def con():
    con = duckdb.connect()
    db.create_schema(con)
    con.executemany("insert into regions values (?, ?, ?, ?, ?, ?)", REGIONS)
    con.executemany(
        """insert into accidents (accident_id, occurred_at, has_time, region_code, industry, accident_type, deaths,
                                  missing, serious_injuries, direct_loss_wan, endangered, trapped, evacuated)
           values (?, ?, true, ?, 'industry_trade', 'other_injury', ?, ?, ?, ?, ?, ?, ?)""", ROWS)
    db.set_meta(con, "data_as_of", "2025-06-30")
    yield con
    con.close()


def totals(con, filters):
    sql = metrics.accident_totals(con, filters)
    assert sql == oracle.accident_totals(con, filters)  # the pandas peer, whole result
    return sql


def test_fatal_general_boundaries(con):
    result = totals(con, FEBRUARY)
    # F1 (1), F2 (missing only, 1), F3 (2): 3 cases, 4 deaths; F0 no death; F4-F6 are 较大
    assert (result["fatal_general"], result["fatal_general_deaths"]) == (3, 4)
    assert result["by_grade"]["larger"] == 3 and result["risk_involved"] == 0


def test_risk_involved_boundaries(con):
    result = totals(con, MARCH)
    # R2 (10 endangered), R4 (2 trapped + 1 missing), R6 (500 evacuated); R1, R3, R5 below; R7 is 较大
    assert result["risk_involved"] == 3
    # R4's missing person makes it 一般亡人 too; R7's 3 deaths make it 较大
    assert (result["fatal_general"], result["fatal_general_deaths"]) == (1, 1)


def test_whole_result_of_the_half_year(con):
    assert totals(con, YEAR) == {
        "accidents": 14, "deaths": 10, "missing": 3, "deaths_incl_missing": 13, "serious_injuries": 19,
        "direct_loss_wan": 2029.99,
        "by_grade": {"general": 10, "larger": 4, "major": 0, "especially_major": 0}, "larger_and_above": 4,
        "larger_and_above_deaths": 8,  # F4 3, F5 1, F6 1, R7 3
        "risk_involved": 3, "fatal_general": 4, "fatal_general_deaths": 5,
    }
    assert totals(con, APRIL) == {
        "accidents": 0, "deaths": 0, "missing": 0, "deaths_incl_missing": 0, "serious_injuries": 0,
        "direct_loss_wan": 0.0, "by_grade": {"general": 0, "larger": 0, "major": 0, "especially_major": 0},
        "larger_and_above": 0, "larger_and_above_deaths": 0,
        "risk_involved": 0, "fatal_general": 0, "fatal_general_deaths": 0,
    }


def test_the_graded_view_agrees(con):
    # the count reuses the rule of accidents_graded.is_larger_risk_involved, not a copy of it
    ids = [r[0] for r in con.execute("select accident_id from accidents_graded where is_larger_risk_involved "
                                     "order by accident_id").fetchall()]
    assert ids == ["P1", "R2", "R4", "R6"]


def test_the_command_line_contract_is_unchanged(con, tmp_path, capsys):
    # `metrics accidents` prints the contract of product.md: the new counts are for the 通报 only
    import json

    from riskdash import cli

    path = tmp_path / "notable.duckdb"
    con.execute(f"attach '{path}' as copy")
    try:
        con.execute("copy from database memory to copy")
    finally:
        con.execute("detach copy")
    assert cli.main(["metrics", "accidents", "--db", str(path), "--from", "2025-01-01", "--to", "2025-06-30"]) == 0
    printed = json.loads(capsys.readouterr().out)
    for key in ("risk_involved", "fatal_general", "fatal_general_deaths"):
        assert key not in printed and key not in printed["previous"]
    assert printed["accidents"] == 14


# ---------------------------------------------------------------------------------------------- the sentence


def summary(risk, fatal, deaths, prev_risk=0, prev_fatal=0, prev_deaths=0):
    return {"risk_involved": risk, "fatal_general": fatal, "fatal_general_deaths": deaths,
            "previous": {"risk_involved": prev_risk, "fatal_general": prev_fatal,
                         "fatal_general_deaths": prev_deaths}}


@pytest.mark.parametrize(("figures", "zh", "en"), [
    (summary(0, 0, 0), "期内未发生较大涉险事故和一般亡人事故。",
     "In the period, no relatively major risk-involved accident (较大涉险) and no general accident with deaths "
     "(一般亡人事故) occurred."),
    (summary(0, 0, 0, prev_risk=1, prev_fatal=2, prev_deaths=3),
     "期内未发生较大涉险事故，同比减少1起；未发生一般亡人事故（上年同期2起、死亡3人）。",
     "In the period, no relatively major risk-involved accident (较大涉险) occurred, down 1 accidents year on year; "
     "no general accident with deaths (一般亡人事故) (the same period last year: 2 accidents, 3 deaths)."),
    (summary(2, 0, 0), "期内发生较大涉险事故2起，上年同期未发生较大涉险事故；未发生一般亡人事故。",
     "In the period, 2 relatively major risk-involved accidents (较大涉险) occurred, none in the same period last "
     "year; no general accident with deaths (一般亡人事故)."),
    (summary(0, 1, 1), "期内未发生较大涉险事故；一般亡人事故1起、死亡1人，上年同期未发生一般亡人事故。",
     "In the period, no relatively major risk-involved accident (较大涉险) occurred; 1 general accidents with deaths "
     "(一般亡人事故), 1 deaths, none in the same period last year."),
    (summary(2, 5, 6, prev_risk=1, prev_fatal=7, prev_deaths=7),
     "期内发生较大涉险事故2起，同比增加1起；一般亡人事故5起、死亡6人，同比实现“双下降”，分别减少2起、1人。",
     "In the period, 2 relatively major risk-involved accidents (较大涉险) occurred, up 1 accidents year on year; "
     "5 general accidents with deaths (一般亡人事故), 6 deaths, both down year on year, down 2 accidents and 1 deaths."),
    (summary(1, 12, 20, prev_risk=1, prev_fatal=10, prev_deaths=25),
     "期内发生较大涉险事故1起，同比持平；一般亡人事故12起、死亡20人，事故起数同比上升20%、死亡人数下降20%（“一升一降”）。",
     "In the period, 1 relatively major risk-involved accidents (较大涉险) occurred, unchanged year on year; "
     "12 general accidents with deaths (一般亡人事故), 20 deaths, accidents up 20% and deaths down 20% year on year "
     "(one up, one down)."),
])
def test_the_sentence(figures, zh, en):
    assert hl.notable_sentence(figures, True, "zh") == zh
    assert hl.notable_sentence(figures, True, "en") == en


def test_without_last_years_data_no_change_is_stated():
    figures = summary(2, 5, 6, prev_risk=0, prev_fatal=0, prev_deaths=0)
    assert hl.notable_sentence(figures, False, "zh") == "期内发生较大涉险事故2起；一般亡人事故5起、死亡6人。"
    assert hl.notable_sentence(summary(0, 0, 0, 1, 1, 1), False, "zh") == "期内未发生较大涉险事故和一般亡人事故。"


@pytest.mark.parametrize(("filters", "zh", "en"), [
    (YEAR, "期内发生较大涉险事故3起，同比增加2起；一般亡人事故4起、死亡5人，同比“双上升”，分别增加2起、2人，形势严峻。",
     "In the period, 3 relatively major risk-involved accidents (较大涉险) occurred, up 2 accidents year on year; "
     "4 general accidents with deaths (一般亡人事故), 5 deaths, both up year on year, up 2 accidents and 2 deaths: "
     "a serious situation."),
    (APRIL, None, None),  # no accident in the period: the 事故形势 paragraph says so, nothing more
])
def test_the_tongbao_carries_it(con, filters, zh, en):
    for lang, expected in (("zh", zh), ("en", en)):
        brief = build_brief(con, filters, generated_at=datetime(2025, 7, 1, 9, 0), lang=lang)
        texts = outline(brief, chart_png=lambda _spec: b"").texts()
        found = [t for t in texts if "较大涉险" in t]
        assert found == ([expected] if expected else [])
