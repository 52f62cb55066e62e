"""`worker`: fetch pages for the crawl in a shared Redis frontier (issue 14)."""

from __future__ import annotations

import logging
import os
import signal
import sys

import click

from .common import FiniteFloatRange, friendly_errors
from .crawling import parse_settings

# Each command imports the archive code it runs in its own body: `listing-archive --help` and the
# other commands load none of it (the store alone is some 80 modules; the crawl's stack, Scrapy).


@click.command()
@click.option(
    "--frontier",
    required=True,
    envvar="LISTING_ARCHIVE_FRONTIER",
    metavar="redis://HOST:PORT/DB",
    help="The Redis frontier the coordinator (`crawl --frontier`) uses, e.g. --frontier redis://10.0.0.5:6379/0.",
)
@click.option(
    "-s",
    "settings",
    multiple=True,
    metavar="NAME=VALUE",
    help="This worker's share: CONCURRENT_REQUESTS, LOG_LEVEL, DNS and memory limits, e.g. "
    "-s CONCURRENT_REQUESTS=32 (the rest is the crawl's).",
)
@click.option(
    "--idle-timeout",
    default=60.0,
    show_default=True,
    type=FiniteFloatRange(min=0),
    help="Leave after this many seconds without a page to fetch (or without a crawl to join).",
)
@friendly_errors
def worker(frontier, settings, idle_timeout):
    """Join the crawl in a Redis frontier: fetch and read its pages, send them to the coordinator.

    Run any number, on any machine that reaches the Redis server. A worker holds a
    lease on each page it fetches; one that dies gives its pages back when the lease
    expires. It leaves when the crawl is over, or after --idle-timeout seconds idle.

    \b
    Example:
      listing-archive worker --frontier redis://10.0.0.5:6379/0 -s CONCURRENT_REQUESTS=32
    """
    # A worker that rejoined a new crawl (os.execv below) inherits the Ctrl-C its last crawl ignored once
    # closed; a process started with it ignored could not be stopped while it waited for a crawl.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    from crawler.distributed.frontier import FrontierError, check_url
    from crawler.distributed.worker import REJOIN, run_worker
    from crawler.log_records import clean_log_records
    from crawler.settings import SettingError, check_settings

    from ..log_places import check_log_file

    try:
        check_url(frontier)
        overrides = check_settings(parse_settings(settings))
    except (FrontierError, SettingError) as exc:
        raise click.UsageError(str(exc)) from None
    check_log_file(overrides.get("LOG_FILE"))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s [%(name)s] %(levelname)s: %(message)s")
    clean_log_records()
    status = run_worker(frontier, overrides, idle_timeout)
    if status == REJOIN:  # the frontier holds a new crawl: join it in a fresh process
        os.execv(sys.executable, sys.orig_argv)
    sys.exit(status)


COMMANDS = [worker]
