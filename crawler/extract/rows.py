"""What the generic extractor does with a list's entries once each is read: a bare link's date closing or opening
its line, the date a day's later rows leave blank, a bracketed date closing most titles, and one entry for a row
drawn twice."""

from __future__ import annotations

import re
from dataclasses import replace

from ..parsers.datelines import date_in_line
from .closing_days import titles_closing_on_days
from .date_heads import dates_under_heads
from .html import tag, text_of
from .pointer_words import is_generic_text
from .raw import RawEntry


def tail_date(a) -> str | None:
    """<p><a>Report</a> (12 May 2020)<br><a>...: a bare link's date is the text that follows it on its line."""
    tail = (a.tail or "").strip(" \t\n()[]–—-|,")
    return date_in_line(tail) if tail else None


def head_date(a) -> str | None:
    """<p>23/10/2015 - <a>Title</a><br>06/08/2015 - <a>...: a bare link whose line opens with only a date (and a
    dash or colon before the link) is dated by it; words beside the date make it prose, not the line's date."""
    before = a.getprevious()
    if before is not None and tag(before) != "br":
        return None  # an element before the link on its line: not a line that opens with its date
    head = (before.tail if before is not None else a.getparent().text) or ""
    head = head.strip(" \t\n()[]–—-|,:")
    return head if head and date_in_line(head) == head else None


def list_dates(records: list, entries: list[RawEntry]) -> None:
    """The dates the list as a whole gives entries whose own lines showed none: a row's blank date cell under a
    dated row (ditto_dates), a date line over several items (dates_under_heads), a bracketed date closing most
    titles (bracketed_title_dates)."""
    ditto_dates(records, entries)
    dates_under_heads(records, entries)
    bracketed_title_dates(entries)
    titles_closing_on_days(entries)  # "Verbale della riunione del 31 Maggio 2022" on most records


def ditto_dates(records: list, entries: list[RawEntry]) -> None:
    """A meetings list that shows a day's date in its first row only, its later rows leaving that cell blank
    (or keeping the date for screen readers only): a record whose cell in the dated column is there but empty
    has the date of the row above it, in the same group; so do the rows a date cell spans (rowspan). Where a
    group opens on an undated row, a blank cell means no date, and only spans carry one down.
    `records` holds each entry's block."""
    ditto = not _opens_undated(entries)
    shown = None  # (date text, column, cell tags, group) of the last row that showed its date in a cell
    spanned = (None, 0)  # a date cell's text and how many rows below it it still spans
    for record, entry in zip(records, entries, strict=True):
        cells = _cells(record)
        kinds = [tag(c) for c in cells]
        if entry.date_text:
            column = next((k for k, c in enumerate(cells) if date_in_line(text_of(c)) == entry.date_text), None)
            shown = (entry.date_text, column, kinds, entry.group) if column is not None else None
            span = cells[column].get("rowspan", "") if column is not None else ""
            spanned = (entry.date_text, int(span) - 1 if span.isdigit() else 0)
        elif spanned[1] > 0:
            entry.date_text, spanned = spanned[0], (spanned[0], spanned[1] - 1)
        elif ditto and shown and shown[2:] == (kinds, entry.group) and shown[1] < len(cells) - 1:
            if not text_of(cells[shown[1]]) and text_of(record):
                entry.date_text = shown[0]
            else:
                shown = None


def bracketed_title_dates(entries: list[RawEntry]) -> None:
    """<a>7th Modelling Workshop (09-11 May 2022)</a> in each record of a list that shows no date line: titles
    closing on a date in brackets, run into the words, keep it (no break, dash or bar sets it apart), and where
    most of the list's titles close so and no entry has another date, it is the only date each entry shows, so
    it dates it. A bracketed date closing a few titles of a list is a mention, not the list's dates."""
    if not entries or any(e.date_text or e.date_iso for e in entries):
        return
    closing = [_bracketed_date(e.title) for e in entries]
    dated = sum(d is not None for d in closing)
    if dated * 2 <= len(entries) or dated < 2:
        return
    for entry, shown in zip(entries, closing, strict=True):
        entry.date_text = shown


