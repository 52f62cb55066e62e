"""A list cut into sections of one layout ("Latest News" boxes above, "Other News" in a grid below): the learnt
block's entries sit in one section; the sections beside it, holding boxes of the members' kind with the title at
the same place and of the same tag and classes, hold the rest of the list. So too tables of one shape under headings
of their own ("Ongoing theses", "Defended theses": fr-lastig-theses, batch Z)."""

from __future__ import annotations

from .css_names import shared_classes, stable_classes
from .html import text_of
from .learn import Block, follow
from .learn_cousins import with_cousin_sections, with_other_tag_cards
from .learn_titles import _signature


def with_sibling_sections(block: Block) -> Block:
    """The block with the entries of its sibling sections (`_with_sections`), and of its table's sibling tables."""
    alone = len(block.members)
    block = _with_sections(block)
    if len(block.members) == alone:
        block = with_cousin_sections(block)  # or the rest of the list beside a wrapper of the example's box
    if len(block.members) == alone:
        block = with_other_tag_cards(block)  # or cards of the list's class on another tag
    return with_sibling_tables(block) if block.node.tag == "tr" else block


def with_sibling_tables(block: Block) -> Block:
    """The block of table rows with the rows of the tables beside its own (siblings of its table, of the same column
    names or none) whose rows nearly all have the members' number of cells and a title at the same place, of the
    same tag and classes, holding a link as the example's does: one list set out under headings; the members' order
    is the page's."""
    table = next((a for a in block.node.iterancestors() if a.tag == "table"), None)
    title = follow(block.node, block.path)
    if block.flat or not block.path or table is None or title is None or table.getparent() is None:
        return block
    if any(next((a for a in m.iterancestors() if a.tag == "table"), None) is not table for m in block.members):
        return block
    width = _cells(block.node)
    found, after = [], False
    for other in table.getparent():
        if other is table:
            after = True
        elif other.tag == "table" and _column_names(other) == _column_names(table):  # else another table's
            rows = [r for r in other.iter("tr") if r.find("td") is not None]
            like = [r for r in rows if _cells(r) == width and _titled(follow(r, block.path), title)]
            if len(like) >= _MIN_SECTION and len(like) >= _MOST * len(rows):
                found += [("after" if after else "before", like)]
    before = [r for side, rows in found if side == "before" for r in rows]
    block.members = [*before, *block.members, *(r for side, rows in found if side == "after" for r in rows)]
    return block


def _column_names(table) -> tuple:
    return tuple(" ".join((text_of(th) or "").split()) for th in table.iter("th"))


def _cells(row) -> int:
    return sum(1 for c in row if c.tag in ("td", "th"))


def _titled(el, title) -> bool:
    has_link = title.tag == "a" or title.find(".//a") is not None
    link = el is not None and (el.tag == "a" or el.find(".//a") is not None)
    return el is not None and _signature(el) == _signature(title) and link == has_link


def _with_sections(block: Block) -> Block:
    """The block with the entries of the sections beside its own (siblings of its members' parent, of its tag),
    where each entry shares a class with the members and shows its title as theirs (same tag and classes, at the
    same place) and such entries fill most of their section; the members' order is the page's."""
    parent = block.node.getparent()
    if block.flat or not block.path or parent is None or any(m.getparent() is not parent for m in block.members):
        return block
    kind = set(shared_classes(block.members))
    title = follow(block.node, block.path)
    if not kind or title is None or not stable_classes(title):
        return block  # bare titles say too little to tell the same list from another
    found = []
    for section in parent.itersiblings(preceding=True):
        found[:0] = _entries_like(section, block, kind, _signature(title))
    after = []
    for section in parent.itersiblings():
        after += _entries_like(section, block, kind, _signature(title))
    block.members = [*found, *block.members, *after]
    return block


def _entries_like(section, block: Block, kind: set, title_signature: tuple) -> list:
    if section.tag != block.node.getparent().tag:
        return []
    children = [c for c in section if isinstance(c.tag, str)]
    like = [
        c
        for c in children
        if c.tag == block.node.tag
        and kind & set(stable_classes(c))
        and (t := follow(c, block.path)) is not None
        and _signature(t) == title_signature
    ]
    return like if len(like) >= _MIN_SECTION and 2 * len(like) > len(children) else []


_MIN_SECTION = 2  # a lone box beside the list is a teaser, not a section of it
_MOST = 0.9  # of a table's rows, this share are of the list's shape for the table to be a section of it
