"""Whether a later page of a listing is a whole page of it, or only answered 200.

A "Page not found" page listing a few popular items, or a page the server cut short (a PHP fatal error
after two entries), shows no pagination: the crawl would take it for the listing's last page and mark
every entry of the pages after it removed, those pages never fetched (docs/failures.md). A later page
is taken as a page of its listing only when it shows its pagination: a link to a next or numbered page,
to the listing's first page or to the page that linked to it; and as whole only when its body came
whole (the spider reads Scrapy's flags) and its HTML closes with </body> or </html> where the page that
linked to it did (or at all, when it shows no pagination: then it was cut short, by the look of it).
A last page that shows no pager at all is not known to be the last: its listing stays incomplete.

The spider asks it of each page it parses (in-process or from the parse worker; a distributed worker
too), a 304 answers with what its last capture said, and a reparse judges the stored page the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape
from urllib.parse import urlsplit

from ..origins import host
from ..parsers.ids import join_url

# Where a page came from, in its request's meta (and a distributed crawl's frontier messages).
LINKED_FROM = "linked_from"  # the URL of the page whose link it was
LINKER_CLOSED = "linker_closed"  # whether that page's HTML closed (</body> or </html>)

_CLOSING = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
# A link's address: <a href>, and <link href> (a WordPress page's <link rel="prev"> in its head).
_HREF = re.compile(r"""<(?:a|link)\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)

CUT_SHORT = "cut short (its connection closed before the whole page came)"
UNCLOSED = "cut short (its HTML stops before </body></html>, and it shows no pagination or the page before closed)"
NO_PAGER = (
    "shows no pagination (no link to a next page, to the listing's first page or to the page before): "
    "an error or other page served with 200, or cut short? Not known to be the listing's last page"
)


@lru_cache(maxsize=8192)  # each page links to a score of its neighbours: most links were keyed already
def page_key(url: str) -> str:
    """One key per page whatever the spelling: no fragment, host without "www."."""
    parts = urlsplit(url)
    name = host(url).removeprefix("www.")
    return f"{name}:{parts.port or ''}{parts.path}?{parts.query}"


def html_closes(text: str) -> bool:
    """Whether an HTML document ends as a whole one does: with </body> or </html>."""
    return _CLOSING.search(text) is not None


def links_back(text: str, url: str, listing_url: str, linked_from: str | None) -> bool:
    """Whether the page links to its listing's first page or to the page that linked to it."""
    wanted = {page_key(listing_url)} | ({page_key(linked_from)} if linked_from else set())
    for match in _HREF.finditer(text):
        target = join_url(url, unescape(next(filter(None, match.groups()), "")))
        if target and target.startswith(("http://", "https://")) and page_key(target) in wanted:
            return True
    return False


def not_whole(text: str, url: str, listing_url: str, page_links, meta: dict, cut: bool = False) -> str | None:
    """Why a page reached by a link (not its listing's start) is not known to be a whole page of its listing,
    or None. `meta`: its request's (LINKED_FROM, LINKER_CLOSED); `page_links`: the pagination found on it;
    `cut`: its body came cut short (any page, the start page too)."""
    if cut:
        return CUT_SHORT
    if meta.get("page") == 1 or page_key(url) == page_key(listing_url):
        return None
    no_pager = not page_links and not links_back(text, url, listing_url, meta.get(LINKED_FROM))
    if (no_pager or meta.get(LINKER_CLOSED)) and not html_closes(text):
        return UNCLOSED
    return NO_PAGER if no_pager else None
