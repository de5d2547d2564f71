"""The shape of ``flexprep.ui``: every module imports, and no two modules import each other.

Import edges are read with :mod:`ast` from the source files, so imports under
``if TYPE_CHECKING:``, inside functions and lazy ones named in strings
(``"flexprep.ui.asks.tab:AsksTab"``) count as much as the ones at the top.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parent.parent / "flexprep" / "ui"


def modules_under(root: Path) -> dict[str, Path]:
    """Dotted module names of the ``.py`` files under the package folder ``root``."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = modules_under(UI)


def imported_modules(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The ``modules`` that module ``name`` (source at ``path``) imports, however it does."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def add(candidate: str) -> None:
        # ``from pkg import thing``: ``pkg.thing`` when it is a module, else ``pkg``.
        while candidate and candidate not in modules:
            candidate = candidate.rpartition(".")[0]
        if candidate:
            found.add(candidate)

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, *filter(None, [base])])
            for alias in node.names:
                add(f"{base}.{alias.name}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value.partition(":")[0]  # "package.module:Name", imported lazily
            if text in modules:
                found.add(text)
    found.discard(name)
    return found


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    return {name: imported_modules(name, path, modules) for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a list of modules (the first repeated at the end), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)) is not None:
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)) is not None:
            return cycle
    return None


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_ui_module_imports(name: str) -> None:
    assert Path(importlib.import_module(name).__file__ or "") == MODULES[name]


def test_no_import_cycle_between_ui_modules() -> None:
    cycle = find_cycle(import_graph(MODULES))
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_commands_do_not_know_the_window() -> None:
    graph = import_graph(MODULES)
    assert "flexprep.ui.shell.commands" in graph["flexprep.ui.shell.window"]
    assert "flexprep.ui.shell.window" not in graph["flexprep.ui.shell.commands"]
    # The tabs the window builds lazily, by name (in window_tabs), are edges too.
    assert "flexprep.ui.shell.window_tabs" in graph["flexprep.ui.shell.window"]
    assert "flexprep.ui.asks.tab" in graph["flexprep.ui.shell.window_tabs"]


def test_every_kind_of_import_makes_an_edge(tmp_path: Path) -> None:
    root = tmp_path / "pkg" / "ui"
    (root / "sub").mkdir(parents=True)
    files = {
        "__init__.py": "",
        "a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.ui.b import B\n",
        "b.py": "def later():\n    import pkg.ui.sub.c\n",
        "sub/__init__.py": "",
        "sub/c.py": "from .. import a\nfrom . import d\n",
        "sub/d.py": 'TABS = ("pkg.ui.a:Tab",)\n',
    }
    for relative, text in files.items():
        (root / relative).write_text(text)
    graph = import_graph(modules_under(root))
    assert graph["pkg.ui.a"] == {"pkg.ui.b"}
    assert graph["pkg.ui.b"] == {"pkg.ui.sub.c"}
    assert graph["pkg.ui.sub.c"] == {"pkg.ui.a", "pkg.ui.sub.d"}
    assert graph["pkg.ui.sub.d"] == {"pkg.ui.a"}
    assert find_cycle(graph) == ["pkg.ui.a", "pkg.ui.b", "pkg.ui.sub.c", "pkg.ui.a"]
    assert find_cycle({"x": {"y"}, "y": set()}) is None


def test_no_ui_module_is_left_at_the_top_level() -> None:
    assert sorted(p.name for p in UI.glob("*.py")) == ["__init__.py"]
    for package in (p for p in UI.iterdir() if p.is_dir() and p.name != "__pycache__"):
        assert (package / "__init__.py").is_file(), package.name
