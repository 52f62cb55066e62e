"""Where a crawl's log goes, checked with the plan, before the archive is opened: a log folder (--log-dir, a
config's log_dir, or logs/ beside the archive) or a Scrapy LOG_FILE that cannot be written is refused in one
line naming it. Left to the crawl, Scrapy's own open printed a bare "[Errno 2] No such file or directory" after
the archive had been made (issue 20)."""

from __future__ import annotations

import os
from pathlib import Path

from .locking import NotWritable, is_archive_file, sqlite_file_of


def check_log_places(log_dir: str | None, db: str, log_file) -> None:
    """NotWritable, saying which and why, for a log folder or LOG_FILE this crawl could not write."""
    if log_dir:
        _make_log_dir(log_dir)
    else:
        _check_default_log_dir(Path(db).resolve().parent / "logs")
    check_log_file(log_file, db)


def check_log_file(log_file, db: str | None = None) -> None:
    """NotWritable for a LOG_FILE setting (a crawl's or a worker's) Scrapy could not open, or one naming the
    archive or a file of it (`-s LOG_FILE=a.db` appended the log into the archive's own file). A worker knows
    no archive of its own: any SQLite database, or a file of one, is refused as the crawl's archive is."""
    archive = db if log_file and db and is_archive_file(str(log_file), db) else None
    archive = archive or (log_file and (sqlite_file_of(str(log_file)) or [None])[0])
    if archive:
        raise NotWritable(f"LOG_FILE={log_file} is the archive itself ({archive}, or a file of it); give another file")
    why = _log_file_problem(Path(str(log_file))) if log_file else None
    if why:
        raise NotWritable(f"LOG_FILE={log_file} cannot be written ({why})")


def _make_log_dir(log_dir: str) -> None:
    """A log folder given by name is made now (parents and all), as the crawl would."""
    try:
        Path(log_dir).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NotWritable(f"cannot keep the crawl's log in {log_dir} ({exc.strerror})") from None
    if not os.access(log_dir, os.W_OK | os.X_OK):
        raise NotWritable(f"cannot keep the crawl's log in {log_dir} (Permission denied)")


def _check_default_log_dir(logs: Path) -> None:
    """logs/ beside the archive, made by the crawl (not here: a plan refused later leaves no folder behind);
    the archive's folder was found writable, so only a `logs` already there can be in the way."""
    if logs.exists() and not logs.is_dir():
        raise NotWritable(f"cannot keep the crawl's log in {logs} (Not a directory)")
    if logs.is_dir() and not os.access(logs, os.W_OK | os.X_OK):
        raise NotWritable(f"cannot keep the crawl's log in {logs} (Permission denied)")


def _log_file_problem(path: Path) -> str | None:
    """Why Scrapy could not open `path` to append to it (None: it can), without making the file."""
    if path.is_dir():
        return "Is a directory"
    if path.exists():
        return None if os.access(path, os.W_OK) else "Permission denied"
    if not path.parent.exists():
        return "No such file or directory"
    if not path.parent.is_dir():
        return "Not a directory"
    return None if os.access(path.parent, os.W_OK | os.X_OK) else "Permission denied"
