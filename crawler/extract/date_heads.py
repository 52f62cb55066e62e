"""A date on a line of its own heading the records below it, in a flat list: "<dl><dt>01-18-2013</dt><dd><a>Report
A</a></dd><dd><a>Report B</a></dd><dt>…": a term (<dt>, or a bare date line) stands over every item after it up to
the next one, so a day with several reports shows its date once, over the first."""

from __future__ import annotations

from dataclasses import dataclass

from ..parsers.datelines import bare_years, date_in_line
from .html import INLINE, tag, text_of
from .raw import RawEntry


@dataclass
class _Head:
    date: str
    item_tag: str  # the tag of the item the date line stands over ("dd")
    parent: object  # the list both stand in
    group: str | None
    last: object  # the last record it dated: the next one it dates follows it


def dates_under_heads(records: list, entries: list[RawEntry]) -> None:
    """An undated record that follows, in the same list and group, a record made of a date line and one item, and
    is an item of the same kind, is dated by that date line, as are the undated items after it up to the next
    dated record. `records` holds each entry's block (a flat run's members wrapped in a <div>)."""
    head = None
    for record, entry in zip(records, entries, strict=True):
        if entry.date_text or entry.date_iso:
            head = _head_of(record, entry)
        elif head is not None and _heads(head, record, entry):
            entry.date_text, head.last = head.date, record
        else:
            head = None


def _head_of(record, entry: RawEntry) -> _Head | None:
    """The date line opening a record of two lines (the date, then its item), when the record's date is that
    line's whole text; None otherwise."""
    lines = [c for c in record if tag(c)]
    if len(lines) != 2 or tag(lines[0]) in INLINE or tag(lines[0]) == "a" or lines[0].find(".//a") is not None:
        return None
    shown = text_of(lines[0])
    if not shown or bare_years(shown) or date_in_line(shown) != shown or shown != entry.date_text:
        return None
    return _Head(shown, tag(lines[1]), record.getparent(), entry.group, record)


def _heads(head: _Head, record, entry: RawEntry) -> bool:
    before = record.getprevious()
    while before is not None and not tag(before):  # comments between the items
        before = before.getprevious()
    return (
        before is head.last
        and record.getparent() is head.parent
        and tag(record) == head.item_tag
        and entry.group == head.group
    )
