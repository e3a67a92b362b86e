"""Streamlit drawing for the priority-sites screen: its reads (through the one cached loader, ``page.load``),
the ledger download and the site card."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cached_property, partial

import duckdb
import pandas as pd
import streamlit as st

from riskdash import charts, i18n
from riskdash.exports.key_site_ledger import key_site_ledger_xlsx
from riskdash.filters import Filters
from riskdash.metrics import core as metrics_core
from riskdash.metrics import departments, priority
from riskdash.pinyin import with_initials
from riskdash.screens import departments as departments_view
from riskdash.screens.kit import download_name
from riskdash.screens.priority import charts as priority_charts
from riskdash.screens.priority import view
from riskdash.screens.priority.outlines import township_outlines
from riskdash.ui.frame import PageContext
from riskdash.ui.markdown import plain
from riskdash.ui.widgets import (
    fit,
    fitted,
    keep_row,
    kept,
    kept_row,
    kpi_row,
    measured_apart,
    plot,
    section,
    table,
    table_download,
    view_table,
)

LEVELS_KEY = "priority_levels"
ROWS_KEY = "priority_rows"
LEDGER_TOWN_KEY = "priority_ledger_town"
LEDGER_DEPARTMENT_KEY = "priority_ledger_department"
CARD_KEY = "priority_card"
CARD_SEARCH_KEY = "priority_card_search"
RANK_TABLE_KEY = "priority_rank_table"
TABS_KEY = "priority_tab"  # the open tab (its label; ui.kept_tabs keeps its place through the language switch)
# the reasons may wrap over this many lines: in English they run about twice as long as in Chinese, and at six
# lines the ranking scrolled sideways at 1024 px (issue 17 item 7)
RANK_REASON_LINES = 12
COUNTS_TOWNSHIP_KEY = "priority_counts_township"
COUNTS_SECTOR_KEY = "priority_counts_sector"
GAP_TABLE_KEY = "priority_gap_enterprises"
LEDGER_VIEW_KEY = "priority_ledger_view"
GAP_NOT_IN_PLACE_KEY = "priority_gap_not_in_place_view"
GAP_NOT_FILED_KEY = "priority_gap_not_filed_view"
GAP_ACCIDENTS_KEY = "priority_gap_accidents"
BACKTEST_VIEW_KEY = "priority_backtest_view"
CALIBRATION_VIEW_KEY = "priority_calibration_view"
ROW_CHOICES = (50, 100, 200, 500)
CARD_CHOICES = 300


class ScreenData:
    """The screen's reads, each made (through the cached loader) when a part first asks for it: the open tab
    alone is drawn (issue 17), and the ranking needs neither the ledger nor its gaps."""

    def __init__(self, page: PageContext) -> None:
        self._page = page

    @cached_property
    def scores(self) -> pd.DataFrame:
        return self._page.load(priority.risk_scores, self._page.filters)

    @cached_property
    def weights(self) -> dict[str, float]:
        return self._page.load(priority.risk_weights)

    @cached_property
    def thresholds(self) -> dict[str, float]:
        return self._page.load(priority.risk_thresholds)

    @cached_property
    def _whole(self) -> Filters:
        # the ledger is not split by sector: key sites of public places have none
        return replace(self._page.filters, industry=None)

    @cached_property
    def gaps(self) -> priority.LedgerGaps:
        page, f = self._page, self._page.filters
        return priority.LedgerGaps(
            ledger=page.load(priority.key_site_ledger, self._whole),
            townships_without_sites=page.load(priority.townships_without_sites, self._whole),
            high_risk_enterprises_without_sites=page.load(priority.high_risk_enterprises_without_sites, f),
            accidents_without_ledger=page.load(priority.accidents_without_ledger, f),
        )

    @cached_property
    def ledger_townships(self) -> pd.DataFrame:
        return self._page.load(priority.ledger_townships, self._whole)


def load(page: PageContext) -> ScreenData:
    """The screen's data, read lazily (ScreenData)."""
    return ScreenData(page)



# the three reads below are composites, cached whole through page.load (their first argument is the cursor)


