"""`listing-archive learn` on the shapes held-out batch M showed it missing: meetings whose rows repeat two names on
other days, a title in its own unlinked element beside a pointer link, a <time datetime> the same on every entry."""

import json
import sqlite3

from conftest import FAST, cli
from synthetic import DATES, ISO, TITLES, URL, page, read

from crawler.extract.learn_site import learn_profile
from crawler.extract.raw import RawEntry
from crawler.extract.rows import once
from crawler.site_server import SiteServer


def test_rows_repeating_two_names_on_other_days_are_no_copy_of_the_list():
    names = ["Zoning Committee", "City Council"]
    rows = [RawEntry(title=n, href=None, date_text=d) for d in ("2/23/2026", "2/9/2026") for n in names]
    assert [(e.title, e.date_text) for e in once(rows)] == [(e.title, e.date_text) for e in rows]
    copy = [RawEntry(title=n, href=f"/{n}", date_text="2/9/2026") for n in names] * 2
    assert len(once(copy)) == 2  # the same list drawn twice (a desktop and a mobile copy) is read once


def pointed_stories() -> str:
    """Stories whose title sits in an unlinked <font> after the date's <font>, a tag link first and the story's
    own address only behind a pointer that says the same in every entry; the second story without its image."""
    return "".join(
        f"<tr><td><div>{'<table><tr><td><img src=/i.png></td><td>' if i != 1 else ''}"
        f'<font size="2">{d}</font><br><font size="4">{t}</font><br>{"</td></tr></table>" if i != 1 else ""}'
        f'<font size="2"><p>A few words on this story, long enough to be read as prose here.</p></font>'
        f'<a href="/tag/{i}">Tagged {t.split()[-1]}</a> <div class="back"><a href="/n/{i}">&gt; See it whole</a>'
        "</div></div></td></tr>"
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )


def test_a_title_in_an_unlinked_element_beside_a_pointer_link_is_named_and_the_pointer_is_its_link():
    html = page(f'<table id="news">{pointed_stories()}</table>')
    for example in (TITLES[0], TITLES[2], TITLES[3]):
        text, entries = read(html, [example])
        assert 'title = "font[size=\\"4\\"]"' in text and 'link = "div.back a"' in text, text
        assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
            (t, f"https://example.org/n/{i}", iso) for i, (t, iso) in enumerate(zip(TITLES, ISO, strict=True))
        ], text


def test_parse_and_crawl_read_a_profiles_link_selector(tmp_path):
    (tmp_path / "site").mkdir()
    saved = tmp_path / "site" / "index.htm"
    saved.write_text(page(f'<table id="news">{pointed_stories()}</table>'))
    profile = tmp_path / "news.toml"
    cli("learn", saved, "--url", URL, "--example", TITLES[0], "-o", profile)
    assert 'link = "div.back a"' in profile.read_text()
    parsed = [json.loads(line) for line in cli("parse", saved, "--url", URL, "--profile", profile).stdout.splitlines()]
    assert [(e["title"], e["url"]) for e in parsed] == [(t, f"https://example.org/n/{i}") for i, t in enumerate(TITLES)]
    db = tmp_path / "a.db"
    with SiteServer(tmp_path / "site") as server:
        cli("crawl", "listing", "--db", db, "--profile", profile, "--start-url", server.base_url + "/", *FAST, check=0)
        linked = {r[0] for r in sqlite3.connect(db).execute("SELECT url FROM entries")}
        assert linked == {f"{server.base_url}/n/{i}" for i in range(len(TITLES))}


def dated_posts(stamps: list[str]) -> str:
    return "".join(
        f'<div class="post-row"><h3><a href="/p/{i}">{t}</a></h3><ul class="meta"><li class="author">Staff</li>'
        f'<li class="date"><i class="icon"></i><time datetime="{stamp}">{d}</time></li></ul></div>'
        for i, (t, d, stamp) in enumerate(zip(TITLES, DATES, stamps, strict=True))
    )


def test_a_time_datetime_the_same_on_every_entry_is_no_date_the_element_around_it_is():
    text, entries = read(page(dated_posts(["2021-10-18T20:20:37Z"] * len(TITLES))), [TITLES[0]])
    assert 'date = "li.date"' in text
    assert [e["date_start"] for e in entries] == ISO, text
    # A datetime of each entry's own is the date element's still.
    text, entries = read(page(dated_posts(ISO)), [TITLES[0]])
    assert 'date = "li.date time"' in text
    assert [e["date_start"] for e in entries] == ISO, text


def test_a_title_cell_running_on_after_its_link_is_read_whole_from_any_example():
    titles = [
        f"PUBLIC WORKS {i} - Invitation for sealed bids: {t}, and the supplies it needs" for i, t in enumerate(TITLES)
    ]
    rows = "".join(
        f'<tr><td><b><a href="/bid/{i}">{t.split(" - ")[0]}</a></b> - {t.split(" - ")[1]}</td></tr>'
        f"<tr><td>{iso[5:7]}/{iso[8:]}/{iso[2:4]} - 12/31/23: call the counter.</td></tr>"
        for i, (t, iso) in enumerate(zip(titles, ISO, strict=True))
    )
    html = page(f"<table><tr><td><table>{rows}</table></td></tr></table>").replace('lang="en"', 'lang="en-US"')
    for example in (titles[0], titles[-1]):
        text, entries = read(html, [example])
        assert 'title = "td:has(a[href])"' in text and 'link = "a"' in text, text
        assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
            (t, f"https://example.org/bid/{i}", iso) for i, (t, iso) in enumerate(zip(titles, ISO, strict=True))
        ], text


