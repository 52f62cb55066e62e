"""What the generic extractor keeps at a title's edges: a date, a range, a dash and a place, a byline or author's line,
speakers' names the address leaves out. Each shape in small synthetic HTML."""

import pytest
from synthetic import generic_entries as _entries
from synthetic import page, read

from crawler.parsers.dates import looks_like_date_line


def test_a_day_and_month_before_a_dash_still_name_a_document():
    # "August 9 - City Council Agenda": after a dash the day and month are part of the document's name
    rows = "".join(
        f"<li><a href='/download/{m.lower()}-{d}-agenda/'>{m} {d} - City Council Agenda</a></li>"
        for m, d in (("August", 23), ("August", 9), ("July", 26))
    )
    entries = _entries(f"<h2>Agendas - 2022</h2><ul>{rows}</ul>")
    assert [e["title"] for e in entries][:2] == ["August 23 - City Council Agenda", "August 9 - City Council Agenda"]


def test_a_title_holding_a_year_range_keeps_it_and_the_release_line_gives_the_date():
    row = "<div class='n'><a href='/f/{i}'>Grant for the period (2021-2024) number {i}<br>"
    row += "<span>( Release Date :1{i}/02/2020 )</span></a></div>"
    entries = _entries("".join(row.format(i=i) for i in range(3, 6)))
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (f"Grant for the period (2021-2024) number {i}", f"2020-02-1{i}") for i in range(3, 6)
    ]


def test_a_last_line_opening_on_a_lowercase_by_is_the_titles_not_an_author():
    items = "".join(f"<li><a href='/t{i}'>Trip to the lake number {i}<br/>by train and boat</a></li>" for i in range(4))
    assert [e["title"] for e in _entries(f"<ul>{items}</ul>")] == [
        f"Trip to the lake number {i} by train and boat" for i in range(4)
    ]


def test_an_authors_line_with_a_combining_accent_is_no_part_of_the_title():
    byline = "Par Rene\u0301e Dupont"  # the accent a combining mark: the title is composed, the line was not
    items = "".join(f"<li><a href='/s{i}'>Chronique numéro {i} de la ville<br/>{byline}</a></li>" for i in range(4))
    titles = [e["title"] for e in _entries(f"<ul>{items}</ul>")]
    assert titles == [f"Chronique numéro {i} de la ville" for i in range(4)]


LEAFLETS = ["Domingo 30.11.2025 - C", "Domingo 07.12.2025 - B", "Fiesta de la Inmaculada - 08.12.2025"]


def _leaflets(date_line: bool) -> str:
    return "".join(
        f"<li><a href='/hoja/{i}/'>{title}</a>"
        + ("<div class='post-meta'>11-07-2026</div>" if date_line else "")
        + f"<p>Una hoja para la semana, número {i}, con las lecturas.</p><a href='/hoja/{i}/'>Leer más →</a></li>"
        for i, title in enumerate(LEAFLETS)
    )


def test_a_date_at_the_edge_of_a_title_stays_in_it_when_what_is_left_names_nothing():
    entries = _entries(f"<ul class='posts'>{_leaflets(date_line=True)}</ul>", head="<html lang='es'>")
    assert [e["title"] for e in entries] == [LEAFLETS[0], LEAFLETS[1], "Fiesta de la Inmaculada"]
    # each record's own date line, also beside a date closing a name: that date is what the title names
    assert [e["date_start"] for e in entries] == ["2026-07-11", "2026-07-11", "2026-07-11"]


def test_without_a_date_line_such_a_title_still_gives_its_date():
    entries = _entries(f"<ul class='posts'>{_leaflets(date_line=False)}</ul>", head="<html lang='es'>")
    assert [e["title"] for e in entries] == [LEAFLETS[0], LEAFLETS[1], "Fiesta de la Inmaculada"]
    assert [e["date_start"] for e in entries] == ["2025-11-30", "2025-12-07", "2025-12-08"]


def test_a_short_name_of_two_letters_after_the_date_is_still_the_title():
    posts = "".join(
        f"<li><a href='/p/{i}/'>{day} december 2005 - {name}</a><p>Ett inlägg om dagen, nummer {i}.</p></li>"
        for i, (day, name) in enumerate([(20, "u.ä"), (21, "Jul"), (22, "Om snö och is")])
    )
    entries = _entries(f"<ul class='posts'>{posts}</ul>", head="<html lang='sv'>")
    assert [e["title"] for e in entries] == ["u.ä", "Jul", "Om snö och is"]
    assert [e["date_start"] for e in entries] == ["2005-12-20", "2005-12-21", "2005-12-22"]


