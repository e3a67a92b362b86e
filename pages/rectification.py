"""隐患治理 Hazard rectification: KPIs with their formulas, the official monthly form, overdue and 挂牌督办
lists, the closed loop, four-level checking and coverage, due-soon and weekly lists, breakdowns."""

from datetime import timedelta
from functools import partial

import streamlit as st

from riskdash import i18n, ui
from riskdash.exports import monthly_form
from riskdash.exports.rectification_lists import list_xlsx
from riskdash.metrics import departments
from riskdash.metrics import rectification as rect
from riskdash.pinyin import with_initials
from riskdash.screens.kit import download_name
from riskdash.screens.rectification import charts, draw, view
from riskdash.ui.markdown import plain

page = ui.start_page("rectification")
st.caption(plain(page.t("rectification.subtitle", **page.scope.words())))


@st.fragment
def tabs(page: ui.PageContext) -> None:
    """Only the open tab is drawn and only its data read (ui.kept_tabs: each tab's ``open``; issue 17: reading all
    seven tabs made the first visit at scale 20 take 3.05 s); choosing a tab, a row or a picker runs this fragment
    alone, not the whole page (page.part_start)."""
    page.part_start()
    f, lang, t = page.filters, page.lang, page.t
    scope = page.scope
    words = scope.words()
    sectors = draw.sector_names(page)
    tab_kpis, tab_form, tab_lists, tab_checks, tab_due, tab_breakdown, tab_pareto = ui.kept_tabs([
        t("rectification.tab_kpis"), t("rectification.tab_form"), t("rectification.tab_lists"),
        t("rectification.tab_checks"), t("rectification.tab_due"), t("rectification.tab_breakdown"),
        t("rectification.tab_pareto"),
    ], draw.TABS_KEY)  # the open tab kept through the language switch too
    if tab_kpis.open:
        with tab_kpis:
            kpis = page.load(rect.rectification_kpis, f)
            cards = view.kpi_cards(kpis, scope, lang)
            ui.kpi_row(cards[:4])
            ui.kpi_row(cards[4:])
            for line in view.formulas(kpis, scope, lang):
                ui.formula(line)
            ui.section(t("rectification.loop"), t("rectification.loop_scope", **words))
            ui.plot(charts.closed_loop_split(view.loop_split(kpis, lang), f, page.region_name, lang),
                    t("rectification.split_empty"))
            # the evidence-completeness figure (issue 18): the period's closed hazards with 整改后 photo and 验收 record
            ui.section(t("rectification.evidence_fig_title"), t("rectification.evidence_fig_scope", **words))
            evidence_table, evidence_line = view.evidence_figure(page.load(rect.evidence_by_township, f), lang)
            ui.table(evidence_table)
            ui.formula(evidence_line)

    if tab_form.open:
        with tab_form:
            months = view.report_months(page.data_as_of, f.end)
            # kept while another tab is open (ui.kept), as every choice inside these tabs
            month = st.selectbox(t("rectification.form_month"), months, **ui.kept("rect_form_month"),
                                 index=months.index(monthly_form.default_report_month(months, page.data_as_of)),
                                 format_func=lambda m: view.month_text(m, lang))
            table, form_header = page.load(monthly_form.monthly_form, f, month)
            st.markdown(f"**{t('rectification.form_title')}**")
            st.caption(plain(draw.form_scope(page, form_header)))
            # in views of its columns (issue 17 item 7: whole, about 2,700 px wide); the 月报表 button below is its file
            ui.widgets.view_table(view.form_display(table), view.form_views(lang), "rect_form_view",
                                  t("rectification.view_label"), view.form_labels(lang), download=False)
            st.caption(t("rectification.form_units"))
            ui.formula(t("rectification.form_note"))
            # 重大隐患判定依据 (issue 18): the major hazards the form counts, each with the item it was judged by
            majors = page.load(monthly_form.major_hazards, f, month)
            st.markdown(f"**{plain(monthly_form.majors_title(form_header, lang))}**")
            majors_shown = monthly_form.majors_table(majors, lang)
            if majors_shown.empty:
                st.info(t("monthly_form.majors_empty"), icon=":material/check_circle:")
            else:  # two views of its columns (issue 17 item 7); its download carries them all
                ui.widgets.view_table(majors_shown, view.majors_views(majors_shown, lang), "rect_majors_view",
                                      t("rectification.view_label"), name=t("monthly_form.majors_sheet"))
            ui.formula(t("rectification.form_majors_note"))
            # built when clicked (a callable: not on every run of the page), from the table shown
            st.download_button(t("rectification.form_download"),
                               partial(monthly_form.form_xlsx, table, form_header, majors=majors),
                               file_name=download_name(t("rectification.form_file"), page.region_name, "xlsx", lang,
                                                       when=view.month_text(month, lang)), icon=":material/download:",
                               mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                               key="rect_form_xlsx", on_click="ignore")

    if tab_lists.open:
        with tab_lists:
            # 行业主管部门 (issue 18): both lists below narrowed to one department's sectors, 全部部门 by default
            department = draw.department_filter(page, "rect_lists_department")
            overdue = page.load(rect.overdue_list, f, department=department)
            ui.section(t("rectification.overdue_title"), t("rectification.overdue_scope", n=len(overdue), **words))
            draw.department_note(page, department, len(overdue))
            draw.list_with_downloads(view.overdue_table(overdue, sectors, lang), "overdue",
                                     draw.department_title(page, t("rectification.overdue_title"), department),
                                     t("rectification.download_csv"), t("rectification.download_xlsx"),
                                     t("rectification.empty"), page, hazard_ids=list(overdue["hazard_id"]),
                                     views=view.list_views("overdue", lang))
            supervised = page.load(rect.supervised_list, f, department=department)
            ui.section(t("rectification.supervised_title"),
                       t("rectification.supervised_scope", n=len(supervised), **words))
            draw.department_note(page, department, len(supervised))
            draw.list_with_downloads(view.supervised_table(supervised, sectors, lang), "supervised",
                                     draw.department_title(page, t("rectification.supervised_title"), department),
                                     t("rectification.download_csv"),
                                     t("rectification.download_xlsx"), t("rectification.empty"), page,
                                     hazard_ids=list(supervised["hazard_id"]),
                                     views=view.list_views("supervised", lang))

    if tab_checks.open:
        with tab_checks:
            ui.section(t("rectification.levels_title"), t("rectification.levels_scope", **words))
            ui.table(view.levels_table(page.load(rect.checks_by_level, f), lang))
            towns = page.load(rect.coverage_by_township, f)
            totals = view.coverage_totals(towns)
            ui.section(t("rectification.coverage_title"), t(
                "rectification.coverage_scope", covered=totals["covered"], active=totals["active"],
                rate=i18n.pct(totals["rate"]), own=totals["own"], own_rate=i18n.pct(totals["own_rate"]),
                **words))
            # one under the other: side by side, at 1024 px each had about 330 px and scrolled sideways
            # (issue 17 item 7)
            st.markdown(f"**{t('rectification.by_township')}**")
            ui.table(view.coverage_table(towns, lang, "township"),
                     t("table.part", whole=t("rectification.coverage_title"), part=t("rectification.by_township")))
            st.markdown(f"**{t('rectification.by_sector')}**")
            ui.table(view.coverage_table(page.load(rect.coverage_by_sector, f), lang, "sector", sectors),
                     t("table.part", whole=t("rectification.coverage_title"), part=t("rectification.by_sector")))
            days = page.load(rect.setting_value, "uninspected_days")
            uninspected = page.load(rect.uninspected_enterprises, f)
            ui.section(t("rectification.uninspected_title", days=days),
                       t("rectification.uninspected_scope", days=days, n=len(uninspected), **words))
            draw.list_with_downloads(view.uninspected_table(uninspected, sectors, lang), "uninspected",
                                     t("rectification.uninspected_title", days=days), t("rectification.download_csv"),
                                     t("rectification.download_xlsx"), t("rectification.empty"), page,
                                     enterprises=uninspected[["enterprise_id", "enterprise_name"]])

    if tab_due.open:
        with tab_due:
            due_days = page.load(rect.setting_value, "due_soon_days")
            # 行业主管部门 (issue 18): the due-soon list narrowed to one department's sectors, 全部部门 by default
            due_department = draw.department_filter(page, "rect_due_department")
            due = page.load(rect.due_soon, f, department=due_department)
            until = i18n.day(view.week_end(f.as_of, due_days), lang)
            ui.section(t("rectification.due_title", days=due_days),
                       t("rectification.due_scope", n=len(due), until=until, **words))
            draw.department_note(page, due_department, len(due))
            draw.list_with_downloads(view.follow_up_table(due, sectors, lang), "due_soon",
                                     draw.department_title(page, t("rectification.due_title", days=due_days),
                                                           due_department),
                                     t("rectification.download_csv"),
                                     t("rectification.download_xlsx"), t("rectification.empty"), page,
                                     hazard_ids=list(due["hazard_id"]), views=view.list_views("follow_up", lang))
            week_until = i18n.day(view.week_end(f.as_of, rect.WEEK_DAYS), lang)
            ui.section(t("rectification.weekly_title"), t("rectification.weekly_scope", until=week_until, **words))
            weekly = page.load(rect.weekly_list, f)
            weekly_n = view.weekly_counts(weekly)
            # the townships of 四级排查's coverage (read there too: the same cached read), whichever tab was open
            town_names = view.township_choices(page.load(rect.coverage_by_township, f))
            if not town_names:
                st.info(t("rectification.weekly_none"), icon=":material/info:")
            else:
                town = st.selectbox(t("rectification.weekly_township"), list(town_names), **ui.kept("rect_week_town"),
                                    format_func=lambda c: with_initials(f"{town_names[c]}（{weekly_n.get(c, 0)}）",
                                                                        town_names[c]))
                heading = t("rectification.weekly_heading", township=town_names[town], as_of=scope.as_of,
                            n=weekly_n.get(town, 0))
                own = view.weekly_of(weekly, town)
                rows = view.follow_up_table(own, sectors, lang) if own is not None else None
                st.markdown(f"**{plain(heading)}**")
                if rows is None:
                    st.info(t("rectification.empty"), icon=":material/check_circle:")
                else:
                    # its own printable .xlsx below carries every column
                    ui.widgets.view_table(rows, view.list_views("follow_up", lang), "rect_week_view",
                                          t("rectification.view_label"), download=False)
                    st.download_button(t("rectification.weekly_download"),
                                       partial(list_xlsx, {town_names[town]: rows}, {town_names[town]: heading}),
                                       file_name=draw.list_file_name(
                                           page, t("rectification.weekly_file", township=town_names[town]), "xlsx"),
                                       icon=":material/print:",
                                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                       key="rect_week_xlsx", on_click="ignore")

    if tab_breakdown.open:
        with tab_breakdown:
            ui.section(t("rectification.by_township"), t("rectification.breakdown_scope", **words))
            by_township = page.load(rect.by_township, f)
            ui.plot(charts.rate_by_township_bars(by_township, f, page.region_name, lang),
                    t("rectification.township_empty"))
            township_table = view.breakdown_table(by_township, lang, "township")
            draw.table_or_views(township_table, view.breakdown_views(township_table, lang, "township"),
                                "rect_towns_view", t("rectification.view_label"))
            ui.section(t("rectification.by_sector"), t("rectification.breakdown_scope", **words))
            by_sector_frame = page.load(rect.by_sector, f)
            ui.plot(charts.found_by_sector_bars(by_sector_frame, view.sector_labels(by_sector_frame, sectors, lang), f,
                                                page.region_name, lang), t("rectification.sector_empty"))
            sector_table = view.breakdown_table(by_sector_frame, lang, "sector", sectors)
            draw.table_or_views(sector_table, view.breakdown_views(sector_table, lang, "sector"), "rect_sectors_view",
                                t("rectification.view_label"))
            # 行业主管部门 ("管行业必须管安全", issue 18): accidents, hazards and enterprises by the sector's department
            ui.section(t("rectification.by_department"), t("rectification.by_department_scope", **words))
            draw.department_table(view.department_table(page.load(departments.by_department, f), sectors, lang))
            ui.section(t("rectification.trend_title"), t("rectification.trend_scope", **words))
            ui.plot(charts.rate_trend_lines(page.load(rect.rate_by_month, f), f, page.region_name, lang),
                    t("rectification.trend_empty"))
            ui.section(t("rectification.ageing_title"), t("rectification.ageing_scope", **words))
            ageing = page.load(rect.open_ageing, f)
            ui.plot(charts.open_ageing_bars(ageing, f, page.region_name, lang), t("rectification.ageing_empty"))
            ui.table(view.ageing_table(ageing, lang))
            ui.section(t("rectification.evidence_title"), t("rectification.evidence_scope", **words))
            ui.table(view.evidence_table(page.load(rect.evidence_by_township, f), lang))

    if tab_pareto.open:
        with tab_pareto:
            # which few categories make most hazards (the period's), then what was found in the 7 days up to as-of
            ui.section(t("rectification.pareto_title"), t("rectification.pareto_scope", **words))
            categories = page.load(rect.hazards_by_category, f)
            st.markdown(plain(view.pareto_sentence(categories, lang)))
            ui.plot(charts.category_pareto(categories, view.category_names(categories["category"], lang), f,
                                           page.region_name, lang), t("rectification.pareto_empty"))
            draw.list_with_downloads(view.pareto_table(categories, lang), "pareto", t("rectification.pareto_file"),
                                     t("rectification.download_csv"), t("rectification.download_xlsx"),
                                     t("rectification.empty"), page)
            new_hazards = page.load(rect.new_hazards_list, f)
            first_day = i18n.day(f.as_of - timedelta(days=rect.NEW_DAYS - 1), lang)
            ui.section(t("rectification.new_title"), t("rectification.new_scope", first=first_day, n=len(new_hazards),
                                                         **words))
            draw.list_with_downloads(view.new_hazards_table(new_hazards, sectors, lang), "new_hazards",
                                     t("rectification.new_title"), t("rectification.download_csv"),
                                     t("rectification.download_xlsx"), t("rectification.empty"), page,
                                     hazard_ids=list(new_hazards["hazard_id"]), views=view.list_views("new", lang))


tabs(page)
