"""Crawls against a local site that misbehaves on purpose. In every case: the archive
passes PRAGMA integrity_check, nothing is falsely removed or blanked, the exit status
and summary say what happened, and the next normal crawl records the truth."""

import http.server
import json
import os
import pty
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import FAST, ROOT, cli

from archive.store import integrity_ok
from crawler.site_server import DEMO_LISTING_PATH, SiteServer, demo_site_root

PAGE2 = DEMO_LISTING_PATH.replace("index.htm", "nextRow--10/index.htm")
NOW = ["-s", "CONDITIONAL_REQUESTS=False"]  # every page fetched in full, so that a fault is met


def q(db, sql, *args):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchone()[0]
    finally:
        conn.close()


def wait_for(predicate, seconds=60):
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def healthy(db):
    """Nothing removed, no date or description blanked, integrity intact."""
    assert integrity_ok(str(db))
    assert q(db, "SELECT count(*) FROM entries WHERE status='removed'") == 0
    assert q(db, "SELECT count(*) FROM entries WHERE date_start IS NOT NULL") == 6
    assert q(db, "SELECT count(*) FROM entries WHERE description IS NOT NULL") == 12


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(demo_site_root() / "week1", root)
    with SiteServer(root) as server:
        server.url = server.base_url + DEMO_LISTING_PATH
        server.page_root = root
        yield server


@pytest.fixture
def db(tmp_path, site):
    path = tmp_path / "a.db"
    cli("crawl", "ilo", "--db", path, "--start-url", site.url, *FAST, check=0)
    return path


def crawl(db, site, *extra, check=None, timeout=120):
    return cli("crawl", "ilo", "--db", db, "--start-url", site.url, *FAST, *NOW, *extra, check=check, timeout=timeout)


def test_server_errors_make_a_partial_crawl(db, site):
    site.faults[PAGE2] = lambda h: (h.send_error(503), True)[1]
    result = crawl(db, site, check=3)
    assert "PARTIAL" in result.stdout and "1 failed" in result.stdout
    healthy(db)
    site.faults.clear()
    crawl(db, site, check=0)
    healthy(db)


def test_429_is_retried_after_retry_after(db, site):
    times = []

    def busy_once(handler):
        times.append(time.monotonic())
        if len(times) == 1:
            handler.send_response(429)
            handler.send_header("Retry-After", "1")
            handler.end_headers()
            return True
        return False

    site.faults[PAGE2] = busy_once
    result = crawl(db, site, "-s", "RETRY_TIMES=2", check=0)
    assert "COMPLETE" in result.stdout
    assert len(times) == 2 and times[1] - times[0] >= 0.9  # Retry-After honoured
    healthy(db)


