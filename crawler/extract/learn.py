"""Learning a site profile from example titles (`listing-archive learn`).

Where an example title sits gives the entry block: the ancestor of the title whose siblings of
the same tag hold a title at the same place, most of them. Selectors for the block and for each
field inside it (learn_fields) are then chosen among readable candidates by what they select on
the page itself. Pure page -> profile logic: no network, no Scrapy."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

from ..parsers.datelines import date_in_line
from ..parsers.text import as_shown, without_format_marks
from .css_names import shared_classes, stable_classes
from .edge_dates import SEPARATORS, without_edge_date
from .fields import HEADINGS
from .html import INLINE, is_ancestor, text_of
from .lead_text import lead_split
from .learn_errors import LearnError
from .learn_titles import _one_row, _signature, _titles_inside, could_be_title, several_headed, title_like
from .pointer_words import text_before_pointer


@dataclass
class Block:
    """An example's entry block: its node, the title inside it, and its like siblings."""

    node: object
    title: object
    path: list  # tags from the node down to the title
    members: list  # the node and its siblings that hold a title at the same place
    flat: bool = False
    runs: dict = field(default_factory=dict)  # member -> its elements (flat: with the siblings after it)
    lead: object = None  # a lead entry set apart above the list, in markup of its own (the example's)


# Single quotes plain (an apostrophe is part of a word); double quotes of any kind dropped: a title
# typed without the page's quotes ("The Big Report") is the title shown with them ("The “Big” Report").
_QUOTES = str.maketrans({"‘": "'", "’": "'", "–": "-", "—": "-", "\xa0": " "} | dict.fromkeys('"“”„«»'))


def normal(text: str | None) -> str:
    """Text as examples are compared: entities read, as a terminal shows it (no escape sequence, control or bidi
    override: a title copied from `parse` lacks them), no invisible mark (`&lrm;`, a BOM), Unicode compatibility
    forms, single quotes and dashes plain, double quotes dropped, case folded, white space collapsed."""
    text = without_format_marks(as_shown(html.unescape(text or "")))
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(text.casefold().split())


def _matches(text: str, wanted: str) -> int:
    """2 for the same text, 1 for the text with a short part before or after the example
    ("06 Dec 2023 ACT Annual Conference": a date, a kicker, a label), 0 otherwise."""
    if text == wanted:
        return 2
    if len(text) > 2 * len(wanted):
        return 0
    if text.endswith(wanted) and not text[-len(wanted) - 1].isalnum():
        return 1
    if text.startswith(wanted) and not text[len(wanted)].isalnum():
        return 1
    return 0


def cut_short(text: str, wanted: str) -> bool:
    """A title the page cuts short ("A long title that…", 20 characters left at least), given whole
    (normal texts): tried where nothing else matches."""
    stem = text.removesuffix("...").removesuffix("…").rstrip()
    return stem != text and len(stem) >= 20 and wanted.startswith(stem)


def same_title(read: str | None, example: str | None) -> bool:
    """A title read back as the example, or as it with a short part before or after trimmed."""
    a, b = normal(read), normal(example)
    return bool(a and b) and bool(_matches(a, b) or _matches(b, a))


