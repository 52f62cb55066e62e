"""Records of real listing pages the generic extractor read wrong (issue 21, batch L, part B), each in small
synthetic HTML. Earlier files of these: tests/test_unseen_k_a.py, _k_b.py."""

from datetime import date

import pytest
from synthetic import generic_entries as _entries

from crawler.parsers.datelines import date_in_line
from crawler.parsers.dates import parse_date


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


PAPERS = [
    "Percepciones ciudadanas sobre corrupción en Chile",
    "Transparencia y corrupción en América Latina",
    "Sobre la transparencia. Una discusión conceptual",
    "Desafíos del modelo de transparencia en Chile",
]


def _papers(headings: list[str]) -> str:
    return "".join(
        f"<h3>{heading}</h3><p><strong>Año:</strong> 2025</p>"
        f"<p><strong>DOI/URL:</strong> <a href='/paper/{i}.pdf'>Ver publicación</a></p>"
        f"<p><strong>Resumen:</strong> Este artículo analiza un tema de cierta extensión, número {i}.</p>"
        for i, heading in enumerate(headings)
    )


def test_a_heading_over_each_record_names_it_when_every_link_says_the_same_pointing_words():
    entries = _entries("<h1>Publicaciones</h1>" + _papers(PAPERS), head="<html lang='es'>")
    assert [e["title"] for e in entries] == PAPERS
    assert not any(e.get("group") for e in entries)
    assert [e["url"] for e in entries] == [f"https://example.org/paper/{i}.pdf" for i in range(4)]


def test_headings_that_are_years_stay_groups_of_the_records_under_them():
    entries = _entries(_papers(["2025", "2024", "2023"]), head="<html lang='es'>")
    assert not {e["title"] for e in entries} & {"2025", "2024", "2023"}
    assert [e["group"] for e in entries] == ["2025", "2024", "2023"]


def test_a_heading_link_that_is_only_a_year_names_its_post():
    names = ["1981", "1978/1979", "Festlige begivenheder i årets løb - 1982", "Årets gang 1983"]
    items = "".join(
        f"<article><h2><a href='/dagbog/{i}/'>{name}</a></h2><p class='meta'>{20 + i} minutters læsning</p>"
        f"<p>Et tilbageblik på året, nummer {i}.</p></article>"
        for i, name in enumerate(names)
    )
    entries = _entries(items, head="<html lang='da'>")
    assert [e["title"] for e in entries] == names


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


def test_a_row_linked_by_its_number_is_named_by_the_cell_headed_description_not_the_longest():
    rows = [
        ("P/2018/6679", "19/11/2018", "Res Subdivision Existing Building (Pre March 19)", "Two lot subdivision"),
        ("P/2018/6738", "14/12/2018", "Multiple Dwelling Development", "Three double storey dwellings on the land"),
        ("P/2019/6100", "7/05/2019", "Extension", "Single storey rear extension to a dwelling"),
    ]
    body = "".join(
        f"<tr><td><a href='/app/{number}'>{number}</a></td><td>{lodged}</td><td>{kind}</td><td>{text}</td></tr>"
        for number, lodged, kind, text in rows
    )
    head = "<tr><th>Application Number</th><th>Date Lodged</th><th>Application Type</th><th>Description</th></tr>"
    entries = _entries(f"<table>{head}{body}</table>", head="<html lang='en'>")
    assert [e["title"] for e in entries] == [row[3] for row in rows]
