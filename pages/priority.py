"""重点部位/较大事故风险 Priority sites for preventing accidents with 3+ deaths: the risk ranking with its
reasons, the 重点部位 ledger and its export, the ledger gaps, an offline map, the site card and the back-test."""

import streamlit as st

from riskdash import ui
from riskdash.screens.priority import draw

page = ui.start_page("priority")
draw.subtitle(page)


@st.fragment
def tabs(page: ui.PageContext) -> None:
    """Only the open tab is drawn and only its data read (ui.kept_tabs: each tab's ``open``; issue 17: the
    back-test behind 评分检验 cost about a third of the page's first visit); choosing a tab, a row or a picker
    runs this fragment alone, not the whole page (page.part_start)."""
    page.part_start()
    data = draw.load(page)  # lazy: a read is made when the open tab first asks for it
    ranking, ledger, gaps, risk_map, card, backtest = ui.kept_tabs([
        ":material/format_list_numbered: " + page.t("priority.tab_ranking"),
        ":material/menu_book: " + page.t("priority.tab_ledger"),
        ":material/report: " + page.t("priority.tab_gaps"),
        ":material/map: " + page.t("priority.tab_map"),
        ":material/badge: " + page.t("priority.tab_card"),
        ":material/query_stats: " + page.t("priority.tab_backtest"),
    ], draw.TABS_KEY)  # the open tab kept through the language switch too
    if ranking.open:
        with ranking:
            draw.ranking(page, data)
    if ledger.open:
        with ledger:
            draw.ledger(page, data)
    if gaps.open:
        with gaps:
            draw.gaps(page, data)
    if risk_map.open:
        with risk_map:
            draw.risk_map(page, data)
    if card.open:
        with card:
            draw.site_card(page, data)
    if backtest.open:
        with backtest:
            draw.backtest_section(page)


tabs(page)
