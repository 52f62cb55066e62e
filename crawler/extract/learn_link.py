"""The `link` selector of a learnt profile: where the title's element links nowhere (a name in a <font> beside
"> Citeşte mai mult ...", a meeting's name beside its "Meeting details" link), the entry's pointer link."""

from __future__ import annotations

from .html import is_ancestor, text_of
from .learn import Block
from .learn_fields import candidates, first_in, holder
from .titles import is_generic_text
from .wordings import is_more_link


def link_selector(block: Block, title: str | None) -> str | None:
    """The selector of the example's entry link when its title's element has no link in or around it: the first
    link that points (its words "Read more", or the same words in nine blocks of ten), named so that it reads
    such a link in nine blocks of ten. None where the title links, or no such link is found."""
    run = block.runs[block.node]
    named = first_in(run, title) if title else None
    if named is None or any(a.get("href") for a in (*named.iter("a"), *named.iterancestors("a"))):
        return None
    runs = list(block.runs.values())
    links = [a for part in run for a in part.iter("a") if a.get("href") and not is_ancestor(named, a) and text_of(a)]
    # Links that say they point ("Read more", a web address, class="more") before those that say the same in every
    # block ("Meeting details"): a link in a teaser ("the venue") may say the same too.
    for link in [a for a in links if _pointing(a)] + [a for a in links if not _pointing(a)]:
        for selector in candidates(link, holder(block, link)):
            if first_in(run, selector) is not link:
                continue
            found = [first_in(r, selector) for r in runs]
            alike = sum(1 for f in found if f is not None and f.get("href") and _points(f, text_of(link)))
            if alike >= _SHARE * len(runs):
                return selector
    return None


def _pointing(a) -> bool:
    text = text_of(a)
    classes = set((a.get("class") or "").lower().split())
    return is_more_link(text) or is_generic_text(text) or bool(classes & _MORE_CLASSES)


def _points(a, words: str) -> bool:
    return text_of(a) == words or _pointing(a)


_MORE_CLASSES = frozenset({"more", "read-more", "readmore", "more-link", "read_more"})
_SHARE = 0.9
