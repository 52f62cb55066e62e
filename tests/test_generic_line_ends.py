"""The generic extractor on what follows a title on its line or in its paragraph: a date closing the prose dates
the entry; a link naming only a kind of document ("Slides") is no entry. Small synthetic pages, one test per rule."""

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


def test_a_link_naming_only_a_kind_of_document_is_no_entry():
    """ "Slides", "Speech", "Transcript" after a record's title on its line: like "PDF" or "Video", a link that names
    only the form a document takes points at the record it sits by; it names no record of its own."""
    kinds = ["Slides", "Speech", "Transcript", "Presentation", "Slides"]
    item = '<li><a href="/s/{i}/">Minister speaks at conference number {i}</a> <a href="/files/{i}">{kind}</a>'
    item += " <span>{i} May 2023</span></li>"
    entries = _entries("<ul>" + "".join(item.format(i=i, kind=kinds[i - 1]) for i in range(1, 6)) + "</ul>")
    assert [e["title"] for e in entries] == [f"Minister speaks at conference number {i}" for i in range(1, 6)]
    assert [e["date_start"] for e in entries] == [f"2023-05-0{i}" for i in range(1, 6)]
