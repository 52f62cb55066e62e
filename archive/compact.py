"""Packing an archive's pages (SQLite's VACUUM), keeping its search index true.

An archive grown crawl by crawl leaves its B-tree pages 70-90% full, and a migration
leaves the pages it freed in the file. VACUUM rewrites the file packed, in one
transaction: a failure (a full disk, a kill) leaves the archive as it was. It needs
free space for two copies: a temporary one in SQLite's temporary folder and the
packed pages beside the archive (in its -wal until the checkpoint).

VACUUM may renumber the rowids of a table without an INTEGER PRIMARY KEY, and the
search index (`entries_fts`) points at `entries` by rowid. So a digest of the
(rowid, entry_id) pairs is kept in `meta` before the VACUUM and compared after it;
the index is rebuilt if they moved. The mark is cleared in the transaction that
settles it, so a compact killed in between is settled when a writer next opens the archive.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass

import sqlite_utils

from .schema import transaction

MARK = "compact_rowids"  # meta key: the digest of entries' rowids taken before a VACUUM not yet settled
TEMP_HELP = (
    "compacting needs free space for two copies of the archive: one in SQLite's temporary folder "
    "(SQLITE_TMPDIR, else TMPDIR, else /var/tmp or /tmp) and one beside the archive"
)


@dataclass(frozen=True)
class Compacted:
    bytes_before: int
    bytes_after: int  # the packed file's size
    search_rebuilt: bool
    waiting_for_readers: bool  # a reader still holds the old pages: the file shrinks when it lets go


def _rowid_digest(conn: sqlite3.Connection) -> str:
    digest = hashlib.sha256()
    for rowid, entry_id in conn.execute("SELECT rowid, entry_id FROM entries ORDER BY rowid"):
        digest.update(f"{rowid}\x00{entry_id}\x00".encode())
    return digest.hexdigest()


def file_bytes(path: str) -> int:
    """The archive's size on disk: the file and its -wal."""
    return sum(os.path.getsize(p) for p in (path, f"{path}-wal") if os.path.exists(p))


def settle_index(conn: sqlite3.Connection) -> bool:
    """After a VACUUM marked in `meta`: rebuild the search index if entries' rowids moved, and clear the mark.
    Returns whether it rebuilt. Cheap when there is no mark (every writer's open asks)."""
    entries = sqlite_utils.Database(conn)["entries"]
    if entries.detect_fts() is None:
        return False
    mark = conn.execute("SELECT value FROM meta WHERE key = ?", (MARK,)).fetchone()
    if mark is None:
        return False
    moved = _rowid_digest(conn) != mark[0]
    with transaction(conn):
        if moved:
            entries.rebuild_fts()
        conn.execute("DELETE FROM meta WHERE key = ?", (MARK,))
    return moved


def compact(
    conn: sqlite3.Connection, path: str, reader_wait: float = 5.0, bytes_before: int | None = None
) -> Compacted:
    """VACUUM the archive at `path` through `conn`, an Archive writer's connection (opening it settled any
    compact killed before) holding the archive's lock.

    Readers go on reading the old pages; the packed file replaces them at the checkpoint, which waits
    `reader_wait` seconds for them and otherwise is left to the next write. `bytes_before`: the size measured
    before `conn` was opened (opening a writer adds to the -wal), else measured now."""
    before = file_bytes(path) if bytes_before is None else bytes_before
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (MARK, _rowid_digest(conn)))
    conn.execute("VACUUM")
    rebuilt = settle_index(conn)
    conn.execute(f"PRAGMA busy_timeout={int(reader_wait * 1000)}")
    busy, frames, copied = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    packed = conn.execute("PRAGMA page_count").fetchone()[0] * conn.execute("PRAGMA page_size").fetchone()[0]
    return Compacted(before, packed, rebuilt, waiting_for_readers=bool(busy) or frames != copied)
