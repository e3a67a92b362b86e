"""Priority sites for preventing 较大及以上 accidents: the risk ranking, the 重点部位 ledger and its gaps, the
back-test of the score and one enterprise's site card.

The score is computed in ``sql/priority/risk_scores.sql`` from the weights in ``risk_weights`` (editable data,
read at query time) — never from the Python defaults in ``reference.py``. Reasons are worded here, from the
component counts the SQL returns, so that the words live in ``text/priority.py`` with the rest of the screen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import duckdb
import pandas as pd

from riskdash import benchspec, db, i18n
from riskdash.filters import Filters, shift_year

LEVELS = ("red", "orange", "yellow", "blue")
DEFAULT_TOP = 50
# the back-test looks at this share of enterprises ranked highest, against the same share by chance
BACKTEST_TOP_SHARE = 0.10
# days since the last supervisory inspection are capped here (and a never-inspected enterprise counts so)
UNINSPECTED_CAP_DAYS = 730


# ---------------------------------------------------------------------------------------------- score


def risk_scores(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Every active enterprise of the filtered region and sector, scored as of ``filters.as_of``, ranked."""
    return db.query(con, "priority/risk_scores", **filters.params())


def _number(value: float) -> str:
    return f"{value:g}"


def reasons(row: Any, lang: str = "zh") -> list[str]:
    """The words for each non-zero component of one scored row, the largest contribution first."""
    years = int(row["recency_years"])
    found: list[tuple[float, int, str]] = []

    def add(points: float, text: str) -> None:
        if points > 0:
            found.append((points, len(found), text))

    overdue_major, open_major = int(row["overdue_major"]), int(row["open_major"])
    per_open = row["points_open_major"] / open_major if open_major else 0.0
    if overdue_major:
        add(row["points_overdue_major"] + per_open * overdue_major,
            i18n.t("priority.reason.overdue_major", lang, n=overdue_major))
    if open_major > overdue_major:
        add(per_open * (open_major - overdue_major),
            i18n.t("priority.reason.open_major", lang, n=open_major - overdue_major))
    if row["supervised_major"]:
        add(row["points_supervised_major"],
            i18n.t("priority.reason.supervised_major", lang, n=int(row["supervised_major"])))
    if row["overdue_general"]:
        add(row["points_overdue_general"],
            i18n.t("priority.reason.overdue_general", lang, n=int(row["overdue_general"])))
    larger_points = row["points_larger"]
    counts = [(g, int(row[f"{g}_accidents"])) for g in ("especially_major", "major", "larger")]
    graded = [(g, n) for g, n in counts if n]
    for grade, n in graded:
        add(larger_points / len(graded),
            i18n.t("priority.reason.accidents", lang, years=years, n=n, grade=i18n.enum_name("grade", grade, lang)))
    if row["deaths"]:
        add(row["points_deaths"], i18n.t("priority.reason.deaths", lang, years=years, n=int(row["deaths"])))
    if row["sites_not_in_place"]:
        add(row["points_sites"], i18n.t("priority.reason.sites", lang, n=int(row["sites_not_in_place"])))
    sector = row["sector_name_en"] if lang == "en" and row["sector_name_en"] else row["sector_name_zh"]
    key = "priority.reason.sector_high" if row["is_high_risk"] else "priority.reason.sector"
    add(row["points_sector"], i18n.t(key, lang, sector=sector, risk=_number(float(row["inherent_risk"]))))
    if row["points_uninspected"] > 0:
        if pd.isna(row["last_inspected_on"]):
            add(row["points_uninspected"], i18n.t("priority.reason.never_inspected", lang, days=UNINSPECTED_CAP_DAYS))
        else:
            add(row["points_uninspected"], i18n.t("priority.reason.uninspected", lang, days=int(row["days_uninspected"])))
    add(row["points_employees"], i18n.t("priority.reason.employees", lang, n=int(row["employees"])))
    found.sort(key=lambda item: (-item[0], item[1]))
    return [text for _, _, text in found]


def priority_sites(con: duckdb.DuckDBPyConnection, filters: Filters, top: int = DEFAULT_TOP) -> dict[str, Any]:
    """``riskdash metrics priority``: the ``top`` highest-scored enterprises with their reasons in Chinese."""
    ranked = risk_scores(con, filters).head(top)
    return {
        "as_of": filters.as_of.isoformat(),
        "sites": [
            {
                "enterprise_id": row["enterprise_id"],
                "name": row["name"],
                "region_code": row["region_code"],
                "score": float(row["score"]),
                "level": row["level"],
                "reasons": reasons(row, "zh"),
            }
            for _, row in ranked.iterrows()
        ],
    }


def as_of_filters(con: duckdb.DuckDBPyConnection, as_of: date, region_code: str,
                  industry: str | None = None) -> Filters:
    """The filters of a ranking: a day, a region and a sector (the period does not enter the score)."""
    return Filters(start=as_of, end=as_of, region_code=region_code, as_of=as_of, industry=industry)
