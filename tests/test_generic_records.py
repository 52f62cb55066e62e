"""What the generic extractor takes as one record of a list: posts shown in full, stacked links, facets and "more"
links beside a card's link, cookie banners, lone cards below their item. Each shape in small synthetic HTML."""

import pytest
from synthetic import URL
from synthetic import generic_entries as _entries

EVENTS = [(12, "Operations and Resources"), (20, "Legal Committee"), (20, "Board of Directors Workshop")]
EVENTS += [(21, "Audit Committee")]


def _calendar_event(day: int, name: str) -> str:
    slug = name.lower().replace(" ", "-")
    # the title link, and the same link in a hidden tooltip with the event's date
    return (
        f"<article class='cal-event'><div class='cal-event-details'><div class='cal-event-time'>12:00 pm</div>"
        f"<div class='cal-event-title'><a href='/event/{slug}/'>{name}</a></div>"
        f"<div class='cal-tooltip-template a11y-hidden'><div class='cal-tooltip'>"
        f"<div class='cal-tooltip-date'><time datetime='2025-11-{day}'>November {day} @ 12:00 pm</time></div>"
        f"<div class='cal-tooltip-title'><a href='/event/{slug}/'>{name}</a></div></div></div></div></article>"
    )


def test_an_events_link_shown_again_in_its_tooltip_and_the_mobile_list_is_no_facet_of_a_month_grid():
    # a month grid: each day cell a link on its day number and the day's event cards (two on the 20th); below it
    # the mobile list shows the same events again: each event's short title links one page three times
    cells = ""
    for day in range(10, 24):
        cards = "".join(_calendar_event(d, n) for d, n in EVENTS if d == day)
        number = f"<a href='/events/2025-11-{day}/'>{day}</a>" if cards else str(day)
        cells += (
            f"<td class='cal-day'><div class='cal-day-date'>{number}</div><div class='cal-events'>{cards}</div></td>"
        )
    grid = f"<table class='cal-month'><tr class='cal-week'>{cells}</tr></table>"
    mobile = "".join(
        f"<li class='mobile-event'><a href='/event/{n.lower().replace(' ', '-')}/'>{n}</a></li>" for _, n in EVENTS
    )
    entries = _entries(f"<h2>Calendar of Events</h2>{grid}<ul class='mobile-day'>{mobile}</ul>", "<html lang='en-US'>")
    assert [e["title"] for e in entries] == [n for _, n in EVENTS]
    assert [e["url"] for e in entries] == [
        f"https://example.org/event/{n.lower().replace(' ', '-')}/" for _, n in EVENTS
    ]
    assert [e["date_start"] for e in entries] == [f"2025-11-{d}" for d, _ in EVENTS]


def test_a_short_link_at_the_same_place_of_each_row_is_still_a_facet():
    # the guard: "Join us!" in the last cell of each row leads to one page: the rows are named by their first cell
    groups = ["Young socialists", "Women's working group", "Migration and diversity", "Climate policy circle"]
    rows = "".join(f"<tr><td>{g}</td><td>Contact person</td><td><a href='/join'>Join us!</a></td></tr>" for g in groups)
    entries = _entries(f"<h2>Working groups</h2><table>{rows}</table>", "<html lang='en'>")
    assert "Join us!" not in {e["title"] for e in entries}


@pytest.mark.parametrize("wrap", ["strong", "b", "span"])
def test_links_in_bare_emphasis_at_the_end_of_a_list_are_entries_too(wrap):
    item = "<li><a href='/d/{i}'>Decision of the court in case number {i}</a> (1{i} May 2021)</li>"
    last = "<li><" + wrap + "><a href='/d/{i}'>Decision of the court in case number {i}</a></" + wrap + ">"
    last += " (1{i} May 2021)</li>"
    items = "".join(item.format(i=i) for i in range(8)) + "".join(last.format(i=i) for i in (8, 9))
    entries = _entries("<ul>" + items + "</ul>")
    assert [e["url"] for e in entries] == [f"https://example.org/d/{i}" for i in range(10)]
    assert entries[-1]["date_start"] == "2021-05-19"


