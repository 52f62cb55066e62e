"""The generic extractor on titles that are a link's own words: reference numbers, a date or a year as the link, the
same words on every row or post. Each shape in small synthetic HTML."""

import pytest
from synthetic import generic_entries as _entries

from crawler.extract.titles import identifier_line


def test_a_heading_link_that_is_only_a_year_names_its_post():
    names = ["1981", "1978/1979", "Festlige begivenheder i årets løb - 1982", "Årets gang 1983"]
    items = "".join(
        f"<article><h2><a href='/dagbog/{i}/'>{name}</a></h2><p class='meta'>{20 + i} minutters læsning</p>"
        f"<p>Et tilbageblik på året, nummer {i}.</p></article>"
        for i, name in enumerate(names)
    )
    entries = _entries(items, head="<html lang='da'>")
    assert [e["title"] for e in entries] == names


def test_a_posting_line_as_the_link_gives_the_date_and_the_name_beside_it_the_title():
    row = "<tr><td><h3><a href='/AgendaCenter/ViewFile/Agenda/_{i}'><strong>Nov 1{i}, 2020</strong> — "
    row += "<em>Posted Nov 0{i}, 2020 11:47 AM</em></a></h3><p>City Council Regular Meeting {i}</p></td>"
    row += "<td><a href='/AgendaCenter/ViewFile/Minutes/_{i}'>Minutes</a></td></tr>"
    entries = _entries("<table>" + "".join(row.format(i=i) for i in range(1, 5)) + "</table>")
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (f"City Council Regular Meeting {i}", f"2020-11-1{i}") for i in range(1, 5)
    ]


def test_rows_whose_one_link_says_the_same_name_on_every_row_keep_it_as_their_title():
    row = "<tr><td>0{i}/0{i}/2025</td><td>City Hall</td><td><a href='/meeting/{i}'>Regular Meeting</a></td>"
    row += "<td><a href='/agenda/{i}.pdf'>Agenda</a></td></tr>"
    entries = _entries("<table>" + "".join(row.format(i=i) for i in range(1, 5)) + "</table>")
    assert [(e["title"], e["url"]) for e in entries] == [
        ("Regular Meeting", f"https://example.org/meeting/{i}") for i in range(1, 5)
    ]


def test_a_repeated_meeting_name_followed_only_by_its_date_stays_the_title():
    """<li><a>City Council Meeting</a> - 1 March 2020</li> for each meeting: the line goes on with a date, not a
    name: the title stays the link's words (a title that changed on upgrade would be a new version of each)."""
    items = "".join(f"<li><a href='/m/{i}'>City Council Meeting</a> - {i + 1} March 2020</li>" for i in range(8))
    entries = _entries(f"<ul>{items}</ul>", "<html lang='en'>")
    assert [e["title"] for e in entries] == ["City Council Meeting"] * 8
    assert [e["date_start"] for e in entries][:2] == ["2020-03-01", "2020-03-02"]


def test_a_link_named_by_a_date_with_no_other_date_line_still_gives_that_date():
    # the guard's other side: a meeting named by its date, its name beside, no date line of its own
    rows = "".join(
        f"<li><a href='/m/{d}'>{d} June 2022</a> Regular Meeting of the Board of Supervisors</li>" for d in (7, 14, 21)
    )
    entries = _entries(f"<h2>Meetings</h2><ul>{rows}</ul>", "<html lang='en'>")
    assert [e["date_start"] for e in entries] == ["2022-06-07", "2022-06-14", "2022-06-21"]
    assert {e["title"] for e in entries} == {"Regular Meeting of the Board of Supervisors"}


def test_a_link_that_is_a_reference_number_names_no_entry_the_heading_beside_it_does():
    rec = "<div class='result'><h4><a href='/d/{i}.pdf'> Drucksache Nr. 19/38{i}6 vom 0{i}.11.2024 </a></h4>"
    rec += "<p>Gesetzentwurf AfD</p><h5><strong>Gesetzentwurf zur Änderung des Gesetzes Nummer {i}</strong></h5>"
    rec += "<p>Widerspruchsrecht der Gemeinden bei der Zuweisung, ein längerer Satz {i}.</p></div>"
    entries = _entries("".join(rec.format(i=i) for i in range(1, 4)), "<html lang='de'>")
    assert [e["title"] for e in entries] == [f"Gesetzentwurf zur Änderung des Gesetzes Nummer {i}" for i in (1, 2, 3)]
    assert [e["date_start"] for e in entries] == ["2024-11-01", "2024-11-02", "2024-11-03"]