@pytest.mark.parametrize("byline", ["By Daryle Unseld", "Par Jean Dupont", "Por Ana Ruiz"])
def test_an_authors_line_closing_a_link_is_no_part_of_its_title(byline):
    items = "".join(
        f"<li><a href='/s{i}'>Guest comment number {i} on the business<br/>{byline}</a></li>" for i in range(4)
    )
    assert [e["title"] for e in _entries(f"<ul>{items}</ul>")] == [
        f"Guest comment number {i} on the business" for i in range(4)
    ]
    text, entries = read(page(f"<ul class='list'>{items}</ul>"), ["Guest comment number 0 on the business"])
    assert [e["title"] for e in entries] == [f"Guest comment number {i} on the business" for i in range(4)], text


def test_a_byline_run_into_the_title_stays():
    items = "".join(
        f"<li><a href='/s{i}'>Comment number {i} on the economy. By Jane Doe, CEO</a></li>" for i in range(4)
    )
    assert [e["title"] for e in _entries(f"<ul>{items}</ul>")][0] == "Comment number 0 on the economy. By Jane Doe, CEO"


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


def test_a_range_run_into_the_title_keeps_its_end_after_the_dash():
    # "Weekend Strojatín 27. února – 1. března 2026": the range opens in the words, so its end is no date apart
    names = ["Weekend camp Strojatín 27. února – 1. března 2026", "Camp by the lake April 30 – May 2, 2026"]
    names += ["Council meeting – 1. března 2026"]
    shown = ["27.02.2026", "30.04.2026", "01.03.2026"]
    cards = "".join(
        f"<article class='item'><h2><a href='/l/{i}/'>{name}</a></h2><div class='item-date'>{day}</div>"
        f"<p>Ahoj! Another trip with the camp, sign up on its page.</p></article>"
        for i, (name, day) in enumerate(zip(names, shown, strict=True))
    )
    entries = _entries(f"<div class='items'>{cards}</div>", "<html lang='cs'>")
    assert [e["title"] for e in entries] == [*names[:2], "Council meeting"]  # a date after the dash alone still parts
    assert [e["date_start"] for e in entries] == ["2026-02-27", "2026-04-30", "2026-03-01"]


def test_a_date_run_into_a_dash_after_a_space_at_the_titles_end_is_no_part_of_the_title():
    # "Polar night in the museum in Puławy -16 MAJA 2026": the event's day; the post's <time> stays its date
    names = ["Polar night in the museum in Puławy -16 MAJA 2026", "Films of the polar club – Lublin 12.03.2026"]
    names += ["Report on COVID -19 in the stations"]
    cards = "".join(
        f"<article><h2><a href='/p/{i}/'>{name}</a></h2><time datetime='2026-05-0{i + 1}'>0{i + 1}/05/2026</time>"
        f"<p>A short teaser of the post, in a few words.</p></article>"
        for i, name in enumerate(names)
    )
    entries = _entries(f"<main>{cards}</main>", "<html lang='pl-PL'>")
    assert [e["title"] for e in entries] == ["Polar night in the museum in Puławy", *names[1:]]
    assert [e["date_start"] for e in entries] == ["2026-05-01", "2026-05-02", "2026-05-03"]


def test_a_date_closed_by_a_dash_run_into_it_at_the_titles_start_is_no_part_of_the_title():
    # "October 8, 2025- Special Meeting" among "November 12, 2025 - Project Review": the dash closes the date all
    # the same; a number or a bare year before such a dash ("COVID-19- update", "2020- 2021 report") stays
    names = ["October 8, 2025- Special Meeting", "12 mars 2025– Assemblée générale", "COVID-19- Update for members"]
    names += ["2020- 2021 Annual report", "November 12, 2025 - Project Review Subcommittee"]
    rows = "".join(f"<li><a href='/files/m-{i}.pdf'>{name}</a></li>" for i, name in enumerate(names))
    entries = _entries(f"<h2>Agendas</h2><ul>{rows}</ul>")
    titles = ["Special Meeting", "Assemblée générale", *names[2:4], "Project Review Subcommittee"]
    assert [e["title"] for e in entries] == titles
    assert [e["date_start"] for e in entries][:2] == ["2025-10-08", "2025-03-12"]


