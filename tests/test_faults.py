"""Faults in the middle of a crawl: a held write lock, a full disk, kill -9, endless
pagination, off-host redirects, hostile links. After each: integrity ok, no live entry
marked removed, no field blanked, and an exit status and summary that tell the truth."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import FAST, ROOT, cli, q
from faults import WriteLockHolder
from helpers import ALL, PAGES, PER_PAGE, page_html, write_site

from archive.schema import SCHEMA_VERSION
from archive.store import integrity_ok
from crawler.site_server import SiteServer


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    write_site(root)
    with SiteServer(root) as server:
        server.url = server.base_url + "/list/page-1.html"
        server.page_root = root
        yield server


def crawl_site(db, site, *extra, check=None, timeout=180):
    return cli(
        "crawl",
        "listing",
        "--db",
        db,
        "--start-url",
        site.url,
        *FAST,
        "-s",
        "CONDITIONAL_REQUESTS=False",
        *extra,
        check=check,
        timeout=timeout,
    )


def healthy(db, listed=ALL):
    """Integrity intact, every entry still listed, no date or description blanked."""
    assert integrity_ok(str(db))
    assert q(db, "SELECT count(*) FROM entries WHERE status='listed'") == listed
    assert q(db, "SELECT count(*) FROM entries WHERE status='removed'") == 0
    assert q(db, "SELECT count(*) FROM events WHERE kind='removed'") == 0
    assert q(db, "SELECT count(*) FROM entries WHERE date_start IS NULL OR description IS NULL") == 0


def taking(holder):
    """A site fault: the first request for the page has `holder` take the lock; the page is served as usual."""

    def fault(_handler):
        if not holder.held.is_set():
            holder.start()
        return False

    return fault


RESEARCHER = "INSERT OR REPLACE INTO meta (key, value) VALUES ('researcher', 'was here')"


def test_lock_held_briefly_mid_crawl_loses_nothing(tmp_path, site):
    """Another process holds the write lock mid-crawl; the writer waits and the crawl is whole."""
    db = tmp_path / "a.db"
    crawl_site(db, site, check=0)
    holder = WriteLockHolder(db, [RESEARCHER], commit=True)
    site.faults["/list/page-3.html"] = taking(holder)
    site.faults["/list/page-10.html"] = lambda h: (holder.release(), False)[1]
    out = crawl_site(db, site, "-s", "ARCHIVE_BATCH_SIZE=5", "-s", "CONCURRENT_REQUESTS=1", check=0).stdout
    holder.stop()
    assert "COMPLETE" in out
    assert q(db, "SELECT count(*) FROM captures WHERE crawl_id=2") == PAGES
    assert q(db, "SELECT count(DISTINCT entry_id) FROM sightings WHERE crawl_id=2") == ALL
    assert q(db, "SELECT value FROM meta WHERE key='researcher'") == "was here"
    healthy(db)


def test_lock_held_too_long_fails_the_crawl_and_removes_nothing(tmp_path, site):
    db = tmp_path / "a.db"
    crawl_site(db, site, check=0)
    holder = WriteLockHolder(db, [RESEARCHER], commit=True)
    site.faults["/list/page-3.html"] = taking(holder)
    try:
        result = crawl_site(
            db, site, "-s", "ARCHIVE_BATCH_SIZE=5", "-s", "ARCHIVE_LOCK_WAIT=1", "-s", "CONCURRENT_REQUESTS=1"
        )
    finally:
        holder.stop()
    assert result.returncode == 4, result.stdout + result.stderr[-2000:]
    assert "archive locked by another process" in result.stdout and "Traceback" not in result.stderr
    assert "FAILED" in result.stdout and "RUNNING" not in result.stdout
    assert q(db, "SELECT status FROM crawls WHERE id=2") in ("failed", "running")
    healthy(db)
    site.faults.clear()
    crawl_site(db, site, check=0)  # the next crawl closes the stopped one as failed and completes
    assert q(db, "SELECT status FROM crawls WHERE id=2") == "failed"
    healthy(db)


def test_full_disk_is_a_failed_crawl_that_says_so(tmp_path, site, small_disk):
    db = small_disk / "a.db"
    crawl_site(db, site, check=0)
    # The same entries on pages that no longer fit: incompressible padding fills the disk mid-crawl.
    write_site(site.page_root, pad=os.urandom(120_000).hex())
    result = crawl_site(db, site, "-s", "ARCHIVE_BATCH_SIZE=5", "-s", "ARCHIVE_LOCK_WAIT=1")
    assert result.returncode == 4, result.stdout + result.stderr[-2000:]
    assert "disk full" in result.stdout and "Traceback" not in result.stderr
    assert "SUSPECT" not in result.stdout  # entries were found; they could not be written
    healthy(db)


@pytest.mark.parametrize("kill_at", [2, 6, 11])
def test_kill_9_mid_crawl_loses_nothing(tmp_path, site, kill_at):
    db = tmp_path / "a.db"
    crawl_site(db, site, check=0)
    reached, release = threading.Event(), threading.Event()
    site.faults[f"/list/page-{kill_at}.html"] = lambda h: (reached.set(), release.wait(60), False)[2]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "archive.cli",
            "crawl",
            "listing",
            "--db",
            str(db),
            "--start-url",
            site.url,
            *FAST,
            "-s",
            "CONDITIONAL_REQUESTS=False",
            "-s",
            "ARCHIVE_BATCH_SIZE=5",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert reached.wait(60)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        release.set()
    healthy(db)
    # Until the next crawl, `crawls` says the killed one died: it said "running" for ever.
    shown = cli("crawls", "--db", db, check=0).stdout
    assert "#2" in shown and "died" in shown and "running" not in shown and "next crawl marks it failed" in shown
    site.faults.clear()
    crawl_site(db, site, check=0)
    assert q(db, "SELECT status FROM crawls WHERE id=2") == "failed"
    healthy(db)


def test_a_running_crawl_whose_process_lives_is_shown_running(tmp_path):
    """`crawls` tells a killed crawl from one under way by the lock holder's pid, and never takes the lock."""
    from archive.locking import archive_lock
    from archive.store import Archive

    db = tmp_path / "a.db"
    with Archive(db) as archive, archive_lock(str(db)):  # this process: the crawl's, alive
        archive.begin_crawl("ilo", ["http://127.0.0.1:9/"])
        shown = cli("crawls", "--db", db, check=0).stdout
        assert "running" in shown and "died" not in shown, shown
        with pytest.raises(BlockingIOError):  # the lock still held, by us alone
            fcntl.flock(os.open(f"{os.path.realpath(db)}.lock", os.O_RDONLY), fcntl.LOCK_EX | fcntl.LOCK_NB)
        # A pid of another machine or container, no process here: the lock, held, says it runs.
        dead = subprocess.Popen([sys.executable, "-c", ""])
        dead.wait()
        Path(f"{os.path.realpath(db)}.lock").write_text(str(dead.pid))
        shown = cli("crawls", "--db", db, check=0).stdout
        assert "running" in shown and "died" not in shown, shown


