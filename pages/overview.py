"""总览 Overview: the chosen period (default 1—N月) against the same dates last year."""

import streamlit as st

from riskdash import ui
from riskdash.ui.markdown import plain

page = ui.start_page("overview")
view = ui.overview(page)
st.caption(plain(view.subtitle))

ui.section(page.t("overview.accidents"), view.accidents_scope)
ui.kpi_row(view.accident_kpis)
ui.target_bar(view.target)

ui.section(page.t("overview.hazards"), view.hazards_scope)
ui.kpi_row(view.hazard_kpis)
ui.formula(view.rate_formula)

ui.section(page.t("overview.sites"), view.sites_scope)
ui.kpi_row(view.site_kpis)

st.subheader(page.t("overview.detail"))
accidents_column, hazards_column = st.columns(2)
with accidents_column:
    st.markdown(f"**{page.t('overview.detail_accidents')}**")
    ui.table(view.accident_detail)
with hazards_column:
    st.markdown(f"**{page.t('overview.detail_hazards')}**")
    ui.table(view.hazard_detail)
