"""The generic extractor on records named in plain text beside affordance links (notices, meeting rows): their titles,
dates and date cells. Each shape in small synthetic HTML."""

from synthetic import URL
from synthetic import generic_entries as _entries

from crawler.entries import build_entries
from crawler.extract import extract_page

TALKS = ["Privacy of Noisy SGD", "Learning by Overfitting in high dimension", "Exact Solutions to Interpolation"]
TALKS += ["Perturbed optimizers and an algorithm"]


SPEAKERS = ["Jason Altschuler (NYU)", "Nati Srebro (TTIC)", "Boris Hanin (Princeton)", "Quentin Berthet (Google)"]


def _seminar(href) -> str:
    rows = "".join(
        f"<tr><td>October {i + 1}</td><td><a href='https://p{i}.example.net/'>{s}</a></td>"
        f"<td><a href='{href(i)}'>{t}</a></td><td></td></tr>"
        for i, (t, s) in enumerate(zip(TALKS, SPEAKERS, strict=True))
    )
    abstracts = "".join(
        f"<h4><a name='t{i}'></a>{t}</h4><p>An abstract of the talk in some words.</p>" for i, t in enumerate(TALKS)
    )
    head = "<thead><tr><th>Date</th><th>Speaker</th><th>Title</th><th>Recording</th></tr></thead>"
    return f"<h1>Seminar</h1><h3>Schedule</h3><table>{head}<tbody>{rows}</tbody></table><h3>Abstracts</h3>{abstracts}"


def test_a_table_row_is_one_record_named_by_its_title_column_not_also_by_its_speakers_homepage():
    entries = _entries(_seminar(lambda i: f"/talks/t{i}/"), "<html lang='en'>")
    assert [e["title"] for e in entries] == TALKS
    assert [e["url"] for e in entries] == [f"https://example.org/talks/t{i}/" for i in range(4)]


def test_a_table_rows_title_linking_its_abstract_on_the_page_names_the_entry_at_that_address():
    entries = _entries(_seminar(lambda i: f"#t{i}"), "<html lang='en'>")
    assert [e["title"] for e in entries] == TALKS
    assert [e["url"] for e in entries] == [f"{URL}#t{i}" for i in range(4)]


MEETINGS = [
    "Commissioners Staff Meeting",
    "Commissioners Regular Meeting",
    "Budget Hearing",
    "Commissioners Regular Meeting",
]


MEETING_DAYS = ["10/18/2023 1:00:00 PM", "10/19/2023 1:00:00 PM", "10/24/2023 1:00:00 PM", "12/30/2024 10:00:00 AM"]


def test_a_files_icon_beside_its_row_buttons_is_no_card_and_the_row_is_one_meeting():
    # each row: the name, the time, then "Agenda" with a PDF icon link and "Minutes" with its icon
    rows = "".join(
        f"<tr><td>{name}</td><td>{day}</td><td><a href='/view?id={i}&t=1'>Agenda</a>"
        f"<a href='/files/agenda_{i}.pdf'><img src='/pdf.png'></a> <a href='/view?id={i}&t=2'>Minutes</a>"
        f"<a href='/files/minutes_{i}.pdf'><img src='/pdf.png'></a></td></tr>"
        for i, (name, day) in enumerate(zip(MEETINGS, MEETING_DAYS, strict=True))
    )
    head = "<tr><th>Meeting Name</th><th>Meeting Date</th><th>Links</th></tr>"
    entries = _entries(f"<h2>Recent Meetings</h2><table>{head}{rows}</table>", "<html lang='en'>")
    assert [e["title"] for e in entries] == MEETINGS
    assert [e["url"] for e in entries] == [f"https://example.org/view?id={i}&t=1" for i in range(4)]
    assert [e["date_start"] for e in entries] == ["2023-10-18", "2023-10-19", "2023-10-24", "2024-12-30"]


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


