"""Fault helpers for tests: a small file system that fills up, an archive whose
SQLite write lock is held by another connection, and a way to run a command as an
ordinary user (tests run as root here, and root ignores file permissions).

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

    def test_read_only(tmp_path):
        preexec = unprivileged_preexec()              # skips if there is no way to drop privileges
        subprocess.run([...], preexec_fn=preexec)     # file permissions now apply to the command

Nothing here sleeps for timing: the lock is released by an Event.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

SKIP_MOUNT = "skipped: cannot mount a small file system"
# CI runs as root and sets this: there a fault test that cannot set up its fault fails instead of skipping.
REQUIRE = "REQUIRE_FAULTS"


def _skip_or_fail(message: str) -> None:
    if os.environ.get(REQUIRE):
        pytest.fail(f"{REQUIRE} is set but {message.removeprefix('skipped: ')}")
    pytest.skip(message)


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
        _skip_or_fail(f"{SKIP_MOUNT}: {reason}")
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
        proc = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(where)],
            check=False,
            capture_output=True,
            text=True,
            timeout=30,
        )
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


# -- an ordinary user ---------------------------------------------------------------------

NOBODY = 65534
_DAC_CAPS = (0, 1, 2, 3, 4)  # CAP_CHOWN, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER, CAP_FSETID
_PR_CAPBSET_DROP = 24


def as_nobody() -> None:
    """preexec_fn: become uid/gid 65534 with no supplementary groups."""
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


def without_dac_capabilities() -> None:
    """preexec_fn: stay root but lose the capabilities that override file permissions (after exec)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in _DAC_CAPS:
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            os._exit(97)  # no exception can cross a preexec_fn


def _probe(preexec, locked: Path) -> bool:
    """Can this user run our Python, and is a read-only folder read-only to it?"""
    code = (
        f"import pathlib, sqlite3, click, scrapy\ntry:\n    pathlib.Path({str(locked / 'probe')!r}).touch()\n"
        "except OSError:\n    print('ok')"
    )
    try:
        proc = subprocess.run(
            [sys.executable, "-c", code],
            preexec_fn=preexec,
            capture_output=True,
            text=True,
            timeout=60,
            cwd="/",
            check=False,
        )
    except OSError:
        return False
    return proc.returncode == 0 and proc.stdout.strip() == "ok"


def unprivileged_preexec():
    """A preexec_fn under which a subprocess meets file permissions as an ordinary user does.

    None when the tests do not run as root. As root: `as_nobody` where uid 65534 can run
    this Python, else `without_dac_capabilities` (the interpreter often lives under
    /root, which nobody cannot enter); the test skips, saying why, when neither works.
    Files the "other user" should own: chown them to NOBODY when the answer is
    `without_dac_capabilities` (the reader is then uid 0 without its privileges).
    """
    if os.geteuid() != 0:
        return None
    locked = Path(tempfile.mkdtemp(prefix="probe-"))
    locked.chmod(0o555)
    try:
        for how in (as_nobody, without_dac_capabilities):
            if _probe(how, locked):
                return how
    finally:
        locked.chmod(0o755)
        shutil.rmtree(locked, ignore_errors=True)
    _skip_or_fail(
        "skipped: cannot run a command as an unprivileged user: uid 65534 cannot run this Python and "
        "the capabilities that override file permissions cannot be dropped"
    )


@contextmanager
def shared_folder(prefix: str = "shared-"):
    """A folder every user can enter (pytest's tmp_path is root's only); permissions restored and removed after."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if not path.is_symlink():
                path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(folder, ignore_errors=True)
