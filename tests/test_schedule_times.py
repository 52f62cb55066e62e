"""`schedule` says in which zone its times are: `--at 06:00` is the machine's local time, `06:00Z` or
`06:00+01:00` the zone given; every time it prints carries its offset. A bare `crawl ilo` or `schedule`
crawls the real www.ilo.org (the spider's purpose), and says so before it starts."""

import os
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
from conftest import ROOT, cli, invoke, wait_for
from helpers import NOWHERE, FinishedCrawl, make_archive

from archive.locking import archive_lock
from archive.schedule import next_time_of_day, parse_interval, parse_time_of_day

PLUS_ONE = timezone(timedelta(hours=1))


@pytest.mark.parametrize(
    ("text", "hour", "minute", "zone"),
    [
        ("06:00", 6, 0, None),
        ("6:05", 6, 5, None),
        ("23:59", 23, 59, None),
        ("06:00Z", 6, 0, UTC),
        ("06:00z", 6, 0, UTC),
        ("06:00+01:00", 6, 0, PLUS_ONE),
        ("18:30-05:30", 18, 30, timezone(-timedelta(hours=5, minutes=30))),
    ],
)
def test_a_time_of_day_and_its_zone(text, hour, minute, zone):
    assert parse_time_of_day(text) == (hour, minute, zone)


@pytest.mark.parametrize("text", ["", "6", "24:00", "06:60", "6pm", "06:00 CET", "06:00+25:00", "06:00:00", "-1:00"])
def test_a_bad_time_of_day_says_what_is_expected(text):
    with pytest.raises(ValueError, match="HH:MM"):
        parse_time_of_day(text)


def test_the_next_such_time_is_today_or_tomorrow():
    now = datetime(2026, 12, 7, 7, 0, tzinfo=UTC)
    assert next_time_of_day((6, 0, UTC), now) == datetime(2026, 12, 8, 6, 0, tzinfo=UTC)
    assert next_time_of_day((8, 15, UTC), now) == datetime(2026, 12, 7, 8, 15, tzinfo=UTC)
    # 06:00+01:00 is 05:00 UTC: already past at 07:00 UTC
    assert next_time_of_day((6, 0, PLUS_ONE), now) == datetime(2026, 12, 8, 6, 0, tzinfo=PLUS_ONE)
    local = next_time_of_day((6, 0, None), now)
    assert local.tzinfo is not None and (local.hour, local.minute) == (6, 0) and local > now


def _no_waiting(monkeypatch, crawls: int) -> list:
    """run_schedule with crawls that end at once and pauses recorded, not waited; stops after `crawls`."""
    from archive import schedule

    pauses, started = [], []

    class Stop:
        def is_set(self):
            return len(started) >= crawls

        def wait(self, seconds):
            pauses.append(seconds)

    class Counted(FinishedCrawl):
        def start(self):
            started.append(True)

    monkeypatch.setattr(schedule, "threading", SimpleNamespace(Event=Stop))
    spawn = SimpleNamespace(Process=Counted)
    monkeypatch.setattr(schedule, "multiprocessing", SimpleNamespace(get_context=lambda method: spawn))
    monkeypatch.setattr(schedule, "signal", SimpleNamespace(SIGTERM=15, SIGINT=2, signal=lambda signum, handler: None))
    return pauses


def test_printed_times_carry_their_offset(monkeypatch, capsys):
    from archive import schedule

    _no_waiting(monkeypatch, crawls=2)
    schedule.run_schedule(plan=None, every=3600, jitter=0)
    out = capsys.readouterr().out
    assert "next crawl at " in out
    line = out.split("next crawl at ", 1)[1].splitlines()[0]
    assert datetime.fromisoformat(line.split(" (")[0]).tzinfo is not None, line  # e.g. 2026-12-07 09:13:00+01:00


def test_at_waits_for_the_time_then_keeps_to_its_slots(monkeypatch, capsys):
    from archive import schedule

    pauses = _no_waiting(monkeypatch, crawls=3)
    first = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=2)
    schedule.run_schedule(plan=None, every=86400, jitter=0, first_at=first)
    out = capsys.readouterr().out
    assert f"first crawl at {first.isoformat(sep=' ')}" in out, out
    assert 7190 < pauses[0] <= 7200  # until the time asked for
    # No time passes here: each next crawl is one more day after the first slot, not a day after "now".
    assert abs(pauses[1] - (86400 + 7200)) < 10 and abs(pauses[2] - (2 * 86400 + 7200)) < 10, pauses
    assert out.count("next crawl at ") == 2


