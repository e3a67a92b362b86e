"""Charts of the accident trends screen: pure builders from small shaped frames (``screens/accidents/view.py``)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from riskdash import charts, i18n


def trend_bars(frame: pd.DataFrame, title: str, unit: str, lang: str) -> go.Figure:
    """Bars per month / quarter / year; for months, the rolling 12-month total on a second axis."""
    fig = go.Figure()
    colours = [charts.PREVIOUS if partial else charts.CURRENT for partial in frame["is_partial"]]
    fig.add_bar(x=frame["label"], y=frame["value"], marker_color=colours, name=title.split(" · ")[0],
                text=frame["value"], textposition="outside", cliponaxis=False)
    if "rolling" in frame and frame["rolling"].notna().any():
        fig.add_scatter(x=frame["label"], y=frame["rolling"], mode="lines+markers", yaxis="y2",
                        name=i18n.t("accidents.rolling", lang), line={"color": charts.ALERT, "width": 2})
        fig.update_layout(yaxis2={"title": {"text": f"{i18n.t('accidents.rolling', lang)}（{unit}）"
                                            if lang == "zh" else f"{i18n.t('accidents.rolling', lang)} ({unit})"},
                                  "overlaying": "y", "side": "right", "showgrid": False, "rangemode": "tozero"})
    fig.update_xaxes(type="category")
    return _legend_below(charts.style(fig, title, y_title=unit, height=460))


def _legend_below(fig: go.Figure) -> go.Figure:
    # a long title (measure · period · region · as-of) needs the whole width: the legend goes under the plot
    fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.22, "xanchor": "left", "x": 0.0},
                      margin={"b": 110})
    return fig


def cumulative_lines(frame: pd.DataFrame, title: str, unit: str, this_year: int, target: int | None,
                     lang: str) -> go.Figure:
    """This year's cumulative curve beside last year's, month by month, and the annual target if any."""
    fig = go.Figure()
    fig.add_scatter(x=frame["month"], y=frame["previous"], mode="lines+markers",
                    name=i18n.t("accidents.this_year", lang, year=this_year - 1),
                    line={"color": charts.PREVIOUS, "dash": "dot"})
    fig.add_scatter(x=frame["month"], y=frame["current"], mode="lines+markers",
                    name=i18n.t("accidents.this_year", lang, year=this_year), line={"color": charts.CURRENT, "width": 3})
    if target is not None:
        fig.add_hline(y=target, line={"color": charts.ALERT, "dash": "dash"},
                      annotation_text=f"{i18n.t('accidents.target_line', lang)} {target}",
                      annotation_position="top left")
    fig.update_xaxes(tickmode="array", tickvals=list(range(1, 13)),
                     ticktext=[f"{m}月" if lang == "zh" else str(m) for m in range(1, 13)])
    return _legend_below(charts.style(fig, title, y_title=unit, x_title=i18n.t("accidents.month_axis", lang),
                                      height=460))


def control_chart(frame: pd.DataFrame, title: str, unit: str, measure_name: str, lang: str) -> go.Figure:
    """Monthly counts (``value``) with the seasonal expectation and 99 % limits; months outside marked red."""
    fig = go.Figure()
    outside = frame["is_above"] | frame["is_below"]
    fig.add_bar(x=frame["label"], y=frame["value"], name=measure_name,
                marker_color=[charts.ALERT if o else charts.CURRENT for o in outside])
    fig.add_scatter(x=frame["label"], y=frame["expected"], mode="lines", name=i18n.t("accidents.expected", lang),
                    line={"color": "#333", "dash": "dot"})
    fig.add_scatter(x=frame["label"], y=frame["upper"], mode="lines", name=i18n.t("accidents.limits", lang),
                    line={"color": charts.RISK_COLOURS["orange"], "dash": "dash", "shape": "hvh"})
    fig.add_scatter(x=frame["label"], y=frame["lower"], mode="lines", showlegend=False,
                    line={"color": charts.RISK_COLOURS["orange"], "dash": "dash", "shape": "hvh"})
    if outside.any():
        fig.add_scatter(x=frame.loc[outside, "label"], y=frame.loc[outside, "value"], mode="markers",
                        name=i18n.t("accidents.outside", lang),
                        marker={"color": charts.ALERT, "size": 12, "symbol": "diamond-open", "line": {"width": 2}})
    fig.update_xaxes(type="category")
    return _legend_below(charts.style(fig, title, y_title=unit, height=460))


def comparison_bars(frame: pd.DataFrame, title: str, unit: str, lang: str) -> go.Figure:
    """Horizontal bars per category (``name``): this period (``current``) beside last year (``previous``);
    an optional ``key`` column rides on both bars as customdata (what a click selects)."""
    frame = frame.iloc[::-1]  # plotly draws the first category at the bottom
    keys = frame["key"].tolist() if "key" in frame else None
    fig = go.Figure()
    fig.add_bar(y=frame["name"], x=frame["previous"], orientation="h", name=i18n.t("accidents.last_year", lang),
                marker_color=charts.PREVIOUS, customdata=keys)
    fig.add_bar(y=frame["name"], x=frame["current"], orientation="h", name=i18n.t("accidents.this_period", lang),
                marker_color=charts.CURRENT, text=frame["current"], textposition="outside", cliponaxis=False,
                customdata=keys)
    fig.update_layout(barmode="group")
    fig.update_yaxes(type="category")
    height = max(320, 90 + 34 * len(frame))
    fig = charts.style(fig, title, height=height)
    fig.update_xaxes(title_text=unit)
    return fig


def count_bars(labels: list[str], values: list[int], title: str, unit: str, x_title: str,
               colours: list[str] | None = None) -> go.Figure:
    """Plain bars of counts (weekday, hour, grade)."""
    fig = go.Figure()
    fig.add_bar(x=labels, y=values, marker_color=colours or charts.CURRENT, text=values, textposition="outside",
                cliponaxis=False)
    fig.update_xaxes(type="category")
    return charts.style(fig, title, y_title=unit, x_title=x_title, height=360)
