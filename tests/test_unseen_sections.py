"""Listing shapes of real pages the generic extractor read wrong (issue 21, held-out batch C), each in small
synthetic HTML. Earlier batches: tests/test_unseen_patterns.py, test_unseen_shapes.py, test_unseen_rows.py."""

from synthetic import generic_entries as _entries

from crawler.parsers.datelines import date_at_edge
from crawler.parsers.dates import looks_like_date_line

POSTS = [
    ("Ruby 3.1.1 released", "2022-02-18"),
    ("Ruby 3.1.0 released", "2021-12-25"),
    ("CVE-2021-41819: Cookie prefix spoofing", "2021-11-24"),
]


def test_a_byline_closing_on_a_one_word_numeric_date_gives_the_date():
    rows = "".join(
        f"<div class='post'><h3><a href='/news/{i}/'>{title}</a></h3>"
        f"<p class='link'><a href='/news/{i}/'>Read more...</a></p><p class='info'>Posté par naruse le {day}</p></div>"
        for i, (title, day) in enumerate(POSTS)
    )
    entries = _entries(rows, "<html lang='fr'>")
    assert [(e["title"], e["date_start"]) for e in entries] == POSTS


def test_a_line_closing_on_a_bare_number_or_year_has_no_date():
    assert date_at_edge("Posted by naruse on 18.02.2022") == "18.02.2022"
    assert date_at_edge("Posted in 2022") is None
    assert date_at_edge("Seats left: 12") is None


EVENTS = [
    ("7. März 2020", "Django Girls Stuttgart", "https://djangogirls.org/stuttgart/"),
    ("14. März 2020", "Chemnitzer Linux Tage", "https://clt.example.org/2020/"),
    ("20. Okt. 2019", "Django Girls Leipzig", "https://djangogirls.org/leipzig/"),
]


def test_a_link_showing_its_own_address_is_a_pointer_and_the_heading_names_the_entry():
    rows = "".join(
        f"<div class='appointment'><h3><span class='date'>{day}</span>{name}</h3>"
        f"<div><p>The free workshop is planned for {day} and still looks for mentors!</p></div>"
        f"<p><a class='more' href='{url}'>{url}</a></p></div>"
        for day, name, url in EVENTS
    )
    entries = _entries(rows, "<html lang='de'>")
    assert [(e["title"], e["url"]) for e in entries] == [(name, url) for _, name, url in EVENTS]


SECTIONS = {
    "About us": ["Who we are", "Becoming a volunteer with us"],
    "Water, sanitation and hygiene": [
        "Our field activities in the WASH program",
        "Handwashing day in Burundi",
        "Construction of a concrete tank for drinking water",
    ],
    "Renewable energy and youth": ["Workshop on energy efficiency in Bujumbura", "Solar lanterns made by youth"],
}


def test_linked_headings_opening_the_sections_of_a_list_are_no_entries():
    def slug(name):
        return name.lower().replace(" ", "-").replace(",", "")

    body = "".join(
        f"<hr><h4 class='cat'><a href='/articles/{slug(section)}'>{section}</a></h4><hr>"
        + "".join(f"<p class='item'><a href='/{slug(name)}'>{name}</a></p>" for name in names)
        for section, names in SECTIONS.items()
    )
    entries = _entries(f"<h3>Articles</h3><div id='list'>{body}</div>", "<html lang='en'>")
    assert [e["title"] for e in entries] == [name for names in SECTIONS.values() for name in names]


OPEN = [
    "Deep learning to predict recurrence in breast cancer",
    "Automated detection of shunts in 4D-CTA",
    "Deep learning to detect artifacts in slide images",
]
CLOSED = [
    "PhD candidate for AI in breast cancer screening",
    "Postdoctoral researcher in computational pathology",
    "Research software engineer",
    "Pneumothorax detection",
]


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")


