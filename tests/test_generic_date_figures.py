"""How the generic extractor reads a date's figures and words: two-figure years, listed days and ranges, impossible
ranges, version numbers and bare numbers that are no date."""

from datetime import date

import lxml.html
import pytest
from synthetic import generic_entries as _entries

from crawler.entries import build_entries
from crawler.extract import extract_page
from crawler.extract.fields import date_from_element
from crawler.parsers.datelines import date_at_edge, date_in_line
from crawler.parsers.dates import parse_date


def test_two_figures_after_a_day_and_a_month_are_a_year_only_when_they_close_the_date():
    assert parse_date("25 fév 24").start.isoformat() == "2024-02-25"
    assert parse_date("Mon 14 Dec 23").start.isoformat() == "2023-12-14"
    assert parse_date("3 May 99").start.isoformat() == "1999-05-03"
    for text in ("Feb 24", "fév 24", "12 Dec 10:30", "12 Dec 10 am", "25 spam 24"):
        assert parse_date(text) is None, text


def test_a_version_number_in_brackets_after_the_title_link_is_no_date():
    """<li><a>Package</a> (1.10.12)<p>teaser</p></li>: figures with no four-figure year after a name are its
    version (not 2012-10-01); a month's name or a four-figure year after it is still the date."""
    for version in ("(1.10.12)", "12.5.10", "(3.4.11)"):
        items = "".join(
            f"<li><a href='/n/{i}'>Support for database number {i}</a> {version}<p>The jobs run kind {i}.</p></li>"
            for i in range(3)
        )
        assert [e["date_start"] for e in _entries(f"<ul>{items}</ul>", "<html lang='de'>")] == [None] * 3, version
    items = "".join(
        f"<li><a href='/n/{i}'>Support for database number {i}</a> {day}<p>The jobs run kind {i}.</p></li>"
        for i, day in enumerate(["(04.10.2016)", "25 Feb 24", "(13.09.2016)"])
    )
    dates = [e["date_start"] for e in _entries(f"<ul>{items}</ul>", "<html lang='de'>")]
    assert dates == ["2016-10-04", "2024-02-25", "2016-09-13"]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("3, 4 y 5 de julio de 2025", date(2025, 7, 3), date(2025, 7, 5)),
        ("3, 4 and 5 July 2025", date(2025, 7, 3), date(2025, 7, 5)),
        ("12, 13, 14 mars 2024", date(2024, 3, 12), date(2024, 3, 14)),
    ],
)
def test_days_listed_before_one_month_span_the_first_to_the_last(text, start, end):
    found = parse_date(text, ["es", "en", "fr"])
    assert (found.start, found.end) == (start, end)


def test_listed_days_that_go_back_give_no_span_and_a_date_with_a_comma_stays_one_day():
    assert parse_date("5, 4 y 3 de julio de 2025", ["es"]) is None
    assert parse_date("May 3, 2025", ["en"]).end == date(2025, 5, 3)


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("Presentado el 09/12/2010, calificado el 14/12/2010", "09/12/2010"),
        ("Submitted on 3 May 2021, approved on 9 June 2021", "3 May 2021"),
        ("Déposé le 4 mars 2020, adopté le 5 avril 2020", "4 mars 2020"),
    ],
)
def test_a_filing_line_with_two_dates_gives_the_date_filed(line, shown):
    assert date_in_line(line) == shown


@pytest.mark.parametrize(
    "line", ["25 - 24 November 2021", "Vientiane, 25 - 24 November 2021", "Workshop, 25 - 24 November 2021"]
)
def test_an_impossible_range_gives_no_date_not_its_right_end(line):
    assert date_in_line(line) is None
    assert date_at_edge(line) is None
    assert date_from_element(lxml.html.fromstring(f"<p>{line}<br>Vientiane, Lao PDR</p>")) is None


def test_a_possible_range_after_a_place_is_read_whole():
    assert date_in_line("Vientiane, 22 - 23 November 2022") == "22 - 23 November 2022"


@pytest.mark.parametrize("shown", ["23 - 22 November 2022", "23 - 22 November 2022<br>Vientiane, Lao PDR"])
def test_the_ilo_path_gives_no_date_for_an_impossible_range(shown):
    from pathlib import Path

    page = Path(__file__).parent / "fixtures" / "pages" / "ilo-001-ilo.html"
    html = page.read_text().replace("22 - 23 November 2022", shown)
    url = "https://www.ilo.org/ilo-001/lang--en/index.htm"
    entries = build_entries(extract_page(html, url, "ilo"), url)
    workshop = next(e for e in entries if e["title"].startswith("A Consultation Workshop to develop"))
    assert workshop["date_start"] is None and workshop["date_end"] is None


@pytest.mark.parametrize(
    ("shown", "iso"),
    [
        ("25 fév 24", "2024-02-25"),
        ("Tue 25 Feb 99", "1999-02-25"),
        ("3 - 5 mars 24", "2024-03-03"),
        ("25 fév 24 - 2 mars 24", "2024-02-25"),
    ],
)
def test_two_figures_after_a_day_and_a_month_name_are_the_year(shown, iso):
    assert parse_date(shown).start.isoformat() == iso


