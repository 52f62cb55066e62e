"""Plan and run crawls: the library under `crawl` and `schedule`.

A CrawlPlan merges command-line options with a config file and is checked whole
before anything is fetched. `run_plan` takes the archive's lock and runs the crawl
(with --jobdir, one crawl per listing, each in its own process: Twisted's reactor
starts once per process), prints each summary, sends notifications, and returns the
exit status of the worst crawl.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED, EXIT_SUSPECT, EXIT_LOCKED = 0, 3, 4, 5, 75
# Worst first: the exit status of several crawls is that of the worst one.
SEVERITY = (EXIT_FAILED, EXIT_SUSPECT, EXIT_PARTIAL, EXIT_OK)


class PlanError(ValueError):
    """Options or a config file that cannot make a crawl, with a message saying why."""


@dataclass
class CrawlPlan:
    spider: str = "ilo"
    db: str = "archive.db"
    start_urls: list[str] = field(default_factory=list)
    profile: str | None = None
    listing_profiles: dict | None = None
    overrides: dict = field(default_factory=dict)  # Scrapy settings
    notify: list[str] = field(default_factory=list)
    log_dir: str | None = None
    jobdir: str | None = None
    frontier: str | None = None  # redis://HOST:PORT/DB: a crawl shared by workers (archive.coordinator)
    workers: int | None = None  # local workers the coordinator starts (None: one per core)


def build_plan(
    spider=None,
    db=None,
    config_path=None,
    start_urls=(),
    profile=None,
    settings=None,
    contact=None,
    notify=(),
    log_dir=None,
    jobdir=None,
    ignore_fields=(),
    frontier=None,
    workers=None,
) -> CrawlPlan:
    """Options (which win) and a config file merged into one plan; every check before any crawling.

    A bad command-line value raises PlanError (a usage error); a bad config file, ConfigError.
    """
    from .config import load_config
    from .locking import check_writable

    plan = CrawlPlan(
        spider=spider,
        db=db,
        start_urls=list(start_urls),
        profile=profile,
        notify=list(notify),
        log_dir=log_dir,
        jobdir=jobdir,
    )
    _check_notify(plan.notify)
    if config_path:
        cfg = load_config(config_path)  # checked whole, settings and notify URLs included
        plan.spider = spider or cfg.spider
        plan.listing_profiles = cfg.profiles
        plan.overrides = dict(cfg.settings)
        plan.start_urls = plan.start_urls or [item["url"] for item in cfg.listings]
        plan.db, contact = db or cfg.db, contact or cfg.contact
        plan.notify = plan.notify or cfg.notify
        plan.log_dir, plan.jobdir = log_dir or cfg.log_dir, jobdir or cfg.jobdir
        frontier = frontier or cfg.frontier
    plan.spider, plan.db = plan.spider or "ilo", plan.db or "archive.db"
    _check_options(plan, settings, ignore_fields)
    check_writable(plan.db, "crawl into")  # a NotWritable: bad input, not a usage error
    if contact:
        plan.overrides["CONTACT"] = contact
    if plan.jobdir:
        plan.overrides["JOBDIR"] = plan.jobdir
    _frontier(plan, frontier, workers)
    return plan


def _check_options(plan: CrawlPlan, settings, ignore_fields) -> None:
    """The command line's settings, start URLs, ignored fields, spider and profiles, cheapest first."""
    from crawler.extract.profiles import get_profile
    from crawler.items import FIELDS
    from crawler.run import spider_names
    from crawler.settings import SettingError, check_settings

    try:
        plan.overrides.update(check_settings(settings or {}))
    except SettingError as exc:
        raise PlanError(f"-s {exc}") from None
    _check_urls(plan.start_urls)
    if ignore_fields:
        unknown = set(ignore_fields) - set(FIELDS)
        if unknown:
            raise PlanError(
                f"--ignore-field: unknown field(s) {', '.join(sorted(unknown))}; known: {', '.join(FIELDS)}"
            )
        plan.overrides["ARCHIVE_IGNORE_FIELDS"] = list(ignore_fields)
    if plan.spider not in spider_names():
        raise PlanError(f"unknown spider {plan.spider!r}; known: {', '.join(spider_names())}")
    for name in {plan.profile, *(plan.listing_profiles or {}).values()} - {None}:
        get_profile(name)  # a clear error now for an unknown profile or a bad profile file


