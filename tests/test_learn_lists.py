"""`listing-archive learn`: which list the example picks and how far it reaches (bare lines cut by wrappers or a
heading, groups, columns and boxes beside the list, a calendar repeating it)."""

from synthetic import DATES, ISO, TITLES, page, read

from crawler.extract.raw import RawEntry
from crawler.extract.rows import once


def _line(i: int) -> str:
    return f'<p>{DATES[i]} <a href="/files/release-{i}.pdf">{TITLES[i]}</a></p>'


def test_bare_lines_cut_by_leftover_wrappers_are_one_list():
    # Press releases as bare <p> lines (the date, then the title linking to its file), pasted from a document
    # whose wrappers close and open between them: two lines in one box, one in a box inside it, one after it
    # closes. An intro line with a contact link comes first and a closing line after: neither is an entry.
    body = (
        '<div class="content"><p>Questions? Write to <a href="mailto:press@example.org">press@example.org</a>.</p>'
        f'<div class="sheet"><div class="area">{_line(0)}{_line(1)}'
        f'<div class="col">{_line(2)}</div></div>{_line(3)}</div>'
        '<p>See also <a href="/archive">the archive of older releases</a></p></div>'
    )
    text, entries = read(page(body), [TITLES[0]])
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (t, f"https://example.org/files/release-{i}.pdf", ISO[i]) for i, t in enumerate(TITLES)
    ], text


def test_bare_lines_stop_at_a_heading_between_them():
    # The same lines, but a heading stands between the second and third: another list (older releases) begins.
    body = (
        f'<div class="sheet"><div class="area">{_line(0)}{_line(1)}</div>'
        f'<h2>Older releases</h2><div class="col">{_line(2)}{_line(3)}</div></div>'
    )
    text, entries = read(page(body), [TITLES[0]])
    assert [e["title"] for e in entries] == TITLES[:2], text


def test_rows_repeating_two_names_on_other_days_are_no_copy_of_the_list():
    names = ["Zoning Committee", "City Council"]
    rows = [RawEntry(title=n, href=None, date_text=d) for d in ("2/23/2026", "2/9/2026") for n in names]
    assert [(e.title, e.date_text) for e in once(rows)] == [(e.title, e.date_text) for e in rows]
    copy = [RawEntry(title=n, href=f"/{n}", date_text="2/9/2026") for n in names] * 2
    assert len(once(copy)) == 2  # the same list drawn twice (a desktop and a mobile copy) is read once


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


def _card(i: int, title: str, iso: str) -> str:
    return (
        f'<div class="py-2"><div class="card"><span class="when">{iso[8:]}/{iso[5:7]}/{iso[:4]}</span>'
        f'<h4><a href="/n/{i}">{title}</a></h4><p class="card-text">A few words about this story.</p></div></div>'
    )


def test_a_column_beside_the_list_repeating_some_of_its_cards_is_no_part_of_it():
    cards = [_card(i, t, iso) for i, (t, iso) in enumerate(zip(TITLES, ISO, strict=True))]
    # columns named only by generated grid classes ("col-lg-7"): their place in the row tells them apart
    html = page(
        '<div class="row"><div class="col-lg-7"><div class="stack">' + "".join(cards) + "</div></div>"
        '<div class="col-lg-4"><h3>Filter</h3><div class="stack">' + "".join(cards[1:]) + "</div></div></div>"
    )
    text, entries = read(html, [TITLES[0]])
    assert [e["title"] for e in entries] == TITLES, text
    assert [e["date_start"] for e in entries] == ISO


def test_columns_of_other_entries_named_only_by_generated_classes_are_one_list():
    def column(part: list) -> str:
        items = "".join(f'<li><a href="/d/{i}.pdf"><i class="arrow"></i>{t}</a></li>' for i, t in part)
        return f'<div class="col-md-6"><ul class="list">{items}</ul></div>'

    listed = list(enumerate(TITLES))
    html = page(f'<div class="row">{column(listed[:2])}{column(listed[2:])}</div>')
    text, entries = read(html, [TITLES[2]])
    assert [e["title"] for e in entries] == TITLES, text


