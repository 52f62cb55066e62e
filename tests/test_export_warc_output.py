"""Where `export-warc -o` writes: `-` is standard output, as every other -o (a pipe; tests/test_reparse_and_warc.py
reads one back), but never a terminal, which it would fill with gzip bytes. From stranger35's report (issue 20)."""

import os
import pty
import subprocess
import sys

from conftest import ROOT
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
