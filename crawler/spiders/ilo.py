"""The spider `ilo`: ILO resource listing pages, read with the ILO profile
(the generic extractor takes over on a page the profile finds nothing on)."""

from .base import ListingSpider

LAO_RESOURCES = "https://www.ilo.org/asia/countries/lao-peoples-democratic-republic/facet/lang--en/index.htm"


class IloSpider(ListingSpider):
    name = "ilo"
    default_profile = "ilo"
    default_start_urls = [LAO_RESOURCES]
