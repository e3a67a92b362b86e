"""Streamlit drawing for the accident trends screen: the reads (through the one cached loader), charts with
their PNG download, the drill-down and the record panel."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from riskdash import charts, i18n, metrics, ui
from riskdash.metrics import accidents as acc
from riskdash.metrics import campaigns, core, departments
from riskdash.screens import departments as departments_view
from riskdash.screens.accidents import view
from riskdash.screens.kit import download_name
from riskdash.ui.frame import ALL, PageContext
from riskdash.ui.frame import KEYS as PAGE_KEYS
from riskdash.ui.markdown import plain, plain_frame
from riskdash.ui.widgets import PNG_CONFIG, fitted, table_download, target_progress

GRAIN_KEY = "acc_grain"
MEASURE_KEY = "acc_measure"
DRILL_KEY = "acc_drill"
UP_KEY = "acc_drill_up"
LIST_KEY = "acc_larger"
RISK_LIST_KEY = "acc_risk_involved"
DEPARTMENT_KEY = "acc_department"
TABS_KEY = "acc_breakdown"  # the breakdowns' open tab (its label)


@dataclass(frozen=True)
class ScreenData:
    totals: dict[str, Any]
    tests: dict[str, acc.ChangeTest]
    projection: acc.Projection
    months: pd.DataFrame
    larger: pd.DataFrame
    risk_involved: pd.DataFrame
    rates: dict[str, dict[str, Any]]


def screen_data(page: PageContext) -> ScreenData:
    f = page.filters
    return ScreenData(
        totals=page.load(acc.kpi_totals, f),
        tests=page.load(acc.change_tests, f),
        projection=page.load(acc.death_projection, f),
        months=page.load(acc.accidents_by_month, f),
        larger=page.load(acc.larger_and_above_list, f),
        risk_involved=page.load(acc.larger_risk_involved_list, f),
        rates=page.load(acc.rate_indicators, f),
    )



# ---------------------------------------------------------------------------------------------- drawing


def chart(page: PageContext, fig: go.Figure | None, name: str) -> None:
    """The figure and, under it, a PNG download (Chinese fonts, made only when clicked); a builder's None
    ("nothing to draw") is one line instead of an empty plot."""
    if fig is None:
        _nothing(page)
        return
    st.plotly_chart(fig, width="stretch", key=f"acc_chart_{name}", config=PNG_CONFIG)
    _png_button(page, fig, name)


def _nothing(page: PageContext) -> None:
    st.info(page.t("chart.empty", what=page.t("accidents.chart_empty")), icon=":material/info:")


def _png_button(page: PageContext, fig: go.Figure, name: str) -> None:
    st.download_button(page.t("accidents.download_png"), data=lambda: charts.to_png(fig),
                       file_name=_png_name(page, fig), mime="image/png",
                       key=f"acc_png_{name}", icon=":material/download:", on_click="ignore")


def _png_name(page: PageContext, fig: go.Figure) -> str:
    """The chart's own title (its first line, tags dropped), the scope and the period: 事故起数按月统计_绿阳区_….png."""
    title = re.sub(r"<[^>]*>", "", re.split(r"<br\s*/?>", fig.layout.title.text or "")[0]).strip()
    what = title or ("事故图表" if page.lang == "zh" else "Accident chart")
    return download_name(what, page.region_name, "png", page.lang, period=(page.filters.start, page.filters.end))


def change_test(page: PageContext, data: ScreenData) -> None:
    """Whether the change is beyond chance: one plain sentence, the method behind a help popover."""
    st.markdown(f"**{page.t('accidents.change')}**")
    st.markdown(plain(view.change_sentence(data.tests, int(data.totals["summary"]["larger_and_above"]), page.lang)))
    with st.popover(page.t("accidents.change_method_label"), icon=":material/help:"):
        st.markdown(plain(view.change_method(data.tests, page.lang)))


