"""一票否决 rules of the township assessment (issue 18; docs/township-assessment.md) on hand-made rows: a 较大及以上
accident vetoes only when its nature is liability or pending; 迟报 (reported more than assessment_late_report_hours
after it happened, 493号令 Art. 9) at its boundary; 瞒报 and 谎报 flags; the reasons in words in the contract's
order, in Chinese and English, on the CLI result and the screen's table."""

from __future__ import annotations

import pytest
from conftest import TOWN_A1, TOWN_A2, TOWN_B1
from test_campaigns_scorecard import YEAR, con  # noqa: F401  (the scorecard's hand-made city)

from riskdash import db
from riskdash.metrics import campaigns
from riskdash.screens.campaigns import view


def town(con, code, lang="zh"):  # noqa: F811
    return next(t for t in campaigns.townships(con, YEAR, lang)["townships"] if t["region_code"] == code)


def codes(con):  # noqa: F811
    return {t["region_code"]: t["veto_codes"] for t in campaigns.townships(con, YEAR)["townships"]}


def set_accident(con, accident_id, **columns):  # noqa: F811
    for column, value in columns.items():
        con.execute(f"update accidents set {column} = ? where accident_id = ?", [value, accident_id])


def set_setting(con, key, value):  # noqa: F811
    con.execute("update settings set value = ? where key = ?", [value, key])


# -------------------------------------------------------------------------- 较大及以上责任事故

def test_a_non_liability_larger_accident_does_not_veto(con):  # noqa: F811
    # 西乡's A2 (2 deaths + 1 missing: 较大) is its only veto; 西乡 has no death target
    set_accident(con, "A2", nature="non_liability")
    west = town(con, TOWN_A2)
    assert (west["vetoed"], west["veto_codes"], west["veto_reasons"]) == (False, [], [])
    # the 较大 accident still counts in its scored component: only the veto is narrowed
    assert west["components"]["larger_accidents"] == {"score": 0.0, "weight": 15.0, "count": 1}
    assert west["result"] == "failed"  # its score (below the pass mark) still fails it, without a veto


@pytest.mark.parametrize("nature", ["pending", "liability"])
def test_a_pending_or_liability_larger_accident_vetoes(con, nature):  # noqa: F811
    set_accident(con, "A2", nature=nature)
    west = town(con, TOWN_A2)
    assert (west["vetoed"], west["veto_codes"]) == (True, ["larger_liability_accident"])
    assert west["veto_reasons"] == ["发生较大及以上责任事故1起（含性质待定；一票否决）"]


def test_a_general_liability_accident_does_not_veto_as_larger(con):  # noqa: F811
    # 南街道's A3 (no death, 2 serious injuries) is 一般: a liability accident of that grade is no veto
    set_accident(con, "A3", nature="liability")
    assert codes(con)[TOWN_B1] == []


# -------------------------------------------------------------------------- 迟报

@pytest.mark.parametrize(("reported_at", "late"), [
    ("2025-01-10 09:30:00", False),   # exactly 1 hour after 08:30: on time
    ("2025-01-10 09:31:00", True),    # 1 hour 1 minute: late
    ("2025-01-10 10:30:00", True),    # 2 hours (the case)
    ("2025-01-10 08:30:00", False),   # at once
    (None, False),                    # no report time: not judged
])
def test_late_report_boundary(con, reported_at, late):  # noqa: F811
    set_accident(con, "A1", reported_at=reported_at)  # 东镇, occurred 2025-01-10 08:30
    east = town(con, TOWN_A1)
    # 东镇 is vetoed anyway by its target (1 death against 0); 迟报 comes first in the contract's order
    assert east["veto_codes"] == (["late_report", "target_exceeded"] if late else ["target_exceeded"])
    if late:
        assert east["veto_reasons"][0] == "迟报事故1起（一票否决）"


def test_late_report_hours_is_a_setting(con):  # noqa: F811
    set_setting(con, "assessment_late_report_hours", "2")
    set_accident(con, "A1", reported_at="2025-01-10 10:30:00")  # exactly 2 hours
    assert codes(con)[TOWN_A1] == ["target_exceeded"]
    set_accident(con, "A1", reported_at="2025-01-10 10:31:00")
    assert codes(con)[TOWN_A1] == ["late_report", "target_exceeded"]
    set_setting(con, "assessment_late_report_hours", "0.5")
    set_accident(con, "A1", reported_at="2025-01-10 09:01:00")  # 31 minutes
    assert codes(con)[TOWN_A1] == ["late_report", "target_exceeded"]
    set_setting(con, "assessment_late_report_hours", "soon")
    with pytest.raises(db.RiskdashError, match="assessment_late_report_hours"):
        campaigns.townships(con, YEAR)


