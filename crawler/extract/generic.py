"""The generic extractor: the repeated entry blocks of a page's main listing, found by
structure and content (never by class names), with their group headings."""

from __future__ import annotations

import re
from collections import defaultdict

from ..parsers.groups import looks_like_group_heading
from ..parsers.dates import date_in_line
from .fields import HEADINGS, fill_entry, find_title, is_more_link, walk
from .html import is_ancestor, tag, text_of
from .raw import RawEntry

_CHROME_TAGS = {"nav", "aside", "form", "menu"}
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search"}
_CONTENT_TAGS = {"article", "section", "main"}
_LISTS = {"ol", "ul", "dl", "table", "tbody"}
# Ids and classes that name site chrome are a weaker hint than tags, used only to
# leave blocks out (never to find entries), and only outside the page's content.
_CHROME_NAMES = re.compile(r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|megamenu|footer|header|breadcrumbs?|sidebar|cookie|share|social|skip)(?:$|[\s_-])", re.I)


def _in_boilerplate(el) -> bool:
    """Inside site chrome: navigation, sidebars, forms anywhere; a header or footer (by
    tag, or by an id or class naming one) only outside <article>, <section> or <main>,
    where it belongs to the content."""
    node = el
    while node is not None:
        if tag(node) in _CHROME_TAGS or (node.get("role") or "") in _CHROME_ROLES:
            return True
        outside_content = not any(tag(a) in _CONTENT_TAGS for a in node.iterancestors())
        if outside_content and tag(node) not in ("html", "body") and (
            tag(node) in ("header", "footer") or _CHROME_NAMES.search(f"{node.get('id') or ''} {node.get('class') or ''}")
        ):
            return True
        node = node.getparent()
    return False


def _title_links(root):
    """Links that read like entry titles: a few words, outside navigation."""
    out = []
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        text = text_of(a) or ""
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        in_heading = any(tag(x) in HEADINGS for x in a.iterancestors())
        if not text or _in_boilerplate(a) or date_in_line(text):
            continue  # a linked date ("May 3, 2023" to an archive page) is not a title
        if in_heading or is_more_link(text) or (len(text) >= 12 and len(text.split()) >= 2):
            out.append(a)
    return out


def _blocks(root) -> list:
    """Each title link climbs to the largest ancestor holding no other entry's title."""
    links = _title_links(root)
    hrefs_under: dict = defaultdict(set)  # keyed by element: keeps lxml's proxies alive
    for a in links:
        el = a
        while el is not None:
            hrefs_under[el].add(a.get("href"))
            el = el.getparent()
    blocks = []
    for a in links:
        block = a
        parent = block.getparent()
        while parent is not None and tag(parent) not in ("body", "main", "html") and len(hrefs_under[parent]) == 1:
            block, parent = parent, parent.getparent()
        if not any(b is block for b in blocks):
            blocks.append(block)
    return blocks


def _signature(block):
    parent = block.getparent()
    return (tag(block), " ".join(sorted((block.get("class") or "").split())), tag(parent) if parent is not None else "")


def _score(members) -> float:
    """How much an entry (its elements) looks like a listing entry: a title of some
    words, and text beside it (a date, a description) rather than a bare link."""
    text = " ".join(filter(None, (text_of(m) for m in members)))
    title = find_title(members)
    title_len = len(text_of(title) or "") if title is not None else 0
    extra = len(text) - title_len
    return min(title_len / 40, 1.5) + (2.0 if extra > 40 else 1.0 if extra > 8 else 0)


def _group_score(blocks) -> float:
    scores = [_score(_expand_flat(b, blocks)) for b in blocks]
    with_text = sum(1 for s in scores if s > 1.5)
    # A group of bare links (a menu, a tag cloud) counts for less than entries with text.
    factor = 1.0 if with_text >= 0.3 * len(scores) else 0.4
    return factor * sum(scores)


