"""The generic extractor's entry dates from a record's text: date lines, bylines, meta lines, a date in brackets after
the title, the date published over the date updated. Each shape in small synthetic HTML; dates from elements are in
test_generic_date_elements.py, the reading of figures and ranges in test_generic_date_figures.py."""

import pytest
from synthetic import generic_entries as _entries

from crawler.parsers.datelines import byline_field_date, date_in_line, opening_field_date


def test_a_date_in_brackets_after_the_title_link_before_the_teaser_is_the_entrys_date():
    """<li><a>Title</a> (04-10-2016)<p>teaser</p></li>: the title's line goes on to its date, day first by its
    figures (13-09 has no 13th month); a bare year after a name is part of the name, not a date."""
    days = ["04-10-2016", "13-09-2016", "02-08-2016"]
    items = "".join(
        f"<li><a href='/n/{i}'>Support for database number {i}</a> ({day})<p>The jobs now run scripts of kind {i}."
        "<br/><br/></p></li>"
        for i, day in enumerate(days)
    )
    entries = _entries(f"<ul>{items}</ul>", "<html lang='ca'>")
    assert [e["title"] for e in entries] == [f"Support for database number {i}" for i in range(3)]
    assert [e["date_start"] for e in entries] == ["2016-10-04", "2016-09-13", "2016-08-02"]
    assert entries[0]["description"] == "The jobs now run scripts of kind 0."

    reports = "".join(
        f"<li><a href='/r/{y}'>Annual report</a> {y}<p>What the year brought to the team.</p></li>"
        for y in (2019, 2020, 2021)
    )
    assert [e["date_start"] for e in _entries(f"<ul>{reports}</ul>", "<html lang='en'>")] == [None] * 3


def _cards(titles: list[str], extra: str = "") -> str:
    return "".join(
        f"<a class='card' href='/s/{i}'><div class='card-title'>{title}</div>{extra}"
        f"<div class='card-summary'><p>Speaker number {i} (Lab)</p></div></a>"
        for i, title in enumerate(titles)
    )


def test_a_title_that_is_a_short_label_and_a_date_gives_that_date_and_stays_whole():
    """<a><div>Séminaire virtuel: vendredi 3 avril 2026</div><p>Speaker</p></a>: the entry shows no other date,
    and its title names it by one; the title stays as shown. A date line of its own wins over the title's; a
    bare year, or a date inside more words after the label, gives none."""
    titles = ["Séminaire virtuel: vendredi 3 avril 2026", "Séminaire virtuel: vendredi 13 mars 2026"]
    entries = _entries(f"<div class='list'>{_cards(titles * 2)}</div>", "<html lang='fr'>")
    assert [e["title"] for e in entries][:2] == titles
    assert [e["date_start"] for e in entries][:2] == ["2026-04-03", "2026-03-13"]

    dated = _entries(f"<div class='list'>{_cards(titles, '<p>Publié le 2 mars 2026</p>')}</div>", "<html lang='fr'>")
    assert [e["date_start"] for e in dated] == ["2026-03-02", "2026-03-02"]

    others = ["Rapport annuel: 2019", "Séminaire: 3 avril 2026 à Paris et en ligne", "Rapport annuel: 2020"]
    assert [e["date_start"] for e in _entries(f"<div class='list'>{_cards(others)}</div>", "<html lang='fr'>")] == [
        None
    ] * 3


def test_a_meta_line_opening_on_a_numeric_day_then_its_category_gives_the_date():
    """<h5><a>Title</a></h5><p><small>13.12.2023 dans News</small></p><p>teaser</p>: a line opens on a whole
    numeric day, then names its category; a heading closing on its month (" - avril 2023") gives way to that
    day. A bare year opening such a line ("2023 dans News") is no date."""
    posts = [("Présentation du projet", "13.12.2023"), ("Revue et plan - avril 2023", "24.04.2023")]
    posts += [("Forum des solutions", "06.02.2023")]

    def items(meta):
        return "".join(
            f"<li><h5><a href='/blog/{i}'>{title}</a></h5><p><small>{meta or day} dans News</small></p>"
            f"<p>Le texte du billet numéro {i}, assez long pour être un résumé.</p></li>"
            for i, (title, day) in enumerate(posts)
        )

    entries = _entries(f"<ul>{items(None)}</ul>", "<html lang='fr'>")
    assert [e["title"] for e in entries] == ["Présentation du projet", "Revue et plan", "Forum des solutions"]
    assert [e["date_start"] for e in entries] == ["2023-12-13", "2023-04-24", "2023-02-06"]
    assert entries[0]["description"] == "Le texte du billet numéro 0, assez long pour être un résumé."
    assert [e["date_start"] for e in _entries(f"<ul>{items('2023')}</ul>", "<html lang='fr'>")][::2] == [None] * 2


