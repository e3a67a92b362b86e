"""Chart builders of the campaigns and townships screen (pure; no Streamlit)."""

from __future__ import annotations

import plotly.graph_objects as go

from riskdash import charts, i18n
from riskdash.filters import Filters


def township_score_bars(result: dict, pass_score: float, filters: Filters, region_name: str,
                        lang: str = "zh") -> go.Figure:
    """Each township's score in ranking order, coloured by result: passed blue, failed orange, vetoed red."""
    towns = result["townships"]
    colours = {"passed": charts.RISK_COLOURS["blue"], "failed": charts.RISK_COLOURS["orange"],
               "vetoed": charts.RISK_COLOURS["red"]}
    fig = go.Figure()
    for group in ("passed", "failed", "vetoed"):
        members = [t for t in towns if (("vetoed" if t["vetoed"] else t["result"]) == group)]
        if not members:
            continue
        # by region code: township names repeat across counties (城关街道), and bars must not merge
        fig.add_bar(x=[t["region_code"] for t in members], y=[t["score"] for t in members],
                    customdata=[t["name"] for t in members], marker_color=colours[group],
                    name=i18n.t(f"campaigns.legend_{group}", lang),
                    hovertemplate="%{customdata}: %{y:.1f}<extra></extra>")
    codes = [t["region_code"] for t in towns]
    # 12-digit codes look numeric: without type="category" plotly spaces the bars by code value
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=codes, tickvals=codes,
                     ticktext=[t["name"] for t in towns], tickangle=-60)
    fig.add_hline(y=pass_score, line_dash="dash", line_color=charts.ALERT,
                  annotation_text=i18n.t("campaigns.pass_line", lang, score=f"{pass_score:g}"),
                  annotation_position="top left")
    fig.update_yaxes(range=[0, 100])
    title = charts.chart_title(i18n.t("campaigns.score_chart", lang), filters, region_name, lang)
    return charts.style(fig, title, y_title=i18n.t("campaigns.score_unit", lang), height=460)
