"""专项行动与乡镇规范化: pure shaping of the screen's frames into what the page shows (no Streamlit).

Tables get their headers in the page's language, rates as percentages with one decimal ("—" where the
denominator is 0), dates as ISO days; the scorecard table is also what the .xlsx export writes.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from riskdash import accounts, i18n
from riskdash.metrics.campaigns import COMPONENTS, vetoes

DASH = i18n.DASH


def _t(key: str, lang: str, **values: Any) -> str:
    return i18n.t(f"campaigns.{key}", lang, **values)


def _day(value: Any) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return DASH
    return pd.Timestamp(value).date().isoformat()


def _score(value: Any) -> str:
    return DASH if value is None else f"{value:.1f}"


def _town(row: Any) -> str:
    """The township as shown everywhere: 城关街道（甲县） where another township shares its name
    (sql/views/township_labels.sql), its bare name otherwise."""
    label = row.get("township_label") if hasattr(row, "get") else None
    return label if isinstance(label, str) else row["township_name"]


# Whole frames a column at a time: their rows read one by one (iterrows) cost about 1.5 s of 专项行动's run at
# scale 20, on its 20,000-odd "1+1" pairs and meetings (issue 17)
def _towns(frame: pd.DataFrame) -> list[str]:
    labels = frame["township_label"] if "township_label" in frame else [None] * len(frame)
    return [label if isinstance(label, str) else name for label, name in zip(labels, frame["township_name"])]


def _sectors(frame: pd.DataFrame, lang: str) -> list[str]:
    return [i18n.sector_name(names, lang) for names in zip(frame["sector_name_zh"], frame["sector_name_en"])]


def _classes(frame: pd.DataFrame, lang: str) -> list[str]:
    """The pairs' 产业类型; a class made of enterprises without one (their sector's name) says so."""
    return [_t("by_sector", lang, name=kind) if untyped and untyped == total else kind
            for untyped, total, kind in zip(frame["untyped_enterprises"], frame["enterprises"],
                                            frame["industry_type"])]


# ---------------------------------------------------------------------------------------------- scorecard


def scorecard_summary(result: dict) -> dict[str, int]:
    towns = result["townships"]
    return {
        "townships": len(towns),
        "passed": sum(t["result"] == "passed" for t in towns),
        "failed": sum(t["result"] == "failed" for t in towns),
        "vetoed": sum(t["vetoed"] for t in towns),
    }


def veto_reason_words(entry: dict, lang: str) -> list[str]:
    """The veto reasons in the page's language, from the entry's own figures (``veto_figures``), of the rules
    it was judged by (its ``veto_codes``: a rule switched off by its setting is not worded)."""
    return [reason for _, reason in vetoes(entry["veto_figures"], lang, frozenset(entry["veto_codes"]))]


def scorecard_table(result: dict, lang: str) -> pd.DataFrame:
    """The ranking: rank, township, score, result, veto reasons, then each component's 0–100 score."""
    rows = []
    for rank, entry in enumerate(result["townships"], start=1):
        row = {
            _t("col.rank", lang): rank,
            # an account bounded by a region: its township's rank among the whole city's (issue 16)
            **({_t("col.city_rank", lang, n=result["city_townships"]): entry["city_rank"]}
               if "city_townships" in result else {}),
            _t("col.township", lang): entry["name"],
            _t("col.region_code", lang): entry["region_code"],
            _t("col.score", lang): entry["score"],
            _t("col.result", lang): _t(f"result.{entry['result']}", lang),
            _t("col.veto", lang): "；".join(veto_reason_words(entry, lang)) if entry["vetoed"] else "",
        }
        for name in COMPONENTS:
            row[_t(f"component.{name}", lang)] = entry["components"][name]["score"]
        row[_t("col.checklist_pct", lang)] = entry["checklist_done_pct"]
        row[_t("col.zero_missing", lang)] = entry["zero_report_missing_days"]
        # issue 18: the days reported after the cut-off, the station's staffing and the acceptance report
        row[_t("col.zero_late", lang)] = entry.get("zero_report_late_days", DASH)
        row[_t("col.staff", lang)] = staff_words(entry.get("staffing"))
        row[_t("col.acceptance", lang)] = report_words(entry.get("acceptance_report"), lang)
        rows.append(row)
    return pd.DataFrame(rows)


