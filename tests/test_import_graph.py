"""The import graph's direction, read from the source with ast (nothing is imported).

Layers, lowest first; a module may import its own layer and the ones below, never one above:

    base          riskdash, domain, filters, reference, pinyin, i18n and the strings it gathers (text/, screens/*/text)
    presentation  charts/, screens/*/charts, screens/*/outlines: chart specifications, pure
    db            riskdash.db: the one database door
    metrics       metrics/: every figure, from SQL
    features      briefing/, exports/, importer/, records, evidence, demo, accounts, monthly, nightly, jobs: documents, files, writes, jobs
    streamlit     ui/, screens/ (what is left of them: draw, view, kit): the dashboard
    bench         bench/: timings and the pandas peers; imported by nothing but the bench command
    tools         tools/: developer tools (the query catalogue), reading the source
    entry         cli, __main__, commands/: the command line
    pages         pages/*.py and app.py: one layer per screen's layout, on top

Both module-level and function-local imports count, and so does ``importlib.import_module(f"riskdash.x.{name}")``
(an edge to every module under riskdash.x). There is no import circle at all. The layers are matched by name
(a module's most specific pattern wins), so screens/<screen>/ and ui/ may move between folders without
changing this file.
"""

from __future__ import annotations

import ast
from fnmatch import fnmatchcase
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"

LAYERS: dict[str, tuple[str, ...]] = {
    "base": ("riskdash", "riskdash.__init__", "riskdash.domain", "riskdash.filters", "riskdash.reference",
             "riskdash.i18n", "riskdash.pinyin", "riskdash.text", "riskdash.text.*", "riskdash.screens.*.text"),
    "presentation": ("riskdash.charts", "riskdash.charts.*", "riskdash.screens.*.charts",
                     "riskdash.screens.*.outlines"),
    "db": ("riskdash.db",),
    "metrics": ("riskdash.metrics", "riskdash.metrics.*"),
    "features": ("riskdash.briefing", "riskdash.briefing.*", "riskdash.exports", "riskdash.exports.*",
                 "riskdash.importer", "riskdash.importer.*", "riskdash.records", "riskdash.evidence", "riskdash.demo",
                 "riskdash.accounts", "riskdash.accounts.*", "riskdash.monthly", "riskdash.nightly",
                 "riskdash.jobs"),
    "streamlit": ("riskdash.ui", "riskdash.ui.*", "riskdash.screens", "riskdash.screens.*"),
    "bench": ("riskdash.bench", "riskdash.bench.*"),
    "tools": ("riskdash.tools", "riskdash.tools.*"),
    "entry": ("riskdash.cli", "riskdash.__main__", "riskdash.commands", "riskdash.commands.*"),
    "pages": ("pages.*", "app"),
}
RANK = {name: rank for rank, name in enumerate(LAYERS)}
BENCH_DOOR = "riskdash.commands.bench"  # the one module outside the wing that may import it

# Known exceptions, each with its reason; the test fails when one is no longer needed, so the list only shrinks.
# (edges as (importer, imported); "<dynamic>" marks an import by a computed name)
ALLOWED_EDGES: set[tuple[str, str]] = {
    # riskdash serve's launcher imports, before the server starts, the modules app.py and pages/*.py import
    # (read from their source) so that the first session does not pay them (issue 17): the names are the pages'
    # own imports, which this test already checks from the pages' side
    ("riskdash.ui.launch", "<dynamic>"),
}
ALLOWED_CYCLES: list[set[str]] = [
]


def _modules() -> dict[str, tuple[Path, bool]]:
    found = {}
    for path in sorted((SRC / "riskdash").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if package else parts)] = (path, package)
    for path in sorted((ROOT / "pages").glob("*.py")):
        found[f"pages.{path.stem}"] = (path, False)
    if (ROOT / "app.py").exists():
        found["app"] = (ROOT / "app.py", False)
    return found


MODULES = _modules()


