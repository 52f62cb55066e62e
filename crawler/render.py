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

What the page loaded is recorded with its capture (crawler/render_revalidate.py), so that the
next crawl can revalidate the page and each of them without a browser.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import IgnoreRequest

from .origins import allowed_origins, on_site
from .render_revalidate import LOG, REVALIDATING, SubresourceLog

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
    args = list(QUIET_FLAGS)
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
        crawler.signals.connect(self.on_robots, signal=signals.robots_parsed)

    def on_robots(self, robotparser, request):
        self.robots[urlsplit(request.url).netloc] = robotparser

    def _forbidden(self, url: str) -> bool:
        parser = self.robots.get(urlsplit(url).netloc)
        return parser is not None and not parser.allowed(url, self.user_agent)

    def _on_site(self, url: str) -> bool:
        if self.origins is None:
            self.origins = allowed_origins(list(getattr(self.crawler.spider, "start_urls", [])))
        return on_site(url, self.origins)

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
