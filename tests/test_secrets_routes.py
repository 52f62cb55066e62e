"""A start URL's `?token=` by every other way of crawling: a config file with a Redis frontier and its
worker, and `schedule`. The crawl sends it; no output, log or archive file holds it (tests/test_secrets.py
has the crawl from the command line, twice, and the archive's rule)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

import redis
from conftest import FAST, ROOT, cli, q, wait_for
from helpers import write_site
from synthetic import page

from crawler.site_server import SiteServer

SECRET = "Zq8-never-kept"
QUERY, KEPT_QUERY = f"token=tok-{SECRET}&api_key=key-{SECRET}", "token=***&api_key=***"


def files_holding(folder, text: str) -> list[str]:
    return [str(path) for path in folder.rglob("*") if path.is_file() and text.encode() in path.read_bytes()]


def dump(frontier, key) -> str:
    """A Redis key's value, whatever its type, as text."""
    read = {
        "string": frontier.get,
        "hash": frontier.hgetall,
        "set": frontier.smembers,
        "list": lambda name: frontier.lrange(name, 0, -1),
        "zset": lambda name: frontier.zrange(name, 0, -1),
    }
    return repr(read[frontier.type(key).decode()](key))


def serve_recording(tmp_path, asked: list):
    write_site(tmp_path / "site", pages=2)
    site = SiteServer(tmp_path / "site")
    site.faults["*"] = lambda handler: asked.append(handler.path)  # then served as it is
    return site


def test_a_token_through_a_config_and_a_redis_frontier_is_sent_but_never_kept(tmp_path, redis_url):
    asked = []
    with serve_recording(tmp_path, asked) as site:
        config = tmp_path / "listings.toml"
        listing = f"{site.base_url}/list/page-1.html?{QUERY}"
        config.write_text(
            f'db = "a.db"\nlog_dir = "logs"\n[[listing]]\nurl = "{listing}"\nspider = "listing"\nprofile = "auto"\n'
        )
        done = cli("crawl", "--config", config, "--frontier", redis_url, "--workers", "1", *FAST, check=0)
    assert f"/list/page-1.html?{QUERY}" in asked  # the worker fetched it whole
    assert "COMPLETE" in done.stdout and KEPT_QUERY in done.stdout, done.stdout + done.stderr[-3000:]
    assert SECRET not in done.stdout + done.stderr
    db = tmp_path / "a.db"
    assert q(db, "SELECT count(*) FROM entries") == 10
    assert KEPT_QUERY in q(db, "SELECT settings FROM crawls")  # the config's profile for the listing, kept masked
    frontier = redis.Redis.from_url(redis_url)  # the crawl is over: the config it keeps is masked
    assert not [key for key in frontier.scan_iter() if SECRET in dump(frontier, key)]
    assert files_holding(tmp_path, SECRET) == [str(config)]  # not the archive, the coordinator's nor the worker's logs


def test_a_token_through_schedule_is_sent_but_never_kept(tmp_path):
    asked, said = [], []
    db = tmp_path / "a.db"
    with serve_recording(tmp_path, asked) as site:
        start = f"{site.base_url}/list/page-1.html?{QUERY}"
        command = ["schedule", "--every", "1h", "listing", "--db", db, "--start-url", start, *FAST]
        proc = subprocess.Popen(
            [sys.executable, "-m", "archive.cli", *map(str, command)],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        reader = threading.Thread(target=lambda: said.extend(iter(proc.stdout.readline, "")), daemon=True)
        reader.start()
        try:
            wait_for(lambda: any("next crawl at" in line for line in said))  # the first crawl is done
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
            reader.join(timeout=10)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert f"/list/page-1.html?{QUERY}" in asked
    assert q(db, "SELECT count(*) FROM crawls WHERE status='complete'") == 1
    assert KEPT_QUERY in "".join(said) and SECRET not in "".join(said)
    assert not files_holding(tmp_path, SECRET)


def test_parse_and_learn_print_and_write_a_pages_token_masked(tmp_path):
    write_site(tmp_path, pages=2)
    saved, url = tmp_path / "list" / "page-1.html", f"http://127.0.0.1:9/list/page-1.html?{QUERY}"
    parsed = [cli("parse", saved, "--url", url, "--format", fmt) for fmt in ("jsonl", "table")]
    learned = cli("learn", saved, "--url", url, "--example", "Report 1-0 on labour", "-o", tmp_path / "p.toml")
    unfetched = cli("learn", url, "--example", "Report 1-0 on labour", "-o", tmp_path / "q.toml")  # nothing on :9
    assert unfetched.returncode == 1 and KEPT_QUERY in unfetched.stderr, unfetched.stderr
    assert KEPT_QUERY in parsed[0].stdout and KEPT_QUERY in learned.stdout  # its listing_url; the crawl to run
    assert not [out.stdout + out.stderr for out in (*parsed, learned, unfetched) if SECRET in out.stdout + out.stderr]
    assert "page address" in (tmp_path / "p.toml").read_text() and not files_holding(tmp_path, SECRET)


def test_scrapy_crawl_with_a_token_logs_and_exports_it_masked(tmp_path):
    """`scrapy crawl` (Scrapy's own command, logging every request at DEBUG) and a feed export (-O)."""
    asked = []
    with serve_recording(tmp_path, asked) as site:
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "scrapy",
                "crawl",
                "listing",
                "-a",
                f"start_urls={site.base_url}/list/page-1.html?{QUERY}",
            ]
            + [
                "-O",
                str(tmp_path / "e.jsonl"),
                "-s",
                f"ARCHIVE_DB={tmp_path / 'a.db'}",
                *FAST,
                "-s",
                "LOG_LEVEL=DEBUG",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
            timeout=120,
        )
    assert run.returncode == 0 and f"/list/page-1.html?{QUERY}" in asked, run.stderr[-3000:]
    assert f"<GET {site.base_url}/list/page-1.html?{KEPT_QUERY}>" in run.stderr  # logged, masked
    assert SECRET not in run.stdout + run.stderr
    exported = (tmp_path / "e.jsonl").read_text()
    assert exported.count(KEPT_QUERY) == 10  # each entry's listing_url
    assert not files_holding(tmp_path, SECRET)


