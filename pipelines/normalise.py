"""Normalise: every field present (null, or [] for organisers), numbers as numbers.

Text arrives cleaned: crawler.entries passes every string through the one text
normaliser (crawler.parsers.text.clean_text), so it is not cleaned a second time here.
"""

from crawler.items import FIELDS, INTEGER_FIELDS, LIST_FIELDS


class NormalisePipeline:
    def process_item(self, item):
        for name in FIELDS:
            if item.get(name) is None:
                item[name] = [] if name in LIST_FIELDS else None
        for name in INTEGER_FIELDS:
            if item[name] is not None:
                item[name] = int(item[name])
        return item
