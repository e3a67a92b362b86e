"""``python -m riskdash.ui.launch run app.py ...``: Streamlit's own command line, with two additions.

Streamlit still honours its first multipage scheme: when a ``pages/`` folder sits beside the entry script,
a session whose first request is a page URL (a bookmark such as ``/accidents``) runs that page file alone —
no ``st.navigation``, raw file names in the sidebar, no page config — until some session has run app.py.
app.py always uses ``st.navigation``, so the server is told so before the first session starts. Streamlit
1.67 has no setting for this: the private class attribute is set, and tests/test_launch.py says why and fails
when Streamlit changes it.

The server's upload limit (``server.maxUploadSize``, MB) is a server option, read once at start: it is set
from the database's ``upload_max_mb`` setting (default 200), unless the command line names it.

The modules the pages need are imported once in this process before the server starts (``preload``): the ones
app.py and pages/*.py import (riskdash.ui, the screens, the metrics, the exports), openpyxl, the Plotly code
that ``st.plotly_chart`` imports on its first call and 汇报's writers (python-pptx, python-docx). Otherwise the
first visit of each page pays them (issue 17: 重点部位's openpyxl, 3.8 s under load, every chart page's Plotly
element, 2.5 s, 汇报's writers 2.8 s; riskdash.ui itself, with Streamlit and pandas, is imported by this module's
package already). They read no data.
Only ``riskdash serve`` runs this module: ``riskdash --help`` and the other commands do not import it.
"""

from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path
from types import ModuleType


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


# imported by the first chart or workbook, not by any page's own imports: st.plotly_chart imports plotly.io and
# plotly.tools on its first call; openpyxl is imported by the exports when a file is built
# (and 汇报's writers: its first run imports python-pptx and python-docx for the download buttons, 1.4 s each here)
PRELOAD_EXTRA = ("openpyxl", "plotly.io", "plotly.tools", "plotly.graph_objects", "streamlit.elements.plotly_chart",
                 "riskdash.briefing.pptx_export", "riskdash.briefing.docx_export")


def page_modules(app: Path) -> list[str]:
    """The modules app.py and the pages beside it (pages/*.py) import, read from their source (the page
    scripts themselves draw when run, so they are not imported): ``from riskdash.screens.priority import draw``
    gives riskdash.screens.priority and riskdash.screens.priority.draw (a name that is not a module is
    skipped when imported)."""
    names: list[str] = []
    for path in [app, *sorted((app.parent / "pages").glob("*.py"))]:
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (OSError, SyntaxError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.append(node.module)
                names += [f"{node.module}.{alias.name}" for alias in node.names if alias.name != "*"]
    return list(dict.fromkeys(names))


def preload(app: Path) -> list[str]:
    """Import the pages' modules and PRELOAD_EXTRA in this process; the names that could not be imported (a
    name imported from a module that is not itself a module, or a missing optional package) are returned,
    never raised: the page that needs one says why when it runs."""
    missed = []
    for name in [*page_modules(app), *PRELOAD_EXTRA]:
        parent, _, attr = name.rpartition(".")
        if name in sys.modules or (parent in sys.modules and hasattr(sys.modules[parent], attr)
                                   and not isinstance(getattr(sys.modules[parent], attr), ModuleType)):
            continue  # imported already, or a function or class imported from a module (not a module)
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - an import a page would make anyway; it reports its own error there
            missed.append(name)
    return missed


# True in the process ``riskdash serve`` runs (the dashboard's server), never in a test's AppTest or a command
SERVING = False


def main() -> None:
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli as streamlit_cli

    PagesManager.uses_pages_directory = False
    args = sys.argv[1:]
    app = next((Path(a) for a in args if a.endswith(".py")), None)
    if app is not None:
        preload(app)
    # run as ``-m riskdash.ui.launch`` this module is __main__: the pages read the flag of the package's module
    importlib.import_module("riskdash.ui.launch").SERVING = True
    sys.argv = ["streamlit", *args, *upload_limit_args(args)]
    streamlit_cli.main()


if __name__ == "__main__":
    main()
