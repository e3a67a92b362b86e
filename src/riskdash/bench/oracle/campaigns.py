"""Plain pandas twins of the campaigns screen's queries: whole tables loaded, then filtered and counted.

They share nothing with ``sql/campaigns/*.sql`` (no views, no macros), so that the property tests compare two
independent readings of the rules, and ``riskdash bench`` times them beside the SQL.
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

from riskdash.bench.oracle.tables import _table, descendants, grade_frame
from riskdash.filters import Filters

SCORECARD_COLUMNS = [
    "region_code", "deaths_incl_missing", "target_deaths", "larger_accidents", "hazards_found", "hazards_done",
    "major_found", "major_closed", "key_sites", "key_sites_complete", "checklist_applicable", "checklist_done",
    "active_enterprises", "inspected_enterprises", "zero_expected_days", "zero_reported_days", "score",
    "larger_liability_accidents", "late_reports", "concealed_accidents", "falsely_reported_accidents",
    "ledger_missed_accidents", "measures_not_in_place_accidents",
    "is_vetoed_larger", "is_vetoed_late", "is_vetoed_concealed", "is_vetoed_falsely", "is_vetoed_ledger",
    "is_vetoed_measures", "is_vetoed_target", "class_targets_exceeded",
]


def _day(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series).dt.date


def township_scorecard(con: duckdb.DuckDBPyConnection, filters: Filters, weights: dict[str, float],
                       points_per_death: float, late_report_hours: float = 1.0, staff_min_key: int = 2,
                       staff_min_ordinary: int = 0, cutoff_minutes: int = 960,
                       points_per_class_target: float = 20.0) -> pd.DataFrame:
    """The scorecard's figures, components and score, for the year of ``filters.as_of`` up to that day; the
    veto figures (issue 18): 较大 accidents of liability or pending nature, 迟报 (more than
    ``late_report_hours`` from occurred_at to reported_at, both known), 瞒报, 谎报, and against the 重点部位
    ledger as it stood before the accident's day: a 较大 liability accident at an enterprise with no site filed
    before it, a liability accident with deaths at an enterprise with a site filed before it whose measures
    were not in place by then; the control targets per class set for the township (class_targets: deaths of a
    statistical class, every 较大及以上 accident) exceeded, each ``points_per_class_target`` off 死亡控制."""
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
    larger = grade_frame(deaths, acc["serious_injuries"], acc["direct_loss_wan"]) != "general"
    delay = pd.to_datetime(acc["reported_at"]) - pd.to_datetime(acc["occurred_at"])
    late = acc["has_time"].astype(bool) & delay.notna() & (delay > pd.Timedelta(hours=late_report_hours))
    liability = acc["nature"].isin(["liability", "pending"])
    # the ledger by enterprise: (listed on, measures in place from) of each site ever filed
    ledger: dict[str, list[tuple[date, date | None]]] = {}
    for _, site in _table(con, "key_sites").iterrows():
        filed = [d for d in (site["filed_city_on"], site["filed_county_on"]) if d is not None and not pd.isna(d)]
        if site["enterprise_id"] is None or pd.isna(site["enterprise_id"]) or not filed:
            continue
        listed = min(pd.Timestamp(d).date() for d in filed)
        in_place = site["measures_in_place"]
        if in_place is None or pd.isna(in_place) or not bool(in_place):
            since = None
        elif site["measures_in_place_on"] is None or pd.isna(site["measures_in_place_on"]):
            since = date.min
        else:
            since = pd.Timestamp(site["measures_in_place_on"]).date()
        ledger.setdefault(site["enterprise_id"], []).append((listed, since))
    listed_before, not_in_place = [], []
    for ent_id, day in zip(acc["enterprise_id"], _day(acc["occurred_at"])):
        before = [since for listed, since in ledger.get(ent_id, []) if listed < day] \
            if isinstance(ent_id, str) else []
        listed_before.append(bool(before))
        not_in_place.append(any(since is None or since >= day for since in before))
    has_ent = acc["enterprise_id"].map(lambda e: isinstance(e, str))
    missed = larger & liability & has_ent & ~pd.Series(listed_before, index=acc.index, dtype=bool)
    measures = (deaths > 0) & liability & pd.Series(not_in_place, index=acc.index, dtype=bool)
    acc = acc.assign(d=deaths, larger=larger, liab=larger & liability,
                     late=late, conc=acc["concealed"].astype(bool), false=acc["falsely_reported"].astype(bool),
                     missed=missed, measures=measures)
    by_acc = acc.groupby("region_code").agg(d=("d", "sum"), larger=("larger", "sum"), liab=("liab", "sum"),
                                            late=("late", "sum"), conc=("conc", "sum"), false=("false", "sum"),
                                            missed=("missed", "sum"), measures=("measures", "sum"))
    out["deaths_incl_missing"] = out["region_code"].map(by_acc["d"]).fillna(0).astype(int)
    out["larger_accidents"] = out["region_code"].map(by_acc["larger"]).fillna(0).astype(int)
    for column, name in (("larger_liability_accidents", "liab"), ("late_reports", "late"),
                         ("concealed_accidents", "conc"), ("falsely_reported_accidents", "false"),
                         ("ledger_missed_accidents", "missed"), ("measures_not_in_place_accidents", "measures")):
        out[column] = out["region_code"].map(by_acc[name]).fillna(0).astype(int)
    targets = _table(con, "annual_targets")
    targets = targets[targets["year"] == as_of.year]
    out["target_deaths"] = out["region_code"].map(dict(zip(targets["region_code"], targets["max_deaths"])))
    stat_class = dict(zip(_table(con, "sectors")["code"], _table(con, "sectors")["stat_class"]))
    used: dict[tuple[str, str], int] = {}
    for region, industry, dead, is_larger in zip(acc["region_code"], acc["industry"], deaths, larger):
        key = (region, stat_class.get(industry))
        used[key] = used.get(key, 0) + int(dead)
        used[(region, "larger_accidents")] = used.get((region, "larger_accidents"), 0) + int(bool(is_larger))
    class_targets = _table(con, "class_targets")
    class_targets = class_targets[class_targets["year"] == as_of.year]
    exceeded: dict[str, int] = {}
    for region, target_class, max_count in zip(class_targets["region_code"], class_targets["target_class"],
                                               class_targets["max_count"]):
        if used.get((region, target_class), 0) > max_count:
            exceeded[region] = exceeded.get(region, 0) + 1
    out["class_targets_exceeded"] = out["region_code"].map(exceeded).fillna(0).astype(int)

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

    # the checklist (issue 18): the staffing items read township_stations, never a tick
    pairs = out[["region_code"]].assign(township_class=out["region_code"].map(cls)).merge(
        _table(con, "checklist_items")[["item_code", "applies_to"]], how="cross")
    pairs = pairs[(pairs["applies_to"] == "all") | (pairs["township_class"] == "key")]
    pairs = _item_status(con, pairs, as_of, staff_min_key, staff_min_ordinary)
    by_item = pairs.groupby("region_code").agg(n=("item_code", "count"), done=("is_done", "sum"))
    out["checklist_applicable"] = out["region_code"].map(by_item["n"]).fillna(0).astype(int)
    out["checklist_done"] = out["region_code"].map(by_item["done"]).fillna(0).astype(int)

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
    on_time = reports[_on_time(reports, cutoff_minutes)]
    on_time = on_time.assign(d=_day(on_time["report_on"])).groupby("region_code")["d"].nunique()
    out["zero_expected_days"] = len(days)
    out["zero_reported_days"] = out["region_code"].map(reported).fillna(0).astype(int)
    out["zero_on_time_days"] = out["region_code"].map(on_time).fillna(0).astype(int)

    def share(num: str, den: str) -> pd.Series:
        return pd.Series([100.0 * n / d if d else np.nan for n, d in zip(out[num], out[den])], dtype=float)

    over = out["target_deaths"].notna() & (out["deaths_incl_missing"] > out["target_deaths"].fillna(0))
    parts = {
        "deaths": pd.Series(np.where(over, 0.0, np.maximum(0.0, 100.0 - points_per_death * out["deaths_incl_missing"]
                                                          - points_per_class_target * out["class_targets_exceeded"]))),
        "larger_accidents": pd.Series(np.where(out["larger_accidents"] == 0, 100.0, 0.0)),
        "rectification": share("hazards_done", "hazards_found"),
        "major_closed": share("major_closed", "major_found"),
        "ledger": share("key_sites_complete", "key_sites").fillna(0.0),
        "standardisation": share("checklist_done", "checklist_applicable"),
        "inspection_coverage": share("inspected_enterprises", "active_enterprises"),
        "zero_report": share("zero_on_time_days", "zero_expected_days"),  # 按时率
    }
    points = sum(parts[k].fillna(0.0) * w for k, w in weights.items())
    used = sum(parts[k].notna() * w for k, w in weights.items())
    out["score"] = [p / u if u else np.nan for p, u in zip(points, used)]
    for name, series in parts.items():
        out[f"score_{name}"] = series
    out["is_vetoed_larger"] = out["larger_liability_accidents"] > 0
    out["is_vetoed_late"] = out["late_reports"] > 0
    out["is_vetoed_concealed"] = out["concealed_accidents"] > 0
    out["is_vetoed_falsely"] = out["falsely_reported_accidents"] > 0
    out["is_vetoed_ledger"] = out["ledger_missed_accidents"] > 0
    out["is_vetoed_measures"] = out["measures_not_in_place_accidents"] > 0
    out["is_vetoed_target"] = over | (out["class_targets_exceeded"] > 0)
    return out


# ---------------------------------------------------------------------------------------------- checklist


def _staffing(con: duckdb.DuckDBPyConnection, as_of: date, staff_min_key: int,
              staff_min_ordinary: int) -> dict[str, dict]:
    """Per township-level region: the full-time staff its class requires and its township_stations row judged
    on ``as_of`` (a count dated after it, a head filed after it: not yet)."""
    regions = _table(con, "regions")
    stations = _table(con, "township_stations")
    rows = {r["region_code"]: r for _, r in stations.iterrows()}
    out = {}
    for code, cls in zip(regions["region_code"], regions["township_class"]):
        required = staff_min_key if cls == "key" else staff_min_ordinary
        row = rows.get(code)
        staffed_on = None if row is None or pd.isna(row["staffed_on"]) else pd.Timestamp(row["staffed_on"]).date()
        filed_on = None if row is None or pd.isna(row["head_filed_on"]) else pd.Timestamp(row["head_filed_on"]).date()
        full_time = None if row is None else int(row["full_time_staff"])
        head = row is not None and not pd.isna(row["head_full_time"]) and bool(row["head_full_time"])
        out[code] = {
            "required": required, "row": row, "full_time": full_time, "staffed_on": staffed_on,
            "filed_on": filed_on, "head": head,
            "met": required == 0 or (full_time is not None and full_time >= required
                                     and (staffed_on is None or staffed_on <= as_of)),
            "head_in_place": head and filed_on is not None and filed_on <= as_of,
        }
    return out


def _item_status(con: duckdb.DuckDBPyConnection, pairs: pd.DataFrame, as_of: date, staff_min_key: int,
                 staff_min_ordinary: int) -> pd.DataFrame:
    """``pairs`` (region_code, item_code, …) with status, status_on and is_done on ``as_of``: a tick from
    checklist_status, except full_time_staff (its count against the class's minimum; binds only a class that
    requires full-time staff) and station_head (a full-time head filed with the county), from
    township_stations."""
    staff = _staffing(con, as_of, staff_min_key, staff_min_ordinary)
    status = _table(con, "checklist_status")
    ticks = {(r, i): (s, None if pd.isna(d) else pd.Timestamp(d).date())
             for r, i, s, d in zip(status["region_code"], status["item_code"], status["status"], status["status_on"])}
    keep, states, days = [], [], []
    for code, item in zip(pairs["region_code"], pairs["item_code"]):
        s = staff[code]
        if item == "full_time_staff":
            keep.append(s["required"] > 0)
            if s["row"] is None:
                state = "not_started"
            elif s["full_time"] >= s["required"]:
                state = "done"
            else:
                state = "in_progress" if s["full_time"] > 0 else "not_started"
            states.append(state)
            days.append(s["staffed_on"])
        elif item == "station_head":
            keep.append(True)
            states.append("done" if s["head"] and s["filed_on"] is not None
                          else "in_progress" if s["head"] else "not_started")
            days.append(s["filed_on"])
        else:
            keep.append(True)
            state, day = ticks.get((code, item), ("not_started", None))
            states.append(state)
            days.append(day)
    frame = pairs.assign(status=states, status_on=days)[keep].copy()
    frame["is_done"] = [st == "done" and (d is None or d <= as_of) for st, d in zip(frame["status"], frame["status_on"])]
    return frame


def _townships(con: duckdb.DuckDBPyConnection, root: str) -> pd.DataFrame:
    """Township-level regions under ``root`` with their parent's code, name and level."""
    regions = _table(con, "regions")
    keep = descendants(regions, root)
    towns = regions[(regions["level"] == "township") & regions["region_code"].isin(keep)].copy()
    parents = regions.set_index("region_code")
    towns["county_code"] = towns["parent_code"]
    towns["county_name"] = towns["parent_code"].map(parents["name"])
    towns["parent_level"] = towns["parent_code"].map(parents["level"])
    return towns.reset_index(drop=True)


