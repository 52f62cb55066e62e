"""The site's feed as a second witness: fetched once per listing in a crawl, and offline
with `parse --feed`; it fills what entries lack and says when the page shows far fewer."""

from __future__ import annotations

import json
import sqlite3

import pytest
from conftest import FAST, cli

from crawler.site_server import SiteServer

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
{items}</channel></rss>"""
ITEM = "<item><title>{title}</title><link>{link}</link><pubDate>{day} Mar 2024 10:00:00 GMT</pubDate></item>"


def make_site(root, shown: int, in_feed: int, feed_href: str = "/feed.xml"):
    entries = "".join(
        f'<li><h3><a href="/news/{i}.html">Story number {i} about wages</a></h3></li>' for i in range(1, shown + 1)
    )  # no dates on the page
    (root / "news").mkdir(parents=True)
    (root / "news" / "index.htm").write_text(
        f'<html lang="en"><head><link rel="alternate" type="application/rss+xml" href="{feed_href}"></head>'
        f"<body><main><h1>News</h1><ul>{entries}</ul></main></body></html>"
    )
    return FEED.format(
        items="".join(
            ITEM.format(title=f"Story number {i} about wages", link=f"{{base}}/news/{i}.html", day=10 + i)
            for i in range(1, in_feed + 1)
        )
    )


def test_a_crawl_reads_the_feed_once_and_fills_dates(tmp_path):
    root = tmp_path / "site"
    feed = make_site(root, shown=4, in_feed=4)
    with SiteServer(root) as site:
        (root / "feed.xml").write_text(feed.replace("{base}", site.base_url))
        db = tmp_path / "a.db"
        cli("crawl", "listing", "--db", db, "--start-url", site.base_url + "/news/", *FAST, check=0)
        assert site.requests.count("/feed.xml") == 1
    conn = sqlite3.connect(db)
    dates = dict(conn.execute("SELECT title, date_start FROM entries"))
    feed_url = conn.execute("SELECT feed_url FROM captures").fetchone()[0]
    conn.close()
    assert feed_url.endswith("/feed.xml")  # recorded with the listing's capture
    assert dates["Story number 2 about wages"] == "2024-03-12"
    assert len(dates) == 4 and all(dates.values())


def test_a_page_far_shorter_than_its_feed_is_said_in_the_summary(tmp_path):
    root = tmp_path / "site"
    feed = make_site(root, shown=2, in_feed=12)
    with SiteServer(root) as site:
        (root / "feed.xml").write_text(feed.replace("{base}", site.base_url))
        result = cli("crawl", "listing", "--db", tmp_path / "a.db", "--start-url", site.base_url + "/news/", *FAST)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "the page shows 2 entries, its feed 12" in result.stdout


def test_a_feed_on_another_host_is_never_fetched(tmp_path):
    root = tmp_path / "site"
    with SiteServer(root) as site:
        port = site.server_address[1]
        make_site(root, shown=3, in_feed=0, feed_href=f"http://localhost:{port}/feed.xml")
        cli("crawl", "listing", "--db", tmp_path / "a.db", "--start-url", site.base_url + "/news/", *FAST, check=0)
        assert "/feed.xml" not in site.requests


def test_parse_with_a_saved_feed(tmp_path):
    root = tmp_path / "site"
    feed = make_site(root, shown=3, in_feed=3)
    (tmp_path / "feed.xml").write_text(feed.replace("{base}", "https://example.org"))
    result = cli(
        "parse",
        root / "news" / "index.htm",
        "--url",
        "https://example.org/news/",
        "--profile",
        "auto",
        "--feed",
        tmp_path / "feed.xml",
        check=0,
    )
    entries = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["date_start"] for e in entries] == ["2024-03-11", "2024-03-12", "2024-03-13"]
    assert "3 match" in result.stderr


def test_parse_feed_that_is_not_a_feed_is_refused(tmp_path):
    """An HTML page (or any text) given as --feed used to be read as a feed of 0 items, exit 0, unsaid."""
    root = tmp_path / "site"
    make_site(root, shown=3, in_feed=0)
    page = root / "news" / "index.htm"
    (tmp_path / "junk.txt").write_text("not a feed at all")
    (tmp_path / "empty.xml").write_text("")
    for not_a_feed in (page, tmp_path / "junk.txt", tmp_path / "empty.xml"):
        result = cli("parse", page, "--url", "https://example.org/news/", "--feed", not_a_feed, check=1)
        assert "is not an RSS or Atom feed" in result.stderr and "--feed" in result.stderr
        assert "Traceback" not in result.stderr and result.stdout == ""


def test_parse_feed_with_no_items_is_still_a_feed(tmp_path):
    root = tmp_path / "site"
    feed = make_site(root, shown=3, in_feed=0)
    (tmp_path / "feed.xml").write_text(feed)
    result = cli(
        "parse", root / "news" / "index.htm", "--url", "https://example.org/news/", "--feed", tmp_path / "feed.xml"
    )
    assert result.returncode == 0 and "feed: 0 items" in result.stderr


@pytest.mark.parametrize("crawls", [1, 2], ids=["one crawl", "then a crawl of 304s"])
def test_a_reparse_keeps_the_dates_the_feed_gave(tmp_path, crawls):
    """A reparse fetches nothing, so not the feed either: it used to record a "parser change" that emptied
    every date the crawl had read from the feed (the page itself shows none); after a crawl whose pages all
    answered 304 (no feed read, since no page was parsed) it still did."""
    root = tmp_path / "site"
    feed = make_site(root, shown=4, in_feed=4)
    with SiteServer(root) as site:
        (root / "feed.xml").write_text(feed.replace("{base}", site.base_url))
        db = tmp_path / "a.db"
        for _ in range(crawls):
            cli("crawl", "listing", "--db", db, "--start-url", site.base_url + "/news/", *FAST, check=0)
    before = sqlite3.connect(db).execute("SELECT entry_id, title, date_start, version FROM entries").fetchall()
    out = cli("reparse", "--db", db, check=0).stdout
    assert "changed 0" in out and "4 entries keep the titles and dates their crawl read from the site's feed" in out
    after = sqlite3.connect(db).execute("SELECT entry_id, title, date_start, version FROM entries").fetchall()
    assert after == before and all(row[2] for row in after)
