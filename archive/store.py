"""The archive: the only module that writes SQL. One writer, batches in transactions,
append-only history plus a current-state table (entries) derived from it."""

from __future__ import annotations

import hashlib
from importlib import metadata
import json
import sqlite3
import zlib
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from crawler.items import FIELDS, PLACEMENT_FIELDS

from . import health
from .compare import VERSIONED_FIELDS, changed_fields
from .schema import check_readable, ensure_schema, schema_version, transaction

try:
    SOFTWARE_VERSION = metadata.version("listing-archive")
except metadata.PackageNotFoundError:  # run from a checkout that is not installed
    SOFTWARE_VERSION = "unknown"
# The headers worth keeping with a capture: enough to replay and to revalidate.
KEPT_HEADERS = ("content-type", "etag", "last-modified", "date", "content-language", "retry-after", "location")


class ArchiveError(RuntimeError):
    """An archive file that cannot be opened or used, with a message saying why."""


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Sighting:
    listing_url: str
    page_url: str | None = None
    page: int | None = None
    group: str | None = None
    position: int | None = None
    capture_id: int | None = None


@dataclass
class CrawlCounts:
    entries: int = 0
    new: int = 0
    changed: int = 0
    removed: int = 0
    restored: int = 0
    seen: set = field(default_factory=set)
    # Per listing: the entries seen on it, for the health checks.
    listing_entries: dict = field(default_factory=dict)
    # Changes that would empty a field wait for the crawl to prove healthy.
    deferred: list = field(default_factory=list)


def _q(column: str) -> str:
    return f'"{column}"'


def _row_from_entry(entry: dict) -> dict:
    row = {f: entry.get(f) for f in FIELDS}
    row["organisers"] = json.dumps(entry.get("organisers") or [], ensure_ascii=False)
    return row


def entry_from_row(row: dict) -> dict:
    """An entries/version row back into the entry's own fields."""
    out = {f: row.get(f) for f in FIELDS}
    organisers = row.get("organisers")
    out["organisers"] = json.loads(organisers) if isinstance(organisers, str) else (organisers or [])
    return out


def _connect_writer(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    ensure_schema(conn)
    return conn


def _connect_readonly(path: str) -> sqlite3.Connection:
    """Read-only, for a copy or a folder the user cannot write to; the schema must be current."""
    uri = Path(path).resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=30, isolation_level=None)
        found = schema_version(conn)
    except sqlite3.OperationalError:
        # A WAL archive in a read-only folder without its -shm file: nothing can be writing it.
        conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)
        found = schema_version(conn)
    check_readable(found, path)
    return conn


