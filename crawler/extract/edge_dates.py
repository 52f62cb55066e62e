"""A date at the edge of a title is the entry's date, not part of its title (issue 21): in a line or
element of its own (<h3><small>06 Dec 2023</small><br/>Conference</h3>), or after a dash or bar
("Committee Meeting – 4/8/2026"). Used by the generic extractor, the profile reader and `learn`."""

from __future__ import annotations

import re

from ..parsers.datelines import date_in_line, yearless_date
from ..parsers.dates import DAY, parse_date
from ..parsers.text import LETTERS, clean_text
from .file_stamps import file_stamp
from .html import tag, text_of, unwrapped

# What parts a title from its date at the title's edge: "Council Meeting – 4/8/2026", "#131: Name -<span>…".
SEPARATORS = "|·•–—-"

# Words of letters, for counting what an edge holds besides its date.


def edge_date(el) -> tuple[str, str] | None:
    """<h3><small>06 Dec 2023</small><br/>ACT Annual Conference 2024</h3>: a date in a line or
    element of its own at the start or end of a title is the entry's date, not part of its title.
    (title, date text), or None when the title holds no such date."""
    if el is None:
        return None
    whole = text_of(el) or ""
    el = unwrapped(el)  # the title's and the date's own elements, not a wrapper around both
    if not len(el):
        return _separated_edge_date(whole)
    lines = [line for line in br_lines(el) if line]
    edges = []
    if len(lines) > 1:
        edges += [(lines[0], lines[1:]), (lines[-1], lines[:-1])]
    kids = [c for c in el if tag(c) and text_of(c)]
    if kids and not (el.text or "").strip():
        edges.append((text_of(kids[0]), None))
    if kids and not (kids[-1].tail or "").strip():
        edges.append((text_of(kids[-1]), None))
    for edge, rest in edges:
        found = _date_edge(edge)
        if not found:
            continue
        title = " ".join(rest) if rest is not None else whole.replace(edge, " ", 1)
        title = " ".join(title.split()).strip(f" {SEPARATORS}:")
        if title and date_in_line(title) != title:
            return without_edge_date(title), found  # "Order – 02 February 2022" over its own date element
    return _words_then_date(el, kids) or _separated_edge_date(whole)


# A title's own words closing on a dash or bar: "#131: Capture the Flag -".
_CLOSING_SEPARATOR = re.compile(r"\s+[|·•–—-]$")


def _words_then_date(el, kids) -> tuple[str, str] | None:
    """<div>#131: Capture the Flag - <span>Saturday 4 July 2026</span> <span>@ Town hall</span></div>: the title's
    own words closed by a dash or bar, then an element that is wholly a date (and others after it, a place):
    the words are the title, the element the date, what follows no part of the title."""
    own = " ".join((el.text or "").split())
    cut = _CLOSING_SEPARATOR.search(own)
    if cut is None or not kids or (kids[0].tail or "").strip():
        return None  # "Meeting - <span>4 May</span> in the hall": the date runs into words
    found = _date_edge(text_of(kids[0]) or "", label_words=0)
    title = own[: cut.start()]
    return (title, found) if found and title and date_in_line(title) != title else None


def vaguer_than_a_day(date_text: str | None) -> bool:
    """ "Hackathon – March 2017": a title's edge date naming only a month or a year."""
    found = parse_date(date_text)
    return found is not None and found.precision != DAY


def finer_date(entry, edge: str | None) -> None:
    """An entry whose title ends on a month ("Hackathon – March 2017") but whose own date line says
    "March 24, 2017 – March 26, 2017" has the line's days; with no such line, or one outside that
    month, the title's date stands."""
    if edge is None:
        return
    wide, line = parse_date(edge), parse_date(entry.date_text)
    if line is None or not (wide.start <= line.start and line.end <= wide.end):
        entry.date_text = edge


def _date_edge(edge: str, label_words: int = 4) -> str | None:
    """The date an edge of a title is: the date, a label and brackets at most ("( Release Date :12/10/2020 )"),
    not a line holding one; never a bare year ("Annual Report - 2020" names its year)."""
    found = date_in_line(edge)
    if not found or found.strip().isdigit() or len(LETTERS.findall(edge.replace(found, " "))) > label_words:
        return None
    return found


# A short label of words closing on a colon, before a title's date: "Séminaire virtuel: vendredi 3 avril 2026";
# or words and an issue's number ("Edition 13: November 2021", "Issue #4:", "Nr. 3:"), as newsletters are listed.
_TITLE_LABEL = re.compile(r"^(?:[^\d:|]{1,40}|[^\d:|]{0,30}[^\W\d_][.#°º\s]{1,3}\d{1,3}\s?):\s+")


