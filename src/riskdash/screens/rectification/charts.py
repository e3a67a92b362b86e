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


def closed_loop_split(split: pd.DataFrame, filters: Filters, region_name: str, lang: str) -> go.Figure | None:
    """Found = done + open within the deadline + overdue, one bar per grade (合计, 一般, 重大), each split to
    100 % of its own hazards found, the counts on the bars and at their ends (``view.loop_split``); None when
    nothing was found."""
    if split.empty or int(split["found"].sum()) == 0:
        return None
    rows = split[split["found"] > 0].iloc[::-1]  # plotly draws the first category at the bottom
    fig = go.Figure()
    for column, colour in (("done", charts.RISK_COLOURS["blue"]), ("open", "#9aa5b1"), ("overdue", charts.ALERT)):
        counts = [int(v) for v in rows[column]]
        shares = [100 * c / f for c, f in zip(counts, rows["found"])]
        fig.add_bar(y=list(rows["label"]), x=shares, orientation="h", name=_t(f"split_{column}", lang),
                    marker_color=colour, customdata=counts, text=[f"{c:,}" for c in counts],
                    texttemplate="%{text}", textposition="inside", insidetextanchor="middle", textangle=0,
                    hovertemplate="%{y}: %{customdata:,d}（%{x:.1f}%）<extra></extra>")
    fig.update_layout(barmode="stack", uniformtext_minsize=12, uniformtext_mode="hide", bargap=0.35)
    fig = charts.style(fig, charts.chart_title(_t("split_title", lang), filters, region_name, lang),
                       x_title=_t("split_axis", lang), height=max(280, 190 + 60 * len(rows)))
    # our words and counts only (no data text): added after style, so that the line break stays a break
    for label, open_, overdue in zip(rows["label"], rows["open"], rows["overdue"]):
        fig.add_annotation(x=100, y=label, xanchor="left", xshift=8, showarrow=False, align="left",
                           text=_t("split_end", lang).format(open=f"{int(open_ + overdue):,}",
                                                             overdue=f"{int(overdue):,}"))
    fig.update_xaxes(range=[0, 100], ticksuffix="%", dtick=20)
    fig.update_yaxes(type="category", tickmode="array", tickvals=list(rows["label"]),
                     ticktext=[_t("split_found", lang).format(grade=plain_label, found=f"{int(found):,}")
                               for plain_label, found in zip(rows["label"], rows["found"])])
    # the counts at the bars' ends on the right; the legend in the bars' order (done, open, overdue), not reversed
    fig.update_layout(margin={"r": 150}, legend={"traceorder": "normal"})
    return fig


def rate_by_township_bars(frame: pd.DataFrame, filters: Filters, region_name: str, lang: str,
                          limit: int = charts.LOWEST_N) -> go.Figure | None:
    """The ``limit`` townships with the lowest rectification rate (of those with hazards), lowest on top, each
    bar labelled with its rate, on an axis zoomed to the rates shown (its title says from where); None when no
    township has hazards. The full table stays under the chart."""
    rows = frame[frame["found"] > 0].copy()
    if rows.empty:
        return None
    total = len(rows)
    rows["pct"] = [r * 100 for r in rows["rate"]]
    rows = rows.sort_values(["pct", "region_code"], kind="stable").head(limit).iloc[::-1]
    # keyed by region_code, so that two townships of one name are two bars; labelled by the shown name
    # (城关街道（甲县）, sql/views/township_labels.sql)
    codes, labels = list(rows["region_code"]), list(rows["township_label"])
    fig = go.Figure(go.Bar(y=codes, x=list(rows["pct"]), orientation="h", marker_color=GENERAL,
                           text=[f"{v:.1f}%" for v in rows["pct"]], textposition="outside", cliponaxis=False,
                           textfont={"size": 13}, constraintext="none",
                           customdata=list(zip(rows["rectified"], rows["found"], labels)),
                           hovertemplate="%{customdata[2]}: %{x:.1f}% (%{customdata[0]} / %{customdata[1]})"
                                         "<extra></extra>"))
    fig.update_yaxes(type="category", tickmode="array", tickvals=codes, ticktext=labels)
    floor = charts.zoom_floor(rows["pct"])
    measure = _t("chart_township", lang)
    if total > len(rows):
        measure += f" · {i18n.t('chart.lowest', lang, n=len(rows), total=total)}"
    fig = charts.style(fig, charts.chart_title(measure, filters, region_name, lang),
                       x_title=charts.zoomed_title(_t("axis_rate", lang), floor, "%", lang, axis="x"),
                       height=max(300, 130 + 28 * len(rows)))
    fig.update_xaxes(range=[floor, 100], ticksuffix="%")
    fig.update_layout(margin={"r": 60})  # the last label ("100.0%") beside the axis' end
    return fig


def found_by_sector_bars(frame: pd.DataFrame, sector_names: list[str], filters: Filters, region_name: str,
                         lang: str) -> go.Figure | None:
    """Hazards found and overdue per sector, side by side, counted on a whole-number axis; None when none."""
    if frame.empty or int(frame["found"].sum()) == 0:
        return None
    fig = go.Figure([
        go.Bar(name=_t("series_found", lang), x=sector_names, y=list(frame["found"]), marker_color=GENERAL),
        go.Bar(name=_t("series_overdue", lang), x=sector_names, y=list(frame["overdue"]), marker_color=charts.ALERT),
    ])
    fig.update_layout(barmode="group")
    fig = charts.style(fig, charts.chart_title(_t("chart_sector", lang), filters, region_name, lang),
                       y_title=_t("unit_items", lang))
    fig.update_xaxes(tickangle=charts.tick_angle(sector_names))
    return charts.count_axis(fig, frame["found"])