def control_note(page: PageContext, control: pd.DataFrame, measure: str) -> None:
    """The months outside the control limits in plain words, how the limits are set behind a help popover."""
    st.caption(plain(view.control_note(control, measure, page.lang)))
    with st.popover(page.t("accidents.control_method_label"), icon=":material/help:"):
        st.markdown(plain(view.control_method(control, measure, page.lang)))


def target(tv: view.TargetView) -> None:
    if tv.fraction is None:
        st.caption(":material/flag: " + plain(tv.text))
    elif tv.is_over:
        st.error(plain(tv.text), icon=":material/flag:")
        target_progress(tv.fraction, "over", "accidents_target")
    elif tv.is_ahead:  # amber: the share used runs ahead of 时间进度
        st.warning(plain(tv.text), icon=":material/flag:")
        target_progress(tv.fraction, "ahead", "accidents_target")
    else:
        st.progress(tv.fraction, text=":material/flag: " + plain(tv.text))
    st.caption(":material/function: " + plain(tv.projection))
    if tv.warning:
        st.warning(plain(tv.warning), icon=":material/warning:")


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


def _go_to(regions: pd.DataFrame, code: str) -> None:
    """Make ``code`` the page's region: the sidebar's city / county / township selects are restored from their
    mirrors (ui.frame) on the next run, so every chart, the KPI row and the lists follow it."""
    chain = view.region_chain(regions, code) + [ALL, ALL]
    for level, value in zip(("city", "county", "township"), chain):
        st.session_state[f"_keep_{PAGE_KEYS[level]}"] = value
    # called from a widget's callback inside the breakdowns' fragment: the whole page runs next, not the fragment
    # (Streamlit 1.67: st.rerun() in a callback makes the interaction's rerun a full one)
    st.rerun()


def _on_bar_click(regions: pd.DataFrame, frame: pd.DataFrame, chart_key: str) -> None:
    state = st.session_state.get(chart_key)
    points = list(getattr(getattr(state, "selection", None), "points", []) or [])
    chosen = view.clicked_region(points, frame)
    if chosen:
        _go_to(regions, chosen)


def _on_choose(regions: pd.DataFrame) -> None:
    chosen = st.session_state.get(DRILL_KEY)
    if chosen:
        _go_to(regions, chosen)


def drill_down(page: PageContext, measure: str) -> None:
    """Regions one level below the page's region; clicking a bar (or choosing below) makes that region the
    page's region, so the whole screen follows it; a button goes back up one level."""
    w = page.scope
    regions = page.load(metrics.regions)
    here = page.filters.region_code
    frame = page.load(acc.accidents_by_region, page.filters, here)
    below = frame[~frame["is_direct"]]
    parent = dict(zip(regions["region_code"], regions["parent_code"])).get(here)
    if isinstance(parent, str):
        names = dict(zip(regions["region_code"], regions["name"]))
        st.button(plain(page.t("accidents.drill_up", region=names[parent])), key=UP_KEY, icon=":material/arrow_upward:",
                  on_click=_go_to, args=(regions, parent))
    if below.empty:
        st.caption(":material/info: " + plain(page.t("accidents.drill_bottom", region=w.region)))
    else:
        options = ["", *below["region_code"]]
        choices = {"": page.t("accidents.drill_pick"), **dict(zip(below["region_code"], below["name"]))}
        st.session_state[DRILL_KEY] = ""  # a choice is applied at once: the select always offers a fresh pick
        st.selectbox(page.t("accidents.drill"), options, key=DRILL_KEY, format_func=choices.get,
                     on_change=_on_choose, args=(regions,))
        st.caption(":material/touch_app: " + page.t("accidents.drill_hint"))
    names_shown = view.region_names(frame, page.lang)
    fig = view.comparison_figure(frame, names_shown, measure, "accidents.by_region", page.filters, w, page.lang,
                                 keys=frame["region_code"].tolist())
    # one chart key per region: a selection left on the county's chart must not drill again on the next level
    chart_key = f"acc_chart_region_{here}"
    if fig is None:
        _nothing(page)
    else:
        st.plotly_chart(fig, width="stretch", key=chart_key, selection_mode="points", config=PNG_CONFIG,
                        on_select=functools.partial(_on_bar_click, regions, frame, chart_key))
        _png_button(page, fig, "region")
    ui.table(view.breakdown_table(frame, names_shown, page.lang), breakdown_name(page, "accidents.by_region"))


