"""`listing-archive demo`: two crawls of the bundled demo site, a week apart, and the diff.

The demo starts from a fresh archive, but it never deletes one it did not make: it
(re)creates only a file that is absent or that is itself a demo archive (marked
`demo` in its `meta` table when the demo made it, and holding only crawls of the
demo site on this machine). Anything else is refused with a message. The delete and
re-create happen under the archive's lock; the crawls that follow take it themselves.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import uuid
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from crawler.errors import ListingArchiveError
from crawler.site_server import DEMO_BASE, DEMO_LISTING_PATH, SiteServer, demo_site_root
from crawler.wording import counted

from .diff import diff
from .locking import archive_lock
from .reports import render
from .store import Archive

FAST_LOCAL = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=WARNING"]
CHANGED_ENTRY = "WCMS_862866"
DEMO_KEY = "demo"  # the meta key that marks an archive the demo made
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


class DemoRefused(ListingArchiveError, ValueError):
    """The demo will not replace this file; the message says why and what to do."""


def _cli(*args: str) -> int:
    # Each crawl runs in its own process: Twisted's reactor starts once per process.
    return subprocess.call([sys.executable, "-m", "archive.cli", *args], env={**os.environ, "PYTHONUNBUFFERED": "1"})


def _refuse(db: str, why: str) -> DemoRefused:
    return DemoRefused(
        f"{db} {why}; the demo only replaces an archive it made itself. "
        "Give another file, e.g. --db demo.db (nothing was changed)"
    )


def demo_state(path: str) -> str | None:
    """Why the file at `path` may not be replaced by the demo, or None if it may."""
    file = Path(path)
    if not file.exists():
        wal = Path(f"{path}-wal")
        return "is absent but its -wal file holds data" if wal.exists() and wal.stat().st_size else None
    if not file.is_file():
        return "is not a regular file"
    if file.stat().st_size == 0:
        return "is an empty file the demo did not make"
    try:
        with closing(sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            mark = (
                conn.execute("SELECT value FROM meta WHERE key=?", (DEMO_KEY,)).fetchone() if "meta" in tables else None
            )
            entries = conn.execute("SELECT count(*) FROM entries").fetchone()[0] if "entries" in tables else 0
            starts = [r[0] for r in conn.execute("SELECT start_urls FROM crawls")] if "crawls" in tables else []
    except sqlite3.Error as exc:
        return f"is not a demo archive (SQLite cannot read it: {exc})"
    if mark is None:
        return (
            f"is not a demo archive ({counted(entries, 'entry')})"
            if "entries" in tables
            else "is an SQLite database the demo did not make"
        )
    hosts = {urlsplit(url).hostname for urls in starts for url in _json_list(urls)}
    elsewhere = sorted(map(str, hosts - set(LOCAL_HOSTS)))
    if elsewhere:
        return f"was made by the demo but has since been crawled from {', '.join(elsewhere)}"
    return None


def _json_list(text) -> list:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return [str(text)]
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def prepare_demo_archive(db: str) -> str:
    """Under the archive's lock: refuse a file the demo did not make, else start it afresh, marked as the demo's.

    Returns the archive's real path (a symbolic link is followed, never replaced).
    """
    real = os.path.realpath(db)
    with archive_lock(real):
        why = demo_state(real)
        if why:
            raise _refuse(db, why)
        for leftover in (real, f"{real}-wal", f"{real}-shm"):
            if os.path.exists(leftover):
                os.remove(leftover)
        Archive(real).close()
        with closing(sqlite3.connect(real)) as conn, conn:
            stamp = datetime.now(UTC).isoformat(timespec="seconds")
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                (DEMO_KEY, f"made by listing-archive demo {stamp}"),
            )
    return real


# The last line of a report the demo wrote: the one kind of HTML file it may replace.
REPORT_MARK = b"<!-- made by listing-archive demo -->"


def check_report_path(report_path: str, db: str) -> None:
    """The HTML report may replace an absent or empty file or a report the demo made, nothing else."""
    report = Path(report_path)
    if report.exists() and os.path.realpath(report) == os.path.realpath(db):
        raise DemoRefused(f"--report {report_path} is the archive itself; give an .html file")
    if report.exists() and not report.is_file():
        raise DemoRefused(f"--report {report_path} is not a regular file; give an .html file")
    if report.is_file() and report.stat().st_size:
        with report.open("rb") as f:
            head = f.read(512).lstrip().lower()
            f.seek(max(0, report.stat().st_size - 512))
            tail = f.read()
        if REPORT_MARK in tail:
            return
        what = "an HTML page the demo did not make" if head.startswith((b"<!doctype html", b"<html")) else None
        raise DemoRefused(
            f"--report {report_path} exists and is {what or 'not an HTML page'}; the demo never replaces it "
            "(give another file, e.g. --report demo-report.html)"
        )


def write_report(db: str, report_path: str) -> int:
    """The diff as HTML, marked as the demo's, put in place whole (a file written meanwhile is still
    refused); returns the diff's exit status."""
    target = os.path.realpath(report_path)
    part = os.path.join(os.path.dirname(target), f".demo-report-{uuid.uuid4().hex}.html")
    try:
        with Archive(db, readonly=True) as archive:  # the two demo crawls, as `diff --format html` shows them
            report = diff(archive.conn, archive.crawl(1), archive.crawl(2))
        with open(part, "w", encoding="utf-8") as f:
            f.write(render(report, "html") + "\n" + REPORT_MARK.decode() + "\n")
        check_report_path(report_path, db)
        os.replace(part, target)
        return 0
    finally:
        if os.path.exists(part):
            os.remove(part)


