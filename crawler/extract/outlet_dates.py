"""The date of an entry whose title is no link and whose one link names something else: a press review's item
(`<li><strong>Title</strong><br>Online article <a>the outlet</a>, 06.05.2020.</li>`), the day the outlet ran it."""

from __future__ import annotations

from .html import is_ancestor
from .lead_text import bare_date_line


def outlet_date(elements, title_el) -> str | None:
    """The date closing the line of the entry's one link, read as the line of a linked title is (bare_date_line),
    where the title element holds no link and the link is outside it; None otherwise."""
    if title_el is None or title_el.tag == "a" or any(a.get("href") for a in title_el.iter("a")):
        return None
    links = [a for el in elements for a in el.iter("a") if a.get("href")]
    if len(links) != 1 or is_ancestor(title_el, links[0]):
        return None
    return bare_date_line(elements, links[0])
