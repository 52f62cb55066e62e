"""Date lines: where in a short line of an entry its date stands ("News | 16 December 2022",
"Posted in News on 2 May 2022", "August 9 - City Council Agenda"). What a date means is
crawler.parsers.dates's; this module only finds it in a line."""

from __future__ import annotations

import re
from functools import lru_cache

from .date_figures import Undecided
from .dates import (
    _FILLER,
    _RANGE,
    _YEAR_IN_TEXT,
    DAY,
    MONTHS,
    _fold,
    _from_tokens,
    _parts,
    _tokens,
    _Unknown,
    impossible_range,
    looks_like_date_line,
)
from .day_parts import DAY_PART
from .text import clean_text

# The longest meta line searched for a date ("Posted in News, Events on 2 May 2022").
_MAX_META_CHARS = 90

# Labels before a date, the longer of two that share a start first ("date de publication" before "date").
_LABEL = re.compile(
    r"^(?:date de publication|date de l'événement|event date|release date|dates?|published(?: on)?|posted(?: on)?|"
    r"updated(?: on)?|"
    r"issued(?: on)?|when|publi[ée]e?(?: le)?|mis à jour(?: le)?|mis en ligne(?: le)?|publication|le|"
    r"fecha(?: de publicaci[óo]n)?|publicad[oa](?: el| em)?|actualizad[oa](?: el)?|el|"
    r"presentad[oa](?: el)?|apresentad[oa](?: em)?|submitted(?: on)?|filed(?: on)?|d[ée]pos[ée]e?(?: le)?|"
    r"eingereicht(?: am)?|"
    r"datum|stand|ver[öo]ffentlicht(?: am)?|aktualisiert(?: am)?|erstellt(?: am)?|am|vom|"
    r"atualizad[oa](?: em)?|postad[oa](?: em)?|data|em|pubblicat[oa](?: il)?|aggiornat[oa](?: il)?|il|"
    r"gepubliceerd(?: op)?|op|"
    # the day of the event a card announces, beside its posting day ("Evento del 13-01-2024 · pubblicato il …")
    r"evento (?:del|il|el|de|do|em)|event on|événement (?:du|le)|veranstaltung (?:am|vom))"
    r"(?:\s*[:\-–]\s*|\s+)",
    re.IGNORECASE,
)
_EVENT_LABEL = re.compile(
    r"^(?:evento (?:del|il|el|de|do|em)|event on|événement (?:du|le)|veranstaltung (?:am|vom))\s", re.IGNORECASE
)
# Any other short label closing on a colon: "Meeting Date: 10/15/2020", "Date Posted: ...", "Stand der Daten: ...".
_COLON_LABEL = re.compile(r"^[^\d:|]{1,30}:\s*")
# "⋅" (dot operator) and "∙" (bullet operator) are middle dots too: WordPress themes part bylines with them.
_META_SEPARATORS = re.compile(r"\s*[|·•⋅∙]\s*")
# "Publié le 7 octobre 2020 à 06h45 - Mis à jour le 7 octobre 2020 à 11h39": a spaced dash,
# a comma or a bracket also parts a meta line, tried only when the line holds no date otherwise.
_WEAK_SEPARATORS = re.compile(r"\s+[-–—]\s+|,\s+|\s*[\[\]()]\s*")  # and brackets: "(12 March 2021)", "[PDF 2 MB]"


def date_in_line(text: str | None, languages=None) -> str | None:
    """The date part of a short meta line: "16 December 2022", "Date: 16 December 2022",
    "News | 16 December 2022", "Publié le 3 mai 2022". None when the line is no date line."""
    return _date_in_line(text, tuple(languages) if languages else None)


