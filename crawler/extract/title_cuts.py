"""A profile's title cut out of a longer line (`title_after_date`, `title_before`): `7/10/2025: Panel talk op Campus
Noord` is the title "Panel talk", dated 7/10/2025, where a page shows date, title and venue as one line of text."""

from __future__ import annotations

import re

from ..parsers.datelines import date_at_edge, yearless_date
from ..parsers.dates import looks_like_date_line
from ..parsers.text import clean_text
from .html import select, text_of, text_without

# The marks a date is set off from the title by, as `title_after_date` may name them.
DATE_MARKS = (":", "–", "—", "-", "|", "·", ",")
# `title_before`'s mark for a part in brackets closing the line ("(slides)", "(in Brugge, with Howest)").
BRACKETS = "("
_LONGEST_DATE = 40  # characters: "5/2/2025 en 12/2/2025", "Sonntag, den 28. Februar 2016 um 17 Uhr"
CLOSING_BRACKETS = re.compile(r"\s*\([^()]*\)\s*$")
_FIGURES = re.compile(r"[\d\s:./-]*")  # what a date goes on with past a mark inside it: "19:00", "-10-07"


def leading_date(text: str, mark: str) -> tuple[str, str] | None:
    """(the date, the rest) where the text opens on a date set off by `mark` ("7/10/2025: Title"), else None. The
    mark may come inside the date too ("7/10/2025 19:00: Title", "2025-10-07 - Title"): the longest date line
    before one of its places is the date."""
    places, at = [], text.find(mark)
    while 0 < at <= _LONGEST_DATE:
        places.append((text[:at].strip(), text[at + len(mark) :].strip()))
        at = text.find(mark, at + len(mark))
    dated = [(head, rest) for head, rest in places if head and rest and looks_like_date_line(head)]
    if dated:  # a later place only where the date goes on in figures (its hour, its month and day): not "A: B"
        return max((d for d in dated if _FIGURES.fullmatch(d[0][len(dated[0][0]) :])), key=lambda d: len(d[0]))
    if not places or not all(places[0]):
        return None
    head, rest = places[0]
    date = date_at_edge(head)  # "5/2/2025 en 12/2/2025": a date and a second day
    return (date, rest) if date and head.startswith(date) else None


def cut_before(text: str, words: list[str] | tuple[str, ...]) -> str:
    """The text up to the first of `words` after its start (" op " and the venue after it); `BRACKETS` cuts a part
    in brackets closing the text."""
    end = len(text)
    for word in words:
        if word == BRACKETS:
            closing = CLOSING_BRACKETS.search(text)
            at = closing.start() if closing else -1
        else:
            at = text.find(word, 1)
        if at > 0:
            end = min(end, at)
    return text[:end].strip()


def cut_title(text: str | None, after_date: str, before: tuple[str, ...]) -> tuple[str | None, str | None]:
    """(the title, the date it opens on, or None): the line's date and what follows the title taken off."""
    if not text:
        return text, None
    date = None
    opening = leading_date(text, after_date) if after_date else None
    if opening is not None:
        date, text = opening
    return cut_before(text, before) or text, date


class WholeEntry:
    """The title's part for a cut profile that names no title element: the entry's own text is the line cut."""

    selector = "(the entry)"

    def first(self, node):
        return node

    def all(self, node) -> list:
        return [node]


def cut_titles(entries: list, profile) -> None:
    """Each entry's title cut as the profile says, its date taken from the line where it has none of its own."""
    for entry in entries if profile.title_after_label else []:
        entry.title = after_label(entry.title, profile.title_after_label)
    if not (profile.title_after_date or profile.title_before):
        return
    for entry in entries:
        entry.title, date = cut_title(entry.title, profile.title_after_date, profile.title_before)
        entry.date_text = entry.date_text or date


def after_label(text: str | None, label: str) -> str | None:
    """The text after the field label it opens on (`title_after_label`, case aside), else the text as it is."""
    if not text or text[: len(label)].casefold() != label.casefold():
        return text
    return text[len(label) :].strip() or text


def title_as_profile_says(profile, part: dict, node) -> str:
    """The entry's title where the profile reads it whole or apart from its element: `title_with_date` (`May 5, 2026
    at 4:30 PM - Committee`: the date is part of the name), `title_line_after_date` (`<a><strong>Sonntag, 24.
    April</strong></a> “A faun”<br>…`: the line after the date), `title_without` (a part of it left out: a state
    badge); "" where it says none of these."""
    if profile.title_line_after_date:
        return line_after_date(node, part["date"].first(node))
    if profile.title_without:  # `<dd>Name <span class="state">cerrado</span></dd>`: the title without its badge
        shown = part["title"].first(node)
        return text_without_parts(shown, profile.title_without) if shown is not None else ""
    whole = profile.title_with_date or profile.title_whole  # `title_whole`: its lines in blocks kept as well
    return title_with_date(part["title"].first(node)) if whole else ""


def text_without_parts(el, selector: str) -> str:
    """The element's text as shown, without the elements inside it that `selector` names (their tails kept)."""
    skip = set(select(el, selector)) - {el}
    return clean_text(text_without(el, skip)) or ""


def title_with_date(title_el) -> str:
    """The title element's whole text as shown, the date at its edge kept (`title_with_date`); "" without one."""
    return clean_text(text_of(title_el)) if title_el is not None else ""


def line_after_date(node, date_el) -> str:
    """`<p><a><strong>Sonntag, 24. April um 15 Uhr</strong></a> “A faun” <br>description</p>` (`title_line_after_date`):
    the words after the entry's date element to the end of their line (a `<br>`), else the next line; where the date
    element's own text runs on after its date ("Sonntag, 8. Mai Muttertag"), those words. "" without a date element."""
    if node is None or date_el is None:
        return ""
    own = clean_text(text_of(date_el)) or ""
    shown = opening_date(own)
    rest = own[len(shown) :].strip(" ,:;|–—-") if shown else ""
    if rest and not any(c.isdigit() for c in rest):  # "um 16 Uhr", "at 4 pm": its time, no title
        return rest
    lines: list[list[str]] = [[]]
    for piece in _pieces_after(node, date_el, [False]):
        if piece is None:
            lines.append([])
        else:
            lines[-1].append(piece)
    return next((line for line in (clean_text("".join(parts)) for parts in lines) if line), "")


def opening_date(text: str) -> str | None:
    """The date the text opens on, with its year or without ("Sonntag, 8. Mai"), else None."""
    shown = date_at_edge(text) or yearless_date(text)
    return shown if shown and text.startswith(shown) else None


def _pieces_after(el, date_el, after: list):
    """The text inside `el` after `date_el` closes, in page order, None for each `<br>` (`after[0]`: past it yet)."""
    for child in el:
        if child is date_el:
            after[0] = True
        elif isinstance(child.tag, str) and child.tag == "br":
            if after[0]:
                yield None
        elif isinstance(child.tag, str):
            if after[0] and child.text:
                yield child.text
            yield from _pieces_after(child, date_el, after)
        if after[0] and child.tail:
            yield child.tail
