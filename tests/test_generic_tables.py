"""The generic extractor on tables and grids: which rows are records, which cell names a row, header and section rows,
date columns and cells, striped and nested rows. Each shape in small synthetic HTML; rows named in plain text are in
test_generic_rows.py."""

import re

import pytest
from synthetic import URL, page, read
from synthetic import generic_entries as _entries

from crawler.entries import build_entries
from crawler.extract import extract_page
from crawler.extract.profiles import profile_from_text


def _ordinances(year: int, days: list[str]) -> str:
    rows = "".join(
        f"<tr><td><p>{year % 100}-{i:02}</p></td><td><p><a href='/o/{year}-{i}.pdf'>Ordinance on the levy number {i}"
        f"</a></p></td><td><p>{day}</p></td></tr>"
        for i, day in enumerate(days)
    )
    head = "<tr><td><p><strong>Ordinance #</strong></p></td><td></td><td><p><strong>Adopted</strong></p></td></tr>"
    return f"<table><tr><td colspan='3'><p><strong>Fiscal Year {year}</strong></p></td></tr>{head}{rows}</table>"


def test_the_rows_of_tables_nested_in_a_layout_tables_rows_are_the_records():
    """A layout table whose rows each hold a fiscal year's table: the inner rows share the outer rows' shape, and
    each is one record with its date cell ('7/15/20', month first as 15 shows), not the layout row holding them."""
    years = {2020: ["7/15/20", "7/1/20", "6/3/20"], 2019: ["7/17/19", "7/2/19", "5/6/19"]}
    outer = "".join(f"<tr><td>{_ordinances(year, days)}</td></tr>" for year, days in years.items())
    entries = _entries(f"<table>{outer}</table>", "<html lang='en'>")
    assert [e["title"] for e in entries] == [f"Ordinance on the levy number {i}" for i in range(3)] * 2
    assert [e["date_start"] for e in entries] == [
        "2020-07-15", "2020-07-01", "2020-06-03", "2019-07-17", "2019-07-02", "2019-05-06",
    ]  # fmt: skip


def _motions(header: str, cells: list[str]) -> str:
    rows = "".join(
        f"<tr><td><a href='/m/{i}'>Motion on the city's housing number {i}</a></td><td>{cell}</td><td>-</td>"
        f"<td>Section {i}</td></tr>"
        for i, cell in enumerate(cells)
    )
    return f"<table><thead><tr><th>Name</th><th>{header}</th><th>Status</th><th>Von</th></tr></thead>{rows}</table>"


def test_a_cell_under_a_date_header_gives_its_date_beside_a_short_label_even_as_a_link():
    """'Datum' over cells such as <a>KDV 19.10.2024</a> (the conference that voted, and its day): the header says
    the cell is a date, so the label beside it is no sentence. Under another header, the same cells give no date."""
    days = ["19.10.2024"] * 3 + ["18.11.2023"] * 5  # one conference voted on several motions
    cells = [f"<a href='/kdv/{d}'>KDV {d}</a>" for d in days]
    entries = _entries(_motions("Datum", cells), "<html lang='de'>")
    assert [e["title"] for e in entries] == [f"Motion on the city's housing number {i}" for i in range(8)]
    assert [e["date_start"] for e in entries] == ["2024-10-19"] * 3 + ["2023-11-18"] * 5
    dated = _entries(_motions("Meeting date", ["Council 14 May 2023", "Board 2 June 2023", "Council 9 June 2023"]))
    assert [e["date_start"] for e in dated] == ["2023-05-14", "2023-06-02", "2023-06-09"]
    assert [e["date_start"] for e in _entries(_motions("Gremium", cells), "<html lang='de'>")] == [None] * 8
    named = _entries(_motions("Data", ["Survey 2020", "Census 2021", "Survey 2022"]))
    assert [e["date_start"] for e in named] == [None] * 3  # a year closing a name under "Data" is none


