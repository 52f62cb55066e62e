"""Recording a crawl's batches: captures (fetched pages) and entries (versions, events, sightings).

Two plain steps for entries: `plan_entries` decides, from the stored rows and the
session, what a batch writes; `write_plan` writes it. `write_batch` runs captures and
entries of one batch in one transaction and returns the session delta, which the
caller absorbs only after the commit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from crawler.field_table import FIELDS, PLACEMENT_FIELDS, VERSIONED_FIELDS

from .bodies import store_body
from .compare import changed_fields
from .lost_links import keep_lost_links
from .rows import entry_from_row, q, row_from_entry
from .session import CrawlSession, SessionDelta, Sighting
from .superseded import read_differently, superseded
from .upsert import upsert_entries
from .versions import field_bits, full_records, insert_sql, is_keyframe, keyframe_of, stored_fields, to_epoch, to_mask

# The headers worth keeping with a capture: enough to replay and to revalidate.
# x-listing-archive-rendered marks a body that is the DOM a browser built (crawler/render.py).
RENDERED = "x-listing-archive-rendered"
# x-listing-archive-subresources: what a rendered page loaded, with their validators (crawler/render_revalidate.py).
SUBRESOURCES = "x-listing-archive-subresources"
# The spider's notes on a page (crawler/items.py): a digest of the profile that read it, and why it is not known to
# be a whole page of its listing (crawler/spiders/whole_page.py).
READ_WITH, NOT_WHOLE = "x-listing-archive-read-with", "x-listing-archive-not-whole"
KEPT_HEADERS = ("content-type", "etag", "last-modified", "date", "content-language", "retry-after", "location")
KEPT_HEADERS += (RENDERED, SUBRESOURCES, READ_WITH, NOT_WHOLE)
VALIDATORS = ("etag", "last-modified")
# What a 304's capture keeps of the capture it revalidated: a rendered page's 304 stays rendered, and revalidates again.
KEPT_ON_304 = (*VALIDATORS, RENDERED, SUBRESOURCES)
# SQLite's default limit on host parameters is 999 in old builds: stay well under it.
SQL_CHUNK = 500
_TOUCHED = (*PLACEMENT_FIELDS, "last_seen", "last_crawl", "status")
_TOUCH = (
    f"UPDATE entries SET {', '.join(f'{q(c)}=?' for c in _TOUCHED)}, removed_at=NULL, removed_crawl=NULL "
    "WHERE entry_id=?"
)
_SIGHTING = (
    'INSERT INTO sightings (crawl_id, entry_id, listing_url, page_url, page, "group", position, capture_id) '
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_VERSION = insert_sql()
_RESIGHT = (
    "UPDATE entries SET last_seen=?, last_crawl=?, status='listed', removed_at=NULL, removed_crawl=NULL "
    "WHERE entry_id=?"
)
# New and changed are the versions themselves (the view events shows them); removed and restored are kept here.
STATUS_EVENT = "INSERT INTO status_events (crawl_id, entry_id, kind, version, at) VALUES (?, ?, ?, ?, ?)"


@dataclass
class EntryPlan:
    """The rows one batch writes (a version's record is the entry: write_plan stores it as archive.versions says)."""

    versions: list = field(default_factory=list)
    events: list = field(default_factory=list)  # restored (new and changed are the versions)
    sightings: list = field(default_factory=list)
    upserts: dict = field(default_factory=dict)
    touches: dict = field(default_factory=dict)


# -- captures --------------------------------------------------------------


def insert_captures(
    conn, session: CrawlSession, captures: list[dict], delta: SessionDelta, stamp: str
) -> dict[str, int]:
    """Store fetched pages (bodies once per digest); returns {url: capture id}.

    A 304 capture names `previous_capture_id`: it keeps that capture's body, links and
    validators (so the next crawl can revalidate again), and sights its entries again.
    """
    ids = {}
    for cap in captures:
        previous = cap.get("previous_capture_id") if cap.get("status") == 304 else None
        headers = {k.lower(): v for k, v in (cap.get("headers") or {}).items() if k.lower() in KEPT_HEADERS}
        if previous:
            digest, links, old_headers = conn.execute(
                "SELECT digest, page_links, headers FROM captures WHERE id=?", (previous,)
            ).fetchone()
            kept = {k: v for k, v in json.loads(old_headers or "{}").items() if k in KEPT_ON_304}
            headers = {**kept, **headers}
        else:
            digest = store_body(conn, cap.get("body") or b"", cap.get("listing_url") or cap["url"])
            links = json.dumps(cap.get("page_links") or [])
        cur = conn.execute(
            "INSERT INTO captures (crawl_id, url, listing_url, page, fetched_at, status, headers, digest, page_links, "
            "feed_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session.crawl_id,
                cap["url"],
                cap.get("listing_url"),
                cap.get("page"),
                cap.get("fetched_at") or stamp,
                cap.get("status", 200),
                json.dumps(headers),
                digest,
                links,
                cap.get("feed_url"),
            ),
        )
        ids[cap["url"]] = cur.lastrowid
        if previous:
            resight(conn, session, previous, cur.lastrowid, delta, stamp)
    return ids


