"""`listing-archive learn` on shapes a page gives its entries' dates and lists: where the date sits
relative to the example's block, lists in columns, blocks that vary."""

from synthetic import DATES, ISO, TITLES, page, read

# --- where the date is --------------------------------------------------------------------------------------


def meta_line(iso: str) -> str:
    """A blog's long meta line opening on its date: author, six categories, a comments link."""
    categories = ", ".join(f'<a href="/c/{n}" rel="tag">Category number {n}</a>' for n in range(6))
    return (
        f'<div class="meta"><div class="byline">{iso[8:]}.{iso[5:7]}.{iso[:4]}&nbsp;|&nbsp; Von '
        f'<a href="/a" rel="author">Redaktion</a> &nbsp;|&nbsp; {categories} &nbsp;|&nbsp; <a href="#respond"> </a>'
        '</div><div class="clear"></div></div>'
    )


def test_date_opening_a_long_meta_line_with_author_and_categories():
    html = page(
        "".join(
            f'<article class="post"><h2><a href="/n/{i}">{t}</a></h2>{meta_line(iso)}'
            "<p>A few words about this story, long enough to read.</p></article>"
            for i, (t, iso) in enumerate(zip(TITLES, ISO, strict=True))
        )
    ).replace('lang="en"', 'lang="de"')
    text, entries = read(html, [TITLES[0]])
    assert 'date = "div.byline"' in text
    assert [e["date_start"] for e in entries] == ISO


def test_a_title_that_is_a_date_is_the_date_too():
    rows = "".join(
        f'<tr><td><a href="/m/{i}">{iso[5:7]}/{iso[8:]}/{iso[:4]}</a></td><td><a href="/m/{i}.pdf">Agenda</a></td></tr>'
        for i, iso in enumerate(ISO)
    )
    html = page(f'<table class="meetings">{rows}</table>').replace('lang="en"', 'lang="en-US"')
    text, entries = read(html, ["02/03/2023"])
    assert [e["title"] for e in entries] == [f"{iso[5:7]}/{iso[8:]}/{iso[:4]}" for iso in ISO]
    assert [e["date_start"] for e in entries] == ISO, text  # month first: en-US, and "03/12" says so


def test_the_date_is_learnt_from_the_next_blocks_when_the_examples_shows_none():
    html = page(
        "".join(
            f'<div class="card"><h3><a href="/n/{i}">{t}</a></h3>'
            + (f'<span class="when">{d}</span>' if i else "")
            + "</div>"
            for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
        )
    )
    text, entries = read(html, [TITLES[0]])
    assert 'date = "span.when"' in text
    assert [e["date_start"] for e in entries] == [None, *ISO[1:]]


def test_a_list_in_two_columns_each_inside_a_wrapper_is_one_list():
    def column(name: str, part: list) -> str:
        posts = "".join(
            f'<article class="entry {name}-entry"><h3 class="entry-title"><a href="/{name}/{i}">{t}</a></h3>'
            f'<time class="entry-date">{d}</time></article>'
            for i, (t, d) in part
        )
        return f'<div class="{name} half"><div class="inner"><h2>Latest {name}</h2>{posts}</div></div>'

    numbered = list(enumerate(zip(TITLES, DATES, strict=True)))
    html = page(column("news", numbered[:2]) + column("blog", numbered[2:]))
    for example in (TITLES[0], TITLES[3]):
        text, entries = read(html, [example])
        assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


def test_a_featured_first_entry_showing_its_date_its_own_way_does_not_hide_the_others_date():
    html = page(
        "".join(
            f'<article class="post"><h2><a href="/n/{i}">{t}</a></h2>'
            + (f'<p class="hero-date">{iso[8:]}.{iso[5:7]}.{iso[:4]}</p>' if i == 0 else meta_line(iso))
            + "</article>"
            for i, (t, iso) in enumerate(zip(TITLES, ISO, strict=True))
        )
    ).replace('lang="en"', 'lang="de"')
    text, entries = read(html, [TITLES[0]])
    assert [e["date_start"] for e in entries] == ISO, text


