"""How `listing-archive learn` finds the example given: typed without quotes, pasted with markup, cut short by the
page, or shown whole beside cut copies."""

import pytest
from synthetic import page, read

from crawler.extract.learn import LearnError

QUOTED = page(
    "".join(
        f'<article class="post"><h2><a href="/n/{i}">{t}</a></h2><p class="date">{d} March 2024</p></article>'
        for i, (t, d) in enumerate(
            [("The “Big” Report: <em>Jobs</em> &amp; Wages", 1), ("Second report", 2), ("Third report", 3)]
        )
    )
)


@pytest.mark.parametrize(
    "example",
    [
        "The Big Report: Jobs & Wages",  # typed without the page's quotes
        'the "big" report: jobs & wages',
        "The “Big” Report: <em>Jobs</em> &amp; Wages",  # pasted from the page's source
    ],
)
def test_an_example_typed_without_quotes_or_pasted_with_markup_is_found(example):
    titles = [e["title"] for e in read(QUOTED, [example])[1]]
    assert titles == ["The “Big” Report: Jobs & Wages", "Second report", "Third report"]


def test_markup_is_taken_off_only_where_the_example_as_given_is_not_on_the_page():
    shown = page(
        "".join(
            f'<li class="x"><a href="/n/{i}">{t}</a></li>' for i, t in enumerate(["Use &lt;b&gt; tags", "Other one"])
        )
    )
    assert [e["title"] for e in read(shown, ["Use <b> tags"])[1]] == ["Use <b> tags", "Other one"]


def test_a_title_the_page_cuts_short_is_found_from_the_whole_title():
    cut = ["A long title that the site cuts short at the end…", "Second report", "Third report"]
    shown = page("".join(f'<div class="row"><a href="/n/{i}">{t}</a></div>' for i, t in enumerate(cut)))
    whole = "A long title that the site cuts short at the end of its second line"
    assert [e["title"] for e in read(shown, [whole])[1]] == cut
    with pytest.raises(LearnError, match="not on the page"):
        read(shown, ["A long title"])  # a stem too short, or no cut at all, is no match


def test_a_title_shown_whole_wins_over_its_cut_copies_in_a_sidebar():
    """As on a blog (en-kaijufanboy-blogspot): the post's whole title in the list, cut short in
    "popular posts" boxes; the list is the one learnt."""
    whole = ["Once Upon a Time in Hollywood: A Melancholic Masterpiece", "Second post on films", "Third post on films"]
    posts = "".join(f'<div class="post"><h3><a href="/p/{i}">{t}</a></h3></div>' for i, t in enumerate(whole))
    cut = "".join(f'<li class="pop"><a href="/p/0">{whole[0][:40]}...</a></li><li class="pop"><a href="/q">Q</a></li>')
    learnt = read(page(f'<div class="posts">{posts}</div><aside><ul>{cut * 2}</ul></aside>'), [whole[0]])
    assert [e["title"] for e in learnt[1]] == whole