def test_a_box_of_another_kind_in_the_lists_row_and_a_copy_of_the_list_elsewhere_are_no_entries():
    def cards(part: list) -> str:
        return "".join(
            f'<div class="col-md-6 d-flex"><div class="row inner"><div class="col-auto d-flex"><h3>{t}</h3>'
            f'<time class="text-muted">{iso}</time><a href="/n/{i}">Read on</a></div></div></div>'
            for i, (t, iso) in part
        )

    listed = list(enumerate(zip(TITLES, ISO, strict=True)))
    lead = '<div class="col-lg-12"><h2>Lead story of the week</h2><a href="/lead">Read on</a></div>'
    html = page(
        f'<div class="container"><div class="row">{lead}{cards(listed)}</div></div>'
        f'<div class="caption"><div class="row">{cards(listed[:2])}</div></div>'
    )
    text, entries = read(html, [TITLES[0]])
    assert [e["title"] for e in entries] == TITLES, text


def test_a_list_whose_profile_cannot_read_the_example_gives_way_to_the_next():
    # A seminar page (the shape of a university group's schedule): a table of talks, each title linking to its
    # abstract below, and the abstracts as headings "Speaker: Title" with a paragraph each, one more abstract
    # than rows. Both hold the example; the abstracts' list, longer and fuller, ranks first, but its profile
    # cannot name the title (a heading of speaker and title): the table is learnt instead, not refused.
    rows = "".join(
        f'<tr><td>{DATES[i]}</td><td>Speaker {i}</td><td><a href="#talk{i}">{t}</a></td></tr>'
        for i, t in enumerate(TITLES)
    )
    abstracts = "".join(
        f'<h4><a name="talk{i}"></a> Speaker {i}: {t}</h4><p>In this talk we discuss {t.lower()} at length.</p>'
        for i, t in enumerate([*TITLES, "A talk moved to the spring"])
    )
    body = f'<table class="schedule">{rows}</table><div class="post">{abstracts}</div>'
    text, entries = read(page(body), [TITLES[1]])
    assert [(e["title"], e["url"]) for e in entries] == [
        (t, f"https://example.org/news/#talk{i}") for i, t in enumerate(TITLES)
    ], text


def test_boxes_of_one_kind_in_two_sections_beside_each_other_are_one_list():
    # "Latest News" boxes, then "Other News" in a grid: sections of one layout (sibling wrappers), their boxes of
    # one kind (a shared class, the title an <h3> of the same class, an unlinked title and a "Read More" link).
    def box(i: int, extra: str) -> str:
        return (
            f'<div class="news {extra}"><div class="head"><h3 class="news-title">{TITLES[i]}</h3></div>'
            f'<div class="body"><p>Summary {i} of the story.</p><a href="/news/{i}">Read More</a></div></div>'
        )

    latest = "".join(box(i, "latest") for i in range(2))
    others = "".join(box(i, "col-md-4") for i in range(2, 4))
    body = (
        f'<div class="page"><div class="latest-news"><h2>Latest News</h2>{latest}</div>'
        f'<div class="other-news row">{others}</div></div>'
    )
    text, entries = read(page(body), [TITLES[0]])
    assert [(e["title"], e["url"]) for e in entries] == [
        (t, f"https://example.org/news/{i}") for i, t in enumerate(TITLES)
    ], text


def test_a_second_list_below_whose_items_are_made_otherwise_is_no_more_entries():
    """A newsletter's issues (`<li><a>2010 August</a></li>`, each link named by its month only), then a rule, a line
    and a list of PDF readers to download (`<li><img> -- <a>Acrobat</a></li>`) in the same box (batch U): the readers
    are another list, not more issues; each issue's month is its date."""
    months = ["2010 August", "2010 May", "2010 February", "2009 November"]
    issues = "".join(f'<li><a href="/flyer/{m[:4]}-{i}.pdf">{m}</a></li>' for i, m in enumerate(months))
    readers = "".join(
        f'<li><img alt="{n}" src="/img/{n}.gif"> -- <a href="https://{n}.example.net/get">{n} reader</a></li>'
        for n in ("foxit", "acrobat")
    )
    body = (
        f'<div class="container"><h1>The flyer</h1><p>Each issue is a PDF file.</p><ul>{issues}</ul><hr>'
        f"<p>If you have no PDF reader you can download one:</p><ul>{readers}</ul></div>"
    )
    text, entries = read(page(body), [months[0]])
    days = ["2010-08-01", "2010-05-01", "2010-02-01", "2009-11-01"]
    assert [(e["title"], e["date_start"], e["date_precision"]) for e in entries] == [
        (m, d, "month") for m, d in zip(months, days, strict=True)
    ], text


