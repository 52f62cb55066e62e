"""The generic extractor's dates from elements made to hold one: <time datetime>, a date box of day and month, a
microformat, an element named as the date; when a machine date gives way to the date shown. Each shape in small
synthetic HTML."""

import pytest
from synthetic import URL
from synthetic import generic_entries as _entries

POSTS = ["Storm reaches the northern coast", "Roads closed near the harbour", "Ferries cancelled until evening"]
POSTS += ["Schools reopen after the storm"]


def _live_post(number: int, title: str, shown: str) -> str:
    return (
        f"<article><h2><a href='/live/{number}'>{title}</a></h2><time datetime='2024-03-05'>{shown}</time>"
        f"<p>What happened on the coast today, in a few words.</p></article>"
    )


@pytest.mark.parametrize(
    "shown",
    [["9:15", "10:40", "12:05", "14:30"], ["1 hour ago", "2 hours ago", "4 hours ago", "6 hours ago"]],
    ids=["times", "relative"],
)
def test_posts_of_one_day_showing_their_times_keep_the_day_their_datetime_gives(shown):
    # a live blog: every post's datetime is that day (truly), the text shows the hour or how long ago; the times
    # are no dates that differ from it, so the datetime is no build time stamped alike
    rows = "".join(_live_post(n, t, s) for n, (t, s) in enumerate(zip(POSTS, shown, strict=True)))
    entries = _entries(f"<h1>Live news</h1>{rows}", "<html lang='en'>")
    assert [e["title"] for e in entries] == POSTS
    assert [e["date_start"] for e in entries] == ["2024-03-05"] * len(POSTS)


def test_a_time_element_beside_a_heading_closing_on_another_day_gives_the_entrys_date():
    """<h3>Soirée d'Halloween - 21 octobre 2023</h3><time>10 oct. 2023</time> (no datetime): the date the markup
    marks is the entry's; the heading's day is its event's, cut from the title still. Without a <time>, an element
    that is wholly a date is the record's own date line and wins the same way (pt-demar-eel-usp-noticias)."""

    def cards(time_tag):
        days = [("Souper et soirée d'Halloween - 21 octobre 2023", "10 oct. 2023")]
        days += [
            ("Soirée du nouvel an - 31 décembre 2023", "1 déc. 2023"),
            ("Assemblée générale annuelle", "9 oct. 2023"),
        ]
        return "".join(
            f"<div class='card'><h3>{title}</h3><{time_tag} class='text-muted'>{day}</{time_tag}><p>Venez célébrer"
            f" avec nous, numéro {i}.</p><a href='/n/{i}/' class='stretched-link'>Poursuivre la lecture</a></div>"
            for i, (title, day) in enumerate(days)
        )

    entries = _entries(f"<div class='row'>{cards('time')}</div>", "<html lang='fr'>")
    assert [e["title"] for e in entries] == [
        "Souper et soirée d'Halloween",
        "Soirée du nouvel an",
        "Assemblée générale annuelle",
    ]
    assert [e["date_start"] for e in entries] == ["2023-10-10", "2023-12-01", "2023-10-09"]
    plain = _entries(f"<div class='row'>{cards('span')}</div>", "<html lang='fr'>")
    assert [e["date_start"] for e in plain] == ["2023-10-10", "2023-12-01", "2023-10-09"]


def test_a_date_box_of_a_day_then_a_month_and_two_figures_reads_them_as_the_year():
    """<figure><a><img></a><div class="news-date">25<span>fév 24</span></div></figure> in each card: the figures
    after a day and a month's name are the year; the picture and its date box are a part of each card, not a
    list of their own that the cards repeat."""
    days = [("25", "fév 24"), ("15", "jan 24"), ("14", "déc 23")]
    cards = "".join(
        f"<div class='col'><article class='inner-box'><figure class='image-box'><a href='/p/{i}/'><img src='/i{i}.jpg'>"
        f"</a><div class='news-date'>{day}<span class='month'>{month}</span></div></figure><div class='content-box'>"
        f"<h3><a href='/p/{i}/'>Une tribune sur le sujet numéro {i} et ses suites</a></h3><div class='text'>Le texte"
        f" du billet {i} ...</div><a href='/p/{i}/' class='read-more'>Lire la suite</a></div></article></div>"
        for i, (day, month) in enumerate(days)
    )
    entries = _entries(f"<section class='latest-news'>{cards}</section>", "<html lang='fr'>")
    assert [e["title"] for e in entries] == [f"Une tribune sur le sujet numéro {i} et ses suites" for i in range(3)]
    assert [e["date_start"] for e in entries] == ["2024-02-25", "2024-01-15", "2023-12-14"]


