"""Records of real listing pages the generic extractor read wrong (issue 21, batch M, part A), each in small
synthetic HTML."""

from synthetic import URL
from synthetic import generic_entries as _entries

NEWS = ["Semana acadêmica de computação", "Resultado do edital de monitoria", "Defesas de TCC do semestre"]
NEWS += ["Nota de falecimento"]
SHOWN = ["2021-10-18", "2021-09-20", "2021-07-05", "2020-11-05"]


def _media_row(title: str, shown: str, stamp: str) -> str:
    slug = title.lower().replace(" ", "-")
    return (
        f"<div class='media'><a href='{URL}{slug}/'><img src='/t.png' alt=''></a><div class='media-body'>"
        f"<h4><a href='{URL}{slug}/'>{title}</a></h4><ul class='meta'><li>Autor</li>"
        f"<li><time datetime='{stamp}' itemprop='datePublished'>{shown}</time></li></ul>"
        f"<p>Um resumo da notícia, com algumas palavras.</p><a href='{URL}{slug}/'>ler mais</a></div></div>"
    )


def test_a_datetime_stamped_alike_on_every_entry_gives_way_to_the_dates_the_entries_show():
    # a static site's build time in every <time datetime>, each post's own date in the element's text
    rows = "".join(_media_row(t, d, "2021-10-18T20:20:37Z") for t, d in zip(NEWS, SHOWN, strict=True))
    entries = _entries(f"<h2>Notícias</h2>{rows}", "<html>")
    assert [e["title"] for e in entries] == NEWS
    assert [e["date_start"] for e in entries] == SHOWN


def test_a_datetime_of_each_entry_still_completes_a_date_shown_without_its_year():
    # the guard: per-entry datetimes ("3 May" shown) keep giving the year
    shown = ["3 May", "20 April", "2 March", "9 February"]
    stamps = ["2022-05-03", "2022-04-20", "2022-03-02", "2022-02-09"]
    rows = "".join(_media_row(t, d, s) for t, d, s in zip(NEWS, shown, stamps, strict=True))
    entries = _entries(f"<h2>News</h2>{rows}", "<html lang='en'>")
    assert [e["date_start"] for e in entries] == stamps


MENTIONS = ["Forecasting water quality for managers", "A student merges data and the outdoors"]
MENTIONS += ["Team launches a system to predict water conditions", "Researchers win support to forecast lakes"]
SOURCES = ["By: Abby Lewis", "Tech Daily, May 9, 2019", "Tech Daily, April 2, 2019", "Water World, October 18, 2017"]


def _mentions(heading: str, links: list[str]) -> str:
    body = "".join(
        f"<{heading}>{name}</{heading}><p><em><a href='https://news{i}.example.net/story'>{line}</a></em></p>"
        f"<p>The story's first paragraph, quoted at length from the article.</p>"
        for i, (name, line) in enumerate(zip(MENTIONS, links, strict=True))
    )
    return f"<article><h1>In the News</h1><section>{body}</section></article>"


def test_a_heading_over_each_record_whose_link_names_the_source_and_date_is_the_title():
    # press mentions: each story's heading, then a line linking the outlet and the day it ran (or who made it)
    for heading in ("h1", "h2"):
        entries = _entries(_mentions(heading, SOURCES), "<html lang='en-US'>")
        assert [e["title"] for e in entries] == MENTIONS
        assert [e["url"] for e in entries] == [f"https://news{i}.example.net/story" for i in range(4)]
        assert [e["date_start"] for e in entries] == [None, "2019-05-09", "2019-04-02", "2017-10-18"]
        assert {e["group"] for e in entries} == {None}


def test_a_link_naming_its_story_beside_a_date_under_a_heading_of_its_own_stays_the_title():
    # the guard: a link of many words is the story's own name, the heading over it (an author, a topic) is not
    days = ["May 9, 2019", "April 2, 2019", "October 18, 2017", "June 1, 2017"]
    named = [f"{name} in the valley this spring, {day}" for name, day in zip(MENTIONS, days, strict=True)]
    entries = _entries(_mentions("h1", named), "<html lang='en-US'>")
    assert [e["title"][:20] for e in entries] == [t[:20] for t in named]
    assert not {e["title"] for e in entries} & set(MENTIONS)


