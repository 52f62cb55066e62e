"""`listing-archive worker`: join the crawl in a frontier, fetch and read its pages.

A worker waits (up to its idle timeout) for a crawl to appear in the frontier, then runs
that crawl's spider in Scrapy with the frontier as its source of pages: the feeder below
takes leased pages from Redis whenever Scrapy has room, keeps the leases it holds alive,
says every second that this worker is at work (and, when it leaves, why: the coordinator ends
a crawl every worker left early), and ends the crawl when the coordinator has closed it or no
page came for the idle timeout. Retries and redirects stay with the worker that holds the page's lease.
"""

from __future__ import annotations

import logging
import signal
import time

from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.exceptions import DontCloseSpider
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.defer import deferred_from_coro
from twisted.internet import task

from .. import settings as project
from ..extract.profiles import ProfileError, get_profile, use_profile_texts
from ..origins import redact
from ..render import guarding_the_browser, render_settings, unavailable
from ..run import project_settings
from ..spiders.dropped import close_reason_said
from .frontier import WORKER_BEAT, Frontier, FrontierError
from .spider import frontier_spider

log = logging.getLogger(__name__)
POLL = 0.1  # seconds between looks at the frontier while there is room for more pages
# After giving back pages it cannot render, a worker takes no page for this long: no take/give-back hot loop.
LEAVE_PAUSE = 1.0
# run_worker's answer when another crawl replaced the one it worked for: start again to join it.
REJOIN = -1
# What a worker's -s may set: its own machine's share. Everything else (politeness, robots.txt,
# retries, page caps) is the crawl's, as the coordinator was given it.
LOCAL_SETTINGS = frozenset(
    {
        "CONCURRENT_REQUESTS",
        "LOG_LEVEL",
        "LOG_FILE",
        "LOG_FORMAT",
        "LOG_DATEFORMAT",
        "REACTOR_THREADPOOL_MAXSIZE",
        "DNS_TIMEOUT",
        "DNSCACHE_ENABLED",
        "DNSCACHE_SIZE",
        "MEMUSAGE_LIMIT_MB",
        "MEMUSAGE_WARNING_MB",
        "TELNETCONSOLE_ENABLED",
        "RENDER_BROWSER",  # where this machine's Chromium is
    }
)


