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

Each worker is a plain process on two pipes (pages in, answers out, in order), read and
written by the crawl's event loop (`add_reader`/`add_writer`), never blocking it. A
ProcessPoolExecutor cost the crawl process about half as much again a page: its manager
and queue-feeder threads woke for each one (docs/benchmarks.md, fifth pass).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import struct
import sys
import threading
import traceback
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass

from .entries import build_entries
from .extract import extract_page
from .extract.pagination import SCRIPT_LINKS_KEPT
from .extract.profiles import Profile, get_profile
from .gc_threshold import collect_less_often
from .listing_state import ListingState
from .log_records import clean_log_records
from .running_text import links_in_running_text

log = logging.getLogger(__name__)

WORKER_EXIT_WAIT = 30  # seconds a closing crawl waits for a worker to finish its page and exit, then kills it


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


_HEADER = struct.Struct("!Q")  # each message on a pipe: its length, then the pickle


def _answer(request: bytes) -> bytes:
    """A worker's answer to one page: (True, ParsedPage, None), or (False, the exception parse_page raised, its
    traceback as text)."""
    try:
        return pickle.dumps((True, _parse_in_worker(*pickle.loads(request)), None), pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # the spider raises it, as it would have raised it in-process
        remote = traceback.format_exc()
        try:
            answer = pickle.dumps((False, exc, remote), pickle.HIGHEST_PROTOCOL)
            pickle.loads(answer)  # some exceptions pickle but do not unpickle (their own __init__ arguments)
            return answer
        except Exception:  # its class and message still reach the spider
            return pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}"), remote), pickle.HIGHEST_PROTOCOL)


class RemoteTraceback(Exception):
    """Where in the worker a page's parse failed: the cause of the exception the spider raises."""

    def __str__(self) -> str:
        return "\n" + self.args[0]


def _worker_main(requests, answers) -> None:
    """A worker: reads pages from one pipe and answers on the other, in order, until the crawl closes its end."""
    _exit_with_parent()
    collect_less_often()  # as the crawl process does while it crawls
    clean_log_records()  # its warnings quote pages too, and reach the crawl's standard error
    try:
        with (
            open(requests.fileno(), "rb", closefd=False) as incoming,
            open(answers.fileno(), "wb", closefd=False) as outgoing,
        ):
            while len(header := incoming.read(_HEADER.size)) == _HEADER.size:
                answer = _answer(incoming.read(_HEADER.unpack(header)[0]))
                outgoing.write(_HEADER.pack(len(answer)))
                outgoing.write(answer)
                outgoing.flush()
    except BrokenPipeError:  # the crawl is gone or closed the pool: nothing is waiting for the answer
        os._exit(0)


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


class _Worker:
    """One worker process and the crawl's ends of its two pipes, read and written by the event loop, never
    blocking it: a page too big for the pipe waits in `unsent` until the worker reads."""

    def __init__(self, context, on_death):
        requests_in, self.requests = context.Pipe(duplex=False)
        self.answers, answers_out = context.Pipe(duplex=False)
        self.process = context.Process(target=_worker_main, args=(requests_in, answers_out), daemon=True)
        try:
            self.process.start()
        except BaseException:
            self.requests.close()
            self.answers.close()
            raise
        finally:
            requests_in.close()  # the worker's ends: only its own copies keep them open, so its death is an EOF here
            answers_out.close()
        self.out_fd, self.in_fd = self.requests.fileno(), self.answers.fileno()
        os.set_blocking(self.out_fd, False)
        os.set_blocking(self.in_fd, False)
        self.on_death = on_death
        self.waiting: deque[asyncio.Future] = deque()  # pages sent, answered in this order
        self.received = bytearray()
        self.unsent = bytearray()
        self.loop: asyncio.AbstractEventLoop | None = None

    def send(self, request: bytes) -> asyncio.Future:
        loop = asyncio.get_running_loop()
        if loop is not self.loop:  # the first page, or a new event loop (asyncio.run in tests): read on this one
            self._unwatch()
            self.loop = loop
            loop.add_reader(self.in_fd, self._read)
            if self.unsent:
                loop.add_writer(self.out_fd, self._flush)
        future = loop.create_future()
        self.waiting.append(future)
        message = _HEADER.pack(len(request)) + request
        if self.unsent:
            self.unsent += message
        else:
            self._write(message)
        return future

    def _write(self, message) -> None:
        try:
            written = os.write(self.out_fd, message)
        except BlockingIOError:
            written = 0
        except OSError:  # the worker is gone; its EOF on the answers' pipe says so
            return
        if written < len(message):
            if not self.unsent:
                self.loop.add_writer(self.out_fd, self._flush)
            self.unsent = bytearray(message[written:])

    def _flush(self) -> None:
        self.loop.remove_writer(self.out_fd)
        message, self.unsent = self.unsent, bytearray()
        self._write(message)

    def _read(self) -> None:
        try:
            chunk = os.read(self.in_fd, 1 << 20)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:  # the worker died (killed, out of memory)
            self.on_death()
            return
        self.received += chunk
        while len(self.received) >= _HEADER.size:
            end = _HEADER.size + _HEADER.unpack_from(self.received)[0]
            if len(self.received) < end:
                break
            answer = bytes(self.received[_HEADER.size : end])
            del self.received[:end]
            future = self.waiting.popleft()
            if not future.done():
                future.set_result(answer)

    def _unwatch(self) -> None:
        if self.loop is not None and not self.loop.is_closed():
            self.loop.remove_reader(self.in_fd)
            self.loop.remove_writer(self.out_fd)
        self.loop = None

    def close(self) -> None:
        """Close the crawl's ends (the worker reads EOF and exits); pages still waiting get None: parse them here."""
        self._unwatch()
        self.requests.close()
        self.answers.close()
        while self.waiting:
            future = self.waiting.popleft()
            if not future.done() and not future.get_loop().is_closed():
                future.set_result(None)


