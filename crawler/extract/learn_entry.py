"""The entry selector of a learnt profile: a readable CSS selector for the example's block and its
like siblings (learn.find_block), selecting them and nothing else where the page allows."""

from __future__ import annotations

from ..parsers.dates import looks_like_date_line
from .css_names import ancestor_names, compounds, exact_selector, shared_classes, valid
from .fields import HEADINGS
from .html import is_ancestor, select, text_of
from .learn import Block, _reach, _same_kind, follow
from .learn_cells import cell_rows_selector
from .learn_lines import line_starts
from .learn_titles import could_be_title


def entry_selector(root, block: Block) -> str:
    """The entry selector, kept to blocks holding a link where a few alike hold none (rows
    of meetings to come, not yet published; most hold one, and none an id): an entry needs an address."""
    selector = cell_rows_selector(block, _entry_selector(root, block))
    if block.flat or "," in selector or not valid(f"{selector}:has(a[href])"):
        return selector
    selected = select(root, selector)
    chosen = [el for el in selected if follow(el, block.path) is not None]
    # and rows holding no title nor link but a date alone (a year's heading row "2026" in a table of papers)
    unlinked = [el for el in selected if not _linked(el) and (el in chosen or _date_alone(el))]
    # A box with an id is addressed by it (listing#id): an entry without a link of its own; not one whose place
    # of the others' link is there, empty (a meeting's row before its agenda is out: no entry yet).
    linked = next((el for el in chosen if _linked(el)), None)
    waiting = linked is not None and all(_link_place_empty(el, linked) for el in unlinked)
    anchored = not waiting and any(e.get("id") for el in unlinked for e in el.iter())
    return (
        f"{selector}:has(a[href])"
        if unlinked and not anchored and len(unlinked) * 2 < len(set(chosen + unlinked))
        else selector
    )


def _date_alone(el) -> bool:
    text = text_of(el)
    return bool(text) and looks_like_date_line(text)


def _linked(el) -> bool:
    return any(a.get("href") for a in el.iter("a"))


def _link_place_empty(el, linked) -> bool:
    """A child of `el` alike (tag and classes) to a child of `linked` holding a link is there, and shows no words:
    the link's place, left empty."""
    places = {a for link in linked.iter("a") if link.get("href") for a in (link, *link.iterancestors())}
    for place in (c for c in linked if c in places):
        alike = [c for c in el if c.tag == place.tag and c.get("class") == place.get("class")]
        if len(alike) == 1 and not text_of(alike[0]):
            return True
    return False


