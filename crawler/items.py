"""The items a spider yields: an entry (the fields of crawler/field_table.py) and a page."""

from __future__ import annotations

import scrapy

from crawler.field_table import FIELDS


class EntryItem(scrapy.Item):
    """One listed entry: the fields of FIELD_TABLE, plus where it was seen."""

    fields = {name: scrapy.Field() for name in FIELDS}
    fields.update(page_url=scrapy.Field(), page=scrapy.Field())

    @classmethod
    def seen_on(cls, entry: dict, page_url: str, page: int | None) -> EntryItem:
        """EntryItem(entry, page_url=..., page=...) in one dict copy instead of a checked assignment a field
        (ten items a page): a key that is no field still raises KeyError, as Item's own check does."""
        unknown = entry.keys() - _ENTRY_FIELDS
        if unknown:
            raise KeyError(f"EntryItem does not support field: {sorted(unknown)[0]}")
        item = cls()
        item._values = {**entry, "page_url": page_url, "page": page}
        return item


_ENTRY_FIELDS = frozenset(EntryItem.fields)


class PageItem(scrapy.Item):
    """One fetched listing page: what the archive keeps as a capture.

    outcome: "parsed" (entries follow), "not-modified" (a 304: the archive sights the
    entries of `previous_capture_id` again), "failed" (not a page we can read).
    """

    url = scrapy.Field()
    listing_url = scrapy.Field()
    page = scrapy.Field()
    status = scrapy.Field()
    headers = scrapy.Field()  # {lower-case name: value}
    body = scrapy.Field()
    fetched_at = scrapy.Field()
    links = scrapy.Field()  # pagination links found on the page
    outcome = scrapy.Field()
    previous_capture_id = scrapy.Field()
    feed_url = scrapy.Field()  # the feed the page advertises, if any
