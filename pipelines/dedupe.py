"""Dedupe within one crawl: the same entry listed twice is stored once (and seen twice)."""

from scrapy.exceptions import DropItem


class DuplicateEntry(DropItem):
    """Raised for an entry already yielded in this crawl; the archive still records the sighting."""


class DedupePipeline:
    def __init__(self):
        self.seen: set[str] = set()

    def process_item(self, item):
        key = item["entry_id"]
        if key in self.seen:
            raise DuplicateEntry(f"duplicate entry {key}", log_level="DEBUG")
        self.seen.add(key)
        return item
