"""The generic extractor's titles: which line or element names a record (a heading, a bold lead, a kicker or label, a
section label every card repeats, an author an avatar pictures). Each shape in small synthetic HTML; what a title's
edges keep is in test_generic_title_edges.py, a title that is a link's own words in test_generic_title_links.py."""

import json

from conftest import cli
from synthetic import URL, page, read
from synthetic import generic_entries as _entries

from crawler.extract.slug_tails import slug_cut

RELEASES = [
    ("Agency awards a five-year contract for adult literacy", "News Release: May 11, 2021", "2021-05-11"),
    ("Recommendations for a federal compliance library", "FCW: March 22, 2021", "2021-03-22"),
    ("Fixing government security compliance with rapid ATO", "News Release: February 4, 2021", "2021-02-04"),
]


def test_a_heading_names_a_record_whose_lone_link_follows_a_label_on_its_line():
    # the link says the article's own, differently worded title where it leads; the heading names the record
    rows = "".join(
        f"<div class='release'><h2>{name}</h2><span>{line}</span><p>A teaser of some words about release {i}.</p>"
        f"<p>Full story: <a href='https://press.example.net/{i}'>Elsewhere: the article's own headline {i}</a></p>"
        "</div>"
        for i, (name, line, _) in enumerate(RELEASES)
    )
    entries = _entries(rows, "<html lang='en-US'>")
    assert [e["title"] for e in entries] == [name for name, _, _ in RELEASES]
    assert [e["url"] for e in entries] == [f"https://press.example.net/{i}" for i in range(3)]
    assert [e["date_start"] for e in entries] == [iso for _, _, iso in RELEASES]


MOTIONS = [
    ("Bike racks around the community forum", ["My report on the racks", "Minutes, item 12"]),
    ("A safe footpath over the market square", []),
    ("Longer opening hours for the public pool", []),
    ("A hospice for the district", []),
    ("Drinking fountains in public spaces", []),
    ("Support for senior citizens' clubs", []),
]


def test_a_heading_names_a_record_whose_link_opens_a_closing_line_of_links():
    # de-mark-petersen-bergedorf-antraege: each motion's last line holds its document link, and on a few further
    # links after separators ("<a>Antrag 21-0117 öffnen</a> · <a>SPD-Bericht</a>"): the heading above names them all
    rows = "".join(
        f"<li><article><p class='meta'>2{i}.09.2019 · Paper 21-01{i}</p><h3>{name}</h3>"
        f"<p>What the motion asks the district office to look into, in a sentence or two ({i}).</p><p>"
        + " · ".join(
            [f"<a href='/documents/{i}'>Open motion 21-01{i}</a>"]
            + [f"<a href='/more/{i}/{k}'>{x}</a>" for k, x in enumerate(more)]
        )
        + "</p></article></li>"
        for i, (name, more) in enumerate(MOTIONS)
    )
    entries = _entries(f"<ol>{rows}</ol>", "<html lang='en-GB'>")
    assert [e["title"] for e in entries] == [name for name, _ in MOTIONS]
    assert [e["url"] for e in entries] == [f"https://example.org/documents/{i}" for i in range(len(MOTIONS))]


DOJOS = [
    ("#131: Capture the Flag", "4 July 2026"),
    ("#130: Raspberry Pi", "6 June 2026"),
    ("#129: Free choice", "9 May 2026"),
]


def test_a_more_link_beside_a_link_around_the_card_to_the_same_place_opens_no_entry_of_its_own():
    # each card: one link around its heading, date and teaser, then "more…" to the same page
    rows = "".join(
        f"<div class='dojo'><a href='/dojos/{i}/'><h3>{name}</h3><p>{day}</p><p>We work with the "
        f"Raspberry Pi again, with Python and electronics, session {i}.</p></a><a href='/dojos/{i}/'>more…</a></div>"
        for i, (name, day) in enumerate(DOJOS)
    )
    entries = _entries(rows, "<html lang='en-GB'>")
    assert [e["title"] for e in entries] == [name for name, _ in DOJOS]
    assert [e["date_start"] for e in entries] == ["2026-07-04", "2026-06-06", "2026-05-09"]


