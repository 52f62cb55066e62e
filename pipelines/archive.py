"""Write the crawl's items into the archive through archive.writer.ArchiveWriter, on one
writer thread off Scrapy's reactor: page items become captures, the entries they carry (and
entry items) versions and sightings, in batches.

A batch that cannot be written (the archive locked by another process for longer
than ARCHIVE_LOCK_WAIT, a full disk) is kept, the crawl is stopped, and it closes as
failed: it removes nothing, and its summary names the cause. A reactor stopped without
closing the spider (a second Ctrl-C) still closes the crawl, partial.
"""

from __future__ import annotations

import logging

from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from twisted.internet.defer import Deferred
from twisted.internet.threads import deferToThreadPool
from twisted.python.threadpool import ThreadPool

from archive.writefaults import ArchiveWriteFailed, describe
from archive.writer import RECORDED_SETTINGS, ArchiveWriter
from crawler.items import EntryItem, PageItem, entries_of

from . import item_fields

log = logging.getLogger(__name__)


class ArchivePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        settings = crawler.settings
        self.db_path = settings.get("ARCHIVE_DB")
        self.ignore_fields = tuple(settings.getlist("ARCHIVE_IGNORE_FIELDS"))
        self.writer = ArchiveWriter(
            self.db_path, settings.getfloat("ARCHIVE_LOCK_WAIT"), settings.getint("ARCHIVE_BATCH_SIZE")
        )
        self.session = None
        self.error: str | None = None
        self.pool = ThreadPool(minthreads=1, maxthreads=1, name="archive-writer")
        self.closing = None  # the Deferred of the crawl's close, once begun (by the engine or the reactor's stop)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self):
        if not self.db_path:
            return
        spider = self.crawler.spider
        settings = {k: self.crawler.settings.get(k) for k in RECORDED_SETTINGS}
        settings["profile"] = getattr(spider, "profile_name", None)
        if getattr(spider, "listing_profiles", None):  # a config's per-listing profiles: reparse reads with them
            settings["listing_profiles"] = dict(spider.listing_profiles)
        self.session = self.writer.begin(spider.name, list(spider.start_urls), settings, self.ignore_fields)
        self.crawler.previous_captures = self.writer.previous_captures(spider.start_urls)
        self.crawler.stats.set_value("archive/crawl_id", self.session.crawl_id)
        self.pool.start()
        from twisted.internet import reactor  # the one Scrapy installed

        # A second Ctrl-C stops the reactor without closing the spider: the crawl is closed then.
        reactor.addSystemEventTrigger("before", "shutdown", self._on_reactor_stop)

    def process_item(self, item):
        if self.session is None:
            return item
        if isinstance(item, PageItem):
            self.writer.add_page(item)
            for entry in entries_of(item) or ():
                self._add_entry(entry)
        elif isinstance(item, EntryItem):
            self._add_entry(item)
        if self.writer.batch_due():
            self._flush()
        return item

    def _add_entry(self, entry) -> None:
        """An entry and its sighting; a batch goes after the entry that fills it, as when each entry was an item."""
        if self.writer.batch_due():
            self._flush()
        self.writer.add_entry(item_fields(entry))

    def _flush(self):
        from twisted.internet import reactor

        d = deferToThreadPool(reactor, self.pool, self._write, self.writer.take_batch())
        d.addErrback(lambda failure: self._failed(failure.value))

    def _write(self, batch):
        """On the writer thread."""
        self.writer.write(batch)
        self.crawler.stats.set_value("archive/new", self.session.new)
        self.crawler.stats.set_value("archive/changed", self.session.changed)

    def _failed(self, exc):
        """On the reactor: the crawl can no longer be complete; stop it."""
        self.error = self.error or (str(exc) if isinstance(exc, ArchiveWriteFailed) else describe(exc))
        self.writer.error = self.writer.error or self.error  # later batches are kept; the crawl closes failed
        log.error("archive write failed, stopping the crawl: %s", self.error)
        self.crawler.stats.set_value("archive/error", self.error)
        engine = self.crawler.engine
        if engine is not None and engine.running:
            deferred_from_coro(engine.close_spider_async(reason="archive_write_failed"))

    async def close_spider(self):
        if self.session is None:
            return
        await maybe_deferred_to_future(self._begin_close())

    def _on_reactor_stop(self):
        """The reactor stops (a forced shutdown, or the end of a crawl): close the crawl if the
        engine did not; the reactor waits for the Deferred returned."""
        if self.session is None or self.writer.archive is None:
            return None
        if self.closing is None:  # stopped before the spider closed: a forced shutdown (a second Ctrl-C)
            self.crawler.spider.stop_requested = True  # its unfinished listings say so (listing_report)
        return self._begin_close()

    def _begin_close(self):
        """Once: what is left written, then the crawl closed, on the writer thread after every batch before it."""
        if self.closing is None:
            listings = self.crawler.spider.listing_report()
            from twisted.internet import reactor

            self.closing = deferToThreadPool(reactor, self.pool, self.writer.finish, listings)
            self.closing.addBoth(self._closed)
        done = Deferred()
        self.closing.addBoth(lambda result: (done.callback(None), result)[1])
        return done

    def _closed(self, result):
        if isinstance(result, dict):
            self.crawler.stats.set_value("archive/status", result["status"])
            for name in ("new", "changed", "removed", "restored"):
                self.crawler.stats.set_value(f"archive/{name}", result[name])
        else:
            error = describe(result.value) if not isinstance(result.value, ArchiveWriteFailed) else str(result.value)
            self.error = self.error or error
            log.error("the crawl could not be closed in the archive (%s); the next crawl marks it failed", error)
        self.error = self.error or self.writer.error
        if self.error:
            self.crawler.stats.set_value("archive/error", self.error)
        self.pool.stop()
        self.writer.close()
