"""The code stays readable in one sitting: no module over 400 lines, no function over 60."""

from __future__ import annotations

import ast
import re

from conftest import ROOT

MAX_MODULE_LINES, MAX_FUNCTION_LINES = 400, 60
PACKAGES = ("crawler", "archive", "pipelines", "benchmarks", "tests")


def _modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "fixtures" not in path.parts and ".venv" not in path.parts:
                yield path


def test_no_module_over_400_lines():
    long = [f"{p.relative_to(ROOT)}: {n}" for p in _modules() if (n := p.read_text().count("\n")) > MAX_MODULE_LINES]
    assert not long, long


def test_no_function_over_60_lines():
    long = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {lines}")
    assert not long, long


def _imports(path, module: str, known: set[str]) -> set[str]:
    """The project modules `module` imports, at the top or inside a function (a deferred import is a cycle too)."""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(parts + ([base] if base else []))
            names = [base] + [f"{base}.{a.name}" for a in node.names]
        else:
            continue
        found |= {n for n in names if n in known and n != module}
    return found


def test_no_import_cycles():
    paths = {}
    for package in ("crawler", "archive", "pipelines"):
        for path in (ROOT / package).rglob("*.py"):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            paths[name] = path
    graph = {name: _imports(path, name, set(paths)) for name, path in paths.items()}
    cycles = []
    for start in graph:  # a path from a module's imports back to itself
        seen, stack = set(), [(start, (start,))]
        while stack:
            node, trail = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    cycles.append(" -> ".join((*trail, start)))
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, (*trail, nxt)))
    assert not cycles, cycles[:5]


def test_no_test_module_imports_another():
    """What tests share lives in helpers.py and conftest.py: a test module is never imported as a library."""
    found = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if "fixtures" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            found += [f"{where} {n}" for n in names if n.split(".")[0].startswith("test_")]
    assert not found, found


# A file named after the batch of pages or the session that found a bug says nothing of what it tests.
ORIGIN_NAMES = re.compile(r"batch|stranger|^test_unseen|known_misses|_ext\d|(_[a-z]){1,2}\.py$")


def test_test_files_are_named_after_what_they_test():
    """tests/README.md says where the tests for each component live; a new file takes its component's name."""
    named = [p.name for p in sorted((ROOT / "tests").glob("test_*.py")) if ORIGIN_NAMES.search(p.name)]
    assert not named, named
