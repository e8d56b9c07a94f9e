"""The package's layers, read from its imports: core ← site ← engine ← commands.

Every import in the package is counted, also one inside a function, so that
a lazy import cannot hide a dependency against the layers or a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "zavazek"

#: A module may import from its own layer and the layers before it, never after.
LAYERS = ["core", "site", "engine", "commands"]
#: Libraries a layer must not use: the core neither lays out nor formats for a language,
#: and only the engine knows MkDocs, Material and mkdocs-static-i18n.
FORBIDDEN = {
    "core": ("jinja2", "markupsafe", "mkdocs", "material", "mkdocs_static_i18n", "babel.dates", "babel.numbers",
             "weasyprint"),
    "site": ("mkdocs", "material", "mkdocs_static_i18n"),
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def layer(module: str) -> str:
    """``zavazek.core.loader`` is core; the command line and the commands' packages are the last layer."""
    part = module.split(".")[1] if module.count(".") else ""
    return part if part in LAYERS else "commands"


def _resolve(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if MODULES[module].name != "__init__.py":
        base = base[:-1]
    base = base[: len(base) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def imports(module: str) -> set[str]:
    """Every module ``module`` imports, at any depth of its code (``from a import b``: ``a.b`` if a module)."""
    found = set()
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(module, node)
            for alias in node.names:
                found.add(f"{source}.{alias.name}" if f"{source}.{alias.name}" in MODULES else source)
    return found


GRAPH = {module: {m for m in imports(module) if m in MODULES and m != module} for module in MODULES}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_imports_only_from_its_layer_and_those_before(module):
    mine = LAYERS.index(layer(module))
    against = sorted(m for m in GRAPH[module] if LAYERS.index(layer(m)) > mine)
    assert not against, f"{module} ({layer(module)}) imports from a later layer: {against}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if layer(m) in FORBIDDEN))
def test_a_layer_uses_only_the_libraries_meant_for_it(module):
    used = imports(module)
    wrong = sorted(m for m in used for lib in FORBIDDEN[layer(module)] if m == lib or m.startswith(lib + "."))
    assert not wrong, f"{module} ({layer(module)}) imports {wrong}"


def _circles() -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index, low, stack, on_stack, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(GRAPH[v]):
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
                out.append(sorted(group))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    return out


def test_no_module_imports_itself_through_others():
    assert _circles() == []


def test_the_check_sees_a_circle_and_an_import_against_the_layers():
    """The two checks above, on a made-up graph: they would fail on a real circle or a wrong import."""
    saved = dict(GRAPH)
    try:
        GRAPH["zavazek.core.problems"] = GRAPH["zavazek.core.problems"] | {"zavazek.core.project"}
        GRAPH["zavazek.core.project"] = GRAPH["zavazek.core.project"] | {"zavazek.core.problems"}
        assert ["zavazek.core.problems", "zavazek.core.project"] in _circles()
    finally:
        GRAPH.clear()
        GRAPH.update(saved)
    assert layer("zavazek.site.pages") == "site" and layer("zavazek.cli") == "commands"
    assert LAYERS.index(layer("zavazek.engine.plugin")) > LAYERS.index(layer("zavazek.site.build"))
