"""The generic extractor (--profile auto) on the shapes real listing pages take, in small
snippets modelled on real markup: one test per failure pattern."""

from datetime import UTC, datetime

import pytest

from crawler.entries import build_entries
from crawler.extract import extract_page

URL = "https://example.org/news/"
CHROME = (
    '<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li>'
    '<a href="/about">About our organisation</a></li>\n'
    '<li><a href="/news/">News and press releases</a></li><li><a href="/events/">Events and meetings</a></li>'
    "</ul></nav></header>"
)
FOOTER = (
    '<footer><ul><li><a href="/privacy">Privacy policy and terms</a></li><li>'
    '<a href="/contact">Contact the office</a></li></ul></footer>'
)


def _entries(body: str, now=None, url=URL):
    html = f"<html><body>{CHROME}<main>{body}</main>{FOOTER}</body></html>"
    return build_entries(extract_page(html, url, "auto", now=now), url, now=now)


def test_a_link_around_the_whole_card_gives_the_headline():
    card = (
        '<article class="card"><a class="card-link" href="/news/{i}">\n'
        '      <span class="kicker">Opinion</span><span class="comments">{i} comments</span>\n'
        '      <h3 class="card__headline">Headline number {i} of the story</h3>\n'
        '      <p class="teaser">A teaser that says what the story is about, in a sentence or two.</p>\n'
        '      <span class="author">By Jane Doe</span><time datetime="2023-05-0{i}">May {i}, 2023</time>'
        "<span>3 minute read</span></a></article>"
    )
    entries = _entries("".join(card.format(i=i) for i in range(1, 5)))
    assert [e["title"] for e in entries] == [f"Headline number {i} of the story" for i in range(1, 5)]
    assert entries[0]["url"] == "https://example.org/news/1" and entries[0]["date_start"] == "2023-05-01"


def test_a_link_around_a_card_without_a_heading_gives_its_bold_lead():
    card = (
        "<li><a href='/e/{i}'><span>"
        "<strong>Festival {i} 2014</strong> Band A, Band B and Band C, with guests</span></a></li>"
    )
    entries = _entries("<ul>" + "".join(card.format(i=i) for i in range(3)) + "</ul>")
    assert [e["title"] for e in entries] == ["Festival 0 2014", "Festival 1 2014", "Festival 2 2014"]


def test_heading_and_teaser_in_one_title_container():
    post = """<div class="post"><a href="/p/{i}"><header class="post-title"><h2>Post title {i} here</h2>
      <p>The teaser of post {i}, which shares the header with the heading.</p></header></a><p>12 March 2021</p></div>"""
    entries = _entries("".join(post.format(i=i) for i in range(3)))
    assert [e["title"] for e in entries] == [f"Post title {i} here" for i in range(3)]


def test_flat_sequences_without_a_wrapper_per_entry():
    run = """<span class="date">May {d}, 2020</span><h1><a href="/blog/{d}">Essay number {d} on work</a></h1>
      Summary of essay {d} in a sentence of plain text. <a href="/blog/{d}">Read More »</a>"""
    entries = _entries("<div class='posts'>" + "".join(run.format(d=d) for d in range(1, 21)) + "</div>")
    assert len(entries) == 20
    assert [e["title"] for e in entries[:2]] == ["Essay number 1 on work", "Essay number 2 on work"]
    assert [e["date_start"] for e in entries[:3]] == ["2020-05-01", "2020-05-02", "2020-05-03"]
    assert entries[4]["description"] == "Summary of essay 5 in a sentence of plain text."


def test_a_featured_first_post_in_other_markup_joins_the_list():
    featured = (
        '<div class="featured"><article class="hero"><h1 class="hero-title">'
        '<a href="/p/0">The featured story of the week</a></h1>\n'
        "      <p>The lead story, set in its own markup above the others.</p></article></div>"
    )
    rest = "".join(
        f"""<article class="post"><h2><a href="/p/{i}">Regular post number {i}</a></h2>
      <p>Text of the regular post {i} of the blog index.</p></article>"""
        for i in range(1, 6)
    )
    entries = _entries(featured + f"<div class='list'>{rest}</div>")
    assert [e["title"] for e in entries][:2] == ["The featured story of the week", "Regular post number 1"]
    assert len(entries) == 6


def test_an_index_of_one_line_links_is_the_content():
    titles = [f"Essay {n}: {w}" for n, w in enumerate(["Cities", "Wealth", "Work", "Taste", "Lies"] * 8)]
    body = (
        "<h1>Essays</h1><ul>"
        + "".join(f"<li><a href='/essay/{i}'>{t}</a></li>" for i, t in enumerate(titles))
        + "</ul>"
    )
    entries = _entries(body)
    assert [e["title"] for e in entries] == titles


