"""Whether a page of a listing is a whole page of it, or only answered 200.

A "Page not found" page listing a few popular items, or a page the server cut short (a PHP fatal error
after two entries), shows no pagination: the crawl would take it for the listing's last page and mark
every entry of the pages after it removed, those pages never fetched (docs/failures.md). A later page
is taken as a page of its listing only when it shows its pagination: a link to a next or numbered page,
to the listing's first page or to the page that linked to it; and as whole only when its body came
whole (the spider reads Scrapy's flags) and its HTML closes with </body> or </html> where the page that
linked to it did (or at all, when it shows no pagination: then it was cut short, by the look of it).
A last page that shows no pager at all is not known to be the last: its listing stays incomplete.
The start page has no page before it: it is measured against its own last capture (as the archive gives it), and
taken as cut short when it stops before </body></html> where that capture closed (or was cut short itself, then
measured against the last capture that closed) and lost something that capture showed (entries, its pagination,
its last entry's words: a redesign that drops them for good is whole again), showed pagination it no longer shows,
or listed more entries: a site whose pages never close stays whole while it lists as before. The last entry read
from a page cut short is dropped: its title or summary may stop at the cut.

The spider asks it of each page it parses (in-process or from the parse worker; a distributed worker
too), a 304 answers with what its last capture said (a start page judged cut short is fetched whole, never
revalidated: it is judged again), and a reparse judges the stored page the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape
from urllib.parse import parse_qsl, urlsplit

from ..cut_short import CUT_SHORT, START_CUT, START_CUT_WHERE_CLOSED, UNCLOSED, cut_off, html_closes
from ..origins import host
from ..parsers.ids import join_url

# Where a page came from, in its request's meta (and a distributed crawl's frontier messages).
LINKED_FROM = "linked_from"  # the URL of the page whose link it was
LINKER_CLOSED = "linker_closed"  # whether that page's HTML closed (</body> or </html>)

# A link's address: <a href>, and <link href> (a WordPress page's <link rel="prev"> in its head).
_HREF = re.compile(r"""<(?:a|link)\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)

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


def links_back(text: str, url: str, listing_url: str, linked_from: str | None) -> bool:
    """Whether the page links to its listing's first page or to the page that linked to it: the same page, or
    it without some of its query (a start URL's `?token=` or `?lang=en` that the site's own links leave off)."""
    wanted = [_path_and_query(listing_url)] + ([_path_and_query(linked_from)] if linked_from else [])
    for match in _HREF.finditer(text):
        target = join_url(url, unescape(next(filter(None, match.groups()), "")))
        if target and target.startswith(("http://", "https://")):
            path, query = _path_and_query(target)
            if any(path == want_path and query <= want_query for want_path, want_query in wanted):
                return True
    return False


@lru_cache(maxsize=8192)
def _path_and_query(url: str) -> tuple[str, frozenset]:
    """A page's key without its query, and its query's name=value pairs."""
    return page_key(url).partition("?")[0], frozenset(parse_qsl(urlsplit(url).query, keep_blank_values=True))


def not_whole(text: str, url: str, listing_url: str, page_links, meta: dict, cut=False, last=None) -> str | None:
    """Why a page is not known to be a whole page of its listing, or None. `meta`: its request's (LINKED_FROM,
    LINKER_CLOSED); `page_links`: the pagination found on it; `cut`: its body came cut short; `last`: for the start
    page, its last capture (archive.record.last_captures, with "closed" and the entries it listed) and "listed", the
    entries read from it now."""
    if cut:
        return CUT_SHORT
    if meta.get("page") == 1 or page_key(url) == page_key(listing_url):
        return start_page_cut(text, page_links, last) if last else None
    no_pager = not page_links and not links_back(text, url, listing_url, meta.get(LINKED_FROM))
    if (no_pager or meta.get(LINKER_CLOSED)) and not html_closes(text):
        return UNCLOSED
    return NO_PAGER if no_pager else None


def start_page_cut(text: str, page_links, last: dict) -> str | None:
    """Why a start page that stops before </body></html> is cut short, measured against its last capture."""
    if html_closes(text):
        return None
    if last.get("closed") or last.get("not_whole") == START_CUT_WHERE_CLOSED:  # measured against its last closed
        return None if still_whole(page_links, last) else START_CUT_WHERE_CLOSED
    if last.get("page_links") and not page_links:
        return START_CUT.format("showed pagination")
    before = len(last.get("entry_ids") or ())
    if last.get("listed", 0) < before:
        return START_CUT.format(f"listed {before} entries, it {last.get('listed', 0)}")
    return None


def still_whole(page_links, last: dict) -> bool:
    """Whether a start page that stopped closing </body></html> (a redesign) lost nothing its last capture that
    closed showed (`last["whole"]`, from the archive): as many entries, its pagination, and its last entry one the
    archive has, reading as the archive has it (not cut mid-title). A new entry last cannot vouch: cut, maybe."""
    whole, entry = last.get("whole"), last.get("last_entry")
    if not whole or not entry or last.get("listed", 0) < whole["listed"] or (whole["paged"] and not page_links):
        return False
    return whole["read_as"].get(entry.get("entry_id")) == [entry.get("title"), entry.get("description")]


def body_cut_short(response) -> bool:
    """Scrapy's marks on a body cut short: "dataloss" (shorter than its Content-Length, DOWNLOAD_FAIL_ON_DATALOSS
    off), or "partial" (no length given, so the end is not known) where the HTML does not close either."""
    flags = response.flags or ()
    return "dataloss" in flags or ("partial" in flags and not html_closes(response.text))


def judge_page(response, listing_url: str, page_links, entries: list, last: dict | None) -> tuple[str | None, list]:
    """Why a fetched page is not a whole page of its listing (or None), and the entries to keep of it: without the
    last one read when it was cut short (cut mid-title, say). `last`: the page's last capture, or None."""
    last = dict(last, listed=len(entries), last_entry=entries[-1] if entries else None) if last else None
    why = not_whole(response.text, response.url, listing_url, page_links, response.meta, body_cut_short(response), last)
    return why, entries[:-1] if cut_off(why) else entries


def failed_without_words(failure) -> str:
    """Why a page failed when its error says nothing: Twisted's _DataLoss (a body shorter than its Content-Length,
    or a chunked one with no last chunk, under DOWNLOAD_FAIL_ON_DATALOSS) has no message: the summary said "URL: "."""
    return CUT_SHORT if "DataLoss" in failure.type.__name__ else failure.type.__name__