SCORECARD_VIEWS = {
    "veto": ("col.veto",),
    "accidents": tuple(f"component.{name}" for name in COMPONENTS[:4]),
    "work": tuple(f"component.{name}" for name in COMPONENTS[4:]),
    "staff": ("col.checklist_pct", "col.zero_missing", "col.zero_late", "col.staff", "col.acceptance"),
}


def scorecard_views(result: dict, lang: str) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The ranking (``scorecard_table`` of ``result``) on screen, one themed view at a time (issue 17 item 7: its
    nineteen columns need about 1,950 px, the page at 1024 px holds 664): each view's name and columns, the key
    columns (rank, the city rank of a bounded account, township, score, result) first in every view, and the
    shorter headers the views show (the frame and its .xlsx keep the full ones). The region code is in the .xlsx
    only."""
    city_rank = ([_t("col.city_rank", lang, n=result["city_townships"])] if "city_townships" in result else [])
    keys = [_t("col.rank", lang), *city_rank, _t("col.township", lang), _t("col.score", lang), _t("col.result", lang)]
    views = {_t(f"view.{name}", lang): keys + [_t(column, lang) for column in columns]
             for name, columns in SCORECARD_VIEWS.items()}
    labels = {_t(column, lang): _t("short." + column.split(".", 1)[1], lang)
              for columns in list(SCORECARD_VIEWS.values())[1:] for column in columns}
    labels.update({column: _t("short.city_rank", lang) for column in city_rank})
    return views, labels


def staff_words(staffing: dict | None) -> str:
    """专职 staff as "has/needs" (2/2); "—" where nothing is recorded."""
    if not staffing or staffing.get("full_time_staff") is None:
        return DASH
    return f"{staffing['full_time_staff']}/{staffing['required']}"


def report_words(report: dict | None, lang: str) -> str:
    """The acceptance report's judgement in words, with the day sent (按期报送 07-03, 逾期报送 07-06, 逾期未报)."""
    if not report:
        return DASH
    words = _t(f"report.{report['status']}", lang)
    return f"{words} {report['sent_on'][5:]}" if report.get("sent_on") else words


def component_details(entry: dict, lang: str) -> pd.DataFrame:
    """One township's components: weight, score, and the figures behind it, in words."""
    rows = []
    for name in COMPONENTS:
        part = entry["components"][name]
        figures = {k: v for k, v in part.items() if k not in ("score", "weight")}
        rows.append({
            _t("col.component", lang): _t(f"component.{name}", lang),
            _t("col.weight", lang): part["weight"],
            _t("col.component_score", lang): _score(part["score"]),
            _t("col.basis", lang): _t(f"basis.{name}", lang, **{k: (DASH if v is None else v) for k, v in figures.items()},
                                      pct=i18n.pct(figures.get("rate"))),
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------------------- checklist


def group_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        _t("col.deadline_group", lang): [_t(f"group.{g}", lang) for g in frame["deadline_group"]],
        _t("col.deadline", lang): [_day(d) for d in frame["deadline"]],
        _t("col.townships", lang): frame["townships"],
        _t("col.complete", lang): frame["townships_complete"],
        _t("col.late_townships", lang): frame["townships_late"],
        _t("col.items_done", lang): [f"{d}/{n}" for d, n in zip(frame["items_done"], frame["items_applicable"])],
        _t("col.done_rate", lang): [i18n.pct(r) for r in frame["done_rate"]],
    })


def progress_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        _t("col.township", lang): _towns(frame),
        _t("col.class", lang): [_t(f"class.{c}", lang) if isinstance(c, str) else DASH for c in frame["township_class"]],
        _t("col.deadline", lang): [_day(d) for d in frame["deadline"]],
        _t("col.items_done", lang): [f"{d}/{n}" for d, n in zip(frame["items_done"], frame["items_applicable"])],
        _t("col.done_rate", lang): [i18n.pct(r) for r in frame["done_rate"]],
        _t("col.in_progress", lang): frame["items_in_progress"],
        _t("col.not_started", lang): frame["items_not_started"],
        _t("col.late_items", lang): frame["items_late"],
    })