@lru_cache(maxsize=65536)
def _date_in_line(text: str | None, languages) -> str | None:
    cleaned = clean_text(text)
    if not cleaned or len(cleaned) > _MAX_META_CHARS:
        return None
    if looks_like_date_line(cleaned, languages):
        return cleaned
    if impossible_range(cleaned):
        return None  # "23 - 22 November 2022": no date, not its right end
    for separators in (_META_SEPARATORS, _WEAK_SEPARATORS):
        pieces = separators.split(cleaned)
        # the event's day before the day its card was posted, wherever the line puts it
        for i in sorted(range(len(pieces)), key=lambda i: not _EVENT_LABEL.match(pieces[i])):
            part = _COLON_LABEL.sub("", _LABEL.sub("", pieces[i], count=1), count=1).strip(" :")
            if separators is _WEAK_SEPARATORS and part.isdigit():
                continue  # "February 2, 2026" cut at its comma leaves a bare year: not the date
            if part and looks_like_date_line(part, languages):
                # "Workshop, 23 - 22 November 2022": the right end of an impossible range is no date either
                joined = f"{pieces[i - 1]} - {part}" if i and pieces[i - 1].strip() else ""
                if joined and looks_like_date_line(joined, languages):
                    return joined  # "Vientiane, 22 - 23 November 2022": the whole range
                start = _yearless_start(pieces[i - 1], languages) if joined else None
                if start and looks_like_date_line(f"{start} - {part}", languages):
                    return _shown_range(cleaned, start, part)  # "Zeitraum: 8.5. – 10.5.2019"
                return None if joined and impossible_range(joined) else part
    return None


def _yearless_start(before: str, languages) -> str | None:
    """The day and month closing the text before a range's dash ("Ort: Halle, Zeitraum: 8.5." before
    "– 10.5.2019", "Festival 29 September" before "- 2 October 2022"): a range's start, a month and a day
    and no year; a bare number ("Room 3 - 10 May 2019") is no start."""
    words = before.split()
    for k in (1, 2, 3):
        tail = " ".join(words[-k:])
        if len(words) >= k and (YEARLESS_FIGURES.match(tail) or yearless_date(tail) == tail):
            return tail
    return None


def _shown_range(text: str, start: str, end: str) -> str:
    """The range from `start` to `end` as `text` shows it, its own dash between."""
    start_at = text.rfind(start, 0, text.rfind(end))
    return text[start_at : text.find(end, start_at) + len(end)] if start_at >= 0 else f"{start} - {end}"


# Words after which a meta line's closing date starts: "Posted in News on 2 May 2022".
_DATE_LEADS = {
    "on",
    "le",
    "el",
    "at",
    "a",
    "from",
    "du",
    "del",
    "dated",
    "date",
    "posted",
    "published",
    "updated",
    "publie",
    "publiee",
    "publicado",
    "publicada",
    "-",
    "|",
    "·",
    "•",
    "—",
    "–",
    "by",
    "irta",  # Hungarian "wrote": "A bejegyzést AUTHOR írta 2016. december hó 23. napján"
    "am",
    "vom",
    "em",
    "il",
    "op",
}
# A whole date in one word: "2022-02-18", "18.02.2022", "18/02/2022".
_NUMERIC_DAY = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}([./])\d{1,2}\1\d{4}")
# The most words a date can take: "Tuesday, 29 September - Friday, 2 October 2022".
_MAX_DATE_WORDS = 9
# The most words of other text a line may open with a date and go on ("3 May 2022 Press release").
_MAX_WORDS_AFTER_DATE = 5


def date_at_edge(text: str | None, languages=None) -> str | None:
    """A date that opens or closes a short meta line holding more: "Posted in News,
    Events on 2 May 2022", "February 11, 2026 Press Release". Else as date_in_line."""
    return _date_at_edge(text, tuple(languages) if languages else None)


