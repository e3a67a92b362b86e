"""一票否决 rules of the township assessment (issue 18; docs/township-assessment.md) on hand-made rows: a 较大及以上
accident vetoes only when its nature is liability or pending; 迟报 (reported more than assessment_late_report_hours
after it happened, 493号令 Art. 9) at its boundary; 瞒报 and 谎报 flags; the 重点部位 ledger as it stood before the
accident (a site filed the day before, on the day, the day after; measures in place or not, and since when); each
rule switched by its setting; the deduction per death; the reasons in words in the contract's order, in Chinese
and English, on the CLI result, the screen's table, the .xlsx and the 通报's township table."""

from __future__ import annotations

import pytest
from conftest import TOWN_A1, TOWN_A2, TOWN_B1
from test_campaigns_scorecard import YEAR, con  # noqa: F401  (the scorecard's hand-made city)

from riskdash import db
from riskdash.briefing.content import build_brief
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
    # A2's enterprise E3 is not in the ledger: it also vetoes as a missed site (below); switched off here
    set_setting(con, "assessment_veto_ledger_missed_site", "0")
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

def add_site(con, site_id, enterprise_id, region_code, filed_city_on=None, filed_county_on=None,
             measures_in_place=None, measures_in_place_on=None):  # noqa: F811
    con.execute("""insert into key_sites (site_id, region_code, enterprise_id, name, potential_accident_type,
                   potential_fatalities, filed_city_on, filed_county_on, measures_in_place, measures_in_place_on)
                   values (?, ?, ?, ?, 'fire', 3, ?, ?, ?, ?)""",
                [site_id, region_code, enterprise_id, f"site {site_id}", filed_city_on, filed_county_on,
                 measures_in_place, measures_in_place_on])


def add_west_enterprise_accident(con):  # noqa: F811
    """西乡's second enterprise E5, filed in the ledger on 1 February with its measures not in place, and a
    liability accident there on 1 April 2025 with 1 death."""
    con.execute("insert into enterprises (enterprise_id, name, region_code, industry) values ('E5', '西乡砖厂', ?, "
                "'industry_trade')", [TOWN_A2])
    db.sync_keys(con)
    add_site(con, "K5", "E5", TOWN_A2, "2025-02-01", "2025-02-01", False)
    con.execute("""insert into accidents (accident_id, occurred_at, region_code, enterprise_id, industry,
                   accident_type, deaths, missing, serious_injuries, direct_loss_wan, has_time, nature)
                   values ('A9', '2025-04-01 10:00:00', ?, 'E5', 'industry_trade', 'collapse', 1, 0, 0, 30, true,
                           'liability')""", [TOWN_A2])


def test_every_reason_in_the_contract_order_in_both_languages(con):  # noqa: F811
    set_accident(con, "A2", nature="liability", concealed=True, falsely_reported=True,
                 reported_at="2025-03-02 01:00:01")  # has_time (the fixture's rows have it): 1 h 0 min 1 s late
    add_west_enterprise_accident(con)  # measures_not_in_place; A2's E3 is in no ledger: ledger_missed_site
    con.execute("insert into annual_targets values (2025, ?, 2)", [TOWN_A2])  # 4 deaths incl. missing > 2
    zh = town(con, TOWN_A2)
    assert zh["veto_codes"] == list(campaigns.VETO_CODES)  # all seven, in the contract's order
    assert zh["veto_reasons"] == ["发生较大及以上责任事故1起（含性质待定；一票否决）", "迟报事故1起（一票否决）",
                                  "瞒报事故1起（一票否决）", "谎报事故1起（一票否决）",
                                  "较大及以上责任事故1起发生在事故前未列入重点部位台账的企业（含性质待定；一票否决）",
                                  "已备案重点部位监控措施未落实引发亡人责任事故1起（含性质待定；一票否决）",
                                  "死亡（含失踪）4人，超过控制指标2人（一票否决）"]
    en = town(con, TOWN_A2, "en")
    assert en["veto_reasons"] == [
        "1 relatively major or worse liability accident(s) (incl. nature pending; one-vote veto)",
        "1 accident(s) reported late (one-vote veto)", "1 accident(s) concealed (one-vote veto)",
        "1 accident(s) falsely reported (one-vote veto)",
        "1 relatively major or worse liability accident(s) at an enterprise with no key site filed before it "
        "(incl. nature pending; one-vote veto)",
        "1 liability accident(s) with deaths at a filed key site whose measures were not in place "
        "(incl. nature pending; one-vote veto)",
        "4 deaths (incl. missing), above the target of 2 (one-vote veto)"]
    # the screen's table words an entry computed in Chinese in the page's language, from its figures
    assert view.veto_reason_words(zh, "en") == en["veto_reasons"]
    assert view.veto_reason_words(zh, "zh") == zh["veto_reasons"]
    # the ranking (screen and .xlsx) and the 通报's table of failed townships carry the same words
    result = campaigns.townships(con, YEAR)
    table = view.scorecard_table(result, "zh").set_index("区划代码")
    assert table.loc[TOWN_A2, "一票否决原因"] == "；".join(zh["veto_reasons"])
    slide = build_brief(con, YEAR).slide("townships")
    assert {row[0]: row[3] for row in slide.table.rows}["西乡"] == "；".join(zh["veto_reasons"])


