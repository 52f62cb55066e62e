"""`backup` and `migrate`: a backup is consistent whatever another connection is doing
(an open write transaction, a crawl's commits still in the -wal), never overwrites;
`migrate` brings an old archive to the current schema in place and refuses anything
that is not an archive."""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FAST, ROOT, cli, invoke
from faults import (
    NOBODY,
    fill_up,
    hold_write_lock,
    shared_folder,
    small_filesystem,
    unprivileged_preexec,
    without_dac_capabilities,
)

from archive.locking import archive_lock
from archive.schema import SCHEMA_VERSION
from crawler.site_server import DEMO_BASE, DEMO_LISTING_PATH, SiteServer, demo_site_root

TABLES = ("crawls", "listing_crawls", "captures", "capture_bodies", "entries", "entry_versions", "sightings", "events")


def counts(db) -> dict:
    conn = sqlite3.connect(f"{Path(db).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # noqa: S608
    finally:
        conn.close()


def integrity(db) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def digest(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """An archive after two real crawls of the demo site (week 1, then week 2)."""
    db = tmp_path_factory.mktemp("backup") / "a.db"
    with SiteServer(demo_site_root(), state="week1", base=DEMO_BASE) as site:
        url = site.base_url + DEMO_LISTING_PATH
        cli("crawl", "ilo", "--db", db, "--start-url", url, *FAST, check=0)
        site.state = "week2"
        cli("crawl", "ilo", "--db", db, "--start-url", url, *FAST, check=0)
    return db


@pytest.fixture
def archive(crawled, tmp_path):
    db = tmp_path / "a.db"
    shutil.copy(crawled, db)
    return db


def test_backup_while_another_connection_holds_an_open_write_transaction(archive, tmp_path):
    committed = counts(archive)
    uncommitted = [
        "PRAGMA cache_size=5",  # a small cache: the uncommitted pages spill into the -wal, uncommitted
        "INSERT INTO crawls (spider, start_urls, started_at, status) VALUES ('ilo', '[]', 'now', 'running')",
        "INSERT INTO entries (entry_id, title, organisers, status, version) "
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
        "SELECT 'UNCOMMITTED_' || i, hex(randomblob(200)), '[]', 'listed', 1 FROM n",
    ]
    with hold_write_lock(archive, statements=uncommitted) as holder:
        assert holder.holding and Path(f"{archive}-wal").stat().st_size > 0
        result = invoke("backup", "--db", archive, tmp_path / "copy.db")
        assert holder.holding  # the backup neither waited for the writer nor disturbed it
    assert result.exit_code == 0 and "backed up" in result.output, result.output
    copy = tmp_path / "copy.db"
    assert integrity(copy) == "ok"
    assert counts(copy) == committed == counts(archive)  # every committed row, none of the uncommitted ones


def test_backup_right_after_a_crawl_holds_what_is_still_in_the_wal(crawled, tmp_path):
    """A reader pinned at an old snapshot keeps the crawl's commits out of the .db file: a `cp` of the .db
    misses them, the backup has them."""
    db = tmp_path / "a.db"
    shutil.copy(crawled, db)
    before = counts(db)
    reader = sqlite3.connect(db, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM entries").fetchone()  # a read snapshot from before the crawl
    try:
        with SiteServer(demo_site_root(), state="week1", base=DEMO_BASE) as site:  # week 1 again: a restored entry
            cli(
                "crawl",
                "ilo",
                "--db",
                db,
                "--start-url",
                site.base_url + DEMO_LISTING_PATH,
                *FAST,
                "-s",
                "CONDITIONAL_REQUESTS=False",
                check=0,
            )
        assert Path(f"{db}-wal").stat().st_size > 0
        shutil.copy(db, tmp_path / "cp.db")  # what a plain cp takes
        result = invoke("backup", "--db", db, tmp_path / "copy.db")
        assert result.exit_code == 0, result.output
    finally:
        reader.execute("COMMIT")
        reader.close()
    after = counts(db)
    assert after["crawls"] == before["crawls"] + 1 and after["events"] > before["events"]
    assert integrity(tmp_path / "copy.db") == "ok" and counts(tmp_path / "copy.db") == after
    assert counts(tmp_path / "cp.db")["crawls"] == before["crawls"]  # the cp missed the crawl


def test_backup_never_overwrites(archive, tmp_path):
    dest = tmp_path / "precious.db"
    dest.write_text("do not lose me")
    link = tmp_path / "link.db"
    link.symlink_to(archive)
    for target, message in ((dest, "exists; give a new file name"), (archive, "exists"), (link, "exists")):
        before = digest(archive)
        result = invoke("backup", "--db", archive, target)
        assert result.exit_code == 1 and message in result.output, result.output
        assert digest(archive) == before
    assert dest.read_text() == "do not lose me"
    from archive.locking import SQLITE_COMPANIONS  # fix30: the one list, not backup.py's own spelling of it

    assert sorted(SQLITE_COMPANIONS) == ["-journal", "-shm", "-wal"]
    for suffix in SQLITE_COMPANIONS:
        (left := tmp_path / f"new{suffix}.db{suffix}").write_bytes(b"left over")
        result = invoke("backup", "--db", archive, tmp_path / f"new{suffix}.db")
        assert result.exit_code == 1 and f"new{suffix}.db{suffix} exists" in result.output, result.output
        assert left.read_bytes() == b"left over" and not (tmp_path / f"new{suffix}.db").exists()


@pytest.mark.parametrize(
    "kind,message",
    [
        ("missing", "no archive at"),
        ("empty", "is an empty file, not an archive"),
        ("notes", "file is not a database"),
        ("sqlite", "is not a listing-archive archive"),
    ],
)
def test_backup_of_something_that_is_not_an_archive(tmp_path, kind, message):
    source = tmp_path / "source.db"
    if kind == "empty":
        source.touch()
    elif kind == "notes":
        source.write_text("my notes " * 500)
    elif kind == "sqlite":
        conn = sqlite3.connect(source)
        conn.execute("CREATE TABLE mine (x)")
        conn.commit()
        conn.close()
    result = invoke("backup", "--db", source, tmp_path / "copy.db")
    assert result.exit_code == 1 and message in result.output, result.output
    assert not (tmp_path / "copy.db").exists()


def test_backup_into_a_missing_folder(archive, tmp_path):
    result = invoke("backup", "--db", archive, tmp_path / "no-such-folder" / "copy.db")
    assert result.exit_code == 1 and "cannot create" in result.output


def test_backup_from_a_read_only_folder(crawled):
    """Works from a folder the user cannot write, with or without committed rows in the archive's -wal."""
    preexec = unprivileged_preexec()
    with shared_folder("backup-") as shared:
        folder, out = shared / "ro", shared / "out"
        folder.mkdir()
        out.mkdir()
        shutil.copy(crawled, folder / "a.db")
        if preexec is not without_dac_capabilities:
            os.chown(out, NOBODY, NOBODY)
        folder.chmod(0o555)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(shared), "PYTHONDONTWRITEBYTECODE": "1"}

        def backup(dest):
            args = [sys.executable, "-m", "archive.cli", "backup", "--db", str(folder / "a.db"), str(dest)]
            return subprocess.run(
                args, preexec_fn=preexec, cwd=str(ROOT), env=env, capture_output=True, text=True, check=False
            )

        proc = backup(out / "one.db")
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
        assert integrity(out / "one.db") == "ok" and counts(out / "one.db") == counts(crawled)

        folder.chmod(0o755)
        source = shared / "source.db"  # a crawl's commit still in the -wal; the .db and -wal copied, no -shm
        shutil.copy(crawled, source)
        writer = sqlite3.connect(source, isolation_level=None)
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("UPDATE entries SET title = 'Only in the wal' WHERE entry_id = 'WCMS_862866'")
        shutil.copy(source, folder / "a.db")
        shutil.copy(f"{source}-wal", f"{folder / 'a.db'}-wal")
        writer.close()
        for path in folder.iterdir():
            os.chown(path, NOBODY, NOBODY)
        folder.chmod(0o555)
        proc = backup(out / "two.db")
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
        assert integrity(out / "two.db") == "ok" and counts(out / "two.db") == counts(crawled)
        conn = sqlite3.connect(out / "two.db")
        assert (
            conn.execute("SELECT title FROM entries WHERE entry_id = 'WCMS_862866'").fetchone()[0] == "Only in the wal"
        )
        conn.close()


# -- migrate -------------------------------------------------------------------------------------


def make_schema_2(source: Path, dest: Path) -> Path:
    """An archive as release 2 left it: no page links, no fill counts, schema_version 2."""
    shutil.copy(source, dest)
    conn = sqlite3.connect(dest)
    conn.execute("ALTER TABLE captures DROP COLUMN page_links")
    conn.execute("ALTER TABLE listing_crawls DROP COLUMN fill")
    conn.execute("UPDATE meta SET value='2' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    return dest


def test_migrate_a_schema_2_archive_in_place(crawled, tmp_path):
    old = make_schema_2(crawled, tmp_path / "old.db")
    before = counts(old)
    refused = invoke("export", "--db", old)
    assert refused.exit_code == 1 and f"run `listing-archive migrate --db {old}`" in refused.output
    result = invoke("migrate", "--db", old)
    assert result.exit_code == 0 and f"migrated {old} from schema version 2 to {SCHEMA_VERSION}" in result.output
    conn = sqlite3.connect(old)
    assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    assert {"page_links"} <= {r[1] for r in conn.execute("PRAGMA table_info(captures)")}
    conn.close()
    assert counts(old) == before and integrity(old) == "ok"
    assert invoke("history", "WCMS_862866", "--db", old).exit_code == 0
    again = invoke("migrate", "--db", old)
    assert again.exit_code == 0 and "already at schema version" in again.output


def test_migrate_refuses_what_it_cannot_migrate(crawled, tmp_path):
    newer = tmp_path / "newer.db"
    shutil.copy(crawled, newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION + 1),))
    conn.commit()
    conn.close()
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE mine (x)")
    conn.commit()
    conn.close()
    notes = tmp_path / "notes.db"
    notes.write_text("my notes " * 500)
    empty = tmp_path / "empty.db"
    empty.touch()
    for db, message in (
        (newer, "newer than this release"),
        (foreign, "not a listing-archive archive"),
        (notes, "not a usable archive"),
        (empty, "is an empty file"),
        (tmp_path / "missing.db", "no archive at"),
    ):
        before = digest(db) if db.exists() else None
        result = invoke("migrate", "--db", db)
        assert result.exit_code == 1 and message in result.output, result.output
        assert (digest(db) if db.exists() else None) == before


def test_migrate_waits_for_no_crawl(crawled, tmp_path):
    old = make_schema_2(crawled, tmp_path / "old.db")
    before = digest(old)
    with archive_lock(str(old)):
        result = invoke("migrate", "--db", old)
    assert result.exit_code == 75 and "another crawl is writing" in result.output
    assert digest(old) == before


# -- a full disk, and the fault helpers themselves ---------------------------------------------------


def test_backup_onto_a_full_disk_leaves_no_half_copy(archive):
    assert archive.stat().st_size > 100_000
    with small_filesystem("1m") as room:
        filler = fill_up(room, leave=64 * 1024)
        result = invoke("backup", "--db", archive, room / "copy.db")
        assert result.exit_code == 1 and "disk is full" in result.output, result.output
        assert list(room.iterdir()) == [filler]


def test_fault_helpers():
    with small_filesystem("1m") as room:
        db = room / "a.db"
        conn = sqlite3.connect(db)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        filler = fill_up(room, leave=0)
        with pytest.raises(sqlite3.OperationalError, match="disk is full"):
            conn.execute("INSERT INTO t VALUES (?)", (b"x" * 200_000,))
            conn.commit()
        conn.rollback()
        filler.unlink()
        with hold_write_lock(db, statements=["INSERT INTO t VALUES (1)"]) as holder:
            assert holder.holding
            other = sqlite3.connect(db, timeout=0)
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            assert other.execute("SELECT count(*) FROM t").fetchone()[0] == 0  # uncommitted: unseen
            holder.release()
        other.execute("BEGIN IMMEDIATE")  # free once released (rolled back)
        other.rollback()
        other.close()
        conn.close()
        assert holder.released_at is not None and not holder.holding


def test_a_read_only_old_archive_is_backed_up_then_the_copy_migrated(crawled):
    preexec = unprivileged_preexec()
    with shared_folder("migrate-") as shared:
        folder, out = shared / "ro", shared / "out"
        folder.mkdir()
        out.mkdir()
        old = make_schema_2(crawled, folder / "old.db")
        # The archive is another user's; the output folder is the reader's own.
        os.chown(*((old, NOBODY, NOBODY) if preexec is without_dac_capabilities else (out, NOBODY, NOBODY)))
        folder.chmod(0o555)
        before = digest(old)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(shared), "PYTHONDONTWRITEBYTECODE": "1"}

        def run_as(*args):
            proc = subprocess.run(
                [sys.executable, "-m", "archive.cli", *map(str, args)],
                preexec_fn=preexec,
                cwd=str(ROOT),
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr[-2000:]
            return proc

        refused = run_as("migrate", "--db", old)
        assert refused.returncode == 1 and "is read-only to you; migrate a writable copy" in refused.stderr
        assert run_as("backup", "--db", old, out / "copy.db").returncode == 0
        done = run_as("migrate", "--db", out / "copy.db")
        assert done.returncode == 0 and "from schema version 2" in done.stdout, done.stderr[-2000:]
        assert run_as("crawls", "--db", out / "copy.db").returncode == 0
        assert digest(old) == before


def test_backup_stopped_with_sigterm_leaves_no_copy(archive, tmp_path):
    """SIGTERM mid-backup left DEST (and its -wal, -shm): an unchecked copy that looks like a backup and that the
    next `backup DEST` refused to replace. The copy is held half-way (not timed): the signal lands mid-write."""
    dest = tmp_path / "copies" / "copy.db"
    dest.parent.mkdir()
    held = "import signal, sqlite3, sys\nfrom archive import backup\nfrom archive.cli import main\n" + (
        "def half_then_held(src, dest):\n"
        "    src.backup(sqlite3.connect(dest), pages=1, progress=lambda *_: None)\n"
        "    print('copying', flush=True)\n"
        "    while True:\n        signal.pause()\n"
        "backup._copy = half_then_held\n"
        "main(['backup', '--db', sys.argv[1], sys.argv[2]], prog_name='listing-archive')\n"
    )
    command = [sys.executable, "-c", held, str(archive), str(dest)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=str(ROOT))
    assert proc.stdout.readline() == "copying\n" and any(dest.parent.iterdir())  # its part file: begun
    proc.terminate()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143 and "Traceback" not in err, (proc.returncode, err)
    assert list(dest.parent.iterdir()) == []


def test_a_backup_killed_before_its_check_leaves_nothing_that_looks_like_a_backup(archive, tmp_path):
    """kill -9 after the pages are copied, before the check: a DEST left would pass for a checked backup."""
    dest = tmp_path / "out" / "copy.db"
    dest.parent.mkdir()
    killed = "import os, sqlite3, sys\nfrom archive import backup\n" + (
        "backup._copy = lambda src, dest: (src.backup(sqlite3.connect(dest), pages=-1), os.kill(os.getpid(), 9))\n"
        "backup.backup_archive(sys.argv[1], sys.argv[2])\n"
    )
    done = subprocess.run([sys.executable, "-c", killed, str(archive), str(dest)], cwd=ROOT, timeout=60)
    assert done.returncode == -9 and not dest.exists()
    assert all(p.name.startswith(".copy.db.") and p.name.endswith(".part") for p in dest.parent.iterdir())
    result = invoke("backup", "--db", archive, dest)  # the name is free for the next backup
    assert result.exit_code == 0 and integrity(dest) == "ok", result.output
