"""Charts of the 隐患治理 screen: pure builders from the metric frames, named for the picture."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from riskdash import charts, i18n
from riskdash.filters import Filters

GENERAL = charts.CURRENT
MAJOR = charts.RISK_COLOURS["red"]


def _t(key: str, lang: str) -> str:
    return i18n.t(f"rectification.{key}", lang)


def closed_loop_funnel(stages: pd.DataFrame, filters: Filters, region_name: str, lang: str) -> go.Figure:
    """Found → being rectified → rectified → closed, all grades (``view.funnel_stages``)."""
    rows = stages[stages["grade"] == "total"]
    # whole counts with thousands separators and the share of those found (plotly's default reads "28.533k")
    fig = go.Figure(go.Funnel(y=list(rows["stage"]), x=list(rows["hazards"]),
                              texttemplate="%{value:,d}<br>%{percentInitial:.1%}",
                              marker={"color": [GENERAL, charts.RISK_COLOURS["orange"], "#5b8fd1",
                                                charts.RISK_COLOURS["blue"]]}))
    return charts.style(fig, charts.chart_title(_t("funnel_title", lang), filters, region_name, lang), height=380)


def rate_by_township_bars(frame: pd.DataFrame, filters: Filters, region_name: str, lang: str) -> go.Figure:
    """One bar per township with hazards: the rectification rate in %, lowest first."""
    rows = frame[frame["found"] > 0].copy()
    rows["pct"] = [r * 100 for r in rows["rate"]]
    rows = rows.sort_values("pct")
    # keyed by region_code, so that two townships of one name are two bars; labelled by the shown name
    # (城关街道（甲县）, sql/views/township_labels.sql)
    codes, labels = list(rows["region_code"]), list(rows["township_label"])
    fig = go.Figure(go.Bar(x=codes, y=list(rows["pct"]), marker_color=GENERAL,
                           customdata=list(zip(rows["rectified"], rows["found"], labels)),
                           hovertemplate="%{customdata[2]}: %{y:.1f}% (%{customdata[0]} / %{customdata[1]})"
                                         "<extra></extra>"))
    fig.update_xaxes(type="category", tickmode="array", tickvals=codes, ticktext=labels)
    fig.update_yaxes(range=[0, 100])
    return charts.style(fig, charts.chart_title(_t("chart_township", lang), filters, region_name, lang), y_title="%")


def found_by_sector_bars(frame: pd.DataFrame, sector_names: list[str], filters: Filters, region_name: str,
                         lang: str) -> go.Figure:
    """Hazards found and overdue per sector, side by side."""
    fig = go.Figure([
        go.Bar(name=_t("series_found", lang), x=sector_names, y=list(frame["found"]), marker_color=GENERAL),
        go.Bar(name=_t("series_overdue", lang), x=sector_names, y=list(frame["overdue"]), marker_color=charts.ALERT),
    ])
    fig.update_layout(barmode="group")
    return charts.style(fig, charts.chart_title(_t("chart_sector", lang), filters, region_name, lang),
                        y_title=_t("unit_items", lang))


def rate_trend_lines(frame: pd.DataFrame, filters: Filters, region_name: str, lang: str) -> go.Figure:
    """The rate at each month end (cumulative from the period's start), all, general and major."""
    months = [f"{m.year}年{m.month}月" if lang == "zh" else m.strftime("%b %Y") for m in frame["month_start"]]
    fig = go.Figure()
    for column, key, colour in (("rate", "series_rate", "#333333"), ("general_rate", "series_general", GENERAL),
                                ("major_rate", "series_major", MAJOR)):
        fig.add_trace(go.Scatter(x=months, y=[None if v is None else v * 100 for v in frame[column]],
                                 name=_t(key, lang), mode="lines+markers", line={"color": colour}))
    fig.update_yaxes(range=[0, 100])
    return charts.style(fig, charts.chart_title(_t("trend_title", lang), filters, region_name, lang), y_title="%")


def open_ageing_bars(frame: pd.DataFrame, filters: Filters, region_name: str, lang: str) -> go.Figure:
    """Open hazards per age band, general and major stacked."""
    bands = list(dict.fromkeys(frame["band"]))
    labels = [i18n.enum_name("age_band", b, lang) for b in bands]
    fig = go.Figure()
    for grade, colour in (("general", GENERAL), ("major", MAJOR)):
        rows = frame[frame["grade"] == grade].set_index("band")
        fig.add_trace(go.Bar(name=i18n.enum_name("hazard_grade", grade, lang), x=labels,
                             y=[int(rows.loc[b, "open_hazards"]) for b in bands], marker_color=colour))
    fig.update_layout(barmode="stack")
    return charts.style(fig, charts.chart_title(_t("ageing_title", lang), filters, region_name, lang),
                        y_title=_t("unit_items", lang))
