"""Write the crawl's items into the archive: page items become captures, entry items
versions and sightings, in batches, on one writer thread off Scrapy's reactor.

A batch that cannot be written (the archive locked by another process for longer
than ARCHIVE_LOCK_WAIT, a full disk) is kept, the crawl is stopped, and it closes as
failed: it removes nothing, and its summary names the cause.
"""

from __future__ import annotations

import logging

from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from twisted.internet.defer import Deferred
from twisted.internet.threads import deferToThreadPool
from twisted.python.threadpool import ThreadPool

from archive.record import last_captures
from archive.session import Sighting
from archive.store import Archive, ArchiveError, now
from archive.writefaults import ArchiveWriteFailed, describe, with_retry
from crawler.items import EntryItem, PageItem

from . import item_fields

log = logging.getLogger(__name__)
RECORDED_SETTINGS = (
    "USER_AGENT",
    "ROBOTSTXT_OBEY",
    "AUTOTHROTTLE_ENABLED",
    "DOWNLOAD_DELAY",
    "RETRY_TIMES",
    "DOWNLOAD_MAXSIZE",
    "ARCHIVE_IGNORE_FIELDS",
    "LISTING_MAX_PAGES",
)
# Each try to take SQLite's write lock waits this long before the backoff loop tries again (seconds).
BUSY_TIMEOUT = 2.0


class ArchivePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        settings = crawler.settings
        self.db_path = settings.get("ARCHIVE_DB")
        self.batch_size = settings.getint("ARCHIVE_BATCH_SIZE")
        self.pages_per_batch = max(1, self.batch_size // 10)
        self.lock_wait = settings.getfloat("ARCHIVE_LOCK_WAIT")
        self.ignore_fields = tuple(settings.getlist("ARCHIVE_IGNORE_FIELDS"))
        self.archive: Archive | None = None
        self.session = None
        self.captures: list[dict] = []
        self.entries: list[tuple[dict, Sighting]] = []
        self.unwritten: list[tuple[list, list]] = []  # batches a failed write kept, tried again at the close
        self.capture_ids: dict[str, int] = {}
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
        try:
            self.archive = Archive(self.db_path, busy_timeout=BUSY_TIMEOUT)
            stale = with_retry(self.archive.close_stale_crawls, self.lock_wait)
            settings = {k: self.crawler.settings.get(k) for k in RECORDED_SETTINGS}
            settings["profile"] = getattr(spider, "profile_name", None)
            self.session = with_retry(
                lambda: self.archive.begin_crawl(
                    spider.name, list(spider.start_urls), settings, ignore_fields=self.ignore_fields
                ),
                self.lock_wait,
            )
            # What conditional requests need, handed to the crawl side (crawler/ never reads the archive).
            self.crawler.previous_captures = last_captures(self.archive.conn, list(spider.start_urls))
        except (ArchiveError, ArchiveWriteFailed) as exc:
            raise ArchiveError(f"cannot open the archive {self.db_path}: {exc}") from exc
        if stale:
            log.warning("%d earlier crawl(s) had stopped before finishing; marked failed", stale)
        self.crawler.stats.set_value("archive/crawl_id", self.session.crawl_id)
        self.pool.start()
        from twisted.internet import reactor

        # A second Ctrl-C stops the reactor without closing the spider: the crawl is closed then.
        reactor.addSystemEventTrigger("before", "shutdown", self._on_reactor_stop)

    def process_item(self, item):
        if self.session is None:
            return item
        if isinstance(item, PageItem):
            if item.get("status") is not None:  # a page that never answered has nothing to keep
                self.captures.append(_capture(item))
                # Pages that answered 304 bring no entries: written as they come, not all at the close.
                if len(self.captures) >= self.pages_per_batch:
                    self._flush()
        elif isinstance(item, EntryItem):
            self.entries.append(_entry_and_sighting(item))
            if len(self.entries) >= self.batch_size:
                self._flush()
        return item

    def _flush(self):
        captures, entries = self.captures, self.entries
        self.captures, self.entries = [], []
        from twisted.internet import reactor  # the one Scrapy installed

        d = deferToThreadPool(reactor, self.pool, self._write, captures, entries)
        d.addErrback(lambda failure: self._failed(failure.value))

    def _write(self, captures, entries):
        """On the writer thread: one batch, retried while the archive is locked; kept if it fails."""
        if self.error:
            self.unwritten.append((captures, entries))
            return
        try:
            ids = with_retry(
                lambda: self.archive.write_batch(self.session, captures, entries, self.capture_ids), self.lock_wait
            )
        except ArchiveWriteFailed:
            self.unwritten.append((captures, entries))
            raise
        self.capture_ids.update(ids)
        self.crawler.stats.set_value("archive/new", self.session.new)
        self.crawler.stats.set_value("archive/changed", self.session.changed)

    def _failed(self, exc):
        """On the reactor: the crawl can no longer be complete; stop it."""
        self.error = self.error or (str(exc) if isinstance(exc, ArchiveWriteFailed) else describe(exc))
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
        if self.session is None or self.archive is None:
            return None
        return self._begin_close()

    def _begin_close(self):
        """Once: what is left written, then the crawl closed, on the writer thread after every batch before it."""
        if self.closing is None:
            listings = self.crawler.spider.listing_report()
            self.unwritten.append((self.captures, self.entries))
            self.captures, self.entries = [], []
            from twisted.internet import reactor

            self.closing = deferToThreadPool(reactor, self.pool, self._close, listings)
            self.closing.addBoth(self._closed)
        done = Deferred()
        self.closing.addBoth(lambda result: (done.callback(None), result)[1])
        return done

    def _close(self, listings):
        """On the writer thread, after every batch before it: write what is left, then close the crawl."""
        pending, self.unwritten = self.unwritten, []
        try:
            for captures, entries in pending:
                ids = with_retry(
                    lambda c=captures, e=entries: self.archive.write_batch(self.session, c, e, self.capture_ids),
                    self.lock_wait,
                )
                self.capture_ids.update(ids)
        except ArchiveWriteFailed as exc:
            self.error = self.error or str(exc)
        status = "failed" if self.error else None
        note = f"archive write failed: {self.error}; nothing was marked removed" if self.error else None
        crawl = with_retry(
            lambda: self.archive.finish_crawl(self.session, listings, status=status, note=note), self.lock_wait
        )
        for name in ("new", "changed", "removed", "restored"):
            self.crawler.stats.set_value(f"archive/{name}", crawl[name])
        return crawl["status"]

    def _closed(self, result):
        if isinstance(result, str):
            self.crawler.stats.set_value("archive/status", result)
        else:
            error = describe(result.value) if not isinstance(result.value, ArchiveWriteFailed) else str(result.value)
            self.error = self.error or error
            log.error("the crawl could not be closed in the archive (%s); the next crawl marks it failed", error)
        if self.error:
            self.crawler.stats.set_value("archive/error", self.error)
        self.pool.stop()
        self.archive.close()
        self.archive = None


def _capture(item: PageItem) -> dict:
    return {
        "url": item["url"],
        "listing_url": item.get("listing_url"),
        "page": item.get("page"),
        "status": item.get("status", 200),
        "headers": item.get("headers") or {},
        "body": item.get("body") or b"",
        "fetched_at": item.get("fetched_at") or now(),
        "page_links": item.get("links") or [],
        "previous_capture_id": item.get("previous_capture_id"),
        "feed_url": item.get("feed_url"),
    }


def _entry_and_sighting(item: EntryItem) -> tuple[dict, Sighting]:
    values = item_fields(item)
    entry = {k: v for k, v in values.items() if k not in ("page_url", "page")}
    where = Sighting(
        listing_url=values.get("listing_url"),
        page_url=values.get("page_url"),
        page=values.get("page"),
        group=values.get("group"),
        position=values.get("position"),
    )
    return entry, where
