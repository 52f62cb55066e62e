"""Cues about a single link for the generic extractor: whether it is a report card's image link,
sits in a cookie banner, names its record, and where it sits once bare emphasis is set aside."""

from __future__ import annotations

import re

from .html import text_of


def captioned_image(a) -> bool:
    """A report card: a link around an image alone, its name in a short line beside it."""
    parent = a.getparent()
    if a.find(".//img") is None or parent is None:
        return False
    caption = text_of(parent) or ""
    return 0 < len(caption.split()) <= _MAX_CAPTION_WORDS


# A caption names its card in this many words at most; more is a teaser without a name.
_MAX_CAPTION_WORDS = 25
_COOKIES = re.compile(r"\bcookies?\b", re.IGNORECASE)
# How far up, and over how much text, a link is looked at for a cookie notice around it.
_COOKIE_LEVELS, _COOKIE_CHARS = 3, 400


def in_cookie_notice(a) -> bool:
    """A link in a cookie banner ("We use cookies ... Learn more"): never an entry."""
    node = a
    for _ in range(_COOKIE_LEVELS):
        text = text_of(node) or ""
        if len(text) > _COOKIE_CHARS:
            return False
        if _COOKIES.search(text):
            return True
        node = node.getparent()
        if node is None:
            return False
    return False


def names_record(a, members) -> bool:
    """A link whose text is most of its record's text: the record's name, not a link inside its prose."""
    whole = sum(len(text_of(m) or "") for m in members)
    return 2 * len(text_of(a) or "") >= whole


def plain_path(path: tuple) -> tuple:
    """A link's path without bare emphasis (<strong>, <b>, <em>, <span> with no class) around it."""
    return tuple(step for step in path if not (step[0] in _EMPHASIS and not step[1]))


_EMPHASIS = frozenset({"strong", "b", "em", "i", "u", "span", "font"})
