import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler.field_table import FIELDS

# The unattended-crawl fixtures (a demo site copy and its archive) for the tests that use them.
pytest_plugins = ["unattended", "redis_server"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_TIMES=1", "-s", "LOG_LEVEL=WARNING"]


def q(db, sql, *args):
    """One value from the archive at `db` (a test's quick look)."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchone()[0]
    finally:
        conn.close()


def wait_for(predicate, seconds=60):
    """Poll until `predicate()` holds (a condition, not a timing); fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


# Commands that start Twisted's reactor (once per process) run in their own process;
# every other command runs in-process with click's CliRunner, which is much faster.
SUBPROCESS_COMMANDS = {"crawl", "schedule", "demo", "worker", "serve"}


def cli(*args, check=None, timeout=120):
    """Run `listing-archive ARGS`; returns an object with returncode, stdout and stderr."""
    args = [str(a) for a in args]
    if args and args[0] not in SUBPROCESS_COMMANDS:
        proc = _in_process(args)
    else:
        proc = subprocess.run(
            [sys.executable, "-m", "archive.cli", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=str(ROOT),
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    if check is not None:
        assert proc.returncode == check, (
            f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr[-4000:]}"
        )
    return proc


def _in_process(args):
    from click.testing import CliRunner

    from archive.cli import main

    cwd = os.getcwd()
    os.chdir(ROOT)  # as the subprocess runs: relative paths mean the same
    try:
        result = CliRunner().invoke(main, args, prog_name="listing-archive")
    finally:
        os.chdir(cwd)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback here is a bug the test should show
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def seed_html():
    return (FIXTURES / "ilo-lao-resources.html").read_bytes()


SEED_URL = "https://www.ilo.org/asia/countries/lao-peoples-democratic-republic/facet/lang--en/index.htm"


def labelled_pages():
    for path in sorted((FIXTURES / "pages").glob("*.json")):
        yield path.stem, json.loads(path.read_text()), path.with_suffix(".html").read_bytes()


def snapshot(db) -> dict:
    """What an archive holds, without ids and times: entries, versions, sightings, captures, listings."""
    conn = sqlite3.connect(db)
    cols = ", ".join(f'"{f}"' for f in FIELDS)
    queries = {
        "entries": f"SELECT {cols}, status, version FROM entries ORDER BY entry_id",
        "versions": "SELECT entry_id, version, source, changed_fields, record FROM version_records ORDER BY 1, 2",
        "sightings": 'SELECT s.entry_id, s.listing_url, s.page_url, s.page, s."group", s.position, c.url, s.crawl_id '
        "FROM sightings s LEFT JOIN captures c ON c.id = s.capture_id ORDER BY 8, 1, 3",
        "captures": "SELECT url, listing_url, page, status, digest, page_links, crawl_id FROM captures ORDER BY 7, 1",
        "listings": "SELECT listing_url, pages_fetched, pages_failed, entries, complete, fill FROM listing_crawls",
        "events": "SELECT entry_id, kind, version, crawl_id FROM events ORDER BY 4, 1, 2",
        "crawls": "SELECT status, suspect, pages, entries, new, changed, removed, restored, errors FROM crawls",
    }
    try:
        return {name: conn.execute(sql).fetchall() for name, sql in queries.items()}
    finally:
        conn.close()