def test_the_date_a_post_was_updated_gives_way_to_the_date_it_was_published():
    """<time class="updated">1 January 2022</time><time class="entry-date published">12 March 2021</time>: a
    theme that writes the update first still dates the post by its publication; an update alone dates it."""

    def posts(published):
        return "".join(
            f"<article><h2><a href='/a{i}'>Town council meeting number {i}</a></h2><div class='entry-meta'>"
            f"<time class='updated' datetime='2022-01-0{i + 1}T00:00:00+00:00'>{i + 1} January 2022</time>"
            + (
                f"<time class='entry-date published' datetime='2021-03-1{i}'>1{i} March 2021</time>"
                if published
                else ""
            )
            + f"</div><p>The council met again, item {i}.</p></article>"
            for i in range(3)
        )

    entries = _entries(posts(True), "<html lang='en'>")
    assert [e["date_start"] for e in entries] == ["2021-03-10", "2021-03-11", "2021-03-12"]
    assert [e["date_start"] for e in _entries(posts(False), "<html lang='en'>")] == [f"2022-01-0{i}" for i in (1, 2, 3)]


def test_a_date_alone_on_its_line_in_an_inline_element_between_breaks_is_the_date():
    """<p><a>Title</a><br><em>12 March 2021</em><br>teaser</p>: the record is one paragraph holding the title, and
    its date is a line of its own in an element of its own. Inside a sentence (<p>… on <b><i>date</i></b> …</p>)
    it is no date line."""
    items = "".join(
        f"<p><a href='/a{i}'>Town council meeting number {i}</a><br><em>{i + 1} March 2021</em><br>The council met"
        f" again, item {i}.</p>"
        for i in range(3)
    )
    assert [e["date_start"] for e in _entries(f"<div>{items}</div>")] == ["2021-03-01", "2021-03-02", "2021-03-03"]
    prose = "".join(
        f"<p><a href='/a{i}'>Town council meeting number {i}</a><br>The council met on <b><i>{i + 1} March 2021</i></b>"
        f"<br>to talk, item {i}.</p>"
        for i in range(3)
    )
    assert [e["date_start"] for e in _entries(f"<div>{prose}</div>")] == [None] * 3


def test_a_version_number_after_a_titles_label_is_no_date():
    """'Release: 1.10.12' names a version, not the 1st of October 2012: figures alone after the label are a date
    only with a four-figure year ('Séminaire: 03/04/2026'); a month's name still reads ('News: 25 Feb 24')."""
    versions = ["Release: 1.10.12", "Release: 2.1.24", "Release: 3.4.11"]
    assert [e["date_start"] for e in _entries(f"<div class='list'>{_cards(versions)}</div>")] == [None] * 3

    dated = ["Séminaire: 03/04/2026", "News: 25 Feb 24", "Séminaire: 13/03/2026"]
    assert [e["date_start"] for e in _entries(f"<div class='list'>{_cards(dated)}</div>", "<html lang='fr'>")] == [
        "2026-04-03",
        "2024-02-25",
        "2026-03-13",
    ]


