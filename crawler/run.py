"""Run one crawl in this process and return the archive's record of it."""

from __future__ import annotations

import logging

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader


def project_settings(overrides: dict | None = None) -> Settings:
    """The project's settings without needing scrapy.cfg: the CLI runs from anywhere."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    contact = settings.get("CONTACT")
    if contact and "contact" not in settings.get("USER_AGENT", ""):
        settings.set("USER_AGENT", f"{settings.get('USER_AGENT').rstrip(')')}; contact: {contact})", priority="cmdline")
    return settings


def spider_names() -> list[str]:
    return sorted(SpiderLoader.from_settings(project_settings()).list())


def run_crawl(spider: str, db: str | None, start_urls: list[str] | None = None, profile: str | None = None, overrides: dict | None = None) -> dict:
    """Crawl into the archive at `db`. Returns {"crawl_id", "status", "listings", "stats"}."""
    settings = project_settings({**(overrides or {}), "ARCHIVE_DB": db or ""})
    process = CrawlerProcess(settings)
    kwargs = {}
    if start_urls:
        kwargs["start_urls"] = list(start_urls)
    if profile:
        kwargs["profile"] = profile
    crawler = process.create_crawler(spider)
    process.crawl(crawler, **kwargs)
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    spider_obj = crawler.spider
    listings = spider_obj.listing_report() if spider_obj is not None and hasattr(spider_obj, "listing_report") else {}
    logging.getLogger(__name__).debug("crawl stats: %s", stats)
    return {"crawl_id": stats.get("archive/crawl_id"), "status": stats.get("archive/status"), "listings": listings, "stats": stats}
