"""Cues about a single link for the generic extractor: whether it is a report card's image link,
sits in a cookie banner, names its record, and where it sits once bare emphasis is set aside."""

from __future__ import annotations

import re
from collections import Counter

from ..parsers.ids import host_of, join_url
from .card_links import card_link, row_icon_link
from .html import PAGE_CACHES, is_ancestor, tag, text_of
from .nowhere_links import stands_for_a_page
from .pointer_words import is_affordance, is_generic_text
from .title_names import title_named


def without_more_twins(hits) -> tuple[list, int]:
    """(record index, link) hits less each "Read more" to an address a named link of the same record at the
    same place has, and how many records had one: the pointer confirms that place names the record, where
    counting it as a second link would rank the title's place below a link in the record's body."""
    named = {(i, a.get("href")) for i, a in hits if not is_generic_text(text_of(a) or "")}
    twins = [(i, a) for i, a in hits if is_generic_text(text_of(a) or "") and (i, a.get("href")) in named]
    kept = [hit for hit in hits if hit not in twins]
    return (kept, len({i for i, _ in twins})) if kept else (hits, 0)


def same_column_links(records, hits, path: tuple, by_path: dict) -> dict:
    """{record index: link} for table rows whose link in the column most title links sit in is under the same
    tags but classed otherwise (one row's agenda is `<a class="popup">` to a PDF): the same place as a reader
    sees it, not that row's minutes further on. `hits`: (record index, link) at the title's `path`."""
    firsts: dict = {}
    for i, a in hits:
        firsts.setdefault(i, a)  # each row's first link there (minutes in a later column share the tags)
    if not firsts:
        return {}
    [(column, count)] = Counter(_column(a, records[i][0]) for i, a in firsts.items()).most_common(1)
    if column is None or count * 2 <= len(firsts):
        return {}
    tags, found = [step[0] for step in path], {}
    for other, more in by_path.items():
        if other != path and [step[0] for step in other] == tags:
            for i, a in more:
                elsewhere = i not in firsts or _column(firsts[i], records[i][0]) != column
                if elsewhere and _column(a, records[i][0]) == column:
                    found.setdefault(i, a)
    return found


def _column(a, row) -> int | None:
    """The index of the cell of table row `row` that holds `a`; None outside a table row."""
    if tag(row) != "tr":
        return None
    cell = next((x for x in a.iterancestors() if x.getparent() is row), None)
    return None if cell is None else [c for c in row if isinstance(c.tag, str)].index(cell)


def captioned_image(a) -> bool:
    """A report card: a link around an image alone, its name in a short line beside it (not only other links:
    a file's icon beside its "Agenda" and "Minutes" buttons)."""
    parent = a.getparent()
    if a.find(".//img") is None or parent is None:
        return False
    caption = text_of(parent) or ""
    linked = sum(len((text_of(x) or "").split()) for x in parent.iter("a"))  # "Agenda", "Minutes" beside an icon
    return linked < len(caption.split()) <= _MAX_CAPTION_WORDS


# A caption names its card in this many words at most; more is a teaser without a name.
_MAX_CAPTION_WORDS = 25
# Elements whose own text speaks of cookies, found by libxml2 in one pass over the page.
_COOKIE_TEXT = "//text()[contains(., 'ookie')]/.."  # "cookie", "Cookies": one pass, no case folding
# How far up, and over how much text, a cookie notice around a link is looked for.
_COOKIE_LEVELS, _COOKIE_CHARS = 3, 400
# A notice says that the site uses cookies and asks to accept them or links its policy, beside the link: a
# title or teaser that only mentions cookies ("Girl Scout cookie sale opens") is no notice.
_COOKIE_WORD = re.compile(r"\bcookies?\b", re.IGNORECASE)
_NOTICE_WORDS = re.compile(
    r"\b(?:use[sd]?|using|utilis|utiliz|usamos|usa|verwende|nutz|accept|akzept|acept|consent|zustimm|agree|"
    r"privacy|datenschutz|confidentialit|privacidad|policy|politique|pol[ií]tica|richtlinie|settings|"
    r"einstellungen|param[eè]tres|configuraci|preferences|got it|ok)",
    re.IGNORECASE,
)


def cookie_notices(root) -> set:
    """Elements a few levels above a text that speaks of cookies: where a cookie banner can be."""
    holders = set()
    for el in root.xpath(_COOKIE_TEXT):
        node = el
        for _ in range(_COOKIE_LEVELS + 1):
            if node is None or node in holders:
                break
            holders.add(node)
            node = node.getparent()
    return holders


