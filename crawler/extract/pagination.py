"""Pagination links: "Next", "›", "»", rel=next, page numbers, and a site's own page-offset
scheme (the ILO's nextRow--N) given by its profile's `page_offset` pattern."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..parsers.ids import host_of, join_url
from .html import document_base, select, text_of

_NEXT_TEXT = re.compile(
    r"^(?:next|next page|more|older|older entries|suivant|suivante|page suivante|siguiente|página siguiente|"
    r"›|»|>|→|>>|next\s*[›»>→]+|suivant\s*[›»>→]+|siguiente\s*[›»>→]+|[›»>→]+\s*next)$",
    re.IGNORECASE,
)
# The first characters _NEXT_TEXT can match (with "ſ", which matches "s" case-insensitively): a page
# number or a title skips the regex.
_NEXT_INITIALS = frozenset("nNmMoOsSpPſ›»>→")
_PAGE_HREF = re.compile(r"[?&](?:page|p|pg|start|offset)=\d+|/page/\d+", re.IGNORECASE)
# r"\b(?:page|página)\s+(\d+)\s+(?:of|de|sur)\s+\d+" (IGNORECASE) written to start with the letter every match starts
# with, "\b" checked after it: the engine scans for the letter instead of trying each character (test_pagination).
_OF_PAGES = re.compile(r"[pP](?<!\w[pP])(?i:age|ágina)\s+(\d+)\s+(?i:of|de|sur)\s+\d+")


def _absolute(base_url: str, href: str | None) -> str | None:
    if not href or href.startswith(("#", "javascript:", "mailto:")):
        return None
    return join_url(base_url, href)


# A "next" text leading to this many different addresses on one page is each entry's own link ("More").
_ENTRY_LINK_SPREAD = 3


def _texts_of_entry_links(anchors) -> set[str]:
    """The next-like texts ("More", "»") that link to _ENTRY_LINK_SPREAD or more different addresses."""
    hrefs_by_text: dict[str, set] = {}
    for a, text in anchors:
        if text[:1] in _NEXT_INITIALS and _NEXT_TEXT.match(text):
            hrefs_by_text.setdefault(text.lower(), set()).add(a.get("href"))
    return {text for text, hrefs in hrefs_by_text.items() if len(hrefs) >= _ENTRY_LINK_SPREAD}


def find_page_links(
    root,
    base_url: str,
    next_selector: str | None = None,
    pages_selector: str | None = None,
    page_offset: re.Pattern | None = None,
) -> list[str]:
    """Every pagination link on the page, the next page first, without duplicates.
    `page_offset` marks a site's own page links (the ILO's nextRow--N)."""
    found: dict[str, None] = {}  # insertion-ordered, with a set's lookup
    resolve_against = document_base(root, base_url)  # <base href="/">: "news?page=2" is "/news?page=2"

    tried: set = set()  # hrefs already read: the page list's links come again in the later passes

    def add(href):
        if href in tried:
            return
        tried.add(href)
        url = _absolute(resolve_against, href)
        if url and url not in found and url.split("#")[0] != base_url:
            found[url] = None

    if next_selector:
        for a in select(root, next_selector):
            add(a.get("href"))
    for el in _rel_next(root):
        add(el.get("href"))
    anchors = [(a, (text_of(a) or "").strip()) for a in root.iter("a")]
    per_entry = _texts_of_entry_links(anchors)
    for a, text in anchors:
        if text.lower() in per_entry:
            continue  # every entry's own "More": links to the entries, not to the next page
        if (text[:1] in _NEXT_INITIALS and _NEXT_TEXT.match(text)) or (a.get("aria-label") or "").lower() in (
            "next",
            "next page",
            "suivant",
            "siguiente",
        ):
            add(a.get("href"))
    if pages_selector:
        for a in select(root, pages_selector):
            add(a.get("href"))
    numbered: dict = {}  # box -> whether it holds two number links, asked once per box
    for a, text in anchors:
        if not (text.isdigit() and len(text) <= 4):
            continue
        href = a.get("href") or ""
        if href in tried:
            continue  # added, or refused, already
        paged = (
            _PAGE_HREF.search(href)
            or (page_offset is not None and page_offset.search(href))
            or _numbered_twin(href, base_url)
        )
        if paged or _sibling_numbers(a, numbered):
            add(href)
    return list(found)


# "Load more" and its kin: a button that brings the next page in by script, with no address to follow.
_MORE_TEXT = re.compile(
    r"(?:load|show|view|see|display)\s+more(?:\s+\w+)?|more\s+(?:results|items|entries|news|stories)|"
    r"charger\s+plus|afficher\s+plus|voir\s+plus|cargar\s+más|ver\s+más|mostrar\s+más",
    re.IGNORECASE,
)
# Shown at most this many of a page's script page links (the summary names the first).
SCRIPT_LINKS_KEPT = 3


def find_script_page_links(root) -> list[str]:
    """Pagination controls with no address to follow: "Next", "Load more" or a page number (2 and up)
    whose href is javascript:, a fragment, or missing (a <button>). Disabled controls and the current
    page's own number are not counted: they lead nowhere on a listing's last page either.

    Asked only of a page with no followable page link: the listing may go on where the crawl cannot."""
    found: dict[str, None] = {}
    numbered: dict = {}
    for el in root.iter("a", "button"):
        href = (el.get("href") or "").strip()
        if el.tag == "a" and _absolute("http://x/", href):
            continue  # an address: find_page_links follows it
        text = (text_of(el) or "").strip()
        label = (el.get("aria-label") or "").strip().lower()
        if text.isdigit() and len(text) <= 4:
            pager = int(text) >= 2 and el.tag == "a" and _sibling_numbers(el, numbered)
        else:
            pager = bool(
                _NEXT_TEXT.match(text) or _MORE_TEXT.fullmatch(text) or label in ("next", "next page", "load more")
            )
        if pager and not _inert(el):
            found[href or f"<{el.tag}> {text}"] = None
        if len(found) >= SCRIPT_LINKS_KEPT:
            break
    return list(found)


def _inert(el) -> bool:
    """Disabled, or the current page: a control that a listing's last page shows too."""
    for node in (el, el.getparent()):
        if node is None:
            continue
        classes = (node.get("class") or "").lower().split()
        if node.get("disabled") is not None or (node.get("aria-disabled") or "").lower() == "true":
            return True
        if node.get("aria-current") or {"disabled", "active", "current", "is-current", "selected"} & set(classes):
            return True
    return False


