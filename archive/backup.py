"""A consistent copy of an archive through SQLite's online backup API."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from .store import ArchiveError


def backup_archive(source: str, dest: str) -> int:
    """Copy `source` to `dest` (which must not exist); returns the pages copied."""
    if not Path(source).is_file():
        raise ArchiveError(f"no archive at {source}")
    target = Path(dest)
    if target.exists():
        raise ArchiveError(f"{dest} exists; give a new file name (a backup never overwrites)")
    if target.resolve() == Path(source).resolve():
        raise ArchiveError("the backup must go to another file")
    uri = Path(source).resolve().as_uri()
    copied = 0
    try:
        with closing(sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=30)) as src, closing(sqlite3.connect(dest)) as out:

            def progress(status, remaining, total):
                nonlocal copied
                copied = total

            src.backup(out, pages=1024, progress=progress)
            if out.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise ArchiveError(f"the copy at {dest} failed its integrity check")
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise ArchiveError(f"backup failed: {exc}") from None
    return copied