class Archive:
    def __init__(self, path: str | Path, readonly: bool = False):
        """Open the archive at `path`: a writer creates or migrates it; a reader never changes it."""
        self.path = str(path)
        self.readonly = readonly
        try:
            conn = _connect_readonly(self.path) if readonly else _connect_writer(self.path)
        except sqlite3.DatabaseError as exc:
            raise ArchiveError(f"{self.path} is not a usable archive: {exc}") from None
        self.conn = conn
        self.conn.row_factory = sqlite3.Row
        self.db = sqlite_utils.Database(conn)
        self._counts: dict[int, CrawlCounts] = {}

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- crawls -----------------------------------------------------------

    def begin_crawl(self, spider: str, start_urls: list[str], settings: dict | None = None, source: str = "site") -> int:
        with transaction(self.conn):
            cur = self.conn.execute(
                "INSERT INTO crawls (spider, start_urls, started_at, status, source, software_version, settings) VALUES (?, ?, ?, 'running', ?, ?, ?)",
                (spider, json.dumps(start_urls), now(), source, SOFTWARE_VERSION, json.dumps(settings or {}, sort_keys=True, default=str)),
            )
        crawl_id = cur.lastrowid
        self._counts[crawl_id] = CrawlCounts()
        return crawl_id

    def close_stale_crawls(self) -> int:
        """Crawls left 'running' by a process that died: they are failed, not complete."""
        with transaction(self.conn):
            cur = self.conn.execute(
                "UPDATE crawls SET status='failed', finished_at=?, note=coalesce(note, 'the crawl process stopped before it finished') WHERE status='running'",
                (now(),),
            )
        return cur.rowcount

    # -- captures ---------------------------------------------------------

    def record_captures(self, crawl_id: int, captures: list[dict]) -> dict[str, int]:
        """Store fetched pages (bodies once per digest); returns {url: capture id}.

        A 304 capture names `previous_capture_id` and keeps that capture's body.
        """
        ids = {}
        with transaction(self.conn):
            for cap in captures:
                previous = cap.get("previous_capture_id") if cap.get("status") == 304 else None
                if previous:
                    digest, links = self.conn.execute("SELECT digest, page_links FROM captures WHERE id=?", (previous,)).fetchone()
                else:
                    body = cap.get("body") or b""
                    digest = hashlib.sha256(body).hexdigest()
                    if not self.conn.execute("SELECT 1 FROM capture_bodies WHERE digest=?", (digest,)).fetchone():
                        self.conn.execute("INSERT INTO capture_bodies (digest, body, size) VALUES (?, ?, ?)", (digest, zlib.compress(body, 6), len(body)))
                    links = json.dumps(cap.get("page_links") or [])
                headers = {k: v for k, v in (cap.get("headers") or {}).items() if k.lower() in KEPT_HEADERS}
                cur = self.conn.execute(
                    "INSERT INTO captures (crawl_id, url, listing_url, page, fetched_at, status, headers, digest, page_links) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (crawl_id, cap["url"], cap.get("listing_url"), cap.get("page"), cap.get("fetched_at") or now(), cap.get("status", 200),
                     json.dumps(headers), digest, links),
                )
                ids[cap["url"]] = cur.lastrowid
                if previous:
                    self._resight(crawl_id, previous, cur.lastrowid)
        return ids

    def _resight(self, crawl_id: int, previous: int, capture_id: int) -> None:
        """A page that answered 304 lists what it listed last time: sight those entries again."""
        counts = self._counts.setdefault(crawl_id, CrawlCounts())
        stamp = now()
        rows = self.conn.execute(
            'SELECT s.entry_id, s.listing_url, s.page_url, s.page, s."group", s.position, e.* FROM sightings s JOIN entries e USING (entry_id) '
            "WHERE s.capture_id = ?",
            (previous,),
        ).fetchall()
        for r in rows:
            self.conn.execute(
                'INSERT INTO sightings (crawl_id, entry_id, listing_url, page_url, page, "group", position, capture_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
                (crawl_id, r["entry_id"], r["listing_url"], r["page_url"], r["page"], r["group"], r["position"], capture_id),
            )
            counts.listing_entries.setdefault(r["listing_url"], {})[r["entry_id"]] = entry_from_row(dict(r))
            if r["entry_id"] not in counts.seen:
                counts.seen.add(r["entry_id"])
                counts.entries += 1
                self.conn.execute("UPDATE entries SET last_seen=?, last_crawl=? WHERE entry_id=?", (stamp, crawl_id, r["entry_id"]))

    def capture_body(self, capture_id: int) -> bytes | None:
        row = self.conn.execute(
            "SELECT b.body FROM captures c JOIN capture_bodies b ON b.digest = c.digest WHERE c.id = ?", (capture_id,)
        ).fetchone()
        return zlib.decompress(row[0]) if row else None

    # -- entries ----------------------------------------------------------

    def record_entries(self, crawl_id: int, batch: list[tuple[dict, Sighting]], source: str = "site", ignore_fields=(), _settle: str | None = None) -> None:
        """Record one batch of (entry, sighting) in one transaction.

        A change that would empty a field is held back until the crawl closes
        (`_settle` is then "apply" or, for a suspect crawl, "keep" the old values).
        """
        if not batch:
            return
        counts = self._counts.setdefault(crawl_id, CrawlCounts())
        stamp = now()
        ids = list({e["entry_id"] for e, _ in batch})
        existing = {}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            rows = self.conn.execute(f"SELECT * FROM entries WHERE entry_id IN ({','.join('?' * len(part))})", part)
            existing.update({r["entry_id"]: dict(r) for r in rows})
        versions, events, sightings, upserts, touches = [], [], [], {}, {}
        for entry, where in batch:
            eid = entry["entry_id"]
            old = existing.get(eid)
            if _settle is None:
                sightings.append((crawl_id, eid, where.listing_url, where.page_url, where.page, where.group, where.position, where.capture_id))
                counts.listing_entries.setdefault(where.listing_url, {})[eid] = entry
                if eid in counts.seen:
                    continue  # the same entry again in this crawl: a sighting, not a version
                counts.seen.add(eid)
                counts.entries += 1
                if old is not None and _blanks(entry_from_row(old), entry, ignore_fields):
                    counts.deferred.append((entry, where, source, ignore_fields))
                    placement = dict(_row_from_entry(entry), last_seen=stamp, last_crawl=crawl_id, status=old["status"])
                    touches[eid] = tuple(placement[c] for c in _TOUCHED) + (eid,)
                    continue
            elif _settle == "keep":
                entry = {**entry, **{f: old[f] if f != "organisers" else json.loads(old[f] or "[]") for f in _blanks(entry_from_row(old), entry, ignore_fields)}}
            row = _row_from_entry(entry)
            row.update(last_seen=stamp, last_crawl=crawl_id, status="listed")
            if old is None:
                row.update(version=1, first_seen=stamp, first_crawl=crawl_id, removed_at=None, removed_crawl=None)
                versions.append((eid, 1, crawl_id, where.capture_id, stamp, source, json.dumps(list(VERSIONED_FIELDS)), _version_json(entry)))
                events.append((crawl_id, eid, "new", 1, stamp))
                counts.new += 1
            else:
                changed = changed_fields(entry_from_row(old), entry, ignore_fields)
                version = old["version"]
                if changed:
                    version += 1
                    versions.append((eid, version, crawl_id, where.capture_id, stamp, source, json.dumps(changed), _version_json(entry)))
                    events.append((crawl_id, eid, "changed", version, stamp))
                    counts.changed += 1
                if old["status"] == "removed":
                    events.append((crawl_id, eid, "restored", version, stamp))
                    counts.restored += 1
                if not changed:
                    # Unchanged content: only where and when it was seen moves on,
                    # so noise never rewrites the stored text.
                    touches[eid] = tuple(row[c] for c in _TOUCHED) + (eid,)
                    continue
                row.update(version=version, first_seen=old["first_seen"], first_crawl=old["first_crawl"], removed_at=None, removed_crawl=None)
            upserts[eid] = row
        with transaction(self.conn):
            if upserts:
                self.conn.executemany(_UPSERT, [tuple(r[c] for c in _ENTRY_COLUMNS) for r in upserts.values()])
            if touches:
                self.conn.executemany(_TOUCH, list(touches.values()))
            self.conn.executemany(
                "INSERT INTO entry_versions (entry_id, version, crawl_id, capture_id, seen_at, source, changed_fields, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                versions,
            )
            self.conn.executemany("INSERT INTO events (crawl_id, entry_id, kind, version, at) VALUES (?, ?, ?, ?, ?)", events)
            self.conn.executemany(
                'INSERT INTO sightings (crawl_id, entry_id, listing_url, page_url, page, "group", position, capture_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
                sightings,
            )

    # -- closing a crawl --------------------------------------------------

    def finish_crawl(self, crawl_id: int, listings: dict[str, dict], status: str | None = None, suspect: bool = False, note: str | None = None) -> dict:
        """Close a crawl. `listings` maps each listing URL to {pages_fetched, pages_failed, complete}.

        Health checks compare each listing with its earlier healthy crawls; a sharp
        drop makes the crawl suspect. Only a listing fetched whole, in a crawl that is
        not suspect, can mark its missing entries removed, and only such a crawl can
        empty a field.
        """
        counts = self._counts.setdefault(crawl_id, CrawlCounts())
        pages = sum(v.get("pages_fetched", 0) for v in listings.values())
        failed = sum(v.get("pages_failed", 0) for v in listings.values())
        if status is None:
            if pages == 0:
                status = "failed"
            elif failed or not all(v.get("complete") for v in listings.values()):
                status = "partial"
            else:
                status = "complete"
        reasons = []
        fills = {}
        for url, info in listings.items():
            seen = counts.listing_entries.get(url, {})
            fills[url] = health.fill_counts(seen.values())
            baseline = self._baseline(url)
            reasons += health.assess(url, info.get("pages_fetched", 0), len(seen), fills[url], baseline, bool(info.get("complete")))
        suspect = suspect or bool(reasons)
        if reasons:
            note = "; ".join(filter(None, [note, "suspect: " + "; ".join(reasons)]))
        # Held-back changes that empty a field: applied after a healthy crawl, else the old values stay.
        deferred, counts.deferred = counts.deferred, []
        settle = "keep" if suspect or status != "complete" else "apply"
        for entry, where, source, ignore in deferred:
            self.record_entries(crawl_id, [(entry, where)], source=source, ignore_fields=ignore, _settle=settle)
        stamp = now()
        with transaction(self.conn):
            for url, info in listings.items():
                complete = bool(info.get("complete")) and not info.get("pages_failed") and status != "failed"
                self.conn.execute(
                    "INSERT OR REPLACE INTO listing_crawls (crawl_id, listing_url, pages_fetched, pages_failed, entries, complete, fill) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (crawl_id, url, info.get("pages_fetched", 0), info.get("pages_failed", 0), len(counts.listing_entries.get(url, {})),
                     int(complete and not suspect), json.dumps(fills[url])),
                )
            removed = 0 if suspect else self._mark_removed(crawl_id, stamp)
            self.conn.execute(
                "UPDATE crawls SET finished_at=?, status=?, suspect=?, pages=?, entries=?, new=?, changed=?, removed=?, restored=?, errors=?, note=? WHERE id=?",
                (stamp, status, int(suspect), pages, counts.entries, counts.new, counts.changed, removed, counts.restored, failed, note, crawl_id),
            )
        self._counts.pop(crawl_id, None)
        return self.crawl(crawl_id)

    def _baseline(self, listing_url: str, last: int = 3) -> list[dict]:
        """The listing's last healthy, complete crawls: what this one is compared with."""
        rows = self.conn.execute(
            "SELECT pages_fetched, entries, fill FROM listing_crawls WHERE listing_url=? AND complete=1 ORDER BY crawl_id DESC LIMIT ?", (listing_url, last)
        ).fetchall()
        return [{"pages_fetched": r[0], "entries": r[1], "fill": json.loads(r[2] or "{}")} for r in rows]

    def _mark_removed(self, crawl_id: int, stamp: str) -> int:
        complete = [r[0] for r in self.conn.execute("SELECT listing_url FROM listing_crawls WHERE crawl_id=? AND complete=1", (crawl_id,))]
        removed = 0
        for listing in complete:
            candidates = self.conn.execute(
                """SELECT DISTINCT s.entry_id FROM sightings s JOIN entries e ON e.entry_id = s.entry_id
                   WHERE s.listing_url = ? AND s.crawl_id < ? AND e.status = 'listed'
                     AND s.entry_id NOT IN (SELECT entry_id FROM sightings WHERE crawl_id = ?)""",
                (listing, crawl_id, crawl_id),
            ).fetchall()
            for (eid,) in candidates:
                if self._listed_elsewhere(eid, listing, crawl_id):
                    continue
                version = self.conn.execute("SELECT version FROM entries WHERE entry_id=?", (eid,)).fetchone()[0]
                self.conn.execute("UPDATE entries SET status='removed', removed_at=?, removed_crawl=? WHERE entry_id=?", (stamp, crawl_id, eid))
                self.conn.execute("INSERT INTO events (crawl_id, entry_id, kind, version, at) VALUES (?, ?, 'removed', ?, ?)", (crawl_id, eid, version, stamp))
                removed += 1
        return removed

    def _listed_elsewhere(self, entry_id: str, listing: str, crawl_id: int) -> bool:
        """Still listed on another listing that no complete crawl has since found without it."""
        rows = self.conn.execute(
            "SELECT listing_url, max(crawl_id) FROM sightings WHERE entry_id=? AND listing_url != ? GROUP BY listing_url", (entry_id, listing)
        ).fetchall()
        for other, last_seen_in in rows:
            later_complete = self.conn.execute(
                "SELECT 1 FROM listing_crawls WHERE listing_url=? AND complete=1 AND crawl_id > ? AND crawl_id <= ? LIMIT 1", (other, last_seen_in, crawl_id)
            ).fetchone()
            if not later_complete:
                return True
        return False

    def counts(self, crawl_id: int) -> CrawlCounts:
        """What an open crawl has recorded so far."""
        return self._counts.setdefault(crawl_id, CrawlCounts())

    def remember(self, key: str, value: str) -> None:
        """Keep a small fact in the meta table (the last report's crawl, say)."""
        with transaction(self.conn):
            self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # -- reading ----------------------------------------------------------

    def crawl(self, crawl_id: int) -> dict:
        row = self.conn.execute("SELECT * FROM crawls WHERE id=?", (crawl_id,)).fetchone()
        return dict(row) if row else {}

    def entry_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM entries").fetchone()[0]


