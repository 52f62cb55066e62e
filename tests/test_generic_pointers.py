"""The generic extractor on links whose words only point ("Read more", "Link to article", "To the report", a web
address, one wording on every record): such a link is no title, and the record is named by its own words. Each shape
in small synthetic HTML."""

import pytest
from synthetic import URL
from synthetic import generic_entries as _entries

from crawler.entries import build_entries
from crawler.extract import extract_page
from crawler.extract.pointer_words import is_generic_text

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


def test_go_to_the_article_buttons_in_portuguese_and_spanish_point_and_their_words_alone_name():
    """ "Ir para artigo" on a laboratory's paper cards (batch Z), "Ir al artículo": "Go to article" in other
    languages; "Para", "Ir" alone, or an article of a law, still name something."""
    for shown in ("Ir para artigo", "Ir al artículo", "Ir para o artigo"):
        assert is_generic_text(shown), shown
    for shown in ("Para", "Ir", "Artigo 5 da lei"):
        assert not is_generic_text(shown), shown


NOTICES = ["Samenkomst in Hattem", "ANBI", "Paasweekend naar Friesland", "Zondag 9 september | Speciale gast"]


def test_headings_each_followed_by_a_read_more_are_entries_at_its_address_one_word_ones_too():
    # a flat run of <h2> and <p><a>>> Lees meer <<</a></p>: the pointer is the entry's URL; "ANBI", one word,
    # is an entry like the others (a section's heading is followed by its list, not by a pointer)
    html = "".join(
        f"<h2>{name}</h2><p><a href='/nieuws/{i}/'>&gt;&gt; Lees meer &lt;&lt;</a></p>"
        for i, name in enumerate(NOTICES)
    )
    entries = _entries(f"<div class='content'>{html}</div>", "<html lang='nl'>")
    assert [e["title"] for e in entries] == [*NOTICES[:3], "Speciale gast"]
    assert [e["url"] for e in entries][:2] == ["https://example.org/nieuws/0/", "https://example.org/nieuws/1/"]
    # "Zondag 9 september" opening the heading before a bar is its date, and no year says which: no date
    assert entries[3]["date_text"] == "Zondag 9 september"
    assert entries[3]["date_start"] is None


PAPERS = [
    "Percepciones ciudadanas sobre corrupción en Chile",
    "Transparencia y corrupción en América Latina",
    "Sobre la transparencia. Una discusión conceptual",
    "Desafíos del modelo de transparencia en Chile",
]


def _papers(headings: list[str]) -> str:
    return "".join(
        f"<h3>{heading}</h3><p><strong>Año:</strong> 2025</p>"
        f"<p><strong>DOI/URL:</strong> <a href='/paper/{i}.pdf'>Ver publicación</a></p>"
        f"<p><strong>Resumen:</strong> Este artículo analiza un tema de cierta extensión, número {i}.</p>"
        for i, heading in enumerate(headings)
    )


def test_a_heading_over_each_record_names_it_when_every_link_says_the_same_pointing_words():
    entries = _entries("<h1>Publicaciones</h1>" + _papers(PAPERS), head="<html lang='es'>")
    assert [e["title"] for e in entries] == PAPERS
    assert not any(e.get("group") for e in entries)
    assert [e["url"] for e in entries] == [f"https://example.org/paper/{i}.pdf" for i in range(4)]


def test_an_icon_opening_the_shared_pointing_words_is_no_word_of_them():
    """Papers under headings of their own, each with "<a>📄 Acessar Artigo Completo</a>" (batch Z, a MkDocs page of
    open-access papers: titles 0/27): an icon or emoji opening a button's words is no word, so the button says three
    words opening on a pointing one, as "Ver publicación" does, and each heading names its paper."""
    papers = "".join(
        f"<h3 id='p{i}'>{heading}</h3><p><strong>Autores:</strong> A. Silva | <strong>Ano:</strong> 2025 "
        f"<a href='/paper/{i}.pdf'>📄 Acessar Artigo Completo</a></p><hr>"
        for i, heading in enumerate(PAPERS)
    )
    entries = _entries("<h1>Open Access Papers</h1>" + papers, head="<html lang='pt'>")
    assert [e["title"] for e in entries] == PAPERS
    assert [e["url"] for e in entries] == [f"https://example.org/paper/{i}.pdf" for i in range(4)]


def test_headings_that_are_years_stay_groups_of_the_records_under_them():
    entries = _entries(_papers(["2025", "2024", "2023"]), head="<html lang='es'>")
    assert not {e["title"] for e in entries} & {"2025", "2024", "2023"}
    assert [e["group"] for e in entries] == ["2025", "2024", "2023"]


