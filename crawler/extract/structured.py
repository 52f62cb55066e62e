"""Structured data first: schema.org lists of entries in JSON-LD, microdata or RDFa (read
by extruct), reconciled with the entry blocks the HTML shows.

A page that carries an ItemList, or several Article / NewsArticle / BlogPosting / Event
(and kin) items, names its entries, their titles, dates and organisers in machine form.
Structured data often lacks what the HTML shows (URLs, descriptions, images), and the
HTML often lacks dates: each side fills the other's gaps. One item alone describes the
page itself, not a listing, and is not used.
"""

from __future__ import annotations

import html
import logging
import re
from collections import Counter

from ..parsers.ids import canonical_url, join_url
from ..parsers.text import clean_text, folds_plainly
from .pointer_words import is_generic_text
from .raw import RawEntry

log = logging.getLogger(__name__)

# schema.org types that are entries of a listing.
_ENTRY_TYPE = re.compile(
    r"(?:Article|Event|Posting|Report|CreativeWork|Book|Dataset|DigitalDocument|PublicationIssue|Legislation)$"
)
# Properties that hold further entries (a Blog's posts, a page's main list).
_NESTED = ("itemListElement", "blogPost", "blogPosts", "mainEntity", "hasPart", "@graph", "subEvent", "event", "events")
# Fewer structured items than this are no list.
MIN_ITEMS = 2
# The HTML is replaced by the structured list when it finds fewer than this share of its items.
HTML_SHORT_SHARE = 0.5
_SCHEMA = re.compile(r"^https?://schema\.org/")
# Pages longer than this are read for JSON-LD and microdata only: RDFa parsing grows too slow.
_MAX_RDFA_CHARS = 1_500_000
# Cheap signs that a page holds structured data worth a second parse.
_MARKERS = {
    "json-ld": re.compile(r"<script[^>]+application/ld\+json", re.I),
    "microdata": re.compile(r"<[^>]+\sitemscope\b", re.I),
    "rdfa": re.compile(r"<[^>]+\stypeof\s*=\s*[\"']", re.I),
}
# A word each marker holds: a page without it (lower-cased) is not searched. The markers try every "<"
# of the page against a run of [^>]+, and most pages hold none (a benchmark page: 52 -> 8 us).
_MARKER_WORDS = {"json-ld": "ld+json", "microdata": "itemscope", "rdfa": "typeof"}


def _syntaxes(text: str) -> list[str]:
    """The structured-data syntaxes the page's markup shows."""
    if not folds_plainly(text):  # lower() would not say what the IGNORECASE markers say
        return [name for name, marker in _MARKERS.items() if marker.search(text)]
    lowered = text.lower()
    return [name for name, marker in _MARKERS.items() if _MARKER_WORDS[name] in lowered and marker.search(text)]


def _rdfa_node(node):
    """RDFa as extruct gives it (expanded URIs, value lists) in JSON-LD's compact shape."""
    if isinstance(node, list):
        return [_rdfa_node(x) for x in node]
    if not isinstance(node, dict):
        return node
    if set(node) <= {"@value", "@language", "@type"} and "@value" in node:
        return node["@value"]
    out = {}
    for key, value in node.items():
        name = _SCHEMA.sub("", key)
        if name == "@type":
            value = [_SCHEMA.sub("", t) for t in (value if isinstance(value, list) else [value])]
        elif isinstance(value, list):
            value = [_rdfa_node(v) for v in value]
            value = value[0] if len(value) == 1 else value
        out[name] = value
    return out


def _decoded(node):
    """A JSON-LD node with the entities in its strings decoded once: a script's text is no HTML an HTML parser
    decoded, and sites write "Caf&eacute;" and "&amp;" in it (microdata and RDFa come decoded from the page)."""
    if isinstance(node, str):
        return html.unescape(node) if "&" in node else node
    if isinstance(node, list):
        return [_decoded(x) for x in node]
    if isinstance(node, dict):
        return {key: _decoded(value) for key, value in node.items()}
    return node


def _types(node) -> list[str]:
    kinds = node.get("@type") or []
    return [str(k).rsplit("/", 1)[-1] for k in (kinds if isinstance(kinds, list) else [kinds])]


