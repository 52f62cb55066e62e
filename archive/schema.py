"""The archive's tables, its schema version, and the migrations between versions.

Every table is documented in docs/schema.md. A migration moves an archive
made by an earlier release forward in place, inside one transaction.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager

import sqlite_utils

from crawler.errors import ListingArchiveError
from crawler.field_table import FIELD_TABLE

from .versions import COLUMNS, EVENTS_VIEW_SQL, columns_from_json, compact_versions, field_bits, number_fields, view_sql
from .visit_ids import migrate_5_to_6, migrate_6_to_7

SCHEMA_VERSION = 7

TABLES_TEMPLATE = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS crawls (
    id INTEGER PRIMARY KEY,
    spider TEXT NOT NULL,
    start_urls TEXT NOT NULL,          -- JSON list
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running',   -- running, complete, partial, failed
    source TEXT NOT NULL DEFAULT 'site',      -- site, or reparse (versions from a parser change)
    suspect INTEGER NOT NULL DEFAULT 0,
    pages INTEGER NOT NULL DEFAULT 0,
    entries INTEGER NOT NULL DEFAULT 0,
    new INTEGER NOT NULL DEFAULT 0,
    changed INTEGER NOT NULL DEFAULT 0,
    removed INTEGER NOT NULL DEFAULT 0,
    restored INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    software_version TEXT,
    settings TEXT,                     -- JSON: the settings that matter
    note TEXT
);
CREATE TABLE IF NOT EXISTS listing_crawls (
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    listing_url TEXT NOT NULL,
    pages_fetched INTEGER NOT NULL DEFAULT 0,
    pages_failed INTEGER NOT NULL DEFAULT 0,
    entries INTEGER NOT NULL DEFAULT 0,
    complete INTEGER NOT NULL DEFAULT 0,
    fill TEXT,                         -- JSON: entries with each watched field filled (health checks)
    PRIMARY KEY (crawl_id, listing_url)
);
CREATE TABLE IF NOT EXISTS crawl_activity (  -- a finished site crawl's events counted by listing (archive/activity.py)
    crawl_id INTEGER PRIMARY KEY REFERENCES crawls(id),
    counts TEXT NOT NULL               -- JSON: [[listing_url, listing title, kind, count], ...]
);
CREATE TABLE IF NOT EXISTS body_dicts (   -- a listing's dictionary for its pages (archive/bodies.py)
    id INTEGER PRIMARY KEY,
    listing_url TEXT NOT NULL UNIQUE,
    dict BLOB NOT NULL                 -- zlib-compressed: the first 32 KiB of the listing's first page stored
);
CREATE TABLE IF NOT EXISTS capture_bodies (
    digest TEXT PRIMARY KEY,           -- sha256 of the body as received
    body BLOB NOT NULL,                -- zlib-compressed, with body_dicts' dictionary dict_id (NULL: none)
    size INTEGER NOT NULL,
    dict_id INTEGER REFERENCES body_dicts(id)
);
CREATE TABLE IF NOT EXISTS captures (
    id INTEGER PRIMARY KEY,
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    url TEXT NOT NULL,
    listing_url TEXT,
    page INTEGER,
    fetched_at TEXT NOT NULL,
    status INTEGER NOT NULL,
    headers TEXT,                      -- JSON: content-type, etag, last-modified, date
    digest TEXT REFERENCES capture_bodies(digest),
    page_links TEXT,                   -- JSON: pagination links found (followed again on a 304)
    feed_url TEXT                      -- the RSS/Atom feed the page advertises (read as a second witness)
);
CREATE TABLE IF NOT EXISTS entries (
    entry_id TEXT PRIMARY KEY,
    {field_columns},
    status TEXT NOT NULL DEFAULT 'listed',    -- listed, removed
    version INTEGER NOT NULL DEFAULT 1,
    first_seen TEXT, last_seen TEXT, first_crawl INTEGER, last_crawl INTEGER,
    removed_at TEXT, removed_crawl INTEGER
);
{entry_versions}
CREATE TABLE IF NOT EXISTS sightings (
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    entry_id TEXT NOT NULL,
    listing_url TEXT NOT NULL,
    page_url TEXT,
    page INTEGER,
    "group" TEXT,
    position INTEGER,
    capture_id INTEGER
);
{status_events}
CREATE INDEX IF NOT EXISTS idx_versions_crawl ON entry_versions(crawl_id);
CREATE INDEX IF NOT EXISTS idx_sightings_entry ON sightings(entry_id, listing_url, crawl_id);
CREATE INDEX IF NOT EXISTS idx_sightings_crawl ON sightings(crawl_id, listing_url);
CREATE INDEX IF NOT EXISTS idx_sightings_capture ON sightings(capture_id, crawl_id);  -- a 304 page's entries
CREATE INDEX IF NOT EXISTS idx_captures_crawl ON captures(crawl_id, url);
CREATE INDEX IF NOT EXISTS idx_captures_url ON captures(url, id);
CREATE VIRTUAL TABLE IF NOT EXISTS entries_fts USING fts5(
    title, description, organisers, content="entries", content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS entries_fts_ai AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts (rowid, title, description, organisers)
    VALUES (new.rowid, new.title, new.description, new.organisers);
END;
CREATE TRIGGER IF NOT EXISTS entries_fts_ad AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, title, description, organisers)
    VALUES ('delete', old.rowid, old.title, old.description, old.organisers);
END;
CREATE TRIGGER IF NOT EXISTS entries_fts_au AFTER UPDATE OF title, description, organisers ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, title, description, organisers)
    VALUES ('delete', old.rowid, old.title, old.description, old.organisers);
    INSERT INTO entries_fts (rowid, title, description, organisers)
    VALUES (new.rowid, new.title, new.description, new.organisers);
END;
CREATE VIEW IF NOT EXISTS current_entries AS SELECT * FROM entries WHERE status = 'listed';
"""

