"""Dates a profile's entry shows outside its `date` element, read as the generic extractor reads them: a row's
cell under a header naming a date, the day closing an outlet's line, a day box opening the row the entry sits in,
a title closing on its day after a label or a comma."""

from __future__ import annotations

import re

from ..parsers.datelines import YEARLESS_FIGURES, date_in_line, yearless_date
from .date_boxes import date_beside
from .edge_dates import SEPARATORS, labelled_date
from .html import INLINE, tag, text_of
from .lists import lca
from .outlet_dates import outlet_date
from .raw import RawEntry
from .table_lists import date_column_cell


def list_container(nodes: list):
    """The element holding every entry of the list (None for fewer than two: no row to look beside)."""
    return lca(nodes) if len(nodes) > 1 else None


def date_elsewhere(entry: RawEntry, node, elements: list, title_el, container) -> None:
    """The entry's date when its own lines gave none (each way tried in turn, the first found kept)."""
    # a row under a header naming its date column ("Datum": "KDV 19.10.2024"), as the generic reads it
    entry.date_text = entry.date_text or date_column_cell(node)
    # a title with no link beside the one link of an outlet: that link's line closes on the day it ran
    entry.date_text = entry.date_text or outlet_date(elements, title_el)
    # <div class="row"><div class="day">27 lug</div><div class="col"><div class="card">: the box opening its row
    entry.date_text = entry.date_text or (date_beside(node, container) if container is not None else None)
    # "Réunion de clôture, le 14 janvier 2021", "Séminaire virtuel: vendredi 3 avril 2026": the title's day
    entry.date_text = entry.date_text or labelled_date(entry.title)
    entry.date_text = entry.date_text or date_opening_line(node)  # "<br>23/10/2015 - <a>Title</a>"


def date_opening_line(node) -> str | None:
    """<p>23/10/2015 - <a>Title</a><br>06/08/2015 - <a>…</a></p>: an entry that is a link on a line of its block
    takes the date its line opens on (the words from the break before it, or the block's start, up to the link:
    a date and a dash at most)."""
    parent = node.getparent()
    before = node.getprevious()
    if tag(node) != "a" or parent is None or tag(parent) in INLINE or (before is not None and tag(before) != "br"):
        return None
    words = ((before.tail if before is not None else parent.text) or "").strip().rstrip(SEPARATORS + ":").strip()
    return words if words and date_in_line(words) == words else None


def with_year_beside(date_el, shown: str | None) -> str | None:
    """<h5>2018</h5><h4>05 juillet</h4> (fr-python-nantes-archives, batch Y): a date element showing a day and a month
    in words and nothing else, a year alone on the line just before or after it: the date is the day, month and
    year. A day and month in figures ("7/24") is left alone: their order is not shown."""
    if not shown or yearless_date(shown) != shown or YEARLESS_FIGURES.match(shown):
        return shown
    for line in (date_el.getprevious(), date_el.getnext()):
        year = text_of(line) if line is not None and tag(line) else None
        if year and _YEAR.fullmatch(year.strip()):
            return f"{shown} {year.strip()}"
    return shown


_YEAR = re.compile(r"(1[89]|20)\d\d")