def test_a_byline_parted_by_dot_operators_gives_its_date():
    """'Por Ajmme ⋅ septiembre 14, 2009 ⋅ 7 comentarios': a theme's middle dot written as the dot operator
    (U+22C5) or the bullet operator (U+2219) parts a meta line as '·' does; the part that is a date is the date."""
    days = ["septiembre 14, 2009", "agosto 23, 2009", "julio 21, 2009"]
    posts = "".join(
        f"<article><h3><a href='/p/{i}'>Noticia número {i} del blog</a></h3>"
        f"<p>Por Ajmme ⋅ {day} ⋅ {i + 2} comentarios</p><p>Un resumen de la noticia {i} con más palabras.</p>"
        "</article>"
        for i, day in enumerate(days)
    )
    entries = _entries(posts, "<html lang='es-ES'>")
    assert [e["date_start"] for e in entries] == ["2009-09-14", "2009-08-23", "2009-07-21"]
    assert date_in_line("Por Ana ∙ 3 mayo 2021 ∙ Noticias", ["es"]) == "3 mayo 2021"
    assert date_in_line("Por Ana ⋅ Noticias ⋅ 12 comentarios", ["es"]) is None


def test_an_author_field_closing_on_a_numeric_day_dates_the_post_however_long_its_line():
    """<h2><a>Title</a></h2><p><strong>Author:</strong> R. S. Doiel 2025-08-11 <strong>Categories:</strong> …</p>,
    headings and paragraphs with no wrapper per post: the author's field closes on the post's day, and the fields
    after it make the line too long for a meta line. A bare year closing the name is no day."""
    days = ["2025-08-11", "2025-08-01", "2025-04-10"]
    posts = "".join(
        f"<h2><a href='/posts/{day}.html'>Notes on the search service number {i}</a></h2>"
        f"<p><strong>Description:</strong> What was learnt setting up the service, step by step, number {i}.</p>"
        f"<p><strong>Author:</strong> jane@example.edu (J. Doe) {day} <strong>Categories:</strong> site search, "
        "opensearch description document, pagefind, web browser</p>"
        for i, day in enumerate(days)
    )
    assert [e["date_start"] for e in _entries(posts, "<html lang='en'>")] == days
    assert byline_field_date("Autor: Hans Meier, 11.08.2025") == "11.08.2025"
    assert byline_field_date("Author: Jane Doe 2019 Categories: Reports") is None
    assert byline_field_date("Description: the 2025-08-11 release") is None


def test_a_summary_naming_its_session_and_date_before_a_labelled_field_dates_the_record():
    """Minutes and agendas: a card's summary names the session it records and its date, then a labelled field
    ('Fuente: ' and a long address, 'Lieu : ' and a place) makes the line too long for a meta line
    (es-ceeu-actas, batch W): the words before the first field close on the date after a lead word ('del'). A
    summary with no date before its field, or a date inside its prose, dates nothing. The summary stays the
    description: its fields are the record's text."""
    shown = [
        "Sesión extraordinaria del 03 de agosto de 2021",
        "Sesión ordinaria del 28 de julio de 2021",
        "Convocatoria de las elecciones",
        "La junta aprobó el 9 de julio de 2021 el acta de la sesión anterior del consejo",
    ]
    cards = "".join(
        f"<div class='card'><span>Actas</span><h1><a href='/actas/{i}/'>Acta número {i} del consejo</a></h1>"
        f"<div class='summary'>{text} Fuente: https://docs.example.org/document/d/e/{'x' * 60}{i}/pub</div></div>"
        for i, text in enumerate(shown)
    )
    entries = _entries(cards, "<html lang='es'>")
    assert [e["date_start"] for e in entries] == ["2021-08-03", "2021-07-28", None, None]
    assert "Sesión extraordinaria del 03 de agosto de 2021 Fuente: https://" in entries[0]["description"]
    assert opening_field_date("Séance du 3 mai 2021 Lieu : Mairie, salle du conseil, premier étage") == "3 mai 2021"
    assert opening_field_date('4/10/17 - 4/27/17: " NOTE: For information on this bid, call the office"') is None


def test_a_date_in_its_own_element_at_the_head_of_a_heading_is_the_date_not_the_title():
    card = "<div class='c'><h3><small>0{i} Dec 2023</small><br/>Annual Conference {i}</h3><p>Teaser {i}.</p>"
    card += "<a href='/e/{i}'>Read more</a></div>"
    entries = _entries("".join(card.format(i=i) for i in range(1, 4)))
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (f"Annual Conference {i}", f"2023-12-0{i}") for i in range(1, 4)
    ]


