"""A stranger's attack on batch M's general rules (issue 21): everyday listings the new rules must leave as they
were, each in small synthetic HTML."""

import time
from types import SimpleNamespace

import pytest
from synthetic import URL
from synthetic import generic_entries as _entries

from crawler.extract.date_boxes import without_shared_machine_dates
from crawler.extract.titles import is_generic_text

POSTS = ["Storm reaches the northern coast", "Roads closed near the harbour", "Ferries cancelled until evening"]
POSTS += ["Schools reopen after the storm"]


def _live_post(number: int, title: str, shown: str) -> str:
    return (
        f"<article><h2><a href='/live/{number}'>{title}</a></h2><time datetime='2024-03-05'>{shown}</time>"
        f"<p>What happened on the coast today, in a few words.</p></article>"
    )


@pytest.mark.parametrize(
    "shown",
    [["9:15", "10:40", "12:05", "14:30"], ["1 hour ago", "2 hours ago", "4 hours ago", "6 hours ago"]],
    ids=["times", "relative"],
)
def test_posts_of_one_day_showing_their_times_keep_the_day_their_datetime_gives(shown):
    # a live blog: every post's datetime is that day (truly), the text shows the hour or how long ago; the times
    # are no dates that differ from it, so the datetime is no build time stamped alike
    rows = "".join(_live_post(n, t, s) for n, (t, s) in enumerate(zip(POSTS, shown, strict=True)))
    entries = _entries(f"<h1>Live news</h1>{rows}", "<html lang='en'>")
    assert [e["title"] for e in entries] == POSTS
    assert [e["date_start"] for e in entries] == ["2024-03-05"] * len(POSTS)


WORDS = ["Mai", "Mer", "Baca", "Loe", "Vezi", "Daha"]


def test_a_word_that_points_only_beside_another_still_names_a_record_alone():
    # a monthly bulletin "Mai" (French, German), a place "Baca", a name "Loe": "mai" points in "Citește mai
    # mult" only; alone it names the record, and the record keeps its link's words as title
    rows = "".join(f"<li><a href='/b/{n}'>{w}</a> <span>{n + 1} March 2024</span></li>" for n, w in enumerate(WORDS))
    entries = _entries(f"<h1>Bulletins</h1><ul>{rows}</ul>", "<html lang='en'>")
    assert [e["title"] for e in entries] == WORDS


def test_pointers_in_other_languages_still_point():
    # the guard: the whole wordings, and a word that points on its own ("Detalii", "Więcej"), name nothing
    for shown in ("Citește mai mult", "Czytaj więcej", "Detalii", "Więcej", "Læs mere", "Baca selengkapnya"):
        assert is_generic_text(shown), shown


def _long_page(link_to: str, count: int) -> str:
    rows = "".join(f"<li><a href='{link_to}{n}'>Section number {n} of the long page</a></li>" for n in range(count))
    parts = "".join(f"<div id='a{n}'><h3>Section {n}</h3><p>Its text.</p></div>" for n in range(count))
    return f"<ul>{rows}</ul>{parts}"


def test_a_long_table_of_contents_in_full_addresses_reads_as_fast_as_other_links():
    # a hang guard, not a speed measure: each link to a part of the page once searched the whole page for its id
    # (1,500 links: tens of seconds against one or two); now the page's ids are gathered once
    count = 1500
    start = time.perf_counter()
    _entries(_long_page("https://example.org/elsewhere/a", count))
    elsewhere = time.perf_counter() - start
    start = time.perf_counter()
    _entries(_long_page(f"{URL}#a", count))
    assert time.perf_counter() - start < 3 * elsewhere + 2


def test_many_entries_stamped_alike_are_weighed_once_per_stamp():
    # a hang guard: 20,000 posts of one day, each with the day's datetime; the dates they show were once weighed
    # again for every post (hundreds of millions of checks)
    posts = [SimpleNamespace(date_iso="2024-01-01", date_text="1 January 2024") for _ in range(20000)]
    start = time.perf_counter()
    without_shared_machine_dates(posts)
    assert time.perf_counter() - start < 10
    assert {p.date_iso for p in posts} == {"2024-01-01"}
