"""Relative dates ("3 hours ago", "yesterday", "il y a 3 jours", "hace 2 días"), resolved
against a reference time: the capture time when it is known, else now (UTC)."""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "un": 1,
    "une": 1,
    "una": 1,
    "uno": 1,
    "two": 2,
    "deux": 2,
    "dos": 2,
    "three": 3,
    "trois": 3,
    "tres": 3,
}
_UNITS = {
    "second": "s",
    "sec": "s",
    "secs": "s",
    "s": "s",
    "seconde": "s",
    "segundo": "s",
    "minute": "min",
    "min": "min",
    "mins": "min",
    "m": "min",
    "minuto": "min",
    "hour": "h",
    "hr": "h",
    "hrs": "h",
    "h": "h",
    "heure": "h",
    "hora": "h",
    "day": "d",
    "d": "d",
    "jour": "d",
    "dia": "d",
    "week": "w",
    "wk": "w",
    "wks": "w",
    "w": "w",
    "semaine": "w",
    "semana": "w",
    "month": "mo",
    "mo": "mo",
    "mos": "mo",
    "mois": "mo",
    "mes": "mo",
    "meses": "mo",
    "year": "y",
    "yr": "y",
    "yrs": "y",
    "y": "y",
    "an": "y",
    "ans": "y",
    "annee": "y",
    "ano": "y",
}
_QTY = r"(\d{1,4}|an?|one|two|three|une?|deux|trois|una?|uno|dos|tres)"
_UNIT = r"([a-z]+)"
_AGO = (
    re.compile(rf"^{_QTY}\s*{_UNIT}\s+ago$"),  # "3 hours ago", "2d ago"
    re.compile(rf"^il y a\s+{_QTY}\s*{_UNIT}$"),  # "il y a 3 jours"
    re.compile(rf"^hace\s+{_QTY}\s*{_UNIT}$"),  # "hace 2 días"
)
_DAYS_BACK = {
    "today": 0,
    "just now": 0,
    "aujourd'hui": 0,
    "aujourdhui": 0,
    "a l'instant": 0,
    "hoy": 0,
    "yesterday": 1,
    "hier": 1,
    "ayer": 1,
    "avant-hier": 2,
    "anteayer": 2,
    "antier": 2,
}


# A time of day after a relative date ("aujourd'hui à 06h45", "yesterday at 6:09 PM"): no part of the day.
_TIME_AFTER = re.compile(r"\s*,?\s*(?:at|a|a las|a la)?\s*\d{1,2}(?:[:h.]\d{2})?\s*(?:[ap]\.?m\.?)?$")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower().replace("\u2019", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"\s+", " ", text).strip(" .")
    stripped = _TIME_AFTER.sub("", text)
    return stripped if stripped and not stripped[-1].isdigit() else text


def reference_day(now: datetime | date | None) -> datetime:
    """The reference time as an aware UTC datetime (a date counts as its midnight)."""
    if now is None:
        return datetime.now(UTC)
    if not isinstance(now, datetime):
        return datetime(now.year, now.month, now.day, tzinfo=UTC)
    return now if now.tzinfo else now.replace(tzinfo=UTC)


def _months_back(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


# Every relative date holds one of these: a cheap test before any folding.
_HINT = re.compile(
    r"ago|hace|il y a|today|yesterday|hier|ayer|hoy|aujourd|instant|just now|anteayer|antier", re.IGNORECASE
)


@lru_cache(maxsize=65536)
def _parts(text: str) -> tuple[int, str] | None:
    """(quantity, unit) of a relative date, from the text alone."""
    return _match(_fold(text)) if _HINT.search(text) else None


def is_relative(text: str | None) -> bool:
    """True for a whole line that is a relative date; needs no reference time."""
    return bool(text) and _parts(text) is not None


def _match(folded: str) -> tuple[int, str] | None:
    if folded in _DAYS_BACK:
        return _DAYS_BACK[folded], "d"
    for pattern in _AGO:
        m = pattern.match(folded)
        unit = m and next((w for w in (m[2], m[2][:-1], m[2][:-2]) if w in _UNITS), None)
        if unit:
            qty = int(m[1]) if m[1].isdigit() else _NUMBER_WORDS[m[1]]
            return qty, _UNITS[unit]
    return None


# "il y a 3 semaines à 06h45" fits; a longer line is a sentence that mentions a time.
_MAX_RELATIVE_CHARS = 40


def resolve_relative(text: str | None, now: datetime | date | None = None) -> date | None:
    """The day a relative date names, counted back from `now`; None when the text is not one."""
    if not text or len(text) > _MAX_RELATIVE_CHARS:
        return None
    found = _parts(text)
    if found is None:
        return None
    qty, unit = found
    ref = reference_day(now)
    if unit == "mo":
        return _months_back(ref.date(), qty)
    if unit == "y":
        return _months_back(ref.date(), 12 * qty)
    seconds = {"s": 1, "min": 60, "h": 3600, "d": 86400, "w": 7 * 86400}[unit]
    try:
        return (ref - timedelta(seconds=qty * seconds)).date()
    except OverflowError:
        return None
