"""专项行动与乡镇规范化 Campaigns and townships: the year's township assessment with its one-vote veto, the
规范化建设 checklist against its deadlines, the "1+1" campaign per township and 产业类型 (industry class), and 零报告."""

from functools import partial

import streamlit as st

from riskdash import ui
from riskdash.exports.township_scorecard import scorecard_xlsx
from riskdash.metrics import campaigns
from riskdash.pinyin import searchable
from riskdash.screens.campaigns import charts, draw, view
from riskdash.screens.kit import download_name
from riskdash.ui.markdown import plain
from riskdash.ui.widgets import selected_row, view_table

page = ui.start_page("campaigns")
st.caption(plain(page.t("campaigns.subtitle", **draw.scope(page).words())))


def scorecard(page: ui.PageContext, scope: ui.Scope, values: dict[str, str]) -> None:
    """乡镇考核: the year's scores, their ranking with its .xlsx and one township's components."""
    f, lang, t = page.filters, page.lang, page.t
    words = scope.words()
    pass_score = f"{float(values['assessment_pass_score']):g}"
    result = page.load(campaigns.townships, f, lang)
    summary = view.scorecard_summary(result)
    cols = st.columns(4)
    cols[0].metric(t("campaigns.kpi_townships"), summary["townships"], border=True)
    cols[1].metric(t("campaigns.kpi_passed"), summary["passed"], border=True,
                   help=t("campaigns.kpi_passed_help", pass_score=pass_score))
    cols[2].metric(t("campaigns.kpi_failed"), summary["failed"], border=True)
    cols[3].metric(t("campaigns.kpi_vetoed"), summary["vetoed"], border=True, help=t("campaigns.kpi_vetoed_help"))
    ui.formula(t("campaigns.score_formula", pass_score=pass_score))
    ui.section(t("campaigns.ranking_title"), t("campaigns.ranking_scope", **words))
    if not result["townships"]:
        st.info(t("campaigns.no_townships"), icon=":material/info:")
    else:
        ui.plot(charts.township_score_bars(result, float(pass_score), campaigns.year_filters(f), page.region_name, lang))
        ranking = view.scorecard_table(result, lang)
        # one themed view of its columns at a time: all nineteen need about 1,950 px (issue 17 item 7)
        views, labels = view.scorecard_views(result, lang)
        st.caption(t("campaigns.views_note"))
        view_table(ranking, views, "campaigns_ranking_view", t("campaigns.views"), labels,
                   download=False)  # the ranking's own .xlsx below, every column
        st.download_button(t("campaigns.download_xlsx"),
                           partial(scorecard_xlsx, ranking, t("campaigns.ranking_scope", **words)),  # when clicked
                           file_name=download_name(t("campaigns.ranking_file", year=scope.year), page.region_name,
                                                   "xlsx", page.lang, as_of=f.as_of),
                           icon=":material/download:",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           key="campaigns_xlsx", on_click="ignore")
        names = {e["region_code"]: e for e in result["townships"]}
        # kept while another tab is open (ui.kept), as the checklist's township below
        pick = st.selectbox(t("campaigns.detail_pick"), list(names), **ui.kept("campaigns_detail"),
                            format_func=lambda c: f"{names[c]['name']}（{names[c]['score']}）")
        st.markdown(f"**{t('campaigns.detail_title')}**")
        ui.table(view.component_details(names[pick], lang),
                 t("table.of", whole=t("campaigns.detail_title"), part=names[pick]["name"]))


