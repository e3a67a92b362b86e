"""汇报 Briefing: the meeting deck for the chosen period, region and as-of day — the full-screen presentation
mode for a projector, the PPTX / Word / PDF downloads, and a preview of every slide."""

import streamlit as st

from riskdash import ui
from riskdash.ui import briefing_page as screen
from riskdash.ui.markdown import plain

page = ui.start_page("briefing")
brief, slides = screen.deck(page)
presenting, index = screen.present_state(len(slides))

if presenting:
    screen.presentation(page, brief, index)
else:
    st.caption(plain(screen.subtitle(page)))
    screen.present_button(page, len(slides))

    ui.section(page.t("briefing.downloads"), screen.downloads_scope(page))
    screen.downloads(page, brief)

    if slides:
        ui.section(page.t("briefing.preview"), screen.preview_scope(page, slides))
        screen.preview(page, slides)

screen.finish(presenting, index)
