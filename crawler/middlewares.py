"""Downloader middlewares that keep a crawl polite and economical.

- PoliteDelayMiddleware: honours robots.txt Crawl-delay per host, and holds a request
  until its `not_before` time (set by the retry middleware from Retry-After).
- BackoffRetryMiddleware: Scrapy's retries, with exponential backoff and Retry-After.
- ConditionalRequestMiddleware: sends If-None-Match / If-Modified-Since from the
  archive's last capture of a listing page; a 304 then costs no parsing.
- HostGuardMiddleware: no request, redirect hops included, leaves the start URLs' origins.
- QuietLogFormatter: Scrapy's log messages, minus those no handler would show.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import time

from scrapy import signals
from scrapy.downloadermiddlewares.retry import RetryMiddleware, get_retry_request
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.logformatter import LogFormatter
from scrapy.utils.log import logformatter_adapter

from .cut_short import start_page_cut_short
from .items import entries_of
from .listing_state import STOPPED
from .origins import allowed_origins, host, on_site, redact
from .stop_waits import stopping

log = logging.getLogger(__name__)


class OneLineRobotsErrors(logging.Filter):
    """Scrapy logs a robots.txt it could not fetch (a host down, a port closed) with the whole Twisted
    traceback, once per host, into every cron log, and names the page instead: one line naming robots.txt
    is enough (the page is still asked for, and its own failure is what the crawl reports)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR and record.exc_info:
            record.exc_info, record.exc_text = None, None
            if str(record.msg).startswith("Error downloading"):
                record.msg = "robots.txt could not be fetched for %(request)s: %(f_exception)s"
        return True


def quiet_robots_errors() -> None:
    robots = logging.getLogger("scrapy.downloadermiddlewares.robotstxt")
    if not any(isinstance(f, OneLineRobotsErrors) for f in robots.filters):
        robots.addFilter(OneLineRobotsErrors())


class PoliteDelayMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler
        self.user_agent = crawler.settings.get("USER_AGENT")
        self.crawl_delay: dict[str, float] = {}
        self.next_allowed: dict[str, float] = {}
        self.max_delay = crawler.settings.getfloat("ROBOTSTXT_MAX_CRAWL_DELAY")

    @classmethod
    def from_crawler(cls, crawler):
        mw = cls(crawler)
        crawler.signals.connect(mw.on_robots, signal=signals.robots_parsed)
        quiet_robots_errors()
        return mw

    def on_robots(self, robotparser, request):
        try:
            delay = robotparser.crawl_delay(self.user_agent)
        except Exception:  # a robots.txt the parser cannot read has no delay for us
            delay = None
        if delay:
            self.crawl_delay[host(request.url)] = min(float(delay), self.max_delay)
            log.info("robots.txt asks for %ss between requests to %s", delay, host(request.url))

    async def process_request(self, request):
        name = host(request.url)
        now = time.monotonic()
        start = max(now, self.next_allowed.get(name, 0.0), request.meta.get("not_before", 0.0))
        delay = self.crawl_delay.get(name)
        if delay and not request.url.endswith("/robots.txt"):
            self.next_allowed[name] = start + delay  # reserve the slot before waiting
        if start > now:
            stop = stopping(self.crawler)
            if stop.is_set():
                raise IgnoreRequest(f"{request.url}: {STOPPED}")
            # A crawl told to stop does not wait out a delay of minutes (crawler.stop_waits): the sleep
            # races the stop; the sleep is asyncio.sleep itself, so its length is what a test can read.
            sleeping = asyncio.ensure_future(asyncio.sleep(start - now))
            told = asyncio.ensure_future(stop.wait())
            await asyncio.wait({sleeping, told}, return_when=asyncio.FIRST_COMPLETED)
            for task in (sleeping, told):
                task.cancel()
            if stop.is_set():
                raise IgnoreRequest(f"{request.url}: {STOPPED}")


