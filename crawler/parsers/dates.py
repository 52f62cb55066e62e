"""Dates and date ranges as listing pages print them, in English, French and Spanish (month
names in German, Portuguese, Italian and Dutch too).

The common shapes ("16 December 2022", "22 - 23 November 2022", "29 September -
2 October 2022", "del 5 al 7 de junio de 2019", "Sept 29 - Oct 2, 2022") go through
the tokeniser below; dateparser is only the fallback for wordings it does not know,
and it is never allowed to fill in today's day, month or year.
"""

from __future__ import annotations

import calendar
import logging
import re
import threading
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from .date_figures import Undecided, figures_as_words, full_year
from .day_parts import DAY_PARTS, compound_weekdays
from .foreign_dates import FOREIGN_DATE, LONG_FORM_WORDS
from .relative import is_relative, resolve_relative
from .text import clean_text, words

log = logging.getLogger(__name__)

# The longest text read as a date: "Tuesday 29 September - Friday 2 October 2022, 10:00-12:00" fits.
_MAX_DATE_CHARS = 80
# The longest line that is a date and nothing else; longer lines are prose or a title.
_MAX_LINE_CHARS = 60

DAY, MONTH, YEAR = "day", "month", "year"


@dataclass(frozen=True)
class DateValue:
    text: str
    start: date
    end: date
    precision: str  # "day", "month" or "year"

    @property
    def month_key(self) -> str | None:
        """ "YYYY-MM" when the value lies within one month, else None."""
        if self.precision == YEAR or (self.start.year, self.start.month) != (self.end.year, self.end.month):
            return None
        return f"{self.start.year:04d}-{self.start.month:02d}"


_MONTH_NAMES = {  # en, fr, es; then de, pt, it, nl (accents folded)
    1: "january jan janvier janv enero ene januar janner janeiro gennaio gen januari",
    2: "february feb fevrier fevr fev febrero februar fevereiro febbraio februari",
    3: "march mar mars marzo marz marco maart mrt",
    4: "april apr avril avr abril abr aprile",
    5: "may mai mayo maio maggio mag mei",
    6: "june jun juin junio juni junho giugno giu",
    7: "july jul juillet juil julio juli julho luglio lug",
    8: "august aug aout agosto ago augustus",
    9: "september sep sept septembre septiembre setiembre set setembro settembre",
    10: "october oct octobre octubre oktober outubro ottobre ott okt",
    11: "november nov novembre noviembre novembro",
    12: "december dec decembre diciembre dic dezember dezembro dicembre dez",
}
MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names.split()}

_WEEKDAYS = words(
    """
    monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat sunday sun
    lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miercoles jueves viernes sabado
    domingo montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag segunda terca quarta
    quinta sexta feira lunedi martedi mercoledi giovedi venerdi sabato domenica maandag dinsdag woensdag
    donderdag vrijdag zaterdag zondag
    """
)
_COMPOUND_WEEKDAY = compound_weekdays(_WEEKDAYS)  # "zaterdagmiddag": Saturday afternoon
# Words that join the parts of a date and carry no value of their own ("am 14.10.2020 um 10:30 Uhr",
# "14/10/2020 às 10h30", "il 14 ottobre 2020 alle ore 10").
_FILLER = words(
    "of the on from de del du le el la les los las dias jours days between entre des at am um uhr vom den "
    "as em do da il dal alle ore op om"
)
# Words and marks that separate the two ends of a range.
# "&" and "+" join a set of days ("Sat 24 & Mon 26 Aug"), read as the span from the first to the last, as "and" is.
_RANGE = words("- & + to until till through thru au a al hasta and et y e und jusqu jusqua bis ate tot")

