"""The shared Streamlit kit every page and every screen's ``draw.py`` builds on.

- ``frame``: the navigation entries and ``start_page`` (language switch, sidebar filters, heading), which
  hands a page its ``PageContext`` (cursor, filters, the one ``Scope``, ``load``);
- ``session``: the database connection, this session's cursor and the one cached loader (``session.load``);
- ``widgets``: section headings, KPI rows, tables, formula lines, charts;
- ``write_window``: the app's only path that writes the database;
- ``markdown`` (``plain``), ``address`` (the view in the URL): pure helpers.

The pure pieces views share (``Kpi``, ``Scope``) live in ``riskdash.screens.kit`` (pure views build them, and
importing this package would load Streamlit into them); they are named here too.
"""

from riskdash.screens.kit import Kpi, Scope
from riskdash.ui.frame import PageContext, alias_page, current_lang, nav_page, start_page
from riskdash.ui.widgets import file_uploader, formula, full_table, kpi_row, listing, plot, section, table
from riskdash.ui.widgets import kept, kept_tabs, template_button

__all__ = [
    "Kpi",
    "PageContext",
    "Scope",
    "alias_page",
    "current_lang",
    "formula",
    "full_table",
    "kept",
    "kept_tabs",
    "kpi_row",
    "listing",
    "nav_page",
    "plot",
    "section",
    "start_page",
    "table",
    "template_button",
    "file_uploader",
]
