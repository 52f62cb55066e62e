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
