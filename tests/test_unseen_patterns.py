"""Shapes of real listing pages the generic extractor read wrong (issue 21), each in small synthetic HTML."""

import lxml.html
import pytest
from synthetic import generic_entries as _entries

from crawler.entries import build_entries
from crawler.extract import extract_page
from crawler.extract.fields import date_from_element
from crawler.parsers.date_order import numeric_order
from crawler.parsers.datelines import date_at_edge, date_in_line
from crawler.parsers.dates import parse_date
from crawler.parsers.text import guess_language

URL = "https://example.org/news/"


def test_a_date_in_its_own_element_at_the_head_of_a_heading_is_the_date_not_the_title():
    card = "<div class='c'><h3><small>0{i} Dec 2023</small><br/>Annual Conference {i}</h3><p>Teaser {i}.</p>"
    card += "<a href='/e/{i}'>Read more</a></div>"
    entries = _entries("".join(card.format(i=i) for i in range(1, 4)))
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (f"Annual Conference {i}", f"2023-12-0{i}") for i in range(1, 4)
    ]


def test_a_labelled_date_after_a_break_in_the_link_is_the_date_not_the_title():
    row = "<div class='n'><a href='/f/{i}'>Report number {i}<br><span>( Release Date :2{i}/06/2020 )</span></a></div>"
    entries = _entries("".join(row.format(i=i) for i in range(1, 4)))
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (f"Report number {i}", f"2020-06-2{i}") for i in range(1, 4)
    ]


@pytest.mark.parametrize("more", ["Mehr lesen", "Saiba mais", "Leia mais", "Weiterlesen »", "»", "Lees meer"])
def test_a_read_more_link_in_other_languages_leaves_the_heading_as_title(more):
    card = "<article><h2>Bericht über die Lage {i}</h2><p>Ein kurzer Text {i}.</p><a href='/a/{i}'>" + more
    card += "</a></article>"
    entries = _entries("".join(card.format(i=i) for i in range(3)))
    assert [e["title"] for e in entries] == [f"Bericht über die Lage {i}" for i in range(3)]
    assert [e["url"] for e in entries] == [f"https://example.org/a/{i}" for i in range(3)]


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


@pytest.mark.parametrize(
    "line", ["25 - 24 November 2021", "Vientiane, 25 - 24 November 2021", "Workshop, 25 - 24 November 2021"]
)
def test_an_impossible_range_gives_no_date_not_its_right_end(line):
    assert date_in_line(line) is None
    assert date_at_edge(line) is None
    assert date_from_element(lxml.html.fromstring(f"<p>{line}<br>Vientiane, Lao PDR</p>")) is None


def test_a_possible_range_after_a_place_is_read_whole():
    assert date_in_line("Vientiane, 22 - 23 November 2022") == "22 - 23 November 2022"


def test_a_time_element_with_an_empty_datetime_is_read_from_its_text():
    row = "<article><h2><a href='/p/{i}'>Annual report number {i}</a></h2><time datetime>August 1{i}, 2019</time>"
    row += "</article>"
    entries = _entries("".join(row.format(i=i) for i in range(3)), "<html lang='en'>")
    assert [e["date_start"] for e in entries] == ["2019-08-10", "2019-08-11", "2019-08-12"]


def test_a_pretitle_is_a_kicker_not_the_title():
    card = "<div class='t'><a href='/n/{i}' class='t__link'><img src='/i/{i}.jpg'>"
    card += "<div class='t__pretitle'>Kicker {i}</div><div class='t__title'>The headline of story number {i}</div>"
    card += "</a><p>Teaser text {i}.</p></div>"
    entries = _entries("".join(card.format(i=i) for i in range(3)))
    assert [e["title"] for e in entries] == [f"The headline of story number {i}" for i in range(3)]


def test_posts_each_alone_in_a_wrapper_are_one_list_whatever_their_category():
    post = "<div class='post-container'><article class='post-{i} post type-post category-{c} hentry'>"
    post += "<header class='post-header'><h1 class='post-title entry-title'><a href='/p/{i}'>Post number {i}</a></h1>"
    post += "</header><div class='featured-media'><a href='/p/{i}'><img src='/i/{i}.jpg'></a></div>"
    post += "<div class='post-inner'><div class='post-content'><p>Excerpt of post {i}, a few words long.</p>"
    post += "<a class='more-link' href='/p/{i}#more'>Continue Reading</a></div></div>"
    post += "<div class='post-meta'><a class='post-date' href='/p/{i}'>May {d}, 2020</a>"
    post += "<a class='post-comments' href='/p/{i}#respond'>0</a></div></article></div>"
    cats = ["medios", "medios", "medios", "otros"] + ["uncategorized"] * 6
    body = "<div class='posts'>" + "".join(post.format(i=i, c=c, d=i + 1) for i, c in enumerate(cats)) + "</div>"
    entries = _entries(body)
    assert [e["title"] for e in entries] == [f"Post number {i}" for i in range(10)]