def test_a_date_column_gives_dates_never_names_and_its_head_is_no_group():
    """A stranger's table: the "Date" column's "KDV 19.10.2024" is the row's date; "TBD" and "Plan 2022" give none;
    titles keep markup as text."""
    rows = (
        "<tr><td><a href='/a'>&lt;b&gt;Report&lt;/b&gt; on roads</a></td><td>KDV 19.10.2024</td></tr>"
        "<tr><td><a href='/b'>Budget for the year 2024/25</a></td><td>TBD</td></tr>"
        "<tr><td><a href='/c'>Release notes of the tool</a></td><td>Plan 2022</td></tr>"
    )
    entries = _entries(f"<table><tr><th>Name</th><th>Date</th></tr>{rows}</table>", "<html lang='de'>")
    assert [e["title"] for e in entries] == [
        "<b>Report</b> on roads",
        "Budget for the year 2024/25",
        "Release notes of the tool",
    ]
    assert [e.get("date_start") for e in entries] == ["2024-10-19", None, None]


def test_a_tables_header_row_is_no_group_heading():
    rows = "".join(
        f"<tr><td><a href='/{i}'>Annual report number {i}</a></td><td>{i}.3.2024</td></tr>" for i in (1, 2, 3)
    )
    entries = _entries(f"<table><tr><th>Name</th><th>Date</th></tr>{rows}</table>", "<html lang='de'>")
    assert [e.get("group") for e in entries] == [None, None, None]


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


def _story_row(i: int, name: str) -> str:
    url = f"https://site{i}.example.org/pages/{i}.aspx"
    shown = "Link to news article " if i == 0 else url  # the other rows show the address itself
    return f"<tr><th scope='row'>May {12 - i}, 2023</th><td><h5>{name}</h5><a href='{url}'>{shown}</a></td></tr>"


def test_a_link_saying_link_to_news_article_points_and_the_heading_beside_it_names_the_row():
    entries = _entries("<table class='table'>" + "".join(_story_row(i, n) for i, n in enumerate(PRESS)) + "</table>")
    assert [e["title"] for e in entries] == PRESS
    assert entries[0]["url"] == "https://site0.example.org/pages/0.aspx"


def test_a_row_linked_by_its_number_is_named_by_the_cell_headed_description_not_the_longest():
    rows = [
        ("P/2018/6679", "19/11/2018", "Res Subdivision Existing Building (Pre March 19)", "Two lot subdivision"),
        ("P/2018/6738", "14/12/2018", "Multiple Dwelling Development", "Three double storey dwellings on the land"),
        ("P/2019/6100", "7/05/2019", "Extension", "Single storey rear extension to a dwelling"),
    ]
    body = "".join(
        f"<tr><td><a href='/app/{number}'>{number}</a></td><td>{lodged}</td><td>{kind}</td><td>{text}</td></tr>"
        for number, lodged, kind, text in rows
    )
    head = "<tr><th>Application Number</th><th>Date Lodged</th><th>Application Type</th><th>Description</th></tr>"
    entries = _entries(f"<table>{head}{body}</table>", head="<html lang='en'>")
    assert [e["title"] for e in entries] == [row[3] for row in rows]


PAPERS = ["Notes on the analytical engine", "On computable numbers", "Compilers for business data processing"]


PEOPLE = ["Ada Lovelace", "Alan Turing", "Grace Hopper"]


def test_a_table_of_papers_beside_wordier_homepage_links_keeps_its_papers():
    # Name | Homepage | Paper: each homepage link says more than the paper's, and leads to its own site
    rows = "".join(
        f"<tr><td>{name}</td><td><a href='https://h{i}.example.net/'>{name}'s personal homepage at the institute"
        f" of engines and numbers</a></td><td><a href='/papers/p{i}.pdf'>{paper}</a></td></tr>"
        for i, (name, paper) in enumerate(zip(PEOPLE, PAPERS, strict=True))
    )
    head = "<tr><th>Name</th><th>Homepage</th><th>Paper</th></tr>"
    entries = _entries(f"<h1>Speakers</h1><table>{head}{rows}</table>", "<html lang='en'>")
    assert [e["title"] for e in entries if "/papers/" in e["url"]] == PAPERS


