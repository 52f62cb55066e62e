"""A crawl told to stop (one Ctrl-C or SIGTERM) stops within a second, whatever the polite delay.

Scrapy's graceful stop waits for every request the engine holds, and a request waiting out
DOWNLOAD_DELAY (the downloader's slot) or a robots.txt Crawl-delay (PoliteDelayMiddleware) is
held: with a delay of minutes, the crawl stayed `running` for minutes. No signal fires when the
stop begins (spider_closed fires after those waits), so this extension looks twice a second:
once the engine stops running, the waits end and the requests still waiting fail as
"stopped before it was read"; the spider then says so for each listing left unfinished.
"""

from __future__ import annotations

import asyncio
import logging

from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.asyncio import create_looping_call
from twisted.python.failure import Failure

from .listing_state import STOPPED

log = logging.getLogger(__name__)
CHECK_EVERY = 0.5  # seconds between two looks at the engine


def stopping(crawler) -> asyncio.Event:
    """Set once the crawl is told to stop: a polite wait ends on it."""
    if getattr(crawler, "stop_requested", None) is None:
        crawler.stop_requested = asyncio.Event()
    return crawler.stop_requested


class EndWaitsOnStop:
    def __init__(self, crawler):
        self.crawler = crawler
        self.loop = None  # made when the spider opens: a LoopingCall made now would install a reactor

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self, spider=None):
        stopping(self.crawler)  # made on the crawl's event loop
        self.loop = create_looping_call(self.look)
        self.loop.start(CHECK_EVERY, now=False)

    def closed(self, spider=None, reason=None):
        if self.loop is not None and self.loop.running:
            self.loop.stop()

    def look(self) -> None:
        engine = self.crawler.engine
        if engine is None or engine.running:
            return
        # Looked at again until the spider closes: a request already on its way may join a slot's queue later.
        stopping(self.crawler).set()
        spider = self.crawler.spider
        if spider is not None:
            spider.stop_requested = True  # its listing_report names the listings left unfinished
        self._drop_delayed(engine.downloader)

    @staticmethod
    def _drop_delayed(downloader) -> None:
        """Requests the downloader holds back for DOWNLOAD_DELAY fail now, instead of being fetched later."""
        for slot in list(getattr(downloader, "slots", {}).values()):
            if slot.latercall:
                slot.latercall.cancel()
                slot.latercall = None
            while slot.queue:
                request, waiting = slot.queue.popleft()
                log.info("not fetched, the crawl stops: %s", request.url)
                waiting.errback(Failure(IgnoreRequest(f"{request.url}: {STOPPED}")))