def test_endless_pagination_stops_at_the_page_cap(tmp_path, site):
    def endless(handler):
        n = int(handler.path.rsplit("-", 1)[1].split(".")[0])
        body = page_html(n, pages=n + 1).encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
        return True

    db = tmp_path / "a.db"
    crawl_site(db, site, check=0)
    for n in range(1, 40):
        site.faults[f"/list/page-{n}.html"] = endless
    result = crawl_site(db, site, "-s", "LISTING_MAX_PAGES=20")
    assert result.returncode == 3, result.stdout
    assert "LISTING_MAX_PAGES=20" in result.stdout + result.stderr
    assert q(db, "SELECT pages FROM crawls WHERE id=2") == 20
    healthy(db, listed=20 * PER_PAGE)


def test_start_page_redirected_off_host_is_never_fetched(tmp_path, site):
    port = site.server_address[1]
    asked = []
    site.faults["/away.html"] = lambda h: (asked.append(h.headers.get("Host")), False)[1]

    def away(handler):
        handler.send_response(302)
        handler.send_header("Location", f"http://localhost:{port}/away.html")
        handler.end_headers()
        return True

    site.faults["/list/page-1.html"] = away
    db = tmp_path / "a.db"
    result = crawl_site(db, site)
    assert result.returncode == 4 and "Traceback" not in result.stderr
    assert asked == []  # localhost is another host name: never asked
    assert q(db, "SELECT count(*) FROM captures WHERE url LIKE 'http://localhost%'") == 0