def test_a_date_box_of_a_day_a_month_and_a_year_each_in_its_own_element_reads_them_whole():
    """<a class="card"><h1>Title</h1><img><div class="flex"><div>5</div><div><div>dicembre</div><div>2021</div>
    </div></div></a> (an Italian choir's events, issue 21): the year, the only piece that is a date alone, is
    read with the box holding the day and month, not as the year the whole entry is dated by."""
    days = [("5", "dicembre", "2021"), ("17", "ottobre", "2021"), ("20", "giugno", "2020")]
    cards = "".join(
        f"<a href='/eventi/concerto-{i}/' class='card'><div class='box'><h1>Concerto numero {i}</h1>"
        f"<img src='/eventi/{i}.jpg' alt=''><div class='flex'><div class='big'>{day}</div><div class='col'>"
        f"<div class='month'>{month}</div><div class='year'>{year}</div></div></div></div></a>"
        for i, (day, month, year) in enumerate(days)
    )
    entries = _entries(f"<h1>Archivio eventi</h1><div class='grid'>{cards}</div>", "<html lang='it'>")
    assert [e["title"] for e in entries] == [f"Concerto numero {i}" for i in range(3)]
    assert [e["date_start"] for e in entries] == ["2021-12-05", "2021-10-17", "2020-06-20"]


@pytest.mark.parametrize(
    ("lang", "months", "after"),
    [
        ("en", ("Mar", "Feb", "Jan"), ""),
        ("fr", ("mars", "févr", "janv"), "<span class='published'>14 mars 2024</span><span>20 mars 2024</span>"),
    ],
)
def test_a_date_box_of_pieces_run_together_without_spaces_reads_them_spaced(lang, months, after):
    """<span class="meta-date"><a><span>out</span><span>06</span><span>2015</span>…</a></span> (a WordPress theme's
    date badge, issue 21): the month, day and year sit in elements the style alone sets apart, so the text runs
    them together ("Mar142024"); read spaced they are the date, not the bare year the last piece shows alone. The
    published and updated dates in words after the pieces, when the theme writes them, agree with the first."""
    days = [("14", "2024"), ("02", "2024"), ("30", "2023")]
    posts = "".join(
        f"<div class='post'><div class='postmeta'><span class='meta-date'><a href='/p/{i}/'><span class='m'>{month}"
        f"</span><span class='d'>{day}</span><span class='y'>{year}</span>{after}</a></span><span class='by'>by "
        f"<span>Ana</span></span></div><h3><a href='/p/{i}/'>Post number {i} on the garden</a></h3><p>Some text of the"
        f" post {i} that runs on for a while about the garden and what grows in it this season.</p></div>"
        for i, (month, (day, year)) in enumerate(zip(months, days, strict=True))
    )
    entries = _entries(f"<div id='posts'>{posts}</div>", f"<html lang='{lang}'>")
    assert [e["title"] for e in entries] == [f"Post number {i} on the garden" for i in range(3)]
    assert [e["date_start"] for e in entries] == ["2024-03-14", "2024-02-02", "2023-01-30"]


@pytest.mark.parametrize(("first", "second"), [("05", "06"), ("Feb", "31")])
def test_a_date_box_of_pieces_in_figures_alone_or_naming_no_day_gives_no_day(first, second):
    """Pieces run together in figures alone ("05" "06" "2015": which is the month the box does not say) or naming
    a day the month lacks ("Feb" "31") are no day read spaced: at most the year they show."""
    posts = "".join(
        f"<div class='post'><div class='postmeta'><span class='meta-date'><a href='/p/{i}/'><span>{first}</span>"
        f"<span>{second}</span><span>2015</span></a></span><span class='by'>by <span>Ana</span></span></div><h3><a"
        f" href='/p/{i}/'>Post number {i} on the garden</a></h3><p>Some text of the post {i} that runs on for a while"
        " about the garden and what grows in it this season.</p></div>"
        for i in range(3)
    )
    entries = _entries(f"<div id='posts'>{posts}</div>", "<html lang='en'>")
    assert [e["title"] for e in entries] == [f"Post number {i} on the garden" for i in range(3)]
    assert all(e["date_precision"] != "day" for e in entries)


