"""`listing-archive learn`: which blocks of the learnt list are entries (rows and boxes without the title's link,
header and year rows, grids, flat runs of posts)."""

from synthetic import DATES, ISO, TITLES, page, read


def test_rows_alike_without_the_title_heading_are_no_entries():
    # Each event a row: a button link, then an embed card whose heading links the event; an intro row and a
    # closing row of a button link, of the same class, are no entries.
    rows = "".join(
        f'<div class="row"><div class="col"><ul><li><a class="btn" href="/e/{i}"><span>Event {i} →</span></a></li>'
        f'</ul><blockquote class="card"><h4><a href="/e/{i}">{t}</a></h4><p>About the event {i}.</p></blockquote>'
        "</div></div>"
        for i, t in enumerate(TITLES[:3])
    )
    intro = '<div class="row"><div class="col"><h2>Events</h2><p>Our meetings, past and coming.</p></div></div>'
    closing = '<div class="row"><div class="col"><p>Join:</p><a class="btn" href="/group">Our group →</a></div></div>'
    text, entries = read(page(f'<div class="container">{intro}{rows}{closing}</div>'), [TITLES[0]])
    assert [(e["title"], e["url"]) for e in entries] == [
        (t, f"https://example.org/e/{i}") for i, t in enumerate(TITLES[:3])
    ], text


def test_rows_without_any_link_beside_linked_rows_are_no_entries():
    # Meetings to come (a date, no agenda yet) above the published ones, whose date cell links the agenda; the
    # example's name is also a coming meeting's.
    coming = "".join(f"<tr><td>August {d}, 2023*</td><td>{TITLES[0]}</td><td></td></tr>" for d in (9, 16))
    published = "".join(
        f'<tr><td><a href="/agenda/{i}">{d}</a></td><td>{t}</td><td></td></tr>'
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    text, entries = read(page(f'<table><tbody class="nowrap">{coming}{published}</tbody></table>'), [TITLES[0]])
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (t, f"https://example.org/agenda/{i}", iso) for i, (t, iso) in enumerate(zip(TITLES, ISO, strict=True))
    ], text


