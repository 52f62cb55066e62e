"""Links after a label that many lines share, pointing at fewer places than there are lines (batch X, a blog's
archive: "<dt>dim. 24 décembre 2017</dt><dd><a>Alors la Paix viendra</a></dd><dd>Catégorie : <a href='Poésie'>Poésie
</a></dd>" on every post): a line "Category: X", "Tags: X, Y", "Filed under: X", "Rubrik: X" classifies the entry
above it, and its links lead to the pages of a few classes shared by many entries, however their addresses are
written; they name no entry. A label over links each to a place of its own ("Title: <a>Report A</a>") names entries
and stays."""

from __future__ import annotations

import re
from collections import defaultdict

from .html import tag, text_of

# A label: a word or three and a colon, nothing else before the line's links.
_LABEL = re.compile(r"^([^\W\d_][^\W\d_ '’-]*(?:[ '’-][^\W\d_]+){0,2})\s*:$")
# A label shared by this many lines at least makes them a list's classification lines.
_MIN_LINES = 3
# A classifying link names a class in this many words at most.
_CLASS_WORDS = 4


def without_labelled_facets(links: list) -> list:
    """`links` less those on lines opening on a label that three lines or more share (the same words, the same kind
    of element), where those lines' links, of a few words each, lead to fewer places than there are lines."""
    by_label: dict = defaultdict(list)
    for a in links:
        label = _line_label(a)
        if label is not None:
            by_label[label].append(a)
    facets: set = set()
    for found in by_label.values():
        lines = {id(a.getparent()) for a in found}
        if len(lines) >= _MIN_LINES and len({a.get("href", "").strip() for a in found}) < len(lines):
            facets.update(id(a) for a in found)
    return [a for a in links if id(a) not in facets] if facets else links


def _line_label(a) -> tuple[str, str] | None:
    """(label, the line's tag) where `a`'s parent is a line of links, of a few words each, after a label."""
    line = a.getparent()
    if line is None or tag(line) == "a":
        return None
    kids = [k for k in line if isinstance(k.tag, str)]
    if any(tag(k) != "a" or len((text_of(k) or "").split()) > _CLASS_WORDS for k in kids):
        return None
    label = _LABEL.match(" ".join((line.text or "").split()))
    return (label.group(1).casefold(), tag(line)) if label else None
