"""The catalogue of queries: every SQL file under ``sql/`` (schema, views, demo and keys aside) tied to the
function that runs it, and each such function to the screens, pages, briefing, exports and commands modules
that reach it. Read from the source text (ast), nothing is imported or run.

``python -m riskdash.tools.catalogue`` prints docs/catalogue.md; ``--write`` writes it.
tests/test_scope_catalogue.py fails on a query file run by nobody, on a query name in the code with no file,
and on docs/catalogue.md out of date.

A function runs a query when its body names it ("group/name"), names a module constant that holds it (a dict
of names), or calls a module helper that completes a name passed to it (``f"accounts/{query}"``). A function
reaches a caller module when that module refers to it, or to a function that refers to it, and so on.
"""

from __future__ import annotations

import ast
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]  # src/riskdash
ROOT = PACKAGE.parents[1]
SQL = PACKAGE / "sql"
DOC = ROOT / "docs" / "catalogue.md"
NOT_QUERIES = ("schema", "views", "demo", "keys")  # migrations, derived objects, generators, key syncing
# where a metric is used: the screen rooms, the top-level pages, the briefing, the exports and the commands
# (and the command line's own module)
CALLER_PREFIXES = ("riskdash.screens.", "pages.", "riskdash.briefing.", "riskdash.exports.", "riskdash.commands.",
                   "riskdash.cli")
SKIPPED = ("riskdash.bench", "riskdash.tools")  # the bench times queries by name; it runs no screen
QUERY_NAME = re.compile(r"[a-z_]+/[a-z0-9_]+")


def query_files() -> set[str]:
    return {p.relative_to(SQL).with_suffix("").as_posix() for p in SQL.rglob("*.sql")
            if p.relative_to(SQL).parts[0] not in NOT_QUERIES}


def query_groups() -> set[str]:
    return {p.name for p in SQL.iterdir() if p.is_dir() and p.name not in NOT_QUERIES}


