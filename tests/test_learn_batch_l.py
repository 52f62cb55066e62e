"""`listing-archive learn` on the shapes batch L showed it missing."""

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
