"""The Redis frontier on its own: per-host delays and hand-out, leases, JSON results, URL and
option checks, a worker's settings and idle timeout (a redis-server from tests/redis_server.py)."""

import json
import signal
import subprocess
import sys

import pytest
from conftest import ROOT, cli, wait_for
from helpers import NOWHERE

from crawler.distributed.codec import decode_result, encode_result
from crawler.distributed.frontier import Frontier, FrontierError, check_url
from crawler.items import EntryItem, PageItem
from crawler.listing_state import ListingState
from crawler.origins import redact


def test_one_hosts_delay_holds_across_workers(redis_url):
    a, b = Frontier(redis_url), Frontier(redis_url)
    waits = [a.reserve("example.org", 2.0), b.reserve("example.org", 2.0), a.reserve("example.org", 2.0)]
    assert waits[0] == 0 and 1.9 <= waits[1] <= 2.0 and 3.9 <= waits[2] <= 4.0
    assert b.reserve("other.example.org", 2.0) == 0  # another host has its own slot
    assert 4.9 <= a.reserve("example.net", 0.0, min_wait=5.0) <= 5.0  # a Retry-After pause


def test_pages_are_handed_out_one_per_host_per_delay(redis_url):
    """A wide crawl: a worker gets pages of hosts that are ready, never a run of one host's pages."""
    frontier = Frontier(redis_url)
    starts = ["http://127.0.0.1:9/a", "http://127.0.0.2:9/b"]
    frontier.open_crawl({"spider": "ilo", "start_urls": starts, "max_pages": 0}, {})
    for start in starts:
        frontier.commit(starts, start, None, None, 0, 0, [], [(f"{start}?p={n}", n) for n in (2, 3)], 0)
    frontier.host_delay_ms = 60_000
    taken = frontier.take(10)
    assert sorted(m["url"] for m in taken) == starts  # one page of each host, the oldest first
    assert frontier.take(10) == [] and frontier.counts() == (2, 2)  # the rest wait for their host's turn
    frontier.host_delay_ms = 0
    assert len(frontier.take(10)) == 0  # the turn was set when the pages were handed out
    other = Frontier(redis_url)
    other.open_crawl({"spider": "ilo", "start_urls": starts, "max_pages": 0}, {})
    for start in starts:
        other.commit(starts, start, None, None, 0, 0, [], [(f"{start}?p={n}", n) for n in (2, 3)], 0)
    assert len(other.take(10)) == 6  # without a delay, every page at once


def test_leases_go_back_to_the_queue_and_results_travel_as_json(redis_url):
    frontier = Frontier(redis_url, lease_seconds=0.001)
    frontier.open_crawl({"spider": "ilo", "start_urls": ["http://127.0.0.1:9/a"], "max_pages": 5}, {})
    (taken,) = frontier.take(5)
    assert taken["url"] == "http://127.0.0.1:9/a" and frontier.counts() == (0, 1)
    wait_for(lambda: frontier.reclaim(3) == [] and frontier.counts() == (1, 0))
    (again,) = frontier.take(5)
    assert again["id"] == taken["id"]
    assert frontier.release() == 1 and frontier.counts() == (1, 0)  # a worker stopping gives it back at once
    (again,) = frontier.take(5)
    page = PageItem(url="http://127.0.0.1:9/a", listing_url="http://127.0.0.1:9/a", status=200, body=b"\xff<html>")
    entry = EntryItem(entry_id="x", title="T", organisers=["A"], page=1)
    tally = ListingState(script_links=["javascript:more(2)"], start_page_generic_entries=1)
    result = encode_result([page], [entry], "http://127.0.0.1:9/a", tally)
    assert json.loads(result)["pages"][0]["body"] == "/zxodG1sPg=="  # base64, never pickle
    links = [("http://127.0.0.1:9/a?p=2", 2), ("http://127.0.0.1:9/a", None)]
    queued = frontier.commit(["http://127.0.0.1:9/a"], "http://127.0.0.1:9/a", again["id"], result, 1, 0, [], links, 5)
    assert queued == 1  # the start page was asked for already
    (text,) = frontier.results(10)
    pages, entries, notes, read = decode_result(text)
    assert pages[0]["body"] == b"\xff<html>" and dict(entries[0]) == dict(entry) and notes == {}
    # How the page read reaches the coordinator, for the health checks a one-process crawl runs.
    assert read == {"http://127.0.0.1:9/a": {"script_links": ["javascript:more(2)"], "start_page_generic_entries": 1}}
    report = frontier.listing_report(["http://127.0.0.1:9/a"])["http://127.0.0.1:9/a"]
    assert report.pages_requested == 2 and report.pages_fetched == 1 and not report.complete


