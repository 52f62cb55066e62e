"""`listing-archive learn` on rows and items the example names in ways of their own: rows all named
alike, a name in plain text beside an affordance link, a date in a column of its own, a date opening
the heading."""

import lxml.html
from conftest import cli
from synthetic import DATES, ISO, TITLES, URL, page, read

from crawler.extract.learn import Block
from crawler.extract.learn_cells import cell_rows_selector


def test_rows_all_named_as_the_example_beat_a_longer_menu_naming_it_once():
    menu = "".join(f'<li><a href="/b/{n}">Board number {n}</a></li>' for n in range(30))
    menu = f'<ul class="megamenu"><li><a href="/b/aldermen">Board of Aldermen</a></li>{menu}</ul>'
    rows = "".join(
        f'<tr class="item"><td><a href="/m/{i}">Board of Aldermen</a></td>'
        f'<td class="when">{iso[5:7]}/{iso[8:]}/{iso[:4]} 3:00 PM</td><td><a href="/m/{i}.pdf">Agenda</a></td></tr>'
        for i, iso in enumerate(ISO)
    )
    html = page(f'{menu}<h1>Board of Aldermen</h1><table class="list">{rows}</table>')
    text, entries = read(html.replace('lang="en"', 'lang="en-US"'), ["Board of Aldermen"])
    assert [e["url"] for e in entries] == [f"https://example.org/m/{i}" for i in range(len(ISO))], text
    assert [e["date_start"] for e in entries] == ISO, text


def carried_rows() -> str:
    days = ["9/27/2022", "", "", "9/20/2022", "", "9/13/2022"]
    rows = "".join(
        f'<div class="row"><div class="two"><p class="{"date" if day else "gap"}">'
        f"{f'<strong>{day}</strong>' if day else ''}&nbsp;</p></div>"
        f'<div class="ten"><p class="name">Meeting of the council number {i}</p>'
        f'<p><a class="btn" href="/m/{i}">Agenda</a></p></div></div>'
        for i, day in enumerate(days)
    )
    return page(f'<div class="border">{rows}</div>').replace('lang="en"', 'lang="en-US"')


def test_a_date_shown_on_the_first_row_of_its_day_only_carries_down_to_the_rows_after_it(tmp_path):
    text, entries = read(carried_rows(), ["Meeting of the council number 0"])
    want = ["2022-09-27"] * 3 + ["2022-09-20"] * 2 + ["2022-09-13"]
    assert [e["date_start"] for e in entries] == want, text
    assert [e["title"] for e in entries] == [f"Meeting of the council number {i}" for i in range(6)], text
    # learn's listing numbers the entries in page order, not by their place under each day's heading
    (tmp_path / "page.html").write_text(carried_rows())
    args = ("learn", tmp_path / "page.html", "--url", URL, "--example", "Meeting of the council number 0")
    shown = cli(*args, "-o", tmp_path / "site.toml", check=0).stdout
    assert [line.split(".")[0].strip() for line in shown.splitlines() if "Meeting of" in line] == list("123456")


def test_a_date_opening_the_heading_is_the_date_over_the_posts_date_box():
    boxes = ["Oct 9 2023", "Oct 4 2023", "Sep 22 2023", "Sep 20 2023"]
    heads = ["09/10/2023 – ", "26/09/2023 – ", "", "20/09/2023 – "]
    posts = "".join(
        f'<div class="post"><p class="post-date">{box}</p><h2 class="post-title"><a href="/p/{i}">{head}{t}</a></h2>'
        "<p>A few words about this post, long enough to be read as prose.</p></div>"
        for i, (box, head, t) in enumerate(zip(boxes, heads, TITLES, strict=True))
    )
    text, entries = read(page(posts).replace('lang="en"', 'lang="it"'), [TITLES[0]])
    assert [e["title"] for e in entries] == TITLES, text
    assert [e["date_start"] for e in entries] == ["2023-10-09", "2023-09-26", "2023-09-22", "2023-09-20"], text


