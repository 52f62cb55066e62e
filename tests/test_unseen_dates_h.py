"""Dates the generic extractor missed on held-out batches H and I (issue 21), each shape in small synthetic HTML."""

from synthetic import generic_entries as _entries

from crawler.parsers.dates import parse_date


def test_a_date_in_brackets_after_the_title_link_before_the_teaser_is_the_entrys_date():
    """<li><a>Title</a> (04-10-2016)<p>teaser</p></li>: the title's line goes on to its date, day first by its
    figures (13-09 has no 13th month); a bare year after a name is part of the name, not a date."""
    days = ["04-10-2016", "13-09-2016", "02-08-2016"]
    items = "".join(
        f"<li><a href='/n/{i}'>Support for database number {i}</a> ({day})<p>The jobs now run scripts of kind {i}."
        "<br/><br/></p></li>"
        for i, day in enumerate(days)
    )
    entries = _entries(f"<ul>{items}</ul>", "<html lang='ca'>")
    assert [e["title"] for e in entries] == [f"Support for database number {i}" for i in range(3)]
    assert [e["date_start"] for e in entries] == ["2016-10-04", "2016-09-13", "2016-08-02"]
    assert entries[0]["description"] == "The jobs now run scripts of kind 0."

    reports = "".join(
        f"<li><a href='/r/{y}'>Annual report</a> {y}<p>What the year brought to the team.</p></li>"
        for y in (2019, 2020, 2021)
    )
    assert [e["date_start"] for e in _entries(f"<ul>{reports}</ul>", "<html lang='en'>")] == [None] * 3


def _cards(titles: list[str], extra: str = "") -> str:
    return "".join(
        f"<a class='card' href='/s/{i}'><div class='card-title'>{title}</div>{extra}"
        f"<div class='card-summary'><p>Speaker number {i} (Lab)</p></div></a>"
        for i, title in enumerate(titles)
    )


def test_a_title_that_is_a_short_label_and_a_date_gives_that_date_and_stays_whole():
    """<a><div>Séminaire virtuel: vendredi 3 avril 2026</div><p>Speaker</p></a>: the entry shows no other date,
    and its title names it by one; the title stays as shown. A date line of its own wins over the title's; a
    bare year, or a date inside more words after the label, gives none."""
    titles = ["Séminaire virtuel: vendredi 3 avril 2026", "Séminaire virtuel: vendredi 13 mars 2026"]
    entries = _entries(f"<div class='list'>{_cards(titles * 2)}</div>", "<html lang='fr'>")
    assert [e["title"] for e in entries][:2] == titles
    assert [e["date_start"] for e in entries][:2] == ["2026-04-03", "2026-03-13"]

    dated = _entries(f"<div class='list'>{_cards(titles, '<p>Publié le 2 mars 2026</p>')}</div>", "<html lang='fr'>")
    assert [e["date_start"] for e in dated] == ["2026-03-02", "2026-03-02"]

    others = ["Rapport annuel: 2019", "Séminaire: 3 avril 2026 à Paris et en ligne", "Rapport annuel: 2020"]
    assert [e["date_start"] for e in _entries(f"<div class='list'>{_cards(others)}</div>", "<html lang='fr'>")] == [
        None
    ] * 3


def test_a_meta_line_opening_on_a_numeric_day_then_its_category_gives_the_date():
    """<h5><a>Title</a></h5><p><small>13.12.2023 dans News</small></p><p>teaser</p>: a line opens on a whole
    numeric day, then names its category; a heading closing on its month (" - avril 2023") gives way to that
    day. A bare year opening such a line ("2023 dans News") is no date."""
    posts = [("Présentation du projet", "13.12.2023"), ("Revue et plan - avril 2023", "24.04.2023")]
    posts += [("Forum des solutions", "06.02.2023")]

    def items(meta):
        return "".join(
            f"<li><h5><a href='/blog/{i}'>{title}</a></h5><p><small>{meta or day} dans News</small></p>"
            f"<p>Le texte du billet numéro {i}, assez long pour être un résumé.</p></li>"
            for i, (title, day) in enumerate(posts)
        )

    entries = _entries(f"<ul>{items(None)}</ul>", "<html lang='fr'>")
    assert [e["title"] for e in entries] == ["Présentation du projet", "Revue et plan", "Forum des solutions"]
    assert [e["date_start"] for e in entries] == ["2023-12-13", "2023-04-24", "2023-02-06"]
    assert entries[0]["description"] == "Le texte du billet numéro 0, assez long pour être un résumé."
    assert [e["date_start"] for e in _entries(f"<ul>{items('2023')}</ul>", "<html lang='fr'>")][::2] == [None] * 2


