"""Lists and entries that join the winning list (issue 21): further lists beside it of entries as well titled
(a blog's "leading" and "more" lists, a twin column), and a featured first entry in other markup."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..parsers.ids import host_of
from .carousels import in_carousel
from .html import tag, text_of
from .link_places import other_template
from .lists import in_twin_column, lca, numbered, one_directory
from .pointer_words import is_generic_text
from .records import link_quality, target
from .table_lists import same_table_head
from .titles import HEADINGS
from .wrapped_records import wrapped_record

# A further list beside the winning one joins it with at least this many entries,
_MIN_COMPANION_RECORDS = 3
# titled at least this share as well on average (its titles are entries' too, not tags or menus),
_COMPANION_QUALITY = 0.6
# and most of its links leading where the winning list's do (host and first path segment),
_FAMILY_SHARE = 0.6
# and at most this many such lists.
_MAX_COMPANIONS = 2
# A featured entry in other markup joins the winning group only when the group has this many records,
_MIN_RECORDS_FOR_EXTRAS = 3
# and at most this many such entries join it.
_MAX_EXTRAS = 3
# A featured entry's link must read at least this much like a title (a heading link of some words),
_EXTRA_MIN_QUALITY = 1.2
# with at most this many characters of its card's text before it (a kicker, a category, a date).
_MAX_LEAD_CHARS = 160


def family(a) -> tuple:
    """Where a link leads, broadly: its host and first path segment ("/news/...")."""
    href = (a.get("href") or "").strip()
    try:
        path = urlsplit(href).path
    except ValueError:
        path = ""
    return host_of(href).removeprefix("www."), path.strip("/").split("/")[0]


def same_family(links, others) -> bool:
    """True when most of `others` lead where most of `links` do (news beside news, not job ads).
    Where the list's own links share no first path segment (posts at /their-slug/), the host."""
    counts: dict = {}
    for a in links:
        counts[family(a)] = counts.get(family(a), 0) + 1
    main = max(counts, key=counts.get)
    if counts[main] < _FAMILY_SHARE * len(links):
        hosts = {family(a)[0] for a in links}
        return sum(family(a)[0] in hosts for a in others) >= _FAMILY_SHARE * len(others)
    return sum(family(a) == main for a in others) >= _FAMILY_SHARE * len(others)


def companions(blocks, quality, others, links, shapes):
    """Further lists in or right beside the winning one's container, of entries as well titled:
    the "leading", "intro" and "more" lists of one blog layout; or in a column of the same shape
    beside it ("Latest news" and "Latest blog posts" side by side)."""
    if len(blocks) < 2:
        return []
    container = lca(blocks)
    scope = container.getparent() if container is not None else None
    if scope is None or tag(scope) in ("body", "html"):
        return []
    column = (shapes.key(container), scope.getparent())
    taken = set(blocks)
    covered = {anc for b in blocks for anc in b.iterancestors()} | taken
    out = []
    for _, records, title_links, flat, q in others:
        if len(out) >= _MAX_COMPANIONS or flat:
            continue
        heads = [r[0] for r in records]
        sibling = sibling_section(container, heads, shapes)  # a section of the list's shape, under its own heading
        if q < _COMPANION_QUALITY * quality and not one_directory(links, title_links) and not sibling:
            continue  # plainer titles join only when their links are siblings of the list's own
        if numbered(title_links):
            continue  # "2023, 2022, 2021" or "1 2 3": the listing's years or pages, no entries
        if len({target(a) for a in title_links}) * 2 <= len(records):
            continue  # each link shown twice or more ("New search" above and below the list): its controls
        if any(h in covered or any(anc in taken for anc in h.iterancestors()) for h in heads):
            continue  # another level of lists already taken
        if any(in_carousel(h) for h in heads):
            continue  # a slider's slides show the list's entries again, and a few older: no list of their own
        if other_template(blocks, heads):
            continue  # "<li>2018: <a>Name</a>" beside "<li><a>NIME 2001</a>: Seattle": an awards list, another list
        if one_row(heads):
            continue  # the cells of one table row (the head's "anno", "oggetto" sorting the list): a row, no list
        if section_headings(heads, taken):
            continue  # linked headings of the list's own sections ("<h4><a>Category</a></h4>"), no entries
        twin = in_twin_column(heads, column, shapes)  # a tab panel beside the winning one joins whatever its size
        twin = twin and same_table_head(heads, blocks)  # a table headed otherwise is another list (members, meetings)
        beside = (all(contains(scope, h) for h in heads) or sibling) and same_family(links, title_links)
        if not (twin or (beside and len(records) >= _MIN_COMPANION_RECORDS)):
            continue
        out.append((heads, title_links))
        taken.update(heads)
        covered.update(anc for h in heads for anc in h.iterancestors())
        covered.update(heads)
    return out


def one_row(heads) -> bool:
    """True when every head sits in the same table row."""
    rows = {next((a for a in h.iterancestors() if tag(a) == "tr"), None) if tag(h) != "tr" else h for h in heads}
    return len(heads) > 1 and len(rows) == 1 and None not in rows