def _expand_flat(block, all_blocks):
    """In a flat layout (<h4><a/></h4><p>date</p><p>text</p><h4>...) an entry is its
    heading plus the siblings up to the next entry or group heading."""
    members = [block]
    if tag(block) not in HEADINGS + ("a", "dt", "strong", "b"):
        return members
    sib = block.getnext()
    while sib is not None:
        if any(b is sib or is_ancestor(sib, b) for b in all_blocks):
            break
        if tag(sib) in HEADINGS or tag(sib) == "hr" or looks_like_group_heading(text_of(sib)) and tag(sib) not in ("p", "span", "time", "dd"):
            break
        members.append(sib)
        sib = sib.getnext()
    return members


def find_entries(root, page_title_el=None) -> list[tuple[list, str | None, int]]:
    """Return (block elements, group heading, position) for every entry, in page order."""
    blocks = _blocks(root)
    if not blocks:
        return []
    by_sig: dict[tuple, list] = defaultdict(list)
    for b in blocks:
        by_sig[_signature(b)].append(b)
    best_sig, best = max(by_sig.items(), key=lambda kv: _group_score(kv[1]))
    # A group of one entry climbs too far (to its own <dl> or grid): take the
    # element inside it that has the winning shape.
    chosen = []
    for b in blocks:
        if _signature(b) == best_sig:
            chosen.append(b)
            continue
        inner = next((d for d in b.iterdescendants() if _signature(d) == best_sig), None)
        if inner is not None:
            chosen.append(inner)
    members = [_expand_flat(b, chosen) for b in chosen]
    return assign_groups(chosen, members, page_title_el)


def _lca(elements):
    paths = []
    for el in elements:
        path = []
        while el is not None:
            path.append(el)
            el = el.getparent()
        paths.append(path[::-1])
    common = None
    for nodes in zip(*paths):
        if all(n is nodes[0] for n in nodes):
            common = nodes[0]
        else:
            break
    return common


def assign_groups(blocks, members, page_title_el=None):
    container = _lca(blocks) if len(blocks) > 1 else blocks[0].getparent()
    # Widen to take in the group heading written just before the list.
    while container is not None and container.getparent() is not None and (
        tag(container) in _LISTS | {"li", "tr"} or _heading_before(container)
    ):
        container = container.getparent()
    block_index = {b: i for i, b in enumerate(blocks)}
    member_els = {el for group in members for m in group for el in m.iter()}
    group, position, last_parent = None, 0, None
    out = []
    for el in container.iter():
        if el in block_index:
            parent = el.getparent()
            if last_parent is not None and parent is not last_parent and tag(parent) in _LISTS:
                position = 0  # a new list: numbering restarts
            last_parent = parent
            position += 1
            out.append((members[block_index[el]], group, position))
            continue
        if el in member_els or el is page_title_el or tag(el) == "h1":
            continue
        if _is_group_heading(el):
            group = text_of(el)
            position, last_parent = 0, None
    return out


def _heading_before(el) -> bool:
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    return prev is not None and tag(prev) != "h1" and _is_group_heading(prev)


def _is_group_heading(el) -> bool:
    if tag(el) in HEADINGS:
        return not any(a.get("href") for a in el.iter("a"))
    if tag(el) == "th":
        return not any(a.get("href") for a in el.iter("a"))
    if tag(el) in ("p", "div", "span", "strong", "li", "dt", "caption", "td"):
        text = text_of(el)
        return bool(text) and not any(tag(c) in ("p", "div") for c in el.iterdescendants()) and looks_like_group_heading(text)
    return False


def extract_generic(root) -> list[RawEntry]:
    entries = []
    for elements, group, position in find_entries(root):
        title_el = find_title(elements)
        href = title_el.get("href") if title_el is not None else None
        used = [title_el]
        if title_el is not None and is_more_link(text_of(title_el)):
            # A card whose only link is "Read more": the title is its heading.
            heading = next((el for el in walk(elements) if tag(el) in HEADINGS and text_of(el)), None)
            if heading is not None:
                title_el = heading
                used.append(heading)
        entry = RawEntry(title=text_of(title_el), href=href, group=group, position=position)
        entries.append(fill_entry(elements, entry, used))
    return entries

