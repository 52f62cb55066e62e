"""history ENTRY: an entry id, a document number, or any spelling of the entry's URL."""

import pytest
from helpers import news_entry, record_crawl

from archive.queries import NotFound, resolve_entry
from archive.store import Archive

ENTRIES = [
    news_entry("custom-1", url="https://www.example.org/news/item?id=5&utm_source=mail"),
    news_entry("custom-2", url="https://example.org/"),
    news_entry("custom-3", url="https://example.org/a%20b/Page.HTML"),
]


@pytest.fixture
def conn(tmp_path):
    with Archive(tmp_path / "a.db") as a:
        record_crawl(a, ENTRIES + [news_entry(f"WCMS_{i}") for i in range(200)])
        yield a.conn


@pytest.mark.parametrize(
    "ref, eid",
    [
        ("https://www.example.org/news/item?id=5&utm_source=mail", "custom-1"),  # as archived
        ("http://example.org/news/item?id=5#top", "custom-1"),  # another spelling of it
        ("https://EXAMPLE.org/?", "custom-2"),  # the site's root: every URL is a candidate
        ("http://www.example.org/a%20b/Page.HTML", "custom-3"),  # the path as written, case and escapes kept
    ],
)
def test_any_spelling_of_an_entrys_url_finds_it(conn, ref, eid):
    assert resolve_entry(conn, ref) == eid


@pytest.mark.parametrize("ref", ["https://example.org/a%20b/page.html", "https://example.org/news/item?id=6"])
def test_a_different_address_is_not_found(conn, ref):
    with pytest.raises(NotFound):
        resolve_entry(conn, ref)
