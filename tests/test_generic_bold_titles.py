"""The generic extractor on a Czech page: bold lines, kickers and title classes as titles (a bold line over an
outlet's link, a kicker over a headline link, a press review's bold titles), and the dates such pages show (dotted
figures with spaces, a padded month and year, two days joined by "and"); a last record one wrapper up. Small
synthetic pages, one test per rule."""

from crawler.entries import build_entries
from crawler.extract import extract_page
from crawler.parsers.dates import parse_date

URL = "https://example.org/aktuality/"
CHROME = '<header><nav><a href="/">Domů</a> <a href="/kontakt/">Kontakt a adresa školy</a></nav></header>'


def _entries(body: str, url=URL):
    html = f'<html lang="cs"><body>{CHROME}<main>{body}</main><footer>Adresa školy</footer></body></html>'
    return build_entries(extract_page(html, url, "auto"), url)


def test_dotted_figures_with_spaces_read_day_first():
    """ "01.11. 2020", "1. 11. 2020": a space after a date's dot (Czech and Slovak typography) read as a time
    ("01.11") left only the year."""
    assert parse_date("01.11. 2020").start.isoformat() == "2020-11-01"
    assert parse_date("1. 11. 2020").precision == "day"
    assert parse_date("30.09. 2020").end.isoformat() == "2020-09-30"
    box = (
        '<div class="box"><h3><div>Zpráva číslo {i} ze školy</div></h3><p>Krátký perex zprávy {i} o dění.</p>'
        '<a href="/clanek-{i}/">Zobrazit</a><div class="date">{d}. 1{i}. 2020</div></div>'
    )
    entries = _entries("".join(box.format(i=i, d=10 + i) for i in range(3)))
    assert [e["date_start"] for e in entries] == ["2020-10-10", "2020-11-11", "2020-12-12"]


def test_a_month_and_year_in_two_padded_figures_is_the_month():
    assert (parse_date("04.2020").start.isoformat(), parse_date("04.2020").precision) == ("2020-04-01", "month")
    assert parse_date("06/2018").end.isoformat() == "2018-06-30"
    assert parse_date("3/2020") is None  # an issue's number as often as a month
    assert parse_date("2019/20") is None


def test_a_title_naming_its_days_keeps_them_beside_a_date_line():
    """ "Tábor 3. – 5. 10. 2025": once "5. 10. 2025" reads as a date, the title's range must not lose its end (the
    words close on the range's first day, its ordinal dot shown); the record's own date line dates it."""
    box = (
        '<article class="item"><h2><a href="/l/{i}/">Víkendový tábor {i}. – {j}. 10. 2025</a></h2>'
        '<div class="item-date">0{i}.09.2025</div><p>Pozvánka na víkendový pobyt pro děti.</p></article>'
    )
    entries = _entries("".join(box.format(i=i, j=i + 2) for i in range(1, 4)))
    assert [e["title"] for e in entries] == [f"Víkendový tábor {i}. – {i + 2}. 10. 2025" for i in range(1, 4)]
    assert [e["date_start"] for e in entries] == [f"2025-09-0{i}" for i in range(1, 4)]


def test_a_title_class_around_the_whole_listing_makes_no_teaser_a_title():
    """A banner's "title-block" class on <main> named every link in it a title: the long teaser link of each post
    then outranked its heading's link."""
    post = (
        '<div class="post"><div class="thumb"><a href="/posts/{i}/"><img src="/{i}.jpg"></a></div>'
        '<div class="body"><h3 class="listing-title"><a href="/posts/{i}/">Notícia número {i} do instituto</a></h3>'
        '<div class="listing-description"><a href="/posts/{i}/">Um resumo longo da notícia {i}, que conta em duas '
        "frases o que aconteceu no instituto e quem participou do encontro…</a></div></div>"
        '<div class="metadata"><a href="/posts/{i}/"><div class="date">{i} de jun. de 2026</div>'
        "<div>Autor da Silva</div></a></div></div>"
    )
    page = (
        f'<html lang="pt-BR"><body>{CHROME}<main class="content banner-title-block">'
        + "".join(post.format(i=i) for i in range(1, 5))
        + "</main></body></html>"
    )
    entries = build_entries(extract_page(page, URL, "auto"), URL)
    assert [e["title"] for e in entries] == [f"Notícia número {i} do instituto" for i in range(1, 5)]