def title_elements(root, example: str) -> list:
    """The innermost elements of the page's body whose text is the example, the exact matches if
    any (and the example with a short part where it repeats so); an element inside a link of the
    same text is that link."""
    wanted = normal(example)
    if not wanted:
        raise LearnError("an example title is empty")
    body = root.find("body") if root.tag == "html" else root
    found = {2: [], 1: [], 0: []}  # 0: cut short
    for el in (body if body is not None else root).iter():
        if not isinstance(el.tag, str):
            continue
        raw = text_of(el) or ""
        lead = lead_split(el) if len(el) and len(raw) > len(example) else None  # a card's words before its lines
        if lead is not None and _matches(normal(lead[0]), wanted) == 2:
            found[2].append(el)
            continue
        if len(raw) > 3 * len(example) + 40:
            if len(el) and normal(_words_before_dash(el)) == wanted:
                found[1].append(el)  # "#67 Unplugged -<span>date</span> <span>@ a long address</span>"
            continue  # far too long to be the example (cheap test first)
        score = _matches(normal(raw), wanted)
        if score < 2 and len(el):
            # "Annual Plan 2021 <a>... Read</a>": the name in plain text, its only link a pointer (exact);
            # "JMM Report 2019<br><span>( Release Date :24/06/2020 )</span>": the title, a date beside it
            score = max(score, _matches(normal(text_before_pointer(el)), wanted))
            score = score or min(1, _matches(normal(_text_without_dates(el)), wanted))
        if not score and normal(without_edge_date(raw)) == wanted:
            score = 1  # "Council Meeting - April 8, 2026" for "Council Meeting": the date at its edge is no title
        if not score and len(el) and normal(_words_before_dash(el)) == wanted:
            score = 1  # "Dojo #131 - <span>4 juli 2026</span> <span>@ place</span>": the words before the dash
        if score or cut_short(normal(raw), wanted):
            found[score].append(el)
    best = found[2] or found[1] or found[0]
    if found[2] and len(found[1]) >= _REPEATS:
        best = found[2] + found[1]  # the page's heading, and its list of "Audit Committee - 12/14/23" rows
    inner = [el for el in best if not any(d in best for d in el.iterdescendants())]
    return list(dict.fromkeys(_as_link(el) for el in inner))


def _words_before_dash(el) -> str:
    """An element's own words before its first child, when a dash or bar closes them ("Name -<span>date</span>")."""
    words = (el.text or "").strip()
    return words.rstrip(f" {SEPARATORS}") if words[-1:] and words[-1] in SEPARATORS else ""


_REPEATS = 2  # the example with a short part (a date) this often: a list of it (meetings), tried too


def _text_without_dates(el) -> str:
    """The element's text but for the elements inside it that show a date."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and not date_in_line(text_of(child)):
            parts.append(_text_without_dates(child))
        parts.append(child.tail or "")
    return " ".join(parts)


def _as_link(el):
    for anc in el.iterancestors():
        if anc.tag == "a":
            return anc if normal(text_of(anc)) == normal(text_of(el)) else el
        if anc.tag not in INLINE:
            break
    return el


def _reach(node, path: list):
    """Every element under `node` reached by `path` (tags, one per level), in page order."""
    if not path:
        yield node
        return
    for child in node:
        if child.tag == path[0]:
            yield from _reach(child, path[1:])


def follow(node, path: list):
    """The first element under `node` reached by `path` whose text can be a title, else None;
    else one of the path's last tag anywhere under its first step (a <span> more or less)."""
    found = next((el for el in _reach(node, path) if could_be_title(el)), None)
    if found is None and len(path) > 1:
        loose = (el for child in node if child.tag == path[0] for el in child.iter(path[-1]))
        found = next((el for el in loose if could_be_title(el)), None)
    return found


def find_block(title) -> Block | None:
    """The title's entry block: of its ancestors below one that holds several titles, the one
    whose parent holds the most siblings of its tag with a title at the same place (the lowest
    on a tie); None when no ancestor has such a sibling."""
    best, path, levels = None, [], []
    node = title
    while node.getparent() is not None and node.getparent().tag not in ("html",):
        parent = node.getparent()
        if node is not title or node.tag not in INLINE or _wraps_a_card(node):
            if node.tag == "body" or (_titles_inside(node, title) > 1 and not _one_row(node, title)):
                break  # this holds several entries: the block lies below
            members = _of_its_kind(node, [s for s in parent if s.tag == node.tag and follow(s, path) is not None])
            if sum(1 for m in members if _holds_entries(m, title, path)) > _GROUPS_SHARE * len(members):
                break  # like siblings holding several titles each: lists, not entries (a first entry set apart)
            if node not in members:
                members.append(node)
            levels.append(Block(node=node, title=title, path=list(path), members=[node]))
            if (best is None or len(members) > len(best.members)) and not _column_cell(node, path):
                best = Block(node=node, title=title, path=list(path), members=members)
        path.insert(0, node.tag)
        node = parent
    if best is None or len(best.members) < 2:
        named = _named_block(title)
        if named is not None or best is None:
            return named
        # a group holding one entry, of a list cut in groups (a year's table): the highest level alike in most groups
        for level in levels:
            level.members = _alone_in_its_group(level)
        best = max(reversed(levels), key=lambda level: len(level.members))
        if len(best.members) < 2:
            return None
    # Siblings of classes all different (a first entry's box, then rows): blocks named by a class
    # they share, when there are as many, are the entries.
    mixed = not shared_classes(best.members) and all(stable_classes(m) for m in best.members)
    named = _named_block(title) if mixed else None
    if named is not None and len(named.members) >= len(best.members):
        return named
    best.members = _with_columns(best)
    best.members = _with_like_groups(best)
    return best


