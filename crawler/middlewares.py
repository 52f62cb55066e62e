"""Downloader middlewares that keep a crawl polite and economical.

- PoliteDelayMiddleware: honours robots.txt Crawl-delay per host, and holds a request
  until its `not_before` time (set by the retry middleware from Retry-After).
- BackoffRetryMiddleware: Scrapy's retries, with exponential backoff and Retry-After.
- ConditionalRequestMiddleware: sends If-None-Match / If-Modified-Since from the
  archive's last capture of a listing page; a 304 then costs no parsing.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import time
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import NotConfigured

log = logging.getLogger(__name__)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


class PoliteDelayMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler
        self.user_agent = crawler.settings.get("USER_AGENT")
        self.crawl_delay: dict[str, float] = {}
        self.next_allowed: dict[str, float] = {}
        self.max_delay = crawler.settings.getfloat("ROBOTSTXT_MAX_CRAWL_DELAY", 120.0)

    @classmethod
    def from_crawler(cls, crawler):
        mw = cls(crawler)
        crawler.signals.connect(mw.on_robots, signal=signals.robots_parsed)
        return mw

    def on_robots(self, robotparser, request):
        try:
            delay = robotparser.crawl_delay(self.user_agent)
        except Exception:  # a robots.txt the parser cannot read has no delay for us
            delay = None
        if delay:
            self.crawl_delay[_host(request.url)] = min(float(delay), self.max_delay)
            log.info("robots.txt asks for %ss between requests to %s", delay, _host(request.url))

    async def process_request(self, request):
        host = _host(request.url)
        now = time.monotonic()
        start = max(now, self.next_allowed.get(host, 0.0), request.meta.get("not_before", 0.0))
        delay = self.crawl_delay.get(host)
        if delay and not request.url.endswith("/robots.txt"):
            self.next_allowed[host] = start + delay  # reserve the slot before waiting
        if start > now:
            await asyncio.sleep(start - now)
        return None


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
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 300.0)

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
        retry = self._retry(request, f"HTTP {response.status}")
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
    """Revalidate listing pages against the archive's last capture of them."""

    def __init__(self, db_path: str):
        self.db_path = db_path
        self.conn = None

    @classmethod
    def from_crawler(cls, crawler):
        db = crawler.settings.get("ARCHIVE_DB")
        if not db or not crawler.settings.getbool("CONDITIONAL_REQUESTS", True):
            raise NotConfigured
        return cls(db)

    def _last_capture(self, url: str) -> dict | None:
        import sqlite3

        from archive.queries import last_capture

        try:
            if self.conn is None:
                self.conn = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True)
            return last_capture(self.conn, url)
        except sqlite3.Error:
            return None  # no archive yet, or an older schema: fetch in full

    def process_request(self, request):
        if "listing_url" not in request.meta or request.meta.get("conditional_done"):
            return None
        request.meta["conditional_done"] = True
        last = self._last_capture(request.url)
        if not last or not last["validators"]:
            return None
        if "etag" in last["validators"]:
            request.headers["If-None-Match"] = last["validators"]["etag"]
        if "last-modified" in last["validators"]:
            request.headers["If-Modified-Since"] = last["validators"]["last-modified"]
        request.meta["previous_capture_id"] = last["id"]
        request.meta["previous_page_links"] = last["page_links"]
        request.meta.setdefault("handle_httpstatus_list", []).append(304)
        return None