def test_a_name_in_plain_text_whose_only_link_is_a_pointer_is_found_in_its_list():
    from crawler.extract.html import parse_html
    from crawler.extract.learn_site import learn_selectors

    menu = '<ul class="menu"><li><a href="/v">Vacancies</a></li><li><a href="/t">Tenders</a></li></ul>'
    items = "".join(
        f'<li> Upload Date: {iso[8:]}/{iso[5:7]}/{iso[:4]} <br>{t}<img src="new.gif">'
        f' <a href="/d/{i}.pdf">... Read</a></li>'
        for i, (t, iso) in enumerate(zip(TITLES, ISO, strict=True))
    )
    items += '<li> Vacancies <a href="/d/v.html">Read</a></li>'
    html = page(f'{menu}<div id="news"><ul>{items}</ul></div>')
    for example in (TITLES[1], "Vacancies"):  # the name with a date line before it; a name the menu has too
        selectors = learn_selectors(
            parse_html(html, base_url="https://example.org/"), "https://example.org/", [example]
        )
        assert selectors["entry"] == "div#news li", (example, selectors)
        assert "title" not in selectors  # the name has no element of its own: read by content
    # The profile reads each item's own text as its title (not the pointer's "... Read"), its date line as
    # its date, the pointer as its address.
    text, entries = read(html, [TITLES[1]])
    assert [e["title"] for e in entries] == [*TITLES, "Vacancies"], text
    assert [e["date_start"] for e in entries] == [*ISO, None], text
    assert [e["url"] for e in entries][:2] == ["https://example.org/d/0.pdf", "https://example.org/d/1.pdf"], text


def test_a_month_closing_the_heading_does_not_hide_the_posts_own_day():
    months = ["March 2023", "February 2023", "January 2023", "December 2022"]
    posts = "".join(
        f'<div class="post"><p class="post-date">{d}</p>'
        f'<h2 class="post-title"><a href="/p/{i}">{t} – {m}</a></h2>'
        "<p>A few words about this post, long enough to be read as prose.</p></div>"
        for i, (d, t, m) in enumerate(zip(DATES, TITLES, months, strict=True))
    )
    text, entries = read(page(posts), [TITLES[0]])
    assert [e["date_start"] for e in entries] == ISO, text  # the day, not the month the title names


def test_a_calendar_day_holding_two_meetings_is_a_group_not_one_entry():
    def day(items: list) -> str:
        inner = "".join(f'<div class="item"><div class="title"><a href="/m/{n}">{t}</a></div></div>' for n, t in items)
        return f'<td class="day"><div class="inner">{inner or "&nbsp;"}</div></td>'

    week1 = day([(0, TITLES[0])]) + day([]) + day([(1, TITLES[1])])
    week2 = day([]) + day([(2, TITLES[2]), (3, TITLES[3])]) + day([])
    html = page(f'<table class="calendar"><tr class="week">{week1}</tr><tr class="week">{week2}</tr></table>')
    text, entries = read(html, [TITLES[0]])
    assert [e["title"] for e in entries] == TITLES, text


def test_a_name_in_an_unnamed_cell_beside_a_date_link_is_the_title():
    rows = "".join(
        f'<tr><td><a href="/m/{i}">{d}</a></td><td>{t}</td></tr>'
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    text, entries = read(page(f"<table>{rows}</table>"), [TITLES[0]])
    assert 'title = "td:nth-of-type(2)"' in text
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (t, f"https://example.org/m/{i}", iso) for i, (t, iso) in enumerate(zip(TITLES, ISO, strict=True))
    ], text