def _deadline_group(town: pd.Series) -> str:
    if town["kind"] == "zone":
        return "zone_city" if town["parent_level"] == "city" else "zone"
    return "key" if town["township_class"] == "key" else "all"


def checklist_items_by_township(con: duckdb.DuckDBPyConnection, filters: Filters,
                                deadlines: dict[str, date], staff_min_key: int = 2,
                                staff_min_ordinary: int = 0) -> pd.DataFrame:
    """Every item that binds every township under the region: status on the as-of day, deadline, late or not.

    ``deadlines`` maps the groups zone_city, zone, key and all to their day."""
    as_of = filters.as_of
    towns = _townships(con, filters.region_code)
    towns["deadline_group"] = [_deadline_group(town) for _, town in towns.iterrows()]
    towns["deadline"] = towns["deadline_group"].map(deadlines)
    items = _table(con, "checklist_items")
    pairs = towns[["region_code", "township_class", "deadline_group", "deadline"]].merge(
        items[["item_code", "applies_to", "sort_order"]], how="cross")
    pairs = pairs[(pairs["applies_to"] == "all") | (pairs["township_class"] == "key")]
    frame = _item_status(con, pairs, as_of, staff_min_key, staff_min_ordinary)
    frame["is_late"] = [dl < as_of and not done for dl, done in zip(frame["deadline"], frame["is_done"])]
    frame["is_done_late"] = [done and d is not None and d > dl
                             for done, d, dl in zip(frame["is_done"], frame["status_on"], frame["deadline"])]
    columns = ["region_code", "deadline_group", "deadline", "item_code", "sort_order", "status", "status_on",
               "is_done", "is_late", "is_done_late"]
    return frame[columns].sort_values(["region_code", "sort_order"], kind="stable").reset_index(drop=True)


