"""Priority sites for preventing 较大及以上 accidents: the risk ranking, the 重点部位 ledger and its gaps, the
back-test of the score and one enterprise's site card.

The score is computed in ``sql/priority/risk_scores.sql`` from the weights in ``risk_weights`` (editable data,
read at query time) — never from the Python defaults in ``reference.py``. Reasons are worded here, from the
component counts the SQL returns, so that the words live in ``text/priority.py`` with the rest of the screen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import pandas as pd

from riskdash import benchspec, db, i18n
from riskdash.filters import Filters, shift_year
from riskdash.metrics import rate

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


def red_orange_counts(scores: pd.DataFrame, by: str) -> pd.DataFrame:
    """Red and orange enterprises per township (``by="township"``) or sector (``by="sector"``) of a ranking:
    one row per group that holds any enterprise, the most red first, then orange, then the code."""
    key, name = ("region_code", "region_name") if by == "township" else ("industry", "sector_name_zh")
    columns = [key, "name", "red", "orange", "enterprises"]
    if scores.empty:
        return pd.DataFrame(columns=columns)
    grouped = scores.groupby([key, name], sort=False).agg(
        red=("level", lambda s: int((s == "red").sum())),
        orange=("level", lambda s: int((s == "orange").sum())),
        enterprises=("level", "size"),
    ).reset_index().rename(columns={name: "name"})
    grouped = grouped.sort_values(["red", "orange", key], ascending=[False, False, True], kind="stable")
    return grouped[columns].reset_index(drop=True)


def level_counts(scores: pd.DataFrame) -> dict[str, int]:
    return {level: int((scores["level"] == level).sum()) for level in LEVELS}


# ---------------------------------------------------------------------------------------------- ledger


def key_site_ledger(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The 重点部位 ledger of the townships in the filtered region (the ledger is not split by sector)."""
    return db.query(con, "priority/key_site_ledger", **filters.params())