@lru_cache(maxsize=65536)
def _date_at_edge(text: str | None, languages) -> str | None:
    found = date_in_line(text, languages)
    cleaned = clean_text(text)
    if found or not cleaned or len(cleaned) > _MAX_META_CHARS or not re.search(r"\d|ago|hace|il y a", cleaned, re.I):
        return found
    words = cleaned.split()
    for k in range(min(_MAX_DATE_WORDS, len(words) - 1), 0, -1):
        lead = _fold(words[-k - 1]).strip(",:")
        tail = " ".join(words[-k:])
        if k == 1 and not _NUMERIC_DAY.fullmatch(tail):
            continue  # one word closing a line is a date only when it is a whole numeric day, not "2022" or "12"
        if (lead in _DATE_LEADS or words[-k - 1].endswith((",", ":"))) and looks_like_date_line(tail, languages):
            return None if impossible_range(" ".join(words[-k - 2 :])) else tail
    for k in range(min(_MAX_DATE_WORDS, len(words) - 1), 0, -1):
        head = " ".join(words[:k]).rstrip(",:|-–—")
        if k == 1 and not _NUMERIC_DAY.fullmatch(head):
            continue  # one word opening a line is a date only when a whole numeric day: "13.12.2023 dans News"
        if k > 1 and words[k - 2].endswith((",", ".")) and _fold(words[k - 1]) in _FILLER | _RANGE:
            continue  # "May 4, 2013, The Daily", "May 4, 2013. Al Jazeera": a joining word opens the rest
        if len(words) - k <= _MAX_WORDS_AFTER_DATE and looks_like_date_line(head, languages):
            return head
    return _date_after_lead(words, languages)


def _date_after_lead(words: list[str], languages) -> str | None:
    """ "Posted on 10/14/2020 by admin", "By Jane Doe on October 14, 2020 in News": a date after a
    lead word, a byline or a category after it."""
    for i in range(1, len(words) - 1):
        if _fold(words[i - 1]).strip(",:") not in _DATE_LEADS:
            continue
        for k in range(min(_MAX_DATE_WORDS, len(words) - i - 1), 0, -1):
            after = words[i + k :]
            if len(after) > _MAX_WORDS_AFTER_DATE or _fold(after[0]) not in _BYLINE_LEADS:
                continue
            middle = " ".join(words[i : i + k]).rstrip(",")
            if looks_like_date_line(middle, languages) and not impossible_range(middle):
                return middle
    return None


def byline_field_date(text: str | None) -> str | None:
    """ "Author: R. S. Doiel 2025-08-11 Categories: Invenio, RDM": a line of labelled fields whose author field
    closes on a whole numeric day (one word, a four-figure year: "2025-08-11", "11.08.2025") gives that day,
    however long the other fields run. A bare number or year closing the name is none."""
    m = _BYLINE_FIELD.search(clean_text(text) or "")
    words = m.group(1).rstrip(" ,;").split() if m else []
    if len(words) < 2 or not _NUMERIC_DAY.fullmatch(words[-1]):
        return None
    return words[-1] if looks_like_date_line(words[-1]) else None


# An author's field, up to the next field's label ("Categories:") or the line's end.
_BYLINE_FIELD = re.compile(
    r"(?:^|\s)(?:authors?|by|posted by|written by|autor(?:in|es)?|auteurs?|von|por|par|door|di)\s*:\s*"
    r"(.{1,120}?)(?=\s+(?-i:[A-Z])[\w ]{0,25}:\s|$)",
    re.IGNORECASE,
)
# A labelled field's start: a capital, a few words, a colon ("Fuente: ", "Location: ", "Lieu : ").
_FIELD_LABEL = re.compile(r"\s+[A-Z][^\W\d_]*(?: [^\W\d_]+){0,3} ?:\s")


def opening_field_date(text: str | None) -> str | None:
    """ "Sesión extraordinaria del 03 de agosto de 2021 Fuente: https://docs.google.com/…": a line whose words
    before its first labelled field are a short meta line closing on its date (after a lead word), or that date
    alone, gives that date, however long the fields after it run (a link, a place). The words before a field that
    are prose (a sentence's end), hold no date or go on past it give none."""
    cleaned = clean_text(text) or ""
    label = _FIELD_LABEL.search(cleaned)
    head = cleaned[: label.start()].rstrip(" ,;|") if label else ""
    if not head or not head[-1].isalnum():
        return None  # a sentence's end; '3/20/17 - 4/20/17: "NOTE: …"': dates, then a quote the field opens
    found = date_at_edge(head)
    return found if found and head.endswith(found) else None


