"""``python -m riskdash.ui.launch run app.py ...``: Streamlit's own command line, with one fix.

Streamlit still honours its first multipage scheme: when a ``pages/`` folder sits beside the entry script,
a session whose first request is a page URL (a bookmark such as ``/accidents``) runs that page file alone —
no ``st.navigation``, raw file names in the sidebar, no page config — until some session has run app.py.
app.py always uses ``st.navigation``, so the server is told so before the first session starts.
"""

from __future__ import annotations

import sys


def main() -> None:
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli as streamlit_cli

    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", *sys.argv[1:]]
    streamlit_cli.main()


if __name__ == "__main__":
    main()
