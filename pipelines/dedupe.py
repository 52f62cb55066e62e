"""Dedupe within one crawl for feed exports (-O items.jsonl): each entry once.

It runs after the archive pipeline, which records every sighting of an entry
(the same entry listed twice is stored once and seen twice).
"""

from scrapy.exceptions import DropItem

from crawler.items import EntryItem


class DuplicateEntry(DropItem):
    """An entry already yielded in this crawl."""


class DedupePipeline:
    def __init__(self):
        self.seen: set[str] = set()

    def process_item(self, item):
        if not isinstance(item, EntryItem):
            raise DropItem("a page capture, not an entry", log_level="DEBUG")  # -O exports entries only
        key = item["entry_id"]
        if key in self.seen:
            raise DuplicateEntry(f"duplicate entry {key}", log_level="DEBUG")
        self.seen.add(key)
        return item
