"""The page's language and the order of a date's figures: html lang, og:locale, the site's domain, the words of the
page, month names of other languages."""

import pytest
from synthetic import generic_entries as _entries

from crawler.entries import build_entries
from crawler.extract import extract_page
from crawler.parsers.date_order import numeric_order
from crawler.parsers.dates import parse_date
from crawler.parsers.text import guess_language


@pytest.mark.parametrize(
    ("texts", "locale", "month_first"),
    [
        (["10/03/17", "11/04/17"], "en-US", True),  # the locale says month first
        (["10/03/17", "11/04/17"], "en-GB", False),
        (["03/10/2017"], "fr", False),  # a language other than English: day first
        (["25.11.2022"], "de", False),
        (["03/10/2017", "12/25/2017"], "fr", True),  # the column itself outweighs the locale
        (["03/10/2017", "25/12/2017"], "en-US", False),
        (["03/10/2017", "04/11/2017"], "en", None),  # nothing decides: undecided
        (["03.10.2017"], None, False),  # figures joined by dots run day first
        (["December 14, 2023", "03/10/2017"], "en", True),
        (["14 December 2023", "03/10/2017"], "en", False),
        (["08/10/2024", "noviembre 2024", "enero 2025"], "en", False),  # months named in Spanish: day first
        (["08/10/2024", "Juli 2024"], None, False),
        (["08/10/2024", "Sept 2024", "March 2025"], "en", None),  # English names decide nothing
        (["08/10/2024", "set 2024"], "en", None),  # "set", "ago": short names English words share
        (["08/10/2024", "mars 2024"], "en-US", True),  # the locale's region still comes first
    ],
)
def test_the_order_of_figures_comes_from_the_column_then_the_locale(texts, locale, month_first):
    assert numeric_order(texts, locale) is month_first


def test_undecided_figures_give_no_date_but_decided_ones_do():
    assert parse_date("03/10/2017", month_first=None) is None
    assert parse_date("25/10/2017", month_first=None).start.isoformat() == "2017-10-25"
    assert parse_date("10/03/17", month_first=True).start.isoformat() == "2017-10-03"


def test_a_us_page_reads_its_figures_month_first_and_a_german_page_day_first():
    row = "<li><a href='/d/{i}'>Council decision number {i}</a> <span class='date'>{d}</span></li>"
    us = _entries(
        "<ul>" + "".join(row.format(i=i, d=f"10/0{i}/17") for i in range(1, 4)) + "</ul>", "<html lang='en-US'>"
    )
    de = _entries(
        "<ul>" + "".join(row.format(i=i, d=f"0{i}.10.2017") for i in range(1, 4)) + "</ul>", "<html lang='de'>"
    )
    assert [e["date_start"] for e in us] == ["2017-10-01", "2017-10-02", "2017-10-03"]
    assert [e["date_start"] for e in de] == ["2017-10-01", "2017-10-02", "2017-10-03"]


def test_a_date_column_naming_months_in_another_language_reads_its_figures_day_first():
    """A Spanish group's programme (batch U) left at its template's lang="en": a date column of one day in figures
    ("08/10/2024") and months in Spanish words ("noviembre 2024"). The month names say how the page writes its
    dates: day first, so the 8th of October; a month alone is that whole month."""
    shown = ["08/10/2024", "noviembre 2024", "diciembre 2024", "enero 2025"]
    rows = "".join(
        f"<tr><td><a href='/temas/t{i}'>Tema número {i}</a></td><td>Charla</td><td>Casa de las Asociaciones</td>"
        f"<td>{day}</td><td>20:00</td></tr>"
        for i, day in enumerate(shown)
    )
    head = "<tr><th>Tema</th><th>Formato</th><th>Lugar</th><th>Fecha</th><th>Hora</th></tr>"
    entries = _entries(f"<table><thead>{head}</thead><tbody>{rows}</tbody></table>", "<html lang='en'>")
    assert [e["date_start"] for e in entries] == ["2024-10-08", "2024-11-01", "2024-12-01", "2025-01-01"]
    assert [e["date_end"] for e in entries] == ["2024-10-08", "2024-11-30", "2024-12-31", "2025-01-31"]
    assert [e["date_precision"] for e in entries] == ["day", "month", "month", "month"]
    for spanish, english in (("noviembre", "November"), ("diciembre", "December"), ("enero", "January")):
        rows = rows.replace(spanish, english)
    in_english = _entries(f"<table>{head}{rows}</table>", "<html lang='en'>")
    assert in_english[0]["date_start"] is None  # "November 2024" beside it: undecided, no date


def test_og_locale_declares_the_page_order_when_html_lang_is_missing():
    row = "<li><a href='/d/{i}'>Council decision number {i}</a> <span class='date'>0{i}/05/2019</span></li>"
    head = "<html><head><meta property='og:locale' content='en_US'></head>"
    entries = _entries("<ul>" + "".join(row.format(i=i) for i in range(1, 4)) + "</ul>", head)
    assert [e["date_start"] for e in entries] == ["2019-01-05", "2019-02-05", "2019-03-05"]


def test_german_and_portuguese_are_not_taken_for_french():
    assert guess_language("Die Polizei hat am Montag mit der Feuerwehr und den Anwohnern gesprochen") == "de"
    assert guess_language("O governo anunciou as medidas para a quarentena e os cuidados com a saúde") == "pt"


def test_a_german_page_reads_german_month_names():
    row = (
        "<article><h2><a href='/p/{i}'>Neuer Bericht zur Lage {i}</a></h2><p class='date'>{i}. März 2021</p></article>"
    )
    entries = _entries("".join(row.format(i=i) for i in range(1, 4)), "<html lang='de'>")
    assert [e["date_start"] for e in entries] == ["2021-03-01", "2021-03-02", "2021-03-03"]
    assert {e["language"] for e in entries} == {"de"}


