"""Validate: an entry needs a title and an id; links must be http(s); dates ISO and in order.

The rule is crawler.validation.validate_entry, shared with `reparse`.
"""

from scrapy.exceptions import DropItem

from crawler.items import EntryItem
from crawler.validation import validate_entry

from . import item_fields


class InvalidEntry(DropItem):
    pass


class ValidatePipeline:
    def process_item(self, item):
        if isinstance(item, EntryItem) and validate_entry(item_fields(item)) is None:
            raise InvalidEntry(f"entry without a title or id on {item.get('listing_url')}")
        return item
