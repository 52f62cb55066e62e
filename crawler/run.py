"""Run one crawl in this process and return the archive's record of it."""

from __future__ import annotations

import logging
import signal
import sys

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from scrapy.settings import default_settings as scrapy_defaults
from scrapy.spiderloader import SpiderLoader

from . import settings as crawler_settings
from .gc_threshold import collecting_less_often
from .log_records import clean_log_records
from .render import guarding_the_browser, render_settings


def project_settings(overrides: dict | None = None) -> Settings:
    """The project's settings without needing scrapy.cfg: the CLI runs from anywhere."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    for switch, (table, component) in crawler_settings.switched_off.items():
        if settings.getbool(switch):  # switched on after all: back in its table, where Scrapy's defaults put it
            order = getattr(scrapy_defaults, table)[component]
            settings.set(table, {**settings.getdict(table), component: order}, priority="cmdline")
    contact = settings.get("CONTACT")
    if contact and "contact" not in settings.get("USER_AGENT", ""):
        settings.set("USER_AGENT", f"{settings.get('USER_AGENT').rstrip(')')}; contact: {contact})", priority="cmdline")
    return settings


def _log_to(log_file: str | None, settings: Settings) -> None:
    """The whole Scrapy log into `log_file` (if given), at INFO or at the LOG_LEVEL asked for if lower (DEBUG),
    whatever the terminal shows; the terminal's and the file's lines with a start URL's `?token=` masked (the
    crawl sends it, Scrapy logs each request)."""
    if log_file:
        level = min(logging.INFO, _level_of(settings.get("LOG_LEVEL")))
        handler = logging.FileHandler(log_file, encoding="utf-8")
        handler.setLevel(level)
        handler.setFormatter(logging.Formatter(settings.get("LOG_FORMAT"), settings.get("LOG_DATEFORMAT")))
        root = logging.getLogger()
        root.addHandler(handler)
        root.setLevel(min(root.level or level, level))
        logging.getLogger("scrapy").setLevel(level)  # not DEBUG unasked: a dozen lines a page nobody reads
    clean_log_records()


def _level_of(name) -> int:
    """A LOG_LEVEL setting's number (INFO when the name is none Python knows: the settings check refuses it)."""
    if isinstance(name, int):
        return name
    return logging.getLevelNamesMapping().get(str(name).strip().upper(), logging.INFO)


def _standard_error(overrides: dict, progress: bool) -> dict:
    """What standard error shows, on a terminal or not (cron mails it): warnings and errors, the log file having
    the rest, unless `overrides` name a LOG_LEVEL. The progress line (`progress`: a terminal) shows only over a log
    of warnings: an INFO or DEBUG log, asked for, shows the crawl going on by itself."""
    if "LOG_LEVEL" not in overrides:
        return {"LOG_LEVEL": "WARNING", "PROGRESS_ENABLED": progress}
    return {"PROGRESS_ENABLED": progress and _level_of(overrides["LOG_LEVEL"]) >= logging.WARNING}


def spider_names() -> list[str]:
    return sorted(SpiderLoader.from_settings(project_settings()).list())


def default_start_urls(spider: str) -> list[str]:
    """What the spider crawls when given no start URLs (the ilo spider: the ILO's real site)."""
    return list(getattr(SpiderLoader.from_settings(project_settings()).load(spider), "default_start_urls", []))


@collecting_less_often()  # the crawl's many short-lived objects: crawler/gc_threshold.py
def run_crawl(
    spider: str,
    db: str | None,
    start_urls: list[str] | None = None,
    profile: str | None = None,
    overrides: dict | None = None,
    listing_profiles: dict | None = None,
    log_file: str | None = None,
    progress: bool = False,
    credentials: dict | None = None,
    render_listings: list[str] | bool | None = None,
    sigint_after=None,
) -> dict:
    """Crawl into the archive at `db`. Returns {"crawl_id", "status", "listings", "stats"}.

    `log_file` gets the whole Scrapy log at INFO; standard error only warnings and errors unless `overrides` give
    a LOG_LEVEL, and with `progress` (a terminal) a progress line. `credentials` ({origin: (user, password)}) go to
    the spider, never into settings (Scrapy logs those). `render_listings` (URLs, or True for all) are rendered
    in Chromium (crawler/render.py): the crawl then starts one browser, closed when it ends.
    `sigint_after` is what Ctrl-C does once the crawl has closed: by default the handler the caller had
    before it; the CLI passes `signal.SIG_IGN` so that a late second Ctrl-C cannot cut its summary short.
    Without `sigint_after`, SIGTERM's handler is the caller's again too.
    """
    handlers_before = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    extra = {"ARCHIVE_DB": db or "", **_standard_error(overrides or {}, progress)}
    settings = project_settings({**(overrides or {}), **extra})
    if render_listings:
        urls = (start_urls or []) if render_listings is True else list(render_listings)
        settings.setdict(render_settings(settings, urls), priority="cmdline")
    logging.raiseExceptions = False  # a log file on a full disk must not print tracebacks; the crawl says why
    stdout_before = sys.stdout  # LOG_STDOUT sends it into the log: the crawl's own, the summary after it not
    process = CrawlerProcess(settings)
    _log_to(log_file, settings)
    given = {
        "start_urls": list(start_urls or []),
        "profile": profile,
        "listing_profiles": listing_profiles,
        "render_listings": render_listings,
        "http_credentials": credentials,
    }
    kwargs = {name: value for name, value in given.items() if value}
    crawler = process.create_crawler(spider)
    try:
        with guarding_the_browser(crawler, bool(render_listings)):
            process.crawl(crawler, **kwargs)
            process.start()
    finally:
        sys.stdout = stdout_before
    # The crawl is closed. Scrapy's handlers outlive its reactor: a second Ctrl-C still pending reached a
    # stopped reactor and ended the process by SIGINT (exit -2/130, not 3). Its handler goes now.
    _give_back_handlers(handlers_before, sigint_after)
    stats = crawler.stats.get_stats() if crawler.stats else {}
    spider_obj = crawler.spider
    listings = spider_obj.listing_report() if spider_obj is not None and hasattr(spider_obj, "listing_report") else {}
    return {
        "crawl_id": stats.get("archive/crawl_id"),
        "status": stats.get("archive/status"),
        "listings": listings,
        "stats": stats,
    }


def _give_back_handlers(handlers_before: dict, sigint_after) -> None:
    """Ctrl-C does `sigint_after` (the CLI's summary: ignored), else the caller's own again, SIGTERM with it;
    the CLI keeps Scrapy's SIGTERM handler while it prints its summary, as before."""
    if sigint_after is not None:
        signal.signal(signal.SIGINT, sigint_after)
        return
    for signum, handler in handlers_before.items():
        signal.signal(signum, handler)
