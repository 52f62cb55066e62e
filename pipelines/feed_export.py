"""Feed exports (`-O items.jsonl`, `-o`, FEEDS) and Scrapy's item counts for items that are pages
carrying their entries (crawler/items.py): one exported record an entry, counted as an entry.

Scrapy's FeedExporter writes each item it is given as one record, in every format (JSON lines,
JSON, CSV, XML, ...), and CoreStats counts one scraped item a signal: both are replaced
(crawler/settings.py EXTENSIONS) by the subclasses here, which hand a page's entries on one by one.
"""

from __future__ import annotations

from scrapy.extensions.corestats import CoreStats
from scrapy.extensions.feedexport import FeedExporter

from crawler.credentials import QuerySecrets
from crawler.items import EntryItem, entries_of


class EntryFeedExporter(FeedExporter):
    """Each entry a page's item carries, exported as the entry item it is; any other item as Scrapy exports it.
    An entry's addresses hold its start URL's `?token=` masked (`token=***`), as the archive keeps them."""

    def item_scraped(self, item, spider) -> None:
        entries = entries_of(item)
        if entries is None:
            entries = [item] if isinstance(item, EntryItem) else None
        if entries is None:
            super().item_scraped(item, spider)
            return
        if not hasattr(self, "secrets"):
            self.secrets = QuerySecrets(getattr(spider, "start_urls", None) or ())
        for entry in entries:
            super().item_scraped(self.secrets.hide_entry(type(entry)(entry)), spider)  # a copy: the item stays whole


class EntryStats(CoreStats):
    """item_scraped_count counts the entries scraped (the progress line shows it), not the page items carrying them."""

    def item_scraped(self, item, spider) -> None:
        entries = entries_of(item)
        if entries is None:
            super().item_scraped(item, spider)
        else:
            self.stats.inc_value("item_scraped_count", len(entries))
