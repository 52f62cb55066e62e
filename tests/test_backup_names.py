"""`backup`'s DEST is never a name SQLite takes for a companion file (-wal, -shm, -journal) of the archive or of any
other database: a copy written there is deleted, or read as a journal, by the next connection that opens its owner.
From stranger35's report (issue 20)."""

import pytest
from conftest import invoke
from helpers import entry, record_crawl

from archive.locking import SQLITE_COMPANIONS
from archive.store import Archive


@pytest.fixture
def db(tmp_path):
    db = tmp_path / "a.db"
    with Archive(db) as archive:
        record_crawl(archive, [entry("WCMS_1")])
    return db


def test_a_backup_named_as_the_archives_journal_is_refused_or_kept(db, tmp_path):
    """stranger35, 2026-12-08: `backup --db a.db a.db-journal` said "backed up a.db to a.db-journal" and exited 0
    (a.db-wal is refused, but only because opening the archive creates it); the next crawl that opens a.db
    found a journal without a journal's header and deleted it: the checked copy was gone, without a word."""
    dest = tmp_path / "a.db-journal"
    made = invoke("backup", "--db", db, dest).exit_code == 0
    with Archive(db) as archive:  # as the next crawl opens it
        archive.crawl(1)
    assert not made or dest.exists(), "the backup was reported written, then deleted by opening the archive"


@pytest.mark.parametrize("suffix", SQLITE_COMPANIONS)
@pytest.mark.parametrize("owner", ["a.db", "other.db", "copy"])
def test_a_backup_named_as_any_databases_companion_is_refused_in_one_line(db, tmp_path, owner, suffix):
    """The nearest paths: the archive's own -wal/-shm/-journal, and those of another database's name (a copy
    named `other.db-journal` is lost when `other.db` is next opened); the archive is left as it was."""
    before = db.read_bytes()
    result = invoke("backup", "--db", db, tmp_path / f"{owner}{suffix}")
    assert result.exit_code == 1 and f"does not end in {suffix}" in result.output, result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert not (tmp_path / f"{owner}{suffix}").exists() and db.read_bytes() == before
    assert invoke("backup", "--db", db, tmp_path / f"{owner}{suffix}.db").exit_code == 0  # only the name's end
