"""`listing-archive demo --serve`: the demo site on 127.0.0.1 until Ctrl-C or SIGTERM, in the week
asked for; a port in use or an option that does not go with it is one clear line."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys

from conftest import ROOT, cli
from helpers import get

from crawler.site_server import DEMO_LISTING_PATH


def _listing(first_line: str) -> str:
    url = first_line.split(" on ", 1)[1].split(";", 1)[0]
    return get(url + DEMO_LISTING_PATH, timeout=5)


def test_each_week_is_served_until_sigterm(tmp_path):
    pages = {}
    for week in ("1", "2"):
        proc = subprocess.Popen(
            [sys.executable, "-m", "archive.cli", "demo", "--serve", "--port", "0", "--week", week],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        first = proc.stdout.readline()
        assert first.startswith(f"Demo site (week {week}) on http://127.0.0.1:"), first
        pages[week] = _listing(first)
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
        assert proc.returncode == 0
    assert "WCMS_862866" in pages["1"] and pages["1"] != pages["2"]
    assert "Automotive Sector" in pages["2"]


def test_a_port_in_use_is_one_clear_line():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = cli("demo", "--serve", "--port", port, check=1, timeout=60)
    assert proc.stderr.strip() == (
        f"Error: cannot serve on 127.0.0.1:{port} (Address already in use); give another, e.g. --port 0"
    )


def test_options_that_do_not_go_together_are_usage_errors():
    both = cli("demo", "--serve", "--db", "x.db", "--report", "r.html", check=2)
    assert "--db, --report: only without --serve" in both.stderr
    assert "--week: only with --serve" in cli("demo", "--week", "2", check=2).stderr
    assert "--port: only with --serve" in cli("demo", "--port", "9000", check=2).stderr


def test_ctrl_c_just_after_the_line_saying_it_stops_it_stops_it_cleanly(tmp_path):
    """The line "Ctrl-C stops it" was printed before the server handled Ctrl-C: one sent at once gave
    click's "Aborted!" and exit 1 (the README tour's test failed so on a busy machine; a race: often, not always)."""
    for _ in range(12):
        proc = subprocess.Popen(
            [sys.executable, "-m", "archive.cli", "demo", "--serve", "--port", "0"],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"},
        )
        assert proc.stdout.readline().startswith("Demo site")
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        assert (proc.returncode, "Aborted" in err) == (0, False), (out, err)
        assert "Demo site stopped." in out


def test_a_demo_server_started_with_ctrl_c_ignored_still_stops_on_it(tmp_path):
    """A parent that ignores Ctrl-C (one that ran a crawl in its own process, as a test worker does, or a script's
    background job) passed that on: the server printed "Ctrl-C stops it" and then ignored Ctrl-C for ever."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "archive.cli", "demo", "--serve", "--port", "0"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"},
        preexec_fn=_ctrl_c_ignored,
    )
    try:
        assert proc.stdout.readline().startswith("Demo site")
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 0 and "Demo site stopped." in out, (out, err)


def _ctrl_c_ignored():
    signal.signal(signal.SIGINT, signal.SIG_IGN)
