"""`listing-archive learn`: which element of a record it learns as the title from the example (an unlinked element
beside a pointer, a title cell running on, a heading with an empty anchor, a title named by its class, a title without
its state badge) and the link of an entry whose title links nowhere."""

import json
import sqlite3

import pytest
from conftest import FAST, cli
from synthetic import DATES, ISO, TITLES, URL, page, read

from crawler.extract.profiles import ProfileError, profile_from_text
from crawler.site_server import SiteServer


def test_learn_reads_cards_that_are_links_side_by_side_with_their_title_as_leading_words():
    """<div class='list'><a class='card'>Title words<div>authors</div><div>Fisheries · <span>date</span></div></a>
    ...: with no box around each link, learn said "nothing around it repeats" though the links do."""
    cards = "".join(
        f"<a class='card' href='/a{i}'>Annual report number {i} on coastal fisheries<div class='authors'>Jane Doe"
        f"</div><div class='meta'>Fisheries · <span>{i + 1} March 2023</span></div></a>"
        for i in range(5)
    )
    text, entries = read(page(f"<div class='list'>{cards}</div>"), ["Annual report number 2 on coastal fisheries"])
    assert [e["title"] for e in entries] == [f"Annual report number {i} on coastal fisheries" for i in range(5)], text
    assert [e["date_start"] for e in entries][:2] == ["2023-03-01", "2023-03-02"], text


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


