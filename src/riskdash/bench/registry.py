"""Every query ``riskdash bench`` times, screen by screen: the SQL file, the filters it is timed with, the largest
table it reads (its floor is a bare aggregate scan of that table, ``riskdash.bench.FLOOR_SQL``), the extra
parameters the screen binds and, where one exists, the plain pandas peer from ``riskdash.bench.oracle``.

The production metrics know nothing of this list: a query a screen adds is registered here, under its screen.
The order (overview, then the screens by name) is the order of ``riskdash bench``'s ``queries``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

from riskdash import db, metrics
from riskdash.bench import oracle
from riskdash.bench.oracle import accidents as accident_peers
from riskdash.bench.oracle import campaigns as campaign_peers
from riskdash.bench.oracle import classes as class_peers
from riskdash.bench.oracle import priority as priority_peers
from riskdash.bench.oracle import rectification as rectification_peers
from riskdash.bench.spec import BenchQuery, city_year_to_date
from riskdash.filters import Filters
from riskdash.metrics import accidents, campaigns, priority, rectification

# ---------------------------------------------------------------------------------------------- overview

OVERVIEW: list[BenchQuery] = [
    BenchQuery("metrics/accident_totals", "accidents", city_year_to_date, oracle.accident_totals),
    BenchQuery("metrics/rectification_totals", "hazards", city_year_to_date, oracle.rectification_totals),
    BenchQuery("metrics/rectification_stock", "hazards", city_year_to_date, rectification_peers.rectification_stock),
    BenchQuery("metrics/key_site_totals", "key_sites", city_year_to_date, oracle.key_site_totals),
    BenchQuery("metrics/death_target", "annual_targets", city_year_to_date),
    # the control targets per class (issue 18): year-to-date counts, as metrics.classes.class_targets binds them
    BenchQuery("metrics/class_targets", "accidents", city_year_to_date, class_peers.class_targets),
    # the rate targets (issue 18, schema 28): year-to-date deaths over the year's denominators
    BenchQuery("metrics/rate_targets", "accidents", city_year_to_date, class_peers.rate_targets),
]

# ---------------------------------------------------------------------------------------------- 事故分析


def _every_department() -> dict[str, Any]:
    """The lists' department filter (sql/views/departments.sql) off, with the shipped sector → department map:
    the screens' default, 全部部门."""
    from riskdash.metrics.departments import default_department_map

    mapping = default_department_map()
    return {"codes": list(mapping), "names": list(mapping.values()), "department": None}


def _accident_params(filters: Filters) -> dict[str, Any]:
    return {"previous_start": filters.previous_year().start, "previous_end": filters.previous_year().end,
            "history_start": accidents.history_start(filters),
            "baseline_years": accidents.PROJECTION_BASELINE_YEARS, "accident_id": "A2026-00098",
            **_every_department()}


ACCIDENTS: list[BenchQuery] = [
    BenchQuery(f"accidents/{name}", "accidents", city_year_to_date, getattr(accident_peers, name), _accident_params)
    for name in ("accidents_by_month", "deaths_to_date_by_year", "deaths_per_accident", "accidents_by_sector",
                 "accidents_by_type", "accidents_by_region", "accidents_by_weekday", "accidents_by_hour",
                 "larger_and_above_list", "larger_risk_involved_list", "rate_indicators")
] + [BenchQuery("accidents/accident_record", "accidents", city_year_to_date, None, _accident_params)] + [
    # 结案 (issue 18): the investigation deadline is the shipped default (60 days)
    BenchQuery(f"accidents/{name}", "accidents", city_year_to_date, getattr(accident_peers, name),
               lambda filters: {"investigation_days": 60})
    for name in ("investigations", "investigations_overdue")
] + [
    # the statistical classes (issue 18, 《生产安全事故统计调查制度》)
    BenchQuery("accidents/accidents_by_class", "accidents", city_year_to_date, class_peers.accidents_by_class,
               _accident_params),
    BenchQuery("accidents/accidents_by_class_and_month", "accidents", city_year_to_date,
               class_peers.accidents_by_class_and_month, _accident_params),
]

# ---------------------------------------------------------------------------------------------- 专项行动与考核

DEFAULTS = campaigns.DEFAULTS  # the settings as shipped: the bench city stores none of its own


def _scorecard_params(filters: Filters) -> dict[str, Any]:
    return campaigns.scorecard_params(DEFAULTS)


def _checklist_params(filters: Filters) -> dict[str, Any]:
    return campaigns.checklist_params(DEFAULTS, filters.as_of.year)


def _zero_params(filters: Filters) -> dict[str, Any]:
    return {"zero_cutoff_minutes": campaigns.cutoff_minutes(DEFAULTS)}