def breakdown_name(page: PageContext, tab: str) -> str:
    """A breakdown table's name for its download, the section and the tab: 事故分布（按行业）."""
    return page.t("table.part", whole=page.t("accidents.breakdowns"), part=page.t(tab))


def department_filter(page: PageContext) -> str | None:
    """行业主管部门 (issue 18): the select box over the accident lists, 全部部门 (None) by default; a department
    narrows both lists to its sectors in SQL (in_department, sql/views/departments.sql)."""
    listed = page.load(departments.department_list)
    return st.selectbox(page.t("departments.filter"), departments_view.filter_choices(listed), key=DEPARTMENT_KEY,
                        format_func=lambda d: d or page.t("departments.filter_all")) or None


def larger_list(page: PageContext, frame: pd.DataFrame, department: str | None = None) -> None:
    """The 较大及以上 list (``frame``, the scope's; read again for ``department``'s sectors when one is chosen);
    selecting a row opens the accident's record below it."""
    if department is not None:
        frame = page.load(acc.larger_and_above_list, page.filters, department)
    _record_list(page, frame, view.larger_table(frame, page.lang), LIST_KEY, "accidents.larger_none",
                 "accidents.larger", department)


def risk_involved_list(page: PageContext, frame: pd.DataFrame, department: str | None = None) -> None:
    """The 较大涉险 list, as ``larger_list``; selecting a row opens the accident's record below it."""
    if department is not None:
        frame = page.load(acc.larger_risk_involved_list, page.filters, department)
    _record_list(page, frame, view.larger_risk_table(frame, page.lang), RISK_LIST_KEY,
                 "accidents.risk_involved_none", "accidents.risk_involved", department)


def _department_note(page: PageContext, department: str | None, n: int) -> None:
    if department is not None:
        st.caption(plain(departments_view.filter_note(
            department, page.load(departments.department_list), departments_view.sector_map(page.load(core.sectors)),
            "accidents", n, page.lang)))


def _record_list(page: PageContext, frame: pd.DataFrame, shown: pd.DataFrame, key: str, none_key: str,
                 heading_key: str, department: str | None) -> None:
    if frame.empty:
        st.info(page.t(none_key), icon=":material/check_circle:")
        _department_note(page, department, 0)
        return
    drawn, sized = fitted(shown, selectable=True)  # English wrapped where it should (ui.widgets.measured_apart)
    event = st.dataframe(drawn, hide_index=True, width="stretch", placeholder=i18n.DASH, key=key, on_select="rerun",
                         selection_mode="single-row", **sized)
    # named for its section (较大及以上事故, 较大涉险事故) and the department when one is chosen
    table_download(shown, departments_view.filter_name(page.t(heading_key), department, page.lang))
    _department_note(page, department, len(frame))
    rows = list(getattr(getattr(event, "selection", None), "rows", []) or [])
    if not rows or rows[0] >= len(frame):
        st.caption(":material/touch_app: " + page.t("accidents.record_hint"))
        return
    accident_id = frame.iloc[rows[0]]["accident_id"]
    found = page.load(acc.accident_record, accident_id)
    if found is None:
        return
    with st.container(border=True, key=f"{key}_record"):
        st.markdown(f"**:material/description: {plain(page.t('accidents.record', id=accident_id))}**")
        # 迟报 against the assessment's limit (setting assessment_late_report_hours, docs/township-assessment.md)
        fields = view.record_fields(found, page.lang, page.load(campaigns.late_report_hours))
        # 四不放过 (issue 18): the four measures of the case as recorded (accident_measures)
        fields += view.measures_fields(page.load(acc.accident_measures, accident_id), page.lang)
        # st.table reads Markdown in every cell: the enterprise, the place and the description are data
        st.table(plain_frame(pd.DataFrame(fields, columns=["", " "]).set_index("")))
