"""Charts of the priority-sites screen: the offline risk map, red/orange counts by township, the back-test.

The map is a plain longitude/latitude scatter: no tile server, no CDN, no Plotly geo outlines (they load from
the internet, and government intranets have none).
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from riskdash import charts, i18n

# drawn low to high so that red points sit on top
LEVEL_ORDER = ("blue", "yellow", "orange", "red")


def risk_map(scores: pd.DataFrame, title: str, lang: str = "zh", outlines: dict | None = None) -> go.Figure:
    """Each enterprise with coordinates at its longitude/latitude, coloured by level (RISK_COLOURS), over
    township outlines given as GeoJSON (schematic ones from outlines.py) drawn as plain lines."""
    fig = go.Figure()
    located = scores.dropna(subset=["longitude", "latitude"])
    features = (outlines or {}).get("features", [])
    if features:
        xs: list[float | None] = []
        ys: list[float | None] = []
        for feature in features:
            for ring in feature["geometry"]["coordinates"]:
                xs += [x for x, _ in ring] + [None]
                ys += [y for _, y in ring] + [None]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", name=i18n.t("priority.map_outlines", lang),
                                 line={"color": "#9e9e9e", "width": 1}, hoverinfo="skip"))
        centres = [_centre(f["geometry"]["coordinates"][0]) for f in features]
        fig.add_trace(go.Scatter(x=[c[0] for c in centres], y=[c[1] for c in centres], mode="text",
                                 text=[f["properties"]["name"] for f in features], showlegend=False,
                                 textfont={"size": 10, "color": "#757575"}, hoverinfo="skip"))
    for level in LEVEL_ORDER:
        rows = located[located["level"] == level]
        if rows.empty:
            continue
        fig.add_trace(go.Scatter(
            x=rows["longitude"], y=rows["latitude"], mode="markers",
            name=i18n.enum_name("risk_level", level, lang),
            marker={"color": charts.RISK_COLOURS[level], "size": 11 if level == "red" else 8 if level == "orange" else 6,
                    "line": {"width": 0.5, "color": "#555"}, "opacity": 0.9 if level in ("red", "orange") else 0.6},
            customdata=rows[["name", "score", "region_name"]].to_numpy(),
            hovertemplate="%{customdata[0]}<br>%{customdata[2]}<br>%{customdata[1]}<extra></extra>",
        ))
    charts.style(fig, title, y_title=i18n.t("priority.latitude", lang), x_title=i18n.t("priority.longitude", lang),
                 height=620)
    if not located.empty:
        # one degree of longitude is shorter than one of latitude away from the equator
        mid_lat = float(located["latitude"].mean())
        fig.update_yaxes(scaleanchor="x", scaleratio=1 / max(math.cos(math.radians(mid_lat)), 0.1))
    fig.update_xaxes(showgrid=True, gridcolor="#eeeeee")
    return fig


def _centre(ring: list[list[float]]) -> tuple[float, float]:
    """Where a township's name goes: the mean of its outline's corners (the closing corner once)."""
    corners = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring
    return (sum(x for x, _ in corners) / len(corners), sum(y for _, y in corners) / len(corners))


def red_orange_by_township_bars(counts: pd.DataFrame, title: str, lang: str = "zh", limit: int = 15) -> go.Figure:
    """Stacked horizontal bars: red and orange enterprises of the townships holding the most."""
    rows = counts[(counts["red"] + counts["orange"]) > 0].head(limit).iloc[::-1]
    fig = go.Figure()
    for level in ("red", "orange"):
        # keyed by code: township names repeat across counties and must not merge into one bar
        fig.add_trace(go.Bar(y=rows["region_code"], x=rows[level], orientation="h",
                             name=i18n.enum_name("risk_level", level, lang),
                             marker_color=charts.RISK_COLOURS[level], text=rows[level], textposition="inside",
                             textangle=0, insidetextanchor="middle"))  # upright even in a one-unit bar
    fig.update_layout(barmode="stack", uniformtext_minsize=12, uniformtext_mode="show")  # readable counts
    most = int((rows["red"] + rows["orange"]).max()) if len(rows) else 1
    fig.update_xaxes(tick0=0, dtick=max(1, math.ceil(most / 8)))  # whole enterprises: no 0.5 ticks
    fig.update_yaxes(type="category", tickmode="array", tickvals=list(rows["region_code"]), ticktext=list(rows["name"]))
    return charts.style(fig, title, x_title=i18n.t("priority.unit_enterprises", lang),
                        height=max(300, 60 + 28 * len(rows)))


def backtest_bars(frame: pd.DataFrame, title: str, lang: str = "zh") -> go.Figure:
    """Per scoring day: the share of the following year's 较大及以上 and death accidents at the top 10 %,
    beside the share expected by chance."""
    days = frame.dropna(subset=["as_of"])
    labels = [i18n.day(d, lang) for d in days["as_of"]]
    fig = go.Figure()
    for column, key, colour in (("larger_share", "priority.backtest_larger", charts.RISK_COLOURS["red"]),
                                ("death_share", "priority.backtest_deaths", charts.RISK_COLOURS["orange"]),
                                ("chance_share", "priority.backtest_chance", charts.PREVIOUS)):
        values = [None if v is None or pd.isna(v) else round(100 * v, 1) for v in days[column]]
        fig.add_trace(go.Bar(x=labels, y=values, name=i18n.t(key, lang), marker_color=colour,
                             text=[("—" if v is None else f"{v:.1f}%") for v in values], textposition="outside"))
    fig.update_layout(barmode="group")
    fig = charts.style(fig, title, y_title=i18n.t("priority.backtest_share", lang))
    fig.update_yaxes(range=[0, 105])
    return fig