def test_a_list_that_carries_on_as_bare_links_is_read_whole_but_not_its_pager_or_categories():
    posts = "".join(
        f'<div class="item"><h2 class="heading"><a href="/news/sport/{i}-story.html">{t}</a></h2>'
        f'<p class="when">{d}</p><p>A few words about this story, long enough to read.</p></div>'
        for i, (t, d) in enumerate(zip(TITLES[:2], DATES, strict=False))
    )
    more = [f"An older story number {n} of the week" for n in range(3)]
    links = "".join(f'<li><a href="/news/sport/{n + 9}-older.html">{t}</a></li>' for n, t in enumerate(more))
    categories = "".join(
        f'<li><a href="/news/sport/{c}/">{c.title()} news pages</a></li>' for c in ("golf", "tennis", "rugby")
    )
    pager = "".join(f'<li><a href="/news/sport/page/{n}/">Older posts, page {n}</a></li>' for n in (2, 3, 4))
    others = f'<ul class="categories">{categories}</ul><ul class="pager">{pager}</ul>'
    more_box = f'<div class="more"><h3>More articles ...</h3><ol class="links">{links}</ol></div>'
    for example in (TITLES[0], more[1]):  # a full entry, or one of the links
        text, entries = read(page(f'<div class="blog">{posts}{more_box}{others}</div>'), [example])
        assert [e["title"] for e in entries] == [*TITLES[:2], *more], text
        assert [e["date_start"] for e in entries] == [*ISO[:2], None, None, None]
    text, entries = read(page(f'<div class="blog">{posts}{others}</div>'), [TITLES[0]])
    assert [e["title"] for e in entries] == TITLES[:2], text


def featured_then_list() -> str:
    def post(i: int, classes: str, heading: str) -> str:
        return (
            f'<article class="{classes}"><{heading}><a href="/n/{i}">{TITLES[i]}</a></{heading}>'
            f'<span class="date">{DATES[i]}</span><p>A few words about this story, long enough to read.</p></article>'
        )

    rest = "".join(post(i, "post", "h2") for i in range(1, 4))
    return page(f'<div class="hero">{post(0, "post featured-post", "h1")}</div><div class="list">{rest}</div>')


def test_a_featured_first_entry_set_apart_with_its_own_heading_and_class_is_the_example():
    text, entries = read(featured_then_list(), [TITLES[0]])
    assert 'entry = "article.post"' in text
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


def test_a_class_naming_a_place_in_a_row_does_not_cut_the_list():
    # Two groups: the first in one column (every item "last" in its row), the second in two columns.
    def item(i: int, last: bool) -> str:
        return (
            f'<div class="itemContainer{" itemContainerLast" if last else ""}"><div class="catItem">'
            f'<h3 class="catItemTitle"><a href="/n/{i}">{TITLES[i]}</a></h3><span class="catItemDate">{DATES[i]}</span>'
            "</div></div>"
        )

    leading = "".join(item(i, True) for i in range(2))
    secondary = "".join(item(i, i == 3) for i in range(2, 4))
    html = page(f'<div class="itemList"><div id="leading">{leading}</div><div id="secondary">{secondary}</div></div>')
    text, entries = read(html, [TITLES[1]])
    assert 'entry = "div.itemContainer"' in text
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


def test_the_example_in_a_sidebar_list_and_in_the_posts_picks_the_posts():
    posts = "".join(
        f'<div class="post"><h3><a href="/p/{i}">{t}</a></h3><span class="date">{d}</span>'
        "<p>A few words about this story, long enough to read.</p></div>"
        for i, (t, d) in enumerate(zip(TITLES[:3], DATES, strict=False))
    )
    labels = [TITLES[1], "Another label with words", "A third label here", "Fourth label in list", "Fifth label"]
    sidebar = '<ul class="labels">' + "".join(f'<li><a href="/l/{n}">{t}</a> (3)</li>' for n, t in enumerate(labels))
    html = page(f'<div class="posts">{posts}</div><aside>{sidebar}</ul></aside>')
    text, entries = read(html, [TITLES[1]])
    assert [e["title"] for e in entries] == TITLES[:3], text
    text, entries = read(html.replace("<body>", '<body class="has-sidebar">'), [TITLES[1]])  # the body is no sidebar
    assert [e["title"] for e in entries] == TITLES[:3], text


