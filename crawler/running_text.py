"""Links inside a sentence: what an "About" page's generic read takes for entries.

The generic extractor (crawler/extract) finds links with text; on a page of prose those
are the links in its paragraphs ("…with <a>research</a>, training…", "<a>Contact the
Centre</a> for questions…"). A listing's entry link is a title of its own, with at most
a date or a label beside it. The health checks (archive.health) count an entry whose
every link sits in running text as no entry of a listing.
"""

from __future__ import annotations

import re

import lxml.html

from .extract.html import INLINE

# Only small pages are looked at (a second parse of the page): a page of many entries is no About page.
MAX_ENTRIES_LOOKED_AT = 10
# A sentence goes on around the link with at least this many words of its own.
_MIN_WORDS_AROUND = 3
_WORD = re.compile(r"\w+")


def links_in_running_text(text: str, hrefs: list[str | None]) -> int:
    """How many of `hrefs` (entries' links, as written in the page) are only ever linked inside a sentence."""
    wanted = {h.strip() for h in hrefs if h}
    if not wanted or len(hrefs) > MAX_ENTRIES_LOOKED_AT:
        return 0
    try:
        root = lxml.html.document_fromstring(text)
    except (ValueError, lxml.etree.ParserError):  # an empty or unparsable page: the other checks say so
        return 0
    in_prose: dict[str, bool] = {}
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        if href in wanted:
            in_prose[href] = in_prose.get(href, True) and _in_sentence(anchor)
    return sum(1 for h in hrefs if h and in_prose.get(h.strip()))


def _in_sentence(anchor) -> bool:
    """Is the link part of a sentence in a paragraph: a word runs into it, or the sentence runs on after it?"""
    block = anchor.getparent()
    while block is not None and block.tag in INLINE:  # the first ancestor that is no inline element holds its line
        block = block.getparent()
    if block is None or block.tag != "p":
        return False
    line, link = block.text_content(), anchor.text_content()
    at = line.find(link)  # the link's own text in its line (its first place, if it is there twice)
    if at < 0 or not link.strip():
        return False
    before, after = line[:at].strip(), line[at + len(link) :].strip()
    if len(_WORD.findall(before + " " + after)) < _MIN_WORDS_AROUND:
        return False  # a title with a label beside it ("(report)", "by Smith")
    return (before[-1:].isalpha() or before.endswith(",")) or after[:1].islower()
