"""Which list holds the examples: each place of the first example gives a block (learn.find_block and the lists
of other shapes, learn_more, learn_lines), ranked (content before a carousel, a sidebar or a menu, the list repeating
the example, the longest, the fullest) and kept where it holds every other example."""

from __future__ import annotations

import re

from .carousels import in_carousel
from .html import is_ancestor, text_of
from .learn import Block, LearnError, find_block, follow, title_elements
from .learn_date_lines import dated_line_elements
from .learn_lines import links_on_lines, with_lines_read_on
from .learn_missing import missing_example, quoted_elements
from .learn_more import entries_before_links, entries_of_groups, lead_block
from .learn_parts import parted_elements
from .learn_sections import with_sibling_sections

# Lists holding the example tried in turn, where the likelier one's profile does not read it back
# (a talk's name in a schedule table and again in the abstracts' headings below it, "Speaker: Name").
TRIES = 3

_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


def without_markup(example: str) -> str:
    """An example pasted from the page's source (`The <em>Big</em> Report`), its tags taken off."""
    return _TAG.sub("", example)


def blocks_of(root, examples: list[str]) -> list[Block]:
    """The first example's blocks that hold every other example, likeliest first."""
    located = []
    for example in examples:
        found = title_elements(root, example) or title_elements(root, without_markup(example))
        found = found or quoted_elements(root, example) or parted_elements(root, example)
        found = found or dated_line_elements(root, example)  # "<a><b>24. April</b></a><br>Title<br>…"
        if not found:
            raise LearnError(missing_example(root, example))
        located.append(found)
    places = located[0][:_MAX_PLACES]  # a title repeated a thousand times: each place tried made learn cubic
    options = _distinct([entries_of_groups(b) for b in map(_block_or_lead, places) if b is not None])
    options = options or _distinct([b for b in map(lead_block, places) if b is not None])
    options = options or [b for b in map(links_on_lines, places[:1]) if b is not None]  # links a paragraph's lines
    # "<a><b>10. September um 18 Uhr</b> Title</a><br>…": found in its date link, the line after the date in no list
    options = options or _distinct([b for b in map(find_block, dated_line_elements(root, examples[0])) if b])
    if not options:
        raise LearnError(
            f'example "{examples[0]}" is on the page but in no list: nothing around it repeats '
            "(give the title of an entry of the list you want)"
        )
    # The list whose entries repeat the example (every row of a committee's meetings named alike)
    # before a menu or list that holds it once; then content before a slider, a sidebar or what is outside the
    # page's <main>; the longest.
    options = [with_sibling_sections(with_lines_read_on(without_copies(b))) for b in options]
    outside = _outside_main(root, options)
    holders = {a for t in located[0] for a in (t, *t.iterancestors())}  # what holds a place of the example
    entries = {m: b.members for b in options for m in b.members}
    # On a tie, the list of fuller entries (articles with their dates and text, before a calendar's bare links), then
    # the place whose texts differ from entry to entry (a title, not a label every entry repeats: "OMatKo!!! XII").
    options.sort(
        key=lambda b: (
            in_carousel(b.node),  # a slider's slides repeat a few entries: the list wins
            _phone_only(b.node),  # a copy of the list laid out for phones: the one shown everywhere wins
            _in_sidebar(b),
            id(b) in outside,
            -_occurrences(b, holders, located[0], entries),
            -len(b.members),
            -_fullness(b),
            -len({text_of(follow(m, b.path)) for m in b.members}),
        )
    )
    holding = [block for block in options if _holds_all(block, located[1:])][:TRIES]
    if holding:
        return [entries_before_links(root, block) or block for block in holding]
    # The other examples sit elsewhere: in a like block of another list (a list cut in parts), or not.
    for block in options:
        for found in located[1:]:
            for other in filter(None, map(find_block, found)):
                if (other.node.tag, other.path) == (block.node.tag, block.path):
                    block.members = list(dict.fromkeys(block.members + other.members))
        if _holds_all(block, located[1:]):
            return [block]
    stray = next(i for i, found in enumerate(located[1:], 1) if not _holds_all(options[0], [found]))
    raise LearnError(
        f'example "{examples[stray]}" does not share a block structure with example "{examples[0]}": '
        "give titles from the same list"
    )


def _block_or_lead(place) -> Block | None:
    """The place's block; but where that block's example holds the list right after the example, a longer list than
    the block's (a front page's featured story over its teaser boxes, the block climbing to a wrapper of the page and
    its like), the example is that list's lead entry set apart (learn_more.lead_block)."""
    block = find_block(place)
    if block is None:
        return None
    lead = lead_block(place)
    inside = lead is not None and all(is_ancestor(block.node, m) for m in lead.members)
    return lead if inside and len(lead.members) > len(block.members) else block


def _phone_only(node) -> bool:
    """Whether `node` or one of its nearest wrappers is classed as shown on phones only (Bootstrap's "visible-phone",
    "d-md-none"; "…-mobile")."""
    nearest = (node, *list(node.iterancestors())[:_SIDEBAR_LEVELS])
    return any(_PHONE.search(el.get("class") or "") for el in nearest)


