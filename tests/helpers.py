"""What tests share, in one place (fixtures live in conftest.py and its plugins, unattended.py and redis_server.py):

- small archives built through the same code a crawl uses: an entry, a recorded crawl of entries, a fetched page;
- archives for refusal tests, made with raw SQL where only the schema matters;
- a small paginated site of report pages (written to a folder, served by crawler/site_server.py);
- local servers: a free port, `listing-archive serve` in its own process, a catcher of notifications;
- a Scrapy crawler with the project's settings, for a middleware, pipeline or extension on its own.
"""

from __future__ import annotations

import http.client
import ipaddress
import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import urllib.parse
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import ROOT, SEED_URL
from scrapy import Spider
from scrapy.utils.test import get_crawler

from archive.store import Archive, Sighting
from crawler.field_table import FIELDS
from crawler.run import project_settings

# -- small archives, built as a crawl builds them -------------------------------------------------

L1, L2 = "https://www.ilo.org/a/lang--en/index.htm", "https://www.ilo.org/b/lang--en/index.htm"
NEWS = "https://www.ilo.org/asia/news/lang--en/index.htm"
NEWS_PAGE_2 = NEWS.replace("index.htm", "nextRow--3/index.htm")
IN_NEWS = {"listing_url": NEWS, "listing_title": "News", "group": "December 2022", "group_month": "2022-12"}


def entry(eid="WCMS_1", **fields):
    """An entry as a parser gives it: every field, None unless given; listed first on listing L1."""
    base = {f: None for f in FIELDS}
    base.update(
        entry_id=eid,
        url=f"https://www.ilo.org/x/{eid}/lang--en/index.htm",
        title=f"Title of {eid}",
        organisers=[],
        listing_url=L1,
        position=1,
    )
    base.update(fields)
    return base


def news_entry(eid="WCMS_1", **fields):
    """An entry of the News listing, in the group "December 2022" (as reports show it)."""
    return entry(eid, **{**IN_NEWS, **fields})


def record_crawl(archive, entries, listings=None, complete=True, suspect=False, pages=1):
    """A crawl recorded in `archive` that saw `entries`, each on its own listing; every listing given (by default,
    those of the entries) is fetched whole (`pages` pages), unless complete=False. Returns the crawl's summary."""
    listings = listings or sorted({e["listing_url"] for e in entries} or {L1})
    session = archive.begin_crawl("ilo", listings)
    archive.record_entries(session, [(e, Sighting(e["listing_url"])) for e in entries])
    return archive.finish_crawl(
        session,
        {u: {"pages_fetched": pages, "pages_failed": 0 if complete else 1, "complete": complete} for u in listings},
        suspect=suspect,
    )


def fetched(archive, session, url, entries, status=200, previous=None):
    """Record one page of the News listing (NEWS or NEWS_PAGE_2): a 200 with its entries, or a 304 naming the
    capture it revalidates. Returns the capture's id."""
    page = 1 + (url == NEWS_PAGE_2)
    capture = {"url": url, "listing_url": NEWS, "page": page, "status": status, "headers": {"etag": url}}
    if status == 304:
        capture["previous_capture_id"] = previous
    else:
        capture["body"] = f"<html>{url}</html>".encode()
    capture_id = archive.record_captures(session, [capture])[url]
    if entries:
        archive.record_entries(session, [(e, Sighting(NEWS, url, page, capture_id=capture_id)) for e in entries])
    return capture_id


def good_archive(path):
    """A sound archive at `path`: one complete crawl of the seed listing, one entry."""
    with Archive(path) as archive:
        forum = entry(url=SEED_URL + "#1", title="Forum", organisers=["ILO"], listing_url=SEED_URL, position=None)
        record_crawl(archive, [forum])
    return path


# -- archives for refusals (raw SQL: only the schema matters) -------------------------------------

NOWHERE = "http://127.0.0.1:9/"  # the discard port: nothing listens, nothing is fetched


def make_archive(path, entries=0, start_url=NOWHERE, demo=False):
    """An archive holding `entries` entries and one crawl of `start_url` (raw SQL: only the schema matters)."""
    Archive(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO crawls (spider, start_urls, started_at, status) VALUES ('ilo', ?, '2026-01-01', 'complete')",
            (f'["{start_url}"]',),
        )
        conn.executemany(
            "INSERT INTO entries (entry_id, title, organisers, status, version) VALUES (?, ?, '[]', 'listed', 1)",
            ((f"WCMS_{n}", f"Entry {n}") for n in range(entries)),
        )
        if demo:
            conn.execute("INSERT INTO meta (key, value) VALUES ('demo', 'made by listing-archive demo')")
    conn.close()
    return path


def file_state(path):
    """Everything that says whether a file was touched: its bytes, modification time and inode."""
    stat = os.stat(path)
    return path.read_bytes(), stat.st_mtime_ns, stat.st_ino


