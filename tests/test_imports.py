"""Imports between begroot's modules, deferred ones included, read from the source: no module imports,
however indirectly, one that imports it back (the generator's corpus and PDFs share `testing/plan.py`)."""

from __future__ import annotations

import ast
from pathlib import Path

import begroot

ROOT = Path(begroot.__file__).parent
# The one cycle left as it is: the CLI package imports its command modules, which register on its Typer app.
KNOWN = ("begroot.cli",)


def modules() -> dict[str, tuple[Path, bool]]:
    found = {}
    for path in ROOT.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if package else parts)] = (path, package)
    return found


def import_graph() -> dict[str, set[str]]:
    known = modules()
    graph: dict[str, set[str]] = {}
    for name, (path, package) in known.items():
        here = name.split(".") if package else name.split(".")[:-1]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = here[: len(here) - node.level + 1] if node.level else []
                module = ".".join(base + ([node.module] if node.module else []))
                targets |= {f"{module}.{a.name}" if f"{module}.{a.name}" in known else module for a in node.names}
            elif isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
        graph[name] = {target for target in targets if target in known and target != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def test_the_graph_sees_deferred_imports() -> None:
    graph = import_graph()
    assert "begroot.parse" in graph["begroot.audit"]  # `load_and_parse` imports the reader inside the function
    assert (
        "begroot.testing.pdf" in graph["begroot.testing.corpus"]
        and "begroot.testing.plan" in graph["begroot.testing.pdf"]
    )
    assert any(len(c) > 1 for c in cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}))


def test_no_import_cycles() -> None:
    unknown = [sorted(c) for c in cycles(import_graph()) if not all(m.startswith(KNOWN) for m in c)]
    assert not unknown, unknown
