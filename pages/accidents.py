"""事故趋势 Accident trends: the period against last year and the year's control target, trends, where and in
which sectors, whether the change is beyond chance, and every accident with 3 or more deaths."""

import streamlit as st

from riskdash import ui
from riskdash.metrics import accidents as acc
from riskdash.metrics import classes, core, departments
from riskdash.screens import departments as departments_view
from riskdash.screens.accidents import draw, view
from riskdash.ui.markdown import plain

page = ui.start_page("accidents")
here = page.scope
data = draw.screen_data(page)
summary = data.totals["summary"]

ui.section(page.t("accidents.kpis"), view.subtitle(page.filters, here, page.lang))
cards = view.kpi_cards(data.totals, page.lang, data.tests)
ui.kpi_row(cards[:3])
ui.kpi_row(cards[3:])

draw.change_test(page, data)

target = view.target_view(data.projection, here, page.lang)
ui.section(page.t("accidents.target"), target.scope)
draw.target(target)

ui.section(page.t("accidents.trends"), view.trend_scope(page.filters, here, page.lang))
grain, measure = draw.trend_controls(page)
draw.chart(page, view.trend_figure(data.months, grain, measure, page.filters, here, page.lang), "trend")
draw.chart(page, view.cumulative_figure(data.months, measure, page.filters, here, data.projection.target,
                                        page.lang), "cumulative")
control = view.control_frame(data.months, page.filters.end, page.lang, measure)
draw.chart(page, view.control_figure(control, page.filters, here, page.lang, measure), "control")
draw.control_note(page, control, measure)

ui.section(page.t("accidents.breakdowns"), view.breakdown_scope(page.filters, here, page.lang))


@st.fragment
def breakdowns(page: ui.PageContext, summary: dict, measure: str) -> None:
    """Only the open tab is drawn, its queries and charts (st.tabs with on_change="rerun": each tab's ``open``);
    choosing a tab runs this fragment alone, not the whole page (page.part_start)."""
    page.part_start("breakdowns")
    here = page.scope
    by_class, by_sector, by_department, by_type, by_grade, by_region, by_time = ui.kept_tabs([
        page.t("classes.tab"), page.t("accidents.by_sector"), page.t("departments.tab"), page.t("accidents.by_type"),
        page.t("accidents.by_grade"), page.t("accidents.by_region"),
        page.t("accidents.by_weekday") + " / " + page.t("accidents.by_hour"),
    ], draw.TABS_KEY)  # the open tab kept through the language switch too
    if by_class.open:  # 《生产安全事故统计调查制度》's classes (issue 18; docs/rules.md#statistical-classes)
        with by_class:
            ui.table(view.class_table(page.load(classes.accidents_by_class, page.filters), page.lang),
                     draw.breakdown_name(page, "classes.tab"))
            st.caption(plain(page.t("classes.note")))
            class_months = page.load(classes.accidents_by_class_and_month, page.filters)
            draw.chart(page, view.class_trend_figure(class_months, measure, page.filters, here, page.lang),
                       "class_trend")
            st.caption(plain(view.class_trend_note(class_months, measure, page.filters, page.lang)))
    if by_sector.open:
        with by_sector:
            sectors = page.load(acc.accidents_by_sector, page.filters)
            names = view.reference_names(sectors, page.lang)
            draw.chart(page, view.comparison_figure(sectors, names, measure, "accidents.by_sector", page.filters,
                                                    here, page.lang), "sector")
            ui.table(view.breakdown_table(sectors, names, page.lang), draw.breakdown_name(page, "accidents.by_sector"))
    if by_department.open:  # 行业主管部门 ("管行业必须管安全", issue 18): the period's accidents by the sector's department
        with by_department:
            by_department_frame = page.load(departments.accidents_by_department, page.filters)
            department_sectors = departments_view.sector_map(page.load(core.sectors))
            ui.table(departments_view.accidents_table(by_department_frame, department_sectors, page.lang))
            st.caption(plain(page.t("departments.accidents_note") + " "
                             + departments_view.sectors_line(by_department_frame, department_sectors, page.lang)))
    if by_type.open:
        with by_type:
            types = page.load(acc.accidents_by_type, page.filters)
            names = view.reference_names(types, page.lang)
            draw.chart(page, view.comparison_figure(types, names, measure, "accidents.by_type", page.filters, here,
                                                    page.lang), "type")
            ui.table(view.breakdown_table(types, names, page.lang), draw.breakdown_name(page, "accidents.by_type"))
    if by_grade.open:
        with by_grade:
            draw.chart(page, view.grade_figure(summary, page.filters, here, page.lang), "grade")
    if by_region.open:
        with by_region:
            draw.drill_down(page, measure)
    if by_time.open:
        with by_time:
            hours = page.load(acc.accidents_by_hour, page.filters)
            draw.chart(page, view.weekday_figure(page.load(acc.accidents_by_weekday, page.filters), page.filters,
                                                 here, page.lang), "weekday")
            draw.chart(page, view.hour_figure(hours, page.filters, here, page.lang), "hour")
            st.caption(plain(view.hour_note(hours, summary["accidents"], page.lang)))


breakdowns(page, summary, measure)


@st.fragment
def accident_lists(page: ui.PageContext, larger, risk_involved) -> None:
    """The two lists and the record a selected row opens: a row (or the department) runs this fragment alone."""
    page.part_start("lists")
    here = page.scope
    ui.section(page.t("accidents.larger"), view.larger_scope(page.filters, here, page.lang))
    # 行业主管部门 (issue 18): one select box narrows both lists below to a department's sectors
    department = draw.department_filter(page)
    draw.larger_list(page, larger, department)

    ui.section(page.t("accidents.risk_involved"), view.larger_risk_scope(page.filters, here, page.lang))
    draw.risk_involved_list(page, risk_involved, department)


accident_lists(page, data.larger, data.risk_involved)

# 结案 (issue 18): closed_on against the investigation deadline
closing = page.load(acc.investigations, page.filters)
ui.section(page.t("accidents.closing"), view.closing_scope(page.filters, here, page.lang, closing["investigation_days"]))
# 四不放过 (issue 18): closed cases with all four measures done
ui.kpi_row((*view.closing_cards(closing, page.lang),
            view.four_measures_card(page.load(acc.four_measures, page.filters), page.lang)))
overdue = page.load(acc.investigations_overdue, page.filters)
st.markdown(f"**{page.t('accidents.overdue_title', n=len(overdue))}**")
ui.listing(view.overdue_table(overdue, page.lang), page.t("accidents.overdue_empty"),
           page.t("accidents.overdue_title", n=len(overdue)))

ui.section(page.t("accidents.rates"), view.rates_scope(page.filters, here, page.lang))
ui.kpi_row(view.rate_cards(data.rates, page.lang))