def test_a_dash_inside_brackets_cuts_no_date_from_a_title():
    from crawler.extract.edge_dates import without_edge_date

    title = "REVIEW: NJPW G1 Climax 30 Nights 7 & 8 (Sept 30 – Oct 1 2020)"
    assert without_edge_date(title) == title
    assert without_edge_date("Review of the season [part 2] – 12 May 2020") == "Review of the season [part 2]"


COLUMNS = [
    ("ΘΑΝΟΣ ΤΣΙΡΟΣ", "Από πού προσδοκά να αντλήσει έσοδα το Δημόσιο το 2021"),
    ("ΜΙΧΑΛΗΣ ΤΣΙΝΤΣΙΝΗΣ", "Αννα Διαμαντοπούλου: Αλιεύματα"),
    ("ΓΙΩΤΑ ΣΥΚΚΑ", "Οι νέοι κανόνες για τα μουσεία"),
]


def test_a_line_of_words_in_another_script_closing_on_a_year_is_no_date_line_and_stays_the_title():
    assert not looks_like_date_line("Από πού προσδοκά να αντλήσει έσοδα το Δημόσιο το 2021")
    assert not looks_like_date_line("Отчёт за 2021")
    rows = "".join(
        f"<div class='row'><article><span class='meta'><a href='/author/{i}/'>{author}</a></span>"
        f"<h2><a href='/economy/{i}/post/'>{title}</a></h2><p>A long teaser about the state budget.</p></article></div>"
        for i, (author, title) in enumerate(COLUMNS)
    )
    entries = _entries(rows, "<html lang='el'>")
    assert [e["title"] for e in entries] == [title for _, title in COLUMNS]


def test_a_link_named_by_a_range_of_months_keeps_the_range_as_its_title_and_date():
    """'Junio - Octubre 2024' closing a list of monthly reports (a transport users' group's service reports): the
    whole link is one range of months, so the first month is no title cut off a date; the range dates it."""
    months = ["Diciembre 2024", "Noviembre 2024", "Junio - Octubre 2024"]
    rows = "".join(f"<li><a href='/informes/r{n}/'>{m}</a></li>" for n, m in enumerate(months))
    entries = _entries(f"<h2>Informes</h2><ul>{rows}</ul>", "<html lang='es'>")
    assert [(e["title"], e["date_start"], e["date_end"]) for e in entries] == [
        ("Diciembre 2024", "2024-12-01", "2024-12-31"),
        ("Noviembre 2024", "2024-11-01", "2024-11-30"),
        ("Junio - Octubre 2024", "2024-06-01", "2024-10-31"),
    ]


def _meeting_rows(days: list[str]) -> list[dict]:
    """A grid of meetings: the first cell the date in figures run into the name, no link; the files after it."""
    row = "<div class='row'><div class='cell'>{day} Board Regular Meeting</div><div class='cell'>"
    row += "<a href='/files/{n}-agenda.pdf'>Agenda</a> <a href='/files/{n}-minutes.pdf'>Minutes</a></div></div>"
    return _entries("<div>" + "".join(row.format(day=d, n=n) for n, d in enumerate(days)) + "</div>")


def test_a_title_opening_on_a_date_in_figures_run_into_its_words_is_dated_by_it_and_keeps_it():
    entries = _meeting_rows(["01/09/2025", "12/12/2024", "11/14/2024"])
    assert [e["title"] for e in entries] == [
        f"{d} Board Regular Meeting" for d in ("01/09/2025", "12/12/2024", "11/14/2024")
    ]
    assert [e["date_start"] for e in entries] == ["2025-01-09", "2024-12-12", "2024-11-14"]


def test_a_title_opening_on_figures_of_undecidable_order_gets_no_date():
    entries = _meeting_rows(["01/09/2025", "12/10/2024", "11/05/2024"])
    assert [e["date_start"] for e in entries] == [None, None, None]


@pytest.mark.parametrize(
    ("names", "days"),
    [
        (
            ["2025.01.09 AGENDA - Regular Meeting.pdf", "2024.12.12 AGENDA - Regular Meeting.pdf"],
            ["2025-01-09", "2024-12-12"],
        ),
        (["2024 Annual report of the board", "12 Angry Men on the stage", "2024.1.3 Release notes"], [None] * 3),
    ],
)
def test_a_title_opening_on_a_year_first_date_is_dated_by_it_and_a_year_a_number_or_a_version_is_not(names, days):
    items = "".join(f"<li><a href='/f/{n}.pdf'>{name}</a></li>" for n, name in enumerate(names))
    entries = _entries(f"<ul>{items}</ul>")
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(names, days, strict=True))


