"""A ListingSpider whose pages come from, and go back to, the shared frontier.

The spider's own code reads each page (parse_listing, on_page_error, the feed's callbacks);
this mixin only changes where its output goes, through the spider's output hooks
(page_request, deliver_page, deliver_entries, page_done). Each callback runs against a
fresh per-listing tally; when the page is done, what it brought (the page item, the valid
entries, the counts, the problems, the pagination links) is committed to the frontier in
one atomic step that also releases the page's lease. Scrapy gets back only the requests a
page makes besides its pagination (its listing's feed): no item pipeline runs on a worker.
"""

from __future__ import annotations

import logging

import scrapy
from scrapy import signals

from ..items import EntryItem, PageItem
from ..listing_state import ListingState
from ..origins import on_site, redact
from ..render_revalidate import subresources_to_ask
from ..spiders.dropped import NEVER_FETCHED, dropped_by_limit
from ..spiders.whole_page import LINKED_FROM, LINKER_CLOSED
from ..validation import normalise_entry, validate_entry
from .codec import encode_result, encode_tally
from .frontier import DROPPED
from .middlewares import LeftToRender

log = logging.getLogger(__name__)
# The meta key of a request (the listing's feed) its page's outcome waits for.
PENDING = "frontier_pending"


def _outcome(listing_url: str, lease, depth: int = 0) -> dict:
    """What one leased page brought, gathered by the spider's output hooks until the page is done."""
    return {
        "listing_url": listing_url,
        "lease": lease,
        "depth": depth,  # the page's, as Scrapy's DepthMiddleware counts it: its links are one deeper
        "pages": [],
        "entries": [],
        "links": [],
        "tally": ListingState(),  # the page's counts and problems, over its callbacks
        "done": False,
    }


def _added(total: ListingState, part: ListingState) -> ListingState:
    total.pages_fetched += part.pages_fetched
    total.pages_failed += part.pages_failed
    for problem in part.problems:
        total.problem(problem)
    for note in part.notes:
        total.note(note)
    total.add_read_facts(part.read_facts())  # how the page read, for the coordinator's health checks
    return total


def frontier_spider(spider_cls: type) -> type:
    """The frontier variant of a ListingSpider class (same name, same reading of pages)."""
    return type(f"Frontier{spider_cls.__name__}", (FrontierSpiderMixin, spider_cls), {})


