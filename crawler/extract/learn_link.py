"""The `link` selector of a learnt profile: where the title's element links nowhere (a name in a <font> beside
"> Citeşte mai mult ...", a meeting's name beside its "Meeting details" link), the entry's pointer link."""

from __future__ import annotations

from .html import is_ancestor, text_of
from .learn import Block, normal
from .learn_fields import candidates, first_in, holder
from .pointer_words import is_generic_text
from .wordings import is_more_link


def link_selector(block: Block, title: str | None) -> str | None:
    """The selector of the example's entry link when its title's element has no link in or around it: the first
    link that points (its words "Read more", or the same words in nine blocks of ten), named so that it reads
    such a link in nine blocks of ten, else each entry's first link where entries hold several (_first_link). None
    where the title links, or no such link is found."""
    run = block.runs[block.node]
    named = first_in(run, title) if title else None
    if named is None or any(a.get("href") for a in named.iterancestors("a")):
        return None
    runs = list(block.runs.values())
    inside = [a for a in named.iter("a") if a.get("href")]
    if inside and not _runs_on(named, inside[0], block.title):
        return None  # the title's own link
    links = inside[:1] or [
        a for part in run for a in part.iter("a") if a.get("href") and not is_ancestor(named, a) and text_of(a)
    ]
    # Links that say they point ("Read more", a web address, class="more") before those that say the same in every
    # block ("Meeting details"): a link in a teaser ("the venue") may say the same too.
    for link in sorted(links, key=lambda a: not _pointing(a)):
        for selector in candidates(link, holder(block, link)):
            if first_in(run, selector) is not link:
                continue
            # the blocks with a title (a line row below each, its dates, is read with the row above)
            found = [(first_in(r, selector), t) for r in runs if (t := first_in(r, title)) is not None]
            alike = sum(1 for f, t in found if f is not None and f.get("href") and _alike(f, link, t, bool(inside)))
            if alike >= _SHARE * len(found):
                return selector
    return None if inside else _first_link(block, runs)


def _first_link(block: Block, runs: list) -> str | None:
    """No link points, and some entries hold several (a call's files, its bases first): the reader would find no
    address for those. The selector reading each entry's first link, where it does so in nine blocks of ten, each
    leading elsewhere; None where every entry holds one address at most (the reader takes it)."""
    hrefs = [[a.get("href") for part in run for a in part.iter("a") if a.get("href")] for run in runs]
    if all(len(set(found)) < 2 for found in hrefs):
        return None
    firsts = [next((a for part in run for a in part.iter("a") if a.get("href")), None) for run in runs]
    link = firsts[runs.index(block.runs[block.node])]
    for selector in candidates(link, holder(block, link)) if link is not None else []:
        found = [first_in(run, selector) for run in runs]
        read = [f.get("href") for f, a in zip(found, firsts, strict=True) if f is not None and f is a]
        if len(read) >= _SHARE * len(runs) and len(set(read)) == len(read):
            return selector
    return None


def _alike(found, link, title, inside: bool) -> bool:
    """A link like the example's: inside the block's title as the example's is, else a pointer or of the same words."""
    if inside:
        return title is not None and is_ancestor(title, found)
    return text_of(found) == text_of(link) or _pointing(found)


def _runs_on(named, link, example) -> bool:
    """The example is the title element's whole text, which runs on after its link ("<b><a>DEPARTMENT</a></b> -
    what is bought"): the link is named apart, and the reader keeps the whole title."""
    whole = normal(text_of(named))
    return example.tag != "a" and whole == normal(text_of(example)) and whole != normal(text_of(link))


def _pointing(a) -> bool:
    text = text_of(a)
    classes = set((a.get("class") or "").lower().split())
    return is_more_link(text) or is_generic_text(text) or bool(classes & _MORE_CLASSES)


_MORE_CLASSES = frozenset({"more", "read-more", "readmore", "more-link", "read_more"})
_SHARE = 0.9
