"""Read-only questions to the archive: history, export (as of any date), search, crawls."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date, datetime

from crawler.items import FIELDS
from crawler.parsers.ids import canonical_url, document_number

from .store import entry_from_row


class NotFound(LookupError):
    pass


def parse_when(value: str) -> str:
    """A date or a date-time as the archive stores it; a bare date means the end of that day."""
    value = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value).isoformat() + "T23:59:59+00:00"
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD or an ISO date-time)") from None
    return parsed.isoformat(timespec="seconds") if parsed.tzinfo else parsed.isoformat(timespec="seconds") + "+00:00"


def resolve_entry(conn: sqlite3.Connection, ref: str) -> str:
    """An entry id, a document number (WCMS_865548) or a URL -> the entry id."""
    ref = ref.strip()
    if conn.execute("SELECT 1 FROM entries WHERE entry_id=?", (ref,)).fetchone():
        return ref
    doc = document_number(ref)
    if doc and conn.execute("SELECT 1 FROM entries WHERE entry_id=?", (doc,)).fetchone():
        return doc
    canon = canonical_url(ref)
    if canon:
        if conn.execute("SELECT 1 FROM entries WHERE entry_id=?", (canon,)).fetchone():
            return canon
        conn.create_function("canonical_url", 1, canonical_url, deterministic=True)
        row = conn.execute("SELECT entry_id FROM entries WHERE url = ? OR canonical_url(url) = ? LIMIT 1", (ref, canon)).fetchone()
        if row:
            return row[0]
    raise NotFound(f"no entry matches {ref!r} (give an entry id, a document number such as WCMS_865548, or the entry's URL)")


def history(conn: sqlite3.Connection, ref: str) -> dict:
    """{"entry": current state, "versions": every version oldest first, "events": ...}."""
    eid = resolve_entry(conn, ref)
    entry_row = dict(conn.execute("SELECT * FROM entries WHERE entry_id=?", (eid,)).fetchone())
    entry = entry_from_row(entry_row)
    for key in ("status", "version", "first_seen", "last_seen", "removed_at"):
        entry[key] = entry_row[key]
    versions, previous = [], None
    rows = conn.execute(
        """SELECT v.version, v.crawl_id, v.capture_id, v.seen_at, v.source, v.changed_fields, v.record, c.url AS page_url
           FROM entry_versions v LEFT JOIN captures c ON c.id = v.capture_id WHERE v.entry_id=? ORDER BY v.version""",
        (eid,),
    )
    for row in rows:
        record = json.loads(row["record"])
        changed = json.loads(row["changed_fields"])
        versions.append(
            {
                "version": row["version"],
                "crawl_id": row["crawl_id"],
                "seen_at": row["seen_at"],
                "source": row["source"],
                "page_url": row["page_url"],
                "capture_id": row["capture_id"],
                "changed_fields": changed if previous is not None else [],
                "changes": {f: [previous.get(f), record.get(f)] for f in changed} if previous is not None else {},
                "record": record,
            }
        )
        previous = record
    events = [dict(r) for r in conn.execute("SELECT crawl_id, kind, version, at FROM events WHERE entry_id=? ORDER BY id", (eid,))]
    sightings = [
        dict(r)
        for r in conn.execute(
            'SELECT crawl_id, listing_url, page_url, page, "group", position FROM sightings WHERE entry_id=? ORDER BY crawl_id DESC, listing_url LIMIT 50', (eid,)
        )
    ]
    return {"entry": entry, "versions": versions, "events": events, "sightings": sightings}


def export_rows(conn: sqlite3.Connection, as_of: str | None = None, include_removed: bool = False):
    """The entries as they stood at `as_of` (now when None), each with its `status`."""
    if as_of is None:
        where = "" if include_removed else "WHERE status = 'listed'"
        for row in conn.execute(f"SELECT * FROM entries {where} ORDER BY listing_url, group_month DESC, position"):
            out = entry_from_row(dict(row))
            out["status"] = row["status"]
            yield out
        return
    cutoff = parse_when(as_of)
    rows = conn.execute(
        """WITH v AS (SELECT entry_id, record, row_number() OVER (PARTITION BY entry_id ORDER BY version DESC) AS rn
                      FROM entry_versions WHERE seen_at <= :cutoff),
                s AS (SELECT entry_id, kind, row_number() OVER (PARTITION BY entry_id ORDER BY id DESC) AS rn
                      FROM events WHERE kind IN ('new', 'removed', 'restored') AND at <= :cutoff)
           SELECT v.record, s.kind AS state FROM v LEFT JOIN s ON s.entry_id = v.entry_id AND s.rn = 1
           WHERE v.rn = 1 ORDER BY v.entry_id""",
        {"cutoff": cutoff},
    )
    for row in rows:
        status = "removed" if row["state"] == "removed" else "listed"
        if status == "removed" and not include_removed:
            continue
        record = json.loads(row["record"])
        out = {f: record.get(f) for f in FIELDS}
        out["status"] = status
        yield out


def search(conn: sqlite3.Connection, query: str, since=None, until=None, organiser=None, listing=None, limit: int = 50) -> list[dict]:
    """Full-text search (FTS5) over titles, descriptions and organisers, best matches first."""
    terms = re.findall(r"[\w’'-]+", query, flags=re.UNICODE)
    if not terms:
        raise ValueError("the search query has no words in it")
    match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
    sql = ["SELECT e.*, bm25(entries_fts) AS score FROM entries_fts JOIN entries e ON e.rowid = entries_fts.rowid WHERE entries_fts MATCH ?"]
    params: list = [match]
    if since:
        sql.append("AND coalesce(e.date_end, e.first_seen) >= ?")
        params.append(since)
    if until:
        sql.append("AND coalesce(e.date_start, e.first_seen) <= ?")
        params.append(until)
    if organiser:
        sql.append("AND e.organisers LIKE ?")
        params.append(f"%{organiser}%")
    if listing:
        sql.append("AND e.entry_id IN (SELECT entry_id FROM sightings WHERE listing_url = ?)")
        params.append(listing)
    sql.append("ORDER BY score LIMIT ?")
    params.append(limit)
    out = []
    for row in conn.execute(" ".join(sql), params):
        entry = entry_from_row(dict(row))
        entry["status"] = row["status"]
        out.append(entry)
    return out


def last_capture(conn: sqlite3.Connection, url: str) -> dict | None:
    """A page's last capture from a crawl that finished: its id, the headers a
    conditional request revalidates with (ETag, Last-Modified) and its pagination links.
    A crawl killed between writing a page and its entries must not vouch for the page."""
    row = conn.execute(
        "SELECT p.id, p.headers, p.page_links FROM captures p JOIN crawls c ON c.id = p.crawl_id "
        "WHERE p.url = ? AND p.status IN (200, 304) AND p.digest IS NOT NULL AND c.status IN ('complete', 'partial') "
        "ORDER BY p.id DESC LIMIT 1",
        (url,),
    ).fetchone()
    if row is None:
        return None
    headers = json.loads(row[1] or "{}")
    return {
        "id": row[0],
        "validators": {k: v for k, v in headers.items() if k in ("etag", "last-modified")},
        "page_links": json.loads(row[2] or "[]"),
    }


def crawls(conn: sqlite3.Connection, limit: int = 20) -> list[dict]:
    return [dict(r) for r in conn.execute("SELECT * FROM crawls ORDER BY id DESC LIMIT ?", (limit,))]
