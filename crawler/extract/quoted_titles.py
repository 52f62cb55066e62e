"""Talks listed as 'Speaker (Affiliation) "Title"' beside a linked date: the quoted words are the title."""

from __future__ import annotations

import re

from ..parsers.datelines import date_in_line
from .html import text_of
from .quotes import quoted_parts, quoted_title


def quoted_titles(entries: list, links: list) -> None:
    """Titles read from the free text beside a link that is only a date ("<a>7th Oct 2026</a> Ada Lovelace (UCL)
    on "Engines""): when most of the list's hold one quoted run after other words, a talks list's speaker then
    talk, each quoted run is its entry's title (a name with a quoted word in some rows is left as it is)."""
    found = [_quoted_name(entry.title, link) for entry, link in zip(entries, links, strict=True)]
    if len(entries) < _MIN_RECORDS or sum(name is not None for name in found) * 3 < 2 * len(entries):
        return
    for entry, name in zip(entries, found, strict=True):
        if name is not None:
            entry.title = name


def _quoted_name(title: str | None, link) -> str | None:
    """The quoted run of a title read beside a linked date, without its quote marks and the spaces inside them."""
    shown = text_of(link) if link is not None else None
    if not title or not shown or date_in_line(shown) != shown or title == shown:
        return None
    name = quoted_title(title)
    if name is None or len(quoted_parts(title)) > 1:
        return None  # no quoted run, or several: a name with quoted words, not `Speaker "Title"`
    return name if _WORDS.search(title[: title.find(name)]) else None  # the speaker's words come first


_WORDS = re.compile(r"\w")


# A list of this many records at least shows its shape.
_MIN_RECORDS = 3
