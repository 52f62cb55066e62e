"""Listing pages parsed in a second process, so that a crawl uses a second core.

Scrapy runs every callback on one thread, and a page's parse (crawler.extract,
crawler.entries) costs about as much CPU as Scrapy's own handling of the page. Once a
crawl has requested PARSE_PROCESS_AFTER pages, the spider hands each page's text to
PARSE_PROCESSES worker processes and goes on downloading while they parse. Small crawls
never start one: a worker's start-up (about a second of imports) pays only over
hundreds of pages.

The pool changes where a page is parsed, never what comes of it: the worker runs the
same `parse_page` the spider runs in-process, an exception in it reaches the spider as
it would have in-process, and a worker that dies (killed, out of memory) leaves that
page and every later one to be parsed in-process.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass

from .entries import build_entries
from .extract import extract_page
from .extract.pagination import SCRIPT_LINKS_KEPT
from .extract.profiles import Profile, get_profile
from .listing_state import ListingState
from .running_text import links_in_running_text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ParsedPage:
    """What the spider needs of a parsed page."""

    page_number: int | None
    page_links: list[str]
    entries: list[dict]
    script_links: tuple[str, ...] = ()  # pagination that leads nowhere a crawl can follow (javascript:, #)
    extractor: str = "generic"  # the profile that read the page, or "generic"
    prose_links: int = 0  # entries whose link sits in a sentence (crawler/running_text.py), on a generic read


def parse_page(text: str, url: str, listing_url: str, profile: Profile | None) -> ParsedPage:
    """The one way a listing page is parsed in a crawl, in-process or in a worker."""
    page = extract_page(text, url, profile or "auto")
    entries = build_entries(page, url, listing_url, profile)
    prose = generic_prose_links(text, page)
    return ParsedPage(
        page.page_number, list(page.page_links), entries, tuple(page.script_page_links), page.extractor, prose
    )


def generic_prose_links(text: str, page) -> int:
    """How many of a generic read's entries are links in running text (an About page's), for the health checks."""
    return links_in_running_text(text, [e.href for e in page.entries]) if page.extractor == "generic" else 0


def note_read(
    state: ListingState,
    start_page: bool,
    extractor: str,
    entries: int,
    script_links,
    prose_links: int = 0,
    browser_hint: str | None = None,
) -> None:
    """What the health checks (archive.health) need of how a listing's pages read, kept in its state:
    how many entries its start page yielded to the generic extractor (and how many of them are links in
    running text), and pagination a crawl cannot follow. A crawl (in-process or with the parse worker) and a
    reparse note the same."""
    if start_page and extractor == "generic":
        state.start_page_generic_entries = entries
        state.start_page_prose_links = prose_links
    state.browser_hint = state.browser_hint or browser_hint  # a reparse's; the spider sets its own
    if script_links:
        kept = state.script_links
        kept += [link for link in script_links if link not in kept][: SCRIPT_LINKS_KEPT - len(kept)]


_worker_profiles: dict[str | None, Profile | None] = {}


def _parse_in_worker(text: str, url: str, listing_url: str, profile_name: str | None) -> ParsedPage:
    if profile_name not in _worker_profiles:  # a profile file is read once per worker, not once per page
        _worker_profiles[profile_name] = get_profile(profile_name)
    return parse_page(text, url, listing_url, _worker_profiles[profile_name])


def _exit_with_parent() -> None:
    """Each worker's start: Ctrl-C left to the crawl (it reaches the whole process group: the crawl stops
    itself), and the worker ends when the crawl is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent()


def exit_with_parent() -> None:
    """In a pool worker: a thread that ends the worker when the process that started it is gone.

    A pool's workers wait on a queue they hold both ends of, so they would outlive a parent
    killed with SIGKILL (holding what it held: the archive's lock); multiprocessing's parent
    sentinel says when it is gone.
    """
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_wait_then_exit, args=(parent.sentinel,), daemon=True).start()


def _wait_then_exit(sentinel) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


@contextmanager
def _main_module_hidden():
    """While the workers start: they do not import the program that started the crawl.

    multiprocessing runs the main script (or `-m` module) again in each new process, so a
    script that calls run_crawl() without an `if __name__ == "__main__":` guard would
    crawl again inside the worker. The worker needs nothing from it.
    """
    main = sys.modules.get("__main__")
    saved = {name: main.__dict__[name] for name in ("__file__", "__spec__") if main and name in main.__dict__}
    try:
        for name in saved:
            setattr(main, name, None)
        yield
    finally:
        for name, value in saved.items():
            setattr(main, name, value)


class ParsePool:
    """Parses pages in worker processes once a crawl is big enough; in-process before, and after a failure."""

    def __init__(self, processes: int, after: int):
        self.processes = processes
        self.after = after
        self._executor: ProcessPoolExecutor | None = None
        self._given_up = processes < 1

    def start_if_due(self, pages_requested: int) -> None:
        if self._executor is not None or self._given_up or pages_requested < self.after:
            return
        # forkserver, not fork: the crawl process has threads (the archive writer, DNS), and a
        # forked child could inherit a lock one of them held.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        try:
            with _main_module_hidden():
                self._executor = ProcessPoolExecutor(
                    max_workers=self.processes, mp_context=context, initializer=_exit_with_parent
                )
                for _ in range(self.processes):
                    self._executor.submit(int)  # start the workers now: their imports run while pages download
        except (OSError, RuntimeError) as exc:  # no /dev/shm (some containers), a process limit: parse here
            log.warning("no parse worker (%s): pages are parsed in the crawl's own process", exc)
            self.close()
            self._given_up = True
            return
        log.info("parsing pages in %d worker process(es)", self.processes)

    @property
    def active(self) -> bool:
        return self._executor is not None

    async def parse(self, text: str, url: str, listing_url: str, profile_name: str | None, profile) -> ParsedPage:
        if self._executor is not None:
            try:
                future = self._executor.submit(_parse_in_worker, text, url, listing_url, profile_name)
                return await asyncio.wrap_future(future)
            except BrokenProcessPool:
                log.warning("the parse worker died: pages are parsed in the crawl's own process from now on")
                self.close()
                self._given_up = True
        return parse_page(text, url, listing_url, profile)

    def close(self, wait: bool = False) -> None:
        """Stop the workers; `wait` for them to exit (the crawl is over: nothing is left to parse)."""
        if self._executor is not None:
            self._executor.shutdown(wait=wait, cancel_futures=True)
            self._executor = None
