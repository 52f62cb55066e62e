"""Schema 6: an entry's id no longer carries a session id or a link's signature (docs/schema.md, "What identifies an
entry"). An archive made before keys an entry whose link carried one (";jsessionid=...", an S3 pre-signed query) by
that link whole; the first crawl after would read the link without it, take every such entry for new and mark the
one held removed. The migration gives each such entry the id the crawl now gives it, in every table that names it.
Where several held entries come to one id (the new-and-removed copies each crawl made of one entry), the one seen
last takes it and the others keep theirs: removed, as they were; no row is dropped.
"""

from __future__ import annotations

import sqlite3

from crawler.parsers.ids import without_visit_ids

# The tables that name an entry by its id.
_ENTRY_TABLES = ("entries", "entry_versions", "sightings", "status_events")


def visit_free_id(entry_id: str) -> str:
    """The id an entry keyed by `entry_id` gets now: its link without per-visit parts, then any `#…` that tells
    apart the entries sharing it (a digest of title and date, no part of the link: a canonical link has no `#`)."""
    if not entry_id.startswith(("https://", "http://")):
        return entry_id  # a document number, or `sha1:` of title and listing
    link, mark, digest = entry_id.partition("#")
    return without_visit_ids(link) + mark + digest


def migrate_5_to_6(conn: sqlite3.Connection) -> None:
    """Rename the entries keyed by a link with a session id or a signature (see the module's docstring)."""
    rows = conn.execute(
        "SELECT entry_id, coalesce(last_crawl, 0) FROM entries "
        "WHERE substr(entry_id, 1, 4) = 'http' AND (instr(entry_id, ';') > 0 OR instr(entry_id, '=') > 0)"
    ).fetchall()
    latest: dict[str, tuple[int, str]] = {}
    for old, last_crawl in rows:
        new = visit_free_id(old)
        if new != old and (new not in latest or latest[new][0] < last_crawl):
            latest[new] = (last_crawl, old)
    conn.execute("PRAGMA defer_foreign_keys = ON")  # versions name the entry: all renamed before the commit
    for new, (_, old) in latest.items():
        if conn.execute("SELECT 1 FROM entries WHERE entry_id = ?", (new,)).fetchone():
            continue  # an entry holds that id already: both stay as they are
        for table in _ENTRY_TABLES:
            conn.execute(f"UPDATE {table} SET entry_id = ? WHERE entry_id = ?", (new, old))
