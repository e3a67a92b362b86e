"""行业主管部门 ("管行业必须管安全", issue 18): accidents, hazards and enterprises counted by the department
responsible for their sector (setting sector_departments; docs/settings.md)."""

from __future__ import annotations

import duckdb
import pandas as pd

from riskdash import db
from riskdash.filters import Filters

SETTING_KEY = "sector_departments"
COUNTS = ["accidents", "deaths", "hazards", "major_hazards", "enterprises"]


def department_map(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """{sector code: department} from the settings table, or the documented default when the row is missing."""
    from riskdash import reference
    from riskdash.domain import parse_department_map

    frame = db.query(con, "rectification/setting_value", key=SETTING_KEY)
    text = str(frame.loc[0, "value"]) if not frame.empty else dict(
        (k, v) for k, v, *_ in reference.SETTINGS)[SETTING_KEY]
    try:
        return parse_department_map(text)
    except ValueError as exc:
        raise db.RiskdashError(f"setting {SETTING_KEY}: {exc} is not sector_code=department") from None


def by_department(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """One row per department: the period's accidents and deaths (incl. missing), hazards found (of them major)
    and the enterprises of the scope; the rows add up to the scope's totals."""
    mapping = department_map(con)
    frame = db.query(con, "metrics/by_department", **filters.params(), codes=list(mapping),
                     names=list(mapping.values()))
    for column in COUNTS:
        frame[column] = frame[column].astype(int)
    return frame
