"""The downloader middlewares, each on its own: made from a crawler with the project's
settings, fed requests and responses, their answers checked. No network, no reactor:
the polite delay's clock and pause are stand-ins that record what it would wait."""

import asyncio
import email.utils
import logging

import pytest
from helpers import CRAWLER_START, make_crawler
from scrapy import Request
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.robotstxt import ProtegoRobotParser
from twisted.internet.error import ConnectionRefusedError

from crawler import middlewares
from crawler.middlewares import (
    BackoffRetryMiddleware,
    ConditionalRequestMiddleware,
    HostGuardMiddleware,
    PoliteDelayMiddleware,
    retry_after_seconds,
)

START = CRAWLER_START
LISTING = {"listing_url": START}


# -- conditional requests --------------------------------------------------------------------


@pytest.mark.parametrize("settings", [{"ARCHIVE_DB": ""}, {"ARCHIVE_DB": "a.db", "CONDITIONAL_REQUESTS": False}])
def test_conditional_requests_are_off_without_an_archive_or_when_turned_off(settings):
    with pytest.raises(NotConfigured):
        ConditionalRequestMiddleware.from_crawler(make_crawler(**settings))


def conditional(previous_captures):
    crawler = make_crawler(ARCHIVE_DB="a.db", CONDITIONAL_REQUESTS=True)
    crawler.previous_captures = previous_captures
    return ConditionalRequestMiddleware.from_crawler(crawler)


def test_a_listing_page_is_revalidated_against_its_last_capture():
    validators = {"etag": '"abc"', "last-modified": "Tue, 03 May 2022 10:00:00 GMT"}
    links = ["http://127.0.0.1:8765/listing/nextRow--10/index.htm"]
    mw = conditional({START: {"id": 7, "validators": validators, "page_links": links, "listed": False}})
    request = Request(START, meta=dict(LISTING))
    assert mw.process_request(request) is None  # the request goes on, with its headers
    assert request.headers["If-None-Match"] == b'"abc"'
    assert request.headers["If-Modified-Since"] == b"Tue, 03 May 2022 10:00:00 GMT"
    assert request.meta["previous_capture_id"] == 7
    assert request.meta["previous_page_links"] == links
    assert request.meta["previous_listed"] is False
    assert request.meta["handle_httpstatus_list"] == [304]  # the spider sees the 304
    mw.process_request(request)  # a retry of the same request: nothing added twice
    assert request.meta["handle_httpstatus_list"] == [304]


def test_only_the_validators_the_capture_had_are_sent():
    mw = conditional({START: {"id": 7, "validators": {"etag": 'W/"x"'}, "page_links": []}})
    request = Request(START, meta=dict(LISTING))
    mw.process_request(request)
    assert request.headers["If-None-Match"] == b'W/"x"' and b"If-Modified-Since" not in request.headers
    assert request.meta["previous_listed"] is True


@pytest.mark.parametrize(
    ("url", "meta", "captures"),
    [
        (START, LISTING, {}),  # never captured
        (START, LISTING, {START: {"id": 7, "validators": {}, "page_links": []}}),  # captured without validators
        (START, {}, {START: {"id": 7, "validators": {"etag": '"abc"'}, "page_links": []}}),  # not a listing page
    ],
)
def test_no_conditional_headers_without_validators_for_a_listing_page(url, meta, captures):
    request = Request(url, meta=dict(meta))
    conditional(captures).process_request(request)
    assert b"If-None-Match" not in request.headers and b"If-Modified-Since" not in request.headers
    assert "previous_capture_id" not in request.meta and "handle_httpstatus_list" not in request.meta


# -- host guard ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        START,
        "http://127.0.0.1:8765/other/page.htm",
        "http://127.0.0.1:8765/robots.txt",
    ],
)
def test_the_host_guard_lets_the_start_origin_through(url):
    assert HostGuardMiddleware.from_crawler(make_crawler()).process_request(Request(url)) is None


