"""One event shown on several days, a row a day (issue 21, a club's calendar: a national championship over three
days takes three rows, each dated with its own day and each linking the event's one brochure):
<tr><td>Fri 3 July 2026</td><td><a href="/route.pdf">National Route</a></td></tr>
<tr><td>Sat 4 July 2026</td><td><a href="/route.pdf">National Route</a></td></tr>…
The same short link to one place in several records reads as a facet ("Media Release" under each post); here each
copy is the only link of its block and the blocks show different days: each row is an entry of the listing."""

from __future__ import annotations

from ..parsers.datelines import date_in_line
from ..parsers.dates import looks_like_date_line
from .html import is_ancestor, tag, text_of

# A day's row shows its date in an element of at most this many nodes (a cell, a span), of at most this many words,
_MAX_DATE_NODES, _MAX_DATE_WORDS = 40, 6
# after a label or weekday of at most this many words ("Sam. 17 Janv. 2026", "Day 2: 4 July 2026").
_LABEL_WORDS = 2


def days_of_one_event(copies: list) -> bool:
    """Whether the copies of one link (the same address and words) each stand alone in a block of their own that
    links nowhere else and shows a date line of its own, no two blocks the same date."""
    days = []
    for a in copies:
        block = _own_block(a, copies)
        if block is None or _links_elsewhere(block, a):
            return False
        day = _date_shown(block, a)
        if day is None:
            return False
        days.append(day)
    return len(set(days)) == len(days)


def _own_block(a, copies: list):
    """The largest element above `a` that holds no other copy (its row, its item); None when it is `a` itself."""
    others = {id(c) for c in copies if c is not a}
    block = None
    for anc in a.iterancestors():
        if any(id(x) in others for x in anc.iter("a")):
            break
        block = anc
    return block if block is not None and tag(block) not in ("body", "html") else None


def _links_elsewhere(block, a) -> bool:
    href = (a.get("href") or "").strip()
    return any(x is not a and (x.get("href") or "").strip() not in ("", href) and text_of(x) for x in block.iter("a"))


def _date_shown(block, a):
    """The date line of the first element of `block`, outside `a`, whose text is a date (after a short label or
    a weekday: "Sam. 17 Janv. 2026")."""
    inside = set(a.iter())
    for el in block.iter():
        if el is block or el in inside or not isinstance(el.tag, str) or is_ancestor(el, a):
            continue
        shown = text_of(el)
        if shown and sum(1 for _ in el.iter()) <= _MAX_DATE_NODES and len(shown.split()) <= _MAX_DATE_WORDS:
            found = date_in_line(shown) or _after_label(shown)
            if found:
                return found
    return None


def _after_label(shown: str) -> str | None:
    words = shown.split()
    for k in range(1, _LABEL_WORDS + 1):
        part = " ".join(words[k:])
        if part and not part.isdigit() and looks_like_date_line(part):
            return part
    return None
