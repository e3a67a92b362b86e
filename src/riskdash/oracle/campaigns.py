"""Plain pandas twins of the campaigns screen's queries: whole tables loaded, then filtered and counted.

They share nothing with ``sql/campaigns/*.sql`` (no views, no macros), so that the property tests compare two
independent readings of the rules, and ``riskdash bench`` times them beside the SQL.
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

from riskdash.filters import Filters
from riskdash.oracle import _table, descendants, grade_frame

SCORECARD_COLUMNS = [
    "region_code", "deaths_incl_missing", "target_deaths", "larger_accidents", "hazards_found", "hazards_done",
    "major_found", "major_closed", "key_sites", "key_sites_complete", "checklist_applicable", "checklist_done",
    "active_enterprises", "inspected_enterprises", "zero_expected_days", "zero_reported_days", "score",
    "is_vetoed_larger", "is_vetoed_target",
]


def _day(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series).dt.date


def township_scorecard(con: duckdb.DuckDBPyConnection, filters: Filters, weights: dict[str, float],
                       points_per_death: float) -> pd.DataFrame:
    """The scorecard's figures, components and score, for the year of ``filters.as_of`` up to that day."""
    as_of = filters.as_of
    jan1 = date(as_of.year, 1, 1)
    regions = _table(con, "regions")
    keep = descendants(regions, filters.region_code)
    towns = regions[(regions["level"] == "township") & regions["region_code"].isin(keep)]
    out = pd.DataFrame({"region_code": sorted(towns["region_code"])})
    cls = dict(zip(towns["region_code"], towns["township_class"]))

    acc = _table(con, "accidents")
    acc = acc[(_day(acc["occurred_at"]) >= jan1) & (_day(acc["occurred_at"]) <= as_of)]
    deaths = acc["deaths"] + acc["missing"]
    acc = acc.assign(d=deaths, larger=grade_frame(deaths, acc["serious_injuries"], acc["direct_loss_wan"]) != "general")
    by_acc = acc.groupby("region_code").agg(d=("d", "sum"), larger=("larger", "sum"))
    out["deaths_incl_missing"] = out["region_code"].map(by_acc["d"]).fillna(0).astype(int)
    out["larger_accidents"] = out["region_code"].map(by_acc["larger"]).fillna(0).astype(int)
    targets = _table(con, "annual_targets")
    targets = targets[targets["year"] == as_of.year]
    out["target_deaths"] = out["region_code"].map(dict(zip(targets["region_code"], targets["max_deaths"])))

    ent = _table(con, "enterprises")
    haz = _table(con, "hazards").merge(ent[["enterprise_id", "region_code"]], on="enterprise_id")
    found = _day(haz["found_on"])
    haz = haz[(found >= jan1) & (found <= as_of)]
    rect = _day(haz["rectified_on"]).map(lambda d: d is not None and not pd.isna(d) and d <= as_of)
    veri = _day(haz["verified_on"]).map(lambda d: d is not None and not pd.isna(d) and d <= as_of)
    major = haz["grade"] == "major"
    haz = haz.assign(done=np.where(major, veri, rect), major=major, closed=major & veri)
    by_haz = haz.groupby("region_code").agg(n=("hazard_id", "count"), done=("done", "sum"),
                                            major=("major", "sum"), closed=("closed", "sum"))
    for column, source in (("hazards_found", "n"), ("hazards_done", "done"), ("major_found", "major"),
                           ("major_closed", "closed")):
        out[column] = out["region_code"].map(by_haz[source]).fillna(0).astype(int)

    sites = _table(con, "key_sites")
    filed = lambda col: _day(sites[col]).map(lambda d: d is not None and not pd.isna(d) and d <= as_of)  # noqa: E731
    sites = sites.assign(ok=filed("filed_city_on") & filed("filed_county_on") & (sites["measures_in_place"] == True))  # noqa: E712
    by_site = sites.groupby("region_code").agg(n=("site_id", "count"), ok=("ok", "sum"))
    out["key_sites"] = out["region_code"].map(by_site["n"]).fillna(0).astype(int)
    out["key_sites_complete"] = out["region_code"].map(by_site["ok"]).fillna(0).astype(int)

    items = _table(con, "checklist_items")
    status = _table(con, "checklist_status")
    status_on = _day(status["status_on"])
    done = status[(status["status"] == "done") & status_on.map(lambda d: d is None or pd.isna(d) or d <= as_of)]
    done_pairs = set(zip(done["region_code"], done["item_code"]))
    n_all = int((items["applies_to"] == "all").sum())
    n_key = int((items["applies_to"] == "key").sum())
    applicable, done_counts = [], []
    for code in out["region_code"]:
        codes = items["item_code"][(items["applies_to"] == "all") | ((items["applies_to"] == "key") & (cls[code] == "key"))]
        applicable.append(n_all + (n_key if cls[code] == "key" else 0))
        done_counts.append(sum((code, item) in done_pairs for item in codes))
    out["checklist_applicable"] = applicable
    out["checklist_done"] = done_counts

    active = ent[ent["status"] == "active"]
    insp = _table(con, "inspections")
    on = _day(insp["inspected_on"])
    seen = set(insp["enterprise_id"][insp["level"].isin(["city", "county", "township"]) & (on >= jan1) & (on <= as_of)])
    active = active.assign(seen=active["enterprise_id"].isin(seen))
    by_active = active.groupby("region_code").agg(n=("enterprise_id", "count"), seen=("seen", "sum"))
    out["active_enterprises"] = out["region_code"].map(by_active["n"]).fillna(0).astype(int)
    out["inspected_enterprises"] = out["region_code"].map(by_active["seen"]).fillna(0).astype(int)

    windows = _table(con, "zero_report_windows")
    days: set[date] = set()
    for start, end in zip(_day(windows["start_on"]), _day(windows["end_on"])):
        day = max(start, jan1)
        while day <= min(end, as_of):
            days.add(day)
            day += timedelta(days=1)
    reports = _table(con, "zero_reports")
    reports = reports[_day(reports["report_on"]).isin(days)]
    reported = reports.assign(d=_day(reports["report_on"])).groupby("region_code")["d"].nunique()
    out["zero_expected_days"] = len(days)
    out["zero_reported_days"] = out["region_code"].map(reported).fillna(0).astype(int)

    def share(num: str, den: str) -> pd.Series:
        return pd.Series([100.0 * n / d if d else np.nan for n, d in zip(out[num], out[den])], dtype=float)

    over = out["target_deaths"].notna() & (out["deaths_incl_missing"] > out["target_deaths"].fillna(0))
    parts = {
        "deaths": pd.Series(np.where(over, 0.0, np.maximum(0.0, 100.0 - points_per_death * out["deaths_incl_missing"]))),
        "larger_accidents": pd.Series(np.where(out["larger_accidents"] == 0, 100.0, 0.0)),
        "rectification": share("hazards_done", "hazards_found"),
        "major_closed": share("major_closed", "major_found"),
        "ledger": share("key_sites_complete", "key_sites").fillna(0.0),
        "standardisation": share("checklist_done", "checklist_applicable"),
        "inspection_coverage": share("inspected_enterprises", "active_enterprises"),
        "zero_report": share("zero_reported_days", "zero_expected_days"),
    }
    points = sum(parts[k].fillna(0.0) * w for k, w in weights.items())
    used = sum(parts[k].notna() * w for k, w in weights.items())
    out["score"] = [p / u if u else np.nan for p, u in zip(points, used)]
    for name, series in parts.items():
        out[f"score_{name}"] = series
    out["is_vetoed_larger"] = out["larger_accidents"] > 0
    out["is_vetoed_target"] = over
    return out
