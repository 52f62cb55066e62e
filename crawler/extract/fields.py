"""Finding an entry's parts inside its block, by content and structure.

Used by the generic extractor, and by a profile for any field its selectors miss:
markup drifts, and a renamed class must not silently empty a field.
"""

from __future__ import annotations

import re

from ..parsers.credits import looks_like_credit, plainly_no_credit
from ..parsers.datelines import bare_years, byline_field_date, date_at_edge, date_in_line
from ..parsers.text import clean_text
from .date_boxes import marked_date, own_machine_date, whole_date, yearless_line
from .html import INLINE, is_ancestor, machine_date, microformat_dated, raw_text, tag, text_of, text_read, within_any
from .lead_text import bare_date_line, leading_date, published_date
from .line_dates import title_closing_range, title_opening_date, words_beside_date
from .link_lines import identifier_date
from .paragraph_dates import MAX_META_CHARS, MAX_META_WORDS, date_from_paragraphs
from .raw import RawEntry
from .wordings import is_more_link, without_more

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_TEXT_BLOCKS = ("p", "div", "span", "small", "time", "li", "dt", "dd", "td", "th", "em", "strong", "section")
_TEXT_BLOCKS += ("blockquote",)  # "th": a row's header cell is one of its lines (a closed-calls table's dates)
# A class token naming a credit or a photo's caption ("photo-credit", "wp-caption-text"); not a type size
# named after captions ("mid-caption--xsmall" over an event's time and organiser).
_CREDIT_CLASS = re.compile(
    r"(?:^|\s)(?:[\w-]*(?:copyright|credit)[\w-]*|(?:wp-|image-|img-|photo-|figure-)?caption(?:-text)?)(?:$|\s)",
    re.IGNORECASE,
)
_CREDIT_BLOCKS = frozenset(_TEXT_BLOCKS + ("figcaption", "cite"))  # the elements a credit line can be


def find_title(elements):
    """The title element: a heading's link, else the link with the longest text, else a heading."""
    for el in walk(elements):
        if tag(el) in HEADINGS:
            links = [a for a in el.iter("a") if a.get("href") and text_of(a)]
            if links:
                return links[0]
    links = [a for a in walk(elements) if tag(a) == "a" and a.get("href") and text_of(a)]
    if links:
        # The longest link text, but a "Read more" link only when there is no other.
        return max(links, key=lambda a: (not is_more_link(text_of(a)), len(text_of(a) or "")))
    for el in walk(elements):
        if tag(el) in HEADINGS and text_of(el):
            return el
    return None


def fill_entry(elements, entry: RawEntry, used: list) -> RawEntry:
    """Fill what the entry still lacks from the block's own text."""
    title_el = used[0] if used else None
    # Read only for a date or a description still missing: a profile's selectors mostly gave both.
    blocks = _leaf_blocks(elements) if entry.date_text is None or not entry.paragraphs else []
    if entry.date_text is None:
        leaves = [
            el for el in blocks if not any(is_ancestor(u, el) or is_ancestor(el, u) for u in used if u is not None)
        ]
        _find_date(elements, entry, used, title_el, leaves)
        late = bare_date_line(elements, title_el) or published_date(elements, title_el)
        entry.date_text = entry.date_text or late or title_opening_date(entry.title) or title_closing_range(entry.title)
    if entry.credit_text is None:
        _find_credit(elements, entry, used)
    if entry.image_src is None:
        for el in walk(elements):
            if tag(el) == "img":
                entry.image_src = el.get("src") or el.get("data-src")
                break
    if not entry.paragraphs:
        taken = [u for u in used if u is not None]
        paragraphs = []
        for el in blocks:
            if within_any(el, taken) or _only_links(el) or _is_noise(el):
                continue
            inside = {u for u in taken if is_ancestor(el, u)}
            # A paragraph that holds the title or the date line keeps only its other text;
            # what is left of a date's meta line ("News") is a label, not description.
            text = without_more(text_of(_text_without(el, inside)) if inside else text_of(el))
            text = text.lstrip("|·•–—-: ") if text else None
            if (
                text
                and inside - {title_el}
                and (
                    len(text.split()) <= _MAX_LABEL_WORDS
                    or (len(text.split()) <= _MAX_META_LEFT_WORDS and not text.endswith((".", "!", "?")))
                )
            ):
                continue  # "News", "Posted on by admin": what a date line leaves, not prose
            text = _without_noise(text)
            if text:
                paragraphs.append(text)
        if not paragraphs:
            paragraphs = _loose_text(elements, blocks, taken)
        if paragraphs and (lead := leading_date(paragraphs[0])) and lead[0] == entry.date_text:
            paragraphs[0] = lead[1]  # "October 10, 2020 — The Attorney General ...": its date is read already
        if entry.date_text is None and paragraphs:
            date_from_paragraphs(entry, paragraphs)
        if entry.date_text is None:  # "10 October" under "October 2020": the heading gives the year
            entry.date_text = yearless_line(elements, title_el)
            paragraphs = [p for p in paragraphs if p != entry.date_text]
        entry.paragraphs = [p for p in paragraphs if p]
    return entry


