"""The code stays readable in one sitting: no module over 400 lines, no function over 60."""

from __future__ import annotations

import ast

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