def test_a_title_named_by_its_class_on_a_link_or_on_a_span_beside_a_bare_link_is_read_in_both():
    rows = "".join(
        f'<tr><td><span class="when">{d}</span></td><td>'
        + (
            f'<a class="title listing-title" href="/e/{i}">{t}</a></td><td><a href="/x/{i}">Website</a>'
            if i % 2 == 0
            else f'<span class="listing-title">{t}</span></td><td><a href="https://other.example/{i}">Link</a>'
        )
        + "</td></tr>"
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    text, entries = read(page(f'<table><tbody class="list">{rows}</tbody></table>'), [TITLES[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text
    assert entries[1]["url"] == "https://other.example/1"


def test_an_empty_link_before_the_title_link_in_a_row_does_not_hide_its_title():
    names = [f"Ordinance fixing the regular meetings of year {2000 + i}" for i in range(12)]
    rows = "".join(
        f'<tr><td><p>23-{i:02}</p></td><td><p>{"<a href=/old.pdf></a>" * (i == 3)}<a href="/o/{i}.pdf">{t}</a></p>'
        f"</td><td><p>7/{i + 1}/20</p></td></tr>"
        for i, t in enumerate(names)
    )
    html = page(f'<div id="ordinances"><table>{rows}</table></div>').replace('lang="en"', 'lang="en-US"')
    text, entries = read(html, [names[0]])
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (t, f"https://example.org/o/{i}.pdf", f"2020-07-{i + 1:02}") for i, t in enumerate(names)
    ], text


def test_names_in_plain_text_whose_only_link_says_the_same_in_every_entry_get_a_clear_refusal():
    import pytest

    from crawler.extract.learn import LearnError
    from crawler.extract.learn_site import learn_profile

    items = "".join(
        f'<p class="talk">{t}<br><strong>{d}</strong><br><a href="https://tv.example/{i}">Link to the seminar</a></p>'
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    with pytest.raises(LearnError, match=r'only link is a pointer \("Link to the seminar"\)'):
        learn_profile(page(f'<div class="talks">{items}</div>'), "https://example.org/", [TITLES[0]], "test page")


def test_a_card_heading_running_into_its_date_and_place_gives_its_words_before_the_dash():
    """'<div>#131: Name -<span>zaterdag 4 juli 2026</span> <span>@ place</span></div>' in a link around each card:
    learn said the example was not on the page, and the profile read each title with its place after a dash."""
    cards = "".join(
        f'<div class="dojo"><a href="/d/{i}/"><div class="kop">#{i}: {t} -\n<span>{d}</span> '
        f'<span class="where">@ Street {i}, Town</span></div><p>What we will do.</p></a></div>'
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    text, entries = read(page(cards), [f"#2: {TITLES[2]}"])
    assert [e["title"] for e in entries] == [f"#{i}: {t}" for i, t in enumerate(TITLES)], text
    assert [e["date_start"] for e in entries] == ISO


def test_reports_named_by_their_month_are_learnt_from_a_month_as_the_example():
    # Monthly reports whose cards show only the month they cover (a bus service's quality reports, "Enero 2025"),
    # the last covering several months: given a month as the example, the user says dates name the entries here;
    # each card is an entry, its month its title and its date (a span of months, both ends, kept whole).
    months = [
        ("Mayo 2025", "may25"),
        ("Abril 2025", "abr25"),
        ("Marzo 2025", "mar25"),
        ("Junio - Octubre 2024", "oct24"),
    ]
    cards = "".join(
        f'<a href="{slug}/" class="group card"><div><i class="icon"></i>'
        f'<span class="font-medium">{name}</span></div></a>'
        for name, slug in months
    )
    body = (
        f'<div class="box"><h2>Informes</h2><div class="grid">{cards}</div></div><div class="box"><p>Síguenos</p></div>'
    )
    text, entries = read(page(body), ["Marzo 2025"])
    assert [(e["title"], e["url"], e["date_start"], e["date_end"]) for e in entries] == [
        ("Mayo 2025", f"{URL}may25/", "2025-05-01", "2025-05-31"),
        ("Abril 2025", f"{URL}abr25/", "2025-04-01", "2025-04-30"),
        ("Marzo 2025", f"{URL}mar25/", "2025-03-01", "2025-03-31"),
        ("Junio - Octubre 2024", f"{URL}oct24/", "2024-06-01", "2024-10-31"),
    ], text


def test_an_example_every_entry_also_shows_as_a_label_is_read_at_its_title_place():
    """pl-omatko-pwr-aktualnosci (last example): the conference's name, the last post's title, is also a label in
    every post (`<span class="conf-edition">OMatKo!!! XII</span>`); the label's place was learnt, every entry titled
    with it (1 of 8). Of two places giving the same list, the one whose texts differ from entry to entry is the
    title's."""
    titles = [*TITLES, "Conference XII"]
    posts = "".join(
        f'<article class="preview"><span class="edition">Conference XII</span><h2><a href="/p/{i}">{t}</a></h2>'
        f'<span class="day">{i + 1} May 2025</span></article>'
        for i, t in enumerate(titles)
    )
    _, entries = read(page(posts), ["Conference XII"])
    assert [e["title"] for e in entries] == titles


def _calls(states: list[str], files: list[list[str]], kinds: list[str] | None = None) -> str:
    """Calls for staff as definition lists: the name with its state badge (of class `kinds`, default "state"), the
    date, the files (the first the call's bases), no link on the name (es-bellas-artes-cusco-convocatorias, batch V)."""
    kinds = kinds or ["state"] * len(states)
    return "".join(
        '<div class="call"><dl><dt>Title:</dt>'
        f'<dd class="call-title">{t} <span class="{kind}">{state}</span></dd><dt>Date:</dt>'
        f'<dd class="call-date">{iso}</dd><dt>Files:</dt><dd><ul>'
        + "".join(f'<li><a href="/docs/{i}-{f}.pdf">{f.title()} of call number {i}</a></li>' for f in names)
        + "</ul></dd></dl></div>"
        for i, (t, iso, state, names, kind) in enumerate(zip(TITLES, ISO, states, files, kinds, strict=True))
    )


def test_a_state_badge_inside_the_title_element_is_left_out_of_every_title():
    """The example given without the state badge its element holds ("open", "closed"): the profile names the badge
    (`title_without`) and reads each title without it; the date and the link stay the entry's."""
    body = _calls(["open", "closed", "closed", "closed"], [["bases"]] * 4)
    text, entries = read(page(body), [TITLES[0]])
    assert 'title_without = "span.state"' in text, text
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text
    assert [e["url"] for e in entries] == [f"https://example.org/docs/{i}-bases.pdf" for i in range(4)], text


def test_badges_whose_classes_say_their_state_are_all_left_out_from_any_example():
    """The badge's class says the state ("text-warning" open, "text-success" closed), the example a closed call's:
    the badges are named by their tag, which finds one in every title, not by the example's class."""
    body = _calls(["open", "closed", "closed", "closed"], [["bases"]] * 4, ["text-warning"] + ["text-success"] * 3)
    for example in (TITLES[0], TITLES[2]):
        text, entries = read(page(body), [example])
        assert 'title_without = "span"' in text, text
        assert [e["title"] for e in entries] == TITLES, text


def test_a_part_of_the_title_element_that_differs_in_every_entry_is_no_badge():
    """A subtitle in a span ("part one", "part two"…): its words differ from entry to entry, so the example with a
    short part after it is read with that part, as before, and no `title_without` is written."""
    body = _calls(["part one", "part two", "part three", "part four"], [["bases"]] * 4)
    text, entries = read(page(body), [TITLES[0]])
    assert "title_without" not in text, text
    assert entries[1]["title"] == f"{TITLES[1]} part two", text


def test_the_first_of_several_files_is_the_address_of_an_entry_whose_name_links_nowhere():
    """Some calls hold several files, none a pointer ("Read more"): the reader found no address for those. The
    profile names the link each entry opens its files with (`link`), the call's bases."""
    files = [["bases"], ["bases", "annex", "table"], ["bases"], ["bases", "results"]]
    text, entries = read(page(_calls(["open", "closed", "closed", "closed"], files)), [TITLES[0]])
    assert "\nlink = " in text, text
    assert [e["url"] for e in entries] == [f"https://example.org/docs/{i}-bases.pdf" for i in range(4)], text


def test_a_badge_selector_that_is_no_css_is_refused_in_one_line():
    text = 'name = "x"\ntitle_without = "span[[state"\n\n[selectors]\nentry = "li"\n'
    with pytest.raises(ProfileError, match="title_without = .* is not valid CSS") as refused:
        profile_from_text(text, "calls.toml")
    assert "\n" not in str(refused.value)


def _board(counts: list[str]) -> str:
    """A forum's board as table rows: the post's title link closing on its like count in a span of its own after a
    thumb icon, where it has likes, the author, the date (en-investors-hangout-tsla-board, batch Y)."""
    return (
        "<table>"
        + "".join(
            f'<tr class="post"><td><a class="post-title" href="/post/{i}">{t} '
            + (f'<img src="/thumb.png"><span style="font-size:10px">{count}</span>' if count else "")
            + f'</a></td><td class="author"><a href="/user/{i}">Someone</a></td><td class="when">{iso}</td></tr>'
            for i, (t, iso, count) in enumerate(zip(TITLES, ISO, counts, strict=True))
        )
        + "</table>"
    )


def test_a_like_count_closing_other_titles_is_left_out_when_the_example_shows_none():
    """The example's post has no likes, two others close on "(1)" and "(12)" in a span: the counts are no part of
    their titles (before: "Title (1)" read through the learnt title selector)."""
    text, entries = read(page(_board(["", "(1)", "", "(12)"])), [TITLES[0]])
    assert 'title_without = "span"' in text, text
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


def test_words_in_a_span_closing_a_title_are_no_count_badge():
    """A span of words closing some titles ("(draft)" is no count) stays in them."""
    text, entries = read(page(_board(["", "(draft)", "", "(12)"])), [TITLES[0]])
    assert "title_without" not in text, text
    assert entries[1]["title"] == f"{TITLES[1]} (draft)", text


def _applications(label: str = "Description:") -> str:
    """Applications as table rows whose only link is an image, the number as bare text, the day submitted, and the
    description cell opening on its field label (en-bellingen-council-applications, batch Y)."""
    return (
        "<table>"
        + "".join(
            f'<tr class="line"><td><a href="/app?key={i}"><img src="/box.gif" alt="Click here"></a></td>'
            f"<td>2019/DA-{i:05}</td><td>{iso[8:]}/{iso[5:7]}/{iso[:4]}</td><td>\n  {label} {t}</td></tr>"
            for i, (t, iso) in enumerate(zip(TITLES, ISO, strict=True))
        )
        + "</table>"
    )


def test_a_field_label_opening_every_title_cell_is_left_out_of_the_titles():
    """The example given without the 'Description:' its cell opens on: before, every title kept the label."""
    for example in (TITLES[0], TITLES[2]):
        text, entries = read(page(_applications()), [example])
        assert 'title_after_label = "Description:"' in text, text
        assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text
        assert entries[1]["url"] == "https://example.org/app?key=1", text


def test_a_field_label_is_learnt_only_where_the_profiles_reader_takes_it_off():
    """The learner counted the titles opening on the label by its own test, the reader (title_cuts.after_label) by
    another: "STRASSE:" folds to the start of "straße:" for the one and is no "Straße:" for the other, so a label
    was learnt that stayed on every title but the example's. Now the learner asks the reader."""
    cells = _applications("STRASSE:").replace(f"STRASSE: {TITLES[0]}", f"Straße: {TITLES[0]}")
    text, entries = read(page(cells), [TITLES[0]])
    kept = [e["title"] for e in entries if e["title"].startswith("STRASSE:")]
    assert not ("title_after_label" in text and kept), text


def test_an_example_given_with_its_label_keeps_the_label():
    """The example given as the cell shows it: the label is part of what the user wants, nothing is cut."""
    text, entries = read(page(_applications()), [f"Description: {TITLES[0]}"])
    assert "title_after_label" not in text, text
    assert entries[1]["title"] == f"Description: {TITLES[1]}", text


def test_a_subtitle_after_a_line_break_inside_the_title_element_is_left_out_of_every_title():
    """`<div class="card-title"><span>Name<br><span class="kicker">Subtitle</span></span></div>`, the only link a
    "More info" button (de-haus-b-queeres-zentrum-veranstaltungen, batch Z): the part after the `<br>` is a kicker,
    its words differing from card to card; the profile leaves it out (`title_without`; before: every title read with
    its kicker)."""
    kickers = ["Event", "for everyone who likes walking", "Past event", "Every first Thursday"]
    cards = "".join(
        f'<div class="card"><div class="card-title"><span>{t}<br><span class="kicker">{k}</span></span></div>'
        f'<p class="when">{d}</p><a class="btn" href="/e/{i}">More info</a></div>'
        for i, (t, k, d) in enumerate(zip(TITLES, kickers, DATES, strict=True))
    )
    for example in (TITLES[0], TITLES[3]):
        text, entries = read(page(f"<div class='events'>{cards}</div>"), [example])
        assert 'title_without = "span.kicker"' in text, text
        assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text
        assert [e["url"] for e in entries] == [f"https://example.org/e/{i}" for i in range(4)], text


def test_a_title_link_whose_lines_after_the_first_are_blocks_is_read_whole_from_its_whole_text():
    """Numbered search results, each one link holding the case's kind, then its parties in blocks of their own (the
    shape of pt-tjmg-jurisprudencia-acordaos, batch Z, whose blocks hold case numbers, which the profile reader now
    keeps in the title by itself): the example is the link's whole text, so the profile reads each title whole
    (`title_whole`; before: learn refused, the profile reading the words before the blocks alone)."""
    kinds = ["Civil appeal", "Civil appeal", "Interlocutory appeal", "Civil appeal"]
    results = "".join(
        f'<div class="result"><div class="box"><a href="/r?n={i}">{i} - Case: {k}<br>'
        f"<div>Appellant Company Ltd {i}</div><div>Respondent Council ({i})</div></a></div>"
        f"<p>Judge: Someone</p><p>Judged: {d}</p></div>"
        for i, (k, d) in enumerate(zip(kinds, DATES, strict=True), start=1)
    )
    titles = [f"{i} - Case: {k} Appellant Company Ltd {i} Respondent Council ({i})" for i, k in enumerate(kinds, 1)]
    text, entries = read(page(results), [titles[0]])
    assert "title_whole = true" in text, text
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(titles, ISO, strict=True)), text