def _entry_selector(root, block: Block) -> str:
    """A readable selector for the block and its like siblings: a shared class, else the
    parent's name and the tag, else a named ancestor and the tag."""
    node, members = block.node, block.members
    parent = node.getparent()
    own = [f"{node.tag}.{c}" for c in shared_classes(members)]
    if any(m.tag != node.tag for m in members):  # cards of the list's class on several tags
        own = [f".{c}" for c in shared_classes(members)]
    # Cards that are links, one of which links nowhere: the list's heading in a card's markup ("Seminars").
    if node.tag == "a" and node.get("href") and not all(m.get("href") for m in members):
        members = [m for m in members if m.get("href")]
        own = [f"{o}[href]" for o in [*own, node.tag]]
    # Siblings of another class that hold no title (date rows between entries) are left out by name.
    others = {c for s in parent if s.tag == node.tag and s not in members for c in shared_classes([s])}
    others -= {c for m in members for c in shared_classes([m])}
    if not own and 0 < len(others) <= _MAX_LEFT_OUT:
        own = [node.tag + "".join(f":not(.{c})" for c in sorted(others))]
    inside = [f"{p} > {o}" for p in compounds(parent) if p != parent.tag for o in [*own, node.tag]]
    named = ancestor_names(parent)
    within = [f"{p} {o}" for p in named for o in [*own, node.tag]]
    within += [f"{p} {parent.tag} > {o}" for p in named for o in [*own, node.tag]]
    if not parent.get("class"):  # a list of no class beside a classed one of buttons (a breadcrumb) in one box
        within += [f"{p} {parent.tag}:not([class]) > {o}" for p in named for o in [*own, node.tag]]
    candidates = own + inside + within + [node.tag]
    # A versioned class the members carry names them, alone: never a group of them (a list cut in tabs).
    if not shared_classes(members):
        candidates = _template_classes(node, members) + candidates
    candidates = line_starts(block, candidates) + candidates  # links opening lines, each followed by its files
    placed = [m for m in block.members if any(could_be_title(el) for el in _reach(m, block.path))]
    # A few boxes holding a link only elsewhere than the title's place, where most hold it there: maybe no entries.
    loose = 0 < 2 * (len(block.members) - len(placed)) < len(placed)
    found = loose and _by_marker(root, block, placed, candidates)
    found = found or exact_selector(root, members, candidates) or _by_marker(root, block, placed, candidates)
    if found:
        return found
    # Members in several lists alike (a list cut by month): the fewest elements holding them all,
    # each with a title at the same place.
    best = None
    for selector in dict.fromkeys(candidates + [_tag_path(node)]):
        chosen = set(select(root, selector)) if valid(selector) else set()
        holds_all = set(members) <= chosen and all(follow(el, block.path) is not None for el in chosen)
        if holds_all and (best is None or len(chosen) < len(best[1])):
            best = (selector, chosen)
    # The list by the path of its containers, where what else the page has alike is no more of it: a copy of
    # its cards (a filter column, a carousel) or a box of another kind. More entries alike (a column, a tab)
    # are the same list laid out in parts: read whole.
    fallback = best[0] if best else _tag_path(node)
    # boxes alike beside the entries holding no title at its place (a search header, a pager; each entry holding
    # boxes of its tag, so no shorter selector names the entries alone): left out by the title's marker
    marked = _by_marker(root, block, placed, [fallback])
    levels = [_placed(node, [*own, node.tag], ranked) for ranked in (False, True)]
    placed = exact_selector(root, members, levels[0] + levels[1])
    if placed and _no_more_entries(set(select(root, fallback)) - set(members), block):
        return placed
    return marked or _within_main(root, members, fallback)


def _by_marker(root, block: Block, placed: list, candidates: list[str]) -> str | None:
    """Boxes alike of which only the entries hold the title's heading or named line in place (an intro row, a
    closing button row, a search header): named by it ("div.row:has(h4)", "div:has(p.item-title)"). Not where many
    boxes left out hold one title-like link (a list carrying on as bare links): those are entries too."""
    for marker in _title_markers(block):
        for base in (c for c in candidates if "," not in c and valid(f"{c}:has({marker})")):
            selector = f"{base}:has({marker})"
            chosen = set(select(root, selector))
            if chosen != set(placed) and chosen != set(block.members):
                continue
            left_out = [el for el in select(root, base) if el not in chosen and _one_titled_link(el)]
            if 2 * len(left_out) < len(chosen):
                return selector
    return None


def _one_titled_link(el) -> bool:
    """An element holding one link that could be a title: an entry as a bare link (a box holding many is a menu)."""
    return sum(1 for a in el.iter("a") if a.get("href") and could_be_title(a)) == 1


def _title_markers(block: Block) -> list[str]:
    """The title's heading tag, else the nearest named element of the title's, from the title up to the block."""
    heading = next((t for t in block.path if t in HEADINGS), None)
    if heading:
        return [heading]
    for el in [block.title, *block.title.iterancestors()]:
        if el is block.node:
            break
        named = [c for c in compounds(el) if "." in c]
        if named:
            return named[:1]
    return []


def _no_more_entries(extra: set, block: Block) -> bool:
    """Every element of `extra` with a title at the example's place links where one of the members does, or
    shares no class with the example's block."""
    hrefs = {_href(m, block.path) for m in block.members} - {None}
    head = _table_head(block.node)
    return all(
        follow(el, block.path) is None
        or _href(el, block.path) in hrefs
        or not _same_kind(block.node, el)
        or _table_head(el) != head  # rows of a table with other column names: another list
        or _of_another_shape(el, block)
        for el in extra
    )


