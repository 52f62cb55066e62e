"""One crawl at a time per archive: an advisory lock on a file beside it."""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager


class ArchiveLocked(RuntimeError):
    pass


@contextmanager
def archive_lock(db_path: str):
    """Hold `<db>.lock` for the duration; the OS frees it if the process dies (even kill -9)."""
    path = f"{db_path}.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip()
            raise ArchiveLocked(f"another crawl is writing to {db_path} (pid {holder or '?'}); try again when it has finished") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)