def _dojo_cards(section: str = "") -> str:
    card = (
        "<div class='dojo'><a href='/dojos/{i}/'><div class='dojo-kop'>{name} -\n<span>Saturday\n{day}</span> "
        "<span class='place'>@ Keizer Karelplein 32, Nijmegen</span></div><p><img src='/i{i}.png' alt=''></p>"
        "{section}<p>We work with the Raspberry Pi again, with Python and electronics, session {i}.</p></a>"
        "<a href='/dojos/{i}/'>more…</a></div>"
    )
    return "".join(card.format(i=i, name=name, day=day, section=section) for i, (name, day) in enumerate(DOJOS))


def test_a_title_line_of_words_closed_by_a_dash_then_a_date_and_a_place_of_their_own_is_those_words():
    entries = _entries(_dojo_cards(), "<html lang='en-GB'>")
    assert [e["title"] for e in entries] == [name for name, _ in DOJOS]
    assert [e["date_start"] for e in entries] == ["2026-07-04", "2026-06-06", "2026-05-09"]


def test_a_heading_the_same_on_every_card_after_its_own_first_line_is_a_section_label_not_the_title():
    entries = _entries(_dojo_cards("<h2>What will we do?</h2>"), "<html lang='en-GB'>")
    assert [e["title"] for e in entries] == [name for name, _ in DOJOS]
    assert [e["date_start"] for e in entries] == ["2026-07-04", "2026-06-06", "2026-05-09"]


def test_a_heading_the_same_on_every_record_that_opens_it_still_names_it():
    rows = "".join(
        f"<div class='post'><h3><a href='/week/{i}/'>The week ahead...</a></h3><p>{day}</p>"
        f"<p>Meetings, hearings and votes of week {i}, with the agenda of each.</p></div>"
        for i, (_, day) in enumerate(DOJOS)
    )
    entries = _entries(rows, "<html lang='en-GB'>")
    assert [e["title"] for e in entries] == ["The week ahead..."] * 3


def test_bold_words_inside_a_sentence_of_the_teaser_are_emphasis_not_the_title():
    rows = "".join(
        f"<div class='card'><a href='/e/{i}/'><div class='kop'>{name}</div><p>After a pause we start on "
        f"<strong>Saturday {i + 7} May</strong> with a live session again!</p></a></div>"
        for i, (name, _) in enumerate(DOJOS)
    )
    entries = _entries(rows, "<html lang='en-GB'>")
    assert [e["title"] for e in entries] == [name for name, _ in DOJOS]


def test_a_heading_every_record_shares_after_a_line_holding_a_date_still_names_it():
    rows = "".join(
        f"<div class='meeting'><a href='/m/{i}/'><p>{day}, 6 pm – City Hall, room {i}</p><h3>Board Meeting</h3>"
        f"<p>The board meets on the budget and the parks plan, session {i}.</p></a></div>"
        for i, (_, day) in enumerate(DOJOS)
    )
    entries = _entries(rows, "<html lang='en-GB'>")
    assert [e["title"] for e in entries] == ["Board Meeting"] * 3


ARTICLES = [
    ("Ana Souza", "20/06/2022", "PHP conference 2022 in the north east", "2022-06-20"),
    ("Leo Campos", "05/10/2020", "Middleware, PSR-7, PSR-15 and Mezzio", "2020-10-05"),
    ("Rafael Pinto", "19/05/2020", "How UX design makes you a better developer", "2020-05-19"),
]


def _author_cards(dated: bool = True) -> str:
    card = (
        "<article class='card'><a href='/articles/{i}'><header><figure><img class='is-rounded' "
        "src='https://www.gravatar.com/avatar/{i}?s=64' alt='Gravatar of {name}'></figure></header><div>"
        "<p class='title'>{name}</p>{line}</div><div><p class='is-uppercase'>{title}</p></div></a></article>"
    )
    return "".join(
        card.format(i=i, name=name, title=title, line=f"<p class='subtitle'>on <time>{day}</time></p>" if dated else "")
        for i, (name, day, title, _) in enumerate(ARTICLES)
    )


def test_a_name_an_avatar_pictures_over_a_date_line_is_the_author_and_the_line_after_it_the_title():
    entries = _entries(_author_cards(), "<html lang='pt-BR'>")
    assert [e["title"] for e in entries] == [title for _, _, title, _ in ARTICLES]
    assert [e["date_start"] for e in entries] == [iso for *_, iso in ARTICLES]


def test_a_list_of_people_under_their_avatars_is_named_by_them():
    entries = _entries(_author_cards(dated=False), "<html lang='pt-BR'>")
    assert [e["title"] for e in entries] == [name for name, *_ in ARTICLES]


