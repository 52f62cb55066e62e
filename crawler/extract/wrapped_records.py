"""A record of the list's own markup set inside a layout wrapper beside the list (batch X, a Weebly site's minutes:
the newest file block in a two-column layout table beside a spacer, the 27 older ones bare below it; recall 27/28):
site builders put the first block of a list in columns, a box or a section of its own. Where every record of the
list has the same markup and its link at the same place, a sibling of the records that holds one element of that
markup, its link at that place and no other address, is one more record, whatever its link says ("Scarica file")."""

from __future__ import annotations

from .html import tag

# A record is known by its markup where it has this many elements inside at least (an icon, a title, a link).
_MIN_PARTS = 3


def wrapped_record(child, found: dict):
    """(record, link) for the one element inside `child` shaped as every record of `found` (block -> its link) is,
    with its link where theirs is; None where the records differ in shape or `child` holds anything else linked."""
    shapes = {_shape(block) for block in found}
    paths = {_path_to(block, link) for block, link in found.items()}
    if len(shapes) != 1 or len(paths) != 1 or None in paths or () in paths:
        return None  # records of several shapes, or bare links: no markup of their own to know one by
    if sum(1 for el in next(iter(found)).iterdescendants() if tag(el)) < _MIN_PARTS:
        return None
    shape, path = shapes.pop(), paths.pop()
    alike = [el for el in child.iterdescendants() if tag(el) and _shape(el) == shape]
    link = _follow(alike[0], path) if len(alike) == 1 else None
    if link is None or tag(link) != "a" or not link.get("href"):
        return None
    addresses = {(a.get("href") or "").strip() for a in child.iter("a") if a.get("href")}
    taken = {(a.get("href") or "").strip() for a in found.values()}
    if addresses != {link.get("href").strip()} or addresses & taken:
        return None
    return alike[0], link


def _shape(el) -> tuple:
    """An element's tag and its children's tags, two levels down."""
    return tag(el), tuple((tag(c), tuple(tag(g) for g in c if tag(g))) for c in el if tag(c))


def _path_to(block, link) -> tuple | None:
    """The child indexes leading from `block` down to `link`; None when the link is not inside it."""
    steps = []
    node = link
    while node is not block:
        parent = node.getparent()
        if parent is None:
            return None
        steps.append([c for c in parent if tag(c)].index(node))
        node = parent
    return tuple(reversed(steps))


def _follow(el, path: tuple):
    for step in path:
        kids = [c for c in el if tag(c)]
        if step >= len(kids):
            return None
        el = kids[step]
    return el