class FrontierSpiderMixin:
    frontier = None  # a Frontier, set by the worker before the crawl starts
    max_pages = 0
    can_render = False  # this worker has the render extra and Chromium (crawler.render.unavailable)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.feeds: dict[str, dict] = {}  # per listing: its feed's state, kept across this worker's pages
        self.shared_feeds: set[str] = set()  # listings whose feed state this worker put in the frontier
        self.outcome: dict | None = None  # the page whose callback runs now
        self.must_render: set[str] = set()  # rendered pages that changed: left to a worker with Chromium

    async def start(self):
        # The coordinator seeded the start pages into the frontier; the worker feeds us from there.
        return
        yield  # noqa: B901  (an async generator that yields nothing)

    def serves(self, message: dict) -> bool:
        """Whether this worker may read the page: a rendered listing's pages in Chromium, or without it
        when the page's last rendered capture can be revalidated (all 304s need no browser)."""
        if self.can_render or message["listing_url"] not in self.render_specs:
            return True
        return message["url"] not in self.must_render and self._revalidates(message["url"])

    def _revalidates(self, url: str) -> bool:
        """Whether a rendered page is asked with conditional GETs first (crawler.render_revalidate)."""
        settings = self.crawler.settings
        if not settings.getbool("CONDITIONAL_REQUESTS") or not settings.getbool("RENDER_REVALIDATE", True):
            return False
        return subresources_to_ask(getattr(self.crawler, "previous_captures", {}).get(url)) is not None

    def request_from_message(self, message: dict) -> scrapy.Request:
        listing_url = message["listing_url"]
        meta = {"listing_url": listing_url, "page": message.get("page"), "lease": message["id"]}
        meta["depth"] = message.get("depth", 0)  # as in one process: DEPTH_LIMIT counts from the start page
        meta.update({key: message[key] for key in (LINKED_FROM, LINKER_CLOSED) if key in message})
        if listing_url in self.render_specs:
            meta["render"] = dict(self.render_specs[listing_url])  # crawler.render.RenderMiddleware reads it
        return scrapy.Request(
            message["url"], callback=self.parse_listing, errback=self.on_page_error, meta=meta, dont_filter=True
        )

    # -- ListingSpider's output hooks: what a page brings goes into its outcome, not to Scrapy

    def page_request(self, url: str, listing_url: str, page: int | None, via: dict | None = None):
        """A link to follow: the frontier decides, atomically, whether it is new and under
        LISTING_MAX_PAGES; off-site links are refused here as in one process."""
        if not on_site(url, self.origins):
            self._problem(self.listings[listing_url], f"pagination leads off the start hosts: {redact(url)}")
            return None
        depth = self.outcome["depth"] + 1
        # A link Scrapy's DEPTH_LIMIT or URLLENGTH_LIMIT drops in one process is asked for, never queued: the
        # frontier counts it and keeps the why its listing then says (crawler.spiders.dropped, as in one process).
        link = {**(via or {}), "depth": depth}
        dropped = dropped_by_limit(self.crawler.settings, url, depth)
        if dropped:
            link[DROPPED] = f"{redact(url)}: {NEVER_FETCHED}: {dropped}"
        self.outcome["links"].append((url, page, link))
        return None

    def deliver_page(self, item: PageItem, entries: list[EntryItem] | None = None):
        # Scraped here as a crawl in one process scrapes it (one item a page): CLOSESPIDER_ITEMCOUNT and
        # CLOSESPIDER_TIMEOUT_NO_ITEM count it on this worker, as PAGECOUNT counts its responses.
        self.crawler.signals.send_catch_log(signals.item_scraped, item=item, response=None, spider=self)
        self.outcome["pages"].append(item)
        self.outcome["entries"] += entries or ()
        return ()

    def deliver_entries(self, items: list[EntryItem]):
        self.outcome["entries"] += items
        return ()

    def page_done(self, listing_url: str) -> None:
        self.outcome["done"] = True

    # -- callbacks

    def parse_listing(self, response):
        parent = super()
        return self._settle(response.request, lambda: parent.parse_listing(response))

    def on_page_error(self, failure):
        if failure.check(LeftToRender):
            return []  # given back to the frontier, lease and all: another worker reads it
        parent = super()
        return self._settle(failure.request, lambda: parent.on_page_error(failure))

    def parse_feed(self, response, held):
        parent = super()
        return self._settle(response.request, lambda: parent.parse_feed(response, held))

    def on_feed_error(self, failure):
        parent = super()
        return self._settle(failure.request, lambda: parent.on_feed_error(failure))

    def _settle(self, request, produce) -> list:
        """Run one callback against a fresh tally, its output gathered by the hooks above; commit
        the page's outcome once the page is done. A page not done yet waits for the requests it
        made (its listing's feed, FeedWitnessMixin): they carry its outcome, under the same lease."""
        pending = request.meta.get(PENDING)
        listing_url = pending["listing_url"] if pending else request.meta.get("listing_url")
        if listing_url not in self.start_urls:
            return []
        self.listings = {url: ListingState() for url in self.start_urls}
        tally = self.listings[listing_url]
        if listing_url not in self.feeds:
            self._adopt_shared_feed(listing_url)
        if listing_url in self.feeds:  # read already: later pages are reconciled with it, not fetched again
            tally.feed = self.feeds[listing_url]
        meta = request.meta
        self.outcome = outcome = pending or _outcome(listing_url, meta.get("lease"), meta.get("depth", 0))
        try:
            follow_ups = list(produce() or [])
        except Exception as exc:  # a bug in reading one page: that page failed, the crawl goes on
            # A redirect may lead to an address holding a password or a ?token=: shown masked, as in one process.
            log.exception("could not read %s", redact(request.url))
            follow_ups, outcome["done"] = [], True
            tally.pages_failed += 1
            self._problem(tally, f"{redact(request.url)}: could not be read ({exc!r})")
        finally:
            self.outcome = None
        if tally.feed is not None:
            self.feeds[listing_url] = tally.feed
        outcome["tally"] = _added(outcome["tally"], tally)
        if not outcome["done"] and follow_ups:
            for follow_up in follow_ups:
                follow_up.meta[PENDING] = outcome
            return follow_ups
        self._share_feed(listing_url)  # before the commit queues the later pages
        self._commit(request, outcome)
        return follow_ups

    def _adopt_shared_feed(self, listing_url: str) -> None:
        shared = self.frontier.shared_feed(listing_url) if self.frontier else None
        if shared is not None:
            self.feeds[listing_url] = shared["state"]
            if shared["items"]:
                self.feed_items[listing_url] = shared["items"]
            self.shared_feeds.add(listing_url)

    def _share_feed(self, listing_url: str) -> None:
        """The feed this worker read for the listing goes to the frontier once: whichever worker
        takes the listing's later pages reconciles them with the same items."""
        if listing_url in self.feeds and listing_url not in self.shared_feeds and self.frontier:
            self.frontier.share_feed(listing_url, self.feeds[listing_url], self.feed_items.get(listing_url))
            self.shared_feeds.add(listing_url)

    def _commit(self, request, outcome: dict) -> None:
        entries = []
        for item in outcome["entries"]:
            normalise_entry(item)  # the pipelines' rules (pipelines/normalise, pipelines/validate)
            if validate_entry(item) is None:
                log.warning("dropped an entry without a title or id on %s", redact(item.get("listing_url")))
                continue
            entries.append(item)
        pages, tally = outcome["pages"], outcome["tally"]
        queued = self.frontier.commit(
            self.start_urls,
            outcome["listing_url"],
            outcome["lease"],
            encode_result(pages, entries, outcome["listing_url"], tally)
            if pages or entries or tally.notes or tally.read_facts()
            else None,
            *encode_tally(outcome["tally"]),
            outcome["links"],
            self.max_pages,
        )
        if queued == -1:
            log.warning("the lease on %s had expired: another worker fetches it again", redact(request.url))
        elif queued == -2:
            log.warning("the crawl is over (the frontier holds another): %s dropped", redact(request.url))
        self.crawler.stats.inc_value("frontier/pages_committed")

    def listing_report(self) -> dict[str, ListingState]:
        return self.frontier.listing_report(self.start_urls) if self.frontier else {}