def _owner(name: str) -> str | None:
    """The module a dotted name lives in (``riskdash.metrics.rate`` → ``riskdash.metrics``)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports(module: str) -> set[str]:
    path, package = MODULES[module]
    here = module if package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {_owner(alias.name) for alias in node.names if alias.name.split(".")[0] == "riskdash"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = here.split(".")[: len(here.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            if base.split(".")[0] != "riskdash":
                continue
            for alias in node.names:  # `from riskdash import db` names a module, `from riskdash.db import x` not
                full = f"{base}.{alias.name}"
                found.add(full if full in MODULES else _owner(base))
        elif isinstance(node, ast.Call) and _called(node) == "import_module":
            found |= _dynamic(node)
    found.discard(None)
    found.discard(module)
    return found


def _called(node: ast.Call) -> str | None:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def _dynamic(node: ast.Call) -> set[str]:
    """import_module("riskdash.x") → that module; import_module(f"riskdash.x.{name}") → every module under
    riskdash.x; any other computed name → "<dynamic>" (an edge nobody can follow)."""
    arg = node.args[0] if node.args else None
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return {_owner(arg.value)} if arg.value.startswith("riskdash") else set()
    if isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
        prefix = str(arg.values[0].value)
        if prefix.startswith("riskdash.") and prefix.endswith("."):
            return {m for m in MODULES if m.startswith(prefix)}
    return {"<dynamic>"}


GRAPH = {module: _imports(module) for module in MODULES}


def layer_of(module: str) -> str | None:
    matches = [(len(pattern), name) for name, patterns in LAYERS.items() for pattern in patterns
               if fnmatchcase(module, pattern)]
    return max(matches)[1] if matches else None


def _cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            for target in edges:
                if target not in graph:
                    continue
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(component)
    return found


# ---------------------------------------------------------------------------------------------- the checker


def test_the_graph_is_read_from_the_source():
    # a few edges known from the code: a module-level import, a function-local one, a package-wide dynamic one
    assert "riskdash.db" in GRAPH["riskdash.metrics.core"]
    assert "riskdash.bench" in GRAPH[BENCH_DOOR]
    assert {m for m in MODULES if m.startswith("riskdash.commands.")} <= GRAPH["riskdash.cli"]
    assert len(MODULES) > 60


def test_the_cycle_finder_finds_a_cycle_and_only_cycles():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"d"}}
    assert _cycles(graph) == [{"a", "b", "c"}]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_layers_are_matched_by_the_most_specific_name():
    assert layer_of("riskdash.screens.accidents.text") == "base"
    assert layer_of("riskdash.screens.accidents.charts") == "presentation"
    assert layer_of("riskdash.screens.accidents.draw") == "streamlit"
    assert layer_of("riskdash.text.briefing_document") == "base"
    assert layer_of("riskdash.bench.oracle.rectification") == "bench"
    assert layer_of("riskdash") == "base"


# ---------------------------------------------------------------------------------------------- the rules


def test_every_module_has_a_layer():
    """A new module is placed in LAYERS above (by its name or a pattern) before anything else is checked."""
    assert [m for m in MODULES if layer_of(m) is None] == []


def test_no_module_imports_a_layer_above_its_own():
    upward = sorted(
        f"{module} ({layer_of(module)}) imports {target} ({layer_of(target)})"
        for module, targets in GRAPH.items() for target in targets
        if target in MODULES and (module, target) not in ALLOWED_EDGES
        and layer_of(module) and layer_of(target)  # a module without a layer fails the test above
        and RANK[layer_of(target)] > RANK[layer_of(module)]
    )
    assert upward == []


def test_nothing_but_the_bench_command_imports_the_bench_wing():
    outside = sorted(f"{module} imports {target}" for module, targets in GRAPH.items()
                     if layer_of(module) != "bench" and module != BENCH_DOOR
                     for target in targets if target in MODULES and layer_of(target) == "bench")
    assert outside == []


def test_no_import_by_a_name_nobody_can_follow():
    dynamic = sorted(m for m, targets in GRAPH.items() if "<dynamic>" in targets and (m, "<dynamic>") not in ALLOWED_EDGES)
    assert dynamic == []


def test_no_import_circle_anywhere():
    cycles = [sorted(c) for c in _cycles(GRAPH) if c not in ALLOWED_CYCLES]
    assert cycles == []


def test_every_allowed_exception_is_still_needed():
    """An exception that no longer happens is removed from the list (it must only shrink)."""
    stale_edges = sorted(edge for edge in ALLOWED_EDGES if edge[1] not in GRAPH.get(edge[0], set()))
    stale_cycles = [sorted(c) for c in ALLOWED_CYCLES if c not in _cycles(GRAPH)]
    assert (stale_edges, stale_cycles) == ([], [])
