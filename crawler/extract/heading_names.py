"""A card whose button repeats its heading's name among other words (batch Z, a laboratory's publications: "<h3>
Engrenarium</h3> … <a class=button>Site do Engrenarium</a>" among cards named by their headings over "Google
Patents" buttons): "Visit the Foo website", "Site do Foo", "Foo auf GitHub" point at the thing the heading names, so
where most records of the list are named by their own headings, a record whose title holds its heading's words with
more around them is named by the heading too."""

from __future__ import annotations

import re

from .html import text_of
from .raw import RawEntry
from .wordings import own_heading_element

# Most records, and at least this many, are named by their headings for the others to follow.
_MIN_NAMED, _NAMED_SHARE = 2, 0.5


def headings_over_named_buttons(entries: list[RawEntry], records: list, links: list) -> None:
    """Titles that hold their record's own heading with more words become that heading, where most records' titles
    are their headings. `records`, `links`: each entry's block and link, in the same order."""
    headings = [_heading_beside(r, a) if e.title else None for e, r, a in zip(entries, records, links, strict=True)]
    named = sum(1 for e, h in zip(entries, headings, strict=True) if h and e.title == h)
    if named < max(_MIN_NAMED, _NAMED_SHARE * len(entries)):
        return
    for entry, heading in zip(entries, headings, strict=True):
        if heading and entry.title != heading and re.search(rf"(?<!\w){re.escape(heading)}(?!\w)", entry.title):
            entry.title = heading


def _heading_beside(record, link) -> str | None:
    """The words of `record`'s own unlinked heading, where it stands beside `link`, not inside it (a card that is
    one link names itself by its heading already)."""
    heading = own_heading_element(record)
    if heading is None or link is None or link in heading.iterancestors() or heading in link.iterancestors():
        return None
    return text_of(heading)
