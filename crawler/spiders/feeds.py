"""The site's own feed as a second witness of a listing (crawler.extract.feed).

When a listing's first page advertises an RSS/Atom feed on the start hosts, the
spider holds that page's entries, fetches the feed once (an ordinary request:
robots.txt, delays and the host guard apply), fills what the entries lack (titles,
dates) from it, then yields them and follows the pagination. Later pages are
reconciled with the same feed. A listing whose page shows far fewer entries than
its feed is noted in the crawl's summary. A feed that fails changes nothing.
"""

from __future__ import annotations

import scrapy

from ..extract.feed import advertised_feeds, feed_entries, reconcile
from ..extract.html import NOT_XML
from ..items import EntryItem
from ..origins import on_site
from ..wording import counted


def may_advertise_feeds(text: str) -> bool:
    """False only when advertised_feeds(text) finds nothing: no "alternate" written anywhere, nor a character
    reference or a character the parse drops, which could spell it in the tree."""
    # A feed is a <link rel="alternate">: a page without that word has none (0.7 ms a parse saved, 0.03 spent).
    return "alternate" in text.lower() or "&#" in text or NOT_XML.search(text) is not None


class FeedWitnessMixin:
    """For ListingSpider: needs self.listings, self.origins, self.settings, _follow() and its output hooks."""

    def feed_request(self, response, listing_url: str, entries: list[dict], page_number, links):
        """A request for the listing's feed carrying the held entries, or None (no feed, or done already)."""
        state = self.listings[listing_url]
        if state.feed is not None or not self.settings.getbool("FEED_WITNESS"):
            return None
        text = response.text
        found = advertised_feeds(text, response.url) if may_advertise_feeds(text) else []
        feeds = [url for url in found if on_site(url, self.origins)]
        state.feed = {"url": feeds[0] if feeds else None}
        if not feeds:
            return None
        held = {
            "entries": entries,
            "page_url": response.url,
            "page": page_number,
            "links": links,
            "listing_url": listing_url,
            "via": self.via(response),
        }
        return scrapy.Request(
            feeds[0],
            callback=self.parse_feed,
            errback=self.on_feed_error,
            cb_kwargs={"held": held},
            meta={"feed_for": listing_url},
            dont_filter=True,
        )

    def parse_feed(self, response, held):
        items = feed_entries(response.body)
        state = self.listings[held["listing_url"]]
        self.feed_items[held["listing_url"]] = items
        entries, report = reconcile(held["entries"], items)
        state.feed.update(report)
        if report["html_short"]:
            self.note(
                state,
                f"{held['listing_url']}: the page shows {counted(report['html'], 'entry')}, its feed "
                f"{report['feed']}: the extractor may have missed some",
            )
        yield from self._release(held, entries)

    def on_feed_error(self, failure):
        held = failure.request.cb_kwargs["held"]
        self.listings[held["listing_url"]].feed["error"] = failure.getErrorMessage()
        self.logger.info("feed not read, entries kept as the page shows them: %s", failure.request.url)
        yield from self._release(held, held["entries"])

    def with_feed(self, listing_url: str, entries: list[dict]) -> list[dict]:
        """Entries of a later page, reconciled with the feed already read (if any)."""
        items = self.feed_items.get(listing_url)
        return reconcile(entries, items)[0] if items else entries

    def _release(self, held, entries):
        yield from self.deliver_entries([EntryItem.seen_on(e, held["page_url"], held["page"]) for e in entries])
        yield from self._follow(held["links"], held["listing_url"], held["page"], held.get("via"))
        self.page_done(held["listing_url"])
