"""The archive: the only module that writes SQL. One writer, batches in transactions,
append-only history plus a current-state table (entries) derived from it.

The store holds no per-crawl state: a crawl's counts live in a CrawlSession
(archive.session) that the caller passes in.
"""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from crawler.listing_state import ListingState
from crawler.parsers.text import shown_line

from . import health
from .activity import keep_counts
from .bodies import read_body
from .connection import ArchiveError, connect_readonly, connect_writer  # noqa: F401  (ArchiveError: re-exported)
from .record import insert_captures, plan_entries, plan_settled, write_plan
from .removals import held_back_note, mark_removed
from .rows import crawl_row, entry_from_row  # noqa: F401  (entry_from_row re-exported for readers)
from .schema import transaction
from .session import CrawlSession, SessionDelta, Sighting
from .store_ids import keep_stored_ids
from .told_apart import keep_told_apart
from .writefaults import is_disk_full, no_room

try:
    SOFTWARE_VERSION = metadata.version("listing-archive")
except metadata.PackageNotFoundError:  # run from a checkout that is not installed
    SOFTWARE_VERSION = "unknown"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Archive:
    def __init__(self, path: str | Path, readonly: bool = False, busy_timeout: float | None = None):
        """Open the archive at `path`: a writer creates or migrates it; a reader never changes it."""
        self.path = str(path)
        self.readonly = readonly
        existed = os.path.exists(self.path)
        try:
            conn = connect_readonly(self.path) if readonly else connect_writer(self.path)
        except sqlite3.DatabaseError as exc:
            if not existed and os.path.isfile(self.path) and not os.path.getsize(self.path):
                os.unlink(self.path)  # the empty file SQLite made: no archive was ever in it
            # While migrating (one transaction), or making the -shm file (SQLite says "disk I/O error").
            if is_disk_full(exc) or (isinstance(exc, sqlite3.OperationalError) and no_room(self.path)):
                raise ArchiveError(f"{self.path}: disk full; the archive is unchanged") from None
            raise ArchiveError(f"{self.path} is not a usable archive: {exc}") from None
        if busy_timeout is not None:
            conn.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
        self.conn = conn
        self.conn.row_factory = sqlite3.Row

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- crawls -----------------------------------------------------------

    def begin_crawl(
        self, spider: str, start_urls: list[str], settings: dict | None = None, source: str = "site", ignore_fields=()
    ) -> CrawlSession:
        """Open a crawl row ('running'); returns the session to record into."""
        with transaction(self.conn):
            cur = self.conn.execute(
                "INSERT INTO crawls (spider, start_urls, started_at, status, source, software_version, settings) "
                "VALUES (?, ?, ?, 'running', ?, ?, ?)",
                (
                    spider,
                    json.dumps(start_urls),
                    now(),
                    source,
                    SOFTWARE_VERSION,
                    json.dumps(settings or {}, sort_keys=True, default=str),
                ),
            )
        return CrawlSession(cur.lastrowid, source=source, ignore_fields=tuple(ignore_fields))

    def close_stale_crawls(self) -> int:
        """Crawls left 'running' by a process that died: they are failed, not complete."""
        with transaction(self.conn):
            cur = self.conn.execute(
                "UPDATE crawls SET status='failed', finished_at=?, "
                "note=coalesce(note, 'the crawl process stopped before it finished') WHERE status='running'",
                (now(),),
            )
        return cur.rowcount

    def fail_crawl(self, crawl_id: int, note: str) -> None:
        """Close a crawl that could not finish (its writes failed) as failed, with why; nothing is removed."""
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE crawls SET status='failed', finished_at=?, note=? WHERE id=? AND status='running'",
                (now(), note, crawl_id),
            )

    # -- recording --------------------------------------------------------

    def write_batch(
        self,
        session: CrawlSession,
        captures: list[dict],
        entries: list[tuple[dict, Sighting]],
        capture_ids: dict[str, int] | None = None,
    ) -> dict[str, int]:
        """Captures and entries of one batch, in one transaction; returns {page url: capture id}.

        The session learns of the batch only once it is committed: a failed write
        (locked, disk full) raises and leaves both archive and session as they were.
        """
        stamp, delta = now(), SessionDelta()
        with transaction(self.conn):
            ids = insert_captures(self.conn, session, captures, delta, stamp)
            known = {**(capture_ids or {}), **ids}
            batch = [(e, _with_capture(s, known)) for e, s in entries]
            keep_told_apart(self.conn, session, batch)
            keep_stored_ids(self.conn, session, batch)  # a profile edited to key entries otherwise
            write_plan(self.conn, plan_entries(self.conn, session, batch, delta, stamp))
        session.absorb(delta)
        return ids

    def record_captures(self, session: CrawlSession, captures: list[dict]) -> dict[str, int]:
        return self.write_batch(session, captures, [])

    def record_entries(
        self, session: CrawlSession, batch: list[tuple[dict, Sighting]], source: str | None = None, ignore_fields=None
    ) -> None:
        if source is not None and source != session.source:  # a version's source is its crawl's
            session.source = source
            with transaction(self.conn):
                self.conn.execute("UPDATE crawls SET source = ? WHERE id = ?", (source, session.crawl_id))
        if ignore_fields is not None:
            session.ignore_fields = tuple(ignore_fields)
        if batch:
            self.write_batch(session, [], batch)

    def capture_body(self, capture_id: int) -> bytes | None:
        return read_body(self.conn, capture_id)

    # -- closing a crawl --------------------------------------------------

    def finish_crawl(
        self,
        session: CrawlSession,
        listings: dict[str, ListingState | dict],
        status: str | None = None,
        suspect: bool = False,
        note: str | None = None,
    ) -> dict:
        """Close a crawl. `listings` maps each listing URL to its ListingState (or a dict of its fields).

        Health checks compare each listing with its earlier healthy crawls; a sharp
        drop makes the crawl suspect. Only a listing fetched whole, in a crawl that is
        not suspect, can mark its missing entries removed, and only such a crawl can
        empty a field. A failed crawl removes nothing and empties nothing.
        """
        listings = {url: ListingState.of(info) for url, info in listings.items()}
        status = status or _status(listings)
        fills, reasons = self._health(session, listings) if status != "failed" else ({u: {} for u in listings}, [])
        suspect = suspect or bool(reasons)
        said = ["suspect: " + "; ".join(reasons)] if reasons else []
        said += [text for info in listings.values() for text in info.notes]
        said += _problems(listings)
        note = "; ".join(filter(None, map(shown_line, [note, *said]))) or None  # said quotes scraped links
        stamp, delta = now(), SessionDelta()
        with transaction(self.conn):
            keep_old = suspect or status != "complete"
            write_plan(self.conn, plan_settled(self.conn, session, keep_old, delta, stamp))
            self._record_listings(session, listings, fills, status, suspect)
            may_remove = not suspect and status != "failed"
            removed, held = mark_removed(self.conn, session.crawl_id, stamp) if may_remove else (0, 0)
            note = "; ".join(filter(None, [note, held_back_note(held)])) or None
            keep_counts(self.conn, session.crawl_id)
            pages = sum(v.pages_fetched for v in listings.values())
            failed = sum(v.pages_failed for v in listings.values())
            self.conn.execute(
                "UPDATE crawls SET finished_at=?, status=?, suspect=?, pages=?, entries=?, new=?, changed=?, "
                "removed=?, "
                "restored=?, errors=?, note=? WHERE id=?",
                (
                    stamp,
                    status,
                    int(suspect),
                    pages,
                    session.entries,
                    session.new + delta.new,
                    session.changed + delta.changed,
                    removed,
                    session.restored + delta.restored,
                    failed,
                    note,
                    session.crawl_id,
                ),
            )
        session.deferred.clear()
        return self.crawl(session.crawl_id)

    def _health(self, session: CrawlSession, listings: dict[str, ListingState]) -> tuple[dict, list[str]]:
        """Each listing's field fill counts, and the reasons the crawl looks wrong (archive.health)."""
        fills, reasons = {}, []
        # Settling is the site's to show, crawl after crawl: a reparse re-reads pages already judged.
        histories = health.listing_histories(self.conn, listings, session.crawl_id, settling=session.source == "site")
        for url, info in listings.items():
            seen = session.listing_entries.get(url, {})
            fills[url] = health.fill_counts(seen.values())
            pages, complete = info.pages_fetched, info.complete
            baseline, recent = histories[url].baseline, histories[url].recent
            read = info.as_dict()
            if complete and baseline and 0 < pages < baseline[0]["pages_fetched"]:
                shrunk = health.settled(recent, pages)
                full = health.pages_full(self.conn, url, session.crawl_id, baseline[0]["crawl_id"])
                read["pages_full"], read["settled_length"] = full and not shrunk, shrunk
            settled = health.settled_fields(recent) if baseline else frozenset()
            reasons += health.assess(url, pages, len(seen), fills[url], baseline, complete, read, settled)
            reasons += health.browser_built(url, read)
        return fills, reasons

    def _record_listings(self, session, listings, fills, status, suspect) -> None:
        for url, info in listings.items():
            complete = info.complete and not info.pages_failed and status != "failed"
            self.conn.execute(
                "INSERT OR REPLACE INTO listing_crawls "
                "(crawl_id, listing_url, pages_fetched, pages_failed, entries, complete, fill) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    session.crawl_id,
                    url,
                    info.pages_fetched,
                    info.pages_failed,
                    len(session.listing_entries.get(url, {})),
                    int(complete and not suspect),
                    json.dumps(fills[url]),
                ),
            )

    def remember(self, key: str, value: str) -> None:
        """Keep a small fact in the meta table (the last report's crawl, say)."""
        with transaction(self.conn):
            self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # -- reading ----------------------------------------------------------

    def crawl(self, crawl_id: int) -> dict:
        return crawl_row(self.conn, crawl_id) or {}

    def entry_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM entries").fetchone()[0]


