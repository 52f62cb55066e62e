"""Opening an archive file: a writer's connection (it creates or migrates the schema) and a reader's
(read-only; it never changes the file, even where SQLite cannot write its -shm beside it)."""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
from pathlib import Path

from crawler.errors import ListingArchiveError

from .compact import settle_index
from .locking import ArchiveLocked
from .schema import SchemaError, check_readable, ensure_schema, schema_version
from .structure import check_structure


class ArchiveError(ListingArchiveError, RuntimeError):
    """An archive file that cannot be opened or used, with a message saying why."""


WRITER_WAIT = 30  # seconds a writer waits for another program's write lock before it gives up


def connect_writer(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=WRITER_WAIT, isolation_level=None, check_same_thread=False)
    try:
        found = schema_version(conn)
        if found == 0 and conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
            raise ArchiveError(f"{path} is a SQLite database but not a listing-archive archive: it is left alone")
        check_structure(conn, path, found)  # before anything is written: a damaged archive is not "repaired"
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        ensure_schema(conn)
        settle_index(conn)  # a `compact` killed after its VACUUM
    except sqlite3.OperationalError as exc:
        conn.close()
        if "readonly" in str(exc) or "read-only" in str(exc):
            raise ArchiveError(f"{path} is read-only to you: a command that changes it cannot run") from None
        if "locked" in str(exc) or "busy" in str(exc):  # busy, not broken: another program is writing to it
            raise ArchiveLocked(
                f"{path} is busy: another program holds its write lock ({exc}); nothing was changed, "
                "try again when it is done"
            ) from None
        raise
    except (ArchiveError, SchemaError):
        conn.close()
        raise
    return conn


def connect_readonly(path: str) -> sqlite3.Connection:
    """Read-only, for a copy or a folder the user cannot write to; the schema must be current."""
    uri = Path(path).resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=30, isolation_level=None)
        found = schema_version(conn)
    except sqlite3.OperationalError:
        conn = open_unwritable_wal(path)
        found = schema_version(conn)
    try:
        check_readable(found, path)
        check_structure(conn, path, found)
    except SchemaError:
        conn.close()
        raise
    return conn


def open_unwritable_wal(path: str) -> sqlite3.Connection:
    """A WAL archive in a folder we cannot write (SQLite cannot make its -shm there).

    With no -wal, nothing is pending: the file is read as it stands (immutable). With a
    -wal holding committed rows, those rows count: the archive is read from a private
    copy of the .db and its -wal, so the answer is never the .db file's alone.
    """
    wal = Path(f"{path}-wal")
    if not wal.exists() or wal.stat().st_size == 0:
        return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True, isolation_level=None)
    copy = Path(tempfile.mkdtemp(prefix="listing-archive-read-")) / "archive.db"
    atexit.register(shutil.rmtree, copy.parent, True)
    shutil.copyfile(path, copy)
    shutil.copyfile(wal, f"{copy}-wal")
    return sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True, isolation_level=None)