def test_a_records_own_category_is_no_part_of_its_shape():
    from crawler.extract.records import Shapes

    html = "<div>" + "".join(
        f"<div class='wrap'><article class='post type-post category-{c} tag-x hentry'>x</article></div>"
        for c in ("medios", "otros", "uncategorized")
    )
    root = lxml.html.fromstring(html + "</div>")
    shapes = Shapes(root)
    assert len({shapes(a) for a in root.iter("article")}) == 1


@pytest.mark.parametrize(
    "element", ["<date class='f6 db' datetime>{d}</date>", "<time datetime='{{{{ date }}}}'>{d}</time>"]
)
def test_a_date_element_with_an_empty_or_junk_datetime_is_read_from_its_text(element):
    row = (
        "<article><h2><a href='/p/{i}'>Annual report number {i}</a></h2>"
        + element
        + "<p>Teaser {i} here.</p></article>"
    )
    entries = _entries("".join(row.format(i=i, d=f"August 1{i}, 2019") for i in range(3)), "<html lang='en'>")
    assert [e["date_start"] for e in entries] == ["2019-08-10", "2019-08-11", "2019-08-12"]


@pytest.mark.parametrize("wrap", ["strong", "b", "span"])
def test_links_in_bare_emphasis_at_the_end_of_a_list_are_entries_too(wrap):
    item = "<li><a href='/d/{i}'>Decision of the court in case number {i}</a> (1{i} May 2021)</li>"
    last = "<li><" + wrap + "><a href='/d/{i}'>Decision of the court in case number {i}</a></" + wrap + ">"
    last += " (1{i} May 2021)</li>"
    items = "".join(item.format(i=i) for i in range(8)) + "".join(last.format(i=i) for i in (8, 9))
    entries = _entries("<ul>" + items + "</ul>")
    assert [e["url"] for e in entries] == [f"https://example.org/d/{i}" for i in range(10)]
    assert entries[-1]["date_start"] == "2021-05-19"


def test_report_cards_are_entries_and_a_cookie_banner_link_is_not():
    card = "<div class='card'><a href='/r/{i}.pdf'><img src='/c/{i}.jpg' alt=''></a>"
    card += "<p>Annual report on labour markets {y}</p></div>"
    cards = "".join(card.format(i=i, y=2015 + i) for i in range(5))
    cookie = "<div class='cc-window'><span>We use cookies to improve your experience.</span>"
    cookie += (
        "<a class='cc-link' href='/privacy'>Learn more about our cookie policy</a><a class='cc-btn'>Got it</a></div>"
    )
    entries = _entries("<h1>Reports</h1><div class='reports'>" + cards + "</div>" + cookie)
    assert [(e["title"], e["url"]) for e in entries] == [
        (f"Annual report on labour markets {2015 + i}", f"https://example.org/r/{i}.pdf") for i in range(5)
    ]


def test_a_posting_line_as_the_link_gives_the_date_and_the_name_beside_it_the_title():
    row = "<tr><td><h3><a href='/AgendaCenter/ViewFile/Agenda/_{i}'><strong>Nov 1{i}, 2020</strong> — "
    row += "<em>Posted Nov 0{i}, 2020 11:47 AM</em></a></h3><p>City Council Regular Meeting {i}</p></td>"
    row += "<td><a href='/AgendaCenter/ViewFile/Minutes/_{i}'>Minutes</a></td></tr>"
    entries = _entries("<table>" + "".join(row.format(i=i) for i in range(1, 5)) + "</table>")
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (f"City Council Regular Meeting {i}", f"2020-11-1{i}") for i in range(1, 5)
    ]


@pytest.mark.parametrize(("shown", "day"), [("10 kwietnia 2020", "2020-04-10"), ("5 Haziran 2019", "2019-06-05")])
def test_a_date_in_a_language_the_tokeniser_does_not_know_is_read_by_dateparser(shown, day):
    row = "<article><h2><a href='/p/{i}'>Post number {i} of the blog</a></h2><p class='meta'>" + shown
    row += "</p><p>Some words of the post {i}.</p></article>"
    entries = _entries("".join(row.format(i=i) for i in range(3)))
    assert [e["date_start"] for e in entries] == [day] * 3


@pytest.mark.parametrize("shown", ["23 - 22 November 2022", "23 - 22 November 2022<br>Vientiane, Lao PDR"])
def test_the_ilo_path_gives_no_date_for_an_impossible_range(shown):
    from pathlib import Path

    page = Path(__file__).parent / "fixtures" / "pages" / "ilo-001-ilo.html"
    html = page.read_text().replace("22 - 23 November 2022", shown)
    url = "https://www.ilo.org/ilo-001/lang--en/index.htm"
    entries = build_entries(extract_page(html, url, "ilo"), url)
    workshop = next(e for e in entries if e["title"].startswith("A Consultation Workshop to develop"))
    assert workshop["date_start"] is None and workshop["date_end"] is None


