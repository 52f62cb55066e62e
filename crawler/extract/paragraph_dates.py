"""An entry's date read from its description's paragraphs: a date line run into the first one, a short meta
line closing on its date. Used by the fields reader when no element of the entry holds a date."""

from __future__ import annotations

from ..parsers.datelines import date_at_edge
from .lead_text import leading_date
from .raw import RawEntry

# A meta line (category, author, date) is short; a longer line with a date is prose.
MAX_META_CHARS = 90
# Words a meta line may hold beside its date ("Posted in Lawsuits and Letters, Media Release on").
MAX_META_WORDS = 10


def date_from_paragraphs(entry: RawEntry, paragraphs: list[str]) -> None:
    """A date line run into the first paragraph ("16 December 2022 | The meeting ..."),
    or a short meta line closing on its date (", media release, April 24, 2013")."""
    lead = leading_date(paragraphs[0])
    if lead is not None:
        entry.date_text, paragraphs[0] = lead
        return
    for i, text in enumerate(paragraphs):
        found = date_at_edge(text) if len(text) <= MAX_META_CHARS else None
        rest = text.replace(found or "", "").strip(" ,|·•–—-:")
        if found and not rest.endswith((".", "!", "?")) and len(rest.split()) <= MAX_META_WORDS:
            entry.date_text = found
            del paragraphs[i]  # the meta line is no description
            return