def test_schedule_help_says_the_zone():
    text = invoke("schedule", "--help").output
    assert "--at" in text and "local time" in text and "06:00Z" in text


def test_a_bad_at_is_one_line_and_exit_2(tmp_path):
    db = make_archive(tmp_path / "a.db")
    result = cli("schedule", "--every", "1d", "--at", "25:00", "ilo", "--db", db, "--start-url", NOWHERE)
    assert result.returncode == 2, result.stderr
    assert "--at" in result.stderr and "HH:MM" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("at", ["06:00+23:00", "06:00+14:30", "06:00-12:30", "06:00-23:59"])
def test_an_offset_no_zone_has_is_refused_with_exit_2(tmp_path, at):
    """UTC offsets run from -12:00 to +14:00: `--at 06:00+23:00` was taken as 07:00 UTC the day before."""
    db = make_archive(tmp_path / "a.db")
    result = cli("schedule", "--every", "1d", "--at", at, "ilo", "--db", db, "--start-url", NOWHERE)
    assert result.returncode == 2, result.stderr
    assert "--at" in result.stderr and "-12:00 to +14:00" in result.stderr and at[5:] in result.stderr
    assert "Traceback" not in result.stderr


def test_the_widest_offsets_are_zones():
    assert parse_time_of_day("06:00+14:00")[2] == timezone(timedelta(hours=14))
    assert parse_time_of_day("06:00-12:00")[2] == timezone(-timedelta(hours=12))


@pytest.mark.parametrize(
    ("every", "first"),
    [
        (6 * 3600, datetime(2026, 12, 7, 18, 0, tzinfo=UTC)),  # 06:00 + 2 x 6h, not tomorrow's 06:00
        (5 * 3600, datetime(2026, 12, 7, 15, 0, tzinfo=UTC)),  # 06:00 tomorrow - 3 x 5h: 06:00 is kept to
        (86400, datetime(2026, 12, 8, 6, 0, tzinfo=UTC)),
        (2 * 86400, datetime(2026, 12, 8, 6, 0, tzinfo=UTC)),  # at the time of day next shown, not later
    ],
)
def test_a_short_interval_starts_at_its_next_slot_not_tomorrow(every, first):
    """`--every 6h --at 06:00Z` at 14:00 UTC waited until 06:00 the next day: as cron's `0 */6 * * *`
    would, it starts at 18:00, the next slot of 06:00 plus whole intervals."""
    from archive.schedule import first_slot

    now = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)
    assert first_slot((6, 0, UTC), every, now) == first
    early = datetime(2026, 12, 7, 5, 0, tzinfo=UTC)  # before 06:00: 06:00 today, whatever the interval
    assert first_slot((6, 0, UTC), every, early) == datetime(2026, 12, 7, 6, 0, tzinfo=UTC)


def test_the_command_waits_for_the_next_slot(monkeypatch, tmp_path):
    from archive import schedule

    asked = {}
    monkeypatch.setattr(schedule, "run_schedule", lambda plan, every, jitter, **kw: asked.update(kw) or 0)
    at = (datetime.now(UTC) - timedelta(hours=1)).strftime("%H:%MZ")  # passed an hour ago today
    result = invoke(
        "schedule", "--every", "6h", "--at", at, "listing", "--start-url", f"{NOWHERE}list", "--db", tmp_path / "a.db"
    )
    assert result.exit_code == 0, result.output
    wait = asked["first_at"] - datetime.now(UTC)
    assert timedelta(hours=4, minutes=58) < wait <= timedelta(hours=5), wait  # at + 6h, not tomorrow's at


def test_a_bare_crawl_ilo_says_it_crawls_the_real_site(tmp_path):
    """The archive is locked by another process: the crawl stops before fetching anything (exit 75), after the
    line that says what it would have crawled."""
    db = make_archive(tmp_path / "a.db")
    with archive_lock(str(db)):
        result = cli("crawl", "ilo", "--db", db)
        given = cli("crawl", "ilo", "--db", db, "--start-url", NOWHERE + "list")
    assert result.returncode == 75, result.stderr
    said = [line for line in result.stderr.splitlines() if "https://www.ilo.org/" in line]
    assert len(said) == 1 and "default" in said[0] and "--start-url" in said[0], result.stderr
    assert f"crawling 1 listing: {NOWHERE}list" in given.stderr and "default" not in given.stderr


