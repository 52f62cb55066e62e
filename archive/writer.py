"""The one writer of a crawl into the archive, for a crawl in one process (pipelines/archive.py,
on a thread off Scrapy's reactor) and a distributed one (archive/coordinator.py) alike.

Pages and entries arrive as mappings (Scrapy items or their JSON); they are kept until a
batch is due, then written in one transaction, retried while another process holds the
archive's lock (ARCHIVE_LOCK_WAIT). A batch that cannot be written (locked too long, a full
disk) is kept and tried once more at the close; the crawl then closes failed, removing nothing.
Not thread-safe: one thread writes (the caller keeps to that).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping

from crawler.credentials import QuerySecrets
from crawler.cut_short import START_CUT_WHERE_CLOSED, html_closes, start_page_cut_short
from crawler.extract.html import decode_html
from crawler.listing_state import ListingState

from .bodies import read_body
from .record import NOT_WHOLE, last_captures
from .session import CrawlSession, Sighting
from .store import Archive, ArchiveError, now
from .writefaults import ArchiveWriteFailed, with_retry

log = logging.getLogger(__name__)
# The settings a crawl records with itself (crawls.settings), the same for every way of crawling.
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

Batch = tuple[list[dict], list[tuple[dict, Sighting]]]


class ArchiveWriter:
    def __init__(self, db_path: str, lock_wait: float, batch_size: int):
        self.db_path = db_path
        self.lock_wait = lock_wait
        self.batch_size = batch_size
        # Pages that answered 304 bring no entries: written as they come, not all at the close.
        self.pages_per_batch = max(1, batch_size // 10)
        self.archive: Archive | None = None
        self.session: CrawlSession | None = None
        self.captures: list[dict] = []
        self.entries: list[tuple[dict, Sighting]] = []
        self.unwritten: list[Batch] = []  # batches a failed write kept, tried again at the close
        self.capture_ids: dict[str, int] = {}
        self.error: str | None = None  # why a write failed: the crawl can no longer be complete
        self.secrets = QuerySecrets(())  # the start URLs' `?token=`s: sent by the crawl, never stored

    def begin(self, spider: str, start_urls: list[str], settings: dict, ignore_fields=()) -> CrawlSession:
        """Open the archive and the crawl (earlier crawls left running are marked failed first).
        An archive that cannot be opened or written raises ArchiveError saying which and why."""
        self.secrets = QuerySecrets(start_urls)
        start_urls = [self.secrets.hide(url) for url in start_urls]
        settings = json.loads(self.secrets.hide(json.dumps(settings, default=str)))  # listing_profiles' URLs
        try:
            self.archive = Archive(self.db_path, busy_timeout=BUSY_TIMEOUT)
            stale = with_retry(self.archive.close_stale_crawls, self.lock_wait)
            self.session = with_retry(
                lambda: self.archive.begin_crawl(spider, start_urls, settings, ignore_fields=tuple(ignore_fields)),
                self.lock_wait,
            )
        except (ArchiveError, ArchiveWriteFailed) as exc:
            if self.archive is not None:
                self.archive.close()
                self.archive = None
            raise ArchiveError(f"cannot open the archive {self.db_path}: {exc}") from exc
        if stale:
            log.warning("%d earlier crawl(s) had stopped before finishing; marked failed", stale)
        return self.session

    def previous_captures(self, start_urls: list[str]) -> dict:
        """What conditional requests need: each page's last capture (crawler/ never reads the archive), at
        the URL the crawl fetches: kept with its start URL's `?token=***`, given back with its token."""
        by_secrets: dict[tuple, list[str]] = {}  # start URLs alike in their secrets, read in one pass
        for url in start_urls:
            by_secrets.setdefault(tuple(QuerySecrets([url]).pairs.items()), []).append(url)
        found = {}
        for urls in by_secrets.values():
            secrets = QuerySecrets(urls)
            for page_url, last in last_captures(self.archive.conn, [secrets.hide(url) for url in urls]).items():
                last["page_links"] = [secrets.restore(link) for link in last["page_links"]]
                found[secrets.restore(page_url)] = last
        closed_start_pages(self.archive.conn, found)
        return found

    def add_page(self, page: Mapping) -> None:
        if page.get("status") is not None:  # a page that never answered has nothing to keep
            capture = capture_of(page)
            for key in ("url", "listing_url", "feed_url"):
                capture[key] = self.secrets.hide(capture[key])
            capture["page_links"] = [self.secrets.hide(link) for link in capture["page_links"]]
            self.captures.append(capture)

    def add_entry(self, entry: Mapping) -> None:
        entry, where = entry_and_sighting(entry)
        self.secrets.hide_entry(entry)
        where.listing_url, where.page_url = self.secrets.hide(where.listing_url), self.secrets.hide(where.page_url)
        self.entries.append((entry, where))

    def batch_due(self) -> bool:
        return len(self.entries) >= self.batch_size or len(self.captures) >= self.pages_per_batch

    def take_batch(self) -> Batch:
        batch = (self.captures, self.entries)
        self.captures, self.entries = [], []
        return batch

    def write(self, batch: Batch) -> None:
        """One batch, retried while the archive is locked; kept (and ArchiveWriteFailed raised) if it fails.
        After a failed write, later batches are kept unwritten until the close."""
        if self.error:
            self.unwritten.append(batch)
            return
        try:
            self._write(batch)
        except ArchiveWriteFailed as exc:
            self.unwritten.append(batch)
            self.error = self.error or str(exc)
            raise

    def _write(self, batch: Batch) -> None:
        captures, entries = batch
        if not (captures or entries):
            return
        ids = with_retry(
            lambda: self.archive.write_batch(self.session, captures, entries, self.capture_ids), self.lock_wait
        )
        self.capture_ids.update(ids)

    def finish(self, listings: dict, stopped: str | None = None) -> dict:
        """Write what is left, then close the crawl: failed if a write failed or `stopped` says why
        it was cut short (nothing is then marked removed); else as its listings show. Its row."""
        pending, self.unwritten = [*self.unwritten, self.take_batch()], []
        try:
            for batch in pending:
                self._write(batch)
        except ArchiveWriteFailed as exc:
            self.error = self.error or str(exc)
        status, note = ("failed", stopped) if stopped else (None, None)
        if self.error:
            status, note = "failed", f"archive write failed: {self.error}; nothing was marked removed"
        listings, note = self._hidden(listings), self.secrets.hide(note)
        return with_retry(
            lambda: self.archive.finish_crawl(self.session, listings, status=status, note=note), self.lock_wait
        )

    def _hidden(self, listings: dict) -> dict[str, ListingState]:
        """The listings as the archive keeps them: at their start URL's masked address, and so their notes."""
        kept = {}
        for url, info in listings.items():
            state = ListingState.of(ListingState.of(info).as_dict())  # a copy: the spider's own stays as it is
            state.problems = [self.secrets.hide(text) for text in state.problems]
            state.notes = [self.secrets.hide(text) for text in state.notes]
            kept[self.secrets.hide(url)] = state
        return kept

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()
            self.archive = None


