"""A list dated by its titles' closing days (issue 21: minutes named "Verbale Riunione del 31 Maggio 2022", a
file block each, no date line; "Minutes of the meeting of 3 May 2022", "Protokoll der Sitzung vom 5. Mai 2022"
on other sites of that shape): where most titles close on a whole day with its year, run into their words, and
no record shows a date of its own, that day is the only date each entry shows, so it dates it; the title stays
whole. A day closing a few titles is what they mention, and a list whose records show dates of their own is
dated by those."""

from __future__ import annotations

import re

from ..parsers.datelines import date_in_line, names_a_month
from ..parsers.dates import impossible_range, parse_date
from .raw import RawEntry

# The most words of a closing date, its lead word included: "dal 31 marzo al 14 aprile 2019", "on Tuesday, May 3,
# 2022"; a title keeps two words at least besides it (its name).
_MAX_DATE_WORDS, _MIN_NAME_WORDS = 7, 2
# What a title closing on a day ends with: a four-figure year (a cheap test before any date is parsed).
_CLOSING_YEAR = re.compile(r"\b(?:1[6-9]|2\d)\d\d$")
# Titles closing on a day: this share of the list at least, and this many.
_MIN_SHARE, _MIN_TITLES = 0.75, 3


def titles_closing_on_days(entries: list[RawEntry]) -> None:
    """Date the entries of a list by the whole day most of its titles close on, when none shows another date (a
    date its title alone gave, a range closing it, is no other). The days must differ: one day closing every
    title is the list's, not each record's."""
    if any(e.date_iso or (e.date_text and e.date_text not in (e.title or "")) for e in entries):
        return
    closing = [None if e.date_text else closing_day(e.title) for e in entries]
    dated = [day for day in closing if day is not None]
    if len(dated) < max(_MIN_TITLES, _MIN_SHARE * len(entries)) or len({parse_date(d).start for d in dated}) < 2:
        return
    for entry, day in zip(entries, closing, strict=True):
        entry.date_text = entry.date_text or day


def closing_day(title: str | None) -> str | None:
    """The whole day (or range of days) with its year that closes a title after its name, the longest such run of
    words ("del 31 Maggio 2022", "dal 31 marzo al 14 aprile 2019"); None for a month, a year or no date."""
    words = (title or "").split()
    if len(words) < _MIN_NAME_WORDS + 2 or not _CLOSING_YEAR.search(words[-1]):
        return None
    for size in range(min(_MAX_DATE_WORDS, len(words) - _MIN_NAME_WORDS), 1, -1):
        tail = " ".join(words[-size:])
        if impossible_range(tail):
            return None  # "from 23 - 22 May 2022": no date, nor its right end
        if date_in_line(tail) != tail or not names_a_month(tail):
            continue  # figures alone ("of 05/06/2022"): which is the month the title does not say
        found = parse_date(tail)
        if found is not None and found.precision == "day" and found.start <= found.end:
            return tail
    return None
