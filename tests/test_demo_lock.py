"""The demo never deletes an archive it did not make, and the archive lock cannot be
bypassed through a symbolic link. Refusals run in-process (nothing is crawled); the
demo itself and a crawl under a held lock run as real subprocesses."""

import os
import sqlite3
import subprocess
import sys

import pytest
from conftest import ROOT, cli, invoke
from helpers import NOWHERE, file_state, make_archive

from archive.locking import ArchiveLocked, archive_lock, lock_path

# -- demo never deletes an archive it did not make -----------------------------------------


@pytest.mark.parametrize(
    "kind,message",
    [
        ("archive", "is not a demo archive (25000 entries)"),
        ("notes", "is not a demo archive"),
        ("empty", "is an empty file the demo did not make"),
        ("sqlite", "is an SQLite database the demo did not make"),
        ("crawled", "has since been crawled from www.ilo.org"),
    ],
)
def test_demo_refuses_a_file_it_did_not_make(tmp_path, kind, message):
    db = tmp_path / "archive.db"
    if kind == "archive":
        make_archive(db, entries=25_000)
    elif kind == "notes":
        db.write_text("my notes " * 500)
    elif kind == "empty":
        db.touch()
    elif kind == "sqlite":
        with sqlite3.connect(db) as conn:
            conn.execute("CREATE TABLE mine (x)")
        conn.close()
    else:
        make_archive(db, entries=3, demo=True, start_url="https://www.ilo.org/asia/lang--en/index.htm")
    before = file_state(db)
    result = invoke("demo", "--db", db, "--report", tmp_path / "r.html")
    assert result.exit_code == 1, result.output
    assert message in result.output and "the demo only replaces an archive it made itself" in result.output
    assert file_state(db) == before
    assert not (tmp_path / "r.html").exists()


