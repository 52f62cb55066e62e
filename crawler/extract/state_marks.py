"""A state mark closing a list's titles (issue 21, held-out batch V: a school's calls for staff,
"<dd>Concurso Publico <span class="text-success">cerrado</span></dd>"): a classed inline element of a word or two,
of a few wordings over the list ("open", "closed", "new"; "proceso", "cerrado"), says what state a record is in, not
what it is called: the title is the words before it."""

from __future__ import annotations

import re

from .html import tag, text_of
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
