"""Does a page build its list in the browser? Signs read from the HTML a plain fetch gets.

A page that listed nothing (or only a navigation link) but carries scripts that build
content, a <noscript> warning or an empty list container, or whose later entries sit
behind a "Load more" button, is not read whole without a browser: the crawl says so
instead of passing it as complete (archive.health).
"""

from __future__ import annotations

import re

from parsel import Selector

HINT = "this page builds its list in the browser: crawl it with --render"
# Fewer entries than this, with signs of a script-built list, is a list the browser builds.
FEW_ENTRIES = 2
# Script code that writes into the page or asks the site for data.
_BUILDS = re.compile(
    r"\.innerHTML\s*[+]?=|insertAdjacentHTML|appendChild|\.append\(|\.prepend\(|createElement|"
    r"replaceChildren|document\.write|\bfetch\s*\(|XMLHttpRequest|\$\.(?:ajax|get|getJSON)\b|\.load\("
)
# A script tag a framework mounts into, or the data it renders from.
_FRAMEWORK = re.compile(r"__NEXT_DATA__|__NUXT__|data-reactroot|ng-app|ng-version|data-v-app|x-data=", re.IGNORECASE)
# Names that mark an element as the list's container.
_LIST_NAME = re.compile(
    r"(?<![a-z])(?:list|results|items|entries|cards|grid|feed|publications|news|events|root|app)(?![a-z])",
    re.IGNORECASE,
)
_MORE_WORD = re.compile(r"\bmore\b", re.IGNORECASE)
# The whole text of a "Load more" control ("Show more filters" is not one).
_MORE_NOUNS = r"(?:results|items|entries|news|articles|publications|stories|posts|events|documents|resources)"
_LOAD_MORE = re.compile(
    rf"^\s*(?:(?:load|show|view|see)\s+more(?:\s+{_MORE_NOUNS})?|more\s+{_MORE_NOUNS})\s*(?:\.\.\.|…)?\s*$",
    re.IGNORECASE,
)


def builds_list_in_browser(html: str, entries: int, page_links: list, load_more: str = "") -> bool:
    """True when the page, as fetched, looks like a list a browser builds or extends.

    `load_more` is the profile's "Load more" selector, if it has one.
    """
    offers_more = not page_links and bool(load_more or _MORE_WORD.search(html or ""))
    if entries >= FEW_ENTRIES and not offers_more:
        return False  # the common case, read without parsing the page again
    sel = Selector(text=html or "<html></html>")
    if offers_more and _load_more_control(sel, load_more):
        return True  # its later entries are behind a button: without a browser they are lost
    if entries >= FEW_ENTRIES:
        return False
    # An empty container alone says little on a page that lists something (an empty menu, a last
    # page's empty pager): it counts only where nothing was read.
    return bool(_noscript_warning(sel) or (entries == 0 and _empty_container(sel)) or _building_script(sel))


def _building_script(sel: Selector) -> bool:
    if _FRAMEWORK.search(sel.get() or ""):
        return True
    inline = " ".join(sel.xpath("//script[not(@src)]/text()").getall())
    return bool(_BUILDS.search(inline))


def _noscript_warning(sel: Selector) -> bool:
    """A <noscript> with words in it (an "enable JavaScript" notice), not a tracking pixel."""
    for node in sel.xpath("//noscript"):
        text = " ".join(node.xpath(".//text()").getall())
        if re.search(r"[A-Za-z]{3,}", re.sub(r"<[^>]*>", " ", text)):
            return True
    return False


# Containers outside the page's chrome: an empty menu or pager in a nav, header, footer or aside is no list.
_CONTAINERS = " | ".join(
    f"//{tag}[not(ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside)]"
    for tag in ("ul", "ol", "tbody", "div", "section", "main")
)


def _empty_container(sel: Selector) -> bool:
    """A list, table body or named container with no element inside: filled in later by a script."""
    for node in sel.xpath(_CONTAINERS):
        names = " ".join(node.xpath("@id | @class").getall())
        is_list = node.root.tag in ("ul", "ol", "tbody")
        if (is_list or (names and _LIST_NAME.search(names))) and not node.xpath("*"):
            return True
    return False


def _load_more_control(sel: Selector, load_more: str) -> bool:
    if load_more and sel.css(load_more):
        return True
    for node in sel.xpath("//button | //a[not(@href) or @href='#' or starts-with(@href, 'javascript:')]"):
        if _LOAD_MORE.search(" ".join(node.xpath(".//text()").getall())):
            return True
    return False
