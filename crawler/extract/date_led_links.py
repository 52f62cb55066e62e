"""A record whose link is its date line, the event's name on the line after it (issue 21): a programme of events
in paragraphs, <p><a><b>Samstag, 9. April um 16 Uhr</b></a> „Heiter bis wolkig“<br>Poesie & Piano mit …</p>, or the
name after the date inside the link (<a><b>Sunday, 3 July, 4.30 pm</b> Music after the tour</a>). The date names
no event: the line after it does, the first of the record's lines, before the description's."""

from __future__ import annotations

import copy
import re

from lxml import etree

from ..parsers.datelines import date_at_edge, date_in_line, yearless_date, yearless_span
from .edge_dates import SEPARATORS, br_lines
from .html import tag, text_of

# What follows a day in an event's date line: a time of day and a short remark ("um 18 Uhr, vor Palmsonntag",
# "at 4 pm", "à 16 h 30"): the hour in its first two words. Words without it name something ("Muttertag").
_MAX_REST_WORDS = 5
_HOUR = re.compile(r"(?<![\d(])\d{1,2}(?:[:.h]\d{2}\b|\s*[^\W\d_]+)")  # "17 Uhr", "4 pm", "16.30"; not "(1-2)"
_YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b")
# A name is a line of this many words at most; a longer line is the description's.
_MAX_NAME_WORDS = 20
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_BLOCKS = ("p", "li", "div", "td", "dd", "article", "section")
# A line opening on a quoted name, then as many words as a sentence of description, on the same line.
_QUOTED_LEAD = re.compile(r'^(„[^“”"]+[“”]|“[^”"]+”|«[^»]+»|"[^"]+")\s+(\S.*)$')
_RUN_ON_WORDS = 8
_MARK = "\ue000"  # where the link stood, in a copy of the record (a private-use character no page shows as text)


def date_led(text: str | None) -> bool:
    """Whether a line is an event's date line: a day (its year shown or not), then its time of day and at most a
    short remark ("Samstag, 9. April um 16 Uhr", "Saturday 9 April 2016, 4 pm (doors 3.30)"), or a span of days without
    a year ("Freitag bis Sonntag 9. - 11. September", a seminar's). A date alone ("July 16, 2024", "Mayo 2025") names a
    dated document or meeting: no name follows it."""
    text = (text or "").strip()
    if yearless_span(text):
        return True  # "Freitag bis Sonntag 9. - 11. September": an event's days (no document is dated by a span)
    if not _HOUR.search(text):
        return False  # no hour anywhere: no date parsed (the title link of nearly every record)
    day = yearless_date(text)
    if not day:  # "Sonntag, den 28. Februar 2016 um 17 Uhr": the date up to its year
        year = _YEAR.search(text)
        head = text[: year.end()] if year and year.start() > 0 else ""  # a year alone ("2025.01.09 AGENDA") no day
        day = head if head and date_in_line(head) == head else None
    rest = text[len(day) :] if day else ""
    words = rest.split()
    return bool(day) and len(words) <= _MAX_REST_WORDS and bool(_HOUR.search(" ".join(words[:3])))


def event_date_part(link) -> str | None:
    """The day and hour an event's date link opens on, without the remark after them: "Samstag, 19. März um 18 Uhr"
    of "Samstag, 19. März um 18 Uhr, vor Palmsonntag"; None for a link that is no event's date line."""
    text = " ".join((text_of(link) or "").split())
    if not date_led(text) or yearless_span(text):
        return None  # a span of days has no hour to read
    day = yearless_date(text) or text[: _YEAR.search(text).end()]  # date_led read one of them
    hour = _HOUR.search(text, len(day))
    return text[: hour.end()] if hour else None


def name_after_date_link(elements, link, title_el):
    """A detached element holding the record's name when its link is its date line (the title so far, `title_el`, is
    the link, a part of it or another link beside it) and the name follows it, in the link after the date's own
    element or on the record's next line; None otherwise (the link names the record, or nothing after it names)."""
    if len(elements) != 1 or link is None or tag(link) != "a" or title_el is None:
        return None
    if title_el is not link and tag(title_el) != "a" and not any(a is link for a in title_el.iterancestors()):
        return None  # a heading or a line of the record's names it; another link's words (a performer's) do not
    record = elements[0] if elements[0] is not link else link.getparent()  # a list of bare links: the link's line
    if record is None or tag(record) not in _BLOCKS:
        return None
    kids = [k for k in link if tag(k) and text_of(k)]
    if kids and not (link.text or "").strip() and date_led(text_of(kids[0])):
        inside = (text_of(link) or "").replace(text_of(kids[0]) or "", " ", 1)
        if _LETTERS.search(inside):
            return _name_element(inside)  # <a><b>Sunday, 3 July, 4.30 pm</b> Music after the tour</a>
    if not date_led(text_of(link)):
        return None
    return _name_element(_line_after(record, link))