@pytest.mark.parametrize(
    "shown", ["fév 24", "Feb 24", "Oct 12 20", "25 fév 5", "Saturday 5 May 10 - 12", "1 Oct 12:00"]
)
def test_two_figures_after_a_month_alone_or_a_month_and_day_are_no_year(shown):
    assert parse_date(shown) is None  # "Feb 24" is the 24th, "10 - 12" hours; a year is never guessed


def test_a_ranges_start_in_figures_without_its_year_is_in_the_ends_year():
    """'4/10 - 5/1/17: "The City of Boston …"' among rows of '4/17/17 - 5/4/17: …': the start of a range in figures
    shares its end's year, as '22 - 23 November 2022' shares its month. A start after the end so read gives no date
    (never a guess at the year before); the page's order of figures still decides."""
    assert parse_date("4/10 - 5/1/17", month_first=True).start.isoformat() == "2017-04-10"
    assert parse_date("4/10 - 5/1/17", month_first=True).end.isoformat() == "2017-05-01"
    assert parse_date("10/4 - 1/5/2017", month_first=False).start.isoformat() == "2017-04-10"
    assert parse_date("12/20 - 1/5/18", month_first=True) is None
    assert parse_date("4/10 - 5/1/17", month_first=None) is None
    assert date_in_line("4/10 - 5/1/17") == "4/10 - 5/1/17"


def test_a_line_closing_on_a_bare_number_or_year_has_no_date():
    assert date_at_edge("Posted by naruse on 18.02.2022") == "18.02.2022"
    assert date_at_edge("Posted in 2022") is None
    assert date_at_edge("Seats left: 12") is None


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        ("Veröffentlicht am 14.10.2020", "2020-10-14", "2020-10-14"),
        ("Stand: 14.10.2020", "2020-10-14", "2020-10-14"),
        ("am 14.10.2020 um 10:30 Uhr", "2020-10-14", "2020-10-14"),
        ("Am Sonntag, 18. Oktober 2020 um 10 Uhr", "2020-10-18", "2020-10-18"),
        ("vom 14. bis 16. Oktober 2020", "2020-10-14", "2020-10-16"),
        ("Publicado em 14/10/2020", "2020-10-14", "2020-10-14"),
        ("14/10/2020 às 10h30", "2020-10-14", "2020-10-14"),
        ("quarta-feira, 14 de outubro de 2020", "2020-10-14", "2020-10-14"),
        ("Pubblicato il 14 ottobre 2020", "2020-10-14", "2020-10-14"),
        ("dal 14 al 16 ottobre 2020", "2020-10-14", "2020-10-16"),
        ("Gepubliceerd op 14 oktober 2020", "2020-10-14", "2020-10-14"),
        ("Meeting Date: 14/10/2020", "2020-10-14", "2020-10-14"),  # any short label closing on a colon
        ("2020-10-14 10:30:00", "2020-10-14", "2020-10-14"),  # a time with its seconds
    ],
)
def test_date_lines_in_german_portuguese_italian_and_dutch_wording_and_other_labels(line, start, end):
    found = date_in_line(line)
    value = parse_date(found, month_first=False) if found else None
    assert value is not None and (value.start.isoformat(), value.end.isoformat()) == (start, end)


def _alert_cards(validity: list[str], years: list[str]) -> list[dict]:
    card = (
        "<div class='card'><img src='/a/{i}.jpg' alt='Alert'><h3>ALERT NUMBER {i}/{year}</h3>"
        "<p>Heavy rain expected on the coast and in the hills; rivers may rise quickly.</p>"
        "<p><strong>Valid:</strong> {valid}</p><a class='btn' href='/alerts/{i}.pdf'>Open PDF</a> "
        "<a class='btn' href='/alerts/{i}/'>Open the alert</a></div>"
    )
    cards = "".join(card.format(i=i, valid=v, year=years[i]) for i, v in enumerate(validity))
    return _entries(f"<h1>Past alerts</h1><div class='grid'>{cards}</div>", "<html lang='it'>")


def test_a_yearless_range_of_days_with_hours_takes_the_year_its_record_names():
    """A region's weather alerts (issue 21, batch Y: "Validità: 24/11 ore 00 - 25/11 ore 24" under "ALLERTA NUMERO
    26/2025", dates 0 of 3): a range of days in figures, each with its hour, no year; the year the record names
    completes it. Either order of figures reading ("05/06"), a range ending before it starts, or a record naming no
    year or two give no date."""
    entries = _alert_cards(
        ["24/11 ore 00 - 25/11 ore 24", "17/11 ore 00 - 17/11 ore 12", "12/24 9:00 - 12/26 18:00"],
        ["2025", "2025", "2024"],
    )
    assert [(e["date_start"], e["date_end"]) for e in entries] == [
        ("2025-11-24", "2025-11-25"),
        ("2025-11-17", "2025-11-17"),
        ("2024-12-24", "2024-12-26"),
    ]
    entries = _alert_cards(
        ["05/06 ore 00 - 06/06 ore 12", "25/11 ore 00 - 24/11 ore 12", "24/11 ore 00 - 25/11 ore 24"],
        ["2025", "2025", "2024 (was 2023)"],
    )
    assert [e["date_start"] for e in entries] == [None, None, None]
