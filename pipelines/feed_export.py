"""Feed exports (`-O items.jsonl`, `-o`, FEEDS) and Scrapy's item counts for items that are pages
carrying their entries (crawler/items.py): one exported record an entry, counted as an entry.

Scrapy's FeedExporter writes each item it is given as one record, in every format (JSON lines,
JSON, CSV, XML, ...), and CoreStats counts one scraped item a signal: both are replaced
(crawler/settings.py EXTENSIONS) by the subclasses here, which hand a page's entries on one by one.
"""

from __future__ import annotations

from scrapy.extensions.corestats import CoreStats
from scrapy.extensions.feedexport import FeedExporter

from crawler.items import entries_of


class EntryFeedExporter(FeedExporter):
    """Each entry a page's item carries, exported as the entry item it is; any other item as Scrapy exports it."""

    def item_scraped(self, item, spider) -> None:
        entries = entries_of(item)
        if entries is None:
            super().item_scraped(item, spider)
            return
        for entry in entries:
            super().item_scraped(entry, spider)


class EntryStats(CoreStats):
    """item_scraped_count counts the entries scraped (the progress line shows it), not the page items carrying them."""

    def item_scraped(self, item, spider) -> None:
        entries = entries_of(item)
        if entries is None:
            super().item_scraped(item, spider)
        else:
            self.stats.inc_value("item_scraped_count", len(entries))
