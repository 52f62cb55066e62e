"""Shapes of tuned real pages the generic extractor still read wrong (issue 21, batches H and I moved up, part C),
each in small synthetic HTML: a day and a short month with a two-figure year in a date box over a card's picture."""

import pytest
from synthetic import generic_entries as _entries

from crawler.parsers.dates import parse_date

POSTS = [
    ("Un documentaire inédit sur la controverse", "25", "fév 24", "2024-02-25"),
    ("Une tribune alerte sur les diagnostics erronés", "15", "jan 24", "2024-01-15"),
    ("Une Australienne innocentée après vingt ans", "14", "déc 23", "2023-12-14"),
]


def _cards(posts) -> str:
    return "".join(
        f"<div class='col'><article class='inner-box'><figure class='image-box'><a href='/p{i}'><img src='/i{i}.jpg'>"
        f"</a><div class='news-date'>{day}<span class='month'>{month}</span></div></figure><div class='content-box'>"
        f"<h3><a href='/p{i}'>{title}</a></h3><div class='text'>Un texte qui présente l'article ...</div>"
        f"<a href='/p{i}' class='read-more'>Lire la suite</a></div></article></div>"
        for i, (title, day, month, _) in enumerate(posts)
    )


def test_a_date_box_of_day_and_short_month_with_two_figures_over_a_cards_picture_is_the_date():
    entries = _entries(_cards(POSTS), "<html lang='fr-FR'>")
    assert [e["title"] for e in entries] == [title for title, _, _, _ in POSTS]
    assert [e["date_start"] for e in entries] == [iso for _, _, _, iso in POSTS]


@pytest.mark.parametrize(
    ("shown", "iso"),
    [("25 fév 24", "2024-02-25"), ("Tue 25 Feb 99", "1999-02-25"), ("3 - 5 mars 24", "2024-03-03")],
)
def test_two_figures_after_a_day_and_a_month_name_are_the_year(shown, iso):
    assert parse_date(shown).start.isoformat() == iso


@pytest.mark.parametrize("shown", ["fév 24", "Feb 24", "Oct 12 20", "25 fév 5"])
def test_two_figures_after_a_month_alone_or_a_month_and_day_are_no_year(shown):
    assert parse_date(shown) is None  # "Feb 24" is the 24th; a year is never guessed
