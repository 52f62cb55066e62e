"""A state badge inside the title's element (`<dd>Public call <span class="text-success">cerrado</span></dd>`:
"proceso", "cerrado"), the example given without it: the profile reads each title without that part
(`title_without`, read by title_cuts.title_without). So too a count closing titles in an element of its own (a forum's
likes, `<a>Title <span>(1)</span></a>`), whether the example's title shows one or not, and a subtitle after a line
break (`<span>Name<br><span class="kicker">Event</span></span>`, de-haus-b-queeres-zentrum-veranstaltungen, batch Z)."""

from __future__ import annotations

import re

from ..parsers.datelines import date_in_line
from .css_names import compounds, valid
from .html import select, text_of
from .learn import Block, normal
from .learn_fields import first_in
from .title_cuts import text_without_parts


def learn_badge(block: Block, example: str, selectors: dict) -> bool:
    """Set `title_without` where the example is its title element's text but for one part of it (an element inside
    it), and the titles of half the entries or more hold a part so named, each a few words repeating from entry to
    entry (a state: half as many kinds as badges at most), none a date. True where it was set."""
    title = selectors.get("title")
    shown = first_in(block.runs[block.node], title) if title else None
    if shown is None or "title_without" in selectors:
        return False
    titles = [t for run in block.runs.values() if (t := first_in(run, title)) is not None]
    if counts := _count_badge(titles):
        selectors["title_without"] = counts
        return True
    if normal(text_of(shown)) == normal(example):
        return False
    for part in shown.iterdescendants():
        if not isinstance(part.tag, str) or not text_of(part):
            continue
        # the part's names that leave the example, by how many titles they find a badge in: the tag alone where
        # the badges' classes say their state ("text-success" closed, "text-warning" open), its class on a tie
        named = [s for s in compounds(part, with_id=False) if valid(s)]
        named = [s for s in named if normal(text_without_parts(shown, s)) == normal(example)]
        counted = [(n, s) for s in named if (n := _badges(titles, s) or _subtitles(titles, s))]
        if counted:
            selectors["title_without"] = max(counted, key=lambda found: found[0])[1]
            return True
    return False


def _badges(titles: list, selector: str) -> int:
    """How many titles hold a part `selector` names, where half of them or more do, each one part of a few words, no
    date, the words repeating from title to title, and never the whole title; else 0."""
    found = [select(t, selector) for t in titles]
    if any(len(parts) > 1 for parts in found):
        return 0
    words = [text_of(parts[0]) or "" for parts in found if parts]
    if 2 * len(words) < len(titles) or any(len(w.split()) > _BADGE_WORDS or date_in_line(w) for w in words):
        return 0
    kept = [normal(text_without_parts(t, selector)) for t in titles]
    return len(words) if all(kept) and 2 * len({normal(w) for w in words}) <= len(words) else 0


def _subtitles(titles: list, selector: str) -> int:
    """How many titles hold one part `selector` names right after a line break (`<br>`), where half of them or more
    do and none is left empty without it: a kicker or subtitle set under the name, whatever its words; else 0."""
    found = [select(t, selector) for t in titles]
    parts = [p[0] for p in found if len(p) == 1]
    if len(parts) < len([p for p in found if p]) or 2 * len(parts) < len(titles):
        return 0
    after_break = [p for p in parts if (br := p.getprevious()) is not None and br.tag == "br" and not _words(br.tail)]
    kept = [normal(text_without_parts(t, selector)) for t in titles]
    return len(parts) if len(after_break) == len(parts) and all(kept) else 0


def _words(text: str | None) -> str:
    return (text or "").strip()


def _count_badge(titles: list) -> str | None:
    """The tag of an inline element closing two titles or more with a count alone ("(1)", "[12]": likes, replies),
    where every element of that tag inside the titles shows such a count: the title is the words before it."""
    closing = [kids[-1].tag for t in titles if (kids := [k for k in t if isinstance(k.tag, str)])]
    for name in sorted({n for n in closing if n in _BADGE_TAGS}):
        parts = [p for t in titles for p in t.iter(name) if p is not t]
        counted = [p for p in parts if _COUNT.fullmatch(text_of(p) or "") and not (p.tail or "").strip()]
        if len(counted) >= _COUNTS and len(counted) == len(parts):
            return name
    return None


_BADGE_WORDS = 3  # a state ("cerrado", "en proceso", "Agenda Ready"); more words are a subtitle
# "(1)", "[12]", "(+3)": a number alone in brackets, and the inline elements that show one
_COUNT = re.compile(r"[(\[]\s*\+?\d[\d\s.,]*[)\]]")
_BADGE_TAGS = frozenset({"span", "small", "em", "i", "b", "strong", "sup", "sub", "mark", "label"})
_COUNTS = 2  # titles closing on a count, for the count to be no part of any