def rate_trend_lines(frame: pd.DataFrame, filters: Filters, region_name: str, lang: str) -> go.Figure | None:
    """The rate at each month end (cumulative from the period's start), all, general and major; None when no
    month has a rate."""
    if frame.empty or frame["rate"].isna().all():
        return None
    months = [f"{m.year}年{m.month}月" if lang == "zh" else m.strftime("%b %Y") for m in frame["month_start"]]
    fig = go.Figure()
    for column, key, colour in (("rate", "series_rate", "#333333"), ("general_rate", "series_general", GENERAL),
                                ("major_rate", "series_major", MAJOR)):
        fig.add_trace(go.Scatter(x=months, y=[None if v is None else v * 100 for v in frame[column]],
                                 name=_t(key, lang), mode="lines+markers", line={"color": colour}))
    fig.update_yaxes(range=[0, 100])
    fig.update_xaxes(tickangle=charts.tick_angle(months))  # a long custom period: turned, not overlapping
    return charts.style(fig, charts.chart_title(_t("trend_title", lang), filters, region_name, lang), y_title="%")


def open_ageing_bars(frame: pd.DataFrame, filters: Filters, region_name: str, lang: str) -> go.Figure | None:
    """Open hazards per age band, general and major stacked, on a whole-number axis; None when none is open."""
    if frame.empty or int(frame["open_hazards"].sum()) == 0:
        return None
    bands = list(dict.fromkeys(frame["band"]))
    labels = [i18n.enum_name("age_band", b, lang) for b in bands]
    fig = go.Figure()
    for grade, colour in (("general", GENERAL), ("major", MAJOR)):
        rows = frame[frame["grade"] == grade].set_index("band")
        fig.add_trace(go.Bar(name=i18n.enum_name("hazard_grade", grade, lang), x=labels,
                             y=[int(rows.loc[b, "open_hazards"]) for b in bands], marker_color=colour))
    fig.update_layout(barmode="stack")
    fig = charts.style(fig, charts.chart_title(_t("ageing_title", lang), filters, region_name, lang),
                       y_title=_t("unit_items", lang))
    return charts.count_axis(fig, frame.groupby("band")["open_hazards"].sum())


PARETO_BARS = 20  # the Pareto chart draws the most frequent this many categories; the table below lists all


def category_pareto(frame: pd.DataFrame, names: list[str], filters: Filters, region_name: str, lang: str,
                    limit: int = PARETO_BARS) -> go.Figure | None:
    """Hazards per category, most first (bars, count axis on the left), with the running share of all the
    period's hazards (line, 0–100 % on the right) and the 80 % line; the categories that make 80 % together
    (``is_vital``) in the darker colour. ``names``: the shown name of each row (the unrecorded category named).
    At most ``limit`` bars, the title then says how many of how many; None when no hazard was found."""
    if frame.empty or int(frame["hazards"].sum()) == 0:
        return None
    total = len(frame)
    rows = frame.head(limit)
    labels = list(names[:len(rows)])
    counts = [int(v) for v in rows["hazards"]]
    running = [100 * float(v) for v in rows["cumulative_share"]]
    fig = go.Figure()
    fig.add_bar(x=labels, y=counts, name=_t("pareto_bars", lang),
                marker_color=[GENERAL if vital else charts.PREVIOUS for vital in rows["is_vital"]],
                text=[f"{c:,}" for c in counts], textposition="outside", cliponaxis=False,
                customdata=[100 * float(v) for v in rows["share"]],
                hovertemplate="%{x}: %{y:,d}（%{customdata:.1f}%）<extra></extra>")
    fig.add_scatter(x=labels, y=running, name=_t("pareto_line", lang), yaxis="y2", mode="lines+markers",
                    line={"color": charts.ALERT}, hovertemplate="%{x}: %{y:.1f}%<extra></extra>")
    measure = _t("pareto_title", lang)
    if total > len(rows):
        measure += f" · {_t('pareto_first', lang).format(n=len(rows), total=total)}"
    fig = charts.style(fig, charts.chart_title(measure, filters, region_name, lang), y_title=_t("unit_items", lang),
                       height=480)
    fig.update_layout(yaxis2={"overlaying": "y", "side": "right", "range": [0, 105], "ticksuffix": "%",
                              "dtick": 20, "showgrid": False, "tickfont": {"color": charts.TEXT},
                              "title": {"text": _t("pareto_axis", lang), "font": {"color": charts.TEXT}}},
                      margin={"r": 70, "b": 60}, bargap=0.25)
    fig.add_shape(type="line", xref="paper", x0=0, x1=1, yref="y2", y0=80, y1=80,
                  line={"color": charts.ALERT, "dash": "dash", "width": 1})
    fig.add_annotation(xref="paper", x=1, yref="y2", y=80, xanchor="right", yanchor="bottom", showarrow=False,
                       text=_t("pareto_mark", lang), font={"color": charts.ALERT})
    fig.update_xaxes(type="category", tickangle=charts.tick_angle(labels))
    charts.count_axis(fig, counts, axis="yaxis")  # the counts' axis only: the share keeps its own
    fig.layout.yaxis.update(range=[0, max(counts) * 1.12])  # headroom above the tallest bar for its label
    return fig
