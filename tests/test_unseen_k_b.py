"""Dates and titles the generic extractor missed on batch K (issue 21, part B), each shape in small synthetic
HTML."""

from synthetic import URL, page
from synthetic import generic_entries as _entries

from crawler.entries import build_entries
from crawler.extract import extract_page
from crawler.extract.profiles import profile_from_text
from crawler.parsers.datelines import date_in_line
from crawler.parsers.dates import parse_date


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


def test_a_one_cell_section_row_of_a_table_still_heads_its_rows():
    """Beside the header row 'Name | Date' (a column's header, no group: tests/test_unseen_dates_j.py), a row of
    one header cell ('2023') between the rows is their section heading."""
    rows = "".join(
        f"<tr><td><a href='/{i}'>Annual report number {i}</a></td><td>{i}.3.2023</td></tr>" for i in (1, 2, 3)
    )
    table = f"<table><tr><th>Name</th><th>Date</th></tr><tr><th colspan='2'>2023</th></tr>{rows}</table>"
    assert [e.get("group") for e in _entries(table, "<html lang='de'>")] == ["2023"] * 3


def test_a_rows_own_header_cell_beside_its_data_cells_still_heads_it():
    """<tr><th scope="row">May 12, 2023</th><td><h5>Title</h5><a>Link to news article</a></td></tr> read with a
    profile whose entries are the <h5>s (as `learn` wrote one): the header cell beside data cells heads its row and
    gives each entry its day, unlike a header row's cells beside one another."""
    days = ["May 12, 2023", "Jan 31, 2022", "Jan 19, 2022"]
    rows = "".join(
        f"<tr><th scope='row'>{day}</th><td><h5>News title number {i}</h5>"
        f"<a href='https://news.example/{i}'>Link to news article</a></td></tr>"
        for i, day in enumerate(days)
    )
    profile = profile_from_text('name = "t"\ndomains = ["example.org"]\n[selectors]\nentry = "table h5"\n', "test")
    html = page(f"<table class='table'>{rows}</table>")
    entries = build_entries(extract_page(html, URL, profile), URL, URL, profile)
    assert [e["date_start"] for e in entries] == ["2023-05-12", "2022-01-31", "2022-01-19"]


def _meetings_grid(name_cell) -> str:
    bodies = ["Zoning Committee", "City Council", "Zoning Committee", "City Council"]
    rows = "".join(
        f"<tr><td>{name_cell(body)}</td><td>2/{20 + i}/2026</td><td><span>6:30 PM</span></td><td>Chambers, Rm 231</td>"
        f"<td><a href='/MeetingDetail?ID={i}'>Meeting details</a></td><td><a href='/View?M=A&ID={i}'>Agenda</a></td>"
        f"<td><a href='/View?M=AA&ID={i}'>Accessible Agenda</a></td>"
        f"<td><a href='/View?M=M&ID={i}'>Minutes</a></td></tr>"
        for i, body in enumerate(bodies)
    )
    head = "".join(f"<th>{h}</th>" for h in ("Name", "Date", "Time", "Location", "Details", "Agenda", "", "Minutes"))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>", bodies


def test_a_calendar_grids_row_is_named_by_its_body_cell_not_its_time():
    """A meetings grid whose only links label its files ('Meeting details', 'Accessible Agenda'): the body's name,
    in an <a> without href (an anchor, no link), names the row, never the time cell ('6:30 PM')."""
    grid, bodies = _meetings_grid(lambda body: f"<a id='hypBody'><font>{body}</font></a>")
    entries = _entries(grid, "<html lang='en'>")
    assert [e["title"] for e in entries] == bodies
    assert [e["date_start"] for e in entries] == ["2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23"]
    assert entries[0]["url"] == "https://example.org/MeetingDetail?ID=0"


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


def _talks(talks) -> list[str]:
    items = "".join(
        f"<li><span>{i + 1}.10.2019:</span> <a href='/v/{slug}.html'>{text}</a></li>"
        for i, (slug, text) in enumerate(talks)
    )
    return [e["title"] for e in _entries(f"<ul>{items}</ul>", "<html lang='de'>")]


