"""The archive's rules, on real SQLite, through the same code a crawl uses."""

import json
import sqlite3

import pytest
from helpers import L1, L2, entry, record_crawl

from archive.queries import export_rows, history, search
from archive.schema import SCHEMA_VERSION
from archive.store import Archive, Sighting, integrity_ok


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "a.db") as a:
        yield a


def versions(archive, eid="WCMS_1"):
    return [
        json.loads(r[0])
        for r in archive.conn.execute(
            "SELECT changed_fields FROM version_records WHERE entry_id=? ORDER BY version", (eid,)
        )
    ]


def test_unchanged_recrawl_adds_no_version(archive):
    record_crawl(archive, [entry()])
    c2 = record_crawl(archive, [entry(title="  Title of   WCMS_1 ")])  # white space noise
    assert c2["new"] == 0 and c2["changed"] == 0
    assert len(versions(archive)) == 1


def test_changed_field_and_field_becoming_null(archive):
    record_crawl(archive, [entry(description="Some text")])
    record_crawl(archive, [entry(description="Other text")])
    record_crawl(archive, [entry(description=None)])
    record_crawl(archive, [entry(description="Back")])
    assert versions(archive)[1:] == [["description"], ["description"], ["description"]]
    h = history(archive.conn, "WCMS_1")
    assert [v["changes"].get("description") for v in h["versions"][1:]] == [
        ["Some text", "Other text"],
        ["Other text", None],
        [None, "Back"],
    ]


def test_organiser_order_is_not_a_change_and_ignored_fields(archive, tmp_path):
    record_crawl(archive, [entry(organisers=["A", "B"])])
    assert record_crawl(archive, [entry(organisers=["B", "A"])])["changed"] == 0
    cid = archive.begin_crawl("ilo", [L1])
    archive.record_entries(
        cid, [(entry(organisers=["B", "A"], description="new text"), Sighting(L1))], ignore_fields=("description",)
    )
    assert archive.finish_crawl(cid, {L1: {"pages_fetched": 1, "complete": True}})["changed"] == 0


def test_same_entry_on_two_listings_is_one_entry_seen_twice(archive):
    record_crawl(archive, [entry(), entry(listing_url=L2)])
    assert archive.entry_count() == 1
    rows = archive.conn.execute(
        "SELECT listing_url FROM sightings WHERE entry_id='WCMS_1' ORDER BY listing_url"
    ).fetchall()
    assert [r[0] for r in rows] == [L1, L2]
    # Gone from L1 but still on L2 (not crawled this time): not removed.
    assert record_crawl(archive, [entry("WCMS_2")], listings=[L1])["removed"] == 0
    # Then a complete crawl of L2 without it: removed.
    assert record_crawl(archive, [entry("WCMS_3", listing_url=L2)], listings=[L2])["removed"] == 1


def test_removed_only_after_a_complete_crawl_then_restored(archive):
    record_crawl(archive, [entry("WCMS_1"), entry("WCMS_2")])
    partial = record_crawl(archive, [entry("WCMS_1")], complete=False)
    assert partial["status"] == "partial" and partial["removed"] == 0
    suspect = record_crawl(archive, [entry("WCMS_1")], suspect=True)
    assert suspect["removed"] == 0
    assert archive.conn.execute("SELECT status FROM entries WHERE entry_id='WCMS_2'").fetchone()[0] == "listed"
    done = record_crawl(archive, [entry("WCMS_1")])
    assert done["status"] == "complete" and done["removed"] == 1
    assert archive.conn.execute("SELECT status FROM entries WHERE entry_id='WCMS_2'").fetchone()[0] == "removed"
    back = record_crawl(archive, [entry("WCMS_1"), entry("WCMS_2")])
    assert back["restored"] == 1 and back["new"] == 0
    kinds = [r[0] for r in archive.conn.execute("SELECT kind FROM events WHERE entry_id='WCMS_2' ORDER BY id")]
    assert kinds == ["new", "removed", "restored"]
    assert archive.conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 2  # never deleted


