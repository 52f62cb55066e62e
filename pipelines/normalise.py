"""Normalise: every field present (null, or [] for list fields), numbers as numbers.

Text arrives cleaned: crawler.entries passes every string through the one text
normaliser (crawler.parsers.text.clean_text), so it is not cleaned a second time here.
The rule itself is crawler.validation.normalise_entry, which `reparse` applies too.
"""

from crawler.items import EntryItem, entries_of
from crawler.validation import normalise_entry

from . import item_fields


class NormalisePipeline:
    def process_item(self, item):
        if isinstance(item, EntryItem):
            normalise_entry(item_fields(item))
        else:
            for entry in entries_of(item) or ():
                normalise_entry(item_fields(entry))
        return item