def _check_notify(urls: list[str]) -> None:
    """Before crawling, not after: a notification URL Apprise cannot read would only be warned about at the end."""
    from .notify import refused_urls, shown

    bad = refused_urls(urls)
    if bad:
        raise PlanError(f"--notify: {shown(bad[0])} is not a notification URL Apprise understands")


def _frontier(plan: CrawlPlan, frontier, workers) -> None:
    from crawler.distributed.frontier import FrontierError, check_url

    if frontier:
        try:
            plan.frontier = check_url(frontier)
        except FrontierError as exc:
            raise PlanError(str(exc)) from None
        if plan.jobdir:
            raise PlanError("--frontier and --jobdir do not go together: the frontier is where the queue is kept")
    elif workers is not None:
        raise PlanError("--workers needs --frontier")
    plan.workers = workers


def _check_urls(urls: list[str]) -> None:
    """Each start URL must be http(s) with a host that could be looked up; PlanError saying which is not."""
    from urllib.parse import urlsplit

    for url in urls:
        if not isinstance(url, str) or not url.strip() or any(ch.isspace() or ord(ch) < 32 for ch in url):
            raise PlanError(
                f"--start-url: {url!r} is not a valid URL (it is empty or holds spaces or control characters)"
            )
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018  (raises ValueError for a bad port)
            host = parts.hostname or ""
            host.encode("idna")  # an empty label ("a..b") or one over 63 characters cannot be looked up
        except (ValueError, UnicodeError):
            raise PlanError(f"--start-url: {url!r} is not a valid URL") from None
        if parts.scheme.lower() not in ("http", "https") or not host:
            raise PlanError(f"--start-url: {url!r} is not an http(s) URL with a host")


