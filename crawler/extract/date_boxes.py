"""Dates an entry shows in pieces: a day and a month in boxes of their own, and a day and month whose year
only the group heading gives (issue 21)."""

from __future__ import annotations

import re

from ..parsers.datelines import YEARLESS_FIGURES, bare_years, date_in_line, year_in, yearless_date, yearless_span
from ..parsers.dates import parse_date
from ..parsers.weekdays import day_month_weekday
from .html import is_ancestor, machine_date, microformat_dated, tag, text_of

# A date's pieces sit this many levels at most below the box that holds the whole date.
_BOX_LEVELS = 2


def whole_date(el, found: str, elements) -> tuple:
    """<div class="date"><div>12</div><div>Oct 2020</div></div>: a date split across elements is read whole,
    from the box around its pieces (inside the entry) when that box's text is a longer date. (element, date)."""
    paired = _year_beside_day(el, found)
    if paired is not None:
        return el, paired
    node = el
    for _ in range(_BOX_LEVELS):
        parent = node.getparent()
        if parent is None or any(parent is m or not _inside(parent, m) for m in elements[:1]):
            break
        shown = text_of(parent) or ""
        whole = date_in_line(shown)
        if not whole or whole != shown or len(whole) <= len(found):
            break
        node, found = parent, whole
    return node, found


def _year_beside_day(el, found: str) -> str | None:
    """<h5>2018</h5><h4>05 juillet</h4> (batch X, a blog's archive): a year alone on its line next to a line that is
    a day and a month in words and nothing else is one date split over two lines; the day and month, then the year.
    A day and month in figures ("7/24") is left alone: their order is not shown."""
    if not bare_years(found) or found != text_of(el):
        return None
    for line in (el.getnext(), el.getprevious()):
        shown = text_of(line) if line is not None and tag(line) else None
        if shown and yearless_date(shown) == shown and not YEARLESS_FIGURES.match(shown):
            return f"{shown} {found}"
    return None


def date_beside(record, container) -> str | None:
    """<div class="row"><div class="day">27 <span>lug</span></div><div class="col"><div class="card">...</div>
    </div></div>: a date box opening the row the record (or a wrapper of it, inside the list) sits in is its
    date, the year left to the group heading ("Luglio 2023"). Only a box first in its row, holding no link:
    a date after a record belongs to it, not to the next. A year alone there ("<section><h2>1981</h2>…") heads
    the section's records as their group: a bare year is no date of an entry."""
    node = record
    for _ in range(_BESIDE_LEVELS):
        parent = node.getparent()
        if node is container or parent is None or parent is container:
            return None  # the list's own first child is its heading, no row's date box
        box = next((c for c in parent if isinstance(c.tag, str)), None)
        if box is not None and box is not node and box.find(".//a") is None and not _inside(node, box):
            shown = text_of(box)
            if shown and not bare_years(shown) and (date_in_line(shown) == shown or yearless_date(shown) == shown):
                return shown
        node = parent
    return None


# A record sits this many levels at most below the row its date box opens.
_BESIDE_LEVELS = 5


def _inside(el, record) -> bool:
    return any(anc is record for anc in el.iterancestors())


def yearless_line(elements, title_el) -> str | None:
    """An element of the entry, outside its title, that is a day and month alone ("Thu 10 October"): the date
    as shown, for a year the group heading gives ("October 2020") to complete, or the weekday it shows ("Apr 22
    Mon", crawler.parsers.weekdays); without either it stays no date (a year is never guessed)."""
    for el in (x for m in elements for x in m.iter()):
        shown = text_of(el) if isinstance(el.tag, str) else None
        yearless = shown and (yearless_date(shown) == shown or day_month_weekday(shown))  # "Apr 22 Mon" too
        yearless = yearless or yearless_span(shown)  # "Tue 27 – Sat 31 Aug", "Sat 24 & Mon 26 Aug"
        if yearless and not (_inside(el, title_el) or el is title_el):
            return shown
    return None