def test_a_labelled_date_after_a_break_in_the_link_is_the_date_not_the_title():
    row = "<div class='n'><a href='/f/{i}'>Report number {i}<br><span>( Release Date :2{i}/06/2020 )</span></a></div>"
    entries = _entries("".join(row.format(i=i) for i in range(1, 4)))
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (f"Report number {i}", f"2020-06-2{i}") for i in range(1, 4)
    ]


@pytest.mark.parametrize(
    "shown, title, day",
    [
        ("Economic Committee Meeting – 4/1{i}/2026", "Economic Committee Meeting", "2026-04-1{i}"),
        ("1{i} May 2020 | Annual report on wages", "Annual report on wages", "2020-05-1{i}"),
        ("Regional forum on skills - 1{i} - 2{i} May 2022", "Regional forum on skills", "2022-05-1{i}"),
        ("Monthly Meeting – 5/1{i}/2026 – In Person and via Zoom", None, None),  # a date in the middle stays
        ("Annual Report {i} - 2020", None, None),  # a bare year names the report, it is no date
    ],
)
def test_a_date_after_a_dash_or_bar_at_the_edge_of_a_title_is_the_date(shown, title, day):
    """Issue 21: a date-shaped run at the start or end of a heading, separated by a dash or bar, is the date."""
    row = "<li><h3><a href='/m/{i}'>" + shown + "</a></h3><p>Minutes and agenda of the meeting {i}.</p></li>"
    entries = _entries("<ul>" + "".join(row.format(i=i) for i in range(1, 4)) + "</ul>")
    expected = [((title or shown).format(i=i), day and day.format(i=i)) for i in range(1, 4)]
    assert [(e["title"], e["date_start"]) for e in entries] == expected


def test_a_cards_meta_line_of_plain_text_gives_its_date():
    """<a>Title words<div>Jane Doe</div><div>Fisheries · 12 March 2023</div></a>: the date in no element of its
    own is still the card's line's date (the title taken from the leading words left it out)."""
    cards = "".join(
        f"<div class='c'><a href='/a{i}'><div>Annual report number {i} on coastal fisheries<div>Jane Doe</div>"
        f"<div>Fisheries · {i + 1} March 2023</div></div></a></div>"
        for i in range(4)
    )
    entries = _entries(cards, "<html lang='en'>")
    assert [e["title"] for e in entries] == [f"Annual report number {i} on coastal fisheries" for i in range(4)]
    assert [e["date_start"] for e in entries] == [f"2023-03-0{i + 1}" for i in range(4)]


def test_a_date_alone_on_a_line_of_the_records_own_text_is_its_date():
    shown = ["1.8.21", "12.23.20", "12.19.20", "12.17.20"]
    items = "".join(
        f"<p>{day}<br/><a href='https://news{i}.example.com/story'>Story number {i} about the campaign</a>"
        "<br/>-WAVE3</p>"
        for i, day in enumerate(shown)
    )
    entries = _entries(f"<div class='content'>{items}</div>", "<html lang='en-US'>")
    assert [e["date_start"] for e in entries] == ["2021-01-08", "2020-12-23", "2020-12-19", "2020-12-17"]
    assert [e["title"] for e in entries] == [f"Story number {i} about the campaign" for i in range(4)]


def test_a_records_text_saying_when_it_was_published_gives_its_date():
    """'… ha publicado el 17 de Diciembre de 2019 la convocatoria …': with no date line of its own, the record's
    text names its publication day after a verb of publishing; a date merely mentioned in the prose gives none."""
    days = ["17 de Diciembre de 2019", "13 de Diciembre de 2019", "4 de Diciembre de 2019"]
    posts = "".join(
        f"<section class='post'><h2><a href='/c/{i}'>Adquisición de equipos de computación número {i}</a></h2>"
        f"<div><p>En La Paz, el Gobierno Municipal ha publicado el {day} la convocatoria "
        f"<a href='/c/{i}'>19-{i}</a>.</p></div></section>"
        for i, day in enumerate(days)
    )
    entries = _entries(posts, "<html lang='es'>")
    assert [e["date_start"] for e in entries] == ["2019-12-17", "2019-12-13", "2019-12-04"]
    mentioned = posts.replace("ha publicado el", "recuerda que el")
    assert [e["date_start"] for e in _entries(mentioned, "<html lang='es'>")] == [None] * 3