def is_next_link(a) -> bool:
    """A link that says it leads to the next page: rel=next, its text ("Next", "›", "Suivant") or aria-label."""
    text = (text_of(a) or "").strip()
    label = (a.get("aria-label") or "").lower()
    rel = _XML_SPACE.split(a.get("rel") or "")
    return "next" in rel or bool(_NEXT_TEXT.match(text)) or label in ("next", "next page", "suivant", "siguiente")


def _rel_next(root) -> list:
    """<a rel="... next ..."> and <link rel="next"> anywhere in the document, in page order: what the
    XPath "//a[contains(concat(' ', normalize-space(@rel), ' '), ' next ')] | //link[@rel='next']"
    finds, with one walk over the links instead of two over every element."""
    found = []
    for el in root.getroottree().getroot().iter("a", "link"):
        rel = el.get("rel")
        if rel is not None and (rel == "next" if el.tag == "link" else "next" in _XML_SPACE.split(rel)):
            found.append(el)
    return found


_XML_SPACE = re.compile(r"[ \t\r\n]+")  # what normalize-space() collapses


def _numbered_twin(href: str, base_url: str) -> bool:
    """The same listing with a number in its address: ".../lang--en/nextRow--10/index.htm"
    beside ".../lang--en/index.htm", "/news/2/" beside "/news/"."""
    url = _absolute(base_url, href)
    if not url or not _DIGIT.search(url):
        return False
    if host_of(url) != host_of(base_url):
        return False
    a, b = urlsplit(url), urlsplit(base_url)
    return _plain(a.path) == _plain(b.path) and a.path != b.path


_DIGIT = re.compile(r"\d")


def _plain(path: str) -> list[str]:
    return [seg for seg in path.split("/") if seg and not _DIGIT.search(seg)]


def _sibling_numbers(a, numbered: dict) -> bool:
    """A number link among other number links: a page list."""
    box = a.getparent()
    for _ in range(2):
        if box is None:
            return False
        if box not in numbered:
            numbered[box] = sum(1 for x in box.iter("a") if (text_of(x) or "").strip().isdigit()) >= 2
        if numbered[box]:
            return True
        box = box.getparent()
    return False


def page_number(root, url: str, rows_per_page: int | None = None, page_offset: re.Pattern | None = None) -> int | None:
    """The page's number: from "Page 2 of 14", else from the first row's offset in the URL
    (the profile's `page_offset`, "nextRow--20" with 10 rows a page: page 3)."""
    # One search over the texts joined by a character no match holds and no lxml text can (XML cannot): the
    # first match is the first text's that has one, as when each text was searched in turn.
    m = _OF_PAGES.search("\x00".join(el.text or "" for el in root.iter("strong", "span", "p", "div", "li")))
    if m:
        return int(m.group(1))
    m = page_offset.search(url) if page_offset is not None else None
    if m and m.groups() and m.group(1).isdigit() and rows_per_page:
        return int(m.group(1)) // rows_per_page + 1
    return None