def _is_cookie_notice(text: str, link_text: str) -> bool:
    """The block says the site uses cookies (or asks to accept them, or names their policy), in the words
    beside the link or in a link that is itself about them ("Cookie settings")."""
    if not (_COOKIE_WORD.search(text) and _NOTICE_WORDS.search(text)):
        return False
    beside = text.replace(link_text, " ", 1)
    return bool(_COOKIE_WORD.search(beside) or _NOTICE_WORDS.search(link_text))


def in_cookie_notice(a, holders: set) -> bool:
    """A link in a cookie banner ("We use cookies ... Learn more"): a short block around it speaks of cookies."""
    node = a
    for _ in range(_COOKIE_LEVELS):
        if node is None:
            return False
        if node in holders:
            text = text_of(node) or ""
            if len(text) > _COOKIE_CHARS:
                return False
            if _is_cookie_notice(text, text_of(a) or ""):
                return True
        node = node.getparent()
    return False


def names_record(a, members) -> bool:
    """A link whose text is most of its record's text (a table row's: of its cell, the row's other cells being its
    other fields): the record's name, not a link inside its prose."""
    cell = next((x for x in a.iterancestors("td", "th")), None) if tag(members[0]) == "tr" else None
    whole = len(text_of(cell) or "") if cell is not None else sum(len(text_of(m) or "") for m in members)
    return 2 * len(text_of(a) or "") >= whole


def plain_path(path: tuple) -> tuple:
    """A link's path without bare emphasis (<strong>, <b>, <em>, <span> with no class) around it, nor a strike
    through it (<s>, <del>: a cancelled event's name, still its record's link)."""
    return tuple(step for step in path if not (step[0] in _EMPHASIS and not step[1]))


def same_place(path: tuple, other: tuple) -> bool:
    """Two links' paths down from their records that lead to the same place: alike but for bare emphasis, and for
    the link's own class (a site classes its own pages' links apart from those going out, "<a class='internal'>"
    among "<a target='_blank'>": each still its record's title link)."""
    plain, other_plain = plain_path(path), plain_path(other)
    return plain == other_plain or (plain[1:] == other_plain[1:] and plain[0][0] == other_plain[0][0] == "a")


_EMPHASIS = frozenset({"strong", "b", "em", "i", "u", "span", "font", "s", "strike", "del"})


def points_out(a) -> bool:
    """A link that only points at a page: an affordance ("Link", "Details") or a web address shown as its text
    ("https://example.org/news/2022/x-1076079.html"); not a number or a date, which may name a record."""
    text = text_of(a) or ""
    return is_affordance(text) or (is_generic_text(text) and "/" in text and " " not in text)


def no_entry_link(a, here: str | None = None) -> bool:
    """A link that can name no entry wherever it sits: to no page ("#top", "javascript:", "mailto:"), to a part of
    the page itself (`here`, its address: a table of contents), or with no text and no captioned image; a link to
    no address that stands for a record's page (its words name it, or its "Read more" leads others) is the page
    itself (stands_for_a_page)."""
    href = (a.get("href") or "").strip()
    if (href.startswith("#") and len(href) > 1 and _titles_its_row(a)) or stands_for_a_page(a):
        return False
    if not href or href.lower().startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return True
    wordless = not text_of(a) and not captioned_image(a) and not card_link(a) and not row_icon_link(a)
    return wordless or (_to_a_part_here(a, href, here) and not _titles_its_row(a))


def _titles_its_row(a) -> bool:
    """<tr><td>October 6</td><td>Speaker</td><td><a href="#boris">A talk's title</a></td></tr>: a table row's
    title linking its abstract further down the page names the row's entry (at `listing#boris`). A table of
    contents links bare items, a calendar several in one row; this link, alone in its cell and the row's only
    one into the page, shares its row with two cells of text or more (a date, a name)."""
    cell = next((x for x in a.iterancestors() if tag(x) in ("td", "th")), None)
    row = cell.getparent() if cell is not None else None
    shown = text_of(a) or ""
    if row is None or tag(row) != "tr" or len(shown.split()) < _ROW_TITLE_WORDS or is_generic_text(shown):
        return False
    if text_of(cell) != shown or sum((x.get("href") or "").startswith("#") for x in row.iter("a")) > 1:
        return False  # a calendar's day cell ("7", then its events' links): navigation to the events below
    others = [c for c in row if c is not cell and tag(c) in ("td", "th") and text_of(c)]
    return len(others) >= 2


