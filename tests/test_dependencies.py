"""Every package the project declares does work in it: each is imported by the code that ships."""

import ast
import re
import tomllib

from conftest import ROOT

# Distribution name -> the module it is imported as, where the two differ.
MODULE = {"beautifulsoup4": "bs4", "sqlite-utils": "sqlite_utils"}


def _imported_modules() -> set[str]:
    found = set()
    for package in ("crawler", "archive", "pipelines"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Import):
                    found |= {a.name.split(".")[0] for a in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    found.add(node.module.split(".")[0])
    return found


def test_every_declared_dependency_is_imported_by_the_project():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    names = [re.split(r"[<>=!~\[ ;]", d, maxsplit=1)[0] for d in declared]
    imported = _imported_modules()
    unused = [n for n in names if MODULE.get(n, n.replace("-", "_")) not in imported]
    assert not unused, f"declared but never imported: {unused}"