class FrontierFeeder:
    """A Scrapy extension: pages from the frontier into the engine, leases kept alive."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.idle_timeout = crawler.settings.getfloat("FRONTIER_IDLE_TIMEOUT")
        self.capacity = crawler.settings.getint("CONCURRENT_REQUESTS")
        self.token = crawler.settings.get("FRONTIER_TOKEN")
        self.loop: task.LoopingCall | None = None
        self.last_work = time.monotonic()
        self.last_renew = 0.0
        self.last_beat = 0.0
        self.stopping: str | None = None
        self.paused_until = 0.0  # no page taken before this moment (pages were just given back)
        self.left: set[str] = set()  # rendered listings this worker left to others (said once each)

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.idle, signal=signals.spider_idle)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    @property
    def frontier(self) -> Frontier:
        return self.crawler.frontier

    def opened(self, spider):
        self.crawler.previous_captures = self.frontier.validators()
        self.frontier.worker_alive()  # the coordinator counts on this worker (crawler.distributed.frontier)
        self.last_beat = time.monotonic()
        self.loop = task.LoopingCall(self.tick)
        self.loop.start(POLL, now=True).addErrback(self._tick_failed)

    def tick(self):
        if self.stopping:
            return
        now = time.monotonic()
        if now - self.last_beat > WORKER_BEAT:
            self.frontier.worker_alive()
            self.last_beat = now
        if self.frontier.held and now - self.last_renew > self.frontier.lease_ms / 3000:
            self.frontier.renew()
            self.last_renew = now
        state = self.frontier.state_of(self.token)
        if state != "running":
            self.stop(f"frontier_{state}")
            return
        engine = self.crawler.engine
        room = self.capacity - len(self.frontier.held)
        if room > 0 and now >= self.paused_until and not engine.needs_backout():
            spider = self.crawler.spider
            taken = self.frontier.take(room)
            self.leave([m for m in taken if not spider.serves(m)], now)
            for message in taken:
                if spider.serves(message):
                    engine.crawl(spider.request_from_message(message))
        if self.frontier.held or self.frontier.counts()[0]:  # pages held, or waiting for their host's turn
            self.last_work = now
        elif now - self.last_work > self.idle_timeout:
            self.stop("idle")

    def leave(self, messages: list[dict], now: float) -> None:
        """Pages of rendered listings, on a worker without Chromium: back to the frontier at once,
        unread (read unrendered they would show no list), for a worker that can render them."""
        if not messages:
            return
        self.frontier.give_back(messages)
        self.paused_until = now + LEAVE_PAUSE
        self.crawler.stats.inc_value("frontier/left_unrendered", len(messages))
        for listing_url in sorted({m["listing_url"] for m in messages} - self.left):
            self.left.add(listing_url)
            log.warning("leaving rendered listing %s to a worker with Chromium", redact(listing_url))

    def _tick_failed(self, failure):
        log.error("the frontier %s failed: %s", redact(self.frontier.url), failure.getErrorMessage())
        self.stop("frontier_error")

    def stop(self, reason: str):
        self.stopping = reason
        self.crawler.stats.set_value("frontier/stopped", reason)
        engine = self.crawler.engine
        if engine is not None and engine.running:
            deferred_from_coro(engine.close_spider_async(reason=reason))

    def idle(self, spider):
        if not self.stopping:
            raise DontCloseSpider

    def closed(self, spider, reason):
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        # Pages taken but not finished (queued here for a retry, or not yet started) go back now
        # rather than when their lease expires: a worker stopped with SIGTERM loses nothing either.
        given = self.frontier.release()
        if given:
            log.info("gave %d page(s) back to the frontier", given)
        # After the pages went back: a coordinator left with no worker (a CLOSESPIDER_* setting closes each one
        # alike) ends the crawl now, naming the setting, instead of waiting FRONTIER_STALL for a taker.
        self.frontier.worker_left(close_reason_said(reason, self.crawler.settings))


def wait_for_crawl(frontier: Frontier, idle_timeout: float) -> tuple[str, dict] | None:
    """The running crawl in the frontier, waiting for one up to `idle_timeout` seconds."""
    deadline = time.monotonic() + idle_timeout
    while True:
        token, state, config = frontier.crawl_info()
        if token and state == "running" and config:
            return token, config
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.2)


def worker_settings(config: dict, token: str, overrides: dict, idle_timeout: float):
    """The crawl's settings (the coordinator's), this worker's own (LOCAL_SETTINGS from its -s),
    then what a frontier worker must have."""
    # RENDER_BROWSER names a path on the coordinator's machine: this worker finds its own Chromium.
    given = {k: v for k, v in config.get("settings", {}).items() if k != "RENDER_BROWSER"}
    crawl = project_settings(given)
    middlewares = dict(project.DOWNLOADER_MIDDLEWARES)
    middlewares.update(
        {
            "crawler.middlewares.PoliteDelayMiddleware": None,
            "crawler.middlewares.ConditionalRequestMiddleware": None,
            "crawler.distributed.middlewares.FrontierConditionalMiddleware": 640,
            "crawler.render_revalidate.RenderRevalidateMiddleware": None,
            "crawler.distributed.middlewares.FrontierRenderRevalidateMiddleware": 645,
            "crawler.distributed.middlewares.SharedDelayMiddleware": 650,
        }
    )
    extra = {
        # The shared per-host slot replaces Scrapy's per-process delay and AutoThrottle.
        "FRONTIER_HOST_DELAY": crawl.getfloat("DOWNLOAD_DELAY"),
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "DOWNLOADER_MIDDLEWARES": middlewares,
        "ITEM_PIPELINES": {},  # items travel to the coordinator, the one archive writer
        "ARCHIVE_DB": "",
        "JOBDIR": None,
        "EXTENSIONS": {**crawl.getdict("EXTENSIONS"), "crawler.distributed.worker.FrontierFeeder": 600},
        "FRONTIER_IDLE_TIMEOUT": idle_timeout,
        "FRONTIER_TOKEN": token,
    }
    own = {k: v for k, v in overrides.items() if k in LOCAL_SETTINGS}
    return project_settings({**given, **own, **extra})


def _can_render(config: dict, settings) -> bool:
    """Whether this worker renders the crawl's rendered listings; if it does, `settings` get what a
    rendering crawl needs (crawler/run.py does the same): one browser for this worker, RENDER_CONCURRENCY pages."""
    if not config.get("render_listings"):
        return False

    missing = unavailable(settings.get("RENDER_BROWSER", ""))
    if missing:
        log.warning("this worker cannot render (%s): rendered listings are left to workers with Chromium", missing)
        return False
    settings.setdict(render_settings(settings, list(config["start_urls"])), priority="cmdline")
    return True


def _profiles_unreadable(config: dict) -> str | None:
    """Why this worker cannot read the crawl's profiles, or None. It reads the text the coordinator read
    (`profile_texts`); a file named without its text (a coordinator before this) is read from this disk."""
    use_profile_texts(config.get("profile_texts") or {})
    try:
        for name in {config.get("profile"), *(config.get("listing_profiles") or {}).values()}:
            get_profile(name)
    except ProfileError as exc:
        return str(exc)
    return None


def run_worker(url: str, overrides: dict | None = None, idle_timeout: float = 60.0) -> int:
    """Fetch pages for the crawl in the frontier at `url` until it ends or no work comes; exit status,
    or REJOIN when a new crawl took the frontier over (Twisted starts once a process: start afresh)."""
    frontier = Frontier(url)
    try:
        frontier.ping()
    except FrontierError as exc:
        log.error("%s", exc)
        return 1
    found = wait_for_crawl(frontier, idle_timeout)
    if found is None:
        log.info("no crawl in %s for %ss: leaving", redact(url), idle_timeout)
        return 0
    token, config = found
    unreadable = _profiles_unreadable(config)
    if unreadable:  # one line, not a traceback from the spider's start
        log.error("cannot join the crawl: %s", unreadable)
        return 1
    frontier.token = token
    frontier.lease_ms = int(config.get("lease_ms") or frontier.lease_ms)
    frontier.worker_gone_ms = int(config.get("worker_gone_ms") or frontier.worker_gone_ms)
    ignored = sorted(set(overrides or {}) - LOCAL_SETTINGS)
    if ignored:
        log.warning(
            "-s %s ignored: the crawl's settings decide (a worker sets only %s)",
            ", ".join(ignored),
            ", ".join(sorted(LOCAL_SETTINGS)),
        )
    settings = worker_settings(config, token, overrides or {}, idle_timeout)
    frontier.host_delay_ms = int(settings.getfloat("FRONTIER_HOST_DELAY") * 1000)
    spider_cls = frontier_spider(SpiderLoader.from_settings(project_settings()).load(config["spider"]))
    spider_cls.frontier = frontier
    spider_cls.max_pages = int(config.get("max_pages") or 0)
    spider_cls.can_render = _can_render(config, settings)
    root = logging.getLogger()
    for handler in list(root.handlers):  # Scrapy installs its own, at the crawl's LOG_LEVEL
        root.removeHandler(handler)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider_cls)
    crawler.frontier = frontier
    kwargs = {"start_urls": list(config["start_urls"])}
    if config.get("render_listings"):
        kwargs["render_listings"] = list(config["render_listings"])
    if config.get("profile"):
        kwargs["profile"] = config["profile"]
    if config.get("listing_profiles"):
        kwargs["listing_profiles"] = config["listing_profiles"]
    log.info("joined crawl %s in %s", token[:8], redact(url))
    with guarding_the_browser(crawler, spider_cls.can_render):
        process.crawl(crawler, **kwargs)
        process.start()
    # Closed: Scrapy's Ctrl-C handler outlives its reactor and a late second Ctrl-C ended the process by
    # SIGINT; from here it changes nothing (the `worker` command restores it on a rejoin).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    stopped = crawler.stats.get_value("frontier/stopped")
    return {"frontier_gone": REJOIN, "frontier_error": 1}.get(stopped, 0)
