"""The README, the pages under docs/ and the CLI agree: every command is documented, every
command line a page shows names a command and options that exist, the README's commands
table lists each command's real options, and every link resolves."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
from conftest import ROOT

from archive.cli import main

README = ROOT / "README.md"
PAGES = [README, *sorted((ROOT / "docs").glob("*.md"))]
MAX_README_LINES = 250
# Command lines in code spans and code blocks: `listing-archive diff --format html -o report.html`
_LINE = re.compile(r"(?:\.venv/bin/)?listing-archive ((?:[^`\n|#]|\\\|)+)")
_LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def _text(page: Path) -> str:
    return page.read_text(encoding="utf-8")


def _name(page: Path) -> str:
    return str(page.relative_to(ROOT))


def _options(command: click.Command) -> set[str]:
    names = set()
    for param in command.params:
        names.update(getattr(param, "opts", []))
        names.update(getattr(param, "secondary_opts", []))
    return names | {"--help", "-h"}


def _command_lines(text: str):
    for match in _LINE.finditer(text):
        line = match.group(1).replace("\\|", "|").split(" >>")[0].strip()
        try:
            words = shlex.split(line)
        except ValueError:
            words = line.split()
        if words and re.fullmatch(r"[a-z][a-z-]*", words[0]):
            yield words


def _problems(words: list[str]) -> list[str]:
    command = main.commands.get(words[0])
    if command is None:
        return [f"no command {words[0]!r}: {' '.join(words)}"]
    known = _options(command)
    return [
        f"{words[0]} has no option {word.split('=', 1)[0]}: {' '.join(words)}"
        for word in words[1:]
        if word.startswith("-") and word.split("=", 1)[0] not in known
    ]


def test_every_command_is_in_the_readme():
    text = _text(README)
    missing = [name for name in main.commands if f"`{name}" not in text and f"listing-archive {name}" not in text]
    assert not missing, f"commands missing from README.md: {missing}"


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_every_command_line_shown_exists(page):
    problems = [problem for words in _command_lines(_text(page)) for problem in _problems(words)]
    assert not problems, "\n".join(problems)


def test_the_check_reads_a_wrong_option():
    assert _problems(["parse", "page.html", "--db", "x.db"]) == ["parse has no option --db: parse page.html --db x.db"]
    assert _problems(["nonesuch"]) == ["no command 'nonesuch': nonesuch"]


def test_the_pages_show_many_command_lines():
    assert len(list(_command_lines(_text(README)))) >= 15  # the check above read something
    assert len([w for page in PAGES[1:] for w in _command_lines(_text(page))]) >= 30


def test_every_option_in_an_options_table_exists():
    every = set().union(*(_options(c) for c in main.commands.values()))
    rows = [row for page in PAGES for row in re.findall(r"^\| `(-{1,2}[a-z][a-z-]*)", _text(page), flags=re.M)]
    assert len(rows) >= 10, "no options tables found"
    assert not sorted(set(rows) - every), f"options in tables that no command has: {sorted(set(rows) - every)}"


def _commands_table() -> dict[str, str]:
    """{command: its options cell} from the README's commands table."""
    rows = re.findall(r"^\| `([a-z][a-z-]*)[^`]*` \| (.*?) \| .* \|$", _text(README), flags=re.M)
    return dict(rows)


def test_the_commands_table_lists_each_commands_options_exactly():
    table = _commands_table()
    assert sorted(table) == sorted(main.commands), "the commands table should hold every command once"
    crawl_options = _options(main.commands["crawl"])
    problems = []
    for name, cell in table.items():
        shown = {word.split("[", 1)[0] for word in re.findall(r"`(-[^`]+)`", cell)}
        if "all of `crawl`'s" in cell:
            shown |= crawl_options - {"--help", "-h"}
        command = main.commands[name]
        for param in command.params:
            opts = set(getattr(param, "opts", [])) - {"--help", "-h"}
            if isinstance(param, click.Option) and opts and not opts & shown:
                problems.append(f"{name}: {'/'.join(sorted(opts))} is missing from the table")
        extra = shown - _options(command)
        if extra:
            problems.append(f"{name} has no option {sorted(extra)}, which the table shows")
    assert not problems, "\n".join(problems)


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    return {_slug(h) for h in re.findall(r"^#{1,6} (.+)$", _text(page), flags=re.M)}


def _links(page: Path):
    text = re.sub(r"```.*?```", "", _text(page), flags=re.S)  # code is not links
    yield from _LINK.findall(text)


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_every_link_and_picture_resolves(page):
    problems = []
    for target in _links(page):
        if re.match(r"[a-z]+:", target):
            continue  # http(s), mailto: not checked offline
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        if not file.exists():
            problems.append(f"{target}: no such file")
        elif anchor and file.suffix == ".md" and anchor not in _anchors(file):
            problems.append(f"{target}: no heading #{anchor} in {_name(file)}")
    assert not problems, "\n".join(problems)


def test_the_link_check_finds_a_broken_anchor(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# Diff reports: `diff`\n[ok](#diff-reports-diff) [bad](#nowhere) [gone](missing.md)\n")
    assert list(_links(page)) == ["#diff-reports-diff", "#nowhere", "missing.md"]
    assert _anchors(page) == {"diff-reports-diff"}


def test_the_readme_is_short_and_links_every_docs_page():
    text = _text(README)
    assert len(text.splitlines()) <= MAX_README_LINES
    linked = {(README.parent / target.partition("#")[0]).resolve() for target in _links(README)}
    unlinked = [_name(page) for page in PAGES[1:] if page.resolve() not in linked]
    assert not unlinked, f"docs pages the README does not link: {unlinked}"