def _status(listings: dict[str, ListingState]) -> str:
    pages = sum(v.pages_fetched for v in listings.values())
    failed = sum(v.pages_failed for v in listings.values())
    if pages == 0:  # nothing read: failed, unless the user stopped it first (Ctrl-C is no failure to alert on)
        return "partial" if any(v.stopped for v in listings.values()) else "failed"
    if failed or not all(v.complete for v in listings.values()):
        return "partial"
    return "complete"


# A crawl's note names at most this many problems per listing (the log has them all).
PROBLEMS_IN_NOTE = 5


def _problems(listings: dict[str, ListingState]) -> list[str]:
    """Why listings are incomplete (pages that failed and why, off-host links, the page cap), for the note."""
    out = []
    for info in listings.values():
        problems = info.problems
        out += problems[:PROBLEMS_IN_NOTE]
        if len(problems) > PROBLEMS_IN_NOTE:
            out.append(f"and {len(problems) - PROBLEMS_IN_NOTE} more problems (see the log)")
    return out


def _with_capture(sighting: Sighting, capture_ids: dict[str, int]) -> Sighting:
    if sighting.capture_id is None and sighting.page_url in capture_ids:
        sighting.capture_id = capture_ids[sighting.page_url]
    return sighting


def integrity_ok(path: str) -> bool:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
