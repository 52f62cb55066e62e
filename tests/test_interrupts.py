"""Ctrl-C and SIGTERM, once or many times, to `crawl` and to `schedule`'s process group (issue 19):
the process ends within seconds, the crawl is closed partial (never left running), and the
entries read before the signal are kept, nothing marked removed."""

import os
import signal
import subprocess
import sys
import threading
from contextlib import contextmanager

import pytest
from conftest import FAST, ROOT, q, wait_for
from unattended import NOW, PAGE2, start_crawl

from archive.store import integrity_ok
from crawler.listing_state import STOPPED
from crawler.site_server import DEMO_LISTING_PATH

GRACEFUL = "shutting down gracefully"
FORCED = "forcing unclean shutdown"
STOPPED_LOGGED = "listing incomplete: "  # the spider's warning, naming the listing's page left unread
PAGE1_ENTRIES = 10  # the demo listing's first page; page 2 is held until the crawl was told to stop
# One signal stops gracefully: the page in flight is waited for, up to DOWNLOAD_TIMEOUT; a second stops at once.
IN_FLIGHT = ["-s", "DOWNLOAD_TIMEOUT=5", "-s", "RETRY_TIMES=0"]


def _log_of(db) -> str:
    logs = list((db.parent / "logs").glob("crawl-*.log"))
    return logs[0].read_text(errors="replace") if logs else ""


def _signal_in_turn(db, send, signals) -> None:
    """Each signal once the crawl has logged the previous one (a signal sent before is merged with it)."""
    for n, signum in enumerate(signals):
        send(signum)
        said = GRACEFUL if n == 0 else FORCED
        wait_for(lambda s=said: s in _log_of(db), 30)


def _stopped_partial(db, proc, out: str, err: str) -> None:
    assert proc.returncode == 3, out + err[-3000:]
    assert "PARTIAL" in out and "Traceback" not in err
    assert q(db, "SELECT status FROM crawls ORDER BY id DESC LIMIT 1") == "partial"
    assert q(db, "SELECT count(*) FROM entries") == PAGE1_ENTRIES  # what was read before the signal is kept
    assert q(db, "SELECT count(*) FROM entries WHERE status='removed'") == 0
    assert integrity_ok(str(db))


SIGNALS = {
    "SIGINT": [signal.SIGINT],
    "SIGINT twice": [signal.SIGINT, signal.SIGINT],
    "SIGINT three times": [signal.SIGINT, signal.SIGINT, signal.SIGINT],
    "SIGTERM": [signal.SIGTERM],
    "SIGTERM then SIGINT": [signal.SIGTERM, signal.SIGINT],
}


@pytest.mark.parametrize("signals", SIGNALS.values(), ids=SIGNALS.keys())
def test_a_crawl_stops_on_any_number_of_signals(tmp_path, site, signals):
    _stop_a_crawl(tmp_path, site, signals)


def test_a_crawl_whose_pages_a_parse_worker_reads_stops_on_two_signals(tmp_path, site):
    _stop_a_crawl(tmp_path, site, [signal.SIGINT, signal.SIGINT], "-s", "PARSE_PROCESS_AFTER=0")


def test_a_ctrl_c_once_the_crawl_has_closed_still_exits_partial(tmp_path, site):
    """A second Ctrl-C landing after the crawl had closed (Scrapy's handler outliving its reactor) ended the
    process by SIGINT (exit -2, 130 in a shell), not 3, after printing the summary."""
    db = tmp_path / "a.db"
    with _crawl_held_at_page2(db, site) as (proc, release):
        proc.send_signal(signal.SIGINT)
        wait_for(lambda: GRACEFUL in _log_of(db), 30)
        release.set()
        wait_for(lambda: "Spider closed" in _log_of(db), 30)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    _stopped_partial(db, proc, out, err)


def _stop_a_crawl(tmp_path, site, signals, *extra):
    db = tmp_path / "a.db"
    with _crawl_held_at_page2(db, site, *extra) as (proc, _):
        _signal_in_turn(db, proc.send_signal, signals)
        out, err = proc.communicate(timeout=20)
    _stopped_partial(db, proc, out, err)


@contextmanager
def _crawl_held_at_page2(db, site, *extra):
    """A crawl of the demo site whose page 2 is held (then a 503) until `release` is set."""
    release = threading.Event()
    site.faults[PAGE2] = lambda h: (release.wait(60), h.send_error(503), True)[2]
    proc = start_crawl(db, site, *IN_FLIGHT, *extra)
    try:
        wait_for(lambda: PAGE2 in site.requests)
        yield proc, release
    finally:
        release.set()
        if proc.poll() is None:
            proc.kill()