def _find_credit(elements, entry: RawEntry, used: list) -> None:
    """A photo credit line ("© ILO/Marcel Crozet"), or a short element classed as one."""
    for el in walk(elements):
        if tag(el) not in _CREDIT_BLOCKS or within_any(el, used):
            continue  # the cheap test first
        credit_class = _CREDIT_CLASS.search(el.get("class") or "")
        if not credit_class and not text_read(el) and plainly_no_credit(raw_text(el)):
            continue  # its first character rules it out: a whole entry's text is not cleaned for that
        text = text_of(el)
        if not text:
            continue
        if looks_like_credit(text) or (credit_class and len(text) < _MAX_CREDIT_CHARS):
            entry.credit_text = text
            used.append(el)
            return


# What a date line leaves: up to 3 words is a label ("News"); up to 6 words without a full stop
# is a byline ("Posted on by admin"); neither is description.
_MAX_LABEL_WORDS, _MAX_META_LEFT_WORDS = 3, 6
_MAX_CREDIT_CHARS = 160  # a credit is a line, not a caption paragraph


def _loose_text(elements, blocks, taken) -> list[str]:
    """Text standing bare beside an entry's elements ("<h1>..</h1>Summary text <a>Read more</a>"):
    the description when no paragraph holds one."""
    out = []
    leaf = set(blocks)
    for el in walk(elements):
        if el in leaf or within_any(el, taken) or tag(el) in HEADINGS:
            continue
        runs = [el.text] if tag(el) not in INLINE else []
        runs += [c.tail for c in el if tag(c) not in INLINE]
        for run in runs:
            text = without_more(clean_text(run))
            if text and len(text.split()) > _MAX_LOOSE_LABEL_WORDS and not _NOISE_LINE.match(text):
                out.append(text)
    return out


# Bare text of this few words beside an entry is a label or a separator, not a description.
_MAX_LOOSE_LABEL_WORDS = 3


# Lines around an entry that describe nothing: a rank ("3.", "#12"), a source site in
# brackets ("(example.com)"), a reading time or counter ("3 minute read", "12 comments"),
# a byline ("By Jane Doe", "Par Jean Dupont", "Por Ana Ruiz").
_NOISE_LINE = re.compile(
    r"^(?:#?\d{1,4}[.)]?|\(\s*[\w.-]+\.[a-z]{2,}(?:/\S*)?\s*\)"
    r"|\d+\s*(?:min(?:ute)?s?|mn)\.?\s*(?:read|de lecture|de lectura|lecture|lectura)?|\d+\s+(?:points?|votes?|likes?)"
    r"|(?:lecture|lectura)\s*:?\s*\d+\s*min\.?|\d+\s+(?:comments?|commentaires?|comentarios?|replies|réponses|respuestas|views?|vues|vistas)"
    r"|(?:by|par|por)\s+[\w.'’-]+(?:\s+[\w.'’-]+){0,4})$",
    re.IGNORECASE,
)
_SEGMENTS = re.compile(r"\s*[|·•⋅∙]\s*")  # "⋅", "∙": middle dots as some themes write them


def _without_noise(text: str | None) -> str | None:
    """A meta line's parts that say something ("42 points by alice | 12 comments" says nothing)."""
    if not text:
        return None
    parts = [p for p in _SEGMENTS.split(text) if p and not _NOISE_LINE.match(p) and not _POINTS_BY.match(p)]
    if len(parts) == len(_SEGMENTS.split(text)):
        return text
    return " | ".join(parts) or None


# "42 points by alice": a score and a byline in one part.
_POINTS_BY = re.compile(r"^\d+\s+(?:points?|votes?)\s+(?:by|par|por)\s+\S+$", re.IGNORECASE)
# Class names of elements that hold no description: bylines, tag and category lists, share bars.
_NOISE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:author|byline|tags?|categor(?:y|ies)|cats?-links|tag-?links|share|sharing|social|meta-?tags)(?:$|[\s_-])",
    re.I,
)
# A line of links may carry this many words of its own ("Tags:", "Filed under") and still be a link list.
_LINK_LIST_LABEL_WORDS = 3