def test_the_example_in_a_longer_site_menu_and_in_the_list_picks_the_list():
    links = "".join(f'<li><a href="/s/{n}">Section number {n}</a></li>' for n in range(8))
    menu = f'<div id="topmenus"><ul><li><a href="/p/0">{TITLES[0]}</a></li>{links}</ul></div>'
    posts = "".join(
        f'<li><a href="/p/{i}">{t}</a> <span class="d">{d}</span></li>'
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    text, entries = read(page(f'{menu}<div class="news"><ul>{posts}</ul></div>'), [TITLES[0]])
    assert [e["title"] for e in entries] == TITLES, text


def test_a_date_cell_spanning_the_rows_of_its_day_is_their_date():
    rows = (
        '<tr><td class="day" rowspan="2">March 12, 2023</td><td><a href="/m/0">Meeting one of the day</a></td></tr>'
        '<tr><td><a href="/m/1">Meeting two of the day</a></td></tr>'
        '<tr><td class="day">January 20, 2023</td><td><a href="/m/2">Meeting three of the day</a></td></tr>'
        '<tr><td class="day" rowspan="2">January 5, 2023</td><td><a href="/m/3">Meeting four of the day</a></td></tr>'
        '<tr><td><a href="/m/4">Meeting five of the day</a></td></tr>'
    )
    text, entries = read(page(f'<table class="meetings">{rows}</table>'), ["Meeting one of the day"])
    assert [e["date_start"] for e in entries] == ["2023-03-12"] * 2 + ["2023-01-20"] + ["2023-01-05"] * 2, text


def test_a_title_repeated_in_a_thousand_rows_is_learnt_from_a_few_of_its_places(monkeypatch):
    """Every place of the example was tried as the start of a list, and each list counted against every
    place (a stranger's 1,000 rows named alike took 122 s): a few places are tried, each list once."""
    from crawler.extract import learn_choice

    tried = []
    find_block = learn_choice.find_block
    monkeypatch.setattr(learn_choice, "find_block", lambda title: tried.append(title) or find_block(title))
    rows = "".join(f'<li><a href="/m/{i}">Board of Aldermen</a> <span>Agenda</span></li>' for i in range(1000))
    text, entries = read(page(f'<ul class="meetings">{rows}</ul>'), ["Board of Aldermen"])
    assert len(entries) == 1000 and entries[-1]["url"] == "https://example.org/m/999", text
    assert 0 < len(tried) <= learn_choice._MAX_PLACES  # counted where the places are tried


def _labelled_headings() -> str:
    # Two headings put their label before the link, the third inside it: each title is the heading as shown.
    heads = [
        f'<h2 class="sub"> Web:<a href="/r/0">{TITLES[0]}</a></h2>',
        f'<h2 class="sub"> Video:<a href="/r/1">{TITLES[1]}</a></h2>',
        f'<h2 class="sub"><a href="/r/2">Web (in English):{TITLES[2]}</a></h2>',
    ]
    blocks = "".join(
        f'<div class="cblq">{h}<div class="cte"><p>A short teaser {i}.</p></div></div>' for i, h in enumerate(heads)
    )
    return page(blocks)


def test_a_short_label_before_the_heading_link_stays_in_the_title_whichever_example_teaches():
    want = [f"Web:{TITLES[0]}", f"Video:{TITLES[1]}", f"Web (in English):{TITLES[2]}"]
    for example in want:
        text, entries = read(_labelled_headings(), [example])
        assert [e["title"] for e in entries] == want, text
        assert [e["url"] for e in entries] == [f"https://example.org/r/{i}" for i in range(3)], text


def test_dates_inside_the_heading_link_stay_the_dates_when_the_heading_is_the_title():
    names = ["Economic Committee Meeting – 4/8/2026", "Executive Committee Meeting – 4/28/2026"]
    names += ["Monthly Commission Meeting – 5/12/2026 – In Person and via Zoom"]
    rows = "".join(
        f'<article class="post"><div class="when"><div class="m">{m}</div><div class="d">{d}</div></div>'
        f'<div class="info"><h4 class="post-title">{"Online: " if i == 1 else ""}'
        f'<a class="link" href="/m/{i}">{name}</a></h4>'
        f"<div class='time'><p>9:00 a.m.</p></div></div></article>"
        for i, (name, m, d) in enumerate(zip(names, ["Apr", "Apr", "May"], ["8", "28", "12"], strict=True))
    )
    html = page(rows).replace('lang="en"', 'lang="en-US"')
    text, entries = read(html, ["Economic Committee Meeting"])
    assert 'title = "h4.post-title"' in text  # a label before one heading's link: the heading is the title
    assert [e["date_start"] for e in entries] == ["2026-04-08", "2026-04-28", "2026-05-12"], text


def test_a_row_named_in_plain_text_links_by_its_view_details_button_and_a_row_listed_twice_is_one_entry():
    rows = [(i, day, iso) for i, (day, iso) in enumerate(zip(DATES, ISO, strict=True))]
    rows.insert(2, rows[1])  # the page lists the second meeting twice
    html = page(
        '<table class="views-table"><tbody>'
        + "".join(
            f'<tr><td class="when"><span class="date-display">{day}</span></td><td class="views-title">{TITLES[i]}</td>'
            f'<td class="agenda"><a href="/files/{i}.pdf" title="PDF Agenda"><img src="/pdf.svg" alt="PDF"></a></td>'
            f'<td class="view"><a href="/meeting/{i}">View Details</a></td></tr>'
            for i, day, _ in rows
        )
        + "</tbody></table>"
    )
    text, entries = read(html, [TITLES[0]])
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (TITLES[i], f"https://example.org/meeting/{i}", iso) for i, iso in enumerate(ISO)
    ], text


