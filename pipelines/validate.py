"""Validate: an entry needs a title and an id; links must be http(s); dates ISO and in order.

The rule is crawler.validation.validate_entry, shared with `reparse`. An entry that fails it is
dropped; one carried by a page's item is taken out of it, and the page and its other entries go on.
"""

from scrapy.exceptions import DropItem

from crawler.items import EntryItem, entries_of
from crawler.validation import validate_entry

from . import drop_entry, item_fields


class InvalidEntry(DropItem):
    pass


def _invalid(entry) -> InvalidEntry:
    return InvalidEntry(f"entry without a title or id on {entry.get('listing_url')}")


class ValidatePipeline:
    def __init__(self, crawler=None):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        if isinstance(item, EntryItem) and validate_entry(item_fields(item)) is None:
            raise _invalid(item)
        entries = entries_of(item)
        if entries:
            valid = []
            for entry in entries:
                if validate_entry(item_fields(entry)) is None:
                    drop_entry(self.crawler, entry, _invalid(entry))
                else:
                    valid.append(entry)
            if len(valid) < len(entries):
                item["entries"] = valid
        return item