def _closing_steps(archive, listings: int) -> int:
    """SQLite VM steps (in hundreds) to close a third complete crawl of `listings` listings of 3 entries,
    each listing's third entry gone from it."""
    urls = [f"https://www.ilo.org/l{n}/lang--en/index.htm" for n in range(listings)]
    items = [(entry(f"WCMS_{n}_{k}", listing_url=u), u) for n, u in enumerate(urls) for k in range(3)]
    record_crawl(archive, [e for e, _ in items])
    record_crawl(archive, [e for e, _ in items])
    cid = archive.begin_crawl("ilo", urls)
    archive.record_entries(cid, [(e, Sighting(u)) for e, u in items if not e["entry_id"].endswith("_2")])
    steps = [0]
    archive.conn.set_progress_handler(lambda: steps.__setitem__(0, steps[0] + 1), 100)
    closed = archive.finish_crawl(cid, {u: {"pages_fetched": 1, "pages_failed": 0, "complete": True} for u in urls})
    archive.conn.set_progress_handler(None, 0)
    assert closed["removed"] == listings
    return steps[0]


def test_closing_a_crawl_costs_in_proportion_to_its_listings(tmp_path):
    """The entries a crawl no longer saw are found in one pass over the listed entries: a query a listing
    read every sighting of every earlier crawl, as many times as there are listings."""
    few = _closing_steps(Archive(str(tmp_path / "few.db")), 5)
    many = _closing_steps(Archive(str(tmp_path / "many.db")), 80)
    # 16 times the listings: linear, with room (17 and 293 hundred steps, issue 20); it was 16 x 16
    assert many < 16 * 1.5 * max(few, 1), (few, many)


def test_closing_a_crawl_reads_the_listings_history_once(tmp_path):
    """The health baselines and the settling rule's recent site crawls come from one read of listing_crawls
    (issue 20: it was read twice, each a pass over every earlier crawl of every listing)."""
    archive = Archive(str(tmp_path / "a.db"))
    for _ in range(3):
        record_crawl(archive, [entry("WCMS_1"), entry("WCMS_2", listing_url=L2)])
    session = archive.begin_crawl("ilo", [L1, L2])
    archive.record_entries(session, [(entry("WCMS_1"), Sighting(L1)), (entry("WCMS_2", listing_url=L2), Sighting(L2))])
    statements = []
    archive.conn.set_trace_callback(statements.append)
    archive.finish_crawl(session, {url: {"pages_fetched": 1, "pages_failed": 0, "complete": True} for url in (L1, L2)})
    archive.conn.set_trace_callback(None)
    earlier = [s for s in statements if "FROM listing_crawls" in s and f"crawl_id={session.crawl_id} " not in s]
    assert len(earlier) == 1, earlier  # the removals' read of this crawl's own listings aside


def _revalidation_steps(archive, listings: int) -> tuple[int, dict]:
    """SQLite VM steps (in hundreds) to read the last captures of `listings` listings of 2 pages, crawled twice."""
    from archive.record import last_captures

    urls = [f"https://www.ilo.org/l{n}/lang--en/index.htm" for n in range(listings)]
    for _ in range(2):
        cid = archive.begin_crawl("ilo", urls)
        pages = [{"url": f"{u}?p={p}", "listing_url": u, "body": f"{u} {p}".encode()} for u in urls for p in (1, 2)]
        ids = archive.record_captures(cid, [{**page, "status": 200, "headers": {"etag": '"e"'}} for page in pages])
        seen = [
            (entry(f"E{n}", listing_url=u), Sighting(u, f"{u}?p=1", 1, capture_id=ids[f"{u}?p=1"]))
            for n, u in enumerate(urls)
        ]
        archive.record_entries(cid, seen)
        archive.finish_crawl(cid, {u: {"pages_fetched": 2, "complete": True} for u in urls})
    steps = [0]
    archive.conn.set_progress_handler(lambda: steps.__setitem__(0, steps[0] + 1), 100)
    found = last_captures(archive.conn, urls + urls[:1])  # every listing of the crawl (one twice)
    archive.conn.set_progress_handler(None, 0)
    return steps[0], found


def test_reading_the_last_captures_costs_in_proportion_to_the_pages(tmp_path):
    """What conditional requests revalidate with, read in one pass over the captures: a query a listing
    scanned every capture of every listing."""
    few, found = _revalidation_steps(Archive(str(tmp_path / "few.db")), 5)
    many, _ = _revalidation_steps(Archive(str(tmp_path / "many.db")), 80)
    assert many < 16 * 2 * max(few, 1), (few, many)
    url = "https://www.ilo.org/l0/lang--en/index.htm?p=2"
    assert len(found) == 10 and found[url]["validators"] == {"etag": '"e"'} and found[url]["listed"] is False
    assert found[url]["id"] > 2 * 5  # the second crawl's capture


