"""Selectors for an entry's fields, learnt from the example's block and checked on every block.

Each field's candidates are readable selectors naming the element the example block shows
(its class, a named ancestor and its tag, a heading and its tag, the tag); the one kept reads
that field in the most blocks, and reads nothing else in any. A field left without a selector
is read by content, as the generic extractor does."""

from __future__ import annotations

import re

from ..parsers.datelines import date_in_line, yearless_date
from ..parsers.dates import looks_like_date_line, parse_date
from ..parsers.text import clean_text
from .css_names import ancestor_names, compounds, stable_classes, valid
from .edge_dates import edge_date
from .fields import HEADINGS, date_from_element
from .html import document_base, first, is_ancestor, select, tag, text_of
from .learn import Block, _words_before_dash, follow, same_title
from .learn_machine import one_machine_date, shown_around
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
    for selector in skipping_empty(runs, options):
        shown = _itself if selector in running_on else _link_of
        got = shown(first_in(example_run, selector))
        if got is None or (got is not block.title and not same_title(text_of(got), text_of(block.title))):
            continue
        counted = [run for run in runs if first_in(run, selector) is not None or any(map(has_href, run))]
        good = sum(1 for run in counted if _reads_title(shown(first_in(run, selector)), dated_titles))
        if good >= 0.9 * len(counted):
            return selector
    return None


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


def titles_open_or_close_on_dates(block: Block, selector: str | None, languages=None) -> bool:
    """Titles that open or close on a day after a dash or bar, in half the blocks or more
    ("26/09/2020 – First national day"): that date is the entry's date (the profile reader takes
    it when no date selector is given), and a title without one falls back to the block's date.
    A year ("2019 – Annual report") is no finer than a posting date beside it: not counted."""
    if not selector:
        return False
    runs = list(block.runs.values())
    dated = 0
    for run in runs:
        split = edge_date(_link_of(first_in(run, selector)))
        when = parse_date(split[1], languages) if split else None
        dated += when is not None and when.precision == "day"
    return dated >= max(2, len(runs) / 2)


def _reads_title(el, dated_titles: bool) -> bool:
    if dated_titles:
        return bool(text_of(el)) and not is_more_link(text_of(el))
    return could_be_title(el)


def _is_date(el, languages) -> bool:
    return _precision(el, languages) > 0


_PRECISION = {"day": 3, "month": 2, "year": 1}
# A day and month without a year ("12 Mar"): a date when the page gives the year (a month's heading).
_YEARLESS_PRECISION = 2.5


def _precision(el, languages) -> float:
    """3 for a day (shown, or in a datetime), 2.5 a day and month whose year the page gives
    elsewhere, 2 a month, 1 a year, 0 no date: "Oct 14 2020" beats its "2020" alone."""
    if el is None:
        return 0
    shown = date_from_element(el)
    when = parse_date(shown, languages) if shown else None
    if when is not None:
        return _PRECISION.get(when.precision, 1)
    machine = clean_text(el.get("datetime"))
    if machine and parse_date(machine) is not None:
        return _PRECISION["day"]  # <time datetime="2023-03-12">Mar 12</time>
    text = clean_text(text_of(el))
    return _YEARLESS_PRECISION if text and yearless_date(text) == text else 0


def _date_elements(block: Block, run: list, languages) -> list:
    """The elements of a run that show its date, the finest shown (a day beats a month or a
    year), innermost: a short line that is or holds a date, a longer meta line opening on its
    date ("14.10.2020 | By Jane | News, Events, ..."), or the title itself when it is a date."""
    title = _title_in(block, run)
    shown = []
    for el in (e for part in run for e in part.iter()):
        if not isinstance(el.tag, str) or (title is not None and is_ancestor(el, title) and el is not title):
            continue
        if el is title and not looks_like_date_line(text_of(el)) and not edge_date(el) and not _closes_on_day(el):
            continue  # the title is the date only when it is one, or ends on one ("Meeting – 4/8/2026")
        short = len(text_of(el) or "") <= _MAX_DATE_LINE
        if (short or date_in_line(el.text)) and _is_date(el, languages):
            shown.append(el)
    finest = max((_precision(el, languages) for el in shown), default=0)
    shown = [el for el in shown if _precision(el, languages) == finest]
    if len(shown) > 1 and title in shown and _closes_on_day(title):
        shown.remove(title)  # "Webinar: 1 June 2023" beside its post's date box: the box is the post's date
    return [el for el in shown if not any(is_ancestor(el, o) for o in shown if o is not el)]


