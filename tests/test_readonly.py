"""Read commands on archives the user cannot write: a shared archive in a read-only
folder, a read-only copy, an archive still being written by someone else. Each gives
the same answer as on a writable archive and changes nothing. Read commands on a
missing, empty or old archive say so and create nothing.

The tests run as root here, and root ignores file permissions. So the commands run in
a subprocess as an unprivileged user: uid/gid 65534 (nobody) where that user can run
this Python; otherwise (the interpreter lives under /root, which nobody cannot enter)
as root without the capabilities that override file permissions (CAP_DAC_OVERRIDE,
CAP_DAC_READ_SEARCH, CAP_FOWNER, CAP_CHOWN, CAP_FSETID), which is what permissions
mean to an ordinary user. If neither is possible the tests skip, saying why.
"""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, cli, invoke
from faults import NOBODY, shared_folder, unprivileged_preexec, without_dac_capabilities

READS = [
    ["export", "--format", "jsonl"],
    ["export", "--format", "csv", "--include-removed"],
    ["search", "Lao"],
    ["history", "WCMS_862866"],
    ["history", "WCMS_862866", "--format", "json"],
    ["diff"],
    ["diff", "--format", "json"],
    ["crawls"],
    ["schema"],
]


@pytest.fixture(scope="module")
def shared():
    with shared_folder("listing-archive-shared-") as folder:
        yield folder