def test_report_cards_are_entries_and_a_cookie_banner_link_is_not():
    card = "<div class='card'><a href='/r/{i}.pdf'><img src='/c/{i}.jpg' alt=''></a>"
    card += "<p>Annual report on labour markets {y}</p></div>"
    cards = "".join(card.format(i=i, y=2015 + i) for i in range(5))
    cookie = "<div class='cc-window'><span>We use cookies to improve your experience.</span>"
    cookie += (
        "<a class='cc-link' href='/privacy'>Learn more about our cookie policy</a><a class='cc-btn'>Got it</a></div>"
    )
    entries = _entries("<h1>Reports</h1><div class='reports'>" + cards + "</div>" + cookie)
    assert [(e["title"], e["url"]) for e in entries] == [
        (f"Annual report on labour markets {2015 + i}", f"https://example.org/r/{i}.pdf") for i in range(5)
    ]


@pytest.mark.parametrize(
    "teaser", ["The troop sells its cookies at the town hall.", "Notes by tcyiookieq and others.", "A fair on Friday."]
)
def test_an_entry_that_speaks_of_cookies_is_no_cookie_banner(teaser):
    """A stranger's crawl lost an entry whose teaser held "ookie": any short block near a link mentioning
    cookies was taken for a cookie banner. A banner says the site uses cookies, or links its policy."""
    row = "<li><h3><a href='/n/{i}'>{title}</a></h3><p>{teaser}</p></li>"
    titles = ["Girl Scout cookie sale opens at city hall", "Council approves the budget", "Library hours change"]
    items = "".join(row.format(i=i, title=t, teaser=teaser) for i, t in enumerate(titles))
    entries = _entries(f"<ul>{items}</ul>")
    assert [e["title"] for e in entries] == titles


LAWS = [f"Verordnung des Ministeriums Nr. {n} zur Änderung der Verordnung" for n in range(40, 46)]


def _law_card(n: int, name: str) -> str:
    return (
        "<li class='list__item'><article class='teaser teaser--horizontal'><div class='teaser__content'>"
        f"<div class='teaser__content-inner'><time datetime='2026-03-{n - 20}'>{n - 20}.03.2026</time>"
        f"<h3 class='headline'>{name}</h3><div class='teaser__footer'>"
        f"<a href='/gesetzblatt/detail/2026-{n}'>Zum Gesetzblatt</a></div></div></div></article></li>"
    )


def _promo(name: str, href: str) -> str:
    return (
        "<div class='grid__col'><div class='grid__item'><article class='teaser promo'><div class='teaser__content'>"
        f"<div class='teaser__content-inner'><h2 class='headline'>{name}</h2><p>Sie haben Fragen? Antworten hier.</p>"
        f"<div class='teaser__footer'><a href='{href}'>Mehr</a></div></div></div></article></div></div>"
    )


def test_a_lone_card_of_the_lists_shape_four_levels_below_its_item_is_no_entry():
    # each record (the card's inner box) sits four levels below the <li> that stands beside the others: the
    # promotion cards of that shape after the list, each alone in its grid column, are another section's
    cards = "".join(_law_card(n, name) for n, name in zip(range(45, 39, -1), LAWS, strict=True))
    promos = _promo("Häufig gestellte Fragen", "/faqs") + _promo("Keine Verkündung verpassen!", "/newsletter")
    html = f"<main><section><div class='list'><ul class='list__items'>{cards}</ul></div></section>"
    html += f"<div class='page__section'><div class='grid'><div class='grid__row'>{promos}</div></div></div></main>"
    entries = _entries(html, "<html lang='de'>")
    assert [e["title"] for e in entries] == LAWS
    assert entries[0]["date_start"] == "2026-03-25"


NEWS = ["Réunion de clôture du projet", "De nouvelles versions des logiciels", "Un ouvrage collectif à paraître"]


def _article(i: int, name: str, links: int) -> str:
    prose = "".join(
        f"<p>Le projet publie <a href='https://tools{i}.example.net/v{k}'>version {k}.0</a> de ses outils, "
        f"voir la <a href='https://doc{i}.example.net/{k}'>documentation en ligne</a> pour les détails.</p>"
        for k in range(links)
    )
    return (
        f"<article class='article' id='post-{i}'><header><h2>{name}</h2></header>"
        f"<div class='article__body'><p>Texte de l'actualité {i}, sans lien.</p>{prose}</div></article>"
    )