def items_table(frame: pd.DataFrame, lang: str, with_township: bool = False) -> pd.DataFrame:
    name_column = "item_name_zh" if lang == "zh" else "item_name_en"
    table = {}
    if with_township:
        table[_t("col.township", lang)] = _towns(frame)
        table[_t("col.deadline", lang)] = [_day(d) for d in frame["deadline"]]
    table[_t("col.item_group", lang)] = list(frame["item_group"])
    table[_t("col.item", lang)] = list(frame[name_column])
    table[_t("col.status", lang)] = [_t(f"status.{s}", lang) for s in frame["status"]]
    table[_t("col.status_on", lang)] = [_day(d) for d in frame["status_on"]]
    table[_t("col.evidence", lang)] = [e if isinstance(e, str) else DASH for e in frame["evidence"]]
    if not with_township:
        table[_t("col.late", lang)] = [_t("late.yes", lang) if x else "" for x in frame["is_late"]]
    return pd.DataFrame(table)


def stations_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per township: class, full-time staff against the minimum, the head, the acceptance report."""
    def yes(flag: Any) -> str:
        return _t("yes", lang) if bool(flag) else _t("no", lang)

    return pd.DataFrame({
        _t("col.township", lang): _towns(frame),
        _t("col.class", lang): [_t(f"class.{c}", lang) if isinstance(c, str) else DASH for c in frame["township_class"]],
        _t("col.staff", lang): [DASH if pd.isna(n) else f"{int(n)}/{int(r)}"
                                for n, r in zip(frame["full_time_staff"], frame["staff_required"])],
        _t("col.staff_met", lang): [yes(m) for m in frame["staff_met"]],
        _t("col.head", lang): [yes(h) for h in frame["head_in_place"]],
        _t("col.head_doc", lang): [d if isinstance(d, str) else DASH for d in frame["head_appointment_doc"]],
        _t("col.acceptance", lang): [_t(f"report.{s}", lang) for s in frame["report_status"]],
        _t("col.acceptance_on", lang): [_day(d) for d in frame["acceptance_report_on"]],
    })


def stations_labels(lang: str) -> dict[str, str]:
    """The shorter headers the stations table (``stations_table``) shows (issue 17 item 7: its eight headers
    needed about 1,000 px, 1,280 in English; the page at 1024 px holds 664); its frame and .xlsx keep the full ones."""
    return {_t(f"col.{c}", lang): _t(f"short.{c}", lang)
            for c in ("staff", "staff_met", "head", "head_doc", "acceptance", "acceptance_on")}


def four_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The "四个必须到位" per township: one column per requirement (是/否) and whether all four are in place."""
    yes, no, township, every = _t("yes", lang), _t("no", lang), _t("col.township", lang), _t("four.all", lang)
    heads: dict[str, str] = {}
    rows: dict[Any, dict[str, str]] = {}
    all_done: dict[Any, bool] = {}
    ordered = frame.sort_values("region_code", kind="stable")  # the townships in code order, as groupby(sort=True)
    for code, town, requirement, done in zip(ordered["region_code"], _towns(ordered), ordered["requirement"],
                                             ordered["is_done"]):
        row = rows.setdefault(code, {township: town})
        if requirement not in heads:
            heads[requirement] = _t(f"four.{requirement}", lang)
        row[heads[requirement]] = yes if done else no
        all_done[code] = all_done.get(code, True) and bool(done)
    return pd.DataFrame([{**row, every: yes if all_done[code] else no} for code, row in rows.items()])


# ---------------------------------------------------------------------------------------------- "1+1"


