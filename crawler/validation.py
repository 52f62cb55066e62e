"""The one check every entry passes, from a crawl or from `reparse`: fields present and
typed, only http(s) links kept (a `data:` image dropped without a word), dates ISO and in order.
Pure functions, no Scrapy."""

from __future__ import annotations

import logging
import re

from .field_table import FIELDS, INTEGER_FIELDS, LIST_FIELDS, WORD_FIELDS
from .parsers.text import without_hidden_characters

log = logging.getLogger(__name__)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LINK_FIELDS = ("url", "image_url")


_FIELD_SET = frozenset(FIELDS)


def normalise_entry(entry: dict) -> dict:
    """Every field present (null, or [] for list fields), numbers as numbers, the page's words (WORD_FIELDS)
    without what shows nothing: here, the one step every route to the archive takes, not in each parser."""
    if entry.keys() >= _FIELD_SET:  # as the parse gives them: only empty lists to fill (keys keep their order)
        for name in LIST_FIELDS:
            if entry[name] is None:
                entry[name] = []
    else:
        for name in FIELDS:
            if entry.get(name) is None:
                entry[name] = [] if name in LIST_FIELDS else None
    for name in INTEGER_FIELDS:
        if entry[name] is not None and type(entry[name]) is not int:  # an int stays; a bool becomes 0 or 1
            try:
                entry[name] = int(entry[name])
            except (TypeError, ValueError):
                entry[name] = None
    for name in WORD_FIELDS:
        if entry[name]:
            entry[name] = _shown_words(entry[name])
    return entry


def _shown_words(value):
    """A text field's value without hidden characters (None once nothing is left); a list field's, item by item."""
    if isinstance(value, str):
        return without_hidden_characters(value) or None
    if isinstance(value, list):
        return [kept for kept in (_shown_words(item) for item in value) if kept]
    return value


def validate_entry(entry: dict) -> dict | None:
    """The entry, cleaned; None when it cannot be an entry (no title or id)."""
    if not entry.get("title") or not entry.get("entry_id"):
        return None
    for name in LINK_FIELDS:
        link = entry.get(name)
        if link is not None and not (isinstance(link, str) and link.lower().startswith(("http://", "https://"))):
            if name == "image_url" and isinstance(link, str) and link.lstrip().lower().startswith("data:"):
                entry[name] = None  # a lazy-loading placeholder, on every entry of many pages: nothing to archive
                continue
            log.warning("entry %s: %s %r is not an http(s) link; left empty", entry["entry_id"], name, str(link)[:80])
            entry[name] = None
    start, end = entry.get("date_start"), entry.get("date_end")
    bad_form = (start and not _ISO_DAY.match(start)) or (end and not _ISO_DAY.match(end))
    if bad_form or (start and end and end < start) or (bool(start) != bool(end)):
        log.warning("entry %s: dates %r..%r are not a valid range; left empty", entry["entry_id"], start, end)
        entry["date_start"] = entry["date_end"] = entry["date_precision"] = None
    return entry


def checked_entry(entry: dict) -> dict | None:
    """normalise_entry then validate_entry: what the pipelines and reparse both apply."""
    return validate_entry(normalise_entry(entry))
