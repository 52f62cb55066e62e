"""Small lxml helpers shared by the profile and the generic extractor."""

from __future__ import annotations

from functools import lru_cache

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector

from ..parsers.text import clean_text

_DROP = ("script", "style", "noscript", "template", "svg", "iframe")


def parse_html(body: bytes | str, base_url: str | None = None):
    """Parse a page; never raises on broken markup. Returns the root element."""
    if isinstance(body, bytes) and not body.strip():
        body = b"<html></html>"
    try:
        root = lxml.html.fromstring(body, base_url=base_url)
    except (etree.ParserError, ValueError):
        root = lxml.html.fromstring(b"<html></html>")
    for bad in root.xpath("|".join(f"//{t}" for t in _DROP)):
        bad.drop_tree()
    return root


def text_of(el) -> str | None:
    """Visible text of an element, white space folded; <br> counts as a space."""
    if el is None:
        return None
    if isinstance(el, str):
        return clean_text(el)
    return clean_text(" ".join(el.itertext()))


def is_ancestor(anc, el) -> bool:
    while el is not None:
        if el is anc:
            return True
        el = el.getparent()
    return False


@lru_cache(maxsize=512)
def _compiled(selector: str) -> CSSSelector:
    return CSSSelector(selector, translator="html")  # CSS to XPath once per selector, not per page


def select(root, selector: str) -> list:
    """Elements matching a CSS selector, in document order."""
    return _compiled(selector)(root)


def first(root, selector: str | None):
    if not selector:
        return None
    found = select(root, selector)
    return found[0] if found else None


def tag(el) -> str:
    return el.tag if isinstance(el.tag, str) else ""
