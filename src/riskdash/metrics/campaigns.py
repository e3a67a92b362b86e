"""专项行动与乡镇规范化 Campaigns and townships: one function per ``sql/campaigns/*.sql`` file, of the same name.

The four parts of issue 8: the 乡镇考核 scorecard (``riskdash metrics townships``), the 规范化建设 checklist
against its deadlines, the "1+1" campaign per township and sector, and the holiday 零报告. Weights, the pass
mark, deadlines and thresholds are rows of ``settings`` (docs/settings.md), read at query time; the Python
defaults of ``reference.SETTINGS`` apply only where a database lacks the row. Component formulas are in
docs/township-assessment.md.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import duckdb
import pandas as pd

from riskdash import db, i18n, reference
from riskdash.filters import Filters
from riskdash.metrics.core import rate, root_region, round_pct, township_labels
from riskdash.metrics.data import townships as scope_townships

COMPONENTS = ("deaths", "larger_accidents", "rectification", "major_closed", "ledger", "standardisation",
              "inspection_coverage", "zero_report")
DEFAULTS = {key: value for key, value, *_ in reference.SETTINGS}


# ---------------------------------------------------------------------------------------------- settings


def settings_values(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The screen's settings as stored, over the documented defaults."""
    frame = db.query(con, "campaigns/settings_values")
    stored = dict(zip(frame["key"], frame["value"]))
    return {**{k: v for k, v in DEFAULTS.items() if k.startswith(("assessment_", "checklist_", "campaign_",
                                                                    "staff_min_", "zero_report_"))}, **stored}


def _number(values: dict[str, str], key: str) -> float:
    text = str(values[key]).strip()
    try:
        number = float(text)
    except ValueError:
        raise db.RiskdashError(f"setting {key}: expected a number, got {text!r}") from None
    if number < 0:
        raise db.RiskdashError(f"setting {key}: expected a number ≥ 0, got {text}")
    return number


def staffing_params(values: dict[str, str]) -> dict[str, int]:
    """The full-time staff a key and an ordinary township must have (settings staff_min_key, staff_min_ordinary;
    0: none required, a named person is enough)."""
    return {key: int(_number(values, key)) for key in ("staff_min_key", "staff_min_ordinary")}


def cutoff_minutes(values: dict[str, str]) -> int:
    """The 零报告's daily cut-off (setting zero_report_cutoff, HH:MM) in minutes after the day's midnight."""
    text = str(values["zero_report_cutoff"]).strip()
    hours, _, minutes = text.partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(hours) == 2 and len(minutes) == 2
            and int(hours) <= 23 and int(minutes) <= 59):
        raise db.RiskdashError(f"setting zero_report_cutoff: expected a time of day HH:MM, got {text!r}")
    return int(hours) * 60 + int(minutes)


def assessment_weights(values: dict[str, str]) -> dict[str, float]:
    return {name: _number(values, f"assessment_weight_{name}") for name in COMPONENTS}


def month_day(values: dict[str, str], key: str, year: int) -> date:
    """A deadline setting ``MM-DD`` in ``year`` (29 February becomes 28 February in other years)."""
    text = str(values[key]).strip()
    try:
        month, day = (int(part) for part in text.split("-"))
        return date(year, month, min(day, 28) if (month, day) == (2, 29) else day)
    except ValueError:
        raise db.RiskdashError(f"setting {key}: expected a month and day MM-DD, got {text!r}") from None


# ---------------------------------------------------------------------------------------------- scorecard


def year_filters(filters: Filters) -> Filters:
    """The assessment year: 1 January of the as-of day's year to the as-of day (sector filter dropped:
    townships are assessed on all their sectors)."""
    return replace(filters, start=date(filters.as_of.year, 1, 1), end=filters.as_of, industry=None)


def filters_for_year(con: duckdb.DuckDBPyConnection, year: int, region_code: str) -> Filters:
    """``--year``: 1 January to the data's as-of day when it falls in that year, else to 31 December."""
    as_of = db.data_as_of(con)
    start, end = date(year, 1, 1), date(year, 12, 31)
    if as_of is None or not start <= as_of <= end:
        as_of = end
    return Filters(start=start, end=as_of, region_code=region_code, as_of=as_of)


