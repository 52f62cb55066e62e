"""A reparse of older pages leaves the present alone: which of its entries a later crawl has superseded.

An entry's current state (entries) is what the latest page it was seen on said. A
reparse reads the pages of one crawl; for an entry a later site crawl saw, those pages
are not the latest, so the reparse writes no version and no current value for it: it
only counts it, and says how many today's parsers read differently from what that
crawl recorded (a version cannot be slipped into history before later ones).

Evidence of an entry is a sighting: a site crawl's sighting speaks for that crawl; a
reparse's sighting speaks for the crawl whose page it read, never for the reparse's own
(later) id, so reparsing old pages never makes them look recent.
"""

from __future__ import annotations

from .compare import changed_fields
from .versions import full_records

_CHUNK = 400

# The site crawl a sighting s speaks for (needs crawls k on s.crawl_id and captures c on s.capture_id).
EVIDENCE_CRAWL = "CASE WHEN k.source = 'site' THEN s.crawl_id ELSE c.crawl_id END"
EVIDENCE_JOINS = "JOIN crawls k ON k.id = s.crawl_id LEFT JOIN captures c ON c.id = s.capture_id"


def read_from(conn, capture_ids) -> dict[int, tuple[int, str]]:
    """{capture id: (its crawl, its page url)}."""
    ids = sorted({c for c in capture_ids if c is not None})
    found = {}
    for start in range(0, len(ids), _CHUNK):
        part = ids[start : start + _CHUNK]
        rows = conn.execute(f"SELECT id, crawl_id, url FROM captures WHERE id IN ({','.join('?' * len(part))})", part)
        found.update({r[0]: (r[1], r[2]) for r in rows})
    return found


def latest_evidence(conn, entry_ids) -> dict[str, int]:
    """{entry id: the latest site crawl whose pages showed it}."""
    ids = sorted(set(entry_ids))
    found = {}
    for start in range(0, len(ids), _CHUNK):
        part = ids[start : start + _CHUNK]
        rows = conn.execute(
            f"SELECT s.entry_id, max({EVIDENCE_CRAWL}) FROM sightings s {EVIDENCE_JOINS} "
            f"WHERE s.entry_id IN ({','.join('?' * len(part))}) GROUP BY s.entry_id",
            part,
        )
        found.update({r[0]: r[1] for r in rows if r[1] is not None})
    return found


def superseded(conn, batch, known: set[str]) -> dict[str, int]:
    """{entry id: the crawl whose page the reparse read it from} for the batch's entries a later crawl superseded.

    A known entry is superseded when a later site crawl showed it; an entry the archive
    does not know (today's parsers name it anew) when its page was fetched again since."""
    pages = read_from(conn, (where.capture_id for _, where in batch))
    evidence = latest_evidence(conn, [e["entry_id"] for e, _ in batch])
    refetched: dict[int, bool] = {}
    out = {}
    for entry, where in batch:
        crawl_id, url = pages.get(where.capture_id, (None, None))
        if crawl_id is None:
            continue
        eid = entry["entry_id"]
        if eid in known:
            later = evidence.get(eid, crawl_id) > crawl_id
        else:
            if where.capture_id not in refetched:
                refetched[where.capture_id] = _fetched_since(conn, url, crawl_id)
            later = refetched[where.capture_id]
        if later:
            out[eid] = crawl_id
    return out


def _fetched_since(conn, url: str, crawl_id: int) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM captures p JOIN crawls k ON k.id = p.crawl_id WHERE p.url = ? AND p.crawl_id > ? "
            "AND k.source = 'site' AND p.digest IS NOT NULL LIMIT 1",
            (url, crawl_id),
        ).fetchone()
        is not None
    )


def read_differently(conn, held: list[tuple[dict, int]], ignore=()) -> list[str]:
    """Entry ids whose reading now differs from the version their crawl had recorded (as of that crawl)."""
    as_of = {}
    for entry, crawl_id in held:
        row = conn.execute(
            "SELECT max(version) FROM entry_versions WHERE entry_id = ? AND crawl_id <= ?",
            (entry["entry_id"], crawl_id),
        ).fetchone()
        if row[0] is not None:
            as_of[entry["entry_id"]] = row[0]
    records = full_records(conn, as_of.items())
    return [
        entry["entry_id"]
        for entry, _ in held
        if entry["entry_id"] not in as_of
        or changed_fields(records.get((entry["entry_id"], as_of[entry["entry_id"]])), entry, ignore)
    ]
