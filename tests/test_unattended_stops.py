"""Unattended crawls stopped and started: kill -9, SIGTERM, schedule, progress, resuming a --jobdir."""

import os
import pty
import signal
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import FAST, ROOT, cli, q, wait_for
from helpers import FinishedCrawl
from unattended import PAGE2, crawl_demo, healthy, start_crawl

from archive.store import integrity_ok
from crawler.site_server import SiteServer


def test_sigkill_mid_crawl_and_two_crawls_at_once(db, site):
    release = threading.Event()
    site.faults[PAGE2] = lambda h: (release.wait(60), h.send_error(503), True)[2]
    site.requests.clear()
    first = start_crawl(db, site)
    try:
        wait_for(lambda: PAGE2 in site.requests)
        second = crawl_demo(db, site, check=75, timeout=60)
        assert "another crawl is writing" in second.stderr
        first.kill()  # SIGKILL: no chance to clean up
        first.wait(timeout=30)
    finally:
        release.set()
    assert integrity_ok(str(db))
    assert q(db, "SELECT status FROM crawls ORDER BY id DESC LIMIT 1") == "running"
    site.faults.clear()
    crawl_demo(db, site, check=0)
    assert q(db, "SELECT status FROM crawls WHERE id=2") == "failed"
    assert q(db, "SELECT status FROM crawls WHERE id=3") == "complete"
    healthy(db)


def test_sigterm_stops_cleanly_as_partial(db, site):
    release = threading.Event()
    site.faults[PAGE2] = lambda h: (release.wait(60), h.send_error(503), True)[2]
    site.requests.clear()
    proc = start_crawl(db, site, "-s", "DOWNLOAD_TIMEOUT=5", "-s", "RETRY_TIMES=0")
    try:
        wait_for(lambda: PAGE2 in site.requests)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        release.set()
    assert proc.returncode == 3, err[-2000:]
    assert "PARTIAL" in out and "Traceback" not in err
    log = Path(out.split("log: ")[1].strip()).read_text()
    assert "Received SIGTERM, shutting down gracefully" in log
    healthy(db)


def test_sigterm_to_a_crawl_of_listings_in_job_folders_waits_for_its_listing_crawl(db, site, tmp_path):
    """With --jobdir and two listings each listing is crawled in a child process. SIGTERM to the crawl
    killed it at once (exit 143) and freed the archive's lock while its child went on crawling and writing:
    a second crawl could start beside it, and the stopped crawl's row said complete after it was failed."""
    release = threading.Event()
    site.faults[PAGE2] = lambda h: (release.wait(60), h.send_error(503), True)[2]
    site.requests.clear()
    jobs = tmp_path / "jobs"
    extra = ["--start-url", site.url + "?again=1", "--jobdir", jobs, "-s", "DOWNLOAD_TIMEOUT=5", "-s", "RETRY_TIMES=0"]
    proc = start_crawl(db, site, *map(str, extra))
    try:
        wait_for(lambda: PAGE2 in site.requests)
        proc.send_signal(signal.SIGTERM)  # to the crawl alone, as `kill PID` sends it
    finally:
        release.set()
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 3, err[-2000:]
    assert "PARTIAL" in out and "Traceback" not in err
    assert q(db, "SELECT count(*) FROM crawls") == 2  # the second listing was not begun after the stop
    assert q(db, "SELECT status FROM crawls WHERE id=2") == "partial"
    healthy(db)


