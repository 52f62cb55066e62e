"""A consistent copy of an archive through SQLite's online backup API.

A plain `cp` of the .db file can miss what a crawl has committed but not yet
checkpointed (it is still in the -wal file), or copy a page mid-write. The backup API
reads one committed snapshot, whatever another connection is writing, and the copy
is checked with `PRAGMA integrity_check` before the command says it is done.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

from .connection import open_unwritable_wal
from .locking import SQLITE_COMPANIONS
from .schema import SchemaError, schema_version
from .store import ArchiveError
from .structure import check_structure


def _open_source(source: str) -> sqlite3.Connection:
    """The archive, read-only; in a folder we cannot write, as the readers open it (its -wal's rows included)."""
    uri = Path(source).resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=30)
        found = schema_version(conn)
    except sqlite3.OperationalError:
        conn = open_unwritable_wal(source)
        found = schema_version(conn)
    if found == 0:
        conn.close()
        raise ArchiveError(f"{source} is not a listing-archive archive (no archive tables in it)")
    try:
        check_structure(conn, source, found)
    except SchemaError:
        conn.close()
        raise
    return conn


def refuse_companion_name(dest: str) -> None:
    """A DEST named as some database's -wal, -shm or -journal (the archive's own, or another's): SQLite takes
    such a file for that database's, and deletes a journal without a journal's header when it opens it."""
    for suffix in SQLITE_COMPANIONS:
        if str(dest).endswith(suffix):
            owner = str(dest)[: -len(suffix)]
            raise ArchiveError(
                f"{dest} is the name SQLite gives {owner or 'a database'}'s {suffix[1:]} file, and it would delete "
                f"the copy; give a name that does not end in {suffix}"
            )


def _claim(part: str, dest: str) -> None:
    """Create the part file for `dest` empty, failing if anything is already there (never overwrite)."""
    try:
        os.close(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
    except FileExistsError:
        raise ArchiveError(f"{part} exists; give a new file name (a backup never overwrites)") from None
    except OSError as exc:
        raise ArchiveError(f"cannot create {dest}: {exc.strerror}") from None


def backup_archive(source: str, dest: str) -> int:
    """Copy `source` to `dest` (which must not exist); returns the pages copied."""
    src_path, target = Path(source), Path(dest)
    if src_path.exists() and not src_path.is_file():
        raise ArchiveError(f"{source} is not a file (a folder, a device or a pipe), not an archive")
    if not src_path.is_file():
        raise ArchiveError(f"no archive at {source}")
    if src_path.stat().st_size == 0:
        raise ArchiveError(f"{source} is an empty file, not an archive")
    if target.exists() or target.is_symlink():
        raise ArchiveError(f"{dest} exists; give a new file name (a backup never overwrites)")
    refuse_companion_name(dest)
    for suffix in SQLITE_COMPANIONS:
        if Path(f"{dest}{suffix}").exists():
            raise ArchiveError(f"{dest}{suffix} exists (left from another database); give a new file name")
    # Copied and checked under a part file's name, then linked in: a backup killed (kill -9) half-way leaves
    # no DEST that would pass for a checked copy.
    part = str(target.parent / f".{target.name}.{os.getpid()}.part")
    try:
        with closing(_open_source(source)) as src:
            _claim(part, dest)
            try:
                pages = _copy(src, part)
                _publish(part, dest)
                return pages
            finally:
                _remove_copy(part)  # only the files this backup created
    except sqlite3.Error as exc:
        raise ArchiveError(f"backup of {source} failed: {exc}") from None


def _publish(part: str, dest: str) -> None:
    try:
        link_into_place(part, dest)
    except FileExistsError:
        raise ArchiveError(f"{dest} exists; give a new file name (a backup never overwrites)") from None


def written_in_place(output: str) -> bool:
    """An existing file that is not a regular one (a pipe, `/dev/stdout`, `/dev/null`): no part file can take its
    place, and replacing it would break what reads it (or, as root, a device), so it is written as it stands."""
    return os.path.exists(output) and not os.path.isfile(output)


def link_into_place(part: str, dest: str) -> None:
    """A file written whole under a part file's name takes `dest`'s name; FileExistsError if something has it
    (never overwrite, even in a race: a hard link fails where the name is taken). Where links are not allowed
    (some mounted filesystems), a rename."""
    try:
        os.link(part, dest)
    except FileExistsError:
        raise
    except OSError:
        if os.path.lexists(dest):
            raise FileExistsError(dest) from None
        os.replace(part, dest)


def _copy(src: sqlite3.Connection, dest: str) -> int:
    with closing(sqlite3.connect(dest)) as out:
        # In one step: one read snapshot, however busy the writer (a stepped backup
        # restarts whenever another connection commits).
        src.backup(out, pages=-1)
        if out.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise ArchiveError(f"the copy at {dest} failed its integrity check")
        return out.execute("PRAGMA page_count").fetchone()[0]


def _remove_copy(dest: str) -> None:
    for suffix in ("", *SQLITE_COMPANIONS):
        Path(f"{dest}{suffix}").unlink(missing_ok=True)
