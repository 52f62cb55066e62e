"""Cards whose only link has no words: a picture's link (`<figure><a href=…><img></a></figure>`) or an empty overlay
stretched over the card (`<a class="entry-link" href=…></a>`), the card's name in a heading that links nowhere; a
table row's details icon (`<td><a href=…><img alt="Details"></a></td>`), the row's name in its cells."""

from __future__ import annotations

from .html import tag, text_of
from .title_names import title_named
from .titles import HEADINGS

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


def row_icon_link(a) -> bool:
    """<tr><td><a href=…><img alt="Dettagli"></a></td><td>2013</td><td>21-06-2013</td><td>Subject</td>…</tr>: a link
    with an image and no words, alone in its cell and the only link of a table row of several cells of text (a
    register's or search result's row), leads to the row's record."""
    cell = a.getparent()
    row = cell.getparent() if cell is not None else None
    if a.find(".//img") is None or tag(cell) not in ("td", "th") or row is None or tag(row) != "tr":
        return False
    if text_of(cell) or any(x is not a and (x.get("href") or "").strip() for x in row.iter("a")):
        return False
    return sum(1 for c in row if tag(c) in ("td", "th") and text_of(c)) >= _ROW_TEXT_CELLS


# A record's row shows this many cells of text at least beside its icon (a number, a date, a name).
_ROW_TEXT_CELLS = 3
