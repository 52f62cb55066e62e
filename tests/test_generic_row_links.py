"""The generic extractor on rows of like link columns: agenda and minutes links in one row, a pointer link first, make
one entry named by its title; a column of people's profiles or sites' front pages beside the title is no entry."""

from synthetic import generic_entries as _entries

MEETINGS = ["Regular Council Meeting", "Special Council Meeting", "Planning Commission", "Budget Workshop"]


def test_a_meeting_row_with_agenda_and_minutes_links_in_like_cells_is_one_entry():
    row = "<tr><td>0{m}/1{i}/2023</td><td><a href='/m/{i}'>{name}</a></td><td><a href='/a/{i}.pdf'>Agenda</a></td>"
    row += "<td><a href='/min/{i}.pdf'>Minutes</a></td></tr>"
    rows = "".join(row.format(i=i, m=i + 1, name=name) for i, name in enumerate(MEETINGS))
    head = "<tr><th>Date</th><th>Meeting</th><th>Agenda</th><th>Minutes</th></tr>"
    entries = _entries("<table>" + head + rows + "</table>", "<html lang='en-US'>")
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (name, f"https://example.org/m/{i}", f"2023-0{i + 1}-1{i}") for i, name in enumerate(MEETINGS)
    ]


def test_a_row_of_like_columns_with_its_pointer_link_first_is_one_entry_named_by_its_title_link():
    row = "<div class='row'><div class='col-2'><a href='/a/{i}.pdf'>View</a></div><div class='col-2'>Jan 1{i}, 2023"
    row += "</div><div class='col-8'><a href='/m/{i}'>{name}</a></div></div>"
    entries = _entries("".join(row.format(i=i, name=name) for i, name in enumerate(MEETINGS)), "<html lang='en'>")
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (name, f"https://example.org/m/{i}", f"2023-01-1{i}") for i, name in enumerate(MEETINGS)
    ]


NOTICES = [  # (number, issuer, kind, subject)
    (
        "2013-02996",
        "Office of the Mayor",
        "Electoral rolls",
        "Filing of the revised electoral rolls with the half-yearly lists",
    ),
    ("2013-02995", "Eighth Department", "Order", "No parking on Harbour Street for the summer festival"),
    ("2013-03005", "Fourth Department", "Decision", "Urgent repairs to the roofs of public and school buildings"),
    ("2013-03001", "Cabinet of the Mayor", "Decision", "Running costs of the offices"),
]


def test_a_rows_details_icon_its_only_link_leads_to_the_row_named_by_its_subject_column():
    # it-barcellona-pg-albo-pretorio: a notice board's results table, each row's first cell a link around a
    # "Details" icon with no words, its cells the number, issuer, kind and subject; the head's links sort the table
    sort = "".join(
        f"<th><a href='index.php?order={k}'>{k}</a></th>" for k in ("number", "issued by", "kind", "subject")
    )
    rows = "".join(
        f"<tr class='r{i % 2}'><td><a href='index.php?function=details&id={i}'><img src='details.gif' alt='Details'>"
        f"</a></td><td>{n}</td><td>{who}</td><td>{kind}</td><td>{subject}</td></tr>"
        for i, (n, who, kind, subject) in enumerate(NOTICES)
    )
    entries = _entries(f"<table><tr><th></th>{sort}</tr>{rows}</table>", "<html lang='en'>")
    assert [e["title"] for e in entries] == [subject for _, _, _, subject in NOTICES]
    assert [e["url"] for e in entries] == [
        f"https://example.org/news/index.php?function=details&id={i}" for i in range(4)
    ]
    unnamed = f"<table><tr><th></th>{sort}</tr>{rows}</table>".replace(">subject<", ">notes<")
    assert [e["title"] for e in _entries(unnamed, "<html lang='en'>")] == [s for _, _, _, s in NOTICES]  # the longest


PROGRAMME = [  # (topic, kind, speaker's profile or "", month)
    ("Instagram", "Charla", "laradecelis", "octubre 2024"),
    ("Photoshop", "Curso", "emiliosanandres", "noviembre 2024"),
    ("PhotoPills", "Taller", "", "diciembre 2024"),
    ("Bracketing", "Charla", "emiliosanandres", "enero 2025"),
    ("Teoría del color", "Charla", "gonzalolopez", "febrero 2025"),
]


def test_a_programme_row_linking_its_speakers_profile_is_one_entry_named_by_its_topic():
    """A photography group's programme (issue 21): Topic | Format | Speaker | Date, the topic a link to the talk's
    page, the speaker a link to a profile on one social site (one speaker comes back, one row has none). The profile
    column leads to people, no entries: each row is one entry named by its topic and dated by its date cell."""
    speaker = "<a href='https://social.example.com/{0}/'>{1}</a>"
    rows = "".join(
        f"<tr><td><a href='../../temas/{i}'>{topic}</a></td><td>{kind}</td>"
        f"<td>{speaker.format(who, who.title()) if who else ''}</td><td>{month}</td></tr>"
        for i, (topic, kind, who, month) in enumerate(PROGRAMME)
    )
    head = "<thead><tr><th>Tema</th><th>Formato</th><th>Ponente</th><th>Fecha</th></tr></thead>"
    entries = _entries(f"<h1>Programación</h1><table>{head}<tbody>{rows}</tbody></table>", "<html lang='es'>")
    assert [e["title"] for e in entries] == [topic for topic, *_ in PROGRAMME]
    assert [e["date_start"] for e in entries] == ["2024-10-01", "2024-11-01", "2024-12-01", "2025-01-01", "2025-02-01"]


