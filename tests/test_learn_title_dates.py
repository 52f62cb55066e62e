"""A profile whose date selector is the title's own element (`title = "h2"`, `date = "h2"`, as `learn` writes for
headings "DD.MM.YYYY | Title"): the date at the title's edge is the entry's date, however long the title runs."""

import pytest
from synthetic import ISO, TITLES, URL, page, read

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


def test_a_meetings_name_of_date_and_kind_given_whole_keeps_its_date_in_every_title():
    # A board's table: each row's first cell opens on a div 'May 5, 2026 at 4:30 PM - Committee' (the date, then
    # the meeting's kind: three kinds for six meetings), the agenda link in another cell. The example given whole
    # is the meeting's name: read without its date, the titles would be kinds repeating, no meeting's own name.
    days = ["May 5, 2026", "April 21, 2026", "April 14, 2026", "March 23, 2026", "March 3, 2026", "February 10, 2026"]
    kinds = ["Committee", "Regular", "Special", "Committee", "Regular", "Special"]
    names = [f"{d} at 4:30 PM - {k}" for d, k in zip(days, kinds, strict=True)]
    rows = "".join(
        f'<tr class="row-for-board"><td><div>{n}</div><div class="note"><b>Meeting Type:</b> Regular</div></td>'
        f'<td><ul class="links"><li><a href="/agenda?meeting={i}">Agenda</a></li></ul></td></tr>'
        for i, n in enumerate(names)
    )
    text, entries = read(page(f"<table><tbody>{rows}</tbody></table>"), [names[0]])
    assert "title_with_date = true" in text
    assert [(e["title"], e["url"]) for e in entries] == [
        (n, f"https://example.org/agenda?meeting={i}") for i, n in enumerate(names)
    ], text


@pytest.mark.parametrize("example", [TITLES[0], TITLES[3]])
def test_a_title_on_the_line_after_its_entrys_date_link_is_read_from_that_line(example):
    """An event programme (batch U): each event a paragraph opening on a link whose bold text is its day, the name on
    the line after it (or on the same line after the link, or inside the link after the bold day), then its
    description with performers' links; where the bold date runs on into the name ("Sunday, 8 May Mothers Day"), that
    is the name. A box of the same class beside it holds bold links that are no dates ("Flyer"): no entries. Refused
    before ("a line of a longer element", or "in no list" from the name inside the link)."""
    days = ["Sunday, 28 February 2016 at 5 pm", "Saturday, 19 March at 6 pm", "Saturday, 9 April at 4 pm"]
    lines = [f" <br>{TITLES[0]}<br>", f"<br>{TITLES[1]}<br>", f" {TITLES[2]} <br>"]
    events = "".join(
        f'<p><a href="/events/{i}/"><strong>{d}</strong></a>{line}A talk with slides and music by '
        f'<a href="/people/{i}/">Performer {i}</a> and friends.</p>'
        for i, (d, line) in enumerate(zip(days, lines, strict=True))
    )
    events += '<p><a href="/events/3/"><strong>Saturday, 10 September at 6 pm</strong> ' + TITLES[3] + "</a><br>"
    events += 'A recital; <a href="https://radio.example.net/x">the radio on it</a></p>'
    events += '<p><a href="/events/4/"><strong>Sunday, 8 May Mothers Day</strong></a><br>3 pm a walk for families</p>'
    events += "<p>The seminar is open to everyone; no booking is needed.</p>"
    recent = '<div id="recent" class="text"><p><a href="/flyer/"><strong>Flyer</strong></a></p></div>'
    text, entries = read(page(f'<div id="content" class="text">{events}</div>{recent}'), [example])
    assert "title_line_after_date = true" in text, text
    assert [(e["title"], e["url"]) for e in entries] == [
        *((t, f"https://example.org/events/{i}/") for i, t in enumerate(TITLES)),
        ("Mothers Day", "https://example.org/events/4/"),
    ], text
    assert [e["date_text"] for e in entries][:2] == ["Sunday, 28 February 2016 at 5 pm", "Saturday, 19 March"], text