def retry_after_seconds(value: bytes | str | None) -> float | None:
    """Seconds from a Retry-After header (a number or an HTTP date)."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class BackoffRetryMiddleware(RetryMiddleware):
    """Retries 429 and 5xx (and lost connections) after a growing pause, or after Retry-After."""

    def __init__(self, settings):
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE")
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX")
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX")

    def _pause(self, request, response=None) -> float | None:
        wanted = retry_after_seconds(response.headers.get("Retry-After")) if response is not None else None
        if wanted is not None:
            return wanted if wanted <= self.retry_after_max else None
        return min(self.cap, self.base * 2 ** request.meta.get("retry_times", 0))

    def process_response(self, request, response, spider=None):
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes:
            return response
        pause = self._pause(request, response)
        if pause is None:
            log.warning("%s asks us to come back in more than %ss: not retrying now", request.url, self.retry_after_max)
            return response
        retry = get_retry_request(
            request,
            spider=self.crawler.spider,
            reason=f"HTTP {response.status}",
            max_retry_times=request.meta.get("max_retry_times", self.max_retry_times),
            priority_adjust=self.priority_adjust,
        )
        if retry is None:
            return response
        retry.meta["not_before"] = time.monotonic() + pause
        return retry

    def process_exception(self, request, exception, spider=None):
        retry = super().process_exception(request, exception)
        if retry is not None:
            retry.meta["not_before"] = time.monotonic() + self._pause(request)
        return retry


class ConditionalRequestMiddleware:
    """Revalidate listing pages against the archive's last capture of them.

    The archive pipeline hands the last captures over as `crawler.previous_captures`
    ({url: {"id", "validators", "page_links", "entry_ids"}}) when the spider opens: nothing here
    reads the archive.
    """

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        if not conditional_requests_wanted(crawler.settings):
            raise NotConfigured
        return cls(crawler)

    def process_request(self, request, spider=None):
        if "listing_url" not in request.meta or request.meta.get("conditional_done") or "render" in request.meta:
            return  # a rendered page's DOM depends on more than the document: crawler.render_revalidate asks
        request.meta["conditional_done"] = True
        last = getattr(self.crawler, "previous_captures", {}).get(request.url)
        if not last or not last["validators"] or last.get("rendered") or not read_alike(self.crawler, request, last):
            return  # a rendered capture's validators vouch for the document only (crawler.render_revalidate)
        if start_page_cut_short(last.get("not_whole")):  # judged again, as a whole fetch: its 304 said so for ever
            return
        ask_if_changed(request, last)


def conditional_requests_wanted(settings) -> bool:
    """Revalidate against the archive: with one, CONDITIONAL_REQUESTS on, and no feed export (-O, -o, FEEDS)
    asked for, since a 304 page is sighted in the archive but never parsed: a second `-O` was an empty file."""
    return (
        bool(settings.get("ARCHIVE_DB")) and settings.getbool("CONDITIONAL_REQUESTS") and not settings.getdict("FEEDS")
    )


def read_alike(crawler, request, last: dict) -> bool:
    """Was the page's last capture read as this crawl reads its listing (the same profile, the same contents)?
    If not, a 304 would keep the other reading: the page is fetched whole and read again (`crawl --profile NEW`)."""
    readings = getattr(crawler.spider, "readings", None) or {}
    reading = readings.get(request.meta.get("listing_url"))
    if reading is None or last.get("read_with") == reading:
        return True
    crawler.stats.inc_value("conditional/read_again")
    return False


def ask_if_changed(request, last: dict) -> None:
    """Make `request` conditional on the page's last capture (`last`, as archive.record.last_captures gives it):
    its validators sent, and what a 304 needs to be read (the capture, its pagination links) in its meta."""
    if "etag" in last["validators"]:
        request.headers["If-None-Match"] = last["validators"]["etag"]
    if "last-modified" in last["validators"]:
        request.headers["If-Modified-Since"] = last["validators"]["last-modified"]
    request.meta["previous_capture_id"] = last["id"]
    request.meta["previous_page_links"] = last["page_links"]
    request.meta["previous_listed"] = last.get("listed", True)
    request.meta["previous_entry_ids"] = last.get("entry_ids")  # None: taken before they were kept
    request.meta["previous_not_whole"] = last.get("not_whole")  # why it was not a whole page of its listing
    request.meta.setdefault("handle_httpstatus_list", []).append(304)


class HostGuardMiddleware:
    """Every request, each redirect hop included, stays on the start URLs' origins.

    Listing requests bypass Scrapy's offsite filter (they are made with dont_filter),
    and a redirect keeps that flag: this guard is what keeps a site from sending the
    crawler to another host. A refused listing page fails, so its listing is incomplete.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.origins = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        if self.origins is None:
            self.origins = allowed_origins(list(getattr(self.crawler.spider, "start_urls", [])))
        if not self.origins or on_site(request.url, self.origins):
            return
        hop = " (a redirect)" if request.meta.get("redirect_times") else ""
        raise IgnoreRequest(f"off the start hosts{hop}: {redact(request.url)}")


_scraper_log = logging.getLogger("scrapy.core.scraper")  # where Scrapy logs what it scraped


class QuietLogFormatter(LogFormatter):
    """Scrapy's messages for each page and item (Crawled, Scraped, Dropped: DEBUG, a dozen a page), made only
    when a handler would show them: a log record nobody sees costs more CPU than the item's own pipelines."""

    def crawled(self, request, response, spider):
        return _shown(super().crawled(request, response, spider), "scrapy.core.engine")

    def scraped(self, item, response, spider):
        entries = entries_of(item)
        if entries is None:
            return _shown(super().scraped(item, response, spider), "scrapy.core.scraper")
        if _shown(super().scraped(item, response, spider), "scrapy.core.scraper") is None:
            return None  # shown nowhere: no line made for its entries either
        for entry in entries:  # a page's item carries its entries (crawler/items.py): a line an entry, as before
            _scraper_log.log(*logformatter_adapter(super().scraped(entry, response, spider)), extra={"spider": spider})
        return None

    def dropped(self, item, exception, response, spider):
        return _shown(super().dropped(item, exception, response, spider), "scrapy.core.scraper")


def _shown(message: dict | None, logger_name: str) -> dict | None:
    """`message`, or None when logging it from `logger_name` reaches no handler (as logging.Logger.callHandlers
    decides: the handlers up the chain while propagating, else logging.lastResort)."""
    if message is None:
        return None
    level = message["level"]
    logger: logging.Logger | None = logging.getLogger(logger_name)
    if not logger.isEnabledFor(level):
        return message  # logging drops it at once: nothing to save
    found = False
    while logger is not None:
        for handler in logger.handlers:
            found = True
            if level >= handler.level:
                return message
        logger = logger.parent if logger.propagate else None
    if not found and logging.lastResort is not None and level >= logging.lastResort.level:
        return message
    return None
