"""A card whose title is its own leading text (issue 21): <a><div>Detection of gas accumulations ...
<div class="authors">D. Dias, L. da Cruz</div><div class="details">Expert Systems · 01 Apr 2023</div></div></a>.
The title has no element of its own; it is the words before the card's first line of its own, and the
date is one of those lines. Used by the generic extractor and the profile reader."""

from __future__ import annotations

import re

from ..parsers.datelines import date_in_line
from ..parsers.text import LETTERS, clean_text
from .html import INLINE, is_ancestor, tag, text_of, unwrapped

# Fewer words than this before the first line are a label ("New", "PDF"), not a title.
_MIN_LEAD_WORDS = 3


def lead_split(el) -> tuple[str, list] | None:
    """(the leading words, the lines after them) when `el` opens on words of its own followed by lines
    of their own (blocks with text); None when its text is one line or opens on an element."""
    if el is None or not isinstance(el.tag, str):
        return None
    box = unwrapped(el)
    parts, lines = [box.text or ""], []
    for child in box:
        if lines or (tag(child) and tag(child) not in INLINE and tag(child) != "br" and text_of(child)):
            if tag(child) and text_of(child):
                lines.append(child)
            continue
        parts += [text_of(child) or "" if tag(child) else "", child.tail or ""]
    lead = clean_text(" ".join(parts))
    if not lines or not lead or len(lead.split()) < _MIN_LEAD_WORDS or date_in_line(lead):
        return None
    return None if all(map(_figures_only, lines)) else (lead, lines)


def _figures_only(line) -> bool:
    """A line of figures that is no date ("1.0000.24.506095-9/001", a case's or a document's number): it goes on
    naming the record, where an author or venue line describes it."""
    shown = text_of(line) or ""
    return not LETTERS.search(shown) and not date_in_line(shown)


def date_among(lines) -> str | None:
    """The first date standing alone in an element of the card's lines ("<span>01 Apr 2023</span>" in
    "Expert Systems · 01 Apr 2023 · doi:…"), else a line that is wholly a date."""
    for line in lines:
        for el in line.iter():
            shown = text_of(el) if tag(el) else None
            if shown and date_in_line(shown) == shown:
                return shown
    # else a meta line of plain text: "Fisheries · 12 March 2023"
    return next((found for found in (date_in_line(text_of(line)) for line in lines) if found), None)


def bare_date_line(elements, title_el) -> str | None:
    """<p>12.23.20<br><a>Boxes of Love packs meals</a><br>-WAVE3</p>: a line of the record's own text (between
    line breaks or blocks, in no element of its own) that is, or opens on, a date; none inside the title, nor
    a date in the middle of a sentence (<p>The event on <strong>16 December 2022</strong> will ...</p>)."""
    for record in elements:
        for el in record.iter():
            if not tag(el) or (title_el is not None and is_ancestor(title_el, el) and el is not title_el):
                continue
            own = [] if el is title_el or tag(el) in INLINE else [(el.text, el[0] if len(el) else None)]
            if tag(el) in INLINE and el is not title_el and _alone_on_line(el):
                own = [(text_of(el), None)]  # <a>Title</a><br><em>12 March 2021</em><br>teaser
            after = [] if el is record or not _breaks(el) else [(el.tail, el.getnext())]
            if el is not title_el and _opens_line_as_label(el):
                after = [(el.tail, el.getnext())]  # <b>Beginn: </b>Freitag, 31. Juli 2026 18:00<br>
            if el is title_el and tag(el) in INLINE and not _names_part(clean_text(el.tail)):
                # "<a>Title</a> (04-10-2016)<p>teaser": the title's line goes on to its date
                after = [(el.tail, el.getnext())]
            for piece, following in own + after:
                shown = _unbracketed(clean_text(piece))
                if not shown or (following is not None and not _breaks(following)):
                    continue
                if date_in_line(shown) == shown:
                    return shown
                lead = leading_date(shown)
                if lead is not None:
                    return lead[0]  # '3/20/17 - 4/20/17: "NOTE: For information ..."'
    return None


def _alone_on_line(el) -> bool:
    """An inline element with nothing beside it on its line: between breaks or blocks (or its parent's ends)."""
    prev, parent = el.getprevious(), el.getparent()
    if parent is None or tag(parent) in INLINE:
        return False  # <b><i>16 December 2022</i></b>: the outer element is the one that may stand alone
    if prev is not None and not (_breaks(prev) and not (prev.tail or "").strip()):
        return False
    if prev is None and (parent.text or "").strip():
        return False
    return not (el.tail or "").strip() and (el.getnext() is None or _breaks(el.getnext()))