MENTIONS = ["Forecasting water quality for managers", "A student merges data and the outdoors"]
MENTIONS += ["Team launches a system to predict water conditions", "Researchers win support to forecast lakes"]


SOURCES = ["By: Abby Lewis", "Tech Daily, May 9, 2019", "Tech Daily, April 2, 2019", "Water World, October 18, 2017"]


def _mentions(heading: str, links: list[str]) -> str:
    body = "".join(
        f"<{heading}>{name}</{heading}><p><em><a href='https://news{i}.example.net/story'>{line}</a></em></p>"
        f"<p>The story's first paragraph, quoted at length from the article.</p>"
        for i, (name, line) in enumerate(zip(MENTIONS, links, strict=True))
    )
    return f"<article><h1>In the News</h1><section>{body}</section></article>"


def test_a_heading_over_each_record_whose_link_names_the_source_and_date_is_the_title():
    # press mentions: each story's heading, then a line linking the outlet and the day it ran (or who made it)
    for heading in ("h1", "h2"):
        entries = _entries(_mentions(heading, SOURCES), "<html lang='en-US'>")
        assert [e["title"] for e in entries] == MENTIONS
        assert [e["url"] for e in entries] == [f"https://news{i}.example.net/story" for i in range(4)]
        assert [e["date_start"] for e in entries] == [None, "2019-05-09", "2019-04-02", "2017-10-18"]
        assert {e["group"] for e in entries} == {None}


def test_a_link_naming_its_story_beside_a_date_under_a_heading_of_its_own_stays_the_title():
    # the guard: a link of many words is the story's own name, the heading over it (an author, a topic) is not
    days = ["May 9, 2019", "April 2, 2019", "October 18, 2017", "June 1, 2017"]
    named = [f"{name} in the valley this spring, {day}" for name, day in zip(MENTIONS, days, strict=True)]
    entries = _entries(_mentions("h1", named), "<html lang='en-US'>")
    assert [e["title"][:20] for e in entries] == [t[:20] for t in named]
    assert not {e["title"] for e in entries} & set(MENTIONS)


STIRI = ["Teatrul sustine maratonul independent", "Productiile teatrului in topul spectatorilor"]
STIRI += ["Teatrul la festivalul de vara", "Premiera in cadrul festivalului"]


DAYS = ["6 septembrie 2012", "4 septembrie 2012", "6 iulie 2012", "19 iunie 2012"]


def _stire(i: int, title: str, day: str) -> str:
    # the teaser pasted from a word processor, with headings and bold runs of its own
    pasted = f"<h1 align='center'><span>Festivalul numărul {i} al orașului</span></h1>" if i % 2 == 0 else ""
    pasted += "<p><b>prima ediție a festivalului de teatru...</b></p>" if i != 1 else "<p>Un text scurt.</p>"
    return (
        f"<tr><td><div style='padding:5px'><font size='2'>{day}</font><br><font size='4'>{title}</font><br>"
        f"<font size='2'><p>&nbsp;</p>{pasted}</font><br><div class='buton-inapoi'>"
        f"<a href='{URL}stire-{i}.html'><font size='1'>&gt; Citeşte mai mult ...</font></a></div></div></td></tr>"
    )


def test_a_line_set_in_big_type_over_a_teaser_with_headings_of_its_own_names_a_record_linked_by_a_pointer():
    # each news item: its date, a break, its title in big type, the teaser (pasted with headings and bold runs)
    # and "Citeşte mai mult ..." (Romanian "Read more"), its only link
    rows = "".join(_stire(i, t, d) for i, (t, d) in enumerate(zip(STIRI, DAYS, strict=True)))
    entries = _entries(f"<h2>Stiri</h2><table>{rows}</table>", "<html lang='ro'>")
    assert [e["title"] for e in entries] == STIRI
    assert [e["url"] for e in entries] == [f"{URL}stire-{i}.html" for i in range(4)]
    assert [e["date_start"] for e in entries] == ["2012-09-06", "2012-09-04", "2012-07-06", "2012-06-19"]


def test_pointer_words_in_other_languages_leave_the_record_named_by_its_own_text():
    for pointer in ("Citește mai mult", "Czytaj więcej", "Lue lisää", "Läs mer", "Pročitaj više", "Devamını oku"):
        rows = "".join(f"<li>{name} <a href='/doc/{i}'>{pointer}</a></li>" for i, name in enumerate(STIRI))
        entries = _entries(f"<h2>Arhiva</h2><ul>{rows}</ul>")
        assert [e["title"] for e in entries] == STIRI, pointer


