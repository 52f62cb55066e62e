"""The item a spider yields: one listed entry, with the fields named in README."""

import scrapy

from .entries import FIELDS


class EntryItem(scrapy.Item):
    fields = {name: scrapy.Field() for name in FIELDS}
