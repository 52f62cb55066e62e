"""Rows and notices of real listing pages the generic extractor read wrong (issue 21, held-out batch B), each in
small synthetic HTML. The first files of these are tests/test_unseen_patterns.py and tests/test_unseen_shapes.py."""

from synthetic import URL
from synthetic import generic_entries as _entries

from crawler.entries import build_entries
from crawler.extract import extract_page

NOTICES = [
    "Annual Action Plan 2020-2021",
    "Office Memorandum - Approval for Cadre Restructuring",
    "Tender for the engagement of a Project Management Consultancy",
    "Corrigendum against Tender Notice No. 2019-20 dated 12/02/2020 for selection of Internal Auditors",
]


def _notices(link_text: str, first_head: str = "", between: str = " ") -> str:
    rows = [
        f"<li>{first_head if i == 0 else ''} {name}{between}<img src='new.gif'>"
        f"<a href='/docs/{'tenders.html' if i > 0 else f'n{i}.pdf'}'>{link_text}</a></li>"
        for i, name in enumerate(NOTICES)
    ]
    return "<ul>" + "".join(rows) + "</ul>"


def test_a_record_whose_only_link_is_an_affordance_takes_its_title_from_its_own_text():
    entries = _entries(_notices("... Read"), "<html lang='en-IN'>")
    assert [e["title"] for e in entries] == NOTICES  # the three notices sharing one link stay three
    assert [e["description"] for e in entries] == [None] * 4


def test_an_ellipsis_before_a_bare_read_link_is_no_part_of_the_title():
    entries = _entries(_notices("Read", between="..."), "<html lang='en-IN'>")
    assert [e["title"] for e in entries] == NOTICES


def test_a_labelled_date_line_before_a_break_in_such_a_record_is_its_date():
    entries = _entries(_notices("... Read", first_head="Upload Date: 14/10/2020 <br>"), "<html lang='en-IN'>")
    assert [(e["title"], e["date_start"]) for e in entries][0] == (NOTICES[0], "2020-10-14")
    assert [e["title"] for e in entries] == NOTICES


def test_lone_links_in_a_block_named_as_menus_do_not_join_a_list_of_their_shape():
    menus = "<div id='topmenus'><ul><li><a href='/'>Home</a></li></ul><ul><li><a href='/rti/'>RTI</a></li></ul></div>"
    html = f"<html lang='en-IN'><body>{menus}<div class='box'>{_notices('... Read')}</div></body></html>"
    assert [e["title"] for e in build_entries(extract_page(html, URL, "auto"), URL)] == NOTICES


MEETINGS = [  # (date shown in the row's first cell, or "" where the day's first row showed it; name; buttons)
    ("9/20/2022", "Closed Session", ["Agenda"]),
    ("", "Public Comments for Sept 20 Council Meeting", ["Public Comment"]),
    ("", "Tuesday Agenda and Results Summary", ["Agenda", "Summary"]),
    ("9/19/2022", "Adjourned Agenda", ["Agenda"]),
    ("", "Special Agenda and Results Summary", ["Agenda", "Summary"]),
    ("9/13/2022", "Housing Authority", ["Agenda"]),
    ("", "Closed Session", ["Agenda"]),
]


def _meeting_rows(meetings, first_id: int = 0, hidden: bool = False) -> str:
    """A meetings grid: the date cell, the name in plain text, then buttons; a day's later rows are classed
    otherwise and leave the date cell blank (or keep the date for screen readers only)."""
    out, day = [], ""
    for i, (date, name, buttons) in enumerate(meetings, first_id):
        day = date or day
        links = "".join(f"<a class='btn' href='/meeting?id={i}&doc={k}'>{b}</a> " for k, b in enumerate(buttons))
        shown = f"<strong>{date}</strong>" if date else (f"<span class='sr-only'>{day}</span>" if hidden else "")
        first = "first" if date else "more"
        out.append(
            f"<div class='row {first}'><div class='two columns'><p class='date'>{shown}&nbsp;</p></div>"
            f"<div class='ten columns'><div class='row {first}-inner'><div class='six columns'><p>{name}</p></div>"
            f"<div class='six columns {first}-cell'><p class='l-margin'>{links}</p></div></div></div></div>"
        )
    return "<div class='border'>" + "".join(out) + "</div>"


