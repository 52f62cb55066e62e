"""Link wordings that recur on a list's records: words that point at each record rather than name it."""

from __future__ import annotations

from collections import Counter

from ..parsers.datelines import date_in_line
from .html import tag, text_of
from .titles import HEADINGS, title_named


def shared_pointer(blocks, links) -> str | None:
    """The one link wording most records of a list share ("Ver comunicado", "View release") where each of those
    records has a heading of its own, without a link, that is no date, and those headings differ: the wording
    points at each record, its heading names it. `links`: each block's entry link (or None). A wording beside no
    such headings ("Regular Meeting" beside "Agenda", rows without headings) still names its records."""
    wordings = Counter(text_of(a) for a in links if a is not None)
    if not wordings:
        return None
    wording, count = wordings.most_common(1)[0]
    if not wording or count < max(_MIN_REPEATS, _SHARE * len(blocks)):
        return None
    named = [_own_heading(b) for b, a in zip(blocks, links, strict=True) if a is not None and text_of(a) == wording]
    if any(n is None or n == wording for n in named):
        return None
    return wording if len(set(named)) * 2 > len(named) else None


def _own_heading(block) -> str | None:
    """The text of the first heading (or element named as a title) in `block` that holds no link and is no date."""
    for el in block.iter():
        if not (tag(el) in HEADINGS or (tag(el) and title_named(el))):
            continue
        shown = text_of(el)
        if shown and not any(a.get("href") for a in el.iter("a")) and date_in_line(shown) != shown:
            return shown
    return None


# A wording is shared when at least this many records, and at least this share of them, show it.
_MIN_REPEATS, _SHARE = 3, 0.5