def resight(conn, session: CrawlSession, previous: int, capture_id: int, delta: SessionDelta, stamp: str) -> None:
    """A page that answered 304 lists what it listed last time: sight those entries again, and restore
    those that were marked removed since (the page had dropped out of its listing and is back).

    "Last time" is the latest crawl that read that capture: its own, or a reparse of it after."""
    rows = conn.execute(
        'SELECT s.entry_id, s.listing_url, s.page_url, s.page, s."group", s.position, e.* '
        "FROM sightings s JOIN entries e USING (entry_id) "
        "WHERE s.capture_id = :cap AND s.crawl_id = (SELECT max(crawl_id) FROM sightings WHERE capture_id = :cap) "
        "ORDER BY s.rowid",  # in page order, as first written (archive/removals.py reads the order)
        {"cap": previous},
    ).fetchall()
    fresh, sightings, touched, restored = set(), [], [], []
    for r in rows:
        eid = r["entry_id"]
        sightings.append(
            (session.crawl_id, eid, r["listing_url"], r["page_url"], r["page"], r["group"], r["position"], capture_id)
        )
        delta.listing_entries.append((r["listing_url"], eid, entry_from_row(dict(r))))
        if eid not in session.seen and eid not in fresh and eid not in delta.seen:
            fresh.add(eid)
            delta.seen.add(eid)
            touched.append((stamp, session.crawl_id, eid))
            if r["status"] == "removed":
                restored.append((session.crawl_id, eid, "restored", r["version"], stamp))
    conn.executemany(_SIGHTING, sightings)  # one statement a page, not two an entry
    conn.executemany(_RESIGHT, touched)
    conn.executemany(STATUS_EVENT, restored)
    delta.restored += len(restored)


# -- entries ---------------------------------------------------------------


def stored_entries(conn, ids: list[str]) -> dict[str, dict]:
    found = {}
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples zipped with the column names: dict(sqlite3.Row) costs twice as much
    for start in range(0, len(ids), SQL_CHUNK):
        part = ids[start : start + SQL_CHUNK]
        rows = cursor.execute(f"SELECT * FROM entries WHERE entry_id IN ({','.join('?' * len(part))})", part)
        names = [d[0] for d in cursor.description]
        key = names.index("entry_id")
        found.update({r[key]: dict(zip(names, r, strict=True)) for r in rows})
    return found


def plan_entries(
    conn, session: CrawlSession, batch: list[tuple[dict, Sighting]], delta: SessionDelta, stamp: str
) -> EntryPlan:
    """Sightings for every (entry, sighting); a version for each entry new or changed in this crawl.

    The same entry again in this crawl is a sighting, not a version. A change that would
    empty a field is held back (delta.deferred) until the crawl proves healthy.
    """
    plan = EntryPlan()
    existing = stored_entries(conn, list({e["entry_id"] for e, _ in batch}))
    existing.update(stored_entries(conn, keep_lost_links(conn, session, batch, existing)))  # a link turned script
    # A reparse of older pages changes nothing a later crawl saw (archive.superseded).
    held = superseded(conn, batch, set(existing)) if session.source != "site" else {}
    for entry, where in batch:
        eid = entry["entry_id"]
        if eid not in held or eid in existing:  # no sighting of an entry the archive does not hold
            plan.sightings.append(
                (
                    session.crawl_id,
                    eid,
                    where.listing_url,
                    where.page_url,
                    where.page,
                    where.group,
                    where.position,
                    where.capture_id,
                )
            )
        delta.listing_entries.append((where.listing_url, eid, entry))
        if eid in session.parsed or eid in delta.parsed:
            continue
        delta.parsed.add(eid)
        if eid not in session.seen and eid not in delta.seen:  # else a 304 page listed it first: counted there
            delta.seen.add(eid)
        if eid in held:
            delta.held.append((entry, held[eid]))
            continue
        old = existing.get(eid)
        stored = entry_from_row(old) if old is not None else None  # read once: blanks, then what changed
        if old is not None and blanks(stored, entry, session.ignore_fields):
            delta.deferred.append((entry, where))
            if old["status"] == "listed" or session.source == "site":
                plan.touches[eid] = _touch_row(entry, old, *_sighted(session, old, stamp))
            continue
        _plan_version(plan, session, entry, where, old, delta, stamp, stored)
    if delta.held:
        delta.held_differ = read_differently(conn, delta.held, session.ignore_fields)
    return plan


