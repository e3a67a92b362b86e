"""The catalogue keeps the pieces honest: every metric SQL file has its function and its header, the core
never imports Streamlit, pages hold no SQL, every setting is documented, every page is in the navigation."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from riskdash import db, reference

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "riskdash"
QUERY_GROUPS = ["metrics", "reference"]


def python_sources(folder: Path) -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in folder.rglob("*.py")}


@pytest.mark.parametrize("name", [n for g in QUERY_GROUPS for n in db.sql_names(g)])
def test_every_query_file_states_its_grain_and_is_called_by_name(name):
    text = db.sql_text(name)
    header = text.splitlines()[0]
    assert header.startswith("-- Grain:"), f"sql/{name}.sql must open with '-- Grain: ...'"
    callers = [p for p, src in python_sources(PACKAGE).items() if f'"{name}"' in src]
    assert callers, f"sql/{name}.sql is called by no function"


def test_every_view_and_schema_file_is_wired():
    for name in db.sql_names("views"):
        assert name in db.VIEW_FILES, name
    for name in db.sql_names("schema"):
        assert name in db.MIGRATIONS.values(), name


def imported_modules(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_the_core_never_imports_streamlit():
    """Streamlit only in the shared kit (ui/) and in each screen's draw.py; a screen's view, text and charts
    stay pure (tested without a server)."""
    drawn = []
    for path, source in python_sources(PACKAGE).items():
        parts = path.relative_to(PACKAGE).parts
        if parts[0] == "ui" or (parts[0] == "screens" and parts[-1] == "draw.py"):
            drawn.append(path)
            continue
        assert "streamlit" not in imported_modules(source), f"{path.relative_to(ROOT)} imports streamlit"
    assert drawn, "no Streamlit module found: has the layout changed?"


SQL_WORDS = re.compile(r"\b(select\s+.+\s+from|insert\s+into|update\s+\w+\s+set|delete\s+from)\b", re.I | re.S)


def test_pages_hold_no_sql():
    for path in [ROOT / "app.py", *(ROOT / "pages").glob("*.py")]:
        if path.exists():
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    assert not SQL_WORDS.search(node.value), f"SQL text in {path.name}: {node.value[:60]}"
                if isinstance(node, ast.Attribute) and node.attr in {"execute", "sql", "query"}:
                    pytest.fail(f"{path.name} talks to the database directly (.{node.attr})")


def test_every_setting_weight_and_threshold_is_documented():
    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    keys = ([k for k, *_ in reference.SETTINGS] + [c for c, *_ in reference.RISK_WEIGHTS]
            + [lv for lv, _ in reference.RISK_THRESHOLDS] + [c for c, *_ in reference.SECTORS]
            + [c for c, *_ in reference.CHECKLIST_ITEMS])
    for key in keys:
        assert f"`{key}`" in doc, f"{key} is not documented in docs/settings.md"


def test_every_page_is_in_the_navigation():
    app = ROOT / "app.py"
    if not app.exists():
        pytest.fail("app.py is missing")
    source = app.read_text(encoding="utf-8")
    for page in sorted((ROOT / "pages").glob("*.py")):
        if page.name.startswith("_"):
            continue
        assert f"pages/{page.name}" in source, f"pages/{page.name} is not in app.py's st.navigation"


def test_the_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in readme and "bash scripts/run.sh" in readme
    assert re.search(r"^bash scripts/test\.sh\s*$", ci, re.M)