def test_a_card_of_the_lists_kind_without_its_title_link_or_any_link_is_no_entry():
    cards = "".join(
        f'<div class="card"><span class="venue"><b>Games Symposium {2020 - i}</b></span><h1 class="f3">'
        + (f'<a class="link" href="/papers/{i}.pdf">{title}</a>' if i != 2 else f'<span class="link">{title}</span>')
        + '</h1><div class="authors">Ana Souza, Rui Lima</div></div>'
        for i, title in enumerate(TITLES)
    )
    text, entries = read(page(f'<section class="flex">{cards}</section>'), [TITLES[0]])
    assert [e["title"] for e in entries] == [t for i, t in enumerate(TITLES) if i != 2], text


def test_a_heading_without_a_link_takes_the_records_web_address_link_among_its_other_links():
    records = "".join(
        f'<div class="appointment"><h3><span class="date">{day}</span>{title}</h3><div><p>A workshop at '
        f'<a href="https://venue.example.net/{i}">the venue</a>.</p><p><a href="/img/{i}.jpg"><img src="/img/{i}.jpg">'
        f'</a></p></div><p><a class="more" href="https://events.example.net/{i}/">https://events.example.net/{i}/</a>'
        "</p></div>"
        for i, (title, day) in enumerate(zip(TITLES, DATES, strict=True))
    )
    text, entries = read(page(records), [TITLES[0]])
    assert [e["url"] for e in entries] == [f"https://events.example.net/{i}/" for i in range(4)], text


def test_an_entry_selector_that_cannot_be_exact_keeps_to_main_when_every_entry_is_in_it():
    cards = "".join(
        f'<div><article class="summary"><header><h3 class="entry-title"><a href="/v/{i}/">{t}</a></h3></header>'
        f"<p>A project teaser of some length, number {i}.</p></article></div>"
        for i, t in enumerate(TITLES)
    )
    html = (
        '<html lang="en"><body><main class="content"><div class="row"><div><p>No vacancies at the moment.</p></div>'
        f'</div><div class="row">{cards}</div></main><footer><div class="row"><div><p>Part of the '
        '<a href="https://hospital.example.net/">University Medical Center</a>.</p></div></div></footer></body></html>'
    )
    text, entries = read(html, [TITLES[0]])
    assert [e["title"] for e in entries] == TITLES, text