def test_schedule_runs_and_stops_on_sigterm(tmp_path, site):
    db = tmp_path / "s.db"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "archive.cli",
            "schedule",
            "--every",
            "1h",
            "ilo",
            "--db",
            str(db),
            "--start-url",
            site.url,
            *FAST,
        ],
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
        wait_for(lambda: any("next crawl at" in line for line in lines))  # the first crawl is done, the next one waits
        assert q(db, "SELECT count(*) FROM crawls WHERE status='complete'") == 1
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        reader.join(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0 and "schedule stopped" in "".join(lines)


def test_progress_line_on_a_terminal(tmp_path, site):
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "archive.cli",
            "crawl",
            "ilo",
            "--db",
            str(tmp_path / "p.db"),
            "--start-url",
            site.url,
            *FAST,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=follower,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(leader)
    terminal = b"".join(chunks).decode(errors="replace")
    assert "pages 2 | entries 14 | new 14 | changed 0 | errors 0" in terminal
    assert proc.returncode == 0


def _long_listing(root) -> list[str]:
    """Twelve ILO-style pages: page 1 links page 2 by "Next", page 2 links the rest by number."""
    paths = ["/long/index.htm"] + [f"/long/nextRow--{n * 10}/index.htm" for n in range(1, 12)]
    for n, path in enumerate(paths):
        numbers = "".join(f'<li><a href="{p}">{k + 1}</a></li>' for k, p in enumerate(paths) if n == 1 and k > 1)
        items = "".join(
            f'<li class="item"><h5 class="item-title"><a href="/doc/WCMS_{n * 100 + i}/lang--en/index.htm">'
            f"Entry {i} of page {n + 1}</a></h5></li>"
            for i in range(3)
        )
        nxt = f'<li class="next"><a href="{paths[n + 1]}">Next &gt;</a></li>' if n == 0 else ""
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            f'<html lang="en"><body><div class="items-list"><h3 class="items-group">May 2021</h3><ol>{items}</ol></div>'
            f'<aside class="pagination"><ul>{numbers}{nxt}</ul></aside></body></html>'
        )
    return paths


