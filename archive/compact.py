"""Packing an archive's pages (SQLite's VACUUM), keeping its search index true.

An archive grown crawl by crawl leaves its B-tree pages 70-90% full, and a migration
leaves the pages it freed in the file. VACUUM rewrites the file packed, in one
transaction: a failure (a full disk, a kill) leaves the archive as it was.

VACUUM may renumber the rowids of a table without an INTEGER PRIMARY KEY, and the
search index (`entries_fts`) points at `entries` by rowid. So the (rowid, entry_id)
pairs are compared before and after, and the index is rebuilt if they moved.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass

from .schema import transaction


@dataclass(frozen=True)
class Compacted:
    bytes_before: int
    bytes_after: int
    search_rebuilt: bool


def _rowid_digest(conn: sqlite3.Connection) -> str:
    digest = hashlib.sha256()
    for rowid, entry_id in conn.execute("SELECT rowid, entry_id FROM entries ORDER BY rowid"):
        digest.update(f"{rowid}\x00{entry_id}\x00".encode())
    return digest.hexdigest()


def file_bytes(path: str) -> int:
    """The archive's size on disk: the file and its -wal."""
    return sum(os.path.getsize(p) for p in (path, f"{path}-wal") if os.path.exists(p))


def compact(conn: sqlite3.Connection, path: str) -> Compacted:
    """VACUUM the archive at `path` through `conn`, a writer connection holding the archive's lock."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before, rowids = file_bytes(path), _rowid_digest(conn)
    conn.execute("VACUUM")
    rebuilt = _rowid_digest(conn) != rowids
    if rebuilt:
        with transaction(conn):
            conn.execute("INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the packed pages back in the file, the -wal emptied
    return Compacted(before, file_bytes(path), rebuilt)