def test_ctrl_c_to_schedules_process_group_stops_it(tmp_path, site):
    """A terminal's Ctrl-C reaches the schedule and its crawl; the schedule then sends the crawl SIGTERM too."""
    db = tmp_path / "s.db"
    release = threading.Event()
    site.faults[PAGE2] = lambda h: (release.wait(60), h.send_error(503), True)[2]
    command = ["schedule", "--every", "1h", "ilo", "--db", str(db), "--start-url", site.url, *FAST, *NOW, *IN_FLIGHT]
    proc = subprocess.Popen(
        [sys.executable, "-m", "archive.cli", *command],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    try:
        wait_for(lambda: PAGE2 in site.requests)
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    finally:
        release.set()
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 0 and "schedule stopped" in out, out + err[-3000:]
    assert "PARTIAL" in out and "Traceback" not in err
    assert q(db, "SELECT status FROM crawls") == "partial"
    assert q(db, "SELECT count(*) FROM entries") == PAGE1_ENTRIES
    assert q(db, "SELECT count(*) FROM entries WHERE status='removed'") == 0


DURING_A_DELAY = {
    "SIGTERM": ([signal.SIGTERM], []),
    "SIGINT twice": ([signal.SIGINT, signal.SIGINT], []),
    "SIGINT twice, parse worker": ([signal.SIGINT, signal.SIGINT], ["-s", "PARSE_PROCESS_AFTER=0"]),
}


@pytest.mark.parametrize("signals", DURING_A_DELAY.values(), ids=DURING_A_DELAY.keys())
@pytest.mark.parametrize("delay", ["DOWNLOAD_DELAY", "Crawl-delay"])
def test_one_signal_does_not_wait_out_a_long_polite_delay(tmp_path, site, delay, signals):
    """With a minute between requests, one SIGTERM used to leave the crawl `running` until the
    minute was over; now it stops within seconds, and says why its listing is not complete: in the
    summary, the log and the crawl's note (issue 20: one Ctrl-C, two, SIGTERM, with the parse worker)."""
    signals, worker = signals
    db = tmp_path / "a.db"
    if delay == "Crawl-delay":
        (site.page_root / "robots.txt").write_text("User-agent: *\nCrawl-delay: 60\n")
        extra, first = ["-s", "ROBOTSTXT_MAX_CRAWL_DELAY=60"], DEMO_LISTING_PATH  # page 2 waits in our middleware
    else:
        extra, first = ["-s", "DOWNLOAD_DELAY=60"], "/robots.txt"  # page 1 waits in Scrapy's downloader
    proc = start_crawl(db, site, *extra, *worker)
    try:
        wait_for(lambda: first in site.requests)
        _signal_in_turn(db, proc.send_signal, signals)
        out, err = proc.communicate(timeout=45)  # well under the 60 s delay, with room for a loaded machine
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode in (3, 4) and "Traceback" not in err, out + err[-3000:]
    if delay == "DOWNLOAD_DELAY":  # with Crawl-delay, a stop before page 2 is asked for leaves nothing unread to name
        whys = [line for line in out.splitlines() if line.startswith("  why: ")]
        assert f"INCOMPLETE {site.url}" in out and whys and all(line.endswith(STOPPED) for line in whys), out
        assert "stopped by SIGINT/SIGTERM" in q(db, "SELECT note FROM crawls") and STOPPED_LOGGED in _log_of(db)
    assert q(db, "SELECT status FROM crawls") in ("partial", "failed")
    assert q(db, "SELECT count(*) FROM entries WHERE status='removed'") == 0


def test_a_crawl_stopped_before_it_read_a_page_is_partial_not_failed(tmp_path, site):
    """Two Ctrl-C while the start page is in flight: the user stopped it, the site did not fail (one
    Ctrl-C waits for that page, whose answer then decides): no failure alert, exit 3, and it says why."""
    signals = [signal.SIGINT, signal.SIGINT]
    db = tmp_path / "a.db"
    release = threading.Event()
    page1 = DEMO_LISTING_PATH
    site.faults[page1] = lambda h: (release.wait(60), h.send_error(503), True)[2]
    proc = start_crawl(db, site, *IN_FLIGHT)
    try:
        wait_for(lambda: page1 in site.requests)
        _signal_in_turn(db, proc.send_signal, signals)
        out, err = proc.communicate(timeout=45)  # under the 60 s stall
    finally:
        release.set()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 3, out + err[-3000:]
    assert q(db, "SELECT status FROM crawls ORDER BY id DESC LIMIT 1") == "partial"
    assert "stopped by SIGINT/SIGTERM" in out


def test_a_crawl_closed_by_ctrl_c_before_the_stop_was_seen_says_it_was_stopped():
    """A Ctrl-C closes the crawl at once when the next page waits in Scrapy's scheduler (DOWNLOAD_DELAY, AutoThrottle,
    a page just read by the parse worker), before crawler.stop_waits looks (twice a second): the listing said
    "URL: never fetched: the crawl ended early (shutdown)", so the crawl's note never said it was stopped, and a
    crawl stopped before its first page was read closed FAILED, not PARTIAL (issue 20). Scrapy's close reason
    "shutdown" is the user's stop."""
    from scrapy.utils.test import get_crawler

    from crawler.run import project_settings
    from crawler.spiders.listing import GenericListingSpider

    start = "http://127.0.0.1:1/list/page-1.html"
    settings = {**project_settings().copy_to_dict(), "TWISTED_REACTOR_ENABLED": False}
    spider = GenericListingSpider.from_crawler(get_crawler(GenericListingSpider, settings), start_urls=[start])
    spider.close_reason = "shutdown"
    assert spider.page_request(start, start, 1) is not None  # asked for, left in the scheduler
    state = spider.listing_report()[start]
    assert state.problems == [STOPPED] and state.stopped and not state.complete
