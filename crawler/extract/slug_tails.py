"""A person's name run on after a title, told by the link's own address (issue 21):
<a href="/events/budget-test-strategies.html">Budget test strategies - Julius Mischok</a>. The site named the
page by its title; the words after the last dash, in no part of that name, are the speaker or the author."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from .html import tag

# The last dash between words ("Title - Name"; "Title -Name" as some editors write it).
_LAST_DASH = re.compile(r"\s[-–—]\s?(?=[^-–—]*$)")
# A person's name: two to four words, each opening on a capital ("Fabian Stäber", "Anne-Marie de Vries" aside).
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’.-]*")
_MIN_NAME_WORDS, _MAX_NAME_WORDS = 2, 4
# The title before the name holds this many words at least, and the address names this share of them.
_MIN_TITLE_WORDS, _NAMED_SHARE = 3, 0.8
# Shorter words ("s" of "gibt's", "of") say nothing about the address.
_MIN_WORD_CHARS = 3
# A list's titles cut only when this many (and half or more) run on into such a name.
_MIN_CUTS = 3


def slug_cut(el, title: str | None) -> str | None:
    """The title without a name closing it after a dash, when the link's last path segment spells the words
    before the dash (most of them, three or more) and none of the name's: the address names the page, so the
    name is no part of its title. None when the title has no such tail."""
    if el is None:  # a record named by no element of its own (batch Z: a court's numbered results)
        return None
    link = el if tag(el) == "a" else (el.find(".//a[@href]") if tag(el) else None)
    return address_cut(link.get("href") if link is not None else None, title)


def address_cut(href: str | None, title: str | None) -> str | None:
    """slug_cut by the entry's address itself (a profile's entry: its title's link, or its `link`)."""
    cut = _LAST_DASH.search(title or "")
    if not href or cut is None:
        return None
    try:
        path = urlsplit(href).path
    except ValueError:  # "http://[x/", "http://[x]/": no IPv6 host, so no address to read
        return None
    head, tail = title[: cut.start()].rstrip(), title[cut.end() :].strip()
    slug = "".join(_tokens(path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]))
    names, words = tail.split(), [w for w in _tokens(head) if len(w) >= _MIN_WORD_CHARS]
    if not (_MIN_NAME_WORDS <= len(names) <= _MAX_NAME_WORDS) or len(words) < _MIN_TITLE_WORDS:
        return None
    if not all(_NAME_WORD.fullmatch(w) and w[0].isupper() for w in names) or _spelled(_tokens(tail), slug):
        return None
    named = sum(_spelled([w], slug) for w in words)
    return head if named >= _NAMED_SHARE * len(words) else None


def without_slug_tails(entries, cuts: list) -> None:
    """A list whose titles mostly (three or more, half or more) run on into a name their addresses leave out
    ("Talk - Speaker" on every talk): those names are cut from the titles. One such title in a list is left
    whole: a short address may merely leave out its last words ("Report - Second Edition")."""
    found = [i for i, head in enumerate(cuts) if head]
    if len(found) >= _MIN_CUTS and 2 * len(found) >= len(entries):
        for i in found:
            entries[i].title = cuts[i]


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[\W_]+", text.casefold()) if t]


def _spelled(words: list[str], slug: str) -> bool:
    """Any of the words (of three letters or more) in the address's letters, as a slug writes it: accents folded
    ("andern") or dropped ("ndern")."""
    for word in (w for w in words if len(w) >= _MIN_WORD_CHARS):
        folded = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
        if any(form and form in slug for form in (folded, re.sub(r"[^a-z0-9]", "", word))):
            return True
    return False
