"""Atom feeds, built with feedgen (the XML is lxml's, so every title is escaped and every feed well
formed): the diff report's feed of new, changed and restored entries, and `serve`'s feed of new
entries. Ids are stable and shared (urn:listing-archive:ENTRY:new), so a reader announces each
change once, whichever feed it reads. What a reader shows is cleaned as the HTML report is (for_html):
characters XML forbids are dropped (lxml refuses them, and a hostile title must not make the feed
unreadable), and so are controls and bidi overrides (a title must not show "gpj.exe" reversed)."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import quote

from feedgen.feed import FeedGenerator

from . import ReportFormat, register
from .common import show
from .safety import for_html, for_xml, web_link

_PREFIX = {"new": "", "changed": "Changed: ", "restored": "Listed again: "}
_EPOCH = "1970-01-01T00:00:00+00:00"


def entry_id(entry_id: str, kind: str = "new", version: int | None = None) -> str:
    """One id per entry and version: a feed reader announces each change once."""
    tail = "new" if kind == "new" else f"v{version}" + (":listed-again" if kind == "restored" else "")
    return f"urn:listing-archive:{quote(str(entry_id), safe='')}:{tail}"


def _when(text) -> datetime:
    return datetime.fromisoformat(str(text or _EPOCH))


def summary(entry: dict, removed_note: bool = False) -> str:
    parts = [f"{entry['date_text']}. " if entry.get("date_text") else ""]
    if entry.get("organisers"):
        parts.append(f"Organisers: {'; '.join(entry['organisers'])}. ")
    for field, (old, new) in (entry.get("changes") or {}).items():
        parts.append(f"{field}: {show(old)} → {show(new)}. ")
    if removed_note and entry.get("status") == "removed":
        parts.append("No longer listed. ")
    return "".join(parts)


def feed(feed_id: str, title: str, updated, items: list[dict], links: dict | None = None) -> str:
    """An Atom document. Each item: id, title, url, updated, author, summary, content (None: left out)."""
    fg = FeedGenerator()
    fg.id(for_xml(feed_id))
    fg.title(for_html(title))
    fg.updated(_when(updated))
    fg.generator("listing-archive")
    for rel, href in (links or {}).items():
        fg.link(href=href, rel=rel, type="application/atom+xml" if rel == "self" else "text/html")
    for item in reversed(items):  # feedgen puts each new entry first; the report's order is kept
        fe = fg.add_entry()
        fe.id(for_xml(item["id"]))
        fe.title(for_html(item["title"]))
        if web_link(item.get("url")):
            fe.link(href=web_link(item["url"]))
        fe.updated(_when(item["updated"]))
        fe.author(name=for_html(item["author"]))
        fe.summary(for_html(item["summary"]), type="text")
        # RFC 4287: an entry with no link must have content (feedgen enforces it; readers rely on it).
        content = item.get("content") or ("" if web_link(item.get("url")) else item["summary"] or item["title"])
        if content:
            fe.content(for_html(content), type="text")
    return fg.atom_str(pretty=True).decode("utf-8")


def render_atom(report: dict, feed_url: str | None = None, **_) -> str:
    to = report.get("to") or {}
    updated = to.get("finished_at") or to.get("started_at")
    items = [
        {
            "id": entry_id(e["entry_id"], kind, e.get("version")),
            "title": _PREFIX[kind] + str(e.get("title") or ""),
            "url": e.get("url"),
            "updated": updated,
            "author": e.get("listing_title") or e.get("listing_url") or "listing-archive",
            "summary": summary(e),
            "content": e.get("description"),
        }
        for kind in ("new", "changed", "restored")
        for e in report[kind]
    ]
    listing = f": {report['listing']}" if report.get("listing") else ""
    return feed(feed_url or "urn:listing-archive:diff", f"Listing changes{listing}", updated, items)


FORMAT = register(ReportFormat("atom", render_atom, "application/atom+xml", ".xml", order=50))
