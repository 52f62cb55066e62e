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
import pickle
import shutil
import signal
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from crawler.credentials import add_credentials, split_credentials
from crawler.errors import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_LOCKED,
    EXIT_PARTIAL,
    ListingArchiveError,
)
from crawler.extract.profiles import get_profile, profile_beside
from crawler.origins import StartUrlError, check_start_url, redact, same_request
from crawler.settings import SettingError, check_settings, ignore_fields_problem

from .config import ConfigError, load_config
from .config_folders import JobdirError, jobdir_problem, resumed_job_problem
from .locking import ArchiveLocked, archive_lock, check_writable
from .log_places import check_log_places
from .notify import refused_urls, shown
from .outcome import exit_status, log_stem, report, worst
from .store import Archive

# The crawler's Scrapy side is imported inside the functions that need it: `parse --url` (which checks its
# URL here) and a plan refused by an early check start and exit without Scrapy or Twisted.


class PlanError(ListingArchiveError, ValueError):
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
    # {origin: (user, password)} for listings behind HTTP basic auth; never in start_urls, never printed.
    credentials: dict = field(default_factory=dict, repr=False)
    render_listings: list[str] | bool = False  # rendered in Chromium (True: every listing)


class RenderUnavailable(ValueError):
    """A crawl that must render, on a machine without the render extra or Chromium (exit 1)."""


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
    render=False,
) -> CrawlPlan:
    """Options (which win) and a config file merged into one plan; every check before any crawling.

    A bad command-line value raises PlanError (a usage error); a bad config file, ConfigError.
    """
    plan = CrawlPlan(
        spider=spider,
        db=db,
        start_urls=list(start_urls),
        profile=profile_beside(profile, Path.cwd()),  # recorded so: a reparse from another folder finds it
        notify=list(notify),
        log_dir=log_dir,
        jobdir=jobdir,
    )
    _check_notify(plan.notify)
    frontier_file = None  # the config file the frontier URL came from, if it did
    if config_path:
        cfg = load_config(config_path)  # checked whole, settings and notify URLs included
        plan.spider = spider or cfg.spider
        plan.listing_profiles = None if plan.profile else cfg.profiles  # --profile wins, as every option does
        plan.overrides = dict(cfg.settings)
        plan.start_urls = plan.start_urls or [item["url"] for item in cfg.listings]
        plan.credentials = dict(cfg.credentials)
        plan.db, contact = db or cfg.db, contact or cfg.contact
        plan.notify = plan.notify or cfg.notify
        plan.log_dir, plan.jobdir = log_dir or cfg.log_dir, jobdir or cfg.jobdir
        if not frontier and cfg.frontier:
            frontier, frontier_file = cfg.frontier, config_path
        plan.render_listings = cfg.rendered
    plan.spider, plan.db = plan.spider or "ilo", plan.db or "archive.db"
    _check_options(plan, settings, ignore_fields)
    check_writable(plan.db, "crawl into")  # a NotWritable: bad input, not a usage error
    check_log_places(plan.log_dir, plan.db, plan.overrides.get("LOG_FILE"))
    if contact:
        plan.overrides["CONTACT"] = contact
    _check_jobdir(plan, "--jobdir" if jobdir else "a config's jobdir" if plan.jobdir else "the JOBDIR setting")
    _frontier(plan, frontier, workers, frontier_file)
    _render(plan, render)
    return plan


def _check_jobdir(plan: CrawlPlan, given: str) -> None:
    """The jobdir, however `given` (Scrapy makes it), can hold the queue, and a stopped crawl saved in it is
    one of these start URLs: a JobdirError before anything is fetched."""
    if plan.jobdir:
        plan.overrides["JOBDIR"] = plan.jobdir
    problem = jobdir_problem(plan.overrides.get("JOBDIR"), plan.db, given)
    if not problem and not (plan.jobdir and len(plan.start_urls) > 1):  # one job for all (else one per listing)
        problem = resumed_job_problem(plan.overrides.get("JOBDIR"), plan.start_urls, given)
    if problem:
        raise JobdirError(problem)


