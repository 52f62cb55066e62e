"""Dates and date ranges as listing pages print them, in English, French and Spanish.

The common shapes ("16 December 2022", "22 - 23 November 2022", "29 September -
2 October 2022", "del 5 al 7 de junio de 2019", "Sept 29 - Oct 2, 2022") go through
the tokeniser below; dateparser is only the fallback for wordings it does not know,
and it is never allowed to fill in today's day, month or year.
"""

from __future__ import annotations

import calendar
import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .text import clean_text

log = logging.getLogger(__name__)

DAY, MONTH, YEAR = "day", "month", "year"


@dataclass(frozen=True)
class DateValue:
    text: str
    start: date
    end: date
    precision: str  # "day", "month" or "year"

    @property
    def month_key(self) -> str | None:
        """"YYYY-MM" when the value lies within one month, else None."""
        if self.precision == YEAR or (self.start.year, self.start.month) != (self.end.year, self.end.month):
            return None
        return f"{self.start.year:04d}-{self.start.month:02d}"


_MONTH_NAMES = {
    1: "january jan janvier janv enero ene",
    2: "february feb fevrier fevr fev febrero",
    3: "march mar mars marzo",
    4: "april apr avril avr abril abr",
    5: "may mai mayo",
    6: "june jun juin junio",
    7: "july jul juillet juil julio",
    8: "august aug aout agosto ago",
    9: "september sep sept septembre septiembre setiembre set",
    10: "october oct octobre octubre",
    11: "november nov novembre noviembre",
    12: "december dec decembre diciembre dic",
}
MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names.split()}

_WEEKDAYS = set(
    "monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat sunday sun "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "lunes martes miercoles jueves viernes sabado domingo".split()
)
# Words that join the parts of a date and carry no value of their own.
_FILLER = set("of the on from de del du le el la les los las dias jours days between entre des at".split())
# Words and marks that separate the two ends of a range.
_RANGE = set("- to until till through thru au a al hasta and et y jusqu jusqua".split())

_TOKEN = re.compile(r"m\d{1,2}\b|\d+|[a-z]+|-")
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th|er|re|eme|e|o|a)\b")
_TIME = re.compile(r"\b\d{1,2}(?:[:.h]\d{2})\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?\b")
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_YEAR_IN_TEXT = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")


def _fold(text: str) -> str:
    """Lower-case, strip accents, unify dashes; keep digits and letters."""
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


def _tokens(folded: str) -> list[tuple[str, int | str]]:
    # Numeric dates become "day m<month> year" so that the rest of the code sees one shape.
    folded = _ISO.sub(lambda m: f" {int(m[3])} m{int(m[2])} {m[1]} ", folded)
    folded = _NUMERIC.sub(lambda m: f" {int(m[1])} m{int(m[2])} {m[3]} ", folded)
    folded = _TIME.sub(" ", folded)
    folded = re.sub(r"\([^)]*\)", " ", folded)  # "(Geneva time)"
    folded = _ORDINAL.sub(r"\1", folded)
    out: list[tuple[str, int | str]] = []
    for tok in _TOKEN.findall(folded):
        if tok.isdigit():
            n = int(tok)
            if 1000 <= n <= 2999:
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


def _with_dateparser(text: str, languages) -> DateValue | None:
    if not _YEAR_IN_TEXT.search(text):
        return None  # dateparser would fill the year in from today
    import dateparser  # imported here: slow to load, and off the hot path

    settings = {"REQUIRE_PARTS": ["year"], "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        parser = dateparser.date.DateDataParser(languages=list(languages or ["en", "fr", "es"]), settings=settings)
        data = parser.get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
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


def _read_from_text(text: str, found: date, period: str) -> bool:
    """True when every part of dateparser's answer stands in the text itself."""
    folded = _fold(text)
    numbers = {int(n) for n in re.findall(r"\d+", folded)}
    if found.year not in numbers:
        return False
    if period == YEAR:
        return True
    words = set(re.findall(r"[a-z]+", folded))
    month_named = any(MONTHS.get(w) == found.month for w in words)
    if not month_named and found.month not in numbers:
        return False
    return period == MONTH or found.day in numbers


@lru_cache(maxsize=65536)
def _parse_cached(text: str, languages: tuple[str, ...] | None) -> DateValue | None:
    try:
        tokens = _tokens(_fold(text))
    except _Unknown:
        return _with_dateparser(text, languages)
    if not any(kind in (YEAR, MONTH, DAY) for kind, _ in tokens):
        return None
    return _from_tokens(text, tokens)


def parse_date(text: str | None, languages=None) -> DateValue | None:
    """Parse a date or a date range; None when the text is not one (or is impossible).

    >>> parse_date("22 - 23 November 2022").start.isoformat()
    '2022-11-22'
    """
    cleaned = clean_text(text)
    if not cleaned or len(cleaned) > 80 or "©" in cleaned:
        return None
    return _parse_cached(cleaned, tuple(languages) if languages else None)


def looks_like_date_line(text: str | None, languages=None) -> bool:
    """True when the whole of a short line is a date or a date range."""
    cleaned = clean_text(text)
    if not cleaned or len(cleaned) > 60 or not re.search(r"\d", cleaned):
        return False
    try:
        tokens = _tokens(_fold(cleaned))
    except _Unknown:
        return False
    return any(kind == YEAR for kind, _ in tokens) and parse_date(cleaned, languages) is not None


_LABEL = re.compile(
    r"^(?:dates?|published(?: on)?|posted(?: on)?|updated(?: on)?|issued(?: on)?|when|event date|"
    r"publi[ée]e? le|date de publication|publication|le|fecha(?: de publicaci[óo]n)?|publicad[oa](?: el)?|el)\s*[:\-–]?\s+",
    re.IGNORECASE,
)
_META_SEPARATORS = re.compile(r"\s*[|·•]\s*")


def date_in_line(text: str | None, languages=None) -> str | None:
    """The date part of a short meta line: "16 December 2022", "Date: 16 December 2022",
    "News | 16 December 2022", "Publié le 3 mai 2022". None when the line is no date line."""
    cleaned = clean_text(text)
    if not cleaned or len(cleaned) > 90:
        return None
    if looks_like_date_line(cleaned, languages):
        return cleaned
    for part in _META_SEPARATORS.split(cleaned):
        part = _LABEL.sub("", part, count=1).strip(" :")
        if part and looks_like_date_line(part, languages):
            return part
    return None
