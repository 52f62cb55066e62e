"""Entries as SQLite rows and back: the one place that knows lists are stored as JSON."""

from __future__ import annotations

import json
from json.encoder import encode_basestring

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


# json.dumps(value, ensure_ascii=False) for any value.
_any_to_json = json.JSONEncoder(ensure_ascii=False).encode
_string_json = encode_basestring  # the function JSONEncoder(ensure_ascii=False) writes strings with


def list_json(value) -> str:
    """json.dumps(value, ensure_ascii=False), the same text; for a list of strings (an entry's organisers) without
    json's encoder, which JSONEncoder.encode builds anew for each call (7 -> 2 µs a list, two a new entry)."""
    if type(value) is not list:
        return _any_to_json(value)
    for item in value:
        if type(item) is not str:
            return _any_to_json(value)
    return "[" + ", ".join(map(_string_json, value)) + "]"


def row_from_entry(entry: dict) -> dict:
    # map() of the bound get: the same dict as a comprehension over FIELDS, without a Python step a field (twice a
    # new entry a batch).
    row = dict(zip(FIELDS, map(entry.get, FIELDS), strict=True))
    for name in LIST_FIELDS:
        value = entry.get(name)
        row[name] = list_json(value) if value else "[]"
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
