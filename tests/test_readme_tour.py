"""The README's five-minute tour runs word for word, offline: its `demo --serve` lines serve the
demo site (on a free port put in place of 8800), every other line runs as shown, in order, and
what the README says the tour shows is what it shows."""

from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess
import sys

from conftest import ROOT, wait_for
from helpers import free_port, get, local_request

TOUR_HEADING = "## A five-minute tour, offline"
SITE_PORT, SERVE_PORT = "8800", "8001"  # as the README writes them
ACTIVATE = ". .venv/bin/activate"


def tour_lines() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index(TOUR_HEADING) :].split("\n## ", 1)[0]
    blocks = section.split("```sh\n")[1:]
    return [line.strip() for block in blocks for line in block.split("```")[0].splitlines() if line.strip()]


def command(line: str, ports: dict[str, str]) -> list[str]:
    for shown, real in ports.items():
        line = line.replace(shown, real)
    words = shlex.split(line)
    assert words[0] == "listing-archive", line
    return [sys.executable, "-m", "archive.cli", *words[1:]]


def start(args: list[str], cwd) -> subprocess.Popen:
    return subprocess.Popen(
        args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(), start_new_session=True
    )


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}


def stop(proc: subprocess.Popen, *codes: int) -> str:
    """Ctrl-C (SIGINT), as the tour stops it; returns what it printed. It must end at once and cleanly."""
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode in (0, *codes), (proc.returncode, out, err[-3000:])
    return out


def serve_site(args: list[str], cwd) -> subprocess.Popen:
    proc = start(args, cwd)
    first = proc.stdout.readline()  # printed once the socket listens
    assert first.startswith("Demo site"), (first, proc.stderr.read() if proc.poll() is not None else "")
    return proc


def answers(url: str) -> bool:
    try:
        return local_request(url, timeout=5)[0] == 200
    except OSError:
        return False


def browse(args: list[str], cwd) -> None:
    """`serve` answers on its port with the tour's archive, and stops on the signal."""
    served = start(args, cwd)
    url = f"http://127.0.0.1:{args[args.index('--port') + 1]}/"
    wait_for(lambda: answers(url) or served.poll() is not None, seconds=120)
    assert served.poll() is None, served.communicate()
    assert "tour" in get(url, timeout=5)
    stop(served)


def test_the_tour_is_what_the_test_runs():
    lines = tour_lines()
    assert lines[0] == ACTIVATE
    assert [line for line in lines if "demo --serve" in line] == [
        f"listing-archive demo --serve --port {SITE_PORT}",
        f"listing-archive demo --serve --port {SITE_PORT} --week 2",
    ]
    assert sum(line.startswith("listing-archive crawl ") for line in lines) == 2
    assert all(line.startswith("listing-archive ") for line in lines[1:])


def test_the_tour_runs_word_for_word_offline(tmp_path):
    ports = {SITE_PORT: str(free_port()), f"--port {SERVE_PORT}": f"--port {free_port()}"}
    site, outputs = None, {}
    try:
        for line in tour_lines()[1:]:
            args = command(line, ports)
            if "demo --serve" in line:
                if site is not None:
                    assert "Demo site stopped." in stop(site)  # the tour's Ctrl-C in terminal 1
                site = serve_site(args, tmp_path)
            elif line.startswith("listing-archive serve "):
                browse(args, tmp_path)
            else:
                proc = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, timeout=180, env=_env())
                assert proc.returncode == 0, (line, proc.stdout, proc.stderr[-3000:])
                outputs.setdefault(line, []).append(proc.stdout)
    finally:
        if site is not None:
            stop(site)
    check_what_the_readme_says(outputs, tmp_path)


def check_what_the_readme_says(outputs: dict[str, list[str]], folder):
    crawl = next(line for line in outputs if line.startswith("listing-archive crawl "))
    first, second = outputs[crawl]
    assert "COMPLETE" in first and "pages 2, entries 14: new 14" in first, first
    assert "COMPLETE" in second and "new 1, changed 1, removed 1" in second, second
    assert "WCMS_862866" in outputs['listing-archive search "skill standards" --db tour.db'][0]
    history = outputs["listing-archive history WCMS_862866 --db tour.db"][0]
    assert "Automotive Sector" in history and "title" in history
    assert "1 new, 1 changed, 1 removed" in outputs["listing-archive diff --db tour.db"][0]
    assert (folder / "tour-report.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert len((folder / "tour.csv").read_text(encoding="utf-8").splitlines()) == 1 + 14  # header and the listed 14
    exported = [json.loads(line) for line in (folder / "tour.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(exported) == 15 and sum(entry["status"] == "removed" for entry in exported) == 1