def test_a_table_of_papers_each_at_another_publisher_stays_named_by_its_papers_not_its_code_links():
    # the guard: paper links lead to another site in each row, but deep into it (no homepage); the code column is short
    sites = ["https://arxiv.org/abs/2101.00001", "https://ieeexplore.ieee.org/document/9000001"]
    sites += ["https://dl.acm.org/doi/10.1145/3000001"]
    rows = "".join(
        f"<tr><td><a href='{site}'>{paper}</a></td><td><a href='https://github.com/lab/p{i}'>Code</a></td></tr>"
        for i, (site, paper) in enumerate(zip(sites, PAPERS, strict=True))
    )
    entries = _entries(f"<h1>Papers</h1><table><tr><th>Paper</th><th>Code</th></tr>{rows}</table>", "<html lang='en'>")
    assert [e["title"] for e in entries] == PAPERS


def test_a_table_row_linking_two_documents_stays_one_entry():
    rows = "".join(
        f"<tr><td>2{i}/05/2024</td><td>France Bleu</td><td><a href='/v{i}'>Interview number {i} on air</a>"
        + (f" and <a href='/w{i}'>its transcript</a>" if i == 3 else "")
        + "</td></tr>"
        for i in range(8)
    )
    entries = _entries(f"<table>{rows}</table>", "<html lang='fr'>")
    assert [e["title"] for e in entries] == [f"Interview number {i} on air" for i in range(8)]


NAMES = [
    "Grant(s) of privilege in public way for Arrive South Loop",
    "Residential permit parking at W Albion Ave, 1200 block - Zone No. 56 - amend",
    "Submission of public question by referendum to Chicago voters at February 26, 2019 election proposing an "
    "increase in the City of Chicago real estate transfer tax for allocation to help fund resources for housing "
    "and services to combat homelessness",
    "Historical landmark designation for Cook County Hospital Administration Building",
    "Zoning Reclassification Map No. 7-J at 2618 N Milwaukee Ave",
    "Amendment of Municipal Code Chapter 17-3 concerning transit-served locations",
]


def _grid(row_classes=("rgRow", "rgAltRow")) -> str:
    rows = "".join(
        f"<tr class='{row_classes[i % 2]}'><td><a href='/LegislationDetail.aspx?ID={i}'>O2018-96{i:02d}</a></td>"
        f"<td>Ordinance</td><td>Placed on File</td><td>12/1{i}/2018</td><td>&#160;</td><td>{name}</td></tr>"
        for i, name in enumerate(NAMES)
    )
    head = "<tr><th>Record #</th><th>Type</th><th>Status</th><th>Intro date</th><th>Final</th><th>Title</th></tr>"
    return f"<table class='rgMasterTable'><thead>{head}</thead><tbody>{rows}</tbody></table>"


def test_rows_striped_by_their_classes_are_one_list_named_by_their_longest_cell():
    for classes in (("rgRow", "rgAltRow"), ("item", "alt-item"), ("RowStyle", "AlternatingRowStyle")):
        entries = _entries(_grid(classes), "<html lang='en-US'>")
        assert [e["title"] for e in entries] == NAMES, classes
        assert [e["date_start"] for e in entries] == [f"2018-12-1{i}" for i in range(len(NAMES))]


def test_striped_rows_share_one_shape():
    from crawler.extract.html import parse_html
    from crawler.extract.shapes import Shapes

    for classes in (("rgRow", "rgAltRow"), ("item", "alt-item"), ("RowStyle", "AlternatingRowStyle"), ("a", "alt")):
        root = parse_html(_grid(classes), "https://example.org/")
        shapes = Shapes(root)
        kinds = {shapes(row) for row in root.iter("tr") if row.find("td") is not None}
        assert len(kinds) == (2 if classes[1] == "alt" else 1), (classes, kinds)  # "alt" alone names a role


