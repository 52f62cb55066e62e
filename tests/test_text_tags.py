"""Characters that show nothing: Unicode tag characters (U+E0000-E007F) hide words a reader cannot see, the bidi
marks (LRM, RLM, ALM), embeddings, overrides and isolates move what stands beside them: dropped from every scraped
string, and never printed to a terminal (found by strangers, 2026-12-07)."""

from __future__ import annotations

import pytest
from conftest import printed
from helpers import entry, record_crawl
from synthetic import TITLES, URL, page

from archive.store import Archive
from crawler.entries import build_entries
from crawler.extract import extract_page
from crawler.field_table import LIST_FIELDS, WORD_FIELDS
from crawler.parsers.text import as_shown, clean_text, without_format_marks
from crawler.validation import normalise_entry


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


def test_a_joiner_inside_an_emoji_is_the_pages_words():
    emoji = "Detective \U0001f575\ufe0f\u200d\u2642\ufe0f club"
    assert clean_text(emoji) == emoji and without_format_marks(emoji) == emoji


# -- bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) ------------------------------------------
# stranger34 (2026-12-07): a link holding only RLM RLO LRI stored the title '\u202e\u2066 2024-02-10', written raw by
# `export --format json`. They were not on the one list (kept as "the page's words", dropped only on a terminal), so
# every route kept them, a link's own words too; an unclosed U+202E reverses whatever is shown after it.
BIDI_CONTROLS = {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}


def test_a_link_of_only_bidi_controls_gives_a_title_without_them():
    items = "".join(
        f'<li><a href="/q/{i}">{t}</a> <span>2024-0{i + 1}-10</span></li>'
        for i, t in enumerate(["Plain title one here", "\u200f\u202e\u2066", "Another plain title"])
    )
    entries = build_entries(extract_page(page(f"<h1>News</h1><ul>{items}</ul>"), URL, "auto"), URL)
    titles = [e["title"] for e in entries]
    assert {"Plain title one here", "Another plain title"} <= set(titles)
    assert not any(set(t) & BIDI_CONTROLS for t in titles), titles


def test_a_bidi_override_in_a_title_description_and_group_heading_is_not_kept():
    rows = "".join(
        f'<li><a href="/q/{i}">{t}</a> <p>Notes \u2067on\u2069 item {i} \u202egpj.exe\u202c</p></li>'
        for i, t in enumerate(["Report \u202egpj.exe\u202c", *TITLES[1:]])
    )
    entries = build_entries(extract_page(page(f"<h2>March \u2066 2023\u2069</h2><ul>{rows}</ul>"), URL, "auto"), URL)
    assert entries[0]["title"] == "Report gpj.exe"
    assert entries[0]["description"] == "Notes on item 0 gpj.exe"
    assert {e["group"] for e in entries} == {"March 2023"}
    assert clean_text("\u202aSe tutto\u202c") == "Se tutto"  # pasted LRE/PDF around Latin words (a real page)


def test_every_scraped_text_field_is_stored_without_hidden_characters_whichever_route_it_took():
    """A profile's or a structured item's strings may reach an entry past the parsers' clean_text: the
    normalisation every route to the archive takes (pipelines, reparse, parse, the distributed worker) drops what
    shows nothing from each field the field table marks as a page's words, and keeps their line breaks."""
    raw = {name: f"\u202e{name}\u2066 \x1b[31mred\u200f" for name in WORD_FIELDS if name not in LIST_FIELDS}
    raw.update(organisers=["\u2067ILO\u2069", "\u202e"], description="One\u202e\nTwo", url="https://e.org/\u202e")
    entry = normalise_entry({"entry_id": "WCMS_1", **raw})
    assert {name: entry[name] for name in raw} == {
        **{name: f"{name} red" for name in raw},
        "organisers": ["ILO"],
        "description": "One\nTwo",
        "url": "https://e.org/\u202e",  # a link is checked as a link (validate_entry), not as words
    }


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