def _is_noise(el) -> bool:
    """A byline, a tag list, a share bar: by its class, or by being links and a label."""
    node = el
    for _ in range(3):  # the line, or the small box it sits in
        if node is None:
            break
        if _NOISE_CLASS.search(node.get("class") or ""):
            return True
        node = node.getparent()
    links = [a for a in el.iter("a") if text_of(a)]
    if len(links) < 2:
        return False
    rest = text_of(_text_without(el, set(links))) or ""
    # "6/05/2025: <a>Talk</a> (<a>slides</a>)": a line opening on its date is the entry's line, not a tag list
    return len(rest.replace(",", " ").split()) <= _LINK_LIST_LABEL_WORDS and not date_at_edge(rest)


def _text_without(el, skip: set) -> str:
    """The text of `el` leaving out the elements in `skip` (their tails stay)."""
    parts = [el.text or ""]
    for child in el:
        if child not in skip and isinstance(child.tag, str):
            parts.append(_text_without(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def date_from_element(el) -> str | None:
    """The date an element shows: its whole text, or one of its lines
    ("22 - 23 November 2022<br>Vientiane"), after any label ("Date:", "News |")."""
    found = date_in_line(text_of(el))
    if found:
        return found
    for piece in el.itertext():
        found = date_in_line(piece)
        if found:
            return found
    return None


# Class names of inline elements that hold an entry's date ("posted-on", "entry-date", "fecha").
_DATE_CLASS = re.compile(r"date|time|posted|published|fecha|publi", re.IGNORECASE)


def _find_date(elements, entry: RawEntry, used: list, title_el, leaves) -> None:
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
        if parted or (found and not rest.endswith((".", "!", "?")) and len(rest.split()) <= MAX_META_WORDS):
            entry.date_text = parted or found
            used.append(leaf)
            return
    for el in walk(elements):  # a reference-number link closing on its date: "Drucksache Nr. 19/3866 vom 05.11.2024"
        found = identifier_date(text_of(el)) if tag(el) == "a" else None
        if found:
            entry.date_text = found
            used.append(el)
            return


def _date_line(leaves, elements) -> tuple | None:
    """The first short line that is (or holds beside a label) a date: (el, date). A bare year ("in <a>2017</a>", a
    category) yields to a later line naming a day or month of that year ("October 9, 2017"), the finer date."""
    year_line = None
    for el in leaves:
        found = date_from_element(el)
        if not found or words_beside_date(el, found) > _MAX_WORDS_BESIDE_DATE:
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
            found = date_in_line(text_of(el))
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


def _date_part(line: str) -> str | None:
    """ "14.10.2020 | Von Redaktion | Polizeinews, Schweiz, Unfälle": a line of parts cut by bars or dots
    that opens or closes on a part that is wholly a date, however long the other parts run. A part that
    ends a sentence is prose (the date run into a paragraph, which the description keeps)."""
    parts = [p for p in _SEGMENTS.split(line) if p]
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


def walk(elements):
    """Every element of an entry, its blocks and their descendants, in page order."""
    for el in elements:
        yield from el.iter()


# Elements that are lines of their own: a block holding one is no paragraph but a box of them.
_HOLDS_LINES = frozenset(
    (
        "p",
        "div",
        "li",
        "dd",
        "dt",
        "section",
        "blockquote",
        "table",
        "tr",
        "td",
        "th",
        "ul",
        "ol",
        "dl",
        "article",
        "header",
        "footer",
        "figure",
        "aside",
    )
    + HEADINGS
)


def _leaf_blocks(elements):
    """Text-bearing elements that hold no other text block: the paragraphs of an entry."""
    out = []
    for el in walk(elements):
        t = tag(el)
        if t not in _TEXT_BLOCKS and t not in HEADINGS:
            continue
        if any(tag(child) in _HOLDS_LINES for child in el.iterdescendants()):
            continue
        if any(is_ancestor(o, el) for o in out):
            continue
        out.append(el)
    return out


def _only_links(el) -> bool:
    """A line that is nothing but links ("Download the report (PDF)"): not description."""
    links = " ".join(filter(None, (text_of(a) for a in el.iter("a"))))
    return bool(links) and links == text_of(el)
