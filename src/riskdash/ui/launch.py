"""``python -m riskdash.ui.launch run app.py ...``: Streamlit's own command line, with two additions.

Streamlit still honours its first multipage scheme: when a ``pages/`` folder sits beside the entry script,
a session whose first request is a page URL (a bookmark such as ``/accidents``) runs that page file alone —
no ``st.navigation``, raw file names in the sidebar, no page config — until some session has run app.py.
app.py always uses ``st.navigation``, so the server is told so before the first session starts. Streamlit
1.67 has no setting for this: the private class attribute is set, and tests/test_launch.py says why and fails
when Streamlit changes it.

The server's upload limit (``server.maxUploadSize``, MB) is a server option, read once at start: it is set
from the database's ``upload_max_mb`` setting (default 200), unless the command line names it.
"""

from __future__ import annotations

import sys


def upload_limit_args(argv: list[str]) -> list[str]:
    """``--server.maxUploadSize N`` from the setting of the database being served ($RISKDASH_DB), or nothing
    when the command line already sets it. A database that cannot be read leaves the default (the dashboard
    then says why on its first page)."""
    from riskdash import db
    from riskdash.metrics.data import UPLOAD_MAX_MB_DEFAULT, upload_limit_mb

    if any(arg.startswith("--server.maxUploadSize") for arg in argv):
        return []
    limit = UPLOAD_MAX_MB_DEFAULT
    try:
        path = db.resolve_db_path(None)
        if path.exists():
            con = db.connect(path, read_only=True)
            try:
                limit = upload_limit_mb(con)
            finally:
                con.close()
    except db.RiskdashError as exc:
        sys.stderr.write(f"riskdash serve: upload limit left at {limit} MB: {exc}\n")
    return ["--server.maxUploadSize", str(limit)]


def main() -> None:
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli as streamlit_cli

    PagesManager.uses_pages_directory = False
    args = sys.argv[1:]
    sys.argv = ["streamlit", *args, *upload_limit_args(args)]
    streamlit_cli.main()


if __name__ == "__main__":
    main()
