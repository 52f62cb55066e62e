"""Tables as lists (issue 21): the rows of two tables headed differently are two lists, not one ("Name, Term
Ends" over a board's members and "Date, Title, Files" over its meetings), however alike their rows' markup."""

from __future__ import annotations

import re

from .fields import date_from_element
from .html import tag, text_of


def split_by_table_head(groups: dict) -> dict:
    """`groups` (shape key: elements) with each group of table rows cut by the header its table shows; rows of
    tables with no header row, or of one header, stay together."""
    out: dict = {}
    heads: dict = {}
    for key, els in groups.items():
        if not els or tag(els[0]) != "tr":
            out[key] = els
            continue
        for el in els:
            out.setdefault((*key, _head_of(el, heads)), []).append(el)
    return out


def inner_rows(rows: list) -> list:
    """The rows of a group that hold no other row of it, when some do: a layout table's rows around the tables of
    records (nested under fiscal-year heading rows) share the records' shape; [] when no row nests another."""
    if not rows or tag(rows[0]) != "tr":
        return []
    holders = {anc for row in rows for anc in row.iterancestors() if tag(anc) == "tr"}
    inner = [row for row in rows if row not in holders]
    return inner if len(inner) < len(rows) else []


def same_table_head(rows, others) -> bool:
    """Whether two lists' first records show one table head (or stand in no table, or none with a head)."""
    heads: dict = {}
    return _head_of(rows[0], heads) == _head_of(others[0], heads)


def _head_of(row, heads: dict) -> tuple:
    table = next((a for a in row.iterancestors() if tag(a) == "table"), None)
    if table is None:
        return ()
    if table not in heads:
        cells = [th for th in table.iter("th") if not any(tag(a) == "tbody" for a in th.iterancestors())]
        heads[table] = tuple((text_of(th) or "").lower() for th in cells[:_HEAD_CELLS])
    return heads[table]


# A table's head is read from this many header cells at most.
_HEAD_CELLS = 8


def documents_table(scored, min_records: int):
    """Of two tables, the one whose rows each link to a file (an agenda's PDF) and mostly show a date of their own
    is the listing, over a winning table whose rows link to no file (a board's members beside its meetings).
    `scored` holds (rank, records, title links, flat, title quality), best first. None when the winner stands."""
    _, records, _, flat, _ = scored[0]
    if flat or tag(records[0][0]) != "tr" or any(_links_a_file(members) for members in records):
        return None
    rows = {members[0] for members in records}
    for candidate in scored[1:]:
        theirs = candidate[1]
        if candidate[3] or len(theirs) < min_records or tag(theirs[0][0]) != "tr" or rows & {m[0] for m in theirs}:
            continue
        if all(_links_a_file(members) for members in theirs) and _mostly_dated(theirs):
            return candidate
    return None


def _mostly_dated(records) -> bool:
    return sum(1 for members in records if any(date_from_element(m) for m in members)) * 2 > len(records)


def _links_a_file(members) -> bool:
    return any(_FILE.search(a.get("href") or "") for m in members for a in m.iter("a"))


# A link to a document file rather than a page: its path ends in a document's extension.
_FILE = re.compile(r"\.(?:pdf|docx?|odt|rtf|xlsx?|ods|pptx?|odp)(?:$|[?#])", re.IGNORECASE)
