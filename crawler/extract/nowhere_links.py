"""Links to no address (`href=""`, `"#"`, `"javascript:…"`): a script's button ("Print", "Load more", a menu's
toggle), or a record whose page its site has not written (yet), kept as an entry without a link of its own."""

from __future__ import annotations

from .fields import HEADINGS
from .html import PAGE_CACHES, text_of
from .pointer_words import is_generic_text
from .wordings import is_more_link

# An empty link names a record with at least this many words.
_SELF_NAME_WORDS = 3
# Per page (its root): the "Read more" wordings its links to real addresses say.
_POINTERS: dict = {}
PAGE_CACHES.append(_POINTERS)


def leads_nowhere(href: str | None) -> bool:
    """An address that opens no page: empty, a bare "#", or a script ("javascript:void(0)"). A missing href is no
    link at all, and "#part" is a place in the page."""
    shown = (href or "").strip()
    return href is not None and (shown in ("", "#") or shown.lower().startswith("javascript:"))


def stands_for_a_page(a) -> bool:
    """A link to no address that stands for a record's page: its words name the record (three or more, no pointer:
    `<a href="">A paper's long title</a>`), or it is the "Read more" that leads the page's other records to theirs
    (a card whose article is not written yet). A short one ("Print", "Load more", "Menu") is a button."""
    if not leads_nowhere(a.get("href")):
        return False
    shown = text_of(a) or ""
    if len(shown.split()) >= _SELF_NAME_WORDS and not is_generic_text(shown):
        return True
    if _heads_a_record(a, shown):  # a short title ("Stammtisch") whose link turned into a script's
        return True
    return is_more_link(shown) and shown in _pointers_to_pages(a.getroottree().getroot())


def _heads_a_record(a, shown: str) -> bool:
    """The link is all of a heading's words: a record's title, however short; no button stands alone in a heading."""
    parent = a.getparent()
    heading = parent is not None and parent.tag in HEADINGS and (text_of(parent) or "") == shown
    return heading and bool(shown) and not is_generic_text(shown) and not is_more_link(shown)


def _pointers_to_pages(root) -> set:
    if root not in _POINTERS:
        _POINTERS.clear()  # one page at a time
        _POINTERS[root] = {
            shown for a in root.iter("a") if is_more_link(shown := text_of(a) or "") and _real_address(a.get("href"))
        }
    return _POINTERS[root]


def _real_address(href: str | None) -> bool:
    shown = (href or "").strip().lower()
    return bool(shown) and not leads_nowhere(shown) and not shown.startswith(("#", "mailto:", "tel:", "data:"))