def labelled_date(title: str | None) -> str | None:
    """ "Séminaire virtuel: vendredi 3 avril 2026", "Edition 13: November 2021": a title that is a short label and a
    date names its entry by that date (the title stays whole); the entry's date when it shows no other. Never a bare
    year ("Annual report: 2019"), nor a season ("Edition 30: Spring 2026")."""
    label = _TITLE_LABEL.match(title or "")
    rest = title[label.end() :] if label else None
    found = date_in_line(rest) if rest else None
    if found and not re.search(r"[^\W\d_]", found) and not re.search(r"\d{4}", found):
        return None  # figures alone with no four-figure year: a version ("Release: 1.10.12"), not a date
    if found and found == rest and not found.isdigit():
        return found
    if label:
        return None
    return _closing_day(title or "") or _opening_day(title or "") or file_stamp(title)  # "2020_02.pdf"


# Where a day closing a title starts: after a comma, or at an article or preposition that introduces a day
# ("le", "les", "am", "el", "em"); never "du", "of" or "vom", which name a law or an event by its day, nor an
# English title's "on" ("Conference 2022 on 16 December 2022": its subject's day, tests/test_extract.py).
_DAY_OPENING = re.compile(r",\s*|\s(?=(?:le|les|am|el|em)\s)", re.IGNORECASE)
_HELD = re.compile(r"\b(?:held|conducted|scheduled|tenue?s?|celebrad[oa]s?|realizad[oa]s?)$", re.IGNORECASE)
_DAY_ARTICLE = re.compile(r"^(?:le|les|am|el|em)\s+", re.IGNORECASE)


def _closing_day(title: str) -> str | None:
    """ "Réunion de clôture, le 14 janvier 2021", "… aux 10 ans du CDSP les 12 et 13 décembre 2016": a title
    closing on a whole day (its year shown) after a comma or an article of dates; the title stays whole."""
    for cut in _DAY_OPENING.finditer(title, 0, _MAX_TITLE_CHARS):
        rest = _DAY_ARTICLE.sub("", title[cut.end() :].strip(), count=1)  # the day, without "le" before it
        before = title[: cut.start()]
        if _HELD.search(before):
            continue  # "Marks of ACT, exam held on 07.09.2019": the day of what the notice reports, not its own
        found = date_in_line(rest) if len(rest) <= _MAX_EDGE_CHARS and LETTERS.search(before) else None
        if found and found == rest and re.search(r"\d{4}", found) and not vaguer_than_a_day(found):
            return found
    return None


# The most words a day opening a title takes: "Tuesday, July 16th, 2024".
_MAX_OPENING_DAY_WORDS = 5


def _opening_day(title: str) -> str | None:
    """ "July 16, 2024 Board of Equalization Meeting": a title opening on a whole day in words (its month named,
    its year shown), run into the name of what met or was issued that day: the entry's date when it shows no
    other; the title stays whole. A month or a year alone ("2024 Budget", "March 2020 Events") names a period."""
    words = title[:_MAX_TITLE_CHARS].split()
    for k in range(min(_MAX_OPENING_DAY_WORDS, len(words) - 1), 1, -1):
        head = " ".join(words[:k]).rstrip(",")
        found = parse_date(head) if LETTERS.match(words[k]) and re.search(r"\d{4}", head) else None
        if found is not None and found.precision == DAY and LETTERS.search(head):
            return head
    return None


# A dash or bar between spaces: "Committee Meeting – 4/8/2026", "12 May 2020 | Annual report".
_EDGE_SEPARATOR = re.compile(r"\s+[|·•–—-]\s+")
# A dash after a space, run into the day after it, closing a title: "Muzeum w Puławach -16 MAJA 2026".
_OPEN_DASH = re.compile(r"\s+[–—-](?=\d)")
# Its mirror opening a title: a dash run into the figure ending a date, a space after it ("October 8, 2025- Meeting").
_CLOSED_DASH = re.compile(r"(?<=\d)[–—-]\s+")
# What each of the three cuts above holds: a title without one has no edge to cut at. One scan for it (a character
# class the regex engine looks for in C) spares the three patterns, each tried at every character (8 µs a title).
_ANY_SEPARATOR = re.compile(f"[{SEPARATORS}]")


def without_edge_date(text: str) -> str:
    """A title as the extractor keeps it: "Council Meeting - April 8, 2026" is "Council Meeting"."""
    split = _separated_edge_date(text or "")
    return split[0] if split else text


# A date at an edge, ranges included ("Wednesday 12 - Friday 14 November 2022"), is no longer than this;
# and a title longer than _MAX_TITLE_CHARS is not looked into.
_MAX_EDGE_CHARS, _MAX_TITLE_CHARS = 60, 500


