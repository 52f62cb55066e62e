"""A card whose title is its own leading text (issue 21): <a><div>Detection of gas accumulations ...
<div class="authors">D. Dias, L. da Cruz</div><div class="details">Expert Systems · 01 Apr 2023</div></div></a>.
The title has no element of its own; it is the words before the card's first line of its own, and the
date is one of those lines. Used by the generic extractor and the profile reader."""

from __future__ import annotations

from ..parsers.datelines import date_in_line
from ..parsers.text import clean_text
from .html import INLINE, is_ancestor, tag, text_of

# Fewer words than this before the first line are a label ("New", "PDF"), not a title.
_MIN_LEAD_WORDS = 3


def _box(el):
    """The element itself, or the one element it only wraps (<a><div class="card-text">...</div></a>)."""
    while len(el) == 1 and tag(el[0]) and not (el.text or "").strip() and not (el[0].tail or "").strip():
        el = el[0]
    return el


def lead_split(el) -> tuple[str, list] | None:
    """(the leading words, the lines after them) when `el` opens on words of its own followed by lines
    of their own (blocks with text); None when its text is one line or opens on an element."""
    if el is None or not isinstance(el.tag, str):
        return None
    box = _box(el)
    parts, lines = [box.text or ""], []
    for child in box:
        if lines or (tag(child) and tag(child) not in INLINE and tag(child) != "br" and text_of(child)):
            if tag(child) and text_of(child):
                lines.append(child)
            continue
        parts += [text_of(child) or "" if tag(child) else "", child.tail or ""]
    lead = clean_text(" ".join(parts))
    if not lines or not lead or len(lead.split()) < _MIN_LEAD_WORDS or date_in_line(lead):
        return None
    return lead, lines


def date_among(lines) -> str | None:
    """The first date standing alone in an element of the card's lines ("<span>01 Apr 2023</span>" in
    "Expert Systems · 01 Apr 2023 · doi:…"), else a line that is wholly a date."""
    for line in lines:
        for el in line.iter():
            shown = text_of(el) if tag(el) else None
            if shown and date_in_line(shown) == shown:
                return shown
    return None


def bare_date_line(elements, title_el) -> str | None:
    """<p>12.23.20<br><a>Boxes of Love packs meals</a><br>-WAVE3</p>: a run of the record's own text, between
    its elements, that is wholly a date (no element of its own holds it); none inside the title."""
    for record in elements:
        for el in record.iter():
            if not tag(el):
                continue
            pieces = [el.text] if el is record else [el.text, el.tail]  # a record's tail is outside it
            if title_el is not None and (el is title_el or is_ancestor(title_el, el)):
                pieces = [el.tail] if el is title_el and el is not record else []
            for piece in pieces:
                shown = clean_text(piece)
                if shown and date_in_line(shown) == shown:
                    return shown
    return None
