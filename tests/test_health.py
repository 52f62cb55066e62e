"""The health checks (archive/health.py): each check on its own, at its thresholds, and what a
suspect listing means for the archive (kept, but nothing removed or blanked on its strength)."""

import sys

import pytest
from helpers import L1, entry, record_crawl

from archive.health import WATCHED, assess, empty, fill_counts, filled
from archive.session import CrawlSession, SessionDelta
from archive.store import Archive

FULL = dict.fromkeys(WATCHED, 10)  # every watched field filled in all 10 entries


def past(pages=5, entries=50, fill=None, crawls=3) -> list[dict]:
    """`crawls` earlier healthy crawls of a listing, alike."""
    return [{"pages_fetched": pages, "entries": entries, "fill": fill or {}}] * crawls


def test_empty_values_are_the_ones_a_page_leaves_out():
    assert [empty(v) for v in (None, "", [], "[]")] == [True] * 4
    assert [empty(v) for v in ("x", 0, ["ILO"], '["ILO"]', " ")] == [False] * 5


def test_fill_counts_count_filled_watched_fields():
    entries = [
        {"url": "https://x.org/1", "description": "About it", "credit": None},
        {"url": "https://x.org/2", "description": "", "group_month": "2022-05", "image_url": []},
        {"title": "only a title"},
    ]
    assert fill_counts(map(filled, entries)) == {
        "url": 2,
        "description": 1,
        "group_month": 1,
        "credit": 0,
        "image_url": 0,
    }
    assert set(WATCHED) == {"url", "description", "group_month", "credit", "image_url"}


def test_a_session_keeps_what_the_fill_counts_need_not_the_entries():
    """A crawl's entries go as they are written: the session keeps which watched fields each fills, so a long crawl's
    memory stays flat and its end has no 20,000 entries left to collect (docs/benchmarks.md, eleventh pass)."""
    seen = {"entry_id": "a", "url": "https://x.org/1", "description": "About it"}
    again = {"entry_id": "a", "url": "https://x.org/1", "description": "About it", "credit": "© ILO"}
    session, held = CrawlSession(1), sys.getrefcount(seen)
    session.absorb(SessionDelta(listing_entries=[(L1, "a", seen)]))
    assert sys.getrefcount(seen) == held  # the session holds no reference to the entry
    session.absorb(SessionDelta(listing_entries=[(L1, "a", again)]))  # seen again: counted once, as last read
    counts = fill_counts(session.listing_entries[L1].values())
    assert counts == {"url": 1, "description": 1, "group_month": 0, "credit": 1, "image_url": 0}


def test_pages_without_entries_are_suspect_even_on_a_first_crawl():
    assert assess(L1, 2, 0, {}, [], complete=True) == [f"{L1}: 2 pages fetched but no entries found"]
    assert assess(L1, 0, 0, {}, [], complete=False) == []  # nothing fetched: a failure, not a suspect page


def test_a_first_crawl_has_nothing_to_be_compared_with():
    assert assess(L1, 1, 1, {}, [], complete=True) == []


# -- entries per page ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entries", "suspect"),
    [(24, True), (25, False), (50, False), (80, False)],  # 10 a page before: under 5 a page is a drop
)
def test_entries_per_page_halved_is_suspect(entries, suspect):
    reasons = assess(L1, 5, entries, FULL, past(pages=5, entries=50), complete=True)
    assert reasons == ([f"{L1}: {entries / 5:.1f} entries per page, was 10.0"] if suspect else [])


def test_entries_per_page_is_judged_on_an_incomplete_crawl_too():
    assert assess(L1, 2, 4, FULL, past(pages=5, entries=50), complete=False) == [
        f"{L1}: 2.0 entries per page, was 10.0"
    ]


def test_entries_per_page_is_not_judged_on_pages_of_a_few_entries():
    # 3 a page before (under MIN_ENTRIES_PER_PAGE = 4): 1 a page now is noise, not a redesign.
    assert assess(L1, 4, 4, {}, past(pages=4, entries=12), complete=True) == []
    # 4 a page before is judged.
    assert assess(L1, 4, 4, {}, past(pages=4, entries=16), complete=True) == [f"{L1}: 1.0 entries per page, was 4.0"]


def test_the_baseline_is_the_average_of_earlier_crawls():
    baseline = [
        {"pages_fetched": 2, "entries": 20, "fill": {}},
        {"pages_fetched": 2, "entries": 12, "fill": {}},
        {"pages_fetched": 2, "entries": 16, "fill": {}},
    ]  # 8 a page on average
    assert assess(L1, 2, 8, {}, baseline, complete=True) == []
    assert assess(L1, 2, 7, {}, baseline, complete=True) == [f"{L1}: 3.5 entries per page, was 8.0"]


# -- pages -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("pages", "suspect"), [(2, True), (3, False), (6, False)])
def test_pages_halved_in_a_complete_crawl_are_suspect(pages, suspect):
    # 10 entries a page now as before: only the page count says something is wrong.
    reasons = assess(L1, pages, pages * 10, FULL, past(pages=6, entries=60), complete=True)
    assert reasons == ([f"{L1}: {pages} page{'s' if pages != 1 else ''}, was 6"] if suspect else [])


def test_fewer_pages_in_an_incomplete_crawl_are_not_suspect():
    # A crawl stopped early fetched fewer pages: it removes nothing anyway.
    assert assess(L1, 2, 20, FULL, past(pages=6, entries=60), complete=False) == []