def scorecard_params(values: dict[str, str]) -> dict[str, Any]:
    weights = assessment_weights(values)
    return {**{f"w_{name}": weight for name, weight in weights.items()},
            "points_per_death": _number(values, "assessment_points_per_death"),
            "points_per_class_target": _number(values, "assessment_points_per_class_target"),
            "late_report_hours": _number(values, "assessment_late_report_hours"),
            **staffing_params(values), "zero_cutoff_minutes": cutoff_minutes(values)}


def township_scorecard(con: duckdb.DuckDBPyConnection, filters: Filters,
                       values: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per township-level region: the raw figures, each component 0–100 and the weighted score."""
    values = settings_values(con) if values is None else values
    scope = year_filters(filters)
    return db.query(con, "campaigns/township_scorecard", **scope.params(), **scorecard_params(values))


def _score(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else round_pct(float(value))


# The veto rules of `riskdash metrics townships` (veto_codes; docs/township-assessment.md), in the order the
# reasons are listed (issue 18): a 较大及以上 liability accident (nature liability or pending), 迟报, 瞒报, 谎报,
# a 较大及以上 liability accident at an enterprise not in the 重点部位 ledger before it, a liability accident with
# deaths at a listed site whose measures were not in place, and deaths over the control target or a control target
# per class exceeded (class_targets: deaths of a statistical class, the number of 较大及以上). Each rule is switched
# by the setting assessment_veto_<code> (1 on, 0 off).
VETO_CODES = ("larger_liability_accident", "late_report", "concealed", "falsely_reported", "ledger_missed_site",
              "measures_not_in_place", "target_exceeded")

# the scorecard's columns a township's veto reasons are worded from (each entry's ``veto_figures``)
VETO_FIGURES = ("larger_liability_accidents", "late_reports", "concealed_accidents", "falsely_reported_accidents",
                "ledger_missed_accidents", "measures_not_in_place_accidents", "deaths_incl_missing", "target_deaths")

# each rule's count among the figures and its reason's text key (campaigns.veto.<key>, screens/campaigns/text.py)
_VETO_COUNTS = {"larger_liability_accident": ("larger_liability_accidents", "larger"),
                "late_report": ("late_reports", "late"), "concealed": ("concealed_accidents", "concealed"),
                "falsely_reported": ("falsely_reported_accidents", "falsely"),
                "ledger_missed_site": ("ledger_missed_accidents", "ledger_missed"),
                "measures_not_in_place": ("measures_not_in_place_accidents", "measures")}


def late_report_hours(con: duckdb.DuckDBPyConnection) -> float:
    """迟报's limit in hours (setting assessment_late_report_hours), for the accident record card."""
    return _number(settings_values(con), "assessment_late_report_hours")


def veto_rules(values: dict[str, str]) -> frozenset[str]:
    """The veto rules switched on by the settings assessment_veto_<code> ("1" on, "0" off)."""
    rules = set()
    for code in VETO_CODES:
        key = f"assessment_veto_{code}"
        text = str(values.get(key, DEFAULTS[key])).strip()
        if text not in ("0", "1"):
            raise db.RiskdashError(f"setting {key}: expected 1 (on) or 0 (off), got {text!r}")
        if text == "1":
            rules.add(code)
    return frozenset(rules)


def class_targets(row: Any) -> list[dict[str, Any]]:
    """A scorecard row's control targets per class (class_targets set for the township in the year), in
    metrics.classes.TARGET_CLASSES order: target_class, target, used (from 1 January to the as-of day) and met
    (used ≤ target: exactly the target is met); [] where none is set (nothing is judged)."""
    cell = row["class_targets"]
    if cell is None or (not hasattr(cell, "__len__") and pd.isna(cell)):
        return []
    return [{"target_class": str(item["target_class"]), "target": int(item["target"]), "used": int(item["used"]),
             "met": int(item["used"]) <= int(item["target"])} for item in cell]


def veto_figures(row: Any) -> dict[str, Any]:
    """The figures of a scorecard row that its vetoes are judged and worded on (None: no target); with
    ``class_targets_over``, the control targets per class the township exceeded (target_class, target, used)."""
    figures: dict[str, Any] = {name: None if pd.isna(row[name]) else int(row[name]) for name in VETO_FIGURES}
    if "class_targets_over" in row:
        figures["class_targets_over"] = list(row["class_targets_over"])  # an entry's own figures
    else:
        figures["class_targets_over"] = [{k: item[k] for k in ("target_class", "target", "used")}
                                             for item in class_targets(row) if not item["met"]]
    return figures


def _target_reason(figures: dict[str, Any], lang: str) -> str | None:
    """target_exceeded in words: the deaths over the township's total target, then each control target per class
    exceeded (deaths of a class; the number of 较大及以上), one reason; None when every target is met."""
    parts = []
    if figures["target_deaths"] is not None and figures["deaths_incl_missing"] > figures["target_deaths"]:
        parts.append(i18n.t("campaigns.veto.target_total", lang, deaths=figures["deaths_incl_missing"],
                            target=figures["target_deaths"]))
    for item in figures.get("class_targets_over") or []:
        if item["target_class"] == "larger_accidents":
            parts.append(i18n.t("campaigns.veto.target_larger", lang, n=item["used"], target=item["target"]))
        else:
            parts.append(i18n.t("campaigns.veto.target_class", lang, deaths=item["used"], target=item["target"],
                                cls=i18n.enum_name("target_class", item["target_class"], lang)))
    if not parts:
        return None
    separator = "；" if lang == "zh" else "; "  # the page's list separator between the failed targets
    return i18n.t("campaigns.veto.target", lang, targets=separator.join(parts))


def vetoes(row: Any, lang: str = "zh", rules: frozenset[str] | set[str] | None = None) -> list[tuple[str, str]]:
    """(code, reason in words) of each veto a township carries, in VETO_CODES order; ``row`` is a scorecard
    row or an entry's ``veto_figures``; ``rules`` the rules switched on (``veto_rules``; None: every rule)."""
    figures = veto_figures(row)
    found = []
    for code in VETO_CODES:
        if rules is not None and code not in rules:
            continue
        if code == "target_exceeded":
            reason = _target_reason(figures, lang)
            if reason is not None:
                found.append((code, reason))
            continue
        count, key = _VETO_COUNTS[code]
        if figures[count]:
            found.append((code, i18n.t(f"campaigns.veto.{key}", lang, n=figures[count])))
    return found


def _components(row: Any, weights: dict[str, float]) -> dict[str, dict[str, Any]]:
    def count(name: str) -> int:
        return int(row[name])

    target = row["target_deaths"]
    parts = {
        # the control targets per class judged (issue 18): each with used and met; [] where none is set
        "deaths": {"deaths_incl_missing": count("deaths_incl_missing"),
                   "target": None if pd.isna(target) else int(target),
                   "class_targets": class_targets(row), "class_targets_exceeded": count("class_targets_exceeded")},
        "larger_accidents": {"count": count("larger_accidents")},
        "rectification": {"found": count("hazards_found"), "rectified": count("hazards_done"),
                          "rate": rate(count("hazards_done"), count("hazards_found"))},
        "major_closed": {"found": count("major_found"), "closed": count("major_closed"),
                         "rate": rate(count("major_closed"), count("major_found"))},
        "ledger": {"key_sites": count("key_sites"), "complete": count("key_sites_complete"),
                   "rate": rate(count("key_sites_complete"), count("key_sites"))},
        "standardisation": {"applicable": count("checklist_applicable"), "done": count("checklist_done"),
                            "rate": rate(count("checklist_done"), count("checklist_applicable"))},
        "inspection_coverage": {"active_enterprises": count("active_enterprises"),
                                "inspected": count("inspected_enterprises"),
                                "rate": rate(count("inspected_enterprises"), count("active_enterprises"))},
        # 按时率 (docs/rules.md#township-assessment-考核-and-campaigns): days reported by the cut-off ÷ days due; reported_days and its rate are 报送率
        "zero_report": {"expected_days": count("zero_expected_days"), "reported_days": count("zero_reported_days"),
                        "on_time_days": count("zero_on_time_days"),
                        "reported_rate": rate(count("zero_reported_days"), count("zero_expected_days")),
                        "rate": rate(count("zero_on_time_days"), count("zero_expected_days"))},
    }
    return {name: {"score": _score(row[f"score_{name}"]), "weight": weights[name], **parts[name]}
            for name in COMPONENTS}


def _pct(numerator: int, denominator: int) -> float | None:
    return None if not denominator else round_pct(100 * numerator / denominator)


def townships(con: duckdb.DuckDBPyConnection, filters: Filters, lang: str = "zh") -> dict[str, Any]:
    """``riskdash metrics townships``: every township ranked, those not vetoed first, then the vetoed; each
    group by score descending (as rounded and shown), ties by region_code."""
    values = settings_values(con)
    weights = assessment_weights(values)
    pass_score = _number(values, "assessment_pass_score")
    rules = veto_rules(values)
    root = root_region(con)
    whole = None
    if root is not None and (filters.account_region is not None or filters.region_code != root["region_code"]):
        # narrower than the city: the whole city's scorecard once, for the city ranks (_city_ranks), and the
        # scope's rows taken from it — each row holds its own township's figures whatever the scope (no figure
        # compares townships), so they are the rows the scoped query gives, without computing it twice
        whole = township_scorecard(con, replace(filters, region_code=root["region_code"], account_region=None),
                                   values)
        in_scope = scope_townships(con, filters.region_code, filters.account_region)["region_code"]
        frame = whole[whole["region_code"].isin(set(in_scope))]
    else:
        frame = township_scorecard(con, filters, values)
    labels = township_labels(con)  # 城关街道（甲县） where another township shares the name
    entries = []
    # rows as plain dicts: a pandas row (iterrows) answered each of the ~100 look-ups per township ten times slower
    for row in frame.to_dict("records"):
        found = vetoes(row, lang, rules)
        vetoed = bool(found)
        score = _score(row["score"])
        passed = not vetoed and score is not None and score >= pass_score
        entries.append({
            "region_code": row["region_code"],
            "name": labels.get(row["region_code"], row["name"]),
            "score": score,
            "result": "passed" if passed else "failed",
            "vetoed": vetoed,
            "veto_reasons": [reason for _, reason in found],
            "veto_codes": [code for code, _ in found],
            "veto_figures": veto_figures(row),
            "components": _components(row, weights),
            "checklist_done_pct": _pct(int(row["checklist_done"]), int(row["checklist_applicable"])),
            "zero_report_missing_days": int(row["zero_expected_days"]) - int(row["zero_reported_days"]),
        })
    _add_stations(con, filters, entries)
    entries.sort(key=_rank_key)
    result = {"year": filters.as_of.year, "townships": entries}
    if whole is not None:
        result.update(_city_ranks(whole, values, entries))  # --user = its --region
    return result


def _add_stations(con: duckdb.DuckDBPyConnection, filters: Filters, entries: list[dict[str, Any]]) -> None:
    """Each entry's 安监站 (issue 18): ``staffing`` (full-time staff against the class's minimum, the station
    head) and ``acceptance_report`` (验收报告: due day, day sent, on_time / late / missing / not_due / filed /
    not_required), from ``township_stations``."""
    # one dict per township (a pandas row looked up per township cost half of townships() in a 1,200-town city)
    stations = township_stations(con, filters).set_index("region_code").to_dict("index")
    for entry in entries:
        zero = entry["components"]["zero_report"]
        entry["zero_report_late_days"] = zero["reported_days"] - zero["on_time_days"]  # reported after the cut-off
        if entry["region_code"] not in stations:
            continue
        row = stations[entry["region_code"]]
        entry["staffing"] = {
            "full_time_staff": None if pd.isna(row["full_time_staff"]) else int(row["full_time_staff"]),
            "required": int(row["staff_required"]), "met": bool(row["staff_met"]),
            "head_in_place": bool(row["head_in_place"])}
        entry["acceptance_report"] = {"due": _iso(row["report_due"]), "sent_on": _iso(row["acceptance_report_on"]),
                                      "status": row["report_status"]}


def _iso(value: Any) -> str | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date().isoformat()


def _rank_key(entry: dict[str, Any]) -> tuple:
    return (entry["vetoed"], -(entry["score"] if entry["score"] is not None else -1.0), entry["region_code"])


def _city_ranks(whole: pd.DataFrame, values: dict[str, str], entries: list[dict[str, Any]]) -> dict[str, Any]:
    """A scope narrower than the city (a region filter, an account's region) shows its own townships' rank
    among the whole city's (``whole``: the city's scorecard) and the city's count of townships, never another
    township's row (issue 16; docs/accounts.md): each entry gains ``city_rank``, the result ``city_townships``."""
    rules = veto_rules(values)
    ranked = sorted(({"region_code": row["region_code"], "vetoed": bool(vetoes(row, "zh", rules)),
                      "score": _score(row["score"])}
                     for row in whole.to_dict("records")), key=_rank_key)
    rank = {e["region_code"]: n for n, e in enumerate(ranked, start=1)}
    for entry in entries:
        entry["city_rank"] = rank.get(entry["region_code"])
    return {"city_townships": len(ranked)}


# ---------------------------------------------------------------------------------------------- checklist

DEADLINE_GROUPS = ("zone_city", "zone", "key", "all")
_DEADLINE_KEYS = {"zone_city": "checklist_deadline_zone_city", "zone": "checklist_deadline_zone",
                  "key": "checklist_deadline_key", "all": "checklist_deadline_all"}


def checklist_params(values: dict[str, str], year: int) -> dict[str, Any]:
    """The deadlines of ``year`` per group and the full-time staff each class needs, from the settings."""
    params: dict[str, Any] = {f"deadline_{group}": month_day(values, key, year)
                              for group, key in _DEADLINE_KEYS.items()}
    return {**params, **staffing_params(values)}


def report_due(values: dict[str, str], year: int) -> date:
    """The day the key townships' acceptance report (验收报告) is due in ``year`` (checklist_report_key)."""
    return month_day(values, "checklist_report_key", year)


def station_params(values: dict[str, str], year: int) -> dict[str, Any]:
    return {**staffing_params(values), "report_key": report_due(values, year)}


def _checklist_query(con: duckdb.DuckDBPyConnection, name: str, filters: Filters, fetch=db.query) -> pd.DataFrame:
    scope = year_filters(filters)
    params = checklist_params(settings_values(con), scope.as_of.year)
    return fetch(con, f"campaigns/{name}", **scope.params(), **params)


def checklist_items_by_township(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Every binding checklist item of every township: status, date, evidence, deadline, late or not.
    A long list (a city at scale 20: 21 k rows), fetched through Arrow."""
    return _checklist_query(con, "checklist_items_by_township", filters, fetch=db.query_list)


def checklist_progress(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """One row per township: items binding, done, in progress, not started, late; done_rate 0–1."""
    frame = _checklist_query(con, "checklist_progress", filters)
    for column in ("items_applicable", "items_done", "items_in_progress", "items_not_started", "items_late"):
        frame[column] = frame[column].astype("int64")
    frame["done_rate"] = [rate(d, n) for d, n in zip(frame["items_done"], frame["items_applicable"])]
    return frame


def checklist_progress_by_group(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """One row per deadline group present: townships, complete, late, and items done of items binding."""
    frame = _checklist_query(con, "checklist_progress_by_group", filters)
    for column in ("townships", "townships_complete", "townships_late", "items_applicable", "items_done"):
        frame[column] = frame[column].astype("int64")
    frame["completion_rate"] = [rate(c, n) for c, n in zip(frame["townships_complete"], frame["townships"])]
    frame["done_rate"] = [rate(d, n) for d, n in zip(frame["items_done"], frame["items_applicable"])]
    return frame


def township_stations(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """One row per township: its 安监站 staffing against the class's minimum, the station head, and the
    acceptance report (验收报告) judged against its due day (key townships only)."""
    scope = year_filters(filters)
    return db.query(con, "campaigns/township_stations", **scope.params(),
                    **station_params(settings_values(con), scope.as_of.year))


FOUR_REQUIREMENTS = ("staff", "budget", "powers", "dual")


def four_in_place(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The "四个必须到位" per township and requirement, read from the checklist items (never counted twice)."""
    scope = year_filters(filters)
    return db.query(con, "campaigns/four_in_place", **scope.params(), **staffing_params(settings_values(con)))


def late_items(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Which townships are late on which items (deadline passed, item not done), township by township."""
    return late_items_of(checklist_items_by_township(con, filters))


def late_items_of(items: pd.DataFrame) -> pd.DataFrame:
    """The late rows of a ``checklist_items_by_township`` frame (so that a screen holding it reads it once)."""
    return items[items["is_late"]].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------- "1+1"


def campaign_pairs(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The "1+1" pairs: per township each 产业类型 with active enterprises (an enterprise without one is of its
    sector's class), whether the experts inspected an enterprise of it this year, its meetings and its record."""
    frame = db.query(con, "campaigns/campaign_pairs", **year_filters(filters).params())
    for column in ("enterprises", "untyped_enterprises", "problems_found", "meetings"):
        frame[column] = frame[column].astype("int64")
    return frame


def pair_townships(pairs: pd.DataFrame, towns: pd.DataFrame) -> pd.DataFrame:
    """Per township of ``towns`` (region_code, name, county_name; ``metrics.data.townships``) from a
    ``campaign_pairs`` frame: its classes, those inspected and with a warning meeting, the coverage (inspected ÷
    classes) and meeting rate; a township without an active enterprise has 0 classes and no rate (shown "—")."""
    counted = (pairs.assign(has_meeting=pairs["meetings"] > 0, n=1)
               .groupby("region_code")
               .agg(township_label=("township_label", "first"), classes=("n", "sum"),
                    classes_inspected=("is_inspected", "sum"), classes_with_meeting=("has_meeting", "sum"),
                    untyped_enterprises=("untyped_enterprises", "sum")))
    frame = (towns[["region_code", "name", "county_name"]].rename(columns={"name": "township_name"})
             .merge(counted, left_on="region_code", right_index=True, how="left")
             .sort_values("region_code").reset_index(drop=True))
    frame["township_label"] = frame["township_label"].where(frame["township_label"].notna(), frame["township_name"])
    for column in ("classes", "classes_inspected", "classes_with_meeting", "untyped_enterprises"):
        frame[column] = frame[column].fillna(0).astype("int64")
    # object columns: a township without a class keeps None (a float column would turn it into NaN)
    frame["coverage_rate"] = pd.Series([rate(i, n) for i, n in zip(frame["classes_inspected"], frame["classes"])],
                                       index=frame.index, dtype=object)
    frame["meeting_rate"] = pd.Series([rate(m, n) for m, n in zip(frame["classes_with_meeting"], frame["classes"])],
                                      index=frame.index, dtype=object)
    return frame


def campaign_townships(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Per township of the scope: its 产业类型 classes, inspected by "1+1", with a meeting (``pair_townships``)."""
    return pair_townships(campaign_pairs(con, filters), scope_townships(con, filters.region_code,
                                                                        filters.account_region))


def campaign_coverage(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Each county and the total: township × 产业类型 pairs, inspected by "1+1", with a warning meeting."""
    frame = db.query(con, "campaigns/campaign_coverage", **year_filters(filters).params())
    for column in ("townships", "pairs", "pairs_inspected", "pairs_with_meeting"):
        frame[column] = frame[column].astype("int64")
    frame["coverage_rate"] = [rate(i, n) for i, n in zip(frame["pairs_inspected"], frame["pairs"])]
    frame["meeting_rate"] = [rate(m, n) for m, n in zip(frame["pairs_with_meeting"], frame["pairs"])]
    return frame


def common_problem_min(values: dict[str, str]) -> int:
    return max(1, int(_number(values, "campaign_common_problem_min_enterprises")))


def common_problems(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Hazard categories found at several enterprises of one sector this year (共性问题)."""
    frame = db.query(con, "campaigns/common_problems", **year_filters(filters).params(),
                     min_enterprises=common_problem_min(settings_values(con)))
    for column in ("enterprises", "hazards", "townships"):
        frame[column] = frame[column].astype("int64")
    return frame


def warning_meetings(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    return db.query(con, "campaigns/warning_meetings", **year_filters(filters).params())


# ---------------------------------------------------------------------------------------------- 零报告


def zero_report_windows(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    frame = db.query(con, "campaigns/zero_report_windows", **_zero_params(con, filters))
    for column in ("days_due", "townships", "reports_due", "reports_received", "reports_on_time", "reports_missing",
                   "accidents_reported"):
        frame[column] = frame[column].astype("int64")
    frame["compliance_rate"] = [rate(r, d) for r, d in zip(frame["reports_received"], frame["reports_due"])]
    frame["on_time_rate"] = [rate(r, d) for r, d in zip(frame["reports_on_time"], frame["reports_due"])]
    return frame


def zero_report_compliance(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    frame = db.query(con, "campaigns/zero_report_compliance", **_zero_params(con, filters))
    for column in ("days_due", "days_reported", "days_missing", "days_on_time", "days_late", "accidents_reported"):
        frame[column] = frame[column].astype("int64")
    frame["compliance_rate"] = [rate(r, d) for r, d in zip(frame["days_reported"], frame["days_due"])]  # 报送率
    frame["on_time_rate"] = [rate(r, d) for r, d in zip(frame["days_on_time"], frame["days_due"])]  # 按时率
    return frame


def zero_report_missing(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    return db.query(con, "campaigns/zero_report_missing", **year_filters(filters).params())


def zero_report_late(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The days each township reported after the cut-off (or without a time): 迟报, named."""
    return db.query(con, "campaigns/zero_report_late", **_zero_params(con, filters))


def _zero_params(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, Any]:
    return {**year_filters(filters).params(), "zero_cutoff_minutes": cutoff_minutes(settings_values(con))}
