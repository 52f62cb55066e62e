"""Records of real listing pages the generic extractor read wrong (issue 21, batch N, part B), each in small
synthetic HTML."""

from synthetic import generic_entries as _entries

POSTS = ["Seventh trail cup takes the best paths", "Solo trail cup this spring", "Free entry to the first race"]
POSTS += ["New paths and old classics this year"]
SLUGS = ["2020/07/20/seventh", "2020/04/19/solo", "2019/04/15/free-entry", "2019/04/09/new-paths"]
SHOWN = ["20.7.", "19.4.", "15.4.", "09.4."]


def _full_posts(shown: list[str], slugs: list[str]) -> str:
    # every post in full under its linked heading, no wrapper per post, links in the posts' own text
    texts = [
        "<p>The series starts again on Tuesday. See the <a href='/2020/races/kauppi/'>Kauppi Sports Center stage</a>"
        " page for the route and the parking.</p><p><a href='https://example.com/photos/1'>Photo album of the race"
        ", Heikki V.</a></p>",
        "<p>Run the routes on your own schedule this week. <a href='/2020/races/solo/'>Read more</a></p>",
        "<p>Follow our channels (<a href='https://example.com/tw'>Twitter</a>) for the hidden egg.</p>",
        "<h2>Results</h2><p><a href='https://example.com/results/9'>All the results of the race</a></p>",
    ]
    posts = "".join(
        f"<h2><a href='/news/{slug}.html'>{title}</a> <span>{day}</span></h2><p>The post's first words.</p>{text}"
        for title, slug, day, text in zip(POSTS, slugs, shown, texts, strict=True)
    )
    return f"<div id='blog-post'>{posts}</div>"


def test_posts_shown_in_full_under_linked_headings_are_the_entries_not_the_links_in_their_text():
    entries = _entries(_full_posts(SHOWN, SLUGS), "<html lang='fi'>")
    assert [e["title"] for e in entries] == POSTS
    assert [e["url"] for e in entries] == [f"https://example.org/news/{slug}.html" for slug in SLUGS]


EVENTS = ["Free software for schools", "Open source in the great hall", "A life for the open web"]
EVENT_DAYS = ["01-02-2025", "24-02-2024", "13-01-2024"]
POSTED_DAYS = ["26-01-2025", "19-02-2024", "06-12-2023"]


def test_an_event_card_is_dated_by_its_event_not_by_the_day_it_was_posted():
    # "Evento del 13-01-2024 · pubblicato il 06-12-2023": the event's day, in either order of the two
    for event_first in (True, False):
        cards = ""
        for title, event, posted in zip(EVENTS, EVENT_DAYS, POSTED_DAYS, strict=True):
            parts = [f"Evento del {event}", f"pubblicato il {posted}"]
            meta = " · ".join(parts if event_first else parts[::-1])
            cards += (
                f"<div class='card'><img src='/p.png' alt=''><div class='meta'>{meta}</div><h3>{title}</h3>"
                f"<p>Una serata per parlare di software libero.</p><a href='/eventi/{title[:4]}/'>Continua →</a></div>"
            )
        entries = _entries(f"<div class='grid'>{cards}</div>", "<html lang='it'>")
        assert [e["title"] for e in entries] == EVENTS
        assert [e["date_start"] for e in entries] == ["2025-02-01", "2024-02-24", "2024-01-13"]


def test_a_day_and_month_shown_without_a_year_take_the_year_the_posts_own_address_states():
    # "<h2><a href='/news/2020/07/20/…'>Title</a> <span>20.7.</span></h2>": the address names that day, so its year
    entries = _entries(_full_posts(SHOWN, SLUGS), "<html lang='fi'>")
    assert [e["date_start"] for e in entries] == ["2020-07-20", "2020-04-19", "2019-04-15", "2019-04-09"]
    # an address of another day (or none) leaves the year unknown: no date
    other = ["2020/07/21/seventh", "2020/04/19/solo", "news-without-a-day", "2019/09/04/new-paths"]
    entries = _entries(_full_posts(SHOWN, other), "<html lang='fi'>")
    assert [e["date_start"] for e in entries] == [None, "2020-04-19", None, None]


