"""`reparse --crawl OLDER` re-reads an older crawl's pages but never rewrites the present.

Crawl 1 sees week 1 of the demo site, crawl 2 week 2 (WCMS_862866 renamed and moved a
day). A reparse of crawl 1 must leave WCMS_862866 as crawl 2 saw it, in export, search
and history, and the next crawl's 304s must not bring week 1 back either.
"""

import json
import shutil

import pytest
from conftest import FAST, cli, q
from helpers import NEWS, fetched, news_entry

from archive.store import Archive, Sighting
from crawler.site_server import DEMO_BASE, DEMO_LISTING_PATH, SiteServer, demo_site_root

MOVED = "WCMS_862866"
WEEK2_TITLE = "A Consultation Workshop on Pilot Benchmarking of the Skill Standards of the Automotive Sector"


@pytest.fixture(scope="module")
def two_weeks(tmp_path_factory):
    """An archive of two crawls of the demo site (week 1, then week 2), and the site, still serving week 2."""
    db = tmp_path_factory.mktemp("older") / "a.db"
    with SiteServer(demo_site_root(), state="week1", base=DEMO_BASE) as site:
        url = site.base_url + DEMO_LISTING_PATH
        cli("crawl", "ilo", "--db", db, "--start-url", url, *FAST, check=0)
        site.state = "week2"
        cli("crawl", "ilo", "--db", db, "--start-url", url, *FAST, check=0)
        yield db, site, url


def copy_of(two_weeks, tmp_path):
    db = tmp_path / "copy.db"
    shutil.copy(two_weeks[0], db)
    return db


def current(db, eid=MOVED):
    row = [r for r in map(json.loads, cli("export", "--db", db, check=0).stdout.splitlines()) if r["entry_id"] == eid]
    return row[0]["title"], row[0]["date_start"]


def test_reparsing_an_older_crawl_leaves_what_a_later_crawl_saw(two_weeks, tmp_path):
    db = copy_of(two_weeks, tmp_path)
    versions = q(db, "SELECT count(*) FROM entry_versions")
    for _ in range(2):  # twice in a row: the second run finds the same
        out = cli("reparse", "--crawl", "1", "--db", db, check=0).stdout
        assert "new 0, changed 0" in out
        assert "entries were seen by a crawl after crawl 1: their current values are left as they stand" in out
        assert "read 0 of them differently from what crawl 1 recorded" in out
    assert current(db) == (WEEK2_TITLE, "2022-11-30")
    assert q(db, "SELECT count(*) FROM entry_versions") == versions
    found = cli("search", "Automotive", "--db", db, "--format", "jsonl", check=0).stdout
    assert WEEK2_TITLE in found and "Standards of Automotive" not in found
    history = json.loads(cli("history", MOVED, "--db", db, "--format", "json", check=0).stdout)
    assert [v["source"] for v in history["versions"]] == ["site", "site"]
    # the latest crawl, with and without --crawl, still reparses as before
    for args in (["--crawl", "2"], []):
        out = cli("reparse", *args, "--db", db, check=0).stdout
        assert "new 0, changed 0" in out and "left as they stand" not in out


def test_an_older_reparse_reports_what_todays_parsers_read_differently(two_weeks, tmp_path):
    """A parser change seen in an older crawl is reported, not written over the present."""
    db = copy_of(two_weeks, tmp_path)
    with Archive(db) as a:  # pretend crawl 1's parsers got two titles wrong
        a.conn.execute("UPDATE entry_versions SET title = 'Garbled' WHERE version = 1 AND entry_id = 'WCMS_865548'")
        a.conn.execute("UPDATE entries SET title = 'Garbled' WHERE entry_id = 'WCMS_863790'")  # gone in crawl 2
    out = cli("reparse", "--crawl", "1", "--db", db, check=0).stdout
    assert "changed 1" in out and "read 1 of them differently from what crawl 1 recorded" in out
    # the entry crawl 2 removed was last seen on crawl 1's pages: its parser fix is kept, and it stays removed
    assert q(db, "SELECT title || '|' || status FROM entries WHERE entry_id = 'WCMS_863790'") == (
        "TRIANGLE in ASEAN Newsletter|removed"
    )
    assert q(db, "SELECT title FROM entries WHERE entry_id = 'WCMS_865548'") != "Garbled"


