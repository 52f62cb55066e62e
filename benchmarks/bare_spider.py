"""The baseline of benchmarks/crawl.py: Scrapy itself, with nothing of the project.

A bare spider that follows each listing's "next" link (only that: a plain tool needs
nothing more to reach every page) and reads the same fields from each entry with plain
parsel selectors (title, link, date, abstract, group heading, image, page title), then
drops them: no pipelines, no middlewares of ours. What the project's crawl costs beyond
this is what the project adds.

    .venv/bin/python benchmarks/bare_spider.py URL[,URL...]   # prints Scrapy's stats as JSON
"""

from __future__ import annotations

import json
import sys

import scrapy
from scrapy.crawler import CrawlerProcess


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, start_urls: list[str], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.start_urls = list(start_urls)

    def parse(self, response):
        page_title = response.css("div.page-title h1::text").get()
        group = None
        for node in response.css("div.items-list").css(".items-group, li.item"):
            if node.root.tag != "li":
                group = " ".join(node.css("::text").getall()).strip()
                continue
            link = node.css(".item-title a")
            href = link.attrib.get("href")
            yield {
                "title": " ".join(link.css("::text").getall()).strip(),
                "url": response.urljoin(href) if href else None,
                "date_text": " ".join(node.css(".item-date ::text").getall()).strip(),
                "description": " ".join(node.css(".item-abstract ::text").getall()).strip(),
                "image_url": node.css(".item-image img::attr(src)").get(),
                "group": group,
                "listing_title": page_title,
            }
        nxt = response.css("aside.pagination li.next a::attr(href)").get()
        if nxt:
            yield response.follow(nxt, callback=self.parse)


def run(urls: list[str], settings: dict) -> dict:
    """Crawl from `urls` in this process; returns Scrapy's stats."""
    process = CrawlerProcess(
        {**settings, "TELNETCONSOLE_ENABLED": False, "REMOTE_CONTROL_ENABLED": False, "COOKIES_ENABLED": False}
    )
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler, start_urls=urls)
    process.start()
    return crawler.stats.get_stats()


if __name__ == "__main__":
    stats = run(sys.argv[1].split(","), json.loads(sys.argv[2]) if len(sys.argv) > 2 else {"LOG_LEVEL": "WARNING"})
    print(json.dumps({k: v for k, v in stats.items() if isinstance(v, (int, float))}))
