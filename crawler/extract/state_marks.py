"""A state mark closing a list's titles (issue 21, held-out batch V: a school's calls for staff,
"<dd>Concurso Publico <span class="text-success">cerrado</span></dd>"): a classed inline element of a word or two,
of a few wordings over the list ("open", "closed", "new"; "proceso", "cerrado"), says what state a record is in, not
what it is called: the title is the words before it."""

from __future__ import annotations

import copy
import re

from .edge_dates import edge_date
from .html import drop_tree, tag, text_of
from .raw import RawEntry

_MARK_TAGS = frozenset({"span", "small", "em", "i", "b", "strong", "mark", "sup", "label"})
# A mark is a word or two of letters; a list's marks take a few wordings, on this many records at least and on
# at least this share of them.
_MARK_WORDS, _MAX_WORDINGS, _MIN_MARKED, _MARKED_SHARE = 2, 3, 3, 0.5
_LETTERS = re.compile(r"^[^\W\d_]+(?:[ -][^\W\d_]+)?$")


def without_state_marks(entries: list[RawEntry], records: list) -> None:
    """Titles closing on a state mark lose it, where most records of the list show one. `records`: each entry's
    block, in the same order."""
    marked = {}
    for i, (entry, record) in enumerate(zip(entries, records, strict=True)):
        found = _closing_mark(record, entry.title) if entry.title else None
        if found is not None:
            marked[i] = found
    wordings = {mark.casefold() for mark, _ in marked.values()}
    if len(marked) < max(_MIN_MARKED, _MARKED_SHARE * len(entries)) or len(wordings) > _MAX_WORDINGS:
        return
    if len({rest for _, rest in marked.values()}) == 1:
        return  # the words before the marks are the same on every record: the marks tell them apart
    for i, (_, rest) in marked.items():
        entries[i].title = rest


def _closing_mark(record, title: str) -> tuple[str, str] | None:
    """(mark, the title's words before it) when the element showing `title` in `record` closes on a classed inline
    element of a word or two with nothing after it."""
    for el in record.iter():
        if not isinstance(el.tag, str) or text_of(el) != title:
            continue
        kids = [k for k in el if isinstance(k.tag, str)]
        last = kids[-1] if kids else None
        if last is None or tag(last) not in _MARK_TAGS or not last.get("class") or (last.tail or "").strip():
            continue  # a heading around the title's link: the link may close on the mark
        mark = text_of(last) or ""
        if not _LETTERS.match(mark) or len(mark.split()) > _MARK_WORDS or not title.endswith(" " + mark):
            return None
        return mark, title[: -len(mark)].rstrip()
    return None


def without_status_badges(entries: list[RawEntry], records: list) -> None:
    """<div><span class="meeting-is-cancelled">Cancelled</span> April 29, 2025 at 4:30 PM - Special <span …>Cancelled
    </span></div> (batch W, a school board's meetings): a classed inline element of a word or two at a title's edge
    whose class names a state (cancelled, postponed, a status, a badge) says what became of the record, however few
    records show one; the title is its line without it, and a date that line then opens or closes on is the entry's
    date, as on the records without a badge. `records`: each entry's block, in the same order."""
    for entry, record in zip(entries, records, strict=True):
        line = next((el for el in record.iter() if isinstance(el.tag, str) and text_of(el) == entry.title), None)
        badges = _edge_badges(line) if entry.title and line is not None else []
        if not badges:
            continue
        bare = copy.deepcopy(line)
        for i in sorted((line.index(b) for b in badges), reverse=True):
            drop_tree(bare[i])
        split = edge_date(bare) if entry.date_text is None else None
        entry.title, entry.date_text = split if split is not None else (text_of(bare) or entry.title, entry.date_text)


def _edge_badges(line) -> list:
    """The status badges opening and closing `line` (its first child with no words before it, its last with none
    after)."""
    kids = [k for k in line if isinstance(k.tag, str)]
    edges = ([kids[0]] if kids and not (line.text or "").strip() else []) + (
        [kids[-1]] if kids and not (kids[-1].tail or "").strip() else []
    )
    return list({id(k): k for k in edges if _status_badge(k)}.values())


def _status_badge(el) -> bool:
    shown = text_of(el) or ""
    classed = _STATUS_CLASS.search(el.get("class") or "")
    return tag(el) in _MARK_TAGS and bool(classed) and bool(_LETTERS.match(shown)) and len(shown.split()) <= _MARK_WORDS


# Class names that say what became of a record ("is-cancelled", "status-postponed", "badge").
_STATUS_CLASS = re.compile(r"cancel|postpon|status|badge", re.IGNORECASE)