_TOKEN = re.compile(r"m\d{1,2}\b|\d+|[a-z]+|[^\W\d_]+|[-&+]")  # any other letters: a word the parser does not know
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th|er|re|eme|e|o|a)\b")
_TIME = re.compile(
    r"\b\d{1,2}(?:[:.h]\d{2})(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?\b|\b\d{1,2}\s?h(?:\s?\d{2})?\b|\b\d{1,2}\s+uhr\b"
    r"|\bore\s+\d{1,2}(?:[:.]\d{2})?\b"  # Italian "alle ore 10", "ore 18.30": an hour, not a day
)
# "03-Mar-2021": a day, a month name and a year joined by hyphens (not a range).
_HYPHENATED = re.compile(r"\b(\d{1,2})-([a-z]{3,9})\.?-(\d{4})\b")
# "25 fév 24": after a day and a month name, two figures closing the date can only be the year (the day is said
# already); "5 May 10 - 12" (hours) is no year, "25 fév 24 - 2 mars 24" is a range.
_DAY_MONTH_YY = re.compile(r"\b(\d{1,2})\s*([a-z]+)\.?,?\s+(\d{2})\b(?=[\s,.]*$|\s*-\s*\d{1,2}\s*[a-z])")
# "3, 4 y 5 de julio de 2025": days listed before one month are the days from the first listed to the last.
_DAY_LIST = re.compile(r"\b(\d{1,2})(?:\s*,\s*\d{1,2})+(?:\s*,?\s+(?:y|and|et|und|e)\s+(\d{1,2}))?\b(?=\s+[a-z])")
# Days listed with slashes before their month ("4/11 Dez 2026", "12/14/21 Mar"): performance days, read first to last.
_SLASHED_DAYS = re.compile(r"\b(\d{1,2})((?:/\d{1,2})+)\s+([a-z]+)\b")
_YEAR_IN_TEXT = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")


def _fold(text: str) -> str:
    """Lower-case, strip accents, unify dashes; keep digits and letters."""
    if text.isascii():
        return text.lower()  # nothing to decompose, strip or unify
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = text.replace("º", "").replace("°", "").replace("ª", "")
    return text


@dataclass
class _Part:
    day: int | None = None
    month: int | None = None
    year: int | None = None


class _Unknown(Exception):
    """The text holds a word the tokeniser does not know: let dateparser try."""


def _day_list(m: re.Match) -> str:
    last = m[2] or re.findall(r"\d+", m[0])[-1]
    return f" {m[1]} - {last} " if int(last) > int(m[1]) else m[0]  # listed days that go back: not a span


def _slashed_days(m: re.Match) -> str:
    days = [int(m[1]), *map(int, m[2].strip("/").split("/"))]
    ascending = all(a < b for a, b in zip(days, days[1:], strict=False)) and days[-1] <= 31
    # only before a month's name, the days rising: "3/4 tickets" or "12/5 Mai" stay as they are
    return f" {days[0]} - {days[-1]} {m[3]} " if ascending and m[3] in MONTHS else m[0]


def _day_month_yy(m: re.Match) -> str:
    if m[2] not in MONTHS:
        return m[0]
    return f" {m[1]} {m[2]} {full_year(m[3])} "


def _tokens(folded: str, month_first: bool | None = False) -> list[tuple[str, int | str]]:
    # Numeric dates become "day m<month> year" so that the rest of the code sees one shape.
    folded = _SLASHED_DAYS.sub(_slashed_days, folded)  # before "12/14/21" reads as one numeric date
    folded = figures_as_words(_HYPHENATED.sub(r" \1 \2 \3 ", folded), month_first)
    folded = _TIME.sub(" ", folded)
    folded = _DAY_LIST.sub(_day_list, folded)
    folded = _DAY_MONTH_YY.sub(_day_month_yy, folded)
    folded = re.sub(r"\([^)]*\)", " ", folded)  # "(Geneva time)"
    folded = _ORDINAL.sub(r"\1", folded)
    folded = folded.replace("-feira", " ")  # "quarta-feira": a Portuguese weekday, no range
    out: list[tuple[str, int | str]] = []
    previous = ""
    for tok in _TOKEN.findall(folded):
        previous, before = tok, previous
        if tok.isdigit():
            n = int(tok)
            if 1000 <= n <= 2999 and len(tok) == 4:  # "2013-02996": a year and a serial number, no range
                out.append((YEAR, n))
            elif 1 <= n <= 31:
                out.append((DAY, n))
            else:
                raise _Unknown(tok)
        elif re.fullmatch(r"m\d{1,2}", tok):
            out.append((MONTH, int(tok[1:])))
        elif tok in MONTHS:
            out.append((MONTH, MONTHS[tok]))
        elif tok in _RANGE:
            out.append(("sep", tok))
        elif tok in _WEEKDAYS or tok in _FILLER:
            continue
        elif (tok in DAY_PARTS and before in _WEEKDAYS) or _COMPOUND_WEEKDAY.fullmatch(tok):
            continue  # "vrijdag avond", "zaterdagmiddag": the weekday, and when in its day
        else:
            raise _Unknown(tok)
    return out