def modules() -> dict[str, Path]:
    """Module name → file, for the package and the top-level pages (app.py aside: it only navigates)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        name = ".".join(parts)
        if not name.startswith(SKIPPED):
            found[name] = path
    for path in sorted((ROOT / "pages").glob("*.py")):
        found[f"pages.{path.stem}"] = path
    return found


@dataclass
class Module:
    name: str
    tree: ast.Module
    defined: set[str] = field(default_factory=set)  # functions, classes and constants defined at top level
    imported: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # local → (module, name or None)


def _absolute(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base[: len(base) - node.level + (1 if is_package else 0)]
    return ".".join(base + ([node.module] if node.module else []))


def parse(names: dict[str, Path]) -> dict[str, Module]:
    parsed = {}
    for name, path in names.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        mod = Module(name, tree)
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                mod.defined.add(node.name)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    if isinstance(target, ast.Name):
                        mod.defined.add(target.id)
        for node in ast.walk(tree):  # function-local imports count too
            if isinstance(node, ast.Import):
                for alias in node.names:
                    mod.imported[alias.asname or alias.name.split(".")[0]] = (
                        alias.name if alias.asname else alias.name.split(".")[0], None)
            elif isinstance(node, ast.ImportFrom):
                source = _absolute(name, node, path.name == "__init__.py")
                for alias in node.names:
                    mod.imported[alias.asname or alias.name] = (source, alias.name)
        parsed[name] = mod
    return parsed


def resolve(parsed: dict[str, Module], module: str, name: str, depth: int = 0) -> str | None:
    """The node ``module.name`` refers to: a function or constant where it is defined (following re-exports),
    a module, or None (outside the package)."""
    if depth > 10:
        return None
    mod = parsed.get(module)
    if mod is not None and name in mod.defined:
        return f"{module}:{name}"
    if mod is not None and name in mod.imported:  # before a submodule of that name: the import binds it
        source, attr = mod.imported[name]
        if attr is None:
            return source if source in parsed else None
        return resolve(parsed, source, attr, depth + 1)
    if f"{module}.{name}" in parsed:
        return f"{module}.{name}"  # a submodule
    return None


def _scopes(mod: Module):
    """(node name, body) for each top-level function, method (Class.method) and constant, then the module."""
    rest = []
    for node in mod.tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield f"{mod.name}:{node.name}", node
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if names:
                yield f"{mod.name}:{names[0]}", node
            else:
                rest.append(node)
        else:
            rest.append(node)
    yield mod.name, ast.Module(body=rest, type_ignores=[])


def _local_name(parsed, mod: Module, node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        if node.id in mod.defined:
            return f"{mod.name}:{node.id}"
        return resolve(parsed, mod.name, node.id) if node.id in mod.imported else None
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        target = _local_name(parsed, mod, node.value)
        if target and ":" not in target:  # an attribute of a module
            return resolve(parsed, target, node.attr)
    return None


@dataclass
class Catalogue:
    files: set[str]
    runners: dict[str, set[str]]  # query name → functions that run it
    unknown: list[str]  # "module:function names group/name" with no file
    callers: dict[str, set[str]]  # function → caller modules that reach it


def build() -> Catalogue:
    files, groups = query_files(), query_groups()
    parsed = parse(modules())
    refs: dict[str, set[str]] = defaultdict(set)  # node → nodes it refers to
    names: dict[str, set[str]] = defaultdict(set)  # node → query names it holds
    helpers: dict[str, tuple[str, int, str]] = {}  # node → (group, argument position, parameter)
    bodies = {}
    for mod in parsed.values():
        for node_name, body in _scopes(mod):
            bodies[node_name] = (mod, body)
            for node in ast.walk(body):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and QUERY_NAME.fullmatch(
                        node.value) and node.value.split("/")[0] in groups:
                    names[node_name].add(node.value)
                elif isinstance(node, (ast.Name, ast.Attribute)):
                    target = _local_name(parsed, mod, node)
                    if target and target != node_name:
                        refs[node_name].add(target)
                elif (isinstance(node, ast.JoinedStr) and isinstance(body, ast.FunctionDef)
                      and len(node.values) == 2 and isinstance(node.values[0], ast.Constant)
                      and isinstance(node.values[1], ast.FormattedValue)
                      and isinstance(node.values[1].value, ast.Name)):
                    prefix, param = node.values[0].value, node.values[1].value.id
                    params = [a.arg for a in body.args.posonlyargs + body.args.args]
                    if prefix.endswith("/") and prefix[:-1] in groups and param in params:
                        helpers[node_name] = (prefix[:-1], params.index(param), param)
    for node_name, (mod, body) in bodies.items():  # names completed by a helper
        for node in ast.walk(body):
            if isinstance(node, ast.Call):
                helper = _local_name(parsed, mod, node.func)
                if helper in helpers:
                    group, position, param = helpers[helper]
                    args = node.args[position:position + 1] + [k.value for k in node.keywords if k.arg == param]
                    for arg in args:
                        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                            names[node_name].add(f"{group}/{arg.value}")
    # a function that refers to a module constant holding names runs them (a dict of queries)
    runs: dict[str, set[str]] = defaultdict(set)
    def is_code(node_name: str) -> bool:
        return ":" not in node_name or isinstance(
            bodies[node_name][1], (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))

    for node_name, held in names.items():
        if is_code(node_name):
            runs[node_name] |= held
        else:  # a constant: the functions that read it run its names (a constant made from it runs nothing)
            for other, targets in refs.items():
                if node_name in targets and other in bodies and is_code(other):
                    runs[other] |= held
    runners: dict[str, set[str]] = defaultdict(set)
    unknown = []
    for node_name, held in runs.items():
        for name in held:
            if name in files:
                runners[name].add(node_name)
            else:
                unknown.append(f"{node_name} names {name}")
    users: dict[str, set[str]] = defaultdict(set)
    for node_name, targets in refs.items():
        for target in targets:
            users[target].add(node_name)
    callers = {}
    for runner in {r for rs in runners.values() for r in rs}:
        found, seen, todo = set(), {runner}, [runner]
        while todo:
            current = todo.pop()
            module = current.split(":")[0]
            if module.startswith(CALLER_PREFIXES):
                found.add(module)
                continue  # a caller module is where the trail ends
            for user in users.get(current, ()):
                if user not in seen:
                    seen.add(user)
                    todo.append(user)
        callers[runner] = found
    return Catalogue(files, dict(runners), sorted(unknown), callers)


def _short(name: str) -> str:
    return name.removeprefix("riskdash.").replace(":", ".")


def render(cat: Catalogue | None = None) -> str:
    cat = cat or build()
    lines = ["# The catalogue of queries", "",
             "Generated by `python -m riskdash.tools.catalogue --write` from the source (ast); checked by",
             "`tests/test_scope_catalogue.py`. Each query file under `src/riskdash/sql/` (schema, views, demo and",
             "keys aside), the function that runs it, and the screens, pages, briefing, exports and commands",
             "modules that reach that function (directly or through other functions). Module names drop",
             "`riskdash.`.", "",
             "| query file | run by | reached from |", "|---|---|---|"]
    for name in sorted(cat.files):
        runners = sorted(cat.runners.get(name, ()))
        reached = sorted({_short(m) for r in runners for m in cat.callers.get(r, ())})
        lines.append(f"| `{name}` | {', '.join(f'`{_short(r)}`' for r in runners) or '—'} | "
                     f"{', '.join(f'`{m}`' for m in reached) or '—'} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    text = render()
    if "--write" in argv:
        DOC.write_text(text, encoding="utf-8")
        print(f"wrote {DOC}")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
