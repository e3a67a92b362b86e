"""Plain pandas twins of ``riskdash.metrics.rectification``: load whole tables, filter, group, count.

Nothing here uses the SQL views or macros; the property tests hold the two to the same results and
``riskdash bench`` times these beside the SQL.
"""

from __future__ import annotations

from datetime import date

import duckdb
import numpy as np
import pandas as pd

from riskdash.bench.oracle.tables import _table, descendants, township_labels
from riskdash.filters import Filters
from riskdash.metrics import rate
from riskdash.metrics.rectification import AGE_BANDS, LEVELS, form_filters


def _day(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series)


def _townships(regions: pd.DataFrame) -> pd.DataFrame:
    names = dict(zip(regions["region_code"], regions["name"]))
    frame = regions[["region_code", "name", "parent_code", "level"]].copy()
    frame["county_name"] = [names.get(p) if isinstance(p, str) else None for p in frame["parent_code"]]
    return frame.rename(columns={"name": "township_name"})


def _hazards(con: duckdb.DuckDBPyConnection, filters: Filters, *, in_period: bool = True) -> pd.DataFrame:
    """Hazards at enterprises in the region and sector, found on or before as-of (and in the period),
    with their done day and flags on the as-of day."""
    hazards = _table(con, "hazards")
    enterprises = _table(con, "enterprises")[["enterprise_id", "region_code", "industry", "name"]]
    rows = hazards.merge(enterprises, on="enterprise_id", how="inner")
    keep = descendants(_table(con, "regions"), filters.region_code)
    found = _day(rows["found_on"])
    as_of = pd.Timestamp(filters.as_of)
    mask = (found <= as_of) & rows["region_code"].isin(keep)
    if in_period:
        mask &= (found >= pd.Timestamp(filters.start)) & (found <= pd.Timestamp(filters.end))
    if filters.industry is not None:
        mask &= rows["industry"] == filters.industry
    rows = rows[mask].copy()
    major = rows["grade"] == "major"
    rectified = _day(rows["rectified_on"])
    verified = _day(rows["verified_on"])
    rows["done_day"] = np.where(major, verified, rectified)
    rows["done_day"] = pd.to_datetime(rows["done_day"])
    rows["is_done"] = (rows["done_day"] <= as_of).to_numpy()
    rows["is_overdue"] = (~rows["is_done"]) & (_day(rows["deadline"]) < as_of)
    rows["is_rectified"] = (rectified <= as_of).to_numpy()
    rows["is_verified"] = (verified <= as_of).to_numpy()
    rows["is_major"] = major
    # 挂牌督办 ends at 摘牌 (delisted_on ≤ as-of), not at verification; no supervision day recorded = from the start
    supervised_on, delisted_on = _day(rows["supervised_on"]), _day(rows["delisted_on"])
    rows["is_supervised_open"] = (major & (rows["supervision_level"] != "none")
                                  & (supervised_on.isna() | (supervised_on <= as_of))
                                  & ~(delisted_on <= as_of)).to_numpy()
    return rows


def _count(mask) -> int:
    return int(np.asarray(mask, dtype=bool).sum())


