"""The generic extractor on rows of like link columns: agenda and minutes links in one row, a pointer link first, make
one entry named by its title."""

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