def test_articles_shown_in_full_under_unlinked_headings_are_the_entries_not_the_links_in_their_text():
    # two, none and three links in the text of each: the links are the articles', the articles the entries
    html = "<h1>Actualités</h1>" + "".join(_article(i, name, (2, 0, 3)[i]) for i, name in enumerate(NEWS))
    entries = _entries(html, "<html lang='fr'>")
    assert [e["title"] for e in entries] == NEWS


def test_cards_under_unlinked_headings_with_one_link_each_keep_their_link():
    cards = "".join(_law_card(n, name) for n, name in zip(range(45, 39, -1), LAWS, strict=True))
    entries = _entries(f"<ul>{cards}</ul>", "<html lang='de'>")
    assert [(e["title"], e["url"].rsplit("/", 1)[-1]) for e in entries][:2] == [
        (LAWS[0], "2026-45"),
        (LAWS[1], "2026-44"),
    ]


def test_cards_under_unlinked_headings_with_a_read_more_each_some_without_keep_their_links():
    cards = "".join(
        f"<div class='card'><h3>{name}</h3><p>Le texte de la nouvelle, en quelques mots seulement"
        + (f" <a href='/nouvelles/{i}/'>Poursuivre la lecture</a>" if i else "")
        + "</p></div>"
        for i, name in enumerate([*NEWS, "Assemblée générale annuelle"])
    )
    entries = _entries(cards, "<html lang='fr'>")
    assert [e["url"].rsplit("/", 2)[-2] for e in entries] == ["1", "2", "3"]


CLIPS = [
    ("9.20.20", ["Metro United Way wants the community to come together"]),
    ("9.19.20", ["Kentuckians in final stretch to complete census forms"]),
    ("9.18.20", ["Bank hires a diversity officer from the schools"]),
    (
        "9.15.20",
        ["Program helps with financial empowerment (part 1)", "Program helps with financial empowerment (part 2)"],
    ),
    ("9.10.20", ["Local chapters seeking more children for free books"]),
    ("9.9.20", ["Free bikes for the holidays for children in the state"]),
    ("9.8.20", ["Radio host living on a lift to support bike donations"]),
]


def _clip(day: str, titles: list[str]) -> str:
    links = "".join(f"<a href='https://news.example.com/{day}/{i}/'>{t}</a><br>" for i, t in enumerate(titles))
    return f"<p>{day}<br>{links}-WHAS11</p>"


def test_title_links_stacked_on_their_own_lines_under_one_date_are_entries_each():
    clips = "".join(_clip(day, titles) for day, titles in CLIPS)
    entries = _entries(f"<div class='entry-content'>{clips}</div>", head="<html lang='en-US'>")
    assert [e["title"] for e in entries] == [t for _, ts in CLIPS for t in ts]
    assert [e["date_start"] for e in entries][3:5] == ["2020-09-15", "2020-09-15"]


def test_a_short_link_stacked_under_a_title_is_no_item_of_its_own():
    clips = [(day, [*titles, "Radio coverage"]) if day == "9.15.20" else (day, titles) for day, titles in CLIPS]
    entries = _entries("<div class='entry-content'>" + "".join(_clip(d, ts) for d, ts in clips) + "</div>")
    assert "Radio coverage" not in [e["title"] for e in entries]


POSTS = ["Actividades de verano", "Catequesis de adultos", "Concierto de Navidad", "Retiro de Cuaresma"]
POSTS += ["Voluntarios para Cáritas", "Peregrinación a Ávila"]


def _post(i: int, name: str, title: str | None = None) -> str:
    slug = name.lower().replace(" ", "-")
    # most posts are shown in full inside the list: their heading again, a line, and a link to a leaflet
    leaflet = f"<p><a href='hoja-{i}.pdf'>Hoja informativa número {i} de la parroquia</a></p>" if i % 3 else ""
    return (
        f"<li><a href='{URL}{slug}/' style='font-weight:600'>{title or name}</a><div class='post-meta'>11-07-2026</div>"
        f"<p><h2>{title or name}</h2><p>Os esperamos a todos en los salones parroquiales.</p>{leaflet}</p>"
        f"<a href='{URL}{slug}/'>Leer más →</a></li>"
    )


