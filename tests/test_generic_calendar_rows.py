"""The generic extractor on calendar tables, one row a day (held-out batch V, a club's season): an event over several
days a row a day, a cancelled event's struck-through link, unlinked rows (meetings, cancelled races) under a linked
one. Each shape in small synthetic HTML."""

from synthetic import generic_entries as _entries

# A club's calendar (held-out batch V, a cycling commission's season): one row a day, the day in its own cell; a
# championship over three days takes three rows, each linking the event's one brochure.
_DAYS = [("Fri 3 Jul 2026", "Regional Road Championship", "/route.pdf"), ("Sat 4 Jul 2026", None, "/route.pdf")]
_DAYS += [("Sun 5 Jul 2026", None, "/route.pdf"), ("Sat 11 Jul 2026", "Hill climb of the old pass", "/hill.pdf")]
_DAYS += [("Sun 12 Jul 2026", "Night criterium around the market", "/night.pdf")]


def _day_rows(days) -> str:
    rows = ""
    for day, name, href in days:
        name = name or next(n for d, n, h in days if h == href and n)
        rows += f"<tr><td>{day}</td><td><a href='{href}'>{name}</a></td><td>Velo Club</td></tr>"
    return rows


def test_one_event_over_several_days_a_row_a_day_is_an_entry_each_day_not_a_facet():
    # the same short link to one place on three rows reads as a facet ("Media Release"), but each of its copies is
    # the only link of its row and the rows show different days: one event a row a day, each row an entry
    head = "<tr><th>Date</th><th>Event</th><th>Club</th></tr>"
    entries = _entries(
        f"<h2>Calendar 2026</h2><table>{head}<tr><td colspan='3'>JULY 2026</td></tr>{_day_rows(_DAYS)}</table>"
    )
    assert [(e["url"], e["date_start"]) for e in entries] == [
        ("https://example.org/route.pdf", "2026-07-03"),
        ("https://example.org/route.pdf", "2026-07-04"),
        ("https://example.org/route.pdf", "2026-07-05"),
        ("https://example.org/hill.pdf", "2026-07-11"),
        ("https://example.org/night.pdf", "2026-07-12"),
    ]
    assert [e["title"] for e in entries][:3] == ["Regional Road Championship"] * 3


def test_a_short_link_on_dated_rows_beside_their_own_title_links_is_still_a_facet():
    # the guard: "Press release" on every dated row leads to one page, beside each row's own title link
    rows = "".join(
        f"<tr><td>{d} May 2026</td><td><a href='/news/{d}'>Council story number {d} in some words</a></td>"
        f"<td><a href='/kind/press'>Press release</a></td></tr>"
        for d in range(10, 15)
    )
    entries = _entries(f"<h2>News</h2><table>{rows}</table>", "<html lang='en'>")
    assert len(entries) == 5
    assert "Press release" not in {e["title"] for e in entries}


def test_a_cancelled_events_link_struck_through_in_its_cell_still_names_its_row():
    """<td><strong>CANCELLED: </strong><s><a>Grand Prix</a></s></td> among rows whose links stand bare in the cell
    (held-out batch V, a club's calendar): the strike marks the event's state, the link still names its row, as bare
    emphasis around it does, being most of its cell's text; the mark outside the link is no part of the title."""
    names = ["Spring cup of the valley", "Grand prix of the harbour", "Criterium of the old town", "Hill climb race"]
    rows = "".join(
        f"<tr><td>{10 + i} May 2026</td><td><a href='/e/{i}.pdf'>{n}</a></td><td>Club {i} of the region</td></tr>"
        for i, n in enumerate(names)
    )
    struck = "<tr><td>24 May 2026</td><td><strong>CANCELLED: </strong>"
    struck += "<s><a href='/e/9.pdf'>Grand prix of the town</a></s></td><td>Club 9 of the region</td></tr>"
    entries = _entries(f"<h2>Races</h2><table>{rows}{struck}</table>", "<html lang='en'>")
    assert [(e["title"], e["date_start"]) for e in entries][-1] == ("Grand prix of the town", "2026-05-24")
    assert len(entries) == 5


def test_a_row_and_the_unlinked_rows_below_it_are_dated_by_its_date_column():
    """A calendar table whose unlinked rows (a meeting, a cancelled race) follow some linked ones (held-out batch V):
    each linked row and the unlinked rows below it are one record, dated by the first row's cell under "Dates"
    ("Sam. 17 Janv. 2026", a weekday before the day), not left undated by the later row's other day."""
    days = [("Sam. 17 Janv. 2026", "Coupe de printemps", True), ("Dim. 18 Janv. 2026", "Prix de la vallée", True)]
    days += [("Ven. 23 Janv. 2026", "Réunion de la commission", False), ("Sam. 07 Févr. 2026", "Brevet du port", True)]
    days += [("Sam. 14 Févr. 2026", "Prix de la ville haute", True), ("Ven. 20 Févr. 2026", "Réunion du bureau", False)]
    days += [("Dim. 01 Mars 2026", "Grand prix des artisans", True)]
    rows = "".join(
        f"<tr><td class='c'>{d}</td><td class='c'>{f'<a href=/e/{i}.pdf>{n}</a>' if linked else n}</td>"
        f"<td class='c'></td></tr>"
        for i, (d, n, linked) in enumerate(days)
    )
    head = "<thead><tr><th>Dates</th><th>Courses</th><th>Club</th></tr></thead>"
    entries = _entries(f"<h2>Calendrier</h2><table>{head}<tbody>{rows}</tbody></table>", "<html lang='fr'>")
    assert [(e["title"], e["date_start"]) for e in entries] == [
        ("Coupe de printemps", "2026-01-17"),
        ("Prix de la vallée", "2026-01-18"),
        ("Brevet du port", "2026-02-07"),
        ("Prix de la ville haute", "2026-02-14"),
        ("Grand prix des artisans", "2026-03-01"),
    ]


def _meetings(days) -> str:
    """A calendar table under a header row, one linked meeting a row."""
    rows = "".join(
        f"<tr><td>{d} March 2026</td><td><a href='/events/e{d}'>Council meeting {d}</a></td><td>Town hall</td></tr>"
        for d in days
    )
    return f"<h1>Events</h1><table><tr><th>Date</th><th>Event</th><th>Venue</th></tr>{rows}</table>"


def test_a_calendar_table_down_to_one_row_reads_that_row_as_before():
    """Was tests/test_open_findings.py's strict xfail (stranger28): a calendar table left with one row read the page
    heading and the header row into that row's description ('Town hall' -> 'Events\nDate\nEvent\nVenue\nTown
    hall'), so the next crawl recorded a change the site never made. A lone record holding a table's one data row
    under its header row is that row."""
    two_rows = _entries(_meetings((3, 10)), "<html lang='en'>")
    one_row = _entries(_meetings((3,)), "<html lang='en'>")
    fields = ("title", "description", "date_start", "url")
    assert [tuple(e[f] for f in fields) for e in one_row] == [tuple(e[f] for f in fields) for e in two_rows[:1]]
    assert one_row[0]["description"] == "Town hall"