def coverage_table(frame: pd.DataFrame, lang: str, region_name: str) -> pd.DataFrame:
    names = [(_t("total", lang, region=region_name) if total else name)
             for total, name in zip(frame["is_total"], frame["county_name"])]
    return pd.DataFrame({
        _t("col.region", lang): names,
        _t("col.townships", lang): frame["townships"],
        _t("col.pairs", lang): frame["pairs"],
        _t("col.pairs_inspected", lang): frame["pairs_inspected"],
        _t("col.coverage", lang): [i18n.pct(r) for r in frame["coverage_rate"]],
        _t("col.pairs_meeting", lang): frame["pairs_with_meeting"],
        _t("col.meeting_rate", lang): [i18n.pct(r) for r in frame["meeting_rate"]],
    })


def _text(value: Any) -> str:
    return value if isinstance(value, str) and value.strip() else DASH


def towns_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per township (``metrics.campaigns.campaign_townships``): classes, inspected, coverage ("—" at 0 classes)."""
    return pd.DataFrame({
        _t("col.township", lang): _towns(frame),
        _t("col.classes", lang): frame["classes"],
        _t("col.pairs_inspected", lang): frame["classes_inspected"],
        _t("col.coverage", lang): [i18n.pct(r) for r in frame["coverage_rate"]],
        _t("col.pairs_meeting", lang): frame["classes_with_meeting"],
    })


def pairs_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per "1+1" pair (``metrics.campaigns.campaign_pairs``): the screen's list and the .xlsx."""
    return pd.DataFrame({
        _t("col.township", lang): _towns(frame),
        _t("col.industry_type", lang): _classes(frame, lang),
        _t("col.enterprises", lang): frame["enterprises"],
        _t("col.inspected", lang): [_t("yes", lang) if x else _t("no", lang) for x in frame["is_inspected"]],
        _t("col.inspected_on", lang): [_day(d) for d in frame["first_inspected_on"]],
        _t("col.inspected_enterprise", lang): [_text(e) for e in frame["inspected_enterprise"]],
        _t("col.problems", lang): frame["problems_found"],
        _t("col.meetings", lang): frame["meetings"],
        _t("col.last_meeting", lang): [_day(d) for d in frame["last_meeting_on"]],
        _t("col.common_problems", lang): [_text(v) for v in frame["common_problems"]],
        _t("col.individual_problems", lang): [_text(v) for v in frame["individual_problems"]],
        _t("col.advice", lang): [_text(v) for v in frame["advice"]],
    })


PAIRS_LISTED = ("col.township", "col.industry_type", "col.enterprises", "col.inspected", "col.inspected_on",
                "col.problems", "col.meetings")
PAIRS_IN_CARD = ("col.inspected_enterprise", "col.last_meeting", "col.common_problems", "col.individual_problems",
                 "col.advice")


def pairs_listed(lang: str) -> tuple[list[str], dict[str, str]]:
    """The "1+1" pairs (``pairs_table``) on screen (issue 17 item 7: its twelve columns need about 1,124 px of
    headers, the findings' text far more; the page at 1024 px holds 664): the columns the list shows and their
    shorter headers; the others (``pair_card``) are read in a card on row selection, the .xlsx has them all."""
    shown = [_t(c, lang) for c in PAIRS_LISTED]
    return shown, {_t(c, lang): _t("short." + c.split(".", 1)[1], lang) for c in PAIRS_LISTED[1:]}


def pair_card(row: Any, lang: str) -> tuple[str, list[tuple[str, str]]]:
    """A row of ``pairs_table``: the card's title (township · class) and its lines (header, text)."""
    title = _t("pair_card", lang, township=row[_t("col.township", lang)],
               industry_type=row[_t("col.industry_type", lang)])
    return title, [(_t(c, lang), str(row[_t(c, lang)])) for c in PAIRS_IN_CARD]


def problems_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        _t("col.sector", lang): _sectors(frame, lang),
        _t("col.category", lang): frame["category"],
        _t("col.enterprises", lang): frame["enterprises"],
        _t("col.hazards", lang): frame["hazards"],
        _t("col.townships", lang): frame["townships"],
    })


def meetings_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        _t("col.held_on", lang): [_day(d) for d in frame["held_on"]],
        _t("col.township", lang): _towns(frame),
        _t("col.industry_type", lang): frame["industry_type"],
        _t("col.sector", lang): _sectors(frame, lang),
        _t("col.attendance", lang): [DASH if pd.isna(a) else int(a) for a in frame["attendance"]],
        _t("col.note", lang): [n if isinstance(n, str) else DASH for n in frame["note"]],
    })


