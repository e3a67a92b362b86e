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
import numpy as np
import pandas as pd

from riskdash import db, i18n
from riskdash.filters import Filters, shift_year
from riskdash.metrics.core import rate
from riskdash.metrics.departments import department_filter

LEVELS = ("red", "orange", "yellow", "blue")
DEFAULT_TOP = 50
# the back-test looks at this share of enterprises ranked highest, against the same share by chance
BACKTEST_TOP_SHARE = 0.10
# days since the last supervisory inspection are capped here (and a never-inspected enterprise counts so)
UNINSPECTED_CAP_DAYS = 730


# ---------------------------------------------------------------------------------------------- score


# the columns of a ranking, in this order: the SQL's counts and score, the labels looked up and the points
SCORE_COLUMNS = (
    "rank", "enterprise_id", "name", "region_code", "region_name", "industry", "sector_name_zh", "sector_name_en",
    "is_high_risk", "employees", "inherent_risk", "longitude", "latitude", "open_major", "overdue_major",
    "supervised_major", "overdue_general", "decayed_deaths", "decayed_larger", "deaths", "larger_accidents",
    "major_accidents", "especially_major_accidents", "sites_not_in_place", "last_inspected_on", "days_uninspected",
    "recency_years", "points_open_major", "points_overdue_major", "points_supervised_major",
    "points_overdue_general", "points_deaths", "points_larger", "points_sector", "points_sites", "points_employees",
    "points_uninspected", "score", "level",
)


