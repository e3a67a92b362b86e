"""重点部位/较大事故风险 Priority sites for preventing accidents with 3+ deaths: the risk ranking with its
reasons, the 重点部位 ledger and its export, the ledger gaps, an offline map, the site card and the back-test."""

import streamlit as st

from riskdash import ui
from riskdash.screens.priority import draw

page = ui.start_page("priority")
data = draw.load(page)
draw.subtitle(page)

ranking, ledger, gaps, risk_map, card, backtest = st.tabs([
    ":material/format_list_numbered: " + page.t("priority.tab_ranking"),
    ":material/menu_book: " + page.t("priority.tab_ledger"),
    ":material/report: " + page.t("priority.tab_gaps"),
    ":material/map: " + page.t("priority.tab_map"),
    ":material/badge: " + page.t("priority.tab_card"),
    ":material/query_stats: " + page.t("priority.tab_backtest"),
])
with ranking:
    draw.ranking(page, data)
with ledger:
    draw.ledger(page, data)
with gaps:
    draw.gaps(page, data)
with risk_map:
    draw.risk_map(page, data)
with card:
    draw.site_card(page, data)
with backtest:
    draw.backtest_section(page)
