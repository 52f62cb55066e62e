"""Why a listing page the spider asked for was never answered: a Scrapy setting dropped its link, or the
crawl closed before it.

Scrapy's depth and URL-length middlewares drop a request the spider made with a debug line (DEPTH_LIMIT,
URLLENGTH_LIMIT), and a CLOSESPIDER_* setting closes the crawl with requests still queued: the listing ended
INCOMPLETE with no word of why. The spider keeps the page requests not yet answered; when the crawl closes,
a listing left incomplete with no problem recorded names the first such page and what left it unread.
"""

from __future__ import annotations

import scrapy

# The meta key of a listing page's request: the page's key in the spider's requests (it survives redirects).
AWAITED = "awaited_page"
NEVER_FETCHED = "never fetched"
CLOSED_BY_SETTING = "closespider_"  # how the close reasons of Scrapy's CLOSESPIDER_* settings begin


class UnansweredPagesMixin:
    """Keeps, per listing, the page requests no response or error has answered yet."""

    close_reason: str | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._unanswered: dict[str, dict[str, scrapy.Request]] = {}  # {listing URL: {page key: its request}}

    def awaiting(self, listing_url: str, key: str, request: scrapy.Request) -> scrapy.Request:
        """`request` (the page `key` of `listing_url`) is unanswered until `answered` is given its meta."""
        request.meta[AWAITED] = key
        self._unanswered.setdefault(listing_url, {})[key] = request
        return request

    def answered(self, meta: dict) -> None:
        self._unanswered.get(meta.get("listing_url"), {}).pop(meta.get(AWAITED), None)

    def watch_close_reason(self) -> None:
        """Keep the reason the crawl closes for: the item pipelines close the crawl in the archive before the
        spider hears it (`closed(reason)` comes after), and CLOSESPIDER_* says why only there."""
        engine = self.crawler.engine
        close = getattr(engine, "close_spider_async", None)
        if close is None:  # another Scrapy: the listing is named unread all the same, without the close reason
            return

        async def closing(*, reason: str = "cancelled") -> None:
            self.close_reason = self.close_reason or reason
            await close(reason=reason)

        engine.close_spider_async = closing

    def why_unanswered(self, listing_url: str) -> str | None:
        """'URL: never fetched: why' for the listing's first page left unanswered, or None."""
        unanswered = list(self._unanswered.get(listing_url, {}).values())
        if not unanswered:
            return None
        request = unanswered[0]
        return f"{request.url}: {NEVER_FETCHED}: {self._dropped_by(request)}"

    def _dropped_by(self, request: scrapy.Request) -> str:
        settings = self.crawler.settings
        dropped = dropped_by_limit(settings, request.url, request.meta.get("depth", 0))
        if dropped:
            return dropped
        reason = self.close_reason
        if reason and reason != "finished":
            # "ended", not "closed": archive.summary.why takes "closed" for a connection cut
            return f"the crawl ended early ({close_reason_said(reason, settings)})"
        return "the crawl ended with this page link unanswered"


def close_reason_said(reason: str, settings) -> str:
    """Scrapy's close reason, with the CLOSESPIDER_* setting that gave it: 'closespider_pagecount:
    CLOSESPIDER_PAGECOUNT=2'. A distributed worker says it to the coordinator too (crawler.distributed.worker)."""
    if reason.startswith(CLOSED_BY_SETTING):
        return f"{reason}: {reason.upper()}={settings.get(reason.upper())}"
    return reason


def dropped_by_limit(settings, url: str, depth: int) -> str | None:
    """Which of Scrapy's DEPTH_LIMIT and URLLENGTH_LIMIT drops a page request of this depth (the start page's is 0)
    and URL, said as the listing's why; None if neither. A distributed worker asks it of each pagination link."""
    max_depth = settings.getint("DEPTH_LIMIT")
    if max_depth and depth > max_depth:
        return f"Scrapy's DEPTH_LIMIT={max_depth} dropped it (depth {depth})"
    max_length = settings.getint("URLLENGTH_LIMIT")
    if max_length and len(url) > max_length:
        return f"Scrapy's URLLENGTH_LIMIT={max_length} dropped it ({len(url)} characters)"
    return None
