"""Dates in a language the tokeniser of crawler.parsers.dates does not know: the shapes dateparser is trusted to read
when their month is a word the tokeniser lacks ("10 kwietnia 2020", "2016. június 28."), and the words of a formal
long form it is given without."""

from __future__ import annotations

import re

# A day, a month in words and a year ("10 kwietnia 2020", "13. marca 2018", "marzo 3, 2020"), in any language.
# Or year first, as Hungarian writes it ("2016. június 28.", formally "2016. június hó 28. napján 16:39-kor": the
# words for month and day, a time with its suffix "at").
FOREIGN_DATE = re.compile(
    r"(?:[a-z]+,?\s+)?\d{1,2}\.?\s+(?:de\s+)?[a-z]{3,12}\.?,?\s+(?:de\s+)?\d{4}|[a-z]{3,12}\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{4}\.\s+[a-z]{3,12}\.?\s+(?:ho\s+)?\d{1,2}\.(?:\s+napjan)?(?:,?\s+\d{1,2}:\d{2}(?:-kor)?)?"
)
LONG_FORM_WORDS = re.compile(r"(?<=\s)(?:hó|napján)(?=\s|$)", re.IGNORECASE)