def test_the_example_alone_in_its_month_reads_every_month():
    months = [TITLES[:2], TITLES[2:3]]
    html = page(
        "".join(
            f"<h3>Month {n}</h3><dl class='events'>"
            + "".join(
                f'<dt><a href="/e/{t[:5]}">{t}</a></dt><dd class="when">{DATES[TITLES.index(t)]}</dd>' for t in month
            )
            + "</dl>"
            for n, month in enumerate(months)
        )
    )
    text, entries = read(html, [TITLES[2]])
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES[:3], ISO[:3], strict=True)), text


def test_a_short_title_with_its_date_inside_its_link_is_found_and_read_without_it():
    names = ["JMM Report", "Annual TB report", "Circular", "Guidelines for all"]
    html = page(
        '<div class="news">'
        + "".join(
            f'<div class="row"><a href="/f/{i}">{n}<br><span class="rdate">( Release Date :{iso[8:]}/{iso[5:7]}/'
            f"{iso[:4]} )</span></a> [PDF]</div>"
            for i, (n, iso) in enumerate(zip(names, ISO, strict=True))
        )
        + "</div>"
    )
    text, entries = read(html, ["Circular"])
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(names, ISO, strict=True)), text


def test_a_lead_entry_in_markup_of_its_own_above_the_list_is_the_example():
    lead = (
        f'<div class="lead-story"><h1><a href="/n/0">{TITLES[0]}</a></h1><p class="when">{DATES[0]}</p>'
        "<p>A few words about this story, long enough to read.</p></div>"
    )
    rest = "".join(
        f'<article class="post"><h2><a href="/n/{i}">{TITLES[i]}</a></h2><span class="date">{DATES[i]}</span></article>'
        for i in range(1, 4)
    )
    text, entries = read(page(f'{lead}<div class="latest">{rest}</div>'), [TITLES[0]])
    assert 'entry = "div.lead-story, article.post"' in text
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


def test_a_day_and_month_without_a_year_under_a_months_heading():
    html = page(
        "".join(
            (f'<h2 class="month">{DATES[i].split(" ", 1)[1]}</h2>' if i < 3 else "")
            + f'<div class="event"><div class="date"><span>{DATES[i].split()[0]}</span> <span>{DATES[i].split()[1][:3]}'
            f'</span></div><h3><a href="/e/{i}">{TITLES[i]}</a></h3></div>'
            for i in range(4)
        )
    )
    text, entries = read(html, [TITLES[0]])
    assert 'date = "div.date"' in text
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


def test_a_time_element_showing_no_year_is_the_date_by_its_datetime():
    html = page(
        "".join(
            f'<div class="item"><h3><a href="/n/{i}">{t}</a></h3><p class="meta">Filed under news, a long time ago '
            f'in a galaxy</p><time datetime="{iso}">{d.rsplit(" ", 1)[0]}</time></div>'
            for i, (t, d, iso) in enumerate(zip(TITLES, DATES, ISO, strict=True))
        )
    )
    text, entries = read(html, [TITLES[0]])
    assert 'date = "time"' in text
    assert [e["date_start"] for e in entries] == ISO


def test_a_longer_recent_posts_widget_holding_the_example_loses_to_the_posts():
    posts = "".join(
        f'<div class="post"><h2><a href="/p/{i}">{t}</a></h2><span class="date">{d}</span></div>'
        for i, (t, d) in enumerate(zip(TITLES[:3], DATES, strict=False))
    )
    recent = "".join(f'<li><a href="/p/{i}">{t}</a></li>' for i, t in enumerate(TITLES + ["An older post of the blog"]))
    widget = f'<div class="widget-area"><ul><li class="widget-container widget_recent_entries"><ul>{recent}</ul></li>'
    # A bare "widget" class can hold the posts themselves (Blogger's "widget Blog"): that is no sidebar.
    text, entries = read(page(f'<div class="widget Blog">{posts}</div>{widget}</ul></div>'), [TITLES[0]])
    assert [e["title"] for e in entries] == TITLES[:3], text
    assert [e["date_start"] for e in entries] == ISO[:3], text


