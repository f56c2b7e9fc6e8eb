"""Code structure: the publisher's modules import each other in one direction only, floor by floor.

The floors, bottom to top (README, "Layout"): each may import only the floors below it and
modules of its own floor. `publisher/__init__.py` and `__main__.py` stand outside.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "hooks" / "publisher"
FLOORS = ("files", "model", "render", "checks", "outputs", "pipeline", "commands")


def module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, package: Path) -> dict[str, list[int]]:
    """The package's modules that `path` imports, anywhere in the file (also inside functions), with lines."""
    name = module_name(path, package)
    here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: dict[str, list[int]] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom):
            continue
        base = here[:len(here) - node.level + 1] if node.level else []
        targets = [".".join([*base, node.module])] if node.module else [".".join([*base, a.name]) for a in node.names]
        for target in targets:
            if target.split(".")[0] == package.name:
                found.setdefault(target, []).append(node.lineno)
    return found


def import_graph(package: Path) -> dict[str, dict[str, list[int]]]:
    """Module -> the modules it imports; `from .mod import name` counts as importing `mod`."""
    raw = {module_name(p, package): imports_of(p, package) for p in sorted(package.rglob("*.py"))
           if p.name != "__main__.py"}
    graph: dict[str, dict[str, list[int]]] = {}
    for module, imports in raw.items():
        edges = graph.setdefault(module, {})
        for target, lines in imports.items():
            while target not in raw and "." in target:
                target = target.rsplit(".", 1)[0]
            if target != module:
                edges.setdefault(target, []).extend(lines)
    return graph


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
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "low.py").write_text("def f():\n    from .sub.high import g\n", encoding="utf-8")
    (package / "sub" / "__init__.py").write_text("", encoding="utf-8")
    (package / "sub" / "high.py").write_text("from ..low import f\n", encoding="utf-8")
    graph = import_graph(package)
    assert graph == {"pkg": {}, "pkg.low": {"pkg.sub.high": [2]}, "pkg.sub": {}, "pkg.sub.high": {"pkg.low": [1]}}
    assert cycles(graph) == [["pkg.low", "pkg.sub.high"]]


def test_publisher_modules_import_in_one_direction() -> None:
    """A module may import only modules below it; a function-local import does not hide a cycle."""
    graph = import_graph(PACKAGE)
    assert {"publisher.outputs.inputs", "publisher.outputs.site_config", "publisher.render.page_info",
            "publisher.model.translations", "publisher.checks.links"} <= graph.keys()
    found = cycles(graph)
    where = [f"{module} imports {imported} (line {graph[module][imported][0]})"
             for cycle in found for module, imported in zip(cycle, cycle[1:] + cycle[:1], strict=True)]
    assert found == [], "import cycle: " + "; ".join(where)


def floor_of(module: str) -> int | None:
    """The floor of `publisher.<floor>.…`; None for the package itself."""
    parts = module.split(".")
    return FLOORS.index(parts[1]) if len(parts) > 1 and parts[1] in FLOORS else None


def upward_imports(graph: dict[str, dict[str, list[int]]]) -> list[str]:
    return [f"{module} (floor {FLOORS[floor_of(module)]}) imports {imported} (floor {FLOORS[floor_of(imported)]}, "
            f"above it) at line {lines[0]}"
            for module, edges in sorted(graph.items()) for imported, lines in sorted(edges.items())
            if floor_of(module) is not None and floor_of(imported) is not None
            and floor_of(imported) > floor_of(module)]


def test_every_module_stands_on_a_floor() -> None:
    graph = import_graph(PACKAGE)
    assert [m for m in graph if m != "publisher" and floor_of(m) is None] == []
    assert sorted({m.split(".")[1] for m in graph if m != "publisher"}) == sorted(FLOORS)


def test_no_floor_imports_a_floor_above_it() -> None:
    assert upward_imports(import_graph(PACKAGE)) == []


def test_the_floor_rule_finds_an_upward_import(tmp_path: Path) -> None:
    package = tmp_path / "publisher"
    for floor in ("files", "model"):
        (package / floor).mkdir(parents=True)
        (package / floor / "__init__.py").write_text("", encoding="utf-8")
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "model" / "organisations.py").write_text("X = 1\n", encoding="utf-8")
    (package / "files" / "atomic.py").write_text("def f():\n    from ..model.organisations import X\n",
                                                 encoding="utf-8")
    assert upward_imports(import_graph(package)) == [
        "publisher.files.atomic (floor files) imports publisher.model.organisations (floor model, above it) at line 2"]


SYNTAX_KEEPERS = {"publisher.model.wordings", "publisher.model.sources"}


def modules_spelling_the_include_syntax(package: Path) -> set[str]:
    """Modules whose code spells the snippets marker (`8<`) in a pattern or a comparison: a regular
    expression, or a string tested with startswith/endswith/`in`/`==`. Messages to authors may show it."""
    found = set()
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            spelled = []
            if isinstance(node, ast.Call):
                function = node.func
                name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
                if name in ("compile", "match", "search", "fullmatch", "startswith", "endswith"):
                    spelled = node.args
            elif isinstance(node, ast.Compare):
                spelled = [node.left, *node.comparators]
            if any("8<" in c.value for arg in spelled for c in ast.walk(arg)
                   if isinstance(c, ast.Constant) and isinstance(c.value, str)):
                found.add(module_name(path, package))
    return found


def test_the_include_syntax_is_spelled_in_two_modules_only() -> None:
    assert modules_spelling_the_include_syntax(PACKAGE) <= SYNTAX_KEEPERS


def test_the_syntax_rule_finds_a_module_that_spells_it(tmp_path: Path) -> None:
    package = tmp_path / "publisher"
    package.mkdir()
    (package / "differ.py").write_text('def f(text):\n    return text.startswith(("!!!", "--8<--"))\n',
                                        encoding="utf-8")
    (package / "terms.py").write_text('import re\nNOT_TEXT = re.compile(r"-+8<-+")\n', encoding="utf-8")
    (package / "messages.py").write_text('HINT = "write --8<-- \\"x.md\\" on its own line"\n', encoding="utf-8")
    assert modules_spelling_the_include_syntax(package) == {"publisher.differ", "publisher.terms"}


MAX_MODULE_LINES = 260  # "about 250" (issue 26): a module a reader takes in at one sitting
MAX_FUNCTION_LINES = 60  # a function longer than this is named steps waiting to be named


def oversized(package: Path) -> list[str]:
    """Modules and functions over the limits, as `path:line name (n lines)`."""
    found = []
    for path in sorted(package.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        shown = path.relative_to(package.parent).as_posix()
        if len(text.splitlines()) > MAX_MODULE_LINES:
            found.append(f"{shown}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    found.append(f"{shown}:{node.lineno} {node.name} ({length} lines)")
    return found


def test_modules_and_functions_stay_readable() -> None:
    assert oversized(PACKAGE) == []


def test_the_size_rule_finds_a_long_function(tmp_path: Path) -> None:
    package = tmp_path / "publisher"
    package.mkdir()
    (package / "long.py").write_text("def f():\n" + "    x = 1\n" * MAX_FUNCTION_LINES, encoding="utf-8")
    assert oversized(package) == [f"publisher/long.py:1 f ({MAX_FUNCTION_LINES + 1} lines)"]
