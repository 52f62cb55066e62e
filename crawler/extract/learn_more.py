"""Lists whose entries do not all look alike. A list that changes shape part-way: a few full
entries, then the rest as bare links ("More articles ...": one link an item, into the same section
of the site as the entries). A lead entry set apart above the list, in markup of its own. The
example shows one shape; these rules find the other."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..parsers.ids import join_url
from .css_names import ancestor_names, compounds, exact_selector, valid
from .fields import HEADINGS
from .html import INLINE, is_ancestor, select, text_of
from .learn import Block, _alone_in_its_group, _column_cell, find_block
from .learn_titles import _titles_inside, title_like


def continuation_selector(root, members: list) -> str | None:
    """A selector for the items of a list of bare links that carries on the entries' list (after
    the last entry, in the entries' container, every link into the entries' section); None if none."""
    base = root.getroottree().docinfo.URL or ""
    hrefs = [_first_href(m, base) for m in members]
    section = _section(hrefs)
    top = _common_ancestor(members)
    if section is None or top is None:
        return None
    order = {el: i for i, el in enumerate(top.iter())}
    last = order[members[-1]]
    for found in top.iter("ul", "ol"):
        if order[found] < last or any(is_ancestor(m, found) for m in members):
            continue
        items = [li for li in found if li.tag == "li"]
        links = [_only_link(li) for li in items]
        if len(items) < _MIN_ITEMS or any(a is None for a in links):
            continue
        depths = {_depth(h) for h in hrefs}
        targets = [join_url(base, a.get("href")) for a in links]
        # into the entries' section, as deep as an entry's link (a pager's or a category's link is not)
        if all((_directory(t) or "").startswith(section) and _depth(t) in depths for t in targets):
            names = [c for c in compounds(found) if "." in c or "#" in c] + ancestor_names(found, levels=2)
            return exact_selector(root, items, [f"{name} > li" for name in names[:1]] + [f"{n} li" for n in names])
    return None


_MIN_ITEMS = 3  # fewer: a pair of older/newer links, not a list


def _only_link(li):
    """The item's one link, when it is a title (more than a word, not "Read more")."""
    links = [a for a in li.iter("a") if a.get("href")]
    return links[0] if len(links) == 1 and title_like(links[0]) and text_of(li) == text_of(links[0]) else None


def _depth(url: str | None) -> tuple[int, bool]:
    """How deep an address's path goes, and whether it names a folder ("/news/golf/") or a page."""
    path = urlsplit(url or "").path
    return len([part for part in path.split("/") if part]), path.endswith("/")


def _first_href(member, base: str) -> str | None:
    a = next((a for a in member.iter("a") if a.get("href")), None)
    return join_url(base, a.get("href")) if a is not None else None


def _directory(url: str | None) -> str | None:
    """The address up to its path's last "/" ("https://x.org/news/sport/")."""
    if not url:
        return None
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path.rsplit('/', 1)[0]}/"


def _section(urls: list) -> str | None:
    """The longest directory every entry's link lies in, below the site's root; None if none."""
    folders = [_directory(u) for u in urls]
    if not folders or None in folders:
        return None
    split = [f.rstrip("/").split("/") for f in folders]
    common = []
    for parts in zip(*split, strict=False):
        if len(set(parts)) > 1:
            break
        common.append(parts[0])
    # scheme, "", host, then at least one folder
    return "/".join(common) + "/" if len([p for p in common[3:] if p]) >= 1 else None


def _common_ancestor(members: list):
    top = members[0].getparent() if members else None
    while top is not None and not all(is_ancestor(top, m) for m in members):
        top = top.getparent()
    return top


