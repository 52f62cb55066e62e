"""`listing-archive schedule`: crawls on an interval with jitter, stopping cleanly on a signal."""

from __future__ import annotations

import multiprocessing
import random
import re
import signal
import sys
import threading
from datetime import datetime, timedelta

from .runner import run_plan_main

# Longer than this is surely a typo (and overflows the clock): a year.
MAX_INTERVAL = 366 * 86400
# Shorter than this is no schedule for a polite crawler (and cron's own step): a minute.
MIN_INTERVAL = 60
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """ "6h", "30m", "90s", "1d" -> seconds, between a minute and a year (ValueError saying why otherwise)."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", (text or "").lower())
    if not m:
        raise ValueError(
            f"{text!r} is not an interval: expected a number and a unit (s, m, h or d), such as 6h, 30m or 1d"
        )
    seconds = float(m.group(1)) * _UNITS[m.group(2)]
    if seconds > MAX_INTERVAL:
        raise ValueError(f"{text!r} is longer than a year; give an interval such as 6h, 30m or 7d")
    if seconds < MIN_INTERVAL:
        raise ValueError(f"{text!r} is shorter than a minute; give an interval such as 6h, 30m or 7d")
    return seconds


def run_schedule(plan, every: float, jitter: float, replan=None) -> int:
    """Run `plan` (an archive.runner.CrawlPlan) every `every` seconds, each crawl in its own process.

    `replan()` (the options and config read again) gives each later crawl its plan: a config edited while a
    schedule runs for months is used from its next crawl, with no restart. One that no longer reads is
    reported and the last plan that did is crawled."""
    stop = threading.Event()
    child: list = []

    def on_signal(signum, frame):
        stop.set()
        for proc in child:
            if proc.is_alive():
                proc.terminate()  # SIGTERM: Scrapy stops gracefully and the crawl ends partial

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    context = multiprocessing.get_context("spawn")
    while not stop.is_set():
        proc = context.Process(target=run_plan_main, args=(plan,))
        proc.start()
        child[:] = [proc]
        if stop.is_set() and proc.is_alive():  # a signal came while it started, before on_signal could see it
            proc.terminate()
        proc.join()
        child.clear()
        if stop.is_set():
            break
        pause = every * (1 + random.uniform(-jitter, jitter))
        print(
            f"crawl exited {proc.exitcode}; "
            f"next crawl at {datetime.now() + timedelta(seconds=pause):%Y-%m-%d %H:%M:%S}",
            flush=True,
        )
        stop.wait(pause)
        plan = _read_again(plan, replan) if not stop.is_set() else plan
    print("schedule stopped", flush=True)
    return 0


def _read_again(plan, replan):
    if replan is None:
        return plan
    try:
        return replan()
    except Exception as exc:  # whatever the edit broke, an unattended schedule goes on with what worked
        print(f"the config read again does not check out ({exc}): crawling as before", file=sys.stderr, flush=True)
        return plan