def test_timeout_connection_cut_and_oversized_page(db, site):
    release = threading.Event()
    site.faults[PAGE2] = lambda h: (release.wait(30), True)[1]
    try:
        result = crawl(db, site, "-s", "DOWNLOAD_TIMEOUT=1", "-s", "RETRY_TIMES=0", check=3)
        assert "PARTIAL" in result.stdout
    finally:
        release.set()
    healthy(db)

    def cut(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        handler.wfile.write(b"<html><body><div class='items-list'><h3 class='items-group'>November 2022</h3><ol>")
        handler.wfile.flush()
        handler.connection.shutdown(2)
        return True

    site.faults[PAGE2] = cut
    crawl(db, site, "-s", "RETRY_TIMES=0", check=3)
    healthy(db)

    def huge(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(20 * 1024 * 1024))
        handler.end_headers()
        try:
            for _ in range(20 * 16):
                handler.wfile.write(b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n")
        except OSError:
            pass  # the crawler hung up: what we wanted
        return True

    site.faults[PAGE2] = huge
    result = crawl(db, site, "-s", "RETRY_TIMES=0", check=3)
    assert "PARTIAL" in result.stdout
    healthy(db)
    site.faults.clear()
    crawl(db, site, check=0)
    healthy(db)


def test_empty_listing_served_with_200_is_suspect(db, site):
    empty = b"<html><body><h1>Lao People's Democratic Republic resources</h1><p>No results.</p></body></html>"

    def blank(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        handler.wfile.write(empty)
        return True

    site.faults[DEMO_LISTING_PATH] = blank
    result = crawl(db, site, check=5)
    assert "SUSPECT" in result.stdout and "no entries" in result.stdout
    healthy(db)


def test_markup_change_loses_nothing(db, site):
    # A redesign: other class names, headings of another level, dates in <time>.
    page = site.page_root / DEMO_LISTING_PATH.lstrip("/")
    html = page.read_text()
    for old, new in (
        ('class="items-list"', 'class="results"'),
        ('<h3 class="items-group">', "<h2>"),
        ("</h3>", "</h2>"),
        ('<li class="item">', '<li class="result">'),
        ('<h5 class="item-title">', "<h4>"),
        ("</h5>", "</h4>"),
        ('<p class="item-date">', "<time>"),
        ('<p class="item-abstract">', '<div class="summary">'),
    ):
        html = html.replace(old, new)
    html = html.replace("</time>", "</time>") if "<time>" in html else html
    import re

    html = re.sub(r"<time>([^<]*)</p>", r"<time>\1</time>", html)
    html = re.sub(r'<div class="summary">([^<]*)</p>', r'<div class="summary">\1</div>', html)
    page.write_text(html)
    result = crawl(db, site, check=0)
    assert "new 0, changed 0, removed 0" in result.stdout
    healthy(db)


def test_redirect_to_another_domain_is_not_followed(db, site):
    port = site.server_address[1]

    def away(handler):
        handler.send_response(302)
        handler.send_header("Location", f"http://localhost:{port}{PAGE2}")
        handler.end_headers()
        return True

    site.faults[PAGE2] = away
    result = crawl(db, site, "-s", "RETRY_TIMES=0")
    assert result.returncode == 3 and "PARTIAL" in result.stdout
    assert q(db, "SELECT count(*) FROM captures WHERE url LIKE 'http://localhost%'") == 0
    healthy(db)


def test_wrong_or_missing_charset(tmp_path, site):
    page = site.page_root / DEMO_LISTING_PATH.lstrip("/")
    html = page.read_text().replace(
        "Lao People's Democratic Republic resources", "Ressources — République démocratique populaire lao"
    )
    page.write_bytes(html.replace('<meta charset="utf-8">', "").encode("cp1252", errors="replace"))
    db = tmp_path / "c.db"

    def latin(handler):
        body = page.read_bytes()
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")  # no charset anywhere
        handler.end_headers()
        handler.wfile.write(body)
        return True

    site.faults[DEMO_LISTING_PATH] = latin
    crawl(db, site, check=0)
    assert (
        q(db, "SELECT listing_title FROM entries WHERE entry_id='WCMS_866512'")
        == "Ressources — République démocratique populaire lao"
    )

    def lying(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")  # but the bytes are cp1252
        handler.end_headers()
        handler.wfile.write(page.read_bytes())
        return True

    site.faults[DEMO_LISTING_PATH] = lying
    result = crawl(db, site)
    assert result.returncode in (0, 5) and "Traceback" not in result.stderr
    assert integrity_ok(str(db)) and q(db, "SELECT count(*) FROM entries WHERE status='removed'") == 0


def _start_crawl(db, site, *extra):
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "archive.cli",
            "crawl",
            "ilo",
            "--db",
            str(db),
            "--start-url",
            site.url,
            *FAST,
            *NOW,
            *extra,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_sigkill_mid_crawl_and_two_crawls_at_once(db, site):
    release = threading.Event()
    site.faults[PAGE2] = lambda h: (release.wait(60), h.send_error(503), True)[2]
    site.requests.clear()
    first = _start_crawl(db, site)
    try:
        wait_for(lambda: PAGE2 in site.requests)
        second = crawl(db, site, check=75, timeout=60)
        assert "another crawl is writing" in second.stderr
        first.kill()  # SIGKILL: no chance to clean up
        first.wait(timeout=30)
    finally:
        release.set()
    assert integrity_ok(str(db))
    assert q(db, "SELECT status FROM crawls ORDER BY id DESC LIMIT 1") == "running"
    site.faults.clear()
    crawl(db, site, check=0)
    assert q(db, "SELECT status FROM crawls WHERE id=2") == "failed"
    assert q(db, "SELECT status FROM crawls WHERE id=3") == "complete"
    healthy(db)


def test_sigterm_stops_cleanly_as_partial(db, site):
    release = threading.Event()
    site.faults[PAGE2] = lambda h: (release.wait(60), h.send_error(503), True)[2]
    site.requests.clear()
    proc = _start_crawl(db, site, "-s", "DOWNLOAD_TIMEOUT=5", "-s", "RETRY_TIMES=0")
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


def test_robots_crawl_delay_is_obeyed(tmp_path, site):
    (site.page_root / "robots.txt").write_text("User-agent: *\nCrawl-delay: 1\n")
    times = {}
    for path in (DEMO_LISTING_PATH, PAGE2):
        site.faults[path] = lambda h, p=path: (times.setdefault(p, time.monotonic()), False)[1]
    crawl(tmp_path / "r.db", site, check=0)
    assert times[PAGE2] - times[DEMO_LISTING_PATH] >= 0.9


def test_robots_disallow_is_obeyed(tmp_path, site):
    (site.page_root / "robots.txt").write_text("User-agent: *\nDisallow: /asia/\n")
    result = crawl(tmp_path / "r.db", site)
    assert result.returncode == 4
    assert DEMO_LISTING_PATH not in site.requests


def test_conditional_requests_cost_no_parsing(db, site):
    seen = []
    site.faults[DEMO_LISTING_PATH] = lambda h: (seen.append(h.headers.get("If-None-Match")), False)[1]
    result = cli("crawl", "ilo", "--db", db, "--start-url", site.url, *FAST, check=0)
    assert seen and seen[0]  # the archive's ETag was sent
    assert "entries 14: new 0, changed 0, removed 0" in result.stdout
    assert q(db, "SELECT count(*) FROM captures WHERE status=304") == 2
    healthy(db)


class _Catcher(http.server.BaseHTTPRequestHandler):
    posts: list = []

    def do_POST(self):
        _Catcher.posts.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *a):
        pass


def test_config_file_log_file_and_notifications(tmp_path, site):
    catcher = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Catcher)
    threading.Thread(target=catcher.serve_forever, daemon=True).start()
    _Catcher.posts.clear()
    config = tmp_path / "listings.toml"
    config.write_text(
        f'db = "cfg.db"\nlog_dir = "crawl-logs"\nnotify = ["json://127.0.0.1:{catcher.server_address[1]}/hook"]\n'
        f"[settings]\nAUTOTHROTTLE_ENABLED = false\nDOWNLOAD_DELAY = 0\n"
        f'[[listing]]\nurl = "{site.url}"\nspider = "ilo"\n'
    )
    try:
        result = cli("crawl", "--config", config, check=0)
        assert (tmp_path / "cfg.db").exists()
        logs = list((tmp_path / "crawl-logs").glob("crawl-*.log"))
        assert len(logs) == 1 and "Spider opened" in logs[0].read_text()
        assert "log:" in result.stdout
        assert _Catcher.posts and "14 new entries" in _Catcher.posts[0]["title"]
        site.faults[DEMO_LISTING_PATH] = lambda h: (h.send_error(500), True)[1]
        cli("crawl", "--config", config, "-s", "RETRY_TIMES=0", check=4)
        assert "ALERT" in _Catcher.posts[-1]["title"]
    finally:
        catcher.shutdown()
    bad = tmp_path / "bad.toml"
    bad.write_text('[[listing]]\nurl = "ftp://nope"\n')
    out = cli("crawl", "--config", bad)
    assert out.returncode == 1 and "not an http(s) URL" in out.stderr


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


def test_a_stopped_crawl_resumes_from_its_jobdir(tmp_path):
    """Stop a crawl with SIGTERM while pages wait in its queue; the next run with the
    same --jobdir fetches only what was left, and marks nothing removed."""
    root = tmp_path / "long"
    paths = ["/long/index.htm"] + [f"/long/nextRow--{n * 10}/index.htm" for n in range(1, 12)]
    for n, path in enumerate(paths):
        numbers = "".join(f'<li><a href="{p}">{k + 1}</a></li>' for k, p in enumerate(paths) if n == 1 and k > 1)
        items = "".join(
            f'<li class="item"><h5 class="item-title"><a href="/doc/WCMS_{n * 100 + i}/lang--en/index.htm">Entry {i} of page {n + 1}</a></h5></li>'
            for i in range(3)
        )
        nxt = f'<li class="next"><a href="{paths[n + 1]}">Next &gt;</a></li>' if n == 0 else ""
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            f'<html lang="en"><body><div class="items-list"><h3 class="items-group">May 2021</h3><ol>{items}</ol></div>'
            f'<aside class="pagination"><ul>{numbers}{nxt}</ul></aside></body></html>'
        )
    db, jobs = tmp_path / "r.db", tmp_path / "jobs"
    release = threading.Event()
    with SiteServer(root) as site:
        for path in paths[2:]:  # whichever numbered page comes first is held until the crawl is told to stop
            site.faults[path] = lambda h: (release.wait(60), False)[1]
        url = site.base_url + paths[0]
        args = [
            sys.executable,
            "-m",
            "archive.cli",
            "crawl",
            "ilo",
            "--db",
            str(db),
            "--start-url",
            url,
            "--jobdir",
            str(jobs),
            *FAST,
            "-s",
            "CONCURRENT_REQUESTS=1",
            "-s",
            "ROBOTSTXT_OBEY=False",
        ]
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
    assert not set(site.requests) & {paths[0], paths[1]}  # nothing fetched twice
    assert first_run | set(site.requests) >= set(paths)  # between them, every page
    assert q(db, "SELECT count(*) FROM entries") == 3 * len(paths)
    assert q(db, "SELECT count(*) FROM entries WHERE status='removed'") == 0
    assert integrity_ok(str(db))


def test_user_agent_names_the_project_and_the_contact(tmp_path, site):
    agents = []
    site.faults[DEMO_LISTING_PATH] = lambda h: (agents.append(h.headers.get("User-Agent")), False)[1]
    crawl(tmp_path / "u.db", site, "--contact", "research-team@example.org", check=0)
    assert agents and "listing-archive" in agents[0] and "research-team@example.org" in agents[0]