def test_a_title_link_with_its_read_more_twin_names_the_record_not_a_link_in_the_post_shown_in_full():
    # each record: its title link, a date, the whole post (a leaflet link in most) and "Leer más" to the title's
    # address; the pointer confirms the title's place, it is no second entry that makes that place look worse
    html = "<h2>Artículos y Novedades</h2><ul>" + "".join(_post(i, n) for i, n in enumerate(POSTS)) + "</ul>"
    entries = _entries(html, "<html lang='es'>")
    assert [e["title"] for e in entries] == POSTS
    assert [e["url"] for e in entries] == [f"{URL}{n.lower().replace(' ', '-')}/" for n in POSTS]
    assert {e["date_start"] for e in entries} == {"2026-07-11"}


def test_a_link_named_by_a_date_beside_a_date_line_of_its_own_is_the_title_and_the_line_its_date():
    # a parish's leaflets named for their Sunday ("Domingo 01.02.2026"), each with a date line of its own
    # (when it was posted): the link's date names the leaflet, the record's date line dates it
    names = ["Domingo 01.02.2026", "Domingo 08.02.2026", "Domingo 15.02.2026", "Domingo 22.02.2026"]
    html = "<h2>Toma y lee</h2><ul>" + "".join(_post(i, f"hoja {i}", n) for i, n in enumerate(names)) + "</ul>"
    entries = _entries(html, "<html lang='es'>")
    assert [e["title"] for e in entries] == names
    assert [e["date_start"] for e in entries] == ["2026-07-11"] * 4


def test_a_report_card_an_image_link_over_its_caption_stays_an_entry():
    # the guard: an image link whose parent holds a caption line names a card
    cards = "".join(
        f"<div class='card'><a href='/r/{i}.pdf'><img src='/c{i}.png'></a><p>Annual report {2020 + i}</p></div>"
        for i in range(4)
    )
    entries = _entries(f"<h2>Reports</h2>{cards}")
    assert [e["url"] for e in entries] == [f"https://example.org/r/{i}.pdf" for i in range(4)]


SECTIONS = {
    "About us": ["Who we are", "Becoming a volunteer with us"],
    "Water, sanitation and hygiene": [
        "Our field activities in the WASH program",
        "Handwashing day in Burundi",
        "Construction of a concrete tank for drinking water",
    ],
    "Renewable energy and youth": ["Workshop on energy efficiency in Bujumbura", "Solar lanterns made by youth"],
}


def test_linked_headings_opening_the_sections_of_a_list_are_no_entries():
    def slug(name):
        return name.lower().replace(" ", "-").replace(",", "")

    body = "".join(
        f"<hr><h4 class='cat'><a href='/articles/{slug(section)}'>{section}</a></h4><hr>"
        + "".join(f"<p class='item'><a href='/{slug(name)}'>{name}</a></p>" for name in names)
        for section, names in SECTIONS.items()
    )
    entries = _entries(f"<h3>Articles</h3><div id='list'>{body}</div>", "<html lang='en'>")
    assert [e["title"] for e in entries] == [name for names in SECTIONS.values() for name in names]


def _story_card(n: int, name: str, teaser: str) -> str:
    return (
        f"<div class='grid-item'><div class='image'><a href='https://partner{n}.example/story'><img src='/i.webp'></a>"
        f"</div><div class='text'><a href='https://partner{n}.example/story' class='item-title'>{name}</a>"
        f"<p>{teaser}</p><p><span class='day'>01</span> <span class='month'>January</span> "
        "<span class='year'>2016</span></p></div></div>"
    )


