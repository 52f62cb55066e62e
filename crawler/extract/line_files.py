"""Lines of links where the first link names the line and the others are its files (issue 21, a school board's past
agendas): "<p><a>January 21, 2025</a> / <a>Minutes</a> / <a>Board Report</a><br><a>February 10, 2025</a> / …</p>",
or the same in `<li>` items. The line is one entry named by its first link; the links after it, whose words come
back line after line ("Minutes", "Board Report", "Audio", "Video"), are its documents, not entries of their own. A
meeting's agendas and minutes, a gazette's editions and their supplements, a paper and its slides are written so."""

from __future__ import annotations

from collections import Counter, defaultdict

from .html import INLINE, tag, text_of

# Words after a line's first link that come back on this many lines at least are a file's kind, not a name.
_MIN_REPEATS = 2


def without_line_files(found: dict) -> dict:
    """`found` (record -> its link) without the records that are a later link of a line whose first link is a
    record too, when their words come back on other lines and the first links' words do not."""
    lines = _lines_of([b for b in found if tag(b) == "a" and found[b] is b])
    files = line_file_links(list(lines.values()))
    return {b: a for b, a in found.items() if b not in files} if files else found


def line_file_links(lines: list[list]) -> set:
    """Of lines of links (each in page order), the links after a line's first whose words come back on other
    lines, where the line's first link's words come back nowhere: a file's kind ("Minutes"), not an entry."""
    multi = [links for links in lines if len(links) > 1]
    if len(multi) < _MIN_REPEATS:
        return set()
    later = Counter(text_of(a) for links in multi for a in {text_of(x): x for x in links[1:]}.values())
    firsts = Counter(text_of(links[0]) for links in lines)
    return {
        a
        for links in multi
        if firsts[text_of(links[0])] < _MIN_REPEATS and later[text_of(links[0])] == 0
        for a in links[1:]
        if later[text_of(a)] >= _MIN_REPEATS
    }


def _lines_of(links: list) -> dict[tuple, list]:
    """The links grouped by their line: the block that holds them and the count of line breaks before them in it."""
    by_box: dict = defaultdict(list)
    for a in links:
        by_box[_box(a)].append(a)
    lines: dict[tuple, list] = defaultdict(list)
    for box, inside in by_box.items():
        wanted, breaks = set(inside), 0
        for el in box.iter():
            if tag(el) == "br":
                breaks += 1
            elif el in wanted:
                lines[(box, breaks)].append(el)
    return lines


def _box(el):
    """The nearest block around an inline element: the paragraph, item or cell its line is in."""
    box = el.getparent()
    while box is not None and tag(box) in INLINE and box.getparent() is not None:
        box = box.getparent()
    return box
