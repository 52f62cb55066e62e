"""archive/upsert.py: a batch's entry rows go into `entries` in one statement, and the search index
its triggers keep stays exact through new, changed and removed entries."""

from helpers import news_entry, record_crawl

from archive.store import Archive


def index_segment_writes(conn) -> list[str]:
    """Watch FTS5 write the index's blocks (its own statements come to the trace as comments)."""
    seen: list[str] = []
    conn.set_trace_callback(lambda sql: seen.append(sql) if "INTO 'main'.'entries_fts_data'" in sql else None)
    return seen


def searched(conn, words: str) -> list[str]:
    rows = conn.execute(
        "SELECT e.entry_id FROM entries_fts JOIN entries e ON e.rowid = entries_fts.rowid "
        "WHERE entries_fts MATCH ? ORDER BY e.rowid",
        (words,),
    )
    return [r[0] for r in rows]


def index_matches_entries(conn) -> bool:
    """FTS5's own check of an external-content index against its table (raises when they differ)."""
    conn.execute("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)")
    return True


def test_a_batch_of_new_entries_is_one_statement_not_one_an_entry(tmp_path):
    # Each statement that fires the index's trigger makes FTS5 write a segment (and merge it with others):
    # row by row, some 900 block writes for these 300 entries, and 2.2x the work.
    with Archive(tmp_path / "a.db") as a:
        seen = index_segment_writes(a.conn)
        record_crawl(a, [news_entry(f"WCMS_{i}", title=f"Decent work report {i}") for i in range(300)])
        a.conn.set_trace_callback(None)
        assert 0 < len(seen) <= 10, len(seen)
        ids = [r[0] for r in a.conn.execute("SELECT entry_id FROM entries ORDER BY rowid")]
        assert ids == [f"WCMS_{i}" for i in range(300)]  # rowids in the order the crawl saw them, as before
        assert searched(a.conn, "decent") == ids
        assert searched(a.conn, "report 17") == ["WCMS_17"]
        assert index_matches_entries(a.conn)
        assert a.conn.execute("SELECT count(*) FROM temp.entry_upserts").fetchone()[0] == 0


def test_changed_and_removed_entries_leave_the_index_exact(tmp_path):
    with Archive(tmp_path / "a.db") as a:
        record_crawl(a, [news_entry(f"WCMS_{i}", title=f"Decent work report {i}") for i in range(40)])
        changed = [
            news_entry(f"WCMS_{i}", title=f"Green jobs note {i}" if i % 3 == 0 else f"Decent work report {i}")
            for i in range(30)  # 30-39 are gone from the listing
        ]
        record_crawl(a, changed)
        renamed = [f"WCMS_{i}" for i in range(0, 30, 3)]
        assert searched(a.conn, "green") == renamed
        assert not set(searched(a.conn, "decent")) & set(renamed)
        assert len(searched(a.conn, "decent")) == 40 - len(renamed)  # a removed entry is still archived, and found
        for table in ("entry_versions", "sightings", "entries"):  # the index follows a delete too
            a.conn.execute(f"DELETE FROM {table} WHERE entry_id = 'WCMS_3'")
        assert "WCMS_3" not in searched(a.conn, "green")
        assert index_matches_entries(a.conn)


def test_a_failed_batch_leaves_nothing_staged(tmp_path):
    with Archive(tmp_path / "a.db") as a:
        record_crawl(a, [news_entry("WCMS_1", title="First")])
        a.conn.execute("CREATE TEMP TRIGGER refuse BEFORE INSERT ON entries BEGIN SELECT RAISE(ABORT, 'no'); END")
        try:
            record_crawl(a, [news_entry("WCMS_2", title="Second")])
        except Exception:  # noqa: BLE001  (the write fails: what it leaves is the point)
            pass
        a.conn.execute("DROP TRIGGER temp.refuse")
        assert a.conn.execute("SELECT count(*) FROM temp.entry_upserts").fetchone()[0] == 0
        record_crawl(a, [news_entry("WCMS_3", title="Third")])
        assert searched(a.conn, "third") == ["WCMS_3"] and searched(a.conn, "second") == []
        assert index_matches_entries(a.conn)
