"""汇报 Briefing: the meeting deck for the chosen period, region and as-of day — the full-screen presentation
mode for a projector, the PPTX / Word / PDF downloads, and a preview of every slide."""

import streamlit as st

from riskdash import ui
from riskdash.screens.briefing import draw
from riskdash.ui.markdown import plain

page = ui.start_page("briefing")
brief, slides = draw.deck(page)
presenting, index = draw.present_state(len(slides))

if presenting:
    draw.presentation(page, brief, index)
else:
    st.caption(plain(draw.subtitle(page)))
    draw.present_button(page, len(slides))

    ui.section(page.t("briefing.downloads"), draw.downloads_scope(page))
    draw.downloads(page, brief)

    if slides:
        ui.section(page.t("briefing.preview"), draw.preview_scope(page, slides))
        draw.preview(page, slides)

draw.finish(presenting, index)