def _column_cell(node, path: list) -> bool:
    """A table cell beside cells whose links say the same in the next row ("Meeting details", "Agenda"): a column
    of the table, its row the entry. A calendar's days, each holding its own events, are no such cells."""
    row = node.getparent()
    if node.tag not in ("td", "th") or row.tag != "tr":
        return False
    cells = [c for c in row if c.tag == node.tag]
    below = next((r for r in row.itersiblings() if r.tag == "tr" and len(r) == len(row)), None)
    if below is None:
        return False
    read = [
        (follow(a, path), follow(b, path)) for a, b in zip(cells, [c for c in below if c.tag == node.tag], strict=False)
    ]
    beside = [(a, b) for (a, b), cell in zip(read, cells, strict=False) if a is not None and cell is not node]
    labels = sum(1 for a, b in beside if b is not None and text_of(a) == text_of(b))
    return bool(beside) and labels * 2 > len(beside)


def _wraps_a_card(title) -> bool:
    """<a class="card">Title words<div>authors</div><div>date</div></a>: a link that is the whole card is its block."""
    return any(isinstance(child.tag, str) and child.tag not in INLINE for child in title)


def _of_its_kind(node, members: list) -> list:
    """The members sharing a class with the node, where most do: a "more news" box after the
    entries, of another class, is no entry even with a link at the title's place."""
    kin = [m for m in members if m is node or _same_kind(node, m)]
    return kin if len(kin) >= 2 and len(kin) >= _KIN_SHARE * len(members) else members


def _same_kind(node, el) -> bool:
    """An element sharing a class with the node, or any element where the node has none."""
    classes = set((node.get("class") or "").split())
    return not classes or bool(classes & set((el.get("class") or "").split()))


_KIN_SHARE = 0.8

# Like siblings of which this share hold several titles each are groups of entries, not entries.
_GROUPS_SHARE = 0.2


def _holds_entries(node, title, path: list) -> bool:
    """Several titles like the example's, or several children of the entry's tag each headed by
    a title (a list of <article><h2> beside a featured <article><h1> set apart)."""
    if _titles_inside(node, title) > 1 and not _one_row(node, title):
        return True
    return bool(path) and several_headed(node, path[0])


def _headed(el) -> bool:
    return any(title_like(h) for h in el.iter(*HEADINGS))


def _with_like_groups(block: Block) -> list:
    """The members, and the elements like them (their classes, a title at the same place) in
    containers like theirs (parent and grandparent of the same tags and classes): one list cut
    into groups (by day, by month; a first entry set apart). Another list of the page sits in
    containers of its own, and stays out."""
    # "itemContainer itemContainerLast": a group of one column has every member last; the others do not.
    classes = {c for c in shared_classes(block.members) if not _POSITIONAL.search(c)}
    if not classes:
        return block.members
    node, root = block.node, block.node.getroottree().getroot()
    around = _containers(node)
    extra = [
        el
        for el in root.iter(node.tag)
        if classes <= set(stable_classes(el)) and _containers(el) == around and follow(el, block.path) is not None
    ]
    position = {el: i for i, el in enumerate(root.iter())}
    return sorted(dict.fromkeys(block.members + extra), key=position.__getitem__)


def _alone_in_its_group(block: Block) -> list:
    """The example alone in its group (a month holding one event): the elements of its tag and
    classes in containers like its own (parent and grandparent alike, a title at the same place)."""
    node, root = block.node, block.node.getroottree().getroot()
    around, signature = _containers(node), _signature(node)
    like = [
        el
        for el in root.iter(node.tag)
        if _signature(el) == signature and _containers(el) == around and follow(el, block.path) is not None
    ]
    return like if node in like and len({el.getparent() for el in like}) > 1 else [node]


