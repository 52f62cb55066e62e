"""An id, once given, stays while its entry is listed (docs/schema.md, "What identifies an entry"). A profile edited
between two crawls may key the same entries otherwise (a `document_id` added: a number read from the page, not the
link): each entry then came under a new id, the old one marked removed, "new N, removed N" with every link still on
the page and every entry's history broken in two (issue 20). The writer gives such an entry the id the archive holds
it under: an entry whose id the archive does not have, alone in the batch on its link, keeps the id of the one entry
seen on that listing since its last complete crawl, listed, on the same link, and not read in this crawl under its
own id. Keeping the stored id (rather than re-keying the stored rows) leaves history, diffs and exports untouched:
a version is written only where a field changed. Links shared by entries and `#…` ids are the told-apart rule's
(archive/told_apart.py); entries without a link, the lost-links rule's (archive/lost_links.py).
"""

from __future__ import annotations

import sqlite3
from collections import Counter

from crawler.parsers.ids import HASHED_ID

from .record import stored_entries
from .session import CrawlSession, Sighting

# {link: [id]} of entries seen on a listing since its last complete crawl before this one, listed, keyed by a link.
_ON_LINKS = """SELECT DISTINCT e.url, e.entry_id
FROM sightings s JOIN entries e USING (entry_id)
WHERE s.crawl_id >= (SELECT coalesce(max(crawl_id), 0) FROM listing_crawls
                     WHERE listing_url = :listing AND complete = 1 AND crawl_id < :crawl)
  AND s.crawl_id < :crawl AND s.listing_url = :listing AND e.url IS NOT NULL
  AND e.status = 'listed' AND instr(e.entry_id, '#') = 0"""


def keep_stored_ids(conn: sqlite3.Connection, session: CrawlSession, batch: list[tuple[dict, Sighting]]) -> None:
    """Give each entry of `batch` whose id the archive lacks the id its link's one entry has on that listing."""
    ids = [entry["entry_id"] for entry, _ in batch]
    if not ids:
        return
    links = Counter((where.listing_url, entry.get("url")) for entry, where in batch)
    asked = [eid for eid in set(ids) - session.seen if "#" not in eid and not eid.startswith(HASHED_ID)]
    held = set(stored_entries(conn, asked)) | session.seen.intersection(ids)  # the crawl's own ids are held too
    unknown = [
        (entry, where)
        for entry, where in batch
        if entry.get("url")
        and entry["entry_id"] not in held
        and links[where.listing_url, entry.get("url")] == 1
        and "#" not in entry["entry_id"]
        and not entry["entry_id"].startswith(HASHED_ID)
    ]
    taken = set(ids)  # with session.seen: an id read in this crawl under itself, or given once already
    on_links: dict[str, dict[str, list[str]]] = {}
    for entry, where in unknown:
        if where.listing_url not in on_links:
            on_links[where.listing_url] = _on_links(conn, session, where.listing_url)
        stored = on_links[where.listing_url].get(entry["url"], [])
        if len(stored) == 1 and stored[0] not in taken and stored[0] not in session.seen:
            entry["entry_id"] = stored[0]
            taken.add(stored[0])


def _on_links(conn: sqlite3.Connection, session: CrawlSession, listing: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for url, eid in conn.execute(_ON_LINKS, {"listing": listing, "crawl": session.crawl_id}):
        found.setdefault(url, []).append(eid)
    return found
