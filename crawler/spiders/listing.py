"""The spider `listing`: any listing URL, read by the generic extractor
(or by a profile given with -a profile=NAME|FILE.toml)."""

from .base import ListingSpider


class GenericListingSpider(ListingSpider):
    name = "listing"
    default_profile = "auto"