def test_a_bold_kicker_beside_its_heading_in_one_block_stays_a_kicker():
    # the guard: "<strong>Comunicat</strong>" over the heading in the same block labels the kind of item
    cards = "".join(
        f"<div class='card'><strong>Comunicat de presă</strong><h3>{t}</h3><p>Un text scurt al știrii.</p>"
        f"<a href='{URL}c-{i}'>Citește mai mult</a></div>"
        for i, t in enumerate(STIRI)
    )
    entries = _entries(f"<h2>Stiri</h2>{cards}", "<html lang='ro'>")
    assert [e["title"] for e in entries] == STIRI


def test_a_pretitle_is_a_kicker_not_the_title():
    card = "<div class='t'><a href='/n/{i}' class='t__link'><img src='/i/{i}.jpg'>"
    card += "<div class='t__pretitle'>Kicker {i}</div><div class='t__title'>The headline of story number {i}</div>"
    card += "</a><p>Teaser text {i}.</p></div>"
    entries = _entries("".join(card.format(i=i) for i in range(3)))
    assert [e["title"] for e in entries] == [f"The headline of story number {i}" for i in range(3)]


PAPERS = [
    ("Detection of potential gas accumulations in seismic images", "D. Dias, L. da Cruz", "01 Apr 2023"),
    ("Heart segmentation in planning CT using U-Net", "J. Diniz, A. Silva, M. Gattas", "15 Jan 2022"),
    ("Um Método Baseado em Radiomics para Diagnóstico", "A. Paiva", "01 Sep 2021"),
]


def _cards(papers) -> str:
    return "".join(
        f"<div class='card'><a href='https://doi.org/x{i}' class='card-link'><div class='card-text'>{title}"
        f"<div class='authors'>{authors}</div><div class='details'><span>Journal of Things</span> · "
        f"<span class='date'>{date}</span> · <span>doi:10.1/{i}</span></div></div></a></div>"
        for i, (title, authors, date) in enumerate(papers)
    )


def test_a_cards_own_leading_words_before_its_lines_are_the_title_and_a_line_holds_the_date():
    entries = _entries(_cards(PAPERS), "<html lang='pt-br'>")
    assert [e["title"] for e in entries] == [title for title, _, _ in PAPERS]
    assert [e["date_start"] for e in entries] == ["2023-04-01", "2022-01-15", "2021-09-01"]
    assert PAPERS[0][1] in entries[0]["description"]  # the authors are the card's text, not its title


def test_a_card_opening_on_a_short_label_keeps_its_whole_text_as_before():
    card = "<div class='c'><a href='/r{0}'>New<div>Report number {0} on wages</div></a></div>"
    html = "".join(card.format(i) for i in range(3))
    assert [e["title"] for e in _entries(html)] == [f"New Report number {i} on wages" for i in range(3)]


def test_learn_finds_an_example_that_is_a_cards_leading_words_and_reads_every_card():
    for example in (PAPERS[0][0], PAPERS[-1][0]):
        text, entries = read(page(_cards(PAPERS)).replace('lang="en"', 'lang="pt-br"'), [example])
        assert [e["title"] for e in entries] == [title for title, _, _ in PAPERS], text
        assert [e["date_start"] for e in entries] == ["2023-04-01", "2022-01-15", "2021-09-01"], text


def test_a_heading_without_a_link_names_a_record_whose_lone_link_line_names_another_page():
    rows = "".join(
        f"<div class='appointment'><h3>{name}</h3><div><p>A talk and workshop for everyone, number {i}.</p></div>"
        f"<p><a class='more' href='https://example.org/host/{i}.html'>Events of the University of Leipzig</a></p></div>"
        for i, name in enumerate(["Django Girls introduced", "Python in schools", "Async views in practice"])
    )
    entries = _entries(rows, "<html lang='de'>")
    assert [e["title"] for e in entries] == ["Django Girls introduced", "Python in schools", "Async views in practice"]