def test_failed_crawl_removes_nothing(archive):
    record_crawl(archive, [entry()])
    cid = archive.begin_crawl("ilo", [L1])
    failed = archive.finish_crawl(cid, {L1: {"pages_fetched": 0, "pages_failed": 1, "complete": False}})
    assert failed["status"] == "failed" and failed["removed"] == 0


def test_stale_running_crawl_is_closed_as_failed(archive):
    cid = archive.begin_crawl("ilo", [L1])
    assert archive.close_stale_crawls() == 1
    assert archive.crawl(cid)["status"] == "failed"


def test_export_as_of_and_search(archive):
    record_crawl(archive, [entry(title="Migrant workers forum", organisers=["ILO"])])
    first = archive.conn.execute("SELECT seen_at FROM version_records").fetchone()[0]
    assert [e["title"] for e in export_rows(archive.conn, as_of=first)] == ["Migrant workers forum"]
    assert list(export_rows(archive.conn, as_of="2000-01-01")) == []
    found = search(archive.conn, "migrant", organiser="ILO")
    assert [e["entry_id"] for e in found] == ["WCMS_1"]
    assert search(archive.conn, "nothing-like-this") == []
    assert search(archive.conn, 'workers" OR 1=1 --') == []  # quotes and operators are words to match, not syntax


def test_captures_stored_once_per_digest(archive):
    cid = archive.begin_crawl("ilo", [L1])
    ids = archive.record_captures(
        cid,
        [
            {
                "url": L1,
                "listing_url": L1,
                "body": b"<html>same</html>",
                "status": 200,
                "headers": {"etag": '"x"', "set-cookie": "no"},
            }
        ],
    )
    archive.record_captures(cid, [{"url": L1 + "?again", "body": b"<html>same</html>", "status": 200}])
    assert archive.conn.execute("SELECT count(*) FROM capture_bodies").fetchone()[0] == 1
    assert archive.capture_body(ids[L1]) == b"<html>same</html>"
    archive.record_entries(cid, [(entry(listing_url=L1), Sighting(L1, L1, 1, capture_id=ids[L1]))])
    archive.finish_crawl(cid, {L1: {"pages_fetched": 1, "complete": True}})
    from archive.record import last_captures

    found = last_captures(archive.conn, [L1])
    listed = [entry(listing_url=L1)["entry_id"]]  # what the page listed: a later page repeating it is caught on a 304
    assert found[L1] == {
        "id": ids[L1],
        "validators": {"etag": '"x"'},
        "page_links": [],
        "listed": True,
        "entry_ids": listed,
        "not_whole": None,  # the page was whole (a later page not shown whole says why, again on its 304)
        "read_with": None,  # no profile digest recorded with it (a crawl records the one it read with)
    }


def test_each_archive_compresses_with_its_own_listing_dictionary(tmp_path):
    """A listing's dictionary, decompressed once for its later pages (archive/bodies.py), is never taken for
    another archive's dictionary of the same id: each archive's pages read back as they were received."""
    pages = {}
    for name in ("one", "two"):
        with Archive(tmp_path / f"{name}.db") as archive:
            crawl = archive.begin_crawl("ilo", [L1])
            first = f"<html><head>{name * 40}</head><body>first {name}</body></html>".encode()
            later = f"<html><head>{name * 40}</head><body>later {name}</body></html>".encode()
            ids = archive.record_captures(crawl, [{"url": L1, "listing_url": L1, "body": first, "status": 200}])
            ids |= archive.record_captures(crawl, [{"url": L2, "listing_url": L1, "body": later, "status": 200}])
            assert [tuple(r) for r in archive.conn.execute("SELECT id FROM body_dicts")] == [(1,)]  # one id in both
            pages[name] = (archive.capture_body(ids[L1]), archive.capture_body(ids[L2]), first, later)
    for got_first, got_later, first, later in pages.values():
        assert (got_first, got_later) == (first, later)


