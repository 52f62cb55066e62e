"""Records of real listing pages the generic extractor read wrong (issue 21, batch D, moved up to be fixed), each in
small synthetic HTML. Earlier files of these: tests/test_unseen_patterns.py, _shapes.py, _rows.py, _sections.py."""

from synthetic import URL
from synthetic import generic_entries as _entries

from crawler.entries import build_entries
from crawler.extract import extract_page

BULLETINS = [
    "Bulletin on the state anticorruption policy",
    "Training for municipal officers",
    "Annual meeting of the citizens' committee",
    "Report on public procurement",
]

HREFS = ["news/one", "/news/two", "three", "https://b.org/x"]


def test_relative_links_resolve_against_the_pages_base_href():
    rows = "".join(
        f"<div class='post'><h2><a href='{href}'>{name}</a></h2><p>A teaser of some length, number {i}.</p></div>"
        for i, (name, href) in enumerate(zip(BULLETINS, HREFS, strict=True))
    )
    html = f"<html lang='en'><head><base href='/'></head><body><main>{rows}</main></body></html>"
    entries = build_entries(extract_page(html, URL, "auto"), URL)  # URL is https://example.org/news/
    assert [e["url"] for e in entries] == [
        "https://example.org/news/one",
        "https://example.org/news/two",
        "https://example.org/three",
        "https://b.org/x",
    ]


def _bulletins(link_text: str, heading=lambda i, name: name) -> str:
    return "".join(
        f"<div><h1>{heading(i, name)}</h1> <h4>Bulletin CPC/{i:02d}/2023-24</h4> "
        f"<a href='/files/bulletin-{i}.pdf'>{link_text}</a></div>"
        for i, name in enumerate(BULLETINS)
    )


def test_one_link_wording_on_every_record_under_a_heading_of_its_own_is_no_title():
    entries = _entries(f"<div class='card'>{_bulletins('View bulletin')}</div>", "<html lang='en'>")
    assert [(e["title"], e["url"]) for e in entries] == [
        (name, f"https://example.org/files/bulletin-{i}.pdf") for i, name in enumerate(BULLETINS)
    ]


def test_one_link_wording_on_every_record_beside_an_element_named_as_its_title_is_no_title():
    rows = "".join(
        f"<li><p class='doc-title'>{name}</p><p>Issued by the committee, number {i}.</p>"
        f"<a href='/files/bulletin-{i}.pdf'>Open bulletin</a></li>"
        for i, name in enumerate(BULLETINS)
    )
    assert [e["title"] for e in _entries(f"<ul class='docs'>{rows}</ul>", "<html lang='en'>")] == BULLETINS


def test_a_shared_link_wording_under_one_same_heading_still_names_its_records():
    html = _bulletins("Regular Meeting", lambda i, name: "Board of Supervisors")  # a kind, not a name
    assert [e["title"] for e in _entries(html, "<html lang='en'>")] == ["Regular Meeting"] * 4


MEETINGS = [
    ("Jan 4, 2023 9:00 AM", "County Planning Commission - Regular Meeting", "2023-01-04"),
    ("Jan 10, 2023 9:30 AM", "Board of Supervisors - Regular Meeting", "2023-01-10"),
    ("Jan 18, 2023 9:00 AM", "County Planning Commission - Regular Meeting", "2023-01-18"),
    ("Feb 7, 2023 9:30 AM", "Board of Supervisors - Special Meeting", "2023-02-07"),
]


def test_links_that_say_only_a_year_beside_the_list_are_its_years_not_entries():
    years = ", ".join(
        f"<a href='/Citizens/calendar.aspx?From=1/1/{y}&amp;To=12/31/{y}'>{y}</a>" for y in range(2023, 2011, -1)
    )
    rows = "".join(
        f"<div class='Row MeetingRow'><div class='RowTop'><div class='RowLink'>"
        f"<a href='/Citizens/Detail.aspx?ID={i}'>{when}</a></div>"
        f"<div class='RowRight'><a href='/Citizens/File.aspx?ID={i}'>Agenda</a></div></div>"
        f"<div class='RowBottom'><div class='RowDetails'>{name}</div></div></div>"
        for i, (when, name, _) in enumerate(MEETINGS)
    )
    html = f"<div><table><tr><td><strong>Date:</strong></td><td><span>{years}</span></td></tr></table>"
    html += f"<div class='Section'>{rows}</div></div>"
    entries = _entries(html, "<html lang='en'>")
    assert [(e["title"], e["date_start"]) for e in entries] == [(name, day) for _, name, day in MEETINGS]


