"""Streamlit helpers of the 隐患治理 page: cached metric reads (keyed on the file and the frozen Filters; the
cursor is passed as ``_con`` and kept out of the key) and the few drawing helpers the page needs."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
import streamlit as st

from riskdash import i18n
from riskdash.filters import Filters
from riskdash.metrics import rectification as rect
from riskdash.ui.session import CACHE_ENTRIES, CACHE_TTL_SECONDS

_cache = st.cache_data(max_entries=CACHE_ENTRIES, ttl=CACHE_TTL_SECONDS, show_spinner=False)


@_cache
def kpis(db_key: str, filters: Filters, _con: duckdb.DuckDBPyConnection) -> dict:
    return rect.rectification_kpis(_con, filters)


@_cache
def monthly_form(db_key: str, filters: Filters, month: date, _con: duckdb.DuckDBPyConnection):
    """(table, header) of the 月报表: what the screen shows and ``riskdash form monthly`` writes."""
    from riskdash.exports import monthly_form as form

    return form.monthly_form(_con, filters, month)


@_cache
def frame(db_key: str, name: str, filters: Filters, _con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Any of the screen's frames that take only the Filters (``rect.<name>``)."""
    if name not in _FRAMES:
        raise KeyError(name)
    return getattr(rect, name)(_con, filters)


_FRAMES = {"overdue_list", "supervised_list", "due_soon", "weekly_list", "uninspected_enterprises", "closed_loop",
           "checks_by_level", "coverage_by_township", "coverage_by_sector", "by_township", "by_sector",
           "rate_by_month", "open_ageing", "evidence_by_township"}


@_cache
def setting(db_key: str, key: str, _con: duckdb.DuckDBPyConnection) -> int:
    return rect.setting_value(_con, key)


def list_with_downloads(table: pd.DataFrame, name: str, title: str, csv_label: str, xlsx_label: str,
                        empty: str) -> None:
    """A sortable table (click a heading) and its CSV and .xlsx downloads (formula-looking text escaped)."""
    from riskdash.exports.rectification_lists import list_csv, list_xlsx

    if table.empty:
        st.info(empty, icon=":material/check_circle:")
        return
    st.dataframe(table, hide_index=True, width="stretch", placeholder=i18n.DASH)
    left, right = st.columns(2)
    left.download_button(csv_label, list_csv(table), file_name=f"{name}.csv", mime="text/csv",
                         icon=":material/download:", key=f"rect_csv_{name}")
    right.download_button(xlsx_label, list_xlsx({title: table}, {title: title}), file_name=f"{name}.xlsx",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          icon=":material/download:", key=f"rect_xlsx_{name}")


def plot(fig) -> None:
    st.plotly_chart(fig, width="stretch", config={"displaylogo": False})


def sector_names(ctx) -> dict[str, tuple[str, str]]:
    from riskdash import metrics

    sectors = ctx.load(metrics.sectors)
    return {code: (zh, en) for code, zh, en in zip(sectors["code"], sectors["name_zh"], sectors["name_en"])}


def scope(ctx):
    from riskdash import i18n
    from riskdash.ui.rectification import Scope

    f = ctx.filters
    return Scope(period=i18n.period(f.start, f.end, ctx.lang), as_of=i18n.day(f.as_of, ctx.lang),
                 region=ctx.region_name, sector=ctx.sector_name)


def form_scope(ctx, header) -> str:
    """The monthly form's line: reporting unit, 1 January to the form's as-of day (the report month's last day,
    or the data's as-of day in the month still running), the sector."""
    from riskdash import i18n

    return i18n.t("rectification.form_scope", ctx.lang, region=header.unit,
                  period=i18n.period(header.start, header.as_of, ctx.lang),
                  as_of=i18n.day(header.as_of, ctx.lang), sector=ctx.sector_name)


def full_table(table: pd.DataFrame) -> None:
    """A table tall enough to show every row (the monthly form: 14 sectors and 合计, no scrolling)."""
    st.dataframe(table, hide_index=True, width="stretch", placeholder=i18n.DASH, height=35 * (len(table) + 1) + 3)
