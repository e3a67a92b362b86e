"""行业主管部门 ("管行业必须管安全", issue 18): accidents, hazards, enterprises and 重点部位 counted by the
department responsible for their sector (setting sector_departments; docs/settings.md): 隐患治理's table
(by_department), 事故趋势's (accidents_by_department) and 重点部位's (sites_by_department)."""

from __future__ import annotations

import duckdb
import pandas as pd

from riskdash import db
from riskdash.filters import Filters

SETTING_KEY = "sector_departments"
COUNTS = ["accidents", "deaths", "hazards", "major_hazards", "enterprises"]


def default_department_map() -> dict[str, str]:
    """{sector code: department} as shipped (the default of the setting, reference.SETTINGS): what a database
    without the row reads, and what `riskdash bench` binds for the screens' default, 全部部门."""
    from riskdash import reference
    from riskdash.domain import parse_department_map

    return parse_department_map(dict((k, v) for k, v, *_ in reference.SETTINGS)[SETTING_KEY])


def department_map(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """{sector code: department} from the settings table, or the documented default when the row is missing."""
    from riskdash.domain import parse_department_map

    frame = db.query(con, "rectification/setting_value", key=SETTING_KEY)
    if frame.empty:
        return default_department_map()
    try:
        return parse_department_map(str(frame.loc[0, "value"]))
    except ValueError as exc:
        raise db.RiskdashError(f"setting {SETTING_KEY}: {exc} is not sector_code=department") from None


def by_department(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """One row per department: the period's accidents and deaths (incl. missing), hazards found (of them major)
    and the enterprises of the scope; the rows add up to the scope's totals."""
    frame = db.query(con, "metrics/by_department", **filters.params(), **_department_params(con))
    for column in COUNTS:
        frame[column] = frame[column].astype(int)
    return frame


def _department_params(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    mapping = department_map(con)
    return {"codes": list(mapping), "names": list(mapping.values())}


def department_filter(con: duckdb.DuckDBPyConnection, department: str | None) -> dict:
    """The parameters of a list narrowed to ``department``'s sectors (in_department, sql/views/departments.sql):
    $department (None: every row) and the setting as $codes and $names."""
    return {**_department_params(con), "department": department}


def department_list(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The departments of the setting in the order of their first sector, each with its sectors (codes joined
    by ','): the choices of the department filter on the accident list and the 重点部位 ledger."""
    return db.query(con, "reference/departments", **_department_params(con))


ACCIDENT_COUNTS = ["accidents", "deaths", "larger_accidents", "previous_accidents", "previous_deaths"]


def accidents_by_department(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """One row per department: the period's accidents, deaths (incl. missing) and 较大及以上 accidents, and the
    accidents and deaths of the same dates a year earlier (同比); the rows add up to the scope's totals."""
    previous = filters.previous_year()
    frame = db.query(con, "accidents/accidents_by_department", **filters.params(), **_department_params(con),
                     previous_start=previous.start, previous_end=previous.end)
    for column in ACCIDENT_COUNTS:
        frame[column] = frame[column].astype(int)
    return frame


SITE_COUNTS = ["sites", "fully_filed", "in_place", "filed_with_department"]


def sites_by_department(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """One row per department with a 重点部位 in the scope's ledger (every sector; a public place's site under
    —): sites, filed with both offices by the as-of day, measures in place, filed with the department itself."""
    frame = db.query(con, "priority/sites_by_department", **filters.params(), **_department_params(con))
    for column in SITE_COUNTS:
        frame[column] = frame[column].astype(int)
    return frame
