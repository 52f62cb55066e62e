"""The generic extractor's dates on shapes where a record's date sits in a line, cell or heading of its own and
another date-like text comes first (issue 21), in synthetic pages: one test per rule."""

from crawler.entries import build_entries
from crawler.extract import extract_page

URL = "https://example.org/blog/"
CHROME = '<header><nav><a href="/">Home</a> <a href="/about/">About us</a></nav></header>'


def _entries(body: str, url=URL, lang="en"):
    html = f'<html lang="{lang}"><body>{CHROME}<main>{body}</main><footer>Contact</footer></body></html>'
    return build_entries(extract_page(html, url, "auto"), url)


def test_a_year_category_line_yields_to_the_day_line_after_it():
    """ "in <a>2017</a>" (a category named by a year) over "October 9, 2017": the year is no finer than the day
    line below it, which is the post's date; a category of words leaves the day line alone anyway."""
    post = (
        '<div class="post"><h2><a href="/blog/{slug}/">{title}</a></h2>'
        '<p class="category">in <a href="/categories/{cat}">{cat}</a></p>'
        '<p class="date"><a href="/blog/{slug}/">{day}</a></p>'
        "<p>What the chapter did that season, told at some length for its members.</p></div>"
    )
    rows = [
        ("spring-talks", "Spring talks and networking", "Events", "April 17, 2018"),
        ("fall-course", "Fall course and seminars", "2017", "October 9, 2017"),
        ("hello", "Hello and welcome", "News", "July 23, 2015"),
    ]
    body = "".join(post.format(slug=s, title=t, cat=c, day=d) for s, t, c, d in rows)
    assert [(e["date_start"], e["date_precision"]) for e in _entries(body)] == [
        ("2018-04-17", "day"),
        ("2017-10-09", "day"),
        ("2015-07-23", "day"),
    ]
