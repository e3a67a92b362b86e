"""事故趋势 Accident trends: the period against last year and the year's control target, trends, where and in
which sectors, whether the change is beyond chance, and every accident with 3 or more deaths."""

import streamlit as st

from riskdash import ui
from riskdash.ui import accidents as view
from riskdash.ui import accidents_page as screen
from riskdash.ui.markdown import plain

page = ui.start_page("accidents")
here = screen.where(page)
data = screen.screen_data(page.db_key, page.filters, page.con)
summary = data.totals["summary"]

ui.section(page.t("accidents.kpis"), view.subtitle(page.filters, here, page.lang))
cards = view.kpi_cards(data.totals, page.lang, data.tests)
ui.kpi_row(cards[:3])
ui.kpi_row(cards[3:])

screen.change_test(page, data)

target = view.target_view(data.projection, here, page.lang)
ui.section(page.t("accidents.target"), target.scope)
screen.target(target)

ui.section(page.t("accidents.trends"), view.trend_scope(page.filters, here, page.lang))
grain, measure = screen.trend_controls(page)
screen.chart(page, view.trend_figure(data.months, grain, measure, page.filters, here, page.lang), "trend")
screen.chart(page, view.cumulative_figure(data.months, measure, page.filters, here, data.projection.target,
                                          page.lang), "cumulative")
control = view.control_frame(data.months, page.filters.end, page.lang, measure)
screen.chart(page, view.control_figure(control, page.filters, here, page.lang, measure), "control")
screen.control_note(page, control, measure)

ui.section(page.t("accidents.breakdowns"), view.breakdown_scope(page.filters, here, page.lang))
by_sector, by_type, by_grade, by_region, by_time = st.tabs([
    page.t("accidents.by_sector"), page.t("accidents.by_type"), page.t("accidents.by_grade"),
    page.t("accidents.by_region"), page.t("accidents.by_weekday") + " / " + page.t("accidents.by_hour"),
])
with by_sector:
    names = view.reference_names(data.sectors, page.lang)
    screen.chart(page, view.comparison_figure(data.sectors, names, measure, "accidents.by_sector", page.filters, here,
                                              page.lang), "sector")
    ui.table(view.breakdown_table(data.sectors, names, page.lang))
with by_type:
    names = view.reference_names(data.types, page.lang)
    screen.chart(page, view.comparison_figure(data.types, names, measure, "accidents.by_type", page.filters, here,
                                              page.lang), "type")
    ui.table(view.breakdown_table(data.types, names, page.lang))
with by_grade:
    screen.chart(page, view.grade_figure(summary, page.filters, here, page.lang), "grade")
with by_region:
    screen.drill_down(page, measure)
with by_time:
    screen.chart(page, view.weekday_figure(data.weekdays, page.filters, here, page.lang), "weekday")
    screen.chart(page, view.hour_figure(data.hours, page.filters, here, page.lang), "hour")
    st.caption(plain(view.hour_note(data.hours, summary["accidents"], page.lang)))

ui.section(page.t("accidents.larger"), view.larger_scope(page.filters, here, page.lang))
screen.larger_list(page, data.larger)

ui.section(page.t("accidents.risk_involved"), view.larger_risk_scope(page.filters, here, page.lang))
screen.risk_involved_list(page, data.risk_involved)

ui.section(page.t("accidents.rates"), view.rates_scope(page.filters, here, page.lang))
ui.kpi_row(view.rate_cards(data.rates, page.lang))