def test_learn_reads_a_grid_whose_title_cell_sits_beside_a_status_of_several_words():
    """The title in a <font> of the row's last cell, a status ("Placed on File") in another: learn took the row's
    cells for entries (7 a row) and learnt no title."""
    fonted = re.sub(
        r"<td>(.*?)</td>", r"<td><font face='Tahoma'>\1</font></td>", _grid()
    )  # every cell, as the grid has
    text, entries = read(page(fonted).replace('lang="en"', 'lang="en-US"'), [NAMES[0]])
    assert [e["title"] for e in entries] == NAMES, text
    assert [e["date_start"] for e in entries] == [f"2018-12-1{i}" for i in range(len(NAMES))], text


def test_a_one_cell_section_row_of_a_table_still_heads_its_rows():
    """Beside the header row 'Name | Date' (a column's header, no group: test_a_tables_header_row_is_no_group_heading),
    a row of one header cell ('2023') between the rows is their section heading."""
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


def test_a_table_rows_link_classed_otherwise_in_the_title_links_column_still_makes_it_an_entry():
    # a month of meetings: the agenda column links each date to its agenda; one row's agenda is a PDF opened in a
    # pop-up (<a class="popup">); a few rows also link their minutes in a later column, classed as others are not
    meetings = [
        "BOARD OF SUPERVISORS",
        "FINANCE COMMITTEE",
        "JUNTA ASESORA (Agenda únicamente)",
        "LEGISLATION COMMITTEE",
    ]
    rows = ""
    for i, name in enumerate(meetings):
        popup = " class='popup'" if i == 2 else ""
        minutes = f"<a href='/minutes/{i}'>Minutes</a>" if i % 2 == 0 else "&nbsp;"
        rows += (
            f"<tr><td><a href='/agenda/{i}'{popup}>July {26 - i}, 2022</a></td><td>{name}</td><td>{minutes}</td></tr>"
        )
    html = f"<table id='list'><tr><th>Agendas</th><th>Meeting</th><th>Minutes</th></tr>{rows}</table>"
    entries = _entries(html, "<html lang='en'>")
    assert [e["title"] for e in entries] == meetings
    assert [e["url"] for e in entries] == [f"https://example.org/agenda/{i}" for i in range(4)]
    assert entries[2]["date_start"] == "2022-07-24"


PUBLICATIONS = [f"A study of virtual prototypes for system design, part {n}" for n in "ABCDEFGHI"]


SOURCES_SHOWN = ["arXiv", "arXiv", "University", "arXiv", "IEEExplore", "University", "arXiv", "IEEExplore", "arXiv"]


def _publications(names: list[str], sources: list[str]) -> str:
    rows = "".join(
        f"<tr><td>{name}</td><td>Ann Author; Bo Writer</td><td>Design Conference 2025</td>"
        f"<td><a href='https://pubs{i}.example.net/paper.pdf'>{source}</a></td></tr>"
        for i, (name, source) in enumerate(zip(names, sources, strict=True))
    )
    head = "<thead><tr><th>Title</th><th>Author(s)</th><th>Venue</th><th>Source</th></tr></thead>"
    return f"<h1>Open Access Publications</h1><table>{head}<tbody>{rows}</tbody></table>"


def test_a_table_whose_only_links_name_the_source_is_named_by_its_title_cell():
    entries = _entries(_publications(PUBLICATIONS, SOURCES_SHOWN), "<html lang='en'>")
    assert [e["title"] for e in entries] == PUBLICATIONS
    assert [e["url"] for e in entries] == [f"https://pubs{i}.example.net/paper.pdf" for i in range(9)]


def test_rows_whose_plain_cells_repeat_stay_named_by_their_links():
    # the guard: a plain cell alike on every row names none of them, so the links keep naming their rows
    entries = _entries(_publications(["Session of the design conference"] * 9, SOURCES_SHOWN), "<html lang='en'>")
    assert [e["url"] for e in entries] == [f"https://pubs{i}.example.net/paper.pdf" for i in range(9)]
    assert [e["title"] for e in entries] != ["Session of the design conference"] * 9


