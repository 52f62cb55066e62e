"""304s for rendered pages: a page whose list a browser builds is unchanged only if the document and
everything it loaded that can change the list are unchanged.

- `SubresourceLog`: while a page renders, notes each same-origin subresource it loads that can change
  its list (scripts, XHR/fetch answers, frames; stylesheets too where a "Load more" button or a scroll
  is read, as they decide what is visible) with its validators (ETag, Last-Modified). The capture keeps
  the record (crawler.render.SUBRESOURCES_HEADER).
- `RenderRevalidateMiddleware`: on the next crawl, asks the server about the page and then each recorded
  subresource with conditional GETs, as plain requests (the crawl's delays, robots.txt and host guard
  apply; no browser). Every one a 304: the page is a 304, read as a plain page's (its capture's entries
  sighted again). Anything else, or a record that cannot vouch (missing, or an entry without validators):
  the page is rendered whole, as before.

Nothing here imports Playwright: the log only reads the objects its events hand it.
"""

from __future__ import annotations

import json
import logging

from scrapy import Request
from scrapy.exceptions import NotConfigured

from .middlewares import ask_if_changed, conditional_requests_wanted, read_alike

log = logging.getLogger(__name__)

# Request meta: the page's SubresourceLog; the subresources a page's conditional GET waits on; asked once.
LOG = "render_log"
REVALIDATING = "render_revalidating"
CHECKED = "render_revalidation_done"
VALIDATORS = ("etag", "last-modified")
# What can change a list: code, the data it fetches, frames. Images, fonts and media are never loaded.
RECORDED_TYPES = frozenset({"script", "xhr", "fetch", "document", "eventsource", "websocket", "other"})
# Streams: whatever they send is not what a conditional GET answers about.
STREAMS = frozenset({"eventsource", "websocket"})
# Meta a conditional GET added, dropped when the page is rendered after all.
_ASKED = ("previous_capture_id", "previous_page_links", "previous_listed", "previous_entry_ids", REVALIDATING)


class SubresourceLog:
    """What one rendered page loaded that can change its list, as {url: validators}.

    An entry without validators cannot be revalidated (a POST, a stream, an answer without ETag or
    Last-Modified, a request that failed, the same URL answered differently twice): the next crawl
    then renders the page whole.
    """

    def __init__(self, guard, with_styles: bool = False):
        self.guard = guard  # crawler.render.RouteGuard: what it aborts failed on purpose, every time
        self.types = RECORDED_TYPES | ({"stylesheet"} if with_styles else frozenset())
        self.found: dict[str, dict] = {}

    def handlers(self) -> dict:
        """scrapy-playwright's playwright_page_event_handlers."""
        return {"response": self.on_response, "requestfailed": self.on_failed, "websocket": self.on_websocket}

    def on_response(self, response) -> None:
        request = response.request
        if not self._recorded(request):
            return
        headers = response.headers
        validators = {name: headers[name] for name in VALIDATORS if headers.get(name)}
        if request.method != "GET" or request.resource_type in STREAMS:
            validators = {}
        self._add(request.url, validators)

    def on_failed(self, request) -> None:
        if self._recorded(request) and not (self.guard is not None and self.guard.refuses(request.url)):
            self._add(request.url, {})  # the list was built without it: next time it may come

    def on_websocket(self, websocket) -> None:
        self._add(websocket.url, {})

    def _recorded(self, request) -> bool:
        if request.resource_type not in self.types or not request.url.startswith(("http://", "https://")):
            return False
        try:
            return not (request.is_navigation_request() and request.frame.parent_frame is None)  # the page itself
        except Exception:  # a service worker's request has no frame: recorded
            return True

    def _add(self, url: str, validators: dict) -> None:
        known = self.found.get(url)
        self.found[url] = validators if known is None or known == validators else {}

    def record(self) -> str:
        """The capture's record: a JSON list of {"url", "etag"?, "last-modified"?}."""
        return json.dumps([{"url": url, **found} for url, found in self.found.items()], separators=(",", ":"))


def subresources_to_ask(last: dict | None) -> list[dict] | None:
    """The subresources a rendered page's last capture recorded, when a conditional GET of each can vouch
    for its list; None when the page is to be rendered whole."""
    if not last or not last.get("rendered") or not last.get("validators"):
        return None
    recorded = last.get("subresources")
    if not isinstance(recorded, list):
        return None  # captured before the record was kept
    for entry in recorded:
        if not isinstance(entry, dict) or not str(entry.get("url", "")).startswith(("http://", "https://")):
            return None
        if not any(isinstance(entry.get(name), str) and entry[name] for name in VALIDATORS):
            return None
    return recorded


class RenderRevalidateMiddleware:
    """A page to render whose last rendered capture recorded what it loaded: conditional GETs first."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.answers: dict[str, bool] = {}  # a subresource (with its validators): whether it answered 304

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not conditional_requests_wanted(settings):
            raise NotConfigured
        if not settings.getbool("RENDER_REVALIDATE", True):
            raise NotConfigured
        return cls(crawler)

    def process_request(self, request, spider=None):
        meta = request.meta
        if "render" not in meta or "listing_url" not in meta or meta.get(CHECKED):
            return
        meta[CHECKED] = True
        last = getattr(self.crawler, "previous_captures", {}).get(request.url)
        subresources = subresources_to_ask(last)
        if subresources is None or not read_alike(self.crawler, request, last):
            return
        meta[REVALIDATING] = subresources  # crawler.render.RenderMiddleware leaves the request plain
        ask_if_changed(request, last)
        self.crawler.stats.inc_value("render/revalidate/pages")

    async def process_response(self, request, response, spider=None):
        subresources = request.meta.get(REVALIDATING)
        if subresources is None:
            return response
        if response.status == 304 and await self._all_unchanged(subresources):
            self.crawler.stats.inc_value("render/revalidate/not_modified")
            return response
        if response.status >= 400:
            return response  # an error fails (or is retried) as a plain page's does
        self.crawler.stats.inc_value("render/revalidate/changed")
        return render_whole(request)

    async def _all_unchanged(self, subresources: list[dict]) -> bool:
        for entry in subresources:  # one at a time: the first change settles it
            key = json.dumps(entry, sort_keys=True)
            if key not in self.answers:
                self.answers[key] = await self._not_modified(entry)
            if not self.answers[key]:
                return False
        return True

    async def _not_modified(self, entry: dict) -> bool:
        headers = {}
        if entry.get("etag"):
            headers["If-None-Match"] = entry["etag"]
        if entry.get("last-modified"):
            headers["If-Modified-Since"] = entry["last-modified"]
        asked = Request(entry["url"], headers=headers, dont_filter=True, meta={"dont_redirect": True})
        try:  # through the downloader's middlewares: host guard, robots.txt, delays, retries
            answer = await self.crawler.engine.download_async(asked)
        except Exception as exc:  # refused or failed: it cannot vouch
            log.info("rendered page's subresource %s not revalidated: %s", entry["url"], exc)
            return False
        self.crawler.stats.inc_value(f"render/revalidate/subresource/{answer.status}")
        return answer.status == 304


def render_whole(request) -> Request:
    """The page's request again, to render: without the conditional GET's headers and meta."""
    headers = request.headers.copy()
    for name in ("If-None-Match", "If-Modified-Since"):
        headers.pop(name, None)
    meta = {key: value for key, value in request.meta.items() if key not in _ASKED}
    return request.replace(headers=headers, meta=meta)