def test_a_short_label_before_the_link_in_a_heading_is_part_of_the_title():
    card = "<div class='cblq'><div class='cim'><a href='/{i}'><img src='/c{i}.png' alt=''></a></div><div class='cte'>"
    card += "<h2>{label}<a href='https://who.int/{i}'>Consejos de la OMS número {i}<img alt='Nueva ventana' "
    card += "src='/nv.gif'></a></h2><h3>Fuente</h3><p>Organización Mundial de la Salud</p></div></div>"
    labels = ["Web:", "Web( En inglés):", "12 May 2020: "]
    entries = _entries("".join(card.format(i=i, label=label) for i, label in enumerate(labels)))
    assert [e["title"] for e in entries] == [
        "Web:Consejos de la OMS número 0",
        "Web( En inglés):Consejos de la OMS número 1",
        "Consejos de la OMS número 2",  # a date before the link is no label
    ]


def test_a_title_showing_an_entity_as_text_is_kept_as_shown(tmp_path):
    """Found by a stranger: clean_text unescaped entities the HTML parser had already decoded, so a title the page
    shows as 'Using &lt;div&gt; tags' (written &amp;lt; in the HTML) was stored as 'Using <div> tags'
    (docs/extraction.md: the text as shown). A title written with entities ("&rsquo;") is still decoded, once."""
    records = "".join(
        f'<article><h3><a href="/item/c{n}.html">Using &amp;lt;div&amp;gt; tags in the &rsquo;{n}0s reports</a></h3>'
        f'<time datetime="2024-03-1{n}">1{n} Mar 2024</time><p>Findings of study {n} on decent work.</p></article>'
        for n in range(5)
    )
    page_file = tmp_path / "page.html"
    page_file.write_text(f"<html lang=en><body><main><h1>Reports</h1>{records}</main></body></html>")
    shown = cli("parse", page_file, "--url", "https://example.org/list/", check=0).stdout
    titles = [json.loads(line)["title"] for line in shown.splitlines()]
    assert "Using &lt;div&gt; tags in the ’30s reports" in titles, titles


def test_a_plain_line_over_links_each_led_by_a_dash_names_the_record_the_links_say_where_it_ran():
    """A press room of paragraphs '12.15.20<br><a>Headline</a><br>-NBC News', one of them with its headline in plain
    words and two coverage links each led by a dash ('–<a>WAVE3 coverage</a>'; from a charity's press room): a link
    that a dash leads on its own line credits the outlet, as '-NBC News' does, so the plain line is the title."""
    days = (17, 16, 15, 14)
    rows = "".join(
        f"<p>12.{d}.20<br><a href='https://news.example.com/s{d}'>Story number {d} about the charity</a><br>-Outlet</p>"
        for d in days
    )
    rows += (
        "<p>12.10.20<br>Good truck rolls into town to help distribute items<br>&#8211;<a href='https://mail.example/"
        "view?m=1'>WAVE3 coverage</a><br>&#8211;<a href='https://mail.example/view?m=2'>WLKY coverage</a></p>"
    )
    entries = _entries(f"<h1>In the news</h1><div class='press'>{rows}</div>", "<html lang='en-US'>")
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        *((f"Story number {d} about the charity", f"https://news.example.com/s{d}", f"2020-12-{d}") for d in days),
        ("Good truck rolls into town to help distribute items", "https://mail.example/view?m=1", "2020-12-10"),
    ]


def test_publications_written_as_citations_take_the_first_line_not_the_journal_link():
    """Cards of papers: the title a plain first line, then the abstract and the authors, and the one link, alone on
    the last line, named after the journal: where the paper ran, not what it is."""
    papers = [
        ("Machine learning to predict survival in patients", "Journal of Critical Care, 55:73-78"),
        ("Overachieving municipalities in public health", "Epidemiology, 29-6:836-840"),
        ("Data mining in occupational safety and health", "Revista Brasileira de Saude Ocupacional"),
    ]
    cards = "".join(
        f"<div class='col'><div class='well'><span class='pub'>{name}</span><p>We study what the data show.</p>"
        f"<p><em>Ana Silva, Bruno Costa</em></p><p><strong><a href='/paper/{i}'>{venue}</a></strong></p></div></div>"
        for i, (name, venue) in enumerate(papers)
    )
    entries = _entries(f"<h1>Publications</h1><div class='row'>{cards}</div>", "<html lang='en'>")
    assert [e["title"] for e in entries] == [name for name, _ in papers]


def test_a_record_named_by_no_element_of_its_own_has_no_address_cut():
    # Batch Z: a court's numbered search results crashed the extractor (AttributeError) when the record had no
    # title element; the real page is pt-tjmg-jurisprudencia-acordaos (test_real_pages.test_no_page_crashes).
    assert slug_cut(None, "Annual report 2024 - Jane Doe Smith") is None
