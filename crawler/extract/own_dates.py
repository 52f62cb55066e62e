"""An entry's own date line, read from its record's elements: a <time> or other marked date, a short line that is
(or holds beside a label) a date, a linked date, a date in an inline element of a meta line, a meta line of parts
opening or closing on its date. Used by the fields reader (fields.py) when nothing else gave the entry its date."""

from __future__ import annotations

import re

from ..parsers.datelines import bare_years, byline_field_date, date_at_edge, date_in_line, opening_field_date
from .date_boxes import marked_date, own_machine_date, whole_date
from .html import is_ancestor, machine_date, microformat_dated, tag, text_of, walk
from .line_dates import words_beside_date
from .link_lines import identifier_date
from .paragraph_dates import MAX_META_CHARS, MAX_META_WORDS
from .raw import RawEntry

PARTS = re.compile(r"\s*[|·•⋅∙]\s*")  # a meta line's separators; "⋅", "∙": middle dots as some themes write them


def date_from_element(el) -> str | None:
    """The date an element shows: its whole text, or one of its lines
    ("22 - 23 November 2022<br>Vientiane"), after any label ("Date:", "News |")."""
    found = date_in_line(text_of(el))
    if found:
        return found
    found = next((shown for box in el.iter() if len(box) > 1 and (shown := pieced_date(box))), None)
    if found:
        return found  # "<span>Mar</span><span>14</span><span>2024</span>": the pieces spaced, not the year alone
    for piece in el.itertext():
        found = date_in_line(piece)
        if found:
            return found
    return None


# Class names of inline elements that hold an entry's date ("posted-on", "entry-date", "fecha").
_DATE_CLASS = re.compile(r"date|time|posted|published|fecha|publi", re.IGNORECASE)


def find_date(elements, entry: RawEntry, used: list, title_el, leaves) -> None:
    """The entry's own date line: a <time> element (<date datetime> as some templates write it: an empty or junk
    datetime leaves the text to read), else a short line that is (or holds, after a label or separator) a date;
    never a date inside the title or text."""
    el = marked_date(elements, title_el)
    if el is not None:
        shown, machine = text_of(el), machine_date(el)
        # <abbr class="published" title="2020-10-08T13:39">13:39</abbr>: the title, not the time shown
        entry.date_text = date_in_line(shown) or (None if microformat_dated(el) else shown) or machine
        entry.date_iso = own_machine_date(shown, machine)  # "2021-10-18" shown wins over datetime="2023-05-01"
        used.append(el)
        return
    line_date = _date_line(leaves, elements)
    if line_date is not None:
        el, entry.date_text = line_date
        used.append(el)
        return
    for el in walk(elements):  # a linked date standing alone: <a class="post-date"><i></i>October 9, 2019</a>
        if tag(el) == "a" and el is not title_el and not any(is_ancestor(leaf, el) for leaf in leaves):
            shown = text_of(el)
            if shown and date_in_line(shown) == shown and not bare_years(shown):  # "<a>1981</a>" names a yearbook
                entry.date_text = shown
                used.append(el)
                return
    hit = _inline_date(leaves, title_el, elements)
    if hit is not None:
        used.append(hit[0])
        entry.date_text = hit[1]
        return
    for leaf in leaves:  # "Posted in News, Events on 2 May 2022": a meta line closing on its date
        line = text_of(leaf) or ""
        found = date_at_edge(line)
        rest = line.replace(found or "", "").strip(" |·•–—-:")
        parted = _date_part(line) or byline_field_date(line)  # "Author: Name 2025-08-11 Categories: …"
        # "Sesión extraordinaria del 3 de agosto de 2021 Fuente: URL": the summary, with its fields, stays the text
        summary = None if parted or found else opening_field_date(line)
        if parted or summary or (found and not rest.endswith((".", "!", "?")) and len(rest.split()) <= MAX_META_WORDS):
            entry.date_text = parted or summary or found
            used.extend([] if summary else [leaf])
            return
    for el in walk(elements):  # a reference-number link closing on its date: "Drucksache Nr. 19/3866 vom 05.11.2024"
        found = identifier_date(text_of(el)) if tag(el) == "a" else None
        if found:
            entry.date_text = found
            used.append(el)
            return


