"""A crawl shared by many workers: the coordinator, the one archive writer (issue 14).

`crawl --frontier redis://HOST:PORT/DB` runs here, under the archive's lock. It opens
the crawl row, puts the start pages and the archive's last validators in the frontier,
starts N local workers (others may join from any machine with `listing-archive worker`),
and writes every page and entry the workers send through the code a local crawl uses
(pipelines.archive's item conversion, Archive.write_batch with a CrawlSession,
finish_crawl). The crawl ends when nothing is queued, leased or waiting to be written.
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

from crawler.distributed.codec import decode_result
from crawler.distributed.frontier import Frontier, FrontierError, redacted

log = logging.getLogger(__name__)
# A page whose lease expired this many times (each time its worker stopped answering) is given up on.
MAX_ATTEMPTS = int(os.environ.get("LISTING_ARCHIVE_LEASE_ATTEMPTS", 3))
# With pages queued but no worker taking any for this long, the crawl stops (incomplete).
STALL_SECONDS = float(os.environ.get("LISTING_ARCHIVE_STALL", 600))
LEASE_SECONDS = float(os.environ.get("LISTING_ARCHIVE_LEASE", 120))


def coordinate(plan) -> int:
    """Run the plan's crawl with its frontier; print the summary, notify; the exit status."""
    from .runner import EXIT_FAILED, exit_status, log_stem, report

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
        print(f"listing-archive: the frontier {redacted(plan.frontier)} failed: {exc}", file=sys.stderr)
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


def spider_class(name: str) -> type:
    from scrapy.spiderloader import SpiderLoader

    from crawler.run import project_settings

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
        from crawler.run import project_settings

        self.plan = plan
        self.log_stem = log_stem
        self.settings = project_settings(plan.overrides)
        self.start_urls = start_urls_of(plan)
        self.frontier = Frontier(plan.frontier, lease_seconds=LEASE_SECONDS)
        self.batch_size = self.settings.getint("ARCHIVE_BATCH_SIZE")
        self.lock_wait = self.settings.getfloat("ARCHIVE_LOCK_WAIT")
        self.workers: list[subprocess.Popen] = []
        self.stopped: str | None = None

    def on_signal(self, signum, frame):
        """SIGTERM or Ctrl-C: stop collecting; what was written stays, the listings not fetched
        whole are incomplete (the crawl ends partial, as in one process)."""
        self.stopped = signal.Signals(signum).name
        log.warning("%s: stopping the crawl", self.stopped)

    def run(self) -> tuple[int | None, dict, str | None]:
        """(crawl id, listings, archive error)"""
        from pipelines.archive import BUSY_TIMEOUT

        from .store import Archive

        self.frontier.ping()
        with Archive(self.plan.db, busy_timeout=BUSY_TIMEOUT) as archive:
            writer = _Writer(archive, self.lock_wait, self.batch_size)
            session, validators = writer.begin(self._recorded_settings(), self.plan, self.start_urls)
            if not self.settings.getbool("CONDITIONAL_REQUESTS"):
                validators = {}
            try:
                self.frontier.open_crawl(self._config(), validators)
            except (FrontierError, redis.RedisError) as exc:
                writer.finish({}, f"the crawl could not start: {exc}")
                raise
            self._start_workers()
            listings, stopped = {}, None
            try:
                self._collect(writer)
                listings = self.frontier.listing_report(self.start_urls)
            except BaseException as exc:  # Ctrl-C, SIGTERM, a lost frontier: failed, nothing removed
                stopped = f"the coordinator stopped ({exc!r}); nothing was marked removed"
                raise
            finally:
                self._stop_workers()
                writer.finish(listings, stopped)
                try:
                    self.frontier.close_crawl()
                except Exception:
                    log.exception("could not close the crawl in the frontier")
            return session.crawl_id, listings, writer.error

    def _recorded_settings(self) -> dict:
        from pipelines.archive import RECORDED_SETTINGS

        recorded = {k: self.settings.get(k) for k in RECORDED_SETTINGS}
        recorded["profile"] = self.plan.profile or spider_class(self.plan.spider).default_profile  # as a local crawl
        recorded["FRONTIER"] = redacted(self.plan.frontier)
        return recorded

    def _config(self) -> dict:
        return {
            "spider": self.plan.spider,
            "start_urls": self.start_urls,
            "profile": self.plan.profile,
            "listing_profiles": self.plan.listing_profiles,
            "settings": self.plan.overrides,
            "max_pages": self.settings.getint("LISTING_MAX_PAGES"),
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

    def _collect_until_idle(self, writer) -> None:
        last_progress = time.monotonic()
        while True:
            now = time.monotonic()
            found = self.frontier.results(self.batch_size, wait=0.5)
            for text in found:
                writer.add(*decode_result(text))
            writer.flush(force=not found)
            for message in self.frontier.reclaim(MAX_ATTEMPTS):
                log.warning("giving up on %s: its lease expired %d time(s)", message["url"], MAX_ATTEMPTS)
                self.frontier.give_up(self.start_urls, message, MAX_ATTEMPTS)
            queued, leased = self.frontier.counts()
            if found or leased:
                last_progress = now
            if writer.error or self.stopped or (not found and self.frontier.idle()):
                return
            if now - last_progress > STALL_SECONDS:
                log.error("%d page(s) queued but no worker took one for %ss: stopping", queued, STALL_SECONDS)
                return

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


class _Writer:
    """Batches into the archive, as ArchivePipeline writes them (retried while locked)."""

    def __init__(self, archive, lock_wait: float, batch_size: int):
        self.archive = archive
        self.lock_wait = lock_wait
        self.batch_size = batch_size
        self.session = None
        self.captures: list[dict] = []
        self.entries: list = []
        self.capture_ids: dict[str, int] = {}
        self.error: str | None = None

    def begin(self, settings: dict, plan, start_urls: list[str]):
        from .record import last_captures
        from .writefaults import with_retry

        stale = with_retry(self.archive.close_stale_crawls, self.lock_wait)
        if stale:
            log.warning("%d earlier crawl(s) had stopped before finishing; marked failed", stale)
        ignore = tuple(plan.overrides.get("ARCHIVE_IGNORE_FIELDS") or ())
        self.session = with_retry(
            lambda: self.archive.begin_crawl(plan.spider, start_urls, settings, ignore_fields=ignore), self.lock_wait
        )
        return self.session, last_captures(self.archive.conn, start_urls)

    def add(self, pages, entries) -> None:
        from pipelines.archive import _capture, _entry_and_sighting

        self.captures += [_capture(p) for p in pages if p.get("status") is not None]
        self.entries += [_entry_and_sighting(e) for e in entries]

    def flush(self, force: bool = False) -> None:
        if self.error or not (self.captures or self.entries):
            return
        if not force and len(self.entries) < self.batch_size:
            return
        from .writefaults import ArchiveWriteFailed, with_retry

        captures, entries = self.captures, self.entries
        try:
            ids = with_retry(
                lambda: self.archive.write_batch(self.session, captures, entries, self.capture_ids), self.lock_wait
            )
        except ArchiveWriteFailed as exc:
            self.error = str(exc)
            log.error("archive write failed, stopping the crawl: %s", self.error)
            return
        self.captures, self.entries = [], []
        self.capture_ids.update(ids)

    def finish(self, listings: dict, note: str | None = None) -> None:
        from .writefaults import with_retry

        self.flush(force=True)
        status = "failed" if self.error or note else None
        if self.error:
            note = f"archive write failed: {self.error}; nothing was marked removed"
        with_retry(lambda: self.archive.finish_crawl(self.session, listings, status=status, note=note), self.lock_wait)
