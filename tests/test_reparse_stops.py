"""`reparse` told to stop (Ctrl-C once or twice to its process group, SIGTERM) or killed (kill -9):
it used to print "Aborted!" (or its pool workers' tracebacks), exit 1 or die by the signal, and leave
its crawl `running` for good. It stops within seconds, keeps what it read, closes its crawl partial
with the reason, exits 3; a killed reparse's crawl is closed failed by the next reparse."""

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import FAST, ROOT, cli, q, wait_for
from faults import fill_up, small_filesystem

from archive.store import integrity_ok
from crawler.site_server import DEMO_BASE, DEMO_LISTING_PATH, SiteServer, demo_site_root

# Stored pages enough that the reparse is still reading when the signal comes (about 6 s on 2 cores).
COPIES = 400
# Free bytes left beside the archive: room for the reparse's crawl row, not for all it reads.
LEAVE = 100_000


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    db = tmp_path_factory.mktemp("reparse-stops") / "a.db"
    with SiteServer(demo_site_root(), state="week1", base=DEMO_BASE) as site:
        cli("crawl", "ilo", "--db", db, "--start-url", site.base_url + DEMO_LISTING_PATH, *FAST, check=0)
    with sqlite3.connect(db) as conn:  # the same two stored pages, many times over: a long reparse, cheaply
        conn.execute(
            "INSERT INTO captures (crawl_id, url, listing_url, page, fetched_at, status, headers, digest, page_links) "
            "SELECT crawl_id, url, listing_url, page, fetched_at, status, headers, digest, page_links "
            "FROM captures, (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            "SELECT i FROM n)",
            (COPIES,),
        )
    return db


def _copy(db, tmp_path):
    copy = tmp_path / "copy.db"
    src, dst = sqlite3.connect(db), sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.close()
    return copy


def _start_reparse(db) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "archive.cli", "reparse", "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=str(ROOT),
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        start_new_session=True,  # its own process group, which the signals go to, as a terminal's Ctrl-C does
    )


def _reparse_running(db) -> bool:
    return q(db, "SELECT count(*) FROM crawls WHERE source = 'reparse' AND status = 'running'") == 1


SIGNALS = {
    "SIGINT": [signal.SIGINT],
    "SIGINT twice": [signal.SIGINT, signal.SIGINT],
    "SIGTERM": [signal.SIGTERM],
    "SIGTERM then SIGINT": [signal.SIGTERM, signal.SIGINT],
}


@pytest.mark.parametrize("signals", SIGNALS.values(), ids=SIGNALS.keys())
def test_a_reparse_told_to_stop_closes_its_crawl_partial(crawled, tmp_path, signals):
    db = _copy(crawled, tmp_path)
    before = q(db, "SELECT group_concat(entry_id || status || version) FROM entries")
    proc = _start_reparse(db)
    wait_for(lambda: _reparse_running(db), 60)
    for signum in signals:
        os.killpg(proc.pid, signum)
    started = time.monotonic()
    out, err = proc.communicate(timeout=60)
    assert time.monotonic() - started < 30
    assert proc.returncode == 3, out + err
    assert "Traceback" not in err and "Aborted" not in err
    name = next(signal.Signals(s).name for s in signals if f"stopped by {signal.Signals(s).name}" in out)  # pending
    assert f"reparse #2 stopped by {name} after " in out and "reparse again" in out  # signals come lowest first
    status, note = sqlite3.connect(db).execute("SELECT status, note FROM crawls WHERE id = 2").fetchone()
    assert status == "partial" and f"stopped by {name}" in note
    assert q(db, "SELECT group_concat(entry_id || status || version) FROM entries") == before  # nothing lost
    assert integrity_ok(str(db))


def test_a_stopped_reparse_run_again_reads_them_all(crawled, tmp_path):
    db = _copy(crawled, tmp_path)
    proc = _start_reparse(db)
    wait_for(lambda: _reparse_running(db), 60)
    os.killpg(proc.pid, signal.SIGINT)
    assert proc.wait(timeout=60) == 3
    again = cli("reparse", "--db", db, "--crawl", "1", check=0)
    assert again.stdout.startswith(f"reparse #3: 14 entries from {2 * (COPIES + 1)} stored pages")
    assert q(db, "SELECT status FROM crawls WHERE id = 3") == "complete"


