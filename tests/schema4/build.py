"""Build the schema-4 archive in archive.sql and what the release that wrote it read from it (expected.json).

Run once with the release before schema 5 (commit 73d7915):
    .venv/bin/python tests/schema4/build.py
tests/test_schema_migration.py migrates a copy of it and reads the same history, diff and export.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

import archive.store as store  # noqa: E402
from archive.diff import diff  # noqa: E402
from archive.queries import export_rows, history  # noqa: E402
from archive.store import Archive, Sighting  # noqa: E402
from crawler.field_table import FIELDS  # noqa: E402

L1, L2 = "https://www.ilo.org/a/lang--en/index.htm", "https://www.ilo.org/b/lang--en/index.htm"
CLOCK = [datetime(2024, 1, 1, tzinfo=UTC)]


def tick() -> str:
    CLOCK[0] += timedelta(hours=7)
    return CLOCK[0].isoformat(timespec="seconds")


def entry(eid: str, n: int = 0, listing: str = L1, **fields) -> dict:
    base = {f: None for f in FIELDS}
    base.update(
        entry_id=eid,
        url=f"https://www.ilo.org/x/{eid}/lang--en/index.htm",
        title=f"Title of {eid}",
        description=f"About {eid}",
        organisers=["ILO"],
        listing_url=listing,
        listing_title="Listing " + listing[-20:-18],
        group="January 2024",
        group_month="2024-01",
        position=1,
        language="en",
        date_text="1 January 2024",
        date_start="2024-01-01",
        date_end="2024-01-01",
        date_precision="day",
    )
    base.update(fields)
    return base


def rounds():
    """Eleven crawls: new, changed (past the second keyframe), emptied, removed, restored, partial, reparse."""
    out = []
    for n in range(11):
        items = []
        items.append((entry("WCMS_1", title=f"Changing title {n}", position=1 + n % 3), L1))
        if n not in (3, 4):
            items.append(
                (entry("WCMS_2", description=None if n >= 6 else "Kept", credit="© ILO" if n < 5 else None), L1)
            )
        if n >= 2:
            items.append((entry("WCMS_3", listing=L2, organisers=["ILO", "UNDP"][: 1 + n % 2]), L2))
        if n < 7 or n >= 9:
            items.append((entry("WCMS_4", listing=L2, title="Four" if n < 9 else "Four, back and renamed"), L2))
        items.append(
            (entry("https://example.org/doc?id=5", url="https://example.org/doc?id=5", title=f"Five {n // 4}"), L1)
        )
        items.append((entry(f"WCMS_{100 + n}", title=f"Only in crawl {n}"), L1))
        out.append(items)
    return out


def crawl(a: Archive, n: int, items) -> None:
    source = "reparse" if n == 8 else "site"
    session = a.begin_crawl("ilo", [L1, L2], source=source)
    a.record_entries(session, [(e, Sighting(listing, listing, 1, e["group"], e["position"])) for e, listing in items])
    partial = n == 5
    listings = {
        u: {"pages_fetched": 1, "pages_failed": int(partial and u == L2), "complete": not partial} for u in (L1, L2)
    }
    a.finish_crawl(session, listings, status="complete" if source == "reparse" else None)


def outputs(conn) -> dict:
    ids = [r[0] for r in conn.execute("SELECT entry_id FROM entries ORDER BY entry_id")]
    crawls = [r[0] for r in conn.execute("SELECT id FROM crawls ORDER BY id")]
    stamps = [r[0] for r in conn.execute("SELECT started_at FROM crawls ORDER BY id")]
    out = {"history": {eid: history(conn, eid) for eid in ids}, "diff": {}, "export": {}}
    pairs = [(None, hi) for hi in crawls] + [(hi - 1, hi) for hi in crawls[1:]] + [(1, 11), (3, 7), (5, 10)]
    for lo, hi in pairs:
        before = dict(conn.execute("SELECT * FROM crawls WHERE id=?", (lo,)).fetchone()) if lo else None
        after = dict(conn.execute("SELECT * FROM crawls WHERE id=?", (hi,)).fetchone())
        out["diff"][f"{lo}-{hi}"] = diff(conn, before, after)
    for when in [None, "2024-01-01", *stamps, stamps[4][:10], "2030"]:
        for removed in (False, True):
            out["export"][f"{when}-{removed}"] = list(export_rows(conn, when, include_removed=removed))
    return json.loads(json.dumps(out))


def main() -> None:
    store.now = tick
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.db"
        with Archive(path) as a:
            for n, items in enumerate(rounds()):
                crawl(a, n, items)
            a.conn.row_factory = sqlite3.Row
            expected = outputs(a.conn)
            a.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn = sqlite3.connect(path)
        for name in ("entries_fts_ai", "entries_fts_ad", "entries_fts_au"):  # the search index is made again when
            conn.execute(f"DROP TRIGGER {name}")  # the dump is loaded (iterdump cannot write an FTS5 table)
        conn.execute("DROP TABLE entries_fts")
        (HERE / "archive.sql").write_text("\n".join(conn.iterdump()) + "\n", encoding="utf-8")
        conn.close()
    (HERE / "expected.json").write_text(json.dumps(expected, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
