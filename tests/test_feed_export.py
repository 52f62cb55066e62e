"""One item a page (crawler/items.py): feed exports still write one record an entry, each entry once, in every
format, and Scrapy's counts count entries (pipelines/feed_export.py; the pipelines' handling of a page's entries)."""

import csv
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from types import SimpleNamespace

from conftest import FAST, ROOT, q
from helpers import make_crawler
from scrapy import signals

from crawler.field_table import EXPORTED_FIELDS
from crawler.items import EntryItem, PageItem
from crawler.progress import Progress
from crawler.site_server import SiteServer
from pipelines.dedupe import DedupePipeline
from pipelines.feed_export import EntryStats
from pipelines.normalise import NormalisePipeline
from pipelines.validate import ValidatePipeline

LISTING = "http://127.0.0.1:9/news/"


def story(slug: str, day: int) -> str:
    return (
        f'<article class="teaser"><h3><a href="/story/{slug}">The story called {slug} about work</a></h3>'
        f'<time datetime="2023-03-{day:02d}">{day} March 2023</time><p>Text of story {slug}.</p></article>'
    )


def listing_page(slugs: list[str], pager: str = "") -> str:
    stories = "".join(story(slug, day) for day, slug in enumerate(slugs, start=1))
    return (
        '<html lang="en"><body><header><nav><a href="/">Home of the example site</a></nav></header>'
        f'<main><h1>News</h1>{stories}<div class="pager">{pager}</div></main></body></html>'
    )


def shared_story_site(root):
    """Two listings, three pages, twelve entries listed, eleven entries: "shared" is listed by both."""
    pages = {
        "a/index.htm": listing_page(["a0", "a1", "a2", "a3"], '<a href="/a/page/2/">Next ›</a>'),
        "a/page/2/index.htm": listing_page(["a4", "a5", "a6", "shared"], '<a href="/a/">‹ Prev</a>'),
        "b/index.htm": listing_page(["b0", "b1", "b2", "shared"]),
    }
    for path, html in pages.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(html)


def scrapy_crawl(tmp_path, urls: list[str], *outputs: str) -> str:
    """`scrapy crawl listing` from the repository root with `-O` for each output; returns its log (INFO)."""
    feeds = [arg for name in outputs for arg in ("-O", str(tmp_path / name))]
    run = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "listing", "-a", "start_urls=" + ",".join(urls), *feeds]
        + ["-s", f"ARCHIVE_DB={tmp_path / 'a.db'}", *FAST, "-s", "LOG_LEVEL=INFO"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return run.stderr


def stat(log: str, name: str) -> int | None:
    found = re.search(rf"'{re.escape(name)}': (\d+)", log)
    return int(found.group(1)) if found else None


def test_every_feed_format_writes_one_record_an_entry_each_entry_once(tmp_path):
    shared_story_site(tmp_path / "site")
    with SiteServer(tmp_path / "site") as site:
        log = scrapy_crawl(
            tmp_path, [site.base_url + "/a/", site.base_url + "/b/"], "e.jsonl", "e.csv", "e.json", "e.xml"
        )
    slugs = {f"a{i}" for i in range(7)} | {"b0", "b1", "b2", "shared"}
    expected = {f"The story called {slug} about work" for slug in slugs}
    lines = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert len(lines) == 11 and {line["title"] for line in lines} == expected
    assert all(list(line) == list(EXPORTED_FIELDS) for line in lines)  # entries, not page captures
    with open(tmp_path / "e.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 11 and {row["title"] for row in rows} == expected
    records = json.loads((tmp_path / "e.json").read_text())
    assert len(records) == 11 and {record["title"] for record in records} == expected
    items = ET.parse(tmp_path / "e.xml").getroot().findall("item")
    assert len(items) == 11 and {item.findtext("title") for item in items} == expected
    # The archive keeps every sighting: the shared story seen on both listings.
    assert q(tmp_path / "a.db", "SELECT count(*) FROM sightings") == 12
    assert q(tmp_path / "a.db", "SELECT count(*) FROM entries") == 11
    # Scrapy's counts count entries: 11 scraped; the duplicate and the 3 page captures dropped from the feeds.
    assert stat(log, "item_scraped_count") == 11
    assert stat(log, "item_dropped_reasons_count/DuplicateEntry") == 1
    assert stat(log, "item_dropped_count") == 4
    assert "Stored jsonl feed (11 items)" in log


def entry(entry_id: str, **fields) -> EntryItem:
    return EntryItem.seen_on(
        {"entry_id": entry_id, "title": f"Report {entry_id}", "listing_url": LISTING, **fields}, LISTING, 1
    )


def page_with(*entries: EntryItem) -> PageItem:
    return PageItem(url=LISTING, listing_url=LISTING, page=1, status=200, outcome="parsed", entries=list(entries))


def test_a_pages_entries_are_checked_and_deduplicated_one_by_one_and_counted_as_entries():
    crawler = make_crawler()
    assert any(isinstance(e, EntryStats) for e in crawler.extensions.middlewares)  # Scrapy's CoreStats replaced
    pipelines = [NormalisePipeline(), ValidatePipeline(crawler), DedupePipeline(crawler)]
    first = page_with(entry("WCMS_1", credit_year="2021"), entry("WCMS_2", title=""), entry("WCMS_3"))
    second = page_with(entry("WCMS_3"), entry("WCMS_4"))
    out = []
    for item in (first, second):
        for pipeline in pipelines:
            item = pipeline.process_item(item)
        crawler.signals.send_catch_log(signals.item_scraped, item=item, response=None, spider=crawler.spider)
        out.append(item)
    assert out == [first, second]  # one item a page goes on, carrying what is left of its entries
    assert [e["entry_id"] for e in first["entries"]] == ["WCMS_1", "WCMS_3"]  # WCMS_2 has no title
    assert first["entries"][0]["credit_year"] == 2021 and first["entries"][0]["organisers"] == []  # normalised
    assert [e["entry_id"] for e in second["entries"]] == ["WCMS_4"]  # WCMS_3 went with the first page
    stats = crawler.stats.get_stats()
    assert stats["item_scraped_count"] == 3
    assert stats["item_dropped_reasons_count/InvalidEntry"] == 1
    assert stats["item_dropped_reasons_count/DuplicateEntry"] == 1
    assert stats["item_dropped_count"] == 4  # and the two captures, left out of the feeds as before
    # The progress line reads the same count (Progress itself would install a reactor: its LoopingCall).
    assert "| entries 3 |" in Progress.line(SimpleNamespace(stats=crawler.stats))


def test_a_second_crawl_exports_every_entry_though_no_page_changed(tmp_path):
    """`-O items.jsonl` run again on a site that had not changed wrote an empty file (0 items): every page answered
    304 to the archive's conditional requests, and a 304 page is sighted in the archive but not parsed."""
    shared_story_site(tmp_path / "site")
    with SiteServer(tmp_path / "site") as site:
        urls = [site.base_url + "/a/", site.base_url + "/b/"]
        scrapy_crawl(tmp_path, urls, "first.jsonl")
        scrapy_crawl(tmp_path, urls, "second.jsonl")
    read = [
        [json.loads(line)["entry_id"] for line in (tmp_path / n).read_text().splitlines()]
        for n in ("first.jsonl", "second.jsonl")
    ]
    assert len(read[0]) == 11 and sorted(read[1]) == sorted(read[0])  # the two listings come in either order
