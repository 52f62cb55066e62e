"""Cards whose heading repeats across the list (issue 21): "<a><h5>Team Name</h5><small>11. April 2025</small>
<p>What happened</p></a>" on most cards, a person's name on the rest. A heading most records share names who wrote
them or what kind they are, not each record; the line of words after it, different on every card, is the title.
Where headings differ from card to card, or a heading holds the record's own link (or is a link's only words), it
stays the title."""

from __future__ import annotations

import re
from collections import Counter

from ..parsers.datelines import date_in_line
from .html import tag, text_of
from .pointer_words import is_generic_text
from .titles import HEADINGS

# Records this many at least, and half of the list, sharing one heading make the pattern.
_MIN_SHARED = 3
# A title after the label says a little more than a name and less than a teaser's paragraph.
_MIN_WORDS, _MAX_WORDS = 2, 20
# A line closing on one full stop is a sentence (a teaser); a title closes without one, or on an ellipsis.
_SENTENCE_END = re.compile(r"(?<!\.)\.$")


def lines_under_shared_headings(entries, records) -> None:
    """Where half the records or more (three at least) are titled by one and the same heading, each record's first
    line of words after its title heading (no date, no pointer) becomes the title, when every record has one and
    they all differ."""
    if len(records) != len(entries) or not entries:
        return
    _, shared = Counter(e.title for e in entries).most_common(1)[0]
    if shared < _MIN_SHARED or 2 * shared < len(entries):
        return
    lines = [_line_after_heading(record, entry.title) for record, entry in zip(records, entries, strict=True)]
    if not all(lines) or len(set(lines)) < len(lines):
        return
    for entry, line in zip(entries, lines, strict=True):
        entry.title = line


def _line_after_heading(record, title: str | None) -> str | None:
    heading = next((el for el in record.iter() if tag(el) in HEADINGS and text_of(el) == title), None)
    if heading is None or heading.xpath(".//a[@href]") or _linked_alone(heading):
        return None  # <h3><a>The week ahead...</a></h3>: a heading holding the record's own link names it
    inside, passed = set(heading.iter()), False
    for el in record.iter():
        if el is heading:
            passed = True
            continue
        if not passed or el in inside or not tag(el) or not (el.text or "").strip():
            continue
        shown = text_of(el) or ""
        if date_in_line(shown) or is_generic_text(shown):
            continue
        if _SENTENCE_END.search(shown):
            return None  # "The board meets on the budget, session 2.": a teaser's sentence under a kind's name
        return shown if _MIN_WORDS <= len(shown.split()) <= _MAX_WORDS else None
    return None


def _linked_alone(heading) -> bool:
    """<a href><h3>Réunion de laboratoire</h3></a>: a link around the heading alone is the heading's, as one inside
    it is (the heading names the record it leads to); a link around the whole card holds more than the heading."""
    link = next((a for a in heading.iterancestors("a") if a.get("href")), None)
    return link is not None and text_of(link) == text_of(heading)