@pytest.mark.parametrize(
    ("lang", "names", "days"),
    [
        (
            "it",
            ["Gita in Inghilterra dal 31 marzo al 14 aprile 2019", "Castagnata 2019"],
            [("2019-03-31", "2019-04-14"), None],
        ),
        (
            "en",
            ["Summer camp from 3 to 5 May 2026", "Festival from 5 to 3 May 2026"],
            [("2026-05-03", "2026-05-05"), None],
        ),
    ],
)
def test_a_title_closing_on_a_range_after_its_lead_word_is_dated_by_it_and_keeps_it(lang, names, days):
    """A range of days with its year after "dal", "from": the entry's date; a year alone or a range that ends
    before it starts gives none."""
    items = "".join(
        f"<article><h3><a href='/e/{n}'>{name}</a></h3><p>Un testo.</p></article>" for n, name in enumerate(names)
    )
    entries = _entries(items, f"<html lang='{lang}'>")
    assert [e["title"] for e in entries] == names
    assert [(e["date_start"], e["date_end"]) if e["date_start"] else None for e in entries] == days


def _cards_with_date_lines(names, lang="pt"):
    cards = "".join(
        f"<div class='card'><a href='/news/{i}.html'><h2>{name}</h2></a><h3>1{i}/03/2021</h3>"
        f"<p>Texto da notícia número {i} sobre o departamento.</p></div>"
        for i, name in enumerate(names)
    )
    return _entries(f"<div class='news'>{cards}</div>", head=f"<html lang='{lang}'>")


def test_a_date_closing_a_title_names_its_event_and_the_records_own_date_line_dates_it():
    """pt-demar-eel-usp-noticias (issue 21): "VII SEMEF - 21-25/09/2020" over the card's own date line: the days
    after the dash are the event's, the entry's date is its own line's; the title loses the dash and the days."""
    entries = _cards_with_date_lines(["Semana de estudos - 21-25/09/2020", "Visita de alunos", "Novo site"])
    assert [(e["title"], e["date_start"]) for e in entries] == [
        ("Semana de estudos", "2021-03-10"),
        ("Visita de alunos", "2021-03-11"),
        ("Novo site", "2021-03-12"),
    ]


def test_a_date_opening_most_titles_still_dates_the_entry_beside_a_date_line_of_its_own():
    """it-gcaa-ultimissime (nine of ten headings): "26/09/2020 – Prima giornata" on most titles is the posts'
    dateline, the entry's date, whatever date the card's own line shows (its posting day); the date at the title's
    start is no part of the title."""
    entries = _cards_with_date_lines(["26/09/2020 – Semana de estudos", "02/10/2020 – Visita de alunos", "Novo site"])
    assert [(e["title"], e["date_start"]) for e in entries][:2] == [
        ("Semana de estudos", "2020-09-26"),
        ("Visita de alunos", "2020-10-02"),
    ]


def test_a_date_opening_one_title_of_a_few_names_its_event_and_the_records_own_date_line_dates_it():
    """fr-fesla-evenements (batch W): one post of six titled "7/9/19 – Forum des Associations", each post with its
    own date line: the title's day is the event's, the record's date line dates the entry (the title still loses the
    date). Where most titles open on a date, the titles date the list (above)."""
    names = ["07/09/2019 – Semana de estudos", "Visita de alunos", "Novo site", "Festa junina"]
    entries = _cards_with_date_lines(names)
    assert [(e["title"], e["date_start"]) for e in entries][0] == ("Semana de estudos", "2021-03-10")


