"""serve's feed of new entries and its "new since" query answer what the `events` view
answers, without reading the view whole (it is a union over every version)."""

import sqlite3

from archive.serve import QUERIES
from archive.serve_plugin import NEWEST_NEW_SQL
from archive.store import Archive, Sighting
from benchmarks.archive import LISTING, record

BY_VIEW = (
    "SELECT e.entry_id, ev.at, ev.crawl_id FROM events ev JOIN entries e USING (entry_id) "
    "WHERE ev.kind = 'new' ORDER BY ev.crawl_id DESC, ev.entry_id DESC LIMIT 100"
)


def crawled(db: str) -> None:
    """Three crawls: 80 entries, then 60 new and 30 changed, then 40 new and 30 changed."""
    archive = Archive(db)
    for upto, version in [(80, 1), (140, 2), (180, 3)]:
        session = archive.begin_crawl("ilo", [LISTING])
        batch = []
        for i in range(upto):
            e = record(i, version if i < 30 else 1)
            batch.append((e, Sighting(LISTING, LISTING, 1, e["group"], e["position"])))
        archive.record_entries(session, batch)
        archive.finish_crawl(session, {LISTING: {"pages_fetched": 1, "complete": True}})
    archive.close()


def test_the_feed_and_new_since_match_the_events_view(tmp_path):
    db = str(tmp_path / "a.db")
    crawled(db)
    conn = sqlite3.connect(db)
    try:
        feed = [(r[0], r[-2], r[-1]) for r in conn.execute(NEWEST_NEW_SQL)]
        assert feed == conn.execute(BY_VIEW).fetchall()
        assert len(feed) == 100
        plan = " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + NEWEST_NEW_SQL))
        assert "idx_versions_crawl" in plan and "events" not in plan
        since = feed[50][1]
        new_since = conn.execute(QUERIES["new_since"]["sql"], {"since": since}).fetchall()
        by_view = conn.execute(
            "SELECT entry_id FROM events WHERE kind = 'new' AND at >= ? ORDER BY entry_id", (since,)
        ).fetchall()
        assert sorted(r[0] for r in new_since) == [r[0] for r in by_view]
        assert new_since
    finally:
        conn.close()