def test_a_time_element_beside_a_heading_closing_on_another_day_gives_the_entrys_date():
    """<h3>Soirée d'Halloween - 21 octobre 2023</h3><time>10 oct. 2023</time> (no datetime): the date the markup
    marks is the entry's; the heading's day is its event's, cut from the title still. Without a <time>, the
    heading's day stays the date."""

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
    assert [e["date_start"] for e in plain][:2] == ["2023-10-21", "2023-12-31"]


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


def test_two_figures_after_a_day_and_a_month_are_a_year_only_when_they_close_the_date():
    assert parse_date("25 fév 24").start.isoformat() == "2024-02-25"
    assert parse_date("Mon 14 Dec 23").start.isoformat() == "2023-12-14"
    assert parse_date("3 May 99").start.isoformat() == "1999-05-03"
    for text in ("Feb 24", "fév 24", "12 Dec 10:30", "12 Dec 10 am", "25 spam 24"):
        assert parse_date(text) is None, text


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


def test_the_date_a_post_was_updated_gives_way_to_the_date_it_was_published():
    """<time class="updated">1 January 2022</time><time class="entry-date published">12 March 2021</time>: a
    theme that writes the update first still dates the post by its publication; an update alone dates it."""

    def posts(published):
        return "".join(
            f"<article><h2><a href='/a{i}'>Town council meeting number {i}</a></h2><div class='entry-meta'>"
            f"<time class='updated' datetime='2022-01-0{i + 1}T00:00:00+00:00'>{i + 1} January 2022</time>"
            + (
                f"<time class='entry-date published' datetime='2021-03-1{i}'>1{i} March 2021</time>"
                if published
                else ""
            )
            + f"</div><p>The council met again, item {i}.</p></article>"
            for i in range(3)
        )

    entries = _entries(posts(True), "<html lang='en'>")
    assert [e["date_start"] for e in entries] == ["2021-03-10", "2021-03-11", "2021-03-12"]
    assert [e["date_start"] for e in _entries(posts(False), "<html lang='en'>")] == [f"2022-01-0{i}" for i in (1, 2, 3)]


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


def test_a_date_alone_on_its_line_in_an_inline_element_between_breaks_is_the_date():
    """<p><a>Title</a><br><em>12 March 2021</em><br>teaser</p>: the record is one paragraph holding the title, and
    its date is a line of its own in an element of its own. Inside a sentence (<p>… on <b><i>date</i></b> …</p>)
    it is no date line."""
    items = "".join(
        f"<p><a href='/a{i}'>Town council meeting number {i}</a><br><em>{i + 1} March 2021</em><br>The council met"
        f" again, item {i}.</p>"
        for i in range(3)
    )
    assert [e["date_start"] for e in _entries(f"<div>{items}</div>")] == ["2021-03-01", "2021-03-02", "2021-03-03"]
    prose = "".join(
        f"<p><a href='/a{i}'>Town council meeting number {i}</a><br>The council met on <b><i>{i + 1} March 2021</i></b>"
        f"<br>to talk, item {i}.</p>"
        for i in range(3)
    )
    assert [e["date_start"] for e in _entries(f"<div>{prose}</div>")] == [None] * 3


def test_a_version_number_after_a_titles_label_is_no_date():
    """'Release: 1.10.12' names a version, not the 1st of October 2012: figures alone after the label are a date
    only with a four-figure year ('Séminaire: 03/04/2026'); a month's name still reads ('News: 25 Feb 24')."""
    versions = ["Release: 1.10.12", "Release: 2.1.24", "Release: 3.4.11"]
    assert [e["date_start"] for e in _entries(f"<div class='list'>{_cards(versions)}</div>")] == [None] * 3

    dated = ["Séminaire: 03/04/2026", "News: 25 Feb 24", "Séminaire: 13/03/2026"]
    assert [e["date_start"] for e in _entries(f"<div class='list'>{_cards(dated)}</div>", "<html lang='fr'>")] == [
        "2026-04-03",
        "2024-02-25",
        "2026-03-13",
    ]


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
