"""Shapes of real listing pages the generic extractor read wrong (issue 21, held-out batch F), each in small
synthetic HTML: a link around a card whose title and date are lines of their own, a title that is a card's
own leading text, a date heading over a list of that day's documents, a utility menu above the list."""

import pytest
from synthetic import URL, page, read
from synthetic import generic_entries as _entries

from crawler.entries import build_entries
from crawler.extract import extract_page

RELEASES = [
    ("Philippines commissions a fisheries monitoring system", "21/02/2022", "2022-02-21"),
    ("New systems contract signed 25 January 2022", "02/02/2022", "2022-02-02"),
    ("Panama Canal Order – 02 February 2022", "02/02/2022", "2022-02-02"),
    ("Interim results for the six months", "13/12/2021", "2021-12-13"),
]


def _slider(releases) -> str:
    return (
        "<div class='slider'>"
        + "".join(
            f"<div class='item'><a href='/p{i}'><div class='item-content'><div class='left'><p>{title}</p></div>"
            f"<div class='right'><p>{shown}</p></div></div></a></div>"
            for i, (title, shown, _) in enumerate(releases)
        )
        + "</div>"
    )


def test_a_date_in_an_element_of_its_own_inside_a_link_wrapping_the_card_is_the_date():
    entries = _entries(_slider(RELEASES), "<html lang='en-GB'>")
    assert [e["date_start"] for e in entries] == [iso for _, _, iso in RELEASES]
    titles = [e["title"] for e in entries]
    # a date run into the words stays; one after a dash at the end goes, the element's date standing
    assert titles == [RELEASES[0][0], RELEASES[1][0], "Panama Canal Order", RELEASES[3][0]]


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


MONTHS = ("December", "November", "October", "September", "August", "July", "June", "May", "April", "March")
# A heading a meeting, most with one document named alike, the first with two: the heading's box outscores its items
MEETINGS = {"January 16, 2020": ["Notice of Rescheduled Board Meeting", "Agenda of Rescheduled Board Meeting"]}
MEETINGS |= {f"{month} 12, {year}": ["Minutes of Regular Board Meeting"] for year in (2019, 2018) for month in MONTHS}


def _meetings() -> str:
    return "".join(
        f"<div class='links'><h6>{day}</h6><ul>"
        + "".join(
            f"<li><a href='/media/{day[:3]}{day[-4:]}{i}.pdf'>{name} - {day}</a></li>" for i, name in enumerate(names)
        )
        + "</ul></div>"
        for day, names in MEETINGS.items()
    )


def test_every_document_under_a_date_heading_is_an_entry_dated_by_it():
    entries = _entries(_meetings(), "<html lang='en-US'>")
    expected = [(name, day) for day, names in MEETINGS.items() for name in names]
    assert [(e["title"], e["group"]) for e in entries] == expected
    assert [e["date_start"] for e in entries][:3] == ["2020-01-16", "2020-01-16", "2019-12-12"]


def test_a_table_row_linking_two_documents_stays_one_entry():
    rows = "".join(
        f"<tr><td>2{i}/05/2024</td><td>France Bleu</td><td><a href='/v{i}'>Interview number {i} on air</a>"
        + (f" and <a href='/w{i}'>its transcript</a>" if i == 3 else "")
        + "</td></tr>"
        for i in range(8)
    )
    entries = _entries(f"<table>{rows}</table>", "<html lang='fr'>")
    assert [e["title"] for e in entries] == [f"Interview number {i} on air" for i in range(8)]


@pytest.mark.parametrize("menu_id", ["logo-uppernav", "utilitynav", "quick-menu"])
def test_a_utility_menu_above_the_list_is_no_part_of_it(menu_id):
    menu = f"<div id='{menu_id}'><ul><li><a href='/enews'>Email Updates</a></li>"
    menu += "<li><a href='/rss'>RSS</a></li></ul></div>"
    item = "<li><a href='https://member{0}.example.org/r'>Statement from member {0}</a></li>"
    items = "".join(item.format(i) for i in range(5))
    html = f"<html lang='en'><body>{menu}<div><h2>Friday, March 29, 2013</h2><ul id='news'>{items}</ul></div></body>"
    titles = [e["title"] for e in build_entries(extract_page(html, URL, "auto"), URL)]
    assert titles == [f"Statement from member {i}" for i in range(5)]


def test_learn_finds_an_example_that_is_a_cards_leading_words_and_reads_every_card():
    for example in (PAPERS[0][0], PAPERS[-1][0]):
        text, entries = read(page(_cards(PAPERS)).replace('lang="en"', 'lang="pt-br"'), [example])
        assert [e["title"] for e in entries] == [title for title, _, _ in PAPERS], text
        assert [e["date_start"] for e in entries] == ["2023-04-01", "2022-01-15", "2021-09-01"], text


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


DEPARTMENTS = ["PUBLIC WORKS DEPARTMENT", "POLICE DEPARTMENT", "PUBLIC WORKS DEPARTMENT", "BOSTON PUBLIC SCHOOLS"] * 2


def _bids() -> str:
    """A city's bids: the department's link opens the bid's line; its posting period opens the row below, then a
    spacer row (and a row opened but never closed, as the page writes them)."""
    rows = "".join(
        f"<tr><td><b><a href='bids.asp?ID={i}'>{dept}</a></b> - Invitation for Sealed Bids for project {i}</td></tr>"
        f'<tr><td>4/{i + 3}/17 - 5/{i + 10}/17: "NOTE: For bid {i} call the counter.<p>The Ci..."</td></tr>'
        "<tr><td></td></tr>"
        for i, dept in enumerate(DEPARTMENTS)
    )
    return f"<table>{rows}</table>"


