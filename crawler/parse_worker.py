"""A parse worker's side of crawler/parse_pool.py: the one way a listing page is parsed (`parse_page`), and the
worker process's loop over its two pipes.

Apart from the pool, so that a worker imports what it runs and no more: the pool's own module imports asyncio
for the crawl's event loop, which a worker never uses (about 50 ms of CPU a worker start, docs/benchmarks.md,
eleventh pass).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import struct
import threading
import traceback
from dataclasses import dataclass

from .entries import build_entries
from .extract import extract_page
from .extract.profiles import Profile, get_profile
from .gc_threshold import collect_less_often
from .log_records import clean_log_records
from .running_text import links_in_running_text


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