@pytest.mark.parametrize(
    "pointer",
    [
        "view minutes",
        "Read more",
        "Continue reading",
        "Details",
        "Download (PDF)",
        "Lire la suite",
        "En savoir plus",
        "Leer más",
        "Ver más",
        "Plus d’infos",
        "Consulter le document",
        "Más información",
        "Descargar el documento (PDF, 1 MB)",
        "3 Attachments",
        "No Comments",
    ],
)
def test_generic_link_text_is_no_title(pointer):
    card = (
        f"<div class='item'><h3>Meeting of the board number {{i}}</h3><p>The board meets.</p>"
        f"<a href='/m/{{i}}'>{pointer}</a></div>"
    )
    entries = _entries("".join(card.format(i=i) for i in range(3)))
    assert [e["title"] for e in entries] == [f"Meeting of the board number {i}" for i in range(3)]
    assert entries[1]["url"] == "https://example.org/m/1"


def test_meetings_named_by_their_date():
    rows = "".join(
        f"<li><span>January {d}, 2021</span> <a href='/minutes/{d}.pdf'>view minutes</a></li>" for d in (5, 12, 19)
    )
    entries = _entries(f"<ul class='minutes'>{rows}</ul>")
    assert [e["title"] for e in entries] == ["January 5, 2021", "January 12, 2021", "January 19, 2021"]
    assert [e["date_start"] for e in entries] == ["2021-01-05", "2021-01-12", "2021-01-19"]


def test_a_table_of_documents_titled_in_a_cell_beside_the_download_link():
    rows = "".join(
        f"<tr><td>{d}/03/2021</td><td>Conseil municipal numéro {d}</td><td>"
        f"<a href='/d/{d}.pdf'>Télécharger (PDF, 2 Mo)</a></td></tr>"
        for d in (12, 19, 26)
    )
    entries = _entries(f"<table><tr><th>Date</th><th>Titre</th><th>Document</th></tr>{rows}</table>")
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (f"Conseil municipal numéro {d}", f"2021-03-{d}") for d in (12, 19, 26)
    ]


@pytest.mark.parametrize(
    "shown,start",
    [
        ("Posted on September  3, 2019 at  6:09 AM", "2019-09-03"),
        ("Monday, January 29th, 2018", "2018-01-29"),
        ("Publié le 1er mars 2021", "2021-03-01"),
        ("1º de marzo de 2021", "2021-03-01"),
        ("3 hours ago", "2024-03-30"),
        ("il y a 3 jours", "2024-03-28"),
        ("hace 2 días", "2024-03-29"),
        ("Posted in News, Events on February 2, 2026", "2026-02-02"),
    ],
)
def test_dates_shown_are_read(shown, start):
    now = datetime(2024, 3, 31, 1, 0, tzinfo=UTC)
    card = (
        f"<div class='post'><h2><a href='/p/{{i}}'>A post title number {{i}}</a></h2><p class='meta'>{shown}</p>"
        f"<p>Body text of the post.</p></div>"
    )
    entries = _entries("".join(card.format(i=i) for i in range(3)), now=now)
    assert [(e["date_start"], e["date_precision"]) for e in entries] == [(start, "day")] * 3, [
        e["date_text"] for e in entries
    ]


def test_a_time_element_with_a_non_iso_value():
    card = "<li><a href='/e/{i}'>Event number {i} of the year</a> <time datetime='December 15, 2020'>Dec 15</time></li>"
    entries = _entries("<ul>" + "".join(card.format(i=i) for i in range(3)) + "</ul>")
    assert [e["date_start"] for e in entries] == ["2020-12-15"] * 3


def test_descriptions_without_tags_icons_authors_ranks_or_sites():
    item = (
        '<li><span class="rank">{i}.</span><h3><a href="https://other{i}.org/story">A story found elsewhere, '
        "number {i}</a></h3>\n"
        '      <span class="site">(other{i}.org)</span><p class="by">By Jane Doe</p><p><i>\ue0b2'
        "</i> The story's own text, number {i}.</p>\n"
        '      <p class="tags">Tags: <a href="/t/a">labour</a>, <a href="/t/b">wages</a></p></li>'
    )
    entries = _entries("<ol>" + "".join(item.format(i=i) for i in range(1, 4)) + "</ol>")
    assert [e["description"] for e in entries] == [f"The story's own text, number {i}." for i in range(1, 4)]