def townships_without_sites(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    return db.query(con, "priority/townships_without_sites", **filters.params())


def high_risk_enterprises_without_sites(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    return db.query(con, "priority/high_risk_enterprises_without_sites", **filters.params())


def accidents_without_ledger(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    return db.query(con, "priority/accidents_without_ledger", **filters.params())


@dataclass(frozen=True)
class LedgerGaps:
    """The accountability questions of the speech, for one region: each frame lists the rows behind a count."""

    ledger: pd.DataFrame
    townships_without_sites: pd.DataFrame
    high_risk_enterprises_without_sites: pd.DataFrame
    accidents_without_ledger: pd.DataFrame

    @property
    def not_in_place(self) -> pd.DataFrame:
        return self.ledger[self.ledger["measures_in_place"].fillna(False).ne(True)]

    @property
    def not_fully_filed(self) -> pd.DataFrame:
        return self.ledger[~self.ledger["is_fully_filed"].astype(bool)]

    def counts(self) -> dict[str, int]:
        return {
            "key_sites": len(self.ledger),
            "townships_without_sites": len(self.townships_without_sites),
            "high_risk_enterprises_without_sites": len(self.high_risk_enterprises_without_sites),
            "measures_not_in_place": len(self.not_in_place),
            "not_fully_filed": len(self.not_fully_filed),
            "accidents_without_ledger": len(self.accidents_without_ledger),
        }


def ledger_gaps(con: duckdb.DuckDBPyConnection, filters: Filters) -> LedgerGaps:
    return LedgerGaps(
        ledger=key_site_ledger(con, filters),
        townships_without_sites=townships_without_sites(con, filters),
        high_risk_enterprises_without_sites=high_risk_enterprises_without_sites(con, filters),
        accidents_without_ledger=accidents_without_ledger(con, filters),
    )


# ---------------------------------------------------------------------------------------------- back-test


def backtest_accidents(con: duckdb.DuckDBPyConnection, filters: Filters, until: date) -> pd.DataFrame:
    return db.query(con, "priority/backtest_accidents", **filters.params(), until=until)


def backtest_days(data_as_of: date, earliest: date | None, count: int = 4) -> list[date]:
    """Past as-of days one, two, … years before the data's as-of day, each with a full following year in the
    data and at least one year of history before it; oldest first."""
    days = [shift_year(data_as_of, -k) for k in range(1, count + 1)]
    if earliest is not None:
        days = [d for d in days if d >= shift_year(earliest, 1)]
    return sorted(days)


def backtest(con: duckdb.DuckDBPyConnection, region_code: str, days: list[date],
             top_share: float = BACKTEST_TOP_SHARE) -> pd.DataFrame:
    """For each as-of day: rank every enterprise, take the top ``top_share`` (rounded up), and count the
    following year's 较大及以上 accidents and accidents with deaths that happened at them. One row per day
    and a pooled last row (``as_of`` None); shares are None where no such accident happened."""
    rows = []
    for as_of in days:
        filters = as_of_filters(con, as_of, region_code)
        ranked = risk_scores(con, filters)
        top_n = math.ceil(len(ranked) * top_share)
        top = set(ranked["enterprise_id"].head(top_n))
        until = shift_year(as_of, 1)
        following = backtest_accidents(con, filters, until)
        in_top = following["enterprise_id"].isin(top)
        larger = following["is_larger_and_above"].astype(bool)
        deaths = following["has_deaths"].astype(bool)
        rows.append({
            "as_of": as_of, "until": until, "enterprises": len(ranked), "top_n": top_n,
            "larger_accidents": int(larger.sum()), "larger_in_top": int((larger & in_top).sum()),
            "death_accidents": int(deaths.sum()), "death_in_top": int((deaths & in_top).sum()),
        })
    frame = pd.DataFrame(rows, columns=["as_of", "until", "enterprises", "top_n", "larger_accidents",
                                        "larger_in_top", "death_accidents", "death_in_top"])
    if not frame.empty:
        pooled = frame[["enterprises", "top_n", "larger_accidents", "larger_in_top", "death_accidents",
                        "death_in_top"]].sum().astype(int).to_dict()
        frame = pd.concat([frame, pd.DataFrame([{"as_of": None, "until": None, **pooled}])], ignore_index=True)
    frame["chance_share"] = [rate(t, n) for t, n in zip(frame["top_n"], frame["enterprises"])]
    frame["larger_share"] = [rate(a, b) for a, b in zip(frame["larger_in_top"], frame["larger_accidents"])]
    frame["death_share"] = [rate(a, b) for a, b in zip(frame["death_in_top"], frame["death_accidents"])]
    return frame


def earliest_record(con: duckdb.DuckDBPyConnection) -> date | None:
    return db.query_one(con, "priority/earliest_record")["earliest_on"]


# ---------------------------------------------------------------------------------------------- site card


@dataclass(frozen=True)
class SiteCard:
    """One enterprise on one page: its score row, hazards, inspections, accidents and ledger entries."""

    score: pd.Series | None
    hazards: pd.DataFrame
    inspections: pd.DataFrame
    accidents: pd.DataFrame
    key_sites: pd.DataFrame


def site_hazards(con, enterprise_id: str, as_of: date) -> pd.DataFrame:
    return db.query(con, "priority/site_hazards", enterprise_id=enterprise_id, as_of=as_of)


def site_inspections(con, enterprise_id: str, as_of: date) -> pd.DataFrame:
    return db.query(con, "priority/site_inspections", enterprise_id=enterprise_id, as_of=as_of)


def site_accidents(con, enterprise_id: str, as_of: date) -> pd.DataFrame:
    return db.query(con, "priority/site_accidents", enterprise_id=enterprise_id, as_of=as_of)


def site_key_sites(con, enterprise_id: str) -> pd.DataFrame:
    return db.query(con, "priority/site_key_sites", enterprise_id=enterprise_id)


def site_card(con: duckdb.DuckDBPyConnection, scores: pd.DataFrame, enterprise_id: str, as_of: date) -> SiteCard:
    match = scores[scores["enterprise_id"] == enterprise_id]
    return SiteCard(
        score=None if match.empty else match.iloc[0],
        hazards=site_hazards(con, enterprise_id, as_of),
        inspections=site_inspections(con, enterprise_id, as_of),
        accidents=site_accidents(con, enterprise_id, as_of),
        key_sites=site_key_sites(con, enterprise_id),
    )


def ledger_townships(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Every township of the region with its number of ledger entries (0 included)."""
    return db.query(con, "priority/ledger_townships", **filters.params())


def risk_weights(con: duckdb.DuckDBPyConnection) -> dict[str, float]:
    return {r.component: float(r.weight) for r in db.query(con, "priority/risk_weights").itertuples()}


def risk_thresholds(con: duckdb.DuckDBPyConnection) -> dict[str, float]:
    return {r.level: float(r.min_score) for r in db.query(con, "priority/risk_thresholds").itertuples()}


# the score row's count and points column of each component (the site card's breakdown)
COMPONENT_COLUMNS = {
    "open_major_hazard": ("open_major", "points_open_major"),
    "overdue_major_hazard": ("overdue_major", "points_overdue_major"),
    "supervised_major_hazard": ("supervised_major", "points_supervised_major"),
    "overdue_general_hazard": ("overdue_general", "points_overdue_general"),
    "accident_death": ("decayed_deaths", "points_deaths"),
    "larger_accident": ("decayed_larger", "points_larger"),
    "sector_inherent": ("inherent_risk", "points_sector"),
    "key_site_not_in_place": ("sites_not_in_place", "points_sites"),
    "employees_per_100": ("employees", "points_employees"),
    "uninspected_per_90_days": ("days_uninspected", "points_uninspected"),
}


# ---------------------------------------------------------------------------------------------- bench


def _city_as_of(con: duckdb.DuckDBPyConnection) -> Filters:
    """The full ranking: the whole city as of the data's as-of day."""
    from riskdash import metrics

    return as_of_filters(con, db.data_as_of(con), metrics.root_region(con)["region_code"])


def _pandas_risk_scores(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    from riskdash.oracle import priority as oracle

    return oracle.risk_scores(con, filters)


BENCH_QUERIES: list[benchspec.BenchQuery] = [
    benchspec.BenchQuery("priority/risk_scores", "hazards", _city_as_of, _pandas_risk_scores),
    benchspec.BenchQuery("priority/key_site_ledger", "key_sites", _city_as_of),
    benchspec.BenchQuery("priority/accidents_without_ledger", "accidents", benchspec.city_year_to_date),
    benchspec.BenchQuery("priority/high_risk_enterprises_without_sites", "enterprises", _city_as_of),
]
