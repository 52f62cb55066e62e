"""Every command that reads an archive (or, for parse, a page), given a file that is not a usable one:
one clear line, a non-zero exit, no traceback, and the file exactly as it was.

The files: missing, empty, a folder, a corrupted archive, a text file, a FIFO, and archives
from which a table was dropped or a column renamed (a writer used to make the table again).
"""

import os
import sqlite3
import threading
from contextlib import contextmanager

import pytest
from conftest import SEED_URL, cli
from helpers import good_archive

from archive.store import Archive


def corrupted(path):
    """Every page but the first (the schema's) overwritten in part: SQLite says "malformed" on the first read."""
    data = bytearray(good_archive(path).read_bytes())
    for start in range(4096, len(data), 4096):
        data[start + 100 : start + 600] = b"\xde\xad\xbe\xef" * 125
    path.write_bytes(bytes(data))


def altered(sql):
    def make(path):
        with sqlite3.connect(good_archive(path)) as conn:
            conn.execute(sql)
        conn.close()

    return make


BAD_FILES = {
    "missing": lambda p: None,
    "empty": lambda p: p.write_bytes(b""),
    "folder": lambda p: p.mkdir(),
    "corrupted": corrupted,
    "not sqlite": lambda p: p.write_text("title,url\nForum,http://example.org/\n" * 200),
    "fifo": os.mkfifo,
    "entries dropped": altered("DROP TABLE entries"),
    "status renamed": altered("ALTER TABLE crawls RENAME COLUMN status TO state"),
}

COMMANDS = {
    "export": ["export", "--db", "{db}"],
    "history": ["history", "WCMS_1", "--db", "{db}"],
    "search": ["search", "forum", "--db", "{db}"],
    "diff": ["diff", "--db", "{db}"],
    "crawls": ["crawls", "--db", "{db}"],
    "schema": ["schema", "--db", "{db}"],
    "serve": ["serve", "--port", "0", "--db", "{db}"],
    "export-warc": ["export-warc", "-o", "{out}", "--db", "{db}"],
    "backup": ["backup", "{out}", "--db", "{db}"],
    "compact": ["compact", "--db", "{db}"],
    "migrate": ["migrate", "--db", "{db}"],
    "reparse": ["reparse", "--db", "{db}"],
    "parse": ["parse", "{db}", "--url", SEED_URL],
}


def state(path):
    """What says whether the file was touched (or made)."""
    if not os.path.lexists(path):
        return None
    stat = os.lstat(path)
    body = path.read_bytes() if path.is_file() else None
    return stat.st_mode, stat.st_ino, stat.st_mtime_ns, body


@contextmanager
def fifo_unblocked(path):
    """A command that (wrongly) opens the FIFO reads it empty instead of hanging the test."""
    if not path.is_fifo():
        yield
        return

    def writer():
        os.close(os.open(path, os.O_WRONLY))  # blocks until a reader opens the FIFO

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        yield
    finally:
        if thread.is_alive():  # nobody opened it (as it should be): let the writer go
            reader = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # held open until the writer's open returns
            thread.join(10)
            os.close(reader)
        thread.join(10)


# A text file is a page parse may read (it finds no entries in it); for every other command it is no archive.
PAIRS = [(c, k) for c in COMMANDS for k in BAD_FILES if (c, k) != ("parse", "not sqlite")]


@pytest.mark.parametrize("command,kind", PAIRS)
def test_a_bad_file_gets_one_line_and_is_left_alone(tmp_path, command, kind):
    db, out = tmp_path / "archive.db", tmp_path / "out.bin"
    BAD_FILES[kind](db)
    before = state(db)
    with fifo_unblocked(db):
        result = cli(*(a.format(db=db, out=out) for a in COMMANDS[command]), timeout=60)
    said = result.stdout + result.stderr
    errors = [line for line in said.splitlines() if line.startswith("Error:")]
    assert result.returncode != 0 and "Traceback" not in said, said
    assert len(errors) == 1 and (str(db) in errors[0] or "'--db'" in errors[0] or "'FILE'" in errors[0]), said
    if kind == "fifo":  # never opened, so never waited on
        assert "pipe" in errors[0], said
    assert state(db) == before
    assert not out.exists()
    assert not list(tmp_path.glob("*.lock"))  # nor a lock file beside it (reparse left one)


