"""A one-line progress display on the terminal while a crawl runs (PROGRESS_ENABLED)."""

from __future__ import annotations

import sys

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task


class Progress:
    def __init__(self, crawler, stream=None):
        self.stats = crawler.stats
        self.stream = stream or sys.stderr
        self.loop = task.LoopingCall(self.show)

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("PROGRESS_ENABLED"):
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def line(self) -> str:
        get = self.stats.get_value
        return (
            f"pages {get('listing/pages', 0)} | entries {get('item_scraped_count', 0)} | "
            f"new {get('archive/new', 0)} | changed {get('archive/changed', 0)} | errors {get('log_count/ERROR', 0)}"
        )

    def show(self):
        self.stream.write("\r\033[K" + self.line())
        self.stream.flush()

    def opened(self, spider):
        self.loop.start(1.0, now=True)

    def closed(self, spider, reason):
        if self.loop.running:
            self.loop.stop()
        self.show()
        self.stream.write("\n")
