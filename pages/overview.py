"""总览 Overview: the chosen period (default 1—N月) against the same dates last year."""

import streamlit as st

from riskdash import ui
from riskdash.screens.overview import draw
from riskdash.ui.markdown import plain

page = ui.start_page("overview")
content = draw.content(page)
st.caption(plain(content.subtitle))

ui.section(page.t("overview.accidents"), content.accidents_scope)
ui.kpi_row(content.accident_kpis)
draw.target_bar(content.target)
draw.class_targets(page)  # 控制指标 per class and for 较大事故 (issue 18)
draw.accident_trend(page)

ui.section(page.t("overview.hazards"), content.hazards_scope)
ui.kpi_row(content.hazard_kpis)
ui.formula(content.rate_formula)
draw.rectification_ranking(page)

ui.section(page.t("overview.sites"), content.sites_scope)
ui.kpi_row(content.site_kpis)

st.subheader(page.t("overview.detail"))
# one under the other, each the page's width: side by side, at 1024 px each had about 330 px and scrolled
# sideways (issue 17 item 7)
st.markdown(f"**{page.t('overview.detail_accidents')}**")
ui.table(content.accident_detail, page.t("overview.detail_accidents"))
st.markdown(f"**{page.t('overview.detail_hazards')}**")
ui.table(content.hazard_detail, page.t("overview.detail_hazards"))
