"""Entries as SQLite rows and back: the one place that knows lists are stored as JSON."""

from __future__ import annotations

import json

from crawler.field_table import FIELDS, LIST_FIELDS

ENTRY_COLUMNS = FIELDS + (
    "status",
    "version",
    "first_seen",
    "last_seen",
    "first_crawl",
    "last_crawl",
    "removed_at",
    "removed_crawl",
)


def q(column: str) -> str:
    """A quoted column name ("group" is an SQL keyword)."""
    return f'"{column}"'


# json.dumps(value, ensure_ascii=False), without building an encoder for each list of each entry.
_to_json = json.JSONEncoder(ensure_ascii=False).encode


def row_from_entry(entry: dict) -> dict:
    row = {f: entry.get(f) for f in FIELDS}
    for name in LIST_FIELDS:
        value = entry.get(name)
        row[name] = _to_json(value) if value else "[]"
    return row


def entry_from_row(row: dict) -> dict:
    """An entries/version row back into the entry's own fields."""
    out = {f: row.get(f) for f in FIELDS}
    for name in LIST_FIELDS:
        value = row.get(name)
        out[name] = json.loads(value) if isinstance(value, str) else (value or [])
    return out


def crawl_row(conn, crawl_id: int) -> dict | None:
    """One crawl's row, or None: the one query every module uses for it."""
    cursor = conn.execute("SELECT * FROM crawls WHERE id=?", (int(crawl_id),))
    row = cursor.fetchone()
    return dict(zip([d[0] for d in cursor.description], row, strict=True)) if row is not None else None
