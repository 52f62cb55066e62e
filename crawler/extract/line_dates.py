"""A date closing the title's own line after a short label: <li><a>Title</a> <a href="/type/x">Media release</a>
<span>1 May 2024</span></li>. The label (a kind, a category) stands between the title and its date."""

from __future__ import annotations

import re

from ..parsers.datelines import date_in_line
from ..parsers.dates import DAY, parse_date
from .edge_dates import br_lines
from .html import INLINE, tag, text_of

# The most words of a label between the title and the date closing its line ("Media release", "Speech").
_MAX_LABEL_WORDS = 4


def line_closing_date(title_el) -> str | None:
    """The date of an inline element wholly a date that closes the title's line (nothing after it but the
    element's end), with at most a short label between the title and it; None for prose ("… held on <b>1 May
    2024</b>"), a break or block between them, or a date that is not the whole element."""
    parent = title_el.getparent() if title_el is not None else None
    if parent is None or tag(parent) in INLINE:
        return None
    between, last = [(title_el.tail or "").strip()], None
    for sibling in title_el.itersiblings():
        if not tag(sibling):
            continue
        if tag(sibling) not in INLINE:
            return None  # a break or a block: the date is on another line
        if last is not None:
            between += [text_of(last) or "", (last.tail or "").strip()]
        last = sibling
    shown = text_of(last) if last is not None and not (last.tail or "").strip() else None
    label = " ".join(filter(None, between))
    if not shown or date_in_line(shown) != shown or label.endswith((".", "!", "?")):
        return None
    return shown if len(label.split()) <= _MAX_LABEL_WORDS else None


def words_beside_date(el, found: str) -> int:
    """How many words share the date's own line: "<b>Beginn:</b> Freitag, 31. Juli 2026<br><b>Ort:</b> Haus des
    Engagements, Rehlingstraße 9, Freiburg": a label before it; the lines after a break are other fields."""
    lines = [line for line in br_lines(el) if found in line] or [text_of(el) or ""]
    return len(lines[0].replace(found, "", 1).split())


# A title opening on a date in figures with its four-digit year, then words: "01/09/2025 BOC Regular Meeting".
# Year first only with two-digit month and day ("2025.01.09 AGENDA.pdf"): "2024.1.3 Release" is a version number.
_OPENING_FIGURES = re.compile(r"(\d{1,2}([./-])\d{1,2}\2\d{4}|\d{4}([./-])\d\d\3\d\d)\s+(?=\w)")


def title_opening_date(title: str | None) -> str | None:
    """The date a title opens on, wholly in figures with a four-digit year and run into its words with a space
    ("01/09/2025 BOC Regular Meeting", "2025.01.09 AGENDA.pdf"): the entry's date when nothing else on the entry
    gives one; the title keeps it. A year alone ("2024 Annual Report") or a number ("12 Angry Men") is no date."""
    found = _OPENING_FIGURES.match(title or "")
    return found[1] if found and date_in_line(found[1]) == found[1] else None


# The most words of a range closing a title, its lead word included ("dal 31 marzo al 14 aprile 2019").
_MAX_RANGE_WORDS = 7
_CLOSING_YEAR = re.compile(r"\b\d{4}$")


def title_closing_range(title: str | None) -> str | None:
    """A range of days with its year that closes a title after the word opening it ("In Inghilterra dal 31 marzo al
    14 aprile 2019", "Camp from 3 to 5 May 2026"): the entry's date when nothing else gives one; the title keeps it.
    A single day or a year ("Castagnata 2023") is the title's own; an impossible range is no date."""
    words = (title or "").split()
    if len(words) < 4 or not _CLOSING_YEAR.search(title):
        return None
    for k in range(min(_MAX_RANGE_WORDS, len(words) - 1), 3, -1):
        if not words[-k].isalpha():
            continue  # the range opens on its lead word ("dal", "from", "du", "vom")
        tail, found = " ".join(words[-k:]), parse_date(" ".join(words[-k + 1 :]))
        if not found or found.precision != DAY or found.start >= found.end:
            continue
        whole = parse_date(tail)  # the lead word read with it: the same range
        if whole is not None and (whole.start, whole.end) == (found.start, found.end):
            return tail
    return None