def _opens_line_as_label(el) -> bool:
    """<b>Date: </b> opening a line (after a break or block, or its parent's start): the words after it on that line
    are what it labels, the record's own text."""
    prev, parent = el.getprevious(), el.getparent()
    if tag(el) not in INLINE or parent is None or not (text_of(el) or "").endswith(":"):
        return False
    if prev is None:
        return not (parent.text or "").strip()
    return _breaks(prev) and not (prev.tail or "").strip()


def _names_part(tail: str | None) -> bool:
    """A bare year after the title ("<a>Annual report</a> 2019") or figures with no four-figure year ("<a>Package
    name</a> (1.10.12)", a version) are part of its name, not its date."""
    figures_only = not re.search(r"[^\W\d_]", tail or "")
    return (tail or "").isdigit() or (figures_only and not re.search(r"\d{4}", tail or ""))


def _unbracketed(text: str | None) -> str | None:
    """ "(04-10-2016)": a line in brackets, read without them."""
    if text and text[0] in "([" and text[-1] in ")]":
        return text[1:-1].strip() or None
    return text


def _breaks(el) -> bool:
    """A line break or a block: text beside it is a line of its own."""
    return tag(el) == "br" or (bool(tag(el)) and tag(el) not in INLINE)


# Where a date opening a line may end: a bar or dot, a colon, a dash between spaces.
_AFTER_DATE = re.compile(r"\s*(?:[|·•:]|\s[—–-]\s)\s*")
_MAX_LEAD_CHARS = 40


def leading_date(text: str) -> tuple[str, str] | None:
    """(date, rest) when a line opens on a date and a separator: "16 May 2022 — The meeting ...",
    "3/20/17 - 4/20/17: NOTE ..." (the longest date: a range's both ends, not its first)."""
    found = None
    for cut in _AFTER_DATE.finditer(text, 0, _MAX_LEAD_CHARS + 3):
        head, rest = text[: cut.start()], text[cut.end() :]
        if len(head) >= 6 and rest and date_in_line(head) == head:
            found = (head, rest)
    return found


# "ha publicado el 17 de Diciembre de 2019", "published on 3 May 2022", "veröffentlicht am 3. Mai 2022",
# "Publié le: 18 Oct 2018", "Published: 3 May 2022", "Fecha de publicación: 12/05/2020": a verb of publishing and
# its preposition, or a colon after either or after the date's name (a label typed into the text), after which the
# record's text states when it was published.
_PUBLISHED_ON = re.compile(
    r"\b(?:(?:published|posted|publié|publiée|publicad[oa]|publicó|publicat|veröffentlicht|pubblicat[oa]|gepubliceerd)"
    r"(?:\s+(?:on|le|el|em|am|il|op)(?:\s*:)?|\s*:)"
    r"|(?:publication date|date (?:of|de) publication|date published|fecha de publicación|data de publicação"
    r"|data di pubblicazione|data de publicació|veröffentlichungsdatum|publicatiedatum)\s*:)\s+",
    re.IGNORECASE,
)
_MAX_DATE_WORDS = 9


def published_date(elements, title_el) -> str | None:
    """<p>… ha publicado el 17 de Diciembre de 2019 la convocatoria …</p>: a record whose text, outside its
    title, says when it was published, and shows no date line: that date is its own (a date merely mentioned in
    the prose, with no verb of publishing before it, stays none)."""
    for record in elements:
        for el in record.iter():
            if not tag(el) or (title_el is not None and (is_ancestor(title_el, el) or el is title_el)):
                continue
            for piece in (el.text, el.tail if el is not record else None):
                for verb in _PUBLISHED_ON.finditer(clean_text(piece) or ""):
                    words = verb.string[verb.end() :].split()[:_MAX_DATE_WORDS]
                    found = next((d for k in range(len(words), 0, -1) if (d := _date_of(words[:k]))), None)
                    if found:
                        return found
    return None


def _date_of(words: list[str]) -> str | None:
    """The words as a date when they are wholly one and close on a figure (a year or a day, never a word more)."""
    shown = " ".join(words).rstrip(".,;")
    return shown if re.search(r"\d$", shown) and date_in_line(shown) == shown else None
