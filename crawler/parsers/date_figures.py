"""Dates written in figures ("16/12/2022", "2022-12-16", "01.11. 2020", "04.2020"), rewritten as
"day m<month> year" so that crawler.parsers.dates's tokeniser sees one shape for all of them."""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"\b(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?:t[\d:.]+(?:z|[+-][\d:]+)?)?\b")
# Day, month and year in figures; a two-digit year only after slashes or dots ("12/14/23", "05.18.15").
NUMERIC = re.compile(r"\b(\d{1,2})([./-])(\d{1,2})\2(\d{4}|(?<=[/.])\d{2}(?!\d))\b")
# A range's start in figures without its year, before an end with one ("4/10 - 5/1/17"): the start is in that year.
_YEARLESS_START = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})\s*-\s*(\d{1,2}/\d{1,2}/(\d{4}|\d{2}))(?![\d/])")
# "08.11. bis 09.11.2024", "30.12.-02.01.2025": a start in figures closed by a dot and no year (German, Czech,
# Scandinavian typography), before an end in figures with one; the dot after the month sets it apart from a time.
_DOTTED_YEARLESS_START = re.compile(
    r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\s*(?:-|bis|to|till|tot|au|al|a)\s*)(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d.]\d)"
)
# How many months a range may run over the new year when its start leaves the year out ("30.12.-02.01.2025").
_MONTHS_OVER_NEW_YEAR = 6
# "01.11. 2020", "1. 11. 2020": Czech, Slovak and German typography puts a space after a dot of a date; only
# before a four-figure year, so that "Kap. 1. 11 Seiten" stays apart.
_SPACED_DOTS = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)")
# "04.2020", "06/2018": a month and its year, the month with its two figures (an issue "3/2020" stays unread).
_MONTH_YEAR = re.compile(r"(?<![\d./])(0[1-9]|1[0-2])[./](\d{4})(?![\d]|[./]\d)")
# "2020_02", "2021_03_15": a stamp year first, joined by underscores, as files are named to sort by date
# ("2020_02.pdf"); its month (and day) in two figures. Underscores join no season ("2001-02" may be one) and no
# range; a stamp run on from other words ("report_2020_02") is part of a name.
_UNDERSCORED = re.compile(r"(?<![\w])((?:19|20)\d\d)_(0[1-9]|1[0-2])(?:_(0[1-9]|[12]\d|3[01]))?(?!\d)")
# A two-digit year is read in this century up to this many years ahead, else the last.
_TWO_DIGIT_YEAR_AHEAD = 10


class Undecided(Exception):
    """Figures like "03/04/2022" on a page whose order nothing decides: no date, never a guess."""


def close_spaced_dots(folded: str) -> str:
    """ "01.11. 2020" as "01.11.2020": the spaces change nothing in what the figures say."""
    if "." not in folded:
        return folded  # no match; sub() with a template parses it in Python on every call, match or none
    return _SPACED_DOTS.sub(r"\1.\2.\3", folded)


def figures_as_words(folded: str, month_first: bool | None) -> str:
    """Every date in figures in `folded` as " day m<month> year " (or " m<month> year ")."""
    folded = _ISO.sub(lambda m: f" {int(m[4])} m{int(m[3])} {m[1]} ", folded)
    folded = _UNDERSCORED.sub(lambda m: f" {int(m[3]) if m[3] else ''} m{int(m[2])} {m[1]} ", folded)
    folded = _YEARLESS_START.sub(r"\1/\2/\4 - \3", folded)  # "4/10 - 5/1/17": the start in the end's year
    folded = _DOTTED_YEARLESS_START.sub(lambda m: _dotted_yearless_start(m, month_first), close_spaced_dots(folded))
    folded = NUMERIC.sub(lambda m: _numeric(m, month_first), folded)
    return _MONTH_YEAR.sub(lambda m: f" m{int(m[1])} {m[2]} ", folded)


def _dotted_yearless_start(m: re.Match, month_first: bool | None) -> str:
    """The start in the end's year, or in the year before when its month comes after the end's (the range runs
    over the new year, a few months at most: "23.11. - 22.11.2022" stays a range that ends before it starts)."""
    start_a, start_b, end_a, end_b = int(m[1]), int(m[2]), int(m[4]), int(m[5])
    year = int(m[6]) if len(m[6]) == 4 else full_year(m[6])
    if month_first or (month_first is None and start_b > 12):
        start_month, end_month = start_a, end_a
    else:
        start_month, end_month = start_b, end_b
    if end_month < start_month <= 12 and end_month + 12 - start_month <= _MONTHS_OVER_NEW_YEAR:
        year -= 1
    return f"{m[1]}.{m[2]}.{year}{m[3]}{m[4]}.{m[5]}.{m[6]}"


def _numeric(m: re.Match, month_first: bool | None) -> str:
    """ "16/12/2022" (or "12/16/2022" on a month-first page) as "day m<month> year";
    month_first None (the page's order undecided) leaves "03/04/2022" unread."""
    a, b, year = int(m[1]), int(m[3]), m[4]
    if len(year) == 2:
        year = full_year(year)
    if month_first is None and a <= 12 and b <= 12 and a != b:
        raise Undecided(m[0])
    if b > 12 or (month_first and a <= 12):
        a, b = b, a  # the figures themselves say month first, or the page does
    return f" {a} m{b} {year} "


def full_year(two_figures: str) -> int:
    """ "23" is 2023, in this century up to _TWO_DIGIT_YEAR_AHEAD years ahead, else in the last."""
    year = 2000 + int(two_figures)
    return year if year <= date.today().year + _TWO_DIGIT_YEAR_AHEAD else year - 100
