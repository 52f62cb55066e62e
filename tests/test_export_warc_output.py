"""Where `export-warc -o` writes: `-` is standard output, as every other -o (a pipe; tests/test_reparse_and_warc.py
reads one back), but never a terminal, which it would fill with gzip bytes. From stranger35's report (issue 20)."""

import os
import pty
import stat
import subprocess
import sys

from conftest import ROOT, cli
from helpers import entry, record_crawl

from archive.store import Archive


def test_export_warc_to_a_dash_on_a_terminal_is_refused_in_one_line(tmp_path):
    db = tmp_path / "a.db"
    with Archive(db) as archive:
        record_crawl(archive, [entry("WCMS_1")])
    leader, follower = pty.openpty()
    run = [sys.executable, "-m", "archive.cli", "export-warc", "--db", str(db), "-o", "-"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        done = subprocess.run(run, stdout=follower, stderr=subprocess.PIPE, cwd=tmp_path, env=env, timeout=120)
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 1 and done.stderr.decode().strip() == (
        "Error: standard output is a terminal: pipe export-warc -o - into a program, or give -o FILE"
    )
    assert not (tmp_path / "-").exists() and not list(tmp_path.glob("*.part"))


def _archive_of_one_page(tmp_path):
    db = tmp_path / "a.db"
    with Archive(db) as archive:
        session = archive.begin_crawl("ilo", ["https://www.ilo.org/a/"])
        capture = {"url": "https://www.ilo.org/a/", "listing_url": "https://www.ilo.org/a/", "page": 1}
        archive.record_captures(session, [{**capture, "status": 200, "headers": {}, "body": b"<html>a</html>"}])
        archive.finish_crawl(session, {"https://www.ilo.org/a/": {"pages_fetched": 1, "pages_failed": 0}})
    return db


def test_export_warc_with_force_writes_into_a_named_pipe_and_leaves_it_one(tmp_path):
    """stranger37, 2026-12-08: write_warc_file moves a part file onto -o's realpath with --force, whatever it is:
    a named pipe becomes a regular file and its reader gets nothing; the same code, run as root (CI, a root cron),
    replaces /dev/null by a WARC (`-o /dev/null --force`; without --force it is refused as existing, where
    `export -o /dev/null` writes in place: common.whole_or_nothing writes a device or a pipe in place)."""
    db, fifo = _archive_of_one_page(tmp_path), tmp_path / "warcs"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader waiting, as `gzip -t < warcs` would
    try:
        cli("export-warc", "--db", db, "-o", fifo, "--force")
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
        assert os.read(reader, 2) == b"\x1f\x8b"  # the WARC went to the reader
    finally:
        os.close(reader)


def test_export_warc_to_dev_stdout_that_is_a_pipe_writes_the_warc_there(tmp_path):
    """stranger37, 2026-12-08: `export-warc -o /dev/stdout | gzip -t` said "Error: [Errno 2] No such file or
    directory: '/proc/PID/fd/.pipe:[N].<uuid>.part'", exit 1 (the part file is made beside the pipe's realpath);
    `export -o /dev/stdout` writes there."""
    db = _archive_of_one_page(tmp_path)
    run = [sys.executable, "-m", "archive.cli", "export-warc", "--db", str(db), "-o", "/dev/stdout"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(run, capture_output=True, cwd=tmp_path, env=env, timeout=120)
    assert done.returncode == 0 and done.stdout[:2] == b"\x1f\x8b", done.stderr