def test_a_date_line_without_a_machine_date_is_not_traded_for_the_cell_around_it():
    rows = "".join(
        f'<tr><td><b><a href="/p/{i}">{t}</a></b><br><small><b>Summary:</b> what this policy says, in a few words'
        f'</small> <small><b><span title="Date added">Added</span>:</b> 2021-08-1{i}</small></td><td>{iso}</td></tr>'
        for i, (t, iso) in enumerate(zip(TITLES, ISO, strict=True))
    )
    text, entries = read(page(f'<table class="publications"><tbody>{rows}</tbody></table>'), [TITLES[0]])
    assert [e["date_start"] for e in entries] == ISO, text


def test_a_one_word_title_that_is_also_a_tag_link_of_its_post_is_not_named_by_the_tags_rank():
    words = ["Summer", "Winter", "Spring", "Autumn"]
    tags = ["art", "life", "Autumn", "books", "music", "sea", "night", "road"]
    posts = "".join(
        f'<article class="post"><h2 class="entry-title"><a href="/p/{i}">{w}</a></h2><time class="entry-date">{d}'
        f'</time><div class="entry-content"><p>Words of a post, long enough to be prose here.</p></div><footer><span>'
        + "".join(f'<a href="/tag/{t}">{t}</a>' for t in tags[i:] + tags[:i])
        + "</span></footer></article>"
        for i, (w, d) in enumerate(zip(words, DATES, strict=True))
    )
    text, entries = read(page(posts), ["Autumn"])
    assert "nth-of-type" not in text
    assert [e["title"] for e in entries] == words, text


def test_a_title_before_a_dash_then_its_date_and_a_long_place_is_found_and_read_from_any_example():
    names = ["#67 Unplugged", "#68 Robots", "#69 Python and Scratch", "#70 Games"]
    place = "@ The community centre by the river, Waalbandijk 16, 6541 AJ Nijmegen, Netherlands"
    cards = "".join(
        f'<div class="dojo"><a href="/dojos/{i}/"><div class="dojo-kop">{n} -\n<span>{d}</span> '
        f'<span class="place">{place}</span></div><p>What we will do, in a sentence or two.</p></a></div>'
        for i, (n, d) in enumerate(zip(names, DATES, strict=True))
    )
    for example in (names[0], names[-1]):
        text, entries = read(page(cards), [example])
        assert [(e["title"], e["date_start"]) for e in entries] == list(zip(names, ISO, strict=True)), text


def test_a_heading_whose_only_link_is_an_empty_anchor_before_its_words_is_the_title():
    posts = "".join(
        f'<article class="block"><h2><a class="anchor" href="#e{i}"><span class="icon"></span></a>{t}</h2>'
        f"<p>On <time>{d}</time> from 15:30</p><p>What happens there, told in a sentence or two for all.</p></article>"
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    for example in (TITLES[0], TITLES[-1]):
        text, entries = read(page(posts), [example])
        assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
            (t, f"{URL}#e{i}", iso) for i, (t, iso) in enumerate(zip(TITLES, ISO, strict=True))
        ], text


def test_an_example_alone_in_its_group_is_read_as_a_row_of_the_list_cut_in_groups():
    def year(rows) -> str:
        cells = "".join(
            f'<tr><td><b><a href="/p/{i}">{TITLES[i]}</a></b><br><small>Summary: what it says, in a few words here.'
            f"</small></td><td>{ISO[i]}</td></tr>"
            for i in rows
        )
        head = "<thead><tr><th>Name</th><th>Date</th></tr></thead>"
        return f'<h2>Year</h2><table class="publications">{head}<tbody>{cells}</tbody></table>'

    text, entries = read(page(year([0, 1]) + year([2]) + year([3])), [TITLES[-1]])
    assert "tr" in text.split("entry = ")[1].split("\n")[0], text
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


def test_a_calendar_repeating_the_lists_names_as_bare_links_gives_way_to_the_fuller_list():
    days = "".join(
        f'<td><div class="day">{n}</div><ul class="events"><li><a href="#e{i}">{t}</a></li></ul></td>'
        for i, (n, t) in enumerate(zip((7, 12, 18, 20), TITLES, strict=True))
    )
    posts = "".join(
        f'<article class="block"><h2><a href="#e{i}">{t}</a></h2><p>On <time>{d}</time> from 15:30</p>'
        "<p>What happens there, told in a sentence or two for all.</p></article>"
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    text, entries = read(page(f'<table class="calendar"><tr>{days}</tr></table>{posts}'), [TITLES[0]])
    assert 'entry = "article.block"' in text
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


def test_a_live_blogs_posts_of_one_day_keep_their_time_element_as_the_date():
    """Posts of one day, each <time datetime> that day and showing its hour, share a datetime rightly: learn names
    the <time> element (the build-time rule is for shown days that differ), as the generic extractor keeps it."""
    rows = "".join(
        f'<li><h2><a href="/p/{n}">{title}</a></h2><time datetime="2024-03-05">5 March 2024, {hour}</time></li>'
        for n, (title, hour) in enumerate(
            [
                ("Minister arrives for talks", "9:15"),
                ("Unions respond to the offer", "10:30"),
                ("Talks adjourned until later", "11:45"),
                ("Agreement reached on wages", "15:00"),
            ]
        )
    )
    html = f"<html><body><h1>Live</h1><ul>{rows}</ul></body></html>"
    learned = learn_profile(html, "https://example.org/live/", ["Unions respond to the offer"], "live.html")
    assert learned.selectors.get("date") == "time"