def test_entries_named_by_a_versioned_class_beside_a_more_box_and_a_like_column():
    def box(name: str, title: str, href: str, extra: str = "") -> str:
        head = f'<div class="head"><p><a href="{href}">{title}</a></p></div>'
        return f'<div class="{name}"><div class="in">{head}{extra}</div></div>'

    posts = "".join(
        box("entry-intro_v007", t, f"/n/{i}", f'<div class="when">{d}</div>')
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    more = box("goto_v001", "Archive of all the news", "/archive")
    side = "".join(box("promo_v002", t, f"/p/{i}") for i, t in enumerate(["Join the union today", "Find your office"]))
    html = page(f'<div class="col"><div>{posts}{more}</div></div><div class="col"><div>{side}</div></div>')
    text, entries = read(html, [TITLES[0]])
    assert 'entry = "div.entry-intro_v007"' in text
    assert [e["title"] for e in entries] == TITLES, text
    assert [e["date_start"] for e in entries] == ISO, text


def test_a_title_ending_on_its_full_date_gives_the_date_over_a_yearless_date_box():
    rows = "".join(
        f'<article class="meeting"><div class="when"><div class="month">{d.split()[1][:3]}</div>'
        f'<div class="day">{d.split()[0]}</div></div>'
        f'<h4><a href="/m/{i}">{t} – {iso[5:7]}/{iso[8:]}/{iso[:4]}</a></h4></article>'
        for i, (t, d, iso) in enumerate(zip(TITLES, DATES, ISO, strict=True))
    )
    text, entries = read(page(rows).replace('lang="en"', 'lang="en-US"'), [TITLES[0]])
    assert [e["date_start"] for e in entries] == ISO, text


def test_rows_titled_by_an_edition_number_with_file_buttons_are_the_entries():
    editions = ["2019", "2018", "2017", "2016"]
    rows = "".join(
        f'<tr><td class="c"> {n}</td><td class="c"> {iso[8:]}/{iso[5:7]}/{iso[:4]}</td>'
        f'<td class="c"><a href="/e/{n}.pdf"><button class="btn">Without signature</button></a></td>'
        f'<td class="c"><a href="/e/{n}s.pdf"><button class="btn">With digital signature</button></a></td></tr>'
        for n, iso in zip(editions, ISO, strict=True)
    )
    html = page(f'<table class="table"><tbody>{rows}</tbody></table>').replace('lang="en"', 'lang="pt-BR"')
    text, entries = read(html, ["2019"])
    assert [e["title"] for e in entries] == editions, text
    assert [e["date_start"] for e in entries] == ISO, text


def test_a_list_cut_in_tabs_of_entries_with_numbered_classes_only_is_read_whole():
    def tab(name: str, part: list) -> str:
        cells = "".join(
            f'<div class="col-lg-12 col-12"><div class="well"><h3 class="heading"><a href="/{name}/{i}">{t}</a></h3>'
            "</div></div>"
            for i, t in enumerate(part)
        )
        return f'<div class="tab-{name}"><div class="row">{cells}</div></div>'

    html = page(tab("new", TITLES[:2]) + tab("old", TITLES[2:]))
    text, entries = read(html, [TITLES[2]])
    assert [e["title"] for e in entries] == TITLES, text


def test_a_title_heading_the_page_and_repeated_with_dates_in_its_list_picks_the_list():
    days = ["12/14/23", "09/07/23", "07/06/23"]
    rows = "".join(f'<tr><td><a href="/m/{i}">Audit Committee - {d}</a></td></tr>' for i, d in enumerate(days))
    intro = '<div class="intro"><h1>Audit Committee</h1><p>The committee meets four times a year.</p></div>'
    html = page(f'{intro}<div class="events"><table><tbody>{rows}</tbody></table></div>')
    text, entries = read(html.replace('lang="en"', 'lang="en-US"'), ["Audit Committee"])
    assert [e["url"] for e in entries] == [f"https://example.org/m/{i}" for i in range(3)], text
    assert [e["date_start"] for e in entries] == ["2023-12-14", "2023-09-07", "2023-07-06"], text


def test_a_date_after_a_dash_at_the_end_of_the_title_is_the_date_not_the_title():
    """Headings that end in their date ("Committee Meeting – 4/8/2026"): the learnt profile reads the title
    without it and the date from it, as the generic extractor does (issue 21)."""
    rows = "".join(
        f'<div class="meeting"><h4><a href="/m/{i}">{t} – 3/1{i}/2023</a></h4><p>Agenda and minutes.</p></div>'
        for i, t in enumerate(TITLES)
    )
    text, entries = read(page(f'<section class="meetings">{rows}</section>'), [TITLES[1]])
    assert [(e["title"], e["date_start"]) for e in entries] == [(t, f"2023-03-1{i}") for i, t in enumerate(TITLES)], (
        text
    )


def test_an_example_given_with_its_date_at_the_edge_is_read_back_without_it():
    """A stranger gave the title as shown, "Council Meeting - April 3, 2026": learn refused it ("does not read
    example back"), the profile reading the title without its date."""
    rows = "".join(
        f'<div class="m"><h4><a href="/m/{i}">Council Meeting - April {i + 3}, 2026</a></h4><p>Agenda.</p></div>'
        for i in range(4)
    )
    text, entries = read(page(rows), ["Council Meeting - April 3, 2026"])
    assert [(e["title"], e["date_start"]) for e in entries] == [
        ("Council Meeting", f"2026-04-0{i + 3}") for i in range(4)
    ], text


def test_an_example_given_without_the_date_its_heading_ends_in_is_found():
    """The title as the profile reads it ("Council Meeting") was "not on the page" where every heading is
    "Council Meeting - April 3, 2026": the date at a heading's edge is no part of the title."""
    rows = "".join(
        f'<div class="m"><h4><a href="/m/{i}">Board meeting {i} - April {i + 3}, 2026</a></h4></div>' for i in range(4)
    )
    text, entries = read(page(rows), ["Board meeting 1"])
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (f"Board meeting {i}", f"2026-04-0{i + 3}") for i in range(4)
    ], text