@pytest.mark.parametrize(
    ("lang", "label", "days", "iso"),
    [
        ("fr", "Publié le:", ["18 Oct 2018", "12 Jun 2018"], ["2018-10-18", "2018-06-12"]),
        ("en", "Published:", ["3 May 2022", "14 April 2022"], ["2022-05-03", "2022-04-14"]),
        ("de", "Veröffentlicht am:", ["3. Mai 2022", "14. April 2022"], ["2022-05-03", "2022-04-14"]),
        ("es", "Fecha de publicación:", ["12/05/2020", "28/04/2020"], ["2020-05-12", "2020-04-28"]),
        ("en", "Publication date:", ["May 12, 2020", "April 28, 2020"], ["2020-05-12", "2020-04-28"]),
        ("pt", "Data de publicação:", ["12 de maio de 2020", "28 de abril de 2020"], ["2020-05-12", "2020-04-28"]),
    ],
)
def test_a_publishing_label_typed_into_the_excerpt_gives_its_date(lang, label, days, iso):
    """<p>Publié le: 18 Oct 2018 Mr. Faye … a effectué une visite … ce 11 juillet 2018 …</p> (a school's events,
    batch U): a label of publishing with a colon (a verb, or the date's name: "Fecha de publicación:"), typed at the
    head of each excerpt, names the post's date; the day the prose goes on to mention (the event's) is not it."""
    posts = "".join(
        f"<article><h2><a href='/e/{i}'>Visite de la délégation numéro {i}</a></h2>"
        f"<div class='meta'><a href='/e/{i}#respond'>Laisser un commentaire</a></div>"
        f"<div class='entry-content'><p>{label} {day} La délégation est venue le 11 juillet 2018 et a visité "
        f"les locaux de l'école avec les étudiants de première année, puis a rencontré l'équipe …</p></div></article>"
        for i, day in enumerate(days)
    )
    entries = _entries(posts, f"<html lang='{lang}'>")
    assert [e["date_start"] for e in entries] == iso


def test_a_title_closing_on_a_day_after_a_comma_or_an_article_dates_its_entry():
    """'Réunion de clôture, le 14 janvier 2021', '… du CDSP les 12 et 13 décembre 2016': news shown in full, with
    no date line, whose title closes on a whole day: the title stays whole and gives the entry its date. A law
    named by its day ('Loi du 5 mars 2007'), a bare month after a comma, or the day a reported exam was held
    ('épreuve tenue le …': the notice's subject, not the notice) gives none."""
    titles = [
        "Réunion de clôture, le 14 janvier 2021",
        "DIME-SHS s’invite aux 10 ans du CDSP les 12 et 13 décembre 2016",
        "Loi du 5 mars 2007 sur la recherche",
        "Lettre d’information, mars 2021",
        "Résultats du concours, épreuve tenue le 7 septembre 2019",
    ]
    posts = "".join(
        f"<article><header><h2>{t}</h2></header><div><p>Un texte assez long sur la nouvelle numéro {i}, "
        "avec plusieurs phrases pour la décrire.</p></div></article>"
        for i, t in enumerate(titles)
    )
    entries = _entries(posts, "<html lang='fr'>")
    assert [e["title"] for e in entries] == titles
    assert [e["date_start"] for e in entries] == ["2021-01-14", "2016-12-12", None, None, None]
    assert entries[1]["date_end"] == "2016-12-13"


EVENTS = ["Free software for schools", "Open source in the great hall", "A life for the open web"]


EVENT_DAYS = ["01-02-2025", "24-02-2024", "13-01-2024"]


POSTED_DAYS = ["26-01-2025", "19-02-2024", "06-12-2023"]


