"""Charts of the accident trends screen: pure builders from small shaped frames (``screens/accidents/view.py``)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from riskdash import charts, i18n


def _nothing(values) -> bool:
    """No rows, or nothing but zeros and blanks: the screen says so in words instead of an empty plot."""
    numbers = [float(v) for v in values if v is not None and not pd.isna(v)]
    return not numbers or not any(numbers)


def trend_bars(frame: pd.DataFrame, title: str, unit: str, lang: str) -> go.Figure | None:
    """Bars per month / quarter / year (a period cut short grey, its label saying so); for months, the rolling
    12-month total on a second axis up to the last complete month (``view.trend_frame`` leaves the partial one
    out, and the line's name says so). Whole-number axes; None when there is nothing to draw."""
    if _nothing(frame["value"]):
        return None
    fig = go.Figure()
    colours = [charts.PREVIOUS if partial else charts.CURRENT for partial in frame["is_partial"]]
    fig.add_bar(x=frame["label"], y=frame["value"], marker_color=colours, name=title.split(" · ")[0],
                text=frame["value"], textposition="outside", cliponaxis=False, textfont={"size": 13},
                constraintext="none")
    rolling = "rolling" in frame and frame["rolling"].notna().any()
    if rolling:
        name = i18n.t("accidents.rolling_complete" if frame["is_partial"].any() else "accidents.rolling", lang)
        fig.add_scatter(x=frame["label"], y=frame["rolling"], mode="lines+markers", yaxis="y2",
                        name=name, line={"color": charts.ALERT, "width": 2})
        fig.update_layout(yaxis2={"title": {"text": f"{i18n.t('accidents.rolling', lang)}（{unit}）"
                                            if lang == "zh" else f"{i18n.t('accidents.rolling', lang)} ({unit})"},
                                  "overlaying": "y", "side": "right", "showgrid": False, "rangemode": "tozero"})
    fig.update_xaxes(type="category", tickangle=charts.tick_angle(frame["label"]))
    fig = _month_ticks(charts.style(fig, title, y_title=unit, height=460))
    charts.count_axis(fig, frame["value"])
    if rolling:
        charts.count_axis(fig, frame["rolling"], axis="yaxis2")
        fig.update_layout(margin={"r": 80})  # the right axis' title and ticks stay inside a downloaded PNG
    return fig


def _month_ticks(fig: go.Figure) -> go.Figure:
    # turned month ticks fill the space under the plot (the legend has its band under the title: charts.style)
    fig.update_layout(margin={"b": 80})
    return fig


def cumulative_lines(frame: pd.DataFrame, title: str, unit: str, this_year: int, target: int | None,
                     lang: str) -> go.Figure | None:
    """This year's cumulative curve beside last year's, month by month, and the annual target if any. A month
    cut short by the period's end (``is_partial``) is drawn apart: a dotted step to an open marker named
    "11月截至28日（不完整）", so that it does not read as a whole month. None when both years are empty."""
    if _nothing(list(frame["current"]) + list(frame["previous"])):
        return None
    partial = frame["is_partial"] if "is_partial" in frame else pd.Series(False, index=frame.index)
    whole = frame["current"].where(~partial)
    fig = go.Figure()
    fig.add_scatter(x=frame["month"], y=frame["previous"], mode="lines+markers",
                    name=i18n.t("accidents.this_year", lang, year=this_year - 1),
                    line={"color": charts.PREVIOUS, "dash": "dot"})
    fig.add_scatter(x=frame["month"], y=whole, mode="lines+markers",
                    name=i18n.t("accidents.this_year", lang, year=this_year), line={"color": charts.CURRENT, "width": 3})
    if partial.any():
        at = frame.index[partial][0]
        before = [i for i in frame.index if i < at and pd.notna(whole[i])]
        xs = ([frame.loc[before[-1], "month"]] if before else []) + [frame.loc[at, "month"]]
        ys = ([whole[before[-1]]] if before else []) + [frame.loc[at, "current"]]
        fig.add_scatter(x=xs, y=ys, mode="lines+markers",
                        name=i18n.t("accidents.partial_point", lang, month=int(frame.loc[at, "month"]),
                                    day=int(frame.loc[at, "day"]) if "day" in frame else ""),
                        line={"color": charts.CURRENT, "width": 2, "dash": "dot"},
                        marker={"symbol": "circle-open", "size": 11, "line": {"width": 2}})
    if target is not None:
        fig.add_hline(y=target, line={"color": charts.ALERT, "dash": "dash"},
                      annotation_text=f"{i18n.t('accidents.target_line', lang)} {target}",
                      annotation_position="top left")
    fig.update_xaxes(tickmode="array", tickvals=list(range(1, 13)),
                     ticktext=[f"{m}月" if lang == "zh" else str(m) for m in range(1, 13)])
    fig = _month_ticks(charts.style(fig, title, y_title=unit, x_title=i18n.t("accidents.month_axis", lang),
                                     height=460))
    values = list(frame["current"]) + list(frame["previous"]) + ([target] if target is not None else [])
    return charts.count_axis(fig, values)


def control_chart(frame: pd.DataFrame, title: str, unit: str, measure_name: str, lang: str) -> go.Figure | None:
    """Monthly counts (``value``) with the seasonal expectation and 99 % limits; months outside marked red.
    Whole-number axis; None without months."""
    if frame.empty:
        return None
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
    fig.update_xaxes(type="category", tickangle=charts.tick_angle(frame["label"]))
    fig = _month_ticks(charts.style(fig, title, y_title=unit, height=460))
    return charts.count_axis(fig, list(frame["value"]) + list(frame["upper"].dropna()))


def comparison_bars(frame: pd.DataFrame, title: str, unit: str, lang: str) -> go.Figure | None:
    """Horizontal bars per category (``name``): this period (``current``) beside last year (``previous``);
    an optional ``key`` column rides on both bars as customdata (what a click selects). Whole-number axis;
    None when both periods are empty."""
    if _nothing(list(frame["current"]) + list(frame["previous"])):
        return None
    frame = frame.iloc[::-1]  # plotly draws the first category at the bottom
    keys = frame["key"].tolist() if "key" in frame else None
    fig = go.Figure()
    fig.add_bar(y=frame["name"], x=frame["previous"], orientation="h", name=i18n.t("accidents.last_year", lang),
                marker_color=charts.PREVIOUS, customdata=keys)
    fig.add_bar(y=frame["name"], x=frame["current"], orientation="h", name=i18n.t("accidents.this_period", lang),
                marker_color=charts.CURRENT, text=frame["current"], textposition="outside", cliponaxis=False,
                customdata=keys, textfont={"size": 13}, constraintext="none")  # at the axis' size, not shrunk
    fig.update_layout(barmode="group")
    fig.update_yaxes(type="category")
    height = max(320, 90 + 34 * len(frame))
    fig = charts.style(fig, title, height=height)
    fig.update_xaxes(title_text=unit)
    fig.update_layout(margin={"r": 50})  # the value labels beyond the longest bar
    return charts.count_axis(fig, list(frame["current"]) + list(frame["previous"]), axis="x")


def count_bars(labels: list[str], values: list[int], title: str, unit: str, x_title: str,
               colours: list[str] | None = None) -> go.Figure | None:
    """Plain bars of counts (weekday, hour, grade) on a whole-number axis; None when all are zero."""
    if _nothing(values):
        return None
    fig = go.Figure()
    fig.add_bar(x=labels, y=values, marker_color=colours or charts.CURRENT, text=values, textposition="outside",
                cliponaxis=False, textfont={"size": 13}, constraintext="none")
    fig.update_xaxes(type="category")
    fig = charts.style(fig, title, y_title=unit, x_title=x_title, height=360)
    return charts.count_axis(fig, values)


# one colour per statistical class, in the classes' order (Okabe–Ito: told apart also by most colour-blind eyes)
CLASS_COLOURS = ("#0072b2", "#d55e00", "#cc79a7", "#7f7f7f", "#56b4e9", "#009e73", "#e69f00")
CLASS_DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "solid", "dash")


def class_lines(frame: pd.DataFrame, title: str, unit: str, lang: str) -> go.Figure | None:
    """One line per class (every column but ``label``: a class's name, its counts month by month), in the
    columns' order, colour and dash per place; whole-number axis. None when no class has a count."""
    names = [c for c in frame.columns if c != "label"]
    if not names or _nothing([v for n in names for v in frame[n]]):
        return None
    fig = go.Figure()
    for i, name in enumerate(names):
        fig.add_scatter(x=frame["label"], y=frame[name], mode="lines+markers", name=name,
                        line={"color": CLASS_COLOURS[i % len(CLASS_COLOURS)], "width": 2,
                              "dash": CLASS_DASHES[i % len(CLASS_DASHES)]},
                        marker={"size": 7})
    fig.update_xaxes(type="category", tickangle=charts.tick_angle(frame["label"]))
    fig = _month_ticks(charts.style(fig, title, y_title=unit, x_title=i18n.t("accidents.month_axis", lang),
                                     height=460))
    return charts.count_axis(fig, [v for n in names for v in frame[n]])
