"""Is an archive whole? Its tables, views and columns, checked when it is opened.

An archive from which a table was dropped or a column renamed (by hand, or a tool
gone wrong) is damaged: a reader would fail half-way through with SQLite's message,
and a writer would quietly make the table again, empty, and record a crawl into it.
Both refuse it instead, before reading or writing anything, naming what is missing.
"""

from __future__ import annotations

import functools
import sqlite3

from crawler.field_table import FIELD_TABLE

from .schema import SCHEMA_VERSION, SchemaError, ensure_schema
from .versions import COLUMNS

# The columns an archive of any version has had (an older one is checked for these before it is migrated).
OLDEST = {"crawls": {"id", "status", "started_at"}, "entries": {"entry_id", "status"}}
# Field columns a writer adds when a field is declared after the archive was made: not a sign of damage.
# So are the tables and columns added under schema 5 without a new version, which a writer makes (empty) and
# readers do without: counts kept per crawl (counted when asked if absent) and page-body dictionaries.
ADDED_LATER = {
    "entries": {f.name for f in FIELD_TABLE if f.name != "entry_id"},
    "entry_versions": set(COLUMNS),
    "capture_bodies": {"dict_id"},
}
OPTIONAL_TABLES = {"crawl_activity", "body_dicts"}


@functools.cache
def expected() -> dict[str, set[str]]:
    """{table or view: its columns} of a new archive of this release, made in memory."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        ensure_schema(conn)
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")]
        names = [name for name in names if name not in OPTIONAL_TABLES]
        return {name: _columns(conn, name) - ADDED_LATER.get(name, set()) for name in names}
    finally:
        conn.close()


def _columns(conn: sqlite3.Connection, name: str) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM pragma_table_info(?)", (name,))}


def check_structure(conn: sqlite3.Connection, path: str, version: int) -> None:
    """Raise SchemaError naming the missing tables or columns of the archive at `path` (schema `version`)."""
    if version <= 0:
        return
    wanted = expected() if version == SCHEMA_VERSION else OLDEST
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    missing = [f"table {name}" for name in wanted if name not in have]
    try:
        for name, columns in wanted.items():
            if name in have and not missing:  # a view over a missing table has no columns to read
                missing += [f"column {name}.{c}" for c in sorted(columns - _columns(conn, name))]
    except sqlite3.OperationalError as exc:  # a view reading a column that is gone
        missing.append(f"{name} as made ({exc})")
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        raise SchemaError(
            f"{path} is a damaged archive (no {shown}); nothing was read or changed: "
            "restore it from a backup (listing-archive backup makes one)"
        )