def test_rows_whose_meta_line_is_the_next_row():
    # A link aggregator: the title row, then a row of points, author, a linked relative date, comments.
    row = (
        '<tr class="athing"><td class="title"><span class="rank">{i}.</span></td><td class="title">'
        '<span class="titleline">\n'
        '      <a href="https://site{i}.org/a">A story from another site, number {i}</a>'
        '<span class="sitebit"> (<a href="from?site=site{i}.org">site{i}.org</a>)</span>\n'
        '      </span></td></tr><tr><td></td><td class="subtext"><span class="score">4{i} points</span> by '
        '<a href="user?id=u{i}">u{i}</a>\n'
        '      <span class="age"><a href="item?id={i}">{i} days ago</a></span> | '
        '<a href="item?id={i}">{i}&nbsp;comments</a></td></tr>\n'
        '      <tr class="spacer"></tr>'
    )
    now = datetime(2024, 3, 31, 12, 0, tzinfo=UTC)
    entries = _entries("<table>" + "".join(row.format(i=i) for i in range(1, 5)) + "</table>", now=now)
    assert [e["title"] for e in entries] == [f"A story from another site, number {i}" for i in range(1, 5)]
    assert [e["date_start"] for e in entries] == ["2024-03-30", "2024-03-29", "2024-03-28", "2024-03-27"]
    assert all(e["description"] is None for e in entries)  # points, author, comments: no description


def test_a_year_shown_in_the_group_heading_completes_a_date():
    rows = "".join(f"<li><a href='/agenda/{d}.pdf'>August {d} - City Council Agenda</a></li>" for d in (9, 23))
    entries = _entries(
        f"<h2>Agendas - 2022</h2><ul>{rows}</ul><h2>Agendas - 2021</h2><ul><li>"
        "<a href='/a/x.pdf'>May 4 - City Council Agenda</a></li></ul>"
    )
    assert [(e["date_start"], e["group"]) for e in entries] == [
        ("2022-08-09", "Agendas - 2022"),
        ("2022-08-23", "Agendas - 2022"),
        ("2021-05-04", "Agendas - 2021"),
    ]


def test_posts_under_a_days_heading_take_that_day():
    day = "<h2 class='date-header'><span>mercredi 14 octobre 2020</span></h2>"
    post = (
        "<div class='post'><h3><a href='/p/{i}'>Billet numéro {i} du blog</a></h3><div class='body'>"
        "<p>Le texte du billet.</p></div></div>"
    )
    entries = _entries(
        day
        + post.format(i=1)
        + post.format(i=2)
        + "<h2 class='date-header'><span>mardi 13 octobre 2020</span></h2>"
        + post.format(i=3)
    )
    assert [e["date_start"] for e in entries] == ["2020-10-14", "2020-10-14", "2020-10-13"]


def test_entries_without_a_link_of_their_own():
    # An event list with no detail pages: each event is its heading, date line and text.
    event = (
        "<div class='event'><h3>Annual conference on topic {i}</h3><p class='date'>1{i} March 2021</p>"
        "<p>Description of the event number {i}, with some words.</p></div>"
    )
    entries = _entries("<h1>Events</h1><h2>March 2021</h2>" + "".join(event.format(i=i) for i in range(4)))
    assert [(e["title"], e["url"], e["date_start"], e["group"]) for e in entries] == [
        (f"Annual conference on topic {i}", None, f"2021-03-1{i}", "March 2021") for i in range(4)
    ]
    assert entries[0]["description"] == "Description of the event number 0, with some words."


def test_a_date_in_a_long_meta_line_by_its_class():
    meta = (
        "<div class='entry-meta'><span class='author'><a href='/author/{i}'>Raisa Beatriz Rodríguez Pedro</a></span>"
        "<span class='posted-on'><a href='/p/{i}'>1{i} octubre, 2020</a></span>"
        "<span class='comments'>No Comments</span>"
        "<span class='tag-links'><a href='/t/a' rel='tag'>Cuba</a><a href='/t/b' rel='tag'>Cooperación médica</a>"
        "<a href='/t/c' rel='tag'>Salud pública</a></span></div>"
    )
    post = (
        "<article class='post'><h2 class='entry-title'><a href='/p/{i}'>Noticia número {i} de la sección</a></h2>"
        + meta
        + "</article>"
    )
    entries = _entries("".join(post.format(i=i) for i in range(3)))
    assert [e["date_start"] for e in entries] == ["2020-10-10", "2020-10-11", "2020-10-12"]


@pytest.mark.parametrize("after", [" (1{i} March 2021)", " – 1{i}.03.2021 [PDF 2MB]", ", publié le 1{i} mars 2021"])
def test_a_date_after_the_title_link_in_one_line(after):
    item = "<li><a href='/p/{i}'>Report on the labour market number {i}</a>" + after + "</li>"
    entries = _entries("<ul>" + "".join(item.format(i=i) for i in range(3)) + "</ul>")
    assert [e["date_start"] for e in entries] == ["2021-03-10", "2021-03-11", "2021-03-12"]
    assert [e["title"] for e in entries] == [f"Report on the labour market number {i}" for i in range(3)]