def test_counts_in_the_reasons(con):  # noqa: F811
    # two 迟报 and two 瞒报 in 南街道 this year: A3 and a second, general accident
    con.execute("""insert into accidents (accident_id, occurred_at, region_code, enterprise_id, industry, accident_type,
                   deaths, missing, serious_injuries, direct_loss_wan, has_time, reported_at, concealed)
                   values ('A8', '2025-02-01 10:00:00', ?, 'E4', 'fire', 'fire', 0, 0, 0, 1, true,
                           '2025-02-01 12:00:00', true)""", [TOWN_B1])
    set_accident(con, "A3", reported_at="2025-07-01 02:00:00", concealed=True)
    south = town(con, TOWN_B1)
    assert south["veto_reasons"] == ["迟报事故2起（一票否决）", "瞒报事故2起（一票否决）"]


# -------------------------------------------------------------------------- the ledger before the accident

# A2: 西乡, E3, 2 March 2025 00:00, 3 deaths incl. missing (较大), nature pending; E3 has no site in the fixture
@pytest.mark.parametrize(("city_on", "county_on", "missed"), [
    ("2025-03-01", "2025-03-01", False),   # filed the day before: listed
    ("2025-03-02", "2025-03-02", True),    # filed on the day (a filing day has no hour): not listed before it
    ("2025-03-03", "2025-03-03", True),    # filed the day after (the case): accountable
    (None, "2025-03-01", False),           # filed with the county only, the day before: listed
    ("2025-03-05", "2025-03-01", False),   # the earlier of the two filing days counts
    (None, None, True),                    # in the table but never filed: not in the ledger
])
def test_ledger_missed_site_judges_the_ledger_before_the_accident(con, city_on, county_on, missed):  # noqa: F811
    add_site(con, "K3", "E3", TOWN_A2, city_on, county_on, True)  # measures in place, day unknown
    assert codes(con)[TOWN_A2] == (["larger_liability_accident", "ledger_missed_site"] if missed
                                   else ["larger_liability_accident"])


def test_ledger_missed_site_is_judged_per_enterprise_and_on_larger_liability_accidents(con):  # noqa: F811
    # another enterprise's site in the same township does not list E3
    con.execute("insert into enterprises (enterprise_id, name, region_code, industry) values ('E5', '西乡砖厂', ?, "
                "'industry_trade')", [TOWN_A2])
    db.sync_keys(con)
    add_site(con, "K5", "E5", TOWN_A2, "2025-01-01", "2025-01-01", True)
    assert codes(con)[TOWN_A2] == ["larger_liability_accident", "ledger_missed_site"]
    # a non-liability accident raises no accountability
    set_accident(con, "A2", nature="non_liability")
    assert codes(con)[TOWN_A2] == []
    # nor does a general one: A1 (东镇, 1 death at E1, no site) is 一般
    assert codes(con)[TOWN_A1] == ["target_exceeded"]
    # an accident at no enterprise is not judged against the ledger
    set_accident(con, "A2", nature="liability", enterprise_id=None)
    assert codes(con)[TOWN_A2] == ["larger_liability_accident"]


# A3: 南街道, E4, 30 June 2025 23:00; E4's site K2 was filed with the county on 1 February, measures not in place
@pytest.mark.parametrize(("in_place", "since", "flagged"), [
    (False, None, True),            # not in place
    (None, None, True),             # not reported: not in place
    (True, None, False),            # in place, day unknown
    (True, "2025-06-29", False),    # in place the day before
    (True, "2025-06-30", True),     # confirmed on the day of the accident: not shown in place before it
    (True, "2025-07-01", True),     # put in place after the accident
    (False, "2025-01-01", True),    # a day without measures_in_place means nothing
])
def test_measures_not_in_place_at_a_listed_site(con, in_place, since, flagged):  # noqa: F811
    con.execute("delete from annual_targets where region_code = ?", [TOWN_B1])  # no target veto in the way
    con.execute("update key_sites set measures_in_place = ?, measures_in_place_on = ? where site_id = 'K2'",
                [in_place, since])
    assert codes(con)[TOWN_B1] == []  # A3 has no death: not judged
    set_accident(con, "A3", deaths=1)
    assert codes(con)[TOWN_B1] == (["measures_not_in_place"] if flagged else [])
    set_accident(con, "A3", nature="non_liability")
    assert codes(con)[TOWN_B1] == []


