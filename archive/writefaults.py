"""Archive writes that fail: which failures are worth waiting out, and how to name them.

A write that finds the archive locked by another process is retried with backoff
until ARCHIVE_LOCK_WAIT seconds have passed; anything else (a full disk, an I/O
error) fails at once. The message names the cause in words a user acts on.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from pathlib import Path

from crawler.errors import EXIT_FAILED, ListingArchiveError

# First pause after a busy archive, and the longest pause between tries (seconds).
FIRST_PAUSE, LONGEST_PAUSE = 0.25, 5.0


class ArchiveWriteFailed(ListingArchiveError, RuntimeError):
    """A batch could not be written; the crawl can no longer be complete."""

    exit_code = EXIT_FAILED


def is_busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def is_disk_full(exc: BaseException) -> bool:
    """SQLite's "database or disk is full", or ENOSPC from a file the archive writes."""
    return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or (
        getattr(exc, "errno", None) == errno.ENOSPC or "full" in str(exc).lower()
    )


def no_room(path: str, least: int = 64 * 1024) -> bool:
    """Whether the file system holding `path` has (almost) no free space left: SQLite names a full disk met
    while making its -shm file a "disk I/O error"."""
    try:
        stat = os.statvfs(Path(path).resolve().parent)
    except OSError:
        return False
    return stat.f_bavail * stat.f_frsize < least


def describe(exc: BaseException, waited: float = 0.0) -> str:
    text = str(exc).lower()
    if is_busy(exc):
        return f"archive locked by another process for {waited:.0f} s"
    if is_disk_full(exc):
        return "disk full: the archive could not be written"
    if "disk i/o" in text or isinstance(exc, OSError):
        return f"disk I/O error: the archive could not be written ({exc})"
    if "readonly" in text or "read-only" in text:
        return "the archive is read-only: it could not be written"
    return f"archive write failed: {exc}"


def with_retry(write, lock_wait: float, clock=time.monotonic, sleep=time.sleep):
    """Run `write()`; while the archive is locked, try again with backoff for up to `lock_wait` seconds."""
    started, pause = clock(), FIRST_PAUSE
    while True:
        try:
            return write()
        except (sqlite3.Error, OSError) as exc:
            waited = clock() - started
            if not is_busy(exc) or waited + pause > lock_wait:
                raise ArchiveWriteFailed(describe(exc, waited)) from exc
            sleep(pause)
            pause = min(pause * 2, LONGEST_PAUSE)
