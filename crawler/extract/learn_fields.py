"""Selectors for an entry's fields, learnt from the example's block and checked on every block.

Each field's candidates are readable selectors naming the element the example block shows
(its class, a named ancestor and its tag, a heading and its tag, the tag); the one kept reads
that field in the most blocks, and reads nothing else in any. A field left without a selector
is read by content, as the generic extractor does. The date element: learn_dates."""

from __future__ import annotations

import re

from ..parsers.datelines import date_in_line
from ..parsers.dates import looks_like_date_line
from ..parsers.text import clean_text
from .css_names import ancestor_names, compounds, stable_classes, valid
from .fields import HEADINGS
from .html import document_base, first, is_ancestor, select, tag, text_of
from .learn import Block, _words_before_dash, same_title
from .learn_titles import (
    by_class_alone,
    could_be_title,
    date_link_only,
    empty_link_first,
    has_href,
    sibling_rank,
    skipping_empty,
)
from .pagination import is_next_link
from .titles import label_led
from .wordings import is_more_link

_LEAF_TEXT = ("p", "div", "span", "dd", "td", "li", "section", "blockquote", "em", "small")


def first_in(run: list, selector: str):
    for el in run:
        found = first(el, selector)
        if found is not None:
            return found
    return None


def all_in(run: list, selector: str) -> list:
    return [m for el in run for m in select(el, selector)]


def holder(block: Block, el):
    """The element of the example's run that holds `el` (the block itself unless flat)."""
    return next((part for part in block.runs[block.node] if is_ancestor(part, el)), block.node)


def candidates(target, stop) -> list[str]:
    """Selectors naming `target` inside `stop` (the element of the entry that holds it), most
    telling first; each reads from inside `stop` only."""
    own = [c for c in compounds(target, with_id=False) if "." in c]
    if target is stop:
        return [s for s in dict.fromkeys([*own, target.tag]) if valid(s)]
    named = [f"{name} {target.tag}" for name in ancestor_names(target, stop=stop)]
    path, headings = [target.tag], []
    for anc in target.iterancestors():
        if anc is stop:
            break
        path.insert(0, anc.tag)
        if anc.tag in HEADINGS:
            headings.append(f"{anc.tag} {target.tag}")
    tail = " > ".join(path)
    cell = next((a for a in (target, *target.iterancestors()) if a.tag in ("td", "th") or a is stop), None)
    ranked = _by_rank(cell) if cell is not None and cell is not stop else []  # <td><font>Title</font></td>
    if cell is not target:  # the element itself in its cell: a date link after a label ("Session 19.10.2024")
        ranked += [f"{r} {target.tag}" for r in ranked]
    return [s for s in dict.fromkeys([*own, *named, *headings[:1], target.tag, tail, *ranked]) if valid(s)]


def _by_rank(target) -> list[str]:
    """The target by its rank among its siblings of its tag, last resort for cells alike ("td:nth-of-type(2)":
    the name beside a date link, in a row of unnamed cells)."""
    parent = target.getparent()
    if target.tag not in ("td", "th") or parent is None:
        return []  # a table's columns keep their rank from row to row; a post's 13th link does not
    alike = [s for s in parent if s.tag == target.tag]
    return [f"{target.tag}:nth-of-type({alike.index(target) + 1})"] if len(alike) > 1 else []


def _link_of(el):
    """What the profile reader takes for a title: the element, or the first link inside it."""
    if el is None or el.tag == "a":
        return el
    return next(iter(el.iter("a")), el)


def title_selector(block: Block) -> str | None:
    """The first candidate that reads the example's title and a title in nearly every block."""
    runs = list(block.runs.values())
    example_run = block.runs[block.node]
    stop = holder(block, block.title)
    inner = [
        el
        for el in block.title.iterdescendants()
        if same_title(text_of(el), text_of(block.title)) and not date_in_line(text_of(el))
    ]
    inner = [] if _words_before_dash(block.title) else inner  # "#67 Unplugged -<span>date</span> <span>@ place</span>"
    # The innermost element of the title's text first: the link may hold more in other entries
    # (<a><strong>Title</strong> <span>subtitle</span></a>).
    options = by_class_alone([c for el in inner[-1:] for c in candidates(el, stop)] + candidates(block.title, stop))
    around = block.title.getparent()
    if inner and label_led(block.title, text_of(inner[-1])):
        options = candidates(block.title, stop) + options  # "<h2>Web: <a>…</a></h2>": the label is the title's
    elif block.title.tag == "a" and tag(around) in HEADINGS and text_of(around) == text_of(block.title):
        options = _labelled_headings(block, candidates(around, stop)) + options  # where others put a label first
    whole, running_on = not inner or clean_text(text_of(inner[-1])) != clean_text(text_of(block.title)), []
    # <h2><a href="#x"></a>Title</h2>: an anchor; <h2>Title <a href="/post">22.3.2026</a></h2>: a date permalink
    apart = block.node.tag == "tr" or empty_link_first(block.title) or date_link_only(block.title)
    if block.title.tag != "a" and whole and apart and has_href(block.title):
        # <tr><td><b><a>Department</a></b> - what is bought</td></tr> then <tr><td>3/20/17: note</td></tr>: the
        # cell with the link is the title; the row under it, with no link, a line of the entry (the reader joins it)
        running_on = [f"{o}:has(a[href])" for o in candidates(block.title, stop) if valid(f"{o}:has(a[href])")]
        options = running_on + options  # read whole: its link is named apart (learn_link), its words run on after it
    options += sibling_rank(block.title)  # last: "td > font:nth-of-type(2)", the title after the date, both unnamed
    # Titles that look like dates (editions named by their year, meetings by their day): the example says so.
    dated_titles = looks_like_date_line(text_of(block.title))
    # a row's first link is the title's in the example's row, an author's cell before it in others: its column
    column, reading = _column(block.title), None
    for selector in skipping_empty(runs, options):
        shown = _itself if selector in running_on else _link_of
        got = shown(first_in(example_run, selector))
        if got is None or (got is not block.title and not same_title(text_of(got), text_of(block.title))):
            continue
        counted = [run for run in runs if first_in(run, selector) is not None or any(map(has_href, run))]
        good = sum(1 for run in counted if _reads_title(shown(first_in(run, selector)), dated_titles))
        if good < 0.9 * len(counted):
            continue
        if column is None or all(_column(first_in(run, selector)) in (None, column) for run in runs):
            return selector
        reading = reading or selector  # where no selector keeps to the example's column
    return reading


