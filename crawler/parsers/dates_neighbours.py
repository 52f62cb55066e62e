"""The languages a page's dates are read in: the page's own, unless its other dates say they are in another."""

from __future__ import annotations

from .datelines import names_a_month
from .dates import filler_in_month_place
from .text import clean_text


def date_languages(languages: list[str] | None, date_texts) -> list[str] | None:
    """The page's languages, or None (unknown) when one of its dates has a filler word in a month's place
    ("10 DES, 2015") and a neighbour names its month in a word the page's language does not ("17 FEB, 2017" on
    a Catalan page taken for French): the filler word is then read in the languages that name a month by it.
    dateparser runs here only on pages with such a date, on their dates that name a month."""
    if not languages:
        return languages
    texts = [clean_text(text) for text in date_texts if text]
    if not any(filler_in_month_place(text) for text in texts):
        return languages
    for text in texts:
        if names_a_month(text) and not _read_in(text, languages[0]):
            return None
    return languages


def _read_in(text: str, language: str) -> bool:
    import dateparser  # imported here: slow to load, and off the hot path

    try:
        found = dateparser.date.DateDataParser(languages=[language]).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input, and on languages it does not know
        return True  # no evidence against the page's language
    return found is not None and found.date_obj is not None