def test_speakers_names_after_the_last_dash_that_the_links_addresses_leave_out_are_no_part_of_the_titles():
    """<a href='/v/budgetgerechte-teststrategien.html'>Budgetgerechte Teststrategien - Julius Mischok</a> on most
    talks of a list: each page's address names the talk, not the speaker after the dash. Where the address names
    the words after the dash too ('… - City Council'), the title stays whole."""
    talks = [
        ("geht-nicht-gibts-nicht---budgetgerechte-teststrategien",
         "Geht nicht gibt's nicht - Budgetgerechte Teststrategien - Julius Mischok"),
        ("laufzeit-ndern-mit-java-agents-und-byte-buddy--jug-augsburg",
         "Laufzeit ändern mit Java Agents und Byte Buddy -JUG Augsburg - Fabian Stäber"),
        ("osgi-ist-das-kunst-oder-kann-das-weg", "OSGi - Ist das Kunst oder kann das weg? - Thomas Driessen"),
        ("minutes-of-the-budget-meeting-city-council", "Minutes of the budget meeting - City Council"),
    ]  # fmt: skip
    assert _talks(talks) == [
        "Geht nicht gibt's nicht - Budgetgerechte Teststrategien",
        "Laufzeit ändern mit Java Agents und Byte Buddy -JUG Augsburg",
        "OSGi - Ist das Kunst oder kann das weg?",
        "Minutes of the budget meeting - City Council",
    ]


def test_one_title_whose_short_address_leaves_out_its_last_words_stays_whole():
    """'Report on the annual survey - Second Edition' at /v/report-on-the-annual-survey: alone of its list, it is
    no list of talks and speakers; a short address merely left its last words out."""
    reports = [
        ("report-on-the-annual-survey", "Report on the annual survey - Second Edition"),
        ("budget-of-the-city-for-2020", "Budget of the city for 2020"),
        ("minutes-of-the-council-meeting", "Minutes of the council meeting"),
    ]
    assert _talks(reports) == [text for _, text in reports]


def test_a_date_box_without_a_year_takes_it_from_the_same_day_written_whole_in_the_title():
    """<div class="month">May</div><div class="day">12</div> beside 'May 2026 Monthly Meeting – 5/12/2026 – In
    Person and via Zoom' (the title's date in its middle, so no edge date): the title's whole date of that same
    day and month gives the box its year. A title's date of another day leaves the box without one."""
    meetings = [("May", "12", "May 2026 Monthly Meeting – 5/12/2026 – In Person and via Zoom"),
                ("May", "14", "Communications Committee Meeting – 5/14/2026"),
                ("Jun", "3", "Economic Vitality Committee – 6/30/2026 – via Zoom"),
                ("Jun", "11", "Communications Committee Meeting – 6/11/2026")]  # fmt: skip
    posts = "".join(
        f"<article class='post'><div class='date'><div class='month'>{month}</div><div class='day'>{day}</div></div>"
        f"<div class='info'><h4><a href='/meeting/{i}/'>{title}</a></h4><p>9:00 a.m.</p></div></article>"
        for i, (month, day, title) in enumerate(meetings)
    )
    entries = _entries(posts, "<html lang='en-US'>")
    assert [e["date_start"] for e in entries] == ["2026-05-12", "2026-05-14", None, "2026-06-11"]


def test_a_ranges_start_in_figures_without_its_year_is_in_the_ends_year():
    """'4/10 - 5/1/17: "The City of Boston …"' among rows of '4/17/17 - 5/4/17: …': the start of a range in figures
    shares its end's year, as '22 - 23 November 2022' shares its month. A start after the end so read gives no date
    (never a guess at the year before); the page's order of figures still decides."""
    assert parse_date("4/10 - 5/1/17", month_first=True).start.isoformat() == "2017-04-10"
    assert parse_date("4/10 - 5/1/17", month_first=True).end.isoformat() == "2017-05-01"
    assert parse_date("10/4 - 1/5/2017", month_first=False).start.isoformat() == "2017-04-10"
    assert parse_date("12/20 - 1/5/18", month_first=True) is None
    assert parse_date("4/10 - 5/1/17", month_first=None) is None
    assert date_in_line("4/10 - 5/1/17") == "4/10 - 5/1/17"