def test_two_cards_of_one_story_each_with_a_teaser_of_its_own_are_two_entries():
    """A lab's news grid shows one seminar twice, same link, title and day, each card with a teaser of its own ('A
    seminar on …', 'We organized a seminar on …'): two records the page shows, two entries; a card shown twice word
    for word is still one."""
    cards = [
        (1, "Seminar on ecology", "A seminar on computer science meets ecology for researchers."),
        (1, "Seminar on ecology", "We organized a seminar on computer science meets ecology for researchers."),
        (2, "Research award", "A research award to foster the detection of clouds."),
        (3, "Special issue", "A special issue on remote sensing in a magazine."),
        (3, "Special issue", "A special issue on remote sensing in a magazine."),
    ]
    entries = _entries("<h1>News</h1><div class='grid'>" + "".join(_story_card(*c) for c in cards) + "</div>")
    assert [(e["title"], e["description"]) for e in entries] == [(name, teaser) for _, name, teaser in cards[:4]]


BOARDS = [("03/12/2026", "Board Regular Meeting"), ("03/12/2026", "Finance Committee"), ("02/19/2026", "Board Special")]
BOARDS += [("01/15/2026", "Board Regular Meeting")]


def _board_row(day: str, name: str, files: list[str], name_tag: str = "div") -> str:
    month, date, year = day.split("/")
    links = "".join(
        f"<li><a href='/files/{year}-{month}/{year}.{month}.{date} {f}.pdf'>{f}.pdf</a></li>" for f in files
    )
    return (
        f"<div class='views-row'><{name_tag} class='cell-title'><span>{day} {name}</span></{name_tag}>"
        f"<div class='cell-files'><ul>{links}</ul></div><div class='cell-minutes'></div><div class='cell-audio'></div>"
        "</div>"
    )


def test_a_grid_row_named_in_plain_text_and_listing_its_files_is_one_entry():
    # a board-files grid (issue 21): "Date/Meeting | Agenda Details | Action Items | Audio", each row's first cell the
    # meeting's name with its date, its other cells lists of PDF files named like titles: the row is the entry, named
    # by its first cell, its first file the address; the files are no entries of their own
    files = ["AGENDA - {name}", "Item A1 - Contract for the {name} sites", "Item B2 - Annual report on rents"]
    rows = "".join(_board_row(d, n, [f.format(name=n) for f in files[: 1 + i % 3]]) for i, (d, n) in enumerate(BOARDS))
    head = "<div class='header'><div>Date/Meeting</div><div>Agenda Details</div><div>Action Items</div></div>"
    entries = _entries(f"<h2>Board Files</h2>{head}<h3>March</h3><div class='rows'>{rows}</div>", "<html lang='en'>")
    assert [e["title"] for e in entries] == [f"{d} {n}" for d, n in BOARDS]
    assert [e["date_start"] for e in entries] == ["2026-03-12", "2026-03-12", "2026-02-19", "2026-01-15"]
    agendas = [f"{d[-4:]}.{d[:2]}.{d[3:5]} AGENDA - {n}.pdf" for d, n in BOARDS]
    assert [e["url"].rsplit("/", 1)[1] for e in entries] == agendas


def test_files_under_a_heading_of_their_meeting_stay_entries_of_their_own():
    # the same files under a heading (<h3>03/12/2026 Board Regular Meeting</h3><ul>…): the heading heads them, each
    # file is a document of its own, as before
    files = ["AGENDA - {name}", "Item A1 - Contract for the {name} sites", "Item B2 - Annual report on rents"]
    rows = "".join(_board_row(d, n, [f.format(name=n) for f in files], name_tag="h3") for d, n in BOARDS)
    entries = _entries(f"<h2>Board Files</h2><div class='rows'>{rows}</div>", "<html lang='en'>")
    assert len(entries) == 3 * len(BOARDS)


def test_links_in_an_events_description_after_its_date_and_hour_link_are_part_of_it():
    # a programme in paragraphs (issue 21): "<p><a>Sunday 24 April 2016, 3 pm</a> Duo recital<br>with <a>Kaya Han,
    # piano</a> and <a>Renate Greiss, flute</a></p>": the performers' links are the event's description, no entries
    days = ["Saturday 9 April 2016, 4 pm", "Sunday 24 April 2016, 3 pm", "Friday 13 May 2016, 7 pm"]
    names = ["Poetry and piano", "Duo recital", "Madrigals by Monteverdi"]
    items = "".join(
        f"<p><a href='/e/{i}/'><b>{day}</b></a> {name}<br>With <a href='/people/{i}a/'>Kaya Han, piano</a> and "
        f"<a href='/people/{i}b/'>Renate Greiss, flute</a>, in the chapel.</p>"
        for i, (day, name) in enumerate(zip(days, names, strict=True))
    )
    entries = _entries(f"<h2>Programme 2016</h2><div class='text'>{items}</div>", "<html lang='en'>")
    assert [(e["title"], e["url"]) for e in entries] == [
        (n, f"https://example.org/e/{i}/") for i, n in enumerate(names)
    ]