def test_measures_of_a_site_filed_after_the_accident_are_not_judged(con):  # noqa: F811
    con.execute("delete from annual_targets where region_code = ?", [TOWN_B1])
    set_accident(con, "A3", deaths=1)
    con.execute("update key_sites set filed_county_on = '2025-06-30' where site_id = 'K2'")
    assert codes(con)[TOWN_B1] == []  # not listed before it (1 death is not 较大: no missed-site veto either)
    con.execute("update key_sites set filed_county_on = '2025-06-29' where site_id = 'K2'")
    assert codes(con)[TOWN_B1] == ["measures_not_in_place"]
    assert town(con, TOWN_B1)["veto_reasons"] == ["已备案重点部位监控措施未落实引发亡人责任事故1起（含性质待定；一票否决）"]


# -------------------------------------------------------------------------- each rule a setting

RULE_CASES = {  # code: how to make 西乡 carry it (on top of A2, which carries the two 较大 rules)
    "larger_liability_accident": lambda con: None,
    "ledger_missed_site": lambda con: None,
    "late_report": lambda con: set_accident(con, "A2", reported_at="2025-03-02 02:00:00"),
    "concealed": lambda con: set_accident(con, "A2", concealed=True),
    "falsely_reported": lambda con: set_accident(con, "A2", falsely_reported=True),
    "measures_not_in_place": add_west_enterprise_accident,
    "target_exceeded": lambda con: con.execute("insert into annual_targets values (2025, ?, 0)", [TOWN_A2]),
}


@pytest.mark.parametrize("code", campaigns.VETO_CODES)
def test_each_veto_rule_is_switched_by_its_setting(con, code):  # noqa: F811
    RULE_CASES[code](con)
    assert code in codes(con)[TOWN_A2]
    set_setting(con, f"assessment_veto_{code}", "0")
    west = town(con, TOWN_A2)
    assert code not in west["veto_codes"] and len(west["veto_codes"]) == len(west["veto_reasons"])
    assert view.veto_reason_words(west, "zh") == west["veto_reasons"]  # a switched-off rule is not worded
    set_setting(con, f"assessment_veto_{code}", "1")
    assert code in codes(con)[TOWN_A2]
    set_setting(con, f"assessment_veto_{code}", "yes")
    with pytest.raises(db.RiskdashError, match=f"assessment_veto_{code}"):
        campaigns.townships(con, YEAR)


def test_every_rule_off_leaves_no_veto(con):  # noqa: F811
    for code in campaigns.VETO_CODES:
        RULE_CASES[code](con)
        set_setting(con, f"assessment_veto_{code}", "0")
    west = town(con, TOWN_A2)
    assert (west["vetoed"], west["veto_codes"], west["veto_reasons"]) == (False, [], [])
    # the figures are still counted: only the veto is off
    assert west["veto_figures"]["ledger_missed_accidents"] == 1
    assert west["veto_figures"]["measures_not_in_place_accidents"] == 1


def test_the_switches_value_rule():
    from riskdash.importer.core import SETTING_RULES, setting_value_problem

    for code in campaigns.VETO_CODES:
        key = f"assessment_veto_{code}"
        assert SETTING_RULES[key] == ("flag",)
        assert [setting_value_problem(key, v) for v in ("1", "0", " 1 ")] == [None, None, None]
        assert [setting_value_problem(key, v)[0] for v in ("2", "yes", "", "1.0")] == ["setting_flag"] * 4


# -------------------------------------------------------------------------- deduction per death

@pytest.mark.parametrize(("deaths", "points", "score"), [
    (0, "20", 100.0), (1, "20", 80.0), (4, "20", 20.0), (4, "30", 0.0), (1, "0", 100.0), (3, "12.5", 62.5),
])
def test_deduction_per_death(con, deaths, points, score):  # noqa: F811
    # 南街道 without its target (which would zero the component): A3's deaths against assessment_points_per_death
    con.execute("delete from annual_targets where region_code = ?", [TOWN_B1])
    set_setting(con, "assessment_points_per_death", points)
    set_accident(con, "A3", deaths=deaths)
    part = town(con, TOWN_B1)["components"]["deaths"]
    assert (part["deaths_incl_missing"], part["score"]) == (deaths, score)


