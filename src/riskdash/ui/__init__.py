"""The Streamlit layer: with app.py and pages/, the only code that imports Streamlit.

Pages call ``start_page`` (language, filters, heading), then draw with the helpers here; the shaping of
each screen's content lives in pure modules (``riskdash.ui.overview``).
"""

from riskdash.ui.page import (
    PageContext,
    alias_page,
    current_lang,
    formula,
    kpi_row,
    nav_page,
    overview,
    section,
    start_page,
    table,
    target_bar,
)

__all__ = [
    "PageContext",
    "alias_page",
    "current_lang",
    "formula",
    "kpi_row",
    "nav_page",
    "overview",
    "section",
    "start_page",
    "table",
    "target_bar",
]
