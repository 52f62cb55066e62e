"""The year a post's own address states ("/uutiset/2020/07/20/slug.html") for the day and month it shows without one
("20.7."): no guess when the address's day and month are the ones shown."""

from __future__ import annotations

import re
from datetime import date

from ..parsers.datelines import YEARLESS_FIGURES, yearless_date
from ..parsers.dates import parse_date

# A year, month and day as path segments of their own: /2020/07/20/.
_DATED_PATH = re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})/")


def date_from_address(date_text: str | None, href: str | None) -> str | None:
    """The ISO day of a date shown without its year ("20.7.", "7/20", "20 July") whose entry's link names one day
    (/YYYY/MM/DD/) of that same day and month; None otherwise (another day in the address, or none: the year stays
    unknown)."""
    day_month = yearless_date(date_text)
    found = _DATED_PATH.findall(href or "")
    if not day_month or day_month != (date_text or "").strip() or len(found) != 1:
        return None
    try:
        stated = date(*map(int, found[0]))
    except ValueError:
        return None
    figures = YEARLESS_FIGURES.match(day_month)
    if figures:  # "20.7." is day first; "7/20" in either order, the address's day and month both shown
        shown = {(int(figures[1]), int(figures[3]))}
        shown |= {(int(figures[3]), int(figures[1]))} if figures[2] == "/" else set()
        return stated.isoformat() if (stated.day, stated.month) in shown else None
    whole = parse_date(f"{day_month} {stated.year}")
    return stated.isoformat() if whole is not None and whole.start == stated else None
