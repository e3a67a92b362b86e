"""Accident grade (国务院令第493号 Art. 3), 较大涉险 and hazard state, at every boundary, in Python and SQL."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import duckdb
import pytest

from riskdash import db
from riskdash.domain import grade_accident, hazard_is_done, hazard_state, is_larger_risk_involved


@pytest.fixture(scope="module")
def sql():
    con = duckdb.connect()
    con.execute(db.sql_text("views/macros"))
    yield con
    con.close()


def sql_grade(con, deaths_incl_missing, serious, loss):
    return con.execute(
        "select accident_grade($d, $s, $l::decimal(14,2)), accident_grade_criterion($d, $s, $l::decimal(14,2))",
        {"d": deaths_incl_missing, "s": serious, "l": loss},
    ).fetchone()


# (deaths, missing, serious injuries, loss 万元) -> (grade, criterion)
BOUNDARIES = [
    # deaths: 2/3, 9/10, 29/30
    ((0, 0, 0, "0"), ("general", None)),
    ((2, 0, 0, "0"), ("general", None)),
    ((3, 0, 0, "0"), ("larger", "deaths")),
    ((9, 0, 0, "0"), ("larger", "deaths")),
    ((10, 0, 0, "0"), ("major", "deaths")),
    ((29, 0, 0, "0"), ("major", "deaths")),
    ((30, 0, 0, "0"), ("especially_major", "deaths")),
    # missing counts with deaths (死亡（含失踪）)
    ((2, 1, 0, "0"), ("larger", "deaths")),
    ((0, 3, 0, "0"), ("larger", "deaths")),
    ((8, 1, 0, "0"), ("larger", "deaths")),
    ((9, 1, 0, "0"), ("major", "deaths")),
    ((28, 1, 0, "0"), ("major", "deaths")),
    ((29, 1, 0, "0"), ("especially_major", "deaths")),
    # serious injuries: 9/10, 49/50, 99/100
    ((0, 0, 9, "0"), ("general", None)),
    ((0, 0, 10, "0"), ("larger", "serious_injuries")),
    ((0, 0, 49, "0"), ("larger", "serious_injuries")),
    ((0, 0, 50, "0"), ("major", "serious_injuries")),
    ((0, 0, 99, "0"), ("major", "serious_injuries")),
    ((0, 0, 100, "0"), ("especially_major", "serious_injuries")),
    # direct loss (万元): 999.99/1000, 4999.99/5000, 9999.99/10000
    ((0, 0, 0, "999.99"), ("general", None)),
    ((0, 0, 0, "1000"), ("larger", "direct_loss")),
    ((0, 0, 0, "4999.99"), ("larger", "direct_loss")),
    ((0, 0, 0, "5000"), ("major", "direct_loss")),
    ((0, 0, 0, "9999.99"), ("major", "direct_loss")),
    ((0, 0, 0, "10000"), ("especially_major", "direct_loss")),
    # several criteria: the highest grade wins; at one grade, deaths before injuries before loss
    ((3, 0, 10, "1000"), ("larger", "deaths")),
    ((2, 0, 10, "1000"), ("larger", "serious_injuries")),
    ((3, 0, 50, "0"), ("major", "serious_injuries")),
    ((9, 0, 49, "5000"), ("major", "direct_loss")),
    ((10, 0, 50, "5000"), ("major", "deaths")),
    ((1, 0, 100, "999.99"), ("especially_major", "serious_injuries")),
    ((2, 0, 9, "10000"), ("especially_major", "direct_loss")),
]


@pytest.mark.parametrize(("case", "expected"), BOUNDARIES, ids=[str(c) for c, _ in BOUNDARIES])
def test_grade_python_and_sql_agree_at_every_boundary(sql, case, expected):
    deaths, missing, serious, loss = case
    result = grade_accident(deaths, serious, Decimal(loss), missing=missing)
    assert (result.grade, result.criterion) == expected
    assert sql_grade(sql, deaths + missing, serious, loss) == expected


def test_grade_json_names_the_grade_in_chinese():
    assert grade_accident(10, 0, 0).as_json() == {"grade": "major", "grade_zh": "重大", "criterion": "deaths"}
    assert grade_accident(0, 0, 0).as_json() == {"grade": "general", "grade_zh": "一般", "criterion": None}


@pytest.mark.parametrize("bad", [dict(deaths=-1), dict(serious_injuries=-1), dict(loss_wan=-0.01), dict(missing=-2)])
def test_grade_refuses_negative_values(bad):
    args = {"deaths": 0, "serious_injuries": 0, "loss_wan": 0, "missing": 0, **bad}
    with pytest.raises(ValueError):
        grade_accident(**args)


# deaths, missing, serious, loss, endangered, trapped, evacuated -> 较大涉险
RISK_INVOLVED = [
    ((0, 0, 0, 0, 9, 0, 0), False),
    ((0, 0, 0, 0, 10, 0, 0), True),
    ((0, 0, 0, 0, 0, 2, 0), False),
    ((0, 0, 0, 0, 0, 3, 0), True),
    ((0, 1, 0, 0, 0, 2, 0), True),  # trapped or missing together
    ((0, 0, 0, 0, 0, 0, 499), False),
    ((0, 0, 0, 0, 0, 0, 500), True),
    ((3, 0, 0, 0, 20, 0, 0), False),  # already 较大 by deaths: not a 涉险 event
    ((0, 0, 0, 0, None, None, None), False),
]


@pytest.mark.parametrize(("case", "expected"), RISK_INVOLVED, ids=[str(c) for c, _ in RISK_INVOLVED])
def test_larger_risk_involved_python_and_sql(sql, case, expected):
    deaths, missing, serious, loss, endangered, trapped, evacuated = case
    assert is_larger_risk_involved(deaths, serious, loss, missing, endangered, trapped, evacuated) is expected
    got = sql.execute(
        "select is_larger_risk_involved($dm, $s, $l, $e, $t, $m, $v)",
        {"dm": deaths + missing, "s": serious, "l": loss, "e": endangered, "t": trapped, "m": missing, "v": evacuated},
    ).fetchone()[0]
    assert got is expected


D = date.fromisoformat
AS_OF = D("2025-06-30")
# found, grade, deadline, rectified, verified -> state on AS_OF, done
HAZARD_CASES = [
    (("2025-07-01", "general", "2025-07-10", None, None), (None, False)),  # found after as-of
    (("2025-06-01", "general", "2025-06-30", None, None), ("open", False)),  # deadline = as-of: not overdue
    (("2025-06-01", "general", "2025-06-29", None, None), ("overdue", False)),  # deadline the day before
    (("2025-06-01", "general", "2025-06-29", "2025-06-30", None), ("rectified", True)),  # rectified on as-of
    (("2025-06-01", "general", "2025-06-29", "2025-07-01", None), ("overdue", False)),  # rectified after as-of
    (("2025-06-01", "general", "2025-06-29", "2025-06-10", "2025-06-12"), ("closed", True)),
    (("2025-01-01", "major", "2025-07-31", "2025-06-01", None), ("rectified", False)),  # awaiting 验收
    (("2025-01-01", "major", "2025-06-29", "2025-06-01", None), ("overdue", False)),  # rectified, not verified, late
    (("2025-01-01", "major", "2025-06-29", "2025-06-01", "2025-06-30"), ("closed", True)),  # verified on as-of
    (("2025-01-01", "major", "2025-06-29", "2025-06-01", "2025-07-01"), ("overdue", False)),  # verified after
    (("2025-01-01", "major", "2025-12-31", None, None), ("open", False)),
]


@pytest.mark.parametrize(("case", "expected"), HAZARD_CASES, ids=[str(c) for c, _ in HAZARD_CASES])
def test_hazard_state_python_and_sql(sql, case, expected):
    found, grade, deadline, rectified, verified = case
    args = (D(found), grade, D(deadline), rectified and D(rectified), verified and D(verified))
    state = hazard_state(*args, AS_OF)
    done = hazard_is_done(grade, args[3], args[4], AS_OF)
    assert (state, done) == expected
    got = sql.execute(
        "select hazard_state($f, $g, $d, $r, $v, $a), hazard_is_done($g, $r, $v, $a)",
        {"f": args[0], "g": grade, "d": args[2], "r": args[3], "v": args[4], "a": AS_OF},
    ).fetchone()
    assert got == (state, done) or (state is None and got[0] is None)