def _render(plan: CrawlPlan, render: bool) -> None:
    """Which listings render (--render: all; else the config's and their profiles'); a machine that
    cannot render says what to install, before anything is fetched (with --frontier: its workers render)."""
    from crawler.render import unavailable

    if render:
        plan.render_listings = True
    elif plan.start_urls:
        plan.render_listings = [split_credentials(url)[0] for url in plan.render_listings or []]  # as start_urls
        named = {url: (plan.listing_profiles or {}).get(url) or plan.profile for url in plan.start_urls}
        by_profile = [url for url, name in named.items() if name and getattr(get_profile(name), "render", False)]
        plan.render_listings = sorted({*(plan.render_listings or []), *by_profile})
    # With --frontier the workers render (those with Chromium; the others leave these listings to them).
    if plan.render_listings and not plan.frontier:
        missing = unavailable(plan.overrides.get("RENDER_BROWSER", ""))
        if missing:
            raise RenderUnavailable(missing)


def _check_options(plan: CrawlPlan, settings, ignore_fields) -> None:
    """The command line's settings, start URLs, ignored fields, spider and profiles, cheapest first."""
    from crawler.run import default_start_urls, spider_names

    try:
        plan.overrides.update(check_settings(settings or {}))
    except SettingError as exc:
        raise PlanError(f"-s {exc}") from None
    _check_urls(plan.start_urls)
    plan.start_urls = _take_credentials(plan.start_urls, plan.credentials)
    if ignore_fields:
        if problem := ignore_fields_problem(ignore_fields):
            raise PlanError(f"--ignore-field: {problem}")
        plan.overrides["ARCHIVE_IGNORE_FIELDS"] = list(ignore_fields)
    if plan.spider not in spider_names():
        raise PlanError(f"unknown spider {plan.spider!r}; known: {', '.join(spider_names())}")
    if not plan.start_urls and not default_start_urls(plan.spider):  # Scrapy's traceback, and an empty archive
        raise PlanError(f"the {plan.spider} spider has no listing of its own: give --start-url URL or --config FILE")
    for name in {plan.profile, *(plan.listing_profiles or {}).values()} - {None}:
        get_profile(name)  # a clear error now for an unknown profile or a bad profile file


def _take_credentials(urls: list[str], credentials: dict) -> list[str]:
    """The start URLs without user and password; those go into `credentials`, by origin."""
    bare = []
    for url in urls:
        url, pair = split_credentials(url)
        problem = add_credentials(credentials, url, pair) if pair else None
        if problem:
            raise PlanError(f"--start-url: {problem}")
        bare.append(url)
    bare = list(dict.fromkeys(bare))
    seen: dict[str, str] = {}
    kept_as: dict[str, str] = {}  # the archive keeps a listing at its URL with `?token=***` (crawler.credentials)
    for url in bare:  # `url#top` or `url?` beside `url`: Scrapy fetches one, the other listing stays partial
        first, alike = seen.setdefault(same_request(url), url), kept_as.setdefault(redact(url), url)
        if first != url:
            raise PlanError(f"--start-url: {redact(url)} is the same page as {redact(first)}; give it once")
        if alike != url:  # two listings, one in the archive
            raise PlanError(f"--start-url: {redact(url)} and {redact(alike)} differ only in a secret the archive masks")
    return bare


def _check_notify(urls: list[str]) -> None:
    """Before crawling, not after: a notification URL Apprise cannot read would only be warned about at the end."""
    bad = refused_urls(urls)
    if bad:
        raise PlanError(f"--notify: {shown(bad[0])} is not a notification URL Apprise understands")


def _frontier(plan: CrawlPlan, frontier, workers, config_path=None) -> None:
    """The frontier URL checked; a bad one is the config file's error when it came from `config_path`."""
    if frontier and plan.credentials:
        raise PlanError("--frontier: a listing behind a password cannot be shared with workers; crawl it without")
    if frontier:
        from crawler.distributed.frontier import FrontierError, check_url  # Redis's client (~0.1 s): only if asked

        try:
            plan.frontier = check_url(frontier, f"{config_path}: key 'frontier'" if config_path else "--frontier")
        except FrontierError as exc:
            raise (ConfigError if config_path else PlanError)(str(exc)) from None
        if plan.jobdir:
            raise PlanError("--frontier and --jobdir do not go together: the frontier is where the queue is kept")
    elif workers is not None:
        raise PlanError("--workers needs --frontier")
    plan.workers = workers


