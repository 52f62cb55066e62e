"""`compact`: the file packed, the archive reading exactly as before, and no harm when it cannot run."""

import json
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, cli
from helpers import news_entry, record_crawl

import archive.compact
from archive.locking import archive_lock
from archive.queries import search
from archive.store import Archive, integrity_ok


def readings(db) -> dict:
    """What researchers read from the archive: every entry as of two dates, a search, every history."""
    out = {
        "export": cli("export", "--db", db, "--format", "jsonl", "--include-removed", check=0).stdout,
        "as_of": cli("export", "--db", db, "--format", "jsonl", "--as-of", "2023-01-01", check=0).stdout,
        "search": cli("search", "--db", db, "title", "--format", "jsonl", check=0).stdout,
    }
    ids = [json.loads(line)["entry_id"] for line in out["export"].splitlines()]
    out["histories"] = [cli("history", ids_, "--db", db, "--format", "json", check=0).stdout for ids_ in ids]
    return out


def schema4_archive(path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript((ROOT / "tests" / "schema4" / "archive.sql").read_text(encoding="utf-8"))
    conn.close()


def test_a_migrated_archive_reads_the_same_after_compact(tmp_path):
    db = tmp_path / "old.db"
    schema4_archive(db)
    cli("migrate", "--db", db, check=0)
    before = readings(db)
    assert before["search"].count("\n") > 1 and before["export"].count("\n") > 1
    result = cli("compact", "--db", db, check=0)
    assert result.stdout.startswith(f"compacted {db}: ") and "MB ->" in result.stdout
    assert readings(db) == before and integrity_ok(str(db))


def test_an_archive_grown_crawl_by_crawl_gets_smaller_and_reads_the_same(tmp_path):
    db = tmp_path / "grown.db"
    rng = random.Random(7)
    with Archive(db) as a:
        for n in range(6):  # each crawl changes a different random third of the entries: pages split at random
            changed = set(rng.sample(range(300), 100))
            record_crawl(
                a,
                [
                    news_entry(f"WCMS_{i}", description=f"Migrant workers {i} " * (3 + (i in changed) * n))
                    for i in range(300)
                ],
            )
    before, size = readings(db), archive.compact.file_bytes(str(db))
    cli("compact", "--db", db, check=0)
    assert archive.compact.file_bytes(str(db)) < size * 0.95
    assert readings(db) == before


class _RenumberingVacuum:
    """A writer connection whose VACUUM renumbers `entries`, as SQLite's may: the real digests see it."""

    def __init__(self, conn):
        self._conn = conn

    def __getattr__(self, name):
        return getattr(self._conn, name)

    def execute(self, sql, *args):
        cursor = self._conn.execute(sql, *args)
        if sql.strip().upper() == "VACUUM":
            self._conn.execute("UPDATE entries SET rowid = rowid + 100")
        return cursor


def test_entries_renumbered_by_vacuum_get_their_search_index_rebuilt(tmp_path):
    """VACUUM may renumber `entries`; the search index points at rowids, so compact rebuilds it then."""
    db = tmp_path / "a.db"
    with Archive(db) as a:
        record_crawl(a, [news_entry("WCMS_1", title="Migrant workers in Laos"), news_entry("WCMS_2", title="Skills")])
        done = archive.compact.compact(_RenumberingVacuum(a.conn), str(db))
        assert done.search_rebuilt
        assert a.conn.execute("SELECT min(rowid) FROM entries").fetchone()[0] > 100  # they did move
        assert [e["entry_id"] for e in search(a.conn, "migrant")] == ["WCMS_1"]


def test_an_unmoved_archive_keeps_its_index(tmp_path):
    db = tmp_path / "a.db"
    with Archive(db) as a:
        record_crawl(a, [news_entry(f"WCMS_{i}", title=f"Migrant workers {i}") for i in range(50)])
        done = archive.compact.compact(a.conn, str(db))
        assert not done.search_rebuilt and len(search(a.conn, "migrant")) == 50


def test_compact_waits_for_no_one_while_a_crawl_writes(tmp_path):
    db = tmp_path / "a.db"
    with Archive(db) as a:
        record_crawl(a, [news_entry("WCMS_1")])
    with archive_lock(str(db)):
        result = cli("compact", "--db", db)
    assert result.returncode == 75 and "another crawl is writing" in result.stderr
    assert "Traceback" not in result.stderr


def test_compact_on_a_full_disk_leaves_the_archive_as_it_was(small_disk):  # noqa: F811
    db = small_disk / "a.db"
    with Archive(db) as a:
        record_crawl(a, [news_entry(f"WCMS_{i}", description="Decent work " * 40 + str(i)) for i in range(120)])
    before = readings(db)
    filler = small_disk / "filler"
    free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
    filler.write_bytes(b"\0" * max(0, free - 8192))  # a few kB left: the packed copy cannot be written
    result = cli("compact", "--db", db)
    filler.unlink()
    assert result.returncode == 1 and "disk full" in result.stderr and "unchanged" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert integrity_ok(str(db)) and readings(db) == before
    assert cli("compact", "--db", db).returncode == 0


def test_a_reader_mid_read_neither_stalls_compact_nor_sees_a_doubled_size_reported(tmp_path):
    db = tmp_path / "grown.db"
    with Archive(db) as a:
        for n in range(4):
            record_crawl(
                a, [news_entry(f"WCMS_{i}", description=f"Decent work {i} " * (2 + (i + n) % 9)) for i in range(300)]
            )
    reader = sqlite3.connect(db, isolation_level=None)
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM entries").fetchone()[0] == 300  # holds the old pages
    with Archive(db) as a:
        done = archive.compact.compact(a.conn, str(db), reader_wait=0.1)
        assert done.waiting_for_readers and done.bytes_after < done.bytes_before
        assert reader.execute("SELECT count(*) FROM entries").fetchone()[0] == 300  # still reading
        reader.execute("COMMIT")
        a.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert archive.compact.file_bytes(str(db)) == done.bytes_after
    reader.close()


def test_a_compact_killed_after_its_vacuum_is_settled_by_the_next_writer(tmp_path):
    db = tmp_path / "a.db"
    with Archive(db) as a:
        record_crawl(a, [news_entry("WCMS_1", title="Migrant workers in Laos"), news_entry("WCMS_2", title="Skills")])
        a.conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (archive.compact.MARK, "digest before"))
        a.conn.execute("UPDATE entries SET rowid = rowid + 100")  # as a renumbering VACUUM, then the kill
    with Archive(db) as a:  # any writer: a crawl, migrate, compact
        assert [e["entry_id"] for e in search(a.conn, "migrant")] == ["WCMS_1"]
        assert a.conn.execute("SELECT count(*) FROM meta WHERE key = ?", (archive.compact.MARK,)).fetchone()[0] == 0