def test_an_accident_without_its_hour_is_not_judged_late(con):  # noqa: F811
    # only the day is known (has_time false): occurred_at is midnight, so the delay cannot be told
    set_accident(con, "A3", has_time=False, reported_at="2025-06-30 23:59:00")
    assert codes(con)[TOWN_B1] == []
    set_accident(con, "A3", has_time=True)  # happened 23:00, reported 59 minutes later: on time
    assert codes(con)[TOWN_B1] == []
    set_accident(con, "A3", reported_at="2025-07-01 00:01:00")  # 61 minutes, after the as-of day: still judged
    assert codes(con)[TOWN_B1] == ["late_report"]


# -------------------------------------------------------------------------- 瞒报、谎报

def test_concealed_and_falsely_reported_flags(con):  # noqa: F811
    set_accident(con, "A3", concealed=True)
    assert codes(con)[TOWN_B1] == ["concealed"]
    set_accident(con, "A3", concealed=False, falsely_reported=True)
    assert codes(con)[TOWN_B1] == ["falsely_reported"]
    south = town(con, TOWN_B1)
    assert (south["vetoed"], south["result"], south["veto_reasons"]) == (True, "failed", ["谎报事故1起（一票否决）"])


def test_flags_outside_the_assessment_year_do_not_veto(con):  # noqa: F811
    # A7 (南街道, 2024, 较大 by loss) and A4 (南街道, 1 July 2025: after the as-of day)
    set_accident(con, "A7", concealed=True, falsely_reported=True, nature="liability")
    set_accident(con, "A4", concealed=True, reported_at="2025-07-02 09:00:00")
    assert codes(con)[TOWN_B1] == []


# -------------------------------------------------------------------------- every reason, in order, in words

def test_every_reason_in_the_contract_order_in_both_languages(con):  # noqa: F811
    set_accident(con, "A2", nature="liability", concealed=True, falsely_reported=True,
                 reported_at="2025-03-02 01:00:01")  # has_time (the fixture's rows have it): 1 h 0 min 1 s late
    con.execute("insert into annual_targets values (2025, ?, 2)", [TOWN_A2])  # 3 deaths incl. missing > 2
    zh = town(con, TOWN_A2)
    assert zh["veto_codes"] == ["larger_liability_accident", "late_report", "concealed", "falsely_reported",
                                "target_exceeded"]
    assert zh["veto_codes"] == [c for c in campaigns.VETO_CODES if c in zh["veto_codes"]]
    assert zh["veto_reasons"] == ["发生较大及以上责任事故1起（含性质待定；一票否决）", "迟报事故1起（一票否决）",
                                  "瞒报事故1起（一票否决）", "谎报事故1起（一票否决）",
                                  "死亡（含失踪）3人，超过控制指标2人（一票否决）"]
    en = town(con, TOWN_A2, "en")
    assert en["veto_reasons"] == [
        "1 relatively major or worse liability accident(s) (incl. nature pending; one-vote veto)",
        "1 accident(s) reported late (one-vote veto)", "1 accident(s) concealed (one-vote veto)",
        "1 accident(s) falsely reported (one-vote veto)",
        "3 deaths (incl. missing), above the target of 2 (one-vote veto)"]
    # the screen's table words an entry computed in Chinese in the page's language, from its figures
    assert view.veto_reason_words(zh, "en") == en["veto_reasons"]
    assert view.veto_reason_words(zh, "zh") == zh["veto_reasons"]


def test_counts_in_the_reasons(con):  # noqa: F811
    # two 迟报 and two 瞒报 in 南街道 this year: A3 and a second, general accident
    con.execute("""insert into accidents (accident_id, occurred_at, region_code, enterprise_id, industry, accident_type,
                   deaths, missing, serious_injuries, direct_loss_wan, has_time, reported_at, concealed)
                   values ('A8', '2025-02-01 10:00:00', ?, 'E4', 'fire', 'fire', 0, 0, 0, 1, true,
                           '2025-02-01 12:00:00', true)""", [TOWN_B1])
    set_accident(con, "A3", reported_at="2025-07-01 02:00:00", concealed=True)
    south = town(con, TOWN_B1)
    assert south["veto_reasons"] == ["迟报事故2起（一票否决）", "瞒报事故2起（一票否决）"]
