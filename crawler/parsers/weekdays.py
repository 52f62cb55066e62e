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
from .day_parts import DAY_PART, compound_weekdays
from .text import words

# Weekday names (accents folded) by their number (Monday 0), whole words in the languages the dates parser reads;
# no French or Spanish abbreviation ("mar", "sam" name a month or a person as often).
# Catalan, Czech, Polish and the Scandinavian languages too: the dates parser reads their dates as well.
_NAMES = (
    "monday mon montag lundi lunes segunda lunedi maandag dilluns pondeli poniedzialek mandag",
    "tuesday tue tues dienstag mardi martes terca martedi dinsdag dimarts utery wtorek tisdag tirsdag",
    "wednesday wed mittwoch mercredi miercoles quarta mercoledi woensdag dimecres streda sroda onsdag",
    "thursday thu thur thurs donnerstag jeudi jueves quinta giovedi donderdag dijous ctvrtek czwartek torsdag",
    "friday fri freitag vendredi viernes sexta venerdi vrijdag divendres patek piatek fredag",
    "saturday sat samstag sonnabend samedi sabado sabato zaterdag dissabte sobota lordag",
    "sunday sun sonntag dimanche domingo domenica zondag diumenge nedele niedziela sondag",
)
_WEEKDAY = {name: number for number, names in enumerate(_NAMES) for name in words(names)}
_COMPOUND = compound_weekdays(_WEEKDAY)  # "zaterdagmiddag": Saturday afternoon
_YEAR = re.compile(r"\b\d{4}\b")
# The years looked at, around the capture's: three before it, its own and the next.
_YEARS_BEFORE, _YEARS_AFTER = 3, 1


def weekday_dated(
    text: str | None, now: datetime | date | None, languages=None, month_first=False, years=None
) -> DateValue | None:
    """The one day (or two-day range), in `years` or else the years around `now`, whose day and month `text` shows
    and which falls on the weekday it names ("Sabato 1 e Domenica 2 Giugno": both ends on theirs); None when the
    text shows a year, names no weekday or more than two, or no year (or two) fits."""
    if not text or now is None or _YEAR.search(text):
        return None
    named = _weekdays_named(text)
    if not named or len(named) > 2:
        return None
    fits = []
    for year in years or range(now.year - _YEARS_BEFORE, now.year + _YEARS_AFTER + 1):
        found = parse_date(f"{text} {year}", languages, now, month_first)
        if found is None or found.precision != DAY or (found.start != found.end) != (len(named) == 2):
            return None  # no day and month, or a range with one weekday: nothing the weekday settles
        if [found.start.weekday(), found.end.weekday()][: len(named)] == named:
            fits.append(found)
    return DateValue(text, fits[0].start, fits[0].end, DAY) if len(fits) == 1 else None


def weekday_order(text: str, figures: re.Match) -> bool | None:
    """Whether the weekday a date in figures is shown with reads them month first ("03/10/2025 Sexta-feira": the 3rd
    of October is a Friday, the 10th of March a Monday): True or False when one reading alone falls on it, None when
    no weekday or several are named, or both readings or none fit. `figures`: day or month, separator, the other,
    a year of four figures."""
    named = _weekdays_named(text)
    if len(named) != 1 or len(figures[4]) != 4:
        return None
    first, second, year = int(figures[1]), int(figures[3]), int(figures[4])
    fits = []
    for month_first, (month, day) in ((True, (first, second)), (False, (second, first))):
        try:
            fits += [month_first] if date(year, month, day).weekday() == named[0] else []
        except ValueError:  # no such day (a 13th month, the 31st of April)
            continue
    return fits[0] if len(fits) == 1 else None


def weekday_named(text: str | None) -> bool:
    """Whether `text` names a weekday ("Tue 27 Aug", not "30 Aug")."""
    return bool(_weekdays_named(text or ""))


def _weekdays_named(text: str) -> list[int]:
    """The weekdays `text` names, in its order ("quarta-feira": the Portuguese weekday; "zaterdagmiddag")."""
    folded = re.sub(r"-feira\b", "", _folded(text))
    return [_WEEKDAY[w] for w in map(_weekday_word, re.findall(r"[a-z]+", folded)) if w in _WEEKDAY]


def _weekday_word(word: str) -> str:
    """A weekday run into a part of the day ("zaterdagmiddag", "samstagabend") as the weekday; any word as it is."""
    compound = None if word in _WEEKDAY else _COMPOUND.fullmatch(word)
    return compound[1] if compound else word