def backtest_tables(con: duckdb.DuckDBPyConnection, region_code: str,
                    data_as_of: date) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The back-test per scoring day and the weight calibration, from the same rankings."""
    days = priority.backtest_days(data_as_of, priority.earliest_record(con))
    rankings = priority.backtest_rankings(con, region_code, days)
    return (priority.backtest(con, region_code, days, rankings=rankings),
            priority.weight_calibration(rankings, priority.risk_weights(con)))


def outlines(con: duckdb.DuckDBPyConnection, scores: pd.DataFrame) -> dict:
    """The schematic township outlines of these scores (no read: the cursor is the loader's convention)."""
    return township_outlines(scores)


def subtitle(ctx: PageContext) -> None:
    st.caption(plain(ctx.t("priority.subtitle", region=ctx.region_name, sector=ctx.sector_name,
                           as_of=i18n.day(ctx.filters.as_of, ctx.lang))))


# ---------------------------------------------------------------------------------------------- sections


def ranking(ctx: PageContext, data: ScreenData) -> None:
    lang = ctx.lang
    section(ctx.t("priority.ranking"),
            ctx.t("priority.ranking_scope", region=ctx.region_name, sector=ctx.sector_name, n=f"{len(data.scores):,}",
                  as_of=i18n.day(ctx.filters.as_of, lang)))
    kpi_row(view.level_kpis(data.scores, data.thresholds, lang))
    st.caption(":material/function: " + plain(view.formula(data.thresholds, lang, ctx.is_admin)))
    left, right = st.columns([3, 1])
    st.html(view.level_chip_css(LEVELS_KEY))  # the chips in their level's colour, not all in the theme's red
    # the pickers, the row selected and the views below are kept while another tab is open (ui.widgets.kept)
    levels = left.multiselect(ctx.t("priority.levels_filter"), list(priority.LEVELS),
                              default=list(priority.LEVELS), **kept(LEVELS_KEY), placeholder=ctx.t("widget.choose"),
                              format_func=lambda lv: i18n.enum_name("risk_level", lv, lang))
    limit = right.selectbox(ctx.t("priority.rows_shown"), ROW_CHOICES, **kept(ROWS_KEY))
    frame, total = view.ranking_table(data.scores, lang, levels, limit)
    # a row opens the enterprise's card below the ranking (as the accident lists open their record); the card
    # names the enterprise's number and its score, which the list leaves out to fit the page at 1024 px beside
    # the sidebar (issue 17 item 7): rank, name, township, sector, level and the reasons
    shown = [c for c in frame.columns if c not in view.ranking_in_card(lang)]
    sized = fit(frame[shown], selectable=True, max_lines=RANK_REASON_LINES)
    # the English sectors and reasons wrapped, not drawn on one line and cut at the cell's border (measured_apart)
    cells = measured_apart(view.level_cells(frame, lang), {c: sized["column_config"][c]["width"] for c in shown},
                           "row_height" in sized)
    ids = frame[i18n.t("priority.col_enterprise_id", lang)].to_list()
    event = st.dataframe(cells, hide_index=True, width="stretch", placeholder=i18n.DASH,
                         **kept_row(RANK_TABLE_KEY, ids), column_order=shown, **sized)
    table_download(frame)  # the rows shown, with the number and score the card names
    st.caption(ctx.t("priority.rows_note", shown=len(frame), total=total))
    row = keep_row(RANK_TABLE_KEY, ids, event)
    if row is not None:
        with st.container(border=True, key=f"{RANK_TABLE_KEY}_record"):
            _card(ctx, data, ids[row])
    else:
        st.caption(":material/touch_app: " + ctx.t("priority.rank_hint"))

    by_township = priority.red_orange_counts(data.scores, "township")
    by_sector = priority.red_orange_counts(data.scores, "sector")
    title = charts.chart_title(ctx.t("priority.by_chart"), ctx.filters, ctx.region_name, lang)
    plot(priority_charts.red_orange_by_township_bars(by_township, title, lang))
    # one under the other, each across the page: side by side at 1024 px each had a third of the page and
    # scrolled sideways, cutting off 重点关注 and 在营企业 (issue 17 item 7)
    for by, counts, title, key in (("township", by_township, ctx.t("priority.by_township"), COUNTS_TOWNSHIP_KEY),
                                   ("sector", by_sector, ctx.t("priority.by_sector"), COUNTS_SECTOR_KEY)):
        with st.container(key=key):
            st.markdown(f"**{title}**")
            table(view.red_orange_table(counts, lang, by), title)


def ledger(ctx: PageContext, data: ScreenData) -> None:
    lang = ctx.lang
    whole = replace(ctx.filters, industry=None)
    sectors = departments_view.sector_map(ctx.load(metrics_core.sectors))
    department_list = ctx.load(departments.department_list)
    # the section's title first, then the two pickers; the scope line counts the ledger as narrowed
    heading = st.container()
    town_column, department_column = st.columns(2)
    # 行业主管部门 (issue 18): the ledger of one department's sectors, narrowed in SQL (in_department)
    department = department_column.selectbox(
        ctx.t("departments.filter"), departments_view.filter_choices(department_list), **kept(LEDGER_DEPARTMENT_KEY),
        format_func=lambda d: d or ctx.t("departments.filter_all")) or None
    rows = data.gaps.ledger if department is None else ctx.load(priority.key_site_ledger, whole, department)
    towns = (data.ledger_townships if department is None
             else ctx.load(priority.ledger_townships, whole, department))
    with heading:
        section(ctx.t("priority.ledger"), ctx.t("priority.ledger_scope", region=ctx.region_name, n=f"{len(rows):,}",
                                                as_of=i18n.day(ctx.data_as_of, lang)))
    # named as everywhere (城关街道（甲县） where another township shares the name), with its number of sites
    labels = dict(zip(towns["region_code"], towns["township_label"]))
    names = dict(zip(towns["region_code"], towns["township_label"] + "（" + towns["key_sites"].astype(str) + "）"))
    township = town_column.selectbox(ctx.t("priority.ledger_township"), ["", *names], **kept(LEDGER_TOWN_KEY),
                                     format_func=lambda c: (with_initials(names[c], labels[c]) if c
                                                            else ctx.t("priority.ledger_all")))
    shown = rows if not township else rows[rows["region_code"] == township]
    if shown.empty:
        st.info(ctx.t("priority.ledger_empty"), icon=":material/info:")
    else:
        _ledger_views(ctx, view.ledger_table(shown, lang), LEDGER_VIEW_KEY,
                      departments_view.filter_name(ctx.t("priority.ledger"), department, lang))
    if department is not None:
        st.caption(plain(departments_view.filter_note(department, department_list, sectors, "sites", len(rows),
                                                      lang)))
    # 行业主管部门 ("管行业必须管安全", issue 18): the whole ledger by the department of the site's sector
    st.markdown(f"**{plain(ctx.t('departments.sites_title'))}**")
    by_department = ctx.load(departments.sites_by_department, whole)
    table(departments_view.sites_table(by_department, sectors, lang))
    st.caption(plain(ctx.t("departments.sites_note") + " " + departments_view.sectors_line(by_department, sectors,
                                                                                            lang)))
    st.download_button(
        ctx.t("priority.ledger_download"),
        # built when clicked, from the ledger the page loaded (ledger_workbook's two reads), not on every run
        # (the department's, when one is chosen: its sites, every township's sheet, the department named)
        data=partial(key_site_ledger_xlsx, rows, towns, ctx.region_name, ctx.data_as_of, department),
        file_name=download_name(departments_view.filter_name("重点部位台账" if lang == "zh" else "Key-site ledger",
                                                              department, lang),
                                ctx.region_name, "xlsx", lang, as_of=ctx.data_as_of),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:", on_click="ignore",
    )


def _ledger_views(ctx: PageContext, frame: pd.DataFrame, key: str, name: str, first: str = "site") -> None:
    """A ledger table one themed view at a time (issue 17 item 7), its .xlsx under it with every column."""
    views, labels = view.ledger_views(ctx.lang, first)
    st.caption(ctx.t("priority.ledger_views_note"))
    view_table(frame, views, key, ctx.t("priority.ledger_views"), labels, name=name)


def _listing(ctx: PageContext, title: str, frame: pd.DataFrame, labels: dict[str, str] | None = None,
             note: str = "", key: str = "") -> None:
    """A titled list with its count; ``labels``: shorter headers on screen (said in ``note`` above it; the frame
    and its .xlsx keep the full ones), the grid keyed ``key``."""
    st.markdown(f"**{plain(title)}**（{len(frame):,}）")
    if frame.empty:
        st.caption(ctx.t("priority.none_found"))
    elif labels:
        st.caption(note)
        view_table(frame, {"": list(frame.columns)}, key, "", labels, name=title)
    else:
        table(frame, title)


def gaps(ctx: PageContext, data: ScreenData) -> None:
    lang = ctx.lang
    f = ctx.filters
    section(ctx.t("priority.gaps"), ctx.t("priority.gaps_scope", region=ctx.region_name, sector=ctx.sector_name,
                                          period=i18n.period(f.start, f.end, lang),
                                          as_of=i18n.day(ctx.data_as_of, lang)))
    g = data.gaps
    kpi_row(view.gap_kpis(g, lang))
    _listing(ctx, ctx.t("priority.gap_list_townships"), view.townships_without_sites_table(g.townships_without_sites, lang))
    # 死亡（含失踪）（人） shortened to 死亡 on screen: the table fits the page at 1024 px (issue 17 item 7)
    _listing(ctx, ctx.t("priority.gap_list_accidents"), view.accidents_without_ledger_table(g.accidents_without_ledger, lang),
             {ctx.t("priority.col_deaths"): ctx.t("priority.short.deaths")}, ctx.t("priority.gap_accidents_note"),
             GAP_ACCIDENTS_KEY)
    # the ledger's lists, in its views: the sites without measures open on the measures, those not filed on the filing
    for title, rows, key, first in ((ctx.t("priority.gap_list_not_in_place"), g.not_in_place, GAP_NOT_IN_PLACE_KEY,
                                     "measures"),
                                    (ctx.t("priority.gap_list_not_filed"), g.not_fully_filed, GAP_NOT_FILED_KEY,
                                     "filing")):
        st.markdown(f"**{plain(title)}**（{len(rows):,}）")
        if rows.empty:
            st.caption(ctx.t("priority.none_found"))
        else:
            _ledger_views(ctx, view.ledger_table(rows, lang), key, title, first)
    _enterprise_listing(ctx, data, ctx.t("priority.gap_list_enterprises"),
                        view.enterprises_without_sites_table(g.high_risk_enterprises_without_sites, lang),
                        GAP_TABLE_KEY)


def _enterprise_listing(ctx: PageContext, data: ScreenData, title: str, frame: pd.DataFrame, key: str) -> None:
    """A list of enterprises whose selected row opens the enterprise's card below it."""
    st.markdown(f"**{plain(title)}**（{len(frame):,}）")
    if frame.empty:
        st.caption(ctx.t("priority.none_found"))
        return
    # fitted to the page at 1024 px like every table (issue 17 item 7): left to the grid's own widths, the
    # enterprises without a key site took 826 px (785 in English) on the demo city
    ids = frame[i18n.t("priority.col_enterprise_id", ctx.lang)].to_list()
    drawn, sized = fitted(frame, selectable=True)
    event = st.dataframe(drawn, hide_index=True, width="stretch", placeholder=i18n.DASH, **kept_row(key, ids),
                         **sized)
    table_download(frame, title)
    row = keep_row(key, ids, event)  # kept while another tab is open
    scored = set(data.scores["enterprise_id"])
    if row is not None and ids[row] in scored:
        with st.container(border=True, key=f"{key}_record"):
            _card(ctx, data, ids[row])
    else:
        st.caption(":material/touch_app: " + ctx.t("priority.rank_hint"))


def risk_map(ctx: PageContext, data: ScreenData) -> None:
    lang = ctx.lang
    located = data.scores.dropna(subset=["longitude", "latitude"])
    section(ctx.t("priority.map"), ctx.t("priority.map_scope", region=ctx.region_name, sector=ctx.sector_name,
                                         as_of=i18n.day(ctx.filters.as_of, lang), n=f"{len(located):,}"))
    if located.empty:
        st.info(ctx.t("priority.map_none"), icon=":material/info:")
        return
    title = charts.chart_title(ctx.t("priority.map_title"), ctx.filters, ctx.region_name, lang)
    plot(priority_charts.risk_map(located, title, lang, outlines=ctx.load(outlines, data.scores)))
    st.caption(":material/info: " + ctx.t("priority.map_outlines_note"))


def site_card(ctx: PageContext, data: ScreenData) -> None:
    st.subheader(ctx.t("priority.card"))
    if data.scores.empty:
        st.info(ctx.t("priority.card_none"), icon=":material/info:")
        return
    # any enterprise in scope: found by a part of its name, number or township; the first 300 by rank listed
    # the search and the enterprise chosen are kept while another tab is open (ui.widgets.kept)
    query = st.text_input(ctx.t("priority.card_search"), **kept(CARD_SEARCH_KEY),
                          placeholder=ctx.t("priority.card_search_hint")).strip()
    labels, found = view.card_choices(data.scores, query, CARD_CHOICES)
    if not labels:
        st.info(plain(ctx.t("priority.card_no_match", query=query)), icon=":material/search_off:")
        return
    if st.session_state.get(CARD_KEY) not in labels:  # a new search: its first match
        st.session_state[CARD_KEY] = next(iter(labels))
    pick = (ctx.t("priority.card_pick_found", total=f"{found:,}", n=len(labels)) if query
            else ctx.t("priority.card_pick", n=len(labels)))
    enterprise_id = st.selectbox(pick, list(labels), **kept(CARD_KEY), format_func=labels.get)
    _card(ctx, data, enterprise_id)


def _card(ctx: PageContext, data: ScreenData, enterprise_id: str) -> None:
    """The enterprise's card: its score, level and rank, the reasons, the components and its records."""
    lang = ctx.lang
    card = priority.site_card(ctx.con, data.scores, enterprise_id, ctx.filters.as_of)
    row = card.score
    st.caption(plain(ctx.t("priority.card_scope", name=row["name"], enterprise_id=enterprise_id,
                           township=row["region_name"], sector=view.sector_of(row, lang),
                           as_of=i18n.day(ctx.filters.as_of, lang))))
    level_text = i18n.enum_name("risk_level", row["level"], lang)
    headline = ctx.t("priority.card_score", score=f"{float(row['score']):.2f}", level=level_text, rank=int(row["rank"]))
    st.markdown(f"**{plain(headline)}**")
    st.markdown("\n".join(f"- {plain(reason)}" for reason in priority.reasons(row, lang)))
    st.markdown(f"**{ctx.t('priority.card_components')}**")
    table(view.component_table(row, data.weights, lang),
          ctx.t("table.of", whole=ctx.t("priority.card_components"), part=row["name"]))
    for key, frame, shaped in (
        ("priority.card_hazards", card.hazards, view.card_hazards_table),
        ("priority.card_inspections", card.inspections, view.card_inspections_table),
        ("priority.card_accidents", card.accidents, view.card_accidents_table),
        ("priority.card_sites", card.key_sites, view.card_sites_table),
    ):
        st.markdown(f"**{ctx.t(key, n=len(frame))}**")
        name = ctx.t("table.of", whole=ctx.t(key, n=len(frame)), part=row["name"])
        if frame.empty:
            st.caption(ctx.t("priority.none_found"))
        elif key == "priority.card_hazards":  # shorter headers: the card's hazards fit at 1024 px (issue 17 item 7)
            shown = shaped(frame, lang)
            view_table(shown, {"": list(shown.columns)}, "", "", view.card_hazard_labels(lang), name=name)
        else:
            table(shaped(frame, lang), name)


def backtest_section(ctx: PageContext) -> None:
    lang = ctx.lang
    section(ctx.t("priority.backtest"), ctx.t("priority.backtest_scope", region=ctx.region_name))
    frame, calibration = ctx.load(backtest_tables, ctx.filters.region_code, ctx.data_as_of)
    if frame.empty:
        st.info(ctx.t("priority.backtest_none"), icon=":material/info:")
        return
    days = frame.dropna(subset=["as_of"])
    period_filters = Filters(start=days["as_of"].min(), end=days["until"].max(), region_code=ctx.filters.region_code,
                             as_of=ctx.data_as_of)
    title = charts.chart_title(ctx.t("priority.backtest_title"), period_filters, ctx.region_name, lang,
                               as_of=ctx.data_as_of)
    plot(priority_charts.backtest_bars(frame, title, lang))
    # the relatively major accidents and those with deaths one view at a time (issue 17 item 7)
    views, labels = view.backtest_views(lang)
    st.caption(ctx.t("priority.backtest_views_note"))
    view_table(view.backtest_table(frame, lang), views, BACKTEST_VIEW_KEY, ctx.t("priority.backtest_views"), labels)
    st.caption(":material/function: " + ctx.t("priority.backtest_formula"))

    days_text = i18n.period(days["as_of"].min(), days["as_of"].max(), lang)
    section(ctx.t("priority.calibration"), ctx.t("priority.calibration_scope", region=ctx.region_name,
                                                  n=len(days), days=days_text))
    views, labels = view.backtest_views(lang, calibration=True)
    view_table(view.calibration_table(calibration, lang), views, CALIBRATION_VIEW_KEY, ctx.t("priority.backtest_views"),
               labels)
    st.caption(":material/function: " + ctx.t("priority.calibration_formula"))
