"""What the browser does on a rendered listing page before its DOM is read.

- wait: for the profile's `wait_for` selector, else until the network has been idle
  (a list built from fetch() is otherwise read half-built);
- expand: click the profile's `load_more` selector, or scroll to the end (`scroll`),
  with the crawl's delay between rounds, until nothing more comes or LISTING_MAX_PAGES.

Imported only when a crawl renders (Playwright is an optional extra).
"""

from __future__ import annotations

import asyncio

from playwright.async_api import Error as PlaywrightError
from scrapy_playwright.page import PageMethod

# How long a scroll waits for more entries before taking the list as whole (seconds): an
# infinite scroll has no button that disappears, only a page that stops growing.
SCROLL_SETTLE = 3.0
# Polling the page's open requests after a round (seconds).
POLL = 0.05
_ELEMENTS = "() => document.getElementsByTagName('*').length"
_GREW = "n => document.getElementsByTagName('*').length !== n"


def page_meta(spec: dict, delay: float, max_pages: int, timeout_ms: float) -> dict:
    """scrapy-playwright's meta for a request whose listing renders with `spec`."""
    methods = []
    goto = {"wait_until": "load"}
    if spec.get("wait_for"):
        methods.append(PageMethod("wait_for_selector", spec["wait_for"], state="attached", timeout=timeout_ms))
    else:
        goto["wait_until"] = "networkidle"
    if spec.get("load_more") or spec.get("scroll"):
        methods.append(
            PageMethod(
                expand_list,
                load_more=spec.get("load_more") or "",
                delay=delay,
                max_rounds=max(0, max_pages - 1),  # the first page is one of LISTING_MAX_PAGES
                timeout_ms=timeout_ms,
            )
        )
    return {"playwright": True, "playwright_page_methods": methods, "playwright_page_goto_kwargs": goto}


def expansion(meta: dict) -> dict | None:
    """What expand_list reported for this request ({"rounds", "more"}), if it ran."""
    for method in meta.get("playwright_page_methods") or ():
        if getattr(method, "method", None) is expand_list and isinstance(getattr(method, "result", None), dict):
            return method.result
    return None


class _Requests:
    """The page's requests still open, so a round ends when what it asked for has arrived."""

    def __init__(self, page):
        self.open: set = set()
        page.on("request", self.opened)
        page.on("requestfinished", self.closed)
        page.on("requestfailed", self.closed)

    def opened(self, request) -> None:
        self.open.add(request)

    def closed(self, request) -> None:
        self.open.discard(request)

    async def settle(self, timeout: float) -> None:
        deadline = asyncio.get_running_loop().time() + timeout
        while self.open and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(POLL)


async def expand_list(page, load_more: str, delay: float, max_rounds: int, timeout_ms: float) -> dict:
    """Click `load_more` (or scroll, when it is empty) until the list stops growing or `max_rounds`.

    Returns {"rounds": rounds that added to the page, "more": whether more was still offered}.
    """
    requests = _Requests(page)
    rounds = 0
    while True:
        button = page.locator(load_more).first if load_more else None
        if button is not None and not await _offered(button):
            return {"rounds": rounds, "more": False}
        if rounds >= max_rounds:
            return {"rounds": rounds, "more": True}
        if rounds and delay:
            await asyncio.sleep(delay)  # the crawl's delay, as between two pages
        before = await page.evaluate(_ELEMENTS)
        try:
            if button is not None:
                await button.click(timeout=timeout_ms)
            else:
                await page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
            wait = timeout_ms if button is not None else SCROLL_SETTLE * 1000
            await page.wait_for_function(_GREW, arg=before, timeout=wait)
        except PlaywrightError:  # nothing came (a timeout) or the button went away mid-click
            return {"rounds": rounds, "more": button is not None and await _offered(button)}
        await requests.settle(timeout_ms / 1000)
        rounds += 1


async def _offered(button) -> bool:
    try:
        return await button.count() > 0 and await button.is_visible() and await button.is_enabled()
    except PlaywrightError:
        return False
