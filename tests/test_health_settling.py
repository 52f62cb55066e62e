"""Settling (archive/health.py): a listing's new normal (a field left empty, a shorter length) is taken only
from whole site crawls in a row, never from a partial crawl or a reparse (found by a stranger, 2026-12-07)."""

from __future__ import annotations

import re

import pytest
from conftest import FAST, cli, q
from helpers import L1, NEWS, NEWS_PAGE_2, entry, fetched, news_entry, record_crawl, write_site

from archive.store import Archive, Sighting
from crawler.listing_state import STOPPED
from crawler.site_server import SiteServer
from crawler.spiders.whole_page import CUT_SHORT

# -- a watched field settled empty (archive/health.py settled_fields) ------------------------------------------


def _crawl_of_l1(archive, entries, **state):
    """A crawl of listing L1 that saw `entries` and closed with the ListingState fields `state`."""
    session = archive.begin_crawl("ilo", [L1])
    archive.record_entries(session, [(e, Sighting(L1)) for e in entries])
    return archive.finish_crawl(session, {L1: {"pages_fetched": 1, "pages_failed": 0, "complete": True, **state}})


@pytest.mark.parametrize(
    "not_whole",
    [
        STOPPED,
        f"https://www.ilo.org/a/lang--en/index.htm?page=2: {CUT_SHORT}",
    ],
)
def test_a_crawl_that_did_not_read_the_listing_whole_does_not_settle_an_empty_field(tmp_path, not_whole):
    with Archive(tmp_path / "a.db") as archive:
        for _ in range(3):
            _crawl_of_l1(archive, [entry(f"WCMS_{i}", description=f"About {i}") for i in range(10)])
        bare = [entry(f"WCMS_{i}", description=None) for i in range(10)]
        assert _crawl_of_l1(archive, bare)["suspect"] == 1  # the first alert
        cut = _crawl_of_l1(archive, bare[:6], complete=False, problems=[not_whole])
        assert cut["status"] == "partial"
        third = _crawl_of_l1(archive, bare[:9])  # one alert only so far, on a whole read
        blanked = archive.conn.execute("SELECT count(*) FROM entries WHERE description IS NULL").fetchone()[0]
    assert (third["suspect"], third["removed"], blanked) == (1, 0, 0)


def test_a_field_lost_again_after_coming_back_is_an_alert_each_time(tmp_path):
    """A field settled empty, back for one crawl, then lost again: the baseline's average (one filled crawl of
    three) stayed under FILLED_BEFORE, so the field was blanked with no alert (issue 20). A monitoring team wants the
    alert each time the field goes, and the same two alerts before it settles again."""

    def described(on: bool):
        return [entry(f"WCMS_{i}", description=f"About {i}" if on else None) for i in range(10)]

    def blanked(archive):
        return archive.conn.execute("SELECT count(*) FROM entries WHERE description IS NULL").fetchone()[0]

    with Archive(tmp_path / "a.db") as archive:
        for _ in range(3):
            _crawl_of_l1(archive, described(True))
        first = [_crawl_of_l1(archive, described(False))["suspect"] for _ in range(4)]
        assert first == [1, 1, 0, 0] and blanked(archive) == 10  # settled empty: the listing's new normal
        assert _crawl_of_l1(archive, described(True))["suspect"] == 0  # back, for one crawl
        lost_again = _crawl_of_l1(archive, described(False))
        assert lost_again["suspect"] == 1 and blanked(archive) == 0, lost_again["note"]
        assert "field description filled in 0% of entries, was 100% in the last healthy crawl" in lost_again["note"]
        again = [_crawl_of_l1(archive, described(False))["suspect"] for _ in range(2)]
        assert again == [1, 0] and blanked(archive) == 10  # settles as it did the first time


def test_a_listing_that_shrank_by_more_than_half_settles_as_one_that_shrank_by_a_page(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        for _ in range(3):
            record_crawl(archive, [entry(f"WCMS_{i}") for i in range(60)], pages=6)
        shrunk = [entry(f"WCMS_{i}") for i in range(20)]
        alerts = [record_crawl(archive, shrunk, pages=2)["suspect"] for _ in range(2)]
        assert alerts == [1, 1]  # the alert goes out, and nothing is removed meanwhile
        third = record_crawl(archive, shrunk[:19], pages=2)  # the third crawl in a row that reads the same
    assert (third["suspect"], third["removed"]) == (0, 41), third["note"]


def test_a_reparse_of_a_suspect_crawl_does_not_settle_a_lost_field(tmp_path):
    write_site(tmp_path / "site", pages=4)
    db = tmp_path / "a.db"
    with SiteServer(tmp_path / "site") as site:
        start = f"{site.base_url}/list/page-1.html"
        for _ in range(3):
            cli("crawl", "listing", "--db", db, "--start-url", start, *FAST, check=0)
        for page in (tmp_path / "site" / "list").glob("*.html"):  # the site stops showing descriptions
            page.write_text(re.sub(r"<p>.*?</p>", "", page.read_text()))
        for _ in range(2):
            cli("crawl", "listing", "--db", db, "--start-url", start, *FAST, check=5)  # SUSPECT, twice
    assert q(db, "SELECT count(*) FROM entries WHERE description IS NULL") == 0
    cli("reparse", "--db", db, check=0)
    assert q(db, "SELECT count(*) FROM entries WHERE description IS NULL") == 0


def _crawl_of_news(archive, pages, **state):
    """A crawl of the News listing: page 1 (10 entries) and, with pages=2, page 2 (4 more)."""
    session = archive.begin_crawl("ilo", [NEWS])
    fetched(archive, session, NEWS, [news_entry(f"WCMS_{i}") for i in range(10)])
    if pages == 2:
        fetched(archive, session, NEWS_PAGE_2, [news_entry(f"WCMS_{i}") for i in range(10, 14)])
    listing = {"pages_fetched": pages, "pages_failed": 0, "complete": True, **state}
    return archive.finish_crawl(session, {NEWS: listing})


def test_a_crawl_cut_short_does_not_count_toward_a_listings_new_length(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        for _ in range(3):
            _crawl_of_news(archive, 2)
        assert _crawl_of_news(archive, 1)["suspect"] == 1  # the pager is gone: the first alert
        cut = _crawl_of_news(archive, 1, complete=False, problems=[f"{NEWS}: {CUT_SHORT}"])  # in its footer
        assert cut["status"] == "partial"
        third = _crawl_of_news(archive, 1)
    assert (third["suspect"], third["removed"]) == (1, 0), third["note"]