@pytest.mark.parametrize(("shown", "day"), [("10 kwietnia 2020", "2020-04-10"), ("5 Haziran 2019", "2019-06-05")])
def test_a_date_in_a_language_the_tokeniser_does_not_know_is_read_by_dateparser(shown, day):
    row = "<article><h2><a href='/p/{i}'>Post number {i} of the blog</a></h2><p class='meta'>" + shown
    row += "</p><p>Some words of the post {i}.</p></article>"
    entries = _entries("".join(row.format(i=i) for i in range(3)))
    assert [e["date_start"] for e in entries] == [day] * 3


def test_a_page_whose_words_plainly_contradict_its_declared_language_is_read_in_its_own():
    item = "<li><a href='/pub/{i}.pdf'>Publicação do edital número {i} da prefeitura</a> <span>0{i}/04/2021</span></li>"
    text = "<p>" + "A prefeitura publica os atos oficiais do município e as decisões da câmara, em uma página. " * 3
    entries = _entries(text + "</p><ul>" + "".join(item.format(i=i) for i in range(1, 5)) + "</ul>", "<html lang='en'>")
    assert {e["language"] for e in entries} == {"pt"}
    assert [e["date_start"] for e in entries] == [f"2021-04-0{i}" for i in range(1, 5)]  # day first, as pt writes


def test_an_english_page_quoting_a_little_portuguese_stays_english():
    item = "<li><a href='/pub/{i}'>The council meeting of the board, number {i}</a> <span>0{i}/04/2021</span></li>"
    text = "<p>Publicação do edital da prefeitura em uma página, e os atos da câmara.</p>"
    entries = _entries(text + "<ul>" + "".join(item.format(i=i) for i in range(1, 5)) + "</ul>", "<html lang='en'>")
    assert {e["language"] for e in entries} == {"en"}


@pytest.mark.parametrize(
    ("head", "url", "day"),
    [
        ("<html lang='en'><head><meta property='og:locale' content='en_US'></head>", "https://x.org/n/", "2017-10-03"),
        ("<html lang='en'>", "https://www.city.gov/agendas/", "2017-10-03"),
        ("<html lang='en'>", "https://www.council.gov.uk/agendas/", "2017-03-10"),
    ],
)
def test_a_language_declared_without_region_takes_it_from_og_locale_or_the_sites_domain(head, url, day):
    row = "<li><a href='/m/{i}'>Regular meeting of the council number {i}</a> <span>10/03/17</span></li>"
    html = head + "<body><main><ul>" + "".join(row.format(i=i) for i in range(3)) + "</ul></main></body></html>"
    entries = build_entries(extract_page(html, url, "auto"), url)
    assert [e["date_start"] for e in entries] == [day] * 3


@pytest.mark.parametrize(
    ("meta", "day"),
    [
        ("A bejegyzést <a href='/u/{i}'>szerző</a> írta 2016. június hó 2{i}. napján 8:02-kor", "2016-06-2{i}"),
        ("Közzétéve: 2015. augusztus {i}.", "2015-08-0{i}"),
        ("A bejegyzést <a href='/u/{i}'>szerző</a> írta 2016. június hó 3{i}. napján 8:02-kor", None),  # 31 June: none
    ],
)
def test_a_year_first_date_with_the_month_in_words_is_read_in_the_pages_language(meta, day):
    """Hungarian writes the year first and the month in words, formally with the words for month ('hó') and day
    ('napján') and a time with its suffix ('16:39-kor'); a WordPress byline puts the verb 'wrote' before it
    (hu-r-projekt-hirek, batch W). An impossible day is no date."""
    row = "<article><h2><a href='/p/{i}'>A hírek bejegyzése száma {i}</a></h2><div class='meta'>" + meta + "</div>"
    row += "<p>A bejegyzés szövege, {i}. rész.</p></article>"
    entries = _entries("".join(row.format(i=i) for i in range(1, 4)), "<html lang='hu'>")
    assert [e["date_start"] for e in entries] == [day.format(i=i) if day else None for i in range(1, 4)]


def test_a_weekday_beside_figures_decides_their_order_when_one_reading_alone_falls_on_it():
    """Batch Z's gazette: a page with no language of its own dating each day "03/10/2025 Sexta-feira", every figure
    12 or under. The 3rd of October 2025 is a Friday, the 10th of March a Monday: the weekday settles the order for
    the page. Without a weekday, or with one both readings or neither fall on, the order stays undecided: no date."""
    assert numeric_order(["03/10/2025 Sexta-feira"]) is False and numeric_order(["10/03/2025 Friday"]) is True
    assert numeric_order(["03/10/2025"]) is None and numeric_order(["05/05/2025 Monday"]) is None
    assert numeric_order(["03/10/2025 Sunday"]) is None and numeric_order(["03/10/2025 Friday Saturday"]) is None
    days = [("06/10/2025", "Segunda-feira"), ("03/10/2025", "Sexta-feira"), ("02/10/2025", "Quinta-feira")]
    row = "<tr><td><h4>{day} <small>{weekday}</small></h4></td><td><a href='/edicao/{n}'>Edição {n}</a></td></tr>"
    rows = "".join(row.format(day=day, weekday=weekday, n=4960 - i) for i, (day, weekday) in enumerate(days))
    entries = _entries(f"<table>{rows}</table>")
    assert [e["date_start"] for e in entries] == ["2025-10-06", "2025-10-03", "2025-10-02"]
