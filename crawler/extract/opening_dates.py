"""Titles opening on a date after a dash, few in a list whose records each show a date line of their own (issue 21,
a blog's event posts: "7/9/19 – Forum des Associations" beside its date line "juin 29, 2020", the other posts'
titles naming no day): the title's date is the day of the event it names, the record's date line its date. Where
half the titles or more open on a date, the page dates its posts by their titles ("26/09/2020 – Prima giornata"
over a date box), as learn_dates.titles_open_or_close_on_dates decides for a learned profile."""

from __future__ import annotations

from .date_links import own_date_line
from .html import text_of
from .raw import RawEntry


def few_titles_dated(entries: list[RawEntry], titled: list[tuple[list, object]]) -> None:
    """`titled`: each entry's record elements and title element. An entry whose date opened its title (cut from
    it) takes its record's own date line instead when fewer than half the list's titles open on a date."""
    opened = [i for i, (_, title_el) in enumerate(titled) if _opens_on_its_date(entries[i], text_of(title_el))]
    if not opened or len(opened) * 2 >= len(entries):
        return
    for i in opened:
        elements, title_el = titled[i]
        entries[i].date_text = own_date_line(elements, title_el) or entries[i].date_text


def _opens_on_its_date(entry: RawEntry, shown: str | None) -> bool:
    """The entry's date opened its title's words and was cut from its title."""
    date_text = entry.date_text
    return bool(date_text and shown and entry.title and shown.startswith(date_text) and entry.title != shown)
