"""Records of real listing pages the generic extractor read wrong (issue 21, batch K, part A), each in small
synthetic HTML."""

from synthetic import URL
from synthetic import generic_entries as _entries

from crawler.parsers.ids import entry_id

EVENTS = ["Wandeling in het bos", "Tweedehandsbeurs", "Grootouderfeest", "Bezoek aan het treinmuseum"]
DAYS = [7, 12, 18, 20]


def _event(i: int, name: str) -> str:
    slug = name.lower().replace(" ", "-")
    contact = (
        "<ul><li><div class='personalia'><h2 class='name'>Jo Peeters - Janssens</h2><p>Secretaris</p>"
        "<p><a href='tel:+3233221275'>03/322 12 75</a></p></div></li></ul>"
        if i % 2
        else "<ul></ul>"
    )
    return (
        f"<article class='block'><h2><a name='{slug}' class='anchor' href='#{slug}'></a>{name}</h2>"
        f"<p>Op <time datetime='11/{DAYS[i]}/2017'>Dinsdag {DAYS[i]} November 2017</time> van <time>?</time></p>"
        f"<p>Een uitstap voor het hele gezin, met vertrek aan de kerk.</p>{contact}</article>"
    )


def test_events_named_by_headings_with_their_own_anchor_are_entries_at_that_anchor():
    # a month calendar links to each event below it by '#slug' only; each event's heading holds an empty anchor
    # to itself, some headings are one word, and some events hold a contact card with a heading of the same rank
    calendar = "<table class='calendar'><tr><th>Maandag</th><th>Dinsdag</th></tr><tr>" + "".join(
        f"<td><div>{DAYS[i]}</div><ul><li><a href='#{n.lower().replace(' ', '-')}'>{n}</a></li></ul></td>"
        for i, n in enumerate(EVENTS)
    )
    html = f"<article class='month'><h1>November 2017</h1><section>{calendar}</tr></table></section>"
    html += "<section class='columns'>" + "".join(_event(i, n) for i, n in enumerate(EVENTS)) + "</section></article>"
    entries = _entries(html, "<html lang='nl'>")
    assert [e["title"] for e in entries] == EVENTS
    assert entries[1]["url"] == URL + "#tweedehandsbeurs"
    # datetime="11/7/2017" could be either order on a Dutch page; "Dinsdag 7 November 2017" beside it says which
    assert [e["date_start"] for e in entries][:2] == ["2017-11-07", "2017-11-12"]
    assert len({e["entry_id"] for e in entries}) == len(EVENTS)  # four entries in the archive, not one


NEWS = ["Le site ouvre ses portes", "Sortie de résidence", "Maraîchage collectif", "Four à pizza", "La compagnie"]
ELSEWHERE = ["/", "https://www.journal.example/article-7145961", "https://social.example/artiste"]


def _news(i: int, name: str) -> str:
    to = ELSEWHERE[i] if i < len(ELSEWHERE) else None
    link = f"<p>Voir <a href='{to}'>cet article</a> du journal local pour en savoir plus sur ce sujet</p>" if to else ""
    return (
        f"<section class='content bloc' id='2021-02-{20 - i}-nouvelle-{i}'><div class='wrapper'>"
        f"<div class='bloc-text'><h2>{name}</h2><h3>2021-02-{20 - i}</h3>"
        f"<div class='description'><p>Le texte de la nouvelle {i}, en entier sur la page.</p>{link}</div>"
        "</div></div></section>"
    )


def test_news_shown_in_full_with_an_id_each_are_the_entries_though_few_hold_links_elsewhere():
    # three of five sections hold one link each (home, a newspaper, a profile): no more links than sections, but
    # the page gives each section its own address, and the links lead to unrelated places
    html = "<h1>Actualités</h1><div id='archived-feed'>" + "".join(_news(i, n) for i, n in enumerate(NEWS)) + "</div>"
    entries = _entries(html, "<html lang='fr'>")
    assert [e["title"] for e in entries] == NEWS
    assert entries[0]["url"] == URL + "#2021-02-20-nouvelle-0"
    assert entries[3]["date_start"] == "2021-02-17"


def test_cards_with_an_id_each_and_their_own_pages_in_one_directory_keep_their_links():
    # the guard: cards the page gives ids, some with a link to its own page beside the others': the links are theirs
    cards = "".join(
        f"<div class='card' id='post-{i}'><h3>{name}</h3><p>Le texte de la nouvelle, en quelques mots seulement"
        + (f" <a href='/nouvelles/{i}/'>Poursuivre la lecture</a>" if i else "")
        + "</p></div>"
        for i, name in enumerate(NEWS)
    )
    entries = _entries(cards, "<html lang='fr'>")
    assert [e["url"].rsplit("/", 2)[-2] for e in entries] == ["1", "2", "3", "4"]


def test_posts_with_an_id_each_keep_their_dated_permalinks_though_few_hold_one():
    # the guard, with permalinks in several directories ("/2021/02/…", "/2020/11/…"): one site, one depth
    posts = "".join(
        f"<div class='post' id='post-{i}'><h2>{name}</h2><p>Le texte de la nouvelle, en quelques mots seulement"
        + (f" <a href='/202{i % 2}/0{i}/nouvelle-{i}/'>Poursuivre la lecture</a>" if i else "")
        + "</p></div>"
        for i, name in enumerate(NEWS)
    )
    entries = _entries(posts, "<html lang='fr'>")
    assert [e["url"].rsplit("/", 2)[-2] for e in entries] == ["nouvelle-1", "nouvelle-2", "nouvelle-3", "nouvelle-4"]


