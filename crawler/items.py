"""The items a spider yields: a page carrying the entries read from it, and an entry (the fields of
crawler/field_table.py) on its own when it comes apart from its page (held for the listing's feed).

One item a page, not one an entry: Scrapy's chain for an item (spider middlewares, four pipelines,
the item_scraped signal) cost more than our own handling of the entries. The pipelines check,
write and deduplicate the entries one by one; feed exports write one line an entry and
item_scraped_count counts entries (pipelines/feed_export.py).
"""

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


# A page's pseudo-header naming what read it (crawler.spiders.base.reading_digest): a later crawl that reads the
# listing another way fetches the page whole, never a 304 that keeps the other reading (archive/record.py keeps it).
READ_WITH_HEADER = "x-listing-archive-read-with"
# Why a page is not known to be a whole page of its listing (crawler/spiders/whole_page.py): a 304 of it says so again.
NOT_WHOLE_HEADER = "x-listing-archive-not-whole"


class PageItem(scrapy.Item):
    """One fetched listing page: what the archive keeps as a capture.

    outcome: "parsed" (its entries in `entries`, or after it when held for the feed), "not-modified"
    (a 304: the archive sights the entries of `previous_capture_id` again), "failed" (not a page we can read).
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
    entries = scrapy.Field()  # the EntryItems read from the page, when they come with it (absent: none)


def entries_of(item) -> list | None:
    """The entries a page's item carries; None for any other item (an entry, a page without entries)."""
    return item._values.get("entries") if isinstance(item, PageItem) else None