def _parts(tokens) -> list[_Part] | None:
    parts = [_Part()]
    for kind, value in tokens:
        if kind == "sep":
            if parts[-1] == _Part():  # "du 5 au 7": a leading separator word
                continue
            parts.append(_Part())
            continue
        if getattr(parts[-1], kind) is not None:
            return None  # two days or two months in one end: not a shape we know
        setattr(parts[-1], kind, value)
    parts = [p for p in parts if p != _Part()]
    if not parts or len(parts) > 2:
        return None
    return parts


def _bounds(part: _Part, first: bool) -> tuple[date, str]:
    """The first (or last) day a partial date can mean, and its precision."""
    if part.day is not None:
        return date(part.year, part.month, part.day), DAY
    if part.month is not None:
        day = 1 if first else calendar.monthrange(part.year, part.month)[1]
        return date(part.year, part.month, day), MONTH
    return (date(part.year, 1, 1) if first else date(part.year, 12, 31)), YEAR


def _from_tokens(text: str, tokens) -> DateValue | None:
    parts = _parts(tokens)
    if parts is None:
        return None
    left, right = parts[0], parts[-1]
    if len(parts) == 2:
        # "22 - 23 November 2022": the left end borrows what it leaves out from the right.
        if left.year is None:
            left.year = right.year
            if left.month is None:
                left.month = right.month
        elif left.month is None and left.day is not None:
            left.month = right.month
        # "Sept 29 - 30, 2022": the right end borrows the month from the left.
        if right.month is None and right.day is not None:
            right.month = left.month
        if right.year is None:
            right.year = left.year
    for p in parts:
        if p.year is None:
            return None  # never guess a year
        if p.day is not None and p.month is None:
            return None
    try:
        start, p1 = _bounds(left, True)
        end, p2 = _bounds(right, False)
    except ValueError:
        log.warning("impossible date %r: left empty", text)
        return None
    if p1 != p2:
        return None
    if end < start:
        log.warning("date range %r ends before it starts: left empty", text)
        return None
    return DateValue(text, start, end, p1)


def _with_dateparser(text: str, languages, any_locale: bool = True) -> DateValue | None:
    if not _YEAR_IN_TEXT.search(text):
        return None  # dateparser would fill the year in from today
    shown = LONG_FORM_WORDS.sub(" ", text)  # "2016. december hó 23. napján": words dateparser does not know
    data = _dateparser_data(shown, list(languages or ["en", "fr", "es"]))
    if (data is None or data.date_obj is None) and any_locale and FOREIGN_DATE.fullmatch(_fold(text)):
        data = _dateparser_data(shown, None)  # "10 kwietnia 2020": a month in a language not given, any it knows
    if data is None or data.date_obj is None:
        return None
    found = data.date_obj.date()
    period = data.period or DAY
    if not _read_from_text(text, found, period):
        return None  # dateparser filled in a part the text does not hold
    if period == MONTH:
        last = calendar.monthrange(found.year, found.month)[1]
        return DateValue(text, found.replace(day=1), found.replace(day=last), MONTH)
    if period == YEAR:
        return DateValue(text, date(found.year, 1, 1), date(found.year, 12, 31), YEAR)
    return DateValue(text, found, found, DAY)