@pytest.mark.parametrize(
    "text", ["Audit Committee - 12/14/23", "IAA-Crashen-Kick-Off (online) 26.02.2023 – 17-20 Uhr", "Annual Report 2020"]
)
def test_a_name_holding_figures_or_a_date_is_no_reference_number(text):
    assert not identifier_line(text)


def test_posts_whose_heading_links_say_the_same_words_keep_them_as_their_titles():
    post = "<div class='post'><h3><a href='/2018/0{i}/week.html'>The week ahead...</a></h3>"
    post += "<p>Sunday, {i} March 2018</p><p>Meetings this week, and a few words more {i}.</p>"
    post += "<a href='/2018/0{i}/week.html#comments'>0 comments</a> <a href='/share?{i}'>Share</a></div>"
    entries = _entries("".join(post.format(i=i) for i in range(1, 5)))
    assert [e["title"] for e in entries] == ["The week ahead..."] * 4


@pytest.mark.parametrize("text", ["Annual Report 2020-21", "Ordinance 2024-17", "Board Meeting 2024-05"])
def test_a_name_with_a_number_but_no_number_sign_is_no_reference_number(text):
    assert not identifier_line(text)


def test_a_table_row_whose_one_link_is_its_date_is_named_by_its_first_plain_cell_not_its_time():
    """Date | Time | Meeting | Location rows, the date the only link: the time of day is no name, and a
    one-word name cell ("Regular", "Budget") is the title, not the longer place after it."""
    kinds = ["Retreat", "Business", "Regular", "Special", "Budget", "Regular"]
    rows = "".join(
        f"<tr><td><a href='/events/{d}'>May {d}, 2023</a></td><td>6:00 p.m.</td><td>{kind}</td>"
        f"<td>Central High School Auditorium</td></tr>"
        for d, kind in zip(range(3, 9), kinds, strict=True)
    )
    head = "<tr><th>Date</th><th>Time</th><th>Meeting</th><th>Location</th></tr>"
    entries = _entries(f"<h2>Schedule of Board Meetings</h2><table>{head}{rows}</table>", "<html lang='en'>")
    assert [e["title"] for e in entries] == kinds
    assert [e["date_start"] for e in entries][:2] == ["2023-05-03", "2023-05-04"]


def test_talks_named_by_a_quoted_title_after_the_speaker_beside_a_linked_date_keep_the_quoted_words():
    """<li><a>7th October 2026</a> Ada Lovelace (UCL) on "Title"</li>: the date links the talk, the speaker is
    no title; the quoted words are, without their quote marks (one left unclosed runs to the line's end)."""
    talks = ["Engines of analysis", "Notes on the sketch", " Numbers and music ", "Loops in cards"]
    quotes = ['"{}"', "“{}“", '"{}"', '"{}']
    items = "".join(
        f"<li><a href='/talk/{d}'>{d}th October 2026</a> Ada Lovelace (UCL) and Bob Smith (MIT) on "
        f"{quote.format(talk)} joint seminar</li>"
        for d, talk, quote in zip(range(4, 8), talks, quotes, strict=True)
    )
    entries = _entries(f"<h2>Seminars</h2><ul>{items}</ul>", "<html lang='en'>")
    assert [e["title"] for e in entries] == [t.strip() for t in talks[:3]] + ["Loops in cards joint seminar"]
    assert [e["date_start"] for e in entries][:2] == ["2026-10-04", "2026-10-05"]


def test_a_list_where_few_names_hold_a_quoted_word_keeps_the_whole_names():
    items = "".join(
        f"<li><a href='/m/{d}'>{d} June 2022</a> {name}</li>"
        for d, name in zip(
            (7, 14, 21, 28), ['Reading of "Ulysses" by the club', "Garden walk", "Open day", "Fair"], strict=True
        )
    )
    entries = _entries(f"<h2>Events</h2><ul>{items}</ul>", "<html lang='en'>")
    assert entries[0]["title"] == 'Reading of "Ulysses" by the club'


PROGRAMME = {
    "de": ["Samstag, 9. April um 16 Uhr", "Sonntag, 24. April um 15 Uhr", "Freitag, 13. Mai um 19 Uhr (vor Pfingsten)"],
    "en": ["Saturday 9 April 2016, 4 pm", "Sunday 24 April 2016, 3 pm", "Friday 13 May 2016, 7 pm"],
    "fr": ["samedi 9 avril 2016 à 16h30", "dimanche 24 avril 2016 à 15h", "vendredi 13 mai 2016 à 19h"],
}
EVENTS = ["Heiter bis wolkig", "Duo-Konzert für Flöte und Klavier", "Traum von Pickau"]