def test_migration_from_schema_1(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(
        """CREATE TABLE crawls (id INTEGER PRIMARY KEY, spider TEXT NOT NULL, start_urls TEXT NOT NULL,
          started_at TEXT NOT NULL,
             finished_at TEXT, status TEXT NOT NULL DEFAULT 'running', pages INTEGER NOT NULL DEFAULT 0,
               entries INTEGER NOT NULL DEFAULT 0,
             new INTEGER NOT NULL DEFAULT 0, changed INTEGER NOT NULL DEFAULT 0, removed INTEGER NOT NULL DEFAULT 0,
               restored INTEGER NOT NULL DEFAULT 0,
             errors INTEGER NOT NULL DEFAULT 0, software_version TEXT, settings TEXT, note TEXT);
           INSERT INTO crawls (spider, start_urls, started_at, finished_at, status) VALUES ('ilo', '[]',
             '2023-01-01T00:00:00+00:00', '2023-01-01T00:01:00+00:00', 'complete');
           CREATE TABLE entries (entry_id TEXT PRIMARY KEY, url TEXT, title TEXT, description TEXT, "group" TEXT,
             group_month TEXT,
             date_text TEXT, date_start TEXT, date_end TEXT, credit TEXT, credit_author TEXT, credit_holder TEXT,
               credit_year INTEGER,
             organisers TEXT, organiser_text TEXT, image_url TEXT, listing_url TEXT, listing_title TEXT,
               position INTEGER, language TEXT,
             status TEXT NOT NULL DEFAULT 'listed', version INTEGER NOT NULL DEFAULT 1, first_seen TEXT,
               last_seen TEXT, first_crawl INTEGER,
             last_crawl INTEGER, removed_at TEXT, removed_crawl INTEGER);
           INSERT INTO entries (entry_id, title, organisers, status, version) VALUES ('WCMS_9',
             'Kept through the migration', '[]', 'listed', 1);
           CREATE TABLE entry_versions (id INTEGER PRIMARY KEY, entry_id TEXT NOT NULL, version INTEGER NOT NULL,
             crawl_id INTEGER NOT NULL,
             capture_id INTEGER, seen_at TEXT NOT NULL, changed_fields TEXT NOT NULL, record TEXT NOT NULL,
               UNIQUE (entry_id, version));
           INSERT INTO entry_versions (entry_id, version, crawl_id, seen_at, changed_fields, record)
             VALUES ('WCMS_9', 1, 1, '2023-01-01T00:00:00+00:00', '[]', '{"title": "Kept through the migration"}');"""
    )
    conn.commit()
    conn.close()
    with Archive(path) as a:
        assert a.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert a.conn.execute("SELECT title, date_precision FROM entries").fetchone()[:] == (
            "Kept through the migration",
            None,
        )
        assert a.conn.execute("SELECT source FROM crawls").fetchone()[0] == "site"
        assert [e["title"] for e in search(a.conn, "migration")] == ["Kept through the migration"]
    assert integrity_ok(str(path))


def test_not_an_archive(tmp_path):
    from archive.store import ArchiveError

    bad = tmp_path / "notes.db"
    bad.write_text("these are my notes, not a database" * 100)
    with pytest.raises(ArchiveError, match="not a usable archive"):
        Archive(bad)
    assert "these are my notes" in bad.read_text()


def test_migration_from_schema_2(tmp_path):
    path = tmp_path / "v2.db"
    with Archive(path) as a:
        record_crawl(a, [entry(title="Made by release 2")])
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE captures DROP COLUMN page_links")
    conn.execute("ALTER TABLE listing_crawls DROP COLUMN fill")
    conn.execute("UPDATE meta SET value='2' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    with Archive(path) as a:
        assert a.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert {"page_links"} <= {r[1] for r in a.conn.execute("PRAGMA table_info(captures)")}
        assert a.conn.execute("SELECT title FROM entries").fetchone()[0] == "Made by release 2"
        assert record_crawl(a, [entry(title="Made by release 2")])["changed"] == 0


def test_newer_schema_is_refused_without_harm(tmp_path):
    from archive.schema import SchemaError

    path = tmp_path / "future.db"
    with Archive(path) as a:
        record_crawl(a, [entry()])
        a.remember("schema_version", str(SCHEMA_VERSION + 1))
    from archive.store import ArchiveError

    with pytest.raises((SchemaError, ArchiveError), match="newer than this release"):
        Archive(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 1
    conn.close()


def test_another_sqlite_database_is_left_alone(tmp_path):
    from archive.store import ArchiveError

    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()
    with pytest.raises(ArchiveError, match="not a listing-archive archive"):
        Archive(path)
    with sqlite3.connect(path) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["notes"]
    conn.close()
