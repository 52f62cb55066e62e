"""A box beside the list that repeats its markup (issue 21, batch Y: a foundation's programme of dated events,
"<p><a><strong>Sonntag, 24. April um 15 Uhr</strong></a> …</p>", beside a box of notices written the same way,
"<p><a><strong>Flyer</strong></a></p>"). The same shape on any site whose news or events box in a sidebar or footer
is typed like the page's list: the list's records are dated by their links' words, the box's none, and the box holds
a few records beside the list's many. The box's records are no entries."""

from __future__ import annotations

from collections import defaultdict

from ..parsers.datelines import date_in_line, yearless_date
from .html import text_of
from .lists import lca

# The list's records: this many at least, and this share of those in its main box dated by their links' words;
_MIN_RECORDS, _DATED_SHARE = 6, 0.75
# a box beside them holds at most half as many records as the list.
_BOX_SHARE = 0.5
# A box holds two records at least: one record in other markup beside the list is its featured first entry.
_MIN_BOX = 2


def without_side_boxes(found: dict) -> dict:
    """`found` (each record -> its link) without the records of a box beside the list: a child of the records'
    common container other than the one holding most of them, holding few, none dated."""
    if len(found) < _MIN_RECORDS:
        return found
    top = lca(list(found))
    boxes: dict = defaultdict(list)
    for record in found:
        boxes[_child_under(record, top)].append(record)
    main = max(boxes.values(), key=len)
    small = [m for m in boxes.values() if m is not main and _MIN_BOX <= len(m) <= _BOX_SHARE * len(main)]
    if not small or sum(map(_dated, (found[r] for r in main))) < _DATED_SHARE * len(main):
        return found  # the dates read only when a box beside the list may be dropped
    dropped = {r for members in small if not any(_dated(found[r]) for r in members) for r in members}
    return {r: a for r, a in found.items() if r not in dropped} if dropped else found


def _dated(link) -> bool:
    shown = text_of(link) if link is not None else None
    return bool(shown) and (yearless_date(shown) is not None or date_in_line(shown) is not None)  # "8. Mai" too


def _child_under(el, top):
    """The element holding `el` (or `el` itself) that is a child of `top`."""
    node = el
    while node.getparent() is not None and node.getparent() is not top:
        node = node.getparent()
    return node