def checklist(page: ui.PageContext, scope: ui.Scope, values: dict[str, str]) -> None:
    """规范化建设: the checklist's progress against its deadlines, the stations and one township's items."""
    f, lang, t = page.filters, page.lang, page.t
    words = scope.words()
    ui.section(t("campaigns.groups_title"), t("campaigns.groups_scope", **words, **draw.deadline_words(page, values)))
    ui.table(view.group_table(page.load(campaigns.checklist_progress_by_group, f), lang))
    progress = page.load(campaigns.checklist_progress, f)
    ui.section(t("campaigns.progress_title"), t("campaigns.progress_scope", **words))
    ui.table(view.progress_table(progress, lang))
    items = page.load(campaigns.checklist_items_by_township, f)
    late = campaigns.late_items_of(items)  # from the items read once (a big city has 20-odd thousand rows)
    ui.section(t("campaigns.late_title", n=len(late)), t("campaigns.late_scope", **words))
    ui.listing(view.items_table(late, lang, with_township=True), t("campaigns.empty"))
    # issue 18: staffing and the acceptance report as data, the 四个必须到位 as a view over the items
    staffing = campaigns.staffing_params(values)
    ordinary = (t("campaigns.staff_ordinary_named") if not staffing["staff_min_ordinary"]
                else t("campaigns.staff_ordinary_n", n=staffing["staff_min_ordinary"]))
    ui.section(t("campaigns.stations_title"),
               t("campaigns.stations_scope", key_min=staffing["staff_min_key"], ordinary=ordinary,
                 **{**words, "report": draw.deadline_words(page, values)["report"]}))
    stations = view.stations_table(page.load(campaigns.township_stations, f), lang)
    if stations.empty:
        st.info(t("campaigns.empty"), icon=":material/check_circle:")
    else:  # short headers, said once in the caption (issue 17 item 7)
        st.caption(t("campaigns.stations_note"))
        view_table(stations, {"": list(stations.columns)}, "campaigns_stations", "", view.stations_labels(lang))
    ui.section(t("campaigns.four_title"), t("campaigns.four_scope", **words))
    ui.listing(view.four_table(page.load(campaigns.four_in_place, f), lang), t("campaigns.empty"))
    if not progress.empty:
        # named as the tables name them, 东镇（甲县）: a select's choice travels as its label, and two townships of
        # one bare name came back as the same one (the other's items shown)
        towns = dict(zip(progress["region_code"], view._towns(progress)))
        town = st.selectbox(t("campaigns.items_title"), list(towns), **ui.kept("campaigns_items_town"),
                            format_func=lambda c: searchable(towns[c]))
        ui.table(view.items_table(items[items["region_code"] == town], lang),
                 t("table.of", whole=t("campaigns.items_title"), part=towns[town]))


def campaign(page: ui.PageContext, scope: ui.Scope, values: dict[str, str]) -> None:
    """The "1+1" campaign by 产业类型: the coverage, the pairs with their card and .xlsx, and the pair form."""
    f, lang, t = page.filters, page.lang, page.t
    words = scope.words()
    # "1+1" by 产业类型 (issue 18): one pair per township × industry class
    ui.section(t("campaigns.coverage_title"), t("campaigns.coverage_scope", **words))
    ui.table(view.coverage_table(page.load(campaigns.campaign_coverage, f), lang, page.region_name))
    pairs = page.load(campaigns.campaign_pairs, f)
    ui.section(t("campaigns.towns_title"), t("campaigns.towns_scope", **words))
    ui.listing(view.towns_table(page.load(campaigns.campaign_townships, f), lang), t("campaigns.empty"))
    st.markdown(f"**{t('campaigns.sectors_title')}**")
    # the toggle and the pair whose card is open are kept while another tab is open (ui.kept, kept_row)
    only_missing = st.toggle(t("campaigns.sectors_only_missing"), **ui.kept("campaigns_only_missing"))
    pairs_shown = pairs[~pairs["is_inspected"]] if only_missing else pairs
    pairs_list = view.pairs_table(pairs_shown, lang)
    if pairs_list.empty:
        st.info(t("campaigns.empty"), icon=":material/check_circle:")
    else:
        # the figures listed, the pair's record in words in a card on row selection (issue 17 item 7)
        st.caption(t("campaigns.pairs_note"))
        listed, short = view.pairs_listed(lang)
        # a pair is its township and its class; each list (all pairs, those not inspected) keeps its own row
        ids = list(zip(pairs_shown["region_code"], pairs_shown["industry_type"]))
        event = view_table(pairs_list, {"": listed}, f"campaigns_pairs_{int(only_missing)}", "", short,
                           download=False, selectable=True, ids=ids)  # its own .xlsx below
        picked = selected_row(event, len(ids))  # noted by view_table
        if picked is not None:
            title, lines = view.pair_card(pairs_list.iloc[picked], lang)
            with st.container(border=True, key="campaigns_pair_card"):
                st.markdown(f"**{plain(title)}**")
                for head, text in lines:
                    st.markdown(f"**{plain(head)}**：{plain(text)}" if lang == "zh" else f"**{plain(head)}**: {plain(text)}")
        else:
            st.caption(":material/touch_app: " + t("campaigns.pairs_hint"))
    if not pairs_list.empty:
        st.download_button(t("campaigns.download_pairs"),
                           partial(scorecard_xlsx, pairs_list, t("campaigns.coverage_scope", **words),
                                   title=t("campaigns.pairs_xlsx_title"), sheet_name="1+1"),  # when clicked
                           file_name=download_name(t("campaigns.pairs_file", year=scope.year), page.region_name,
                                                   "xlsx", page.lang, as_of=f.as_of),
                           icon=":material/download:",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           key="campaigns_pairs_xlsx", on_click="ignore")
    ui.section(t("campaigns.problems_title"), t("campaigns.problems_scope", n=campaigns.common_problem_min(values), **words))
    ui.listing(view.problems_table(page.load(campaigns.common_problems, f), lang), t("campaigns.empty"))
    meetings = page.load(campaigns.warning_meetings, f)
    ui.section(t("campaigns.meetings_title", n=len(meetings)), t("campaigns.meetings_scope", **words))
    ui.listing(view.meetings_table(meetings, lang), t("campaigns.empty"))
    ui.section(t("campaigns.pair_title"), t("campaigns.pair_scope", year=scope.year))
    draw.pair_form(page, pairs, scope.year)