def test_frontier_urls_and_options_are_checked(tmp_path):
    assert check_url("redis://10.0.0.5:6379/0")
    assert redact("redis://:secret@10.0.0.5:6379/0") == "redis://***@10.0.0.5:6379/0"
    with pytest.raises(FrontierError):
        check_url("http://10.0.0.5:6379/0")
    result = cli("crawl", "ilo", "--db", tmp_path / "a.db", "--frontier", "http://x/0", check=2)
    assert "redis://HOST:PORT/DB" in result.stderr
    cli("crawl", "ilo", "--db", tmp_path / "a.db", "--workers", "2", check=2)
    config = tmp_path / "c.toml"
    config.write_text('frontier = "redis://127.0.0.1:1/0"\n[[listing]]\nurl = "http://127.0.0.1:1/"\n')
    from archive.runner import build_plan

    assert build_plan(config_path=str(config)).frontier == "redis://127.0.0.1:1/0"


@pytest.mark.parametrize("frontier", ["http://:pw-Zq8-frontier@127.0.0.1:6379/0", "redis://:pw-Zq8-frontier@h:port/0"])
@pytest.mark.parametrize("command", ["crawl", "worker"])
def test_a_bad_frontier_url_is_refused_without_its_password(tmp_path, command, frontier):
    if command == "crawl":
        args = ("crawl", "listing", "--db", tmp_path / "a.db", "--start-url", "http://127.0.0.1:9/", "--workers", "0")
    else:
        args = ("worker", "--idle-timeout", "1")
    refused = cli(*args, "--frontier", frontier, check=2)
    assert "frontier" in refused.stderr
    assert "pw-Zq8-frontier" not in refused.stdout + refused.stderr


