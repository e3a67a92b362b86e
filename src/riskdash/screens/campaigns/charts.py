"""Chart builders of the campaigns and townships screen (pure; no Streamlit)."""

from __future__ import annotations

import plotly.graph_objects as go

from riskdash import charts, i18n
from riskdash.filters import Filters

# the 合格线 label: dark red on a white plate over the bars (5.9:1 on white; tests/test_print_view.py)
PASS_LINE_TEXT = "#a3201a"


def township_score_bars(result: dict, pass_score: float, filters: Filters, region_name: str,
                        lang: str = "zh", limit: int = charts.LOWEST_N) -> go.Figure | None:
    """The ``limit`` townships at the bottom of the ranking, the last on top, each bar labelled with its score and
    coloured by result (passed blue, failed orange, vetoed red), the pass line, on an axis zoomed to the scores
    shown and the pass line (its title says from where); None without townships. The full ranking is the table
    under the chart."""
    towns = result["townships"]
    if not towns:
        return None
    # the bottom of the ranking (a vetoed township ranks last whatever its score), in ranking order: plotly
    # draws the first category at the bottom, so the last-ranked township is on top
    shown = towns[-limit:]
    colours = {"passed": charts.RISK_COLOURS["blue"], "failed": charts.RISK_COLOURS["orange"],
               "vetoed": charts.RISK_COLOURS["red"]}
    fig = go.Figure()
    for group in ("passed", "failed", "vetoed"):
        members = [t for t in shown if (("vetoed" if t["vetoed"] else t["result"]) == group)]
        if not members:
            continue
        # by region code: township names repeat across counties (城关街道), and bars must not merge
        fig.add_bar(y=[t["region_code"] for t in members], x=[t["score"] for t in members], orientation="h",
                    customdata=[t["name"] for t in members], marker_color=colours[group],
                    name=i18n.t(f"campaigns.legend_{group}", lang),
                    text=[f"{t['score']:.1f}" for t in members], textposition="outside", cliponaxis=False,
                    textfont={"size": 13}, hovertemplate="%{customdata}: %{x:.1f}<extra></extra>")
    codes = [t["region_code"] for t in shown]
    # 12-digit codes look numeric: without type="category" plotly spaces the bars by code value
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=codes, tickvals=codes,
                     ticktext=[t["name"] for t in shown])
    fig.add_vline(x=pass_score, line_dash="dash", line_color=charts.ALERT,
                  annotation_text=i18n.t("campaigns.pass_line", lang, score=f"{pass_score:g}"),
                  annotation_position="top", annotation_font={"color": PASS_LINE_TEXT, "size": 14},
                  annotation_bgcolor="rgba(255,255,255,0.9)")
    floor = charts.zoom_floor([t["score"] for t in shown], keep=pass_score)
    measure = i18n.t("campaigns.score_chart", lang)
    if len(towns) > len(shown):
        measure += f" · {i18n.t('campaigns.score_chart_bottom', lang, n=len(shown), total=len(towns))}"
    title = charts.chart_title(measure, filters, region_name, lang)
    fig = charts.style(fig, title, x_title=charts.zoomed_title(i18n.t("campaigns.score_unit", lang), floor,
                                                               "分" if lang == "zh" else "", lang, axis="x"),
                       height=max(320, 150 + 28 * len(shown)))
    fig.update_xaxes(range=[floor, 100])
    # the scores beyond the bars; the pass line's label stands on the plot's top edge, under the legend (style)
    fig.update_layout(margin={"r": 50})
    return fig