def test_an_address_inside_the_listing_keys_its_entry_by_title_as_before():
    listing = "https://example.org/agenda/"
    assert entry_id(listing + "#feest", "Feest", listing) != entry_id(listing + "#beurs", "Beurs", listing)
    # the id such a record had before its in-page address was read (none): an archive made before keeps its history
    assert entry_id(listing + "#feest", "Feest", listing) == entry_id(None, "Feest", listing)
    # elsewhere a fragment stays no part of the id ("#comments" on a post's page)
    assert entry_id("https://example.org/news/a/#comments", "A", listing) == "https://example.org/news/a/"


def _talk_row(i: int, name: str, linked: bool) -> str:
    title = f"<a href='/events/intern/{i}.html'>{name}</a>" if linked else f"<span class='title'>{name}</span>"
    return (
        f"<tr><td><span class='date'>1{i}.03.2025</span></td><td>{title}</td><td><span>Online</span></td>"
        f"<td><span class='description'><a href='https://partner{i}.example.net/event/{i}/'>"
        + (f"Website of {name}" if linked else "Link")
        + "</a></span></td></tr>"
    )


TALKS = ["Digital History Colloquium", "Data Stewardship Days", "Getting started with NOMAD", "Containers for Research"]


def test_a_table_row_whose_only_link_is_a_pointer_is_an_entry_named_by_its_text():
    # two rows name their own page in the title column; two others have no title link, only "Link" to the event
    rows = "".join(_talk_row(i, name, i < 2) for i, name in enumerate(TALKS))
    head = "<thead><tr><th>Datum</th><th>Titel</th><th>Ort</th><th>Weblink</th></tr></thead>"
    entries = _entries(f"<table>{head}<tbody>{rows}</tbody></table>", "<html lang='de'>")
    assert [e["title"] for e in entries] == TALKS
    assert entries[2]["url"] == "https://partner2.example.net/event/2/"
    assert entries[3]["date_start"] == "2025-03-13"


def _press_row(i: int, name: str) -> str:
    url = f"https://paper{i}.example.com/city/story-{1076079 + i}.html"
    shown = f"<a href='{url}'>{url}</a>"
    return (
        f"<tr><th scope='row'>Jan {20 - i}, 2022</th><td><h5>{name}</h5><h6>The Herald, {19 - i} January 2022</h6>"
        + (f"<div>Link to news article: {shown}</div>" if i % 2 else f"Link to news article: {shown}")
        + "</td></tr>"
    )


PRESS = ["Curbs delay the spread of the virus", "A new lab for network intelligence", "Cases may rise in February"]


def test_rows_whose_only_link_is_a_web_address_are_entries_wherever_the_link_sits():
    # the address sits in the cell in some rows and in a <div> in others: one list, every row an entry
    html = "<table class='table'>" + "".join(_press_row(i, name) for i, name in enumerate(PRESS + TALKS)) + "</table>"
    entries = _entries(html)
    assert [e["title"] for e in entries] == PRESS + TALKS
    assert entries[1]["url"] == "https://paper1.example.com/city/story-1076080.html"
    assert entries[1]["date_start"] == "2022-01-19"


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


def test_a_day_and_month_before_a_dash_still_name_a_document():
    # "August 9 - City Council Agenda": after a dash the day and month are part of the document's name
    rows = "".join(
        f"<li><a href='/download/{m.lower()}-{d}-agenda/'>{m} {d} - City Council Agenda</a></li>"
        for m, d in (("August", 23), ("August", 9), ("July", 26))
    )
    entries = _entries(f"<h2>Agendas - 2022</h2><ul>{rows}</ul>")
    assert [e["title"] for e in entries][:2] == ["August 23 - City Council Agenda", "August 9 - City Council Agenda"]


def _story_row(i: int, name: str) -> str:
    url = f"https://site{i}.example.org/pages/{i}.aspx"
    shown = "Link to news article " if i == 0 else url  # the other rows show the address itself
    return f"<tr><th scope='row'>May {12 - i}, 2023</th><td><h5>{name}</h5><a href='{url}'>{shown}</a></td></tr>"


def test_a_link_saying_link_to_news_article_points_and_the_heading_beside_it_names_the_row():
    entries = _entries("<table class='table'>" + "".join(_story_row(i, n) for i, n in enumerate(PRESS)) + "</table>")
    assert [e["title"] for e in entries] == PRESS
    assert entries[0]["url"] == "https://site0.example.org/pages/0.aspx"


def test_one_article_around_the_whole_listing_keeps_every_heading_in_it_an_entry():
    # the guard: the headings inside a lone page <article> are the entries', not parts of its first one
    events = "".join(
        f"<div class='event'><h2 id='ev-{i}'>{name}</h2><p>{10 + i} mei 2024, in de parochiezaal</p></div>"
        for i, name in enumerate(EVENTS)
    )
    entries = _entries(f"<article class='page'><div class='events'>{events}</div></article>", "<html lang='nl'>")
    assert [e["title"] for e in entries] == EVENTS
    assert entries[2]["url"] == URL + "#ev-2"


def test_records_sharing_one_in_page_address_keep_an_entry_id_each():
    # a page that reuses one id on several sections (a template's id='item'): that address names none of them, so
    # each keeps the id of its title, as before in-page addresses were read; one shared id would merge them
    names = ["First notice to members", "Second notice to members", "Third notice to members", "Fourth notice"]
    html = "".join(
        f"<section id='{'item' if i < 3 else 'other'}'><h2>{n}</h2><p>The notice number {i} about our club.</p>"
        "</section>"
        for i, n in enumerate(names)
    )
    entries = _entries(html)
    assert [e["title"] for e in entries] == names
    assert len({e["entry_id"] for e in entries}) == 4
    assert [e["url"] for e in entries[:3]] == [None] * 3
    assert entries[3]["url"] == URL + "#other"