def rectification_kpis(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    rows = _hazards(con, filters)
    major, done, overdue = rows["is_major"], rows["is_done"], rows["is_overdue"]
    as_of = pd.Timestamp(filters.as_of)
    on_time = _count(done & (rows["done_day"] <= _day(rows["deadline"])))
    rectified_rows = rows[rows["is_rectified"]]
    days = (_day(rectified_rows["rectified_on"]) - _day(rectified_rows["found_on"])).dt.days
    general_found, general_rect = _count(~major), _count(~major & done)
    major_found, major_closed = _count(major), _count(major & done)
    found = len(rows)
    done_or_overdue = _count(done | overdue)
    del as_of
    return {
        "found": found,
        "rectified": general_rect + major_closed,
        "rate": rate(general_rect + major_closed, found),
        "general_found": general_found,
        "general_rectified": general_rect,
        "general_rate": rate(general_rect, general_found),
        "major_found": major_found,
        "major_closed": major_closed,
        "major_rate": rate(major_closed, major_found),
        "overdue": _count(overdue),
        "overdue_major": _count(overdue & major),
        "supervised_open": _count(rows["is_supervised_open"]),
        "on_time": on_time,
        "done_or_overdue": done_or_overdue,
        "on_time_rate": rate(on_time, done_or_overdue),
        "rectified_any_grade": len(rectified_rows),
        "median_days_to_rectify": float(days.median()) if len(days) else None,
        "stock": rectification_stock(con, filters),
    }


def monthly_form(con: duckdb.DuckDBPyConnection, filters: Filters, month: date | None = None,
                 data_as_of: date | None = None) -> pd.DataFrame:
    scope = form_filters(filters, month, data_as_of)
    rows = _hazards(con, scope)
    sectors = _table(con, "sectors").sort_values(["sort_order", "code"])
    sectors = sectors[sectors["stat_class"] == "industrial"]  # the 工矿企业 form: 工矿商贸 sectors only
    if scope.industry is not None:
        sectors = sectors[sectors["code"] == scope.industry]
    inspections = _table(con, "inspections").merge(
        _table(con, "enterprises")[["enterprise_id", "region_code", "industry"]], on="enterprise_id")
    keep = descendants(_table(con, "regions"), scope.region_code)
    day = _day(inspections["inspected_on"])
    mask = ((day >= pd.Timestamp(scope.start)) & (day <= pd.Timestamp(min(scope.end, scope.as_of)))
            & inspections["region_code"].isin(keep))
    if scope.industry is not None:
        mask &= inspections["industry"] == scope.industry
    checking = pd.concat([inspections[mask][["enterprise_id", "industry"]], rows[["enterprise_id", "industry"]]])
    out = []
    for code, zh, en in zip(sectors["code"], sectors["name_zh"], sectors["name_en"]):
        h = rows[rows["industry"] == code]
        major, done = h["is_major"], h["is_done"]
        plan = major & h["in_treatment_plan"].astype("boolean").fillna(False)  # null is not in a plan
        out.append({
            "industry": code, "name_zh": zh, "name_en": en, "is_total": False,
            "enterprises_checked": int(checking[checking["industry"] == code]["enterprise_id"].nunique()),
            "general_found": _count(~major), "general_rectified": _count(~major & done),
            "major_found": _count(major), "major_closed": _count(major & done),
            "major_in_plan": _count(plan),
            "major_five_in_place": _count(plan & h["five_in_place"].astype("boolean").fillna(False)),
            "major_supervised": _count(major & (h["supervision_level"] != "none")),
            "major_supervised_province": _count(major & (h["supervision_level"] == "province")),
            "funds_wan": round(float(h["funds_wan"].fillna(0).astype(float).sum()), 2),
        })
    counts = ["enterprises_checked", "general_found", "general_rectified", "major_found", "major_closed",
              "major_in_plan", "major_five_in_place", "major_supervised", "major_supervised_province"]
    frame = pd.DataFrame(out, columns=["industry", "name_zh", "name_en", "is_total", *counts, "funds_wan"])
    total = {c: int(frame[c].sum()) for c in counts}  # 0 when no 工矿商贸 sector is shown
    total.update(industry=None, name_zh="合计", name_en="Total", is_total=True,
                 funds_wan=round(float(frame["funds_wan"].sum()), 2))
    frame = pd.concat([frame, pd.DataFrame([total])], ignore_index=True)
    frame["general_rate"] = [rate(n, d) for n, d in zip(frame["general_rectified"], frame["general_found"])]
    frame["major_rate"] = [rate(n, d) for n, d in zip(frame["major_closed"], frame["major_found"])]
    return frame


def _with_places(rows: pd.DataFrame, con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    places = _townships(_table(con, "regions"))[["region_code", "county_name", "township_name"]]
    return rows.merge(places, on="region_code", how="left").rename(columns={"name": "enterprise_name"})


def rectification_stock(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    rows = _hazards(con, filters, in_period=False)
    major, open_, overdue = rows["is_major"], ~rows["is_done"], rows["is_overdue"]
    return {
        "open": _count(open_),
        "open_major": _count(open_ & major),
        "overdue": _count(overdue),
        "overdue_major": _count(overdue & major),
        "overdue_major_unrectified": _count(overdue & major & ~rows["is_rectified"]),
        "supervised_open": _count(rows["is_supervised_open"]),
    }


def overdue_list(con: duckdb.DuckDBPyConnection, filters: Filters, stock: bool = True) -> pd.DataFrame:
    rows = _with_places(_hazards(con, filters, in_period=not stock), con)
    rows = rows[rows["is_overdue"]].copy()
    rows["days_overdue"] = (pd.Timestamp(filters.as_of) - _day(rows["deadline"])).dt.days
    rows = rows.sort_values(["days_overdue", "hazard_id"], ascending=[False, True])
    return rows[["hazard_id", "enterprise_id", "enterprise_name", "region_code", "county_name", "township_name",
                 "industry", "grade", "found_on", "deadline", "days_overdue", "rectified_on", "is_rectified",
                 "supervision_level"]].reset_index(drop=True)


def supervised_list(con: duckdb.DuckDBPyConnection, filters: Filters, stock: bool = True) -> pd.DataFrame:
    rows = _with_places(_hazards(con, filters, in_period=not stock), con)
    as_of = pd.Timestamp(filters.as_of)
    supervised_on = _day(rows["supervised_on"])
    rows = rows[rows["is_major"] & (rows["supervision_level"] != "none")
                & (supervised_on.isna() | (supervised_on <= as_of))].copy()
    if stock:
        rows = rows[rows["is_supervised_open"]].copy()
    as_of = pd.Timestamp(filters.as_of)
    rows["days_left"] = [None if closed else int((pd.Timestamp(d) - as_of).days)
                         for closed, d in zip(rows["is_done"], rows["deadline"])]
    rows["state"] = np.where(rows["is_done"], "closed",
                             np.where(rows["is_overdue"], "overdue",
                                      np.where(rows["is_rectified"], "rectified", "open")))
    rows["is_closed"] = (_day(rows["delisted_on"]) <= as_of).to_numpy()
    rows["level_order"] = rows["supervision_level"].map({"province": 1, "city": 2, "county": 3})
    rows = rows.sort_values(["is_closed", "level_order", "deadline", "hazard_id"])
    return rows[["hazard_id", "enterprise_id", "enterprise_name", "region_code", "county_name", "township_name",
                 "industry", "supervision_level", "supervised_on", "in_treatment_plan", "five_in_place",
                 "found_on", "deadline", "days_left", "state", "is_rectified", "is_closed", "rectified_on",
                 "verified_on",
                 "delisted_on", "funds_wan"]].reset_index(drop=True)


def follow_up_list(con: duckdb.DuckDBPyConnection, filters: Filters, days: int, include_overdue: bool) -> pd.DataFrame:
    rows = _with_places(_hazards(con, filters, in_period=False), con)
    rows["days_left"] = (_day(rows["deadline"]) - pd.Timestamp(filters.as_of)).dt.days
    keep = ~rows["is_done"] & (rows["days_left"] <= days)
    if not include_overdue:
        keep &= rows["days_left"] >= 0
    rows = rows[keep].sort_values(["region_code", "days_left", "hazard_id"])
    return rows[["hazard_id", "enterprise_id", "enterprise_name", "region_code", "county_name", "township_name",
                 "industry", "grade", "description", "found_on", "deadline", "days_left", "rectified_on",
                 "supervision_level"]].reset_index(drop=True)


def _active(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    enterprises = _table(con, "enterprises")
    keep = descendants(_table(con, "regions"), filters.region_code)
    mask = (enterprises["status"] == "active") & enterprises["region_code"].isin(keep)
    if filters.industry is not None:
        mask &= enterprises["industry"] == filters.industry
    return enterprises[mask]


def uninspected_enterprises(con: duckdb.DuckDBPyConnection, filters: Filters, days: int) -> pd.DataFrame:
    active = _with_places(_active(con, filters), con)
    inspections = _table(con, "inspections")
    as_of = pd.Timestamp(filters.as_of)
    supervisory = inspections[inspections["level"].isin(["city", "county", "township"])
                              & (_day(inspections["inspected_on"]) <= as_of)]
    last = supervisory.groupby("enterprise_id")["inspected_on"].max().rename("last_inspected_on")
    rows = active.merge(last, left_on="enterprise_id", right_index=True, how="left")
    rows["days_since"] = (as_of - _day(rows["last_inspected_on"])).dt.days
    rows = rows[rows["last_inspected_on"].isna() | (rows["days_since"] > days)]
    rows = rows.sort_values(["days_since", "enterprise_id"], ascending=[False, True], na_position="first")
    return rows[["enterprise_id", "enterprise_name", "region_code", "county_name", "township_name", "industry",
                 "last_inspected_on", "days_since"]].reset_index(drop=True)


def closed_loop(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    rows = _hazards(con, filters)
    out = []
    for grade in ("general", "major"):
        h = rows[rows["grade"] == grade]
        out.append({"grade": grade, "found": len(h), "rectified": _count(h["is_rectified"]),
                    "verified": _count(h["is_verified"]), "closed": _count(h["is_done"])})
    return pd.DataFrame(out)


def _inspections_in_period(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    inspections = _table(con, "inspections").merge(
        _table(con, "enterprises")[["enterprise_id", "region_code", "industry", "status"]], on="enterprise_id")
    keep = descendants(_table(con, "regions"), filters.region_code)
    day = _day(inspections["inspected_on"])
    mask = (day >= pd.Timestamp(filters.start)) & (day <= pd.Timestamp(filters.end))
    mask &= (day <= pd.Timestamp(filters.as_of)) & inspections["region_code"].isin(keep)
    if filters.industry is not None:
        mask &= inspections["industry"] == filters.industry
    return inspections[mask]


def checks_by_level(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    inspections = _inspections_in_period(con, filters)
    hazards = _hazards(con, filters)
    levels = _table(con, "inspections")[["inspection_id", "level"]]
    hazards = hazards.merge(levels, on="inspection_id", how="left")
    hazards["level"] = hazards["level"].fillna("none")
    out = []
    for level in LEVELS:
        i = inspections[inspections["level"] == level]
        h = hazards[hazards["level"] == level]
        out.append({"level": level, "inspections": len(i), "enterprises_inspected": int(i["enterprise_id"].nunique()),
                    "hazards_found": len(h), "major_found": _count(h["grade"] == "major")})
    return pd.DataFrame(out)


def _coverage_flags(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    active = _active(con, filters)
    inspections = _inspections_in_period(con, filters)
    supervised = set(inspections[inspections["level"] != "self"]["enterprise_id"])
    self_checked = set(inspections[inspections["level"] == "self"]["enterprise_id"])
    active = active.copy()
    active["is_supervised"] = active["enterprise_id"].isin(supervised)
    active["is_self_checked"] = active["enterprise_id"].isin(self_checked)
    return active


def _coverage_rows(groups, frame: pd.DataFrame, key: str) -> list[dict]:
    out = []
    for group in groups:
        rows = frame[frame[key] == group]
        active = len(rows)
        sup, own = _count(rows["is_supervised"]), _count(rows["is_self_checked"])
        out.append({"active_enterprises": active, "supervised_enterprises": sup, "self_checked_enterprises": own,
                    "coverage_rate": rate(sup, active), "self_check_rate": rate(own, active)})
    return out


def _township_frame(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    regions = _table(con, "regions")
    keep = descendants(regions, filters.region_code)
    towns = _townships(regions)
    towns = towns[(towns["level"] == "township") & towns["region_code"].isin(keep)]
    return towns.sort_values("region_code")[["region_code", "county_name", "township_name"]].reset_index(drop=True)


def _sector_frame(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    sectors = _table(con, "sectors").sort_values(["sort_order", "code"])
    if filters.industry is not None:
        sectors = sectors[sectors["code"] == filters.industry]
    return sectors.rename(columns={"code": "industry"})[["industry", "name_zh", "name_en"]].reset_index(drop=True)


def coverage_by_township(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    towns = _township_frame(con, filters)
    counts = pd.DataFrame(_coverage_rows(towns["region_code"], _coverage_flags(con, filters), "region_code"))
    return pd.concat([towns, counts], axis=1)


def coverage_by_sector(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    sectors = _sector_frame(con, filters)
    counts = pd.DataFrame(_coverage_rows(sectors["industry"], _coverage_flags(con, filters), "industry"))
    return pd.concat([sectors, counts], axis=1)


def _hazard_rows(groups, rows: pd.DataFrame, key: str) -> list[dict]:
    out = []
    for group in groups:
        h = rows[rows[key] == group]
        major, done = h["is_major"], h["is_done"]
        g_found, g_rect, m_found, m_closed = _count(~major), _count(~major & done), _count(major), _count(major & done)
        out.append({
            "found": len(h), "general_found": g_found, "general_rectified": g_rect, "major_found": m_found,
            "major_closed": m_closed, "overdue": _count(h["is_overdue"]),
            "supervised_open": _count(h["is_supervised_open"]),
            "rectified": g_rect + m_closed, "rate": rate(g_rect + m_closed, len(h)),
            "general_rate": rate(g_rect, g_found), "major_rate": rate(m_closed, m_found),
        })
    return out


def by_township(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    towns = _township_frame(con, filters)
    towns.insert(3, "township_label", towns["region_code"].map(township_labels(_table(con, "regions"))))
    return pd.concat([towns, pd.DataFrame(_hazard_rows(towns["region_code"], _hazards(con, filters), "region_code"))],
                     axis=1)


def by_sector(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    sectors = _sector_frame(con, filters)
    return pd.concat([sectors, pd.DataFrame(_hazard_rows(sectors["industry"], _hazards(con, filters), "industry"))],
                     axis=1)


def rate_by_month(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    rows = _hazards(con, filters)
    found = _day(rows["found_on"])
    cap = min(filters.end, filters.as_of)
    out = []
    month = date(filters.start.year, filters.start.month, 1)
    while month <= filters.end:
        nxt = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
        last = min(pd.Timestamp(nxt) - pd.Timedelta(days=1), pd.Timestamp(filters.end), pd.Timestamp(filters.as_of))
        in_scope = found <= last
        done = rows["done_day"] <= min(last, pd.Timestamp(cap))
        major = rows["is_major"]
        f, d = _count(in_scope), _count(in_scope & done)
        gf, gd = _count(in_scope & ~major), _count(in_scope & ~major & done)
        mf, md = _count(in_scope & major), _count(in_scope & major & done)
        out.append({"month_start": month, "month_end_on": last.date(), "found_to_date": f, "done_to_date": d,
                    "general_found_to_date": gf, "general_done_to_date": gd, "major_found_to_date": mf,
                    "major_done_to_date": md, "rate": rate(d, f), "general_rate": rate(gd, gf),
                    "major_rate": rate(md, mf)})
        month = nxt
    return pd.DataFrame(out)


BAND_LIMITS = {"d0_30": (0, 30), "d31_90": (31, 90), "d91_180": (91, 180), "d181_365": (181, 365),
               "d366_plus": (366, 10**6)}


def open_ageing(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    rows = _hazards(con, filters)
    rows = rows[~rows["is_done"]]
    age = (pd.Timestamp(filters.as_of) - _day(rows["found_on"])).dt.days
    out = []
    for band in AGE_BANDS:
        low, high = BAND_LIMITS[band]
        for grade in ("general", "major"):
            mask = (rows["grade"] == grade) & (age >= low) & (age <= high)
            out.append({"band": band, "grade": grade, "open_hazards": _count(mask),
                        "overdue": _count(mask & rows["is_overdue"])})
    return pd.DataFrame(out)


def evidence_by_township(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    towns = _township_frame(con, filters)
    rows = _hazards(con, filters)
    as_of = pd.Timestamp(filters.as_of)
    has_inspection = rows["inspection_id"].notna()
    has_description = rows["description"].fillna("").astype(str).str.strip() != ""
    has_deadline = rows["deadline"].notna()
    verified = _day(rows["verified_on"])
    has_date = verified.isna() | (verified > as_of) | rows["rectified_on"].notna()
    complete = has_inspection & has_description & has_deadline & has_date
    closed = _closed_with_evidence(con, filters)
    out = []
    for code in towns["region_code"]:
        m = rows["region_code"] == code
        n = _count(m)
        out.append({"hazards": n, "with_inspection": _count(m & has_inspection),
                    "with_description": _count(m & has_description), "with_deadline": _count(m & has_deadline),
                    "with_rectified_date": _count(m & has_date), "complete": _count(m & complete),
                    **_closed_evidence(closed[closed["region_code"] == code]),
                    "completeness": rate(_count(m & complete), n)})
    frame = pd.concat([towns, pd.DataFrame(out)], axis=1)
    frame["evidence_rate"] = [rate(e, c) for e, c in zip(frame["closed_with_evidence"], frame["closed"])]
    return frame


def _closed_with_evidence(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The hazards closed (验收销号) from start to end and not after as-of, found at any time on or before it,
    each with whether an 整改后 photo and a 验收 record had been uploaded by the as-of day."""
    rows = _hazards(con, filters, in_period=False)
    verified = _day(rows["verified_on"])
    rows = rows[(verified >= pd.Timestamp(filters.start)) & (verified <= pd.Timestamp(filters.end))
                & (verified <= pd.Timestamp(filters.as_of))]
    files = _table(con, "evidence")
    files = files[(files["record_kind"] == "hazard")
                  & (pd.to_datetime(files["uploaded_at"]).dt.normalize() <= pd.Timestamp(filters.as_of))]
    after = set(files.loc[files["role"] == "after", "record_id"])
    acceptance = set(files.loc[files["role"] == "acceptance", "record_id"])
    return pd.DataFrame({"region_code": list(rows["region_code"]),
                         "has_after": [h in after for h in rows["hazard_id"]],
                         "has_acceptance": [h in acceptance for h in rows["hazard_id"]]})


def _closed_evidence(rows: pd.DataFrame) -> dict:
    both = rows["has_after"] & rows["has_acceptance"]
    return {"closed": len(rows), "closed_with_after": _count(rows["has_after"]),
            "closed_with_acceptance": _count(rows["has_acceptance"]), "closed_with_evidence": _count(both)}


def _category(values) -> list:
    """A category as recorded, trimmed; blank or missing is None (not recorded)."""
    out = []
    for value in values:
        text = value.strip() if isinstance(value, str) else ""
        out.append(text or None)
    return out


def hazards_by_category(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    from riskdash.metrics.rectification import vital_few

    rows = _hazards(con, filters)
    counts: dict = {}
    for category, major in zip(_category(rows["category"]), rows["is_major"]):
        hazards, majors = counts.get(category, (0, 0))
        counts[category] = (hazards + 1, majors + int(bool(major)))
    ordered = sorted(counts.items(), key=lambda item: (-item[1][0], item[0] is None, item[0] or ""))
    total = sum(h for _, (h, _m) in ordered)
    running, cumulative = 0, []
    for _, (hazards, _m) in ordered:
        running += hazards
        cumulative.append(running / total)
    return pd.DataFrame({
        "category": pd.Series([c for c, _ in ordered], dtype=object),
        "hazards": [h for _, (h, _m) in ordered],
        "major_found": [m for _, (_h, m) in ordered],
        "share": [h / total for _, (h, _m) in ordered],
        "cumulative_share": cumulative,
        "is_vital": vital_few(cumulative),
    })


def new_hazards_list(con: duckdb.DuckDBPyConnection, filters: Filters, days: int = 7) -> pd.DataFrame:
    rows = _with_places(_hazards(con, filters, in_period=False), con)
    as_of = pd.Timestamp(filters.as_of)
    rows = rows[_day(rows["found_on"]) >= as_of - pd.Timedelta(days=days - 1)].copy()
    verified = _day(rows["verified_on"]) <= as_of
    rows["state"] = np.where(rows["is_done"], np.where(verified, "closed", "rectified"),
                             np.where(rows["is_overdue"], "overdue",
                                      np.where(rows["is_rectified"], "rectified", "open")))
    rows["category"] = _category(rows["category"])
    rows = rows.sort_values(["found_on", "hazard_id"], ascending=[False, True])
    return rows[["hazard_id", "enterprise_id", "enterprise_name", "region_code", "county_name", "township_name",
                 "industry", "grade", "category", "description", "found_on", "deadline", "state",
                 "supervision_level"]].reset_index(drop=True)
