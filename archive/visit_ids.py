"""Schema 6: an entry's id no longer carries a session id or a link's signature (docs/schema.md, "What identifies an
entry"). An archive made before keys an entry whose link carried one (";jsessionid=...", an S3 pre-signed query) by
that link whole; the first crawl after would read the link without it, take every such entry for new and mark the
one held removed. The migration gives each such entry the id the crawl now gives it, in every table that names it.
Where several held entries come to one id (the new-and-removed copies each crawl made of one entry), the one seen
last takes it and the others keep theirs: removed, as they were; no row is dropped.
"""

from __future__ import annotations

import sqlite3

from crawler.parsers.ids import HASHED_ID, entry_id, without_visit_ids
from crawler.validation import LINK_FIELDS

# The tables that name an entry by its id.
_ENTRY_TABLES = ("entries", "entry_versions", "sightings", "status_events")


def visit_free_id(old_id: str, url: str | None, title: str | None, listing_url: str | None) -> str:
    """The id an entry keyed by `old_id`, with this stored link, title and listing, gets now: its link without
    per-visit parts, then any `#…` that tells apart the entries sharing it (a digest of title and date, no part of
    the link: a canonical link has no `#`). A link into the listing itself ("events;jsessionid=X#event-3") is keyed
    by `entry_id` as an entry without a link once its session id is gone: its answer, a `sha1:` of title and listing,
    is taken whole (`_in_page_ids` puts the digest back where the crawl would)."""
    if not old_id.startswith(("https://", "http://")):
        return old_id  # a document number, or `sha1:` of title and listing
    now = entry_id(url, title, listing_url) if url and listing_url else None
    if now is not None and now.startswith(HASHED_ID):
        return now
    link, mark, digest = old_id.partition("#")
    return without_visit_ids(link) + mark + digest


def _in_page_ids(renamed: dict[str, str]) -> None:
    """`tell_apart` adds a digest to an in-page entry's `sha1:` id only where entries of one title (so one `sha1:`)
    differ by date: held entries whose old digests differ and that come to one `sha1:` each keep their digest."""
    digests: dict[str, set[str]] = {}
    for old, new in renamed.items():
        if new.startswith(HASHED_ID) and "#" in old:
            digests.setdefault(new, set()).add(old.partition("#")[2])
    for old, new in renamed.items():
        if len(digests.get(new, ())) > 1:
            renamed[old] = f"{new}#{old.partition('#')[2]}"


def migrate_5_to_6(conn: sqlite3.Connection) -> None:
    """Rename the entries keyed by a link with a session id or a signature (see the module's docstring)."""
    rows = conn.execute(
        "SELECT entry_id, url, title, coalesce(last_crawl, 0), (SELECT listing_url FROM sightings s "
        "WHERE s.entry_id = e.entry_id ORDER BY crawl_id DESC LIMIT 1) FROM entries e "
        "WHERE substr(entry_id, 1, 4) = 'http' AND (instr(entry_id, ';') > 0 OR instr(entry_id, '=') > 0)"
    ).fetchall()
    renamed = {old: visit_free_id(old, url, title, listing) for old, url, title, _, listing in rows}
    _in_page_ids(renamed)
    latest: dict[str, tuple[int, str]] = {}
    for old, _, _, last_crawl, _ in rows:
        new = renamed[old]
        if new != old and (new not in latest or latest[new][0] < last_crawl):
            latest[new] = (last_crawl, old)
    conn.execute("PRAGMA defer_foreign_keys = ON")  # versions name the entry: all renamed before the commit
    for new, (_, old) in latest.items():
        if conn.execute("SELECT 1 FROM entries WHERE entry_id = ?", (new,)).fetchone():
            continue  # an entry holds that id already: both stay as they are
        for table in _ENTRY_TABLES:
            conn.execute(f"UPDATE {table} SET entry_id = ? WHERE entry_id = ?", (new, old))


def migrate_6_to_7(conn: sqlite3.Connection) -> None:
    """Schema 7: the links an entry holds (LINK_FIELDS), in its row and in each of its versions, without the session
    ids and signatures the crawl now reads apart (`without_visit_ids`, the crawl's own function). Schema 6 renamed
    the ids and left the links: the first crawl after it recorded a changed link for each entry, and the versions
    kept a per-visit token."""
    for table, keys in (("entries", "entry_id"), ("entry_versions", "entry_id, version")):
        where = " AND ".join(f"{key} = ?" for key in keys.split(", "))
        for name in LINK_FIELDS:
            rows = conn.execute(
                f'SELECT "{name}", {keys} FROM {table} WHERE substr("{name}", 1, 4) = \'http\' '
                f"AND (instr(\"{name}\", ';') > 0 OR instr(\"{name}\", '=') > 0)"
            ).fetchall()
            stripped = [(without_visit_ids(link), *key) for link, *key in rows if without_visit_ids(link) != link]
            conn.executemany(f'UPDATE {table} SET "{name}" = ? WHERE {where}', stripped)
