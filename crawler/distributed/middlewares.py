"""The politeness and conditional-request middlewares, for a crawl shared by many workers.

- SharedDelayMiddleware: one host's delay holds across all workers. Each request takes
  the host's next slot in the frontier (on Redis's clock, so machines' clocks do not
  matter) and waits for it. The delay is the crawl's DOWNLOAD_DELAY, or the host's
  robots.txt Crawl-delay if longer; a Retry-After pause is waited for the same way.
- FrontierConditionalMiddleware: revalidates against the validators the coordinator
  loaded from the archive and put in the frontier (workers never open the archive).
"""

from __future__ import annotations

import asyncio
import time

from scrapy.exceptions import NotConfigured

from ..middlewares import ConditionalRequestMiddleware, PoliteDelayMiddleware
from .frontier import host_of as _host


class SharedDelayMiddleware(PoliteDelayMiddleware):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.host_delay = crawler.settings.getfloat("FRONTIER_HOST_DELAY")

    async def process_request(self, request):
        frontier = getattr(self.crawler, "frontier", None)
        if frontier is None:
            return await super().process_request(request)
        host = _host(request.url)
        delay = 0.0 if request.url.endswith("/robots.txt") else max(self.host_delay, self.crawl_delay.get(host, 0.0))
        not_before = request.meta.get("not_before", 0.0) - time.monotonic()
        wait = frontier.reserve(host, delay, not_before)
        if wait > 0:
            await asyncio.sleep(wait)


class FrontierConditionalMiddleware(ConditionalRequestMiddleware):
    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("CONDITIONAL_REQUESTS"):
            raise NotConfigured
        return cls(crawler)
