"""The report's chart: new, changed, removed and restored entries per listing in each of the last crawls.

Counting a crawl's events means reading each of them with its entry's listing: a
million rows after the first crawl of a big site, and eight crawls a chart. So a site
crawl's counts are kept when it finishes (table `crawl_activity`, one row a crawl), and
the chart reads eight rows. A crawl without kept counts (one killed before it finished,
or one finished by an earlier release) is counted from its events when asked.

An entry counts under the listing it was on when the crawl finished; for a crawl
counted when asked, under the listing it is on now.
"""

from __future__ import annotations

import json
import sqlite3

KINDS = ("new", "changed", "removed", "restored")

# (listing_url, listing title or URL, kind, count) of one crawl's events, by listing then kind.
_COUNT_SQL = """SELECT e.listing_url, coalesce(e.listing_title, e.listing_url), ev.kind, count(*)
    FROM (SELECT entry_id, CASE version WHEN 1 THEN 'new' ELSE 'changed' END AS kind
          FROM entry_versions WHERE crawl_id = :crawl
          UNION ALL SELECT entry_id, kind FROM status_events WHERE crawl_id = :crawl) ev
    JOIN entries e ON e.entry_id = ev.entry_id
    GROUP BY e.listing_url, ev.kind"""


def count_events(conn: sqlite3.Connection, crawl_id: int) -> list[list]:
    """[[listing_url, listing, kind, n]] of crawl `crawl_id`'s events, each entry under its listing now."""
    return [list(row) for row in conn.execute(_COUNT_SQL, {"crawl": crawl_id})]


def keep_counts(conn: sqlite3.Connection, crawl_id: int) -> None:
    """Keep a finished site crawl's counts (inside the transaction that finishes it)."""
    source = conn.execute("SELECT source FROM crawls WHERE id = ?", (crawl_id,)).fetchone()
    if source and source[0] == "site":
        conn.execute(
            "INSERT OR REPLACE INTO crawl_activity (crawl_id, counts) VALUES (?, ?)",
            (crawl_id, json.dumps(count_events(conn, crawl_id), ensure_ascii=False)),
        )


def _kept(conn: sqlite3.Connection, ids: list[int]) -> dict[int, list]:
    """{crawl id: its kept counts}; none in an archive that has no table for them (one not yet opened to write)."""
    if not ids or not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'crawl_activity'").fetchone():
        return {}
    marks = ",".join("?" * len(ids))
    rows = conn.execute(f"SELECT crawl_id, counts FROM crawl_activity WHERE crawl_id IN ({marks})", ids)
    return {crawl_id: json.loads(counts) for crawl_id, counts in rows}


def activity(conn: sqlite3.Connection, to_id: int, listing: str | None = None, crawls: int = 8) -> dict:
    """{"crawls": the last `crawls` site crawls up to `to_id`, oldest first, "rows": one per crawl and listing
    with its count of each kind}: the data of the report's chart."""
    recent = [
        dict(r)
        for r in conn.execute(
            "SELECT id, started_at, status FROM crawls WHERE id <= ? AND source = 'site' AND status != 'running' "
            "ORDER BY id DESC LIMIT ?",
            (to_id, crawls),
        )
    ][::-1]
    kept = _kept(conn, [c["id"] for c in recent])
    out: dict[tuple, dict] = {}
    for crawl in recent:
        counts = kept.get(crawl["id"])
        for listing_url, name, kind, n in counts if counts is not None else count_events(conn, crawl["id"]):
            if listing and listing_url != listing:
                continue
            row = out.setdefault(
                (crawl["id"], listing_url),
                {
                    "crawl": crawl["id"],
                    "started_at": crawl["started_at"],
                    "listing": name,
                    "listing_url": listing_url,
                    **dict.fromkeys(KINDS, 0),
                },
            )
            row[kind] = n
    return {"crawls": recent, "rows": list(out.values())}