def test_a_row_of_buttons_beside_a_plain_name_is_one_entry_named_by_it_its_first_button_the_url():
    entries = _entries(_meeting_rows(MEETINGS), "<html lang='en-US'>")
    assert [e["title"] for e in entries] == [name for _, name, _ in MEETINGS]
    assert [e["url"] for e in entries] == [f"https://example.org/meeting?id={i}&doc=0" for i in range(len(MEETINGS))]


def test_a_blank_date_cell_below_a_dated_row_repeats_its_date():
    for hidden in (False, True):
        entries = _entries(_meeting_rows(MEETINGS, hidden=hidden), "<html lang='en-US'>")
        days = ["2022-09-20"] * 3 + ["2022-09-19"] * 2 + ["2022-09-13"] * 2
        assert [e["date_start"] for e in entries] == days


def test_a_tab_panel_beside_the_winning_one_joins_it_however_short():
    upcoming = [("9/27/2022", "Adjourned Agenda", ["Agenda"]), ("9/26/2022", "Adjourned Agenda", ["Agenda"])]
    tabs = "<ul class='nav-tabs'><li><a href='#up'>Upcoming</a></li><li><a href='#recent'>Recent</a></li></ul>"
    panes = f"<div class='tab-pane' id='up'>{_meeting_rows(upcoming, 100)}</div>"
    panes += f"<div class='tab-pane' id='recent'>{_meeting_rows(MEETINGS)}</div>"
    entries = _entries(f"{tabs}<div class='tab-content'>{panes}</div>", "<html lang='en-US'>")
    assert [e["title"] for e in entries] == [name for _, name, _ in upcoming + MEETINGS]


def test_a_dash_inside_brackets_cuts_no_date_from_a_title():
    from crawler.extract.edge_dates import without_edge_date

    title = "REVIEW: NJPW G1 Climax 30 Nights 7 & 8 (Sept 30 – Oct 1 2020)"
    assert without_edge_date(title) == title
    assert without_edge_date("Review of the season [part 2] – 12 May 2020") == "Review of the season [part 2]"


DOCS = ["Decreto Legislativo Presidencial n.º 1/20", "Medidas para quarentena domiciliar", "Comunicado sobre a Covid19"]


def _doc_list(names, first: int = 0) -> str:
    return (
        "<ul class='list'>"
        + "".join(f"<li><a href='/d{i}.pdf'>{t}</a></li>" for i, t in enumerate(names, first))
        + "</ul>"
    )


def test_a_lone_item_of_the_lists_shape_in_another_section_is_no_entry():
    report = "<div class='row'><h3>Informe diário</h3><div class='col'>" + _doc_list(["Nº 61 de 21/03/2020"], 9)
    report += "</div></div>"
    docs = "<div class='row'><h3>Medidas</h3><div class='col'><div class='row'>"
    docs += f"<div class='half'>{_doc_list(DOCS[:1])}</div><div class='half'>{_doc_list(DOCS[1:], 1)}</div>"
    docs += "</div></div></div>"
    assert [e["title"] for e in _entries(report + docs)] == DOCS


def test_a_months_only_entry_under_its_heading_stays():
    body = f"<div><h2>March 2020</h2>{_doc_list(DOCS[:2])}<h2>February 2020</h2>{_doc_list(DOCS[2:], 2)}</div>"
    assert [e["title"] for e in _entries(body)] == DOCS


def test_records_that_are_bare_affordance_links_do_not_raise():
    assert [e["title"] for e in _entries("<a href='/x'>&amp;</a><a href='/y'>Read</a>")] in ([], ["&", "Read"])


