"""A link whose words are a date, in a record that shows a date line of its own apart from it (issue 21):
<li><a>Domingo 01.02.2026</a><div class="post-meta">11-07-2026</div>…</li>. The record's date line dates it;
the link's date names what the post is for (that Sunday's leaflet), so the link is the title, not a date."""

from __future__ import annotations

from ..parsers.datelines import date_in_line
from .html import is_ancestor, tag, text_of


def dated_apart(elements, link) -> bool:
    """Whether a record (its member elements) holds, outside `link` and any link, an element whose whole
    text is a date other than the link's words."""
    return own_date_line(elements, link) is not None


def own_date_line(elements, link) -> str | None:
    """The first element of a record, outside `link` and any link, whose whole text is a date other than the link's
    words: that text."""
    shown = text_of(link) if link is not None else None
    if not shown:
        return None
    for el in elements:
        for x in el.iter():
            if not tag(x) or tag(x) == "a" or is_ancestor(x, link) or is_ancestor(link, x):
                continue
            text = text_of(x)
            if text and text != shown and x.find(".//a") is None and date_in_line(text) == text:
                return text
    return None


def closes_dated_record(elements, title_el, date_text: str) -> bool:
    """ "VII SEMEF - 21-25/09/2020" over its own date line "14/09/2020": a date closing a title is what the title
    names (an event's days), the record's own date line its date; a date opening a title ("26/09/2020 – Prima
    giornata") dates the entry as a dateline does, whatever a date box beside it says."""
    shown = (text_of(title_el) or "").rstrip(" |·•–—-")
    return shown.endswith(date_text) and not shown.startswith(date_text) and dated_apart(elements, title_el)
