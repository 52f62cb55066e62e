"""Entries whose link was lost: turned into a script link (`javascript:openItem(3)`, which no crawl can follow and the
extractor drops) or left out. The page then gives the entry the id of an entry without a link (a digest of its title
and listing), not the id its link gave it; yet it is the same entry, at the same place, and a crawl that reads it so
must neither mark it removed nor add it new (docs/schema.md, "What identifies an entry"). The writer matches such an
entry to the one the archive holds listed on that listing under a link's id, of the same title and date, seen there
since the listing's last complete crawl (at the same position, where several are), and writes it under that id: a
version that records the link gone (a change that empties a field waits for the crawl to prove healthy, as any).
Only an entry without a link that the archive does not hold by its own id is looked up, and each listing once a crawl.
"""

from __future__ import annotations

import sqlite3

from crawler.parsers.ids import HASHED_ID, title_key

from .session import CrawlSession, Sighting

# Entries seen on a listing since its last complete crawl before this one, listed, under a link's id.
_LINKED_ON = """SELECT DISTINCT e.entry_id, e.title, e.date_start, e.position
FROM sightings s JOIN entries e USING (entry_id)
WHERE s.crawl_id >= (SELECT coalesce(max(crawl_id), 0) FROM listing_crawls
                     WHERE listing_url = :listing AND complete = 1 AND crawl_id < :crawl)
  AND s.crawl_id < :crawl AND s.listing_url = :listing
  AND e.status = 'listed' AND substr(e.entry_id, 1, length(:hashed)) != :hashed"""


def keep_lost_links(
    conn: sqlite3.Connection, session: CrawlSession, batch: list[tuple[dict, Sighting]], held: dict
) -> list[str]:
    """Give each entry of `batch` without a link, that the archive does not hold (`held`: the stored rows by id),
    the id of the entry its link gave it before, where one matches; returns the ids so given."""
    given = []
    for entry, where in batch:
        eid = entry["entry_id"]
        if not eid.startswith(HASHED_ID) or eid in held:
            continue
        linked = _linked_on(conn, session, where.listing_url)
        same = linked.get((title_key(entry.get("title")), entry.get("date_start")), [])
        if len(same) > 1:
            same = [row for row in same if row[1] == where.position]
        if len(same) == 1:
            entry["entry_id"] = same[0][0]
            given.append(same[0][0])
    return given


def _linked_on(conn: sqlite3.Connection, session: CrawlSession, listing: str) -> dict[tuple, list[tuple]]:
    """{(title as ids read it, date): [(id, position)]} of the listing's entries under a link's id; once a crawl."""
    if listing not in session.linked:
        found: dict[tuple, list[tuple]] = {}
        for eid, title, day, position in conn.execute(
            _LINKED_ON, {"listing": listing, "crawl": session.crawl_id, "hashed": HASHED_ID}
        ):
            found.setdefault((title_key(title), day), []).append((eid, position))
        session.linked[listing] = found
    return session.linked[listing]
