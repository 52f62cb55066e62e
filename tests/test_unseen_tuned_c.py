"""Shapes of tuned real pages the generic extractor still read wrong (issue 21, batches H and I moved up, part C),
each in small synthetic HTML: a day and a short month with a two-figure year in a date box over a card's picture;
a card whose element classed as a title names the author its avatar pictures; a board's members table above its
meetings table."""

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
    [
        ("25 fév 24", "2024-02-25"),
        ("Tue 25 Feb 99", "1999-02-25"),
        ("3 - 5 mars 24", "2024-03-03"),
        ("25 fév 24 - 2 mars 24", "2024-02-25"),
    ],
)
def test_two_figures_after_a_day_and_a_month_name_are_the_year(shown, iso):
    assert parse_date(shown).start.isoformat() == iso


@pytest.mark.parametrize(
    "shown", ["fév 24", "Feb 24", "Oct 12 20", "25 fév 5", "Saturday 5 May 10 - 12", "1 Oct 12:00"]
)
def test_two_figures_after_a_month_alone_or_a_month_and_day_are_no_year(shown):
    assert parse_date(shown) is None  # "Feb 24" is the 24th, "10 - 12" hours; a year is never guessed


ARTICLES = [
    ("PHPeste 2022 em Natal, Rio Grande do Norte", "Níckolas Silva", "20/06/2022", "2022-06-20"),
    ("Middleware, PSR-7, PSR-15 e Mezzio", "José Filho (Zé)", "05/10/2020", "2020-10-05"),
    ("Como UX Design pode te tornar melhor", "José Filho (Zé)", "19/05/2020", "2020-05-19"),
]


def _author_cards(articles, alt="Gravatar de {}", src="https://www.gravatar.com/avatar/") -> str:
    return "".join(
        f"<article class='card'><a class='article-item' href='/artigos/a{i}'><header><figure>"
        f"<img class='is-rounded' src='{src}{i}?s=64' alt='{alt.format(author)}'></figure>"
        f"</header><div class='card-content'><p class='title is-size-6'>{author}</p><p class='subtitle'>em "
        f"<time datetime='{shown}'>{shown}</time></p></div><div class='card-content'><p class='is-uppercase'>"
        f"{title}</p></div></a></article>"
        for i, (title, author, shown, _) in enumerate(articles)
    )


def test_an_element_classed_as_title_naming_the_person_an_avatar_pictures_is_the_author_not_the_title():
    entries = _entries(_author_cards(ARTICLES), "<html lang='pt-BR'>")
    assert [e["title"] for e in entries] == [title for title, _, _, _ in ARTICLES]
    assert [e["date_start"] for e in entries] == [iso for _, _, _, iso in ARTICLES]


def test_a_cover_picture_whose_alt_repeats_the_title_leaves_the_title():
    # no avatar: a cover image's alt naming the article ("Capa de …") says nothing of an author
    entries = _entries(_author_cards(ARTICLES, alt="Capa de {}", src="/covers/"), "<html lang='pt-BR'>")
    assert [e["title"] for e in entries] == [author for _, author, _, _ in ARTICLES]


MEMBERS = [("Salvatore Talarico", "Dec 31, 2023", "County Executive"), ("Michael Chambers", "N/A", "Fiscal Officer")]
MEMBERS += [("Pernel Jones, Jr.", "Dec 31, 2024", "County Council"), ("Keith J. Libman", "Dec 31, 2025", "Council")]
MEETINGS = [("12/14/2023", "2023-12-14"), ("9/07/2023", "2023-09-07"), ("7/06/2023", "2023-07-06")]


def _board(files=".pdf") -> str:
    members = "".join(
        f"<tr><td><div class='title'><a href='/member-details/m{i}'>{name}</a></div></td><td><span>{ends}</span></td>"
        f"<td><span>{by}</span></td></tr>"
        for i, (name, ends, by) in enumerate(MEMBERS)
    )
    meetings = "".join(
        f"<tr><td>{shown}</td><td><a href='/event-detail/e{i}'>Audit Committee</a></td><td><div class='related'>"
        f"<a href='/docs/agenda{i}{files}'><span>Agendas</span></a></div></td></tr>"
        for i, (shown, _) in enumerate(MEETINGS)
    )
    return (
        "<h1>Audit Committee</h1><h2>Membership:</h2><table><thead><tr><th>Name</th><th>Term Ends</th>"
        f"<th>Appointed By</th></tr></thead><tbody>{members}</tbody></table><h3>Meeting schedule:</h3><table><thead>"
        f"<tr><th>Date</th><th>Title</th><th>Files</th></tr></thead><tbody>{meetings}</tbody></table>"
    )


def test_a_table_whose_rows_each_link_a_file_beside_a_date_is_the_listing_over_a_table_of_members():
    entries = _entries(_board(), "<html lang='en-US'>")
    assert [e["url"] for e in entries] == [f"https://example.org/event-detail/e{i}" for i in range(len(MEETINGS))]
    assert [e["date_start"] for e in entries] == [iso for _, iso in MEETINGS]


def test_a_table_linking_to_pages_only_leaves_the_winning_table():
    entries = _entries(_board(files=".html"), "<html lang='en-US'>")
    assert [e["title"] for e in entries] == [name for name, _, _ in MEMBERS]


def _people_and_meetings(people: int) -> str:
    members = "".join(
        f"<tr><td><a href='/people/p{i}'>Person {i} Smith</a></td><td>Member</td><td>Ward {i}</td></tr>"
        for i in range(people)
    )
    meetings = "".join(
        f"<tr><td>{shown}</td><td><a href='/meetings/m{i}'>Regular meeting {i}</a></td><td>City Hall</td></tr>"
        for i, (shown, _) in enumerate(MEETINGS)
    )
    return (
        "<h2>Members</h2><table><tr><th>Name</th><th>Role</th><th>Ward</th></tr>"
        f"{members}</table><h2>Meetings</h2><table><tr><th>Date</th><th>Meeting</th><th>Place</th></tr>{meetings}</table>"
    )


def test_a_table_whose_rows_each_show_a_date_is_the_listing_over_a_larger_table_showing_none():
    # A stranger's page: 12 members (no dates at all) over 3 meetings linking pages, no files. Before the tables were
    # split by their heads both were read; after, the larger undated members table alone won and every dated
    # meeting was lost.
    entries = _entries(_people_and_meetings(12), "<html lang='en-US'>")
    assert [e["url"] for e in entries] == [f"https://example.org/meetings/m{i}" for i in range(len(MEETINGS))]
    assert [e["date_start"] for e in entries] == [iso for _, iso in MEETINGS]