def test_a_forms_choices_naming_the_example_are_no_list_beside_the_table_of_entries():
    """A council's business papers (batch U, from the middle and last titles): a meeting filter (`<select>`) names each
    kind of meeting once, the table below (id "grdMenu", as a menu's name) names it in each of its rows beside the
    agenda link; the options were taken for the list (3 of 47 read). A form's choices are tried after the page's
    lists, as a menu is: of the two, the list naming the example most often."""
    names = ["Council", "Traffic Committee", "Planning Committee", "Traffic Committee", "Council"]
    days = ["21/12/2020", "14/12/2020", "30/11/2020", "16/11/2020", "27/10/2020"]
    choices = "".join(f"<option>{n}</option>" for n in ["[All]", "Council", "Traffic Committee", "Planning Committee"])
    rows = "".join(
        f'<tr><td class="date">{d}</td><td class="name">{n}</td>'
        f'<td><a class="pdf" href="/doc/{i}.pdf">232.0KB</a></td></tr>'
        for i, (d, n) in enumerate(zip(days, names, strict=True))
    )
    body = (
        f'<form><select id="meeting">{choices}</select></form>'
        '<table class="gridMenu" id="grdMenu"><tr><th>Meeting Date</th><th>Meeting</th><th>Agenda</th></tr>'
        f"{rows}</table>"
    )
    text, entries = read(page(body), ["Traffic Committee"])
    assert [(e["title"], e["url"]) for e in entries] == [
        (n, f"https://example.org/doc/{i}.pdf") for i, n in enumerate(names)
    ], text


