"""Writing a batch's entry rows (new or changed) into `entries`, in one statement.

The search index follows `entries` by triggers, so that every writer keeps it exact. Row by row
(`executemany` of an upsert) each row is its own statement; a statement that fires a trigger opens
a statement savepoint, and FTS5 writes what it holds in memory as a new index segment at every
savepoint: one segment an entry, merged again and again. The rows go first into a temporary table
(no index, no trigger), then into `entries` by one INSERT ... SELECT: the same rows, in the same
order (the same rowids), the same triggers, one savepoint a batch. 2.2x faster a batch, measured
in docs/benchmarks.md (tenth pass).
"""

from __future__ import annotations

from operator import itemgetter

from .rows import ENTRY_COLUMNS, q

_COLUMNS = ", ".join(q(c) for c in ENTRY_COLUMNS)
_STAGED = "temp.entry_upserts"
_STAGE_TABLE = f"CREATE TEMP TABLE IF NOT EXISTS entry_upserts ({_COLUMNS})"  # untyped: values kept as bound
_STAGE = f"INSERT INTO {_STAGED} VALUES ({', '.join('?' * len(ENTRY_COLUMNS))})"
_UPDATE_SET = ", ".join(f"{q(c)}=excluded.{q(c)}" for c in ENTRY_COLUMNS if c != "entry_id")
# The row by row upsert (benchmarks/archive.py builds with it); an entry written again takes every column.
UPSERT = (
    f"INSERT INTO entries ({_COLUMNS}) VALUES ({', '.join('?' * len(ENTRY_COLUMNS))}) "
    f"ON CONFLICT(entry_id) DO UPDATE SET {_UPDATE_SET}"
)
# WHERE true: SQLite's grammar needs it before ON CONFLICT in an INSERT ... SELECT.
_UPSERT_STAGED = (
    f"INSERT INTO entries ({_COLUMNS}) SELECT {_COLUMNS} FROM {_STAGED} WHERE true ORDER BY rowid "
    f"ON CONFLICT(entry_id) DO UPDATE SET {_UPDATE_SET}"
)
UPSERT_VALUES = itemgetter(*ENTRY_COLUMNS)  # a row dict as UPSERT's parameters, in order


def upsert_entries(conn, rows) -> None:
    """Insert or replace these entry rows (dicts of ENTRY_COLUMNS), in order; the caller holds the transaction
    (the staging table's rows are in it too: a rollback leaves it empty)."""
    conn.execute(_STAGE_TABLE)
    conn.executemany(_STAGE, map(UPSERT_VALUES, rows))
    conn.execute(_UPSERT_STAGED)
    conn.execute(f"DELETE FROM {_STAGED}")