def plan_settled(conn, session: CrawlSession, keep_old: bool, delta: SessionDelta, stamp: str) -> EntryPlan:
    """The held-back changes, at the crawl's close: applied after a healthy crawl, else old values kept."""
    plan = EntryPlan()
    deferred = list(session.deferred)
    existing = stored_entries(conn, list({e["entry_id"] for e, _ in deferred}))
    for entry, where in deferred:
        old = existing.get(entry["entry_id"])
        if old is not None and keep_old:
            stored = entry_from_row(old)
            entry = {**entry, **{f: stored[f] for f in blanks(stored, entry, session.ignore_fields)}}
        _plan_version(plan, session, entry, where, old, delta, stamp)
    return plan


def _plan_version(
    plan: EntryPlan,
    session: CrawlSession,
    entry: dict,
    where: Sighting,
    old: dict | None,
    delta: SessionDelta,
    stamp: str,
    stored: dict | None = None,
) -> None:
    """A first version, a changed version, a restoration, or only a new sighting time.
    `stored`: `old` as an entry (entry_from_row), when the caller has it."""
    eid = entry["entry_id"]
    last_seen, last_crawl = _sighted(session, old, stamp)
    row = dict(row_from_entry(entry), last_seen=last_seen, last_crawl=last_crawl, status="listed")
    if old is None:
        row.update(version=1, first_seen=stamp, first_crawl=session.crawl_id, removed_at=None, removed_crawl=None)
        _add_version(plan, session, entry, where, 1, [], stamp)  # a first version: nothing changed, all new
        delta.new += 1
        plan.upserts[eid] = row
        return
    changed = changed_fields(stored or entry_from_row(old), entry, session.ignore_fields)
    version = old["version"] + (1 if changed else 0)
    if changed:
        _add_version(plan, session, entry, where, version, changed, stamp)
        delta.changed += 1
    # A reparse reads old pages: it removes nothing, so it restores nothing either (only the site can).
    stays_removed = old["status"] == "removed" and session.source != "site"
    if old["status"] == "removed" and not stays_removed:
        plan.events.append((session.crawl_id, eid, "restored", version, stamp))
        delta.restored += 1
    if not changed:
        # Unchanged content: only where and when it was seen moves on, so noise never rewrites the stored text.
        if not stays_removed:
            plan.touches[eid] = tuple(row[c] for c in _TOUCHED) + (eid,)
        return
    row.update(version=version, first_seen=old["first_seen"], first_crawl=old["first_crawl"])
    row.update(removed_at=None, removed_crawl=None)
    if stays_removed:
        row.update(status="removed", removed_at=old["removed_at"], removed_crawl=old["removed_crawl"])
    plan.upserts[eid] = row


def _add_version(plan, session, entry, where, version: int, changed: list[str], stamp: str) -> None:
    """A version (the view events shows it as new or changed); its source is its crawl's."""
    plan.versions.append((entry["entry_id"], version, session.crawl_id, where.capture_id, stamp, changed, entry))


def _sighted(session: CrawlSession, old: dict | None, stamp: str) -> tuple[str, int]:
    """The entry's last sighting after this batch: this crawl's; a reparse fetched nothing, so it keeps the old one."""
    if session.source != "site" and old is not None:
        return old["last_seen"], old["last_crawl"]
    return stamp, session.crawl_id


def _touch_row(entry: dict, old: dict, last_seen: str, last_crawl: int) -> tuple:
    placement = dict(row_from_entry(entry), last_seen=last_seen, last_crawl=last_crawl, status=old["status"])
    return tuple(placement[c] for c in _TOUCHED) + (entry["entry_id"],)


def write_plan(conn, plan: EntryPlan) -> None:
    """Write a plan; the caller holds the transaction."""
    if plan.upserts:
        upsert_entries(conn, plan.upserts.values())
    if plan.touches:
        conn.executemany(_TOUCH, list(plan.touches.values()))
    if plan.versions:
        conn.executemany(_VERSION, _stored_versions(conn, plan.versions))
    conn.executemany(STATUS_EVENT, plan.events)
    conn.executemany(_SIGHTING, plan.sightings)


