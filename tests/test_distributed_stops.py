"""Workers that leave a distributed crawl early (issue 20): a crawl's CLOSESPIDER_* settings close each worker as
they close a crawl in one process; the coordinator learns it from the frontier (each worker's presence and why it
left) and ends the crawl at once when no worker is left, PARTIAL, naming the setting, nothing removed.

The tests start Debian's redis-server on a free port of 127.0.0.1 and skip where it is not installed."""

from types import SimpleNamespace

import pytest
from conftest import FAST, cli, q

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
