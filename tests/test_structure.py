"""Code structure: the publisher's modules import each other in one direction only."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "hooks" / "publisher"


def imports_of(path: Path) -> dict[str, list[int]]:
    """The publisher modules `path` imports, anywhere in the file (also inside functions), with lines."""
    found: dict[str, list[int]] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            names = [node.module] if node.module else [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("publisher."):
            names = [node.module.removeprefix("publisher.")]
        for name in names:
            found.setdefault(name.split(".")[0], []).append(node.lineno)
    return found


def import_graph() -> dict[str, dict[str, list[int]]]:
    return {path.stem: imports_of(path) for path in sorted(PACKAGE.glob("*.py")) if path.stem != "__main__"}


def cycles(graph: dict[str, dict[str, list[int]]]) -> list[list[str]]:
    """Every import cycle, each as the list of modules along it, found by depth-first search."""
    found: list[list[str]] = []
    seen: set[str] = set()

    def visit(module: str, trail: list[str]) -> None:
        if module in trail:
            cycle = trail[trail.index(module):]
            start = cycle.index(min(cycle))
            rotated = cycle[start:] + cycle[:start]
            if rotated not in found:
                found.append(rotated)
            return
        if module in seen:
            return
        for imported in graph.get(module, {}):
            visit(imported, [*trail, module])
        seen.add(module)

    for module in graph:
        visit(module, [])
    return found


def test_cycle_finder_finds_a_cycle_through_a_function_local_import(tmp_path: Path) -> None:
    (tmp_path / "low.py").write_text("def f():\n    from .high import g\n", encoding="utf-8")
    (tmp_path / "high.py").write_text("from .low import f\n", encoding="utf-8")
    graph = {path.stem: imports_of(path) for path in sorted(tmp_path.glob("*.py"))}
    assert graph == {"high": {"low": [1]}, "low": {"high": [2]}}
    assert cycles(graph) == [["high", "low"]]


def test_publisher_modules_import_in_one_direction() -> None:
    """A module may import only modules below it; a function-local import does not hide a cycle."""
    graph = import_graph()
    assert {"inputs", "site_config", "page_info", "translations"} <= graph.keys()
    found = cycles(graph)
    where = [f"{module} imports {imported} ({module}.py:{graph[module][imported][0]})"
             for cycle in found for module, imported in zip(cycle, cycle[1:] + cycle[:1], strict=True)]
    assert found == [], "import cycle: " + "; ".join(where)
