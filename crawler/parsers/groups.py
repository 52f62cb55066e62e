"""Group headings above the entries: "January 2023", "janvier 2023", "enero de 2023", "2023", "News"."""

from __future__ import annotations

from functools import lru_cache

from .dates import MONTH, parse_date
from .text import clean_text


@lru_cache(maxsize=4096)  # a page's entries share their heading: asked once an entry
def parse_group_heading(text: str | None) -> tuple[str | None, str | None]:
    """Return the heading as shown and its month as "YYYY-MM" (None unless it names one month).

    >>> parse_group_heading("enero de 2023")
    ('enero de 2023', '2023-01')
    """
    shown = clean_text(text)
    if not shown:
        return None, None
    value = parse_date(shown)
    if value is None or value.precision != MONTH:
        return shown, None
    return shown, value.month_key


# "Septiembre de 2023" fits; a longer line is a title that names a month.
_MAX_HEADING_CHARS = 30


@lru_cache(maxsize=65536)  # the extractors ask about the same lines again and again
def looks_like_group_heading(text: str | None) -> bool:
    """True for a short line that is a month or a year and nothing else."""
    shown = clean_text(text)
    if not shown or len(shown) > _MAX_HEADING_CHARS:
        return False
    value = parse_date(shown)
    return value is not None and value.precision in (MONTH, "year")