def test_parse_prints_no_password_given_in_its_url(tmp_path):
    """Found by a stranger (stranger26): `parse page.html --url http://bob:s3cr3t@host/list/` printed the password
    in every entry's url and in listing_url, while a ?token= beside it was masked."""
    saved = tmp_path / "page.html"
    saved.write_text(
        page("".join(f"<article><h2><a href='/r/{i}'>Report {i} on wages</a></h2></article>" for i in range(4)))
    )
    done = cli("parse", saved, "--url", "http://bob:s3cr3t@127.0.0.1:9/list/?token=t0k", "--format", "jsonl")
    assert "s3cr3t" not in done.stdout + done.stderr and "t0k" not in done.stdout, done.stdout
    assert '"url": "http://127.0.0.1:9/r/2"' in done.stdout, done.stdout


def test_a_pagination_link_off_the_start_hosts_is_noted_with_its_token_masked(tmp_path):
    """The "pagination leads off the start hosts: URL" note quoted the link as scraped: a `?token=` in it was
    printed, logged and stored in the crawl's note."""
    write_site(tmp_path / "site", pages=2)
    start = tmp_path / "site" / "list" / "page-1.html"
    off_site = f"https://elsewhere.example/list/page-2.html?{QUERY}"
    start.write_text(start.read_text().replace('href="/list/page-2.html"', f'href="{off_site}"'))
    (tmp_path / "run").mkdir()
    db = tmp_path / "run" / "a.db"
    with SiteServer(tmp_path / "site") as site:
        url = f"{site.base_url}/list/page-1.html"
        done = cli("crawl", "listing", "--db", db, "--start-url", url, "--log-dir", tmp_path / "run", *FAST)
    note = q(db, "SELECT note FROM crawls WHERE id = 1")
    assert f"pagination leads off the start hosts: https://elsewhere.example/list/page-2.html?{KEPT_QUERY}" in note
    assert SECRET not in done.stdout + done.stderr + note
    # Only the page as served: its body and the links read from it (its capture's page_links), not a log file.
    assert files_holding(tmp_path / "run", SECRET) == [str(db)], files_holding(tmp_path / "run", SECRET)


def test_a_page_given_up_by_the_coordinator_is_logged_with_its_token_masked(caplog):
    """The coordinator logged "giving up on URL" (a page whose lease expired FRONTIER_LEASE_ATTEMPTS times) with
    the URL as queued, `?token=` and all; the frontier's problem beside it was masked already."""
    from archive import coordinator

    class OneLeaseLost:  # a frontier with one page whose lease expired, then nothing left
        def __init__(self):
            self.lost, self.given_up = [{"url": f"https://example.org/news?{QUERY}", "listing_url": "L"}], []

        def reclaim(self, attempts):
            lost, self.lost = self.lost, []
            return lost

        def give_up(self, start_urls, message, attempts):
            self.given_up.append(message)

        def results(self, size, wait):
            return []

        def worker_stops(self):
            return {}

        def counts(self):
            return 0, 0

        live_workers = idle = lambda self: True

    class NothingToWrite:
        error = None

        def take_batch(self):
            return []

        def write(self, batch):
            pass

        def batch_due(self):
            return False

    collector = object.__new__(coordinator.Coordinator)
    collector.frontier, collector.batch_size, collector.max_attempts = OneLeaseLost(), 10, 3
    collector.start_urls, collector.notes, collector.read, collector.workers = ["L"], {}, {}, []
    collector.stopped, collector.worker_seen = None, False
    with caplog.at_level("WARNING", logger=coordinator.log.name):
        collector._collect_until_idle(NothingToWrite())
    assert len(collector.frontier.given_up) == 1
    assert f"giving up on https://example.org/news?{KEPT_QUERY}" in caplog.text and SECRET not in caplog.text