def test_an_element_named_as_the_date_on_the_titles_own_long_line_gives_the_date():
    """<li><a>Title</a> <span class="date">12 March 2021</span> <span>a teaser of many words</span></li>: the
    record is one line, which holds the title, so no line of its own is read for the date: the element the
    markup names as the date is. An element named otherwise on that line gives none."""

    def items(name):
        return "".join(
            f"<li><a href='/a{i}'>Town council meeting number {i}</a> <span class='{name}'>{i + 1} March 2021</span>"
            f" <span>The council met again to talk about the budget, the roads and the parks, item {i}.</span></li>"
            for i in range(3)
        )

    entries = _entries(f"<ul>{items('date')}</ul>", "<html lang='en'>")
    assert [e["title"] for e in entries] == [f"Town council meeting number {i}" for i in range(3)]
    assert [e["date_start"] for e in entries] == ["2021-03-01", "2021-03-02", "2021-03-03"]
    assert [e["date_start"] for e in _entries(f"<ul>{items('note')}</ul>", "<html lang='en'>")] == [None] * 3


def test_a_date_in_its_own_element_after_a_dash_in_a_long_line_is_a_part_of_it_not_prose():
    """<p>#124: Workshop - <span>zaterdag 13 december 2025</span> <span>@ a long address …</span></p>: a line longer
    than a meta line, but the date stands after a dash in an element of its own: one of the line's parts. The same
    element inside a sentence is prose, and gives none."""

    def cards(joint):
        return "".join(
            f"<div class='dojo'><h3><a href='/d/{i}'>Workshop games maken nummer {i}</a></h3><p>#{i}: Workshop"
            f"{joint}<span>zaterdag {i + 4} oktober 2025</span> <span class='locatie'>@ Keizer Karelplein 32, 6511 NH"
            f" Nijmegen, bij de bibliotheek</span></p><p>We gaan weer een game maken, nummer {i}.</p></div>"
            for i in range(3)
        )

    entries = _entries(cards(" - "), "<html lang='nl'>")
    assert [e["date_start"] for e in entries] == ["2025-10-04", "2025-10-05", "2025-10-06"]
    assert [e["date_start"] for e in _entries(cards(" met de kinderen op "), "<html lang='nl'>")] == [None] * 3


NEWS = ["Semana acadêmica de computação", "Resultado do edital de monitoria", "Defesas de TCC do semestre"]
NEWS += ["Nota de falecimento"]


SHOWN = ["2021-10-18", "2021-09-20", "2021-07-05", "2020-11-05"]


def _media_row(title: str, shown: str, stamp: str) -> str:
    slug = title.lower().replace(" ", "-")
    return (
        f"<div class='media'><a href='{URL}{slug}/'><img src='/t.png' alt=''></a><div class='media-body'>"
        f"<h4><a href='{URL}{slug}/'>{title}</a></h4><ul class='meta'><li>Autor</li>"
        f"<li><time datetime='{stamp}' itemprop='datePublished'>{shown}</time></li></ul>"
        f"<p>Um resumo da notícia, com algumas palavras.</p><a href='{URL}{slug}/'>ler mais</a></div></div>"
    )


def test_a_datetime_stamped_alike_on_every_entry_gives_way_to_the_dates_the_entries_show():
    # a static site's build time in every <time datetime>, each post's own date in the element's text
    rows = "".join(_media_row(t, d, "2021-10-18T20:20:37Z") for t, d in zip(NEWS, SHOWN, strict=True))
    entries = _entries(f"<h2>Notícias</h2>{rows}", "<html>")
    assert [e["title"] for e in entries] == NEWS
    assert [e["date_start"] for e in entries] == SHOWN


def test_a_datetime_of_each_entry_still_completes_a_date_shown_without_its_year():
    # the guard: per-entry datetimes ("3 May" shown) keep giving the year
    shown = ["3 May", "20 April", "2 March", "9 February"]
    stamps = ["2022-05-03", "2022-04-20", "2022-03-02", "2022-02-09"]
    rows = "".join(_media_row(t, d, s) for t, d, s in zip(NEWS, shown, stamps, strict=True))
    entries = _entries(f"<h2>News</h2>{rows}", "<html lang='en'>")
    assert [e["date_start"] for e in entries] == stamps


def test_a_whole_date_a_time_element_shows_wins_over_a_datetime_that_differs():
    # each post's <time> shows when it was posted; its datetime is when it was last changed (each a different day)
    shown = ["18 October 2021", "2021-09-20", "5 July 2021", "2020-11-05"]
    stamps = ["2023-01-09T10:00:00Z", "2023-02-11T10:00:00Z", "2023-03-14T10:00:00Z", "2023-04-18T10:00:00Z"]
    rows = "".join(_media_row(t, d, s) for t, d, s in zip(NEWS, shown, stamps, strict=True))
    entries = _entries(f"<h2>News</h2>{rows}", "<html lang='en'>")
    assert [e["date_start"] for e in entries] == ["2021-10-18", "2021-09-20", "2021-07-05", "2020-11-05"]