def _check_urls(urls: list[str]) -> None:
    """Each start URL must be one a crawl can begin at; PlanError naming --start-url otherwise."""
    for url in urls:
        try:
            check_start_url(url)
        except StartUrlError as exc:
            raise PlanError(f"--start-url: {exc}") from None


def run_plan(plan: CrawlPlan, announce=None) -> int:
    """Hold the archive's lock and run the plan's crawl(s); returns the exit status. `announce(plan)` is
    called once the archive is known to be one, before the crawl starts."""
    if plan.frontier and not _frontier_reachable(plan.frontier):
        return EXIT_BAD_INPUT
    Archive(plan.db).close()  # a clear error now if the file is not an archive
    if announce is not None:
        announce(plan)
    try:
        with archive_lock(plan.db):
            if plan.frontier:
                from .coordinator import coordinate

                return coordinate(plan)
            if plan.jobdir and len(plan.start_urls) > 1:
                code = run_each_in_child(per_listing(plan))
            else:
                code = execute(plan)
    except ArchiveLocked as exc:
        print(f"listing-archive: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    if plan.jobdir:
        remove_finished_jobs(plan.jobdir)
    return code


def _frontier_reachable(url: str) -> bool:
    """Redis answers (else one line on stderr): checked before the archive file is made, so that an
    unreachable frontier leaves nothing behind."""
    from crawler.distributed.frontier import Frontier, FrontierError

    try:
        Frontier(url).ping()
    except FrontierError as exc:
        print(f"listing-archive: {exc}", file=sys.stderr)
        return False
    return True


# What Scrapy keeps in a job folder; nothing else in it is ever removed.
JOB_FILES = ("spider.state", "requests.seen")
JOB_QUEUE = "requests.queue"


def remove_finished_jobs(jobdir: str) -> None:
    """A job whose crawl finished holds nothing to resume: remove its files, then its folder if empty."""
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


def run_each_in_child(plans: list[CrawlPlan]) -> int:
    """Each plan's crawl in a child process, one after the other, under the lock this process holds.

    SIGTERM is passed on to the crawl under way (it stops, partial) and no other is begun; this process
    waits for it, so the lock is held until it has stopped writing (it died at once, freeing the lock while
    its child crawled on). Ctrl-C reaches the child from the terminal itself: it is only noted here."""
    stopped: list[int] = []
    running: list = []

    def on_signal(signum, frame):
        stopped.append(signum)
        for process in running:
            if signum == signal.SIGTERM and process.is_alive():
                process.terminate()

    previous = {signum: signal.signal(signum, on_signal) for signum in (signal.SIGTERM, signal.SIGINT)}
    codes = []
    try:
        for plan in plans:
            if stopped:
                codes.append(EXIT_PARTIAL)  # a listing not begun: the run is not complete
                continue
            process = multiprocessing.get_context("spawn").Process(target=_child_main, args=(plan,))
            process.start()
            running[:] = [process]
            if signal.SIGTERM in stopped:  # it came while the child started, before on_signal could see it
                process.terminate()
            process.join()
            codes.append(process.exitcode if process.exitcode is not None and process.exitcode >= 0 else EXIT_FAILED)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return worst(codes)


def _child_main(plan: CrawlPlan) -> None:
    """A crawl in a child process, under the lock its parent holds; it ends if its parent is killed
    (kill -9), as a killed crawl does, rather than write on without the lock."""
    from crawler.parse_pool import exit_with_parent

    exit_with_parent()
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
        credentials=plan.credentials,
        render_listings=plan.render_listings,
        sigint_after=signal.SIG_IGN,  # from here Ctrl-C changes nothing: the summary is printed, the status returned
    )
    error = result["stats"].get("archive/error")
    return exit_status(report(plan, result["crawl_id"], result, error, log_file))
