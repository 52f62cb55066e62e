"""Items of two lists that share a shape but not a template (issue 21, a conference's past editions): "<li><a>NIME
2001</a>: Seattle, Washington</li>" in one list, "<li>2018: <a>Sarah Belle Reid</a></li>" in an awards list further
down the page. A list's items are written one way: in one the link opens every item, in the other words lead into
it. Lists whose items all open on their link and lists whose items never do are two lists, not one."""

from __future__ import annotations

from collections import defaultdict

from .html import tag, text_of

_LISTS = ("ul", "ol")


def split_by_link_place(groups: dict) -> dict:
    """`groups` (shape key: elements) with each group of list items held by several lists cut in two when in some
    lists every item opens on its first link and in the others none does; else as it was."""
    out: dict = {}
    for key, els in groups.items():
        places = _list_places(els) if els and tag(els[0]) == "li" else None
        if places is None:
            out[key] = els
            continue
        for el in els:
            out.setdefault((*key, places[el.getparent()]), []).append(el)
    return out


def _list_places(items: list) -> dict | None:
    """{list: whether its items open on their link} when the items stand in two lists or more, each list's items
    alike, and both kinds are there; None otherwise."""
    by_list: dict = defaultdict(set)
    for item in items:
        parent = item.getparent()
        if parent is None or tag(parent) not in _LISTS:
            return None
        by_list[parent].add(_opens_on_link(item))
    if len(by_list) < 2 or any(len(kinds) > 1 for kinds in by_list.values()):
        return None
    places = {parent: kinds.pop() for parent, kinds in by_list.items()}
    return places if len(set(places.values())) == 2 else None


def _opens_on_link(item) -> bool:
    link = next((a for a in item.iter("a") if a.get("href") and text_of(a)), None)
    return link is not None and (text_of(item) or "").startswith(text_of(link) or "")


def other_template(blocks: list, heads: list) -> bool:
    """True when `heads`, items of a list beside the winning one's `blocks`, are written the other way: the
    winning items open on their link and these never do, or the reverse; heads inside items (an <em> in each) are
    read as their items."""
    items = [h if tag(h) == "li" else next((a for a in h.iterancestors() if tag(a) == "li"), None) for h in heads]
    if None in items:
        return False
    items = list(dict.fromkeys(items))
    return _list_places(list(blocks) + items) is not None and _list_places(items) is None