def test_the_next_crawls_304s_keep_the_present_after_an_older_reparse(two_weeks, tmp_path):
    db = copy_of(two_weeks, tmp_path)
    _, site, url = two_weeks
    cli("reparse", "--crawl", "1", "--db", db, check=0)
    cli("crawl", "ilo", "--db", db, "--start-url", url, *FAST, check=0)
    assert q(db, "SELECT count(*) FROM captures WHERE crawl_id = 4 AND status = 304") == 2  # nothing re-read
    assert current(db) == (WEEK2_TITLE, "2022-11-30")
    assert q(db, "SELECT count(*) FROM entries WHERE status = 'listed'") == 14
    sighted = "SELECT count(*) || '/' || count(DISTINCT entry_id) FROM sightings WHERE crawl_id = ?"
    assert q(db, sighted, 4) == q(db, sighted, 2) == "15/14"  # as crawl 2 saw them (one entry listed twice)
    assert q(db, "SELECT status FROM entries WHERE entry_id = 'WCMS_863790'") == "removed"


def test_crawl_number_of_a_reparse_is_refused_clearly(two_weeks, tmp_path):
    db = copy_of(two_weeks, tmp_path)
    cli("reparse", "--db", db, check=0)
    result = cli("reparse", "--crawl", "3", "--db", db, check=1)
    assert "crawl 3 is a reparse: it fetched no pages of its own (reparse crawl 2)" in result.stderr


def test_an_older_reparse_never_keeps_an_entry_listed_on_a_listing_a_later_crawl_emptied(tmp_path):
    """Removal asks whether another listing still lists the entry: crawl 1's page, reparsed, does not."""
    other = NEWS.replace("index.htm", "other/index.htm")
    both = {NEWS: {"pages_fetched": 1, "complete": True}, other: {"pages_fetched": 1, "complete": True}}
    with Archive(tmp_path / "a.db") as a:
        s1 = a.begin_crawl("ilo", [NEWS, other])
        fetched(a, s1, NEWS, [news_entry("WCMS_1"), news_entry("WCMS_2")])
        old_page = a.record_captures(s1, [{"url": other, "listing_url": other, "page": 1, "body": b"<html>o</html>"}])
        a.record_entries(s1, [(news_entry("WCMS_1"), Sighting(other, other, 1, capture_id=old_page[other]))])
        a.finish_crawl(s1, both)
        s2 = a.begin_crawl("ilo", [NEWS, other])  # the other listing drops WCMS_1; NEWS still lists it
        fetched(a, s2, NEWS, [news_entry("WCMS_1"), news_entry("WCMS_2")])
        a.record_captures(s2, [{"url": other, "listing_url": other, "page": 1, "body": b"<html>o2</html>"}])
        a.record_entries(s2, [(news_entry("WCMS_2"), Sighting(other, other, 1))])
        a.finish_crawl(s2, both)
        again = a.begin_crawl("ilo", [NEWS, other], source="reparse")  # crawl 1's other page, read again
        a.record_entries(again, [(news_entry("WCMS_1"), Sighting(other, other, 1, capture_id=old_page[other]))])
        a.finish_crawl(again, {other: {"pages_fetched": 1, "complete": False}}, status="complete")
        s4 = a.begin_crawl("ilo", [NEWS])  # NEWS drops WCMS_1 too: it is listed nowhere
        fetched(a, s4, NEWS, [news_entry("WCMS_2")])
        assert a.finish_crawl(s4, {NEWS: {"pages_fetched": 1, "complete": True}})["removed"] == 1