def zero_reports(page: ui.PageContext, scope: ui.Scope, values: dict[str, str]) -> None:
    """零报告: the windows, each township's reporting and the day's form."""
    f, lang, t = page.filters, page.lang, page.t
    words = scope.words()
    windows = page.load(campaigns.zero_report_windows, f)
    cutoff = str(values["zero_report_cutoff"]).strip()  # the daily cut-off (setting; docs/rules.md#township-assessment-考核-and-campaigns)
    ui.section(t("campaigns.windows_title"), t("campaigns.windows_scope", cutoff=cutoff, **words))
    if windows.empty:
        st.info(t("campaigns.empty"), icon=":material/check_circle:")
    else:  # in English one themed view of its columns at a time (issue 17 item 7)
        windows_table = view.windows_table(windows, lang)
        view_table(windows_table, view.windows_views(windows_table, lang), "campaigns_windows_view",
                   t("campaigns.views"))
    missing = page.load(campaigns.zero_report_missing, f)
    late_zero = page.load(campaigns.zero_report_late, f)
    compliance = page.load(campaigns.zero_report_compliance, f)
    ui.section(t("campaigns.compliance_title"), t("campaigns.compliance_scope", cutoff=cutoff, **words))
    ui.listing(view.compliance_table(compliance, missing, lang, late_zero), t("campaigns.empty"))
    st.markdown(f"**{t('campaigns.missing_title', n=len(missing))}**")
    ui.listing(view.missing_table(missing, lang), t("campaigns.empty"), t("campaigns.missing_title", n=len(missing)))
    st.markdown(f"**{t('campaigns.late_zero_title', n=len(late_zero))}**")
    ui.listing(view.late_table(late_zero, lang), t("campaigns.empty"), t("campaigns.late_zero_title", n=len(late_zero)))
    ui.section(t("campaigns.form_title"), t("campaigns.form_scope"))
    draw.zero_report_form(page, windows, compliance)


@st.fragment
def tabs(page: ui.PageContext) -> None:
    """Only the open tab is drawn and only its data read (ui.kept_tabs: each tab's ``open``; issue 17: reading all
    four tabs made the first visit at scale 20 take 3.11 s); choosing a tab, a row or a picker runs this fragment
    alone, not the whole page (page.part_start). A saved form reruns the whole page (st.rerun), its tab kept open."""
    page.part_start()
    scope = draw.scope(page)
    values = page.load(campaigns.settings_values)
    parts = [scorecard, checklist, campaign, zero_reports]
    opened = ui.kept_tabs([
        page.t("campaigns.tab_scorecard"), page.t("campaigns.tab_checklist"), page.t("campaigns.tab_campaign"),
        page.t("campaigns.tab_zero"),
    ], draw.TABS_KEY)  # the open tab kept through the language switch too
    for tab, part in zip(opened, parts):
        if tab.open:
            with tab:
                part(page, scope, values)


tabs(page)