STIRI = ["Teatrul sustine maratonul independent", "Productiile teatrului in topul spectatorilor"]
STIRI += ["Teatrul la festivalul de vara", "Premiera in cadrul festivalului"]
DAYS = ["6 septembrie 2012", "4 septembrie 2012", "6 iulie 2012", "19 iunie 2012"]


def _stire(i: int, title: str, day: str) -> str:
    # the teaser pasted from a word processor, with headings and bold runs of its own
    pasted = f"<h1 align='center'><span>Festivalul numărul {i} al orașului</span></h1>" if i % 2 == 0 else ""
    pasted += "<p><b>prima ediție a festivalului de teatru...</b></p>" if i != 1 else "<p>Un text scurt.</p>"
    return (
        f"<tr><td><div style='padding:5px'><font size='2'>{day}</font><br><font size='4'>{title}</font><br>"
        f"<font size='2'><p>&nbsp;</p>{pasted}</font><br><div class='buton-inapoi'>"
        f"<a href='{URL}stire-{i}.html'><font size='1'>&gt; Citeşte mai mult ...</font></a></div></div></td></tr>"
    )


def test_a_line_set_in_big_type_over_a_teaser_with_headings_of_its_own_names_a_record_linked_by_a_pointer():
    # each news item: its date, a break, its title in big type, the teaser (pasted with headings and bold runs)
    # and "Citeşte mai mult ..." (Romanian "Read more"), its only link
    rows = "".join(_stire(i, t, d) for i, (t, d) in enumerate(zip(STIRI, DAYS, strict=True)))
    entries = _entries(f"<h2>Stiri</h2><table>{rows}</table>", "<html lang='ro'>")
    assert [e["title"] for e in entries] == STIRI
    assert [e["url"] for e in entries] == [f"{URL}stire-{i}.html" for i in range(4)]
    assert [e["date_start"] for e in entries] == ["2012-09-06", "2012-09-04", "2012-07-06", "2012-06-19"]


def test_pointer_words_in_other_languages_leave_the_record_named_by_its_own_text():
    for pointer in ("Citește mai mult", "Czytaj więcej", "Lue lisää", "Läs mer", "Pročitaj više", "Devamını oku"):
        rows = "".join(f"<li>{name} <a href='/doc/{i}'>{pointer}</a></li>" for i, name in enumerate(STIRI))
        entries = _entries(f"<h2>Arhiva</h2><ul>{rows}</ul>")
        assert [e["title"] for e in entries] == STIRI, pointer


def test_a_bold_kicker_beside_its_heading_in_one_block_stays_a_kicker():
    # the guard: "<strong>Comunicat</strong>" over the heading in the same block labels the kind of item
    cards = "".join(
        f"<div class='card'><strong>Comunicat de presă</strong><h3>{t}</h3><p>Un text scurt al știrii.</p>"
        f"<a href='{URL}c-{i}'>Citește mai mult</a></div>"
        for i, t in enumerate(STIRI)
    )
    entries = _entries(f"<h2>Stiri</h2>{cards}", "<html lang='ro'>")
    assert [e["title"] for e in entries] == STIRI


EVENTS = [(12, "Operations and Resources"), (20, "Legal Committee"), (20, "Board of Directors Workshop")]
EVENTS += [(21, "Audit Committee")]


def _calendar_event(day: int, name: str) -> str:
    slug = name.lower().replace(" ", "-")
    # the title link, and the same link in a hidden tooltip with the event's date
    return (
        f"<article class='cal-event'><div class='cal-event-details'><div class='cal-event-time'>12:00 pm</div>"
        f"<div class='cal-event-title'><a href='/event/{slug}/'>{name}</a></div>"
        f"<div class='cal-tooltip-template a11y-hidden'><div class='cal-tooltip'>"
        f"<div class='cal-tooltip-date'><time datetime='2025-11-{day}'>November {day} @ 12:00 pm</time></div>"
        f"<div class='cal-tooltip-title'><a href='/event/{slug}/'>{name}</a></div></div></div></div></article>"
    )


