"""Records drawn over several table rows, and links that name a kind, not an entry (issue 21, a city's list of
bids): <tr><td><b><a>PUBLIC WORKS DEPARTMENT</a></b> - Invitation for Sealed Bids ...</td></tr>
<tr><td>3/27/17 - 4/20/17: "NOTE: ..."</td></tr><tr><td></td></tr>, and the same again for each bid."""

from __future__ import annotations

import re
from collections import Counter

from ..parsers.datelines import date_in_line
from ..parsers.text import clean_text
from .edge_dates import br_lines
from .html import INLINE, tag, text_of

# Most of a list's rows repeat the same gap between records (a footer row may break the last).
_SHARE_OF_GAPS = 0.8
# Rows between records beyond this many are no part of a record.
_MAX_ROWS = 4


def _row_of(el):
    return next((a for a in (el, *el.iterancestors()) if tag(a) == "tr"), None)


def row_runs(blocks) -> list[list]:
    """Each record and the rows below its own, up to the next record's, when records stand one a row in one
    table at a steady number of rows apart and the rows between hold no link: their lines (dates, notes) are
    the record's. Else each record alone."""
    alone = [[b] for b in blocks]
    rows = [_row_of(b) for b in blocks]
    if len(blocks) < 3 or None in rows or len(set(rows)) < len(rows):
        return alone
    parent = Counter(r.getparent() for r in rows).most_common(1)[0][0]  # a footer's row elsewhere stays alone
    inside = [r for r in rows if r.getparent() is parent]
    siblings = [r for r in parent if tag(r) == "tr" and (r in rows or text_of(r))]  # empty spacer rows aside
    at = {r: i for i, r in enumerate(siblings)}
    gaps = Counter(at[b] - at[a] for a, b in zip(inside, inside[1:], strict=False))
    gap, count = gaps.most_common(1)[0] if gaps else (0, 0)
    if gap < 2 or gap > _MAX_ROWS + 1 or count < _SHARE_OF_GAPS * (len(inside) - 1):
        return alone
    runs, taken = [], set(rows)
    for block, row in zip(blocks, rows, strict=True):
        below = [r for r in siblings[at[row] + 1 : at[row] + gap] if r not in taken] if row in at else []
        runs.append([block, *below] if not any(r.find(".//a[@href]") is not None for r in below) else [block])
    return runs


def links_name_kinds(links) -> bool:
    """Few wordings over many records' links (22 departments over 80 bids): the links name each record's
    kind or source, not the record."""
    links = list(links)
    return len(links) >= _MIN_KIND_RECORDS and len({text_of(a) for a in links}) * 2 <= len(links)


_MIN_KIND_RECORDS = 6


# The link's words, then a dash, bar or colon and more words: "PUBLIC WORKS DEPARTMENT - Invitation for ...".
_CONTINUED = re.compile(r"^\s*[-–—|:]\s*\S")


def wording_line(link) -> tuple[str, object] | None:
    """(the line, its element) a shared wording opens (the text of its nearest block up to a line break), when
    the line goes on after a dash, bar or colon: that line names the record."""
    line = next((a for a in link.iterancestors() if tag(a) not in INLINE), None)
    # its line ends at a line break: "<li><a>PARKS</a> - Budget<br>12 March 2000</li>" names "PARKS - Budget"
    first = next((text for text in br_lines(line) if text), None) if line is not None else None
    shown, whole = text_of(link) or "", first
    if not whole or not whole.startswith(shown) or not _CONTINUED.match(whole[len(shown) :]):
        return None
    if date_in_line(whole[len(shown) :].lstrip(" -–—|:")):
        return None  # "City Council Meeting - 1 March 2020": the line goes on with a date, not a name
    return clean_text(whole), line
