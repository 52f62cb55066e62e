"""Articles shown in full on a listing page: records named by headings with no link, whose links stand in
their text ("<article><h2>News</h2><p>… see <a>the programme</a> …</p></article>")."""

from __future__ import annotations

from .html import tag, text_of

# Inline elements a link in running text may sit in (<p>… <strong><a>…</a></strong> …</p>).
_INLINE = {"span", "strong", "em", "b", "i", "sup", "sub", "small", "mark", "code"}
# The share of the links that must stand in running text.
_IN_TEXT_SHARE = 2 / 3
# The fewest records named by headings that make a list of articles.
_MIN_ARTICLES = 3


def articles_win(links: dict, articles: dict) -> bool:
    """Whether the records named by headings (`articles`: {record: heading}) are the entries rather than the list
    of links found (`links`: {record: link}): three or more, each heading its own words, every link inside one
    of them, more links than articles, most of them in running text (words of their paragraph around them), and
    some articles holding none. A link to each card ("<h3>Name</h3> <a>Zum Gesetzblatt</a>", "Read more"), some
    cards without one, stays the card's own."""
    if len(articles) < _MIN_ARTICLES or len(links) <= len(articles):
        return False
    if len({text_of(h) for h in articles.values()}) < len(articles):
        return False
    holders = [next((x for x in (r, *r.iterancestors()) if x in articles), None) for r in links]
    if None in holders or len({id(h) for h in holders}) == len(articles):
        return False  # a link outside the articles, or every article holding one: the links are the records'
    in_text = sum(1 for a in links.values() if a is not None and _in_running_text(a))
    return in_text >= _IN_TEXT_SHARE * len(links)


def _in_running_text(a) -> bool:
    """A link with words of its own paragraph around it: more than twice its words and three more."""
    block = a.getparent()
    while block is not None and tag(block) in _INLINE:
        block = block.getparent()
    words = len((text_of(a) or "").split())
    return block is not None and len((text_of(block) or "").split()) >= 2 * words + 3
