"""A crawl that fails says why in its summary (refused, timeout...), not only in its log;
`crawls` shows it under a header, with its note."""

import socket

import pytest
from conftest import FAST, cli, invoke, q
from helpers import write_site

from crawler.site_server import SiteServer

QUICK = [*FAST, "-s", "RETRY_TIMES=0", "-s", "ROBOTSTXT_OBEY=False"]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens here once the socket is closed


def test_a_refused_connection_is_named(tmp_path):
    db = tmp_path / "a.db"
    out = cli(
        "crawl", "listing", "--db", db, "--start-url", f"http://127.0.0.1:{closed_port()}/news/", *QUICK, check=4
    ).stdout
    assert "FAILED" in out and "why: connection refused" in out, out
    assert out.count("Connection was refused") == 1, out  # said once: no "note:" line repeating the "why:"
    table = invoke("crawls", "--db", db).output.splitlines()
    assert table[0].split()[:2] == ["crawl", "started"] and " site " in table[1] and "failed" in table[1]


def test_a_timeout_is_named(tmp_path):
    with socket.socket() as silent:  # accepts connections (the kernel's backlog) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        out = cli(
            "crawl",
            "listing",
            "--db",
            tmp_path / "a.db",
            "--start-url",
            f"http://127.0.0.1:{port}/news/",
            *QUICK,
            "-s",
            "DOWNLOAD_TIMEOUT=1",
            check=4,
        ).stdout
    assert "why: timeout" in out, out


@pytest.mark.parametrize(
    ("setting", "says"),
    [
        ("DEPTH_LIMIT=1", "page-3.html: never fetched: Scrapy's DEPTH_LIMIT=1 dropped it (depth 2)"),
        (
            "CLOSESPIDER_PAGECOUNT=2",
            "never fetched: the crawl ended early (closespider_pagecount: CLOSESPIDER_PAGECOUNT=2)",
        ),
        ("URLLENGTH_LIMIT=30", "page-1.html: never fetched: Scrapy's URLLENGTH_LIMIT=30 dropped it (39 characters)"),
    ],
)
@pytest.mark.parametrize("parse_worker", [False, True], ids=["in the crawl", "in the parse worker"])
def test_a_listing_cut_short_by_a_scrapy_setting_says_why(tmp_path, setting, says, parse_worker):
    """-s DEPTH_LIMIT / CLOSESPIDER_PAGECOUNT / URLLENGTH_LIMIT: Scrapy dropped the pages without a word, and the
    crawl ended 'INCOMPLETE ... 0 failed' with no 'why:' line and no note (issue 20). The summary, the log and the
    crawl's note name the page never fetched and the setting; nothing is removed."""
    write_site(tmp_path / "site", pages=4)
    worker = ["-s", "PARSE_PROCESS_AFTER=0"] if parse_worker else []
    with SiteServer(tmp_path / "site") as site:
        start = f"{site.base_url}/list/page-1.html"
        log_dir = tmp_path / "logs"
        args = ("--start-url", start, "--log-dir", log_dir, *FAST, *worker)
        done = cli("crawl", "listing", "--db", tmp_path / "a.db", *args, "-s", setting)
    assert done.returncode in (3, 4) and "INCOMPLETE" in done.stdout, done.stdout + done.stderr[-2000:]
    assert f"why: {site.base_url}/list/" in done.stdout and says in done.stdout, done.stdout
    assert says in q(tmp_path / "a.db", "SELECT note FROM crawls")
    logged = "".join(path.read_text() for path in log_dir.glob("*.log"))
    assert f"listing incomplete: {site.base_url}" in logged and says in logged
    assert q(tmp_path / "a.db", "SELECT count(*) FROM entries WHERE status = 'removed'") == 0


def test_a_page_asked_for_and_never_answered_is_named_whatever_dropped_it():
    """The fallback: a listing left incomplete with no problem recorded (a page request something dropped that
    neither a known setting nor the close reason explains) names the page it never fetched (issue 20)."""
    from scrapy.utils.test import get_crawler

    from crawler.run import project_settings
    from crawler.spiders.listing import GenericListingSpider

    start = "http://127.0.0.1:1/list/page-1.html"
    settings = {**project_settings().copy_to_dict(), "TWISTED_REACTOR_ENABLED": False}
    crawler = get_crawler(GenericListingSpider, settings)
    spider = GenericListingSpider.from_crawler(crawler, start_urls=[start])
    spider.close_reason = "finished"
    assert spider.page_request(start, start, 1) is not None  # asked for, never answered
    state = spider.listing_report()[start]
    assert not state.complete
    assert state.problems == [f"{start}: never fetched: the crawl ended with this page link unanswered"]