# A weekday, its day and month opening a line, or two of them joined ("Sabato 1 e Domenica 2 Giugno"), or the month
# first ("Thursday, February 27"): no year after them (a time may follow, "Jueves 27 de febrero, 20:00h").
_JOINED = r"(?:e|and|y|et|und|&|-|al|au|to|bis)"
_NO_YEAR = r"(?![\w/.-]|\s*,?\s*\d{4}\b|\s*,?\s*\d{1,2}[/.]\d)"
_PART = rf"(?:{DAY_PART},?\s+)?"  # "Vrijdag avond 7 Augustus": when in the day
_OPENINGS = (
    re.compile(
        rf"^([a-z]+,?\s+{_PART}\d{{1,2}}\.?\s+(?:{_JOINED}\s+(?:[a-z]+,?\s+)?\d{{1,2}}\.?\s+)?(?:de\s+)?([a-z]{{3,10}})\.?){_NO_YEAR}"
    ),
    re.compile(
        rf"^([a-z]+,?\s+{_PART}([a-z]{{3,10}})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?){_NO_YEAR}"
    ),
)
# What sets a date line's date apart from its time or place ("Jueves 27 de febrero, 20:00h.- Biblioteca").
_SET_APART = ",;.:|·•–—-(/"
# A clock time ("20:30", "18h", "6 pm", "19 Uhr"), which a few words may lead ("dalle 20:30", "at 6 pm").
_CLOCK, _MAX_TIME_WORDS = re.compile(r"\d{1,2}(?:[:.h]\d{2}|\s*(?:h|uhr|am|pm)\b)", re.IGNORECASE), 3


def _only_a_time(rest: str) -> bool:
    return len(rest.split()) <= _MAX_TIME_WORDS and _CLOCK.search(rest) is not None


# A line longer than this is a teaser, whose opening words tell what happened, not when the entry is.
_MAX_DATE_LINE_CHARS = 80


def opening_weekday_date(text: str | None, short: bool = False) -> str | None:
    """ "Domenica 11 Novembre a Pradamano", "Jueves 27 de febrero, 20:00h.- Biblioteca": the weekday, day and month
    (or two days of a month) opening a line, as shown; `short` asks for a date line: no longer than one, the date
    set apart from what follows it (a time, a place), not run into a sentence."""
    if not text or (short and len(text) > _MAX_DATE_LINE_CHARS):
        return None
    folded = _folded(text)
    m = next((m for m in (r.match(folded) for r in _OPENINGS) if m), None)
    named = _weekdays_named(m[1]) if m else []
    if not m or not named or _weekday_word(_folded(m[1].split()[0]).rstrip(",")) not in _WEEKDAY:
        return None
    rest = text[m.end(1) :].strip()
    if short and rest and rest[0] not in _SET_APART and not _only_a_time(rest):
        return None  # "Domenica 17 novembre saremo a Buttrio": a teaser's sentence, about that day
    return text[: m.end(1)].strip()  # folding keeps the length: the text's own letters


def neighbour_years(dated: list, index: int) -> list[int] | None:
    """The years around the nearest entries before and after `index` that carry a date of their own (a list runs in
    date order, so an entry lies near its neighbours): each one's year, the one before and the one after."""
    before = next((d for d in reversed(dated[:index]) if d), None)
    after = next((d for d in dated[index + 1 :] if d), None)
    years = {d.year + step for d in (before, after) if d for step in (-1, 0, 1)}
    return sorted(years) or None


def shows_weekday_of(text: str | None, day: date) -> bool:
    """Whether `text` names one weekday and it is `day`'s ("Zondag 9 september" and 9 September 2012)."""
    return set(_weekdays_named(text or "")) == {day.weekday()}


def _folded(text: str) -> str:
    # "ø" and "ł" have no accent to strip ("lørdag", "środa" beside "piątek"): one letter each, the length kept
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_UNACCENTED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_UNACCENTED = str.maketrans("øł", "ol")


def day_month_weekday(text: str | None) -> bool:
    """ "Apr 22 Mon": a day and month without a year, then their weekday and nothing else (a date box's three
    lines). A weekday before them ("Mon 22 Apr") is yearless_date's own shape already."""
    head, _, last = (text or "").strip().rstrip(" ,.").rpartition(" ")
    head = head.rstrip(" ,")
    return _folded(last) in _WEEKDAY and bool(head) and yearless_date(head) == head