def marked_date(elements, title_el):
    """An element outside the title that the markup marks as a date and that shows or holds one: <time>,
    <date datetime>, a `datetime` or `content` attribute, a microformat's date class. One classed as the date
    it was updated (<time class="updated">) only when there is no other: the entry's date is its first."""
    found = []
    for el in (x for m in elements for x in m.iter()):
        machine_like = tag(el) in ("time", "date") or el.get("datetime") is not None or el.get("content")
        if is_ancestor(title_el, el) or not (machine_like or microformat_dated(el)):
            continue
        if date_in_line(text_of(el)) or machine_date(el):
            found.append(el)
    return next((el for el in found if not _UPDATED.search(el.get("class") or "")), found[0] if found else None)


_UPDATED = re.compile(r"(?:^|\s)(?:dt-)?(?:updated|modified)(?:$|\s)")


# What parts a title into the pieces one of which may be a whole date: "Meeting – 5/12/2026 – via Zoom".
_TITLE_PARTS = re.compile(r"\s+[|·•–—-]\s+|,\s+")


def year_from_title(date_text: str | None, title: str | None) -> str | None:
    """A day and month shown without a year ("May" "12" in a date box) whose title holds a whole date of that
    same day and month ("… – 5/12/2026 – In Person"): the title's year completes it, "May 12 2026" (read in
    either order of figures, the box's month decides). Anything else, the date as it was."""
    day_month = yearless_date(date_text)
    if not day_month or day_month != date_text or YEARLESS_FIGURES.match(day_month) or not title:
        return date_text
    for piece in _TITLE_PARTS.split(title):
        year = year_in(piece) if date_in_line(piece) == piece else None
        whole = parse_date(f"{day_month} {year}") if year else None
        shown = [parse_date(piece, month_first=order) for order in (True, False)]
        if whole is not None and any(d is not None and d.start == whole.start for d in shown):
            return f"{day_month} {year}"
    return date_text


# A machine date on this many entries at least, beside shown dates that differ, is the page's, not theirs.
_SHARED_MACHINE_DATE_ENTRIES = 3


def without_shared_machine_dates(entries) -> None:
    """Drop a machine-readable date (<time datetime>) that several entries carry alike while the dates they show
    differ: a site's build or fetch time stamped on every post, not each post's own date; the text the reader
    sees then stands."""
    shown_by_value: dict[str, list] = {}
    for entry in entries:
        if entry.date_iso:
            shown_by_value.setdefault(entry.date_iso, []).append(entry.date_text)
    shared = {
        value
        for value, shown in shown_by_value.items()
        if len(shown) >= _SHARED_MACHINE_DATE_ENTRIES and other_days_shown(shown, value) >= 2
    }
    for entry in entries:
        if entry.date_iso in shared:
            entry.date_iso = None


def other_days_shown(shown: list, machine: str) -> int:
    """How many calendar days the texts show besides the machine date's day: posts of one day showing their hour
    ("5 March 2024, 9:15", "10:30") differ from a datetime of that day in nothing."""
    stamped = parse_date(machine)
    days = set()
    for text in shown:
        seen = parse_date(date_in_line(text)) if _shows_a_date(text) else None
        if seen is not None and (stamped is None or seen.start != stamped.start):
            days.add(seen.start)
    return len(days)


def _shows_a_date(shown: str | None) -> bool:
    """A calendar date ("2021-10-18", "3 May"); an hour ("9:15") or how long ago ("2 hours ago") on posts of one
    day contradicts no datetime of that day."""
    found = date_in_line(shown)
    return bool(found and year_in(found)) or yearless_date(shown) is not None


# A day and month in figures, not year first ("03/10/2017"): which order is the page's to say, not the element's.
_DAY_MONTH_FIGURES = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b")
# A datetime this many days off the date shown is the same moment in another time zone.
_ZONE_SLACK_DAYS = 1


def own_machine_date(shown: str | None, machine: str | None) -> str | None:
    """An element's machine date (<time datetime>), unless the element's own text plainly shows another whole date
    (its year, and its month in words or year first: "2021-10-18", "18 October 2021"): what the reader sees wins
    over a datetime that disagrees (the post's last change, the site's build time). None then."""
    found = date_in_line(shown) if machine and shown else None
    if not found or _DAY_MONTH_FIGURES.search(found) or not year_in(found):
        return machine
    seen, stamped = parse_date(found), parse_date(machine)
    if seen is None or stamped is None or seen.precision != "day":
        return machine
    return None if abs((seen.start - stamped.start).days) > _ZONE_SLACK_DAYS else machine