def test_more_links_are_known_in_other_languages_and_a_title_opening_on_their_words_is_none():
    from crawler.extract.wordings import is_more_link

    for pointer in ("Citeşte mai mult ...", "Czytaj więcej »", "Lue lisää", "Läs mer →", "Подробнее", "Leggi di più"):
        assert is_more_link(pointer), pointer
    assert not is_more_link("Mai mult decât un teatru")


@pytest.mark.parametrize("more", ["Mehr lesen", "Saiba mais", "Leia mais", "Weiterlesen »", "»", "Lees meer"])
def test_a_read_more_link_in_other_languages_leaves_the_heading_as_title(more):
    card = "<article><h2>Bericht über die Lage {i}</h2><p>Ein kurzer Text {i}.</p><a href='/a/{i}'>" + more
    card += "</a></article>"
    entries = _entries("".join(card.format(i=i) for i in range(3)))
    assert [e["title"] for e in entries] == [f"Bericht über die Lage {i}" for i in range(3)]
    assert [e["url"] for e in entries] == [f"https://example.org/a/{i}" for i in range(3)]


DEPARTMENTS = ["PUBLIC WORKS DEPARTMENT", "PARKS DEPARTMENT", "POLICE DEPARTMENT"]


def test_a_link_naming_a_kind_gives_its_line_not_the_lines_after_its_line_break():
    items = "".join(
        f"<li><a href='/doc/{i}'>{DEPARTMENTS[i % 3]}</a> - Annual budget {2000 + i}<br>12 March {2000 + i}</li>"
        for i in range(9)
    )
    entries = _entries(f"<ul>{items}</ul>", "<html lang='en'>")
    assert [e["title"] for e in entries] == [f"{DEPARTMENTS[i % 3]} - Annual budget {2000 + i}" for i in range(9)]
    assert [e["date_start"] for e in entries][:2] == ["2000-03-12", "2001-03-12"]


BULLETINS = [
    "Bulletin on the state anticorruption policy",
    "Training for municipal officers",
    "Annual meeting of the citizens' committee",
    "Report on public procurement",
]


HREFS = ["news/one", "/news/two", "three", "https://b.org/x"]


def test_relative_links_resolve_against_the_pages_base_href():
    rows = "".join(
        f"<div class='post'><h2><a href='{href}'>{name}</a></h2><p>A teaser of some length, number {i}.</p></div>"
        for i, (name, href) in enumerate(zip(BULLETINS, HREFS, strict=True))
    )
    html = f"<html lang='en'><head><base href='/'></head><body><main>{rows}</main></body></html>"
    entries = build_entries(extract_page(html, URL, "auto"), URL)  # URL is https://example.org/news/
    assert [e["url"] for e in entries] == [
        "https://example.org/news/one",
        "https://example.org/news/two",
        "https://example.org/three",
        "https://b.org/x",
    ]


def _bulletins(link_text: str, heading=lambda i, name: name) -> str:
    return "".join(
        f"<div><h1>{heading(i, name)}</h1> <h4>Bulletin CPC/{i:02d}/2023-24</h4> "
        f"<a href='/files/bulletin-{i}.pdf'>{link_text}</a></div>"
        for i, name in enumerate(BULLETINS)
    )


def test_one_link_wording_on_every_record_under_a_heading_of_its_own_is_no_title():
    entries = _entries(f"<div class='card'>{_bulletins('View bulletin')}</div>", "<html lang='en'>")
    assert [(e["title"], e["url"]) for e in entries] == [
        (name, f"https://example.org/files/bulletin-{i}.pdf") for i, name in enumerate(BULLETINS)
    ]


def test_one_link_wording_on_every_record_beside_an_element_named_as_its_title_is_no_title():
    rows = "".join(
        f"<li><p class='doc-title'>{name}</p><p>Issued by the committee, number {i}.</p>"
        f"<a href='/files/bulletin-{i}.pdf'>Open bulletin</a></li>"
        for i, name in enumerate(BULLETINS)
    )
    assert [e["title"] for e in _entries(f"<ul class='docs'>{rows}</ul>", "<html lang='en'>")] == BULLETINS


def test_a_shared_link_wording_under_one_same_heading_still_names_its_records():
    html = _bulletins("Regular Meeting", lambda i, name: "Board of Supervisors")  # a kind, not a name
    assert [e["title"] for e in _entries(html, "<html lang='en'>")] == ["Regular Meeting"] * 4