def _station_params(filters: Filters) -> dict[str, Any]:
    return campaigns.station_params(DEFAULTS, filters.as_of.year)


def _staff_params(filters: Filters) -> dict[str, Any]:
    return campaigns.staffing_params(DEFAULTS)


def _with_cutoff(peer):
    return lambda con, filters: peer(con, filters, campaigns.cutoff_minutes(DEFAULTS))


def _pandas_stations(con: duckdb.DuckDBPyConnection, filters: Filters):
    staff = campaigns.staffing_params(DEFAULTS)
    return campaign_peers.township_stations(con, filters, campaigns.report_due(DEFAULTS, filters.as_of.year),
                                            staff["staff_min_key"], staff["staff_min_ordinary"])


def _pandas_four(con: duckdb.DuckDBPyConnection, filters: Filters):
    staff = campaigns.staffing_params(DEFAULTS)
    return campaign_peers.four_in_place(con, filters, staff["staff_min_key"], staff["staff_min_ordinary"])


def _problem_params(filters: Filters) -> dict[str, Any]:
    return {"min_enterprises": campaigns.common_problem_min(DEFAULTS)}


def _deadlines(filters: Filters) -> dict[str, date]:
    params = _checklist_params(filters)
    return {group: params[f"deadline_{group}"] for group in campaigns.DEADLINE_GROUPS}


def _pandas_scorecard(con: duckdb.DuckDBPyConnection, filters: Filters):
    params = campaigns.scorecard_params(DEFAULTS)
    return campaign_peers.township_scorecard(con, filters, campaigns.assessment_weights(DEFAULTS),
                                             params["points_per_death"], params["late_report_hours"])


def _with_deadlines(peer):
    return lambda con, filters: peer(con, filters, _deadlines(filters))


def _in_year(peer):
    return lambda con, filters: peer(con, campaigns.year_filters(filters))


def _pandas_problems(con: duckdb.DuckDBPyConnection, filters: Filters):
    return campaign_peers.common_problems(con, filters, campaigns.common_problem_min(DEFAULTS))


CAMPAIGNS: list[BenchQuery] = [
    BenchQuery("campaigns/township_scorecard", "hazards", city_year_to_date, _pandas_scorecard, _scorecard_params),
    BenchQuery("campaigns/checklist_items_by_township", "regions", city_year_to_date,
               _with_deadlines(campaign_peers.checklist_items_by_township), _checklist_params, as_list=True),
    BenchQuery("campaigns/checklist_progress", "regions", city_year_to_date,
               _with_deadlines(campaign_peers.checklist_progress), _checklist_params),
    BenchQuery("campaigns/checklist_progress_by_group", "regions", city_year_to_date,
               _with_deadlines(campaign_peers.checklist_progress_by_group), _checklist_params),
    BenchQuery("campaigns/campaign_pairs", "inspections", city_year_to_date,
               _in_year(campaign_peers.campaign_pairs)),
    BenchQuery("campaigns/campaign_coverage", "inspections", city_year_to_date, campaign_peers.campaign_coverage),
    BenchQuery("campaigns/common_problems", "hazards", city_year_to_date, _pandas_problems, _problem_params),
    BenchQuery("campaigns/warning_meetings", "regions", city_year_to_date,
               _in_year(campaign_peers.warning_meetings)),
    BenchQuery("campaigns/zero_report_windows", "regions", city_year_to_date,
               _with_cutoff(campaign_peers.zero_report_windows), _zero_params),
    BenchQuery("campaigns/zero_report_compliance", "regions", city_year_to_date,
               _with_cutoff(campaign_peers.zero_report_compliance), _zero_params),
    BenchQuery("campaigns/zero_report_missing", "regions", city_year_to_date, campaign_peers.zero_report_missing),
    # issue 18: the 零报告 days after the cut-off, the 安监站 and acceptance report, the 四个必须到位
    BenchQuery("campaigns/zero_report_late", "regions", city_year_to_date,
               _with_cutoff(campaign_peers.zero_report_late), _zero_params),
    BenchQuery("campaigns/township_stations", "regions", city_year_to_date, _pandas_stations, _station_params),
    BenchQuery("campaigns/four_in_place", "regions", city_year_to_date, _pandas_four, _staff_params),
]

# ---------------------------------------------------------------------------------------------- 数据管理
# lists and exports run by riskdash.records and the data screen, not measures: no pandas peer (each is a plain
# row selection)


def _audit_params(filters: Filters) -> dict[str, Any]:
    return {"table_name": None, "kind": None, "action": None, "start": None, "end": None, "limit": 500}