@pytest.fixture(scope="module")
def unprivileged():
    return unprivileged_preexec()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """Two crawls of the demo site (one new, one changed, one removed entry)."""
    db = tmp_path_factory.mktemp("readonly") / "demo.db"
    proc = cli("demo", "--db", db, "--report", db.with_suffix(".html"), timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    wal = Path(f"{db}-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # every commit is in the .db file itself
    return db


def run_as(preexec, *args, home: Path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(home), "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "archive.cli", *map(str, args)],
        preexec_fn=preexec,
        cwd=str(ROOT),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr[-3000:]
    return proc


def expected(db: Path, args) -> str:
    proc = cli(*args, "--db", db)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout


def listing(folder: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_read_commands_in_a_read_only_folder(demo_db, shared, unprivileged):
    folder = shared / "readonly-folder"
    folder.mkdir()
    shutil.copy(demo_db, folder / "archive.db")
    (folder / "archive.db").chmod(0o444)
    folder.chmod(0o555)
    before = listing(folder)
    for args in READS:
        proc = run_as(unprivileged, *args, "--db", folder / "archive.db", home=shared)
        assert proc.returncode == 0, f"{args}: {proc.stderr[-2000:]}"
        assert proc.stdout == expected(demo_db, args), args
    assert listing(folder) == before  # no -wal, -shm or lock file appeared, nothing changed


def test_read_commands_on_a_read_only_copy(demo_db, shared, unprivileged):
    folder = shared / "readonly-copy"
    folder.mkdir()
    if unprivileged is not without_dac_capabilities:
        os.chown(folder, NOBODY, NOBODY)  # the folder is the reader's own; only the copy is read-only
    copy = folder / "copy.db"
    shutil.copy(demo_db, copy)
    copy.chmod(0o444)
    digest = hashlib.sha256(copy.read_bytes()).hexdigest()
    for args in READS:
        proc = run_as(unprivileged, *args, "--db", copy, home=shared)
        assert proc.returncode == 0, f"{args}: {proc.stderr[-2000:]}"
        assert proc.stdout == expected(demo_db, args), args
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == digest and not copy.stat().st_mode & 0o222


def test_reading_an_archive_another_user_is_writing(demo_db, shared, unprivileged):
    """The owner's crawl has committed rows still in the -wal; a reader who cannot write the folder sees them."""
    folder = shared / "being-written"
    folder.mkdir()
    db = folder / "archive.db"
    shutil.copy(demo_db, db)
    writer = sqlite3.connect(db, isolation_level=None)
    try:
        writer.execute("PRAGMA wal_autocheckpoint=0")  # keep the commit in the -wal, as a crawl under way does
        writer.execute("UPDATE entries SET title = 'Renamed while you read' WHERE entry_id = 'WCMS_862866'")
        assert Path(f"{db}-wal").stat().st_size > 0
        if unprivileged is without_dac_capabilities:  # the reader is uid 0 without privileges: the writer, another user
            for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
                os.chown(path, NOBODY, NOBODY)
        folder.chmod(0o555)
        proc = run_as(unprivileged, "history", "WCMS_862866", "--db", db, home=shared)
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert "Renamed while you read" in proc.stdout
    finally:
        writer.close()
        folder.chmod(0o755)


def test_a_copy_with_data_in_its_wal_in_a_read_only_folder(demo_db, shared, unprivileged):
    """`cp archive.db archive.db-wal` during a crawl, into a folder the reader cannot write: the answer includes
    the -wal's rows, or the command refuses, saying why; it never answers from the .db file alone."""
    source = shared / "wal-source"
    source.mkdir()
    db = source / "archive.db"
    shutil.copy(demo_db, db)
    folder = shared / "wal-copy"
    folder.mkdir()
    writer = sqlite3.connect(db, isolation_level=None)
    try:
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("UPDATE entries SET title = 'Renamed in the wal' WHERE entry_id = 'WCMS_862866'")
        shutil.copy(db, folder / "archive.db")  # the copy a researcher took: the .db and its -wal, no -shm
        shutil.copy(f"{db}-wal", folder / "archive.db-wal")
    finally:
        writer.close()
    for path in folder.iterdir():
        os.chown(path, NOBODY, NOBODY)
    folder.chmod(0o555)
    proc = run_as(unprivileged, "history", "WCMS_862866", "--db", folder / "archive.db", home=shared)
    assert "Renamed in the wal" in proc.stdout or (proc.returncode == 1 and "-wal" in proc.stderr), proc.stdout[:300]


@pytest.mark.parametrize(
    "args,message",
    [
        (["crawl", "ilo", "--start-url", "http://127.0.0.1:9/"], "cannot crawl into"),
        (["migrate"], "already at schema version"),
        (["reparse"], "read-only to you; reparse a writable copy"),
        (["diff", "--since-last-report"], "read-only to you"),
    ],
    ids=lambda a: a[0] if isinstance(a, list) else "",
)
def test_writers_on_a_read_only_archive_say_so_and_change_nothing(demo_db, shared, unprivileged, args, message):
    folder = shared / f"writers-{args[0]}"
    folder.mkdir()
    db = folder / "archive.db"
    shutil.copy(demo_db, db)
    if unprivileged is without_dac_capabilities:
        os.chown(db, NOBODY, NOBODY)  # another user's archive
    folder.chmod(0o555)
    before = listing(folder)
    proc = run_as(unprivileged, *args, "--db", db, home=shared)
    assert message in proc.stdout + proc.stderr, proc.stdout + proc.stderr
    assert proc.returncode == (0 if args == ["migrate"] else 1)
    assert listing(folder) == before


# -- missing, empty and old archives -----------------------------------------------------

ALL_READS = [*READS, ["export-warc", "-o", "{tmp}/pages.warc.gz"], ["serve", "--port", "9"]]


@pytest.mark.parametrize("args", ALL_READS, ids=lambda a: " ".join(a[:2]))
def test_read_command_on_a_missing_archive_creates_nothing(tmp_path, args):
    db = tmp_path / "nope.db"
    result = invoke(*[a.replace("{tmp}", str(tmp_path)) for a in args], "--db", db)
    assert result.exit_code == 1 and f"no archive at {db}" in result.output, result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", ALL_READS, ids=lambda a: " ".join(a[:2]))
def test_read_command_on_an_empty_file(tmp_path, args):
    db = tmp_path / "empty.db"
    db.touch()
    result = invoke(*[a.replace("{tmp}", str(tmp_path)) for a in args], "--db", db)
    assert result.exit_code == 1 and "is an empty file, not an archive" in result.output, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["empty.db"] and db.stat().st_size == 0


def make_schema_2(source: Path, dest: Path) -> Path:
    """An archive as release 2 left it: no page links, no fill counts, schema_version 2."""
    shutil.copy(source, dest)
    conn = sqlite3.connect(dest)
    conn.execute("ALTER TABLE captures DROP COLUMN page_links")
    conn.execute("ALTER TABLE listing_crawls DROP COLUMN fill")
    conn.execute("UPDATE meta SET value='2' WHERE key='schema_version'")
    conn.commit()
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    return dest


@pytest.mark.parametrize("args", READS, ids=lambda a: " ".join(a[:2]))
def test_read_command_on_an_old_schema_says_to_migrate(demo_db, tmp_path, args):
    old = make_schema_2(demo_db, tmp_path / "old.db")
    digest = hashlib.sha256(old.read_bytes()).hexdigest()
    result = invoke(*args, "--db", old)
    assert result.exit_code == 1, result.output
    assert "schema version 2" in result.output and f"listing-archive migrate --db {old}" in result.output
    assert hashlib.sha256(old.read_bytes()).hexdigest() == digest
