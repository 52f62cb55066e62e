"""Characters that show nothing: Unicode tag characters (U+E0000-E007F) hide words a reader cannot see, the bidi
marks (LRM, RLM, ALM) move what stands beside them: dropped from every scraped string, and never printed to a
terminal (found by strangers, 2026-12-07)."""

from __future__ import annotations

import pytest
from conftest import printed
from helpers import entry, record_crawl
from synthetic import TITLES, URL, page

from archive.store import Archive
from crawler.entries import build_entries
from crawler.extract import extract_page
from crawler.parsers.text import as_shown, clean_text, without_format_marks


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


# -- every character that shows nothing: one list (crawler/parsers/text.py _INVISIBLE; docs/failures.md) --------------
# stranger29 noted the bidi marks (LRM, RLM, ALM) and U+180E kept by clean_text and printed to a terminal, though
# without_format_marks (learn's comparison) dropped them: two lists that had drifted apart.

SHOW_NOTHING = ["\u200e", "\u200f", "\u061c", "\u180e", "\u00ad", "\u200b", "\u200c", "\u2060", "\u2062", "\u206a"]


@pytest.mark.parametrize("mark", SHOW_NOTHING, ids=[f"U+{ord(c):04X}" for c in SHOW_NOTHING])
def test_a_character_that_shows_nothing_is_dropped_by_clean_text_and_the_comparison_alike(mark):
    title = f"Annual{mark} report \u0627\u0644\u062a\u0642\u0631\u064a\u0631{mark} 2024"
    assert clean_text(title) == "Annual report \u0627\u0644\u062a\u0642\u0631\u064a\u0631 2024"
    assert without_format_marks(title) == clean_text(title)


def test_a_joiner_inside_an_emoji_and_a_bidi_override_are_the_pages_words():
    emoji = "Detective \U0001f575\ufe0f\u200d\u2642\ufe0f club"
    assert clean_text(emoji) == emoji and without_format_marks(emoji) == emoji
    assert clean_text("Report \u202egpj.exe\u202c") == "Report \u202egpj.exe\u202c"  # kept; a terminal drops it


@pytest.mark.parametrize("mark", ["\u200e", "\u200f", "\u061c"])
def test_a_terminal_gets_no_bidi_mark(mark):
    assert as_shown(f"{mark}Minutes{mark} of the board") == "Minutes of the board"


def test_a_title_written_with_lrm_entities_is_stored_and_printed_without_them(tmp_path):
    titles = [f"&lrm;{TITLES[0]}&rlm;", *TITLES[1:]]
    items = "".join(
        f'<li><a href="/n/{i}">{t}</a> <time datetime="2024-05-0{i + 1}">{i + 1} May 2024</time></li>'
        for i, t in enumerate(titles)
    )
    entries = build_entries(extract_page(page(f"<ul>{items}</ul>"), URL, "auto"), URL)
    assert [e["title"] for e in entries] == TITLES
    with Archive(tmp_path / "a.db") as archive:
        record_crawl(archive, [entry("WCMS_1", title="\u200f" + TITLES[0])])  # an archive made before: as stored
    shown = printed("search", "annual", "--db", tmp_path / "a.db")
    assert "WCMS_1" in shown and "\u200f" not in shown