def test_a_featured_story_over_teaser_boxes_in_a_page_wrapper_reads_the_teasers_too():
    """A news front page (batch X): the first story featured (`div.featured`: an h2 link, a teaser, a date line), then
    teaser boxes (an h3 link, a teaser, the date line), in a page wrapper beside another wrapper holding a heading link
    at the featured title's place. Climbing from the featured title reached the wrappers, whose example holds the
    whole list: the featured story is the list's lead entry, named by its class ("featured" names a state elsewhere)."""
    featured = (
        f'<div class="featured"><a href="/n/0"><img src="/i/0.jpg" alt=""></a><h2><a href="/n/0">{TITLES[0]}</a></h2>'
        f'<p>The first story of the day in a few words.</p><p class="dateonline">Date Published {DATES[0]}</p></div>'
    )
    teasers = "".join(
        f'<div class="onecolumn"><div class="teaser"><h3><a class="plain" href="/n/{i}">{t}</a></h3><p><a href="/n/'
        f'{i}">What the story {i} says, in a line.</a></p><p class="dateonline">Date Published {d}</p></div></div>'
        for i, (t, d) in enumerate(zip(TITLES[1:], DATES[1:], strict=True), 1)
    )
    html = page(
        f'<div class="wrap"><div class="cols"><h1>Main News</h1>{featured}{teasers}</div></div>'
        '<div class="wrap"><div class="foot"><div><h2><a href="/contact">Contact us</a></h2></div></div></div>'
    )
    text, entries = read(html, [TITLES[0]])
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO, strict=True)), text


def test_posts_whose_text_holds_headed_links_of_their_own_stay_the_list():
    """A blog (batch X's check on the tuned corpus, en-roots-acoustic-evening-blog): each post a title heading, then
    its text holding a few linked headings of its own (a chart's songs). The post's text after the title is no list
    the title leads: it lies in the post and is shorter than the list of posts, which stays the list."""
    posts = "".join(
        f'<div class="post"><h2 class="headline"><a href="/p/{i}">{t}</a></h2><div class="article">'
        + "".join(f'<h1><a href="/s/{i}{k}">Song number {k} of the week</a></h1><p>About it.</p>' for k in range(3))
        + f'<p class="date">{d}</p></div></div>'
        for i, (t, d) in enumerate(zip(TITLES, DATES, strict=True))
    )
    text, entries = read(page(f'<div class="blog">{posts}</div>'), [TITLES[0]])
    assert [e["title"] for e in entries] == TITLES, text