# -------------------------------------------------------------------------- 迟报 and nature on the record card

@pytest.mark.parametrize(("reported_at", "has_time", "zh", "en"), [
    ("2025-01-10 09:30:00", True, "否：事故发生后1小时0分报告（限1小时内）",
     "no: reported 1 h 0 min after it happened (within 1 h)"),
    ("2025-01-10 09:30:01", True, "是：事故发生后1小时0分1秒报告，超过1小时（493号令第九条）",
     "yes: reported 1 h 0 min 1 s after it happened, over 1 h (Decree 493, Art. 9)"),
    ("2025-01-10 10:30:00", True, "是：事故发生后2小时0分报告，超过1小时（493号令第九条）",
     "yes: reported 2 h 0 min after it happened, over 1 h (Decree 493, Art. 9)"),
    (None, True, "无法判断：未记录报告时间", "cannot tell: no report time recorded"),
    ("2025-01-10 12:00:00", False, "无法判断：未记录事故发生时刻", "cannot tell: the hour it happened is not recorded"),
])
def test_the_record_card_says_whether_it_was_reported_late(con, reported_at, has_time, zh, en):  # noqa: F811
    from riskdash.metrics import accidents as acc
    from riskdash.screens.accidents import view as accident_view

    set_accident(con, "A1", reported_at=reported_at, has_time=has_time)  # 东镇, occurred 2025-01-10 08:30
    record = acc.accident_record(con, "A1")
    hours = campaigns.late_report_hours(con)
    assert hours == 1.0
    assert dict(accident_view.record_fields(record, "zh", hours))["迟报"] == zh
    assert dict(accident_view.record_fields(record, "en", hours))["Reported late"] == en
    # the card and the assessment agree
    assert ("late_report" in codes(con)[TOWN_A1]) == zh.startswith("是")


def test_the_record_card_follows_the_setting_and_shows_nature_and_flags(con):  # noqa: F811
    from riskdash.metrics import accidents as acc
    from riskdash.screens.accidents import view as accident_view

    set_setting(con, "assessment_late_report_hours", "0.5")
    set_accident(con, "A1", reported_at="2025-01-10 09:00:00", nature="non_liability", concealed=True)
    fields = dict(accident_view.record_fields(acc.accident_record(con, "A1"), "zh",
                                              campaigns.late_report_hours(con)))
    assert (fields["迟报"], fields["事故性质"], fields["瞒报"], fields["谎报"]) == (
        "否：事故发生后0小时30分报告（限0.5小时内）", "非责任事故", "是", "否")
    set_accident(con, "A1", reported_at="2025-01-10 09:00:01", nature="pending")
    fields = dict(accident_view.record_fields(acc.accident_record(con, "A1"), "en",
                                              campaigns.late_report_hours(con)))
    assert (fields["Reported late"], fields["Nature"]) == (
        "yes: reported 0 h 30 min 1 s after it happened, over 0.5 h (Decree 493, Art. 9)",
        "pending (counted as liability in the assessment)")


# -------------------------------------------------------------------------- the forms carry the rules' columns

def test_the_forms_offer_nature_flags_and_the_measures_day():
    import pandas as pd

    from riskdash import records
    from riskdash.importer import KINDS
    from riskdash.screens.data import view as data_view

    # the accident form (数据管理 → 新增/修改) is drawn from the import kind's columns: nature as a choice, the
    # flags as 是/否; the key-site record form (修改) gains the day the measures were confirmed in place
    accident_columns = {c.name: c.type for c in KINDS["accidents"].columns}
    assert {k: accident_columns[k] for k in ("nature", "concealed", "falsely_reported", "reported_at")} == {
        "nature": "enum", "concealed": "bool", "falsely_reported": "bool", "reported_at": "timestamp"}
    assert "accidents" in records.FORM_KINDS and "key-sites" in records.RECORD_KINDS
    assert data_view.enum_options(pd.DataFrame(columns=["domain", "code", "name_zh", "name_en"]),
                                  "accident_nature", "zh") == [
        ("liability", "责任事故"), ("non_liability", "非责任事故"), ("pending", "待定")]
    assert [data_view.column_label("accidents", c, "zh") for c in ("nature", "concealed", "falsely_reported")] == [
        "事故性质", "是否瞒报", "是否谎报"]
    site = KINDS["key-sites"].column("measures_in_place_on")
    assert (site.type, data_view.column_label("key-sites", "measures_in_place_on", "zh")) == ("date", "措施落实日期")