def test_the_host_guard_accepts_www_and_an_https_upgrade_of_an_http_start():
    guard = HostGuardMiddleware.from_crawler(make_crawler(["http://www.ilo.org/asia/index.htm"]))
    for url in ("http://ilo.org/a", "https://www.ilo.org/a", "https://ilo.org/a"):
        assert guard.process_request(Request(url)) is None, url


@pytest.mark.parametrize(
    "url",
    [
        "http://evil.example/listing/index.htm",  # another host
        "http://127.0.0.1:8766/listing/index.htm",  # another port
        "https://127.0.0.1:8765/listing/index.htm",  # another scheme on a port that is not 80
        "http://127.0.0.2:8765/listing/index.htm",
    ],
)
def test_the_host_guard_refuses_any_other_origin(url):
    guard = HostGuardMiddleware.from_crawler(make_crawler())
    with pytest.raises(IgnoreRequest, match=r"^off the start hosts: "):
        guard.process_request(Request(url))


def test_the_host_guard_refuses_a_redirect_hop_off_the_start_hosts():
    crawler = make_crawler()
    guard, redirects = HostGuardMiddleware.from_crawler(crawler), RedirectMiddleware.from_crawler(crawler)
    request = Request(START, dont_filter=True, meta=dict(LISTING))  # listing pages bypass the offsite filter
    assert guard.process_request(request) is None
    moved = Response(START, status=302, headers={"Location": "http://evil.example/x"}, request=request)
    hop = redirects.process_response(request, moved)
    assert hop.url == "http://evil.example/x" and hop.dont_filter  # Scrapy would follow it
    with pytest.raises(IgnoreRequest, match=r"^off the start hosts \(a redirect\): http://evil.example/x$"):
        guard.process_request(hop)
    on_site = redirects.process_response(
        request, Response(START, status=301, headers={"Location": "/listing/moved.htm"}, request=request)
    )
    assert guard.process_request(on_site) is None  # a redirect within the site is followed


# -- backoff and Retry-After -----------------------------------------------------------------


@pytest.fixture
def clock(monkeypatch):
    """The middlewares' monotonic clock, standing at 1000.0 until a test moves it."""
    now = {"t": 1000.0}
    monkeypatch.setattr(middlewares.time, "monotonic", lambda: now["t"])
    return now


def retrying(**settings):
    return BackoffRetryMiddleware.from_crawler(make_crawler(**settings))


def served(request, status, **headers):
    return Response(request.url, status=status, headers=headers, request=request)


def test_a_retry_waits_longer_each_time_up_to_the_cap(clock):
    mw = retrying(RETRY_TIMES=8, RETRY_BACKOFF_BASE=2.0, RETRY_BACKOFF_MAX=10.0)
    request, pauses = Request(START), []
    for _ in range(4):
        request = mw.process_response(request, served(request, 503))
        assert isinstance(request, Request)
        pauses.append(request.meta["not_before"] - clock["t"])
    assert pauses == [2.0, 4.0, 8.0, 10.0]
    assert request.meta["retry_times"] == 4


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_retry_after_in_seconds_is_honoured(clock, status):
    retry = retrying().process_response(Request(START), served(Request(START), status, **{"Retry-After": "42"}))
    assert retry.meta["not_before"] == 1042.0


def test_retry_after_as_an_http_date_is_honoured(clock):
    when = email.utils.formatdate(middlewares.time.time() + 120, usegmt=True)
    retry = retrying().process_response(Request(START), served(Request(START), 429, **{"Retry-After": when}))
    assert 100 <= retry.meta["not_before"] - 1000.0 <= 120


def test_a_retry_after_beyond_the_limit_is_not_waited_for(clock, caplog):
    request = Request(START)
    response = served(request, 503, **{"Retry-After": "3600"})
    with caplog.at_level(logging.WARNING, logger="crawler.middlewares"):
        assert retrying(RETRY_AFTER_MAX=300.0).process_response(request, response) is response
    assert "asks us to come back in more than 300.0s: not retrying now" in caplog.text


@pytest.mark.parametrize(("status", "meta"), [(200, {}), (404, {}), (304, {}), (503, {"dont_retry": True})])
def test_no_retry_for_other_answers_or_when_told_not_to(status, meta):
    request = Request(START, meta=meta)
    response = served(request, status)
    assert retrying().process_response(request, response) is response