def risk_scores(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Every active enterprise of the filtered region and sector, scored as of ``filters.as_of``, ranked.

    The SQL scores, levels and orders; it returns counts only, because a city's 100 k rows of repeated
    township and sector names cost more to fetch than the score costs to compute. The names come from two
    lookups and each component's points (count × weight, the terms the SQL summed) are multiplied out here
    for the reasons and the site card."""
    ranked = db.query_list(con, "priority/risk_scores", **filters.params())
    return label_scores(ranked, score_sectors(con), region_names(con), risk_weights(con), risk_recency(con),
                        filters.as_of)


def risk_recency(con: duckdb.DuckDBPyConnection) -> int:
    return int(db.query_one(con, "priority/risk_recency")["recency_years"])


def score_sectors(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return db.query(con, "priority/score_sectors")


def region_names(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return db.query(con, "priority/region_names")


def label_scores(ranked: pd.DataFrame, sectors: pd.DataFrame, regions: pd.DataFrame, weights: dict[str, float],
                 recency_years: int, as_of: date) -> pd.DataFrame:
    """The SQL ranking with its rank, township and sector names, last inspection day and points per component."""
    frame = ranked.copy()
    frame.insert(0, "rank", range(1, len(frame) + 1))
    # the SQL returns the township and sector as numbers (cheaper to fetch than 100 k code strings); the
    # lookups carry the same numbers with the codes and names
    frame = (frame.merge(regions, on="region_number", how="left").merge(sectors, on="sector_number", how="left")
             .drop(columns=["region_number", "sector_number"]))
    frame["level"] = pd.Series(np.array(LEVELS, dtype=object)[frame.pop("level_number").to_numpy(dtype=int) - 1],
                               index=frame.index, dtype="str")
    days = frame["days_uninspected"]
    # a day within the capped window is a real inspection; the cap itself means none in the last 730 days
    last = pd.Timestamp(as_of) - pd.to_timedelta(days, unit="D")
    frame["last_inspected_on"] = last.where(days < UNINSPECTED_CAP_DAYS).astype("datetime64[us]")
    frame["recency_years"] = np.int32(recency_years)
    frame["deaths"] = frame["deaths"].astype(float)  # a sum, as the frame has always carried it
    for column, points in component_points(frame, weights).items():
        frame[column] = points
    return frame[list(SCORE_COLUMNS)]


def component_points(frame: pd.DataFrame, weights: dict[str, float]) -> dict[str, pd.Series]:
    """Each component's points (count × weight) of every row of a ranking: the terms risk_scores.sql sums."""
    w = lambda component: float(weights.get(component, 0.0))  # noqa: E731
    return {
        "points_open_major": frame["open_major"] * w("open_major_hazard"),
        "points_overdue_major": frame["overdue_major"] * w("overdue_major_hazard"),
        "points_supervised_major": frame["supervised_major"] * w("supervised_major_hazard"),
        "points_overdue_general": frame["overdue_general"] * w("overdue_general_hazard"),
        "points_deaths": frame["decayed_deaths"] * w("accident_death"),
        "points_larger": frame["decayed_larger"] * w("larger_accident"),
        "points_sector": frame["inherent_risk"].astype(float) * w("sector_inherent"),
        "points_sites": frame["sites_not_in_place"] * w("key_site_not_in_place"),
        "points_employees": np.minimum(frame["employees"] / 100.0, 10) * w("employees_per_100"),
        "points_uninspected": np.floor(frame["days_uninspected"] / 90) * w("uninspected_per_90_days"),
    }


def rescored(scores: pd.DataFrame, weights: dict[str, float]) -> pd.DataFrame:
    """A ranking scored again with other weights (a what-if: the stored weights are not touched): the
    enterprise ids and scores, by score descending, ties by enterprise_id, as the SQL orders."""
    points = component_points(scores, weights)
    score = sum(points.values(), pd.Series(0.0, index=scores.index)).round(2)
    frame = pd.DataFrame({"enterprise_id": scores["enterprise_id"], "score": score})
    return frame.sort_values(["score", "enterprise_id"], ascending=[False, True], kind="stable").reset_index(drop=True)


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
    # counted as columns summed per group, not a Python function per group (a city has 1,200 townships)
    marked = scores[[key, name]].assign(red=scores["level"].eq("red").astype("int64"),
                                        orange=scores["level"].eq("orange").astype("int64"), enterprises=1)
    grouped = (marked.groupby([key, name], sort=False)[["red", "orange", "enterprises"]].sum()
               .reset_index().rename(columns={name: "name"}))
    grouped = grouped.sort_values(["red", "orange", key], ascending=[False, False, True], kind="stable")
    return grouped[columns].reset_index(drop=True)


def level_counts(scores: pd.DataFrame) -> dict[str, int]:
    return {level: int((scores["level"] == level).sum()) for level in LEVELS}


# ---------------------------------------------------------------------------------------------- ledger


def key_site_ledger(con: duckdb.DuckDBPyConnection, filters: Filters, department: str | None = None) -> pd.DataFrame:
    """The 重点部位 ledger of the townships in the filtered region (the ledger is not split by sector); with
    ``department``, only the sites of that 行业主管部门's sectors (issue 18; a public place's site is in none)."""
    return db.query(con, "priority/key_site_ledger", **filters.params(), **department_filter(con, department))


def townships_without_sites(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    return db.query(con, "priority/townships_without_sites", **filters.params())


def high_risk_enterprises_without_sites(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    # a long list (28 k rows for a city at scale 20), fetched through Arrow
    return db.query_list(con, "priority/high_risk_enterprises_without_sites", **filters.params())


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


@dataclass(frozen=True)
class BacktestDay:
    """One scoring day of the back-test: the ranking as of it and the accidents of the year after it."""

    as_of: date
    until: date
    scores: pd.DataFrame
    following: pd.DataFrame


def backtest_rankings(con: duckdb.DuckDBPyConnection, region_code: str, days: list[date]) -> list[BacktestDay]:
    result = []
    for as_of in days:
        filters = as_of_filters(con, as_of, region_code)
        until = shift_year(as_of, 1)
        result.append(BacktestDay(as_of, until, risk_scores(con, filters), backtest_accidents(con, filters, until)))
    return result


def _capture(ranked_ids: pd.Series, following: pd.DataFrame, top_share: float) -> dict[str, int]:
    """How many of the following year's accidents happened at the first ``top_share`` of ``ranked_ids``."""
    top_n = math.ceil(len(ranked_ids) * top_share)
    in_top = following["enterprise_id"].isin(set(ranked_ids.head(top_n)))
    larger = following["is_larger_and_above"].astype(bool)
    deaths = following["has_deaths"].astype(bool)
    return {
        "enterprises": len(ranked_ids), "top_n": top_n,
        "larger_accidents": int(larger.sum()), "larger_in_top": int((larger & in_top).sum()),
        "death_accidents": int(deaths.sum()), "death_in_top": int((deaths & in_top).sum()),
    }


CAPTURE_COLUMNS = ["enterprises", "top_n", "larger_accidents", "larger_in_top", "death_accidents", "death_in_top"]


def _shares(frame: pd.DataFrame) -> pd.DataFrame:
    frame["chance_share"] = [rate(t, n) for t, n in zip(frame["top_n"], frame["enterprises"])]
    frame["larger_share"] = [rate(a, b) for a, b in zip(frame["larger_in_top"], frame["larger_accidents"])]
    frame["death_share"] = [rate(a, b) for a, b in zip(frame["death_in_top"], frame["death_accidents"])]
    return frame


def backtest(con: duckdb.DuckDBPyConnection, region_code: str, days: list[date],
             top_share: float = BACKTEST_TOP_SHARE, rankings: list[BacktestDay] | None = None) -> pd.DataFrame:
    """For each as-of day: rank every enterprise with the data and the ledger as they stood that day, take
    the top ``top_share`` (rounded up), and count the following year's 较大及以上 accidents and accidents with
    deaths that happened at them. One row per day and a pooled last row (``as_of`` None); shares are None
    where no such accident happened."""
    rankings = backtest_rankings(con, region_code, days) if rankings is None else rankings
    rows = [{"as_of": day.as_of, "until": day.until, **_capture(day.scores["enterprise_id"], day.following, top_share)}
            for day in rankings]
    frame = pd.DataFrame(rows, columns=["as_of", "until", *CAPTURE_COLUMNS])
    if not frame.empty:
        pooled = frame[CAPTURE_COLUMNS].sum().astype(int).to_dict()
        frame = pd.concat([frame, pd.DataFrame([{"as_of": None, "until": None, **pooled}])], ignore_index=True)
    return _shares(frame)


# The weight sets the back-test compares: the stored weights, and documented alternatives that each set some
# stored weights to 0 (docs/risk-score.md). "Without the sector" asks whether the sector's inherent risk
# earns its points; "records only" keeps only what happened at the enterprise (hazards, accidents, ledger,
# inspections), dropping the sector and the head count.
WEIGHT_ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "stored": (),
    "no_sector": ("sector_inherent",),
    "records_only": ("sector_inherent", "employees_per_100"),
}


def weight_calibration(rankings: list[BacktestDay], weights: dict[str, float],
                       top_share: float = BACKTEST_TOP_SHARE) -> pd.DataFrame:
    """The back-test pooled over its days for each weight set of WEIGHT_ALTERNATIVES: one row per set with
    the weights it zeroes, the capture counts and the shares (None where no such accident happened)."""
    rows = []
    for key, zeroed in WEIGHT_ALTERNATIVES.items():
        changed = {**weights, **{component: 0.0 for component in zeroed}}
        totals = dict.fromkeys(CAPTURE_COLUMNS, 0)
        for day in rankings:
            ranked = day.scores["enterprise_id"] if not zeroed else rescored(day.scores, changed)["enterprise_id"]
            for column, value in _capture(ranked, day.following, top_share).items():
                totals[column] += value
        rows.append({"weights": key, "zeroed": zeroed, "days": len(rankings), **totals})
    return _shares(pd.DataFrame(rows, columns=["weights", "zeroed", "days", *CAPTURE_COLUMNS]))


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


def ledger_townships(con: duckdb.DuckDBPyConnection, filters: Filters, department: str | None = None) -> pd.DataFrame:
    """Every township of the region with its number of ledger entries (0 included); with ``department``, of
    that department's sectors only (as ``key_site_ledger`` lists them)."""
    return db.query(con, "priority/ledger_townships", **filters.params(), **department_filter(con, department))


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
