"""Folders a crawl makes or reuses (a jobdir, a log folder), checked before anything is crawled or written.

Scrapy makes its JOBDIR when the crawl starts; one it cannot make ended the crawl in two or three
tracebacks inside Twisted, exit 4. Every way of giving a jobdir (--jobdir, a config's `jobdir`,
`-s JOBDIR=`, a config's [settings] JOBDIR) goes through `jobdir_problem`, and a stopped job found in it
through `resumed_job_problem`.
"""

from __future__ import annotations

import os
import pickle

from crawler.credentials import split_credentials
from crawler.errors import EXIT_USAGE, ListingArchiveError
from crawler.origins import redact


class JobdirError(ListingArchiveError, ValueError):
    """A jobdir Scrapy could not make: one line (not click's usage text) and exit 2, as a bad option."""

    exit_code = EXIT_USAGE


def folder_problem(path: str) -> str | None:
    """Why `path` cannot be made (or reused as) a folder, or None: it, or a folder it would be in, is a file,
    or the nearest folder above it is read-only. Nothing is created."""
    if os.path.lexists(path) and not os.path.isdir(path):
        return f"{path} exists and is not a folder; give a folder, or a path that does not exist"
    above = os.path.abspath(path)
    while not os.path.lexists(above) and os.path.dirname(above) != above:
        above = os.path.dirname(above)
    if not os.path.isdir(above):
        return f"{path} cannot be made a folder: {above} is a file, not a folder"
    if not os.access(above, os.W_OK | os.X_OK):
        return f"{path} cannot be made a folder: {above} is read-only to you"
    return None


def jobdir_problem(jobdir: str | None, db: str, given: str) -> str | None:
    """Why `jobdir` (the option or key `given`) cannot hold the crawl's queue, or None: `folder_problem`, or
    it is the archive file (or a path under it), which the crawl creates before Scrapy makes the jobdir."""
    if not jobdir:
        return None
    archive, job = os.path.realpath(db), os.path.realpath(jobdir)
    if job == archive or job.startswith(archive + os.sep):
        return f"{given}: {jobdir} is the archive file {db} (or under it); give a folder of its own"
    problem = folder_problem(jobdir)
    return problem and f"{given}: {problem}"


def resumed_job_problem(jobdir: str | None, start_urls: list[str], given: str) -> str | None:
    """Why the stopped crawl saved in `jobdir` cannot resume with `start_urls`, or None: its saved state and queue
    know only the listings it began with (a cron line's --start-url edited between two runs raised KeyError in
    the spider, twice, and the new listing was never fetched), and a state that cannot be read is no crawl to
    resume (one byte changed by a disk fault raised TypeError in the spider)."""
    path = os.path.join(jobdir or "", "spider.state")
    try:
        with open(path, "rb") as fh:
            state = pickle.load(fh)  # written by our spider (crawler.spiders.base); emptied once a crawl finished
    except (FileNotFoundError, NotADirectoryError):
        return None
    except Exception as exc:  # noqa: BLE001 (unpickling damaged bytes raises nearly any error)
        return (
            f"{given}: {path} cannot be read ({type(exc).__name__}), so the stopped crawl in {jobdir} cannot resume: "
            f"give another jobdir, or delete {jobdir} to start afresh"
        )
    stored = list(state.get("listings") or {}) if isinstance(state, dict) else []
    asked = [split_credentials(url)[0] for url in start_urls]
    if not stored or set(stored) == set(asked):
        return None
    shown = ", ".join(redact(u) for u in stored)
    if {redact(u) for u in stored} == {redact(u) for u in asked}:  # a rotated key: the old one cannot be given back
        return (
            f"{given}: {jobdir} holds a stopped crawl of {shown}, whose stored start URL differs from the one given "
            f"only in a secret: it cannot resume with the new secret; give another jobdir, or delete {jobdir} to "
            "start afresh"
        )
    return (
        f"{given}: {jobdir} holds a stopped crawl of {shown}, not of "
        f"{', '.join(redact(u) for u in asked)}: resume it with its own start URLs, or give another jobdir"
    )