def run_plan(plan: CrawlPlan) -> int:
    """Hold the archive's lock and run the plan's crawl(s); returns the exit status."""
    from .locking import ArchiveLocked, archive_lock
    from .store import Archive

    Archive(plan.db).close()  # a clear error now if the file is not an archive
    try:
        with archive_lock(plan.db):
            if plan.frontier:
                from .coordinator import coordinate

                return coordinate(plan)
            if plan.jobdir and len(plan.start_urls) > 1:
                code = worst(_run_in_child(one) for one in per_listing(plan))
            else:
                code = execute(plan)
    except ArchiveLocked as exc:
        print(f"listing-archive: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    if plan.jobdir:
        remove_finished_jobs(plan.jobdir)
    return code


# What Scrapy keeps in a job folder; nothing else in it is ever removed.
JOB_FILES = ("spider.state", "requests.seen")
JOB_QUEUE = "requests.queue"


def remove_finished_jobs(jobdir: str) -> None:
    """A job whose crawl finished holds nothing to resume: remove its files, then its folder if empty."""
    import pickle
    import shutil

    root = Path(jobdir)
    if not root.is_dir():
        return
    for folder in [root, *(p for p in root.iterdir() if p.is_dir())]:
        try:
            with (folder / "spider.state").open("rb") as fh:
                finished = pickle.load(fh) == {}  # our own file: the spider empties it when the crawl finished
        except (OSError, pickle.UnpicklingError, EOFError):
            continue
        if not finished:
            continue
        for name in JOB_FILES:
            (folder / name).unlink(missing_ok=True)
        shutil.rmtree(folder / JOB_QUEUE, ignore_errors=True)
        if folder != root and not any(folder.iterdir()):
            folder.rmdir()
    if not any(root.iterdir()):
        root.rmdir()


def worst(codes) -> int:
    return min(codes, key=lambda c: SEVERITY.index(c) if c in SEVERITY else -1)


def per_listing(plan: CrawlPlan) -> list[CrawlPlan]:
    """With --jobdir, one plan (and one job folder) per listing, so each can resume on its own."""
    plans = []
    for url in plan.start_urls:
        job = str(Path(plan.jobdir) / hashlib.sha1(url.encode()).hexdigest()[:16])
        profiles = plan.listing_profiles or {}
        plans.append(
            replace(
                plan,
                start_urls=[url],
                listing_profiles={url: profiles[url]} if url in profiles else None,
                jobdir=job,
                overrides={**plan.overrides, "JOBDIR": job},
            )
        )
    return plans


def _run_in_child(plan: CrawlPlan) -> int:
    process = multiprocessing.get_context("spawn").Process(target=_child_main, args=(plan,))
    process.start()
    process.join()
    return process.exitcode if process.exitcode is not None and process.exitcode >= 0 else EXIT_FAILED


def _child_main(plan: CrawlPlan) -> None:
    """A crawl in a child process, under the lock its parent holds."""
    sys.exit(execute(plan))


def run_plan_main(plan: CrawlPlan) -> None:
    """A whole plan in a child process (the scheduler's): it takes the lock itself."""
    sys.exit(run_plan(plan))


def execute(plan: CrawlPlan) -> int:
    """Run one crawl in this process, print its summary, notify; return the exit status."""
    from crawler.run import run_crawl

    log_file = f"{log_stem(plan)}.log"
    result = run_crawl(
        plan.spider,
        plan.db,
        plan.start_urls or None,
        plan.profile,
        plan.overrides,
        plan.listing_profiles,
        log_file,
        progress=sys.stderr.isatty(),
    )
    error = result["stats"].get("archive/error")
    return exit_status(report(plan, result["crawl_id"], result, error, log_file))


def log_stem(plan: CrawlPlan) -> Path:
    """Where this crawl's log goes, without its suffix: logs/ beside the archive unless --log-dir says."""
    logs = Path(plan.log_dir or Path(plan.db).resolve().parent / "logs")
    logs.mkdir(parents=True, exist_ok=True)
    return logs / f"crawl-{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{os.getpid()}"


def report(plan: CrawlPlan, crawl_id: int | None, result: dict, error: str | None, log_file) -> dict | None:
    """After a crawl, local or distributed: close it as failed if its writes failed, print its
    summary, send the notifications; returns its row (None when it never started)."""
    from .notify import message_for, send
    from .store import Archive
    from .summary import crawl_summary

    if error and crawl_id:
        close_unfinished(plan.db, crawl_id, error)
    with Archive(plan.db, readonly=True) as archive:
        crawl_row = archive.crawl(crawl_id) if crawl_id else None
        if crawl_row and crawl_row["status"] == "running":  # the archive was still locked: say what it is
            crawl_row.update(status="failed", note=f"archive write failed: {error}")
        print(crawl_summary(archive.conn, crawl_row, result))
        if error:
            print(f"  ARCHIVE WRITE FAILED: {error}. The crawl is failed; nothing was marked removed.")
        print(f"  log: {log_file}", flush=True)
        message = message_for(archive.conn, crawl_row) if crawl_row and plan.notify else None
    if message:
        send(plan.notify, *message)
    return crawl_row


def close_unfinished(db: str, crawl_id: int, error: str) -> None:
    """A crawl whose archive writes failed could not close itself: close it as failed now, with the
    reason, if the archive lets us (else the next crawl marks it failed)."""
    import sqlite3

    from .store import now

    try:
        conn = sqlite3.connect(db, timeout=2, isolation_level=None)
        try:
            conn.execute(
                "UPDATE crawls SET status='failed', finished_at=?, note=? WHERE id=? AND status='running'",
                (now(), f"archive write failed: {error}; nothing was marked removed", crawl_id),
            )
        finally:
            conn.close()
    except sqlite3.Error:
        pass  # still locked or full: the summary says FAILED all the same


def exit_status(crawl_row: dict | None) -> int:
    """complete 0, partial 3, suspect 5; failed, or never closed (the archive could not be written), 4."""
    if crawl_row and crawl_row.get("suspect") and crawl_row["status"] != "failed":
        return EXIT_SUSPECT
    status = crawl_row["status"] if crawl_row else "failed"
    return {"complete": EXIT_OK, "partial": EXIT_PARTIAL}.get(status, EXIT_FAILED)