def test_hostile_links_are_refused_by_crawl_and_reparse_alike(tmp_path, site):
    hostile = (
        '<article><h2><a href="javascript:alert(document.cookie)">Click \x1b]0;owned\x07me\x1b[2J</a></h2>'
        "<time datetime=2024-02-02>2 Feb 2024</time><p>Bad \x9b31m link.</p></article>"
    )
    (site.page_root / "list" / "page-1.html").write_text(page_html(1, hostile=hostile))
    db = tmp_path / "a.db"
    crawl_site(db, site, check=0)
    cli("reparse", "--db", db, check=0)
    conn = sqlite3.connect(db)
    try:
        urls = [r[0] for r in conn.execute("SELECT url FROM entries WHERE url IS NOT NULL")]
        titles = [r[0] for r in conn.execute("SELECT title FROM entries")]
        versions = [r[0] for r in conn.execute("SELECT record FROM version_records")]
    finally:
        conn.close()
    assert urls and all(u.startswith("http") for u in urls)
    assert not any("javascript:" in v for v in versions)
    assert not any(ch in t for t in titles for ch in "\x1b\x07\x9b")


# A title as a terminal would colour it, set its window title and link it: CSI, OSC (BEL and ST ended), C1 CSI.
ANSI_TITLE = "\x1b[31mRed\x1b[0m alert \x1b]0;owned\x07on wages\x1b]8;;https://evil.example/\x1b\\ in the region\x9b1m"


def test_an_escape_sequence_in_a_title_goes_whole_by_crawl_parse_and_reparse(tmp_path, site):
    """`\\x1b[31mRed\\x1b[0m` was stored as "[31mRed[0m ...": the ESC dropped, the rest of the sequence kept
    as text. Whole sequences go, written as bytes or as an entity (&#27;), by every route that reads a page."""
    hostile = (
        f'<article><h2><a href="/item/x.html">{ANSI_TITLE}</a></h2>'
        "<time datetime=2024-02-02>2 Feb 2024</time><p>Findings on decent work and wages.</p></article>"
        '<article><h2><a href="/item/y.html">&#27;[1mBold&#27;[0m claims on decent work</a></h2>'
        "<time datetime=2024-02-03>3 Feb 2024</time><p>Findings on decent work and wages.</p></article>"
    )
    saved = site.page_root / "list" / "page-1.html"
    saved.write_text(page_html(1, hostile=hostile))
    wanted = {"Red alert on wages in the region", "Bold claims on decent work"}
    db = tmp_path / "a.db"
    crawl_site(db, site, check=0)
    query = "SELECT title FROM entries WHERE url LIKE '%/item/_.html'"
    assert {r[0] for r in sqlite3.connect(db).execute(query)} == wanted
    cli("reparse", "--db", db, check=0)
    assert {r[0] for r in sqlite3.connect(db).execute(query)} == wanted
    parsed = cli("parse", saved, "--url", site.url, check=0).stdout
    assert wanted <= {json.loads(line)["title"] for line in parsed.splitlines()}


@pytest.mark.parametrize(
    "page", ["<html><body><h1>Access denied</h1><p>Please verify you are human.</p></body></html>", ""]
)
def test_a_block_page_or_empty_page_mid_listing_removes_nothing(tmp_path, site, page):
    db = tmp_path / "a.db"
    crawl_site(db, site, check=0)
    (site.page_root / "list" / "page-5.html").write_text(page)  # pages 6-12 are no longer linked either
    result = crawl_site(db, site)
    assert result.returncode in (3, 5), result.stdout
    assert "no entries" in result.stdout
    healthy(db)


def test_a_hard_link_to_the_archive_is_refused_for_writing(tmp_path, site):
    db = tmp_path / "a.db"
    crawl_site(db, site, check=0)
    os.link(db, tmp_path / "hard.db")
    result = crawl_site(tmp_path / "hard.db", site)
    assert result.returncode == 1 and "hard links" in result.stderr
    healthy(db)