@pytest.mark.parametrize("kind", ["entries dropped", "status renamed"])
def test_a_damaged_archive_is_named_as_such(tmp_path, kind):
    db = tmp_path / "archive.db"
    BAD_FILES[kind](db)
    result = cli("export", "--db", db)
    missing = "table entries" if kind == "entries dropped" else "column crawls.status"
    assert result.returncode == 1 and "is a damaged archive" in result.stderr and missing in result.stderr


def test_a_crawl_into_an_archive_whose_entries_table_was_dropped_refuses(tmp_path):
    """It used to make the table again, empty, record a crawl into it and say COMPLETE."""
    db = tmp_path / "archive.db"
    BAD_FILES["entries dropped"](db)
    before = state(db)
    result = cli("crawl", "listing", "--db", db, "--start-url", "http://127.0.0.1:9/", timeout=120)
    assert result.returncode == 1 and "damaged archive (no table entries)" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "COMPLETE" not in result.stdout
    assert state(db) == before


def corrupt_table(db, table):
    """Overwrite the pages of one table: the archive opens, and fails when that table is read."""
    with sqlite3.connect(db) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,))]
    conn.close()
    data = bytearray(db.read_bytes())
    for page in pages:
        data[(page - 1) * size : page * size] = b"\xde\xad\xbe\xef" * (size // 4)
    db.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "args",
    [["export"], ["history", "WCMS_1"], ["search", "forum"], ["compact"]],
    ids=["export", "history", "search", "compact"],
)
def test_a_corrupted_table_gets_one_line_and_compact_writes_nothing(tmp_path, args):
    db = good_archive(tmp_path / "archive.db")
    corrupt_table(db, "entries")
    before = state(db)
    result = cli(*args, "--db", db)
    assert result.returncode == 1 and "is damaged" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert state(db) == before  # compact used to write its mark into the file before VACUUM failed


def test_a_crawl_on_a_disk_already_full_says_the_disk_is_full(tmp_path):
    """It used to say "not a usable archive: disk I/O error" (SQLite could not make the -shm file),
    and a new archive's crawl left an empty file behind that every later command called "an empty file"."""
    from faults import fill_up, small_filesystem

    made = good_archive(tmp_path / "archive.db")
    with small_filesystem("1m") as room:
        db, new = room / "archive.db", room / "new.db"
        db.write_bytes(made.read_bytes())
        fill_up(room, leave=0)
        before = state(db)
        for path in (db, new):
            result = cli("crawl", "listing", "--start-url", "http://127.0.0.1:9/", "--db", path)
            assert result.returncode == 1 and f"{path}: disk full" in result.stderr, result.stderr
        assert state(db) == before and not new.exists()


def test_tables_added_under_schema_5_without_a_new_version_are_not_damage(tmp_path):
    """An archive made before crawl_activity and body_dicts existed (same schema version) still reads and crawls."""
    db = altered("DROP TABLE crawl_activity")(tmp_path / "archive.db") or tmp_path / "archive.db"
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE body_dicts")
    conn.close()
    assert cli("export", "--db", db).returncode == 0
    with Archive(db):  # a writer makes them again, empty
        pass
    assert {"crawl_activity", "body_dicts"} <= {
        r[0] for r in sqlite3.connect(db).execute("SELECT name FROM sqlite_master")
    }


def test_an_archive_another_program_is_writing_to_is_busy_not_unusable(tmp_path, monkeypatch):
    """A second program holding SQLite's write lock (a `sqlite3` shell in a transaction) while a crawl opens the
    archive: the crawl said '... is not a usable archive: database is locked' after 30 s and exit 1."""
    import sqlite3

    from archive import connection
    from archive.locking import ArchiveLocked
    from archive.store import Archive
    from crawler.errors import EXIT_LOCKED

    db = tmp_path / "a.db"
    Archive(db).close()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(connection, "WRITER_WAIT", 0.1)
    try:
        with pytest.raises(ArchiveLocked, match="busy: another program holds its write lock") as raised:
            Archive(db)
        assert raised.value.exit_code == EXIT_LOCKED
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert Archive(db, readonly=True).conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