def _separated_edge_date(text: str) -> tuple[str, str] | None:
    """A date that opens or closes a title after a dash or bar is the entry's date, not part of the
    title (issue 21). The longest date wins ("Forum – 12 - 14 May 2022" is a range); a date in the
    middle ("Meeting – 5/12/2026 – via Zoom") stays in the title."""
    if len(text) > _MAX_TITLE_CHARS or not _ANY_SEPARATOR.search(text):
        return None  # no title (a hostile or broken run of text, not cut up: quadratic), or no dash or bar
    cuts = list(_EDGE_SEPARATOR.finditer(text))
    closed = list(_CLOSED_DASH.finditer(text, 0, _MAX_EDGE_CHARS + 1))  # "October 8, 2025- Meeting"
    cuts_before = sorted(cuts + closed, key=lambda c: c.start())
    heads = [(text[: c.start()], text[c.end() :]) for c in reversed(cuts_before) if c.start() <= _MAX_EDGE_CHARS]
    loose = [c for c in _OPEN_DASH.finditer(text) if len(text) - c.end() <= _MAX_EDGE_CHARS]  # "Name -16 MAJA 2026"
    cuts = sorted(cuts + loose, key=lambda c: c.start())
    tails = [(text[c.end() :], text[: c.start()]) for c in cuts if len(text) - c.end() <= _MAX_EDGE_CHARS]
    # Asked only of a text with an edge to cut at: most titles have none, and reading a line for a date
    # was a seventh of a fresh page's parse (docs/benchmarks.md, eleventh pass).
    if (heads or tails) and date_in_line(text) == text:
        return None  # a date whole ("Junio - Octubre 2024"), no title with a date at its edge
    # heads: the longest first; tails: the longest first
    for edge, title in heads + tails:
        found = _date_edge(edge, label_words=0)  # the date alone: "Meeting – 5/12/2026 – via Zoom" keeps it
        found = found or _yearless_before_bar(text, edge)  # "Zondag 9 september | Guest": no year to read, no title
        title = title.strip(f" {SEPARATORS}:")
        if found and title and date_in_line(title) != title and _balanced(title) and _balanced(edge):
            if text.endswith(edge) and _range_run_in(title, found):
                continue  # "Camp Strojatín 27. února – 1. března 2026": the range's end, run into the words
            return title, found
    return None


_YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b")
# A day with the dot that makes it an ordinal ("3.", Czech and German typography): never a number that names a title.
_DOTTED_DAY = re.compile(r"\d{1,2}\.")


def _range_run_in(title: str, end: str) -> bool:
    """The words before the dash close on a range's first day, a day and a month ("… 27. února", "… April 30"), so
    the date after the dash is that range's end, and the range is run into the title's words. A number alone
    there ("Session 3 - 4/8/2026") is the title's."""
    words, years = title.split(), _YEAR.findall(end)
    if len(words) < 2 or not years:
        return False
    if _DOTTED_DAY.fullmatch(words[-1]):  # "… 3. – 5. 10. 2025": a day with its ordinal dot opens the range
        whole = parse_date(f"{words[-1]} - {end}")
        return whole is not None and whole.precision == "day" and whole.start < whole.end
    for k in (2, 3):  # a day and a month: "27. února", "April 30", "30 de abril"
        start = parse_date(f"{' '.join(words[-k:])} {years[-1]}") if len(words) > k else None
        if start is not None and start.precision == "day":
            return True
    return False


def _yearless_before_bar(text: str, edge: str) -> str | None:
    """A day and month alone parted from the title by a bar or dot ("Zondag 9 september | Speciale gast"), the
    entry's date though it shows no year; after a dash they may name a document ("August 9 - City Council Agenda")."""
    edge = edge.strip()
    if yearless_date(edge) != edge:
        return None
    beside = text[len(edge) :].lstrip()[:1] if text.startswith(edge) else text[: len(text) - len(edge)].rstrip()[-1:]
    return edge if beside in "|·•" else None


def _balanced(text: str) -> bool:
    """No bracket left open or closed alone: "Review (Sept 30 – Oct 1 2020)" is not cut inside its brackets."""
    return all(text.count(o) == text.count(c) for o, c in ("()", "[]"))


# A line naming the author: "By Daryle Unseld", "Par Jean Dupont", "Por Ana Ruiz", "Von Anna Weber".
_BYLINE = re.compile(r"^(?:by|par|por|von|di|door)\s+\S", re.IGNORECASE)
_MAX_BYLINE_WORDS = 7


def without_byline(el, title: str | None) -> str | None:
    """<a>GUEST COMMENT: The path ...<br/>By Daryle Unseld</a>: an author's line closing a title on a line
    of its own is no part of it (a byline run into the words stays)."""
    lines = [line for line in br_lines(el) if line] if el is not None and title else []
    last = (clean_text(lines[-1]) or "") if len(lines) > 1 else ""  # composed as the title is ("Renée")
    words = last.split()
    # a name follows: "By Jane Doe", not "by train and boat" closing the title's words
    if _BYLINE.match(last) and len(words) <= _MAX_BYLINE_WORDS and words[1][:1].isupper() and title.endswith(last):
        return title[: -len(last)].strip() or title
    return title


def br_lines(el) -> list[str]:
    """The text of an element cut at its <br>s (each line cleaned)."""
    lines = [[]]

    def read(node):
        lines[-1].append(node.text or "")
        for child in node:
            if tag(child) == "br":
                lines.append([])
            elif tag(child):
                read(child)
            lines[-1].append(child.tail or "")

    read(el)
    return [" ".join("".join(parts).split()) for parts in lines]
