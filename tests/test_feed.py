"""The feed as a second witness: advertised feeds, feed items, reconciliation (no network)."""

from crawler.extract.feed import HTML_SHORT_SHARE, advertised_feeds, feed_entries, reconcile

PAGE = """<html><head>
<link rel="alternate" type="application/rss+xml" title="News" href="/feed/">
<link rel="alternate" type="application/atom+xml" href="https://example.org/atom.xml">
<link rel="alternate" type="application/rss+xml" href="/feed/">
<link rel="alternate" hreflang="fr" href="/fr/">
<link rel="stylesheet" type="text/css" href="/style.css">
</head><body></body></html>"""

RSS = b"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>News</title>
<item><title>First story</title><link>https://example.org/news/first?utm_source=rss</link>
<pubDate>Mon, 06 Feb 2023 10:00:00 +0000</pubDate></item>
<item><title>Second story</title><link>https://example.org/news/second</link>
<pubDate>Tue, 07 Feb 2023 09:00:00 +0000</pubDate></item>
<item><title>Third story</title><link>https://example.org/news/third</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>Atom entry</title><link href="https://example.org/a/1"/><updated>2022-12-16T08:00:00Z</updated></entry>
</feed>"""


def test_advertised_feeds_are_absolute_and_unique():
    assert advertised_feeds(PAGE, "https://example.org/news/") == [
        "https://example.org/feed/",
        "https://example.org/atom.xml",
    ]
    assert advertised_feeds(b"", "https://example.org/") == []


def test_feed_entries_from_rss_and_atom():
    items = feed_entries(RSS)
    assert items[0] == {
        "title": "First story",
        "url": "https://example.org/news/first?utm_source=rss",
        "date": "2023-02-06",
    }
    assert items[2]["date"] is None
    assert feed_entries(ATOM) == [{"title": "Atom entry", "url": "https://example.org/a/1", "date": "2022-12-16"}]


def test_a_feed_title_is_read_as_a_feed_reader_shows_it():
    """feedparser gives an HTML title as markup and a text one decoded: the first is read as text once (its tags
    and entities), the second kept, so "&lt;div&gt;" in an Atom text title is what a reader shows."""
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>
<item><title>Caf&amp;eacute; &amp;amp; bar</title><link>https://example.org/1</link></item>
<item><title><![CDATA[Cats &amp; dogs <b>in bold</b>]]></title><link>https://example.org/2</link></item>
<item><title>Tom &amp; Jerry</title><link>https://example.org/3</link></item></channel></rss>"""
    assert [i["title"] for i in feed_entries(rss)] == ["Caf\u00e9 & bar", "Cats & dogs in bold", "Tom & Jerry"]
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
<entry><title type="text">Using &amp;lt;div&amp;gt; tags</title><link href="https://example.org/a"/></entry>
<entry><title type="html">Using &amp;lt;div&amp;gt; tags</title><link href="https://example.org/b"/></entry></feed>"""
    assert [i["title"] for i in feed_entries(atom)] == ["Using &lt;div&gt; tags", "Using <div> tags"]


def test_broken_feeds_give_nothing():
    for body in (b"", b"<rss><channel><item>", b"<rss><channel><item></item></channel></rss>", b"\x00\xff not xml"):
        assert feed_entries(body) == [], body
    assert feed_entries("<html>nope</html>") == []


def _entry(title, url, start=None):
    return {
        "title": title,
        "url": url,
        "date_text": start,
        "date_start": start,
        "date_end": start,
        "date_precision": "day" if start else None,
    }


def test_reconcile_confirms_and_fills_without_overwriting():
    entries = [
        _entry("First story", "https://www.example.org/news/first"),  # matched by canonical URL, date filled
        _entry("Read more", "https://example.org/news/second", "2023-02-01"),  # pointer title replaced, own date kept
        _entry("Only on the page", "https://example.org/news/page-only"),
    ]
    out, report = reconcile(entries, feed_entries(RSS))
    assert out[0]["date_start"] == out[0]["date_end"] == "2023-02-06" and out[0]["date_precision"] == "day"
    assert out[1]["title"] == "Second story" and out[1]["date_start"] == "2023-02-01"
    assert out[2] == entries[2]
    assert report == {"html": 3, "feed": 3, "matched": 2, "titles_filled": 1, "dates_filled": 1, "html_short": False}
    assert entries[0]["date_start"] is None  # the input is not changed


def test_reconcile_matches_by_title_and_flags_a_short_page():
    items = [{"title": f"Story {i}", "url": f"https://example.org/s/{i}", "date": None} for i in range(10)]
    out, report = reconcile([_entry("story  0", None)], items)
    assert report["matched"] == 1 and report["html_short"] and HTML_SHORT_SHARE * 10 > 1
    _, report = reconcile([_entry(f"Story {i}", None) for i in range(6)], items)
    assert not report["html_short"]


def test_a_page_is_parsed_again_for_feeds_only_when_it_may_advertise_one():
    from conftest import ROOT

    from crawler.spiders.feeds import may_advertise_feeds

    pages = sorted((ROOT / "tests" / "fixtures").rglob("*.htm*"))
    skipped = [p for p in pages if not may_advertise_feeds(p.read_text(errors="replace"))]
    assert len(skipped) > 10  # a third of these pages advertise nothing: no second parse for them
    assert all(advertised_feeds(p.read_text(errors="replace"), "https://example.org/") == [] for p in skipped)
    assert may_advertise_feeds(PAGE) and not may_advertise_feeds("<html><link rel=stylesheet href=/s.css></html>")
    # What the parse would read as "alternate" though the text does not spell it: never skipped.
    for spelt in ("&#97;lternate", "alter\x01nate", "ALTERNATE"):
        page = f'<html><head><link rel="{spelt}" type="application/rss+xml" href="/f"></head></html>'
        assert may_advertise_feeds(page) and advertised_feeds(page, "https://example.org/") == ["https://example.org/f"]