def test_a_bold_line_over_an_outlet_link_is_the_title():
    """A press review: each item a bold title on a line of its own, then the outlet line whose only link names the
    outlet ("example-news.de"), then the date. The link is the address; the bold line the title."""
    item = (
        "<li><p><strong>« Bericht {i} über das junge Architekturbüro und sein Projekt »</strong><br>\n"
        'Online-Artikel <a href="https://outlet{i}.example/artikel-{i}">{outlet}</a>, 1{i}.05.2020.</p></li>'
    )
    outlets = ["example-news.de", "STADTBLATT", "Radio Beispiel", "Wochenzeitung"]
    page = "<ul>" + "".join(item.format(i=i, outlet=o) for i, o in enumerate(outlets)) + "</ul>"
    entries = _entries(page, url="https://example.org/presse")
    assert [e["title"] for e in entries] == [
        f"« Bericht {i} über das junge Architekturbüro und sein Projekt »" for i in range(4)
    ]
    assert entries[1]["url"] == "https://outlet1.example/artikel-1" and entries[1]["date_start"] == "2020-05-11"


def test_a_kicker_over_each_headline_link_stays_no_title():
    """A bold kicker on a line of its own above each headline: a repeated one, or one shorter than the headline,
    names a section, and the linked headline stays the title."""
    item = '<li><strong>{kicker}</strong><br><a href="/n/{i}">Stadtrat beschließt Haushalt {i}</a> 1{i}.05.2020</li>'
    for kickers in (["Lokales aus der Stadt"] * 4, ["Politik", "Kultur", "Sport", "Wirtschaft"]):
        page = "<ul>" + "".join(item.format(i=i, kicker=k) for i, k in enumerate(kickers)) + "</ul>"
        entries = _entries(page, url="https://example.org/presse")
        assert [e["title"] for e in entries] == [f"Stadtrat beschließt Haushalt {i}" for i in range(4)]


def test_a_bold_line_over_a_link_opening_its_own_line_stays_no_title():
    """A short linked title on a line of its own under a bold line (a talk under its speaker, a headline under a
    varied category): an outlet's link sits inside a line of words ("Online-Artikel <a>…</a>"), this one is the line."""
    item = '<li><strong>{bold}</strong><br><a href="/talks/{i}">{title}</a>, 1{i}.03.2021</li>'
    speakers = ["Maria Kowalska (University of Warsaw)", "Jean-Luc Martin (Université de Lyon)"]
    speakers += ["Sofia Rossi (Politecnico di Milano)", "Hans Becker (TU Berlin)"]
    titles = ["Sparse graphs", "Random walks", "Matroid duality", "Expander codes"]
    page = (
        "<ul>"
        + "".join(item.format(i=i, bold=b, title=t) for i, (b, t) in enumerate(zip(speakers, titles, strict=True)))
        + "</ul>"
    )
    entries = _entries(page, url="https://example.org/seminar")
    assert [e["title"] for e in entries] == titles
    assert entries[1]["url"] == "https://example.org/talks/1" and entries[1]["date_start"] == "2021-03-11"


def test_a_press_review_with_one_bare_outlet_line_keeps_its_bold_titles():
    """Most outlet lines say what ran ("Online-Artikel <a>…</a>"); one that is the outlet's link alone does not
    make the bold lines speakers' names."""
    item = "<li><p><strong>« Bericht {i} über das junge Architekturbüro »</strong><br>\n{lead}"
    item += '<a href="https://outlet{i}.example/a">Outlet {i}</a>, 1{i}.05.2020.</p></li>'
    leads = ["", "Online-Artikel ", "Fachartikel in der ", "Online-News "]
    page = "<ul>" + "".join(item.format(i=i, lead=lead) for i, lead in enumerate(leads)) + "</ul>"
    entries = _entries(page, url="https://example.org/presse")
    assert [e["title"] for e in entries] == [f"« Bericht {i} über das junge Architekturbüro »" for i in range(4)]


def test_two_days_joined_by_and_in_italian_portuguese_and_german():
    """ "27 e 28 maggio 2017": "and" joined two days in English, French and Spanish only."""
    assert parse_date("27 e 28 maggio 2017").end.isoformat() == "2017-05-28"
    assert parse_date("3 e 4 de junho de 2020").start.isoformat() == "2020-06-03"
    assert parse_date("27. und 28. Mai 2017").end.isoformat() == "2017-05-28"


def test_a_last_record_one_wrapper_up_is_still_beside_the_list():
    """Lines of a converted document in nested leftover <div>s: the last release sits beside the wrapper that holds
    the others alone, one level up from where a featured entry was looked for."""
    line = (
        '<p>{month} {d}, 2019 <a href="/uploads/release-{d}.pdf">'
        "Release {d}: the charity opens a new treatment centre downtown</a></p>"
    )
    inner = "".join(line.format(month="March", d=d) for d in range(10, 15))
    body = (
        f'<div class="column"><div class="page"><div class="layout">{inner}</div></div>'
        f"{line.format(month='April', d=6)}</div>"
    )
    entries = _entries(body, url="https://example.org/news/press-releases/")
    assert len(entries) == 6 and entries[-1]["title"] == "Release 6: the charity opens a new treatment centre downtown"
    assert entries[-1]["date_start"] == "2019-04-06"