@pytest.mark.parametrize(("marks", "lang"), [(("proceso", "cerrado"), "es"), (("Open", "Closed"), "en")])
def test_a_state_mark_closing_most_titles_of_a_list_is_no_part_of_them(marks, lang):
    """ "<h3><a>Call for tenders 12 <span class="badge">closed</span></a></h3>" (held-out batch V, a school's calls:
    'proceso', 'cerrado'): a classed word or two closing most titles, in a few wordings, is the record's state."""
    names = ["Cleaning of the main building", "Repair of the roof", "Catering for the graduation", "New chairs"]
    cards = "".join(
        f"<div class='call'><h3><a href='/c/{i}'>{n} <span class='badge s{i % 2}'>{marks[i > 0]}</span></a></h3>"
        f"<p>A call for offers, number {i}.</p></div>"
        for i, n in enumerate(names)
    )
    entries = _entries(f"<h1>Calls</h1>{cards}", f"<html lang='{lang}'>")
    assert [e["title"] for e in entries] == names


def test_a_classed_figure_or_a_shared_tail_closing_titles_stays_in_them():
    # the guards: a year in its own classed element, and one word closing every title after the same words
    years = "".join(
        f"<div class='r'><h3><a href='/r/{y}'>Annual report <span class='year'>{y}</span></a></h3><p>On {y}.</p></div>"
        for y in range(2020, 2024)
    )
    entries = _entries(f"<h1>Reports</h1>{years}", "<html lang='en'>")
    assert [e["title"] for e in entries] == [f"Annual report {y}" for y in range(2020, 2024)]
    same = "".join(
        f"<div class='r'><h3><a href='/m/{i}'>Meeting of the <span class='org'>Board</span></a></h3><p>{i}.</p></div>"
        for i in range(4)
    )
    assert [e["title"] for e in _entries(f"<h1>Meetings</h1>{same}", "<html lang='en'>")] == [
        "Meeting of the Board"
    ] * 4


def test_a_status_badge_at_a_titles_edge_is_no_part_of_it_however_few_rows_show_one():
    """A board's meetings, each row's first line "May 5, 2026 at 4:30 PM - Committee" (the body after the dash is the
    title, the date before it the date); a cancelled meeting's line opens and closes on a badge, "<span
    class='is-cancelled'>Cancelled</span>", so its title kept the badges and the date, and no date was read (batch
    W, a school board's BoardBook page: titles 45/47, dates 45/47). A classed inline element of a word or two at a
    title's edge, its class naming a state (cancelled, postponed, status, badge), is no part of the title."""
    meetings = [("May 5, 2026", "Committee", ""), ("April 28, 2026", "Regular", "")]
    meetings += [("April 21, 2026", "Special (Closed)", "Cancelled"), ("April 14, 2026", "Committee", "")]
    meetings += [("April 7, 2026", "Regular", "Postponed")]
    rows = ""
    for i, (day, body, state) in enumerate(meetings):
        badge = f"<span class='meeting-status'>{state}</span>" if state else ""
        rows += (
            f"<tr><td><div>{badge} {day} at 4:30 PM - {body} {badge}</div><div><b>Meeting Type:</b> {body}</div></td>"
            f"<td>Administration Building</td><td><a href='/agenda?meeting={i}'>Agenda</a></td></tr>"
        )
    entries = _entries(f"<table><tr><th>Meeting</th><th>Location</th><th>Details</th></tr>{rows}</table>")
    assert [e["title"] for e in entries] == [body for _, body, _ in meetings]
    assert [e["date_start"] for e in entries] == ["2026-05-05", "2026-04-28", "2026-04-21", "2026-04-14", "2026-04-07"]


def test_a_bracketed_count_closing_a_title_link_in_its_own_element_is_no_part_of_it():
    """A forum's posts, a few title links closing on a like count in a styled span, "<a>Opening words <img
    src=thumb-up.png><span style=…>(1)</span></a>" (batch X, an investors' message board: titles 48/50): a number
    alone in brackets in an inline element of its own after the title's words counts answers or likes; the title is
    the words before it. A count in the title's own text stays, as in "Volume (2)"."""
    posts = [("Shares fell after the call", "<span class='n'>(1)</span>"), ("Anyone holding over the week", "")]
    posts += [("Volume (2) of the notes", ""), ("New plant in the north", "<small>[12]</small>")]
    rows = "".join(
        f"<tr><td class='post'><a href='/post/view?id={i}'>{title} <img src='/up.png'>{count}</a></td>"
        f"<td><a href='/profile/{i}'>user{i}</a></td><td>02/1{i}/2016 4:34 AM</td></tr>"
        for i, (title, count) in enumerate(posts)
    )
    entries = _entries(f"<h1>Board</h1><table>{rows}</table>", "<html lang='en'>")
    assert [e["title"] for e in entries] == [title for title, _ in posts]