def test_a_title_holding_a_year_range_keeps_it_and_the_release_line_gives_the_date():
    row = "<div class='n'><a href='/f/{i}'>Grant for the period (2021-2024) number {i}<br>"
    row += "<span>( Release Date :1{i}/02/2020 )</span></a></div>"
    entries = _entries("".join(row.format(i=i) for i in range(3, 6)))
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (f"Grant for the period (2021-2024) number {i}", f"2020-02-1{i}") for i in range(3, 6)
    ]


@pytest.mark.parametrize(
    "shown, title, day",
    [
        ("Economic Committee Meeting – 4/1{i}/2026", "Economic Committee Meeting", "2026-04-1{i}"),
        ("1{i} May 2020 | Annual report on wages", "Annual report on wages", "2020-05-1{i}"),
        ("Regional forum on skills - 1{i} - 2{i} May 2022", "Regional forum on skills", "2022-05-1{i}"),
        ("Monthly Meeting – 5/1{i}/2026 – In Person and via Zoom", None, None),  # a date in the middle stays
        ("Annual Report {i} - 2020", None, None),  # a bare year names the report, it is no date
    ],
)
def test_a_date_after_a_dash_or_bar_at_the_edge_of_a_title_is_the_date(shown, title, day):
    """Issue 21: a date-shaped run at the start or end of a heading, separated by a dash or bar, is the date."""
    row = "<li><h3><a href='/m/{i}'>" + shown + "</a></h3><p>Minutes and agenda of the meeting {i}.</p></li>"
    entries = _entries("<ul>" + "".join(row.format(i=i) for i in range(1, 4)) + "</ul>")
    expected = [((title or shown).format(i=i), day and day.format(i=i)) for i in range(1, 4)]
    assert [(e["title"], e["date_start"]) for e in entries] == expected


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


def test_rows_whose_one_link_says_the_same_name_on_every_row_keep_it_as_their_title():
    row = "<tr><td>0{i}/0{i}/2025</td><td>City Hall</td><td><a href='/meeting/{i}'>Regular Meeting</a></td>"
    row += "<td><a href='/agenda/{i}.pdf'>Agenda</a></td></tr>"
    entries = _entries("<table>" + "".join(row.format(i=i) for i in range(1, 5)) + "</table>")
    assert [(e["title"], e["url"]) for e in entries] == [
        ("Regular Meeting", f"https://example.org/meeting/{i}") for i in range(1, 5)
    ]


@pytest.mark.parametrize(
    "teaser", ["The troop sells its cookies at the town hall.", "Notes by tcyiookieq and others.", "A fair on Friday."]
)
def test_an_entry_that_speaks_of_cookies_is_no_cookie_banner(teaser):
    """A stranger's crawl lost an entry whose teaser held "ookie": any short block near a link mentioning
    cookies was taken for a cookie banner. A banner says the site uses cookies, or links its policy."""
    row = "<li><h3><a href='/n/{i}'>{title}</a></h3><p>{teaser}</p></li>"
    titles = ["Girl Scout cookie sale opens at city hall", "Council approves the budget", "Library hours change"]
    items = "".join(row.format(i=i, title=t, teaser=teaser) for i, t in enumerate(titles))
    entries = _entries(f"<ul>{items}</ul>")
    assert [e["title"] for e in entries] == titles


def test_a_huge_title_of_many_dashes_is_not_cut_at_every_dash(monkeypatch):
    """A hostile title of thousands of " - " parts was cut at each one and every cut read as a possible date
    (seconds a title, quadratic); only cuts near its edges, in a title of sensible length, are looked at."""
    from crawler.extract import edge_dates

    assert edge_dates.without_edge_date("Annual Conference on Wages - 12 May 2020") == "Annual Conference on Wages"
    calls = []
    read = edge_dates.date_in_line
    monkeypatch.setattr(edge_dates, "date_in_line", lambda text: calls.append(text) or read(text))
    assert edge_dates.without_edge_date(" - ".join(["word 12 May 2020"] * 3000)).startswith("word 12 May 2020 - ")
    assert len(calls) <= 4


def test_a_list_of_thousands_of_links_is_read_in_linear_work(monkeypatch):
    """A page of thousands of list items: every one an entry. Looking for a featured entry beside the list
    scanned every record for each of its siblings (a stranger's 4,000 items took 17 s, 30,000 over 10 min)."""
    from crawler.extract import companions

    calls = []
    contains = companions.contains
    monkeypatch.setattr(companions, "contains", lambda anc, el: calls.append(1) or contains(anc, el))
    items = "".join(f"<li><a href='/{i}'>Title {i}</a></li>" for i in range(10_000))
    entries = _entries(f"<ul>{items}</ul>")
    assert len(entries) == 10_000 and entries[-1]["title"] == "Title 9999"
    assert len(calls) < 1_000  # it was one call per record for every sibling: 10,000 x 10,000
