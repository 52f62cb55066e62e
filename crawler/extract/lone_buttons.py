"""A card whose one link sits in another wrapper than its list's (batch Z, a laboratory's publications: "<article
class=card><h3>Name</h3><p>citation</p><div class=actions><a class='button small'>Ir para artigo</a></div>" beside
patent cards whose same button sits in "<div class=record>" with the patent's number): the cards are one list, built
from one template with a part more or less, so a record left without a title link by the list's link path still
has one where its only link has the shape (tag and classes) of the links the path found."""

from __future__ import annotations

from collections import Counter


def lone_buttons(records, title_links: list, links_in, shapes) -> list:
    """`title_links` with each record's missing link (None) filled by that record's only link, where that link has
    the shape most of the found links share. `records`: lists of member elements, in the order of `title_links`."""
    if None not in title_links or all(a is None for a in title_links):
        return title_links
    found_shapes = Counter(shapes(a) for a in title_links if a is not None)
    shape, count = found_shapes.most_common(1)[0]
    if count * 2 <= sum(found_shapes.values()) or not shape[1]:
        return title_links  # the found links share no classed shape: nothing to know the button by
    filled = list(title_links)
    for i, (members, link) in enumerate(zip(records, title_links, strict=True)):
        own = [a for m in members for a in links_in(m)] if link is None else []
        if len(own) == 1 and shapes(own[0]) == shape:
            filled[i] = own[0]
    return filled
