"""One writer at a time per archive: an advisory lock on a file beside it.

The lock belongs to the archive file, not to the name it was given: `--db link.db`
(a symbolic link) and `--db ./a/../a.db` lock the same `<real path>.lock` as `--db a.db`.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager


class ArchiveLocked(RuntimeError):
    pass


def lock_path(db_path: str) -> str:
    """The lock file of the archive at `db_path`, after following symbolic links."""
    return f"{os.path.realpath(db_path)}.lock"


@contextmanager
def archive_lock(db_path: str):
    """Hold the archive's lock for the duration; the OS frees it if the process dies (even kill -9)."""
    path = lock_path(db_path)
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
