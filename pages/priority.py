"""重点部位/较大事故风险 Priority sites for preventing accidents with 3+ deaths: the risk ranking with its
reasons, the 重点部位 ledger and its export, the ledger gaps, an offline map, the site card and the back-test."""

import streamlit as st

from riskdash import ui
from riskdash.ui import priority_page as screen

page = ui.start_page("priority")
data = screen.load(page)
screen.subtitle(page)

ranking, ledger, gaps, risk_map, card, backtest = st.tabs([
    ":material/format_list_numbered: " + page.t("priority.tab_ranking"),
    ":material/menu_book: " + page.t("priority.tab_ledger"),
    ":material/report: " + page.t("priority.tab_gaps"),
    ":material/map: " + page.t("priority.tab_map"),
    ":material/badge: " + page.t("priority.tab_card"),
    ":material/query_stats: " + page.t("priority.tab_backtest"),
])
with ranking:
    screen.ranking(page, data)
with ledger:
    screen.ledger(page, data)
with gaps:
    screen.gaps(page, data)
with risk_map:
    screen.risk_map(page, data)
with card:
    screen.site_card(page, data)
with backtest:
    screen.backtest_section(page)