def test_pages_are_not_judged_on_listings_of_one_or_two_pages():
    assert assess(L1, 1, 10, FULL, past(pages=2, entries=20), complete=True) == []


# -- field fill rates ------------------------------------------------------------------------


def test_a_watched_field_lost_by_the_extractor_is_suspect():
    fill = {**FULL, "description": 0}
    assert assess(L1, 1, 10, fill, past(pages=1, entries=10, fill=FULL), complete=True) == [
        f"{L1}: field description filled in 0% of entries, was 100%"
    ]


@pytest.mark.parametrize(
    ("before", "now", "suspect"),
    [
        (5, 0, True),  # half the entries before, none now
        (4, 0, False),  # under half before: an optional field, editors leave it out
        (10, 1, False),  # a tenth now: not lost
        (10, 0, True),
    ],
)
def test_fill_rate_thresholds(before, now, suspect):
    baseline = past(pages=1, entries=10, fill={**FULL, "credit": before})
    reasons = assess(L1, 1, 10, {**FULL, "credit": now}, baseline, complete=True)
    assert reasons == ([f"{L1}: field credit filled in {now / 10:.0%} of entries, was {before / 10:.0%}"] * suspect)


def test_fill_rates_are_not_judged_on_a_few_entries():
    # 4 entries (under MIN_ENTRIES_FOR_FILL = 5): one missing image is 25 points.
    assert assess(L1, 1, 4, {**FULL, "image_url": 0}, past(pages=1, entries=4, fill=FULL), complete=True) == []


def test_fill_rates_are_not_judged_against_crawls_that_kept_none():
    # Archives from before fill counts were kept have {} (or nothing) for them.
    baseline = [{"pages_fetched": 1, "entries": 10, "fill": {}}, {"pages_fetched": 1, "entries": 10, "fill": None}]
    assert assess(L1, 1, 10, dict.fromkeys(WATCHED, 0), baseline, complete=True) == []


def test_every_reason_is_given():
    fill = {**FULL, "url": 0, "credit": 0}
    reasons = assess(L1, 2, 8, fill, past(pages=6, entries=60, fill=dict.fromkeys(WATCHED, 60)), complete=True)
    assert reasons == [
        f"{L1}: 4.0 entries per page, was 10.0",
        f"{L1}: 2 pages, was 6",
        f"{L1}: field url filled in 0% of entries, was 100%",
        f"{L1}: field credit filled in 0% of entries, was 100%",
    ]


# -- what a suspect listing does to the archive ------------------------------------------------


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "h.db") as a:
        yield a


def entries(n, **fields):
    return [entry(f"WCMS_{i}", description=f"About {i}", **fields) for i in range(n)]


def listing_complete(archive, crawl_id) -> int:
    return archive.conn.execute("SELECT complete FROM listing_crawls WHERE crawl_id=?", (crawl_id,)).fetchone()[0]


def test_a_listing_with_half_its_entries_per_page_is_kept_but_removes_nothing(archive):
    for _ in range(3):
        record_crawl(archive, entries(40), pages=4)
    dropped = record_crawl(archive, entries(12), pages=4)  # 3 a page, was 10: a block page, a redesign
    assert dropped["suspect"] == 1 and dropped["removed"] == 0
    assert dropped["note"] == f"suspect: {L1}: 3.0 entries per page, was 10.0"
    assert archive.conn.execute("SELECT count(*) FROM entries WHERE status='listed'").fetchone()[0] == 40
    assert listing_complete(archive, dropped["id"]) == 0  # not a baseline for the next crawl
    # The next ordinary crawl is compared with the healthy ones, and removes what is gone.
    after = record_crawl(archive, entries(38), pages=4)
    assert (after["suspect"], after["removed"]) == (0, 2)


def test_a_field_lost_by_the_extractor_is_not_blanked(archive):
    for _ in range(3):
        record_crawl(archive, entries(10))
    lost = record_crawl(archive, [entry(f"WCMS_{i}", description=None) for i in range(10)])
    assert lost["suspect"] == 1 and "field description filled in 0% of entries, was 100%" in lost["note"]
    assert archive.conn.execute("SELECT count(*) FROM entries WHERE description IS NULL").fetchone()[0] == 0


def test_a_field_that_stays_empty_is_settled_after_two_suspect_crawls(archive):
    """A profile that reads no description (learn, then `crawl --profile`), or a site that stopped showing one:
    every later crawl was SUSPECT for ever (the healthy baseline never moved), so nothing was ever removed."""
    for _ in range(3):
        record_crawl(archive, entries(10))
    bare = [entry(f"WCMS_{i}", description=None) for i in range(10)]
    alerts = [record_crawl(archive, bare)["suspect"] for _ in range(2)]
    assert alerts == [1, 1]  # the alert goes out, twice, and nothing is blanked meanwhile
    assert archive.conn.execute("SELECT count(*) FROM entries WHERE description IS NULL").fetchone()[0] == 0
    settled = record_crawl(archive, bare[:9])  # the third in a row: the listing's new normal
    assert (settled["suspect"], settled["removed"]) == (0, 1)
    assert record_crawl(archive, bare[:9])["suspect"] == 0


def test_a_field_empty_once_between_full_crawls_is_not_settled(archive):
    for _ in range(3):
        record_crawl(archive, entries(10))
    bare = [entry(f"WCMS_{i}", description=None) for i in range(10)]
    assert record_crawl(archive, bare)["suspect"] == 1
    assert record_crawl(archive, entries(10))["suspect"] == 0
    assert record_crawl(archive, bare)["suspect"] == 1  # one empty crawl before it, not two in a row
