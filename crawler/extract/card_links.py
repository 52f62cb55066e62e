"""Cards whose only link has no words: a picture's link (`<figure><a href=…><img></a></figure>`) or an empty overlay
stretched over the card (`<a class="entry-link" href=…></a>`), the card's name in a heading that links nowhere."""

from __future__ import annotations

from .html import tag, text_of
from .titles import HEADINGS, title_named

# How far above its link a card's box is looked for (<div class=card><div><figure><a>).
_CARD_LEVELS = 4


def card_link(a) -> bool:
    """Whether a link without words of its own is the only link of a card that a heading (or an element named as a
    title) names, with no link in it: the link still leads to the card's page, and the heading names the entry."""
    node = a
    for _ in range(_CARD_LEVELS):
        node = node.getparent()
        if node is None or tag(node) in ("body", "html"):
            return False
        if any(x is not a and (x.get("href") or "").strip() for x in node.iter("a")):
            return False  # a link beside it: a list's box, or a card whose named link leads there
        if _card_name(node, a):
            return True
    return False


def _card_name(box, link) -> bool:
    """Whether `box` holds a heading or an element named as a title, with words, outside `link`."""
    for el in box.iterdescendants():
        if (tag(el) in HEADINGS or title_named(el)) and el is not link and text_of(el):
            return not any(anc is link for anc in el.iterancestors())
    return False
