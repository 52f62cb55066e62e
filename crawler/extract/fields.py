"""Finding an entry's parts inside its block, by content and structure.

Used by the generic extractor, and by a profile for any field its selectors miss:
markup drifts, and a renamed class must not silently empty a field.
"""

from __future__ import annotations

import re

from ..parsers.credits import looks_like_credit
from ..parsers.dates import looks_like_date_line
from .html import is_ancestor, tag, text_of
from .raw import RawEntry

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_TEXT_BLOCKS = ("p", "div", "span", "small", "time", "li", "dd", "td", "em", "strong", "section", "blockquote")
_CREDIT_CLASS = re.compile(r"copyright|credit|caption", re.IGNORECASE)


def find_title(elements):
    """The title element: a heading's link, else the link with the longest text, else a heading."""
    for el in _walk(elements):
        if tag(el) in HEADINGS:
            links = [a for a in el.iter("a") if a.get("href") and text_of(a)]
            if links:
                return links[0]
    links = [a for a in _walk(elements) if tag(a) == "a" and a.get("href") and text_of(a)]
    if links:
        return max(links, key=lambda a: len(text_of(a) or ""))
    for el in _walk(elements):
        if tag(el) in HEADINGS and text_of(el):
            return el
    return None


def fill_entry(elements, entry: RawEntry, used: list) -> RawEntry:
    """Fill what the entry still lacks from the block's own text."""
    title_el = used[0] if used else None
    leaves = [el for el in _leaf_blocks(elements) if not any(is_ancestor(u, el) or is_ancestor(el, u) for u in used if u is not None)]
    if entry.date_text is None:
        for el in _walk(elements):
            if tag(el) == "time" and not is_ancestor(title_el, el) and looks_like_date_line(text_of(el)):
                entry.date_text = text_of(el)
                used.append(el)
                break
        else:
            for el in leaves:
                if looks_like_date_line(text_of(el)):
                    entry.date_text = text_of(el)
                    used.append(el)
                    break
    if entry.credit_text is None:
        for el in _walk(elements):
            if any(is_ancestor(u, el) for u in used if u is not None):
                continue
            text = text_of(el)
            if text and (looks_like_credit(text) or (_CREDIT_CLASS.search(el.get("class") or "") and len(text) < 160)):
                if tag(el) in _TEXT_BLOCKS or tag(el) in ("figcaption", "cite"):
                    entry.credit_text = text
                    used.append(el)
                    break
    if entry.image_src is None:
        for el in _walk(elements):
            if tag(el) == "img":
                entry.image_src = el.get("src") or el.get("data-src")
                break
    if not entry.paragraphs:
        leaves = [el for el in _leaf_blocks(elements) if not any(is_ancestor(u, el) or is_ancestor(el, u) for u in used if u is not None)]
        entry.paragraphs = [t for t in (text_of(el) for el in leaves) if t]
    return entry


def _walk(elements):
    for el in elements:
        yield from el.iter()


def _leaf_blocks(elements):
    """Text-bearing elements that hold no other text block: the paragraphs of an entry."""
    out = []
    for el in _walk(elements):
        t = tag(el)
        if t not in _TEXT_BLOCKS and t not in HEADINGS:
            continue
        if any(tag(child) in ("p", "div", "li", "dd", "section", "blockquote") + HEADINGS for child in el.iterdescendants()):
            continue
        if any(is_ancestor(o, el) for o in out):
            continue
        out.append(el)
    return out
