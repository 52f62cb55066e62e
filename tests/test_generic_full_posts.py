"""The generic extractor on posts shown in full under linked headings: the headings are the entries, and a day and
month take the year the post's address states."""

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


def test_a_day_and_month_shown_without_a_year_take_the_year_the_posts_own_address_states():
    # "<h2><a href='/news/2020/07/20/…'>Title</a> <span>20.7.</span></h2>": the address names that day, so its year
    entries = _entries(_full_posts(SHOWN, SLUGS), "<html lang='fi'>")
    assert [e["date_start"] for e in entries] == ["2020-07-20", "2020-04-19", "2019-04-15", "2019-04-09"]
    # an address of another day (or none) leaves the year unknown: no date
    other = ["2020/07/21/seventh", "2020/04/19/solo", "news-without-a-day", "2019/09/04/new-paths"]
    entries = _entries(_full_posts(SHOWN, other), "<html lang='fi'>")
    assert [e["date_start"] for e in entries] == [None, "2020-04-19", None, None]


def test_a_day_and_month_take_the_year_a_slug_writes_out_with_them():
    """<h2>Zondag 9 september | Speciale gast</h2><p><a href='/nieuws/9sept2012-gast/'>>> Lees meer <<</a></p> (a
    church's news, issue 21): the address's last part writes the same day and month with a year ("9sept2012",
    "2012-09-16-…") on the weekday shown, so that year. A slug's figures are words of its name, not a stated
    date as /2012/09/09/ is: with no weekday shown ("14 oktober"), the year stays unknown. A slug of another day
    or of no year gives none either, but the weekday shown does, among the dated neighbours' years (2012)."""
    posts = [
        ("Zondag 9 september", "9sept2012-speciale-gast", "2012-09-09"),
        ("Zondag 16 september", "2012-09-16-doopdienst", "2012-09-16"),
        ("Zondag 23 september", "24-september-2012-concert", "2012-09-23"),
        ("Zondag 30 september", "september-dienst", "2012-09-30"),
        ("14 oktober", "2012-10-14-dienst", None),
    ]
    items = "".join(
        f"<div class='post'><h2>{day} | Bijeenkomst nummer {i}</h2><p>Een avond met muziek en een spreker.</p><p>"
        f"<a href='/nieuws/{slug}/'>&gt;&gt; Lees meer &lt;&lt;</a></p></div>"
        for i, (day, slug, _) in enumerate(posts)
    )
    entries = _entries(f"<h1>Nieuws</h1>{items}", "<html lang='nl-nl'>")
    assert [e["title"] for e in entries] == [f"Bijeenkomst nummer {i}" for i in range(5)]
    assert [e["date_start"] for e in entries] == [iso for _, _, iso in posts]
