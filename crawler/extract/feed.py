"""The site's feed as a second witness of a listing page: pure functions, no I/O.

    feeds = advertised_feeds(html, base_url)      # <link rel="alternate" type="application/rss+xml" href>
    items = feed_entries(feed_bytes)              # [{"title", "url", "date"}], RSS or Atom, via feedparser
    entries, report = reconcile(entries, items)   # entries: dicts as crawler.entries.build_entries gives

`reconcile` matches feed items to the page's entries by canonical URL, then by title
(case and white space folded). A matched entry gets what it lacks from the feed: a
title when it has none or only a pointer ("Read more"), and a date when it has none
(date_start = date_end = the feed's day, precision "day", date_text the feed's value).
Nothing the page shows is overwritten, and feed items the page does not show are not
added (a feed is no listing). The report counts html, feed and matched entries, and
flags `html_short` when the page shows fewer than HTML_SHORT_SHARE of the feed's
items: the extractor likely missed the listing.
"""

from __future__ import annotations

from datetime import date

import lxml.html
from lxml.etree import ParserError

from ..parsers.ids import canonical_url, join_url
from ..parsers.text import clean_text, unescaped_text
from .html import parse_html
from .pointer_words import is_generic_text

# Feed types a page can advertise in <link rel="alternate">.
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml")
# The page is flagged when it shows fewer than this share of the feed's items: a feed
# usually repeats a listing's newest 10-20 entries, so far fewer on the page means a miss.
HTML_SHORT_SHARE = 0.5
# A feed this small says little about a listing: no flag below it.
MIN_FEED_ITEMS = 3


def advertised_feeds(html: bytes | str, base_url: str) -> list[str]:
    """Absolute URLs of the RSS/Atom feeds a page advertises, in page order, no duplicates."""
    root = parse_html(html, base_url=base_url)
    found: list[str] = []
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        href = (link.get("href") or "").strip()
        if "alternate" in rel and kind in FEED_TYPES and href:
            url = join_url(base_url, href)
            if url and url not in found:
                found.append(url)
    return found


def _day(parsed) -> str | None:
    if not parsed:
        return None
    try:
        return date(*parsed[:3]).isoformat()  # feedparser's struct_time, already in UTC
    except (TypeError, ValueError):
        return None


def _shown_title(item) -> str | None:
    """An item's title as a reader shows it: feedparser gives an HTML title (RSS's, or Atom's type="html") as
    markup, "Caf&eacute; &amp; <b>bar</b>", and a text one decoded."""
    title = item.get("title")
    if not title or "html" not in ((item.get("title_detail") or {}).get("type") or ""):
        return clean_text(title)
    try:
        return clean_text(lxml.html.fragment_fromstring(title, create_parent="div").text_content())
    except (ParserError, ValueError):  # no element in it at all: only its entities to decode
        return unescaped_text(title)


def feed_entries(feed_bytes: bytes | str) -> list[dict]:
    """The items of an RSS or Atom feed: {"title", "url", "date" (YYYY-MM-DD or None)}.
    A broken or empty feed gives an empty list, never an error."""
    import feedparser  # imported here: only the feed path needs it

    try:
        parsed = feedparser.parse(feed_bytes)
    except Exception:  # feedparser is lenient, but a hostile document must not stop a crawl
        return []
    out = []
    for item in parsed.entries:
        title, url = _shown_title(item), (item.get("link") or "").strip() or None
        if not title and not url:
            continue  # an empty <item> (feedparser makes one of an unclosed tag): nothing to witness
        when = item.get("published_parsed") or item.get("updated_parsed") or item.get("created_parsed")
        out.append({"title": title, "url": url, "date": _day(when)})
    return out


def _title_key(title: str | None) -> str | None:
    cleaned = clean_text(title)
    return " ".join(cleaned.casefold().split()) if cleaned else None


def reconcile(entries: list[dict], feed_items: list[dict]) -> tuple[list[dict], dict]:
    """Confirm page entries with the feed, fill missing titles and dates; see the module doc."""
    by_url = {canonical_url(i["url"]): i for i in feed_items if canonical_url(i.get("url"))}
    by_title = {_title_key(i["title"]): i for i in feed_items if _title_key(i.get("title"))}
    matched, filled_titles, filled_dates, used = 0, 0, 0, set()
    out = []
    for entry in entries:
        entry = dict(entry)
        item = by_url.get(canonical_url(entry.get("url"))) or by_title.get(_title_key(entry.get("title")))
        if item is not None and id(item) not in used:
            used.add(id(item))
            matched += 1
            if item.get("title") and (not entry.get("title") or is_generic_text(entry.get("title"))):
                entry["title"] = item["title"]
                filled_titles += 1
            if item.get("date") and not entry.get("date_start"):
                entry.update(
                    date_text=item["date"], date_start=item["date"], date_end=item["date"], date_precision="day"
                )
                filled_dates += 1
        out.append(entry)
    report = {
        "html": len(entries),
        "feed": len(feed_items),
        "matched": matched,
        "titles_filled": filled_titles,
        "dates_filled": filled_dates,
        "html_short": len(feed_items) >= MIN_FEED_ITEMS and len(entries) < HTML_SHORT_SHARE * len(feed_items),
    }
    return out, report
