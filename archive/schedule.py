"""`listing-archive schedule`: crawls on an interval with jitter, stopping cleanly on a signal."""

from __future__ import annotations

import multiprocessing
import random
import re
import signal
import sys
import threading
from datetime import UTC, datetime, timedelta, timezone

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


_TIME_OF_DAY = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?", re.IGNORECASE)


def parse_time_of_day(text: str) -> tuple[int, int, timezone | None]:
    """ "06:00" (the machine's local time), "06:00Z" (UTC), "06:00+01:00" -> (hour, minute, zone or None)."""
    m = _TIME_OF_DAY.fullmatch((text or "").strip())
    if not m:
        raise ValueError(
            f"{text!r} is not a time of day: give HH:MM (the machine's local time), HH:MMZ (UTC) "
            "or HH:MM+HH:MM (that offset from UTC), e.g. 06:00, 06:00Z or 06:00+01:00"
        )
    hour, minute, offset = int(m.group(1)), int(m.group(2)), m.group(3)
    if not offset:
        return hour, minute, None
    if offset.upper() == "Z":
        return hour, minute, UTC
    shift = (-1 if offset[0] == "-" else 1) * timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6]))
    if not -timedelta(hours=12) <= shift <= timedelta(hours=14):  # the zones there are (Baker Island, Kiribati)
        raise ValueError(
            f"{text!r}: {offset} is no offset from UTC; offsets run from -12:00 to +14:00, e.g. 06:00+01:00"
        )
    return hour, minute, timezone(shift)


def next_time_of_day(when: tuple[int, int, timezone | None], now: datetime | None = None) -> datetime:
    """The next moment (after `now`) the clock shows `when`, in its zone (None: local), as an aware datetime."""
    hour, minute, zone = when
    now = now or datetime.now(UTC)
    if zone is None:  # the local clock: computed on local wall time, then given its offset of that day
        local = now.astimezone().replace(tzinfo=None)
        candidate = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
        if candidate <= local:
            candidate += timedelta(days=1)
        return candidate.astimezone()
    there = now.astimezone(zone)
    candidate = there.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return candidate if candidate > there else candidate + timedelta(days=1)


def first_slot(when: tuple[int, int, timezone | None], every: float, now: datetime | None = None) -> datetime:
    """With --at, the first crawl: the next time the clock shows `when`, or, with an interval shorter than a
    day, the earliest slot before it (that time less whole intervals) still ahead, as cron's `0 */6 * * *`
    runs at 18:00 when started at 14:00, not at 06:00 the next day. That time of day stays one of the slots."""
    now = now or datetime.now(UTC)
    slot = next_time_of_day(when, now)
    step = timedelta(seconds=every)

    def before(moment: datetime) -> datetime:  # a local time is stepped on the wall clock, as _next_slot does
        return (moment.astimezone().replace(tzinfo=None) - step).astimezone() if when[2] is None else moment - step

    while before(slot) > now:
        slot = before(slot)
    return slot


def said(moment: datetime) -> str:
    """A time as the schedule prints it: with its offset from UTC, never a bare clock time."""
    return moment.isoformat(sep=" ", timespec="seconds")


def _next_slot(slot: datetime, every: float, jitter: float, local: bool = False) -> tuple[datetime, float]:
    """With --at: the first slot (the first crawl's time plus whole intervals) still ahead, and the pause
    until it, moved by the jitter; crawls keep to the time asked for, however long each one took. A `local`
    time of day is added on the wall clock, so that 06:00 stays 06:00 when summer time starts or ends."""
    step = timedelta(seconds=every)

    def after(moment: datetime) -> datetime:
        return (moment.astimezone().replace(tzinfo=None) + step).astimezone() if local else moment + step

    now = datetime.now(UTC)
    slot = after(slot)
    while slot <= now:
        slot = after(slot)
    return slot, max(0.0, (slot - now).total_seconds() + every * random.uniform(-jitter, jitter))


def run_schedule(
    plan, every: float, jitter: float, replan=None, first_at: datetime | None = None, local: bool = False
) -> int:
    """Run `plan` (an archive.runner.CrawlPlan) every `every` seconds, each crawl in its own process.

    `replan()` (the options and config read again) gives each later crawl its plan: a config edited while a
    schedule runs for months is used from its next crawl, with no restart. One that no longer reads is
    reported and the last plan that did is crawled. With `first_at`, the first crawl waits for that time and
    the later ones keep to it plus whole intervals."""
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
    slot = first_at
    if first_at is not None:
        print(f"first crawl at {said(first_at)}", flush=True)
        stop.wait(max(0.0, (first_at - datetime.now(UTC)).total_seconds()))
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
        if slot is None:
            pause = every * (1 + random.uniform(-jitter, jitter))
        else:
            slot, pause = _next_slot(slot, every, jitter, local)
        when = datetime.now(UTC) + timedelta(seconds=pause)
        shown = when.astimezone(first_at.tzinfo) if first_at is not None and not local else when.astimezone()
        print(f"crawl exited {proc.exitcode}; next crawl at {said(shown)}", flush=True)
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
