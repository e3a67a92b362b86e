"""The rules of docs/rules.md, in Python: accident grade, hazard state, 较大涉险.

The same rules exist as SQL macros (sql/views/macros.sql) for queries; tests/test_domain.py checks that both
agree at every boundary, so neither can drift alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Literal

Grade = Literal["general", "larger", "major", "especially_major"]
Criterion = Literal["deaths", "serious_injuries", "direct_loss"]
HazardState = Literal["open", "overdue", "rectified", "closed"]

GRADES: tuple[Grade, ...] = ("general", "larger", "major", "especially_major")
GRADE_ZH: dict[str, str] = {"general": "一般", "larger": "较大", "major": "重大", "especially_major": "特别重大"}

# 国务院令第493号 Art. 3: lower bounds ("以上" includes the number) per grade and criterion.
# deaths count 死亡（含失踪）; loss is in 万元.
GRADE_THRESHOLDS: dict[Grade, dict[Criterion, Decimal]] = {
    "especially_major": {"deaths": Decimal(30), "serious_injuries": Decimal(100), "direct_loss": Decimal(10000)},
    "major": {"deaths": Decimal(10), "serious_injuries": Decimal(50), "direct_loss": Decimal(5000)},
    "larger": {"deaths": Decimal(3), "serious_injuries": Decimal(10), "direct_loss": Decimal(1000)},
}
CRITERIA_ORDER: tuple[Criterion, ...] = ("deaths", "serious_injuries", "direct_loss")


@dataclass(frozen=True)
class GradeResult:
    grade: Grade
    criterion: Criterion | None

    @property
    def grade_zh(self) -> str:
        return GRADE_ZH[self.grade]

    def as_json(self) -> dict:
        return {"grade": self.grade, "grade_zh": self.grade_zh, "criterion": self.criterion}


def grade_accident(deaths: int, serious_injuries: int, loss_wan: Decimal | float | int, missing: int = 0) -> GradeResult:
    """Grade per Art. 3: any one criterion is enough, the highest grade reached wins.

    The criterion reported is the first of deaths (含失踪), serious injuries, loss that reaches the grade.
    """
    for name, value in (("deaths", deaths), ("serious_injuries", serious_injuries), ("missing", missing)):
        if value < 0:
            raise ValueError(f"{name} must be 0 or more, got {value}")
    loss = Decimal(str(loss_wan))
    if loss < 0:
        raise ValueError(f"loss_wan must be 0 or more, got {loss_wan}")
    values: dict[Criterion, Decimal] = {
        "deaths": Decimal(deaths + missing),
        "serious_injuries": Decimal(serious_injuries),
        "direct_loss": loss,
    }
    for grade in ("especially_major", "major", "larger"):
        for criterion in CRITERIA_ORDER:
            if values[criterion] >= GRADE_THRESHOLDS[grade][criterion]:
                return GradeResult(grade, criterion)
    return GradeResult("general", None)


def is_larger_and_above(deaths: int, serious_injuries: int, loss_wan, missing: int = 0) -> bool:
    """较大及以上: the 3-or-more-deaths red line of the speeches (or ≥ 10 serious injuries, ≥ 1000 万元)."""
    return grade_accident(deaths, serious_injuries, loss_wan, missing).grade != "general"


def is_larger_risk_involved(
    deaths: int,
    serious_injuries: int,
    loss_wan,
    missing: int = 0,
    endangered: int | None = None,
    trapped: int | None = None,
    evacuated: int | None = None,
) -> bool:
    """较大涉险事故 (安监总局令第21号 Art. 26) on the recorded columns: a general accident that endangered ≥ 10,
    left ≥ 3 trapped or missing, or made ≥ 500 evacuate."""
    if is_larger_and_above(deaths, serious_injuries, loss_wan, missing):
        return False
    return (endangered or 0) >= 10 or (trapped or 0) + missing >= 3 or (evacuated or 0) >= 500


def hazard_is_done(grade: str, rectified_on: date | None, verified_on: date | None, as_of: date) -> bool:
    """General: rectified by as_of. Major: only closed (整改销号, verified) by as_of."""
    if grade == "major":
        return verified_on is not None and verified_on <= as_of
    return rectified_on is not None and rectified_on <= as_of


def hazard_state(
    found_on: date,
    grade: str,
    deadline: date,
    rectified_on: date | None,
    verified_on: date | None,
    as_of: date,
) -> HazardState | None:
    """The hazard as it stood on as_of; None when it was found later.

    closed: verified by as_of. rectified: done (a general hazard) or a major hazard rectified and awaiting
    verification within its deadline. overdue: not done and the deadline before as_of (the deadline day
    itself is not overdue; a major hazard rectified but not verified past its deadline is overdue). open:
    the rest.
    """
    if found_on > as_of:
        return None
    if hazard_is_done(grade, rectified_on, verified_on, as_of):
        return "closed" if verified_on is not None and verified_on <= as_of else "rectified"
    if deadline < as_of:
        return "overdue"
    if rectified_on is not None and rectified_on <= as_of:
        return "rectified"
    return "open"


def round_pct(value: Fraction | float | Decimal) -> float:
    """A percentage rounded half away from zero to one decimal (not Python's half-to-even)."""
    exact = Decimal(value.numerator) / Decimal(value.denominator) if isinstance(value, Fraction) else Decimal(str(value))
    sign = -1 if exact < 0 else 1
    return float(sign * abs(exact).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


# ------------------------------------------------------------------------------------- working days (issue 19)

# The fixed-date days of 全国年节及纪念日放假办法 (as amended 2024, Art. 2): 元旦 1 January, 劳动节 1–2 May,
# 国庆节 1–3 October. The lunar holidays and the 调休 of a year come only with the State Council's notice for that
# year (the settings holidays and adjusted_workdays); for a year the lists do not cover, these days still count.
FIXED_HOLIDAYS = ((1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3))


def parse_department_map(text: str | None) -> dict[str, str]:
    """The setting sector_departments (行业主管部门) as {sector code: department}: "code=department" items separated
    by commas (， too); ValueError naming the first item that is not one, or a sector given twice."""
    import re

    found: dict[str, str] = {}
    for item in filter(None, (part.strip() for part in re.split(r"[,，]", text or ""))):
        code, sep, name = (s.strip() for s in item.partition("="))
        if not sep or not re.fullmatch(r"[a-z0-9_]+", code) or not name or code in found:
            raise ValueError(item)
        found[code] = name
    return found


def parse_day_list(text: str | None) -> list[date]:
    """The days of a list like ``2026-10-01..2026-10-07, 2026-10-10`` (a day or a range first..last, separated
    by commas, semicolons, spaces or new lines; Chinese commas too), sorted; ValueError names the bad part."""
    days: set[date] = set()
    for part in (text or "").replace("，", ",").replace("；", ",").replace(";", ",").replace("\n", ",").split(","):
        for item in part.split():
            first, _, last = item.partition("..")
            try:
                start = date.fromisoformat(first)
                end = date.fromisoformat(last) if last else start
            except ValueError:
                raise ValueError(item) from None
            if end < start or (end - start).days > 31:
                raise ValueError(item)
            days.update(date.fromordinal(n) for n in range(start.toordinal(), end.toordinal() + 1))
    return sorted(days)


def is_working_day(day: date, holidays: frozenset[date] | set[date] = frozenset(),
                   workdays: frozenset[date] | set[date] = frozenset()) -> bool:
    """Monday to Friday unless a holiday; a listed 调休 working day (a weekend day worked) is one. For a year
    with no listed holiday, the fixed-date statutory days (FIXED_HOLIDAYS) are holidays."""
    if day in workdays:
        return True
    if day in holidays:
        return False
    if not any(h.year == day.year for h in holidays) and (day.month, day.day) in FIXED_HOLIDAYS:
        return False
    return day.weekday() < 5


def first_working_day(year: int, month: int, holidays: frozenset[date] | set[date] = frozenset(),
                      workdays: frozenset[date] | set[date] = frozenset()) -> date:
    """The month's first working day (is_working_day)."""
    day = date(year, month, 1)
    while not is_working_day(day, holidays, workdays):
        day = date.fromordinal(day.toordinal() + 1)
    return day
