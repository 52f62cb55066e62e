"""Validate: an entry needs a title and an id; dates must be ISO and in order."""

import logging
import re

from scrapy.exceptions import DropItem

log = logging.getLogger(__name__)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class InvalidEntry(DropItem):
    pass


class ValidatePipeline:
    def process_item(self, item):
        if not item.get("title") or not item.get("entry_id"):
            raise InvalidEntry(f"entry without a title or id on {item.get('listing_url')}")
        url = item.get("url")
        if url is not None and not url.startswith(("http://", "https://")):
            log.warning("entry %s: link %r is not http(s); left empty", item["entry_id"], url)
            item["url"] = None
        start, end = item.get("date_start"), item.get("date_end")
        if (start and not _ISO.match(start)) or (end and not _ISO.match(end)) or (start and end and end < start) or (bool(start) != bool(end)):
            log.warning("entry %s: dates %r..%r are not a valid range; left empty", item["entry_id"], start, end)
            item["date_start"] = item["date_end"] = item["date_precision"] = None
        return item