VERSIONS_TEMPLATE = """CREATE TABLE IF NOT EXISTS {name} (
    entry_id TEXT NOT NULL REFERENCES entries(entry_id),
    version INTEGER NOT NULL,
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    capture_id INTEGER REFERENCES captures(id),
    seen_at INTEGER NOT NULL,          -- unix seconds, UTC (text in version_records)
    changed_fields INTEGER NOT NULL DEFAULT 0,  -- bits of version_fields: what changed (0 for a first version)
    emptied INTEGER NOT NULL DEFAULT 0,         -- bits of version_fields: the fields emptied since the keyframe
    {columns},                         -- the whole entry every 8th version, else the fields that differ from it
    PRIMARY KEY (entry_id, version)    -- (read versions whole in the view version_records: archive/versions.py)
) WITHOUT ROWID;"""

STATUS_EVENTS = """CREATE TABLE IF NOT EXISTS version_fields (bit INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS status_events (  -- removed and restored; the view events adds new and changed (the versions)
    id INTEGER PRIMARY KEY,
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    entry_id TEXT NOT NULL,
    kind TEXT NOT NULL,                -- removed, restored
    version INTEGER,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_status_events_entry ON status_events(entry_id);
CREATE INDEX IF NOT EXISTS idx_status_events_crawl ON status_events(crawl_id);"""


def _field_columns() -> str:
    """The entries table's field columns, from the field table (lists are JSON text)."""
    return ",\n    ".join(f'"{f.name}" {f.sql_type}' for f in FIELD_TABLE if f.name != "entry_id")


def versions_table(name: str = "entry_versions") -> str:
    """entry_versions (schema 5): a column a field, untyped so that a value reads back as it was written."""
    columns = ",\n    ".join(f'"{f}"' for f in COLUMNS)
    return VERSIONS_TEMPLATE.replace("{name}", name).replace("{columns}", columns)


TABLES = (
    TABLES_TEMPLATE.replace("{field_columns}", _field_columns())
    .replace("{entry_versions}", versions_table())
    .replace("{status_events}", STATUS_EVENTS)
)