def _flat_events(last: str = "Volunteer day") -> str:
    """A flat run with no element per entry: a month heading, the date line, the title, a venue, a teaser."""
    events = [
        ("March 2017", "March 10, 2017", "Lunch and learn on email"),
        ("March 2017", "March 24, 2017 – March 26, 2017", "Hackathon – March 2017"),
        ("May 2017", "May 3, 2017", "Speed networking night"),
        ("June 2017", "June 8, 2017", last),
    ]
    body, month = "", None
    for i, (heading, when, name) in enumerate(events):
        body += f"<h2>{heading}</h2>" if heading != month else ""
        body += f"<p>{when}</p><h3><a href='/event/{i}/'>{name}</a></h3><p>Venue {i}, 71 Bank Street</p>"
        body += f"<p>What we will talk about at event {i}, and who should come along to it […]</p>"
        month = heading
    return page(f"<div class='entry-content'>{body}</div>")


def test_a_flat_run_learnt_from_a_later_example_reads_each_entry_once():
    """The entry starts at the date line before each heading: the example's own line, not the first entry's,
    else no title selector was learnt and every venue and teaser line read as an entry."""
    text, entries = read(_flat_events(), ["Speed networking night"])
    assert [e["url"] for e in entries] == [f"https://example.org/event/{i}/" for i in range(4)], text
    assert [e["date_start"] for e in entries] == ["2017-03-10", "2017-03-24", "2017-05-03", "2017-06-08"], text


def test_a_title_closing_on_a_month_beside_its_own_date_line_reads_without_the_month():
    text, entries = read(_flat_events(), ["Lunch and learn on email"])
    assert [(e["title"], e["date_end"]) for e in entries][1] == ("Hackathon", "2017-03-26"), text