def test_in_a_list_of_bare_links_those_after_an_events_date_link_in_its_paragraph_are_its_description():
    # the same programme read as a list of bare links (records that are the links themselves): a paragraph's links
    # after its date-and-hour link are no records; a paragraph led by a link that names something keeps them all
    from lxml import html

    from crawler.extract.date_led_links import description_links

    root = html.fromstring(
        "<div><p><a href='/e/0/'><b>Sunday 24 April 2016, 3 pm</b></a> Duo recital<br>With <a href='/p/1/'>Kaya "
        "Han</a> and <a href='/p/2/'>Renate Greiss</a></p><p><a href='/e/1/'>Samstag, 9. April um 16 Uhr</a> Poesie "
        "<a href='/p/3/'>Dieter Schaller</a></p><p><a href='/n/1/'>Annual report</a> and <a href='/n/2/'>Budget</a></p>"
        "</div>"
    )
    links = list(root.iter("a"))
    assert sorted(a.get("href") for a in description_links(links)) == ["/p/1/", "/p/2/", "/p/3/"]


def test_a_record_of_the_lists_own_markup_in_a_layout_column_beside_it_is_one_more_record():
    """A site builder's file blocks (batch X, a Weebly site's minutes: recall 27/28): each block a file icon link, a
    small table whose cell holds the title in bold, and a "Scarica file" link, the newest block set in a two-column
    layout table beside a spacer, the older ones bare below it. A sibling of the records holding one element of their
    markup, its link where theirs is and no other address, is one more record; beside another link it is not."""
    block = (
        "<div><div style='margin: 10px'><a href='/files/{n}.pdf'><img src='/pdf.png'></a><div><table><tr><td>"
        "<b>{title}</b></td></tr></table><a href='/files/{n}.pdf'>Scarica file</a></div></div><hr></div>"
    )
    titles = [f"Verbale della riunione numero {n}" for n in range(5, 0, -1)]
    blocks = [block.format(n=n, title=title) for n, title in zip(range(5, 0, -1), titles, strict=True)]
    columns = (
        "<div><div class='multicol'><div class='wrap'><table class='cols'><tbody><tr><td class='col'>"
        f"<div class='spacer'></div></td><td class='col'>{blocks[0]}</td></tr></tbody></table></div></div></div>"
    )
    entries = _entries(f"<h1>Verbali</h1><div>{columns}{''.join(blocks[1:])}</div>", "<html lang='it'>")
    assert [(e["title"], e["url"]) for e in entries] == [
        (title, f"https://example.org/files/{n}.pdf") for n, title in zip(range(5, 0, -1), titles, strict=True)
    ]
    boxed = columns.replace("<div class='spacer'></div>", "<a href='/about/'><img src='/logo.png'></a>")
    entries = _entries(f"<h1>Verbali</h1><div>{boxed}{''.join(blocks[1:])}</div>", "<html lang='it'>")
    assert [e["title"] for e in entries] == titles[1:]


def test_a_post_beside_the_list_linking_a_broken_ipv6_host_is_no_crash():
    """fuzz36, 2026-12-08: a lone post beside a list of posts, its link 'http://[x/' (no closing bracket), made
    companions._home_page's urlsplit raise ValueError and the extractor fail; the list is read."""
    posts = "".join(
        f"<article><h3><a href='/post/{i}'>Post number {i} about the town</a></h3><p>Some words.</p></article>"
        for i in range(4)
    )
    lead = "<div><h2><a href='http://[x/'>The leading post about the town</a></h2></div>"
    titles = [e["title"] for e in _entries(f"{lead}<div class='list'>{posts}</div>")]
    assert titles[-4:] == [f"Post number {i} about the town" for i in range(4)]
