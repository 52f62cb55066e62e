"""`listing-archive learn` on the shapes batch L showed it missing."""

from synthetic import TITLES, page, read


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