@pytest.mark.parametrize("lang", sorted(PROGRAMME))
def test_a_link_that_is_an_events_date_and_hour_is_named_by_the_line_after_it(lang):
    # a programme in paragraphs (issue 21): "<p><a><b>Samstag, 9. April um 16 Uhr</b></a> Name<br>what it is …</p>";
    # the name on the link's line, on the next line, or after the date inside the link; the performers' links in
    # the description name no event
    shapes = [
        "<p><a href='/e/0/'><b>{day}</b></a> „{name}“<br>Poesie und Piano mit <a href='/p/0/'>Dieter Schaller</a></p>",
        "<p><a href='/e/1/'><b>{day}</b></a><br>{name}<br>Werke von Bach bis Debussy, mit Prof. Kaya Han</p>",
        "<p><a href='/e/2/'><b>{day}</b> {name}</a><br>Bildbetrachtungen und Madrigale von Monteverdi</p>",
    ]
    items = "".join(s.format(day=d, name=n) for s, d, n in zip(shapes, PROGRAMME[lang], EVENTS, strict=True))
    entries = _entries(f"<h2>Veranstaltungen</h2><div class='text'>{items}</div>", f"<html lang='{lang}'>")
    named = {e["url"]: e["title"] for e in entries}
    assert [named.get(f"https://example.org/e/{i}/") for i in range(3)] == ["„Heiter bis wolkig“", *EVENTS[1:]]


@pytest.mark.parametrize(
    ("line", "led"),
    [
        ("Sonntag, den 28. Februar 2016 um 17 Uhr", True),
        ("Samstag, 19. März um 18 Uhr, vor Palmsonntag", True),
        ("samedi 9 avril 2016 à 16h30", True),
        ("July 16, 2024", False),  # a meeting or document named by its date
        ("Mayo 2025", False),
        ("Domingo 22.02.2026 (1-2)", False),  # a part number, no hour
        ("Sonntag, 8. Mai Muttertag", False),  # words after the day name the event
    ],
)
def test_an_events_date_line_is_a_day_then_its_hour(line, led):
    from crawler.extract.date_led_links import date_led

    assert date_led(line) is led


def test_an_events_date_link_with_a_remark_after_its_hour_still_dates_the_event():
    # "Samstag, 19. März 2016 um 18 Uhr, vor Palmsonntag": the day and hour date the event named on the next line
    days = ["Samstag, 19. März 2016 um 18 Uhr, vor Palmsonntag", "Freitag, 13. Mai 2016 um 19 Uhr (vor Pfingsten)"]
    days += ["Sonntag, 12. Juni 2016 um 11 Uhr"]
    items = "".join(
        f"<p><a href='/e/{i}/'><b>{day}</b></a><br>{name}<br>Lesung mit <a href='/p/{i}/'>Helga Greier</a></p>"
        for i, (day, name) in enumerate(zip(days, EVENTS, strict=True))
    )
    entries = _entries(f"<h2>Veranstaltungen</h2><div class='text'>{items}</div>", "<html lang='de'>")
    assert [(e["title"], e["date_start"]) for e in entries] == list(
        zip(EVENTS, ["2016-03-19", "2016-05-13", "2016-06-12"], strict=True)
    )


@pytest.mark.parametrize(
    ("lang", "days", "holiday"),
    [
        ("de", ["Samstag, 9. April 2016 um 16 Uhr", "Sonntag, 24. April 2016 um 15 Uhr"], "Sonntag, 8. Mai 2016"),
        ("en", ["Saturday 9 April 2016, 4 pm", "Sunday 24 April 2016, 3 pm"], "Sunday 8 May 2016"),
        ("fr", ["samedi 9 avril 2016 à 16h30", "dimanche 24 avril 2016 à 15h"], "dimanche 8 mai 2016"),
    ],
)
def test_a_days_link_followed_by_words_in_a_programme_of_date_links_is_named_by_the_words(lang, days, holiday):
    """A programme whose links are its events' date lines, each name on the line after: one link gives the day and
    then the event's name, no hour ("Sonntag, 8. Mai Muttertag"), and its whole line was the title (batch W, a
    foundation's 2016 programme: titles 12/16). Among links that say when, the words after the day name the event;
    the day still dates it."""
    links = [*days, f"{holiday} Mother's Day in the gardens", days[0].replace("9", "19", 1)]
    names = [EVENTS[0], EVENTS[1], None, EVENTS[2]]
    items = "".join(
        f"<p><a href='/e/{i}/'><b>{day}</b></a><br>{name or 'Guided tour for children and their families'}<br>"
        f"Lesung mit <a href='/p/{i}/'>Helga Greier</a></p>"
        for i, (day, name) in enumerate(zip(links, names, strict=True))
    )
    entries = _entries(f"<h2>Programme 2016</h2><div class='text'>{items}</div>", f"<html lang='{lang}'>")
    named = {e["url"]: (e["title"], e["date_start"]) for e in entries}
    assert named["https://example.org/e/2/"] == ("Mother's Day in the gardens", "2016-05-08")
    assert named["https://example.org/e/0/"] == (EVENTS[0], "2016-04-09")


