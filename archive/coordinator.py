"""A crawl shared by many workers: the coordinator, the one archive writer (issue 14).

`crawl --frontier redis://HOST:PORT/DB` runs here, under the archive's lock. It opens
the crawl row, puts the start pages and the archive's last validators in the frontier,
starts N local workers (others may join from any machine with `listing-archive worker`),
and writes every page and entry the workers send through the writer a local crawl uses
(archive.writer.ArchiveWriter). The crawl ends when nothing is queued, leased or waiting to be written.
A lease that expires (its worker died) puts the page back in the queue; a page given
up on makes its listing incomplete, so nothing of it is marked removed.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import redis
from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.spiderloader import SpiderLoader

from crawler.credentials import split_credentials
from crawler.distributed.codec import decode_result
from crawler.distributed.frontier import WORKER_BEAT, Frontier, FrontierError
from crawler.errors import EXIT_FAILED
from crawler.extract.profiles import profile_texts
from crawler.listing_state import STOPPED, ListingState
from crawler.log_records import clean_log_records
from crawler.origins import redact
from crawler.run import project_settings
from crawler.settings import SettingError, check_settings
from crawler.spiders.dropped import CLOSED_BY_SETTING, NEVER_FETCHED, dropped_by_limit
from crawler.wording import counted

from .outcome import exit_status, log_stem, report
from .writefaults import ArchiveWriteFailed
from .writer import RECORDED_SETTINGS, ArchiveWriter

log = logging.getLogger(__name__)
WORKER_START_GRACE = 60.0  # seconds a crawl waits for its first worker to take a page before calling it stalled
# The frontier's settings (crawler/settings.py) and the environment variables that stand in for them.
FRONTIER_KNOBS = {
    "FRONTIER_LEASE": "LISTING_ARCHIVE_LEASE",
    "FRONTIER_LEASE_ATTEMPTS": "LISTING_ARCHIVE_LEASE_ATTEMPTS",
    "FRONTIER_STALL": "LISTING_ARCHIVE_STALL",
}


def coordinate(plan) -> int:
    """Run the plan's crawl with its frontier; print the summary, notify; the exit status."""
    stem = log_stem(plan)
    log_file = f"{stem}.log"
    _log_to(log_file)
    coordinator = Coordinator(plan, stem)
    previous = {sig: signal.signal(sig, coordinator.on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        crawl_id, listings, error = coordinator.run()
    except FrontierError as exc:
        print(f"listing-archive: {exc}", file=sys.stderr)
        return 1
    except redis.RedisError as exc:  # the crawl is closed as failed: nothing removed
        print(f"listing-archive: the frontier {redact(plan.frontier)} failed: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return exit_status(report(plan, crawl_id, {"listings": listings, "stats": {}}, error, log_file))


def _log_to(path: str) -> None:
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s [%(name)s] %(levelname)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    clean_log_records()


def frontier_knob(settings, name: str) -> float:
    """A frontier setting: as given (-s, a config file), else its environment variable, else the default."""
    fallback = os.environ.get(FRONTIER_KNOBS[name])
    if settings.getpriority(name) <= SETTINGS_PRIORITIES["project"] and fallback:
        try:  # checked as `-s NAME=VALUE` is: float() alone took nan, inf, 0 and negative leases
            return float(check_settings({name: fallback})[name])
        except SettingError as exc:
            log.warning("%s: %s; %s=%s used", FRONTIER_KNOBS[name], exc, name, settings[name])
    return settings.getfloat(name)


def spider_class(name: str) -> type:
    return SpiderLoader.from_settings(project_settings()).load(name)


def start_urls_of(plan) -> list[str]:
    """The crawl's listings, as the spider itself would take them."""
    if plan.start_urls:
        return list(plan.start_urls)
    if plan.listing_profiles:
        return list(plan.listing_profiles)
    return list(spider_class(plan.spider).default_start_urls)


class Coordinator:
    def __init__(self, plan, log_stem: Path):
        self.plan = plan
        self.log_stem = log_stem
        self.settings = project_settings(plan.overrides)
        self.start_urls = start_urls_of(plan)
        self.frontier = Frontier(plan.frontier, lease_seconds=frontier_knob(self.settings, "FRONTIER_LEASE"))
        self.max_attempts = int(frontier_knob(self.settings, "FRONTIER_LEASE_ATTEMPTS"))
        self.stall_seconds = frontier_knob(self.settings, "FRONTIER_STALL")
        # Under two beats a worker at work would count as gone between two of them.
        self.worker_gone = max(self.settings.getfloat("FRONTIER_WORKER_GONE"), 2 * WORKER_BEAT)
        self.frontier.worker_gone_ms = int(self.worker_gone * 1000)
        self.batch_size = self.settings.getint("ARCHIVE_BATCH_SIZE")
        self.workers: list[subprocess.Popen] = []
        self.stopped: str | None = None
        self.stalled = False  # pages were left queued: no worker took them for FRONTIER_STALL seconds
        self.ended_early: str | None = None  # pages were left queued: a CLOSESPIDER_* setting closed every worker
        self.workers_gone = False  # pages were left: every worker stopped answering (kill -9), none is left
        self.worker_seen = False  # a worker has taken a page (or handed in a result) in this crawl
        self.listings: dict = {}
        self.notes: dict[str, list[str]] = {}  # per listing: what the workers said the summary should say
        self.read: dict[str, ListingState] = {}  # per listing: how its pages read, as the workers saw it

    def on_signal(self, signum, frame):
        """SIGTERM or Ctrl-C: stop collecting; what was written stays, the listings not fetched
        whole are incomplete (the crawl ends partial, as in one process)."""
        self.stopped = signal.Signals(signum).name
        log.warning("%s: stopping the crawl", self.stopped)

    def run(self) -> tuple[int | None, dict, str | None]:
        """(crawl id, listings, archive error)"""
        self.frontier.ping()
        writer = ArchiveWriter(self.plan.db, self.settings.getfloat("ARCHIVE_LOCK_WAIT"), self.batch_size)
        ignore = self.plan.overrides.get("ARCHIVE_IGNORE_FIELDS") or ()
        session = writer.begin(self.plan.spider, self.start_urls, self._recorded_settings(), ignore)
        try:
            self._run(writer)
        finally:
            writer.close()
        return session.crawl_id, self.listings, writer.error

    def _run(self, writer: ArchiveWriter) -> None:
        validators = writer.previous_captures(self.start_urls)
        if not self.settings.getbool("CONDITIONAL_REQUESTS"):
            validators = {}
        try:
            self.frontier.open_crawl(self._config(), validators, self._dropped_start_pages())
        except (FrontierError, redis.RedisError) as exc:
            writer.finish({}, f"the crawl could not start: {exc}")
            raise
        self._start_workers()
        stopped = None
        try:
            self._collect(writer)
            self.listings = self.frontier.listing_report(self.start_urls)
            for listing_url, texts in self.notes.items():
                for text in texts:
                    self.listings[listing_url].note(text)
            for listing_url, seen in self.read.items():
                self.listings[listing_url].add_read_facts(seen.read_facts())
            self._say_why_stalled()
            self._say_why_stopped()
            self._say_why_unread()
        except BaseException as exc:  # Ctrl-C, SIGTERM, a lost frontier: failed, nothing removed
            stopped = f"the coordinator stopped ({exc!r}); nothing was marked removed"
            raise
        finally:
            self._stop_workers()
            writer.finish(self.listings, stopped)
            try:
                self.frontier.close_crawl()
            except Exception:
                log.exception("could not close the crawl in the frontier")

    def _dropped_start_pages(self) -> dict[str, str]:
        """Start pages Scrapy's URLLENGTH_LIMIT drops in a crawl in one process, with the why it says."""
        dropped = {url: dropped_by_limit(self.settings, url, 0) for url in self.start_urls}
        return {url: f"{url}: {NEVER_FETCHED}: {why}" for url, why in dropped.items() if why}

    def _render_listings(self) -> list[str]:
        rendered = self.plan.render_listings
        return list(self.start_urls) if rendered is True else list(rendered or [])

    def _say_why_stalled(self) -> None:
        """A crawl stopped with pages queued: a rendered listing no worker could render says so."""
        if not self.stalled:
            return
        for listing_url in self.frontier.left_listings() & set(self.listings):
            state = self.listings[listing_url]
            if state.pages_fetched + state.pages_failed < state.pages_requested:
                state.problem("not rendered: no worker with Chromium took its pages (workers without it left them)")

    def _say_why_stopped(self) -> None:
        """Told to stop (Ctrl-C, SIGTERM): each listing not read whole says so, as in one process."""
        if not self.stopped:
            return
        for listing_url, state in self.listings.items():
            if state.pages_fetched + state.pages_failed < state.pages_requested or not state.pages_fetched:
                state.problem(f"{listing_url}: {STOPPED}")

    def _say_why_unread(self) -> None:
        """A listing left short of pages with nothing recorded (a worker closed early by a CLOSESPIDER_* setting
        gives its pages back) says so, as a crawl in one process names the page it never fetched."""
        for listing_url, state in self.listings.items():
            unread = state.pages_requested - state.pages_fetched - state.pages_failed
            if unread > 0 and not state.problems:
                why = f"no worker took one for {self.stall_limit():g}s" if self.stalled else "no worker read it"
                if self.ended_early:  # "ended", not "closed": archive.summary.why takes "closed" for a connection cut
                    why = f"every worker ended early ({self.ended_early})"
                elif self.workers_gone:
                    why = f"every worker is gone (none heard from for {self.worker_gone:g}s)"
                dropped = self.frontier.never_fetched(self.start_urls, listing_url)  # by DEPTH_LIMIT, URLLENGTH_LIMIT
                state.problem(dropped or f"{listing_url}: {counted(unread, 'page')} asked for, never fetched: {why}")
                log.warning("listing incomplete: %s", state.problems[-1])

    def _recorded_settings(self) -> dict:
        recorded = {k: self.settings.get(k) for k in RECORDED_SETTINGS}
        recorded["profile"] = self.plan.profile or spider_class(self.plan.spider).default_profile  # as a local crawl
        if self.plan.listing_profiles:
            recorded["listing_profiles"] = {split_credentials(u)[0]: p for u, p in self.plan.listing_profiles.items()}
        recorded["FRONTIER"] = redact(self.plan.frontier)
        return recorded

    def _config(self) -> dict:
        return {
            "spider": self.plan.spider,
            "start_urls": self.start_urls,
            "profile": self.plan.profile,
            "listing_profiles": self.plan.listing_profiles,
            # The profile files' text as read here: a worker elsewhere reads these, not a file of its own.
            "profile_texts": profile_texts([self.plan.profile, *(self.plan.listing_profiles or {}).values()]),
            "settings": self.plan.overrides,
            "max_pages": self.settings.getint("LISTING_MAX_PAGES"),
            # Read in Chromium by the workers that have it (crawler/distributed/worker.py); others leave them.
            "render_listings": self._render_listings(),
            "owner": f"{socket.gethostname()}:{os.path.realpath(self.plan.db)}",  # the archive this crawl writes
        }

    def _collect(self, writer) -> None:
        """Write what the workers send until the frontier is idle."""
        stop = threading.Event()
        beat = threading.Thread(target=self._heartbeat, args=(stop,), name="frontier-heartbeat", daemon=True)
        beat.start()
        try:
            self._collect_until_idle(writer)
        finally:
            stop.set()
            beat.join()

    def _heartbeat(self, stop: threading.Event) -> None:
        """The frontier hears from this coordinator even while a write waits for the archive's lock."""
        while not stop.wait(5):
            try:
                self.frontier.heartbeat()
            except redis.RedisError as exc:
                log.warning("heartbeat to the frontier failed: %s", exc)

    def _collect_until_idle(self, writer: ArchiveWriter) -> None:
        last_progress = time.monotonic()
        while True:
            now = time.monotonic()
            found = self.frontier.results(self.batch_size, wait=0.5)
            for text in found:
                pages, entries, notes, read = decode_result(text)
                for listing_url, texts in notes.items():
                    self.notes.setdefault(listing_url, []).extend(texts)
                for listing_url, facts in read.items():
                    self.read.setdefault(listing_url, ListingState()).add_read_facts(facts)
                for page in pages:
                    writer.add_page(page)
                for entry in entries:
                    writer.add_entry(entry)
            if writer.batch_due() or not found:
                _write(writer)
            for message in self.frontier.reclaim(self.max_attempts):
                log.warning("giving up on %s: its lease expired %d time(s)", redact(message["url"]), self.max_attempts)
                self.frontier.give_up(self.start_urls, message, self.max_attempts)
            ended_early = self._workers_ended_early()  # read before the counts: a worker leaving gave its pages back
            queued, leased = self.frontier.counts()
            if found or leased:
                last_progress, self.worker_seen = now, True
            if writer.error or self.stopped or (not found and self.frontier.idle()):
                return
            if ended_early and queued and not leased and not self.frontier.results_waiting():
                log.error("pages queued and every worker ended early (%s): stopping", ended_early)
                self.ended_early = ended_early
                return
            if (queued or leased) and self._workers_gone() and not self.frontier.results_waiting():
                log.error("pages left and every worker gone (none heard from for %gs): stopping", self.worker_gone)
                self.workers_gone = True
                return
            if now - last_progress > self.stall_limit():
                log.error("%d page(s) queued but no worker took one for %ss: stopping", queued, self.stall_limit())
                self.stalled = True
                return

    def _workers_ended_early(self) -> str | None:
        """Why the crawl's workers left, when a CLOSESPIDER_* setting closed one and none is left to take the pages
        (none heard from lately, no local worker still running); else None: the live ones fetch the rest."""
        early = sorted(why for why in self.frontier.worker_stops().values() if why.startswith(CLOSED_BY_SETTING))
        if not early or any(proc.poll() is None for proc in self.workers) or self.frontier.live_workers():
            return None
        return early[0]

    def _workers_gone(self) -> bool:
        """Every worker of the crawl stopped answering without leaving (kill -9, a machine stopped) and none is
        left: no live one, no local one still running. Their leases would hold the pages FRONTIER_LEASE more,
        then the queue FRONTIER_STALL more, for no one."""
        if any(proc.poll() is None for proc in self.workers) or self.frontier.live_workers():
            return False
        return self.frontier.silent_workers() > 0

    def stall_limit(self) -> float:
        """FRONTIER_STALL, but at least WORKER_START_GRACE before any worker has taken a page: a worker
        starting on a busy machine (imports, Scrapy) is not a stall."""
        return self.stall_seconds if self.worker_seen else max(self.stall_seconds, WORKER_START_GRACE)

    def _start_workers(self) -> None:
        count = (os.cpu_count() or 1) if self.plan.workers is None else self.plan.workers
        command = [sys.executable, "-m", "archive.cli", "worker", "--idle-timeout", "30"]
        env = {**os.environ, "LISTING_ARCHIVE_FRONTIER": self.plan.frontier}  # a password stays out of `ps`
        for n in range(count):
            with open(f"{self.log_stem}-worker{n + 1}.log", "ab") as out:
                self.workers.append(
                    subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
                )

    def _stop_workers(self) -> None:
        for proc in self.workers:
            if proc.poll() is None:
                proc.terminate()
        for proc in self.workers:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _write(writer: ArchiveWriter) -> None:
    """What the writer holds, now; a failed write stops the crawl (the collecting loop sees writer.error)."""
    try:
        writer.write(writer.take_batch())
    except ArchiveWriteFailed as exc:
        log.error("archive write failed, stopping the crawl: %s", exc)
