"""Streamlit drawing for the accident trends screen: cached reads keyed on the file and the frozen Filters,
charts with their PNG download, the drill-down and the record panel.

The cursor is passed as ``_con`` (out of the cache key); ``db_key`` names the file instead (as ui/session.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from riskdash import charts
from riskdash.filters import Filters
from riskdash.metrics import accidents as acc
from riskdash.ui import accidents as view
from riskdash.ui.page import PageContext
from riskdash.ui.session import CACHE_ENTRIES, CACHE_TTL_SECONDS

GRAIN_KEY = "acc_grain"
MEASURE_KEY = "acc_measure"
DRILL_KEY = "acc_drill"
LIST_KEY = "acc_larger"


@dataclass(frozen=True)
class ScreenData:
    totals: dict[str, Any]
    tests: dict[str, acc.ChangeTest]
    projection: acc.Projection
    months: pd.DataFrame
    sectors: pd.DataFrame
    types: pd.DataFrame
    weekdays: pd.DataFrame
    hours: pd.DataFrame
    larger: pd.DataFrame
    rates: dict[str, dict[str, Any]]


@st.cache_data(max_entries=CACHE_ENTRIES, ttl=CACHE_TTL_SECONDS, show_spinner=False)
def screen_data(db_key: str, filters: Filters, _con: duckdb.DuckDBPyConnection) -> ScreenData:
    return ScreenData(
        totals=acc.kpi_totals(_con, filters),
        tests=acc.change_tests(_con, filters),
        projection=acc.death_projection(_con, filters),
        months=acc.accidents_by_month(_con, filters),
        sectors=acc.accidents_by_sector(_con, filters),
        types=acc.accidents_by_type(_con, filters),
        weekdays=acc.accidents_by_weekday(_con, filters),
        hours=acc.accidents_by_hour(_con, filters),
        larger=acc.larger_and_above_list(_con, filters),
        rates=acc.rate_indicators(_con, filters),
    )


@st.cache_data(max_entries=CACHE_ENTRIES, ttl=CACHE_TTL_SECONDS, show_spinner=False)
def regions_below(db_key: str, filters: Filters, parent: str, _con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return acc.accidents_by_region(_con, filters, parent)


@st.cache_data(max_entries=CACHE_ENTRIES, ttl=CACHE_TTL_SECONDS, show_spinner=False)
def record(db_key: str, accident_id: str, _con: duckdb.DuckDBPyConnection) -> dict[str, Any] | None:
    return acc.accident_record(_con, accident_id)


def where(page: PageContext) -> view.Where:
    return view.Where(region=page.region_name, sector=page.sector_name, data_as_of=page.data_as_of)


# ---------------------------------------------------------------------------------------------- drawing


def chart(page: PageContext, fig: go.Figure, name: str) -> None:
    """The figure and, under it, a PNG download (Chinese fonts, made only when clicked)."""
    st.plotly_chart(fig, width="stretch", key=f"acc_chart_{name}")
    st.download_button(page.t("accidents.download_png"), data=lambda: charts.to_png(fig),
                       file_name=f"accidents-{name}-{page.filters.start}-{page.filters.end}.png", mime="image/png",
                       key=f"acc_png_{name}", icon=":material/download:", on_click="ignore")


def target(tv: view.TargetView) -> None:
    if tv.fraction is None:
        st.caption(":material/flag: " + tv.text)
    elif tv.is_over:
        st.error(tv.text, icon=":material/flag:")
    else:
        st.progress(tv.fraction, text=":material/flag: " + tv.text)
    st.caption(":material/function: " + tv.projection)
    if tv.warning:
        st.warning(tv.warning, icon=":material/warning:")


def choose(page: PageContext, label_key: str, options: list[str], key: str, names: dict[str, str],
           horizontal: bool = True) -> str:
    if st.session_state.get(key) not in options:
        st.session_state[key] = options[0]
    return st.radio(page.t(label_key), options, key=key, format_func=names.get, horizontal=horizontal)


def trend_controls(page: PageContext) -> tuple[str, str]:
    left, right = st.columns(2)
    with left:
        grain = choose(page, "accidents.grain", list(view.GRAINS), GRAIN_KEY,
                       {g: page.t(f"accidents.grain_{g}") for g in view.GRAINS})
    with right:
        measure = choose(page, "accidents.measure", list(view.MEASURES), MEASURE_KEY,
                         {m: view.measure_name(m, page.lang) for m in view.MEASURES})
    return grain, measure


def drill_down(page: PageContext) -> tuple[pd.DataFrame, view.Where]:
    """Regions below the filtered one; choosing one of them shows the regions below it (county → township)."""
    w = where(page)
    top = regions_below(page.db_key, page.filters, page.filters.region_code, page.con)
    below = top[~top["is_direct"]]
    has_lower = below["region_code"].tolist()
    options = ["", *has_lower]
    names = {"": page.t("accidents.drill_all", region=w.region), **dict(zip(below["region_code"], below["name"]))}
    if st.session_state.get(DRILL_KEY) not in options:
        st.session_state[DRILL_KEY] = ""
    chosen = st.selectbox(page.t("accidents.drill"), options, key=DRILL_KEY, format_func=names.get)
    if not chosen:
        return top, w
    frame = regions_below(page.db_key, page.filters, chosen, page.con)
    name = f"{w.region}{names[chosen]}" if page.lang == "zh" else f"{names[chosen]}, {w.region}"
    return frame, view.Where(region=name, sector=w.sector, data_as_of=w.data_as_of)


def larger_list(page: PageContext, frame: pd.DataFrame) -> None:
    """The 较大及以上 list; selecting a row opens the accident's record below it."""
    if frame.empty:
        st.info(page.t("accidents.larger_none"), icon=":material/check_circle:")
        return
    event = st.dataframe(view.larger_table(frame, page.lang), hide_index=True, width="stretch", key=LIST_KEY,
                         on_select="rerun", selection_mode="single-row")
    rows = list(getattr(getattr(event, "selection", None), "rows", []) or [])
    if not rows:
        st.caption(":material/touch_app: " + page.t("accidents.record_hint"))
        return
    accident_id = frame.iloc[rows[0]]["accident_id"]
    found = record(page.db_key, accident_id, page.con)
    if found is None:
        return
    with st.container(border=True):
        st.markdown(f"**:material/description: {page.t('accidents.record', id=accident_id)}**")
        fields = view.record_fields(found, page.lang)
        st.table(pd.DataFrame(fields, columns=["", " "]).set_index(""))

