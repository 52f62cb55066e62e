"""Articles shown in full on a listing page: records named by headings with no link, whose links stand in
their text ("<article><h2>News</h2><p>… see <a>the programme</a> …</p></article>")."""

from __future__ import annotations

from urllib.parse import urlsplit

from .html import tag, text_of
from .pointer_words import is_affordance

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
    cards without one, stays the card's own. Articles the page gives each an address of its own ("<section
    id=...>") need not hold more links than they are: the page lists them, and links in a few, to pages not of one
    kind on one site (as "/news/1/", "/news/2/" would be: the records' own), are their text."""
    if len(articles) < _MIN_ARTICLES:
        return False
    if len(links) <= len(articles) and not (_addressed(articles) and not _side_by_side(links.values())):
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


def links_away(a) -> bool:
    """A link that leads somewhere: not a heading's empty anchor to itself ("<h2><a name=x href=#x></a>Title</h2>")."""
    href = (a.get("href") or "").strip()
    return bool(href) and not (href.startswith("#") and not text_of(a))


def own_address(heading, stop=None) -> str | None:
    """The in-page address ("#id") the page gives a record named by an unlinked heading: an anchor in the heading,
    the heading's id, else the id of the record or of an element around it below `stop` (the list's container;
    by default the heading's own only)."""
    for a in heading.iter("a"):
        href = (a.get("href") or "").strip()
        name = a.get("name") or (href[1:] if href.startswith("#") else "")
        if name and not text_of(a):
            return "#" + name
    node = heading
    stop = heading.getparent() if stop is None else stop
    while node is not None and node is not stop:
        if node.get("id"):
            return "#" + node.get("id")
        node = node.getparent()
    return None


def part_of_article(heading) -> bool:
    """A heading inside an <article> beside others after that article's first heading of the same rank (a contact
    card's name in an event's text) is a part of that article, not an entry's name."""
    article = next((x for x in heading.iterancestors() if tag(x) == "article"), None)
    if article is None or article.getparent() is None or len(article.getparent().findall("article")) < 2:
        return False  # one <article> around the page's whole listing: its headings are the entries'
    first = next(article.iter(tag(heading)), None)
    return first is not None and first is not heading


def _addressed(articles: dict) -> bool:
    """Whether the page gives every article its own in-page address, below the element around them all."""
    records = list(articles)
    around = next((x for x in records[0].iterancestors() if all(x in r.iterancestors() for r in records)), None)
    addresses = [own_address(h, around) for h in articles.values()]
    return None not in addresses and len(set(addresses)) == len(addresses)


def _side_by_side(links) -> bool:
    """Whether the links lead to distinct pages of one kind on one site, as posts' own pages do: one host, one
    depth of path ("/news/1/", "/news/2/"; "/2023/05/a-post/", "/2022/11/another/")."""
    hrefs = [(a.get("href") or "").strip() for a in links if a is not None]
    try:
        paths = [urlsplit(h) for h in hrefs]
    except ValueError:
        return False
    kinds = {(p.netloc.lower().removeprefix("www."), len([part for part in p.path.split("/") if part])) for p in paths}
    return len(kinds) == 1 and len(set(hrefs)) == len(hrefs)


def names_alone(heading) -> bool:
    """A heading of one word that still names a record: it has its own anchor ("Treinmuseum"), or the element
    after it holds only a pointer to the record's page ("<h2>ANBI</h2><p><a>Lees meer</a></p>"), as a section's
    heading ("Events") followed by its list does not."""
    after = heading.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()
    return own_address(heading) is not None or (after is not None and _read_more(after) is not None)


def _read_more(el) -> str | None:
    """The address of the one pointer ("Read more", ">> Lees meer <<") an element holds and says nothing besides."""
    links = [a for a in el.iter("a") if (a.get("href") or "").strip()]
    hrefs = {a.get("href").strip() for a in links}
    shown = text_of(el) or ""
    if len(hrefs) != 1 or not all(is_affordance(text_of(a)) for a in links) or shown != text_of(links[0]):
        return None
    return hrefs.pop()


def without_shared_addresses(entries: list) -> list:
    """An in-page address ("#item") several records of the page share names none of them: they lose it (their
    ids then come from their titles); one shared id would merge them into one entry of the archive."""
    titles: dict[str, set] = {}
    for e in entries:
        if e.href and e.href.strip().startswith("#"):
            titles.setdefault(e.href.strip(), set()).add(e.title)
    shared = {href for href, named in titles.items() if len(named) > 1}  # one record drawn twice keeps it
    for e in entries:
        if e.href and e.href.strip() in shared:
            e.href = None
    return entries


def heading_record_address(elements, heading, stop) -> str | None:
    """Where a record named by an unlinked heading is: the one pointer it holds apart ("<p><a>Read more</a></p>"),
    else the in-page address the page gives it."""
    pointers = {href for el in elements for p in el.iter("p", "div", "li") if (href := _read_more(p)) is not None}
    return pointers.pop() if len(pointers) == 1 else own_address(heading, stop)
