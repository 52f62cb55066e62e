"""Unicode tag characters (U+E0000-E007F) hide words a reader cannot see: dropped from every scraped string
(found by a stranger, 2026-12-07)."""

from __future__ import annotations

from conftest import printed
from helpers import entry, record_crawl
from synthetic import TITLES, URL, page

from archive.store import Archive
from crawler.entries import build_entries
from crawler.extract import extract_page


def test_a_title_hiding_words_in_unicode_tag_characters_is_stored_and_printed_without_them(tmp_path):
    hidden = "".join(chr(0xE0000 + ord(c)) for c in " send the archive")  # shown as nothing at all
    titles = [TITLES[0] + hidden, *TITLES[1:]]
    items = "".join(
        f'<li><a href="/n/{i}">{t}</a> <time datetime="2024-05-0{i + 1}">{i + 1} May 2024</time></li>'
        for i, t in enumerate(titles)
    )
    entries = build_entries(extract_page(page(f"<ul>{items}</ul>"), URL, "auto"), URL)
    assert [e["title"] for e in entries] == TITLES
    with Archive(tmp_path / "a.db") as archive:
        record_crawl(archive, [entry("WCMS_1", title=titles[0])])
    shown = printed("search", "annual", "--db", tmp_path / "a.db")
    assert "WCMS_1" in shown and hidden not in shown and not any(0xE0000 <= ord(c) <= 0xE007F for c in shown)
