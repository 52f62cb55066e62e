"""Entries with no element of their own (<dt> + <dd>, <h3> + <p> in a row): a learnt block that
holds nothing but its title becomes a *flat* entry, the block and the siblings after it."""

from __future__ import annotations

from .fields import HEADINGS, date_from_element
from .html import text_of
from .learn import Block, normal
from .learn_cells import make_cell_rows
from .learn_titles import _signature


def make_flat(block: Block) -> None:
    """A block holding nothing but its title (<dt>, <h3>) with text in the siblings around it:
    the entry is the block and the siblings after it (profile key `flat`); it starts one sibling
    earlier when each block follows a sibling alike (a date line before each heading)."""
    if make_cell_rows(block):
        return  # a table's cells with no rows around them: an entry is a row's worth of cells
    _terms_with_title_first(block)
    own_text = normal(text_of(block.node)) == normal(text_of(block.title))
    titled = list(block.members)
    before = [m.getprevious() for m in block.members]
    lead = _signature(before[0]) if before[0] is not None else None
    first = _shape(before[0]) if before[0] is not None else None
    led = sum(1 for b in before if b is not None and _shape(b) == first) >= _LED_SHARE * len(before)
    if own_text and lead and lead != _signature(block.node) and lead[0] not in (*HEADINGS, "hr", "br") and led:
        pairs = zip(before, block.members, strict=True)
        example = block.members.index(block.node) if block.node in block.members else 0
        block.members = [b if b is not None and _signature(b) == lead else m for b, m in pairs]
        block.node = block.members[example]  # the example's own line, not the first entry's
    runs = _runs(block.members, set(titled))
    followed = sum(1 for r in runs.values() if len(r) > 1 and any(text_of(e) for e in r[1:]))
    if own_text and followed * 2 > len(runs):
        block.flat, block.runs = True, runs
    else:
        block.runs = {m: [m] for m in block.members}


def _terms_with_title_first(block: Block) -> None:
    """<dl> of <dt> date, <dd> title link, <dd> "Category: <a>": every <dt> followed by as many <dd>s, two or more,
    the example in the first: the members are the first <dd> after each <dt>, not the other <dd>s holding a link too
    (a Pelican archive). A day heading a varying number of <dd> reports is left as it is (learn_headings)."""
    node, parent = block.node, block.node.getparent()
    before = node.getprevious()
    if node.tag != "dd" or parent is None or before is None or before.tag != "dt":
        return
    counts, firsts = [], []
    for el in parent:
        if el.tag == "dt":
            counts.append(0)
            following = el.getnext()
            firsts.append(following if following is not None and following.tag == "dd" else None)
        elif el.tag == "dd" and counts:
            counts[-1] += 1
    if len(counts) < 2 or len(set(counts)) > 1 or counts[0] < 2:
        return
    titled = [m for m in firsts if m is not None and m in block.members]
    if node in titled and len(titled) >= _LED_SHARE * len(counts):
        block.members = titled


def _shape(line) -> tuple:
    """What makes lines before headings alike (a date line before each): tag and class, the tags inside, dated or
    not; an intro before the first heading and the author lines closing the entries above are not alike."""
    inside = tuple(c.tag for c in line if isinstance(c.tag, str))
    return _signature(line), inside, date_from_element(line) is not None


def _runs(starts: list, keep: set) -> dict:
    """Each start with the siblings after it, up to the next start, a heading or a rule (but
    the headings in `keep`, those holding the titles)."""
    members, runs = set(starts), {}
    for m in starts:
        run, sibling = [m], m.getnext()
        while sibling is not None and sibling not in members and len(run) < _MAX_RUN:
            if sibling not in keep and (sibling.tag in HEADINGS or sibling.tag == "hr"):
                break
            run.append(sibling)
            sibling = sibling.getnext()
        runs[m] = run
    return runs


_LED_SHARE = 0.8  # of the headings with a line alike before them, for the entry to start there
_MAX_RUN = 8  # a flat entry's elements: its first and a few lines after it
