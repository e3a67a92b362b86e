"""设置 Settings: the local rules (settings, risk weights and levels, sectors, targets, denominators, checklist
items), each edited in a table and saved through the importer's checks, with an audit-log entry."""

import streamlit as st

from riskdash import ui
from riskdash.ui import data_page, settings, settings_page

page = ui.start_page("settings")
t, lang = page.t, page.lang

st.info(t("settings.intro"), icon=":material/tune:")
st.caption(t("settings.how"))
settings_page.last_save(page)
actor = st.text_input(t("settings.actor"), value=data_page.default_actor())
kinds = settings_page.kinds()
for kind, tab in zip(kinds, st.tabs([settings.kind_title(k, lang) for k in kinds])):
    with tab:
        settings_page.editor(page, kind, actor)
