"""Where a crawl's log goes, checked with the plan, before the archive is opened: a log folder (--log-dir, a
config's log_dir, or logs/ beside the archive) or a Scrapy LOG_FILE that cannot be written is refused in one
line naming it. Left to the crawl, Scrapy's own open printed a bare "[Errno 2] No such file or directory" after
the archive had been made (issue 20)."""

from __future__ import annotations

import os
from pathlib import Path

from .config_folders import folder_problem
from .locking import NotWritable, is_archive_file, sqlite_file_of


def check_log_places(log_dir: str | None, db: str, log_file) -> None:
    """NotWritable, saying which and why, for a log folder or LOG_FILE this crawl could not write. Nothing is
    made: the crawl makes its log folder (outcome.log_stem) once every check has passed."""
    problem = folder_problem(log_dir or str(Path(db).resolve().parent / "logs"))
    if problem:
        raise NotWritable(f"cannot keep the crawl's log: {problem}")
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