def test_a_plainer_list_of_pages_in_the_same_directory_beside_the_winning_one_joins_it():
    cards = "".join(
        f"<div class='container'><article class='row'><img src='/i{i}.png'><div class='text'>"
        f"<header><h3 class='entry-title'><a href='/vacancies/{_slug(name)}/'>{name}</a></h3></header>"
        f"<p>Aim of the proposed study is to develop pattern recognition algorithms number {i}.</p>"
        f"<p><a class='btn' href='/vacancies/{_slug(name)}/'>More information</a></p></div></article></div>"
        for i, name in enumerate(OPEN)
    )
    plain = "".join(
        f"<div class='container'><div class='col'><p><a href='/vacancies/{_slug(name)}/'>{name}</a></p></div></div>"
        for name in CLOSED
    )
    html = f"<h2>Student projects</h2><div class='row'>{cards}</div><h2>Closed</h2><div class='row'>{plain}</div>"
    assert [e["title"] for e in _entries(html, "<html lang='en'>")] == OPEN + CLOSED


COLUMNS = [
    ("ΘΑΝΟΣ ΤΣΙΡΟΣ", "Από πού προσδοκά να αντλήσει έσοδα το Δημόσιο το 2021"),
    ("ΜΙΧΑΛΗΣ ΤΣΙΝΤΣΙΝΗΣ", "Αννα Διαμαντοπούλου: Αλιεύματα"),
    ("ΓΙΩΤΑ ΣΥΚΚΑ", "Οι νέοι κανόνες για τα μουσεία"),
]


def test_a_line_of_words_in_another_script_closing_on_a_year_is_no_date_line_and_stays_the_title():
    assert not looks_like_date_line("Από πού προσδοκά να αντλήσει έσοδα το Δημόσιο το 2021")
    assert not looks_like_date_line("Отчёт за 2021")
    rows = "".join(
        f"<div class='row'><article><span class='meta'><a href='/author/{i}/'>{author}</a></span>"
        f"<h2><a href='/economy/{i}/post/'>{title}</a></h2><p>A long teaser about the state budget.</p></article></div>"
        for i, (author, title) in enumerate(COLUMNS)
    )
    entries = _entries(rows, "<html lang='el'>")
    assert [e["title"] for e in entries] == [title for _, title in COLUMNS]


def test_a_heading_without_a_link_names_a_record_whose_lone_link_line_names_another_page():
    rows = "".join(
        f"<div class='appointment'><h3>{name}</h3><div><p>A talk and workshop for everyone, number {i}.</p></div>"
        f"<p><a class='more' href='https://example.org/host/{i}.html'>Events of the University of Leipzig</a></p></div>"
        for i, name in enumerate(["Django Girls introduced", "Python in schools", "Async views in practice"])
    )
    entries = _entries(rows, "<html lang='de'>")
    assert [e["title"] for e in entries] == ["Django Girls introduced", "Python in schools", "Async views in practice"]


def test_a_breadcrumb_trail_inside_the_content_is_no_part_of_the_list():
    trail = (
        "<section id='breadcrumb' class='default-breadcrumbs'><ol class='breadcrumb'>"
        "<li><a href='/'>Conference Live</a></li><li class='active'><a href='/past/'>Past Events</a></li>"
        "</ol></section>"
    )
    items = "".join(f"<li><a href='/e{i}'>{title} - February 1{i}, 2020</a></li>" for i, (title, _) in enumerate(POSTS))
    entries = _entries(f"{trail}<section><h2>Past Events</h2><ul>{items}</ul></section>")
    assert [e["title"] for e in entries] == [title for title, _ in POSTS]


def test_a_day_date_line_says_more_than_the_month_closing_the_title():
    lines = ["<p>March 24, 2017 – March 26, 2017</p>", "<p>May 3, 2017</p>", "", "<p>June 2, 2016</p>"]
    names = ["Hackathon – March 2017", "Lunch and Learn", "Summer Social – August 2017", "Meetup – May 2017"]
    items = "".join(
        f"<div class='event'>{line}<h3><a href='/e{i}'>{name}</a></h3><p>Venue {i}, Ottawa</p></div>"
        for i, (line, name) in enumerate(zip(lines, names, strict=True))
    )
    entries = _entries(items, "<html lang='en'>")
    assert [(e["title"], e["date_start"], e["date_end"]) for e in entries] == [
        ("Hackathon", "2017-03-24", "2017-03-26"),
        ("Lunch and Learn", "2017-05-03", "2017-05-03"),
        ("Summer Social", "2017-08-01", "2017-08-31"),  # no line: the title's month stands
        ("Meetup", "2017-05-01", "2017-05-31"),  # a line outside the title's month does not replace it
    ]
