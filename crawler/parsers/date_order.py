"""The order a page writes its figures in ("12/14/2023" month first, "14/12/2023" day first), decided by the
page's dates themselves, then its locale, then its dates in words (issue 21)."""

from __future__ import annotations

import re

from .date_figures import NUMERIC, close_spaced_dots
from .datelines import YEARLESS_FIGURES
from .dates import MONTHS, _fold
from .text import words
from .weekdays import weekday_order

_MONTH_WORD_FIRST = re.compile(r"^[a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?\b")


def numeric_order(texts, locale: str | None = None) -> bool | None:
    """Whether a page writes figures month first ("12/14/2023"). Above all the column itself:
    any figure over 12 decides for every date of it. Then the page's locale ("en-US" month
    first; any other region, or a language other than English, day first), then its dates in
    words ("December 14, 2023" month first, "14 December 2023" day first), then a month named in another language
    than English ("noviembre 2024" beside "08/10/2024": a page dating in Spanish writes its figures day first, as
    every language but English does). None: undecided."""
    words_first = words_last = slashed = dotted = foreign = 0
    for text in filter(None, texts):
        folded = close_spaced_dots(_fold(text))
        figures = YEARLESS_FIGURES.match(folded.strip())  # "7/24" under a year's heading counts too
        if figures and int(figures[3]) > 12 >= int(figures[1]):
            return True
        if figures and int(figures[1]) > 12 >= int(figures[3]):
            return False
        for m in NUMERIC.finditer(folded):
            dotted += m[2] == "."
            slashed += m[2] != "."
            if int(m[3]) > 12 >= int(m[1]):
                return True
            if int(m[1]) > 12 >= int(m[3]):
                return False
            if (fitting := weekday_order(folded, m)) is not None:  # "03/10/2025 Sexta-feira": a Friday either way?
                return fitting
        stripped = _WEEKDAY_PREFIX.sub("", folded)
        m = _MONTH_WORD_FIRST.match(stripped)
        words_first += 1 if m and m.group(0).split()[0].rstrip(".") in MONTHS else 0
        m = _DAY_FIRST_WORDS.match(stripped)
        words_last += 1 if m and m.group(1) in MONTHS else 0
        foreign += bool(_YEAR.search(folded)) and not _FOREIGN_MONTHS.isdisjoint(_LETTERS.findall(folded))
    language, _, region = (locale or "").lower().replace("_", "-").partition("-")
    if region:
        return region[:2] in _MONTH_FIRST_REGIONS
    if language and language != "en":
        return False
    if words_first or words_last:
        return words_first > words_last
    if foreign:
        return False
    return False if dotted and not slashed else None  # "10.03.2021": figures joined by dots run day first


# Where figures are written month first ("en-US", "en_PH").
_MONTH_FIRST_REGIONS = frozenset({"us", "ph", "fm", "mh", "pw", "as", "gu", "mp", "pr", "vi", "um"})
# Month names no English date writes: the full names of the other languages, and their abbreviations of four
# letters or more ("juil", "sept" is English too); shorter ones ("set", "ago", "gen") are English words.
_FOREIGN_MONTHS = frozenset(name for name in MONTHS if len(name) >= 4) - words(
    "january february march april june july august september sept october november december"
)
_LETTERS = re.compile(r"[a-z]+")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_DAY_FIRST_WORDS = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?\s+(?:de\s+)?([a-z]+)")


_WEEKDAY_PREFIX = re.compile(r"^(?:[a-z]+,?\s+)(?=[a-z]+\.?\s+\d)")


def figures_are_scores(texts) -> bool:
    """ "4/5", "3/5", "5/5": three or more days and months in figures sharing their second figure, never above
    it, are scores out of it, not days of one month."""
    found = [m for m in (YEARLESS_FIGURES.match(t.strip()) for t in texts if t) if m]
    seconds = {m[3] for m in found}
    return len(found) >= 3 and len(seconds) == 1 and all(int(m[1]) <= int(m[3]) for m in found)