_CLOSING_BRACKET = re.compile(r"[(\[]([^()\[\]]+)[)\]]\s*$")


def _bracketed_date(title: str | None) -> str | None:
    """The date a title's closing bracket holds whole ("(21-23 Sept 2021)"), else None."""
    found = _CLOSING_BRACKET.search(title or "")
    inner = found[1].strip() if found else None
    return inner if inner and date_in_line(inner) == inner else None


def _opens_undated(entries: list[RawEntry]) -> bool:
    """Whether a group of the list opens on an entry without a date (its blank cells mean no date)."""
    seen: set = set()
    for entry in entries:
        if entry.group not in seen and not entry.date_text:
            return True
        seen.add(entry.group)
    return False


def _cells(record) -> list:
    """A record's cells: its child elements (a row's <td>s, a grid row's columns)."""
    return [c for c in record if tag(c)]


def once(entries: list[RawEntry]) -> list[RawEntry]:
    """The same list drawn twice in a row (a desktop and a mobile copy) gives its entries once, and so does a
    row listed twice in one group; an entry listed again in another section stays. Rows of the same names on other
    days (a committee's meetings, two committees alternating) are no copy: the date is part of the key."""
    keys = [(e.href, e.title, e.date_text, e.date_iso) for e in entries]
    half = len(keys) // 2
    if half and len(keys) % 2 == 0 and keys[:half] == keys[half:]:
        return entries[:half]
    # A row listed twice in one group (same link, title and date) is one entry, unless each shows a teaser of its own:
    # two cards of one story ("A seminar on…", "We organized a seminar on…") are two; a featured copy is not.
    seen: dict = {}
    out = []
    for e in entries:
        key, text = (e.href, e.title, e.date_text, e.group), tuple(e.paragraphs or ())
        if e.href and any(not text or not shown or shown == text for shown in seen.get(key, ())):
            continue
        seen.setdefault(key, []).append(text)
        out.append(e)
    return out


def stacked_links(records: list, entries: list[RawEntry]) -> list[RawEntry]:
    """<p>9.15.20<br><a>Program helps families (part 1)</a><br><a>Program helps families (part 2)</a><br>-Source</p>:
    a record whose title link has a sibling link to another page, each alone on its line and named in four words or
    more (no pointer), lists several items under one date: each is an entry, with the record's date and group.
    `records` holds each entry's block; a link of fewer words beside it ("WAVE3 coverage") stays a part of it."""
    out = []
    for record, entry in zip(records, entries, strict=True):
        out.append(entry)
        links = [c for c in record if tag(c) == "a" and _alone_on_its_line(c)]
        first = next((a for a in links if a.get("href") == entry.href and text_of(a) == entry.title), None)
        if first is None or not _names_an_item(first):
            continue
        seen = {entry.href}
        for a in links[links.index(first) + 1 :]:
            if _names_an_item(a) and a.get("href") not in seen:
                seen.add(a.get("href"))
                out.append(replace(entry, title=text_of(a), href=a.get("href"), paragraphs=list(entry.paragraphs)))
    return out


def _alone_on_its_line(a) -> bool:
    before, after = a.getprevious(), a.getnext()
    opens = (before is not None and tag(before) == "br" and not (before.tail or "").strip()) or (
        before is None and not (a.getparent().text or "").strip()
    )
    return opens and not (a.tail or "").strip() and (after is None or tag(after) == "br")


def _names_an_item(a) -> bool:
    shown = text_of(a) or ""
    return bool(a.get("href")) and len(shown.split()) >= _MIN_ITEM_WORDS and not is_generic_text(shown)


# A link stacked under a record's title link names an item of its own in this many words at least.
_MIN_ITEM_WORDS = 4
