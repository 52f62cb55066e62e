"""Item pipelines: normalise -> validate -> archive writer -> dedupe (crawler/settings.py).

Each takes an entry on its own (EntryItem) and a page's item carrying its entries (PageItem's
`entries`, crawler/items.py) alike: an entry of a page is checked, written and deduplicated as it
would be on its own, and one left out is logged and counted as Scrapy does a dropped item.
"""

import logging

from scrapy import signals
from scrapy.utils.log import logformatter_adapter

# Scrapy's scraper logs what it drops under this name (scrapy.core.scraper): an entry left out of a page's item too.
_scraper_log = logging.getLogger("scrapy.core.scraper")


def item_fields(item) -> dict:
    """The item's fields as the dict Scrapy keeps them in: read and set without the Item
    mapping's per-key overhead (writes land in the item itself). A plain dict is itself."""
    values = getattr(item, "_values", None)
    return values if isinstance(values, dict) else item


def drop_entry(crawler, entry, exception) -> None:
    """One entry of a page's item left out (`exception`, a DropItem, says why), logged and counted as Scrapy
    logs and counts a dropped item (item_dropped_count, item_dropped_reasons_count/<its class>); the page's
    other entries go on. Without a crawler (a pipeline made alone) there is nothing to tell."""
    if crawler is None:
        return
    spider = crawler.spider
    message = crawler.logformatter.dropped(entry, exception, None, spider)
    if message is not None:
        _scraper_log.log(*logformatter_adapter(message), extra={"spider": spider, "item": entry})
    crawler.signals.send_catch_log(signals.item_dropped, item=entry, response=None, spider=spider, exception=exception)
