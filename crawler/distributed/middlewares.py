"""The politeness and conditional-request middlewares, for a crawl shared by many workers.

- SharedDelayMiddleware: one host's delay holds across all workers. Each request takes
  the host's next slot in the frontier (on Redis's clock, so machines' clocks do not
  matter) and waits for it. The delay is the crawl's DOWNLOAD_DELAY, or the host's
  robots.txt Crawl-delay if longer; a Retry-After pause is waited for the same way.
- FrontierConditionalMiddleware: revalidates against the validators the coordinator
  loaded from the archive and put in the frontier (workers never open the archive).
- FrontierRenderRevalidateMiddleware: the same for rendered pages (their document and what
  they loaded, crawler.render_revalidate); on a worker without Chromium, a page that changed
  goes back to the frontier for a worker that can render it.
"""

from __future__ import annotations

import asyncio
import logging
import time

from scrapy import Request
from scrapy.exceptions import IgnoreRequest, NotConfigured

from ..middlewares import ConditionalRequestMiddleware, PoliteDelayMiddleware
from ..origins import redact
from ..render_revalidate import RenderRevalidateMiddleware
from .frontier import host_of as _host

log = logging.getLogger(__name__)


class LeftToRender(IgnoreRequest):
    """A rendered page that changed, on a worker without Chromium: given back to the frontier, unread."""


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


class FrontierRenderRevalidateMiddleware(RenderRevalidateMiddleware):
    """Rendered pages revalidated with the record the coordinator put in the frontier. A worker
    without Chromium serves a rendered page only when its record can vouch for it (the spider's
    `serves`): all 304, it is read as a plain 304; anything changed, the page goes back to the
    frontier, for a worker that renders it."""

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.getbool("CONDITIONAL_REQUESTS") or not settings.getbool("RENDER_REVALIDATE", True):
            raise NotConfigured
        return cls(crawler)

    async def process_response(self, request, response, spider=None):
        answer = await super().process_response(request, response, spider)
        spider = self.crawler.spider
        if not isinstance(answer, Request) or getattr(spider, "can_render", True):
            return answer
        spider.must_render.add(request.url)  # not taken again by this worker: left to one that renders
        self.crawler.frontier.give_back([{"id": request.meta["lease"], "listing_url": request.meta["listing_url"]}])
        self.crawler.stats.inc_value("frontier/left_changed")
        log.warning("rendered page %s changed: left to a worker with Chromium", redact(request.url))
        raise LeftToRender(f"{redact(request.url)} changed: left to a worker with Chromium")
