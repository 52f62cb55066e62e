"""A date element that shows less than its machine date (issue 21): <time datetime="2027-07-29">Fin juillet
2027</time> shows a month, <time datetime="2026-11-14">Automne 2026</time> a season of a year. The entry's date is
the one shown, the finest the page states to a reader: the month; for a year alone or a season, none."""

from __future__ import annotations

import re

from .dates import MONTH, MONTHS, DateValue, _fold, parse_date

# Words then a year and nothing finer: no day, no second figure ("Automne 2026", "Sommer 2024", "Q3 2025" is not).
_WORDS_AND_A_YEAR = re.compile(r"[^\d]*(?<!\d)(?:1[89]|2[01])\d\d(?!\d)[^\d]*")
# The month closing a text, with its year, after a word that places it in the month ("fin", "early", "Ende").
_MAX_MONTH_WORDS = 3


def closing_month(text: str | None, languages=None, now=None, month_first=False) -> DateValue | None:
    """ "Fin juillet 2027", "finales de julio de 2027", "Ende Juli 2027": the month and year closing a text the
    dates parser reads no date in; None when its last words are no month of a year."""
    if not text or _WORDS_AND_A_YEAR.fullmatch(text.strip()) is None:
        return None  # "Mar. 17 sept. 2024": a day shown, which the month would lose
    words = text.split()
    for count in range(2, min(_MAX_MONTH_WORDS, len(words) - 1) + 1):
        found = parse_date(" ".join(words[-count:]), languages, now, month_first)
        if found is not None and found.precision == MONTH:
            return found
    return None


def shows_only_a_year(text: str | None) -> bool:
    """ "Automne 2026": words and a year, nothing that names a day or a month."""
    if not text or _WORDS_AND_A_YEAR.fullmatch(text.strip()) is None:
        return False
    return not any(word.rstrip(".") in MONTHS for word in re.findall(r"[a-z.]+", _fold(text)))
