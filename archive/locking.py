"""One writer at a time per archive: an advisory lock on a file beside it.

The lock belongs to the archive file, not to the name it was given: `--db link.db`
(a symbolic link) and `--db ./a/../a.db` lock the same `<real path>.lock` as `--db a.db`.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager

from crawler.errors import EXIT_LOCKED, ListingArchiveError


class ArchiveLocked(ListingArchiveError, RuntimeError):
    exit_code = EXIT_LOCKED


def lock_path(db_path: str) -> str:
    """The lock file of the archive at `db_path`, after following symbolic links."""
    return f"{os.path.realpath(db_path)}.lock"


# The files SQLite keeps beside a database while it writes: a backup's name must find none of them.
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")
# The archive's file, SQLite's beside it and our lock: a report or a log written over one damages the archive as surely.
ARCHIVE_COMPANIONS = ("", *SQLITE_COMPANIONS, ".lock")


def is_archive_file(path: str, db_path: str) -> bool:
    """`path` names the archive or one of its files, through a link or a hard link too."""
    target, archive = os.path.realpath(path), os.path.realpath(db_path)
    if target in {archive + suffix for suffix in ARCHIVE_COMPANIONS}:
        return True
    return os.path.exists(path) and os.path.exists(db_path) and os.path.samefile(path, db_path)


def sqlite_file_of(path: str) -> tuple[str, str] | None:
    """(the SQLite database, the suffix of its file) when `path` names a SQLite database ("") or one of its
    files ("-wal", ".lock"...): any archive, for a command that does not know which one is its own."""
    target = os.path.realpath(path)
    for suffix in ARCHIVE_COMPANIONS[1:]:
        if target.endswith(suffix) and is_sqlite_file(target.removesuffix(suffix)):
            return path.removesuffix(suffix), suffix
    return (path, "") if is_sqlite_file(path) else None


def is_sqlite_file(path: str) -> bool:
    if not os.path.isfile(path):  # a device or a pipe is never read (a pipe would block)
        return False
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:  # one we cannot read is refused when written
        return False


@contextmanager
def archive_lock(db_path: str):
    """Hold the archive's lock for the duration; the OS frees it if the process dies (even kill -9)."""
    path = lock_path(db_path)
    links = os.stat(db_path).st_nlink if os.path.exists(db_path) else 1
    if links > 1:
        # Two names for one file get two lock files and two -wal files: SQLite's own docs call that corruption.
        raise NotWritable(
            f"{db_path} has {links} hard links: write to the archive through one name only (a symbolic link is fine)"
        )
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise OSError(
            f"cannot lock {db_path}: cannot create {path} ({exc.strerror}); a writer needs a folder it can write to"
        ) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip()
            raise ArchiveLocked(
                f"another crawl is writing to {db_path} (pid {holder or '?'}); try again when it has finished"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)


class NotWritable(ListingArchiveError, ValueError):
    """A writer was pointed at an archive (or a folder) it cannot write; the message says which and why."""


def check_writable(db_path: str, action: str = "write to") -> None:
    """Before a writer starts: the archive's folder must exist and be writable (its -wal, -shm and lock
    live there), and an existing archive must be writable. Root passes every check."""
    real = os.path.realpath(db_path)
    folder = os.path.dirname(real) or "."
    if not os.path.isdir(folder):
        raise NotWritable(f"cannot {action} {db_path}: {_why_no_folder(folder)}")
    if os.path.isdir(real):  # a config's `db` names a folder (the command line's --db is checked by click)
        raise NotWritable(f"cannot {action} {db_path}: it is a folder, not an archive file")
    if os.path.exists(real) and not os.access(real, os.W_OK):
        raise NotWritable(f"cannot {action} {db_path}: the archive is read-only to you")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise NotWritable(
            f"cannot {action} {db_path}: its folder {folder} is read-only to you "
            "(a writer keeps the archive's -wal, -shm and lock files beside it)"
        )


def _why_no_folder(folder: str) -> str:
    """Why `folder` is none: it, or a folder it would be in, is a file (`--db notes.txt/a.db`), or it is missing."""
    above = folder
    while above and not os.path.lexists(above):
        parent = os.path.dirname(above)
        if parent == above:
            break
        above = parent
    if above and os.path.lexists(above) and not os.path.isdir(above):
        return f"{above} is a file, not a folder"
    return f"the folder {folder} does not exist"


def writer_gone(db_path: str) -> bool:
    """True when the last process to take the archive's lock has exited, so a crawl still marked 'running'
    was killed (kill -9, a power cut). Read from the pid the lock file names; only when that process is
    gone is the lock itself tried (the pid may be another machine's or container's): a reader that took
    it every time could turn a crawl starting then away with exit 75."""
    try:
        with open(lock_path(db_path), "rb") as fh:
            holder = fh.read(64).decode(errors="replace").strip()
            if not holder.isdigit() or _alive(int(holder)):
                return False
            fcntl.flock(fh, fcntl.LOCK_SH | fcntl.LOCK_NB)  # freed when the file closes
    except OSError:
        return False  # no lock file, not ours to read, or held: say nothing
    return True


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True  # alive (another user's), or not a pid: say nothing
    return True