def test_a_document_link_named_by_its_short_dated_day_and_kind_is_the_title_not_its_posting_line():
    """A CMS document library (issue 21, a county's meeting files under year headings): each row a link "11-19-19
    Minutes" (the meeting's day, a two-figure year, and the document's kind) over a line that is only when it was
    posted. The kind with its day names the document as "Minutes 2019" does; the date line dates it, never titles."""
    days = [("11-19-19", "1/29/2020 02:49:26 PM"), ("10-22-19", "10/23/2019 07:06:26 PM")]
    days += [("09-24-19", "10/23/2019 07:05:48 PM")]
    rows = "".join(
        f"<tr><td><div><p><a href='/fdc/2019/{day}-{kind.lower()}.aspx'>{day} {kind}</a></p>"
        f"<p class='posted'>{posted}</p></div></td></tr>"
        for day, posted in days
        for kind in ("Minutes", "Agenda")
    )
    entries = _entries(f"<h2>2019</h2><table><tbody>{rows}</tbody></table>", "<html lang='en'>")
    assert [e["title"] for e in entries] == [f"{day} {kind}" for day, _ in days for kind in ("Minutes", "Agenda")]
    assert [e["date_start"] for e in entries] == ["2020-01-29"] * 2 + ["2019-10-23"] * 4


def test_a_heading_link_that_reads_as_a_reference_number_names_its_post_not_the_byline_beside_it():
    """A blog's posts (issue 21, a film showcase: "8 1/2" among the films): each an h2 link, a meta line with the
    category link and the author's microdata name (itemprop="name" inside itemprop="author"), a teaser. A title of
    figures that reads as a reference number gives way to another heading only, never to a byline or a category;
    an author's name is a person's, no title."""
    films = ["O GABINETE DO DR. CALIGARI", "8 1/2", "PERSONA", "9/11"]
    post = (
        "<article class='post'><header><h2 class='entry-title'><a href='/site/film-{i}/'>{name}</a></h2>"
        "<div class='entry-meta'><span class='cat-links'><a href='/site/category/filmes/' rel='category tag'>"
        "Sem categoria</a></span> / Por <span class='author vcard' itemprop='author' itemscope "
        "itemtype='https://schema.org/Person'><a href='/site/author/mostra/'><span itemprop='name'>Mostra Lugar"
        "</span></a></span></div></header><div class='entry-content'><p>SINOPSE Um filme, sessão {i}.</p></div>"
        "</article>"
    )
    entries = _entries("".join(post.format(i=i, name=n) for i, n in enumerate(films)), "<html lang='pt-BR'>")
    assert [e["title"] for e in entries] == films


def test_a_talks_line_is_named_by_its_words_before_the_venue_not_by_the_venues_link():
    """A speaker's talks, one line each, "DATE: what at <a>where</a>" (issue 21, batch Y: a lecturer's Dutch page,
    "… op <a>Netwerkmoment …</a>", titles 4 of 10): the link is the venue, or a part of the sentence whose venue
    follows it; the words after the date up to the venue name the talk. A line opening on its link keeps it."""
    lines = [
        (
            "7/10/2025",
            "Keynote on <em>Machine learning in schools</em> at <a href='https://forum.example.net/'>"
            "Education Forum Antwerp</a>",
        ),
        (
            "18/06/2025",
            "Workshop about the <a href='https://papers.example.net/42'>reuse of open data by cities</a> at"
            " the 12th Conference on Open Government (<a href='/slides/42.pdf'>slides</a>)",
        ),
        (
            "6/05/2025",
            "<a href='https://school.example.net/talk'>Data ethics for teachers</a> (<a href='/s.pdf'>slides</a>)",
        ),
        ("21/11/2024", "Inspiration session on ethical AI at <a href='https://fest.example.net/'>TECH FEST</a>"),
    ]
    items = "".join(f"<li>{day}: {line} </li>" for day, line in lines)
    entries = _entries(f"<h1>Talks</h1><h2>Past:</h2><ul>{items}</ul>", "<html lang='en'>")
    assert [e["title"] for e in entries] == [
        "Keynote on Machine learning in schools",
        "Workshop about the reuse of open data by cities",
        "Data ethics for teachers",
        "Inspiration session on ethical AI",
    ]
    assert [e["date_start"] for e in entries] == ["2025-10-07", "2025-06-18", "2025-05-06", "2024-11-21"]


