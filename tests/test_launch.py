"""Why ``riskdash serve`` (ui/launch.py) sets a private attribute of Streamlit, and the checks that fail when
Streamlit changes what it relies on.

The screens' layouts live in the top-level ``pages/`` folder beside app.py (as the design card wants), and
app.py draws them with ``st.navigation``. Streamlit still honours its first multipage scheme for a ``pages/``
folder beside the entry script: until some session has run ``st.navigation``, a session whose first request
is a page URL (a bookmark such as /accidents) runs that page file alone — no navigation, raw file names in the
sidebar, no page config. Streamlit 1.67 has no setting to turn that scheme off (its only navigation option is
``client.showSidebarNavigation``), so launch.main sets ``PagesManager.uses_pages_directory = False`` before the
server starts, as ``st.navigation`` itself does on its first call. The browser test
``test_a_bookmarked_page_url_on_a_cold_server_gets_the_navigation`` shows the effect end to end.

If Streamlit adds a setting, or renames or drops the attribute, a test here fails: switch to the setting.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from streamlit import config
from streamlit.commands import navigation
from streamlit.runtime import pages_manager
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import script_runner

from riskdash.ui import launch

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def flag():
    """The class attribute as a fresh server has it (None: not decided yet), restored afterwards."""
    saved = PagesManager.uses_pages_directory
    PagesManager.uses_pages_directory = None
    yield
    PagesManager.uses_pages_directory = saved


def test_streamlit_has_no_setting_for_the_pages_folder():
    # a new option about pages or navigation may be the supported way: then use it instead of the attribute
    options = sorted(k for k in config._config_options_template if "page" in k.lower() or "nav" in k.lower())
    assert options == ["client.showSidebarNavigation"]


def test_a_pages_folder_beside_the_entry_script_switches_streamlit_to_its_first_scheme(flag):
    assert (ROOT / "pages").is_dir()
    PagesManager(str(ROOT / "app.py"))
    assert PagesManager.uses_pages_directory is True


def test_the_flag_set_before_the_first_session_is_kept(flag):
    PagesManager.uses_pages_directory = False
    PagesManager(str(ROOT / "app.py"))
    assert PagesManager.uses_pages_directory is False


def test_the_script_runner_and_st_navigation_still_read_and_set_the_attribute():
    # where Streamlit decides between running the page file alone and running app.py
    assert "PagesManager.uses_pages_directory" in inspect.getsource(script_runner)
    assert "PagesManager.uses_pages_directory = False" in inspect.getsource(navigation)
    assert "uses_pages_directory: bool | None = None" in inspect.getsource(pages_manager)


def test_serve_sets_the_flag_before_streamlit_starts(flag, monkeypatch, tmp_path):
    from streamlit.web import cli as streamlit_cli

    seen = {}
    monkeypatch.setenv("RISKDASH_DB", str(tmp_path / "none.duckdb"))
    monkeypatch.setattr(streamlit_cli, "main", lambda: seen.setdefault("flag", PagesManager.uses_pages_directory))
    monkeypatch.setattr(launch, "preload", lambda app: seen.setdefault("preloaded", (app, "flag" in seen)))
    monkeypatch.setattr("sys.argv", ["launch", "run", str(ROOT / "app.py")])
    launch.main()
    # the pages' modules imported before the server starts (preload's own test below)
    assert seen == {"flag": False, "preloaded": (ROOT / "app.py", False)}


def test_the_modules_to_preload_are_what_app_py_and_the_pages_import():
    names = launch.page_modules(ROOT / "app.py")
    # the screens (their draw modules), the exports the pages build files with, the shared kit
    assert {"riskdash.ui", "riskdash.screens.priority.draw", "riskdash.screens.rectification.draw",
            "riskdash.exports.monthly_form", "riskdash.exports.township_scorecard", "streamlit"} <= set(names)
    assert len(names) == len(set(names))


def test_preload_imports_modules_skips_names_that_are_not_modules_and_reports_what_is_missing(tmp_path, monkeypatch):
    import sys

    (tmp_path / "pages").mkdir()
    (tmp_path / "app.py").write_text("import json\nfrom collections import OrderedDict\n", encoding="utf-8")
    (tmp_path / "pages" / "one.py").write_text("from riskdash_no_such import x\nfrom email import mime\n",
                                                encoding="utf-8")
    (tmp_path / "pages" / "broken.py").write_text("def (\n", encoding="utf-8")  # skipped, not raised
    monkeypatch.setattr(launch, "PRELOAD_EXTRA", ("wsgiref.simple_server",))
    monkeypatch.delitem(sys.modules, "wsgiref.simple_server", raising=False)
    assert launch.page_modules(tmp_path / "app.py") == [
        "json", "collections", "collections.OrderedDict", "riskdash_no_such", "riskdash_no_such.x", "email",
        "email.mime"]
    assert launch.preload(tmp_path / "app.py") == ["riskdash_no_such", "riskdash_no_such.x"]
    assert "email.mime" in sys.modules and "wsgiref.simple_server" in sys.modules


def test_the_command_line_does_not_import_the_launcher():
    import subprocess
    import sys

    code = "import sys, riskdash.cli; print('riskdash.ui.launch' in sys.modules, 'openpyxl' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
