"""汇报 Briefing: the meeting deck for the chosen period, region and as-of day — a preview of the slides, the
PPTX / Word / PDF downloads, and the full-screen presentation mode for a projector."""

import streamlit as st

from riskdash import ui
from riskdash.ui import briefing_page as screen

page = ui.start_page("briefing")
brief, deck = screen.deck(page)
footer = screen.footer_text(page)
presenting, index = screen.present_state(len(deck))

if presenting:
    screen.presentation(page, deck, index, footer)
else:
    st.caption(screen.subtitle(page))
    screen.present_button(page)

    ui.section(page.t("briefing.downloads"), screen.downloads_scope(page))
    screen.downloads(page, brief)

    ui.section(page.t("briefing.preview"), page.t("briefing.preview_scope", count=len(deck)))
    screen.preview(page, deck, footer)

screen.finish(presenting, index)