def test_an_event_card_is_dated_by_its_event_not_by_the_day_it_was_posted():
    # "Evento del 13-01-2024 · pubblicato il 06-12-2023": the event's day, in either order of the two
    for event_first in (True, False):
        cards = ""
        for title, event, posted in zip(EVENTS, EVENT_DAYS, POSTED_DAYS, strict=True):
            parts = [f"Evento del {event}", f"pubblicato il {posted}"]
            meta = " · ".join(parts if event_first else parts[::-1])
            cards += (
                f"<div class='card'><img src='/p.png' alt=''><div class='meta'>{meta}</div><h3>{title}</h3>"
                f"<p>Una serata per parlare di software libero.</p><a href='/eventi/{title[:4]}/'>Continua →</a></div>"
            )
        entries = _entries(f"<div class='grid'>{cards}</div>", "<html lang='it'>")
        assert [e["title"] for e in entries] == EVENTS
        assert [e["date_start"] for e in entries] == ["2025-02-01", "2024-02-24", "2024-01-13"]


RELEASES = ["Minister opens the new harbour bridge", "Budget statement for the coming year"]
RELEASES += ["New rules for river fishing", "Volunteers plant two thousand trees"]


RELEASE_DAYS = ["1 May 2024", "20 April 2024", "3 March 2024", "9 February 2024"]


def test_a_date_closing_the_titles_line_after_a_kinds_link_dates_the_record():
    # "<li><a>Title</a> <a href=/type/x>Media release</a> <span>1 May 2024</span></li>": the kind sits between
    rows = "".join(
        f"<li><a href='/news/{i}'>{title}</a> <a href='/type/media-release'>Media release</a> <span>{day}</span></li>"
        for i, (title, day) in enumerate(zip(RELEASES, RELEASE_DAYS, strict=True))
    )
    entries = _entries(f"<ul class='news'>{rows}</ul>", "<html lang='en-AU'>")
    assert [e["title"] for e in entries] == RELEASES
    assert [e["date_start"] for e in entries] == ["2024-05-01", "2024-04-20", "2024-03-03", "2024-02-09"]


POSTS = [
    ("Ruby 3.1.1 released", "2022-02-18"),
    ("Ruby 3.1.0 released", "2021-12-25"),
    ("CVE-2021-41819: Cookie prefix spoofing", "2021-11-24"),
]


def test_a_byline_closing_on_a_one_word_numeric_date_gives_the_date():
    rows = "".join(
        f"<div class='post'><h3><a href='/news/{i}/'>{title}</a></h3>"
        f"<p class='link'><a href='/news/{i}/'>Read more...</a></p><p class='info'>Posté par naruse le {day}</p></div>"
        for i, (title, day) in enumerate(POSTS)
    )
    entries = _entries(rows, "<html lang='fr'>")
    assert [(e["title"], e["date_start"]) for e in entries] == POSTS


def test_a_breadcrumb_trail_inside_the_content_is_no_part_of_the_list():
    trail = (
        "<section id='breadcrumb' class='default-breadcrumbs'><ol class='breadcrumb'>"
        "<li><a href='/'>Conference Live</a></li><li class='active'><a href='/past/'>Past Events</a></li>"
        "</ol></section>"
    )
    items = "".join(f"<li><a href='/e{i}'>{title} - February 1{i}, 2020</a></li>" for i, (title, _) in enumerate(POSTS))
    entries = _entries(f"{trail}<section><h2>Past Events</h2><ul>{items}</ul></section>")
    assert [e["title"] for e in entries] == [title for title, _ in POSTS]


def test_a_day_date_line_says_more_than_the_month_closing_the_title():
    lines = ["<p>March 24, 2017 – March 26, 2017</p>", "<p>May 3, 2017</p>", "", "<p>June 2, 2016</p>"]
    names = ["Hackathon – March 2017", "Lunch and Learn", "Summer Social – August 2017", "Meetup – May 2017"]
    items = "".join(
        f"<div class='event'>{line}<h3><a href='/e{i}'>{name}</a></h3><p>Venue {i}, Ottawa</p></div>"
        for i, (line, name) in enumerate(zip(lines, names, strict=True))
    )
    entries = _entries(items, "<html lang='en'>")
    assert [(e["title"], e["date_start"], e["date_end"]) for e in entries] == [
        ("Hackathon", "2017-03-24", "2017-03-26"),
        ("Lunch and Learn", "2017-05-03", "2017-05-03"),
        ("Summer Social", "2017-08-01", "2017-08-31"),  # no line: the title's month stands
        ("Meetup", "2017-05-01", "2017-05-31"),  # a line outside the title's month does not replace it
    ]
