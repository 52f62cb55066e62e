"""A list cut into sections of one layout ("Latest News" boxes above, "Other News" in a grid below): the learnt
block's entries sit in one section; the sections beside it, holding boxes of the members' kind with the title at
the same place and of the same tag and classes, hold the rest of the list."""

from __future__ import annotations

from .css_names import shared_classes, stable_classes
from .learn import Block, follow
from .learn_titles import _signature


def with_sibling_sections(block: Block) -> Block:
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
