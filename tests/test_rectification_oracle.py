"""隐患治理 SQL against its plain pandas twin (riskdash.bench.oracle.rectification) on random hazards and inspections."""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import pandas as pd
import pytest
from conftest import CITY, COUNTY_A, TOWN_B1, fill_small_city
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from oracle_support import tables_read_once

from riskdash import db
from riskdash.filters import Filters
from riskdash.metrics import rectification as rect
from riskdash.bench.oracle import rectification as peer

DAY0 = date(2024, 1, 1)
ENTERPRISES = ["E1", "E2", "E3", "E4"]

hazard_rows = st.lists(
    st.tuples(
        st.integers(0, 500),  # found offset
        st.sampled_from(ENTERPRISES),
        st.sampled_from(["general", "major"]),
        st.integers(0, 60),  # deadline after found
        st.one_of(st.none(), st.integers(0, 90)),  # rectified after found
        st.one_of(st.none(), st.integers(0, 30)),  # verified after rectified
        st.sampled_from(["none", "county", "city", "province"]),
        st.one_of(st.none(), st.booleans()),  # in plan
        st.one_of(st.none(), st.booleans()),  # five in place
        st.one_of(st.none(), st.sampled_from(["0", "1.25", "30"])),  # funds
        st.one_of(st.none(), st.integers(0, 9)),  # inspection
        st.sampled_from([None, "", " ", "配电箱未接地"]),
        st.one_of(st.none(), st.integers(0, 60)),  # supervised (挂牌) after found
        st.one_of(st.none(), st.integers(0, 20)),  # delisted (摘牌) after verified
    ),
    max_size=40,
)
inspection_rows = st.lists(
    st.tuples(st.integers(0, 500), st.sampled_from(ENTERPRISES), st.sampled_from(["city", "county", "township", "self"])),
    min_size=10, max_size=10,
)
periods = st.tuples(st.integers(0, 500), st.integers(0, 300), st.integers(0, 600)).map(
    lambda t: (DAY0 + timedelta(t[0]), DAY0 + timedelta(t[0] + t[1]), DAY0 + timedelta(t[2])))

NAMES = ["rectification_kpis", "rectification_stock", "monthly_form", "overdue_list", "supervised_list", "closed_loop", "checks_by_level",
         "coverage_by_township", "coverage_by_sector", "by_township", "by_sector", "rate_by_month", "open_ageing",
         "evidence_by_township", "hazards_by_category", "new_hazards_list"]


def normalised(result):
    if isinstance(result, dict):
        return result
    records = []
    for row in result.reset_index(drop=True).to_dict("records"):
        out = {}
        for key, value in row.items():
            if value is None or (not isinstance(value, str) and pd.isna(value)):
                value = None
            elif isinstance(value, pd.Timestamp):
                value = value.date()
            elif hasattr(value, "item"):
                value = value.item()
            out[key] = round(value, 9) if isinstance(value, float) else value
        records.append(out)
    return records


@pytest.fixture(scope="module")
def oracle_con():
    con = duckdb.connect()
    db.create_schema(con)
    fill_small_city(con)
    con.execute("update enterprises set status = 'closed' where enterprise_id = 'E3'")
    yield con
    con.close()


@pytest.mark.slow  # a property test over many generated cities: left out of the fast tier
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=hazard_rows, checks=inspection_rows, period=periods,
       region=st.sampled_from([CITY, COUNTY_A, TOWN_B1]),
       industry=st.sampled_from([None, "hazardous_chemicals", "industry_trade"]))
def test_every_rectification_query_equals_its_pandas_twin(oracle_con, rows, checks, period, region, industry):
    con = oracle_con
    con.execute("begin transaction")
    try:
        con.execute("delete from hazards")
        con.execute("delete from inspections")
        con.executemany("insert into inspections (inspection_id, inspected_on, enterprise_id, level) values (?, ?, ?, ?)",
                        [(f"I{i}", DAY0 + timedelta(off), ent, level) for i, (off, ent, level) in enumerate(checks)])
        values = []
        for i, (off, ent, grade, dl, rect_days, ver, sup, plan, five, funds, insp, desc, listed,
                delisted) in enumerate(rows):
            found = DAY0 + timedelta(off)
            rectified = found + timedelta(rect_days) if rect_days is not None else None
            verified = rectified + timedelta(ver) if rectified is not None and ver is not None else None
            level = sup if grade == "major" else "none"
            supervised_on = found + timedelta(listed) if level != "none" and listed is not None else None
            delisted_on = verified + timedelta(delisted) if level != "none" and verified and delisted is not None \
                else None
            values.append((f"R{i}", ent, found, grade, found + timedelta(dl), rectified, verified, level, plan, five,
                           funds, f"I{insp}" if insp is not None else None, desc, supervised_on, delisted_on))
        if values:
            con.executemany(
                """insert into hazards (hazard_id, enterprise_id, found_on, grade, deadline, rectified_on, verified_on,
                                        supervision_level, in_treatment_plan, five_in_place, funds_wan, inspection_id,
                                        description, supervised_on, delisted_on)
                   values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                values,
            )
        # the description's samples (none, blank, spaces, a text) serve as categories too: the Pareto view
        con.execute("update hazards set category = description")
        db.sync_keys(con)
        start, end, as_of = period
        filters = Filters(start, end, region, as_of, industry)
        with tables_read_once():  # the rows stay as they are while the queries are compared
            for name in NAMES:
                assert normalised(getattr(rect, name)(con, filters)) == normalised(
                    getattr(peer, name)(con, filters)), name
            for name in ("overdue_list", "supervised_list"):  # the period's flow (the stock is in NAMES)
                assert normalised(getattr(rect, name)(con, filters, False)) == normalised(
                    getattr(peer, name)(con, filters, False)), name
            for days, overdue in ((7, True), (30, False)):
                assert normalised(rect.follow_up_list(con, filters, days, overdue)) == normalised(
                    peer.follow_up_list(con, filters, days, overdue))
            assert normalised(rect.uninspected_enterprises(con, filters, 90)) == normalised(
                peer.uninspected_enterprises(con, filters, 90))
    finally:
        con.execute("rollback")
