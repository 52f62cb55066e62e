"""A ListingSpider whose pages come from, and go back to, the shared frontier.

The spider's own code reads each page (parse_listing, on_page_error); this mixin only
changes where its output goes. Each call runs against a fresh per-listing tally, and
what it produced (the page item, the valid entries, the counts, the problems, the
pagination links) is committed to the frontier in one atomic step that also releases
the page's lease. Scrapy gets nothing back: no item pipeline runs on a worker.
"""

from __future__ import annotations

import logging

import scrapy

from ..items import EntryItem, PageItem
from ..origins import on_site
from ..validation import normalise_entry, validate_entry
from .codec import encode_result

log = logging.getLogger(__name__)
# The meta key of a request (the listing's feed) its page's outcome waits for.
PENDING = "frontier_pending"


def _tally() -> dict:
    return {"pages_fetched": 0, "pages_failed": 0, "pages_requested": 0, "complete": False, "problems": []}


def _outcome(listing_url: str, lease, tally: dict, produced: list, pending: dict | None) -> dict:
    """A page's outcome: what one callback produced, added to what its page's earlier callback left pending."""
    outcome = pending or {
        "listing_url": listing_url,
        "lease": lease,
        "pages": [],
        "entries": [],
        "links": [],
        "pages_fetched": 0,
        "pages_failed": 0,
        "problems": [],
    }
    outcome["pages"] += [p for p in produced if isinstance(p, PageItem)]
    outcome["entries"] += [e for e in produced if isinstance(e, EntryItem)]
    outcome["links"] += [p for p in produced if isinstance(p, tuple)]
    outcome["pages_fetched"] += tally["pages_fetched"]
    outcome["pages_failed"] += tally["pages_failed"]
    outcome["problems"] += [p for p in tally["problems"] if p not in outcome["problems"]]
    return outcome


def frontier_spider(spider_cls: type) -> type:
    """The frontier variant of a ListingSpider class (same name, same reading of pages)."""
    return type(f"Frontier{spider_cls.__name__}", (FrontierSpiderMixin, spider_cls), {})


class FrontierSpiderMixin:
    frontier = None  # a Frontier, set by the worker before the crawl starts
    max_pages = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.feeds: dict[str, dict] = {}  # per listing: its feed's state, kept across this worker's pages

    async def start(self):
        # The coordinator seeded the start pages into the frontier; the worker feeds us from there.
        return
        yield  # noqa: B901  (an async generator that yields nothing)

    def request_from_message(self, message: dict) -> scrapy.Request:
        return scrapy.Request(
            message["url"],
            callback=self.parse_listing,
            errback=self.on_page_error,
            meta={"listing_url": message["listing_url"], "page": message.get("page"), "lease": message["id"]},
            dont_filter=True,
        )

    def _page_request(self, url: str, listing_url: str, page: int | None):
        """A link to follow, as a (url, page) pair: the frontier decides, atomically, whether it is
        new and under LISTING_MAX_PAGES; off-site links are refused here as in one process."""
        if not on_site(url, self.origins):
            self._problem(self.listings[listing_url], f"pagination leads off the start hosts: {url}")
            return None
        return (url, page)

    def parse_listing(self, response):
        parent = super()
        return self._settle(response.request, lambda: parent.parse_listing(response))

    def on_page_error(self, failure):
        parent = super()
        return self._settle(failure.request, lambda: parent.on_page_error(failure))

    def parse_feed(self, response, held):
        parent = super()
        return self._settle(response.request, lambda: parent.parse_feed(response, held))

    def on_feed_error(self, failure):
        parent = super()
        return self._settle(failure.request, lambda: parent.on_feed_error(failure))

    def _settle(self, request, produce) -> list:
        """Run one callback against a fresh tally; commit what it produced, or, when it asks for the
        listing's feed (FeedWitnessMixin holds the page's entries for it), carry the outcome so far
        in that request, under the same lease, and commit when the feed's callback has run."""
        pending = request.meta.get(PENDING)
        listing_url = pending["listing_url"] if pending else request.meta.get("listing_url")
        if listing_url not in self.start_urls:
            return []
        self.listings = {url: _tally() for url in self.start_urls}
        tally = self.listings[listing_url]
        if listing_url in self.feeds:  # read by this worker already: later pages are reconciled with it
            tally["feed"] = self.feeds[listing_url]
        try:
            produced = list(produce() or [])
        except Exception as exc:  # a bug in reading one page: that page failed, the crawl goes on
            log.exception("could not read %s", request.url)
            produced = []
            tally["pages_failed"] += 1
            self._problem(tally, f"{request.url}: could not be read ({exc!r})")
        if "feed" in tally:
            self.feeds[listing_url] = tally["feed"]
        outcome = _outcome(listing_url, request.meta.get("lease"), tally, produced, pending)
        requests = [r for r in produced if isinstance(r, scrapy.Request)]
        if requests:
            for follow in requests:
                follow.meta[PENDING] = outcome
            return requests
        self._commit(request, outcome)
        return []

    def _commit(self, request, outcome: dict) -> None:
        entries = []
        for item in outcome["entries"]:
            normalise_entry(item)  # the pipelines' rules (pipelines/normalise, pipelines/validate)
            if validate_entry(item) is None:
                log.warning("dropped an entry without a title or id on %s", item.get("listing_url"))
                continue
            entries.append(item)
        pages = outcome["pages"]
        queued = self.frontier.commit(
            self.start_urls,
            outcome["listing_url"],
            outcome["lease"],
            encode_result(pages, entries) if pages or entries else None,
            outcome["pages_fetched"],
            outcome["pages_failed"],
            outcome["problems"],
            outcome["links"],
            self.max_pages,
        )
        if queued == -1:
            log.warning("the lease on %s had expired: another worker fetches it again", request.url)
        elif queued == -2:
            log.warning("the crawl is over (the frontier holds another): %s dropped", request.url)
        self.crawler.stats.inc_value("frontier/pages_committed")

    def listing_report(self) -> dict[str, dict]:
        return self.frontier.listing_report(self.start_urls) if self.frontier else {}
