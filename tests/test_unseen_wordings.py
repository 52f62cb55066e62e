"""Records of real listing pages the generic extractor read wrong (issue 21, batch D, moved up to be fixed), each in
small synthetic HTML. Earlier files of these: tests/test_unseen_patterns.py, _shapes.py, _rows.py, _sections.py."""

from synthetic import URL

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