def test_a_range_run_into_the_title_keeps_its_end_after_the_dash():
    # "Weekend Strojatín 27. února – 1. března 2026": the range opens in the words, so its end is no date apart
    names = ["Weekend camp Strojatín 27. února – 1. března 2026", "Camp by the lake April 30 – May 2, 2026"]
    names += ["Council meeting – 1. března 2026"]
    shown = ["27.02.2026", "30.04.2026", "01.03.2026"]
    cards = "".join(
        f"<article class='item'><h2><a href='/l/{i}/'>{name}</a></h2><div class='item-date'>{day}</div>"
        f"<p>Ahoj! Another trip with the camp, sign up on its page.</p></article>"
        for i, (name, day) in enumerate(zip(names, shown, strict=True))
    )
    entries = _entries(f"<div class='items'>{cards}</div>", "<html lang='cs'>")
    assert [e["title"] for e in entries] == [*names[:2], "Council meeting"]  # a date after the dash alone still parts
    assert [e["date_start"] for e in entries] == ["2026-02-27", "2026-04-30", "2026-03-01"]


def test_a_date_run_into_a_dash_after_a_space_at_the_titles_end_is_no_part_of_the_title():
    # "Polar night in the museum in Puławy -16 MAJA 2026": the event's day; the post's <time> stays its date
    names = ["Polar night in the museum in Puławy -16 MAJA 2026", "Films of the polar club – Lublin 12.03.2026"]
    names += ["Report on COVID -19 in the stations"]
    cards = "".join(
        f"<article><h2><a href='/p/{i}/'>{name}</a></h2><time datetime='2026-05-0{i + 1}'>0{i + 1}/05/2026</time>"
        f"<p>A short teaser of the post, in a few words.</p></article>"
        for i, name in enumerate(names)
    )
    entries = _entries(f"<main>{cards}</main>", "<html lang='pl-PL'>")
    assert [e["title"] for e in entries] == ["Polar night in the museum in Puławy", *names[1:]]
    assert [e["date_start"] for e in entries] == ["2026-05-01", "2026-05-02", "2026-05-03"]


RELEASES = ["Minister opens the new harbour bridge", "Budget statement for the coming year"]
RELEASES += ["New rules for river fishing", "Volunteers plant two thousand trees"]
RELEASE_DAYS = ["1 May 2024", "20 April 2024", "3 March 2024", "9 February 2024"]


def test_a_date_closing_the_titles_line_after_a_kinds_link_dates_the_record():
    # "<li><a>Title</a> <a href=/type/x>Media release</a> <span>1 May 2024</span></li>": the kind sits between
    rows = "".join(
        f"<li><a href='/news/{i}'>{title}</a> <a href='/type/media-release'>Media release</a> <span>{day}</span></li>"
        for i, (title, day) in enumerate(zip(RELEASES, RELEASE_DAYS, strict=True))
    )
    entries = _entries(f"<ul class='news'>{rows}</ul>", "<html lang='en-AU'>")
    assert [e["title"] for e in entries] == RELEASES
    assert [e["date_start"] for e in entries] == ["2024-05-01", "2024-04-20", "2024-03-03", "2024-02-09"]


STORIES = ["Harbour bridge opens to traffic", "Council approves the new budget", "River fishing rules tightened"]
STORIES += ["Volunteers plant two thousand trees"]
SOURCES = [
    "Reuters, June 1, 2024",
    "The Guardian, May 20, 2024",
    "Reuters, April 3, 2024",
    "Local Times, March 9, 2024",
]


def test_a_bare_source_link_alone_in_its_paragraph_under_each_heading_is_no_title():
    # "<h3>Story</h3><p><a>Reuters, June 1, 2024</a></p>" and nothing else: the link is the record, its paragraph
    # holds only it, and the heading before that paragraph names the story
    body = "".join(
        f"<h3>{story}</h3><p><a href='https://news{i}.example.net/story'>{source}</a></p>"
        for i, (story, source) in enumerate(zip(STORIES, SOURCES, strict=True))
    )
    entries = _entries(body, "<html lang='en-US'>")
    assert [e["title"] for e in entries] == STORIES
    assert [e["date_start"] for e in entries] == ["2024-06-01", "2024-05-20", "2024-04-03", "2024-03-09"]
    assert {e["group"] for e in entries} == {None}