def test_a_quoted_name_after_an_events_date_link_ends_where_its_description_runs_on():
    """The line after an event's date link opens on its quoted name and runs on into a sentence describing it, on the
    same line ("„Unerhört! – Komponierende Frauen“ Ein Projekt-Konzert von Studierenden … unter Leitung von …"; issue
    21, batch Y, a foundation's programme): the quoted name names it. A quoted name followed by a few words (a
    composer's, "„Carmen“ von Bizet") stays whole."""
    lines = [
        "„Unerhört! – Komponierende Frauen“ Ein Projekt-Konzert von Studierenden der Hochschule unter Leitung von "
        "Prof. Dr. Johannes Hoyer",
        "„Carmen“ von Georges Bizet",
        "„Heiter bis wolkig“",
    ]
    days = PROGRAMME["de"]
    items = "".join(
        f"<p><a href='/e/{i}/'><b>{day}</b></a><br>{line}<br>Darf eine Frau komponieren? Eine Frage vieler Jahre.</p>"
        for i, (day, line) in enumerate(zip(days, lines, strict=True))
    )
    entries = _entries(f"<h2>Veranstaltungen</h2><div class='text'>{items}</div>", "<html lang='de'>")
    assert [e["title"] for e in entries] == ["„Unerhört! – Komponierende Frauen“", *lines[1:]]


def test_a_link_that_is_a_span_of_days_is_an_events_date_line_named_by_the_line_after_it():
    """A programme of date links among which a seminar's link shows its span of days and no hour, then its name on
    the next line inside the link, then a link to one of its talks ("<a><strong>Freitag bis Sonntag 9. - 11.
    September</strong><br>17. Seminar für Musik</a><br><a>Stimmt die Musik?</a>"; issue 21, batch Y, a
    foundation's programme): the span is the event's date line, the line after it its name, and the talk's link a
    part of its description, no entry."""
    days = PROGRAMME["de"][:2]
    items = "".join(
        f"<p><a href='/e/{i}/'><b>{day}</b></a><br>Konzert Nummer {i}<br>Werke von Bach bis Debussy.</p>"
        for i, day in enumerate(days)
    )
    items += (
        "<p><a href='/e/seminar/'><strong>Freitag bis Sonntag 9. - 11. September</strong><br>17. Seminar für "
        "Musik und Transzendenz</a><br><a href='/e/seminar/talk/'>Stimmt die Musik unsere Seele?</a> Vom Charakter "
        "der Tonarten.</p>"
    )
    entries = _entries(f"<h1>2016</h1><h2>Veranstaltungen</h2><div class='text'>{items}</div>", "<html lang='de'>")
    assert [e["title"] for e in entries] == [
        "Konzert Nummer 0",
        "Konzert Nummer 1",
        "17. Seminar für Musik und Transzendenz",
    ]
    assert (entries[-1]["date_start"], entries[-1]["date_end"]) == ("2016-09-09", "2016-09-11")


def test_a_result_link_holding_its_numbers_in_blocks_is_named_by_all_its_words():
    """A court's or a registry's numbered search results (batch Z's TJMG acórdãos): each result one link whose words
    are its number and kind, then its case numbers laid out in blocks of their own, then labelled lines beside it.
    No line alone names the result and the number lines are no authors: the whole link is the title."""
    item = (
        "<br><div class='box'><a href='consulta.do?registro={i}&amp;palavras=dano moral'>{i} - Processo: Recurso "
        "Cível <br><div style='float: left'>1.0000.24.50{i}095-9/001</div><div style='float: right'>"
        "00{i}2948-04.2016.8.13.0407 ({i})</div><div style='clear: both'></div></a></div>"
        "<table><tr><td><strong>Relator(a):</strong> Des.(a) Nome {i}</td></tr></table>"
        "<div><strong>Data de Julgamento:</strong> 2{i}/01/2025</div>"
        "<div><strong>Ementa:</strong> EMENTA: RECURSO. DANO MORAL. Texto da ementa número {i}.</div>"
    )
    entries = _entries("<div>" + "".join(item.format(i=i) for i in range(1, 5)) + "</div>", head="<html lang='pt'>")
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (f"{i} - Processo: Recurso Cível 1.0000.24.50{i}095-9/001 00{i}2948-04.2016.8.13.0407 ({i})", f"2025-01-2{i}")
        for i in range(1, 5)
    ]
