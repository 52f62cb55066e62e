"""A state badge inside the title's element (`<dd>Public call <span class="text-success">cerrado</span></dd>`:
"proceso", "cerrado"), the example given without it: the profile reads each title without that part
(`title_without`, read by title_cuts.title_without)."""

from __future__ import annotations

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
    if shown is None or normal(text_of(shown)) == normal(example) or "title_without" in selectors:
        return False
    titles = [t for run in block.runs.values() if (t := first_in(run, title)) is not None]
    for part in shown.iterdescendants():
        if not isinstance(part.tag, str) or not text_of(part):
            continue
        for selector in (s for s in compounds(part, with_id=False) if valid(s)):
            if normal(text_without_parts(shown, selector)) == normal(example) and _badges(titles, selector):
                selectors["title_without"] = selector
                return True
    return False


def _badges(titles: list, selector: str) -> bool:
    """Whether `selector` names, in half the titles or more, one part each of a few words, no date, the words
    repeating from title to title, and never the whole title."""
    found = [select(t, selector) for t in titles]
    if any(len(parts) > 1 for parts in found):
        return False
    words = [text_of(parts[0]) or "" for parts in found if parts]
    if 2 * len(words) < len(titles) or any(len(w.split()) > _BADGE_WORDS or date_in_line(w) for w in words):
        return False
    kept = [normal(text_without_parts(t, selector)) for t in titles]
    return all(kept) and 2 * len({normal(w) for w in words}) <= len(words)


_BADGE_WORDS = 3  # a state ("cerrado", "en proceso", "Agenda Ready"); more words are a subtitle