# ---------------------------------------------------------------------------------------------- 零报告


def windows_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        _t("col.window", lang): frame["name"],
        _t("col.window_dates", lang): [f"{_day(s)} — {_day(e)}" for s, e in zip(frame["start_on"], frame["end_on"])],
        _t("col.days_due", lang): frame["days_due"],
        _t("col.reports_due", lang): frame["reports_due"],
        _t("col.reports_received", lang): frame["reports_received"],
        _t("col.reports_on_time", lang): frame["reports_on_time"],
        _t("col.reports_missing", lang): frame["reports_missing"],
        _t("col.compliance", lang): [i18n.pct(r) for r in frame["compliance_rate"]],
        _t("col.on_time", lang): [i18n.pct(r) for r in frame["on_time_rate"]],
        _t("col.accidents_reported", lang): frame["accidents_reported"],
    })


def windows_views(table: pd.DataFrame, lang: str) -> dict[str, list[str]]:
    """The windows table (``windows_table``) on screen (issue 17 item 7): in Chinese its ten columns fit the page at
    1024 px (664 px) in one view; in English their headers alone take about 700 px (836 px in all), so it is shown
    one themed view at a time, the window and its dates first in each: the report counts, then the rates and the
    accidents reported. The download keeps every column."""
    columns = list(table.columns)
    if lang == "zh":
        return {"": columns}
    keys, counts = columns[:2], columns[2:7]
    return {_t("view.window_counts", lang): keys + counts,
            _t("view.window_rates", lang): keys + [c for c in columns[2:] if c not in counts]}


def compliance_table(frame: pd.DataFrame, missing: pd.DataFrame, lang: str,
                     late: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per township: days due, reported, missed (漏报) and late (迟报), 报送率 and 按时率, the days named."""
    def named(rows: pd.DataFrame | None) -> dict[str, str]:
        if rows is None:
            return {}
        return {code: "、".join(_day(d)[5:] for d in group["report_on"]) for code, group in rows.groupby("region_code")}

    days, late_days = named(missing), named(late)
    table = {
        _t("col.township", lang): _towns(frame),
        _t("col.town_days_due", lang): frame["days_due"],
        _t("col.days_reported", lang): frame["days_reported"],
        _t("col.days_missing", lang): frame["days_missing"],
    }
    if "days_late" in frame:
        table[_t("col.days_late", lang)] = frame["days_late"]
    table[_t("col.compliance", lang)] = [i18n.pct(r) for r in frame["compliance_rate"]]
    if "on_time_rate" in frame:
        table[_t("col.on_time", lang)] = [i18n.pct(r) for r in frame["on_time_rate"]]
    table[_t("col.missing_days", lang)] = [days.get(code, "") for code in frame["region_code"]]
    if late is not None:
        table[_t("col.late_days", lang)] = [late_days.get(code, "") for code in frame["region_code"]]
    return pd.DataFrame(table)


def late_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Each day reported after the cut-off: township, window, day, when the first report was filed."""
    return pd.DataFrame({
        _t("col.township", lang): _towns(frame),
        _t("col.window", lang): frame["window_name"],
        _t("col.late_day", lang): [_day(d) for d in frame["report_on"]],
        _t("col.reported_at", lang): [DASH if pd.isna(a) else pd.Timestamp(a).strftime("%Y-%m-%d %H:%M")
                                      for a in frame["first_reported_at"]],
    })


def missing_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        _t("col.township", lang): _towns(frame),
        _t("col.window", lang): frame["window_name"],
        _t("col.report_on", lang): [_day(d) for d in frame["report_on"]],
    })


# ---------------------------------------------------------------------------------------------- 零报告 form

# A day's report goes through the importer as a one-row file of its zero-reports kind, in upsert mode (a
# second report of the same window, township and day corrects the first), so that the form refuses exactly
# what a file import refuses; the import writes the audit entry with the reporter as its actor.
ZERO_REPORT_KIND = "zero-reports"
ZERO_REPORT_MODE = "upsert"
ZERO_REPORT_COLUMNS = ("window_id", "region_code", "report_on", "accidents_reported", "reported_at")


