"""Date headings over several entries: one date line (`<dt>12-23-2016</dt>`) heads the entries after it, up to the
next date line (`<dd>` report, `<dd>` report, `<dt>` the next date). The profile names those lines as `group`: each
entry takes its heading's date, as a day's heading gives its posts theirs."""

from __future__ import annotations

from .css_names import ancestor_names, compounds, exact_selector
from .learn import Block
from .learn_dates import shows_a_day

_HEADED_SHARE = 0.9  # entries under a date heading, of all: the rest open the list before the first heading


def date_heading_selector(root, block: Block, languages=None) -> str | None:
    """The selector of the day lines heading the entries, where the entries show no date of their own: each run of
    entries (siblings one after another) follows a line of one tag and class that shows a day, and one line heads
    several entries at least (a day before each entry alone is a flat entry's line). None where they do not."""
    if block.flat:
        return None
    members = set(block.members)
    heading_of: dict = {}
    for member in block.members:
        before = _previous_element(member)
        if before in members:
            heading_of[member] = heading_of.get(before)  # the run goes on under the heading above
        elif before is not None and shows_a_day(before, languages):
            heading_of[member] = before
    headed = [m for m in block.members if heading_of.get(m) is not None]
    headings = list(dict.fromkeys(heading_of[m] for m in headed))
    if len(headed) < _HEADED_SHARE * len(block.members) or not 2 <= len(headings) < len(headed):
        return None
    if len({_signature(h) for h in headings}) > 1:
        return None
    # every line alike among the entries is a heading (one heading no entry follows yet, at the list's end)
    parents = {m.getparent() for m in block.members}
    alike = [
        s
        for p in parents
        for s in p
        if s not in members and _signature(s) == _signature(headings[0]) and shows_a_day(s, languages)
    ]
    return exact_selector(root, alike, _candidates(headings[0]))


def _previous_element(el):
    """The sibling before `el` that is an element (no comment)."""
    before = el.getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()
    return before


def _signature(el) -> tuple:
    return el.tag, el.get("class") or ""


def _candidates(heading) -> list[str]:
    """Selectors naming the heading line by its own name and its list's: "dl.reports > dt", "div#content dt"."""
    own = compounds(heading, with_id=False)
    parent = heading.getparent()
    inside = [f"{p} > {o}" for p in compounds(parent) if p != parent.tag for o in own]
    named = ancestor_names(parent)
    within = [f"{a} {o}" for a in named for o in own] + [f"{a} {parent.tag} > {o}" for a in named for o in own]
    return [o for o in own if "." in o] + inside + within + own