class ParsePool:
    """Parses pages in worker processes once a crawl is big enough; in-process before, and after a failure."""

    def __init__(self, processes: int, after: int, answer_timeout: float = 120):
        self.processes = processes
        self.after = after
        # A worker that has not answered a page in this many seconds (stopped, stuck in a parse) is given up as a
        # dead one is: its pages, and every later one, are parsed here (a crawl waited on it for ever).
        self.answer_timeout = answer_timeout
        self._workers: list[_Worker] = []
        self._given_up = processes < 1

    def start_if_due(self, pages_requested: int) -> None:
        if self._workers or self._given_up or pages_requested < self.after:
            return
        # forkserver, not fork: the crawl process has threads (the archive writer, DNS), and a
        # forked child could inherit a lock one of them held.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        try:
            with _main_module_hidden():
                for _ in range(self.processes):  # started now: their imports run while pages download
                    self._workers.append(_Worker(context, self._worker_died))
        except (OSError, RuntimeError) as exc:  # no /dev/shm (some containers), a process limit: parse here
            log.warning("no parse worker (%s): pages are parsed in the crawl's own process", exc)
            self.close()
            self._given_up = True
            return
        log.info("parsing pages in %d worker process(es)", self.processes)

    @property
    def active(self) -> bool:
        return bool(self._workers)

    async def parse(self, text: str, url: str, listing_url: str, profile_name: str | None, profile) -> ParsedPage:
        if self._workers:
            worker = min(self._workers, key=lambda w: len(w.waiting))
            request = pickle.dumps((text, url, listing_url, profile_name), pickle.HIGHEST_PROTOCOL)
            answer = await self._answer_of(worker.send(request))
            if answer is not None:  # None: the worker died (or stopped answering) before answering
                parsed, result, remote_traceback = pickle.loads(answer)
                if parsed:
                    return result
                raise result from RemoteTraceback(remote_traceback)
        return parse_page(text, url, listing_url, profile)

    async def _answer_of(self, sent: asyncio.Future) -> bytes | None:
        try:
            return await asyncio.wait_for(asyncio.shield(sent), self.answer_timeout)
        except TimeoutError:
            if self._workers:
                log.warning(
                    "a parse worker gave no answer in %ss: pages are parsed in the crawl's own process from now on",
                    self.answer_timeout,
                )
                for worker in self._workers:
                    worker.process.kill()  # a stopped worker would never read the end of its pipe
                self._worker_died(quiet=True)
            return None

    def _worker_died(self, quiet: bool = False) -> None:
        if not quiet:
            log.warning("the parse worker died: pages are parsed in the crawl's own process from now on")
        self.close()
        self._given_up = True

    def close(self, wait: bool = False) -> None:
        """Stop the workers; `wait` for them to exit (the crawl is over: nothing is left to parse)."""
        workers, self._workers = self._workers, []
        for worker in workers:
            worker.close()
        for worker in workers if wait else ():
            worker.process.join(WORKER_EXIT_WAIT)  # a page it is parsing is finished, then it reads the EOF
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
