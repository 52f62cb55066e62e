"""Which entries a complete crawl marks removed, and which it holds back.

An entry is removed when a listing read whole, in a crawl that is not suspect, no longer
shows it and no other listing still does. One case is held back: an entry missing
exactly between two pages of this crawl (its neighbours in the crawl that last saw it sit
on different pages now). A site that deletes an item while the crawl is between its pages
shifts every later item up one place, so the first item of the next page slides onto the
page already read and is missed though still listed. From one reading that cannot be
told from a real deletion at the seam, so such an entry is removed only by the second
complete crawl that misses it.
"""

from __future__ import annotations

import sqlite3

from .record import STATUS_EVENT
from .superseded import EVIDENCE_CRAWL, EVIDENCE_JOINS


def mark_removed(conn: sqlite3.Connection, crawl_id: int, stamp: str) -> tuple[int, int]:
    """Mark this crawl's missing entries removed; returns (removed, held back at a page seam)."""
    rows = conn.execute("SELECT listing_url FROM listing_crawls WHERE crawl_id=? AND complete=1", (crawl_id,))
    complete = [r[0] for r in rows]
    candidates = _unsighted(conn, crawl_id, set(complete))
    removed: set[str] = set()
    held: set[str] = set()
    for listing in complete:
        missing = candidates.get(listing)
        if not missing:
            continue  # the usual case: nothing missing, so no seam to read
        seams = _Seams(conn, listing, crawl_id)
        for eid in missing:
            if eid in removed or _listed_elsewhere(conn, eid, listing, crawl_id):
                continue  # removed already for a listing before this one (no longer listed)
            if seams.holds_back(eid):
                held.add(eid)
                continue
            version = conn.execute("SELECT version FROM entries WHERE entry_id=?", (eid,)).fetchone()[0]
            conn.execute(
                "UPDATE entries SET status='removed', removed_at=?, removed_crawl=? WHERE entry_id=?",
                (stamp, crawl_id, eid),
            )
            conn.execute(STATUS_EVENT, (crawl_id, eid, "removed", version, stamp))
            removed.add(eid)
    return len(removed), len(held - removed)


# How a crawl's note says it held entries back (`crawls` shows that part of a complete crawl's note).
HELD_BACK_SAYS = "not marked removed yet: missing exactly between two pages"


def held_back_count(note: str | None) -> int:
    """How many missing entries a crawl's note says it held back (0 for none). Only its last part, word for
    word: earlier parts quote what a site sent (a bad status line, "; " and all) and could claim any count."""
    last = (note or "").rsplit("; ", 1)[-1]
    first = last.split(" ", 1)[0]
    return int(first) if first.isdigit() and last == held_back_note(int(first)) else 0


def held_back_note(held: int) -> str | None:
    """What the crawl's note says of the entries it held back: one part of it, so no "; " (which joins them)."""
    if not held:
        return None
    noun, them = ("entry", "it") if held == 1 else ("entries", "them")
    return (
        f"{held} missing {noun} not marked removed yet: missing exactly between two pages, where items shifting "
        f"while the crawl read the pages would hide {them}, so the next complete crawl that misses {them} marks "
        f"{them} removed"
    )


class _Seams:
    """One listing's page seams in this crawl, against the order an earlier crawl saw its entries in."""

    def __init__(self, conn: sqlite3.Connection, listing: str, crawl_id: int):
        self.conn, self.listing, self.crawl_id = conn, listing, crawl_id
        self.pages_now = dict(
            conn.execute(
                "SELECT entry_id, page FROM sightings WHERE crawl_id=? AND listing_url=? AND page IS NOT NULL",
                (crawl_id, listing),
            ).fetchall()
        )
        self.orders: dict[int, list[str]] = {}

    def holds_back(self, entry_id: str) -> bool:
        """Missing between two pages of this crawl, and no complete crawl since the one that last saw it."""
        if len(set(self.pages_now.values())) < 2:
            return False
        last_seen = self.conn.execute(
            "SELECT max(s.crawl_id) FROM sightings s JOIN crawls k ON k.id = s.crawl_id "
            "WHERE s.entry_id=? AND s.listing_url=? AND s.crawl_id < ? AND k.source = 'site'",
            (entry_id, self.listing, self.crawl_id),
        ).fetchone()[0]
        if last_seen is None or self._missed_before(last_seen):
            return False
        order = self._order(last_seen)
        at = order.index(entry_id) if entry_id in order else -1
        if at < 0:
            return False
        before = next((self.pages_now[e] for e in reversed(order[:at]) if e in self.pages_now), None)
        after = next((self.pages_now[e] for e in order[at + 1 :] if e in self.pages_now), None)
        return before is not None and after is not None and before != after

    def _missed_before(self, last_seen: int) -> bool:
        """A complete crawl of this listing after `last_seen` and before this one missed it already."""
        return bool(
            self.conn.execute(
                "SELECT 1 FROM listing_crawls WHERE listing_url=? AND complete=1 AND crawl_id > ? AND crawl_id < ? "
                "LIMIT 1",
                (self.listing, last_seen, self.crawl_id),
            ).fetchone()
        )

    def _order(self, crawl_id: int) -> list[str]:
        if crawl_id not in self.orders:
            rows = self.conn.execute(
                "SELECT entry_id FROM sightings WHERE crawl_id=? AND listing_url=? AND page IS NOT NULL "
                "ORDER BY page, rowid",  # written in page order; position restarts in each group
                (crawl_id, self.listing),
            )
            self.orders[crawl_id] = [r[0] for r in rows]
        return self.orders[crawl_id]


def _unsighted(conn: sqlite3.Connection, crawl_id: int, listings: set[str]) -> dict[str, list[str]]:
    """{listing: entries listed, seen on it by an earlier crawl, and not seen by this one}. From the listed
    entries (CROSS JOIN keeps them the outer loop) to their sightings: one pass, where a query a listing
    read every sighting of every crawl (the archive's whole history, again for each listing)."""
    found: dict[str, list[str]] = {}
    rows = conn.execute(
        """SELECT DISTINCT s.listing_url, s.entry_id FROM entries e CROSS JOIN sightings s
           WHERE s.entry_id = e.entry_id AND e.status = 'listed' AND s.crawl_id < ?
             AND e.entry_id NOT IN (SELECT entry_id FROM sightings WHERE crawl_id = ?)""",
        (crawl_id, crawl_id),
    )
    for listing, eid in rows:
        if listing in listings:
            found.setdefault(listing, []).append(eid)
    return found


def _listed_elsewhere(conn: sqlite3.Connection, entry_id: str, listing: str, crawl_id: int) -> bool:
    """Still listed on another listing that no complete crawl has since found without it."""
    rows = conn.execute(  # a reparse of old pages speaks for the crawl that fetched them, not for itself
        f"SELECT s.listing_url, max({EVIDENCE_CRAWL}) FROM sightings s {EVIDENCE_JOINS} "
        "WHERE s.entry_id=? AND s.listing_url != ? GROUP BY s.listing_url",
        (entry_id, listing),
    ).fetchall()
    for other, last_seen_in in rows:
        if last_seen_in is None:
            continue
        later_complete = conn.execute(
            "SELECT 1 FROM listing_crawls WHERE listing_url=? AND complete=1 AND crawl_id > ? AND crawl_id <= ? "
            "LIMIT 1",
            (other, last_seen_in, crawl_id),
        ).fetchone()
        if not later_complete:
            return True
    return False
