"""riskdash: the Streamlit entry point. It only sets up the page and the navigation; each page draws itself.

Run with ``riskdash serve --db PATH`` (which sets RISKDASH_DB), or ``RISKDASH_DB=PATH streamlit run app.py``.
"""

import streamlit as st

from riskdash import i18n, ui

lang = ui.current_lang()
st.set_page_config(page_title=i18n.t("app.title", lang), page_icon=":material/health_and_safety:", layout="wide")
st.navigation(ui.navigation_pages(lang)).run()