def test_an_events_link_shown_again_in_its_tooltip_and_the_mobile_list_is_no_facet_of_a_month_grid():
    # a month grid: each day cell a link on its day number and the day's event cards (two on the 20th); below it
    # the mobile list shows the same events again: each event's short title links one page three times
    cells = ""
    for day in range(10, 24):
        cards = "".join(_calendar_event(d, n) for d, n in EVENTS if d == day)
        number = f"<a href='/events/2025-11-{day}/'>{day}</a>" if cards else str(day)
        cells += (
            f"<td class='cal-day'><div class='cal-day-date'>{number}</div><div class='cal-events'>{cards}</div></td>"
        )
    grid = f"<table class='cal-month'><tr class='cal-week'>{cells}</tr></table>"
    mobile = "".join(
        f"<li class='mobile-event'><a href='/event/{n.lower().replace(' ', '-')}/'>{n}</a></li>" for _, n in EVENTS
    )
    entries = _entries(f"<h2>Calendar of Events</h2>{grid}<ul class='mobile-day'>{mobile}</ul>", "<html lang='en-US'>")
    assert [e["title"] for e in entries] == [n for _, n in EVENTS]
    assert [e["url"] for e in entries] == [
        f"https://example.org/event/{n.lower().replace(' ', '-')}/" for _, n in EVENTS
    ]
    assert [e["date_start"] for e in entries] == [f"2025-11-{d}" for d, _ in EVENTS]


def test_a_short_link_at_the_same_place_of_each_row_is_still_a_facet():
    # the guard: "Join us!" in the last cell of each row leads to one page: the rows are named by their first cell
    groups = ["Young socialists", "Women's working group", "Migration and diversity", "Climate policy circle"]
    rows = "".join(f"<tr><td>{g}</td><td>Contact person</td><td><a href='/join'>Join us!</a></td></tr>" for g in groups)
    entries = _entries(f"<h2>Working groups</h2><table>{rows}</table>", "<html lang='en'>")
    assert "Join us!" not in {e["title"] for e in entries}


def test_a_whole_date_a_time_element_shows_wins_over_a_datetime_that_differs():
    # each post's <time> shows when it was posted; its datetime is when it was last changed (each a different day)
    shown = ["18 October 2021", "2021-09-20", "5 July 2021", "2020-11-05"]
    stamps = ["2023-01-09T10:00:00Z", "2023-02-11T10:00:00Z", "2023-03-14T10:00:00Z", "2023-04-18T10:00:00Z"]
    rows = "".join(_media_row(t, d, s) for t, d, s in zip(NEWS, shown, stamps, strict=True))
    entries = _entries(f"<h2>News</h2>{rows}", "<html lang='en'>")
    assert [e["date_start"] for e in entries] == ["2021-10-18", "2021-09-20", "2021-07-05", "2020-11-05"]


def test_a_datetime_still_settles_the_order_of_figures_a_time_element_shows():
    # the guard: "03/10/2017" on a US page could be 10 March; the datetime says 3 October, the page's own order
    # being no more than a guess for figures
    shown = ["03/10/2017", "02/09/2017", "01/08/2017", "04/07/2017"]
    stamps = ["2017-10-03", "2017-09-02", "2017-08-01", "2017-07-04"]
    rows = "".join(_media_row(t, d, s) for t, d, s in zip(NEWS, shown, stamps, strict=True))
    entries = _entries(f"<h2>News</h2>{rows}", "<html lang='en-US'>")
    assert [e["date_start"] for e in entries] == stamps


def test_more_links_are_known_in_other_languages_and_a_title_opening_on_their_words_is_none():
    from crawler.extract.wordings import is_more_link

    for pointer in ("Citeşte mai mult ...", "Czytaj więcej »", "Lue lisää", "Läs mer →", "Подробнее", "Leggi di più"):
        assert is_more_link(pointer), pointer
    assert not is_more_link("Mai mult decât un teatru")