DATA: list[BenchQuery] = [
    BenchQuery("data/open_hazards", "hazards", city_year_to_date, params=lambda f: {"limit": 50}),
    BenchQuery("data/export_accidents", "accidents", city_year_to_date),
    BenchQuery("data/export_hazards", "hazards", city_year_to_date),
    BenchQuery("data/export_inspections", "inspections", city_year_to_date),
    BenchQuery("data/audit_entries", "regions", city_year_to_date, params=_audit_params),  # no floor for audit_log
    BenchQuery("data/townships", "regions", city_year_to_date),
    BenchQuery("data/enterprise_choices", "enterprises", city_year_to_date),  # a record form's 企业 list
    BenchQuery("data/table_counts", "hazards", city_year_to_date),
]

# ---------------------------------------------------------------------------------------------- 重点管控


def _city_as_of(con: duckdb.DuckDBPyConnection) -> Filters:
    """The full ranking: the whole city as of the data's as-of day."""
    return priority.as_of_filters(con, db.data_as_of(con), metrics.root_region(con)["region_code"])


PRIORITY: list[BenchQuery] = [
    BenchQuery("priority/risk_scores", "hazards", _city_as_of, priority_peers.risk_scores, as_list=True),
    BenchQuery("priority/key_site_ledger", "key_sites", _city_as_of, params=lambda filters: _every_department()),
    BenchQuery("priority/accidents_without_ledger", "accidents", city_year_to_date),
    BenchQuery("priority/high_risk_enterprises_without_sites", "enterprises", _city_as_of, as_list=True),
]

# ---------------------------------------------------------------------------------------------- 隐患治理


def _form_params(filters: Filters) -> dict[str, Any]:
    return rectification.form_filters(filters).params()


def _days(n: int, overdue: bool):
    return lambda f: {"days": n, "include_overdue": overdue}


def _stock(filters: Filters) -> dict[str, Any]:
    return {"is_stock": True}


_peer = rectification_peers
_WEEK = rectification.WEEK_DAYS

RECTIFICATION: list[BenchQuery] = [
    # the KPIs run metrics/rectification_totals, registered with the overview's queries
    BenchQuery("rectification/monthly_form", "inspections", city_year_to_date, _peer.monthly_form,
               params=_form_params),
    # the lists show the stock (every year's hazards up to as-of)
    BenchQuery("rectification/overdue_list", "hazards", city_year_to_date, _peer.overdue_list,
               params=lambda f: {**_stock(f), **_every_department()}, as_list=True),
    BenchQuery("rectification/supervised_list", "hazards", city_year_to_date, _peer.supervised_list,
               params=lambda f: {**_stock(f), **_every_department()}),
    BenchQuery("rectification/follow_up_list", "hazards", city_year_to_date,
               lambda con, f: _peer.follow_up_list(con, f, _WEEK, True),
               params=lambda f: {**_days(_WEEK, True)(f), **_every_department()}, as_list=True),
    BenchQuery("rectification/uninspected_enterprises", "inspections", city_year_to_date,
               lambda con, f: _peer.uninspected_enterprises(con, f, 180), params=lambda f: {"days": 180},
               as_list=True),
    BenchQuery("rectification/closed_loop", "hazards", city_year_to_date, _peer.closed_loop),
    BenchQuery("rectification/checks_by_level", "inspections", city_year_to_date, _peer.checks_by_level),
    BenchQuery("rectification/coverage_by_township", "inspections", city_year_to_date, _peer.coverage_by_township),
    BenchQuery("rectification/coverage_by_sector", "inspections", city_year_to_date, _peer.coverage_by_sector),
    BenchQuery("rectification/by_township", "hazards", city_year_to_date, _peer.by_township),
    BenchQuery("rectification/by_sector", "hazards", city_year_to_date, _peer.by_sector),
    BenchQuery("rectification/rate_by_month", "hazards", city_year_to_date, _peer.rate_by_month),
    BenchQuery("rectification/open_ageing", "hazards", city_year_to_date, _peer.open_ageing),
    BenchQuery("rectification/evidence_by_township", "hazards", city_year_to_date, _peer.evidence_by_township),
    BenchQuery("rectification/setting_value", "regions", city_year_to_date,
               params=lambda f: {"key": "due_soon_days"}),
    # the Pareto view and 近7日新增隐患 (issue 17 item 12)
    BenchQuery("rectification/hazards_by_category", "hazards", city_year_to_date, _peer.hazards_by_category),
    BenchQuery("rectification/new_hazards_list", "hazards", city_year_to_date, _peer.new_hazards_list,
               params=lambda f: {"days": rectification.NEW_DAYS}, as_list=True),
    # a hazard row's record card (issue 17 item 11): one hazard by its id
    BenchQuery("rectification/hazard_record", "hazards", city_year_to_date,
               params=lambda f: {"hazard_id": "H000000100"}),
]

QUERIES: list[BenchQuery] = OVERVIEW + ACCIDENTS + CAMPAIGNS + DATA + PRIORITY + RECTIFICATION
