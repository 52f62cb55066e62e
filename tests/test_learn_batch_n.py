"""`listing-archive learn` on the shapes batch N showed it missing."""

from synthetic import DATES, TITLES, page, read


def test_rows_with_an_id_whose_link_cell_is_empty_are_no_entries():
    # Meetings, every row with an id of the template's; a row whose agenda cell is there but empty (the agenda
    # not out yet) is no entry, though an id could address it.
    rows = "".join(
        f'<tr id="meeting-{i}-row" class="meeting-row"><td class="name">{t}</td><td class="when">{d}</td>'
        + (f'<td class="docs"><a href="/agenda/{i}">Agenda</a></td>' if i % 4 else '<td class="docs"> </td>')
        + "</tr>"
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    text, entries = read(page(f"<table><tbody>{rows}</tbody></table>"), [TITLES[1]])
    assert [(e["title"], e["url"]) for e in entries] == [
        (t, f"https://example.org/agenda/{i}") for i, t in enumerate(TITLES) if i % 4
    ], text
