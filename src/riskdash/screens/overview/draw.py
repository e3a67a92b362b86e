"""Streamlit drawing for the overview: its content for the page's filters, the death-target bar and its two
charts (the monthly accident trend, the townships lowest in rectification rate)."""

from __future__ import annotations

import streamlit as st

from riskdash import metrics
from riskdash.metrics import accidents as acc
from riskdash.metrics import rectification as rect
from riskdash.screens.overview import view
from riskdash.screens.overview.view import OverviewView, TargetBar, overview_view
from riskdash.ui.frame import PageContext
from riskdash.ui.markdown import plain
from riskdash.ui.widgets import plot, target_progress


def content(page: PageContext) -> OverviewView:
    """The overview's KPIs, scope lines and detail tables for the page's filters."""
    return overview_view(page.load(metrics.overview, page.filters), page.scope, page.lang, page.is_admin)


def target_bar(target: TargetBar) -> None:
    """The death control target: a bar when set, a note when not."""
    if target.fraction is None:
        st.caption(":material/flag: " + plain(target.text))
        return
    if target.level == "over":  # red: the year's target is exceeded
        st.error(plain(target.text), icon=":material/flag:")
        target_progress(target.fraction, "over", "overview_target")
    elif target.level == "ahead":  # amber: the share used runs ahead of 时间进度
        st.warning(plain(target.text), icon=":material/flag:")
        target_progress(target.fraction, "ahead", "overview_target")
    else:
        st.progress(target.fraction, text=":material/flag: " + plain(target.text))
    st.caption(plain(target.rule))


def accident_trend(page: PageContext) -> None:
    """Accidents per month, the last 24 (a scope without accidents: one line)."""
    plot(view.accident_trend(page.load(acc.accidents_by_month, page.filters), page.filters, page.scope, page.lang),
         page.t("overview.trend_empty"))


def rectification_ranking(page: PageContext) -> None:
    """The townships lowest in rectification rate (a scope without hazards: one line)."""
    plot(view.rectification_ranking(page.load(rect.by_township, page.filters), page.filters, page.region_name,
                                      page.lang), page.t("overview.ranking_empty"))