def _stored_versions(conn, versions: list[tuple]) -> list[tuple]:
    """Version rows as stored: a version between keyframes keeps only what differs from its keyframe."""
    wanted = [(row[0], keyframe_of(row[1])) for row in versions if not is_keyframe(row[1])]
    keyframes = full_records(conn, wanted) if wanted else {}
    bits = field_bits(conn)
    seen_at = {stamp: to_epoch(stamp) for stamp in {row[4] for row in versions}}  # one stamp a batch, mostly
    out = []
    for eid, version, crawl_id, capture_id, stamp, changed, entry in versions:
        keyframe = keyframes.get((eid, keyframe_of(version)))
        head = (eid, version, crawl_id, capture_id, seen_at[stamp], to_mask(changed, bits))
        out.append(head + stored_fields(version, entry, keyframe, bits))
    return out


def blanks(old: dict, new: dict, ignore=()) -> list[str]:
    """Fields the new version would empty."""
    empty = (None, "", [])
    return [f for f in VERSIONED_FIELDS if f not in ignore and old.get(f) not in empty and new.get(f) in empty]


__all__ = ["FIELDS", "blanks", "insert_captures", "plan_entries", "plan_settled", "write_plan"]


def last_captures(conn, listing_urls: list[str]) -> dict[str, dict]:
    """{page url: its last capture} for the pages of these listings, from crawls that finished.

    What conditional requests revalidate with (ETag, Last-Modified) and the pagination
    links a 304 page is followed by. A crawl killed between writing a page and its
    entries must not vouch for the page, hence only complete or partial crawls; nor a
    suspect one, which kept the old values of what its pages said: after it, a page
    unchanged since the last sound crawl answers 304, one changed since is read again.
    """
    found: dict[str, dict] = {}
    latest = _latest_captures(conn, listing_urls)
    for listing_url in listing_urls:
        for capture_id, url, headers, links in latest.get(listing_url, ()):
            kept = json.loads(headers or "{}")
            found[url] = {
                "id": capture_id,
                "validators": {k: v for k, v in kept.items() if k in VALIDATORS},
                "page_links": json.loads(links or "[]"),
                "read_with": kept.get(READ_WITH),  # None: read before it was kept
                "not_whole": kept.get(NOT_WHOLE),
            }
            if RENDERED in kept:  # a DOM the document's validators alone do not vouch for: its subresources' too
                found[url].update(rendered=True, subresources=_subresources(kept))
    for last in found.values():  # what a page listed, for its 304: nothing (said again), or what a later page repeats
        last["entry_ids"] = [row[0] for row in conn.execute(_LISTED_ON, {"cap": last["id"]})]
        last["listed"] = bool(last["entry_ids"])
    return found


# The entries a capture listed, in the latest crawl that read it (as resight sights them again), in page order.
_LISTED_ON = (
    "SELECT entry_id FROM sightings WHERE capture_id = :cap "
    "AND crawl_id = (SELECT max(crawl_id) FROM sightings WHERE capture_id = :cap) ORDER BY rowid"
)


def _subresources(headers: dict) -> list | None:
    """A rendered capture's record of what its page loaded (None: captured before the record was kept)."""
    if SUBRESOURCES not in headers:
        return None
    try:
        recorded = json.loads(headers[SUBRESOURCES])
    except (TypeError, ValueError):
        return None
    return recorded if isinstance(recorded, list) else None


def _latest_captures(conn, listing_urls: list[str]) -> dict[str, list[tuple]]:
    """{listing: (id, url, headers, page_links) of each of its pages' latest capture, by id}. One pass over the
    captures for all the listings, where a query a listing scanned them all (they have no index by listing)."""
    rows = conn.execute(  # each page's latest capture: SQLite picks it, Python reads only those
        "SELECT p.id, p.listing_url, p.url, p.headers, p.page_links FROM captures p WHERE p.id IN ("
        "SELECT max(p2.id) FROM captures p2 JOIN crawls c ON c.id = p2.crawl_id "
        "WHERE p2.listing_url IN (SELECT value FROM json_each(?)) AND p2.status IN (200, 304) "
        "AND p2.digest IS NOT NULL AND c.status IN ('complete', 'partial') AND c.suspect = 0 AND c.source = 'site' "
        "GROUP BY p2.listing_url, p2.url) ORDER BY p.id",
        (json.dumps(sorted(set(listing_urls))),),
    )
    latest: dict[str, list[tuple]] = {}
    for capture_id, listing_url, url, headers, links in rows:
        latest.setdefault(listing_url, []).append((capture_id, url, headers, links))
    return latest


def rendered_captures(conn, crawl_id: int | None = None) -> int:
    """How many captures (of one crawl, or all) hold a DOM a browser built."""
    sql = "SELECT count(*) FROM captures WHERE json_extract(headers, ?) IS NOT NULL"
    params: tuple = (f'$."{RENDERED}"',)
    if crawl_id is not None:
        sql += " AND crawl_id = ?"
        params += (crawl_id,)
    return conn.execute(sql, params).fetchone()[0]
