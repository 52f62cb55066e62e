"""`listing-archive serve`: the archive in Datasette, read-only, with table
descriptions, full-text search and stored queries for common questions."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

DESCRIPTIONS = {
    "crawls": "One row per crawl: when, status (complete, partial, failed), counts.",
    "listing_crawls": "Per crawl and listing: pages fetched and failed; only a complete listing can mark entries removed.",
    "captures": "Every listing page fetched: URL, time, HTTP status, headers that matter, body digest.",
    "capture_bodies": "Page bodies, zlib-compressed, stored once per sha256 digest.",
    "entries": "The current state of every entry ever listed (status listed or removed).",
    "entry_versions": "One row per distinct version of an entry: the full record and the fields that changed.",
    "sightings": "Where each entry was listed in each crawl: listing, page, group, position.",
    "events": "new, changed, removed and restored, per crawl.",
}

QUERIES = {
    "new_since": {
        "title": "New entries since a date",
        "sql": "SELECT e.entry_id, e.title, e.url, e.date_text, e.organisers, e.listing_url, ev.at AS first_seen FROM events ev "
               "JOIN entries e USING (entry_id) WHERE ev.kind = 'new' AND ev.at >= :since ORDER BY ev.at DESC",
    },
    "entry_history": {
        "title": "History of an entry",
        "sql": "SELECT version, seen_at, crawl_id, source, changed_fields, json_extract(record, '$.title') AS title, "
               "json_extract(record, '$.date_text') AS date_text FROM entry_versions WHERE entry_id = :entry_id ORDER BY version",
    },
    "by_organiser": {
        "title": "Entries by organiser",
        "sql": "SELECT e.entry_id, e.title, e.url, e.date_start, e.organisers FROM entries e, json_each(e.organisers) o "
               "WHERE o.value LIKE '%' || :organiser || '%' ORDER BY e.date_start DESC",
    },
}


def metadata(db_name: str) -> dict:
    tables = {name: {"description": text} for name, text in DESCRIPTIONS.items()}
    tables["entries"].update(fts_table="entries_fts", fts_pk="rowid", searchmode="raw")
    return {
        "title": "listing-archive",
        "description": "Resource listing pages and their change history. Read-only.",
        "databases": {db_name: {"tables": tables, "queries": QUERIES}},
    }


def serve(db: str, host: str, port: int) -> int:
    path = Path(db).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        meta = Path(tmp) / "metadata.json"
        meta.write_text(json.dumps(metadata(path.stem)))
        # Datasette reads through read-only connections and, with no write permission
        # granted, accepts no writes; unlike immutable mode it sees a crawl's WAL.
        cmd = [sys.executable, "-m", "datasette", "serve", str(path), "--metadata", str(meta), "--host", host, "--port", str(port)]
        return subprocess.call(cmd)
