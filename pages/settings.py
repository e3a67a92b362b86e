"""设置 Settings: the local rules (settings, risk weights and levels, sectors, targets, denominators, checklist
items), each edited in a table and saved through the importer's checks, with an audit-log entry."""

import streamlit as st

from riskdash import ui
from riskdash.screens.settings import draw, view
from riskdash.ui import login
from riskdash.ui.write_window import default_actor

page = ui.start_page("settings")
t, lang = page.t, page.lang
if not login.admin_only(lang):  # settings and reference data are the admin's (issue 16)
    st.stop()

st.info(t("settings.intro"), icon=":material/tune:")
st.caption(t("settings.how"))
draw.last_save(page)
# the logged-in account is the operator of every write (accounts.actor_for): shown, never typed over
actor = st.text_input(t("settings.actor"), value=default_actor(), disabled=login.current_account_name() is not None)
kinds = draw.kinds()
# the open tab is kept by the server (a key, on_change): a save reruns the page with its result line above the tabs,
# which made them a new element that the browser opened on its first tab (issue 17 item 11); the language switch
# keeps it too (ui.kept_tabs)
for kind, tab in zip(kinds, ui.kept_tabs([view.kind_title(k, lang) for k in kinds], "settings_tab")):
    with tab:
        draw.editor(page, kind, actor)
