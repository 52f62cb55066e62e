"""The years a listing page names about itself: in its address ("2019.festival.org", "/events/2019/") and in its
title or main heading ("Events | DC Design Week 2019"). An archived festival or season site shows its entries'
days without a year ("Tue 27 Aug") because the whole page is of one year; those years, one either side (a season
reaching into the next year), are where a weekday shown looks for its year before the years around the capture.
A copyright line is left out: it is kept current on many sites, or left stale on many others."""

from __future__ import annotations

import re
from datetime import date, timedelta

# A year standing alone among a URL's or a title's figures ("2019", not the "12019" of an id or a "2019" of "20190").
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def page_years(url: str | None, *titles: str | None) -> tuple[int, ...]:
    """The years `url` (host, path, query) and the page's `titles` name, in order, each once."""
    found = _YEAR.findall(" ".join(filter(None, (url, *titles))))
    return tuple(dict.fromkeys(int(year) for year in found)) if found else ()


def years_around(years) -> list[int] | None:
    """Each year the page names, the one before and the one after; None when it names none."""
    return sorted({year + step for year in years for step in (-1, 0, 1)}) or None


# A page of one year shows the days of that year, or of a season reaching half a year into the next or from the last.
_SEASON_REACH = timedelta(days=183)


def near_page_years(day: date, years) -> bool:
    """Whether `day` lies in a year the page names or within half a year of one: "Zaterdag 7 Augustus" on a page of
    2020, a Saturday only in 2021 (one year either side), is a misprint, not an event a year after the rest."""
    return any(date(year, 1, 1) - _SEASON_REACH <= day <= date(year, 12, 31) + _SEASON_REACH for year in years)