def test_a_search_header_box_beside_result_boxes_alike_is_no_entry():
    # Results in boxes of no class, each a named title line and a line below; the header box above them, of the
    # same markup, holds the search's own links where the results hold their title.
    header = (
        '<div><div class="head">Results 1 to 3</div><div class="options"><span><a href="/search?again=1">'
        "Modify this search</a></span></div></div>"
    )
    boxes = "".join(
        f'<div><div class="group"><div class="found"><p class="item-title"><a href="/doc/{i}">{t}</a></p>'
        f'<p class="item-line">Registered on {d}</p></div></div></div>'
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    text, entries = read(page(f'<div class="region">{header}{boxes}</div>'), [TITLES[0]])
    assert [(e["title"], e["url"]) for e in entries] == [
        (t, f"https://example.org/doc/{i}") for i, t in enumerate(TITLES)
    ], text


def test_boxes_with_an_id_and_no_link_beside_linked_boxes_stay_entries():
    # News on one page, each box its own anchor; most link a page of their own, the first none.
    boxes = "".join(
        f'<section class="content" id="n{i}"><h2>{t}</h2><h3>{d}</h3>'
        + (f'<p><a href="/more/{i}">More</a></p>' if i else "<p>All said here.</p>")
        + "</section>"
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    text, entries = read(page(f"<div>{boxes}</div>"), [TITLES[1]])
    assert [e["title"] for e in entries] == TITLES, text


def test_a_grid_whose_rows_hold_more_link_cells_than_the_table_has_rows_is_read_row_by_row():
    cells = ("Meeting details", "Agenda", "Minutes", "Video", "Audio")
    rows = "".join(
        f'<tr class="{("row", "alt")[i % 2]}"><td><font><a id="b{i}"><font>{t}</font></a></font></td>'
        f"<td><font>{iso[5:7]}/{iso[8:]}/{iso[:4]}</font></td>"
        + "".join(f'<td><font><a href="/m/{i}/{c[:3]}"><font>{c}</font></a></font></td>' for c in cells)
        + "</tr>"
        for i, (t, iso) in enumerate(zip(TITLES[:3], ISO, strict=False))
    )
    html = page(f'<table class="grid"><tbody>{rows}</tbody></table>').replace('lang="en"', 'lang="en-US"')
    text, entries = read(html, [TITLES[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES[:3], ISO, strict=False)), text


def test_a_title_row_with_its_link_then_a_dated_line_row_without_one_is_one_entry():
    rows = "".join(
        f'<tr><td><b><a href="/bid/{i}">DEPARTMENT OF PUBLIC WORKS {i}</a></b> - {t[:12]}</td></tr><tr></tr>'
        f'<tr><td>{iso[5:7]}/{iso[8:]}/{iso[2:4]} - 12/31/23: "NOTE: for this bid, call the counter."</td></tr>'
        "<tr><td></td></tr>"
        for i, (t, iso) in enumerate(zip(TITLES, ISO, strict=True))
    )
    html = page(f"<table><tr><td><table>{rows}</table></td></tr></table>").replace('lang="en"', 'lang="en-US"')
    text, entries = read(html, [f"DEPARTMENT OF PUBLIC WORKS 0 - {TITLES[0][:12]}"])
    assert 'title = "td:has(a[href])"' in text
    assert [(e["url"], e["date_start"]) for e in entries] == [
        (f"https://example.org/bid/{i}", iso) for i, iso in enumerate(ISO)
    ], text


def test_a_classed_list_of_buttons_beside_the_unclassed_list_in_one_box_is_no_entry():
    crumbs = '<ul class="actions"><li><a class="button" href="/">Python Club</a></li><li><span>Events</span></li></ul>'
    items = "".join(
        f'<li><a href="/e/{i}">{t}</a><div class="tag-event">{iso} 08:30</div></li>'
        for i, (t, iso) in enumerate(zip(TITLES, ISO, strict=True))
    )
    text, entries = read(page(f'<div class="content">{crumbs}<ul>{items}</ul></div>'), [TITLES[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


def test_a_row_setting_its_source_line_as_a_second_heading_is_still_one_entry():
    names = [f"Study number {i} on the spread of the virus" for i in range(10)]
    rows = "".join(
        f'<tr><th scope="row">Jan {i + 1}, 2022</th><td><h5>{t}</h5><h{5 if i == 2 else 6}>The Daily Paper, {i + 1} '
        f'January 2022</h{5 if i == 2 else 6}> Link: <a href="https://news.example/{i}">https://news.example/{i}</a>'
        "</td></tr>"
        for i, t in enumerate(names)
    )
    text, entries = read(page(f'<table class="table">{rows}</table>'), [names[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == [(t, f"2022-01-{i + 1:02}") for i, t in enumerate(names)]


def test_author_lines_closing_each_post_of_a_flat_run_do_not_lead_the_next_post():
    posts = "".join(
        f'<h2><a href="/p/{i}">{t}</a></h2><p><strong>Description:</strong> A few words on what this post is about.</p>'
        f"<p><strong>Author:</strong> J. Doe {iso} <strong>Categories:</strong> search, web</p>"
        for i, (t, iso) in enumerate(zip(TITLES, ISO, strict=True))
    )
    html = page(f"<section><h1>Our blog</h1><p>Selected posts from our group members</p>{posts}</section>")
    text, entries = read(html, [TITLES[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


def test_rows_of_a_table_with_other_column_names_below_the_list_are_no_entries():
    rows = "".join(
        f'<tr><td><a href="/m/{i}">{t}</a></td><td>{d}</td><td>-</td></tr>'
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    groups = "".join(
        f'<tr><td>Working group number {i}</td><td>Jane Doe</td><td><a href="/join">join us!</a></td></tr>'
        for i in range(6)
    )
    html = page(
        f'<div class="doc"><table><thead><tr><th>Name</th><th>Date</th><th>Status</th></tr></thead>'
        f"<tbody>{rows}</tbody></table><table><thead><tr><th>Group</th><th>Contact</th><th>Join</th></tr></thead>"
        f"<tbody>{groups}</tbody></table></div>"
    )
    text, entries = read(html, [TITLES[0]])
    assert [e["title"] for e in entries] == TITLES, text


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


def test_a_card_of_the_list_that_links_nowhere_is_its_heading_not_an_entry():
    cards = "".join(
        f'<a class="card" href="/n/{i}"><div class="card-title">{t}</div><p>{d}</p></a>'
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    html = page(f'<div class="posts"><a class="card"><div class="card-title year">Seminars</div></a>{cards}</div>')
    text, entries = read(html, [TITLES[1]])
    assert [e["title"] for e in entries] == TITLES, text
    assert [e["date_start"] for e in entries] == ISO


def test_a_definition_list_of_date_term_title_and_category_reads_one_entry_per_term():
    """<dl>: <dt> the day, <dd> the title link, <dd> "Catégorie : <a>": every term followed by two <dd>s, each
    holding a link (a Pelican blog's archive, batch X). Each <dt> opens an entry, the category links are no entries,
    and each entry's date is its term's ("dim. 12 mars 2023", read as the generic extractor reads it)."""
    french = ["dim. 12 mars 2023", "ven. 3 février 2023", "ven. 20 janvier 2023", "jeu. 5 janvier 2023"]
    items = "".join(
        f"<dt>{d}</dt><dd><a href='/p/{i}.html'>{t}</a></dd><dd>Catégorie : <a href='Cat{i % 2}'>Cat{i % 2}</a></dd>"
        for i, (t, d) in enumerate(zip(TITLES, french, strict=True))
    )
    html = page(f'<div class="post"><dl><h2>Archives</h2>{items}</dl></div>').replace('lang="en"', 'lang="fr"')
    text, entries = read(html, [TITLES[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text
