"""The README's examples work: every SQL example runs against the demo archive (and the
ones with a known answer give it), the report commands it shows run, its pictures exist."""

import re
import shlex
import sqlite3

import pytest
from click.testing import CliRunner
from conftest import ROOT, cli

from archive.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def statements(block: str) -> list[str]:
    out, current = [], ""
    for line in block.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    assert not current.strip(), f"an unfinished SQL statement in the README: {current!r}"
    return out


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    db = folder / "demo.db"
    cli("demo", "--db", db, check=0, timeout=300)
    return db


def test_every_sql_example_runs_on_the_demo_archive(demo):
    examples = [s for block in blocks("sql") for s in statements(block)]
    assert len(examples) >= 2
    conn = sqlite3.connect(f"file:{demo}?mode=ro", uri=True)
    try:
        for sql in examples:
            conn.execute(sql).fetchall()  # raises on any mistake
        titles = next(s for s in examples if "change to a title" in s)
        rows = conn.execute(titles).fetchall()
        assert [(r[0], r[1]) for r in rows] == [("WCMS_862866", 2)]  # the one title change, not the first versions
        assert "the Automotive Sector" in rows[0][3]
        listed = next(s for s in examples if "latest crawl" in s)
        assert len({title for title, _ in conn.execute(listed)}) == 14
    finally:
        conn.close()


def test_the_report_commands_shown_run(demo, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lines = [line.split("#")[0].strip() for block in blocks("sh") for line in block.splitlines()]
    shown = [line for line in lines if line.startswith("listing-archive diff")]
    assert len(shown) >= 4
    for line in shown:
        result = CliRunner().invoke(main, [*shlex.split(line)[1:], "--db", str(demo)])
        assert result.exit_code == 0, (line, result.output)


def test_pictures_exist():
    for path in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README):
        assert (ROOT / path).is_file(), path
