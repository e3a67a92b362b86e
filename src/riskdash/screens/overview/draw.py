"""Streamlit drawing for the overview: its content for the page's filters, the death-target bar and its two
charts (the monthly accident trend, the townships lowest in rectification rate)."""

from __future__ import annotations

import streamlit as st

from riskdash import metrics
from riskdash.metrics import accidents as acc
from riskdash.metrics import classes
from riskdash.metrics import rectification as rect
from riskdash.screens.overview import view
from riskdash.screens.overview.view import OverviewView, TargetBar, overview_view
from riskdash.ui.frame import PageContext
from riskdash.ui.markdown import plain
from riskdash.ui.widgets import plot, target_progress


def content(page: PageContext) -> OverviewView:
    """The overview's KPIs, scope lines and detail tables for the page's filters."""
    return overview_view(page.load(metrics.overview, page.filters), page.scope, page.lang, page.is_admin)


def target_bar(target: TargetBar, key: str = "overview_target") -> None:
    """The death control target: a bar when set, a note when not."""
    if target.fraction is None:
        st.caption(":material/flag: " + plain(target.text))
        return
    if target.level == "over":  # red: the year's target is exceeded
        st.error(plain(target.text), icon=":material/flag:")
        target_progress(target.fraction, "over", key)
    elif target.level == "ahead":  # amber: the share used runs ahead of 时间进度
        st.warning(plain(target.text), icon=":material/flag:")
        target_progress(target.fraction, "ahead", key)
    else:
        st.progress(target.fraction, text=":material/flag: " + plain(target.text))
    if target.rule:
        st.caption(plain(target.rule))


def class_targets(page: PageContext) -> None:
    """The control targets per class set for the region and year, one bar each, then the rate targets (issue 18;
    none set: nothing shown)."""
    bars = view.class_target_bars(page.load(classes.class_targets, page.filters), page.filters.end, page.lang)
    bars += view.rate_target_bars(page.load(classes.rate_targets, page.filters), page.filters.end, page.lang)
    if not bars:
        return
    with st.expander(page.t("classes.targets"), expanded=any(b.level != "normal" for b in bars),
                     icon=":material/flag:"):
        for i, bar in enumerate(bars):
            target_bar(bar, f"overview_class_target_{i}")


def accident_trend(page: PageContext) -> None:
    """Accidents per month, the last 24 (a scope without accidents: one line)."""
    plot(view.accident_trend(page.load(acc.accidents_by_month, page.filters), page.filters, page.scope, page.lang),
         page.t("overview.trend_empty"))


def rectification_ranking(page: PageContext) -> None:
    """The townships lowest in rectification rate (a scope without hazards: one line)."""
    plot(view.rectification_ranking(page.load(rect.by_township, page.filters), page.filters, page.region_name,
                                      page.lang), page.t("overview.ranking_empty"))
