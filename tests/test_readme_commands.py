"""The README and the CLI agree: every command is documented, and every command line the
README shows names a command and options that exist."""

from __future__ import annotations

import re
import shlex

import click
from conftest import ROOT

from archive.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")
# Command lines in code spans and code blocks: `listing-archive diff --format html -o report.html`
_LINE = re.compile(r"(?:\.venv/bin/)?listing-archive ((?:[^`\n|#]|\\\|)+)")


def _options(command: click.Command) -> set[str]:
    names = set()
    for param in command.params:
        names.update(getattr(param, "opts", []))
        names.update(getattr(param, "secondary_opts", []))
    return names | {"--help", "-h"}


def _command_lines():
    for match in _LINE.finditer(README):
        text = match.group(1).replace("\\|", "|").split(" >>")[0].strip()
        try:
            words = shlex.split(text)
        except ValueError:
            words = text.split()
        if words and re.fullmatch(r"[a-z][a-z-]*", words[0]):
            yield words


def test_every_command_is_in_the_readme():
    missing = [name for name in main.commands if f"`{name}" not in README and f"listing-archive {name}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_command_line_in_the_readme_exists():
    problems = []
    for words in _command_lines():
        command = main.commands.get(words[0])
        if command is None:
            problems.append(f"no command {words[0]!r}: {' '.join(words)}")
            continue
        known = _options(command)
        for word in words[1:]:
            option = word.split("=", 1)[0]
            if option.startswith("-") and option not in known:
                problems.append(f"{words[0]} has no option {option}: {' '.join(words)}")
    assert not problems, "\n".join(problems)


def test_the_readme_shows_many_command_lines():
    assert len(list(_command_lines())) >= 15  # the check above read something


def test_every_option_in_an_options_table_exists():
    every = set().union(*(_options(c) for c in main.commands.values()))
    rows = re.findall(r"^\| `(-{1,2}[a-z][a-z-]*)", README, flags=re.M)
    assert rows, "no options tables found"
    assert not sorted(set(rows) - every), f"options in README tables that no command has: {sorted(set(rows) - every)}"