def checklist_progress(con: duckdb.DuckDBPyConnection, filters: Filters, deadlines: dict[str, date],
                       staff_min_key: int = 2, staff_min_ordinary: int = 0) -> pd.DataFrame:
    """One row per township under the region (those with no binding item too): items binding, done, in
    progress, not started, late; complete and late flags."""
    items = checklist_items_by_township(con, filters, deadlines, staff_min_key, staff_min_ordinary)
    open_ = ~items["is_done"]
    items = items.assign(n=1, done=items["is_done"].astype(int), late=items["is_late"].astype(int),
                         in_progress=(open_ & (items["status"] == "in_progress")).astype(int),
                         not_started=(open_ & (items["status"] != "in_progress")).astype(int))
    counted = items.groupby("region_code")[["n", "done", "in_progress", "not_started", "late"]].sum()
    towns = sorted(_townships(con, filters.region_code)["region_code"])
    frame = counted.reindex(towns, fill_value=0).reset_index()
    frame.columns = ["region_code", "items_applicable", "items_done", "items_in_progress", "items_not_started",
                     "items_late"]
    frame["is_complete"] = (frame["items_applicable"] > 0) & (frame["items_done"] == frame["items_applicable"])
    frame["is_late"] = frame["items_late"] > 0
    return frame