def test_a_list_in_the_main_content_before_a_longer_one_outside_it():
    """A theme's hidden notification panel before <main> lists the newest posts as bare dated links, more of them
    than the page's own list of full posts in <main> (es-servicoop-madryn-noticias, batch V: 12 panel links read
    for its 10 posts, their months for their days): the list in the main content is the one wanted, and <main> is no
    sidebar, whatever its classes say."""
    more = [*TITLES, "Water cuts in the north district", "Office hours change in spring"]
    panel = "".join(
        f'<div class="post tab-item"><span class="month">{d.split(" ", 1)[1]}</span>'
        f'<a class="title" href="/p/{i}">{t}</a></div>'
        for i, (t, d) in enumerate(zip(more, [*DATES, *DATES[:2]], strict=True))
    )
    posts = "".join(
        f'<article class="item"><h2><a href="/p/{i}">{t}</a></h2><p class="post-date">{d}</p>'
        "<p>The whole post, long enough to be read as its text, and a few words more.</p></article>"
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    # the main element's class names a footer it is laid out with: no sidebar for that
    main = f'<div id="panel">{panel}</div><main class="site has-parallax-footer">'
    html = page(f'<div class="posts">{posts}</div>').replace("<main>", main)
    text, entries = read(html, [TITLES[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


def test_files_named_by_their_day_in_year_groups_are_each_an_entry():
    """Minutes listed as their file names under year labels (`<div class="label">2020</div><ul><li><a>2020_02.pdf</a>
    (16 KB)</li>…`, en-china-falls-hoa-minutes, batch V: the year boxes were read as 16 entries for 95 files): a word
    of the one-word example's kind (a figure, the same file extension) is a title, so a year's list holds several and
    each file is an entry."""
    years = {
        "2023": ["2023_03_12.pdf", "2023_02_03_annual.pdf"],
        "2022": ["2022_11_20.pdf", "2022_05_05.pdf"],
        "2021": ["2021_10_01.pdf", "2021_01_14_exec.pdf"],
    }
    boxes = "".join(
        f'<div class="attachments"><div class="label">{year}</div><ul class="files">'
        + "".join(f'<li><a href="/files/{f}">{f}</a> (16 KB)</li>' for f in files)
        + "</ul></div>"
        for year, files in years.items()
    )
    text, entries = read(page(f"<h1>Minutes</h1>{boxes}"), ["2023_03_12.pdf"])
    names = [f for files in years.values() for f in files]
    assert [(e["title"], e["url"]) for e in entries] == [(f, f"https://example.org/files/{f}") for f in names], text


def test_a_slideshow_of_teasers_outside_main_is_no_panel_beside_a_grid_of_shorter_boxes_in_it():
    """A home page's slideshow (outside <main>) shows the posts with their teasers, the grid in <main> shows them
    shorter (nl-dotcomnieuws-home, labelled by its slideshow): only a list in <main> showing twice as much an entry
    goes before a list outside it; here the fuller list stays the one read, as before."""
    slides = "".join(
        f'<div class="slides"><h2 class="slide-title"><a href="/p/{i}">{t}</a></h2>'
        "<p>A teaser of the post, a sentence or two long, as the slideshow shows it.</p></div>"
        for i, t in enumerate(TITLES)
    )
    boxes = "".join(
        f'<div class="grid-box"><h2 class="entry-title"><a href="/p/{i}">{t}</a></h2></div>'
        for i, t in enumerate(TITLES)
    )
    html = page(f'<div class="grid">{boxes}</div>').replace("<main>", f'<div class="show">{slides}</div><main>')
    text, entries = read(html, [TITLES[1]])
    assert 'entry = "div.slides"' in text, text
    assert [e["title"] for e in entries] == TITLES, text


def test_a_hero_section_repeating_the_newest_post_loses_to_the_grid_of_posts_below_it():
    """A front page of sections (a WordPress theme's, batch X): a hero whose heading repeats the newest post, an about
    box, a schedule, then the section of the post grid, each card a category kicker above its title link. The page's
    sections each hold a heading at the hero's place, and the grid's section holds the example too, deep in a card:
    that is no list repeating the example. The grid of cards is the list."""
    boxes = "".join(
        f'<section class="screenr-section s{i}"><div class="inner"><div class="box"><div class="text">'
        f"<h3>{heading}</h3></div></div></div><p>Words of the section {i} for the visitors.</p></section>"
        for i, heading in enumerate([TITLES[0], "About the radio", "Our schedule"])
    )
    posts = [*TITLES, "Songs against the wall", "A new show on Sundays"]
    cards = "".join(
        f'<article class="post"><a href="/p/{i}"><img src="/i/{i}.jpg" alt=""></a><div class="elements">'
        f'<div class="kicker"><a href="/c/{i % 2}">Category {i % 2}</a></div><header><div class="grid-title">'
        f'<a href="/p/{i}">{t}</a></div></header><a class="more" href="/p/{i}">Read on</a></div></article>'
        for i, t in enumerate(posts)
    )
    grid = (
        '<section class="screenr-section news"><div class="inner"><div class="box"><div class="text"><h3>Shows</h3>'
        f'</div></div></div><div class="content-grid">{cards}</div></section>'
    )
    text, entries = read(page(f'<div class="site">{boxes}{grid}</div>'), [TITLES[0]])
    assert [e["title"] for e in entries] == posts, text


def test_an_example_shown_twice_above_a_list_without_it_is_learned_without_a_crash():
    """fuzz36, 2026-12-08: a mutated real page (its lists' wrappers dropped) held the example story twice, each
    alone in its own list, above a list that does not hold it; each copy counted as a copy of the other, both
    were left out, and the search for the example in what was kept raised StopIteration. All are kept."""
    stories = "".join(f"<li><a href='/n/{i}'>{TITLES[i]}</a></li>" for i in range(4))
    copy = "<ul><li><a href='/x'>The newest story shown again</a></li></ul>"
    _, entries = read(page(f"<div>{copy}{copy}<ul>{stories}</ul></div>"), ["The newest story shown again"])
    assert [e["title"] for e in entries][-4:] == TITLES[:4]
    assert "The newest story shown again" in [e["title"] for e in entries]


def test_lines_of_links_cut_by_breaks_each_opened_by_its_entry_and_closed_by_its_files_are_the_list():
    # A school board's agendas: on each line the agenda's link (its date), then "Minutes" and "Board Report" links
    # whose words come back on every line; a year's paragraph after another. The files are no entries.
    days = ["January 21, 2025", "February 10, 2025", "March 10, 2025", "April 14, 2025", "May 12, 2025"]

    def line(i: int, day: str) -> str:
        files = f' / <a href="/m/{i}.pdf">Minutes</a> / <a href="/r/{i}">Board Report</a>' if i < 4 else " / Minutes"
        return f'<a href="/a/{i}.pdf">{day}</a>{files}'

    lines = [line(i, day) for i, day in enumerate(days)]
    body = f'<section class="panel"><h2>2025</h2><p>{"<br>".join(lines[:3])}</p></section>'
    body += f'<section class="panel"><h2>2024</h2><p>{"<br>".join(lines[3:])}</p></section>'
    text, entries = read(page(body), [days[0]])
    assert [(e["title"], e["url"]) for e in entries] == [
        (day, f"https://example.org/a/{i}.pdf") for i, day in enumerate(days)
    ], text


def test_featured_cards_in_a_wrapper_of_their_own_read_on_into_the_grid_of_cards_beside_it():
    # An events page: the two newest in a carousel and again as cards for phones, in a wrapper of their own; the grid
    # of the others, cards of the same template (columns of no class), beside that wrapper. All four are the list.
    def card(i: int) -> str:
        inside = f'<div class="body"><h2>{TITLES[i]}</h2><p>{DATES[i]}</p></div>'
        return f'<div><a class="event-post" href="/e/{i}">{inside}</a></div>'

    slides = "".join(f'<div class="carousel-item"><h2 class="title">{TITLES[i]}</h2></div>' for i in (0, 1))
    mobile = f'<div class="featured-mobile"><div class="row">{card(0)}{card(1)}</div></div>'
    featured = f'<div class="carousel slide">{slides}</div>{mobile}'
    body = f'<div class="featured">{featured}</div><div class="row grid">{card(2)}{card(3)}</div>'
    text, entries = read(page(body), [TITLES[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


def test_a_copy_of_the_table_laid_out_as_cards_for_phones_gives_way_to_the_table():
    # A gazette's latest editions: a table of rows (the day, the edition's link, its summary's link) and, for phones
    # only, the same editions as cards, saying a little more. The table is the list shown everywhere.
    rows = "".join(
        f'<tr><td><h4>{DATES[i]} <small>Monday</small></h4></td><td><a class="btn" href="/s/{i}">Summary</a></td>'
        f'<td><a class="btn btn-small" href="/e/{i}">{t}</a></td></tr>'
        for i, t in enumerate(TITLES)
    )
    cards = "".join(
        f'<div class="card"><h3 class="center">{DATES[i]} <small>Monday</small></h3>'
        f'<a class="btn" href="/s/{i}">Summary</a><a class="btn" href="/e/{i}">{t}</a><p>Its summary: soon</p></div>'
        for i, t in enumerate(TITLES)
    )
    body = f'<table class="table"><tbody>{rows}</tbody></table><div class="cards visible-phone">{cards}</div>'
    text, entries = read(page(body), [TITLES[0]])
    assert "table" in text.split("entry = ")[1].split("\n")[0], text
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


def test_cards_of_the_lists_class_on_another_tag_below_are_entries_too():
    # A lab's publications: papers as <article class="publication-card">, then books in a grid whose cards wrap a
    # <div class="publication-card"> (the same class, the title at the same place) in an <article class="book-card">.
    def card(tag: str, i: int) -> str:
        return f'<{tag} class="publication-card"><h3>{TITLES[i]}</h3><a href="/p/{i}">Read</a></{tag}>'

    books = "".join(f'<article class="book-card">{card("div", i)}</article>' for i in (2, 3))
    body = f'<div class="stack">{card("article", 0)}{card("article", 1)}</div><div class="book-grid">{books}</div>'
    text, entries = read(page(body), [TITLES[0]])
    assert [e["title"] for e in entries] == TITLES, text
