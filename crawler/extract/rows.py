"""What the generic extractor does with a list's entries once each is read: a bare link's trailing date, the
date a day's later rows leave blank, and one entry for a row drawn twice."""

from __future__ import annotations

from ..parsers.datelines import date_in_line
from .html import tag, text_of
from .raw import RawEntry


def tail_date(a) -> str | None:
    """<p><a>Report</a> (12 May 2020)<br><a>...: a bare link's date is the text that follows it on its line."""
    tail = (a.tail or "").strip(" \t\n()[]–—-|,")
    return date_in_line(tail) if tail else None


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
    # A row listed twice in one group (same link, title and date) is one entry.
    seen: set = set()
    out = []
    for e in entries:
        key = (e.href, e.title, e.date_text, e.group)
        if e.href and key in seen:
            continue
        seen.add(key)
        out.append(e)
    return out