@pytest.mark.parametrize("parse", [[], ["-s", "PARSE_PROCESS_AFTER=0"]], ids=["in-process", "parse-worker"])
def test_a_stopped_crawl_resumes_from_its_jobdir(tmp_path, parse):
    """Stop a crawl with SIGTERM while pages wait in its queue; the next run with the
    same --jobdir fetches only what was left, and marks nothing removed (pages parsed
    in the crawl's process or in its parse worker alike)."""
    root = tmp_path / "long"
    paths = _long_listing(root)
    db, jobs = tmp_path / "r.db", tmp_path / "jobs"
    release = threading.Event()
    with SiteServer(root) as site:
        for path in paths[2:]:  # whichever numbered page comes first is held until the crawl is told to stop
            site.faults[path] = lambda h: (release.wait(60), False)[1]
        url = site.base_url + paths[0]
        args = [sys.executable, "-m", "archive.cli", "crawl", "ilo", "--db", str(db), "--start-url", url]
        args += ["--jobdir", str(jobs), *FAST, "-s", "CONCURRENT_REQUESTS=1", "-s", "ROBOTSTXT_OBEY=False", *parse]
        proc = subprocess.Popen(
            args,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        try:
            wait_for(lambda: any(p in site.requests for p in paths[2:]))
            proc.send_signal(signal.SIGTERM)
            release.set()
            out, err = proc.communicate(timeout=60)
        finally:
            release.set()
        assert proc.returncode == 3 and "PARTIAL" in out, out + err[-3000:]
        first_run = set(site.requests)
        assert len(first_run) < len(paths)
        site.requests.clear()
        resumed = subprocess.run(
            args, cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120
        )
    assert resumed.returncode == 3 and "PARTIAL" in resumed.stdout  # a resumed crawl never marks anything removed
    assert "why: resumed from --jobdir" in resumed.stdout  # and says why it is partial
    assert not set(site.requests) & {paths[0], paths[1]}  # nothing fetched twice
    assert first_run | set(site.requests) >= set(paths)  # between them, every page
    assert q(db, "SELECT count(*) FROM entries") == 3 * len(paths)
    assert q(db, "SELECT count(*) FROM entries WHERE status='removed'") == 0
    assert integrity_ok(str(db))


def test_schedule_jitter_spreads_the_pauses_within_its_fraction(monkeypatch, capsys):
    from archive import schedule

    pauses = []

    class Stop:
        """After 300 crawls, as a SIGTERM would; each pause is recorded, not waited."""

        def is_set(self):
            return len(pauses) >= 300

        def wait(self, seconds):
            pauses.append(seconds)

    # The schedule module's own names only: threading, processes and signals elsewhere are untouched.
    monkeypatch.setattr(schedule, "threading", SimpleNamespace(Event=Stop))
    spawn = SimpleNamespace(Process=FinishedCrawl)
    monkeypatch.setattr(schedule, "multiprocessing", SimpleNamespace(get_context=lambda method: spawn))
    monkeypatch.setattr(schedule, "signal", SimpleNamespace(SIGTERM=15, SIGINT=2, signal=lambda signum, handler: None))
    assert schedule.run_schedule(plan=None, every=3600, jitter=0.2) == 0
    assert len(pauses) == 300 and all(2880 <= p <= 4320 for p in pauses)
    assert min(pauses) < 3000 and max(pauses) > 4200  # spread over the whole range, not one fixed pause
    assert capsys.readouterr().out.count("crawl exited 0; next crawl at ") == 300
    pauses.clear()
    schedule.run_schedule(plan=None, every=3600, jitter=0)
    assert set(pauses) == {3600}  # --jitter 0: exactly the interval


def test_schedule_stops_a_crawl_whose_start_a_signal_interrupted(monkeypatch, capsys):
    """SIGTERM while the crawl process was starting (before `schedule` knew it) was lost on that crawl:
    `schedule` then waited for it to finish, however long, instead of telling it to stop."""
    from archive import schedule

    handlers, terminated = {}, []

    class SignalledWhileStarting(FinishedCrawl):
        def start(self):
            handlers[15](15, None)  # SIGTERM arrives now: the process exists, `schedule` has not noted it yet

        def is_alive(self):
            return not terminated

        def terminate(self):
            terminated.append(True)

    monkeypatch.setattr(schedule, "multiprocessing", SimpleNamespace(get_context=lambda method: spawn))
    spawn = SimpleNamespace(Process=SignalledWhileStarting)
    monkeypatch.setattr(schedule, "signal", SimpleNamespace(SIGTERM=15, SIGINT=2, signal=handlers.__setitem__))
    assert schedule.run_schedule(plan=None, every=3600, jitter=0) == 0
    assert terminated == [True]
    assert capsys.readouterr().out == "schedule stopped\n"


@pytest.mark.parametrize(
    ("jitter", "message"),
    [
        ("0.6", "Invalid value for '--jitter': 0.6 is not in the range 0<=x<=0.5."),
        ("-0.1", "Invalid value for '--jitter': -0.1 is not in the range 0<=x<=0.5."),
        ("abc", "Invalid value for '--jitter': 'abc' is not a valid float range."),
        ("nan", "Invalid value for '--jitter': 'nan' is not a finite number."),
        ("NaN", "Invalid value for '--jitter': 'NaN' is not a finite number."),
    ],
)
def test_a_bad_jitter_is_a_usage_error(tmp_path, jitter, message):
    """A stranger found `--jitter nan` taken (NaN passes click's range check): the first crawl ran, then the pause was
    NaN and the schedule ended 'cannot convert float NaN to integer' (exit 1)."""
    refused = cli("schedule", "--every", "1h", "--jitter", jitter, "ilo", "--db", tmp_path / "a.db", check=2)
    assert refused.stderr.splitlines()[-1] == f"Error: {message}" and refused.stdout == ""
    assert not (tmp_path / "a.db").exists()  # no crawl was begun


def test_schedule_reads_its_config_again_before_each_crawl(monkeypatch, capsys):
    """A schedule read its config once: a listing added to it months later was never crawled until someone
    restarted the schedule. An edit that no longer reads is reported and the last good plan crawled."""
    from archive import schedule

    crawled, plans = [], iter(["second", ValueError("listings.toml: line 3: bad value"), "fourth"])

    class Crawl(FinishedCrawl):
        def __init__(self, target, args):
            crawled.append(args[0])

    class Stop:
        def is_set(self):
            return len(crawled) >= 4

        def wait(self, seconds):
            pass

    def replan():
        plan = next(plans)
        if isinstance(plan, Exception):
            raise plan
        return plan

    monkeypatch.setattr(schedule, "threading", SimpleNamespace(Event=Stop))
    monkeypatch.setattr(schedule, "multiprocessing", SimpleNamespace(get_context=lambda method: spawn))
    spawn = SimpleNamespace(Process=Crawl)
    monkeypatch.setattr(schedule, "signal", SimpleNamespace(SIGTERM=15, SIGINT=2, signal=lambda signum, handler: None))
    assert schedule.run_schedule("first", every=3600, jitter=0, replan=replan) == 0
    assert crawled == ["first", "second", "second", "fourth"]
    said = "the config read again does not check out (listings.toml: line 3: bad value): crawling as before"
    assert said in capsys.readouterr().err
