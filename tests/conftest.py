import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from chromium import chromium
from faults import small_filesystem
from hypothesis import settings

from crawler.field_table import FIELDS

# No test is timed (a loaded machine made hypothesis's 200 ms deadline fail a test at random): every property
# test runs with no deadline, before the test modules are imported.
settings.register_profile("untimed", deadline=None)
settings.load_profile("untimed")

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
# These two run in-process first, up to where they would start crawling: a command line they refuse (most of the
# tests' crawls that fetch nothing) then costs no interpreter of its own importing Scrapy (~0.7 s of CPU); one
# that passes every check runs again, whole, in its own process (the checks make nothing: archive.runner.build_plan).
CHECKED_IN_PROCESS = {"crawl", "schedule"}


class _WouldCrawl(BaseException):
    """Raised where the command would start crawling; a BaseException, so that no error handler of the CLI takes it."""


def _would_crawl(*args, **kwargs):
    raise _WouldCrawl


def cli(*args, check=None, timeout=120):
    """Run `listing-archive ARGS`; returns an object with returncode, stdout and stderr."""
    args = [str(a) for a in args]
    proc = None
    if args and args[0] not in SUBPROCESS_COMMANDS:
        proc = _in_process(args)
    elif args and args[0] in CHECKED_IN_PROCESS:
        proc = _refused_in_process(args)
    if proc is None:
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
    cwd = os.getcwd()
    os.chdir(ROOT)  # as the subprocess runs: relative paths mean the same
    try:
        result = invoke(*args)
    finally:
        os.chdir(cwd)
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


def _refused_in_process(args):
    """The result of a `crawl` or `schedule` that stops before crawling (a refusal); None for one that would crawl."""
    from archive import runner, schedule

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(runner, "run_plan", _would_crawl)
        patch.setattr(schedule, "run_schedule", _would_crawl)
        try:
            return _in_process(args)
        except _WouldCrawl:
            return None


def invoke(*args, input=None):
    """`listing-archive ARGS` in this process (click's CliRunner, in the current folder); returns click's Result.

    An exception other than an exit, or a traceback printed, fails the test: it is a bug the test should show."""
    from click.testing import CliRunner

    from archive.cli import main

    result = CliRunner().invoke(main, [str(a) for a in args], input=input, prog_name="listing-archive")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.output
    return result


def printed(*args, code=0):
    """What `listing-archive ARGS`, run in this process, printed (stdout and stderr); it must exit `code`."""
    result = invoke(*args)
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture
def small_disk():
    """A 1 MB file system (tmpfs) to fill up."""
    with small_filesystem("1m") as mount:  # skips (fails under REQUIRE_FAULTS) where it cannot mount
        yield mount


@pytest.fixture
def render_ready():
    """Chromium and the render extra are there: skipped without them, failed without them under REQUIRE_CHROMIUM."""
    from crawler.render import unavailable  # Scrapy is loaded only by the tests that render

    chromium()  # skips, or fails under REQUIRE_CHROMIUM, without the browser
    missing = unavailable()
    if missing:
        if os.environ.get("REQUIRE_CHROMIUM"):
            pytest.fail(f"REQUIRE_CHROMIUM is set but rendering cannot run: {missing}")
        pytest.skip("skipped: chromium not installed (or the render extra)")


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


@pytest.fixture(autouse=True)
def ctrl_c_as_it_was():
    """A crawl run in the test's own process leaves Ctrl-C ignored once it closes (a late second Ctrl-C must not end
    the CLI by SIGINT): every later subprocess of that test worker inherited it ignored."""
    before = signal.getsignal(signal.SIGINT)
    yield
    signal.signal(signal.SIGINT, before)