def _closes_on_day(title) -> bool:
    """ "Séminaire virtuel: vendredi 3 avril 2026": a title closing on its date after a colon stays whole (the
    reader cuts a date after a dash or bar only), and that date is its entry's date."""
    text, shown = clean_text(text_of(title)) or "", date_from_element(title)
    head = text.removesuffix(shown or "\0").rstrip()
    return bool(shown) and head != text and head.endswith(":") and len(head) > 1


def _title_in(block: Block, run: list):
    """The run's title: the example's own, else its element at the example's place."""
    if run is block.runs[block.node]:
        return block.title
    return next((t for t in (follow(part, block.path) for part in run[:1]) if t is not None), None)


def date_selector(block: Block, languages=None) -> str | None:
    """The selector of a block's date element that reads a date in the most blocks, and a date
    in at least nine blocks of ten where it selects anything. The example's block shows which
    element; where it shows none that the other blocks share (a first entry set apart), the next
    blocks do."""
    runs = list(block.runs.values())
    example_run = block.runs[block.node]
    ordered = [example_run] + [run for run in runs if run is not example_run][:_DATE_RUNS_TRIED]
    best, best_count, enough = None, 0, max(2, len(runs) // 2)
    for run in ordered:
        for shown in _date_elements(block, run, languages):
            part = next((p for p in run if is_ancestor(p, shown)), run[0])
            # <time datetime> the same on every entry (the site's build time): the element around it, as shown
            for el, selector in (
                (e, s) for e in (shown, shown_around(shown, part)) if e is not None for s in candidates(e, part)
            ):
                if first_in(run, selector) is not el:
                    continue
                hits = [p for p in (first_in(r, selector) for r in runs) if p is not None]
                if one_machine_date(hits):
                    continue
                dated = sum(1 for p in hits if _is_date(p, languages))
                if dated > best_count and dated >= 0.9 * len(hits):
                    best, best_count = selector, dated
        if best_count >= enough:
            break  # the example's block (else the next that is like the rest) says where the date is
    return best if best_count >= enough else None


def carried_date_selector(block: Block, languages=None) -> str | None:
    """A date shown on the first row of each day only, the rows after it leaving that cell blank
    (the day's date carries down): the selector of that date (see carries_down)."""
    if block.flat:
        return None
    runs = list(block.runs.values())
    for run in runs[: _DATE_RUNS_TRIED + 1]:
        for el in _date_elements(block, run, languages):
            for selector in candidates(el, run[0]):
                if first_in(run, selector) is el and carries_down(block, selector, languages):
                    return selector
    return None


def carries_down(block: Block, selector: str, languages=None) -> bool:
    """The selector reads a date in the first row and in some rows after it, and every row without
    one has a blank cell where the date stands in the others, or lies under a date cell spanning
    rows (`<td rowspan="3">`): the date above is its date."""
    runs = list(block.runs.values())
    hits = [first_in(r, selector) for r in runs]
    shown = [h for h in hits if h is not None]
    if block.flat or hits[0] is None or not 2 <= len(shown) < len(runs):
        return False
    if not all(_is_date(h, languages) for h in shown):
        return False
    cell, spanned = _cell_of(runs[0][0], hits[0]), 0
    for run, hit in zip(runs, hits, strict=True):
        if hit is not None:
            span = _cell_of(run[0], hit)
            spanned = int(span.get("rowspan") or 1) - 1 if span is not None and span.get("rowspan", "").isdigit() else 0
        elif spanned > 0:
            spanned -= 1
        elif not _blank_cell(run[0], cell):
            return False
    return True


def _cell_of(node, el):
    """The child of `node` that holds `el` (its column in a row)."""
    while el is not None and el.getparent() is not node:
        el = el.getparent()
    return el


def _blank_cell(node, cell) -> bool:
    """The row's child at the cell's place, of its tag, shows no text."""
    if cell is None:
        return False
    place = [c for c in cell.getparent() if isinstance(c.tag, str)].index(cell)
    kids = [c for c in node if isinstance(c.tag, str)]
    return place < len(kids) and kids[place].tag == cell.tag and not (text_of(kids[place]) or "").strip()


_DATE_RUNS_TRIED = 3  # blocks looked at for the date element when the example's shows none
_MAX_DATE_LINE = 80  # a date line, not a paragraph that mentions a date


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
