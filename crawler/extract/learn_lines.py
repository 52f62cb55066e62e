"""Entries that are bare lines (`<p>`, `<li>` of no class) whose list reads on past their parent: the page's
leftover wrappers (a document pasted as HTML, columns closed and opened again) cut one list of lines into
containers of their own. The lines read one after another, with nothing else between them, are one list."""

from __future__ import annotations

from ..parsers.datelines import date_in_line
from .fields import HEADINGS
from .html import INLINE, text_of
from .learn import Block, follow
from .learn_titles import could_be_title
from .line_files import line_file_links

# Tags that make a line of their own on the page: what stands between two entries' lines ends the list.
_LINES = frozenset(("p", "li", "dt", "dd", "tr", "blockquote", "pre", *HEADINGS))
_BARE_LINES = ("p", "li")
_LANDMARKS = frozenset(("nav", "header", "footer", "aside", "main", "form", "section", "article"))


def with_lines_read_on(block: Block) -> Block:
    """The block with the lines like its members (same tag, no class, the same children, a title at the same
    place and a date beside it) that read on from them in page order, where only wrappers' edges (no line, no
    words, no landmark's edge: a menu, the main part) stand between."""
    node = block.node
    if block.flat or node.tag not in _BARE_LINES or any(m.get("class") for m in block.members):
        return block
    if not _dated(node, block.path):
        return block  # bare links in a row (a menu's items, then a list's) say too little to read on across boxes
    lines = _reading_order(node.getroottree().getroot())
    where = {el: i for i, el in enumerate(lines)}
    if not all(m in where for m in block.members):
        return block
    first, last = min(where[m] for m in block.members), max(where[m] for m in block.members)
    if any(not _alike(lines[i], block) for i in range(first, last + 1)):
        return block  # the members' own lines are not one run: another rule's list
    while first > 0 and _alike(lines[first - 1], block):
        first -= 1
    while last + 1 < len(lines) and _alike(lines[last + 1], block):
        last += 1
    run = lines[first : last + 1]
    if len(run) > len(block.members):
        block.members = run
    return block


def _reading_order(root) -> list:
    """The page's lines in page order, a line's inner lines (a list inside an item) not apart from it; text
    standing bare in a wrapper (`<div>words<p>…`) is a line too: the element holding it stands for it."""
    out: list = []

    def visit(el) -> None:
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if child.tag in _LANDMARKS:
                out.append(child)  # a menu, a header, the main part: a list does not read on across its edge
                visit(child)
                out.append(child)
            elif child.tag in _LINES:
                out.append(child)
            elif child.tag not in INLINE and (child.text or "").strip():
                out.append(child)  # bare words in a wrapper: not a line of the list
            else:
                visit(child)
            if (child.tail or "").strip() and el.tag not in INLINE:
                out.append(el)  # words after a child, in the wrapper itself (a wrapper may stand more than once)

    visit(root)
    return out


def _alike(el, block: Block) -> bool:
    """A line like the example's: its tag, no class, the same element children, a title at the same place, and
    a date where the example's line shows one (an intro line with a contact link before the list is none)."""
    node = block.node
    return (
        el.tag == node.tag
        and not el.get("class")
        and _children(el) == _children(node)
        and bool(text_of(el))
        and _dated(el, block.path) == _dated(node, block.path)
    )


def _dated(el, path: list) -> bool | None:
    """Whether the line's words beside its title are a date (None: no title at the example's place)."""
    title = follow(el, path)
    if title is None:
        return None
    beside = (text_of(el) or "").replace(text_of(title) or "", " ")
    return date_in_line(beside) is not None


def _children(el) -> tuple:
    return tuple(c.tag for c in el if isinstance(c.tag, str) and c.tag != "br")


def links_on_lines(title) -> Block | None:
    """<p>23/10/2015 - <a>Title</a><br>06/08/2015 - <a>…</a><br>…</p>: the example a link of a block whose lines,
    cut by breaks, nearly all hold one link and no other element (a date or a few words beside it) but links to its
    files, whose words come back line after line (line_files), from the first
    such line to the last (a heading or a remark around the run is no entry): each such link is an entry, and the
    words of its line are its own. None for a link in prose or in a line of several."""
    parent = title.getparent()
    if title.tag != "a" or parent is None or parent.tag in INLINE:
        return None
    lines = _lines(parent)
    files = line_file_links([found for found in lines if all(el.tag == "a" for el in found)])
    alone = [i for i, found in enumerate(lines) if _one_link(found, files)]
    links = [lines[i][0] for i in alone]
    if title not in links or len(links) < _MIN_LINE_LINKS:
        return None
    if len(links) < _LINE_LINKS_SHARE * (alone[-1] - alone[0] + 1):
        return None
    return Block(node=title, title=title, path=[], members=links)


def line_starts(block: Block, candidates: list[str]) -> list[str]:
    """The candidates for links (`X > a`) kept to the link opening each line, its first element or the one right
    after a break, where the example's lines hold later links ("Minutes", "Board Report"): its files, no entries."""
    parent = block.node.getparent()
    if block.node.tag != "a" or block.path or parent is None or parent.find("br") is None:
        return []
    if all(a in block.members for a in parent.findall("a")):
        return []
    bases = [c[: -len("a")] for c in candidates if c == "a" or c.endswith((" a", ">a"))]
    return [f"{base}a:first-child, {base}br + a" for base in bases]


def _one_link(found: list, files: set) -> bool:
    """A line naming one entry: a link alone, or a link followed by its files' links ("Minutes", "Board Report")."""
    return found[0].tag == "a" and could_be_title(found[0]) and all(el in files for el in found[1:])


def _lines(parent) -> list:
    """The parent's lines: its children cut by breaks, a block (a paragraph, a table) a line of its own; elements
    that show nothing (an empty <b></b>, a named anchor) are on no line."""
    lines, line = [], []
    for child in (c for c in parent if isinstance(c.tag, str)):
        if child.tag == "br" or child.tag not in INLINE:
            lines.append(line)
            lines.append([child] if child.tag != "br" else [])
            line = []
        elif text_of(child) or child.find(".//img") is not None or child.tag == "img":
            line.append(child)
    return [found for found in [*lines, line] if found]


_MIN_LINE_LINKS = 3  # fewer: a pair of links in a paragraph, no list
_LINE_LINKS_SHARE = 0.9  # of a block's lines, this share hold one link alone