# -- a small paginated site: PAGES pages of PER_PAGE dated reports, linked by rel=next ------------

PAGES, PER_PAGE = 12, 5
ALL = PAGES * PER_PAGE


def page_html(n: int, pad: str = "", pages: int = PAGES, hostile: str = "") -> str:
    items = "".join(
        f'<article><h2><a href="/item/{n}-{i}.html">Report {n}-{i} on labour</a></h2>'
        f'<time datetime="2024-0{1 + i % 9}-1{i}">1{i} {["Jan", "Feb", "Mar", "Apr", "May"][i % 5]} 2024</time>'
        f"<p>Findings of study {n}-{i} on decent work and wages.</p></article>"
        for i in range(PER_PAGE)
    )
    # A later page links back, as a real pager does: one with no pagination at all is not known to be the last.
    prev = f'<a rel="prev" href="/list/page-{n - 1}.html">Previous</a>' if n > 1 else ""
    nxt = f'<a rel="next" href="/list/page-{n + 1}.html">Next</a>' if n < pages else ""
    return (
        f"<html lang=en><head><title>Reports</title></head><body><main><h1>Reports</h1>{hostile}{items}"
        f"<nav class=pager>{prev}{nxt}</nav><div hidden>{pad}</div></main></body></html>"
    )


def write_site(root, pad: str = "", pages: int = PAGES) -> None:
    """The site's pages under `root`/list/ (page-1.html is the listing's start)."""
    (root / "list").mkdir(parents=True, exist_ok=True)
    for n in range(1, pages + 1):
        (root / "list" / f"page-{n}.html").write_text(page_html(n, pad, pages))


# The two ways a crawl parses a page: in its own process, and in the parse worker.
PARSE_ROUTES = {"in-process": [], "parse worker": ["-s", "PARSE_PROCESS_AFTER=0"]}


# -- local servers ---------------------------------------------------------------------------------


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (once the probing socket is closed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(db, host="127.0.0.1"):
    """`listing-archive serve` in its own process, once it says it listens; stopped (and checked stopped) after."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "archive.cli", "serve", "--db", str(db), "--host", host, "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        seen = []
        for line in proc.stderr:  # uvicorn logs this line once its socket listens
            seen.append(line)
            if "Uvicorn running on" in line:
                break
        else:
            pytest.fail("serve did not start:\n" + "".join(seen))
        yield proc, f"http://{host}:{port}"
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=30)
        proc.stderr.close()


def local_request(url: str, method: str = "GET", data: bytes | None = None, headers=None, timeout: float = 30):
    """(status, body) of a request to a test's own server on a loopback address; any other address is
    refused, so no test reaches the internet. Error statuses are returned, not raised."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "http" or not _loopback(parts.hostname):
        raise ValueError(f"tests fetch only from a loopback address: {url}")
    conn = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=timeout)
    try:
        conn.request(method, parts.path + (f"?{parts.query}" if parts.query else ""), body=data, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def _loopback(hostname: str | None) -> bool:
    try:
        return ipaddress.ip_address(hostname or "").is_loopback
    except ValueError:  # a name (it would be resolved, perhaps on the internet): never
        return False


def get(url: str, timeout: float = 30) -> str:
    """The body of a page a test's own server serves (loopback only); an error status fails the test."""
    status, body = local_request(url, timeout=timeout)
    if status >= 400:
        raise AssertionError(f"{url}: HTTP {status}")
    return body


class Catcher(ThreadingHTTPServer):
    """A tiny local HTTP server that keeps what Apprise's json:// posts to it."""

    daemon_threads = True

    def __init__(self):
        self.received: list[dict] = []

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(handler):  # noqa: N805
                body = handler.rfile.read(int(handler.headers.get("Content-Length") or 0))
                self.received.append(json.loads(body))
                handler.send_response(200)
                handler.end_headers()

        super().__init__(("127.0.0.1", 0), Handler)

    def __enter__(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()

    def take(self) -> list[dict]:
        out, self.received[:] = list(self.received), []
        return out


# -- a crawler without a crawl ------------------------------------------------------------------

CRAWLER_START = "http://127.0.0.1:8765/listing/index.htm"


def make_crawler(start_urls=(CRAWLER_START,), **settings):
    """A crawler with the project's settings (and `settings` over them) and a spider on `start_urls`."""
    # No reactor is installed here (nothing is downloaded): the crawler must not ask for one.
    project = {**project_settings().copy_to_dict(), "TWISTED_REACTOR_ENABLED": False}
    crawler = get_crawler(Spider, {**project, **settings})
    crawler.spider = crawler._create_spider("test", start_urls=list(start_urls))
    return crawler


class FinishedCrawl:
    """Stands in for the crawl process `schedule` starts: done as soon as it is joined."""

    exitcode = 0

    def __init__(self, target, args):
        pass

    def start(self):
        pass

    def join(self):
        pass

    def is_alive(self):
        return False
