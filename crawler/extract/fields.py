"""Finding an entry's parts inside its block, by content and structure.

Used by the generic extractor, and by a profile for any field its selectors miss:
markup drifts, and a renamed class must not silently empty a field.
"""

from __future__ import annotations

import re

from ..parsers.credits import looks_like_credit, plainly_no_credit
from ..parsers.datelines import date_at_edge
from ..parsers.text import clean_text
from .date_boxes import yearless_line
from .html import INLINE, is_ancestor, raw_text, tag, text_of, text_read, text_without, walk, within_any
from .lead_text import bare_date_line, leading_date, published_date
from .line_dates import title_closing_range, title_opening_date
from .own_dates import PARTS, find_date
from .own_dates import date_from_element as date_from_element  # read from here by the list and learn modules
from .paragraph_dates import date_from_paragraphs
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
        find_date(elements, entry, used, title_el, leaves)
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
            text = without_more(text_of(text_without(el, inside)) if inside else text_of(el))
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


def _without_noise(text: str | None) -> str | None:
    """A meta line's parts that say something ("42 points by alice | 12 comments" says nothing)."""
    if not text:
        return None
    parts = [p for p in PARTS.split(text) if p and not _NOISE_LINE.match(p) and not _POINTS_BY.match(p)]
    if len(parts) == len(PARTS.split(text)):
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
    rest = text_of(text_without(el, set(links))) or ""
    # "6/05/2025: <a>Talk</a> (<a>slides</a>)": a line opening on its date is the entry's line, not a tag list
    return len(rest.replace(",", " ").split()) <= _LINK_LIST_LABEL_WORDS and not date_at_edge(rest)


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