def _dateparser_data(text: str, languages: list | None):
    import dateparser  # imported here: slow to load, and off the hot path

    settings = {"REQUIRE_PARTS": ["year"], "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        return dateparser.date.DateDataParser(languages=languages, settings=settings).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input
        return None


# "10 DES, 2015" (Catalan, Norwegian, Indonesian: December): a word skipped here as filler (French "des") standing
# in a month's place, between a day and a year, with no month named: dateparser reads it as a month only in the
# page's languages, else in those that abbreviate a month by it (never any locale: Maasai reads "dal" as January),
# and its answer stands only if it keeps the day and year shown ("10 del 2015" is no date).
_FILLER_AS_MONTH = re.compile(r"(?:[a-z]+,?\s+)?(\d{1,2})\.?\s+([a-z]{3,12})\.?,?\s+\d{4}")
FILLER_MONTH_LANGUAGES = {"des": ("ca", "nb", "id")}


def filler_in_month_place(text: str) -> bool:
    """True for "10 DES, 2015": a filler word some language abbreviates a month by, between a day and a year."""
    shown = _FILLER_AS_MONTH.fullmatch(_fold(clean_text(text)))
    return shown is not None and shown[2] in FILLER_MONTH_LANGUAGES


def _read_from_text(text: str, found: date, period: str) -> bool:
    """True when every part of dateparser's answer stands in the text itself."""
    folded = _fold(text)
    numbers = {int(n) for n in re.findall(r"\d+", folded)}
    if found.year not in numbers:
        return False
    if period == YEAR:
        return True
    words = set(re.findall(r"[a-z]+", folded))
    month_named = any(MONTHS.get(w) == found.month for w in words) or bool(FOREIGN_DATE.fullmatch(folded))
    if not month_named and found.month not in numbers:
        return False  # (in "10 kwietnia 2020" the one word can only be the month dateparser read)
    return period == MONTH or found.day in numbers


@lru_cache(maxsize=65536)
def _parse_cached(text: str, languages: tuple[str, ...] | None, month_first: bool | None = False) -> DateValue | None:
    try:
        tokens = _tokens(_fold(text), month_first)
    except Undecided:
        return None
    except _Unknown:
        return _with_dateparser(text, languages)
    if not any(kind in (YEAR, MONTH, DAY) for kind, _ in tokens):
        return None
    shown = None if any(kind == MONTH for kind, _ in tokens) else _FILLER_AS_MONTH.fullmatch(_fold(text))
    if shown is not None and shown[2] in _FILLER:
        month_languages = languages or FILLER_MONTH_LANGUAGES.get(shown[2])
        found = _with_dateparser(text, month_languages, any_locale=False) if month_languages else None
        return found if found is not None and found.precision == DAY and found.start.day == int(shown[1]) else None
    return _from_tokens(text, tokens)


def parse_date(
    text: str | None, languages=None, now: datetime | date | None = None, month_first: bool | None = False
) -> DateValue | None:
    """Parse a date or a date range; None when the text is not one (or is impossible).

    A relative date ("3 hours ago", "hier", "hace 2 días") is counted back from `now`
    (the capture time; default the current UTC time) and has day precision.
    `month_first` reads figures like "03/04/2022" as US-style month/day (see numeric_order);
    None (the order undecided) reads no such figures, only those the numbers decide ("25/03/2022").

    >>> parse_date("22 - 23 November 2022").start.isoformat()
    '2022-11-22'
    """
    cleaned = clean_text(text)
    if not cleaned or len(cleaned) > _MAX_DATE_CHARS or "©" in cleaned:
        return None
    day = resolve_relative(cleaned, now)
    if day is not None:
        return DateValue(cleaned, day, day, DAY)
    return _parse_cached(cleaned, tuple(languages) if languages else None, month_first)


def impossible_range(text: str | None) -> bool:
    """A range that ends before it starts ("23 - 22 November 2022"): no date at all, and not its right end."""
    cleaned = clean_text(text)
    if not cleaned or len(cleaned) > _MAX_DATE_CHARS:
        return False
    try:
        tokens = _tokens(_fold(cleaned))
    except (_Unknown, Undecided):
        return False
    parts = _parts(tokens)
    if parts is None or len(parts) != 2 or parts[-1].year is None:
        return False
    return _from_tokens(cleaned, tokens) is None


def looks_like_date_line(text: str | None, languages=None) -> bool:
    """True when the whole of a short line is a date or a date range."""
    return _looks_like_date_line(text, tuple(languages) if languages else None)


@lru_cache(maxsize=65536)  # the extractors ask about the same lines again and again
def _looks_like_date_line(text: str | None, languages) -> bool:
    cleaned = clean_text(text)
    if not cleaned or len(cleaned) > _MAX_LINE_CHARS:
        return False
    if is_relative(cleaned):
        return True
    if not re.search(r"\d", cleaned):
        return False
    try:
        tokens = _tokens(_fold(cleaned))
    except _Unknown:
        # "10 kwietnia 2020": a date in a language the tokeniser does not know, when dateparser reads it
        return bool(FOREIGN_DATE.fullmatch(_fold(cleaned))) and parse_date(cleaned, languages) is not None
    return any(kind == YEAR for kind, _ in tokens) and _readable(cleaned, languages)


def _readable(text: str, languages) -> bool:
    """A date in either order ("4/7/17 - 4/25/17" is one only month first), read quietly: asking whether a
    line is a date is no reading of it, so an impossible range is not logged here (nor cached)."""
    _PROBING.on = True
    try:
        return any(_parse_cached.__wrapped__(text, languages, order) is not None for order in (False, True))
    finally:
        _PROBING.on = False


_PROBING = threading.local()  # set while a line is only probed: its warnings are no one's
log.addFilter(lambda record: not getattr(_PROBING, "on", False))