def checklist_progress_by_group(con: duckdb.DuckDBPyConnection, filters: Filters,
                                deadlines: dict[str, date], staff_min_key: int = 2,
                                staff_min_ordinary: int = 0) -> pd.DataFrame:
    """One row per deadline group among the townships with a binding item: townships, complete, late (an item
    not done and the deadline passed), items binding and done."""
    items = checklist_items_by_township(con, filters, deadlines, staff_min_key, staff_min_ordinary)
    per_town = items.groupby(["region_code", "deadline_group", "deadline"]).agg(
        n=("item_code", "count"), done=("is_done", "sum")).reset_index()
    per_town["complete"] = per_town["done"] == per_town["n"]
    per_town["late"] = (per_town["done"] < per_town["n"]) & (per_town["deadline"] < filters.as_of)
    rows = []
    for group in ("zone_city", "zone", "key", "all"):
        part = per_town[per_town["deadline_group"] == group]
        if len(part):
            rows.append({"deadline_group": group, "deadline": part["deadline"].min(), "townships": len(part),
                         "townships_complete": int(part["complete"].sum()), "townships_late": int(part["late"].sum()),
                         "items_applicable": int(part["n"].sum()), "items_done": int(part["done"].sum())})
    return pd.DataFrame(rows, columns=["deadline_group", "deadline", "townships", "townships_complete",
                                       "townships_late", "items_applicable", "items_done"])


# ---------------------------------------------------------------------------------------------- "1+1"


