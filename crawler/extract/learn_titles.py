"""What `learn` counts as a title: the elements like the example's that a block holds (a row's title cell, not
its "Agenda" link or its status), so that a block holding several is a list, not an entry."""

from __future__ import annotations

from ..parsers.dates import looks_like_date_line
from .html import text_of
from .wordings import is_more_link


def could_be_title(el) -> bool:
    """Text that can be an entry's title: some text, not "Read more", not a date."""
    text = text_of(el) if el is not None else None
    return bool(text) and not is_more_link(text) and not looks_like_date_line(text)


def title_like(el) -> bool:
    """A title for counting the titles a block holds: more than one word besides, so that a
    row's "Agenda" or "PDF" link beside its title is not a second title."""
    return could_be_title(el) and len(text_of(el).split()) > 1


def _signature(el) -> tuple:
    return el.tag, frozenset((el.get("class") or "").split())


def _titles_inside(node, title) -> int:
    """How many elements like the title (same tag and classes, parent alike, a link or none as it
    has) the node holds: a row's title cell and its cells of file buttons are not two titles."""
    parent = title.getparent()
    want, want_parent = _signature(title), _signature(parent) if parent is not None else None
    linked = _has_link(title)
    count = 0
    for el in node.iter(title.tag):
        up = el.getparent()
        alike = _signature(el) == want and (up is None or _signature(up) == want_parent)
        if alike and _has_link(el) == linked and title_like(el):
            count += 1
    return count


def _one_row(node, title) -> bool:
    """A table row whose cells each hold at most one title-like line (a status "Agenda Ready" beside the title):
    its columns, one entry."""
    return node.tag == "tr" and all(_titles_inside(cell, title) <= 1 for cell in node if cell.tag in ("td", "th"))


def _has_link(el) -> bool:
    return next(el.iter("a"), None) is not None