def zero_report_label(region_code: str, report_on: Any) -> str:
    """What the audit log names as the 'file' of a report made on the screen."""
    return f"campaigns-form:zero-report {region_code} {pd.Timestamp(report_on).date().isoformat()}"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat(sep=" ") if hasattr(value, "hour") else value.isoformat()
    return str(value)


ZERO_REPORT_TEMP_PREFIX = "riskdash-zero-report-"


@contextmanager
def zero_report_file(window_id: str, region_code: str, report_on: Any, accidents_reported: Any,
                     reported_at: Any = None) -> Iterator[Path]:
    """``with zero_report_file(...) as path``: the report as a one-row UTF-8 CSV headed by the kind's column
    names, in a temporary folder deleted when the block ends (saved, refused or failed)."""
    with tempfile.TemporaryDirectory(prefix=ZERO_REPORT_TEMP_PREFIX) as folder:
        path = Path(folder) / "zero-reports.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(ZERO_REPORT_COLUMNS)
            writer.writerow([_cell(v) for v in (window_id, region_code, report_on, accidents_reported, reported_at)])
        yield path


def check_zero_report(con, path: Path, label: str) -> tuple[int, list, int]:
    """The importer's validation of the report (nothing written; temp tables only): rows, problems, total."""
    from riskdash.importer import check

    return check(con, ZERO_REPORT_KIND, path, mode=ZERO_REPORT_MODE, file_label=label)


def write_zero_report(con, path: Path, actor: str, label: str):
    """Validate and write on a writable connection, with its audit entry (raises ImportFailed: nothing written)."""
    from riskdash.importer import import_file

    return import_file(con, ZERO_REPORT_KIND, path, mode=ZERO_REPORT_MODE, actor=actor, file_label=label)


def writer_roles(lang: str) -> str:
    """The roles that may record a zero report, named in ``lang``, from the one table of role rights
    (accounts.ROLES): the line a read-only account reads where the form would be."""
    names = [role.label(lang) for role in accounts.ROLES.values() if role.can_write]
    return ("、" if lang == "zh" else ", ").join(names)


def report_days(window: Any, as_of: Any) -> tuple[Any, Any, Any]:
    """(first, last, default) day the form offers for a window: any of its days; by default the as-of day
    when it falls in the window, else the nearer end."""
    first = pd.Timestamp(window["start_on"]).date()
    last = pd.Timestamp(window["end_on"]).date()
    return first, last, min(max(pd.Timestamp(as_of).date(), first), last)


# ---------------------------------------------------------------------------------------------- "1+1" pair record

PAIR_KIND = "campaign-pairs"
PAIR_MODE = "upsert"
PAIR_COLUMNS = ("year", "region_code", "industry_type", "common_problems", "individual_problems", "advice")


def pair_label(year: int, region_code: str, industry_type: str) -> str:
    """What the audit log names as the 'file' of a pair record made on the screen."""
    return f"campaigns-form:campaign-pair {year} {region_code} {industry_type}"


@contextmanager
def pair_file(year: int, region_code: str, industry_type: str, common: str, individual: str,
              advice: str) -> Iterator[Path]:
    """``with pair_file(...) as path``: the pair's record as a one-row UTF-8 CSV headed by the kind's column
    names, in a temporary folder deleted when the block ends."""
    with tempfile.TemporaryDirectory(prefix=ZERO_REPORT_TEMP_PREFIX) as folder:
        path = Path(folder) / "campaign-pairs.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(PAIR_COLUMNS)
            writer.writerow([_cell(v) for v in (year, region_code, industry_type, common.strip(),
                                                individual.strip(), advice.strip())])
        yield path


def check_pair(con, path: Path, label: str) -> tuple[int, list, int]:
    """The importer's validation of a pair record (nothing written): rows, problems, total."""
    from riskdash.importer import check

    return check(con, PAIR_KIND, path, mode=PAIR_MODE, file_label=label)
