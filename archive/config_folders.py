"""Folders a crawl makes or reuses (a jobdir, a log folder), checked before anything is crawled or written.

Scrapy makes its JOBDIR when the crawl starts; one it cannot make ended the crawl in two or three
tracebacks inside Twisted, exit 4. Every way of giving a jobdir (--jobdir, a config's `jobdir`,
`-s JOBDIR=`, a config's [settings] JOBDIR) goes through `jobdir_problem`.
"""

from __future__ import annotations

import os

from crawler.errors import EXIT_USAGE, ListingArchiveError


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
