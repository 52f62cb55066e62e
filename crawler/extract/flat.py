"""Flat listings: entries written as runs of siblings with no element of their own
(<time/><h1><a/></h1>summary<a>Read more</a> <time/><h1>...), cut by their repeating pattern.

Each run is anchored on an element holding the entry's link; what lies between two
anchors is split in two: the part whose shapes repeat what follows the last anchor ends
the entry before, the part whose shapes repeat what precedes the first anchor opens the
entry after. Group headings and rules (<hr>) always end a run.
"""

from __future__ import annotations

from collections import defaultdict

from lxml import etree

from ..parsers.groups import looks_like_group_heading
from .html import INLINE, forget_texts, raw_text, tag, text_of
from .pointer_words import is_affordance
from .titles import HEADINGS


def is_break(el) -> bool:
    """A sibling that ends a flat run: a rule, a heading without a link, a month or year line."""
    t = tag(el)
    if t == "hr":
        return True
    if t in HEADINGS:
        return not any(a.get("href") for a in el.iter("a"))
    return not any(a.get("href") for a in el.iter("a")) and looks_like_group_heading(text_of(el))


def _common_prefix(a: list, b: list) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def _common_suffix(a: list, b: list) -> int:
    return _common_prefix(a[::-1], b[::-1])


def _segment(children: list, at: list[int], shapes) -> list[list] | None:
    """The member elements of each anchored run; None when the anchors stand alone."""
    sigs = [shapes(c) for c in children]
    anchored = set(at)  # a set: `i not in at` on a list made a page of thousands of links quadratic
    breaks = [i for i, c in enumerate(children) if i not in anchored and is_break(c)]
    breaks = [i for i in breaks if i not in _own_headings(children, at, breaks, sigs)]
    broken = set(breaks)
    first, last = at[0], at[-1]
    start = max([b + 1 for b in breaks if b < first], default=0)
    end = min([b for b in breaks if b > last], default=len(children))
    prefix, suffix = sigs[start:first], sigs[last + 1 : end]
    heads: dict[int, list] = {}
    tails: dict[int, list] = {}
    bounds = list(zip(at, at[1:], strict=False))
    for left, right in bounds:
        gap = list(range(left + 1, right))
        inner_breaks = [i for i in gap if i in broken]
        before = gap[: gap.index(inner_breaks[0])] if inner_breaks else gap
        after = gap[gap.index(inner_breaks[-1]) + 1 :] if inner_breaks else gap
        t = _common_prefix([sigs[i] for i in before], suffix) if suffix else 0 if prefix else len(before)
        if inner_breaks:
            tails[left] = before
            h = _common_suffix([sigs[i] for i in after], prefix)
            heads[right] = after[len(after) - h :] if h else []
            continue
        h = min(_common_suffix([sigs[i] for i in gap], prefix), len(gap) - t) if prefix else 0
        tails[left], heads[right] = gap[: len(gap) - h], gap[len(gap) - h :]
    longest_tail = max((len(v) for v in tails.values()), default=len(suffix))
    tails[last] = list(range(last + 1, end))[:longest_tail]  # not the pager or footer after the list
    # The first run opens the way the others do, with what stands before it.
    h = max((len(v) for v in heads.values()), default=0)
    heads[first] = list(range(first - h, first)) if h and h <= len(prefix) else []
    if (
        not any(tails.values())
        and not any(heads.get(i) for i in at[1:])
        and not any((children[i].tail or "").strip() for i in at)
    ):
        return None
    return [[children[i] for i in heads.get(a, []) + [a] + tails.get(a, [])] for a in at]


def _own_headings(children, at: list[int], breaks: list[int], sigs: list) -> set[int]:
    """<h3>Fall Conference</h3><em>October 25, 2013</em><p><a>Conference Information</a></p><h3>…: a heading of
    words with no link before every anchor, one each, as far before it each time, heads that anchor's entry, not a
    group of entries (a group heading heads several, or is a month or a year)."""
    if len(at) < 2 or len(breaks) != len(at):
        return set()
    bounds = [-1, *at[:-1]]
    if any(not (low < b < a) for low, b, a in zip(bounds, breaks, at, strict=True)):
        return set()  # not one heading in each stretch before an anchor
    stretches = {tuple(sigs[b:a]) for b, a in zip(breaks, at, strict=True)}
    if len(stretches) > 1 or len(next(iter(stretches))) < _OWN_HEADING_LINES:
        return set()  # not the same lines between each heading and its anchor, or the anchor right under it
    own = [children[b] for b in breaks]
    if any(tag(h) not in HEADINGS or looks_like_group_heading(text_of(h)) for h in own):
        return set()
    return set(breaks)


# A heading of its entry's own stands this many lines before its anchor at least (itself included): a heading right
# above its link line is left to the readers of headings over records (source_lines, wordings).
_OWN_HEADING_LINES = 2


def _foreign_links(runs, links_in, is_pointer, headed: bool = False) -> bool:
    """True when a run takes in a second title link (it would swallow another entry). Runs anchored on linked
    headings (`headed`: posts shown in full, each under its `<h2><a>`) take in only other headings' links: a link
    in a post's paragraphs is its text, and another post would come under a heading of its own."""
    for run in runs:
        hrefs = {
            a.get("href")
            for m in run
            for a in links_in(m)
            if not is_pointer(a) and len(raw_text(a).split()) >= _TITLE_WORDS and (not headed or _in_heading(a))
        }
        if len(hrefs) > 1:
            return True
    return False


def _in_heading(a) -> bool:
    """A link inside a heading (h1-h6)."""
    return any(tag(x) in HEADINGS for x in a.iterancestors())


# A link of this many words names an entry (an author's name or a tag has fewer).
_TITLE_WORDS = 3


def flat_groups(groups: dict, shapes, links_in, is_pointer) -> dict[tuple, list]:
    """Flat runs for every group whose members stand as siblings with other elements
    (or text) between them: key -> list of runs, each a list of member elements."""
    out: dict[tuple, list] = {}
    for key, els in groups.items():
        if key[0][0] in INLINE:
            continue  # links and bold runs in prose are no entries' anchors
        by_parent: dict = defaultdict(list)
        for el in els:
            # a cell holding only "Agenda" or "Minutes" closes the run before it (a row's files), opens none
            if not all(is_affordance(text_of(a)) for a in links_in(el)):
                by_parent[el.getparent()].append(el)
        if not by_parent or max(len(v) for v in by_parent.values()) < 2:
            continue
        runs = []
        for parent, anchors in by_parent.items():
            children = [c for c in parent if tag(c)]
            index = {c: i for i, c in enumerate(children)}
            at = sorted(index[a] for a in anchors if a in index)
            if len(at) == 1:  # a list of one: its run is what follows it
                runs.extend(_segment(children, at, shapes) or [[children[at[0]]]])
                continue
            found = _segment(children, at, shapes)
            if found is None:
                break
            runs.extend(found)
        else:
            headed = key[0][0] in HEADINGS
            if any(len(r) > 1 for r in runs) and not _foreign_links(runs, links_in, is_pointer, headed):
                out[("flat", *key)] = runs
    return out


def wrap(runs: list[list]) -> list:
    """Each run of siblings moved into a <div> of its own (with the text between them)."""
    boxes = []
    for members in runs:
        if len(members) == 1:
            boxes.append(members[0])
            continue
        box = etree.Element("div")
        box.text, box.tail = " ", " "
        members[0].addprevious(box)  # not parent.index(): a page of thousands of posts made that quadratic
        for m in members:
            box.append(m)  # the element moves with its tail text
        boxes.append(box)
    forget_texts()
    return boxes
