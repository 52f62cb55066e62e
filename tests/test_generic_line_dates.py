"""The generic extractor's dates on a link's line, on a Dutch page: a date opening the line dates its link, a date
inside the words before it does not; days listed with slashes before their month run first to last. Small
synthetic pages, one test per rule."""

from crawler.entries import build_entries
from crawler.extract import extract_page
from crawler.parsers.dates import parse_date

URL = "https://example.org/nieuws/"
CHROME = '<header><nav><a href="/">Home</a> <a href="/contact/">Contact</a></nav></header>'


def _entries(body: str, url=URL):
    html = f'<html lang="nl"><body>{CHROME}<main>{body}</main><footer>Adres</footer></body></html>'
    return build_entries(extract_page(html, url, "auto"), url)


def test_a_line_opening_on_its_date_dates_its_link():
    """<p>23/09/2015 - <a>Title</a><br>06/08/2015 - <a>…: every link found, but the date opening each line (before
    the link, not after it) was read for none."""
    days = [(23, 9), (6, 8), (5, 7), (14, 6), (2, 5)]
    line = '{d:02d}/{m:02d}/2015 - <a href="/nieuws/2015/{m:02d}/{d:02d}/bericht-{i}/">Bericht {i} over de zaak</a>'
    lines = "<br />".join(line.format(d=d, m=m, i=i) for i, (d, m) in enumerate(days))
    entries = _entries(f"<h1>Nieuwsberichten</h1><p>Een inleiding over het nieuws.</p><p>{lines}</p>")
    assert [e["title"] for e in entries] == [f"Bericht {i} over de zaak" for i in range(5)]
    assert [e["date_start"] for e in entries] == [f"2015-{m:02d}-{d:02d}" for d, m in days]


def test_words_before_a_link_are_no_line_date():
    """ "Sinds 12/03/2015 zie <a>…": a date inside words before the link is prose, not the line's date."""
    line = 'Sinds 1{i}/03/2015 zie ook <a href="/nieuws/bericht-{i}/">Bericht {i} over de zaak</a>'
    lines = "<br />".join(line.format(i=i) for i in range(4))
    entries = _entries(f"<h1>Nieuwsberichten</h1><p>{lines}</p>")
    assert [e["date_start"] for e in entries] == [None] * 4


def test_days_listed_with_slashes_before_their_month_run_first_to_last():
    """ "4/11 Dez 2026" (performances on the 4th and 11th): read from the first listed day to the last; "12/14/21 Mär
    2027" was read as the numeric date 14 December 2021."""
    assert (parse_date("4/11 Dez 2026").start.isoformat(), parse_date("4/11 Dez 2026").end.isoformat()) == (
        "2026-12-04",
        "2026-12-11",
    )
    assert parse_date("12/14/21 Mär 2027").end.isoformat() == "2027-03-21"
    assert parse_date("12/5 Mai 2026") is None  # days that go back: no run
    row = (
        '<a class="row" href="/stage/{i}/"><span class="date"><span>{days}</span> <span>{month}</span></span>'
        '<span class="title">Produktion Nummer {i}</span><span>Eine Oper in drei Akten.</span></a>'
    )
    shown = [("4/11", "Dez 2026"), ("12/14/21", "Mär 2027"), ("20–22", "Okt 2026")]
    entries = _entries("".join(row.format(i=i, days=d, month=m) for i, (d, m) in enumerate(shown)))
    assert [(e["date_start"], e["date_end"]) for e in entries] == [
        ("2026-12-04", "2026-12-11"),
        ("2027-03-12", "2027-03-21"),
        ("2026-10-20", "2026-10-22"),
    ]


def test_an_item_opening_on_its_date_before_its_link_and_a_slides_link_is_dated_by_it():
    """<li>6/05/2025: <a>Talk</a> (<a>slides</a>)</li>: two links and little else looked like a tag list, so its
    date was never read."""
    line = (
        '<li>{d}/0{m}/2025: <a href="/lezing-{i}/">Lezing nummer {i} over de zorg</a> (<a href="/s{i}.pdf">slides</a>)'
    )
    days = [(16, 5), (6, 5), (25, 2)]
    items = "".join(line.format(d=d, m=m, i=i) + "</li>" for i, (d, m) in enumerate(days))
    entries = _entries(f"<h2>Lezingen</h2><ul>{items}</ul>")
    assert [e["title"] for e in entries] == [f"Lezing nummer {i} over de zorg" for i in range(3)]
    assert [e["date_start"] for e in entries] == ["2025-05-16", "2025-05-06", "2025-02-25"]