_ENTRY_COLUMNS = FIELDS + ("status", "version", "first_seen", "last_seen", "first_crawl", "last_crawl", "removed_at", "removed_crawl")
_UPSERT = (
    f"INSERT INTO entries ({', '.join(_q(c) for c in _ENTRY_COLUMNS)}) VALUES ({', '.join('?' * len(_ENTRY_COLUMNS))}) "
    f"ON CONFLICT(entry_id) DO UPDATE SET {', '.join(f'{_q(c)}=excluded.{_q(c)}' for c in _ENTRY_COLUMNS if c != 'entry_id')}"
)

_TOUCHED = (*PLACEMENT_FIELDS, "last_seen", "last_crawl", "status")
_TOUCH = f"UPDATE entries SET {', '.join(f'{_q(c)}=?' for c in _TOUCHED)}, removed_at=NULL, removed_crawl=NULL WHERE entry_id=?"


def _blanks(old: dict, new: dict, ignore=()) -> list[str]:
    """Fields the new version would empty."""
    empty = (None, "", [])
    return [f for f in VERSIONED_FIELDS if f not in ignore and old.get(f) not in empty and new.get(f) in empty]


def _version_json(entry: dict) -> str:
    return json.dumps({f: entry.get(f) for f in FIELDS}, ensure_ascii=False, sort_keys=True)


def integrity_ok(path: str) -> bool:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