def sibling_section(container, heads, shapes) -> bool:
    """True when the heads all stand in a section of the same shape as one holding the winning list, beside it
    ("<div class=reports><h2>Annual reports</h2><ul>…" then "<div class=reports><h2>Audit reports</h2><ul>…"):
    one page's lists of one kind, each under its own heading."""
    other_list = lca(heads) if len(heads) > 1 else None
    if other_list is None or tag(other_list) != tag(container) or tag(container) not in ("ul", "ol", "table", "tbody"):
        return False  # one kind of list (a ul beside a ul), not a sidebar's boxes
    node = container
    for _ in range(_SECTION_LEVELS):
        parent = node.getparent() if node is not None else None
        if parent is None or tag(parent) in ("body", "html"):
            return False
        for other in parent:
            named = tag(other) and shapes(other) == shapes(node) and shapes(node)[1]  # a kind of section, by class
            if other is not node and named and all(contains(other, h) for h in heads):
                return any(tag(x) in HEADINGS for x in other.iter()) and any(tag(x) in HEADINGS for x in node.iter())
        node = parent
    return False


# A section beside the winning list's is looked for this many levels above the list's container.
_SECTION_LEVELS = 3


def section_headings(heads, taken) -> bool:
    """True when every head is (in) a heading standing among the winning records, each opening a run of
    them (its next sibling holding a link holds a record): the list's sections, named by links."""
    for head in heads:
        heading = head if tag(head) in HEADINGS else next((a for a in head.iterancestors() if tag(a) in HEADINGS), None)
        if heading is None:
            return False
        nxt = heading.getnext()
        while nxt is not None and (not tag(nxt) or not any(a.get("href") for a in nxt.iter("a"))):
            nxt = nxt.getnext()
        if nxt is None or not any(x in taken for x in nxt.iter()):
            return False
    return True


def extras(found: dict, page, chrome):
    """A first, featured entry in other markup: beside the winning records (in their
    container or the one above), holding one title-like link of its own, or one record of their own markup in a
    wrapper. `found`: each winning record's block -> its link."""
    blocks = list(found)
    if len(blocks) < _MIN_RECORDS_FOR_EXTRAS:
        return []
    container = lca(blocks)
    taken = set(blocks)
    # Sets, not a scan of the blocks for each child: a list of thousands of records made this quadratic.
    holders = {a for b in blocks for a in b.iterancestors()}
    out = []
    for scope in (container, _above_wrappers(container)):
        if scope is None or tag(scope) in ("body", "html"):
            break
        for child in scope:
            if not tag(child) or child in taken or child in holders or chrome(child):
                continue
            if any(a in taken for a in child.iterancestors()) or any(
                contains(x, child) or contains(child, x) for x, _ in out
            ):
                continue
            good = [
                a
                for a in page.links_in(child)
                if link_quality(a, child) >= _EXTRA_MIN_QUALITY and not is_generic_text(text_of(a))
            ]
            one = len({target(a) for a in good}) == 1 and len(out) < _MAX_EXTRAS and not a_box_of_links(child)
            one = one and not _home_page(good[0])  # <h1><a href="/">Site name</a></h1> in a sidebar: no post
            if one and not _after_running_text(child, good[0]):
                out.append((child, good[0]))
            elif not good and len(out) < _MAX_EXTRAS and (wrapped := wrapped_record(child, found)) is not None:
                out.append(wrapped)  # <table class=columns><td>spacer</td><td>the first record</td></table>
    return out


def _home_page(link) -> bool:
    """A link to a site's home page ("/", "https://example.org/", "index.html"): the site's name, never a post."""
    try:
        parts = urlsplit(link.get("href") or "")
    except ValueError:  # "http://[x/": an unclosed IPv6 host is no site's home
        return False
    return parts.path.strip("/") in _HOME_PATHS and not parts.query and not parts.fragment


_HOME_PATHS = ("", "index.html", "index.htm", "index.php")


def _after_running_text(box, link) -> bool:
    """A link after lines of running text in its box ("... Requests should be directed to ... <a>A copy of the
    schedule is available by clicking here.</a>"): a part of the page's text, not a featured entry, whose title
    opens its card (after a picture, a kicker or a date at most)."""
    shown, own = text_of(box) or "", text_of(link) or ""
    return own in shown and shown.index(own) > _MAX_LEAD_CHARS


def _above_wrappers(container):
    """The element above the list's container, past wrappers that hold the container alone (nested leftover
    <div>s of a converted document): a record beside the list one such wrapper up is still beside it."""
    node = container.getparent() if container is not None else None
    while node is not None and tag(node) not in ("body", "html") and len([c for c in node if tag(c)]) == 1:
        node = node.getparent()
    return node


def a_box_of_links(el) -> bool:
    """A box of several title-like links (subcategories, whose other links the page's menu repeats): no entry."""
    titled = {a.get("href") for a in el.iter("a") if link_quality(a, el) >= _EXTRA_MIN_QUALITY}
    return len(titled) > 1


def contains(anc, el) -> bool:
    return anc is not el and any(x is anc for x in el.iterancestors())