def test_rows_named_by_a_date_and_a_number_beside_agenda_buttons_keep_the_date_as_title():
    row = "<tr><td>10/1{i}/2020</td><td>1{i}</td><td><a href='/d{i}.pdf'>Agenda</a> (AGENDA 3 MAY 8, 2020)</td></tr>"
    entries = _entries("<table>" + "".join(row.format(i=i) for i in range(4)) + "</table>", "<html lang='en-US'>")
    assert [e["title"] for e in entries] == [f"10/1{i}/2020" for i in range(4)]


def test_a_row_whose_link_is_a_bill_number_is_named_by_its_longest_cell_not_its_status():
    row = "<tr><td><a href='/bill/{i}'>0383{i}/2014-CR</a></td><td>En comisión</td><td>2{i}/09/2014</td>"
    row += "<td>LEY QUE MODIFICA LA LEY 2916{i}, LEY DE PROMOCIÓN DEL DESARROLLO</td></tr>"
    entries = _entries("<table>" + "".join(row.format(i=i) for i in range(1, 5)) + "</table>", "<html lang='es'>")
    assert [e["title"] for e in entries] == [
        f"LEY QUE MODIFICA LA LEY 2916{i}, LEY DE PROMOCIÓN DEL DESARROLLO" for i in (1, 2, 3, 4)
    ]
    assert entries[0]["date_start"] == "2014-09-21"


_DATED_ROWS = {  # a row's date cell and its linked name: (date shown, its day, link's words, head's lang)
    "en": (lambda d: f"{d} May 2026", lambda d: f"2026-05-{d:02}", "News item", "en"),
    "fr": (lambda d: f"{d} mai 2026", lambda d: f"2026-05-{d:02}", "Article", "fr"),
    "es": (lambda d: f"{d} de mayo de 2026", lambda d: f"2026-05-{d:02}", "Noticia nº", "es"),
    "iso": (lambda d: f"2026-05-{d:02}", lambda d: f"2026-05-{d:02}", "Event", "en"),
    "us": (lambda d: f"05/{d + 12}/2026", lambda d: f"2026-05-{d + 12}", "Item", "en"),  # month first: 13 and on
    "long": (lambda d: f"{d} May 2026", lambda d: f"2026-05-{d:02}", "Council adopts the budget, item", "en"),
}


@pytest.mark.parametrize("language", list(_DATED_ROWS))
@pytest.mark.parametrize("date_last", [False, True])
@pytest.mark.parametrize("header", ["", "<tr><th>Date</th><th>Title</th></tr>"])
def test_a_date_cell_beside_a_numbered_link_is_the_rows_date_not_its_title(language, date_last, header):
    """ext23 (found by ext22a): "<td>4 May 2026</td><td><a>News item 3</a></td>" was titled "4 May 2026": the link's
    words are all pointing words ("News", "item"), so the row was taken for one named by its date. A link of such
    words closed by a number names the row; the date-only cell is its date, before or after it, under a header
    row or not."""
    shown, day, words, lang = _DATED_ROWS[language]
    cells = [lambda d: f"<td>{shown(d)}</td>", lambda d: f"<td><a href='/n/{d}'>{words} {d}</a></td>"]
    cells = cells[::-1] if date_last else cells
    rows = "".join(f"<tr>{cells[0](d)}{cells[1](d)}</tr>" for d in range(1, 6))
    entries = _entries(f"<table>{header}{rows}</table>", f"<html lang='{lang}'>")
    assert [(e["title"], e["date_start"]) for e in entries] == [(f"{words} {d}", day(d)) for d in range(1, 6)]


def test_a_date_cell_beside_a_pointer_of_no_number_still_names_the_row():
    """A meeting's row "<td>May 4, 2026</td><td><a>Agenda</a></td>" is named by its day: the rule above needs
    the link's own number."""
    rows = "".join(f"<tr><td>May {d}, 2026</td><td><a href='/a/{d}.pdf'>Agenda</a></td></tr>" for d in range(1, 6))
    assert [e["title"] for e in _entries(f"<table>{rows}</table>", "<html lang='en'>")] == [
        f"May {d}, 2026" for d in range(1, 6)
    ]
