"""Hand entries and the pages they came from to the archive, in batches.

Listens to Scrapy's signals: response_received (a capture per listing page),
item_scraped (an entry and its sighting), item_dropped (a duplicate is still a
sighting). The crawl row is opened with the spider and closed with it, as complete,
partial or failed.
"""

from __future__ import annotations

import logging

from scrapy import signals

from archive.store import Archive, Sighting, now

from .dedupe import DuplicateEntry

log = logging.getLogger(__name__)
RECORDED_SETTINGS = ("USER_AGENT", "ROBOTSTXT_OBEY", "AUTOTHROTTLE_ENABLED", "DOWNLOAD_DELAY", "RETRY_TIMES", "DOWNLOAD_MAXSIZE", "ARCHIVE_IGNORE_FIELDS")


class ArchivePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        settings = crawler.settings
        self.db_path = settings.get("ARCHIVE_DB")
        self.batch_size = settings.getint("ARCHIVE_BATCH_SIZE", 500)
        self.ignore_fields = tuple(settings.getlist("ARCHIVE_IGNORE_FIELDS"))
        self.archive: Archive | None = None
        self.crawl_id: int | None = None
        self.entries: list = []
        self.captures: list[dict] = []
        self.capture_ids: dict[str, int] = {}

    @classmethod
    def from_crawler(cls, crawler):
        pipe = cls(crawler)
        crawler.signals.connect(pipe.on_response, signal=signals.response_received)
        crawler.signals.connect(pipe.on_item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(pipe.on_item_dropped, signal=signals.item_dropped)
        return pipe

    def open_spider(self):
        if not self.db_path:
            return
        spider = self.crawler.spider
        self.archive = Archive(self.db_path)
        stale = self.archive.close_stale_crawls()
        if stale:
            log.warning("%d earlier crawl(s) had stopped before finishing; marked failed", stale)
        settings = {k: self.crawler.settings.get(k) for k in RECORDED_SETTINGS}
        settings["profile"] = getattr(spider, "profile_name", None)
        self.crawl_id = self.archive.begin_crawl(spider.name, list(spider.start_urls), settings)
        self.crawler.stats.set_value("archive/crawl_id", self.crawl_id)

    def process_item(self, item):
        return item

    def on_response(self, response, request, spider):
        if self.archive is None or "listing_url" not in request.meta:
            return
        self.captures.append(
            {
                "url": response.url,
                "listing_url": request.meta["listing_url"],
                "status": response.status,
                "headers": {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in ((k, response.headers.get(k)) for k in response.headers.keys()) if v is not None},
                "body": response.body,
                "fetched_at": now(),
                "previous_capture_id": request.meta.get("previous_capture_id"),
                "meta": request.meta,  # the spider adds the page number and links when it parses the page
            }
        )

    def _sighting(self, item, response) -> Sighting:
        return Sighting(
            listing_url=item.get("listing_url") or response.meta.get("listing_url"),
            page_url=response.url,
            page=response.meta.get("page"),
            group=item.get("group"),
            position=item.get("position"),
        )

    def on_item_scraped(self, item, response, spider):
        if self.archive is None:
            return
        self.entries.append((dict(item), self._sighting(item, response)))
        if len(self.entries) >= self.batch_size:
            self.flush()

    def on_item_dropped(self, item, response, exception, spider):
        if self.archive is not None and isinstance(exception, DuplicateEntry):
            self.entries.append((dict(item), self._sighting(item, response)))

    def flush(self, final: bool = False):
        """Write the parsed pages and their entries, in one transaction each."""
        ready = [c for c in self.captures if final or c["meta"].get("parsed")]
        for cap in ready:
            meta = cap.pop("meta")
            cap.update(page=meta.get("page"), page_links=meta.get("page_links"))
        self.captures = [c for c in self.captures if "meta" in c]  # pages not parsed yet wait
        entries, self.entries = self.entries, []
        if ready:
            self.capture_ids.update(self.archive.record_captures(self.crawl_id, ready))
        for _, sighting in entries:
            sighting.capture_id = self.capture_ids.get(sighting.page_url)
        self.archive.record_entries(self.crawl_id, entries, ignore_fields=self.ignore_fields)
        counts = self.archive.counts(self.crawl_id)
        self.crawler.stats.set_value("archive/new", counts.new)
        self.crawler.stats.set_value("archive/changed", counts.changed)

    def close_spider(self):
        if self.archive is None:
            return
        spider = self.crawler.spider
        try:
            self.flush(final=True)
            listings = spider.listing_report() if hasattr(spider, "listing_report") else {}
            crawl = self.archive.finish_crawl(self.crawl_id, listings)
            self.crawler.stats.set_value("archive/status", crawl["status"])
        finally:
            self.archive.close()
