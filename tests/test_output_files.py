"""A file the user names with -o is never replaced unasked: `export -o FILE` and `diff -o FILE` wrote over
an earlier export silently. They refuse an existing file (one line naming it and --force, exit 1, the file
untouched) unless --force is given, as `export-warc` and `learn` do and `backup` always does. A closed
standard output (`>&-`) is one line and exit 1 for every command that would print there (stranger37)."""

import os
import subprocess
import sys

import pytest
from conftest import ROOT, cli, invoke
from helpers import entry, file_state, good_archive, record_crawl

from archive.store import Archive

WRITERS = [
    ["export", "--format", "csv"],
    ["export", "--format", "jsonl"],
    ["diff", "--format", "html"],
    ["diff", "--format", "json", "--mark-reported"],
]


@pytest.mark.parametrize("command", WRITERS)
def test_an_existing_file_is_refused_without_force(tmp_path, command):
    db = good_archive(tmp_path / "a.db")
    out = tmp_path / "earlier.out"
    out.write_text("an earlier export\n")
    before = file_state(out)
    result = invoke(*command, "--db", db, "-o", out)
    assert result.exit_code == 1, result.output
    line = result.output.strip()
    assert "\n" not in line and str(out) in line and "--force" in line, result.output
    assert file_state(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no part file left behind
    if "--mark-reported" in command:  # nothing was reported: the mark did not move
        assert "Forum" in invoke("diff", "--db", db, "--since-last-report").output


@pytest.mark.parametrize("command", WRITERS)
def test_force_replaces_it_whole_and_a_second_run_needs_it_again(tmp_path, command):
    db = good_archive(tmp_path / "a.db")
    out = tmp_path / "earlier.out"
    out.write_text("an earlier export\n")
    assert invoke(*command, "--db", db, "-o", out, "--force").exit_code == 0
    assert "Forum" in out.read_text()
    again = invoke(*command, "--db", db, "-o", out)
    assert again.exit_code == 1 and "--force" in again.output


@pytest.mark.parametrize("command", WRITERS)
def test_a_new_or_empty_file_needs_no_force(tmp_path, command):
    """An absent file, or an empty one (`mktemp`'s), holds nothing to lose."""
    db = good_archive(tmp_path / "a.db")
    empty = tmp_path / "empty.out"
    empty.touch()
    for out in (tmp_path / "new.out", empty):
        result = invoke(*command, "--db", db, "-o", out)
        assert result.exit_code == 0, result.output
        assert "Forum" in out.read_text()


def test_a_device_is_written_without_force(tmp_path):
    """`-o /dev/null` or `-o /dev/stdout` replaces nothing: no --force needed."""
    db = good_archive(tmp_path / "a.db")
    assert invoke("export", "--db", db, "-o", "/dev/null").exit_code == 0
    assert invoke("diff", "--db", db, "-o", "/dev/null").exit_code == 0


def test_every_command_words_the_refusal_with_one_function(tmp_path):
    """export-warc (archive/warc.py) worded its refusal apart from export's and diff's (archive/cli): two
    copies of one sentence drift apart. Both raise OutputExists, so every -o writer says the same line."""
    from archive.store import Archive
    from archive.warc import write_warc_file
    from crawler.errors import OutputExists

    db = good_archive(tmp_path / "a.db")
    out = tmp_path / "earlier.out"
    out.write_text("an earlier export\n")
    with Archive(db, readonly=True) as archive, pytest.raises(OutputExists):
        write_warc_file(archive, str(out))
    said = {invoke(*command, "--db", db, "-o", out).output for command in [*WRITERS, ["export-warc"]]}
    assert said == {f"Error: {OutputExists(out)}\n"}


def test_export_warc_into_a_missing_folder_says_so_plainly(tmp_path):
    """stranger27: export-warc into a missing folder gave a raw errno naming its internal .part file; it says
    so in one line, as export and diff do (common.refuse_missing_folder)."""
    db = good_archive(tmp_path / "a.db")
    output = tmp_path / "reports" / "lao.warc.gz"
    done = cli("export-warc", "--db", db, "-o", output)
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert "no folder" in done.stderr and ".part" not in done.stderr, done.stderr
    assert not (tmp_path / "reports").exists()


def _closed_stdout_run(tmp_path, *args):
    """`listing-archive ARGS >&-` (cron or a daemon with no standard output): Python's sys.stdout is then None."""
    db = tmp_path / "a.db"
    with Archive(db) as archive:
        record_crawl(archive, [entry("WCMS_1")])
    run = [str(a) for a in (sys.executable, "-m", "archive.cli", *args, "--db", db)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    closing = dict(preexec_fn=lambda: os.close(1), stderr=subprocess.PIPE)  # noqa: PLW1509 (no threads here)
    return subprocess.run(run, **closing, text=True, cwd=tmp_path, env=env, timeout=120)


@pytest.mark.parametrize("command", [["crawls"], ["export-warc", "-o", "-"], ["diff"], ["search", "wages"], ["export"]])
def test_a_closed_standard_output_is_refused_in_one_line(tmp_path, command):
    """stranger37, 2026-12-08: `listing-archive crawls --db a.db >&-` and `export-warc -o - >&-` ended in an
    AttributeError traceback ('NoneType' object has no attribute 'flush' / 'buffer'); diff, search, export alike."""
    done = _closed_stdout_run(tmp_path, *command)
    assert done.returncode != 0 and "Traceback" not in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
