"""The township ranking narrowed to a region or an account (issue 16): the whole city's scorecard is computed
once and the scope's rows are taken from it — the same rows, scores, vetoes and order the scorecard of the
scope itself gives (each row holds only its own township's figures), each with its rank in the city."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import AS_OF, CITY, COUNTY_A, COUNTY_B, TOWN_A1, TOWN_A2, TOWN_B1

from riskdash.filters import Filters
from riskdash.metrics import campaigns


def _filters(region: str, account: str | None = None) -> Filters:
    return Filters(start=date(AS_OF.year, 1, 1), end=AS_OF, region_code=region, as_of=AS_OF,
                   account_region=account)


@pytest.fixture()
def counted(monkeypatch):
    calls: list[Filters] = []
    real = campaigns.township_scorecard

    def counting(con, filters, values=None):
        calls.append(filters)
        return real(con, filters, values)

    monkeypatch.setattr(campaigns, "township_scorecard", counting)
    return calls, real


@pytest.mark.parametrize(("region", "account"), [
    (COUNTY_A, None), (COUNTY_B, None), (TOWN_A1, None), (TOWN_B1, None),
    (COUNTY_A, COUNTY_A), (TOWN_A2, COUNTY_A), (TOWN_B1, TOWN_B1),
])
def test_a_narrowed_ranking_computes_the_scorecard_once_and_lists_the_scope_rows(small_con, counted, region,
                                                                               account):
    calls, real = counted
    filters = _filters(region, account)
    result = campaigns.townships(small_con, filters)
    assert len(calls) == 1 and calls[0].region_code == CITY and calls[0].account_region is None
    scoped = real(small_con, filters)  # the scorecard of the scope itself, as before
    whole = campaigns.townships(small_con, _filters(CITY))["townships"]
    order = [e["region_code"] for e in whole]
    listed = [e["region_code"] for e in result["townships"]]
    assert sorted(listed) == sorted(scoped["region_code"])
    assert listed == [code for code in order if code in set(listed)]  # the city's order, kept within scope
    by_code = {e["region_code"]: e for e in whole}
    for entry in result["townships"]:
        assert entry["city_rank"] == order.index(entry["region_code"]) + 1
        assert {k: v for k, v in entry.items() if k != "city_rank"} == by_code[entry["region_code"]]
    assert {row.region_code: campaigns._score(row.score) for row in scoped.itertuples()} == \
        {e["region_code"]: e["score"] for e in result["townships"]}
    assert result["city_townships"] == len(whole)


def test_the_whole_city_computes_it_once_without_city_ranks(small_con, counted):
    calls, _ = counted
    result = campaigns.townships(small_con, _filters(CITY))
    assert len(calls) == 1
    assert "city_townships" not in result and all("city_rank" not in e for e in result["townships"])
