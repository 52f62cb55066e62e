"""A line of its own under a card's name (batch Z, a community centre's event cards: "<div class=card-title><span>
Beziehungen neu denken<br><span class=…>für queere Menschen</span></span></div>"): where most records of a list show
their name, a <br>, then an inline element of its own closing the same element, that element is the card's second
line (a kicker, a subtitle, an audience, a recurrence, "Vergangene Veranstaltung"), shown apart by its style; the
name is the line before it, on every record of that shape, however many words its second line holds. Event listings,
course catalogues and shop cards share the shape. A line run into the name with no <br> stays, and so do lines that
only a few records show."""

from __future__ import annotations

from .html import tag, text_of
from .raw import RawEntry

_LINE_TAGS = frozenset({"span", "small", "em", "i", "b", "strong", "mark", "label"})
# The shape must be shown by this many records at least, and by at least this share of the list's records.
_MIN_SHOWN, _SHOWN_SHARE = 3, 0.5


def without_kicker_lines(entries: list[RawEntry], records: list) -> None:
    """Titles closing on a second line in an inline element of its own lose it, where most records of the list show
    one. `records`: each entry's block, in the same order."""
    cut = {}
    for i, (entry, record) in enumerate(zip(entries, records, strict=True)):
        name = _name_over_line(record, entry.title) if entry.title else None
        if name is not None:
            cut[i] = name
    if len(cut) < max(_MIN_SHOWN, _SHOWN_SHARE * len(entries)) or len(set(cut.values())) < 2:
        return  # a single name over every line: the lines tell the records apart
    for i, name in cut.items():
        entries[i].title = name


def _name_over_line(record, title: str) -> str | None:
    """The words of `title` before its second line, where the element showing `title` in `record` closes on
    <br><inline element> with nothing after it and words before the <br> (the outermost such element)."""
    for el in record.iter():
        if not isinstance(el.tag, str) or text_of(el) != title:
            continue
        kids = [k for k in el if isinstance(k.tag, str)]
        if len(kids) < 2 or tag(kids[-1]) not in _LINE_TAGS or tag(kids[-2]) != "br":
            continue  # a wrapper around the element showing the title: the lines are further in
        if (kids[-1].tail or "").strip() or (kids[-2].tail or "").strip():
            return None
        line = text_of(kids[-1]) or ""
        name = title[: -len(line)].rstrip() if line and title.endswith(line) else ""
        return name if any(ch.isalpha() for ch in name) else None
    return None