def test_a_heading_inside_a_card_link_outranks_an_element_classed_as_a_title_in_its_picture():
    cards = "".join(
        f"<a class='news-card' href='/news/{i}.html'><div class='card-image'>"
        + ("<div class='banner-title'><span>Third national</span> <span>tournament</span></div>" if i == 1 else "")
        + f"<img src='/img/{i}.jpg'></div><div class='card-content'><span class='card-date'>{i + 1} June 2026</span>"
        f"<h2 class='card-heading'>{name}</h2></div></a>"
        for i, name in enumerate(BULLETINS)
    )
    assert [e["title"] for e in _entries(f"<div class='news'>{cards}</div>", "<html lang='en'>")] == BULLETINS


def test_a_one_word_heading_inside_a_card_link_is_a_kicker_the_element_classed_as_a_title_names_it():
    cards = "".join(
        f"<a class='card' href='/news/{i}.html'><h5>Opinion</h5><div class='card-title'>{name}</div>"
        f"<p>A teaser of some length about the matter, number {i}.</p></a>"
        for i, name in enumerate(BULLETINS)
    )
    assert [e["title"] for e in _entries(f"<div class='news'>{cards}</div>", "<html lang='en'>")] == BULLETINS


def test_a_microformat_date_in_an_elements_title_outranks_a_dateline_in_the_posts_text():
    posts = "".join(
        f"<div class='post hentry'><h3 class='entry-title'><a href='/2020/10/post-{i}.html'>{name}</a></h3>"
        f"<div class='post-body'><p><span>Budapest, Cambridge, October 2020</span></p><p>The text of the post.</p>"
        f"</div><div class='post-footer'>Posted by <span class='fn'>Editor</span> at <a href='/2020/10/post-{i}.html'>"
        f"<abbr class='published' title='2020-10-0{i + 1}T13:39:00+02:00'>13:39</abbr></a></div></div>"
        for i, name in enumerate(BULLETINS)
    )
    entries = _entries(f"<div class='blog-posts'>{posts}</div>", "<html lang='en'>")
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (name, f"2020-10-0{i + 1}") for i, name in enumerate(BULLETINS)
    ]


def test_one_pointing_wording_on_every_record_after_its_plain_name_gives_way_to_that_name():
    rows = "".join(
        f"<li>{name} <a href='/files/bulletin-{i}.pdf'>Ver comunicado</a></li>" for i, name in enumerate(BULLETINS)
    )
    entries = _entries(f"<ul class='docs'>{rows}</ul>", "<html lang='es'>")
    assert [(e["title"], e["url"]) for e in entries] == [
        (name, f"https://example.org/files/bulletin-{i}.pdf") for i, name in enumerate(BULLETINS)
    ]


def test_pagination_links_resolve_against_the_pages_base_href_too():
    rows = "".join(
        f"<div class='post'><h2><a href='news/{i}'>{name}</a></h2></div>" for i, name in enumerate(BULLETINS)
    )
    pager = "<a href='news/?page=2'>2</a> <a href='news/?page=3'>3</a> <a href='news/?page=2'>Next</a>"
    pager = f"<nav class='pager'>{pager}</nav>"
    html = f"<html lang='en'><head><base href='/'></head><body><main>{rows}{pager}</main></body></html>"
    page = extract_page(html, URL, "auto")  # URL is https://example.org/news/
    assert page.page_links == ["https://example.org/news/?page=2", "https://example.org/news/?page=3"]


def test_links_named_by_a_kind_and_its_years_are_titles_not_pointers():
    # 'Report' alone points; 'Report 2019 - 2020' names a report: found, and its title kept whole
    titles = ["Report 2019 - 2020", "Report 2020 - 2021", "Energy report"]
    items = "".join(f"<li><a href='/r/{i}'>{t}</a></li>" for i, t in enumerate(titles))
    assert [e["title"] for e in _entries(f"<h1>Reports</h1><ul>{items}</ul>", "<html lang='en'>")] == titles


def test_titles_opening_like_a_to_the_pointer_stay_titles():
    # 'Zum Dossier' points; a column 'Zum Abschied', a book 'Go to the Moon' name themselves
    from crawler.extract.pointer_words import is_generic_text

    for title in ("Zum Abschied", "Zum Glück", "Zur Sache", "Go to the Moon", "Go to Sleep", "Naar de overkant"):
        assert not is_generic_text(title), title
    for pointer in ("Zum Forschungsbericht", "Zur Pressemitteilung", "Zum Gesetzblatt", "Go to the event page"):
        assert is_generic_text(pointer), pointer
    columns = ["Zum Abschied", "Zum Glück", "Zur Sache", "Ein Sommer am See"]
    items = "".join(f"<li><a href='/k/{i}'>{t}</a> <span>{i + 3}. Mai 2024</span></li>" for i, t in enumerate(columns))
    assert [e["title"] for e in _entries(f"<h1>Kolumnen</h1><ul>{items}</ul>", "<html lang='de'>")] == columns


