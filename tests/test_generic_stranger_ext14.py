"""Misses a stranger found in the generic extractor, in synthetic pages: one test per rule."""

from crawler.entries import build_entries
from crawler.extract import extract_page

URL = "https://example.org/news/"
CHROME = '<header><nav><a href="/">Home</a> <a href="/contact/">Contact us</a></nav></header>'


def _entries(body: str, url=URL):
    html = f'<html lang="en"><body>{CHROME}<main>{body}</main><footer>Our address</footer></body></html>'
    return build_entries(extract_page(html, url, "auto"), url)


def test_a_date_closing_an_entrys_paragraph_after_its_prose_dates_the_entry():
    """ "<p><a>Title</a> The board read it. 12 March 2024</p>": a date that is the paragraph's whole last sentence
    stands apart from the prose, as a dateline does; a date inside a sentence ("held on 12 March 2024.") does not."""
    item = (
        '<p><a href="/n/{i}/">Annual report number {i} published</a> The board read it and agreed. {d} March 2024</p>'
    )
    entries = _entries("".join(item.format(i=i, d=10 + i) for i in range(1, 5)))
    assert [e["date_start"] for e in entries] == [f"2024-03-1{i}" for i in range(1, 5)]
    assert all("March" not in (e.get("description") or "") for e in entries)
    prose = (
        '<p><a href="/n/{i}/">Annual report number {i} published</a> The board met on {d} March 2024 to read it.</p>'
    )
    assert [e["date_start"] for e in _entries("".join(prose.format(i=i, d=10 + i) for i in range(1, 5)))] == [None] * 4

