"""Workers that leave a distributed crawl early (issue 20): a crawl's CLOSESPIDER_* settings close each worker as
they close a crawl in one process; the coordinator learns it from the frontier (each worker's presence and why it
left) and ends the crawl at once when no worker is left, PARTIAL, naming the setting, nothing removed.

The tests start Debian's redis-server on a free port of 127.0.0.1 and skip where it is not installed."""

import subprocess
import sys
import threading
from types import SimpleNamespace

import pytest
from conftest import FAST, ROOT, cli, q, wait_for
from unattended import PAGE2

from archive.coordinator import Coordinator
from crawler.distributed.frontier import Frontier


@pytest.mark.parametrize("setting", ["CLOSESPIDER_PAGECOUNT=2", "CLOSESPIDER_ITEMCOUNT=1"])
def test_a_worker_closed_early_by_a_scrapy_setting_ends_the_crawl_at_once_saying_why(
    tmp_path, site, redis_url, setting
):
    """-s CLOSESPIDER_PAGECOUNT=2: the only worker closes after two responses (robots.txt, page 1) and gives page 2
    back; the coordinator waited FRONTIER_STALL (600 s) for a taker, then said only "no worker took one". The
    worker says why it left: the crawl ends at once, PARTIAL, naming the setting; page 2's entries, archived by an
    earlier crawl, are not marked removed. CLOSESPIDER_ITEMCOUNT=1 (one item a page, as in one process) never
    closed a worker: items went to the coordinator, not through Scrapy."""
    db = tmp_path / "shared.db"
    cli("crawl", "ilo", "--db", db, "--start-url", site.url, *FAST, check=0)
    archived = q(db, "SELECT count(*) FROM entries")
    route = ("--frontier", redis_url, "--workers", "1", "-s", setting, "-s", "FRONTIER_STALL=600")
    # far under the 600 s stall (a timeout kills the coordinator and fails the test)
    out = cli("crawl", "ilo", "--db", db, "--start-url", site.url, *FAST, *route, check=3, timeout=90).stdout
    reason = setting.split("=")[0].lower()
    says = f"1 page asked for, never fetched: every worker ended early ({reason}: {setting})"
    assert "INCOMPLETE" in out and f"why: {site.url}: {says}" in out, out
    assert says in q(db, "SELECT note FROM crawls ORDER BY id DESC LIMIT 1")
    assert q(db, "SELECT count(*) FROM entries WHERE status = 'removed'") == 0
    assert q(db, "SELECT count(*) FROM entries") == archived == 14  # both pages' entries, from the first crawl


def test_workers_closed_early_leave_the_rest_to_a_live_worker(redis_url):
    """The coordinator ends the crawl for a worker closed by a CLOSESPIDER_* setting only when no worker is left:
    while another is heard from, that one takes the pages given back."""
    frontier = Frontier(redis_url)
    frontier.redis.hset(frontier.key("crawl"), mapping={"token": "t1", "state": "running"})
    closed, live = Frontier(redis_url), Frontier(redis_url)
    closed.token = live.token = "t1"
    closed.worker_alive()
    live.worker_alive()
    watching = SimpleNamespace(frontier=frontier, workers=[])
    assert Coordinator._workers_ended_early(watching) is None  # both at work
    closed.worker_left("closespider_pagecount: CLOSESPIDER_PAGECOUNT=2")
    assert Coordinator._workers_ended_early(watching) is None  # one left, the other takes its pages
    live.worker_left("idle")
    assert Coordinator._workers_ended_early(watching) == "closespider_pagecount: CLOSESPIDER_PAGECOUNT=2"
    watching.workers = [SimpleNamespace(poll=lambda: None)]  # a local worker still starting may take them
    assert Coordinator._workers_ended_early(watching) is None


def test_the_only_worker_killed_ends_the_crawl_once_its_heartbeat_stops(tmp_path, site, redis_url):
    """kill -9 of the only worker, holding page 2: the coordinator waited for its lease (FRONTIER_LEASE, 120 s)
    and then FRONTIER_STALL (600 s) for a taker, though a worker silent for FRONTIER_WORKER_GONE (15 s) counts as
    gone (issue 20). It ends the crawl once that worker's heartbeat has stopped that long (3 s here), PARTIAL,
    saying why; page 2's entries, archived by an earlier crawl, are not marked removed."""
    db = tmp_path / "shared.db"
    cli("crawl", "ilo", "--db", db, "--start-url", site.url, *FAST, check=0)
    hit, release = threading.Event(), threading.Event()
    site.faults[PAGE2] = lambda handler: (hit.set(), release.wait(60), True)[2]
    route = ["--frontier", redis_url, "--workers", "0", "-s", "FRONTIER_WORKER_GONE=3", "-s", "FRONTIER_STALL=600"]
    command = [sys.executable, "-m", "archive.cli", "crawl", "ilo", "--db", str(db), "--start-url", site.url]
    command += [*FAST, *route, "-s", "CONDITIONAL_REQUESTS=False"]
    coordinator = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    only = subprocess.Popen(
        [sys.executable, "-m", "archive.cli", "worker", "--frontier", redis_url, "--idle-timeout", "60"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for(hit.is_set)
        only.kill()  # SIGKILL: it never says it leaves, and holds page 2's lease
        only.wait(timeout=30)
        out, err = coordinator.communicate(timeout=60)  # far under the 120 s lease
    finally:
        release.set()
        coordinator.kill()
    says = "1 page asked for, never fetched: every worker is gone (none heard from for 3s)"
    assert coordinator.returncode == 3 and "PARTIAL" in out and f"why: {site.url}: {says}" in out, out + err
    assert says in q(db, "SELECT note FROM crawls ORDER BY id DESC LIMIT 1")
    assert q(db, "SELECT count(*) FROM entries WHERE status = 'removed'") == 0
    assert q(db, "SELECT count(*) FROM entries") == 14  # both pages' entries, from the first crawl


def test_workers_that_stopped_answering_are_gone_only_when_none_is_left(redis_url):
    """A worker that left said so and is not gone; one past its FRONTIER_WORKER_GONE is, once no worker is heard
    from and no local worker still runs."""
    frontier = Frontier(redis_url)
    frontier.redis.hset(frontier.key("crawl"), mapping={"token": "t1", "state": "running"})
    left, killed, live = Frontier(redis_url), Frontier(redis_url), Frontier(redis_url)
    left.token = killed.token = live.token = "t1"
    killed.worker_gone_ms = 1  # silent a millisecond after its last word
    for worker in (left, killed, live):
        worker.worker_alive()
    left.worker_left("idle")
    watching = SimpleNamespace(frontier=frontier, workers=[])
    wait_for(lambda: frontier.silent_workers() == 1)
    assert not Coordinator._workers_gone(watching)  # another is at work: it takes the pages back
    live.worker_left("finished")
    assert Coordinator._workers_gone(watching)
    watching.workers = [SimpleNamespace(poll=lambda: None)]  # a local worker still starting may take them
    assert not Coordinator._workers_gone(watching)