# Words after which a meta line goes on past its date: a byline or a category ("by admin", "in News").
_BYLINE_LEADS = frozenset({"by", "in", "par", "dans", "por", "en", "von", "im", "di", "door", "|", "-", "–", "—", "·"})


_YEARLESS = re.compile(
    rf"^(?:[a-z]+,?\s+(?:{DAY_PART},?\s+)?)?"  # a weekday, and when in its day ("Vrijdag avond 7 Augustus")
    r"(\d{1,2}(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?[a-z]{3,10}\.?|[a-z]{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?)\b(?!\s*,?\s*\d{4})"
)


# A day and month in figures alone, either order ("7/24", "24.12."): the page's other figures decide which.
# Joined by a dot they close on one ("24.12."): "3.1" is a version.
YEARLESS_FIGURES = re.compile(r"^(\d{1,2})(/|\.(?=\d{1,2}\.$))(\d{1,2})\.?$")


def yearless_date(text: str | None) -> str | None:
    """A day and month that open a line without a year ("August 9 - City Council Agenda",
    "Mon 22 Apr"): the text of that date, for a year shown elsewhere to complete."""
    if YEARLESS_FIGURES.match((text or "").strip()):
        return (text or "").strip()  # "7/24" under the heading "2020"
    m = _YEARLESS.match(_fold(text or ""))
    if not m:
        return None
    words = re.findall(r"[a-z]+", m.group(1))
    return (
        (text or "")[: m.end()].strip()
        if any(w in MONTHS for w in words) and not _YEAR_IN_TEXT.search(m.group(0))
        else None
    )


def year_in(text: str | None) -> int | None:
    """The one year a heading names ("Agendas - 2022"); None for none or several."""
    years = set(_YEAR_IN_TEXT.findall(text or ""))
    return int(years.pop()) if len(years) == 1 else None


def bare_years(text: str | None) -> bool:
    """ "1981", "1978/1979", "1959–1972": a year or two and nothing else (a heading so worded names its post)."""
    return bool(text and _BARE_YEARS.fullmatch(text.strip()))


_BARE_YEARS = re.compile(r"(?:1[89]|2[01])\d\d(?:\s*[/–-]\s*(?:(?:1[89]|2[01])\d\d|\d\d))?")


def names_a_month(text: str) -> bool:
    """Whether `text` names a month in a word ("del 31 Maggio 2022", "vom 5. Mai 2022", "1er février"), its accents
    folded as dates reads them (dates._fold); not "vom 05.06.2022"."""
    return any(word in MONTHS for word in re.findall(r"[a-z]+", _fold(text)))


def yearless_span(text: str | None) -> bool:
    """ "Tue 27 – Sat 31 Aug", "Sat 24 & Mon 26 Aug": two days of a month in words (a range or a set) and no year,
    for a year shown elsewhere to complete, as yearless_date is for one day; read as if in a leap year."""
    cleaned = clean_text(text)
    if not cleaned or len(cleaned) > _MAX_SPAN_CHARS or _YEAR_IN_TEXT.search(cleaned) or not re.search(r"\d", cleaned):
        return False
    if not names_a_month(cleaned):
        return False
    folded = _fold(cleaned)
    try:
        tokens = _tokens(f"{folded} 2020")
    except (_Unknown, Undecided):
        return False
    parts = _parts(tokens)
    found = _from_tokens(cleaned, tokens) if parts and len(parts) == 2 else None
    return found is not None and found.precision == DAY


# The longest day-to-day span without a year looked at ("Thu 25 Jul - Sun 15 Sep").
_MAX_SPAN_CHARS = 40
