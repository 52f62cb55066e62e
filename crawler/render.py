"""Rendering listing pages in headless Chromium, for listings whose list a browser builds.

A listing asks for it (`--render`, `render = true` in the config, or its profile); its
pages then go through scrapy-playwright's download handler, every other request through
Scrapy's own. Nothing here imports Playwright at load time: it is an optional extra.

- `unavailable()`: one line saying what to install, or None when rendering can run.
- `render_settings()`: the Scrapy settings a crawl that renders needs (one browser, a small
  page pool, Debian's chromium found on PATH or named by RENDER_BROWSER).
- `RenderMiddleware`: turns a request's plain `render` spec into scrapy-playwright's meta,
  marks a rendered capture, and holds a rendered page to the size limit.
- `RouteGuard`: what the browser may load (the start origins only; no images, fonts, media).
- `guard_browser()`: the route guard, and the proxy every connection of the browser goes through
  (crawler/render_proxy.py), for what no route sees (WebSockets, popups, workers).

What the page loaded is recorded with its capture (crawler/render_revalidate.py), so that the
next crawl can revalidate the page and each of them without a browser.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from contextlib import contextmanager
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.settings import SETTINGS_PRIORITIES

from .origins import allowed_origins, on_site
from .render_proxy import OriginProxy, canonical_host
from .render_revalidate import LOG, REVALIDATING, SubresourceLog

log = logging.getLogger(__name__)

# A capture's header saying its body is the DOM a browser built, not what the server sent.
RENDERED_HEADER = "x-listing-archive-rendered"
# A rendered capture's header: the subresources its DOM was built from, with their validators (JSON).
SUBRESOURCES_HEADER = "x-listing-archive-subresources"
INSTALL_HINT = (
    "--render needs the render extra and Debian's chromium: "
    "pip install 'listing-archive[render]' && apt-get install chromium (or set RENDER_BROWSER=/path/to/chromium)"
)
# Without them the browser opens connections of its own (updates, sync, QUIC probes).
QUIET_FLAGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
    "--disable-quic",
)
# Ways out the proxy (crawler/render_proxy.py) cannot judge, shut at the browser: a shared worker (the proxy
# refuses its fetches, but Playwright then waits for it forever: no "network idle", the page times out) and
# WebRTC's UDP (a proxy carries TCP only: STUN packets would go straight out).
CLOSED_FLAGS = ("--disable-blink-features=SharedWorker", "--webrtc-ip-handling-policy=disable_non_proxied_udp")
# Subresources a listing never needs to build its list; the page's own scripts and data are let through.
BLOCKED_RESOURCES = frozenset({"image", "font", "media"})
# Browser contexts are named: every rendered page shares this one, so RENDER_CONCURRENCY bounds the pages open.
CONTEXT = "listing-render"


def browser_path(configured: str = "") -> str | None:
    """The Chromium to drive: RENDER_BROWSER (setting, then environment), else chromium on PATH."""
    named = configured or os.environ.get("RENDER_BROWSER", "")
    if named:
        return shutil.which(named) or (named if os.access(named, os.X_OK) and os.path.isfile(named) else None)
    return shutil.which("chromium") or shutil.which("chromium-browser")


def unavailable(configured: str = "") -> str | None:
    """None when a crawl can render; else one line saying what to install."""
    try:
        import playwright  # noqa: F401
        import scrapy_playwright  # noqa: F401
    except ImportError:
        return INSTALL_HINT
    if browser_path(configured) is None:
        named = configured or os.environ.get("RENDER_BROWSER")
        where = f"RENDER_BROWSER={named}" if named else "chromium on PATH"
        return f"{INSTALL_HINT} [not found: {where}]"
    return None


def browser_version(path: str) -> str:
    """The executable's name and version ("Chromium 156.0…") for the capture's mark; "chromium" if it will not say."""
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    return (out.strip().splitlines() or ["chromium"])[0][:80]


def launch_options(path: str) -> dict:
    args = [*QUIET_FLAGS, *CLOSED_FLAGS]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses to start its sandbox as root
    return {"executable_path": path, "headless": True, "args": args}


def render_settings(settings, urls: list[str] | None = None) -> dict:
    """The settings a crawl that renders `urls` adds: scrapy-playwright for their schemes (each
    scheme's handler runs a Playwright driver; None: http and https), one browser, a small pool."""
    path = browser_path(settings.get("RENDER_BROWSER", ""))
    pool = max(1, settings.getint("RENDER_CONCURRENCY"))
    handler = "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"
    schemes = {urlsplit(u).scheme.lower() for u in urls} if urls else {"http", "https"}
    return {
        "DOWNLOAD_HANDLERS": {scheme: handler for scheme in schemes & {"http", "https"}},
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_LAUNCH_OPTIONS": launch_options(path),
        "PLAYWRIGHT_MAX_CONTEXTS": 1,
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": pool,
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": settings.getfloat("DOWNLOAD_TIMEOUT") * 1000,
        "RENDER_BROWSER_VERSION": browser_version(path),
    }


class RouteGuard:
    """scrapy-playwright's PLAYWRIGHT_ABORT_REQUEST: True aborts what the page asks the browser for.

    The page's navigations, scripts and XHR stay on the start URLs' origins (a redirect or a
    script elsewhere is aborted) and out of what robots.txt forbids; images, fonts and media
    are not loaded at all.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.origins = None
        self.user_agent = crawler.settings.get("USER_AGENT")
        self.robots: dict[str, object] = {}  # netloc: the robots.txt parser the page itself was allowed by
        self.refused: set[tuple[str, int]] = set()  # (host, port): connections the proxy refused, logged once
        self.proxy: OriginProxy | None = None  # set by guard_browser
        crawler.signals.connect(self.on_robots, signal=signals.robots_parsed)

    def on_robots(self, robotparser, request):
        self.robots[urlsplit(request.url).netloc] = robotparser

    def _forbidden(self, url: str) -> bool:
        parser = self.robots.get(urlsplit(url).netloc)
        return parser is not None and not parser.allowed(url, self.user_agent)

    def _allowed(self) -> frozenset:
        if self.origins is None:
            self.origins = allowed_origins(list(getattr(self.crawler.spider, "start_urls", [])))
        return self.origins

    def _on_site(self, url: str) -> bool:
        return on_site(url, self._allowed())

    def connects_to(self, host: str, port: int) -> bool:
        """Whether the browser may open a connection to `host`:`port`: a start origin's ("www." or not)."""
        host = canonical_host(host).removeprefix("www.")
        return any(canonical_host(known) == host and known_port == port for _, known, known_port in self._allowed())

    def refused_connection(self, host: str, port: int) -> None:
        """Counted, and logged once a host and port: a connection the proxy refused (called in the reactor's thread)."""
        self.crawler.stats.inc_value("render/blocked/off_site_connection")
        if (host, port) not in self.refused:
            self.refused.add((host, port))
            log.info("render: refused the browser a connection to %s:%d (not a start URL's origin)", host, port)

    def refuses(self, url: str) -> bool:
        """Whether a request for `url` is aborted (off the start origins, or forbidden by robots.txt)."""
        return not self._on_site(url) or self._forbidden(url)

    def __call__(self, request) -> bool:
        if request.resource_type in BLOCKED_RESOURCES:
            self.crawler.stats.inc_value("render/blocked/" + request.resource_type)
            return True
        if request.url.startswith(("data:", "blob:", "about:")):
            return False
        if not self._on_site(request.url):
            self.crawler.stats.inc_value("render/blocked/off_site")
            return True
        if self._forbidden(request.url):  # a script's data under a path robots.txt keeps us out of
            self.crawler.stats.inc_value("render/blocked/robots")
            return True
        return False


def guard_browser(crawler) -> RouteGuard:
    """What the crawl's browser may reach: the route guard judges the page's own requests; every connection
    of the browser (its pages, popups, workers, WebSockets, its own background ones) goes through a proxy
    that refuses other hosts. The proxy is closed when the engine stops; `guarding_the_browser` also
    closes it on the ways out that skip that signal."""
    guard = RouteGuard(crawler)
    crawler.settings.set("PLAYWRIGHT_ABORT_REQUEST", guard, priority="cmdline")

    def refused(host: str, port: int) -> None:
        from twisted.internet import reactor  # the crawl's, installed by then: importing it now would install one

        reactor.callFromThread(guard.refused_connection, host, port)

    guard.proxy = OriginProxy(guard.connects_to, refused, timeout=crawler.settings.getfloat("DOWNLOAD_TIMEOUT"))
    # At launch, not per context: the browser's own connections and every context it makes use it, and
    # Chromium then resolves no host name itself (a DNS query is a way out too). Above "cmdline": the
    # process's settings (render_settings' options, at "cmdline") are merged into the crawler at crawl().
    options = crawler.settings.getdict("PLAYWRIGHT_LAUNCH_OPTIONS")
    options["proxy"] = {"server": guard.proxy.url}
    crawler.settings.set("PLAYWRIGHT_LAUNCH_OPTIONS", options, priority=SETTINGS_PRIORITIES["cmdline"] + 1)
    crawler.signals.connect(guard.proxy.close, signal=signals.engine_stopped)
    return guard


@contextmanager
def guarding_the_browser(crawler, renders: bool):
    """guard_browser(crawler) if the crawl `renders`, its proxy closed however the crawl ends (a second
    Ctrl-C stops the reactor before the engine_stopped signal; an error may come before the engine starts)."""
    guard = guard_browser(crawler) if renders else None
    try:
        yield guard
    finally:
        if guard is not None:
            guard.proxy.close()


class NeverIdle(Exception):
    """A rendered page without `wait_for` whose network never went idle before DOWNLOAD_TIMEOUT."""


def _never_idle(request, exception) -> bool:
    """Whether `exception` is Playwright's timeout of a page waited on until "networkidle"."""
    waited_for = (request.meta.get("playwright_page_goto_kwargs") or {}).get("wait_until")
    kind = type(exception)
    from_playwright = kind.__name__ == "TimeoutError" and kind.__module__.startswith("playwright")
    return waited_for == "networkidle" and from_playwright and '"networkidle"' in str(exception)


class RenderMiddleware:
    """A request whose meta holds `render` (a spec: wait_for, load_more, scroll) is rendered.

    The spec stays plain data until the request is downloaded (a job folder can keep it);
    the page's answer is marked as rendered, and a server's header of that name dropped.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.version = crawler.settings.get("RENDER_BROWSER_VERSION") or "chromium"

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        spec = request.meta.get("render")
        if spec is None or REVALIDATING in request.meta:
            return  # REVALIDATING: a conditional GET first (crawler.render_revalidate), rendered only if changed
        if not request.meta.get("playwright"):
            from .render_page import page_meta  # Playwright, an optional extra: only for a page to render

            settings = self.crawler.settings
            request.meta.update(
                page_meta(
                    spec,
                    delay=settings.getfloat("DOWNLOAD_DELAY"),
                    max_pages=settings.getint("LISTING_MAX_PAGES"),
                    timeout_ms=settings.getfloat("DOWNLOAD_TIMEOUT") * 1000,
                )
            )
            request.meta["playwright_context"] = CONTEXT
        if LOG not in request.meta:  # each try its own: a retry's copy has none (_drop_log)
            log = SubresourceLog(self.guard(), with_styles=bool(spec.get("load_more") or spec.get("scroll")))
            request.meta["playwright_page_event_handlers"] = log.handlers()
            request.meta[LOG] = log

    @staticmethod
    def _drop_log(request):
        """The log is done with once the page is answered; a retry's copy (which a job folder may keep) starts
        a new one."""
        request.meta.pop("playwright_page_event_handlers", None)
        return request.meta.pop(LOG, None)

    def process_exception(self, request, exception, spider=None):
        self._drop_log(request)
        if _never_idle(request, exception):  # Playwright's own message is a call log, not a reason
            seconds = self.crawler.settings.getfloat("DOWNLOAD_TIMEOUT")
            raise NeverIdle(
                f"the page never went network-idle in {seconds:g} s (DOWNLOAD_TIMEOUT): a request it opened stayed "
                "open (a stream, a long poll, a worker); a wait_for selector in its profile reads it without waiting"
            )

    def guard(self):
        guard = self.crawler.settings.get("PLAYWRIGHT_ABORT_REQUEST")
        return guard if isinstance(guard, RouteGuard) else None

    def process_response(self, request, response, spider=None):
        response.headers.pop(RENDERED_HEADER, None)  # only this crawl says what it rendered
        response.headers.pop(SUBRESOURCES_HEADER, None)  # nor what the page loaded
        if "playwright" not in response.flags:
            return response
        log = self._drop_log(request)
        limit = self.crawler.settings.getint("DOWNLOAD_MAXSIZE")
        if limit and len(response.body) > limit:
            raise IgnoreRequest(f"rendered page larger than DOWNLOAD_MAXSIZE ({limit} bytes): {request.url}")
        response.headers[RENDERED_HEADER] = f"{self.version}; DOM after scripts"
        if isinstance(log, SubresourceLog):
            response.headers[SUBRESOURCES_HEADER] = log.record()
        self.crawler.stats.inc_value("render/pages")
        return response
