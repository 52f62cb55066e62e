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


def test_year_rows_of_a_table_of_papers_are_no_entries():
    # One table: a row "2023" (the year, bold, empty cells after it), then that year's papers, each linked from
    # its last cell; the year rows show no title and no link.
    rows = "".join(
        (f"<tr><td><strong>{2023 - i}</strong></td><td></td><td></td></tr>" if i % 2 == 0 else "")
        + f'<tr><td>{t}</td><td>A. Author; B. Author</td><td><a href="/paper/{i}">PDF</a></td></tr>'
        for i, t in enumerate(TITLES)
    )
    table = f'<div class="row"><div><table><tbody>{rows}</tbody></table></div></div>'
    text, entries = read(page(table), [TITLES[0]])
    assert [(e["title"], e["url"]) for e in entries] == [
        (t, f"https://example.org/paper/{i}") for i, t in enumerate(TITLES)
    ], text


def test_cards_named_by_a_bem_element_class_whose_name_is_no_link():
    # Magazine cards (a theme's BEM classes): a cover image's box, the name in a <div class="v-card__title">, links
    # only on the "Download" and "View" buttons to the PDF.
    cards = "".join(
        f'<div class="col"><div class="v-card v-sheet"><div class="v-image"><div class="v-image__image"></div></div>'
        f'<div class="v-card__title">{t}</div>'
        f'<div class="v-card__subtitle">Issue 0{i}</div><div class="v-card__actions">'
        f'<a class="v-btn" href="/issue/{i}.pdf" download="">Download</a>'
        f' <a class="v-btn" href="/issue/{i}.pdf">View</a>'
        "</div></div></div>"
        for i, t in enumerate(TITLES)
    )
    text, entries = read(page(f'<div class="v-card revista"><div class="row">{cards}</div></div>'), [TITLES[0]])
    assert [(e["title"], e["url"]) for e in entries] == [
        (t, f"https://example.org/issue/{i}.pdf") for i, t in enumerate(TITLES)
    ], text


def _report_box(year: int) -> str:
    widget = '<div class="widget widget-{}"><div class="widget-container">{}</div></div>'
    heading = '<h2 class="heading-title">{}</h2>'
    return (
        '<div class="con con-child">'
        + widget.format("heading", heading.format(f"Reports {year}"))
        + widget.format("heading", heading.format("You can download the whole report here."))
        + widget.format("button", f'<a class="button" href="/reports/{year}">Download</a>')
        + "</div>"
    )


def test_boxes_whose_second_heading_is_the_same_in_every_box_are_the_entries():
    # Report boxes (a page builder's): the name in a heading, a second heading saying the same in every box, a
    # "Download" button the only link; the boxes in rows of three, after an intro box of a heading alone.
    years = list(range(2024, 2018, -1))
    rows = "".join(
        '<div class="con con-row">' + "".join(_report_box(y) for y in years[i : i + 3]) + "</div>" for i in (0, 3)
    )
    intro = '<div class="con con-child">' + '<div class="widget widget-heading"><div class="widget-container">'
    intro += '<h2 class="heading-title">Every report, to download.</h2></div></div></div>'
    text, entries = read(page(f'<div class="con-inner">{intro}{rows}</div>'), ["Reports 2024"])
    assert [(e["title"], e["url"]) for e in entries] == [
        (f"Reports {y}", f"https://example.org/reports/{y}") for y in years
    ], text