@contextmanager
def transaction(conn: sqlite3.Connection):
    """One explicit transaction (the connection runs in autocommit mode otherwise)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.Error:
        if conn.in_transaction:  # SQLite may already have rolled back (a full disk)
            conn.execute("ROLLBACK")
        raise


def _version(conn: sqlite3.Connection) -> int:
    db = sqlite_utils.Database(conn)
    if not db["meta"].exists():
        return 1 if db["crawls"].exists() else 0
    row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return int(row[0]) if row else 1


def _columns(conn, table) -> set[str]:
    return set(sqlite_utils.Database(conn)[table].columns_dict)


def _migrate_1_to_2(conn: sqlite3.Connection) -> None:
    """Version 1 had no meta table, no crawl source/suspect flag and no date precision."""
    for table, column, decl in (
        ("crawls", "source", "TEXT NOT NULL DEFAULT 'site'"),
        ("crawls", "suspect", "INTEGER NOT NULL DEFAULT 0"),
        ("entries", "date_precision", "TEXT"),
        ("entry_versions", "source", "TEXT NOT NULL DEFAULT 'site'"),
    ):
        if _columns(conn, table) and column not in _columns(conn, table):
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {decl}")


def _statements(script: str):
    """Split the schema into statements, keeping trigger bodies whole."""
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            yield buf.strip()
            buf = ""


def _migrate_2_to_3(conn: sqlite3.Connection) -> None:
    """Version 3 keeps each page's pagination links and each listing's field fill counts."""
    for table, column in (("captures", "page_links"), ("listing_crawls", "fill")):
        if _columns(conn, table) and column not in _columns(conn, table):  # a table not there yet is made whole below
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")


def _add_field_columns(conn: sqlite3.Connection) -> None:
    """A field declared since the archive was made becomes a column (empty for old entries and versions),
    and a bit of version_fields."""
    have = _columns(conn, "entries")
    for spec in FIELD_TABLE:
        if spec.name not in have:
            conn.execute(f'ALTER TABLE entries ADD COLUMN "{spec.name}" {spec.sql_type}')
    if "dict_id" not in _columns(conn, "capture_bodies"):  # bodies stored before have no dictionary
        conn.execute("ALTER TABLE capture_bodies ADD COLUMN dict_id INTEGER REFERENCES body_dicts(id)")
    have = _columns(conn, "entry_versions")
    for name in COLUMNS:
        if name not in have:
            conn.execute(f'ALTER TABLE entry_versions ADD COLUMN "{name}"')
    number_fields(conn, COLUMNS)


def _create_views(conn: sqlite3.Connection) -> None:
    """version_records follows the field columns: made again when they change."""
    sql = view_sql(field_bits(conn))
    row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'version_records'").fetchone()
    if row is None or row[0] != sql:
        conn.execute("DROP VIEW IF EXISTS version_records")
        conn.execute(sql)
    conn.execute(EVENTS_VIEW_SQL)


def _migrate_3_to_4(conn: sqlite3.Connection) -> None:
    """Version 4 keeps the feed a page advertises, stores a version between keyframes as the fields
    that changed (archive/versions.py), and a first version's changed_fields as [] (all of it is new).

    The file keeps its size until `listing-archive compact`; the rewritten pages are reused by what comes next.
    """
    if _columns(conn, "captures") and "feed_url" not in _columns(conn, "captures"):
        conn.execute("ALTER TABLE captures ADD COLUMN feed_url TEXT")
    if "record" in _columns(conn, "entry_versions"):
        compact_versions(conn)
        conn.execute("UPDATE entry_versions SET changed_fields = '[]' WHERE version = 1 AND changed_fields != '[]'")


def _migrate_4_to_5(conn: sqlite3.Connection) -> None:
    """Version 5 keeps a version's fields in columns (entry_versions WITHOUT ROWID, keyed by entry and version),
    seen_at as unix seconds and changed fields as bits; the versions are the new and changed events, so the
    table events keeps only the rest (removed, restored) as status_events, and events becomes a view.

    The file keeps its size until `listing-archive compact`; the freed pages are reused by what comes next.
    """
    conn.execute("DROP VIEW IF EXISTS version_records")
    # No query used it (a URL is looked up as written or in canonical form: a scan either way), yet 4% of the file.
    conn.execute("DROP INDEX IF EXISTS idx_entries_url")
    for statement in _statements(TABLES):  # the tables new rows refer to, in a file made without some of them
        if statement.startswith("CREATE TABLE IF NOT EXISTS") and "entry_versions" not in statement.split("(")[0]:
            conn.execute(statement)
    has_versions = "record" in _columns(conn, "entry_versions")  # not yet moved to columns
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").fetchone():
        derived = (
            "EXISTS (SELECT 1 FROM entry_versions v WHERE v.entry_id = e.entry_id AND v.version = e.version "
            "AND v.crawl_id = e.crawl_id AND v.seen_at = e.at AND (v.version = 1) = (e.kind = 'new'))"
        )
        conn.execute(
            "INSERT INTO status_events (id, crawl_id, entry_id, kind, version, at) "
            "SELECT e.id, e.crawl_id, e.entry_id, e.kind, e.version, e.at FROM events e "
            f"WHERE e.kind NOT IN ('new', 'changed') {f'OR NOT {derived}' if has_versions else ''}"
        )
        conn.execute("DROP TABLE events")
    if has_versions:
        conn.execute(versions_table("entry_versions_5"))
        columns_from_json(conn, "entry_versions_5")
        conn.execute("DROP TABLE entry_versions")
        conn.execute("ALTER TABLE entry_versions_5 RENAME TO entry_versions")


MIGRATIONS = {
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
    3: _migrate_3_to_4,
    4: _migrate_4_to_5,
    5: migrate_5_to_6,
    6: migrate_6_to_7,
}


class SchemaError(ListingArchiveError, RuntimeError):
    pass


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version a file holds (0: not an archive yet)."""
    return _version(conn)


