"""archive.writer.ArchiveWriter, the one writer of every crawl (one process or distributed), on its own:
batches, a write the archive refuses, the close; and the frontier's settings beside their variables."""

import pytest
from conftest import q
from faults import hold_write_lock
from helpers import NEWS, news_entry

from archive.coordinator import frontier_knob
from archive.writefaults import ArchiveWriteFailed
from archive.writer import ArchiveWriter
from crawler.listing_state import ListingState
from crawler.run import project_settings

DONE = {NEWS: ListingState(pages_requested=1, pages_fetched=1).settle()}


def _page(n=1):
    return {"url": f"{NEWS}?p={n}", "listing_url": NEWS, "page": n, "status": 200, "body": b"<html></html>"}


def _entry(eid):
    return {**news_entry(eid), "page_url": f"{NEWS}?p=1", "page": 1}


def test_batches_come_due_and_the_close_writes_what_is_left(tmp_path):
    db = tmp_path / "a.db"
    writer = ArchiveWriter(str(db), lock_wait=5, batch_size=20)  # due at 20 entries, or 2 pages
    writer.begin("listing", [NEWS], {})
    writer.add_page(_page(1))
    writer.add_page({"url": f"{NEWS}?p=3", "listing_url": NEWS, "status": None})  # never answered: nothing to keep
    writer.add_entry(_entry("WCMS_1"))
    assert not writer.batch_due()
    writer.add_page(_page(2))
    assert writer.batch_due()
    writer.write(writer.take_batch())
    assert q(db, "SELECT count(*) FROM entries") == 1
    writer.add_entry(_entry("WCMS_2"))
    crawl = writer.finish(DONE)
    writer.close()
    assert crawl["status"] == "complete" and crawl["new"] == 2
    assert q(db, "SELECT count(*) FROM captures") == 2


def test_a_batch_the_locked_archive_refused_is_kept_and_the_crawl_closes_failed(tmp_path):
    db = tmp_path / "a.db"
    writer = ArchiveWriter(str(db), lock_wait=0.3, batch_size=1)
    writer.begin("listing", [NEWS], {})
    with hold_write_lock(db):
        writer.add_entry(_entry("WCMS_1"))
        with pytest.raises(ArchiveWriteFailed, match="locked"):
            writer.write(writer.take_batch())
        writer.add_entry(_entry("WCMS_2"))
        writer.write(writer.take_batch())  # kept without trying: an earlier write failed
    crawl = writer.finish(DONE)
    writer.close()
    assert crawl["status"] == "failed" and "archive locked" in crawl["note"]
    assert q(db, "SELECT count(*) FROM entries") == 2  # both kept, written at the close
    assert q(db, "SELECT count(*) FROM entries WHERE status='removed'") == 0


def test_a_crawl_stopped_short_closes_failed_with_the_reason(tmp_path):
    writer = ArchiveWriter(str(tmp_path / "a.db"), lock_wait=5, batch_size=10)
    writer.begin("listing", [NEWS], {})
    crawl = writer.finish(DONE, "the coordinator stopped")
    writer.close()
    assert crawl["status"] == "failed" and crawl["note"].startswith("the coordinator stopped")


def test_frontier_settings_then_their_variables_then_the_defaults(monkeypatch):
    monkeypatch.delenv("LISTING_ARCHIVE_LEASE", raising=False)
    assert frontier_knob(project_settings(), "FRONTIER_LEASE") == 120
    monkeypatch.setenv("LISTING_ARCHIVE_LEASE", "7")
    assert frontier_knob(project_settings(), "FRONTIER_LEASE") == 7
    assert frontier_knob(project_settings({"FRONTIER_LEASE": "3"}), "FRONTIER_LEASE") == 3


@pytest.mark.parametrize("given", ["nan", "inf", "0", "-5", "abc"])
def test_a_frontier_variable_that_is_no_lease_gives_the_default(monkeypatch, caplog, given):
    """float() alone took LISTING_ARCHIVE_LEASE=nan (the hole `schedule --jitter nan` showed): a NaN lease expires
    never or at once. It is checked as `-s FRONTIER_LEASE=` is, and the default used with a warning."""
    monkeypatch.setenv("LISTING_ARCHIVE_LEASE", given)
    assert frontier_knob(project_settings(), "FRONTIER_LEASE") == 120
    assert "LISTING_ARCHIVE_LEASE" in caplog.text and "FRONTIER_LEASE=120" in caplog.text


def test_each_listing_gets_its_own_token_back_with_its_pages_last_captures(tmp_path):
    """Two listings, each with a token of its own under one name: kept as `token=***`, each page's last
    capture (and its pagination links) handed back at the URL its crawl fetches, its own token in it."""
    db, starts = tmp_path / "a.db", [f"http://h/{name}?token=tok-{name}" for name in ("a", "b")]
    writer = ArchiveWriter(str(db), lock_wait=5, batch_size=20)
    writer.begin("listing", starts, {"listing_profiles": {starts[0]: "auto"}})
    for n, start in enumerate(starts):
        page2 = start.replace("?", "?page=2&")
        writer.add_entry({**news_entry(f"WCMS_{n}"), "listing_url": start, "page_url": start, "page": 1})
        writer.add_page(
            {"url": start, "listing_url": start, "page": 1, "status": 200, "body": b"<p>", "links": [page2]}
        )
    writer.finish({start: ListingState(pages_requested=1, pages_fetched=1).settle() for start in starts})
    writer.close()
    assert q(db, "SELECT group_concat(url, ' ') FROM captures") == "http://h/a?token=*** http://h/b?token=***"
    kept = "SELECT start_urls || settings || group_concat(page_links) || group_concat(e.listing_url)"
    kept += " || group_concat(page_url)"
    assert "tok-" not in q(db, kept + " FROM crawls, captures, entries e, sightings")
    again = ArchiveWriter(str(db), lock_wait=5, batch_size=20)
    again.begin("listing", starts, {})
    found = again.previous_captures(starts)
    again.close()
    assert sorted(found) == starts
    assert [found[start]["page_links"] for start in starts] == [
        ["http://h/a?page=2&token=tok-a"],
        ["http://h/b?page=2&token=tok-b"],
    ]
