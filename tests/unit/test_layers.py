"""The layers point down only, and no module imports back into a circle (docs/architecture.md).

Every ``import`` in ``matcheck/`` (module level and inside functions alike: a function-local import that runs back
up is still a circle, only a hidden one) is read from the source with :mod:`ast`. Importing ``a.b.c`` also runs
the ``__init__`` of ``a`` and ``a.b``, so those count as imported too (unless they enclose the importer).
``if TYPE_CHECKING:`` blocks are skipped: they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "matcheck"

# Bottom to top. A module belongs to the layer of the longest prefix that names it; it may import its own layer
# and the layers below. docs/architecture.md draws the same table: change both together.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("base", ("matcheck", "matcheck.errors", "matcheck.atomic", "matcheck.console", "matcheck.data", "matcheck.safeio",
              "matcheck.textsafe",
              "matcheck.dates", "matcheck.identity", "matcheck.workdays", "matcheck.results", "matcheck.matching",
              "matcheck.rule_names", "matcheck.sources", "matcheck.policy", "matcheck.profile")),
    ("assessment", ("matcheck.assessment",)),
    ("checks", ("matcheck.checks", "matcheck.checklist", "matcheck.checklist.facts",
                "matcheck.checklist.conditions")),
    ("catalog", ("matcheck.materials",)),
    ("stages", ("matcheck.scoring", "matcheck.checklist.build", "matcheck.documents", "matcheck.gaps",
                "matcheck.gaps_match", "matcheck.draft")),
    ("rules", ("matcheck.rules",)),
    ("pipeline", ("matcheck.check", "matcheck.pipeline")),
    ("outputs", ("matcheck.report", "matcheck.form", "matcheck.outputs")),
    ("batch", ("matcheck.batch",)),
    ("cli", ("matcheck.cli", "matcheck.__main__")),
)


def _modules() -> dict[str, tuple[Path, bool]]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts = parts[:-1]
        out[".".join(parts)] = (path, is_package)
    return out


MODULES = _modules()


def _resolve(module: str, is_package: bool, node: ast.Import | ast.ImportFrom) -> set[str]:
    targets: list[str] = []
    if isinstance(node, ast.Import):
        targets = [alias.name for alias in node.names]
    else:
        if node.level:
            base = module.split(".") if is_package else module.split(".")[:-1]
            base = base[:len(base) - (node.level - 1)]
            prefix = ".".join(base + ([node.module] if node.module else []))
        else:
            prefix = node.module or ""
        submodules = [f"{prefix}.{alias.name}" for alias in node.names if f"{prefix}.{alias.name}" in MODULES]
        targets = submodules + ([prefix] if len(submodules) < len(node.names) else [])
    found: set[str] = set()
    for target in targets:
        if not target.startswith("matcheck"):
            continue
        while target not in MODULES and "." in target:
            target = target.rsplit(".", 1)[0]
        if target not in MODULES or target == module:
            continue
        found.add(target)
        parts = target.split(".")
        for i in range(1, len(parts)):  # the package __init__s that importing the target runs
            ancestor = ".".join(parts[:i])
            if ancestor in MODULES and not (module == ancestor or module.startswith(ancestor + ".")):
                found.add(ancestor)
    return found


def _imports() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, (path, is_package) in MODULES.items():
        edges: set[str] = set()

        def visit(node: ast.AST) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, (ast.Import, ast.ImportFrom)):
                    edges.update(_resolve(module, is_package, child))
                elif (isinstance(child, ast.If) and isinstance(child.test, ast.Name)
                      and child.test.id == "TYPE_CHECKING"):
                    continue
                else:
                    visit(child)

        visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        graph[module] = edges
    return graph


GRAPH = _imports()


def layer_of(module: str) -> int | None:
    best, best_len = None, -1
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            inside = module.startswith(prefix + ".") and prefix != "matcheck"  # the root package is only itself
            if (module == prefix or inside) and len(prefix) > best_len:
                best, best_len = index, len(prefix)
    return best


def test_the_graph_sees_the_imports() -> None:
    """The reader of imports itself works: known edges are there (a broken reader would pass everything)."""
    assert "matcheck.assessment" in GRAPH["matcheck.check"]
    assert "matcheck.errors" in GRAPH["matcheck.cli.common"]
    assert "matcheck.rules" in GRAPH["matcheck.report.sarif"]  # a function-local import is read too
    assert len(GRAPH) > 100


def test_every_module_has_a_layer() -> None:
    unplaced = sorted(m for m in MODULES if layer_of(m) is None)
    assert not unplaced, f"place these modules in a layer (tests/unit/test_layers.py LAYERS, docs/architecture.md): " \
                         f"{unplaced}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down(module: str) -> None:
    own = layer_of(module)
    assert own is not None
    upward = sorted(f"{target} ({LAYERS[layer_of(target)][0]})"  # type: ignore[index]
                    for target in GRAPH[module] if (layer_of(target) or 0) > own)
    assert not upward, f"{module} (layer {LAYERS[own][0]}) imports a higher layer: {', '.join(upward)}"


def test_the_library_never_imports_the_cli() -> None:
    offenders = sorted(m for m, targets in GRAPH.items()
                       if not (m.startswith("matcheck.cli") or m == "matcheck.__main__")
                       and any(t == "matcheck.cli" or t.startswith("matcheck.cli.") for t in targets))
    assert not offenders, f"library modules importing matcheck.cli: {offenders}"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    out.append(sorted(component))
    return out


def test_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles() -> None:
    cycles = _cycles(GRAPH)
    assert not cycles, "import circles: " + "; ".join(" ↔ ".join(c) for c in cycles)
