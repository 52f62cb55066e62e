"""Fault helpers for tests: a small file system that fills up, and an archive whose
SQLite write lock is held by another connection.

    from faults import small_filesystem, hold_write_lock, fill_up

    def test_disk_full(tmp_path):
        with small_filesystem("2m") as room:          # skips if mounting is not allowed
            db = room / "a.db"
            ...make the archive...
            fill_up(room, leave=64 * 1024)            # the next big write fails with ENOSPC
            ...crawl: exit 4, "disk full"...

    def test_busy_archive(db):
        with hold_write_lock(db) as holder:           # BEGIN IMMEDIATE held by a thread
            ...a crawl waits for the lock (ARCHIVE_LOCK_WAIT)...
            holder.release()                          # or leave the block: released then
        # holder.released_at / holder.error say when it let go and whether it failed

Nothing here sleeps for timing: the lock is released by an Event.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

SKIP_MOUNT = "skipped: cannot mount a small file system"


@contextmanager
def small_filesystem(size: str = "2m"):
    """A tmpfs of `size` (mount's syntax: 2m, 512k) on a fresh folder; yields its Path.

    Skips the test (SKIP_MOUNT and the reason) where mounting is not permitted (not
    root, no CAP_SYS_ADMIN, no `mount`). Unmounted and removed afterwards, even if the
    test fails; a file system still busy is detached lazily.
    """
    where = Path(tempfile.mkdtemp(prefix="small-fs-"))
    reason = _mount_tmpfs(where, size)
    if reason:
        where.rmdir()
        pytest.skip(f"{SKIP_MOUNT}: {reason}")
    try:
        yield where
    finally:
        if subprocess.run(["umount", str(where)], check=False, capture_output=True).returncode:
            subprocess.run(["umount", "-l", str(where)], check=False, capture_output=True)
        shutil.rmtree(where, ignore_errors=True)


def _mount_tmpfs(where: Path, size: str) -> str | None:
    """None when mounted, else why not."""
    if not shutil.which("mount"):
        return "no mount command"
    if os.geteuid() != 0:
        return "not running as root"
    try:
        proc = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(where)],
                              check=False, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return str(exc)
    return (proc.stderr.strip() or f"mount exited {proc.returncode}") if proc.returncode else None


def free_bytes(path: str | Path) -> int:
    stat = os.statvfs(path)
    return stat.f_bavail * stat.f_frsize


def fill_up(folder: str | Path, leave: int = 0, name: str = "filler") -> Path:
    """Write a file in `folder` until at most `leave` bytes are free on its file system; returns the file.

    Delete it (or part of it) to make room again.
    """
    filler = Path(folder) / name
    chunk = b"\0" * 65536
    with open(filler, "ab") as out:
        while True:
            room = free_bytes(folder) - leave
            if room <= 0:
                break
            try:
                out.write(chunk[: min(len(chunk), room)])
                out.flush()
                os.fsync(out.fileno())
            except OSError:  # ENOSPC: as full as it gets
                break
    return filler


class WriteLockHolder:
    """Holds an archive's SQLite write lock (BEGIN IMMEDIATE) from a second connection, in a thread.

    `held` is set once the lock is taken; `release()` lets it go (ROLLBACK, or COMMIT
    with commit=True); `statements` run inside the transaction first (uncommitted rows
    that no other connection may see). `max_hold` is only a safety net, so that a
    failing test cannot hang: the lock goes when released, not after a time.
    """

    def __init__(self, db: str | Path, statements=(), commit: bool = False, max_hold: float = 300.0):
        self.db, self.statements, self.commit, self.max_hold = str(db), list(statements), commit, max_hold
        self.held, self._release = threading.Event(), threading.Event()
        self.released_at: float | None = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._hold, name=f"write-lock {self.db}", daemon=True)

    def _hold(self) -> None:
        try:
            conn = sqlite3.connect(self.db, timeout=30, isolation_level=None, check_same_thread=False)
            try:
                conn.execute("BEGIN IMMEDIATE")
                for sql in self.statements:
                    conn.execute(sql)
                self.held.set()
                self._release.wait(self.max_hold)
                conn.execute("COMMIT" if self.commit else "ROLLBACK")
                self.released_at = time.monotonic()
            finally:
                conn.close()
        except Exception as exc:  # noqa: BLE001  (reported to the test by start() and stop())
            self.error = exc
        finally:
            self.held.set()

    def start(self, wait: float = 60.0) -> WriteLockHolder:
        self._thread.start()
        if not self.held.wait(wait):
            raise TimeoutError(f"could not take the write lock of {self.db} in {wait} s")
        if self.error:
            raise self.error
        return self

    def release(self) -> None:
        self._release.set()

    def stop(self) -> None:
        self.release()
        self._thread.join(60)
        if self.error:
            raise self.error

    @property
    def holding(self) -> bool:
        return self.held.is_set() and self._thread.is_alive() and not self._release.is_set()


@contextmanager
def hold_write_lock(db: str | Path, statements=(), commit: bool = False, max_hold: float = 300.0):
    """`with hold_write_lock(db) as holder:` the archive's write lock is held (by another connection) until
    `holder.release()` or the end of the block."""
    holder = WriteLockHolder(db, statements, commit, max_hold).start()
    try:
        yield holder
    finally:
        holder.stop()
