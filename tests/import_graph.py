"""The project's own import graph, read with `ast` (nothing is imported), and its layering rules.

The rules are written out in docs/architecture.md; this module is what the tests check them with.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

TOPS = ("core", "ui", "cli", "main")

# Lower number = lower layer. A module-level import may only go to the same package or lower.
RANKS = {
    "core.common": 0, "core.store": 1, "core.caseload": 2, "core.workload": 3, "core.time": 4,
    "core.supervision": 5, "core.demo": 6,
    "ui.widgets": 10, "ui.shell": 11,
    "ui.overview": 12, "ui.caseload": 12, "ui.time": 12, "ui.supervision": 12, "ui.settings": 12,
    "cli": 12,
    "main": 20,
}


@dataclass(frozen=True)
class Import:
    source: str   # importing module, e.g. "core.workload.estimate"
    target: str   # imported module, e.g. "core.caseload.cases"
    names: tuple[str, ...]
    deferred: bool  # inside a function body or under `if TYPE_CHECKING:`
    line: int


def package_of(module: str) -> str:
    """`core.workload.estimate` -> `core.workload`; `cli.common` -> `cli`; `main` -> `main`."""
    parts = module.split(".")
    if parts[0] in ("core", "ui") and len(parts) > 1:
        return ".".join(parts[:2])
    return parts[0]


def project_modules(root: Path) -> dict[str, Path]:
    """Dotted name -> file, for every module of core/, ui/, cli/ and main.py under `root`."""
    modules: dict[str, Path] = {}
    files = [root / "main.py"] if (root / "main.py").exists() else []
    for top in ("core", "ui", "cli"):
        files += sorted((root / top).rglob("*.py"))
    for path in files:
        name = ".".join(path.relative_to(root).with_suffix("").parts)
        modules[name.removesuffix(".__init__")] = path
    return modules


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _walk(node: ast.AST, deferred: bool):  # type: ignore[no-untyped-def]
    for child in ast.iter_child_nodes(node):
        inner = deferred or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        if isinstance(child, ast.If) and _is_type_checking(child):
            inner = True
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            yield child, deferred
        yield from _walk(child, inner)


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> list[Import]:
    """Every import of a project module made by module `name`, resolved to the module imported."""
    found = []
    for node, deferred in _walk(ast.parse(path.read_text(encoding="utf-8")), False):
        if isinstance(node, ast.Import):
            targets = [(a.name, ()) for a in node.names]
        else:
            if node.level or not node.module:
                continue
            targets = []
            for alias in node.names:  # `from core.store import encryption` imports a module
                sub = f"{node.module}.{alias.name}"
                targets.append((sub, ()) if sub in modules else (node.module, (alias.name,)))
        for target, names in targets:
            if target.split(".")[0] in TOPS and target in modules and target != name:
                found.append(Import(name, target, names, deferred, node.lineno))
    return found


def all_imports(root: Path) -> list[Import]:
    modules = project_modules(root)
    return [i for name, path in modules.items() for i in imports_of(name, path, modules)]


def circles(imports: list[Import]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan's algorithm)."""
    graph: dict[str, set[str]] = {}
    for i in imports:
        graph.setdefault(i.source, set()).add(i.target)
        graph.setdefault(i.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def layer_breaks(imports: list[Import]) -> list[str]:
    """Every import that breaks a rule of docs/architecture.md, as 'source:line -> target (why)'."""
    problems = []
    for i in imports:
        src, dst = package_of(i.source), package_of(i.target)
        where = f"{i.source}:{i.line} -> {i.target}"
        if src.startswith("core") and not dst.startswith("core"):
            problems.append(f"{where} (core never imports ui, cli or main)")
        elif src != dst and any(n.startswith("_") for n in i.names) or (
                src != dst and i.target.rsplit(".", 1)[-1].startswith("_")):
            problems.append(f"{where} (another package's private name)")
        elif src == dst:
            continue
        elif src.startswith("core") and RANKS.get(dst, -1) >= RANKS.get(src, -1):
            problems.append(f"{where} ({src} is below {dst}, even in a function)")
        elif not i.deferred and RANKS.get(dst, -1) >= RANKS.get(src, -1):
            problems.append(f"{where} (module-level import of a package at or above {src})")
    return problems