def test_a_date_opening_a_record_named_in_plain_text_is_its_date_and_a_file_note_after_the_link_is_no_name():
    rows = "".join(
        f"<li><span>1{i}.10.2020</span> {name} <a href='/d{i}.pdf'>Download</a> (PDF, 2 MB)</li>"
        for i, name in enumerate(NOTICES)
    )
    entries = _entries(f"<ul>{rows}</ul>", "<html lang='de'>")
    assert [(e["title"], e["date_start"]) for e in entries] == [(n, f"2020-10-1{i}") for i, n in enumerate(NOTICES)]


def test_rows_named_by_a_date_and_a_number_beside_agenda_buttons_keep_the_date_as_title():
    row = "<tr><td>10/1{i}/2020</td><td>1{i}</td><td><a href='/d{i}.pdf'>Agenda</a> (AGENDA 3 MAY 8, 2020)</td></tr>"
    entries = _entries("<table>" + "".join(row.format(i=i) for i in range(4)) + "</table>", "<html lang='en-US'>")
    assert [e["title"] for e in entries] == [f"10/1{i}/2020" for i in range(4)]


def test_a_download_link_in_german_is_an_affordance_and_the_row_is_named_by_its_cell():
    row = "<tr><td>{name}</td><td>1{i}.10.2020</td><td><a href='/d{i}.pdf'>Herunterladen</a></td></tr>"
    rows = "".join(row.format(i=i, name=name) for i, name in enumerate(NOTICES))
    entries = _entries(f"<table>{rows}</table>", "<html lang='de'>")
    assert [(e["title"], e["date_start"]) for e in entries] == [(n, f"2020-10-1{i}") for i, n in enumerate(NOTICES)]


def test_a_date_split_across_boxes_is_read_whole():
    post = "<article class='ev'><div class='date'><div class='day'>1{i}</div><div class='month'>Oct 2020</div></div>"
    post += "<h3><a href='/p{i}'>{name}</a></h3></article>"
    entries = _entries("".join(post.format(i=i, name=name) for i, name in enumerate(NOTICES)))
    assert [e["date_start"] for e in entries] == [f"2020-10-1{i}" for i in range(4)]


def test_a_day_and_month_under_a_months_heading_take_its_year_and_a_days_heading_wins_over_a_line_of_text():
    items = "".join(f"<li><a href='/p{i}'>{name}</a> <span>1{i} October</span></li>" for i, name in enumerate(NOTICES))
    entries = _entries(f"<h2>October 2020</h2><ul>{items}</ul>")
    assert [e["date_start"] for e in entries] == [f"2020-10-1{i}" for i in range(4)]
    post = "<h2>Wednesday 7 October 2020</h2><div class='post'><h3><a href='/p{i}'>{name}</a></h3>"
    post += "<p>The show opens at the theatre, for all of the season ahead, with its new choir and dancers.</p>"
    post += "<p>Tuesday 1 December</p></div>"
    entries = _entries("".join(post.format(i=i, name=name) for i, name in enumerate(NOTICES)))
    assert [e["date_start"] for e in entries] == ["2020-10-07"] * 4


def test_a_plain_posting_line_as_the_link_gives_its_first_date():
    item = "<li><a href='/p{i}'>Oct 1{i}, 2020 — Posted Oct 0{j}, 2020 11:47 AM</a><p>{name}</p></li>"
    items = "".join(item.format(i=i, j=i + 1, name=name) for i, name in enumerate(NOTICES))
    entries = _entries(f"<ul>{items}</ul>", "<html lang='en-US'>")
    assert [(e["title"], e["date_start"]) for e in entries] == [(n, f"2020-10-1{i}") for i, n in enumerate(NOTICES)]