def test_a_config_files_bad_frontier_is_that_files_error_without_its_password(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text(
        'frontier = "http://:pw-Zq8-frontier@127.0.0.1:6379/0"\n[[listing]]\nurl = "http://127.0.0.1:9/"\n'
    )
    refused = cli("crawl", "--config", config, "--db", tmp_path / "a.db", "--workers", "0", check=1)
    assert f"{config}: key 'frontier'" in refused.stderr and "--frontier" not in refused.stderr, refused.stderr
    assert "pw-Zq8-frontier" not in refused.stdout + refused.stderr


@pytest.mark.parametrize("database", ["/x", "/0/1", "/-1"])
@pytest.mark.parametrize("command", ["crawl", "worker"])
def test_a_frontier_naming_no_database_is_refused_as_such(tmp_path, command, database):
    """redis-py reads such a path as database 0, which may hold another crawl's frontier."""
    if command == "crawl":
        args = ("crawl", "listing", "--db", tmp_path / "a.db", "--start-url", "http://127.0.0.1:9/", "--workers", "0")
    else:
        args = ("worker", "--idle-timeout", "1")
    refused = cli(*args, "--frontier", f"redis://:pw-Zq8@127.0.0.1:1{database}", check=2)
    assert "names no database" in refused.stderr and "pw-Zq8" not in refused.stderr, refused.stderr


def test_a_database_the_server_does_not_have_is_named_so(tmp_path, redis_url):
    missing = redis_url.rsplit("/", 1)[0] + "/99"
    refused = cli("worker", "--frontier", missing, "--idle-timeout", "1", check=1)
    assert "has no database of that number" in refused.stderr, refused.stderr


def test_a_worker_keeps_the_crawls_politeness_and_guards():
    from crawler.distributed.worker import worker_settings

    settings = worker_settings(
        {"settings": {"DOWNLOAD_DELAY": 2}}, "token", {"DOWNLOAD_DELAY": 0, "CONCURRENT_REQUESTS": 32}, 60
    )
    assert settings.getfloat("FRONTIER_HOST_DELAY") == 2.0  # the crawl's delay; a worker's -s cannot shorten it
    assert settings.getint("CONCURRENT_REQUESTS") == 32  # its own concurrency, though
    assert worker_settings({}, "token", {"ROBOTSTXT_OBEY": False}, 60).getbool("ROBOTSTXT_OBEY")
    middlewares = settings.getdict("DOWNLOADER_MIDDLEWARES")
    assert middlewares["crawler.middlewares.HostGuardMiddleware"] == 50
    assert middlewares["crawler.distributed.middlewares.SharedDelayMiddleware"] == 650
    assert (
        settings.getbool("ROBOTSTXT_OBEY") and not settings.getdict("ITEM_PIPELINES") and not settings.get("ARCHIVE_DB")
    )


def test_an_unreachable_frontier_leaves_no_archive_behind(tmp_path):
    db = tmp_path / "a.db"
    args = ["crawl", "ilo", "--db", db, "--start-url", "http://127.0.0.1:1/", "--frontier", "redis://127.0.0.1:1/0"]
    proc = cli(*args, timeout=60)
    assert proc.returncode == 1 and "cannot reach the frontier redis://127.0.0.1:1/0" in proc.stderr, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == []  # no archive, no lock file, no logs folder


def test_a_worker_started_with_ctrl_c_ignored_still_stops_on_it(redis_url):
    """A worker rejoining a new crawl starts afresh by exec, inheriting the Ctrl-C its closed crawl ignores:
    waiting for a crawl, it could not be stopped (it hung until its idle timeout)."""
    args = [sys.executable, "-m", "archive.cli", "worker", "--frontier", redis_url, "--idle-timeout", "120"]
    proc = subprocess.Popen(
        args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, preexec_fn=_ctrl_c_ignored
    )
    try:
        probe = Frontier(redis_url).redis
        wait_for(lambda: len(probe.client_list()) >= 2, 30)  # the worker is connected, polling for a crawl
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode != 0 and "Traceback" not in out, out


def _ctrl_c_ignored():
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # what a worker exec'd by a rejoin inherits


@pytest.mark.parametrize(
    "url",
    [
        "redis://user:pw-Zq8-never-kept@127.0.0.1:9/0",
        "redis://127.0.0.1:9/0?password=pw-Zq8-never-kept",  # redis-py reads a password from the query too
        "unix://:pw-Zq8-never-kept@/no/such/redis.sock?db=0",  # no host: frontier.redacted raised TypeError
    ],
)
def test_a_frontier_url_is_shown_without_its_password_however_it_is_given(tmp_path, url):
    """fix30: the frontier had a second redaction helper (frontier.redacted) that masked a netloc's password only:
    `crawl --frontier URL?password=...` printed it, and a unix:// URL's password made a worker raise TypeError.
    Every frontier URL shown or recorded goes through origins.redact, the one that masks both; a coordinator and a
    worker that cannot reach it say so without it, twice each."""
    crawl = ["crawl", "ilo", "--db", tmp_path / "a.db", "--start-url", NOWHERE, "--workers", "0"]
    for command in [crawl, ["worker", "--idle-timeout", "0"]] * 2:
        done = cli(*command, "--frontier", url, check=1)
        assert "cannot reach the frontier" in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert "Zq8-never-kept" not in done.stderr + done.stdout
