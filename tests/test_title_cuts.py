"""A profile's title cut out of a line of date, title and venue (crawler/extract/title_cuts.py), with a date
written with its hour or as ISO figures joined by the mark (found by a stranger, 2026-12-07)."""

from __future__ import annotations

from synthetic import TITLES, URL, page, read

from crawler.entries import build_entries
from crawler.extract import extract_page
from crawler.extract.profiles import profile_from_text

# Talks as free-text lines "DATE<mark> Title op <a>Venue</a>" (docs/learn.md's third shape), with the date written
# otherwise than the docs' "7/10/2025": with its hour, or as ISO figures joined by the "-" a mark may also be.
DAYS = ["7/10/2025", "23/10/2025", "6/05/2025", "25/2/2025"]
ISO_DAYS = ["2025-10-07", "2025-10-23", "2025-05-06", "2025-02-25"]


def talk_lines(shape: str, days: list[str]) -> str:
    items = "".join(shape.format(i=i, t=t, d=d) for i, (t, d) in enumerate(zip(TITLES, days, strict=True)))
    return page(f'<h2>Talks</h2><ul class="talks">{items}</ul>')


def test_a_title_cut_after_a_date_with_its_hour_keeps_no_part_of_the_hour():
    profile = profile_from_text(
        'name = "example.org"\ndomains = ["example.org"]\ntitle_after_date = ":"\ntitle_before = [" op "]\n\n'
        '[selectors]\nentry = "ul.talks > li"\nlink = "a"\n',
        "talks.toml",
    )
    html = talk_lines('<li>{d} 19:00: {t} op <a href="/v/{i}">Campus Noord</a></li>', DAYS)
    entries = build_entries(extract_page(html, URL, profile), URL, URL, profile)
    assert [e["title"] for e in entries] == TITLES


def test_learn_cuts_titles_out_of_lines_opening_on_an_iso_date_and_a_dash():
    html = talk_lines('<li>{d} - {t} op <a href="/v/{i}">Campus Noord</a></li>', ISO_DAYS)
    text, entries = read(html, [TITLES[1]])
    assert 'title_after_date = "-"' in text, text
    assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO_DAYS, strict=True))


def test_a_profiles_title_after_label_takes_the_label_off_titles_that_open_on_it_alone():
    """`title_after_label`: a title opening on the label (any case) loses it; one that does not, or is the label
    alone, stays as it is."""
    profile = profile_from_text(
        'name = "t"\ntitle_after_label = "Description:"\n[selectors]\nentry = "li.c"\ntitle = "span"\n', "test"
    )
    cells = [f"DESCRIPTION: {TITLES[0]}", TITLES[1], "Description:"]
    html = page(
        "<ul>" + "".join(f"<li class='c'><span>{c}</span> <a href='/x{i}'>more</a></li>" for i, c in enumerate(cells))
    )
    entries = build_entries(extract_page(html, URL, profile), URL, URL, profile)
    assert [e["title"] for e in entries] == [TITLES[0], TITLES[1], "Description:"]


def _decisions(notes: list[str]) -> str:
    """Court decisions as table rows: the date in a cell of its own, the title a link to the PDF closing on the file's
    kind and size in brackets where the file is there ("(pdf, 128 KB)"), a "more" link (de-lag-bremen-entscheidungen,
    batch Z)."""
    rows = "".join(
        f'<tr class="result"><td><em>{d}</em></td><td class="doc"><a href="/d/{i}.pdf">{t}{note}</a><br>An excerpt'
        f' of the headnote of this decision. <a href="/d/{i}">More</a></td></tr>'
        for i, (t, d, note) in enumerate(zip(TITLES, DAYS, notes, strict=True))
    )
    return page(f"<table>{rows}</table>")


def test_a_file_kind_and_size_in_brackets_closing_each_title_link_is_cut_off_from_any_example():
    """The example is the link's words without " (pdf, 128 KB)": the profile cuts a closing bracket (before: the
    example was read back as the whole link text, so every title kept its file note); a row without a file keeps
    its title as it is."""
    html = _decisions([" (pdf, 128 KB)", " (PDF, 1.2 MB)", "", " (pdf, 75,7 kB)"])
    for example in (TITLES[0], TITLES[2]):
        text, entries = read(html, [example])
        assert 'title_before = ["("]' in text, text
        assert [(e["title"], e["date_start"]) for e in entries] == list(zip(TITLES, ISO_DAYS, strict=True)), text


def test_words_in_brackets_closing_title_links_are_no_file_note():
    """ "(Special)" closing a link is a part of its title, not a file's kind or size: no cut is learnt."""
    text, entries = read(_decisions([" (Special)", "", " (Special)", ""]), [TITLES[1]])
    assert "title_before" not in text, text
    assert entries[0]["title"] == f"{TITLES[0]} (Special)", text