def capture_of(page: Mapping) -> dict:
    """A page item (or its JSON) as the capture the store writes."""
    return {
        "url": page["url"],
        "listing_url": page.get("listing_url"),
        "page": page.get("page"),
        "status": page.get("status", 200),
        "headers": page.get("headers") or {},
        "body": page.get("body") or b"",
        "fetched_at": page.get("fetched_at") or now(),
        "page_links": page.get("links") or [],
        "previous_capture_id": page.get("previous_capture_id"),
        "feed_url": page.get("feed_url"),
    }


def entry_and_sighting(values: Mapping) -> tuple[dict, Sighting]:
    """An entry item (or its JSON) as the entry the store writes and where it was seen."""
    entry = dict(values)
    entry.pop("page_url", None)
    entry.pop("page", None)
    where = Sighting(
        listing_url=values.get("listing_url"),
        page_url=values.get("page_url"),
        page=values.get("page"),
        group=values.get("group"),
        position=values.get("position"),
    )
    return entry, where


def closed_start_pages(conn, last: dict) -> None:
    """Mark each start page's last capture "closed" when its HTML closed (</body> or </html>): the spider takes a
    start page that stops before them for one cut short (crawler/spiders/whole_page.py). One body a listing."""
    ids = {info["id"]: info for info in last.values()}
    starts = conn.execute(
        "SELECT id FROM captures WHERE id IN (SELECT value FROM json_each(?)) AND (page = 1 OR url = listing_url)",
        (json.dumps(list(ids)),),
    )
    for (capture_id,) in starts.fetchall():
        info = ids[capture_id]
        info["closed"] = html_closes(decode_html(read_body(conn, capture_id) or b""))
        whole = capture_id if info["closed"] else _last_read_whole(conn, capture_id, info.get("not_whole"))
        if whole is not None:  # what the start page said when it last closed: what a page that stops must still say
            listed = [row[0] for row in conn.execute(_LISTED_BY, (whole, whole))]
            read_as = conn.execute(_READ_AS, (json.dumps(listed),)).fetchall()
            (links,) = conn.execute("SELECT page_links FROM captures WHERE id = ?", (whole,)).fetchone()
            read = {eid: [title, text] for eid, title, text in read_as}
            info["whole"] = {"listed": len(listed), "paged": bool(json.loads(links or "[]")), "read_as": read}


# The entries a capture listed in the latest crawl that read it, and how the archive reads them now.
_LISTED_BY = (
    "SELECT entry_id FROM sightings WHERE capture_id = ? "
    "AND crawl_id = (SELECT max(crawl_id) FROM sightings WHERE capture_id = ?)"
)
_READ_AS = "SELECT entry_id, title, description FROM entries WHERE entry_id IN (SELECT value FROM json_each(?))"


def _last_read_whole(conn, capture_id: int, why: str | None) -> int | None:
    """A start page judged cut short by its closing tags alone (START_CUT_WHERE_CLOSED): its latest capture that
    closed, the one it was measured against. None when it was not so judged."""
    if why != START_CUT_WHERE_CLOSED:
        return None
    earlier = conn.execute(
        "SELECT p.id, json_extract(p.headers, ?) FROM captures p "
        "JOIN captures c ON c.id = ? AND p.url = c.url AND p.listing_url = c.listing_url "
        "JOIN crawls k ON k.id = p.crawl_id WHERE p.id < c.id AND p.status IN (200, 304) AND p.digest IS NOT NULL "
        "AND k.status IN ('complete', 'partial') AND k.suspect = 0 AND k.source = 'site' ORDER BY p.id DESC",
        (f'$."{NOT_WHOLE}"', capture_id),
    )
    for earlier_id, earlier_why in earlier:
        if start_page_cut_short(earlier_why):
            continue  # judged so only when it stopped before </body></html>: no body to read (a long run of them)
        if html_closes(decode_html(read_body(conn, earlier_id) or b"")):
            return earlier_id
    return None