def test_a_date_opening_a_record_named_in_plain_text_is_its_date_and_a_file_note_after_the_link_is_no_name():
    rows = "".join(
        f"<li><span>1{i}.10.2020</span> {name} <a href='/d{i}.pdf'>Download</a> (PDF, 2 MB)</li>"
        for i, name in enumerate(NOTICES)
    )
    entries = _entries(f"<ul>{rows}</ul>", "<html lang='de'>")
    assert [(e["title"], e["date_start"]) for e in entries] == [(n, f"2020-10-1{i}") for i, n in enumerate(NOTICES)]


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


def _sessions_table(first_cell: str) -> str:
    """A session's weeks, each named by the date it starts; the agenda cell holds a pointer and the file's name."""
    row = "<tr><td><a href='?agendaViewID={i}'>{day}</a>{mark}\n</td><td>{i}</td>"
    row += "<td>\n<a class='pdf inline' href='/agenda/{i}.pdf'>Agenda</a> ({file})\n</td><td>\n{minutes}</td></tr>"
    files = ["AGENDA 3 MAY 8, 2020 2" if i % 3 == 1 else f"6-2{i}-2020 AGENDA {i} 2" for i in range(8)]
    rows = "".join(
        row.format(
            i=i,
            day=f"06/{29 - 3 * i:02d}/2020",
            mark=first_cell if i == 0 else "",
            file=f,
            minutes="" if i == 0 else f"<a class='pdf inline' href='/minutes/{i}.pdf'>Minutes</a>\n",
        )
        for i, f in enumerate(files)
    )
    return "<table><tr><th>Week of</th><th>Week</th><th>Agenda</th><th>Minutes</th></tr>" + rows + "</table>"


DAYS = [f"06/{29 - 3 * i:02d}/2020" for i in range(8)]


def test_rows_named_by_their_date_keep_it_as_title_beside_a_pointer_line_that_holds_words():
    entries = _entries(_sessions_table(""), "<html lang='en-US'>")
    assert [e["title"] for e in entries] == DAYS


def test_an_empty_cell_is_no_date_line_and_never_the_title():
    entries = _entries(_sessions_table(" <span class='label'>current</span>"), "<html lang='en-US'>")
    assert [(e["title"], e["date_start"]) for e in entries][0] == ("06/29/2020", "2020-06-29")
    assert [e["title"] for e in entries] == DAYS


def test_rows_whose_links_carry_the_same_words_on_every_row_are_one_entry_each_named_by_their_first_cell():
    row = "<tr><td>20{i}9</td><td>2{i}/04/2021</td><td><a href='/pub/{i}.pdf'><button>Sem assinatura digital</button>"
    row += "</a></td><td><a href='/pub/{i}-signed.pdf'><button>Com assinatura digital</button></a></td></tr>"
    head = "<table><thead><tr><th>Nº</th><th>Data</th><th>Anexo</th><th>Anexo assinado</th></tr></thead><tbody>"
    entries = _entries(head + "".join(row.format(i=i) for i in range(1, 5)) + "</tbody></table>")
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (f"20{i}9", f"https://example.org/pub/{i}.pdf", f"2021-04-2{i}") for i in range(1, 5)
    ]


def _meeting_rows(days: list[int]) -> str:
    row = "<tr class='{cls}'><td><span>12/{d:02d}/2025 - 6:00pm</span></td><td>Regular Council Meeting {d}</td>"
    row += "<td><a href='/page/meeting-{d}'>View Details</a></td></tr>"
    classes = ["odd views-row-first"] + ["even", "odd"] * len(days)
    return "<table>" + "".join(row.format(d=d, cls=c) for d, c in zip(days, classes, strict=False)) + "</table>"


def test_a_first_row_marked_as_the_lists_first_keeps_the_rows_shape():
    entries = _entries(_meeting_rows([18, 11, 4, 2]))
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (f"Regular Council Meeting {d}", f"2025-12-{d:02d}") for d in (18, 11, 4, 2)
    ]


def test_a_row_listed_twice_in_one_list_is_one_entry():
    entries = _entries(_meeting_rows([18, 11, 11, 4]))
    assert [e["url"] for e in entries] == [f"https://example.org/page/meeting-{d}" for d in (18, 11, 4)]