DEMO_WEEKS = {1: "week1", 2: "week2"}


def serve_demo_site(port: int, week: int) -> int:
    """Serve the demo site as it stands in `week` on 127.0.0.1:`port` until Ctrl-C or SIGTERM."""
    try:
        site = SiteServer(demo_site_root(), state=DEMO_WEEKS[week], base=DEMO_BASE, port=port)
    except OSError as exc:  # the port is taken, or not ours to open
        raise DemoRefused(f"cannot serve on 127.0.0.1:{port} ({exc.strerror}); give another, e.g. --port 0") from None
    previous = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    # Ctrl-C stops it, even started by a process that ignores Ctrl-C (a crawl run in the same parent leaves it so)
    interrupt = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:  # from the line saying Ctrl-C stops it, Ctrl-C stops it cleanly (it was "Aborted!", exit 1, until served)
        print(
            f"Demo site (week {week}) on {site.base_url}; Ctrl-C stops it.\n"
            f"Crawl it: listing-archive crawl ilo --start-url {site.base_url}{DEMO_LISTING_PATH}",
            flush=True,
        )
        site.serve_forever()
    except KeyboardInterrupt:
        print("\nDemo site stopped.", flush=True)
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, interrupt)
        site.server_close()
    return 0


def _stop_on_sigterm(signum, frame):
    raise KeyboardInterrupt  # SIGTERM stops the server as Ctrl-C does: the socket is closed, exit 0


def run_demo(db: str, report_path: str) -> int:
    check_report_path(report_path, db)
    db = prepare_demo_archive(db)
    with SiteServer(demo_site_root(), state="week1", base=DEMO_BASE) as site:
        url = site.base_url + DEMO_LISTING_PATH
        print(f"== Demo site on {site.base_url} (week 1)\n")
        code = _cli("crawl", "ilo", "--db", db, "--start-url", url, *FAST_LOCAL)
        if code:
            return code
        site.state = "week2"
        print("\n== One week later: the site has one new entry, one changed and one gone\n")
        code = _cli("crawl", "ilo", "--db", db, "--start-url", url, *FAST_LOCAL)
        if code:
            return code
    print(f"\n== History of the changed entry (listing-archive history {CHANGED_ENTRY})\n")
    _cli("history", CHANGED_ENTRY, "--db", db)
    print("\n== What changed between the two crawls (listing-archive diff)\n")
    _cli("diff", "--db", db)
    code = write_report(db, report_path)
    if code:
        return code
    print(f"\nArchive: {Path(db).resolve()}\nHTML report: {Path(report_path).resolve()}")
    return 0