def test_compact_refuses_what_is_not_a_file(tmp_path):
    os.mkfifo(tmp_path / "pipe")  # opening it would wait for a writer: refused before that
    for target in (tmp_path / "pipe", "/dev/null"):
        result = cli("compact", "--db", target)
        assert result.returncode == 1 and "is not a file" in result.stderr and "Traceback" not in result.stderr
    assert not os.path.exists("/dev/null.lock")


def test_compact_says_when_it_migrated_first(tmp_path):
    db = tmp_path / "old.db"
    schema4_archive(db)
    result = cli("compact", "--db", db, check=0)
    assert result.stdout.startswith(f"migrated {db} from schema version 4 to ") and "compacted" in result.stdout


def test_a_full_temporary_folder_is_named_in_the_message(tmp_path, small_disk):  # noqa: F811
    db = tmp_path / "a.db"
    with Archive(db) as a:
        record_crawl(a, [news_entry(f"WCMS_{i}", description=os.urandom(3000).hex()) for i in range(300)])
    before = readings(db)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SQLITE_TMPDIR": str(small_disk)}
    result = subprocess.run(
        [sys.executable, "-m", "archive.cli", "compact", "--db", str(db)], capture_output=True, text=True, env=env
    )
    assert result.returncode == 1 and "disk full" in result.stderr and "temporary folder" in result.stderr
    assert "SQLITE_TMPDIR" in result.stderr and "Traceback" not in result.stderr
    assert readings(db) == before


def test_the_search_index_is_one_sqlite_utils_finds_and_an_older_one_is_remade(tmp_path):
    """`sqlite-utils search archive.db entries WORDS` works on an archive; one whose index an earlier release
    made as content='entries' (which sqlite-utils does not recognise) gets it remade, whole, at the next write."""
    import sqlite_utils

    db = tmp_path / "a.db"
    with Archive(db) as a:
        record_crawl(a, [news_entry("WCMS_1", title="Migrant workers in Laos"), news_entry("WCMS_2", title="Skills")])
        a.conn.execute("DROP TABLE entries_fts")
        a.conn.execute(
            "CREATE VIRTUAL TABLE entries_fts USING fts5(title, description, organisers, content='entries', "
            "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')"
        )
        assert sqlite_utils.Database(a.conn)["entries"].detect_fts() is None
    with Archive(db) as a:
        assert [e["entry_id"] for e in search(a.conn, "migrant")] == ["WCMS_1"]
    tool = str(Path(sys.executable).with_name("sqlite-utils"))
    found = subprocess.run(
        [tool, "search", str(db), "entries", "migrant", "-c", "entry_id"],
        capture_output=True,
        text=True,
    )
    assert found.returncode == 0 and '"entry_id": "WCMS_1"' in found.stdout, found.stderr


def test_compacting_a_packed_archive_again_reports_no_shrink(tmp_path):
    # Opening the writer puts pages in the -wal: counted as "before", a packed archive "shrank" each month.
    db = tmp_path / "packed.db"
    with Archive(db) as a:
        record_crawl(a, [news_entry(f"WCMS_{i}", description=f"Decent work {i} " * 5) for i in range(200)])
    cli("compact", "--db", db, check=0)
    packed_mb = f"{os.path.getsize(db) / 1e6:,.1f} MB"
    again = cli("compact", "--db", db, check=0).stdout
    assert again.startswith(f"compacted {db}: {packed_mb} -> {packed_mb}"), again