def test_a_bare_schedule_says_it_too_and_when_it_starts(tmp_path):
    db = make_archive(tmp_path / "a.db")
    at = (datetime.now(UTC) + timedelta(hours=3)).strftime("%H:%MZ")
    proc = subprocess.Popen(
        [sys.executable, "-m", "archive.cli", "schedule", "--every", "1d", "--at", at, "ilo", "--db", str(db)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    lines = []
    reader = threading.Thread(target=lambda: lines.extend(iter(proc.stdout.readline, "")), daemon=True)
    reader.start()
    try:
        wait_for(lambda: any("first crawl at" in line for line in lines))
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        reader.join(timeout=30)
        err = proc.stderr.read()
    finally:
        proc.kill()
    assert proc.returncode == 0 and "https://www.ilo.org/" in err and "default" in err, err
    first = next(line for line in lines if "first crawl at" in line)
    assert first.rstrip().endswith("+00:00"), first  # the zone it was given
    assert "schedule stopped" in "".join(lines)


@pytest.mark.parametrize(
    "extra, jitter",
    [([], 0.1), (["--at", "06:00Z"], 0.0), (["--at", "06:00Z", "--jitter", "0.2"], 0.2), (["--jitter", "0"], 0.0)],
)
def test_at_keeps_its_time_unless_a_jitter_is_asked_for(monkeypatch, tmp_path, extra, jitter):
    """A spread of a tenth of a day (the default) would move a daily '--at 06:00Z' crawl by up to 2.4 hours."""
    from archive import schedule

    asked = {}
    monkeypatch.setattr(schedule, "run_schedule", lambda plan, every, jitter, **kw: asked.update(j=jitter) or 0)
    result = invoke(
        "schedule", "--every", "1d", *extra, "listing", "--start-url", f"{NOWHERE}list", "--db", tmp_path / "a.db"
    )
    assert result.exit_code == 0 and asked["j"] == jitter


def test_a_local_at_keeps_its_clock_time_across_a_summer_time_change(monkeypatch):
    """`--every 1d --at 06:00` (local time) in a zone with summer time: the crawl after the clocks move
    should still be at 06:00 on the wall clock, not 07:00 (the slots kept the first day's UTC offset)."""
    import time

    from archive.schedule import _next_slot

    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        march_end = datetime(2090, 3, 31, 12, tzinfo=UTC)  # far ahead: the slots are never in the past
        clocks_move = march_end - timedelta(days=(march_end.weekday() + 1) % 7)  # the last Sunday of March
        first = next_time_of_day((6, 0, None), now=clocks_move - timedelta(days=2))
        later, _ = _next_slot(first, every=86400.0, jitter=0.0, local=True)
        fixed, _ = _next_slot(first.astimezone(UTC), every=86400.0, jitter=0.0)  # 05:00Z stays 05:00Z
        assert first.astimezone().hour == 6 and later.date() > clocks_move.date() - timedelta(days=1)
        assert later.astimezone().hour == 6, later.astimezone()
        assert fixed.astimezone(UTC).hour == first.astimezone(UTC).hour
    finally:
        monkeypatch.undo()
        time.tzset()


# -- schedule --every ---------------------------------------------------------------


@pytest.mark.parametrize(
    "every,message",
    [
        ("99999999999d", "longer than a year"),
        ("9" * 400 + "d", "longer than a year"),
        ("400d", "longer than a year"),
        ("0", "shorter than a minute"),
        ("10s", "shorter than a minute"),
        ("abc", "not an interval"),
        ("-1h", "not an interval"),
        ("1e3s", "not an interval"),
        ("", "not an interval"),
    ],
)
def test_bad_interval_is_a_usage_error(tmp_path, every, message):
    result = invoke("schedule", "--every", every, "ilo", "--db", tmp_path / "a.db", "--start-url", NOWHERE)
    assert result.exit_code == 2 and "--every" in result.output and message in result.output, result.output


def test_good_intervals():
    assert [parse_interval(t) for t in ("6h", "30m", "90s", "1D", "2.5h", "366d")] == [
        21600,
        1800,
        90,
        86400,
        9000,
        366 * 86400,
    ]