def _of_another_shape(el, block: Block) -> bool:
    """An element in a list of its own whose items are all made otherwise than the entries (`<li><img> --
    <a>reader</a></li>` under a list of `<li><a>2010 August</a></li>`): another list, not more entries."""
    parent = el.getparent()
    if parent is None or any(m.getparent() is parent for m in block.members):
        return False
    shapes = {_child_tags(m) for m in block.members}
    return not any(_child_tags(item) in shapes for item in parent if item.tag == el.tag)


def _child_tags(el) -> tuple:
    return tuple(c.tag for c in el if isinstance(c.tag, str))


def _table_head(el) -> str | None:
    """The column names of the table a row is in (its <thead>), None outside a table or without one."""
    table = next((a for a in el.iterancestors() if a.tag == "table"), None)
    thead = table.find("thead") if table is not None else None
    return " | ".join(thead.itertext()).strip() if thead is not None else None


def _href(el, path: list) -> str | None:
    """The link at the title's place, else the element's first link."""
    title = follow(el, path)
    link = title if title is not None and title.tag == "a" else None
    link = link if link is not None else next((a for a in el.iter("a") if a.get("href")), None)
    return link.get("href") if link is not None else None


def _within_main(root, members: list, selector: str) -> str:
    """The selector kept to the page's <main> when every member is in it and the selector also takes elements
    outside it (a footer's columns beside "div.row > div"): entries are the main content's."""
    main = next(iter(root.iter("main")), None)
    if main is None or not all(is_ancestor(main, m) for m in members) or not valid(f"main {selector}"):
        return selector
    outside = [el for el in select(root, selector) if not is_ancestor(main, el)]
    return f"main {selector}" if outside and "," not in selector else selector


def _template_classes(node, members: list) -> list[str]:
    """Classes with numbers that every member carries ("entry-intro_v007"): a template's name with
    its version, not an entry's own number (that differs from entry to entry)."""
    common = set.intersection(*[set((m.get("class") or "").split()) for m in members])
    return [s for c in (node.get("class") or "").split() if c in common for s in [f"{node.tag}.{c}"] if valid(s)]


def _placed(node, own: list[str], ranked: bool) -> list[str]:
    """The node by the path of its containers from a named ancestor ("div.container > div.row > div.card": a copy
    of the list elsewhere, in a "div.caption > div.row", is left out); `ranked`: an unnamed container by its rank
    among its siblings ("div.row > div:nth-of-type(1) > div.stack > div.card": the columns' only classes
    generated, "col-lg-7")."""
    steps, anc, found = [], node.getparent(), []
    while anc is not None and anc.tag not in ("body", "html") and len(steps) < _PLACED_LEVELS:
        names = [c for c in compounds(anc) if "." in c or "#" in c]
        found += [" > ".join([names[0], *steps, o]) for o in own] if names and steps else []
        parent = anc.getparent()
        alike = [s for s in parent if s.tag == anc.tag] if parent is not None else [anc]
        rank = f"{anc.tag}:nth-of-type({alike.index(anc) + 1})" if ranked and len(alike) > 1 else anc.tag
        steps.insert(0, names[0] if names else rank)
        anc = parent
    return found


_PLACED_LEVELS = 4  # unnamed containers between the entries and a named ancestor
_MAX_LEFT_OUT = 2  # classes named in :not(): more would make a selector nobody reads


def _tag_path(node) -> str:
    """The node's tags from the nearest named ancestor down ("div.news > ul > li")."""
    parts = [node.tag]
    for anc in node.iterancestors():
        names = [c for c in compounds(anc) if "#" in c or "." in c]
        parts.insert(0, names[0] if names else anc.tag)
        if names or anc.tag == "body":
            break
    return " > ".join(parts)