def test_a_datetime_still_settles_the_order_of_figures_a_time_element_shows():
    # the guard: "03/10/2017" on a US page could be 10 March; the datetime says 3 October, the page's own order
    # being no more than a guess for figures
    shown = ["03/10/2017", "02/09/2017", "01/08/2017", "04/07/2017"]
    stamps = ["2017-10-03", "2017-09-02", "2017-08-01", "2017-07-04"]
    rows = "".join(_media_row(t, d, s) for t, d, s in zip(NEWS, shown, stamps, strict=True))
    entries = _entries(f"<h2>News</h2>{rows}", "<html lang='en-US'>")
    assert [e["date_start"] for e in entries] == stamps


def test_a_time_element_with_an_empty_datetime_is_read_from_its_text():
    row = "<article><h2><a href='/p/{i}'>Annual report number {i}</a></h2><time datetime>August 1{i}, 2019</time>"
    row += "</article>"
    entries = _entries("".join(row.format(i=i) for i in range(3)), "<html lang='en'>")
    assert [e["date_start"] for e in entries] == ["2019-08-10", "2019-08-11", "2019-08-12"]


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


def test_a_day_box_opening_a_record_still_dates_it():
    rows = "".join(
        f"<div class='row'><div class='day'>{day} lug</div><div class='col'><div class='card'>"
        f"<h3><a href='/e/{day}'>Evento numero {day} in piazza</a></h3><p>Una serata di musica e parole.</p>"
        "</div></div></div>"
        for day in (3, 12, 27)
    )
    entries = _entries(f"<h2>Luglio 2023</h2><div class='list'>{rows}</div>", head="<html lang='it'>")
    assert [e["date_start"] for e in entries] == ["2023-07-03", "2023-07-12", "2023-07-27"]


RELEASES = [
    ("Philippines commissions a fisheries monitoring system", "21/02/2022", "2022-02-21"),
    ("New systems contract signed 25 January 2022", "02/02/2022", "2022-02-02"),
    ("Panama Canal Order – 02 February 2022", "02/02/2022", "2022-02-02"),
    ("Interim results for the six months", "13/12/2021", "2021-12-13"),
]


def _slider(releases) -> str:
    return (
        "<div class='slider'>"
        + "".join(
            f"<div class='item'><a href='/p{i}'><div class='item-content'><div class='left'><p>{title}</p></div>"
            f"<div class='right'><p>{shown}</p></div></div></a></div>"
            for i, (title, shown, _) in enumerate(releases)
        )
        + "</div>"
    )


def test_a_date_in_an_element_of_its_own_inside_a_link_wrapping_the_card_is_the_date():
    entries = _entries(_slider(RELEASES), "<html lang='en-GB'>")
    assert [e["date_start"] for e in entries] == [iso for _, _, iso in RELEASES]
    titles = [e["title"] for e in entries]
    # a date run into the words stays; one after a dash at the end goes, the element's date standing
    assert titles == [RELEASES[0][0], RELEASES[1][0], "Panama Canal Order", RELEASES[3][0]]


def _agenda() -> str:
    """An agenda: month headings, then rows each opening on a day box ("27" over "lug"), beside a card holding
    the event's time, organiser and title (one row holds two cards under one day)."""

    def row(day, month, *titles):
        cards = "".join(
            "<div class='card'><div class='card-body'><div class='category mid-caption'><span>Ore 11:00</span>"
            f"<span>Il Dipartimento</span></div><h3><a href='/agenda/{day}{month}{k}'>{t}</a></h3></div></div>"
            for k, t in enumerate(titles)
        )
        box = f"<div class='col-lg-1'><div class='box'><p>{day}</p><p><span>{month}</span></p></div></div>"
        return f"<div class='row'>{box}<div class='col-lg-6'>{cards}</div><div class='col-lg-4'></div></div>"

    return (
        "<div class='container'><div class='col-12'><h4>Luglio 2023</h4></div>"
        + row("27", "lug", "PA digitale 2026: le ultime novità")
        + row("21", "lug", "Migrazione in Cloud: consigli tecnici", "Esperienza del cittadino: un incontro")
        + "<div class='col-12'><h4>Giugno 2023</h4></div>"
        + row("8", "giu", "Webinar per le Scuole con il Ministero")
        + row("5", "giu", "Fondo per la Repubblica Digitale: due incontri")
        + "</div>"
    )