# A class naming a place in a row or a list, joined to a name ("itemContainerLast", "post-odd").
_POSITIONAL = re.compile(r"(?:[-_](?:first|last|odd|even|alt)|(?:First|Last|Odd|Even|Alt))$")


def _containers(el) -> tuple:
    parent = el.getparent()
    grand = parent.getparent() if parent is not None else None
    return tuple(_signature(p) if p is not None else None for p in (parent, grand))


def _with_columns(block: Block) -> list:
    """The members, and their like in the columns beside their list: the same list laid out in
    columns (adjacent siblings of the list's container, or of a wrapper the container alone
    fills, sharing one of its classes: "news twocol" beside "blog twocol"); a list elsewhere on
    the page (a homepage's other lists) is not a column."""
    parent, members = block.node.getparent(), list(block.members)
    column, depth = parent, 0
    while depth <= _MAX_WRAPPERS:
        members += _column_members(block, column, depth)
        up = column.getparent()
        if up is None or up.tag in ("body", "html") or _element_children(up) != [column]:
            break
        column, depth = up, depth + 1
    top = parent.getparent()
    while top is not None and not all(is_ancestor(top, m) for m in members):
        top = top.getparent()
    position = {el: i for i, el in enumerate(top.iter())} if top is not None else {}
    return sorted(dict.fromkeys(members), key=lambda m: position.get(m, 0))


_MAX_WRAPPERS = 2  # wrappers (<div class="inner">) between a column and its list, climbed through


def _element_children(el) -> list:
    return [c for c in el if isinstance(c.tag, str)]


def _column_members(block: Block, column, depth: int) -> list:
    """The blocks like the example's in the columns adjacent to `column` that share a class with
    it, reached through `depth` wrappers each filled by one element."""
    classes, found = set(shared_classes([column])), []
    kind = set(shared_classes(block.members))  # a column's blocks share half their classes or the list's
    for step in ("getprevious", "getnext"):
        other = getattr(column, step)()
        while other is not None and other.tag == column.tag and classes & set(shared_classes([other])):
            inner = other
            for _ in range(depth):
                only = _element_children(inner)
                inner = only[0] if len(only) == 1 else None
                if inner is None:
                    break
            if inner is not None:
                found += [
                    c
                    for c in inner
                    if c.tag == block.node.tag
                    and _same_kind(block.node, c)
                    and 2 * len(kind & set(stable_classes(c))) >= min(len(kind), len(stable_classes(c)))
                    and follow(c, block.path) is not None
                ]
            other = getattr(other, step)()
    return found


def _named_block(title) -> Block | None:
    """No ancestor of the title has like siblings (a first entry set apart, entries one a row):
    the ancestor whose tag and classes the most elements of the page share, each with a title
    at the same place (the highest on a tie: the whole entry, not its heading)."""
    best, path = None, []
    root = title.getroottree().getroot()
    for node in (title, *title.iterancestors()):
        if node.tag in ("body", "html") or (node is not title and _titles_inside(node, title) > 1):
            break
        classes = (node.get("class") or "").split()
        if classes and (node is not title or node.tag not in INLINE):
            alike = [el for el in root.iter(node.tag) if (el.get("class") or "").split() == classes]
            members = [el for el in alike if el is node or follow(el, path) is not None]
            if any(_titles_inside(m, title) > 1 for m in members):
                members = []  # groups of entries (a month's list), not entries
            if len(members) < 2 and _headed(node):
                members = _headed_alike(node)
            if len(members) >= 2 and (best is None or len(members) >= len(best.members)):
                best = Block(node=node, title=title, path=list(path), members=members)
        path.insert(0, node.tag)
    return best


def _headed_alike(node) -> list:
    """A featured entry set apart (its own container, its own heading level, a class more): it
    and the largest set of siblings elsewhere of its tag, sharing a class with it, each headed
    by a title."""
    classes = set(stable_classes(node))
    groups: dict = {}
    for el in node.getroottree().getroot().iter(node.tag):
        if el is not node and classes & set(stable_classes(el)) and _headed(el):
            groups.setdefault(el.getparent(), []).append(el)
    group = max(groups.values(), key=len, default=[])
    if len(group) < 2:
        return [node]
    position = {el: i for i, el in enumerate(node.getroottree().getroot().iter())}
    return sorted([node, *group], key=position.__getitem__)