def test_a_date_opening_the_teaser_before_a_dash_is_the_entrys_date():
    post = "<div class='c'><h3><a href='/p{i}'>{name}</a></h3><p>October 1{i}, 2020 — The Attorney General announced"
    post += " today a settlement with the firm.</p></div>"
    entries = _entries("".join(post.format(i=i, name=name) for i, name in enumerate(NOTICES)), "<html lang='en-US'>")
    assert [e["date_start"] for e in entries] == [f"2020-10-1{i}" for i in range(4)]
    assert entries[0]["description"] == "The Attorney General announced today a settlement with the firm."


def test_a_meeting_row_named_by_its_first_cells_link_is_one_entry_its_file_cells_none():
    row = "<tr><td><a href='/e{i}'>{name}</a></td><td>10/1{i}/2020</td><td><a href='/a{i}.pdf'>Agenda</a></td>"
    row += "<td><a href='/m{i}.pdf'>Minutes</a></td></tr>"
    entries = _entries("<table>" + "".join(row.format(i=i, name=n) for i, n in enumerate(NOTICES)) + "</table>")
    expected = [(name, f"https://example.org/e{i}") for i, name in enumerate(NOTICES)]
    assert [(e["title"], e["url"]) for e in entries] == expected


def test_a_date_as_the_link_gives_the_date_and_the_name_beside_it_the_title():
    item = "<li><a href='/a{i}.pdf'>October 1{i}, 2020</a> - {name}</li>"
    entries = _entries("<ul>" + "".join(item.format(i=i, name=n) for i, n in enumerate(NOTICES)) + "</ul>")
    assert [(e["title"], e["date_start"]) for e in entries] == [(n, f"2020-10-1{i}") for i, n in enumerate(NOTICES)]
    row = "<tr><td><a href='/e{i}'>10/1{i}/2020</a></td><td>{name}</td><td><a href='/a{i}.pdf'>Agenda</a></td></tr>"
    rows = "".join(row.format(i=i, name=n) for i, n in enumerate(NOTICES))
    entries = _entries(f"<table>{rows}</table>", "<html lang='en-US'>")
    assert [(e["title"], e["date_start"]) for e in entries] == [(n, f"2020-10-1{i}") for i, n in enumerate(NOTICES)]


def test_the_rows_a_date_cell_spans_take_its_date():
    cells = ["<td rowspan='2'>10/10/2020</td>", "", "<td>10/12/2020</td>", "<td>10/13/2020</td>"]
    row = "<tr>{cell}<td>{name}</td><td><a href='/a{i}.pdf'>Agenda</a></td></tr>"
    rows = "".join(row.format(cell=c, name=n, i=i) for i, (c, n) in enumerate(zip(cells, NOTICES, strict=True)))
    entries = _entries(f"<table>{rows}</table>", "<html lang='en-US'>")
    assert [e["date_start"] for e in entries] == ["2020-10-10", "2020-10-10", "2020-10-12", "2020-10-13"]


def test_blank_date_cells_mean_no_date_where_a_group_opens_on_one():
    dates = ["", "12 May 2022", "", ""]
    row = "<tr><td class='when'>{date}</td><td><a href='/d{i}'>{name}</a><div>Teaser of document {i}.</div></td></tr>"
    rows = "".join(row.format(date=d, i=i, name=n) for i, (d, n) in enumerate(zip(dates, NOTICES, strict=True)))
    entries = _entries(f"<table><tr><th colspan='2'>May 2022</th></tr>{rows}</table>")
    assert [e["date_start"] for e in entries] == [None, "2022-05-12", None, None]


def test_a_date_in_the_row_header_cell_is_the_rows_date():
    row = "<tr><th scope='row'>{day}/11/2025</th><td><a href='/c{i}'>{name} (Nov 2025)</a></td></tr>"
    days = ["23", "08", "03", "14"]
    rows = "".join(row.format(day=d, i=i, name=n) for i, (d, n) in enumerate(zip(days, NOTICES, strict=True)))
    entries = _entries(f"<table>{rows}</table>", "<html lang='pt-br'>")
    assert [e["date_start"] for e in entries] == [f"2025-11-{d}" for d in days]
