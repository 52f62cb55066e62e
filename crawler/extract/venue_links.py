"""A record line that names a talk or an event and links where it took place (issue 21, batch Y: a lecturer's
talks, "7/10/2025: Panelgesprek <em>…</em> op <a>Netwerkmoment …</a>"). The same shape on any speaker's, group's or
artist's page: "DATE: what at <a>where</a>", "DATE: Talk on the <a>paper</a> at Conference (<a>slides</a>)". The link
is the venue, or a part of the sentence, so the entry is named by the line's words after its date up to the word
that brings in the venue ("at", "op", "bei", "à", "presso", "på"); a line that opens on its link is named by it."""

from __future__ import annotations

import re

from .fields import HEADINGS
from .html import tag, text_of
from .lead_text import leading_date

# The words that bring in where a talk was given ("op" Dutch, "bij", "bei", "auf" German, "à"/"au" French, "presso"
# Italian, "på"/"vid"/"ved" Nordic, "during", "tijdens", "lors de"); "en", "a", "i" also join words, so they are none.
_VENUE_WORD = r"(?:at|during|op|bij|tijdens|bei|auf|à|au|lors d[eu]|presso|durante|på|vid|ved|under)"
_BEFORE_LINK = re.compile(rf"\s{_VENUE_WORD}\s*$", re.IGNORECASE)
_AFTER_LINK = re.compile(rf"\s{_VENUE_WORD}\s+\S", re.IGNORECASE)
# A line of this kind is one block: a list item or a paragraph with inline markup only.
_LINES = frozenset({"li", "p"})
_OWN_LINES = frozenset({"li", "p", "div", "ul", "ol", "table", "br", *HEADINGS})
_WORD = re.compile(r"[^\W\d_]{2,}")
# A name has this many words at least ("Inspiratiesessie over Ethical AI"; not "Talk").
_MIN_NAME_WORDS = 2


def names_before_venues(entries, records, links) -> None:
    """Entries titled by their link's words in a one-line record that opens on a date: the line's words before the
    venue name them. `records`, `links`: each entry's block and link, in the same order."""
    for entry, record, link in zip(entries, records, links, strict=True):
        shown = text_of(link) if link is not None else None
        if not shown or entry.title != shown or tag(record) not in _LINES:
            continue
        if holds_lines(record):
            continue  # a card, not a sentence
        lead = leading_date(text_of(record) or "")
        name = _name_before_venue(lead[1], shown) if lead is not None else None
        if name is not None:
            entry.title = name


def holds_lines(el) -> bool:
    """Whether `el` holds a line of its own (a paragraph, a list, a heading, a <br>): a card, not one sentence. The
    learner asks it too, of the lines it cuts a venue off (learn_parts)."""
    return any(tag(x) in _OWN_LINES for x in el.iterdescendants())


def _name_before_venue(rest: str, shown: str) -> str | None:
    """The words of `rest` (the line after its date) that name the entry, when the link (`shown`) follows words of
    its own: up to the venue word before the link, else up to the first one after it."""
    at = rest.find(shown)
    if at <= 0:
        return None  # the line opens on its link: the link names the entry
    before, after = rest[:at], rest[at + len(shown) :]
    venue = _BEFORE_LINK.search(before)
    if venue is not None:
        name = before[: venue.start()]
    elif (later := _AFTER_LINK.search(after)) is not None:
        name = before + shown + after[: later.start()]
    else:
        return None
    name = " ".join(name.split()).strip(" :–-,")
    return name if len(_WORD.findall(name)) >= _MIN_NAME_WORDS else None