def test_links_naming_a_kind_give_their_line_as_the_title_and_the_rows_below_give_the_dates():
    entries = _entries(_bids(), "<html lang='en'>")
    assert [e["title"] for e in entries] == [
        f"{dept} - Invitation for Sealed Bids for project {i}" for i, dept in enumerate(DEPARTMENTS)
    ]
    assert [(e["date_start"], e["date_end"]) for e in entries][:2] == [
        ("2017-04-03", "2017-05-10"),
        ("2017-04-04", "2017-05-11"),
    ]
    # the line is the title's: its words after the department are no description beside it
    assert not any((e["description"] or "").startswith("Invitation for Sealed Bids") for e in entries)


def test_each_record_takes_the_rows_below_its_own_up_to_the_next_record():
    from crawler.extract.html import parse_html, text_of
    from crawler.extract.row_runs import row_runs

    root = parse_html(_bids() + "<table><tr><td><a href='/all'>Return to the list</a></td></tr></table>", URL)
    links = root.findall(".//a")
    runs = row_runs(links)
    assert [len(run) for run in runs] == [2] * len(DEPARTMENTS) + [1]  # the spacer row is no line; the footer alone
    assert text_of(runs[0][1]).startswith("4/3/17 - 5/10/17")
    assert row_runs(links[:2]) == [[a] for a in links[:2]]  # too few records to see a steady pattern


@pytest.mark.parametrize(
    ("shown", "lang", "expected"),
    [
        (["7/24", "3/30", "12/20", "10/5"], "es", ["2020-07-24", "2020-03-30", "2019-12-20", "2019-10-05"]),
        (["24.7.", "30.3.", "20.12.", "5.10."], "de", ["2020-07-24", "2020-03-30", "2019-12-20", "2019-10-05"]),
        (["3/4", "5/6", "1/2", "2/3"], "en-US", ["2020-03-04", "2020-05-06", "2019-01-02", "2019-02-03"]),
        (["3/4", "5/6", "1/2", "2/3"], "fr", ["2020-04-03", "2020-06-05", "2019-02-01", "2019-03-02"]),
    ],
)
def test_a_day_and_month_in_figures_under_a_years_heading_take_that_year_in_the_pages_order(shown, lang, expected):
    def year(number, days):
        items = "".join(
            f"<li><span class='date'>{day}</span><a href='/p/{number}{day}'>Post of {day}</a></li>" for day in days
        )
        return f"<h3>{number}</h3><ul>{items}</ul>"

    entries = _entries(year(2020, shown[:2]) + year(2019, shown[2:]), f"<html lang='{lang}'>")
    assert [e["date_start"] for e in entries] == expected


def test_learn_reads_the_date_in_the_row_below_each_documents_row():
    """A parliament's search results: each document a row (icon and title links), then a row of its number,
    type and date, then a row of its procedure, then a rule; learnt from one title, every date was lost."""
    rows = "".join(
        f"<tr><td class='doc'><a href='/d/{i}.pdf'><img src='pdf.gif'></a></td>"
        f"<td class='title' colspan='3'><a href='/d/{i}.pdf'>Kleine Anfrage number {i} zur Schule</a></td></tr>"
        f"<tr><td>6/46{i}</td><td>Kleine Anfrage und Antwort</td><td>1{i}.11.2015</td></tr>"
        f"<tr><td>Vorgang</td><td colspan='3'>Abgeordneter {i}</td></tr><tr><td colspan='4'><hr></td></tr>"
        for i in range(5)
    )
    html = page(f"<table id='result'><tr><th>Dokument</th><th colspan='3'>Titel</th></tr>{rows}</table>")
    text, entries = read(html.replace('lang="en"', 'lang="de"'), ["Kleine Anfrage number 0 zur Schule"])
    assert [e["title"] for e in entries] == [f"Kleine Anfrage number {i} zur Schule" for i in range(5)], text
    assert [e["date_start"] for e in entries] == [f"2015-11-1{i}" for i in range(5)], text


def test_learn_takes_a_paragraph_holding_two_parts_of_one_story_as_one_entry_not_a_group():
    shown = ["1.8.21", "12.23.20", "12.19.20", "12.17.20", "12.15.20"]
    stories = [
        f"<p>{day}<br/><a href='https://news{i}.example.com/s'>Story number {i} about the campaign</a><br/>-WAVE3</p>"
        for i, day in enumerate(shown)
    ]
    stories[3] = stories[3].replace("</a>", "</a> <a href='https://news3.example.com/s2'>(part 2)</a>")
    html = page(f"<div class='content'>{''.join(stories)}</div>").replace('lang="en"', 'lang="en-US"')
    text, entries = read(html, ["Story number 0 about the campaign"])
    assert [e["date_start"] for e in entries][:5] == [
        "2021-01-08",
        "2020-12-23",
        "2020-12-19",
        "2020-12-17",
        "2020-12-15",
    ]
    assert [e["title"] for e in entries][:2] == [
        "Story number 0 about the campaign",
        "Story number 1 about the campaign",
    ]


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