def test_the_newest_story_shown_again_above_the_list_in_the_same_markup_is_no_entry():
    def post(i: int) -> str:
        return (
            f'<article class="post__wrap"><h4 class="post__text"><a href="/n/{i}">{TITLES[i]}</a></h4>'
            f'<time class="post__date">{DATES[i]}</time><p>A few words about this story.</p></article>'
        )

    lead = f'<div class="post-grid is-grid">{post(0)}</div>'
    posts = "".join(post(i) for i in range(4))
    html = page(f'{lead}<h2>Recent news</h2><div class="post-masonry is-masonry">{posts}</div>')
    text, entries = read(html, [TITLES[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


def _rows_without_tr(example: int) -> tuple[str, list]:
    """A table whose rows lost their opening <tr> (only `</tr>` closes each): a kind cell with a heading, a numeric
    date day first, the course link, a price, a place (nb-skuespillersenter-kursarkiv, batch Y). The parser sets
    every cell side by side in <tbody>."""
    kinds = ["Open course", "Workshop", "Open course", "Talk"]
    rows = "".join(
        f"<td><div class='kind'><h3>{kind}</h3> For actors with some experience.</div></td>"
        f"<td>{iso[8:]}.{iso[5:7]}.{iso[:4]}</td><td><a href='/course/{i}'>{title}</a></td><td>750,-</td><td>Oslo</td>"
        "</tr>"
        for i, (title, iso, kind) in enumerate(zip(TITLES, ISO, kinds, strict=True))
    )
    head = "<thead><tr><th></th><th>Date</th><th>Course</th><th>Price</th><th>Place</th></tr></thead>"
    return read(page(f"<table class='courses'>{head}<tbody>{rows}</tbody></table>"), [TITLES[example]])


def test_a_date_in_its_own_cell_of_a_table_whose_rows_lost_their_tr_is_read_from_the_examples_row():
    """Before, each title's cell was an entry alone (the cells after it the next row's), so no entry had a date:
    now an entry is a row's worth of cells, from any example."""
    for example in (0, 2):
        text, entries = _rows_without_tr(example)
        assert "nth-of-type(5n+1)" in text, text
        assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text
        assert [e["url"] for e in entries] == [f"https://example.org/course/{i}" for i in range(4)], text


def test_a_title_link_after_an_author_link_on_some_rows_is_read_by_its_column():
    """Theses as table rows: the date in its own cell, the author's name (a link to a homepage on some rows), the
    title link to the thesis, a PDF icon link on some (fr-lastig-theses, batch Z). From a row whose author has no
    link, the profile named the row's first link and read authors as titles; it names the title's column."""
    authors = ["Jane Doe", '<a href="/people/ann">Ann Lee</a>', "Bob Ray", '<a href="/people/eva">Eva Kim</a>']
    rows = "".join(
        f'<tr><td><span>{iso}</span></td><td><span>{a}</span></td><td><a href="/t/{i}">{t}</a></td>'
        f"<td>{f'<a href=/pdf/{i}.pdf><img src=/pdf.png></a>' if i % 2 else ''}</td></tr>"
        for i, (iso, a, t) in enumerate(zip(ISO, authors, TITLES, strict=True))
    )
    text, entries = read(page(f"<h3>Theses</h3><table><tbody>{rows}</tbody></table>"), [TITLES[0]])
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (t, f"https://example.org/t/{i}", iso) for i, (t, iso) in enumerate(zip(TITLES, ISO, strict=True))
    ], text


THESES = [f"Thesis number {i} on coastal forests and rivers" for i in range(10)]
AUTHORS = ["Jane Doe", '<a href="/people/ann">Ann Lee</a>']  # the defended theses' authors have pages
THESIS_DAYS = [f"2024-0{1 + i // 2}-1{i % 2}" for i in range(10)]


def _thesis_tables(widths: tuple[int, int] = (4, 4)) -> str:
    """Theses in two tables of one shape under headings of their own ("Ongoing", "Defended"), the second's rows
    `widths[1]` cells wide (fr-lastig-theses, batch Z)."""
    tables = []
    for part, (name, width) in enumerate(zip(("Ongoing", "Defended"), widths, strict=True)):
        cells = "".join(
            f'<tr><td><span>{THESIS_DAYS[i]}</span></td><td>{AUTHORS[part]}</td><td><a href="/t/{i}">{THESES[i]}</a>'
            f"</td>{'<td>x</td>' * (width - 3)}</tr>"
            for i in range(5 * part, 5 * part + 5)
        )
        head = "<thead></thead>" if part == 0 else ""  # the first table's head is empty
        tables.append(f"<h3>{name} theses</h3><table>{head}<tbody>{cells}</tbody></table>")
    return page(f"<div class='theses'>{''.join(tables)}</div>")


def test_tables_of_one_shape_under_headings_of_their_own_are_one_list():
    """Before: only the example's table was read (`table:nth-of-type(1)`), whichever table the example was in."""
    for example in (THESES[0], THESES[7]):
        text, entries = read(_thesis_tables(), [example])
        assert [(e["title"], e["date_start"]) for e in entries] == list(zip(THESES, THESIS_DAYS, strict=True)), text


def test_a_table_of_rows_of_another_width_is_another_list():
    text, entries = read(_thesis_tables((4, 6)), [THESES[0]])
    assert [e["title"] for e in entries] == THESES[:5], text


def test_cells_of_a_broken_table_under_two_parents_keep_the_entry_selector():
    # fuzz36: a table missing some <tr> left the first member's cell under another parent than the example's cell;
    # counting the example's cells for `nth-of-type` raised ValueError (a mutated real page, learn_cells).
    body = lxml.html.fromstring("<table><tbody><td>a</td><td>b</td></tbody><tbody><td>c</td><td>d</td></tbody></table>")
    first, second = body.findall(".//tbody")
    block = Block(node=second[0], title=second[0], path=[], members=[first[0], second[0]], flat=True)
    block.runs = {second[0]: [second[0], second[1]]}
    assert cell_rows_selector(block, "tbody > td") == "tbody > td"
