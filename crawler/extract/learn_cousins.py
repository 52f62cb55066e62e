"""Cards of the example's list outside its box. A list whose first entries are set apart in a wrapper of their own
(the featured events shown again for phones above the grid of all the others: es-python-espana-eventos, batch Z):
cards made from one template, the same tags and classes from the card down to its title, in a box beside an
ancestor of the example's are the rest of the list. And cards of the list's class on another tag (a book's card
among papers' articles: pt-lasme-ufsj-publicacoes)."""

from __future__ import annotations

from .carousels import in_carousel
from .css_names import shared_classes, stable_classes
from .html import is_ancestor, text_of
from .learn import Block, follow
from .learn_titles import _signature

_LEVELS = 3  # wrappers climbed from the entries' box: a section's box, its wrapper, the page part holding both
_MIN_SECTION = 2  # a lone card beside the list is a teaser, not a part of it
_STOP = frozenset(("body", "html", "main", "article", "aside", "nav", "header", "footer"))


def with_cousin_sections(block: Block) -> Block:
    """The block with the cards of its template (`_template`: a classed element on the way to the title) filling
    a box beside one of its box's wrappers, the nearest wrapper that has some; the members' order is the page's."""
    parent = block.node.getparent()
    if block.flat or not block.path or parent is None or any(m.getparent() is not parent for m in block.members):
        return block
    template = _template(block.node, block.path)
    if template is None:
        return block
    wrapper, shown = parent, _shown_again(block)
    for _ in range(_LEVELS):
        wrapper = wrapper.getparent()
        if wrapper is None or wrapper.tag in _STOP:
            return block
        if not shown(wrapper):
            continue  # no copy of the example around its box: a list of its own (latest, then most read)
        links = {a.get("href") for m in block.members for a in m.iter("a")}
        before = []
        for section in wrapper.itersiblings(preceding=True):
            before[:0] = _cards_in(section, block, template, links)
        after = [c for s in wrapper.itersiblings() for c in _cards_in(s, block, template, links)]
        if before or after:
            block.members = [*before, *block.members, *after]
            return block
    return block


def _shown_again(block: Block):
    """Whether a wrapper shows the example's title again outside the example's box (a slide of it): the box is a
    featured copy, not a list of its own."""
    box, title = block.node.getparent(), text_of(follow(block.node, block.path))

    def shown(wrapper) -> bool:
        outside = (el for el in wrapper.iter() if isinstance(el.tag, str) and not is_ancestor(box, el))
        return any(text_of(el) == title for el in outside if el.find("*") is None or el.text)

    return shown


def _template(card, path: list) -> tuple | None:
    """The tags and classes from the card down to its title; None where none of them has a class (bare boxes say
    too little to tell the same list from another)."""
    title = follow(card, path)
    if title is None:
        return None
    chain = [card, *reversed([a for a in title.iterancestors() if a is not card and _under(a, card)]), title]
    shape = tuple(_signature(el) for el in chain)
    return shape if any(classes for _, classes in shape) else None


def _under(el, card) -> bool:
    return any(a is card for a in el.iterancestors())


def _cards_in(section, block: Block, template: tuple, links: set) -> list:
    """The first box in `section` (it or one inside) whose children are mostly cards of the template, linking none
    where the members link (a copy of the list); a carousel's slides are no part."""
    if not isinstance(section.tag, str) or in_carousel(section):
        return []
    for box in section.iter():
        if not isinstance(box.tag, str) or box.tag in _STOP:
            continue
        children = [c for c in box if isinstance(c.tag, str)]
        like = [c for c in children if c.tag == block.node.tag and _template(c, block.path) == template]
        if len(like) >= _MIN_SECTION and 2 * len(like) > len(children):
            copied = any(a.get("href") in links for c in like for a in c.iter("a"))
            return [] if copied else like
    return []


def with_other_tag_cards(block: Block) -> Block:
    """The block with the elements of another tag carrying the class every member carries, the title at the same
    place and alike (a book's card, `<div class="publication-card">` inside an `<article class="book-card">`, among
    articles of that class): the list names its cards by the class, whatever the tag."""
    if block.flat or not block.path or (title := follow(block.node, block.path)) is None:
        return block
    root = block.node.getroottree().getroot()
    for name in shared_classes(block.members):
        carrying = [el for el in root.iter() if isinstance(el.tag, str) and name in stable_classes(el)]
        others = [el for el in carrying if el.tag != block.node.tag]
        if not others or any(el.tag == block.node.tag and el not in block.members for el in carrying):
            continue
        alike = [
            el for el in others if (t := follow(el, block.path)) is not None and _signature(t) == _signature(title)
        ]
        links = {a.get("href") for m in block.members for a in m.iter("a")}
        copied = any(a.get("href") in links for el in others for a in el.iter("a"))  # the same entries again
        nested = any(is_ancestor(el, m) or is_ancestor(m, el) for el in others for m in block.members)
        if len(alike) == len(others) and not copied and not nested:
            block.members = carrying
            return block
    return block
