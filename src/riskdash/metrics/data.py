"""The reads of the 数据管理 and 设置 screens: lists, counts, exports and the stored reference rows — not
measures, so no pandas peer (each is a plain row selection from sql/data/ and sql/settings/). The screens call
these (through ``page.load``) and run no SQL themselves."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from riskdash import db
from riskdash.filters import Filters

UPLOAD_MAX_MB_DEFAULT = 200

# a filtered view of a table (the page's period, region and sector), by table
VIEW_QUERIES = {"accidents": "data/export_accidents", "hazards": "data/export_hazards",
                "inspections": "data/export_inspections"}
VIEW_TABLES = tuple(VIEW_QUERIES)

# a reference kind → the query of its current rows, in the order of the settings screen's tabs
SETTINGS_QUERIES = {
    "settings": "settings/settings",
    "risk-weights": "settings/risk_weights",
    "risk-thresholds": "settings/risk_thresholds",
    "sectors": "settings/sectors",
    "targets": "settings/annual_targets",
    "class-targets": "settings/class_targets",
    "rate-targets": "settings/rate_targets",  # 相对指标控制值 (issue 18, schema 28)
    "denominators": "settings/indicator_denominators",
    "checklist-items": "settings/checklist_items",
    "hazard-bases": "settings/hazard_bases",  # 重大隐患判定依据 (issue 18, schema 26)
}


def enum_choices(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The database-held enumerations of the record forms (sectors, accident types): domain, code, names."""
    return db.query(con, "data/enum_choices")


def audit_entries(con: duckdb.DuckDBPyConnection, *, table: str | None = None, kind: str | None = None,
                  action: str | None = None, start: date | None = None, end: date | None = None,
                  limit: int = 500, account_region: str | None = None) -> pd.DataFrame:
    """The audit log, newest first, narrowed by table, kind, action and day (None: any); with
    ``account_region``, only the writes of the accounts at or below that region (issue 16)."""
    return db.query(con, "data/audit_entries", table_name=table, kind=kind, action=action, start=start, end=end,
                    limit=limit, account_region=account_region)


def audit_choices(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The values the audit log's filters offer."""
    return db.query(con, "data/audit_choices")


def upload_limit_mb(con: duckdb.DuckDBPyConnection) -> int:
    """The ``upload_max_mb`` setting: the largest upload (MB) for an import or a restore (default 200)."""
    frame = db.query(con, "data/upload_limit_mb")
    if frame.empty:
        return UPLOAD_MAX_MB_DEFAULT
    text = str(frame.iloc[0, 0]).strip()
    if not text.isdigit() or int(text) < 1:
        raise db.RiskdashError(f"setting upload_max_mb: expected a whole number of MB (1 or more), got {text!r}")
    return int(text)


def townships(con: duckdb.DuckDBPyConnection, region: str, account_region: str | None = None) -> pd.DataFrame:
    """The townships in ``region`` (and below), and at or below the account's region when it has one."""
    return db.query(con, "data/townships", region=region, account_region=account_region)


def enterprise_choices(con: duckdb.DuckDBPyConnection, region: str,
                       account_region: str | None = None) -> pd.DataFrame:
    """The enterprises a record form offers: at or below ``region`` (and the account's region), by name, with
    county and township names."""
    return db.query(con, "data/enterprise_choices", region=region, account_region=account_region)


def filtered_view(con: duckdb.DuckDBPyConnection, table: str, filters: Filters) -> pd.DataFrame:
    """The rows of ``table`` the page's filters select (period, region, sector)."""
    if table not in VIEW_TABLES:
        raise ValueError(f"no filtered view of {table!r}")
    return db.query(con, VIEW_QUERIES[table], **filters.params())


def table_counts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """How many rows each of the six tables holds now: table_name, count_rows."""
    return db.query(con, "data/table_counts")


def settings_rows(con: duckdb.DuckDBPyConnection, kind: str) -> pd.DataFrame:
    """The stored rows of reference ``kind``, one column per column of its import contract."""
    return db.query(con, SETTINGS_QUERIES[kind])