def test_a_heading_inside_a_card_link_outranks_an_element_classed_as_a_title_in_its_picture():
    cards = "".join(
        f"<a class='news-card' href='/news/{i}.html'><div class='card-image'>"
        + ("<div class='banner-title'><span>Third national</span> <span>tournament</span></div>" if i == 1 else "")
        + f"<img src='/img/{i}.jpg'></div><div class='card-content'><span class='card-date'>{i + 1} June 2026</span>"
        f"<h2 class='card-heading'>{name}</h2></div></a>"
        for i, name in enumerate(BULLETINS)
    )
    assert [e["title"] for e in _entries(f"<div class='news'>{cards}</div>", "<html lang='en'>")] == BULLETINS


def test_a_one_word_heading_inside_a_card_link_is_a_kicker_the_element_classed_as_a_title_names_it():
    cards = "".join(
        f"<a class='card' href='/news/{i}.html'><h5>Opinion</h5><div class='card-title'>{name}</div>"
        f"<p>A teaser of some length about the matter, number {i}.</p></a>"
        for i, name in enumerate(BULLETINS)
    )
    assert [e["title"] for e in _entries(f"<div class='news'>{cards}</div>", "<html lang='en'>")] == BULLETINS


def test_a_microformat_date_in_an_elements_title_outranks_a_dateline_in_the_posts_text():
    posts = "".join(
        f"<div class='post hentry'><h3 class='entry-title'><a href='/2020/10/post-{i}.html'>{name}</a></h3>"
        f"<div class='post-body'><p><span>Budapest, Cambridge, October 2020</span></p><p>The text of the post.</p>"
        f"</div><div class='post-footer'>Posted by <span class='fn'>Editor</span> at <a href='/2020/10/post-{i}.html'>"
        f"<abbr class='published' title='2020-10-0{i + 1}T13:39:00+02:00'>13:39</abbr></a></div></div>"
        for i, name in enumerate(BULLETINS)
    )
    entries = _entries(f"<div class='blog-posts'>{posts}</div>", "<html lang='en'>")
    assert [(e["title"], e["date_start"]) for e in entries] == [
        (name, f"2020-10-0{i + 1}") for i, name in enumerate(BULLETINS)
    ]


def test_one_pointing_wording_on_every_record_after_its_plain_name_gives_way_to_that_name():
    rows = "".join(
        f"<li>{name} <a href='/files/bulletin-{i}.pdf'>Ver comunicado</a></li>" for i, name in enumerate(BULLETINS)
    )
    entries = _entries(f"<ul class='docs'>{rows}</ul>", "<html lang='es'>")
    assert [(e["title"], e["url"]) for e in entries] == [
        (name, f"https://example.org/files/bulletin-{i}.pdf") for i, name in enumerate(BULLETINS)
    ]


def test_pagination_links_resolve_against_the_pages_base_href_too():
    rows = "".join(
        f"<div class='post'><h2><a href='news/{i}'>{name}</a></h2></div>" for i, name in enumerate(BULLETINS)
    )
    pager = "<a href='news/?page=2'>2</a> <a href='news/?page=3'>3</a> <a href='news/?page=2'>Next</a>"
    pager = f"<nav class='pager'>{pager}</nav>"
    html = f"<html lang='en'><head><base href='/'></head><body><main>{rows}{pager}</main></body></html>"
    page = extract_page(html, URL, "auto")  # URL is https://example.org/news/
    assert page.page_links == ["https://example.org/news/?page=2", "https://example.org/news/?page=3"]