def _line_after(record, link) -> str | None:
    """The words after the link on its own line, else the record's next line with words."""
    bare = copy.deepcopy(record)
    bare.tail = None
    twin = _same_place(record, bare, link)
    if twin is None:
        return None
    twin.clear(keep_tail=True)
    twin.text = _MARK
    lines = br_lines(bare)
    at = next((i for i, line in enumerate(lines) if _MARK in line), None)
    if at is None:
        return None
    rest = lines[at].split(_MARK, 1)[1]
    if _LETTERS.search(rest):
        return rest
    return next((line for line in lines[at + 1 :] if _LETTERS.search(line)), None)


def _same_place(record, bare, link):
    """The element of the copy `bare` at the place `link` holds in `record`."""
    for original, twin in zip(record.iter(), bare.iter(), strict=False):
        if original is link:
            return twin
    return None


def _name_element(line: str | None):
    """A detached <span> holding a name line, separators at its edges left off; None for no name."""
    name = " ".join((line or "").split()).strip(f" {SEPARATORS}:")
    quoted = _QUOTED_LEAD.match(name)
    if quoted is not None and len(quoted.group(2).split()) >= _RUN_ON_WORDS:
        name = quoted.group(1)  # "„Unerhört!“ Ein Projekt-Konzert von …": the quoted name, then its description
    if not _LETTERS.search(name) or len(name.split()) > _MAX_NAME_WORDS or date_led(name):
        return None
    span = etree.Element("span")
    span.text = name
    return span


def description_links(blocks) -> set:
    """Of a list whose records are bare links (`blocks`, in page order), those after an event's date-and-hour link in
    the same paragraph ("<p><a>Sonntag, 24. April um 15 Uhr</a> Duo-Konzert<br><a>Prof. Kaya Han, Klavier</a></p>"):
    the performers, venues and articles its description links, part of that event, no entries of their own."""
    by_paragraph: dict = {}
    for link in (b for b in blocks if tag(b) == "a"):
        paragraph = next((a for a in link.iterancestors() if tag(a) in _PARAGRAPHS), None)
        if paragraph is not None:
            by_paragraph.setdefault(paragraph, []).append(link)
    told = set()
    for links in by_paragraph.values():
        first = next((i for i, link in enumerate(links) if _date_link(link)), None) if len(links) > 1 else None
        told.update(links[first + 1 :] if first is not None else ())
    return told


_PARAGRAPHS = ("p", "li", "dd")


def _date_link(link) -> bool:
    """A link whose words, or whose first element's, are an event's date line."""
    kids = [k for k in link if tag(k) and text_of(k)]
    first = text_of(kids[0]) if kids and not (link.text or "").strip() else None
    return date_led(text_of(link)) or (first is not None and date_led(first))


def names_after_bare_days(entries, links) -> None:
    """A programme whose records' links are mostly event date lines ("Samstag, 9. April um 16 Uhr", the name on the
    line after): a link that gives a day and then words without an hour ("Sonntag, 8. Mai Muttertag") is named by
    those words, the day being when, as on the other records. `links`: each entry's link, in the same order."""
    shown = [" ".join((text_of(a) or "").split()) if a is not None else "" for a in links]
    led = sum(1 for text in shown if date_led(text))
    if led < _MIN_LED or led * 2 < len(shown):
        return
    for entry, text in zip(entries, shown, strict=True):
        day = (yearless_date(text) or date_at_edge(text)) if entry.title == text and not date_led(text) else None
        rest = text[len(day) :].strip(f" {SEPARATORS},:") if day and text.startswith(day) else ""
        if _LETTERS.search(rest) and not _HOUR.search(rest) and len(rest.split()) <= _MAX_NAME_WORDS:
            entry.title, entry.date_text = rest, entry.date_text or day  # the day the title gave dates it still


# A programme shows this many event date lines as links at least.
_MIN_LED = 3
