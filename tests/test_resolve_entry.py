"""history ENTRY: an entry id, a document number, or any spelling of the entry's URL."""

import pytest
from conftest import invoke
from helpers import entry, news_entry, record_crawl

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


def test_a_number_or_url_entries_share_names_them_on_one_line_and_picks_none(tmp_path):
    """Was tests/test_open_findings.py's strict xfail: `history WCMS_1` of two entries of one page sharing the number
    (ids WCMS_1#…) said "no entry matches", and `history` of their URL showed one of them, picked silently. Both now
    say how many match and list their ids and titles (made safe for a terminal), exit 1; an id shows its entry."""
    link = "https://www.ilo.org/x/WCMS_1/lang--en/index.htm"
    with Archive(tmp_path / "a.db") as archive:
        wages = entry("WCMS_1#aaaaaaaaaa", url=link, title="Forum on wages")
        record_crawl(
            archive, [wages, entry("WCMS_1#bbbbbbbbbb", url=link, title="Forum on\x1b[31m skills", position=2)]
        )
    for ref in ("WCMS_1", link, link.replace("www.", "")):
        shown = invoke("history", ref, "--db", tmp_path / "a.db")
        assert shown.exit_code == 1, shown.output
        assert len(shown.output.strip().splitlines()) == 1 and "\x1b" not in shown.output, shown.output
        assert "matches 2 entries" in shown.output, shown.output
        assert "WCMS_1#aaaaaaaaaa (Forum on wages)" in shown.output and "WCMS_1#bbbbbbbbbb (Forum on" in shown.output
    shown = invoke("history", "WCMS_1#bbbbbbbbbb", "--db", tmp_path / "a.db")
    assert shown.exit_code == 0 and "skills" in shown.output, shown.output


def test_an_entry_alone_on_its_number_is_found_by_it(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        record_crawl(archive, [entry("WCMS_2#aaaaaaaaaa", url="https://www.ilo.org/x/WCMS_2/a.htm", title="Forum")])
        assert resolve_entry(archive.conn, "WCMS_2") == "WCMS_2#aaaaaaaaaa"
        assert resolve_entry(archive.conn, "https://ilo.org/x/WCMS_2/a.htm") == "WCMS_2#aaaaaaaaaa"