def _text(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("@id")
    return clean_text(str(value)) if value is not None else None


def _names(value) -> list[str]:
    values = value if isinstance(value, list) else [value] if value else []
    return [n for n in (_text(v) for v in values) if n]


def _item(node) -> dict | None:
    title = _text(node.get("headline")) or _text(node.get("name"))
    url = _text(node.get("url")) or (node.get("@id") if str(node.get("@id", "")).startswith("http") else None)
    if not title and not url:
        return None
    start = _text(node.get("startDate")) or _text(node.get("datePublished")) or _text(node.get("dateCreated"))
    return {
        "title": title,
        "url": url,
        "date": start,
        "end": _text(node.get("endDate")),
        "organisers": _names(node.get("organizer")),
        "description": _text(node.get("description")),
    }


def _walk(node, out: list, depth: int = 0) -> None:
    if depth > _MAX_DEPTH:
        return
    if isinstance(node, list):
        for x in node:
            _walk(x, out, depth + 1)
        return
    if not isinstance(node, dict):
        return
    kinds = _types(node)
    if "ListItem" in kinds:
        inner = node.get("item")
        if isinstance(inner, dict):
            _walk(inner, out, depth + 1)
        else:
            found = _item({**node, "url": node.get("url") or inner})
            if found:
                out.append(found)
        return
    if any(_ENTRY_TYPE.search(k) for k in kinds) and "WebPage" not in kinds:
        found = _item(node)
        if found:
            out.append(found)
    for key in _NESTED:
        if key in node:
            _walk(node[key], out, depth + 1)


# Structured data nests lists in pages in graphs; deeper than this is no listing.
_MAX_DEPTH = 8


def structured_items(text: str, base_url: str) -> list[dict]:
    """Entries a page declares in schema.org terms: title, url, date, end, organisers."""
    syntaxes = _syntaxes(text)
    if len(text) > _MAX_RDFA_CHARS and "rdfa" in syntaxes:
        syntaxes.remove("rdfa")  # the RDF stack is slow on huge pages; JSON-LD and microdata still count
    if not syntaxes:
        return []
    import extruct  # imported here: most pages carry no structured list

    try:
        data = extruct.extract(text, base_url=base_url, syntaxes=syntaxes, uniform=True, errors="ignore")
    except Exception as exc:  # extruct and its RDF stack raise assorted errors on broken pages
        log.debug("structured data unreadable: %s", exc)
        return []
    out: list[dict] = []
    for syntax in syntaxes:
        for node in data.get(syntax) or []:
            _walk(_rdfa_node(node) if syntax == "rdfa" else _decoded(node) if syntax == "json-ld" else node, out)
    seen, unique = set(), []
    for item in out:
        key = (canonical_url(item["url"]) if item["url"] else None, (item["title"] or "").casefold())
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique


def _apply(entry: RawEntry, item: dict) -> None:
    if item["title"] and (not entry.title or is_generic_text(entry.title)):
        entry.title = item["title"]
    if not entry.href and item["url"]:
        entry.href = item["url"]
    if item["date"] and not entry.date_iso:
        entry.date_iso = f"{item['date'][:10]} - {item['end'][:10]}" if item["end"] else item["date"]
        entry.date_text = entry.date_text or entry.date_iso
    if item["organisers"] and not entry.organisers:
        entry.organisers = item["organisers"]


def reconcile(entries: list[RawEntry], items: list[dict], base_url: str) -> list[RawEntry]:
    """The HTML's entries with the structured items' titles, dates and organisers filled in;
    the structured list itself (with the HTML's text where it matches) when the HTML found
    fewer than HTML_SHORT_SHARE of its items."""
    if len(items) < MIN_ITEMS:
        return entries

    def key_url(url):
        return canonical_url(join_url(base_url, url))

    by_url = {key_url(e.href): e for e in entries if key_url(e.href)}
    # a title several entries share ("Committee Meeting" every month) names none of them: an item's date is not theirs
    shared = Counter((e.title or "").casefold() for e in entries)
    by_title = {title: e for e in entries if (title := (e.title or "").casefold()) and shared[title] == 1}
    matched = {}
    for i, item in enumerate(items):
        entry = by_url.get(key_url(item["url"])) or by_title.get((item["title"] or "").casefold())
        if entry is not None and id(entry) not in matched:
            matched[id(entry)] = i
            _apply(entry, item)
    if len(entries) >= HTML_SHORT_SHARE * len(items):
        return entries
    by_item = {i: e for e in entries if (i := matched.get(id(e))) is not None}
    out = []
    for i, item in enumerate(items):
        entry = by_item.get(i) or RawEntry(
            title=None, href=None, paragraphs=[item["description"]] if item["description"] else []
        )
        _apply(entry, item)
        entry.position = i + 1
        if entry.title:
            out.append(entry)
    return out