def _class_of(industry_type: pd.Series, industry: pd.Series, sector_names: pd.Series) -> pd.Series:
    """The "1+1" class: the 产业类型 (stripped, when not empty), else the sector's Chinese name."""
    typed = industry_type.map(lambda v: v.strip() if isinstance(v, str) and v.strip() else None)
    return typed.where(typed.notna(), industry.map(sector_names))


def _classed_enterprises(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    ent = _table(con, "enterprises")
    names = _table(con, "sectors").set_index("code")["name_zh"]
    typed = ent["industry_type"].map(lambda v: isinstance(v, str) and bool(v.strip()))
    return ent.assign(cls=_class_of(ent["industry_type"], ent["industry"], names), untyped=~typed)


def _classed_meetings(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    meetings = _table(con, "warning_meetings")
    names = _table(con, "sectors").set_index("code")["name_zh"]
    held = _day(meetings["held_on"])
    jan1 = date(filters.end.year, 1, 1)
    meetings = meetings.assign(held=held, cls=_class_of(meetings["industry_type"], meetings["industry"], names))
    return meetings[(held >= jan1) & (held <= filters.as_of)]


def campaign_coverage(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Per county (the township's parent) and for the region: township × 产业类型 pairs with active enterprises
    (an enterprise without a 产业类型 is of its sector's class), those the "1+1" experts inspected from 1 January
    to the as-of day, those with a warning meeting."""
    as_of = filters.as_of
    jan1 = date(filters.end.year, 1, 1)
    towns = _townships(con, filters.region_code)
    county_of = dict(zip(towns["region_code"], towns["county_code"]))
    ent = _classed_enterprises(con)
    active = ent[(ent["status"] == "active") & ent["region_code"].isin(county_of)]
    pairs = set(zip(active["region_code"], active["cls"]))
    insp = _table(con, "inspections")
    insp = insp[insp["campaign"] == "1+1"]
    on = _day(insp["inspected_on"])
    insp = insp[(on >= jan1) & (on <= as_of)].merge(ent[["enterprise_id", "region_code", "cls"]],
                                                    on="enterprise_id")
    inspected = set(zip(insp["region_code"], insp["cls"]))
    meetings = _classed_meetings(con, filters)
    met = set(zip(meetings["region_code"], meetings["cls"]))
    flagged = pd.DataFrame([{"county_code": county_of[r], "region_code": r, "is_inspected": (r, c) in inspected,
                             "has_meeting": (r, c) in met} for r, c in pairs],
                           columns=["county_code", "region_code", "is_inspected", "has_meeting"])

    def row(part: pd.DataFrame, code: str, is_total: bool) -> dict:
        return {"is_total": is_total, "region_code": code, "townships": part["region_code"].nunique(),
                "pairs": len(part), "pairs_inspected": int(part["is_inspected"].sum()),
                "pairs_with_meeting": int(part["has_meeting"].sum())}

    rows = [row(part, code, False) for code, part in flagged.groupby("county_code")]
    rows.append(row(flagged, filters.region_code, True))
    return pd.DataFrame(rows).sort_values(["is_total", "region_code"]).reset_index(drop=True)


def campaign_pairs(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Per township under the region × 产业类型 with active enterprises there (an enterprise without a 产业类型
    is of its sector's class): whether the "1+1" experts inspected an enterprise of the class in the township
    from 1 January to the as-of day (the first such inspection and its enterprise; the hazards those
    inspections found), the pair's warning meetings in the same days and its record of the year."""
    as_of = filters.as_of
    jan1 = date(filters.end.year, 1, 1)
    towns = _townships(con, filters.region_code)
    ent = _classed_enterprises(con)
    ent = ent[ent["region_code"].isin(set(towns["region_code"]))]
    active = ent[ent["status"] == "active"]
    pairs = active.groupby(["region_code", "cls"]).agg(
        enterprises=("enterprise_id", "count"), untyped_enterprises=("untyped", "sum")).reset_index()

    insp = _table(con, "inspections")
    on = _day(insp["inspected_on"])
    insp = insp[(insp["campaign"] == "1+1") & (on >= jan1) & (on <= as_of)]
    insp = insp.merge(ent[["enterprise_id", "name", "region_code", "cls"]], on="enterprise_id")
    haz = _table(con, "hazards")
    problems = haz[haz["inspection_id"].isin(set(insp["inspection_id"]))].groupby("inspection_id").size()
    insp = insp.assign(day=_day(insp["inspected_on"]),
                       problems=insp["inspection_id"].map(problems).fillna(0).astype("int64"))
    first = insp.sort_values(["day", "name"]).groupby(["region_code", "cls"]).head(1)
    inspected = insp.groupby(["region_code", "cls"]).agg(problems_found=("problems", "sum")).reset_index()
    inspected = inspected.merge(first[["region_code", "cls", "day", "name"]].rename(
        columns={"day": "first_inspected_on", "name": "inspected_enterprise"}), on=["region_code", "cls"])

    meetings = _classed_meetings(con, filters)
    met = meetings.groupby(["region_code", "cls"]).agg(
        meetings=("meeting_id", "count"), last_meeting_on=("held", "max"),
        attendance=("attendance", lambda a: a.sum() if a.notna().any() else None)).reset_index()

    records = _table(con, "campaign_pairs")
    records = records[records["year"] == filters.end.year].rename(columns={"industry_type": "cls"})[
        ["region_code", "cls", "common_problems", "individual_problems", "advice"]]

    out = (pairs.merge(towns[["region_code", "county_name", "name"]].rename(columns={"name": "township_name"}),
                       on="region_code")
           .merge(inspected, on=["region_code", "cls"], how="left")
           .merge(met, on=["region_code", "cls"], how="left")
           .merge(records, on=["region_code", "cls"], how="left"))
    out["is_inspected"] = out["first_inspected_on"].notna()
    out["problems_found"] = pd.to_numeric(out["problems_found"]).fillna(0).astype(int)
    out["meetings"] = out["meetings"].fillna(0).astype(int)
    out["untyped_enterprises"] = out["untyped_enterprises"].astype(int)
    out = out.rename(columns={"cls": "industry_type"}).sort_values(["region_code", "industry_type"])
    return out.reset_index(drop=True)[[
        "region_code", "county_name", "township_name", "industry_type", "enterprises", "untyped_enterprises",
        "is_inspected", "first_inspected_on", "inspected_enterprise", "problems_found", "meetings",
        "last_meeting_on", "attendance", "common_problems", "individual_problems", "advice"]]


def warning_meetings(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Every warning meeting held in a region under the given one from 1 January to the as-of day, newest
    first."""
    as_of = filters.as_of
    jan1 = date(filters.end.year, 1, 1)
    regions = _table(con, "regions")
    keep = descendants(regions, filters.region_code)
    meetings = _table(con, "warning_meetings")
    held = _day(meetings["held_on"])
    meetings = meetings[(held >= jan1) & (held <= as_of) & meetings["region_code"].isin(keep)].assign(held_on=held)
    names = regions.set_index("region_code")
    meetings["township_name"] = meetings["region_code"].map(names["name"])
    meetings["county_name"] = meetings["region_code"].map(names["parent_code"]).map(names["name"])
    sectors = _table(con, "sectors")[["code", "name_zh", "name_en", "sort_order"]].rename(
        columns={"code": "industry", "name_zh": "sector_name_zh", "name_en": "sector_name_en"})
    meetings = meetings.merge(sectors, on="industry")
    meetings["industry_type"] = _class_of(meetings["industry_type"], meetings["industry"],
                                          meetings.set_index("industry")["sector_name_zh"].groupby(level=0).first())
    meetings = meetings.sort_values(["held_on", "region_code", "sort_order", "meeting_id"],
                                    ascending=[False, True, True, True]).reset_index(drop=True)
    return meetings[["meeting_id", "held_on", "region_code", "county_name", "township_name", "industry",
                     "industry_type", "sector_name_zh", "sector_name_en", "attendance", "note"]]


def common_problems(con: duckdb.DuckDBPyConnection, filters: Filters, min_enterprises: int) -> pd.DataFrame:
    """Sector × hazard category found this year at ``min_enterprises`` or more enterprises of the sector."""
    as_of = filters.as_of
    jan1 = date(filters.end.year, 1, 1)
    regions = _table(con, "regions")
    keep = descendants(regions, filters.region_code)
    ent = _table(con, "enterprises")[["enterprise_id", "region_code", "industry"]]
    haz = _table(con, "hazards")
    found = pd.to_datetime(haz["found_on"])
    haz = haz[(found >= pd.Timestamp(jan1)) & (found <= pd.Timestamp(as_of)) & haz["category"].notna()]
    haz = haz.merge(ent, on="enterprise_id")
    haz = haz[haz["region_code"].isin(keep)]
    grouped = haz.groupby(["industry", "category"]).agg(
        enterprises=("enterprise_id", "nunique"), hazards=("hazard_id", "count"),
        townships=("region_code", "nunique")).reset_index()
    grouped = grouped[grouped["enterprises"] >= min_enterprises]
    sectors = _table(con, "sectors")[["code", "sort_order"]].rename(columns={"code": "industry"})
    grouped = grouped.merge(sectors, on="industry")
    grouped = grouped.sort_values(["sort_order", "enterprises", "hazards", "category"],
                                  ascending=[True, False, False, True])
    return grouped[["industry", "category", "enterprises", "hazards", "townships"]].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------- 零报告


def _window_days(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[date, list[str]]:
    """Each day of a window between 1 January and the as-of day, with the names of its windows in order."""
    jan1 = date(filters.end.year, 1, 1)
    windows = _table(con, "zero_report_windows")
    windows = windows.assign(start=_day(windows["start_on"]), stop=_day(windows["end_on"]))
    days: dict[date, list[str]] = {}
    for _, window in windows.sort_values(["start", "window_id"]).iterrows():
        day = max(window["start"], jan1)
        while day <= min(window["stop"], filters.as_of):
            days.setdefault(day, []).append(window["name"])
            day += timedelta(days=1)
    return days


def _on_time(reports: pd.DataFrame, cutoff_minutes: int) -> pd.Series:
    """Whether each report was filed by its day's cut-off (``cutoff_minutes`` after the day's midnight); a
    report without reported_at is not."""
    limit = pd.to_datetime(reports["report_on"]) + pd.Timedelta(minutes=cutoff_minutes)
    at = pd.to_datetime(reports["reported_at"])
    return (at.notna() & (at <= limit)).astype(bool)


def zero_report_compliance(con: duckdb.DuckDBPyConnection, filters: Filters, cutoff_minutes: int = 960) -> pd.DataFrame:
    """Per township: days due, days reported, days missing, days reported by the cut-off and after it, and
    accidents reported, most missing first."""
    towns = _townships(con, filters.region_code)
    days = _window_days(con, filters)
    reports = _table(con, "zero_reports")
    reports = reports.assign(day=_day(reports["report_on"]), on_time=_on_time(reports, cutoff_minutes))
    reports = reports[reports["day"].isin(set(days))]
    by_town = reports.groupby("region_code").agg(days=("day", "nunique"), accidents=("accidents_reported", "sum"))
    timely = reports[reports["on_time"]].groupby("region_code")["day"].nunique()
    frame = pd.DataFrame({"region_code": towns["region_code"], "days_due": len(days)})
    frame["days_reported"] = frame["region_code"].map(by_town["days"]).fillna(0).astype(int)
    frame["days_missing"] = frame["days_due"] - frame["days_reported"]
    frame["days_on_time"] = frame["region_code"].map(timely).fillna(0).astype(int)
    frame["days_late"] = frame["days_reported"] - frame["days_on_time"]
    frame["accidents_reported"] = frame["region_code"].map(by_town["accidents"]).fillna(0).astype(int)
    return frame.sort_values(["days_missing", "region_code"], ascending=[False, True]).reset_index(drop=True)


def zero_report_missing(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Each township × window day with no report, named with its windows."""
    towns = _townships(con, filters.region_code)
    days = _window_days(con, filters)
    reports = _table(con, "zero_reports")
    filed = set(zip(reports["region_code"], _day(reports["report_on"])))
    rows = [{"region_code": code, "window_name": "、".join(days[day]), "report_on": day}
            for code in sorted(towns["region_code"]) for day in sorted(days) if (code, day) not in filed]
    return pd.DataFrame(rows, columns=["region_code", "window_name", "report_on"])


def zero_report_late(con: duckdb.DuckDBPyConnection, filters: Filters, cutoff_minutes: int = 960) -> pd.DataFrame:
    """Each township × window day reported but by no report filed before the cut-off, with the first time."""
    towns = set(_townships(con, filters.region_code)["region_code"])
    days = _window_days(con, filters)
    reports = _table(con, "zero_reports")
    reports = reports.assign(day=_day(reports["report_on"]), on_time=_on_time(reports, cutoff_minutes))
    reports = reports[reports["day"].isin(set(days)) & reports["region_code"].isin(towns)]
    rows = []
    for (code, day), part in sorted(reports.groupby(["region_code", "day"]), key=lambda kv: kv[0]):
        if not part["on_time"].any():
            first = pd.to_datetime(part["reported_at"]).min()
            rows.append({"region_code": code, "window_name": "、".join(days[day]), "report_on": day,
                         "first_reported_at": None if pd.isna(first) else first})
    return pd.DataFrame(rows, columns=["region_code", "window_name", "report_on", "first_reported_at"])


def zero_report_windows(con: duckdb.DuckDBPyConnection, filters: Filters, cutoff_minutes: int = 960) -> pd.DataFrame:
    """Per window with days between 1 January and the as-of day: days due there, townships, reports due,
    received (a report of the window on one of those days from a township of the region), missing, accidents."""
    jan1 = date(filters.end.year, 1, 1)
    towns = set(_townships(con, filters.region_code)["region_code"])
    windows = _table(con, "zero_report_windows")
    windows = windows.assign(start=_day(windows["start_on"]), stop=_day(windows["end_on"]))
    reports = _table(con, "zero_reports")
    reports = reports.assign(day=_day(reports["report_on"]), on_time=_on_time(reports, cutoff_minutes))
    rows = []
    for _, window in windows.sort_values(["start", "window_id"]).iterrows():
        due_from, due_to = max(window["start"], jan1), min(window["stop"], filters.as_of)
        if window["start"] > filters.as_of or window["stop"] < jan1:
            continue
        days = (due_to - due_from).days + 1
        mine = reports[(reports["window_id"] == window["window_id"]) & (reports["day"] >= due_from)
                       & (reports["day"] <= due_to) & reports["region_code"].isin(towns)]
        rows.append({"window_id": window["window_id"], "days_due": days, "townships": len(towns),
                     "reports_due": days * len(towns), "reports_received": len(mine),
                     "reports_on_time": int(mine["on_time"].sum()),
                     "reports_missing": days * len(towns) - len(mine),
                     "accidents_reported": int(mine["accidents_reported"].sum())})
    return pd.DataFrame(rows, columns=["window_id", "days_due", "townships", "reports_due", "reports_received",
                                       "reports_on_time", "reports_missing", "accidents_reported"])


# ---------------------------------------------------------------------------------------------- 安监站 (issue 18)


def township_stations(con: duckdb.DuckDBPyConnection, filters: Filters, report_due: date, staff_min_key: int = 2,
                      staff_min_ordinary: int = 0) -> pd.DataFrame:
    """Per township under the region: staffing against the class's minimum, the station head, and the
    acceptance report judged against ``report_due`` (key townships only; a report after the as-of day is not
    sent yet)."""
    as_of = filters.as_of
    towns = _townships(con, filters.region_code).sort_values("region_code")
    staff = _staffing(con, as_of, staff_min_key, staff_min_ordinary)
    rows = []
    for code, cls in zip(towns["region_code"], towns["township_class"]):
        s = staff[code]
        sent = None
        if s["row"] is not None and not pd.isna(s["row"]["acceptance_report_on"]):
            sent = pd.Timestamp(s["row"]["acceptance_report_on"]).date()
            sent = sent if sent <= as_of else None
        if cls == "key":
            status = ("on_time" if sent is not None and sent <= report_due else "late" if sent is not None
                      else "missing" if report_due < as_of else "not_due")
        else:
            status = "filed" if sent is not None else "not_required"
        rows.append({"region_code": code, "full_time_staff": s["full_time"], "staff_required": s["required"],
                     "staff_met": s["met"], "head_in_place": s["head_in_place"], "acceptance_report_on": sent,
                     "report_due": report_due if cls == "key" else None, "report_status": status})
    return pd.DataFrame(rows, columns=["region_code", "full_time_staff", "staff_required", "staff_met",
                                       "head_in_place", "acceptance_report_on", "report_due", "report_status"])


FOUR_ITEMS = {"staff": ("full_time_staff", "named_person"), "budget": ("funding",),
              "powers": ("delegated_enforcement",), "dual": ("four_dual",)}


def four_in_place(con: duckdb.DuckDBPyConnection, filters: Filters, staff_min_key: int = 2,
                  staff_min_ordinary: int = 0) -> pd.DataFrame:
    """Per township × requirement of the "四个必须到位": the first of its items that binds the township, done
    or not on the as-of day."""
    towns = _townships(con, filters.region_code)
    items = checklist_items_by_township(con, filters, {g: filters.as_of for g in ("zone_city", "zone", "key", "all")},
                                        staff_min_key, staff_min_ordinary)
    done = {(r, i): d for r, i, d in zip(items["region_code"], items["item_code"], items["is_done"])}
    rows = []
    for code in sorted(towns["region_code"]):
        for requirement, candidates in FOUR_ITEMS.items():
            item = next((c for c in candidates if (code, c) in done), None)
            rows.append({"region_code": code, "requirement": requirement, "item_code": item,
                         "is_done": bool(done[(code, item)]) if item else False})
    return pd.DataFrame(rows, columns=["region_code", "requirement", "item_code", "is_done"])
