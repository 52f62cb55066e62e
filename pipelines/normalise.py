"""Normalise: every field present, strings cleaned, numbers as numbers."""

from crawler.entries import FIELDS
from crawler.parsers.text import clean_text

_TEXT_FIELDS = ("title", "group", "date_text", "credit", "credit_author", "credit_holder", "organiser_text", "listing_title")


class NormalisePipeline:
    def process_item(self, item):
        for name in FIELDS:
            if item.get(name) is None:
                item[name] = [] if name == "organisers" else None
        for name in _TEXT_FIELDS:
            item[name] = clean_text(item[name])
        if item["description"]:
            item["description"] = "\n".join(filter(None, (clean_text(p) for p in item["description"].split("\n")))) or None
        item["organisers"] = [n for n in (clean_text(o) for o in item["organisers"]) if n]
        for name in ("credit_year", "position"):
            if item[name] is not None:
                item[name] = int(item[name])
        return item
