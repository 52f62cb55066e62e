"""A profile whose date selector is the title's own element (`title = "h2"`, `date = "h2"`, as `learn` writes for
headings "DD.MM.YYYY | Title"): the date at the title's edge is the entry's date, however long the title runs."""

from synthetic import ISO, TITLES, URL, page

from crawler.entries import build_entries
from crawler.extract import extract_page
from crawler.extract.profiles import profile_from_text

PROFILE = """name = "example.org"
description = "Listing pages of example.org"
domains = ["example.org"]

[selectors]
entry = "ul#results > li"
title = "h2"
date = "h2"
"""


def test_a_title_opening_on_its_date_keeps_that_date_however_long_its_words_run():
    # Blog posts as linked cards: each heading "DD.MM.YYYY | Title", one title running on long after a dash
    # (too long a line to be a date line). The heading's opening date is the post's date, however long the title.
    days = ["12.03.2023", "03.02.2023", "20.01.2023", "05.01.2023"]
    long_title = f"{TITLES[1]} - what the anglers of the valley will have to learn before the spring season opens"
    titles = [TITLES[0], long_title, *TITLES[2:]]
    cards = "".join(
        f'<li><a href="/blog/post-{i}/"><h2>{d} | {t}</h2><p>A short teaser of the post.</p></a></li>'
        for i, (t, d) in enumerate(zip(titles, days, strict=True))
    )
    html = page(f'<ul id="results">{cards}</ul>')
    profile = profile_from_text(PROFILE, "test profile")
    entries = build_entries(extract_page(html, URL, profile), URL, URL, profile)
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(titles, ISO, strict=True))