_PHONE = re.compile(r"\b(?:visible-(?:phone|xs)|d-(?:sm|md|lg)-none|hidden-(?:desktop|md|lg)|mobile(?:-only)?)\b")


def _fullness(block: Block) -> int:
    """How much the block's members show: their text, all told."""
    return sum(len(text_of(m) or "") for m in block.members)


def _in_sidebar(block: Block) -> bool:
    """A list in a sidebar or a footer (labels, recent posts): where the example is also
    in a list of the page's own content, that list is the one wanted. The page's <main> and what holds it are no
    sidebar, whatever their classes say (`<main class="has-parallax-footer">`)."""
    around = []
    for el in [block.node, *list(block.node.iterancestors())[:_SIDEBAR_LEVELS]]:
        if el.tag in ("body", "html", "main") or el.get("role") == "main":
            break
        around.append(el)
    return any(
        el.tag in ("aside", "footer", "nav", "select")  # a form's choices (a meeting filter) before a list
        or el.get("role") == "navigation"
        or _SIDEBAR.search(el.get("class") or "")
        or _MENU.search(f"{el.get('class') or ''} {el.get('id') or ''}")
        for el in around
    )


# A theme's sidebar boxes: "widget-area", "widget_recent_entries" (a bare "widget" can hold the posts: Blogger).
_SIDEBAR = re.compile(r"sidebar|footer|\baside\b|(?:^|\s)widget(?:-area|_)", re.IGNORECASE)
# The site's menus ("topmenus", "megamenu_column", "navbar"): the example's name there is a link to its page.
_MENU = re.compile(r"menu|\bnav(?:bar|igation)?\b", re.IGNORECASE)
_SIDEBAR_LEVELS = 6


def _outside_main(root, options: list[Block]) -> set[int]:
    """The ids of the lists outside the page's main content (<main>, role="main") where a list inside it shows twice
    as much an entry: a theme's panel of the newest posts as bare links beside the page's own full posts. A slideshow
    of teasers beside a grid of shorter ones in <main> is no such panel."""
    mains = [el for el in root.iter() if isinstance(el.tag, str) and (el.tag == "main" or el.get("role") == "main")]
    inside = {id(b): b for b in options if any(is_ancestor(main, b.node) for main in mains)}
    richest = max((_fullness(b) / len(b.members) for b in inside.values()), default=0)
    return {id(b) for b in options if id(b) not in inside and richest >= _FULLER * _fullness(b) / len(b.members) > 0}


_FULLER = 2  # times the text an entry of the list outside <main> shows


def _occurrences(block: Block, holders: set, places: list, entries: dict) -> int:
    """How many of the block's members hold a place of the example (`holders`: the places and their ancestors) as
    their own, not in an entry of another list they hold whole (`entries`: each list's members by member): a front
    page's section holding the example in a card of its grid does not repeat it (a hero repeating the newest post,
    then the grid). A row holding one cell of a list of cells spread over the rows holds the example as its own."""
    return sum(1 for m in block.members if m in holders and any(_holds_as_own(m, p, entries) for p in places))


def _holds_as_own(member, place, entries: dict) -> bool:
    """The place lies in `member`, in no entry of a list that `member` holds whole."""
    for el in (place, *place.iterancestors()):
        if el is member:
            return True
        if el in entries and el is not member and all(is_ancestor(member, other) for other in entries[el]):
            return False
    return False


# The places of an example tried as the start of a list: a page repeating one title in every row (a
# committee's meetings) needs a few, not each of its thousand rows.
_MAX_PLACES = 50


def _link_at(member, path: list) -> str | None:
    title = follow(member, path)
    link = title if title is None or title.tag == "a" else next(iter(title.iter("a")), None)
    return link.get("href") if link is not None else None


def without_copies(block: Block) -> Block:
    """A group of the block's members (under one parent) smaller than another and whose every entry links
    where one of the other groups' does (the newest story shown again above the list) is a copy, not part
    of the list: it is left out, and the example is read in the list."""
    groups: dict = {}
    for member in block.members:
        groups.setdefault(member.getparent(), []).append(member)
    if len(groups) < 2 or block.flat:
        return block
    links = {m: _link_at(m, block.path) for m in block.members}
    largest = max(len(g) for g in groups.values())
    copies = set()
    for parent, group in groups.items():
        others = {links[m] for m in block.members if m.getparent() is not parent}
        if len(group) < largest and all(links[m] and links[m] in others for m in group):
            copies.update(group)
    kept = [m for m in block.members if m not in copies]
    if not copies or len(kept) < 2:
        return block
    if block.node in copies:
        node = next((m for m in kept if links[m] == links[block.node]), None)
        if node is None:  # two copies of the example copy each other, and the list has it not: all are kept
            return block
        block.node, block.title = node, follow(node, block.path)
    block.members = kept
    return block


def _distinct(blocks: list[Block]) -> list[Block]:
    """One block for each list: the places of a title repeated in every row all find the same one."""
    seen, out = set(), []
    for block in blocks:
        key = (tuple(block.path), tuple(block.members[:1]), len(block.members), block.flat)
        if key not in seen:
            seen.add(key)
            out.append(block)
    return out


def _holds_all(block: Block, located: list) -> bool:
    return all(any(is_ancestor(m, t) for m in block.members for t in found) for found in located)
