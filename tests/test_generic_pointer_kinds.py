"""The generic extractor on links that name a kind of thing ("Tender", "To the minutes"): their line names the record,
and the rows below are its own. Each shape in small synthetic HTML."""

from synthetic import URL
from synthetic import generic_entries as _entries

DEPARTMENTS = ["PUBLIC WORKS DEPARTMENT", "POLICE DEPARTMENT", "PUBLIC WORKS DEPARTMENT", "BOSTON PUBLIC SCHOOLS"] * 2


def _bids() -> str:
    """A city's bids: the department's link opens the bid's line; its posting period opens the row below, then a
    spacer row (and a row opened but never closed, as the page writes them)."""
    rows = "".join(
        f"<tr><td><b><a href='bids.asp?ID={i}'>{dept}</a></b> - Invitation for Sealed Bids for project {i}</td></tr>"
        f'<tr><td>4/{i + 3}/17 - 5/{i + 10}/17: "NOTE: For bid {i} call the counter.<p>The Ci..."</td></tr>'
        "<tr><td></td></tr>"
        for i, dept in enumerate(DEPARTMENTS)
    )
    return f"<table>{rows}</table>"


def test_links_naming_a_kind_give_their_line_as_the_title_and_the_rows_below_give_the_dates():
    entries = _entries(_bids(), "<html lang='en'>")
    assert [e["title"] for e in entries] == [
        f"{dept} - Invitation for Sealed Bids for project {i}" for i, dept in enumerate(DEPARTMENTS)
    ]
    assert [(e["date_start"], e["date_end"]) for e in entries][:2] == [
        ("2017-04-03", "2017-05-10"),
        ("2017-04-04", "2017-05-11"),
    ]
    # the line is the title's: its words after the department are no description beside it
    assert not any((e["description"] or "").startswith("Invitation for Sealed Bids") for e in entries)


def test_each_record_takes_the_rows_below_its_own_up_to_the_next_record():
    from crawler.extract.html import parse_html, text_of
    from crawler.extract.row_runs import row_runs

    root = parse_html(_bids() + "<table><tr><td><a href='/all'>Return to the list</a></td></tr></table>", URL)
    links = root.findall(".//a")
    runs = row_runs(links)
    assert [len(run) for run in runs] == [2] * len(DEPARTMENTS) + [1]  # the spacer row is no line; the footer alone
    assert text_of(runs[0][1]).startswith("4/3/17 - 5/10/17")
    assert row_runs(links[:2]) == [[a] for a in links[:2]]  # too few records to see a steady pattern


PAPERS = ["Psychische Gesundheit als Infrastruktur", "Resilienz und Zukunftskompetenz", "Die Ära der Gleichzeitigkeit"]
PAPERS += ["Arbeit und Würde im Wandel"]


def _card(i: int, title: str, pointer: str) -> str:
    return (
        f"<article class='publication-item'><div class='meta'><span>Dossier</span></div><h3>{title}</h3>"
        f"<p class='teaser'>Eine kurze Zusammenfassung der Publikation in einigen Worten.</p>"
        f"<div class='tags'><span>Policy</span></div><a class='btn' href='/pub-{i}/'>{pointer}</a></article>"
    )


def test_a_link_saying_to_the_kind_of_thing_it_opens_is_a_pointer_and_the_heading_names_the_record():
    # "Zum Dossier" ("to the dossier"): the only link of each card points at the paper, its h3 names it
    for pointers in (["Zum Dossier", "Zum Working Paper", "Zum Dossier", "Zur Studie"], ["Go to the report"] * 4):
        cards = "".join(_card(i, t, p) for i, (t, p) in enumerate(zip(PAPERS, pointers, strict=True)))
        entries = _entries(f"<h2>Aktuelle Publikationen</h2><div class='list'>{cards}</div>", "<html lang='de'>")
        assert [e["title"] for e in entries] == PAPERS, pointers
        assert [e["url"] for e in entries] == [f"https://example.org/pub-{i}/" for i in range(4)]
