"""Streamlit helpers of the 专项行动与乡镇规范化 page: cached metric reads keyed on the file and the frozen
Filters (the cursor is passed as ``_con`` and kept out of the key), and the scope words."""

from __future__ import annotations

import duckdb
import pandas as pd
import streamlit as st

from riskdash import i18n
from riskdash.filters import Filters
from riskdash.metrics import campaigns
from riskdash.ui.session import CACHE_ENTRIES, CACHE_TTL_SECONDS

_cache = st.cache_data(max_entries=CACHE_ENTRIES, ttl=CACHE_TTL_SECONDS, show_spinner=False)

_FRAMES = {"checklist_items_by_township", "checklist_progress", "checklist_progress_by_group", "late_items",
           "campaign_sectors", "campaign_coverage", "common_problems", "warning_meetings", "zero_report_windows",
           "zero_report_compliance", "zero_report_missing"}


@_cache
def townships(db_key: str, filters: Filters, lang: str, _con: duckdb.DuckDBPyConnection) -> dict:
    return campaigns.townships(_con, filters, lang)


@_cache
def frame(db_key: str, name: str, filters: Filters, _con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    if name not in _FRAMES:
        raise KeyError(name)
    return getattr(campaigns, name)(_con, filters)


@_cache
def settings(db_key: str, _con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return campaigns.settings_values(_con)


def scope(ctx):
    from riskdash.ui.campaigns import Scope

    f = campaigns.year_filters(ctx.filters)
    return Scope(year=f.as_of.year, period=i18n.period(f.start, f.end, ctx.lang), region=ctx.region_name,
                 as_of=i18n.day(f.as_of, ctx.lang))


def deadline_words(ctx, values: dict[str, str]) -> dict[str, str]:
    year = campaigns.year_filters(ctx.filters).as_of.year
    days = campaigns.checklist_params(values, year)
    return {"zone_city": i18n.day(days["deadline_zone_city"], ctx.lang), "zone": i18n.day(days["deadline_zone"], ctx.lang),
            "key_day": i18n.day(days["deadline_key"], ctx.lang), "report": i18n.day(days["report_key"], ctx.lang),
            "all": i18n.day(days["deadline_all"], ctx.lang)}


def plot(fig) -> None:
    st.plotly_chart(fig, width="stretch", config={"displaylogo": False})


def listing(table: pd.DataFrame, empty: str) -> None:
    if table.empty:
        st.info(empty, icon=":material/check_circle:")
    else:
        st.dataframe(table, hide_index=True, width="stretch")
