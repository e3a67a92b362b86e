"""The 通报's 四不放过 sentence (issue 18, domain.md §6): of the period's cases closed by the as-of day, how many
have all four measures done, the others named by what is missing; nothing when no case closed. Hand-made
accidents and measures (the rows of tests/test_four_measures.py), through the query, the sentence and the 通报."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from test_four_measures import AS_OF, CITY, YEAR, con  # noqa: F401 (the fixture: A1…A5 with their measures)

from riskdash.briefing import build_brief, content
from riskdash.briefing import headline as hl
from riskdash.briefing.tongbao import outline
from riskdash.filters import Filters
from riskdash.metrics import accidents as acc

WEST = "419901002000"
NO_CLOSED = Filters(date(2025, 5, 1), date(2025, 6, 30), CITY, AS_OF)  # nothing occurred then
ONLY_A1 = Filters(date(2025, 1, 1), date(2025, 1, 5), CITY, AS_OF)  # A1: all four done
A1_A2 = Filters(date(2025, 1, 5), date(2025, 1, 6), CITY, AS_OF)  # A2: education not done


def sentence(con, filters, lang="zh"):  # noqa: F811
    return hl.four_measures_sentence(content.four_measures_figures(con, filters), lang)


def test_the_figures_are_the_accident_screens(con):  # noqa: F811
    for filters in (YEAR, NO_CLOSED, ONLY_A1, A1_A2, Filters(YEAR.start, YEAR.end, WEST, AS_OF)):
        figures = content.four_measures_figures(con, filters)
        screen = acc.four_measures(con, filters)
        assert (figures["closed"], figures["all_four"]) == (screen["closed"], screen["all_four"])
    # A1 all four; A2 no education; A3 nothing recorded; A5 educated on 15 July, after the as-of day
    assert content.four_measures_figures(con, YEAR) == {
        "closed": 4, "all_four": 1,
        "missing": {"cause": 1, "responsible": 1, "measures": 1, "educated": 3}}


def test_no_case_closed_says_nothing(con):  # noqa: F811
    assert content.four_measures_figures(con, NO_CLOSED)["closed"] == 0
    assert sentence(con, NO_CLOSED) is None
    assert sentence(con, NO_CLOSED, "en") is None


def test_all_complete(con):  # noqa: F811
    assert sentence(con, ONLY_A1) == "期内已结案的1起事故“四不放过”措施均已全部落实。"
    assert sentence(con, ONLY_A1, "en") == "The four measures of 四不放过 are done in every case closed in the period (1)."


def test_one_missing_education(con):  # noqa: F811
    assert sentence(con, A1_A2) == ("期内已结案的2起事故中，“四不放过”措施全部落实1起，未全部落实1起，"
                                    "涉及有关人员未受到教育1起。")
    assert sentence(con, A1_A2, "en") == ("Of the 2 cases closed in the period, all four measures of 四不放过 are done "
                                          "in 1 and not in 1: people concerned not educated in 1.")


def test_several_missing_are_named_in_the_rules_order(con):  # noqa: F811
    assert sentence(con, YEAR) == (
        "期内已结案的4起事故中，“四不放过”措施全部落实1起，未全部落实3起，涉及事故原因未查清1起、责任人员未处理1起、"
        "整改措施未落实1起、有关人员未受到教育3起。")
    # 8 August: A5's education counts
    later = Filters(date(2025, 1, 1), date(2025, 8, 1), CITY, date(2025, 8, 1))
    assert sentence(con, later).endswith("未全部落实2起，涉及事故原因未查清1起、责任人员未处理1起、整改措施未落实1起、"
                                         "有关人员未受到教育2起。")
    # only A3 in the west, nothing recorded
    assert sentence(con, Filters(YEAR.start, YEAR.end, WEST, AS_OF)) == (
        "期内已结案的1起事故“四不放过”措施均未全部落实，涉及事故原因未查清1起、责任人员未处理1起、整改措施未落实1起、"
        "有关人员未受到教育1起。")


@pytest.mark.parametrize("filters, present", [(YEAR, True), (NO_CLOSED, False)])
def test_the_tongbao_carries_it_after_the_closing_figures(con, filters, present):  # noqa: F811
    brief = build_brief(con, filters, generated_at=datetime(2025, 7, 1, 9, 0))
    texts = outline(brief, chart_png=lambda _spec: b"").texts()
    found = [t for t in texts if "四不放过" in t]
    if not present:
        assert found == []
        return
    assert found == [sentence(con, YEAR)]
    # the 结案 figures (结案率, cases open past their deadline) stand in the accidents paragraph before it
    closing = next(t for t in texts if "结案率" in t)
    assert "期内事故已结案4起，结案率80%" in closing and "逾期未结案事故" in closing
    assert texts.index(closing) < texts.index(found[0])