def test_rows_of_conferences_each_at_its_own_site_beside_their_venues_site_stay_entries():
    # the guard: both linked columns lead to sites' front pages; neither is the rows' detail, the conferences stay
    # entries (which column names the rows is left as it was: both give entries)
    names = ["Data Days 2025", "Open Science Forum", "Archive Camp"]
    rows = "".join(
        f"<tr><td><a href='https://conf{i}.example.org/'>{name}</a></td><td>1{i} May 2025</td>"
        f"<td><a href='https://hall{i}.example.net/'>Hall {i}</a></td></tr>"
        for i, name in enumerate(names)
    )
    entries = _entries(f"<h1>Conferences</h1><table>{rows}</table>", "<html lang='en'>")
    assert [e["title"] for e in entries if "conf" in e["url"]] == names


def test_a_line_named_by_its_first_link_keeps_the_links_after_it_as_its_files():
    """Batch Z's school board agendas: lines split by <br> in one paragraph, then the same as <li> items, each an
    agenda link whose words are the meeting's date, then its "Minutes" and "Board Report" links (or plain words where
    none is posted). Each line is one entry named by its first link; the words coming back line after line after it
    name the line's files, not entries."""
    line = "<a href='/files/agenda-{i}.pdf'>March {d}, 2025</a> / <a href='/files/minutes-{i}.pdf'>Minutes</a> / {r}"
    reports = ["<a href='/news/report-{i}'>Board Report</a>", "Board Report"]
    lines = [line.format(i=i, d=10 + i, r=reports[i % 2].format(i=i)) for i in range(1, 5)]
    items = "".join(f"<li>{line.replace('March', 'May')}</li>" for line in lines)
    body = f"<div><h2>2025</h2><p>{'<br>'.join(lines)}</p><h2>2024</h2><ul>{items}</ul></div>"
    entries = _entries(body, head="<html lang='en'>")
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (f"{month} {10 + i}, 2025", f"https://example.org/files/agenda-{i}.pdf", f"2025-{number}-{10 + i}")
        for month, number in (("March", "03"), ("May", "05"))
        for i in range(1, 5)
    ]


def test_a_rows_links_named_after_their_columns_are_its_files_and_the_first_numbered_one_names_it():
    """Batch Z's gazette of municipalities: a table of the latest days under a header row naming its columns ("Date |
    General summary | Regular edition | Supplement"), each row the day, then a link repeating its column's name on
    every row, then the day's edition and supplement, each link its column's name and a number. One row is one entry
    (the day's gazette), named by its first numbered link: the links named after their column are its files."""
    head = "<tr><th>Date</th><th>General summary</th><th>Regular edition</th><th>Supplement</th></tr>"
    row = "<tr><td><h4>2{i}/05/2025</h4></td><td><a class='btn' href='/summary?d=2{i}'>General summary</a></td>"
    row += "<td><a class='btn' href='/edition/49{i}'>Regular edition 49{i}</a></td>"
    row += "<td><a class='btn' href='/supplement/17{i}'>Supplement 17{i}</a></td></tr>"
    today = row.format(i=6).replace("<td>", "<td class='today'>")  # the newest row highlighted, its supplement due
    today = today.replace("<a class='btn' href='/supplement/176'>Supplement 176</a>", "<p>In progress</p>")
    rows = today + "".join(row.format(i=i) for i in range(5, 1, -1))
    entries = _entries(f"<table><tbody>{head}{rows}</tbody></table>", head="<html lang='en-GB'>")
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (f"Regular edition 49{i}", f"https://example.org/edition/49{i}", f"2025-05-2{i}") for i in range(6, 1, -1)
    ]


def test_a_speakers_link_to_a_broken_ipv6_host_leaves_the_talks_read():
    """fuzz36, 2026-12-08: a programme whose speaker column linked one row to 'http://[x/' (no closing bracket)
    made _link_host's urlsplit raise ValueError and the extractor fail; that link names no site instead."""
    speakers = ["http://[x/", "https://ada.example/", "https://bob.example/"]
    rows = "".join(
        f"<tr><td><a href='/talk/{i}'>Talk number {i} on the subject</a></td><td><a href='{h}'>Speaker</a></td></tr>"
        for i, h in enumerate(speakers)
    )
    entries = _entries(f"<table>{rows}</table>")
    assert [e["title"] for e in entries] == [f"Talk number {i} on the subject" for i in range(3)]