def test_to_the_pointers_in_several_languages_and_titles_that_only_open_alike():
    from crawler.extract.pointer_words import is_generic_text

    for pointer in ("Zum Artikel", "Zur Veranstaltung", "Vers l'article", "Ir al evento", "Go to the report"):
        assert is_generic_text(pointer), pointer
    # the guard: a book called "To the Lighthouse", an obituary "Zum Tod von …", a course "Zumba Kurs"
    for title in ("To the Lighthouse", "Zum Tod von Papst Franziskus", "Zumba Kurs", "Zum 80. Geburtstag"):
        assert not is_generic_text(title), title


STORIES = ["Harbour bridge opens to traffic", "Council approves the new budget", "River fishing rules tightened"]
STORIES += ["Volunteers plant two thousand trees"]


SOURCES = [
    "Reuters, June 1, 2024",
    "The Guardian, May 20, 2024",
    "Reuters, April 3, 2024",
    "Local Times, March 9, 2024",
]


def test_a_bare_source_link_alone_in_its_paragraph_under_each_heading_is_no_title():
    # "<h3>Story</h3><p><a>Reuters, June 1, 2024</a></p>" and nothing else: the link is the record, its paragraph
    # holds only it, and the heading before that paragraph names the story
    body = "".join(
        f"<h3>{story}</h3><p><a href='https://news{i}.example.net/story'>{source}</a></p>"
        for i, (story, source) in enumerate(zip(STORIES, SOURCES, strict=True))
    )
    entries = _entries(body, "<html lang='en-US'>")
    assert [e["title"] for e in entries] == STORIES
    assert [e["date_start"] for e in entries] == ["2024-06-01", "2024-05-20", "2024-04-03", "2024-03-09"]
    assert {e["group"] for e in entries} == {None}


def test_records_that_are_bare_affordance_links_do_not_raise():
    assert [e["title"] for e in _entries("<a href='/x'>&amp;</a><a href='/y'>Read</a>")] in ([], ["&", "Read"])


EVENTS = [
    ("7. März 2020", "Django Girls Stuttgart", "https://djangogirls.org/stuttgart/"),
    ("14. März 2020", "Chemnitzer Linux Tage", "https://clt.example.org/2020/"),
    ("20. Okt. 2019", "Django Girls Leipzig", "https://djangogirls.org/leipzig/"),
]


def test_a_link_showing_its_own_address_is_a_pointer_and_the_heading_names_the_entry():
    rows = "".join(
        f"<div class='appointment'><h3><span class='date'>{day}</span>{name}</h3>"
        f"<div><p>The free workshop is planned for {day} and still looks for mentors!</p></div>"
        f"<p><a class='more' href='{url}'>{url}</a></p></div>"
        for day, name, url in EVENTS
    )
    entries = _entries(rows, "<html lang='de'>")
    assert [(e["title"], e["url"]) for e in entries] == [(name, url) for _, name, url in EVENTS]


def test_a_long_web_address_in_some_records_loses_to_the_read_more_link_every_record_holds():
    """Notices headed by their date, each with 'Read More' to its page; most also show a meeting's web address
    in their text: an address, however long, names nothing, so it is no entry link and no record is lost."""
    # the notice is prose: no name; the heading may be read as a date or a title, the record is what is tested
    days = ["July 21, 2023", "June 16, 2023", "May 19, 2023", "May 3, 2023", "April 21, 2023", "March 17, 2023"]
    cards = "".join(
        f"<div class='notice'><h2>{day}</h2><div class='excerpt'><p>{NOTICE}</p>"
        + (
            f"<p>Location: <a href='https://meet.example.net/board{i}'>https://meet.example.net/board{i}</a></p>"
            if i % 3
            else ""
        )
        + f"<div class='more'><a href='/notices/{i}'>Read More</a></div></div></div>"
        for i, day in enumerate(days)
    )
    entries = _entries(f"<h1>Board papers</h1>{cards}", "<html lang='en'>")
    assert [e["url"] for e in entries] == [f"https://example.org/notices/{i}" for i in range(len(days))]


NOTICE = "The Board of the Airport Authority will meet at 8:00 a.m. in its Board Room, in person or remotely."