def test_a_killed_reparse_is_closed_failed_by_the_next(crawled, tmp_path):
    db = _copy(crawled, tmp_path)
    proc = _start_reparse(db)
    wait_for(lambda: _reparse_running(db), 60)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    assert _reparse_running(db)
    cli("reparse", "--db", db, "--crawl", "1", check=0)
    assert q(db, "SELECT status FROM crawls WHERE id = 2") == "failed"
    assert q(db, "SELECT status FROM crawls WHERE id = 3") == "complete"


def test_a_disk_full_in_the_middle_of_a_reparse_loses_nothing(crawled, tmp_path):
    """It used to say "is not a usable archive: database or disk is full" and leave its crawl running."""
    with small_filesystem("8m") as mount:
        db = _copy(crawled, mount)
        before = q(db, "SELECT group_concat(entry_id || status || version) FROM entries")
        fill_up(mount, leave=LEAVE)
        result = cli("reparse", "--db", db, "--crawl", "1")
        assert result.returncode == 1, result.stdout + result.stderr
        [line] = result.stderr.splitlines()
        assert "disk full" in line and "reparse #2 stopped after " in line and "usable" not in line, line
        assert "the archive is intact" in line and "reparse again" in line
        assert q(db, "SELECT group_concat(entry_id || status || version) FROM entries") == before
        assert integrity_ok(str(db))
        (mount / "filler").unlink()
        cli("reparse", "--db", db, "--crawl", "1", check=0)  # room again: the stopped one is closed, not running
        assert q(db, "SELECT count(*) FROM crawls WHERE status = 'running'") == 0
        assert q(db, "SELECT status FROM crawls ORDER BY id DESC LIMIT 1") == "complete"


def test_a_reparse_while_another_writer_holds_the_archive_exits_75(crawled, tmp_path):
    """It said so but exited 1, the code for bad input, where every other writer exits 75 (try again later)."""
    from archive.locking import archive_lock

    db = _copy(crawled, tmp_path)
    with archive_lock(str(db)):
        refused = cli("reparse", "--db", db, check=75)
    assert "another crawl is writing" in refused.stderr
    assert q(db, "SELECT count(*) FROM crawls") == 1


def test_a_pool_worker_killed_mid_reparse_leaves_the_rest_to_the_reparse(crawled, tmp_path):
    """A parse worker killed (out of memory, kill -9): the pages left are parsed in the reparse's own process,
    as a crawl does with its parse worker; nothing hangs, every page is read."""
    db = _copy(crawled, tmp_path)
    proc = _start_reparse(db)
    wait_for(lambda: _reparse_running(db), 60)
    wait_for(lambda: _pool_workers(proc.pid), 60)
    os.kill(_pool_workers(proc.pid)[0], signal.SIGKILL)
    try:
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:  # it hung (it did): leave nothing behind
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 0, out + err
    assert out.startswith(f"reparse #2: 14 entries from {2 * (COPIES + 1)} stored pages")
    assert "a parse worker stopped" in err and "Traceback" not in err
    assert q(db, "SELECT status FROM crawls WHERE id = 2") == "complete"


def _pool_workers(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in found]


def test_a_reparse_killed_alone_leaves_no_worker_holding_the_archive(crawled, tmp_path):
    """kill -9 to the reparse only (not its group): its pool workers, which inherit the archive's lock, used
    to live on and hold it, and every later writer was refused for ever (exit 75, naming the dead reparse)."""
    db = _copy(crawled, tmp_path)
    proc = _start_reparse(db)
    wait_for(lambda: _reparse_running(db), 60)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)

    def gone() -> bool:  # no process of its group is left
        return not any(p.isdigit() and _group_of(p) == proc.pid for p in os.listdir("/proc"))

    try:
        wait_for(gone, 30)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # what a failing run left: no orphan outlives the test
    again = cli("reparse", "--db", db, "--crawl", "1", check=0)
    assert again.returncode == 0, again.stdout + again.stderr
    assert q(db, "SELECT status FROM crawls WHERE id = 2") == "failed"


def _group_of(pid: str) -> int | None:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return int(stat.read().rsplit(")", 1)[1].split()[2])
    except (OSError, ValueError, IndexError):
        return None
