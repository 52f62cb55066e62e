"""The generic extractor's entry links and ids: anchors, in-page addresses, ids on records, relative links and the base
href, a link with an empty address, facet links after a label the records share. Each shape in small synthetic
HTML."""

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


PAPERS = [
    "Genomic surveillance of an outbreak in the east of the country",
    "Meeting the challenge of two epidemics at once: priorities for control",
    "Serological results in African countries and how to read them",
    "Multiplex detection of antibodies in non-human primates",
]


def _papers(hrefs: list[str]) -> str:
    return "".join(
        f"<div class='row py-3'><div class='col-2'><img src='/img/{i}.jpg'></div><div class='col'>"
        f"<div class='row'><h4><a class='postLink' href='{href}'>{PAPERS[i]}</a></h4></div>"
        f"<div class='row'><p>Author {i} et al., Journal of Things</p></div></div></div>"
        for i, href in enumerate(hrefs)
    )


def test_a_record_whose_link_has_an_empty_address_stays_an_entry_without_a_link():
    hrefs = ["https://doi.org/10.1/a", "", "https://doi.org/10.1/c", "https://doi.org/10.1/d"]
    entries = _entries(_papers(hrefs) + "<p><a href=''>Print</a> <a href=''>Load more</a></p>")
    assert [e["title"] for e in entries] == PAPERS
    assert [e["url"] for e in entries] == [hrefs[0], None, hrefs[2], hrefs[3]]
    assert entries[1]["entry_id"].startswith("sha1:")


NOTICES = [
    "General assembly of the members",
    "Summer opening hours of the office",
    "New board elected for two years",
    "Call for volunteers for the fair",
]


def _notices(linked: bool) -> str:
    return "".join(
        f"<article id='post-{i}'><h2>{f'<a href={URL}#post-{i}>{title}</a>' if linked else title}</h2>"
        f"<p class='date'>{i + 2} May 2024</p><p>The association tells its members about it, notice {i}.</p></article>"
        for i, title in enumerate(NOTICES)
    )


def test_a_table_of_contents_written_with_the_pages_own_address_is_in_page_navigation():
    toc = "<div class='toc'><ul>" + "".join(f"<li><a href='{URL}#post-{i}'>{t}</a></li>" for i, t in enumerate(NOTICES))
    entries = _entries(f"<h1>News</h1>{toc}</ul></div>{_notices(linked=False)}")
    assert [e["title"] for e in entries] == NOTICES
    assert [e["url"] for e in entries] == [f"{URL}#post-{i}" for i in range(4)]
    assert [e["date_start"] for e in entries] == [f"2024-05-0{i + 2}" for i in range(4)]  # the articles, not the TOC
    assert all(e["description"].startswith("The association") for e in entries)


def test_a_record_whose_link_is_its_own_in_page_address_keeps_it():
    entries = _entries(f"<h1>News</h1>{_notices(linked=True)}")
    assert [e["title"] for e in entries] == NOTICES
    assert [e["date_start"] for e in entries] == [f"2024-05-0{i + 2}" for i in range(4)]


def test_links_to_other_sites_whose_address_holds_a_facet_word_are_entries_this_sites_tag_links_are_not():
    """A press page of clippings on other sites ('…/article/?tag=socsh', 'stamp.jsp?arnumber=…&tag=1', an aggregator's
    '?category=main&url=…'; from a campaign's press page and a lab's news grid): a facet word in another site's
    address names a page there, not a facet of this list, so those clippings are entries. A link to this site's own
    tag page under each clipping stays a facet."""
    targets = [
        "https://news.example.net/8301-205/one-year-later/?tag=socsh",
        "https://papers.example.com/stamp/stamp.jsp?tp=&arnumber=6928548&tag=1",
        "https://portal.example.com/finance/articleStory.do?category=main&url=https://x.example/story",
        "https://daily.example.com/2013/01/18/the-day-the-internet-beat-congress/",
    ]
    rows = "".join(
        f"<li><a href='{href}'>Press clipping number {n} on the campaign</a> <span>January 1{n}, 2013</span> "
        "<a href='/tag/press/'>Press</a></li>"
        for n, href in enumerate(targets)
    )
    entries = _entries(f"<h1>Press</h1><ul class='press'>{rows}</ul>")
    assert [(e["title"], e["url"]) for e in entries] == [
        (f"Press clipping number {n} on the campaign", href) for n, href in enumerate(targets)
    ]


def test_a_labelled_class_line_under_each_post_is_no_entry_of_its_own():
    """A blog's archive as one <dl>: each post a <dt> date, a <dd> title link and a <dd> "Catégorie : <a>Poésie</a>"
    whose link's address is the bare class name (batch X, a Pelican archive: found 8 for 6, two class links taken
    as entries). Lines opening on the same label, whose links lead to fewer places than there are lines, classify
    the entries; a label over links each to a place of its own ("Title: <a>…</a>") names them and stays."""
    posts = [("Alors la paix", "Poésie"), ("Bonnes fêtes à tous", "Actualités"), ("Le cadeau du soir", "Poésie")]
    posts += [("Changer le monde", "Réflexion"), ("Mobilisation des peuples", "Actualités")]
    items = "".join(
        f"<dt>dim. {20 - i} décembre 2017</dt><dd><a href='post-{i}.html'>{title}</a></dd>"
        f"<dd>Catégorie : <a href='{kind}'>{kind}</a></dd>"
        for i, (title, kind) in enumerate(posts)
    )
    entries = _entries(f"<h1>Archives</h1><dl>{items}</dl>", "<html lang='fr'>")
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (title, f"2017-12-{20 - i}") for i, (title, _) in enumerate(posts)
    ]
    named = "".join(
        f"<dt>1{i} May 2024</dt><dd>Report: <a href='/doc/{i}'>Budget {i}</a></dd>"
        f"<dd>Topic: <a href='/topic/{i % 2}'>Money</a></dd>"
        for i in range(4)
    )
    entries = _entries(f"<h1>Reports</h1><dl>{named}</dl>")
    assert [(e["title"], e["date_start"]) for e in entries] == [(f"Budget {i}", f"2024-05-1{i}") for i in range(4)]


def test_a_link_to_a_broken_ipv6_host_keeps_its_title_whole():
    """fuzz36, 2026-12-08: a title with a name after a dash whose link was 'http://[x/' (no closing bracket) made
    the slug cut's urlsplit raise ValueError and the extractor fail; the title stays whole, the link none."""
    items = "<li><a href='http://[x/'>Annual report of the board - Jane Doe</a></li>"
    items += "<li><a href='/b'>Second entry</a></li>"
    entries = _entries(f"<ul>{items}</ul>")
    assert [(e["title"], e["url"]) for e in entries][0] == ("Annual report of the board - Jane Doe", None)
