"""The risk score in plain pandas: whole tables loaded, filtered, grouped and summed — sharing nothing with
sql/priority/risk_scores.sql (no views, no macros). The test oracle (SQL == pandas on random data) and the
bench peer of ``priority/risk_scores``."""

from __future__ import annotations

import numpy as np
import pandas as pd

from riskdash.bench.oracle.tables import _table, descendants, grade_frame
from riskdash.filters import Filters, shift_year

CAP_DAYS = 730


def _data_as_of(con) -> pd.Timestamp | None:
    """The day declared for the data (meta), else the latest event day of the rows."""
    meta = _table(con, "meta").set_index("key")["value"].to_dict()
    if meta.get("data_as_of"):
        return pd.Timestamp(meta["data_as_of"])
    hazards = _table(con, "hazards")
    days = [pd.to_datetime(_table(con, "accidents")["occurred_at"]).dt.normalize(),
            pd.to_datetime(_table(con, "inspections")["inspected_on"])]
    days += [pd.to_datetime(hazards[c]) for c in ("found_on", "rectified_on", "verified_on", "supervised_on",
                                                  "delisted_on")]
    latest = max((d.max() for d in days if d.notna().any()), default=None)
    return None if latest is None else pd.Timestamp(latest)


def _full_years(later: pd.Timestamp, earlier: pd.Series) -> pd.Series:
    """Whole calendar years from ``earlier`` to ``later`` (an age)."""
    before_birthday = (earlier.dt.month > later.month) | ((earlier.dt.month == later.month) & (earlier.dt.day > later.day))
    return later.year - earlier.dt.year - before_birthday.astype(int)


def risk_scores(con, filters: Filters) -> pd.DataFrame:
    """enterprise_id, score, level of every active enterprise in the region and sector, ranked."""
    as_of = pd.Timestamp(filters.as_of)
    weights = _table(con, "risk_weights").set_index("component")["weight"].to_dict()
    w = lambda name: float(weights.get(name, 0.0))  # noqa: E731
    thresholds = _table(con, "risk_thresholds").set_index("level")["min_score"].to_dict()
    settings = _table(con, "settings").set_index("key")["value"].to_dict()
    try:
        years = max(int(settings.get("risk_recency_years", "3")), 1)
    except ValueError:
        years = 3

    enterprises = _table(con, "enterprises")
    sectors = _table(con, "sectors").set_index("code")["inherent_risk"]
    keep = descendants(_table(con, "regions"), filters.region_code)
    ents = enterprises[(enterprises["status"] == "active") & enterprises["region_code"].isin(keep)]
    if filters.industry is not None:
        ents = ents[ents["industry"] == filters.industry]
    ents = ents.set_index("enterprise_id")
    score = pd.Series(0.0, index=ents.index)

    hazards = _table(con, "hazards")
    hazards = hazards[hazards["enterprise_id"].isin(ents.index)]
    found = pd.to_datetime(hazards["found_on"])
    rectified = pd.to_datetime(hazards["rectified_on"]) <= as_of
    verified = pd.to_datetime(hazards["verified_on"]) <= as_of
    major = hazards["grade"] == "major"
    done = np.where(major, verified, rectified)
    still_open = hazards[(found <= as_of) & ~done]
    open_major = still_open["grade"] == "major"
    overdue = pd.to_datetime(still_open["deadline"]) < as_of
    supervised_on = pd.to_datetime(still_open["supervised_on"])
    supervised = (still_open["supervision_level"] != "none") & (supervised_on.isna() | (supervised_on <= as_of))

    def per_enterprise(mask: pd.Series) -> pd.Series:
        return still_open[mask].groupby("enterprise_id").size().reindex(ents.index, fill_value=0)

    score += per_enterprise(open_major) * w("open_major_hazard")
    score += per_enterprise(open_major & overdue) * w("overdue_major_hazard")
    score += per_enterprise(open_major & supervised) * w("supervised_major_hazard")
    score += per_enterprise(~open_major & overdue) * w("overdue_general_hazard")

    accidents = _table(con, "accidents")
    accidents = accidents[accidents["enterprise_id"].isin(ents.index)]
    day = pd.to_datetime(pd.to_datetime(accidents["occurred_at"]).dt.date)
    window_start = pd.Timestamp(shift_year(filters.as_of, -years))
    recent = accidents[(day <= as_of) & (day > window_start)].copy()
    recent_day = pd.to_datetime(pd.to_datetime(recent["occurred_at"]).dt.date)
    factor = (years - _full_years(as_of, recent_day).clip(upper=years - 1)) / years
    deaths = recent["deaths"] + recent["missing"]
    larger = grade_frame(deaths, recent["serious_injuries"], recent["direct_loss_wan"]) != "general"
    recent["death_points"] = deaths * factor
    recent["larger_points"] = larger.astype(float) * factor
    by_enterprise = recent.groupby("enterprise_id")[["death_points", "larger_points"]].sum().reindex(ents.index, fill_value=0.0)
    score += by_enterprise["death_points"] * w("accident_death")
    score += by_enterprise["larger_points"] * w("larger_accident")

    score += ents["industry"].map(sectors).astype(float) * w("sector_inherent")

    sites = _table(con, "key_sites")
    # not reported (null) counts as not in place
    in_place = sites["measures_in_place"].astype("boolean").fillna(False).astype(bool)
    # on the ledger by the day: first filed with the city or the county by then; never filed: from the day the
    # ledger was read (the data's as-of day, else the scoring day)
    read_on = _data_as_of(con)
    read_on = as_of if read_on is None else read_on
    first_filed = pd.concat([pd.to_datetime(sites["filed_city_on"]), pd.to_datetime(sites["filed_county_on"])],
                            axis=1).min(axis=1)
    on_ledger = (first_filed <= as_of) | (first_filed.isna() & (read_on <= as_of))
    not_in_place = sites[~in_place & sites["enterprise_id"].notna() & on_ledger]
    score += not_in_place.groupby("enterprise_id").size().reindex(ents.index, fill_value=0) * w("key_site_not_in_place")

    employees = ents["employees"].fillna(0).astype(float)
    score += (employees / 100).clip(upper=10) * w("employees_per_100")

    inspections = _table(con, "inspections")
    inspected_on = pd.to_datetime(inspections["inspected_on"])
    supervisory = inspections[inspections["level"].isin(["city", "county", "township"]) & (inspected_on <= as_of)]
    last = pd.to_datetime(supervisory.groupby("enterprise_id")["inspected_on"].max()).reindex(ents.index)
    days = (as_of - last).dt.days.fillna(CAP_DAYS).clip(upper=CAP_DAYS)
    score += (days // 90) * w("uninspected_per_90_days")

    result = pd.DataFrame({"enterprise_id": ents.index, "score": score.round(2).to_numpy()})

    def level(value: float) -> str:
        for name in ("red", "orange", "yellow"):
            if name in thresholds and value >= thresholds[name]:
                return name
        return "blue"

    result["level"] = [level(v) for v in result["score"]]
    result = result.sort_values(["score", "enterprise_id"], ascending=[False, True], kind="stable")
    return result.reset_index(drop=True)

