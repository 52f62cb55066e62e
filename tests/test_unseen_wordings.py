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


def test_a_shared_link_wording_under_one_same_heading_still_names_its_records():
    html = _bulletins("Regular Meeting", lambda i, name: "Board of Supervisors")  # a kind, not a name
    assert [e["title"] for e in _entries(html, "<html lang='en'>")] == ["Regular Meeting"] * 4
