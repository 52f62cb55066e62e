"""Small lxml helpers shared by the profile and the generic extractor."""

from __future__ import annotations

import re
from functools import lru_cache

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector
from w3lib.encoding import (
    html_body_declared_encoding,
    html_to_unicode,
    http_content_type_encoding,
    read_bom,
    to_unicode,
)

from ..parsers.dates import parse_date
from ..parsers.ids import join_url
from ..parsers.text import ascii_outside, clean_text, has_char_in, without_escape_sequences, words
from .quickcss import PageIndex, plan

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Characters XML cannot hold (control characters, lone surrogates): lxml keeps them from
# the parse but refuses them in any text set later, so they go before parsing.
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_XML_ALLOWED = ascii_outside(NOT_XML)
_DROP = ("script", "style", "noscript", "template", "svg", "iframe")
# Elements that flow inside a line: their text joins the text around them as it is
# ("<span>50</span>-Year" reads "50-Year"); every other element is a line of its own.
INLINE = words(
    """
    a abbr b bdi bdo big cite code data del dfn em font i ins kbd label mark q s samp small span strike
    strong sub sup time tt u var wbr
    """
)


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Bytes to text the way browsers do: BOM, then the Content-Type charset, then
    <meta charset>, then a guess (UTF-8 first); bad bytes become U+FFFD, never an error.
    A page labelled with a single-byte charset whose bytes are valid UTF-8 is read as UTF-8."""
    if read_bom(body)[0] or http_content_type_encoding(content_type) or html_body_declared_encoding(body):
        encoding, text = html_to_unicode(content_type, body)
    else:  # none declared: our guess (w3lib deprecated auto_detect_fun; its own guess reads some pages otherwise)
        encoding = _guess_encoding(body)
        text = to_unicode(body, encoding)
    if _SINGLE_BYTE.match(encoding or "") and not body.isascii():
        try:
            return body.decode("utf-8")  # declared Latin-1 but written in UTF-8: "lawmakers’", not "lawmakersâ€™"
        except UnicodeDecodeError:
            pass
    return text


# Single-byte charsets a page may declare while its bytes are UTF-8 (a page saved or served with the
# wrong label). Text that is valid UTF-8 and not ASCII is, in practice, never real Latin-1.
_SINGLE_BYTE = re.compile(r"^(?:latin[-_]?1|iso[-_]?8859[-_]?\d+|cp125\d|windows[-_]125\d|ascii)$", re.IGNORECASE)


_LATIN_CODE_PAGE = re.compile(
    r"^(?:windows-125[0247]|cp125[0247]|iso-8859-(?:[1-4]|9|1[0-6])|latin|mac[-_]?(?:roman|latin2)|ascii)", re.I
)


def _guess_encoding(body: bytes) -> str:
    """No charset declared anywhere: UTF-8 when the bytes are valid UTF-8, else what bs4's UnicodeDammit
    (with charset-normalizer) detects for another script (a Cyrillic or Japanese page is read right, where
    a fixed Windows-1252 guess made it mojibake), else Windows-1252, the web's fallback: between Latin
    code pages detection on a short page is a coin toss ("publiť" for "publié")."""
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        from bs4 import UnicodeDammit  # here: most pages are UTF-8, and bs4 costs 0.1 s a process to import

        detected = UnicodeDammit(body, is_html=True).original_encoding or ""
        return "cp1252" if not detected or _LATIN_CODE_PAGE.match(detected) else detected


# Text no reader sees: hidden elements, and text for screen readers only ("Read more<span
# class="screen-reader-text"> about Title</span>"), which would run into titles and links.
_HIDDEN_CLASSES = (
    "sr-only",
    "screen-reader-text",
    "visually-hidden",
    "visuallyhidden",
    "element-invisible",
    "screen-reader-only",
    "hidden",  # Bootstrap 3's, Tailwind's, many a theme's display: none (not "hidden md:block": shown on a wide screen)
)
# Candidates: a hidden attribute, "none" in the style, or a class holding one of these; _is_hidden checks them.
_HIDDEN_CLASS_PARTS = re.compile("sr-only|screen-reader|isually|invisible|hidden")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
# Every candidate's markup holds one of these (attribute names are read case-blind, "&#" may spell a letter): a
# page whose lower-cased text holds none has nothing hidden, and skips the pass over its elements.
_HIDING_CUES = ("hidden", "none", "sr-only", "screen-reader", "isually", "invisible", "&#")


def _hidden(elements: list) -> list:
    """The hidden elements among `elements` (the page's, in page order). A Python pass: the XPath
    that did this (contains() on three attributes of every element) cost 7x more."""
    found = []
    for el in elements:
        if not isinstance(el.tag, str):
            continue  # comments and processing instructions
        style, cls = el.get("style"), el.get("class")
        candidate = (
            el.get("hidden") is not None
            or (style is not None and "none" in style.lower())  # CSS keywords are case-blind: 'DISPLAY: NONE'
            or (cls is not None and _HIDDEN_CLASS_PARTS.search(cls))
        )
        if candidate and _is_hidden(el):
            found.append(el)
    return found


def _is_hidden(el) -> bool:
    if el.get("hidden") is not None or _DISPLAY_NONE.search(el.get("style") or ""):
        return True
    classes = (el.get("class") or "").split()
    shown_wide = any(":" in c for c in classes)  # "hidden md:block": Tailwind shows it on a wider screen
    return any(c in _HIDDEN_CLASSES and not (c == "hidden" and shown_wide) for c in classes)


# lxml.html's parser proxies each element through a Python-level class lookup (a Python call an element);
# a plain parser's lookup is libxml2-side C. Nothing here needs lxml.html's element methods.
_PARSER = etree.HTMLParser()
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup())


def drop_tree(el) -> None:
    """Remove `el` and its content from the tree, its tail joined to what comes before it (lxml.html's drop_tree)."""
    parent = el.getparent()
    if el.tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    parent.remove(el)


def parse_html(body: bytes | str, base_url: str | None = None):
    """Parse a page; never raises on broken markup or a wrong charset. Returns the root element."""
    for cache in PAGE_CACHES:
        cache.clear()
    text = decode_html(body) if isinstance(body, bytes) else body
    text = _XML_DECLARATION.sub("", text, count=1)  # lxml refuses text that names its encoding
    if has_char_in(text, NOT_XML, _XML_ALLOWED):  # an escape sequence first, whole: its ESC and BEL are NOT_XML
        text = NOT_XML.sub("", without_escape_sequences(text))
    if not text.strip():
        text = "<html></html>"
    try:
        root = lxml.html.fromstring(text, base_url=base_url, parser=_PARSER)
    except AttributeError:  # "x</body><body>": lxml merges two bodies with drop_tree, which plain elements lack
        root = lxml.html.document_fromstring(text, base_url=base_url, parser=_PARSER)
    except (etree.ParserError, ValueError):
        root = lxml.html.fromstring("<html></html>", parser=_PARSER)
    lowered = text.lower()
    hiding = any(cue in lowered for cue in _HIDING_CUES)
    everything = list(root.getroottree().getroot().iter()) if hiding else []  # proxies live on for _separate_lines
    for bad in dropped_elements(root) + _hidden(everything):
        if bad.getparent() is not None and bad.tag not in ("html", "body"):
            drop_tree(bad)
    # Comments and processing instructions are no content, and lxml's text iterators
    # refuse them: out of the tree once, here, keeping the text that follows them.
    etree.strip_tags(root, etree.Comment, etree.ProcessingInstruction, etree.Entity)
    # Every element's Python proxy is kept until the next page: lxml then hands back the same
    # object on each visit instead of building one anew.
    _LIVE[:] = _separate_lines(root)
    _INDEX[:] = [PageIndex(_LIVE)]  # for select(): see quickcss
    return root


def dropped_elements(root) -> list:
    """The script, style and other _DROP elements of the whole document, in page order: what the XPath
    "//script|//style|..." finds, in one walk of the page instead of six. The document's top level too: text
    after </html> may open a second <html> beside the first."""
    top = root.getroottree().getroot()
    found = [el for before in reversed(list(top.itersiblings(preceding=True))) for el in before.iter(*_DROP)]
    found += top.iter(*_DROP)
    return found + [el for after in top.itersiblings() for el in after.iter(*_DROP)]


def _separate_lines(root) -> list:
    """A space around every element that is not inline, once per page, so that text
    joins as a browser shows it: "<p>a</p><p>b</p>" reads "a b", "<b>5</b>0" reads "50".
    Returns every element of the page."""
    elements = list(root.iter())
    for el in elements:
        if el.tag not in INLINE:
            try:
                el.text = " " + el.text if el.text else " "
                el.tail = " " + el.tail if el.tail else " "
            except ValueError:  # "&#1;" decoded by the parser into text lxml will not set again
                el.text = " " + NOT_XML.sub("", el.text or "")
                el.tail = " " + NOT_XML.sub("", el.tail or "")
    return elements


# The cleaned text of each element of the page parsed last: text is cleaned once per node.
# Keyed by the element itself (which keeps lxml's proxy, and so the key, alive); emptied
# by every parse_html, so it holds one page at a time.
_TEXTS: dict = {}
# Other per-element caches of one page (registered by their modules), emptied with it.
_LIVE: list = []
# The page's elements filed by tag, class and id, while its tree is as parse_html left it.
_INDEX: list[PageIndex] = []
PAGE_CACHES: list = [_TEXTS, _LIVE, _INDEX]
# Above this many cached elements the cache starts again (a huge page, or many parses of one tree).
_MAX_CACHED_TEXTS = 200_000
_UNREAD = object()


def text_of(el) -> str | None:
    """Visible text of an element, white space folded; <br> counts as a space."""
    text = _TEXTS.get(el, _UNREAD)  # first: a third of the calls read an element again (only elements are keys)
    if text is not _UNREAD:
        return text
    if el is None:
        return None
    if isinstance(el, str):
        return clean_text(el)
    if not isinstance(el.tag, str):
        return None  # a comment or processing instruction shows no text
    if len(_TEXTS) > _MAX_CACHED_TEXTS:
        _TEXTS.clear()
    text = _TEXTS[el] = clean_text(raw_text(el))
    return text


def text_read(el) -> bool:
    """Whether text_of has read `el`'s text on this page already: asking it again costs a lookup."""
    return el in _TEXTS


def raw_text(el) -> str:
    """All the text inside `el`, as "".join(el.itertext()). On the page parse_html read last (no
    comments, processing instructions or entities left) libxml2 gathers it in one call, 7x faster."""
    if not len(el):  # no child (most elements read: a link, a date line): its own text is all of it, 10x cheaper
        return el.text or ""
    if _INDEX and el in _INDEX[0].position:
        return etree.tostring(el, method="text", encoding=str, with_tail=False)
    return "".join(el.itertext())


def forget_texts() -> None:
    """Call after moving elements: their ancestors' texts are read again, and selections use XPath."""
    _TEXTS.clear()
    _INDEX.clear()


def is_ancestor(anc, el) -> bool:
    while el is not None:
        if el is anc:
            return True
        el = el.getparent()
    return False


def within_any(el, nodes: list) -> bool:
    """Whether `el` is one of `nodes` (None among them is ignored) or inside one: any(is_ancestor(n, el) for n in
    nodes) in one climb from `el` instead of one a node (an entry's fields ask it of each of its elements)."""
    while el is not None:
        if el in nodes:  # elements compare by identity: a list's `in` is the loop of `is` tests, in C
            return True
        el = el.getparent()
    return False


@lru_cache(maxsize=512)
def _compiled(selector: str) -> CSSSelector:
    return CSSSelector(selector, translator="html")  # CSS to XPath once per selector, not per page


def select(root, selector: str) -> list:
    """Elements matching a CSS selector, in document order."""
    if _INDEX:
        chains = plan(selector)
        if chains is not None:
            found = _INDEX[0].select(root, chains)
            if found is not None:
                return found
    return _compiled(selector)(root)


def matches_under(context, selector: str, el) -> bool | None:
    """Whether `el`, an element under `context`, is among select(context, selector); None when only
    select can say (no page index, or a selector it does not plan)."""
    chains = plan(selector) if _INDEX else None
    return _INDEX[0].matches_under(context, chains, el) if chains is not None else None


def first(root, selector: str | None):
    if not selector:
        return None
    found = select(root, selector)
    return found[0] if found else None


def tag(el) -> str:
    return el.tag if isinstance(el.tag, str) else ""


_DATE_PROPERTY = re.compile(r"date|published|issued|created|modified|startdate", re.IGNORECASE)


def document_base(root, url: str) -> str:
    """The address relative links resolve against: the page's first <base href> read against `url`, else `url`."""
    base_el = next((b for b in root.iter("base") if (b.get("href") or "").strip()), None)
    return (join_url(url, base_el.get("href")) if base_el is not None else None) or url


def microformat_dated(el) -> bool:
    """An element whose title holds its date by a microformat's class (hAtom, hCalendar, h-entry)."""
    return el.get("title") is not None and not _MICROFORMAT_DATES.isdisjoint((el.get("class") or "").split())


_MICROFORMAT_DATES = frozenset({"published", "updated", "dtstart", "dt-published", "dt-updated", "dt-start"})


def machine_date(el) -> str | None:
    """A machine-readable date an element carries: <time datetime>, a content="..." beside itemprop/property naming
    a date (schema.org, Dublin Core), or the title of an element classed as a microformat's date (hAtom's
    <abbr class="published" title="2020-10-08T13:39:00+02:00">13:39</abbr>)."""
    value = el.get("datetime")
    if value is None and _DATE_PROPERTY.search(f"{el.get('itemprop') or ''} {el.get('property') or ''}"):
        value = el.get("content")
    if value is None and microformat_dated(el):
        value = el.get("title")
    value = clean_text(value)
    if value and _FIGURES_ONLY.fullmatch(value) and _IN_WORDS.search(text_of(el) or "") and parse_date(text_of(el)):
        return None  # datetime="11/7/2017" (which order?) beside "Dinsdag 7 November 2017": the shown one decides
    return value if value and parse_date(value) else None


# A day and month in figures, not year first ("11/7/2017"); a date shown in words ("Dinsdag 7 November 2017").
_FIGURES_ONLY = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")
_IN_WORDS = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


def unwrapped(el):
    """The element, or the element it only wraps, through any number of such wrappers
    (<a><div class="item-content"><div>Title</div><div>21/02/2022</div></div></a> gives the inner div)."""
    while len(el) == 1 and tag(el[0]) and not (el.text or "").strip() and not (el[0].tail or "").strip():
        el = el[0]
    return el


# Header words of a column that names each row; a type or status column ("Application Type") is no name.
_NAME_HEADER = re.compile(
    r"^(?:description|title|subject|name|titre|intitul[ée]|objet|t[íi]tulo|asunto|descripci[óo]n|nombre|"
    r"titel|bezeichnung|betreff|beschreibung|assunto|descri[çc][ãa]o|oggetto|titolo|descrizione|onderwerp|"
    r"omschrijving)$",
    re.IGNORECASE,
)


def named_column(elements):
    """The cell of a row (in `elements`) under a header cell that names rows, when its text is there."""
    # The link is a number or a date ("P/2016/6653/B"): the header says which cell names the row.
    row = next((el for el in elements if tag(el) == "tr"), None)
    table = next((a for a in row.iterancestors() if tag(a) == "table"), None) if row is not None else None
    if table is None:
        return None
    head = next((r for r in table.iter("tr") if r is not row and any(tag(c) == "th" for c in r)), None)
    if head is None:
        return None
    heads = [c for c in head if tag(c) in ("th", "td")]
    cells = [c for c in row if tag(c) in ("th", "td")]
    if len(heads) != len(cells) or any(c.get("colspan") for c in heads + cells):
        return None
    at = [i for i, c in enumerate(heads) if _NAME_HEADER.match(text_of(c) or "")]
    if len(at) != 1 or not text_of(cells[at[0]]) or any(True for _ in cells[at[0]].iter("a")):
        return None  # an empty cell, or one with a link of its own (the link names the row)
    return cells[at[0]]


def walk(elements):
    """Every element of an entry, its blocks and their descendants, in page order."""
    for el in elements:
        yield from el.iter()


def text_without(el, skip: set) -> str:
    """The text of `el` leaving out the elements in `skip` (their tails stay)."""
    parts = [el.text or ""]
    for child in el:
        if child not in skip and isinstance(child.tag, str):
            parts.append(text_without(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)
