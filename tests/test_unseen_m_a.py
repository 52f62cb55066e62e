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
