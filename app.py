"""riskdash: the Streamlit entry point. It sets up the page and the navigation; each page draws itself
(language switch, filters and heading included: see riskdash.ui.start_page).

Run with ``riskdash serve --db PATH`` (which sets RISKDASH_DB), or ``RISKDASH_DB=PATH streamlit run app.py``.
"""

from importlib import resources

import streamlit as st

from riskdash import i18n, ui
from riskdash.ui import login

lang = ui.current_lang()
# a local icon file: a Material Symbol as page icon is fetched from fonts.gstatic.com, which an intranet lacks
icon = str(resources.files("riskdash").joinpath("data/icon.png"))
st.set_page_config(page_title=i18n.t("app.title", lang), page_icon=icon, layout="wide")

# every screen at a stable ASCII path (/accidents, /rectification, ...); the overview answers / and /overview
overview = ui.nav_page("pages/overview.py", ":material/dashboard:", lang, default=True)
st.navigation(
    {
        i18n.t("nav.analysis", lang): [
            overview,
            ui.alias_page(overview, "overview", lang),
            ui.nav_page("pages/accidents.py", ":material/trending_down:", lang),
            ui.nav_page("pages/rectification.py", ":material/build_circle:", lang),
            ui.nav_page("pages/priority.py", ":material/crisis_alert:", lang),
            ui.nav_page("pages/campaigns.py", ":material/fact_check:", lang),
        ],
        i18n.t("nav.work", lang): [
            ui.nav_page("pages/briefing.py", ":material/co_present:", lang),
            ui.nav_page("pages/data.py", ":material/database:", lang),
            # the admin's only: not listed for any other account (issue 16)
            ui.nav_page("pages/settings.py", ":material/settings:", lang, hidden=not login.admin_in_navigation()),
        ],
    },
    # before a login only the login form: no page names either (issue 16)
    position="sidebar" if login.navigation_shown() else "hidden",
).run()
