"""An entry's date read from its description's paragraphs: a date line run into the first one, a short meta
line closing on its date. Used by the fields reader when no element of the entry holds a date."""

from __future__ import annotations

import re

from ..parsers.datelines import bare_years, date_at_edge, date_in_line
from ..parsers.dates import parse_date
from .lead_text import leading_date
from .raw import RawEntry

# A meta line (category, author, date) is short; a longer line with a date is prose.
MAX_META_CHARS = 90
# Words a meta line may hold beside its date ("Posted in Lawsuits and Letters, Media Release on").
MAX_META_WORDS = 10


def date_from_paragraphs(entry: RawEntry, paragraphs: list[str]) -> None:
    """A date line run into the first paragraph ("16 December 2022 | The meeting ..."),
    or a short meta line closing on its date (", media release, April 24, 2013"), else a date that is a
    paragraph's whole last sentence."""
    lead = leading_date(paragraphs[0])
    if lead is not None:
        entry.date_text, paragraphs[0] = lead
        return
    for i, text in enumerate(paragraphs):
        found = (date_at_edge(text) or titled_dateline(text)) if len(text) <= MAX_META_CHARS else None
        rest = text.replace(found or "", "").strip(" ,|·•–—-:")
        prose = rest.endswith((".", "!", "?")) and not opens_on_date(text, found)
        if found and not prose and len(rest.split()) <= MAX_META_WORDS:
            entry.date_text = found
            del paragraphs[i]  # the meta line is no description
            return
    for i, text in enumerate(paragraphs):
        split = closing_date_sentence(text)
        if split is not None:
            paragraphs[i], entry.date_text = split
            return


# A date opening a line, up to its year, then a comma or full stop (a space after it or not) and the rest.
_DATELINE = re.compile(r"^(.{3,40}?(?<!\d)(?:1[89]|20)\d\d)[.,]\s*(\S.*)$")
_BRACKETED = re.compile(r"\[[^\]]*\]|\([^)]*\)")


def titled_dateline(text: str) -> str | None:
    """ "July 20th, 2012, ABC News 7 San Francisco [TV news video].", "January 18, 2013.Talking Points Memo.": a
    date opening a line, set apart by a comma or full stop (its space left out or not), then a name whose every
    word opens on a capital or a figure (an outlet's, however long; a bracketed note aside): a clipping's dateline,
    not prose, whose words run in lower case. The date; None otherwise."""
    m = _DATELINE.match(text)
    name = _BRACKETED.sub(" ", m[2]).strip(" .") if m else ""
    words = name.split()
    if not words or len(words) > MAX_META_WORDS or not all(w[0].isupper() or w[0].isdigit() for w in words):
        return None
    return m[1] if date_in_line(m[1]) == m[1] else None


def opens_on_date(text: str, found: str | None) -> bool:
    """ "February 14, 2013. The Daily Paper.": a line opening on its date, set apart by a comma or a full stop
    from a few words after it (date_at_edge allows no more), is a dateline and an outlet's name; the full stop
    closing the name ends no sentence of prose (a date inside a sentence opens no line)."""
    if not found or not text.startswith(found):
        return False
    after = text[len(found) :]
    return found.endswith((",", ".")) or after.lstrip().startswith((",", ".")) or after[:2] in (", ", ". ")


# A sentence's end, where the next sentence begins: "… agreed. 12 March 2024".
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


def closing_date_sentence(text: str) -> tuple[str, str] | None:
    """ "The board read it and agreed. 12 March 2024": a paragraph whose whole last sentence is a date, set apart
    from the prose as a dateline is, dates the entry; the prose before it stays the description. A date inside a
    sentence ("met on 12 March 2024 to read it.") or closed by a full stop is the prose's own; a bare year is a
    number ("… in the report. 2024"). (prose, date) or None."""
    cuts = list(_SENTENCE_END.finditer(text or ""))
    if not cuts:
        return None
    prose, last = text[: cuts[-1].start()], text[cuts[-1].end() :].strip()
    found = date_in_line(last)
    if found != last or bare_years(last) or parse_date(last) is None:
        return None
    return prose, found