def _date_line(leaves, elements) -> tuple | None:
    """The first short line that is (or holds beside a label) a date: (el, date). A bare year ("in <a>2017</a>", a
    category) yields to a later line naming a day or month of that year ("October 9, 2017"), the finer date. A meta
    line of parts opening or closing on its date ("26/11/2017 · Author · Kategorie: Musik, Releases") is one however
    long its other parts run: a later line of the post's text ("Release Date: 21.11.2017") does not date the post."""
    year_line = None
    for el in leaves:
        found = date_from_element(el)
        if found and words_beside_date(el, found) > _MAX_WORDS_BESIDE_DATE:
            found = _date_part(text_of(el) or "")
        if not found:
            continue
        if year_line is not None and not (bare_years(found) or year_line[1] not in found):
            return whole_date(el, found, elements)
        if year_line is None and bare_years(found):
            year_line = (el, found)
            continue
        if year_line is None:
            return whole_date(el, found, elements)  # "<div>12</div><div>Oct 2020</div>": whole
    return whole_date(*year_line, elements) if year_line else None  # "<div>5</div><div>dicembre</div><div>2021</div>"


def _inline_date(leaves, title_el, elements) -> tuple | None:
    """A date in its own inline element: in a short meta line ("News <span>16 May 2021</span>"), opening a
    paragraph, or a part after a dash (a date in the middle of the prose is not the entry's date); else one named
    as the date on the title's own line, which no leaf reads ("<li><a>Title</a> <span class="date">12 May
    2021</span> <span>long teaser</span></li>"). (el, date)."""
    for leaf in leaves:
        line = text_of(leaf) or ""
        for el in leaf.iterdescendants():
            if tag(el) not in _INLINE or is_ancestor(title_el, el):
                continue
            found = date_in_line(text_of(el)) or pieced_date(el)
            named = _DATE_CLASS.search(el.get("class") or "")  # <span class="posted-on"> in a long meta line
            before = text_of(_text_before(leaf, el)) if found and not named and len(line) > MAX_META_CHARS else ""
            # "#124: Workshop - <span>zaterdag 13 december 2025</span> <span>@ Place</span>": a part after a dash
            if found and found == text_of(el) and before and before.endswith(_PART_ENDS):
                before = ""
            if found and (named or len(line) <= MAX_META_CHARS or not before):
                return el, found
    for el in walk(elements):
        named = tag(el) in _INLINE and _DATE_CLASS.search(el.get("class") or "")
        if named and not (is_ancestor(el, title_el) or is_ancestor(title_el, el)) and date_in_line(text_of(el)):
            return el, date_in_line(text_of(el))
    return None


# A date shown in pieces spans at most this many of them ("Oct", "06", "2015"), each this short.
_MAX_PIECES, _MAX_PIECE_CHARS = 3, 12


def pieced_date(el) -> str | None:
    """<span class="date"><span>out</span><span>06</span><span>2015</span><span>6 de outubro de 2015</span></span>:
    a date box whose pieces (month, day, year) sit in child elements with no space between them, set apart only
    by the style, reads as no date whole ("out0620156 de…") and as a bare year piece by piece; its opening pieces
    read in a row, spaced, are the date ("out 06 2015"). The longest such run of two or three short pieces; None
    when the box does not open on one."""
    box = el
    while len(box) == 1 and not (box.text or "").strip():
        box = box[0]  # the link around the pieces
    if len(box) < 2:
        return None
    pieces = [piece.strip() for piece in box.itertext() if piece.strip()][:_MAX_PIECES]
    for size in range(len(pieces), 1, -1):
        run = pieces[:size]
        shown = " ".join(run)
        if all(len(piece) <= _MAX_PIECE_CHARS for piece in run) and date_in_line(shown) == shown:
            return shown
    return None


def _date_part(line: str) -> str | None:
    """ "14.10.2020 | Von Redaktion | Polizeinews, Schweiz, Unfälle": a line of parts cut by bars or dots
    that opens or closes on a part that is wholly a date, however long the other parts run. A part that
    ends a sentence is prose (the date run into a paragraph, which the description keeps)."""
    parts = [p for p in PARTS.split(line) if p]
    if len(parts) < 2 or any(p.endswith((".", "!", "?")) for p in parts):
        return None
    return next((p for p in (parts[0], parts[-1]) if date_in_line(p) == p), None)


# A date line holds the date and at most a label or a place ("Vientiane, Lao PDR"): more is prose.
_MAX_WORDS_BESIDE_DATE = 4
_INLINE = ("span", "em", "strong", "b", "i", "small", "time", "abbr")
_PART_ENDS = (" -", " –", " —", "|", "·", "•")  # what ends the text before a date that is a part of its line


def _text_before(leaf, target) -> str:
    """The text of `leaf` that comes before `target`."""
    parts = []
    for node in leaf.iter():
        if node is target:
            break
        if node is not leaf and node.getparent() is not None and is_ancestor(target, node):
            continue
        parts.append(node.text or "")
        if node is not leaf and not is_ancestor(node, target):
            parts.append(node.tail or "")
    return " ".join(parts)