def lead_block(title) -> Block | None:
    """The example in no list of its own: a lead entry set apart above the list, in markup of its
    own. The list is the one right after it whose entries are headed by a title; the lead (the
    example's container beside that list) is read as its first entry."""
    node = title
    for _ in range(_LEAD_LEVELS):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        heading = next((h for s in node.itersiblings() if isinstance(s.tag, str) for h in s.iter(*HEADINGS)), None)
        link = next((a for a in heading.iter("a") if a.get("href")), None) if heading is not None else None
        if link is not None and title_like(link):
            block = find_block(link)
            if block is None or len(block.members) < _MIN_LIST or any(is_ancestor(m, title) for m in block.members):
                return None
            block.lead = node
            return block
        node = parent
    return None


_LEAD_LEVELS = 4  # from the example's title up to the container it shares with the list
_MIN_LIST = 2


def lead_selector(root, lead) -> str | None:
    """A selector for the lead entry alone: its name, or its parent's and its own."""
    # a class naming a state elsewhere ("featured") names the lead set apart: it is always the featured one
    marked = [f"{lead.tag}.{c}" for c in (lead.get("class") or "").split() if valid(f"{lead.tag}.{c}")]
    own = list(dict.fromkeys(compounds(lead) + marked))
    parent = lead.getparent()
    around = [f"{p} > {o}" for p in compounds(parent) for o in own] if parent is not None else []
    return exact_selector(root, [lead], [o for o in own if o != lead.tag] + around)


def entries_before_links(root, block: Block) -> Block | None:
    """The example among bare links that carry on a list of full entries above them: the block of
    those entries (their fields are the ones to learn), when the links carry their list on."""
    if not all(_only_link(m) is not None for m in block.members if m.tag == "li") or block.node.tag != "li":
        return None
    links_list = block.node.getparent()
    top = links_list
    for _ in range(_LEAD_LEVELS):
        top = top.getparent() if top is not None else None
        if top is None or top.tag in ("body", "html"):
            return None
        order = {el: i for i, el in enumerate(top.iter())}
        headings = [h for h in top.iter(*HEADINGS) if order[h] < order[links_list]]
        links = [a for h in headings[::-1] for a in h.iter("a") if a.get("href") and title_like(a)]
        full = find_block(links[0]) if links else None
        if full is not None and len(full.members) >= _MIN_LIST:
            more = continuation_selector(root, full.members)
            return full if more and block.node in select(root, more) else None
    return None


def entries_of_groups(block: Block) -> Block:
    """Blocks some of which hold several titles like the example's (a calendar's days, one of them
    holding two meetings): those are groups, and the entries lie below them. The highest level
    below the block whose like elements, in containers alike, each hold one title; else the block."""
    several = [m for m in block.members if _titles_inside(m, block.title) > 1]
    if not several or _in_column(block) or all(_one_link(m) for m in several):
        return block  # a row whose source line is set as a second heading, one link for both, is one entry
    node, path, levels = block.title, [], []
    while node is not None and node is not block.node:
        levels.append((node, list(path)))
        path.insert(0, node.tag)
        node = node.getparent()
    for node, path in reversed(levels):
        if node is block.title and node.tag in INLINE:
            continue  # <p>date<br><a>Story (part 1)</a> <a>(part 2)</a></p>: parts of one line, not entries
        if node.tag in ("td", "th") and block.node.tag == "tr":
            continue  # a row's cells are its columns (a status "Placed on File" beside the title), not entries
        lower = Block(node=node, title=block.title, path=path, members=[node])
        members = _alone_in_its_group(lower)
        if len(members) > len(block.members) and not any(_titles_inside(m, block.title) > 1 for m in members):
            lower.members = members
            return lower
    return block


def _in_column(block: Block) -> bool:
    """The title in a column of a table whose rows are the entries: its row's "Meeting details" link cell, the
    same in every row, is no second title, and the row is one entry, not a group."""
    path, node = [], block.title
    while node is not None and node.getparent() is not block.node:
        path.insert(0, node.tag)
        node = node.getparent()
    return block.node.tag == "tr" and node is not None and _column_cell(node, path)


def _one_link(member) -> bool:
    """A block linking one address at most: one entry, however many headings it sets (a calendar's day holding two
    meetings links each)."""
    return len({a.get("href") for a in member.iter("a") if a.get("href")}) <= 1