def test_demo_with_an_empty_db_says_the_option_is_empty(tmp_path):
    """stranger27: `demo --db ''` (a variable that expanded to nothing) blamed the current folder's hard links;
    it says the option is empty, as every other --db does. Run in tmp_path, so nothing is made there."""
    done = subprocess.run(
        [sys.executable, "-m", "archive.cli", "demo", "--db", ""],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 2 and "empty" in done.stderr, (done.returncode, done.stderr)
    assert "hard link" not in done.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("report", ["", " "])
def test_demo_with_an_empty_report_says_the_option_is_empty(tmp_path, report):
    """fix30: `demo --report ''` said "--report  is not a regular file" (exit 1), and `--report ' '` ran both crawls
    and wrote the report to a file named ' '; either is refused as `demo --db ''` is, exit 2, before anything is
    made. Run in tmp_path, twice."""
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-m", "archive.cli", "demo", "--report", report],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert done.returncode == 2, (done.returncode, done.stderr)
        assert (
            done.stderr.splitlines()[-1]
            == "Error: Invalid value for '--report': empty; give a value, or leave the option out"
        )
        assert list(tmp_path.iterdir()) == []


def test_demo_report_never_replaces_anything_but_a_page(tmp_path):
    demo = make_archive(tmp_path / "demo.db", entries=3, demo=True)
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes")
    for db, report, message in ((demo, demo, "is the archive itself"), (demo, notes, "exists and is not an HTML page")):
        before = file_state(db), file_state(report)
        result = invoke("demo", "--db", db, "--report", report)
        assert result.exit_code == 1 and message in result.output, result.output
        assert (file_state(db), file_state(report)) == before


def test_demo_report_never_replaces_an_html_page_it_did_not_make(tmp_path):
    demo = make_archive(tmp_path / "demo.db", entries=3, demo=True)
    page = tmp_path / "index.html"
    page.write_text("<!DOCTYPE html>\n<html><body>My own page</body></html>\n")
    before = file_state(demo), file_state(page)
    result = invoke("demo", "--db", demo, "--report", page)
    assert result.exit_code == 1 and "is an HTML page the demo did not make" in result.output, result.output
    assert (file_state(demo), file_state(page)) == before


def test_demo_refuses_through_a_symlink_and_keeps_the_wal(tmp_path):
    real = make_archive(tmp_path / "real.db", entries=10)
    link = tmp_path / "demo.db"
    link.symlink_to(real)
    before = file_state(real)
    result = invoke("demo", "--db", link, "--report", tmp_path / "r.html")
    assert result.exit_code == 1 and "is not a demo archive (10 entries)" in result.output
    assert file_state(real) == before and link.is_symlink()

    orphan = tmp_path / "gone.db"  # a -wal with data but no database: someone else's, left alone
    (tmp_path / "gone.db-wal").write_bytes(b"\x37\x7f\x06\x82" + b"\x01" * 100)
    result = invoke("demo", "--db", orphan, "--report", tmp_path / "r.html")
    assert result.exit_code == 1 and "its -wal file holds data" in result.output
    assert not orphan.exists() and (tmp_path / "gone.db-wal").stat().st_size == 104


def test_demo_waits_for_no_one_and_deletes_nothing_while_the_archive_is_locked(tmp_path):
    db = make_archive(tmp_path / "demo.db", entries=3, demo=True)
    before = file_state(db)
    with archive_lock(str(db)):
        result = invoke("demo", "--db", db, "--report", tmp_path / "r.html")
    assert result.exit_code == 75 and "another crawl is writing" in result.output
    assert file_state(db) == before


def test_demo_prepares_an_absent_file_or_its_own_archive(tmp_path):
    from archive.demo import prepare_demo_archive

    db = tmp_path / "demo.db"
    assert prepare_demo_archive(str(db)) == str(db)
    with sqlite3.connect(db) as conn:
        assert (
            conn.execute("SELECT value FROM meta WHERE key='demo'")
            .fetchone()[0]
            .startswith("made by listing-archive demo")
        )
    conn.close()
    make_archive(tmp_path / "old-demo.db", entries=5, demo=True)  # a demo archive with crawls of 127.0.0.1 only
    prepare_demo_archive(str(tmp_path / "old-demo.db"))
    with sqlite3.connect(tmp_path / "old-demo.db") as conn:
        assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM meta WHERE key='demo'").fetchone()[0] == 1
    conn.close()


def test_demo_runs_twice_on_its_own_archive(tmp_path):
    db, report = tmp_path / "demo.db", tmp_path / "report.html"
    for _ in range(2):
        proc = cli("demo", "--db", db, "--report", report, timeout=300)
        assert proc.returncode == 0, proc.stderr[-3000:]
        assert "Traceback" not in proc.stdout + proc.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM crawls").fetchone()[0] == 2  # made afresh, not added to
        assert conn.execute("SELECT count(*) FROM meta WHERE key='demo'").fetchone()[0] == 1
    conn.close()
    assert report.read_text().startswith("<!DOCTYPE html>") and "made by listing-archive demo" in report.read_text()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".demo-report")] == []


# -- the lock follows symbolic links ---------------------------------------------------------


def test_lock_through_a_symlink_or_another_spelling(tmp_path):
    real = make_archive(tmp_path / "a.db")
    (tmp_path / "sub").mkdir()
    link = tmp_path / "link.db"
    link.symlink_to(real)
    assert lock_path(str(link)) == lock_path(str(real)) == lock_path(str(tmp_path / "sub" / ".." / "a.db"))
    with archive_lock(str(real)):
        for other in (link, tmp_path / "sub" / ".." / "a.db"):
            with pytest.raises(ArchiveLocked, match="another crawl is writing"), archive_lock(str(other)):
                pass
        result = invoke("reparse", "--db", link)
        assert result.exit_code == 75 and "another crawl is writing" in result.output  # as every writer
    with archive_lock(str(link)):  # free again
        pass


def test_crawl_through_a_symlink_while_the_archive_is_locked_exits_75(tmp_path):
    real = make_archive(tmp_path / "a.db")
    link = tmp_path / "link.db"
    link.symlink_to(real)
    with archive_lock(str(real)):
        proc = cli("crawl", "ilo", "--db", link, "--start-url", NOWHERE)
    assert proc.returncode == 75, proc.stderr[-3000:]
    assert "another crawl is writing" in proc.stderr and "Traceback" not in proc.stderr


def test_a_folder_where_no_lock_can_be_made(tmp_path):
    with pytest.raises(OSError, match="cannot lock"), archive_lock(str(tmp_path / "no-such-folder" / "a.db")):
        pass