# A row's in-page link names its entry in this many words at least ("Privacy of Noisy SGD"); "Top", "Back" do not.
_ROW_TITLE_WORDS = 2


def _to_a_part_here(a, href: str, here: str | None) -> bool:
    """<a href="https://example.org/guide/#install"> on that guide: a table of contents' link to an element of the
    page itself, written in full, is in-page navigation as "#install" is; a link to the record around it (its own
    address, `listing#id`) or to an id the page does not hold stays."""
    if not here or "#" not in href:
        return False
    address, _, fragment = (join_url(here, href) or "").partition("#")
    if not fragment or address != here.partition("#")[0]:
        return False
    root = a.getroottree().getroot()
    targets = [t for t in _parts_of_page(root).get(fragment, ()) if t.getroottree().getroot() is root]
    return bool(targets) and not any(is_ancestor(t, a) for t in targets)


# The last page and its elements by id and anchor name, read as one pair: a page of a thousand links to its own
# parts is searched once, not once a link (which took minutes).
_LAST_PAGE: list = [(None, {})]


def _parts_of_page(root) -> dict:
    page, parts = _LAST_PAGE[0]
    if page is not root:
        parts = {}
        for el in root.iter():
            for name in {el.get("id"), el.get("name")} - {None}:
                parts.setdefault(name, []).append(el)
        _LAST_PAGE[0] = (root, parts)
    return parts


def records_shown_in(copies: list, enough: int) -> int:
    """How many records the copies of one link (the same address and words) sit in, counted up to `enough`: two
    copies whose smallest common block holds no link elsewhere are one record's (an event's title and the same
    link in its hidden tooltip), while a facet ("Media Release") repeats across records, each with its own link."""
    if len(copies) < enough:
        return len(copies)
    firsts: list = []
    for a in copies:
        if not any(_one_record(first, a) for first in firsts):
            firsts.append(a)
            if len(firsts) >= enough:
                break
    return len(firsts)


def _one_record(a, b) -> bool:
    """Links `a` and `b` (to one address) at different places of a block that links nowhere else; at the same
    place of like rows (<tr><td><a>mach mit!</a></td></tr> in each), they are one facet in two records."""
    above = {id(x) for x in a.iterancestors()}
    common = next((x for x in b.iterancestors() if id(x) in above), None)
    href = (a.get("href") or "").strip()
    if common is None or _path_below(common, a) == _path_below(common, b):
        return False
    return not any((x.get("href") or "").strip() not in ("", href) and text_of(x) for x in common.iter("a"))


def _path_below(block, a) -> list:
    """The tags and classes from `block` down to `a`."""
    path = []
    for x in a.iterancestors():
        if x is block:
            break
        path.append((x.tag, x.get("class")))
    return path


def title_box(el) -> bool:
    """An element named as a title that boxes one title: not a banner's "title-block" class around a whole
    listing (which would make every teaser in it read as a title), told by the places its links go."""
    if not title_named(el):
        return False
    if el not in _BOXES:
        _BOXES[el] = len({a.get("href") for a in el.iter("a") if a.get("href")}) < _SECTION_PLACES
    return _BOXES[el]


# A title box links to its entry, now and then to a second place (its comments); this many is a section.
_SECTION_PLACES = 3
_BOXES: dict = {}
PAGE_CACHES.append(_BOXES)  # one page's elements at a time


# Link targets that are facets of many entries (a tag, a category, an author), never an entry.
_FACET_PATH = re.compile(
    r"/(?:tags?|category|categories|categorie|categoria|categorias|author|authors|auteur|autor|topics?|label|labels|etiquetas?|"
    r"user|users|profile)/|[?&](?:tag|tags|category|cat|author|topic)=",
    re.IGNORECASE,
)


def facet_address(href: str, here: str | None) -> bool:
    """A link to a facet of the site's entries (its tag, category or author pages: "/tag/climate/", "?cat=3"). A
    link to another site whose address holds such a word ("ieeexplore.ieee.org/stamp/stamp.jsp?arnumber=…&tag=1",
    a press clipping's "/category/…" permalink) names a page there, not a facet of this list. `here`: the page's
    address (unknown: every such link is a facet)."""
    if not _FACET_PATH.search(href):
        return False
    page, linked = (host_of(u).removeprefix("www.") for u in (here, join_url(here, href) if here else None))
    return not page or not linked or linked == page or linked.endswith(f".{page}") or page.endswith(f".{linked}")