def test_retries_give_up_after_retry_times(clock):
    mw, request = retrying(RETRY_TIMES=2), Request(START)
    for _ in range(2):
        request = mw.process_response(request, served(request, 500))
        assert isinstance(request, Request)
    last = served(request, 500)
    assert mw.process_response(request, last) is last


def test_a_lost_connection_is_retried_after_a_pause(clock):
    retry = retrying(RETRY_BACKOFF_BASE=3.0).process_exception(Request(START), ConnectionRefusedError())
    assert isinstance(retry, Request) and retry.meta["not_before"] == 1003.0


@pytest.mark.parametrize(
    ("header", "seconds"),
    [(b"30", 30.0), ("0", 0.0), (" 7 ", 7.0), (None, None), (b"", None), ("soon", None), ("-5", None)],
)
def test_retry_after_seconds(header, seconds):
    assert retry_after_seconds(header) == seconds


def test_retry_after_a_date_in_the_past_is_now():
    assert retry_after_seconds("Tue, 03 May 2022 10:00:00 GMT") == 0.0


# -- robots.txt Crawl-delay ------------------------------------------------------------------


@pytest.fixture
def waits(clock, monkeypatch):
    """What the polite delay would wait: each pause recorded (and the clock moved on by it)."""
    recorded = []

    async def pause(seconds):
        recorded.append(seconds)
        clock["t"] += seconds

    monkeypatch.setattr(middlewares.asyncio, "sleep", pause)
    return recorded


def polite(robots: bytes | None = None, **settings):
    crawler = make_crawler(**settings)
    mw = PoliteDelayMiddleware.from_crawler(crawler)
    if robots is not None:
        parser = ProtegoRobotParser.from_crawler(crawler, robots)
        mw.on_robots(parser, Request("http://127.0.0.1:8765/robots.txt"))
    return mw


def fetch(mw, url, **meta):
    asyncio.run(mw.process_request(Request(url, meta=meta)))


def test_crawl_delay_spaces_requests_to_its_host(waits, clock):
    mw = polite(b"User-agent: *\nCrawl-delay: 5\n")
    assert mw.crawl_delay == {"127.0.0.1": 5.0}
    fetch(mw, START)
    fetch(mw, START + "?page=2")
    clock["t"] += 2.0  # the next request comes 2 s after the second started
    fetch(mw, START + "?page=3")
    assert waits == [5.0, 3.0]


def test_crawl_delay_holds_for_its_host_only(waits):
    mw = polite(b"User-agent: *\nCrawl-delay: 5\n")
    fetch(mw, START)
    fetch(mw, "http://localhost:8765/listing/index.htm")
    fetch(mw, START + "?page=2")
    assert waits == [5.0]  # only the second request to 127.0.0.1 waited


def test_a_huge_crawl_delay_is_capped(waits):
    mw = polite(b"User-agent: *\nCrawl-delay: 86400\n", ROBOTSTXT_MAX_CRAWL_DELAY=30.0)
    assert mw.crawl_delay == {"127.0.0.1": 30.0}


@pytest.mark.parametrize("robots", [b"User-agent: *\nDisallow: /private/\n", b"\xff\xfe garbage", b""])
def test_no_crawl_delay_no_wait(waits, robots):
    mw = polite(robots)
    for page in range(3):
        fetch(mw, f"{START}?page={page}")
    assert mw.crawl_delay == {} and waits == []


def test_a_crawl_delay_for_another_robot_is_not_ours(waits):
    mw = polite(b"User-agent: otherbot\nCrawl-delay: 9\n\nUser-agent: *\nDisallow:\n")
    assert mw.crawl_delay == {}


def test_a_retry_is_held_until_its_not_before(waits, clock):
    mw = polite()
    fetch(mw, START, not_before=clock["t"] + 42.0)
    fetch(mw, START, not_before=clock["t"] - 1.0)  # already due
    assert waits == [42.0]
