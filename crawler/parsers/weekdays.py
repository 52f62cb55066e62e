"""A day and month shown with their weekday but no year ("Apr 22 Mon", "Zondag 9 september"): the weekday names
the year, among the few around the capture time. The same day falls on the same weekday only every 5, 6 or 11
years, so within five years there is at most one: the three before the capture, its own and the next (a listing
of coming events reaches into the next year; an archive looks back)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from .datelines import yearless_date
from .dates import DAY, DateValue, parse_date
from .text import words

# Weekday names (accents folded) by their number (Monday 0), whole words in the languages the dates parser reads;
# no French or Spanish abbreviation ("mar", "sam" name a month or a person as often).
_NAMES = (
    "monday mon montag lundi lunes segunda lunedi maandag",
    "tuesday tue tues dienstag mardi martes terca martedi dinsdag",
    "wednesday wed mittwoch mercredi miercoles quarta mercoledi woensdag",
    "thursday thu thur thurs donnerstag jeudi jueves quinta giovedi donderdag",
    "friday fri freitag vendredi viernes sexta venerdi vrijdag",
    "saturday sat samstag sonnabend samedi sabado sabato zaterdag",
    "sunday sun sonntag dimanche domingo domenica zondag",
)
_WEEKDAY = {name: number for number, names in enumerate(_NAMES) for name in words(names)}
_YEAR = re.compile(r"\b\d{4}\b")
# The years looked at, around the capture's: three before it, its own and the next.
_YEARS_BEFORE, _YEARS_AFTER = 3, 1


def weekday_dated(text: str | None, now: datetime | date | None, languages=None, month_first=False) -> DateValue | None:
    """The one day, in the years around `now`, whose day and month `text` shows and which falls on the weekday it
    names; None when the text shows a year, names no weekday or two, is no single day, or no year (or two) fits."""
    if not text or now is None or _YEAR.search(text):
        return None
    folded = re.sub(r"-feira\b", "", _folded(text))  # "quarta-feira": the Portuguese weekday
    named = {_WEEKDAY[w] for w in re.findall(r"[a-z]+", folded) if w in _WEEKDAY}
    if len(named) != 1:
        return None
    weekday = named.pop()
    fits = []
    for year in range(now.year - _YEARS_BEFORE, now.year + _YEARS_AFTER + 1):
        found = parse_date(f"{text} {year}", languages, now, month_first)
        if found is None or found.precision != DAY or found.start != found.end:
            return None  # no day and month, or a range: nothing the weekday settles
        if found.start.weekday() == weekday:
            fits.append(found)
    return DateValue(text, fits[0].start, fits[0].end, DAY) if len(fits) == 1 else None


def shows_weekday_of(text: str | None, day: date) -> bool:
    """Whether `text` names one weekday and it is `day`'s ("Zondag 9 september" and 9 September 2012)."""
    named = {_WEEKDAY[w] for w in re.findall(r"[a-z]+", re.sub(r"-feira\b", "", _folded(text or ""))) if w in _WEEKDAY}
    return named == {day.weekday()}


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def day_month_weekday(text: str | None) -> bool:
    """ "Apr 22 Mon": a day and month without a year, then their weekday and nothing else (a date box's three
    lines). A weekday before them ("Mon 22 Apr") is yearless_date's own shape already."""
    head, _, last = (text or "").strip().rstrip(" ,.").rpartition(" ")
    head = head.rstrip(" ,")
    return _folded(last) in _WEEKDAY and bool(head) and yearless_date(head) == head
