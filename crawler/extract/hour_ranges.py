"""A record's line of a yearless range of days in figures, each with its hour (issue 21, batch Y: a region's weather
alerts, "Validità: 24/11 ore 00 - 25/11 ore 24" under "ALLERTA NUMERO 26/2025"). The same shape on any page of
alerts, closures, exhibitions or works: "Gültig: 24.11. 10 Uhr – 25.11. 18 Uhr", "Valid 24/11 9:00 - 25/11 18:00",
"Du 03/12 à 9h au 04/12 à 12h" aside. The year is the one the record names elsewhere (its title, its text), never
guessed; the order of the figures must show itself (a figure over 12), else the line gives no date."""

from __future__ import annotations

import re
from datetime import date

from ..parsers.datelines import year_in
from .html import text_of

# An hour after a day ("ore 00", "h 18", "alle 9", "um 10 Uhr", "10 Uhr", "18:00", "9h30", "at 9").
_HOUR = r"(?:\s*(?:ore|h|hrs?|alle|dalle|um|at|à|kl\.?|om)\s*\d{1,2}(?:[:.h]\d{2})?(?:\s*uhr)?"
_HOUR += r"|\s+\d{1,2}(?:[:.h]\d{2}|\s*uhr))"
_DAY = r"(\d{1,2})([/.])(\d{1,2})\.?"
# A line that is only the range, after a short label ("Validità:", "Gültig:").
_RANGE_LINE = re.compile(
    rf"^(?:[^\W\d_][^\W\d_ ]*(?:\s[^\W\d_]+){{0,2}}\s*:\s*)?{_DAY}(?:{_HOUR})?\s*[-–—]\s*(\d{{1,2}})\2(\d{{1,2}})\.?"
    rf"(?:{_HOUR})?$",
    re.IGNORECASE,
)
_LINES = ("p", "div", "span", "li", "dd", "td", "small", "time")


def hour_range(elements, title: str | None) -> str | None:
    """ "2025-11-24 - 2025-11-25": the first line of `elements` that is a yearless range of days (hours allowed), in
    the order its figures show, with the one year the record names; None otherwise."""
    for el in (x for m in elements for x in m.iter(*_LINES)):
        found = _RANGE_LINE.match(text_of(el) or "")
        if found is not None:
            return _with_year(found, elements, title)
    return None


def _with_year(found: re.Match, elements, title: str | None) -> str | None:
    a, sep, b, c, d = (found.group(i) for i in range(1, 6))
    figures = [int(a), int(b), int(c), int(d)]
    if max(figures[0], figures[2]) > 12 >= max(figures[1], figures[3]):
        days = [(figures[0], figures[1]), (figures[2], figures[3])]  # day first: "24/11"
    elif max(figures[1], figures[3]) > 12 >= max(figures[0], figures[2]):
        days = [(figures[1], figures[0]), (figures[3], figures[2])]  # month first: "11/24"
    else:
        return None  # "05/06 - 06/06": either order reads, so no date
    year = year_in(" ".join([title or "", *(text_of(m) or "" for m in elements)]))
    if year is None:
        return None
    try:
        start, end = (date(year, month, day) for day, month in days)
    except ValueError:
        return None  # "31/11": no such day
    if end < start:
        return None
    return start.isoformat() if end == start else f"{start.isoformat()} - {end.isoformat()}"  # no order to misread
