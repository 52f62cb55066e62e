"""Lines set apart as a title by their type alone (bold, big, <font size="4">), in old table layouts and pasted
text where no heading marks the title (issue 21)."""

from __future__ import annotations

from ..parsers.datelines import date_in_line
from .html import is_ancestor, tag, text_of

# <font size="3"> is the browser's normal type; 4 and up (or "+1") is set bigger than the text around it.
_BIG_FONT_SIZE = 4
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def set_apart(el) -> bool:
    """Bold or big type: <b>, <strong>, <big>, <font size="4"> (or "+1") and up."""
    size = (el.get("size") or "").strip() if tag(el) == "font" else ""
    big = size.startswith("+") or (size.isdigit() and int(size) >= _BIG_FONT_SIZE)
    return tag(el) in ("b", "strong", "big") or big


def line_over_teaser(record, heading, min_words: int, max_words: int):
    """A line set apart (min_words to max_words, no date) before the record's first heading, that heading inside
    a later block (the teaser, pasted with headings of its own): the line names the record, not the heading in
    its text. A kicker beside its heading, in the same block, stays a kicker. None when there is none."""
    if tag(heading) not in _HEADINGS:
        return None
    for x in record.iter():
        if x is heading:
            return None
        if not set_apart(x) or x.getparent() is heading.getparent() or is_ancestor(x, heading):
            continue
        shown = text_of(x) or ""
        if min_words <= len(shown.split()) <= max_words and not date_in_line(shown):
            return x
    return None
