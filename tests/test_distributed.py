"""Many workers, one archive (issue 14): a coordinator and separate worker processes share a
Redis frontier; the archive they make equals the one a crawl in one process makes.

The tests start Debian's redis-server on a free port of 127.0.0.1 and skip where it is not
installed (REQUIRE_REDIS=1, as CI sets it, makes that a failure).
"""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from types import SimpleNamespace

import pytest
from conftest import FAST, ROOT, cli, q, snapshot, wait_for
from rendered_site import build_site
from unattended import PAGE2

from archive.coordinator import WORKER_START_GRACE, Coordinator
from crawler.distributed.frontier import Frontier
from crawler.listing_state import STOPPED
from crawler.site_server import DEMO_LISTING_PATH, SiteServer

REDIS_SERVER = shutil.which("redis-server")
WORKER_LOGS = None
SLOW_WORKERS = ("-s", "FRONTIER_WORKER_GONE=120")  # a worker late on a busy machine is not gone after the default 15 s
# `site` (the demo site's first week, served) is the unattended plugin's fixture (conftest's pytest_plugins).


def _env(**extra):
    return {**os.environ, "PYTHONPATH": str(ROOT), **extra}


def coordinator(db, site, redis_url, *extra, env=None):
    command = ["crawl", "ilo", "--db", db, "--start-url", site.url, "--frontier", redis_url, *FAST, *extra]
    return subprocess.Popen(
        [sys.executable, "-m", "archive.cli", *map(str, command)],
        cwd=str(ROOT),
        env=_env(**(env or {})),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def worker(redis_url, *extra, env=None):
    """A `worker` process; its log goes to a file beside the test's archive, read when a test fails."""
    command = ["worker", "--frontier", redis_url, "--idle-timeout", "60", *extra]
    log = WORKER_LOGS / f"worker-{len(list(WORKER_LOGS.glob('*.log'))) + 1}.log"
    with open(log, "wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "archive.cli", *command],
            cwd=str(ROOT),
            env=_env(**(env or {})),
            stdout=out,
            stderr=subprocess.STDOUT,
        )


@pytest.fixture(autouse=True)
def worker_logs(tmp_path):
    global WORKER_LOGS
    WORKER_LOGS = tmp_path / "worker-logs"
    WORKER_LOGS.mkdir()
    yield
    for log in sorted(WORKER_LOGS.glob("*.log")):
        errors = [line for line in log.read_text(errors="replace").splitlines() if "Error" in line]
        if errors:
            print(f"{log.name}:", *errors[-10:], sep="\n  ")


def finished(proc, expect, timeout=120):
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == expect, f"exit {proc.returncode}\nstdout:\n{out}\nstderr:\n{err[-4000:]}"
    return out


@pytest.fixture
def local_db(tmp_path, site):
    path = tmp_path / "local.db"
    cli("crawl", "ilo", "--db", path, "--start-url", site.url, *FAST, check=0)
    return path


def test_two_workers_and_a_coordinator_make_the_archive_one_process_makes(tmp_path, site, redis_url, local_db):
    db = tmp_path / "shared.db"
    workers = [worker(redis_url), worker(redis_url)]
    out = finished(coordinator(db, site, redis_url, "--workers", "0"), 0)
    assert "COMPLETE" in out
    for proc in workers:
        assert proc.wait(timeout=60) == 0  # the crawl is over: the workers leave
    assert snapshot(db) == snapshot(local_db)
    recorded = [
        json.loads(sqlite3.connect(path).execute("SELECT settings FROM crawls").fetchone()[0])
        for path in (db, local_db)
    ]
    assert recorded[0].pop("FRONTIER") == redis_url and recorded[0] == recorded[1]  # the settings a local crawl records

    # A second crawl of the unchanged site: revalidated (304) with the validators the
    # coordinator handed the workers, and no version added.
    versions = snapshot(db)["versions"]
    workers = [worker(redis_url), worker(redis_url)]
    finished(coordinator(db, site, redis_url, "--workers", "0"), 0)
    for proc in workers:
        proc.wait(timeout=60)
    after = snapshot(db)
    assert after["versions"] == versions
    assert [row[3] for row in after["captures"] if row[6] == 2] == [304, 304]
    assert after["crawls"][1][0] == "complete" and after["crawls"][1][4:8] == (0, 0, 0, 0)


def test_two_workers_on_a_wider_site_make_the_same_archive(tmp_path, redis_url):
    """Fifteen pages, each linking ten pages either side: both workers fetch at once."""
    from benchmarks.crawl import make_site

    (first_page,) = make_site(tmp_path / "wide", 15)
    with SiteServer(tmp_path / "wide") as server:
        server.url = server.base_url + first_page
        cli("crawl", "ilo", "--db", tmp_path / "local.db", "--start-url", server.url, *FAST, check=0)
        workers = [worker(redis_url, "-s", "CONCURRENT_REQUESTS=2"), worker(redis_url, "-s", "CONCURRENT_REQUESTS=2")]
        finished(coordinator(tmp_path / "shared.db", server, redis_url, "--workers", "0"), 0)
        for proc in workers:
            proc.wait(timeout=60)
    shared, local = snapshot(tmp_path / "shared.db"), snapshot(tmp_path / "local.db")
    assert shared["listings"][0][1] == 15 and shared == local


def test_a_worker_killed_mid_crawl_changes_nothing(tmp_path, site, redis_url, local_db):
    hit, release = threading.Event(), threading.Event()

    def hold_first(handler):
        if hit.is_set():
            return False  # later fetches of the page are served as usual
        hit.set()
        release.wait(60)
        return True  # the worker that asked is dead by now: hang up

    site.faults[PAGE2] = hold_first
    db = tmp_path / "shared.db"
    coord = coordinator(db, site, redis_url, "--workers", "0", "-s", "FRONTIER_LEASE=2", *SLOW_WORKERS)
    first = worker(redis_url)
    try:
        wait_for(hit.is_set)
        first.kill()  # SIGKILL, holding the lease on page 2
        first.wait(timeout=30)
    finally:
        release.set()
    second = worker(redis_url)
    out = finished(coord, 0)
    assert "COMPLETE" in out
    second.wait(timeout=60)
    assert snapshot(db) == snapshot(local_db)


def test_a_page_no_worker_could_finish_leaves_the_listing_incomplete(tmp_path, site, redis_url, local_db):
    hit, release = threading.Event(), threading.Event()
    site.faults[PAGE2] = lambda h: (hit.set(), release.wait(60), True)[2]
    db = tmp_path / "shared.db"
    env = {"LISTING_ARCHIVE_LEASE": "1", "LISTING_ARCHIVE_LEASE_ATTEMPTS": "1"}
    with sqlite3.connect(local_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)  # the archive a local crawl made, -wal and all
    before = snapshot(db)
    no_304s = ("-s", "CONDITIONAL_REQUESTS=False")
    coord = coordinator(db, site, redis_url, "--workers", "0", *no_304s, *SLOW_WORKERS, env=env)
    first = worker(redis_url)
    try:
        wait_for(hit.is_set)
        first.kill()
        first.wait(timeout=30)
        out = finished(coord, 3)  # partial
    finally:
        release.set()
    assert "INCOMPLETE" in out and "given up after 1 worker " in out
    after = snapshot(db)
    assert after["entries"] == before["entries"]  # nothing removed, nothing blanked
    assert after["crawls"][1][0] == "partial" and after["crawls"][1][6] == 0


def test_a_coordinator_that_dies_leaves_a_crawl_the_next_one_marks_failed(tmp_path, site, redis_url, local_db):
    hit, release = threading.Event(), threading.Event()
    site.faults[PAGE2] = lambda h: (hit.set(), release.wait(60), True)[2]
    db = tmp_path / "shared.db"
    coord = coordinator(db, site, redis_url, "--workers", "1")
    try:
        wait_for(hit.is_set)
        coord.kill()  # SIGKILL: its crawl row stays 'running', its frontier holds a crawl
        coord.communicate(timeout=30)
    finally:
        release.set()
    site.faults.clear()
    workers = [worker(redis_url)]  # the dead coordinator's local worker may still be leaving
    out = finished(coordinator(db, site, redis_url, "--workers", "0"), 0)
    assert "COMPLETE" in out and "marked failed" not in out
    workers[0].wait(timeout=60)
    crawls = snapshot(db)["crawls"]
    assert [c[0] for c in crawls] == ["failed", "complete"]
    assert snapshot(db)["entries"] == snapshot(local_db)["entries"]


def test_sigterm_to_the_coordinator_ends_the_crawl_partial(tmp_path, site, redis_url, local_db):
    hit, release = threading.Event(), threading.Event()
    site.faults[PAGE2] = lambda h: (hit.set(), release.wait(60), True)[2]
    db = tmp_path / "shared.db"
    with sqlite3.connect(local_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    coord = coordinator(db, site, redis_url, "--workers", "1", "-s", "CONDITIONAL_REQUESTS=False")
    try:
        wait_for(hit.is_set)
        coord.terminate()
    finally:
        release.set()
    out = finished(coord, 3)
    assert "PARTIAL" in out and "NOT marked removed" in out
    assert f"{site.url}: {STOPPED}" in out  # why, as in one process (it said nothing)
    after = snapshot(db)
    assert after["crawls"][1][0] == "partial" and after["entries"] == snapshot(local_db)["entries"]


def test_a_frontier_in_use_by_another_archive_is_refused(tmp_path, site, redis_url):
    Frontier(redis_url).open_crawl({"spider": "ilo", "start_urls": [site.url], "owner": "elsewhere:/x.db"}, {})
    out = coordinator(tmp_path / "b.db", site, redis_url, "--workers", "0")
    _, err = out.communicate(timeout=60)
    assert out.returncode == 1 and "another coordinator is running a crawl" in err
    assert snapshot(tmp_path / "b.db")["crawls"][0][0] == "failed"


def test_host_guard_retry_after_and_robots_hold_in_a_distributed_crawl(tmp_path, site, redis_url):
    port = site.server_address[1]
    site.faults[PAGE2] = lambda h: (
        h.send_response(302),
        h.send_header("Location", f"http://localhost:{port}{PAGE2}"),
        h.end_headers(),
        True,
    )[3]
    out = finished(coordinator(tmp_path / "a.db", site, redis_url, "--workers", "1", "-s", "RETRY_TIMES=0"), 3)
    assert "off the start hosts" in out
    assert all(row[0].startswith(site.base_url) for row in snapshot(tmp_path / "a.db")["captures"])

    times = []

    def busy_once(handler):
        times.append(time.monotonic())
        if len(times) > 1:
            return False
        handler.send_response(429)
        handler.send_header("Retry-After", "1")
        handler.end_headers()
        return True

    site.faults[PAGE2] = busy_once
    finished(coordinator(tmp_path / "b.db", site, redis_url, "--workers", "1", "-s", "RETRY_TIMES=2"), 0)
    assert len(times) == 2 and times[1] - times[0] >= 0.9  # Retry-After honoured

    site.faults.clear()
    site.requests.clear()
    (site.page_root / "robots.txt").write_text(
        "User-agent: *\nDisallow: /asia/countries/lao-peoples-democratic-republic/facet/lang--en/nextRow\n"
    )
    out = finished(coordinator(tmp_path / "c.db", site, redis_url, "--workers", "1"), 3)
    assert PAGE2 not in site.requests and DEMO_LISTING_PATH in site.requests


def test_page_cap_and_a_local_worker(tmp_path, site, redis_url):
    db = tmp_path / "shared.db"
    out = finished(coordinator(db, site, redis_url, "--workers", "1", "-s", "LISTING_MAX_PAGES=1"), 3)
    assert "stopped at LISTING_MAX_PAGES=1 pages" in out
    assert snapshot(db)["listings"][0][1:5] == (1, 0, 10, 0)  # one page fetched, its 10 entries, incomplete


def test_a_worker_without_a_crawl_leaves_after_its_idle_timeout(redis_url):
    started = time.monotonic()
    proc = worker(redis_url, "--idle-timeout", "1")
    assert proc.wait(timeout=60) == 0
    assert time.monotonic() - started < 30


@pytest.mark.usefixtures("render_ready")
def test_a_worker_without_chromium_leaves_a_rendered_page_to_one_with_it(tmp_path, redis_url):
    """The first worker cannot render: it gives the rendered listing's page back unread and says so
    once; a worker with Chromium joins later, renders it, and the crawl is complete."""
    root = build_site(tmp_path / "site")
    db = tmp_path / "a.db"
    with SiteServer(root, state="week1", base="week1") as site:
        listing = SimpleNamespace(url=f"{site.base_url}/script.htm")
        plain = worker(redis_url, env={"RENDER_BROWSER": str(tmp_path / "no-chromium")})
        proc = coordinator(db, listing, redis_url, "--render", "--workers", "0")
        leaving = f"leaving rendered listing {listing.url} to a worker with Chromium"
        wait_for(lambda: leaving in (WORKER_LOGS / "worker-1.log").read_text(), 60)
        rendering = worker(redis_url)
        out = finished(proc, 0)
        for proc in (plain, rendering):
            proc.wait(timeout=60)
        assert site.requests.count("/script.htm") == 1, "only the browser fetched the page"
    assert "COMPLETE" in out and q(db, "SELECT entries FROM listing_crawls") == 8
    assert (WORKER_LOGS / "worker-1.log").read_text().count(leaving) == 1


def test_the_stall_clock_gives_workers_time_to_start():
    """FRONTIER_STALL counts from a worker's first page: before it, a busy machine's slow worker start-up
    (several seconds of imports) is not taken for a stall (a 4 s stall ended a crawl before its worker ran)."""
    starting = SimpleNamespace(stall_seconds=4.0, worker_seen=False)
    assert Coordinator.stall_limit(starting) == WORKER_START_GRACE > 4.0
    assert Coordinator.stall_limit(SimpleNamespace(stall_seconds=4.0, worker_seen=True)) == 4.0
    assert Coordinator.stall_limit(SimpleNamespace(stall_seconds=600.0, worker_seen=False)) == 600.0


@pytest.mark.usefixtures("render_ready")
def test_a_worker_without_chromium_revalidates_rendered_pages_and_leaves_changed_ones(tmp_path, redis_url):
    """A rendered page's 304 needs no browser: a worker without Chromium reads it; once its data changed,
    it gives the page back (said once) and a worker with Chromium renders it."""
    root = build_site(tmp_path / "site")
    (root / "data-only").mkdir()
    (root / "data-only" / "data.json").write_bytes((root / "week2" / "data.json").read_bytes())
    db, no_chromium = tmp_path / "a.db", {"RENDER_BROWSER": str(tmp_path / "no-chromium")}
    with SiteServer(root, state="week1", base="week1") as site:
        listing = SimpleNamespace(url=f"{site.base_url}/fetch.htm")
        finished(coordinator(db, listing, redis_url, "--render", "--workers", "1"), 0)
        plain = worker(redis_url, env=no_chromium)
        assert "COMPLETE" in finished(coordinator(db, listing, redis_url, "--render", "--workers", "0"), 0)
        assert plain.wait(timeout=60) == 0
        assert q(db, "SELECT status FROM captures WHERE crawl_id = 2") == 304
        assert "leaving rendered listing" not in (WORKER_LOGS / "worker-1.log").read_text()
        site.state = "data-only"
        plain = worker(redis_url, env=no_chromium)
        proc = coordinator(db, listing, redis_url, "--render", "--workers", "0")
        changed = f"rendered page {listing.url} changed: left to a worker with Chromium"
        wait_for(lambda: changed in (WORKER_LOGS / "worker-2.log").read_text(), 60)
        rendering = worker(redis_url)
        out = finished(proc, 0)
        for proc in (plain, rendering):
            proc.wait(timeout=60)
    assert "COMPLETE" in out and q(db, "SELECT status FROM captures WHERE crawl_id = 3") == 200
    assert q(db, "SELECT count(*) FROM sightings WHERE crawl_id = 2") == 8
    assert q(db, "SELECT count(*) FROM sightings WHERE crawl_id = 3") == 8
    assert (WORKER_LOGS / "worker-2.log").read_text().count(changed) == 1
    assert q(db, "SELECT changed FROM crawls WHERE id = 3") == 1


def test_which_rendered_pages_a_worker_without_chromium_takes():
    """Only those whose last rendered capture can vouch (every subresource with a validator), and not
    one it found changed; with RENDER_REVALIDATE off, none. No browser, no Redis."""
    from scrapy.settings import Settings

    from crawler.distributed.spider import frontier_spider
    from crawler.spiders.listing import GenericListingSpider

    site = "http://127.0.0.1:9"
    record = {"id": 1, "validators": {"etag": '"p"'}, "page_links": [], "rendered": True}
    captures = {
        f"{site}/vouched.htm": {**record, "subresources": [{"url": f"{site}/data.json", "etag": '"d"'}]},
        f"{site}/unvouched.htm": {**record, "subresources": [{"url": f"{site}/data.json"}]},
        f"{site}/unrecorded.htm": {**record, "subresources": None},
    }
    spider = frontier_spider(GenericListingSpider)(start_urls=[f"{site}/list.htm", f"{site}/plain.htm"])
    spider.render_specs = {f"{site}/list.htm": {}}
    spider.crawler = SimpleNamespace(settings=Settings({"CONDITIONAL_REQUESTS": True}), previous_captures=captures)

    def serves(page: str, listing: str = "list") -> bool:
        return spider.serves({"url": f"{site}/{page}.htm", "listing_url": f"{site}/{listing}.htm"})

    assert [serves(p) for p in ("vouched", "unvouched", "unrecorded", "new")] == [True, False, False, False]
    assert serves("new", listing="plain")  # a plain listing's page: any worker
    spider.must_render.add(f"{site}/vouched.htm")  # it answered changed here: a worker with Chromium renders it
    assert not serves("vouched")
    spider.must_render.clear()
    spider.crawler.settings = Settings({"CONDITIONAL_REQUESTS": True, "RENDER_REVALIDATE": False})
    assert not serves("vouched")


def test_a_page_that_could_not_be_read_is_noted_and_logged_without_its_secrets(caplog):
    """fix30: a page whose reading raised was logged and noted by its raw address; a redirect may lead to one
    holding a password or a `?token=` (the one-process spider's on_page_error shows it through redact). Neither
    the log line nor the problem the frontier keeps holds the secret. No browser, no Redis."""
    from scrapy import Request
    from scrapy.settings import Settings

    from crawler.distributed.spider import frontier_spider
    from crawler.spiders.listing import GenericListingSpider

    listing, secret = "http://127.0.0.1:9/list.htm", "Zq8-never-kept"
    committed = []
    spider = frontier_spider(GenericListingSpider)(start_urls=[listing])
    spider.frontier = SimpleNamespace(shared_feed=lambda url: None, commit=lambda *args: committed.append(args) or 1)
    spider.crawler = SimpleNamespace(settings=Settings(), stats=SimpleNamespace(inc_value=lambda *a, **k: None))
    redirected = f"http://user:pw-{secret}@127.0.0.1:9/list.htm?token=tok-{secret}"
    request = Request(redirected, meta={"listing_url": listing, "lease": "1"})

    def reading_fails():
        raise ValueError("a bug in reading the page")

    assert spider._settle(request, reading_fails) == []
    assert "could not read http://***@127.0.0.1:9/list.htm?token=***" in caplog.text
    assert secret not in caplog.text
    assert len(committed) == 1 and "could not be read" in repr(committed[0])
    assert secret not in repr(committed[0])