def test_a_day_box_opening_the_row_beside_a_card_is_its_date_the_month_heading_its_year():
    entries = _entries(_agenda(), "<html lang='it'>")
    assert [e["date_start"] for e in entries] == ["2023-07-27", "2023-07-21", "2023-07-21", "2023-06-08", "2023-06-05"]
    assert [e["credit"] for e in entries] == [None] * 5  # "mid-caption" sizes a line of text: no photo credit


def test_a_date_box_without_a_year_takes_it_from_the_same_day_written_whole_in_the_title():
    """<div class="month">May</div><div class="day">12</div> beside 'May 2026 Monthly Meeting – 5/12/2026 – In
    Person and via Zoom' (the title's date in its middle, so no edge date): the title's whole date of that same
    day and month gives the box its year. A title's date of another day leaves the box without one."""
    meetings = [("May", "12", "May 2026 Monthly Meeting – 5/12/2026 – In Person and via Zoom"),
                ("May", "14", "Communications Committee Meeting – 5/14/2026"),
                ("Jun", "3", "Economic Vitality Committee – 6/30/2026 – via Zoom"),
                ("Jun", "11", "Communications Committee Meeting – 6/11/2026")]  # fmt: skip
    posts = "".join(
        f"<article class='post'><div class='date'><div class='month'>{month}</div><div class='day'>{day}</div></div>"
        f"<div class='info'><h4><a href='/meeting/{i}/'>{title}</a></h4><p>9:00 a.m.</p></div></article>"
        for i, (month, day, title) in enumerate(meetings)
    )
    entries = _entries(posts, "<html lang='en-US'>")
    assert [e["date_start"] for e in entries] == ["2026-05-12", "2026-05-14", None, "2026-06-11"]


@pytest.mark.parametrize(
    ("lang", "month_shown", "season_shown"),
    [
        ("fr", "Fin juillet 2027", "Automne 2026"),
        ("de", "Ende Juli 2027", "Herbst 2026"),
        ("en", "Late July 2027", "Fall 2026"),
    ],
)
def test_a_time_element_showing_less_than_its_datetime_gives_the_date_as_shown(lang, month_shown, season_shown):
    """fr-comite-fetes-luglon-evenements (issue 21): <time datetime="2027-07-29">Fin juillet 2027</time> shows the
    month, the finest date a reader is told: the month, not the hidden day; "Automne 2026" (a season of a year, no day
    nor month) gives no date; a day shown is read as ever."""
    cards = [(month_shown, "2027-07-29"), (season_shown, "2026-11-14"), ("20/03/2027", "2027-03-20")]
    html = "".join(
        f"<article class='event-card'><p class='date'><time datetime='{iso}'>{shown}</time> · Salle</p>"
        f"<h3>Évènement numéro {i}</h3><p>Ce que le comité organise, numéro {i}.</p>"
        f"<a href='/evenements/{i}/'>En savoir plus</a></article>"
        for i, (shown, iso) in enumerate(cards)
    )
    entries = _entries(f"<section>{html}</section>", f"<html lang='{lang}'>")
    assert [(e["date_start"], e["date_end"], e["date_precision"]) for e in entries] == [
        ("2027-07-01", "2027-07-31", "month"),
        (None, None, None),
        ("2027-03-20", "2027-03-20", "day"),
    ]


def test_a_year_line_beside_a_line_of_a_day_and_month_in_words_is_one_date():
    """A blog's archive (batch X, a Pelican theme: dates 0/23): each item's date split over two headings, the year
    in one, the day and the month in words in the next ("<h5>2018</h5><h4>05 juillet</h4>"), read as 2018-01-01.
    The two lines are one date. A day and month in figures ("7/5") shows no order of its own and dates nothing
    finer than the year."""
    posts = [
        ("2018", "05 juillet", "2018-07-05"),
        ("2017", "11 septembre", "2017-09-11"),
        ("2016", "26 mai", "2016-05-26"),
    ]
    items = "".join(
        f"<div class='item'><h5>{year}</h5><h4>{day}</h4><div class='post'><a href='/post-{i}.html'>Compte-rendu "
        f"numéro {i} du meetup</a></div><p class='meta'>Auteur {i}</p></div>"
        for i, (year, day, _) in enumerate(posts)
    )
    entries = _entries(f"<h1>Archives</h1>{items}", "<html lang='fr'>")
    assert [e["date_start"] for e in entries] == [iso for _, _, iso in posts]
    figures = items.replace("05 juillet", "7/5").replace("11 septembre", "9/11").replace("26 mai", "5/26")
    assert not any((e["date_start"] or "")[5:] not in ("", "01-01") for e in _entries(f"<h1>A</h1>{figures}"))