def test_parse_keeps_no_link_that_is_not_http(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(
        page_html(
            1,
            hostile='<article><h2><a href="JaVaScRiPt:alert(2)">Tricky link</a></h2>'
            "<time datetime=2024-02-02>2 Feb 2024</time><p>x</p></article>",
        )
    )
    out = cli("parse", page, "--url", "http://127.0.0.1/list/page-1.html", "--profile", "auto", check=0).stdout
    urls = [line.split('"url": ')[1].split(",")[0] for line in out.splitlines()]
    assert not any("script" in u.lower() for u in urls)


def test_a_closed_pipe_ends_a_command_quietly(tmp_path, site):
    db = tmp_path / "a.db"
    crawl_site(db, site, check=0)
    for command in (["schema"], ["export"], ["crawls"], ["history", f"{site.base_url}/item/1-1.html"]):
        read_end, write_end = os.pipe()
        os.close(read_end)  # the reader (`| head`) has gone: the first write meets a closed pipe
        proc = subprocess.run(
            [sys.executable, "-m", "archive.cli", *command, "--db", str(db)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        os.close(write_end)
        assert proc.returncode == 0, (command, proc.stderr)
        assert "Broken pipe" not in proc.stderr and "Traceback" not in proc.stderr, command


def test_markdown_gives_no_autolink_and_the_terminal_no_bidi_override():
    from archive.reports.safety import for_terminal, md_text

    assert "http\\://" in md_text("Go to http://evil.example/x") and "www\\." in md_text("or www.evil.example")
    assert for_terminal("RTL \u202e txt.exe") == "RTL  txt.exe"


def test_a_migration_that_fills_the_disk_leaves_the_archive_as_it_was(small_disk):
    """The 4 -> 5 migration rewrites the versions in one transaction: a full disk stops it cleanly."""
    db = small_disk / "old.db"
    conn = sqlite3.connect(db)
    conn.executescript((ROOT / "tests" / "schema4" / "archive.sql").read_text(encoding="utf-8"))
    conn.close()
    filler = small_disk / "filler"
    free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
    filler.write_bytes(b"\0" * max(0, free - 8192))  # a few kB left: the migration cannot fit
    result = cli("migrate", "--db", db)
    filler.unlink()
    assert result.returncode == 1 and "disk full" in result.stderr and "unchanged" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert integrity_ok(str(db))
    assert q(db, "SELECT value FROM meta WHERE key = 'schema_version'") == "4"
    assert cli("migrate", "--db", db).returncode == 0  # with room again, it goes through
    assert q(db, "SELECT value FROM meta WHERE key = 'schema_version'") == str(SCHEMA_VERSION)


def _redirect_to(location: str):
    """A SiteServer fault that answers 302 to `location`."""

    def send(handler):
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
        return True

    return send


def test_a_redirect_away_to_an_address_with_secrets_stores_and_prints_none(tmp_path):
    (tmp_path / "site" / "list").mkdir(parents=True)
    reports = "".join(f"<article><h2><a href='/item/{i}.html'>Report {i} on wages</a></h2></article>" for i in range(4))
    (tmp_path / "site" / "list" / "r.html").write_text(f"<html lang=en><body><main>{reports}</main></body></html>")
    db = tmp_path / "a.db"
    with SiteServer(tmp_path / "site") as site:
        url = f"{site.base_url}/list/r.html"
        assert cli("crawl", "listing", "--db", db, "--start-url", url, *FAST).returncode == 0
        site.faults["/list/r.html"] = _redirect_to("http://bob:hunter2@elsewhere.example/x?token=s3cr3t")
        done = cli("crawl", "listing", "--db", db, "--start-url", url, *FAST)
    assert done.returncode != 0 and "off the start hosts" in done.stdout, done.stdout
    assert q(db, "SELECT count(*) FROM entries WHERE status = 'removed'") == 0
    note = q(db, "SELECT note FROM crawls WHERE id = 2")
    for secret in ("hunter2", "s3cr3t"):
        assert secret not in note and secret not in done.stdout + done.stderr, (note, done.stdout[-600:])
