"""The year a post's own address states ("/uutiset/2020/07/20/slug.html") for the day and month it shows without one
("20.7."): no guess when the address's day and month are the ones shown. And the day it states for a relative one
("aujourd'hui"), which the capture time settles only on a page captured the day it was built."""

from __future__ import annotations

import re
from datetime import date

from ..parsers.datelines import YEARLESS_FIGURES, yearless_date
from ..parsers.dates import MONTHS, parse_date
from ..parsers.relative import is_relative
from ..parsers.weekdays import shows_weekday_of

# A year, month and day as path segments of their own: /2020/07/20/.
_DATED_PATH = re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})/")
# A day, a month's name and a year run into an address's last part: "/nieuws/9sept2012-dave-cape/",
# "/9-september-2012-concert"; and a year, month and day in figures opening it: "/2012-09-09-concert".
_SLUG_DAY_NAMED = re.compile(r"(?<![a-z\d])(\d{1,2})[-_]?([a-z]{3,9})[-_]?((?:19|20)\d\d)(?!\d)")
_SLUG_DAY_FIGURES = re.compile(r"(?<![a-z\d])((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})(?!\d)")


def _slug_days(href: str) -> list[tuple[str, str, str]]:
    """The days (year, month, day) the last part of an address writes out, its month named or in figures."""
    slug = href.lower().rstrip("/").rpartition("/")[2]
    named = [(y, str(MONTHS[m]), d) for d, m, y in _SLUG_DAY_NAMED.findall(slug) if m in MONTHS]
    return named + _SLUG_DAY_FIGURES.findall(slug)


def date_from_address(date_text: str | None, href: str | None) -> str | None:
    """The ISO day of a date shown without its year ("20.7.", "7/20", "20 July") whose entry's link names one day
    (/YYYY/MM/DD/, or a slug's "9sept2012" of the weekday shown) of that same day and month, or that shows a
    relative day ("aujourd'hui"); None otherwise (another day in the address, or none: the year stays unknown)."""
    day_month = yearless_date(date_text)
    relative = bool(date_text) and is_relative(date_text)
    if not relative and (not day_month or day_month != (date_text or "").strip()):
        return None  # a whole date, or none: the address is not read (most entries)
    found = _DATED_PATH.findall(href or "")
    if not found:  # a slug's figures are words of its name: a year there needs the weekday shown to agree
        found = [d for d in _slug_days(href or "") if (day := _day_of(d)) and shows_weekday_of(date_text, day)]
    if relative and len(found) == 1:
        # "aujourd'hui à 06h45": a machine date for the entry's reading to weigh against the capture's day (a copy
        # saved or cached later shows the day it was built as "today"; the address keeps the post's own)
        stated = _day_of(found[0])
        return stated.isoformat() if stated else None
    if not day_month or day_month != (date_text or "").strip() or len(found) != 1:
        return None
    stated = _day_of(found[0])
    if stated is None:
        return None
    figures = YEARLESS_FIGURES.match(day_month)
    if figures:  # "20.7." is day first; "7/20" in either order, the address's day and month both shown
        shown = {(int(figures[1]), int(figures[3]))}
        shown |= {(int(figures[3]), int(figures[1]))} if figures[2] == "/" else set()
        return stated.isoformat() if (stated.day, stated.month) in shown else None
    whole = parse_date(f"{day_month} {stated.year}")
    return stated.isoformat() if whole is not None and whole.start == stated else None


def _day_of(path_parts: tuple[str, str, str]) -> date | None:
    """The day of an address's year, month and day; None for an impossible one."""
    try:
        return date(*map(int, path_parts))
    except ValueError:
        return None