def _column(el) -> int | None:
    """The rank of the table cell holding `el` among its row's cells, else None."""
    cell = next((a for a in (el, *el.iterancestors()) if a.tag in ("td", "th")), None) if el is not None else None
    row = cell.getparent() if cell is not None else None
    return [c for c in row if c.tag in ("td", "th")].index(cell) if row is not None else None


def _itself(el):
    return el


def _labelled_headings(block: Block, selectors: list[str]) -> list[str]:
    """The selectors of the example's heading, when in another entry a short label comes before the heading's link
    ("<h2>Web: <a>…</a></h2>"): the heading then reads the title as shown; else none."""
    for run in block.runs.values():
        heading = first_in(run, selectors[0]) if selectors else None
        link = next(iter(heading.iter("a")), None) if heading is not None else None
        if link is not None and label_led(heading, text_of(link)):
            return selectors
    return []


def _reads_title(el, dated_titles: bool) -> bool:
    if dated_titles:
        return bool(text_of(el)) and not is_more_link(text_of(el))
    return could_be_title(el)


def description_selector(block: Block, taken: list) -> str | None:
    """The selector of the example block's longest paragraph that reads prose in most blocks
    and never a block's title or date."""
    example_run = block.runs[block.node]
    paragraphs = [
        el
        for part in example_run
        for el in part.iter(*_LEAF_TEXT)
        if len((text_of(el) or "").split()) >= _MIN_PROSE_WORDS
        and not any(is_ancestor(el, t) or is_ancestor(t, el) for t in taken)
        and not any(tag(c) in _LEAF_TEXT + HEADINGS for c in el.iterdescendants() if tag(c) not in ("span", "em"))
    ]
    paragraphs.sort(key=lambda el: -len(text_of(el) or ""))
    runs = list(block.runs.values())
    for el in paragraphs[:3]:
        for selector in candidates(el, holder(block, el)):
            if _reads_prose(runs, selector) * 2 >= len(runs):
                return selector
    return None


_MIN_PROSE_WORDS = 6


def _reads_prose(runs: list, selector: str) -> int:
    """Blocks where the selector reads a paragraph that is neither the title nor holds a link's
    whole text; 0 when it reads a title or a heading anywhere."""
    count = 0
    for run in runs:
        found = all_in(run, selector)
        if any(el.tag in HEADINGS or any(h.tag in HEADINGS for h in el.iter()) for el in found):
            return 0
        if any(len((text_of(el) or "").split()) >= 3 for el in found):
            count += 1
    return count


# Images that illustrate nothing: icons, logos, avatars, spacers (by name, or by a tiny size).
_NOT_PICTURE = re.compile(r"icon|logo|avatar|spacer|pixel|emoji|gravatar", re.IGNORECASE)
_MIN_PICTURE_PX = 48


def _picture(img) -> bool:
    src = img.get("src") or img.get("data-src") or ""
    if not src or _NOT_PICTURE.search(f"{src} {img.get('class') or ''}"):
        return False
    sizes = [img.get(side) or "" for side in ("width", "height")]
    return not any(size.isdigit() and int(size) < _MIN_PICTURE_PX for size in sizes)


def image_selector(block: Block) -> str | None:
    example_run = block.runs[block.node]
    image = next((img for part in example_run for img in part.iter("img") if _picture(img)), None)
    if image is None:
        return None
    runs = list(block.runs.values())
    for selector in candidates(image, holder(block, image)):
        if sum(1 for run in runs if first_in(run, selector) is not None) * 2 >= len(runs):
            return selector
    return None


def next_selector(root, next_url: str | None) -> str | None:
    """A selector for the page's "next" link (found by pagination's rules): rel=next, the link's
    class, or a named ancestor and the link; only one that selects no other address."""
    if not next_url:
        return None
    links = [a for a in root.iter("a") if a.get("href") and is_next_link(a) and _absolute(root, a) == next_url]
    for a in links:
        options = ["a[rel=next]"] if "next" in (a.get("rel") or "").split() else []
        options += [f"a.{c}" for c in stable_classes(a)] + [f"{name} a" for name in ancestor_names(a, levels=3)]
        for selector in options:
            found = select(root, selector) if valid(selector) else []
            if found and all(_absolute(root, f) == next_url for f in found):
                return selector
    return None


def _absolute(root, a) -> str | None:
    from ..parsers.ids import join_url

    return join_url(document_base(root, root.getroottree().docinfo.URL or ""), a.get("href"))
