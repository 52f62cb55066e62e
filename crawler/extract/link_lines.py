"""What a link that names no document says instead: when it was posted ("Nov 19, 2020 — Posted Nov 16, 2020"), or
a reference number ("Drucksache Nr. 19/3866 vom 05.11.2024"). The document's name is then beside the link."""

from __future__ import annotations

import re

from ..parsers.datelines import bare_years, date_in_line
from ..parsers.text import LETTERS


def posting_line(text: str | None) -> bool:
    """A line of two dates or more and nothing else: "Nov 19, 2020 — Posted Nov 16, 2020 11:47 AM"."""
    parts = _DASHED.split(text or "")
    return len(parts) >= 2 and all(date_in_line(part) for part in parts)


_DASHED = re.compile(r"\s+[—–|-]\s+")


def posting_date(text: str | None) -> str | None:
    """The date a link that says only when gives: a date ("October 10, 2020"), or the one a posting line opens
    on ("Nov 19, 2020 — Posted Nov 16, 2020 11:47 AM": Nov 19, 2020). A year alone ("<h2><a>1981</a></h2>", a
    yearbook) names its post and dates nothing."""
    if text and date_in_line(text) == text and not bare_years(text):
        return text
    return date_in_line(_DASHED.split(text or "")[0]) if posting_line(text) else None


def identifier_line(text: str | None) -> bool:
    """ "03838/2014-CR", "Drucksache Nr. 19/3866 vom 05.11.2024", "No. 2024-17": a reference number, with at
    most a short label and a date, that labels a document without naming it."""
    shown = (text or "").strip()
    if not shown or len(shown) > _MAX_IDENTIFIER_CHARS or date_in_line(shown) == shown:
        return False
    tokens = shown.split()
    numbers = [t for t in tokens if _REFERENCE.search(t) and not _NUMERIC_DATE.match(t) and not date_in_line(t)]
    label_words = [t for t in tokens if LETTERS.fullmatch(t.strip(".:,#º°"))]
    # Every other token is a figure or a sign: "IAA-Crashen-Kick-Off (online) 26.02.2023 – 17-20 Uhr" is a name
    plain = all(t in label_words or re.search(r"\d", t) or not LETTERS.search(t) for t in tokens)
    # A label needs a number sign ("Drucksache Nr."): "Annual Report 2020-21" and "Ordinance 2024-17" are names
    signed = not label_words or any(_NUMBER_SIGN.fullmatch(t) for t in tokens)
    return bool(numbers) and plain and signed and len(label_words) <= _MAX_IDENTIFIER_LABEL_WORDS


def identifier_date(text: str | None) -> str | None:
    """The date closing an identifier line: "Drucksache Nr. 19/3866 vom 05.11.2024" gives "vom 05.11.2024"."""
    if not identifier_line(text):
        return None
    tokens = (text or "").split()
    return next((found for i in range(1, len(tokens)) if (found := date_in_line(" ".join(tokens[i:])))), None)


# A reference number: figures cut by a slash or dash ("19/3866", "2024-17"), or led by a number sign ("Nr. 12").
_REFERENCE = re.compile(r"\d+\s*[/-]\s*\d+|^(?:n[rº°o]\.?|#)\d+", re.IGNORECASE)
_NUMBER_SIGN = re.compile(r"(?:n[rº°o]|núm|num|#)\.?:?", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\W*$")
# "Drucksache Nr. … vom": a label this short leads or joins an identifier; more words name something.
_MAX_IDENTIFIER_CHARS, _MAX_IDENTIFIER_LABEL_WORDS = 60, 3