def check_readable(found: int, path: str) -> None:
    """A reader never migrates: it needs a file whose schema this release reads as it is."""
    if found == 0:
        raise SchemaError(f"{path} is not a listing-archive archive (no archive tables in it)")
    if found > SCHEMA_VERSION:
        raise SchemaError(
            f"{path} has schema version {found}, newer than this release understands ({SCHEMA_VERSION}); "
            "upgrade listing-archive"
        )
    if found < SCHEMA_VERSION:
        raise SchemaError(
            f"{path} has schema version {found}; run `listing-archive migrate --db {path}` (or any crawl) "
            f"to bring it to {SCHEMA_VERSION}"
        )


def _drop_unfindable_index(conn: sqlite3.Connection) -> bool:
    """Whether the search index must be built: it is absent, or an earlier release made it in a form
    sqlite-utils does not recognise (content='entries'), so `sqlite-utils search` could not use it."""
    if sqlite_utils.Database(conn)["entries"].detect_fts() == "entries_fts":
        return False
    conn.execute("DROP TABLE IF EXISTS entries_fts")
    return True


def ensure_schema(conn: sqlite3.Connection) -> int:
    """Create or migrate the schema in place; returns the version the file had."""
    found = _version(conn)
    if found > SCHEMA_VERSION:
        raise SchemaError(
            f"this archive has schema version {found}, newer than this release understands ({SCHEMA_VERSION}); "
            "upgrade listing-archive"
        )
    with transaction(conn):
        index_missing = _drop_unfindable_index(conn)
        version = found
        while 0 < version < SCHEMA_VERSION:
            MIGRATIONS[version](conn)
            version += 1
        for statement in _statements(TABLES):
            conn.execute(statement)
        _add_field_columns(conn)
        _create_views(conn)
        if index_missing:
            sqlite_utils.Database(conn)["entries"].rebuild_fts()  # index what an older archive holds
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    return found
