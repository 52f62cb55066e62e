"""Dedupe within one crawl for feed exports (-O items.jsonl): each entry once.

It runs after the archive pipeline, which records every sighting of an entry
(the same entry listed twice is stored once and seen twice). A page's item goes on
with the entries not yet exported (the feed writes those, pipelines/feed_export.py);
one left with none is dropped, as a page capture is: feeds export entries only.
"""

from scrapy.exceptions import DropItem

from crawler.items import EntryItem, entries_of

from . import drop_entry


class DuplicateEntry(DropItem):
    """An entry already yielded in this crawl."""


def _not_an_entry() -> DropItem:
    return DropItem("a page capture, not an entry", log_level="DEBUG")  # -O exports entries only


class DedupePipeline:
    def __init__(self, crawler=None):
        self.crawler = crawler
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        if isinstance(item, EntryItem):
            key = item["entry_id"]
            if key in self.seen:
                raise DuplicateEntry(f"duplicate entry {key}", log_level="DEBUG")
            self.seen.add(key)
            return item
        entries = entries_of(item)
        if not entries:
            raise _not_an_entry()
        fresh = []
        for entry in entries:
            key = entry["entry_id"]
            if key in self.seen:
                drop_entry(self.crawler, entry, DuplicateEntry(f"duplicate entry {key}", log_level="DEBUG"))
            else:
                self.seen.add(key)
                fresh.append(entry)
        if not fresh:
            raise _not_an_entry()
        if len(fresh) < len(entries):
            item["entries"] = fresh
        self._capture_left_out()
        return item

    def _capture_left_out(self) -> None:
        """The page capture itself is left out of the feeds (only its entries go on): counted as dropped,
        as it was when it travelled as an item of its own."""
        if self.crawler is not None:
            self.crawler.stats.inc_value("item_dropped_count")
            self.crawler.stats.inc_value("item_dropped_reasons_count/DropItem")
