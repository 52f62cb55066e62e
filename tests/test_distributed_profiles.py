"""A distributed crawl's workers read the profile its coordinator read, sent through the frontier, never a file
of the same name on their own disk, missing or edited since (found by a stranger, 2026-12-07)."""

from __future__ import annotations

import signal
import subprocess
import sys

from conftest import FAST, ROOT, cli, q, wait_for
from synthetic import TITLES, page

from crawler.distributed.frontier import Frontier
from crawler.site_server import SiteServer

# Talks as free-text lines "DATE<mark> Title op <a>Venue</a>" (docs/learn.md's third shape), with the date written
# otherwise than the docs' "7/10/2025": with its hour, or as ISO figures joined by the "-" a mark may also be.
DAYS = ["7/10/2025", "23/10/2025", "6/05/2025", "25/2/2025"]
ISO_DAYS = ["2025-10-07", "2025-10-23", "2025-05-06", "2025-02-25"]


def talk_lines(shape: str, days: list[str]) -> str:
    items = "".join(shape.format(i=i, t=t, d=d) for i, (t, d) in enumerate(zip(TITLES, days, strict=True)))
    return page(f'<h2>Talks</h2><ul class="talks">{items}</ul>')


def test_a_worker_without_the_crawls_profile_file_reads_the_coordinators(tmp_path, redis_url):
    (tmp_path / "site" / "list").mkdir(parents=True)
    lines = talk_lines('<li>{d}: {t} op <a href="/v/{i}.html">Campus Noord</a></li>', DAYS)
    (tmp_path / "site" / "list" / "talks.html").write_text(lines)
    profile = tmp_path / "talks.toml"
    profile.write_text(
        'name = "talks"\ntitle_after_date = ":"\ntitle_before = [" op "]\n\n[selectors]\nentry = "ul.talks > li"\n'
        'link = "a"\n'
    )
    with SiteServer(tmp_path / "site") as site:
        command = ["crawl", "listing", "--db", tmp_path / "a.db", "--start-url", f"{site.base_url}/list/talks.html"]
        coordinator = subprocess.Popen(
            [sys.executable, "-m", "archive.cli", *map(str, command), "--profile", str(profile)]
            + ["--frontier", redis_url, "--workers", "0", *FAST],
            cwd=str(ROOT),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(lambda: Frontier(redis_url).crawl_info()[0] is not None, 60)
            profile.rename(tmp_path / "elsewhere.toml")  # the worker's machine holds no such file
            joined = cli("worker", "--frontier", redis_url, "--idle-timeout", "5", timeout=120)
        finally:
            coordinator.send_signal(signal.SIGINT)
            coordinator.wait(timeout=60)
    said = joined.stdout + joined.stderr  # it died with a traceback (ProfileError raised as the spider started)
    assert "Traceback" not in said and "ProfileError" not in said and joined.returncode == 0, said[-3000:]


def test_a_worker_reads_the_profile_the_coordinator_read(tmp_path, redis_url):
    (tmp_path / "site" / "list").mkdir(parents=True)
    lines = talk_lines('<li>{d}: {t} op <a href="/v/{i}.html">Campus Noord</a></li>', DAYS)
    (tmp_path / "site" / "list" / "talks.html").write_text(lines)
    profile = tmp_path / "talks.toml"
    cut = 'name = "talks"\ntitle_after_date = ":"\ntitle_before = [{}]\n\n[selectors]\n'
    cut += 'entry = "ul.talks > li"\nlink = "a"\n'
    profile.write_text(cut.format('" op "'))
    with SiteServer(tmp_path / "site") as site:
        command = ["crawl", "listing", "--db", tmp_path / "a.db", "--start-url", f"{site.base_url}/list/talks.html"]
        coordinator = subprocess.Popen(
            [sys.executable, "-m", "archive.cli", *map(str, command), "--profile", str(profile)]
            + ["--frontier", redis_url, "--workers", "0", *FAST],
            cwd=str(ROOT),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(lambda: Frontier(redis_url).crawl_info()[0] is not None, 60)
            profile.write_text(cut.format('" op ", " on "'))  # the profile as the worker's disk holds it
            cli("worker", "--frontier", redis_url, "--idle-timeout", "5", timeout=120)
            assert coordinator.wait(timeout=120) == 0
        finally:
            if coordinator.poll() is None:
                coordinator.send_signal(signal.SIGINT)
                coordinator.wait(timeout=60)
    titles = q(tmp_path / "a.db", "SELECT group_concat(title, ' | ') FROM (SELECT title FROM entries ORDER BY title)")
    assert titles == " | ".join(sorted(TITLES))
