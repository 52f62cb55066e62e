"""A count closing a title's element in an element of its own (batch X, an investors' message board: "<a>There still
hasn't been a single accident <img src=thumb-up.png><span style=…>(1)</span></a>"): a number alone in brackets after
the title's words counts likes, replies or comments, as forums, comment lists and tag clouds show them; it says how
many people answered, not what the record is called, so the title is the words before it. A number left in the
title's own text ("Volume (2)") is the title's, and so is one opening the line."""

from __future__ import annotations

import re

from .html import tag, text_of
from .raw import RawEntry

# "(1)", "[12]", "(+3)", "(1 234)": a number alone in round or square brackets.
_COUNT = re.compile(r"^[(\[]\s*\+?\d[\d\s.,]*[)\]]$")
# The inline elements a count is shown in.
_BADGE_TAGS = frozenset({"span", "small", "em", "i", "b", "strong", "sup", "sub", "mark", "label"})


def without_count_badges(entries: list[RawEntry], records: list) -> None:
    """Titles closing on a bracketed count in an inline element of its own lose it. `records`: each entry's block,
    in the same order."""
    for entry, record in zip(entries, records, strict=True):
        if entry.title and entry.title.endswith((")", "]")):
            entry.title = _without_count(record, entry.title) or entry.title


def _without_count(record, title: str) -> str | None:
    """The words of `title` before the count closing the element of `record` that shows it, where that count stands
    in an inline element of its own with nothing after it, and words come before it."""
    for el in record.iter():
        if not isinstance(el.tag, str) or text_of(el) != title:
            continue
        kids = [k for k in el if isinstance(k.tag, str)]
        last = kids[-1] if kids else None
        if last is None or tag(last) not in _BADGE_TAGS or (last.tail or "").strip():
            continue  # a heading around the title's link: the link may close on the count
        count = text_of(last) or ""
        rest = title[: -len(count)].rstrip() if title.endswith(count) else ""
        return rest if _COUNT.match(count) and rest else None
    return None
