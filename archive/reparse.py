"""Re-run today's parsers over stored captures, without the network.

The versions this produces are recorded as coming from a parser change
(`source = 'reparse'`), never from the site, and a reparse marks nothing removed.
"""

from __future__ import annotations

import json

from crawler.entries import build_entries
from crawler.extract import extract_page
from crawler.extract.profiles import choose_profile
from crawler.validation import checked_entry

from .queries import latest_complete_crawl
from .record import SQL_CHUNK
from .store import Archive, Sighting


def reparse(archive: Archive, crawl_id: int | None = None) -> dict:
    """Reparse the captures of one crawl (default: the latest complete site crawl)."""
    conn = archive.conn
    if crawl_id is None:
        latest = latest_complete_crawl(conn)
        if not latest:
            raise ValueError("no complete crawl to reparse")
        crawl_id = latest[0]["id"]
    source = archive.crawl(crawl_id)
    if not source:
        raise ValueError(f"no crawl {crawl_id} in this archive")
    profile_name = json.loads(source.get("settings") or "{}").get("profile") or (
        "ilo" if source["spider"] == "ilo" else "auto"
    )
    captures = conn.execute(
        "SELECT id, url, listing_url, page FROM captures WHERE crawl_id=? AND status IN (200, 304) AND digest IS NOT NULL ORDER BY id",
        (crawl_id,),
    ).fetchall()
    new_id = archive.begin_crawl(
        source["spider"],
        json.loads(source["start_urls"]),
        {"reparse_of": crawl_id, "profile": profile_name},
        source="reparse",
    )
    listings: dict[str, dict] = {}
    batch = []
    for cap in captures:
        body = archive.capture_body(cap["id"])
        profile = choose_profile(profile_name, cap["url"])
        page = extract_page(body, cap["url"], profile or "auto")
        listing_url = cap["listing_url"] or cap["url"]
        for entry in filter(None, map(checked_entry, build_entries(page, cap["url"], listing_url, profile))):
            batch.append(
                (entry, Sighting(listing_url, cap["url"], cap["page"], entry["group"], entry["position"], cap["id"]))
            )
        state = listings.setdefault(listing_url, {"pages_fetched": 0, "pages_failed": 0, "complete": False})
        state["pages_fetched"] += 1
    for start in range(0, len(batch), SQL_CHUNK):
        archive.record_entries(new_id, batch[start : start + SQL_CHUNK])
    return archive.finish_crawl(
        new_id, listings, status="complete", note=f"reparse of crawl {crawl_id} with this release's parsers"
    )
