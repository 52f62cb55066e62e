"""`listing-archive learn`: fields a learnt profile's entries lacked where the generic extractor reads them."""

import pytest
from synthetic import DATES, ISO, TITLES, page, read

from crawler.extract.learn import LearnError
from crawler.extract.profiles import ProfileError, profile_from_text


def test_a_day_box_opening_the_row_of_a_card_dates_it_under_its_month_heading():
    # An agenda: a month's heading, then rows each opening on a day box ("11 Mar") beside a column holding the
    # day's cards (one day holds two). The card is the entry; its date is the box opening its row, the year the
    # month heading's.
    days = ["11 Mar", "2 Feb", "2 Feb", "20 Jan"]
    cards = [
        f'<div class="card"><p class="meta">10:00 Online</p><h3><a href="/agenda/{i}">{t}</a></h3></div>'
        for i, t in enumerate(TITLES)
    ]
    rows = (
        '<div class="month"><h4>March 2023</h4></div>'
        f'<div class="row"><div class="day">{days[0]}</div><div class="col">{cards[0]}</div></div>'
        '<div class="month"><h4>February 2023</h4></div>'
        f'<div class="row"><div class="day">{days[1]}</div><div class="col">{cards[1]}{cards[2]}</div></div>'
        '<div class="month"><h4>January 2023</h4></div>'
        f'<div class="row"><div class="day">{days[3]}</div><div class="col">{cards[3]}</div></div>'
    )
    text, entries = read(page(f'<div class="agenda">{rows}</div>'), [TITLES[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (TITLES[0], "2023-03-11"),
        (TITLES[1], "2023-02-02"),
        (TITLES[2], "2023-02-02"),
        (TITLES[3], "2023-01-20"),
    ], text


def test_a_title_closing_on_its_day_after_a_comma_gives_its_entry_that_day():
    # News articles with no date line: a few titles close on the day they name ("Closing meeting, on 14 January
    # 2021"), the others name none. Those titles stay whole and give their entries that day, as the generic reads.
    titles = [
        "Closing meeting of the project, 14 January 2021",
        "New versions of the survey software",
        "Partners in the research on the pandemic",
        "Launch conference, 12 December 2019",
    ]
    articles = "".join(
        f'<article class="post"><header><h2><a href="/news/{i}">{t}</a></h2></header>'
        "<div class='body'><p>Some words about what happened and what comes next for the team.</p></div></article>"
        for i, t in enumerate(titles)
    )
    text, entries = read(page(f'<div class="news">{articles}</div>'), [titles[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (titles[0], "2021-01-14"),
        (titles[1], None),
        (titles[2], None),
        (titles[3], "2019-12-12"),
    ], text


def test_a_meta_line_opening_on_a_whole_numeric_day_then_a_category_is_the_date():
    # Blog posts whose meta line opens on the day, then says where it was filed ("12.03.2023 in News"); one title
    # closes on its month ("... - March 2023"). The meta line is the date element, and its day the entry's date.
    days = ["12.03.2023", "03.02.2023", "20.01.2023", "05.01.2023"]
    titles = [TITLES[0] + " - March 2023", *TITLES[1:]]
    posts = "".join(
        f'<li class="post"><div class="body"><h5><a href="/blog/{i}">{t}</a></h5>'
        f'<p><small class="meta">{d} in News</small></p><p>What the post says, in a few words of teaser.</p>'
        f'<p><a href="/blog/{i}">Read more</a></p></div></li>'
        for i, (t, d) in enumerate(zip(titles, days, strict=True))
    )
    text, entries = read(page(f'<ul class="posts">{posts}</ul>'), [titles[1]])
    assert 'date = "small.meta"' in text
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


def test_talk_titles_running_on_into_their_speaker_lose_the_name_their_addresses_leave_out():
    # A user group's events: a day, then the talk's link, its words running on into the speaker after a dash. Each
    # address spells the talk's words and none of the speaker's: the name is no part of the title (as the generic
    # extractor reads it).
    talks = [
        ("Budget test strategies for small teams", "Julia Mischke"),
        ("Changing runtime behaviour with agents", "Fabian Stauber"),
        ("Independent microservices with mocked servers", "Karl Reffner"),
        ("Modular platforms in the modern age", "Thomas Dreissig"),
    ]
    days = ["29.10.2019", "26.11.2019", "28.01.2020", "25.02.2020"]
    items = "".join(
        f'<li><span>{d}:</span> <a href="/events/{t.lower().replace(" ", "-")}.html">{t} - {s} </a></li>'
        for (t, s), d in zip(talks, days, strict=True)
    )
    example = f"{talks[0][0]} - {talks[0][1]}"
    text, entries = read(page(f'<div class="events"><h1>Events</h1><ul>{items}</ul></div>'), [example])
    assert [e["title"] for e in entries] == [t for t, _ in talks], text


def test_a_name_in_plain_text_beside_a_link_worded_alike_in_every_entry_is_the_title():
    # Seminars as paragraphs: the name in plain text, a break, the day in bold, a break, then a link worded the same
    # in every paragraph ("Link to seminar"), the recording's address. That shared wording points at each
    # seminar; the paragraph's own text names it, as the generic extractor reads it.
    items = "".join(
        f'<p class="item">{t}<br><strong>{d}</strong><br><a href="https://video.example.net/{i}">Link to seminar</a>'
        "</p>"
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    text, entries = read(page(f'<div class="seminars"><h2>Seminars</h2>{items}</div>'), [TITLES[0]])
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (t, f"https://video.example.net/{i}", ISO[i]) for i, t in enumerate(TITLES)
    ], text


def test_a_time_element_dates_its_post_though_the_titles_close_on_the_day_they_announce():
    # Posts announcing meetings: each title closes on the meeting's day after a dash ("Meeting 12 - 13/12/2019"),
    # each post's meta line a <time datetime> of the day it was posted, some weeks before. The markup marks the
    # posting day as the post's date: it stays the date (the title's day is cut from it, as the generic reads it).
    meetings = ["13/12/2019", "29/11/2019", "13/11/2019", "08/11/2019"]
    posted = ["2019-11-28", "2019-11-14", "2019-10-29", "2019-10-24"]
    posts = "".join(
        f'<article class="item"><header><h3 class="item-title"><a href="/meetings/{12 - i}/">Meeting {12 - i} - {m}'
        f'</a></h3><div class="meta"><time class="when" datetime="{p}T00:00:00-03:00">'
        f"{p[8:]}/{p[5:7]}/{p[:4]}</time></div></header></article>"
        for i, (m, p) in enumerate(zip(meetings, posted, strict=True))
    )
    text, entries = read(page(f'<div class="list">{posts}</div>'), ["Meeting 12 - 13/12/2019"])
    assert 'date = "time.when"' in text
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (f"Meeting {12 - i}", p) for i, p in enumerate(posted)
    ], text


def test_links_on_the_lines_of_one_paragraph_are_the_entries_each_dated_by_its_line():
    # A news archive as one paragraph: each line a date, a dash and the story's link, lines cut by <br>. No element
    # of the list repeats but the links: each is an entry, its date the one its line opens on.
    days = ["12/03/2023", "03/02/2023", "20/01/2023", "05/01/2023"]
    lines = "<br>".join(
        f'{d} - <a href="/news/{i}/">{t}</a>' for i, (d, t) in enumerate(zip(days, TITLES, strict=True))
    )
    body = f'<div class="post"><p>All the news of the past years.</p><p>{lines}</p></div>'
    text, entries = read(page(body), [TITLES[1]])
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (t, f"https://example.org/news/{i}/", ISO[i]) for i, t in enumerate(TITLES)
    ], text


def test_links_in_a_sentence_are_no_list_of_lines():
    # Three links in one line of prose, then a second line: the lines hold several links each, or none, no entries.
    body = (
        '<div class="post"><p>Read <a href="/a">the annual report on forests</a>, <a href="/b">the river rules</a> and '
        '<a href="/c">the budget of the town</a> today.<br>More soon.</p></div>'
    )
    with pytest.raises(LearnError, match="in no list"):
        read(page(body), ["the river rules"])


def test_boxes_beside_the_entries_without_the_title_are_left_out_where_each_entry_holds_boxes_alike():
    # Search results as unnamed boxes in one column, beside boxes of the same tag: the site's top links, the
    # search's header (two links), a pager and a count. Each result holds a box of its own tag around its lines, so
    # no shorter selector names the results alone: the title's named line leaves the others out.
    results = "".join(
        f'<div><div class="result"><p class="kind">Conventions</p><p class="item-title"><a href="/initiatives/{i}">'
        f'{t}</a></p><p class="sub">Presented on {d}</p></div></div>'
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    body = (
        '<table><tr><td class="region"><div><div class="top"><a href="/">Home page</a> '
        '<a href="/press">Press room news</a></div><div>Initiatives found: 4 <a href="/search?edit=1">Change this '
        f'search</a> <a href="/search">Start a new search</a></div>{results}<div class="pager"><a href="?p=1">1</a> '
        '<a href="?p=2">2</a> <a href="?p=2">Next page</a></div><div class="count">Results 1 to 4</div></div>'
        "</td></tr></table>"
    )
    text, entries = read(page(body), [TITLES[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


@pytest.mark.parametrize("value", ["[1]", '" op "', '[""]'])
def test_a_title_cut_that_is_no_list_of_words_is_refused_in_one_line(value):
    """A hand-edited `title_before` (learn_parts.py writes [" op ", "("]) that is no list of words: the profile is
    refused naming the key, no traceback."""
    text = f'name = "x"\ntitle_after_date = ":"\ntitle_before = {value}\n\n[selectors]\nentry = "li"\n'
    with pytest.raises(ProfileError, match="title_before must be a list of words") as refused:
        profile_from_text(text, "talks.toml")
    assert "\n" not in str(refused.value)


def test_a_run_of_links_and_breaks_in_a_layout_cell_is_a_list_though_empty_tags_and_a_paragraph_stand_in_it():
    # A layout table's content cell: a heading, an intro paragraph, a named anchor, then the links one a line, each
    # followed by '<br><b></b><br>' (an empty bold between the breaks), a closing paragraph after them. The empty
    # tags and anchors show nothing and the paragraphs are lines of their own: the links are still one a line.
    links = "".join(f'<a href="/beitraege/{i}/">Author {i}: {t}</a><br><b></b><br>' for i, t in enumerate(TITLES))
    cell = (
        '<td class="content"><a name="93"></a><span class="head">Papers</span><br>'
        f'<p>Some papers on the state of research:<br><br></p><a name="90"></a>{links}'
        '<a name="114"></a><p>The list grows: send us yours at <a href="/contact">our address</a></p><br><br></td>'
    )
    text, entries = read(page(f"<table><tr><td>menu</td>{cell}</tr></table>"), [f"Author 0: {TITLES[0]}"])
    assert [(e["title"], e["url"]) for e in entries] == [
        (f"Author {i}: {t}", f"https://example.org/beitraege/{i}/") for i, t in enumerate(TITLES)
    ], text
